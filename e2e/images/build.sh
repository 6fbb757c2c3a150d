#!/usr/bin/env bash
# Builds the project's images: microscope/worker and (when its Dockerfile exists) microscope/operator.
#
#   e2e/images/build.sh            from upstream base images (needs a registry)
#   e2e/images/build.sh --local    from images made on this machine (e2e/images/build-base.sh)
#
# Tags: <name>:<project version> and <name>:dev. Prints the tags it built, one per line, last.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$root/e2e/lib/docker.sh"
source "$root/scripts/lib/java.sh"

local_bases=false
for arg in "$@"; do
  case "$arg" in
    --local) local_bases=true ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "error: unknown argument '$arg' (expected --local)" >&2; exit 2 ;;
  esac
done

ensure_docker
microscope_pick_jdk
cd "$root"

build_args=()
if $local_bases; then
  while IFS='=' read -r key value; do
    case "$key" in BASE_IMAGE|JDK_IMAGE) build_args+=(--build-arg "$key=$value") ;; esac
  done < <("$here/build-base.sh")
fi

jars=(worker-image/target/microscope-worker.jar)
[ -f operator/Dockerfile ] && jars+=(operator/target/microscope-operator.jar)
for jar in "${jars[@]}"; do
  if [ ! -f "$jar" ]; then
    echo "== building the jars (./mvnw package)"
    ./mvnw -B -ntp -q package -DskipTests
    break
  fi
done

# The project's own version: the first <version> before <packaging> in the root pom.
version=$(sed -n '1,/<packaging>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
built=()
for module in worker-image operator; do
  [ -f "$module/Dockerfile" ] || continue
  name="microscope/${module%-image}"
  start=$SECONDS
  # No network for RUN steps: they need none (jlink, the AOT training run on loopback), and a
  # daemon without a default bridge refuses to create one.
  docker build -q --network none -f "$module/Dockerfile" "${build_args[@]}" -t "$name:$version" -t "$name:dev" . >/dev/null
  echo "== built $name:$version in $((SECONDS - start))s ($(docker image inspect -f '{{.Size}}' "$name:dev" | awk '{printf "%.0f MB", $1/1e6}'))"
  built+=("$name:$version")
done
printf '%s\n' "${built[@]}"
