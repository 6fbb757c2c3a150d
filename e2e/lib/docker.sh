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
