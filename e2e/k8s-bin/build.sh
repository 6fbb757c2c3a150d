#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Builds the Kubernetes and etcd binaries of the pinned release (env.sh) from their Go modules,
# fetched through the Go module proxy, into the cache folder fabric8 kube-api-test reads:
#   ${MICROSCOPE_CACHE_DIR:-~/.cache/microscope}/k8s/<version>-<os>-<arch>/
# Only missing binaries are built; a complete folder makes this a no-op. See README.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/common.sh
source "$here/../lib/common.sh"
# shellcheck source=env.sh
source "$here/env.sh"

usage() {
  cat <<EOF
usage: $(basename "$0") [--with-node]

Builds into $K8S_BIN_DIR
  default      ${K8S_INTEGRATION_BINARIES[*]}
  --with-node  also ${K8S_NODE_BINARIES[*]} (what a kind node needs)

Environment: MICROSCOPE_CACHE_DIR (cache root), K8S_VERSION, ETCD_VERSION (releases),
GOMODCACHE, GOCACHE (Go's caches; default under the cache root), GOPROXY.
EOF
}

wanted=("${K8S_INTEGRATION_BINARIES[@]}")
while [ $# -gt 0 ]; do
  case $1 in
    --with-node) wanted+=("${K8S_NODE_BINARIES[@]}") ;;
    -h | --help) usage && exit 0 ;;
    *) usage >&2 && die "unknown argument: $1" ;;
  esac
  shift
done

missing_binaries() {
  local b
  for b in "${wanted[@]}"; do
    [ -x "$K8S_BIN_DIR/$b" ] || printf '%s\n' "$b"
  done
}

report_present() {
  local b
  log "Kubernetes $K8S_VERSION binaries in $K8S_BIN_DIR:"
  for b in "${wanted[@]}"; do
    printf '  %-25s %6s MiB\n' "$b" "$(($(wc -c <"$K8S_BIN_DIR/$b") / 1048576))" >&2
  done
}

mapfile -t missing < <(missing_binaries)
if [ ${#missing[@]} -eq 0 ]; then
  report_present
  exit 0
fi

command -v go >/dev/null 2>&1 ||
  die "Go 1.25 or newer is needed to build ${missing[*]} (https://go.dev/dl/)"

cache_root=$(microscope_cache_dir)
export GOMODCACHE=${GOMODCACHE:-$cache_root/go/mod}
export GOCACHE=${GOCACHE:-$cache_root/go/build}
export GOFLAGS=-mod=mod
# Static binaries, as Kubernetes releases them: they also run inside a kind node image.
export CGO_ENABLED=0
mkdir -p "$(dirname "$K8S_BIN_DIR")"

# One build at a time per cache; a second caller waits and then finds the binaries present.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$(dirname "$K8S_BIN_DIR")/.build.lock"
  flock 9
  mapfile -t missing < <(missing_binaries)
  if [ ${#missing[@]} -eq 0 ]; then
    report_present
    exit 0
  fi
fi

# The work folder sits beside the target so the final rename is atomic; its name does not end
# in -<os>-<arch>, so kube-api-test never mistakes it for a release.
work=$(mktemp -d "$(dirname "$K8S_BIN_DIR")/.build-XXXXXX")
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
staging=$work/bin
mkdir -p "$staging"

json_field() { # $1 = field name; reads `go ... -json` output, prints the first string value
  sed -n "s/^[[:space:]]*\"$1\": *\"\\([^\"]*\\)\".*/\\1/p" | head -n 1
}

# Go names every module it fetches; count them instead of listing a few hundred lines.
count_fetched_modules() {
  awk '/^go: (downloading|added) / { n++; next } { print } END { printf "%d modules fetched\n", n }' >&2
}

# --- Kubernetes -----------------------------------------------------------------------------

k8s_mod=$work/kubernetes
k8s_ldflags=""

# k8s.io/kubernetes requires its staging modules (k8s.io/api, k8s.io/client-go, ...) as v0.0.0
# and replaces them with folders that its module zip does not contain. A module that requires
# it must replace each of them with the release's published version, v0.<minor>.<patch>.
prepare_k8s_module() {
  mkdir -p "$k8s_mod"
  local meta upstream_mod staging_version go_line
  meta=$(cd "$work" && GOFLAGS='' go mod download -json "k8s.io/kubernetes@v$K8S_VERSION") ||
    die "cannot download k8s.io/kubernetes@v$K8S_VERSION: $meta"
  upstream_mod=$(json_field GoMod <<<"$meta")
  [ -f "$upstream_mod" ] || die "no go.mod for k8s.io/kubernetes@v$K8S_VERSION: $meta"
  staging_version=v0.${K8S_VERSION#*.}
  go_line=$(grep -m1 '^go ' "$upstream_mod")
  {
    echo "module microscope.local/k8s-build"
    echo
    echo "$go_line"
    grep '^godebug ' "$upstream_mod" || true
    echo
    echo "require k8s.io/kubernetes v$K8S_VERSION"
    echo
    echo "replace ("
    awk -v v="$staging_version" '$1 ~ /^k8s\.io\// && $2 == "v0.0.0" { print "\t" $1 " => " $1 " " v }' \
      "$upstream_mod"
    echo ")"
  } >"$k8s_mod/go.mod"

  # Version stamping as the release build does (hack/lib/version.sh), from the module's
  # metadata so that rebuilding the same release gives the same binaries.
  local info commit date minor pkg
  info=$(cd "$work" && GOFLAGS='' go list -m -json "k8s.io/kubernetes@v$K8S_VERSION") || return
  commit=$(json_field Hash <<<"$info")
  date=$(json_field Time <<<"$info")
  minor=${K8S_VERSION#*.}
  minor=${minor%%.*}
  k8s_ldflags="-s -w"
  for pkg in k8s.io/client-go/pkg/version k8s.io/component-base/version; do
    k8s_ldflags+=" -X $pkg.gitVersion=v$K8S_VERSION -X $pkg.gitMajor=${K8S_VERSION%%.*}"
    k8s_ldflags+=" -X $pkg.gitMinor=$minor -X $pkg.buildDate=$date -X $pkg.gitTreeState=clean"
    # The proxy records the commit for some releases only.
    [ -z "$commit" ] || k8s_ldflags+=" -X $pkg.gitCommit=$commit"
  done
}

k8s_packages() {
  local b
  for b in "$@"; do printf 'k8s.io/kubernetes/cmd/%s\n' "$b"; done
}

download_k8s_dependencies() { # resolves and downloads exactly the modules these binaries import
  # shellcheck disable=SC2046 # one argument per package
  (cd "$k8s_mod" && go list -deps $(k8s_packages "$@") 2>&1 >/dev/null) | count_fetched_modules
}

build_k8s_binary() {
  (cd "$k8s_mod" && nice -n 10 go build -trimpath -ldflags "$k8s_ldflags" \
    -o "$staging/$1" "k8s.io/kubernetes/cmd/$1")
}

# --- etcd -----------------------------------------------------------------------------------

etcd_mod=$work/etcd
etcd_ldflags=""

# etcd's own build runs `go build` in its server module; its main package is that module's root.
# A separate module keeps etcd's dependency versions apart from Kubernetes' ones.
prepare_etcd_module() {
  mkdir -p "$etcd_mod"
  local info commit
  (cd "$etcd_mod" && go mod init microscope.local/etcd-build >/dev/null 2>&1 &&
    go get "go.etcd.io/etcd/server/v3@v$ETCD_VERSION" 2>&1 &&
    go list -deps go.etcd.io/etcd/server/v3 2>&1 >/dev/null) | count_fetched_modules || return
  # The server module's metadata has no commit; the root module of the same tag has it.
  info=$(cd "$work" && GOFLAGS='' go list -m -json "go.etcd.io/etcd/v3@v$ETCD_VERSION") || return
  commit=$(json_field Hash <<<"$info")
  etcd_ldflags="-s -w"
  if [ -n "$commit" ]; then
    etcd_ldflags+=" -X go.etcd.io/etcd/api/v3/version.GitSHA=${commit:0:7}"
  fi
}

build_etcd() {
  (cd "$etcd_mod" && nice -n 10 go build -trimpath -ldflags "$etcd_ldflags" \
    -o "$staging/etcd" go.etcd.io/etcd/server/v3)
}

# --- run --------------------------------------------------------------------------------------

check_version() { # $1 = binary, $2 = expected text in what it says its version is
  local out
  case $1 in
    kubectl) out=$("$staging/$1" version --client 2>&1) ;;
    kubeadm) out=$("$staging/$1" version -o short 2>&1) ;;
    *) out=$("$staging/$1" --version 2>&1) ;;
  esac || die "$1 could not print its version: $out"
  grep -qF -- "$2" <<<"$out" || die "$1 reports '$out', expected '$2'"
  log "$1: $(head -n 1 <<<"$out")"
}

install_staged() {
  # A missing folder appears in one rename, complete; kube-api-test never sees half of it.
  if [ ! -d "$K8S_BIN_DIR" ] && mv -T "$staging" "$K8S_BIN_DIR" 2>/dev/null; then
    return 0
  fi
  local f
  for f in "$staging"/*; do
    mv -f "$f" "$K8S_BIN_DIR/"
  done
}

log "building ${missing[*]} (Kubernetes $K8S_VERSION, etcd $ETCD_VERSION) into $K8S_BIN_DIR"
log "Go $(go env GOVERSION), GOPROXY=$(go env GOPROXY), GOMODCACHE=$GOMODCACHE, GOCACHE=$GOCACHE"

k8s_missing=()
for b in "${missing[@]}"; do
  [ "$b" = etcd ] || k8s_missing+=("$b")
done

if [ ${#k8s_missing[@]} -gt 0 ]; then
  timed "download k8s.io/kubernetes v$K8S_VERSION" prepare_k8s_module
  timed "download modules for ${k8s_missing[*]}" download_k8s_dependencies "${k8s_missing[@]}"
  for b in "${k8s_missing[@]}"; do
    timed "build $b" build_k8s_binary "$b"
    check_version "$b" "v$K8S_VERSION"
  done
fi
if [[ " ${missing[*]} " == *" etcd "* ]]; then
  timed "download etcd v$ETCD_VERSION modules" prepare_etcd_module
  timed "build etcd" build_etcd
  check_version etcd "etcd Version: $ETCD_VERSION"
fi

install_staged
print_timings
report_present
log "cache: $(du -sh "$K8S_BIN_DIR" | cut -f1) binaries, $(du -sh "$GOMODCACHE" | cut -f1) Go modules, $(du -sh "$GOCACHE" | cut -f1) Go build cache"
