#!/usr/bin/env bash
# Smoke test of the built images, the way a cluster runs them: the worker as a non-root user with a
# read-only root file system answers /health, serves the contract's metric series and keeps its
# admin API behind the token; the operator image starts and prints its usage. Prints image sizes.
#
#   e2e/images/smoke.sh            reuses microscope/{worker,operator}:dev, builds them when missing
#   e2e/images/smoke.sh --build    builds them first (from local bases: e2e/images/build.sh --local)
#
# MICROSCOPE_WORKER_IMAGE and MICROSCOPE_OPERATOR_IMAGE test other tags instead (nothing is built).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$root/e2e/lib/docker.sh"

build=false
for arg in "$@"; do
  case "$arg" in
    --build) build=true ;;
    -h | --help) sed -n '2,7p' "$0"; exit 0 ;;
    *) die "unknown argument '$arg' (expected --build)" ;;
  esac
done

ensure_docker
worker_image=${MICROSCOPE_WORKER_IMAGE:-microscope/worker:dev}
operator_image=${MICROSCOPE_OPERATOR_IMAGE:-microscope/operator:dev}
if [ -n "${MICROSCOPE_WORKER_IMAGE:-}${MICROSCOPE_OPERATOR_IMAGE:-}" ]; then
  image_exists "$worker_image" || die "no image $worker_image"
  image_exists "$operator_image" || die "no image $operator_image"
elif $build || ! image_exists "$worker_image" || ! image_exists "$operator_image"; then
  "$here/build.sh" --local >/dev/null
fi

failures=0
check() {
  local what=$1
  shift
  if "$@"; then
    echo "ok   $what"
  else
    echo "FAIL $what"
    failures=$((failures + 1))
  fi
}

container="microscope-smoke-$$"
cleanup() { docker rm -f "$container" >/dev/null 2>&1 || true; }
trap cleanup EXIT

token="smoke-$RANDOM$RANDOM"
worker_port=""
free_port worker_port
# Host network: the test needs no bridge (some daemons here run without docker0), only a port.
docker run -d --name "$container" --read-only --user 65532:65532 --cap-drop ALL \
  --security-opt no-new-privileges --network host \
  -e MICROSCOPE_ADMIN_TOKEN="$token" "$worker_image" worker --id smoke --bind 127.0.0.1 --port "$worker_port" >/dev/null
base="http://127.0.0.1:$worker_port"
if ! wait_for 30 "worker /health" curl -fsS -o /dev/null "$base/health"; then
  docker logs "$container" >&2 || true
  die "the worker container did not answer /health"
fi

check "worker runs as 65532 (non-root)" \
  test "$(docker inspect -f '{{.Config.User}}' "$container")" = 65532:65532
check "root file system is read-only" \
  test "$(docker inspect -f '{{.HostConfig.ReadonlyRootfs}}' "$container")" = true
check "/health answers {\"status\":\"ok\"}" \
  bash -c "curl -fsS '$base/health' | grep -q '\"status\":\"ok\"'"

# Traffic first, so the request series exist; then every series name of the contract's worker table.
for _ in 1 2 3; do curl -s -o /dev/null "$base/api/users" || true; done
metrics=$(curl -fsS "$base/metrics")
# shellcheck disable=SC2016 # backquotes of the markdown table, not an expansion
mapfile -t series < <(sed -n '/^## Metrics/,/^## /p' "$root/docs/contract.md" |
  grep -o '^| `microscope_worker_[a-z_]*`' | tr -d '|` ' | grep -v cardinality_bomb)
[ "${#series[@]}" -gt 10 ] || die "could not read the worker's series from docs/contract.md"
for name in "${series[@]}"; do
  # memory_limit_bytes is absent when unlimited (no cgroup limit on this container).
  [ "$name" = microscope_worker_memory_limit_bytes ] && continue
  check "/metrics has $name" grep -q "^$name" <<<"$metrics"
done
for name in jvm_memory_used_bytes jvm_threads_live_threads process_resident_memory_bytes; do
  check "/metrics has $name" grep -q "^$name" <<<"$metrics"
done

status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
check "admin API without a token: 401" test "$(status "$base/admin/chaos")" = 401
check "admin API with a wrong token: 401" \
  test "$(status -H "Authorization: Bearer wrong" "$base/admin/chaos")" = 401
check "admin API with the token: 200" \
  test "$(status -H "Authorization: Bearer $token" "$base/admin/chaos")" = 200

# The image's AOT cache is in use when the JVM takes the worker's own classes from it.
aot_log=$(docker run --rm --network none --read-only --user 65532:65532 \
  -e JAVA_TOOL_OPTIONS=-Xlog:class+load=info "$worker_image" --help 2>&1 || true)
check "worker classes come from the image's AOT cache" \
  grep -q 'dev.microscope.worker.Main source: shared objects file' <<<"$aot_log"
echo "worker image:   $(docker image inspect -f '{{.Size}}' "$worker_image" | awk '{printf "%.1f MB", $1/1e6}')"

usage=$(docker run --rm --network none --read-only --user 65532:65532 "$operator_image" --help 2>&1 || true)
check "operator image starts and prints its usage" grep -qi usage <<<"$usage"
echo "$usage" | head -n 3 | sed 's/^/  | /'
echo "operator image: $(docker image inspect -f '{{.Size}}' "$operator_image" | awk '{printf "%.1f MB", $1/1e6}')"

if [ "$failures" -gt 0 ]; then
  docker logs "$container" 2>&1 | tail -n 20 >&2
  die "$failures image smoke check(s) failed"
fi
echo "image smoke test passed"
