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

# go_build_cached DIR MODULE VERSION PACKAGE [LDFLAGS]: builds PACKAGE (a main package of MODULE)
# into DIR unless DIR holds its binary already. Unlike `go install pkg@version`, this works for
# modules whose go.mod has replace directives: the build runs in a throwaway module whose go.mod
# is MODULE's own (requirements, replace and exclude directives) under another name, plus a
# requirement of MODULE itself, so that every dependency resolves as in MODULE's own build.
go_build_cached() {
  local dir=$1 module=$2 version=$3 package=$4 ldflags=${5:-}
  local name=${package##*/}
  [ -x "$dir/$name" ] && return 0
  local upstream_mod work
  upstream_mod=$(cd / && GOFLAGS='' go mod download -json "$module@$version" |
    sed -n 's/^[[:space:]]*"GoMod": *"\([^"]*\)".*/\1/p' | head -n 1)
  [ -f "$upstream_mod" ] || { log "cannot download $module@$version"; return 1; }
  mkdir -p "$(dirname "$dir")"
  work=$(mktemp -d "$(dirname "$dir")/.build-XXXXXX")
  sed "s|^module .*|module microscope.local/build|" "$upstream_mod" >"$work/go.mod"
  printf '\nrequire %s %s\n' "$module" "$version" >>"$work/go.mod"
  if ! (cd "$work" && nice -n 10 go build -trimpath -ldflags "-s -w $ldflags" -o "$work/bin/$name" "$package" 2>&1 |
    grep -v '^go: downloading ' >&2; [ "${PIPESTATUS[0]}" -eq 0 ]); then
    rm -rf "$work"
    log "go build $package ($module@$version) failed"
    return 1
  fi
  mkdir -p "$dir" && mv -f "$work/bin/$name" "$dir/$name"
  rm -rf "$work"
}
