# shellcheck shell=bash
# Docker for the project's image builds and end-to-end tests, on a machine that may have none:
# installs Debian's docker.io when missing and starts the daemon by hand when it is not running.

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
MICROSCOPE_CACHE_DIR="$(microscope_cache_dir)"

# The Debian client has buildx-free classic builds that work with this daemon; prefer it over any
# other docker on the PATH.
docker_bin() {
  if [ -x /usr/bin/docker ]; then echo /usr/bin/docker; else command -v docker; fi
}

docker() { DOCKER_BUILDKIT=0 "$(docker_bin)" "$@"; }

ensure_docker() {
  if ! [ -x /usr/sbin/dockerd ] && ! command -v dockerd >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      echo "== installing docker.io (Debian package)"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        docker.io iptables >/dev/null
    else
      echo "error: Docker is needed. On Debian/Ubuntu: sudo apt-get install docker.io" >&2
      return 1
    fi
  fi
  if docker info >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" != 0 ]; then
    echo "error: the Docker daemon is not running and only root can start it here." >&2
    return 1
  fi
  local log="$MICROSCOPE_CACHE_DIR/dockerd.log"
  mkdir -p "$MICROSCOPE_CACHE_DIR"
  echo "== starting dockerd (log: $log)"
  # setsid: the daemon outlives this script on purpose; the images it holds are the cache.
  setsid "$(command -v dockerd || echo /usr/sbin/dockerd)" >"$log" 2>&1 < /dev/null &
  local deadline=$((SECONDS + 60))
  until docker info >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      echo "error: dockerd did not come up within 60s; last log lines:" >&2
      tail -n 20 "$log" >&2
      return 1
    fi
    sleep 0.5
  done
}

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# The label that records which inputs an image was built from (a hash of its recipe, base
# image and versions); an image whose label matches is current and is not built again.
RECIPE_LABEL=dev.microscope.recipe

image_recipe() { docker image inspect -f "{{ index .Config.Labels \"$RECIPE_LABEL\" }}" "$1" 2>/dev/null; }

image_id() { docker image inspect -f '{{ .Id }}' "$1"; }

# recipe_hash WORDS_OR_FILES...: a short hash of the given words and of the contents of those
# that are files or folders.
recipe_hash() {
  local item
  for item in "$@"; do
    if [ -d "$item" ]; then
      (cd "$item" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
    elif [ -f "$item" ]; then
      sha256sum <"$item"
    else
      printf '%s\n' "$item"
    fi
  done | sha256sum | cut -c1-12
}

# build_image IMAGE HASH CONTEXT [DOCKER_BUILD_ARGS...]: builds IMAGE from CONTEXT with the
# recipe label HASH, unless IMAGE exists with that label already.
build_image() {
  local image=$1 hash=$2 context=$3 start=$SECONDS
  shift 3
  if [ "$(image_recipe "$image")" = "$hash" ]; then
    log "current: $image"
    return 0
  fi
  log "building $image"
  local output
  output=$(mktemp)
  if ! docker build --label "$RECIPE_LABEL=$hash" -t "$image" "$@" "$context" >"$output" 2>&1; then
    tail -n 30 "$output" >&2
    rm -f "$output"
    log "error: docker build of $image failed"
    return 1
  fi
  rm -f "$output"
  log "built $image in $((SECONDS - start)) s ($(docker image inspect -f '{{ .Size }}' "$image" |
    awk '{ printf "%.0f MB", $1 / 1e6 }'))"
}

# prune_tags PREFIX KEEP...: removes the images tagged PREFIX* (images made by these scripts,
# e.g. microscope.local/kind-node:v1.34.10-) other than KEEP; one that a container still uses
# stays. Uses the daemon at DOCKER_HOST.
prune_tags() {
  local prefix=$1 reference keep
  shift
  while read -r reference; do
    [[ $reference == "$prefix"* ]] || continue
    for keep in "$@"; do [ "$reference" != "$keep" ] || continue 2; done
    docker rmi "$reference" >/dev/null 2>&1 && log "removed the outdated image $reference"
  done < <(docker image ls --format '{{.Repository}}:{{.Tag}}' "${prefix%%:*}")
  return 0
}

# --- a daemon for privileged containers (kind nodes) ---------------------------------------------

# privileged_docker_works [DOCKER_HOST]: whether that daemon (default: the usual one) can run a
# privileged container of the local Debian image.
privileged_docker_works() {
  DOCKER_HOST=${1:-${DOCKER_HOST:-}} docker run --rm --privileged --entrypoint /bin/true \
    "${LOCAL_IMAGES:-microscope.local}/debian:bookworm" >/dev/null 2>&1
}

PRIVILEGED_DOCKER_RUN=/run/microscope-docker
PRIVILEGED_DOCKER_HOST="unix://$PRIVILEGED_DOCKER_RUN/docker.sock"

# ensure_privileged_docker: prints the DOCKER_HOST of a daemon that runs privileged containers,
# empty for the usual daemon when that one can.
#
# Where it cannot (Docker 20.10 on a host that withholds a capability, see runc-in-bounds), it
# starts a second dockerd once, beside the first and left running like it: its own data (under
# the cache folder), sockets, cgroup parent and default bridge (microscope0, 10.212.0.1/24),
# runc-in-bounds as its runtime, and no iptables rules, so it never touches the first daemon's
# networks (it must not run with --bridge=none: dockerd then deletes the interface docker0).
# Its other networks come from 10.213.0.0/16. It needs jq for the runtime.
ensure_privileged_docker() {
  if privileged_docker_works ""; then
    return 0
  fi
  if privileged_docker_works "$PRIVILEGED_DOCKER_HOST"; then
    printf '%s\n' "$PRIVILEGED_DOCKER_HOST"
    return 0
  fi
  [ "$(id -u)" = 0 ] || { log "error: privileged containers fail here and only root can start a daemon for them"; return 1; }
  command -v jq >/dev/null 2>&1 ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends jq >/dev/null
  local home="$MICROSCOPE_CACHE_DIR/docker-privileged"
  mkdir -p "$home" "$PRIVILEGED_DOCKER_RUN"
  # The daemon outlives the checkout it was started from: it runs a copy of the runtime.
  install -m 0755 "$(dirname "${BASH_SOURCE[0]}")/runc-in-bounds" "$home/runc-in-bounds"
  if ! ip link show microscope0 >/dev/null 2>&1; then
    ip link add name microscope0 type bridge &&
      ip address add 10.212.0.1/24 dev microscope0 &&
      ip link set microscope0 up || return 1
  fi
  log "starting a dockerd for privileged containers (log: $home/dockerd.log)"
  setsid "$(command -v dockerd || echo /usr/sbin/dockerd)" \
    --host "$PRIVILEGED_DOCKER_HOST" \
    --data-root "$home/data" \
    --exec-root "$PRIVILEGED_DOCKER_RUN/exec" \
    --pidfile "$PRIVILEGED_DOCKER_RUN/dockerd.pid" \
    --iptables=false --ip-masq=false --bridge=microscope0 \
    --default-address-pool base=10.213.0.0/16,size=24 \
    --cgroup-parent=/microscope-docker \
    --add-runtime "runc-in-bounds=$home/runc-in-bounds" --default-runtime=runc-in-bounds \
    >"$home/dockerd.log" 2>&1 </dev/null &
  local deadline=$((SECONDS + 60))
  until DOCKER_HOST=$PRIVILEGED_DOCKER_HOST docker info >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      tail -n 20 "$home/dockerd.log" >&2
      log "error: the dockerd for privileged containers did not come up within 60 s"
      return 1
    fi
    sleep 0.5
  done
  # Its image store is empty: give it the base image the check runs.
  docker save "${LOCAL_IMAGES:-microscope.local}/debian:bookworm" |
    DOCKER_HOST=$PRIVILEGED_DOCKER_HOST docker load -q >/dev/null
  privileged_docker_works "$PRIVILEGED_DOCKER_HOST" || {
    log "error: privileged containers fail on the second daemon as well"
    return 1
  }
  printf '%s\n' "$PRIVILEGED_DOCKER_HOST"
}

# copy_image IMAGE DOCKER_HOST: makes IMAGE (from the usual daemon) present in the daemon at
# DOCKER_HOST (nothing to do when that is the usual daemon, or holds the same image already).
copy_image() {
  local image=$1 target=$2
  [ -n "$target" ] || return 0
  local id
  id=$(DOCKER_HOST='' docker image inspect -f '{{ .Id }}' "$image") || return 1
  [ "$(DOCKER_HOST=$target docker image inspect -f '{{ .Id }}' "$image" 2>/dev/null)" = "$id" ] &&
    return 0
  log "copying $image to $target"
  DOCKER_HOST='' docker save "$image" | DOCKER_HOST=$target docker load -q >/dev/null
}
