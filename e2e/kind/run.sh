#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Microscope end to end in a kind cluster: creates the cluster, loads the images, installs
# Prometheus and Alertmanager with the project's rules and configuration, `helm install`s the
# operator, applies fleets and runs the cases; on failure collects what explains it; always
# deletes the cluster (unless --keep-cluster). See README.md.
#
#   e2e/kind/run.sh                      every case, every image made on this machine
#   e2e/kind/run.sh smoke fast-burn      only those cases
#   e2e/kind/run.sh --node-image kindest/node:v1.34.0 --prometheus-image prom/prometheus:v2.53.0 ...
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$root/e2e/lib/docker.sh"
source "$here/env.sh"

ALL_CASES=(smoke memory-leak fast-burn lying-pod latency-pressure prometheus-down pause-dry-run uninstall)

usage() {
  cat <<EOF
usage: $(basename "$0") [options] [case...]

Cases (default: all, in this order): ${ALL_CASES[*]}

Images (default: made on this machine, no registry needed; name an upstream image to use it
instead, pulled by the cluster when this machine's Docker does not have it):
  --node-image IMAGE          kind node image             (env MICROSCOPE_E2E_NODE_IMAGE)
  --worker-image IMAGE        Microscope worker           (env MICROSCOPE_E2E_WORKER_IMAGE)
  --operator-image IMAGE      Microscope operator         (env MICROSCOPE_E2E_OPERATOR_IMAGE)
  --prometheus-image IMAGE    e.g. prom/prometheus:v2.53.0 (env MICROSCOPE_E2E_PROMETHEUS_IMAGE)
  --alertmanager-image IMAGE  e.g. prom/alertmanager:v0.27.0 (env MICROSCOPE_E2E_ALERTMANAGER_IMAGE)
  --sink-image IMAGE          any image with python3, e.g. python:3.12-slim (env MICROSCOPE_E2E_SINK_IMAGE)
Other:
  --cluster NAME              kind cluster name (default microscope-e2e)
  --chart DIR                 the Helm chart (default helm/microscope)
  --artifacts DIR             where a failed run leaves its diagnostics, one folder per
                              failed case (default target/e2e-kind/<time>)
  --keep-cluster              leave the cluster running at the end (its kubeconfig is printed)
  --use-cluster               run the cases on the cluster a --keep-cluster run left (it is
                              neither created, nor installed into, nor deleted)
EOF
}

CLUSTER=${MICROSCOPE_E2E_CLUSTER:-microscope-e2e}
NODE_IMAGE=${MICROSCOPE_E2E_NODE_IMAGE:-}
WORKER_IMAGE=${MICROSCOPE_E2E_WORKER_IMAGE:-}
OPERATOR_IMAGE=${MICROSCOPE_E2E_OPERATOR_IMAGE:-}
PROMETHEUS_IMAGE=${MICROSCOPE_E2E_PROMETHEUS_IMAGE:-}
ALERTMANAGER_IMAGE=${MICROSCOPE_E2E_ALERTMANAGER_IMAGE:-}
SINK_IMAGE=${MICROSCOPE_E2E_SINK_IMAGE:-}
CHART="$root/helm/microscope"
ARTIFACTS="$root/target/e2e-kind/$(date -u +%Y%m%dT%H%M%SZ)"
KEEP_CLUSTER=false
USE_CLUSTER=false
CASES=()

while [ $# -gt 0 ]; do
  case $1 in
    --node-image) NODE_IMAGE=$2 && shift ;;
    --worker-image) WORKER_IMAGE=$2 && shift ;;
    --operator-image) OPERATOR_IMAGE=$2 && shift ;;
    --prometheus-image) PROMETHEUS_IMAGE=$2 && shift ;;
    --alertmanager-image) ALERTMANAGER_IMAGE=$2 && shift ;;
    --sink-image) SINK_IMAGE=$2 && shift ;;
    --cluster) CLUSTER=$2 && shift ;;
    --chart) CHART=$(cd "$2" && pwd) && shift ;;
    --artifacts) ARTIFACTS=$2 && shift ;;
    --keep-cluster) KEEP_CLUSTER=true ;;
    --use-cluster) USE_CLUSTER=true && KEEP_CLUSTER=true ;;
    -h | --help) usage && exit 0 ;;
    -*) usage >&2 && die "unknown option: $1" ;;
    *) CASES+=("$1") ;;
  esac
  shift
done
[ ${#CASES[@]} -gt 0 ] || CASES=("${ALL_CASES[@]}")
for name in "${CASES[@]}"; do
  [[ " ${ALL_CASES[*]} " == *" $name "* ]] || die "unknown case: $name (cases: ${ALL_CASES[*]})"
done

# The release and namespaces the cases and prometheus-rules/alertmanager/alertmanager.yml use.
RELEASE=microscope
OPERATOR_NAMESPACE=microscope-system
OPERATOR_SERVICE=microscope-operator
PROMETHEUS_URL=http://prometheus.monitoring.svc:9090

work=$(mktemp -d)
export KUBECONFIG="$work/kubeconfig"
export KUBECTL="$K8S_BIN_DIR/kubectl"
source "$root/e2e/lib/kube.sh"
source "$here/lib/cluster.sh"
source "$here/lib/cases.sh"

CLUSTER_CREATED=false
RUN_START=$SECONDS

on_exit() {
  local status=$? failed_step=$STEP_LABEL
  set +e
  step_end
  [ -z "$CASE_PID" ] || kill "$CASE_PID" 2>/dev/null
  if [ "$status" -ne 0 ] && [ ${#FAILED_CASES[@]} -eq 0 ]; then
    log "FAILED (exit $status)${failed_step:+ in: $failed_step}"
    if $CLUSTER_CREATED; then collect_diagnostics "$ARTIFACTS/run"; fi
  fi
  if $CLUSTER_CREATED; then
    if $KEEP_CLUSTER; then
      log "cluster $CLUSTER kept; KUBECONFIG=$KUBECONFIG (delete: kind delete cluster --name $CLUSTER)"
      cp "$KUBECONFIG" "$ARTIFACTS.kubeconfig" 2>/dev/null && log "kubeconfig copied to $ARTIFACTS.kubeconfig"
    else
      delete_cluster
    fi
  fi
  print_timings
  print_reactions
  log "e2e/kind/run.sh: $([ "$status" -eq 0 ] && echo passed || echo failed) in $((SECONDS - RUN_START)) s"
  $KEEP_CLUSTER || rm -rf "$work"
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

prepare_tools
prepare_images
if $USE_CLUSTER; then
  use_cluster
else
  create_cluster
  load_images
  install_monitoring
  install_operator
fi
for name in "${CASES[@]}"; do
  run_case "$name"
done
step_end
if [ ${#FAILED_CASES[@]} -gt 0 ]; then
  log "cases failed: ${FAILED_CASES[*]} (diagnostics in $ARTIFACTS/<case>)"
  exit 1
fi
log "cases passed: ${CASES[*]}"
