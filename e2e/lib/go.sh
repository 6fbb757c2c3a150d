# shellcheck shell=bash
# Building programs from Go modules fetched through the module proxy, into the cache folder:
# Go's module and build caches live under the cache root, binaries are static.
#
#   source e2e/lib/go.sh
#   go_setup
#   go_install_cached "$(microscope_cache_dir)/coredns/v1.12.1" github.com/coredns/coredns@v1.12.1
#
# A binary that exists is never rebuilt; a folder that exists is complete (filled beside it and
# renamed into place).

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

go_setup() {
  command -v go >/dev/null 2>&1 || die "Go 1.25 or newer is needed (https://go.dev/dl/)"
  local cache_root
  cache_root=$(microscope_cache_dir)
  export GOMODCACHE=${GOMODCACHE:-$cache_root/go/mod}
  export GOCACHE=${GOCACHE:-$cache_root/go/build}
  export GOFLAGS=-mod=mod
  export CGO_ENABLED=0
}

# go_module_dir MODULE@VERSION: downloads the module (if needed) and prints its folder in the
# module cache (read-only; copy what you need out of it).
go_module_dir() {
  local meta dir
  meta=$(cd / && GOFLAGS='' go mod download -json "$1") || {
    log "cannot download $1: $meta"
    return 1
  }
  dir=$(sed -n 's/^[[:space:]]*"Dir": *"\([^"]*\)".*/\1/p' <<<"$meta" | head -n 1)
  [ -d "$dir" ] || {
    log "no folder for $1 in the module cache: $meta"
    return 1
  }
  printf '%s\n' "$dir"
}

# go_install_cached DIR PACKAGE@VERSION [LDFLAGS]: `go install`s the package into DIR unless
# DIR already holds its binary (named after the package's last path element).
go_install_cached() {
  local dir=$1 package=$2 ldflags=${3:-}
  local name=${package%@*}
  name=${name##*/}
  [ -x "$dir/$name" ] && return 0
  mkdir -p "$(dirname "$dir")"
  local work
  work=$(mktemp -d "$(dirname "$dir")/.build-XXXXXX")
  if ! (cd / && GOBIN="$work" nice -n 10 go install -trimpath -ldflags "-s -w $ldflags" "$package" 2>&1 |
    grep -v '^go: downloading ' >&2; [ "${PIPESTATUS[0]}" -eq 0 ]); then
    rm -rf "$work"
    log "go install $package failed"
    return 1
  fi
  if ! mv -T "$work" "$dir" 2>/dev/null; then
    mkdir -p "$dir" && mv -f "$work/$name" "$dir/$name"
    rm -rf "$work"
  fi
  [ -x "$dir/$name" ]
}
