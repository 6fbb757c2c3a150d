# shellcheck shell=bash
# The cases of run.sh, one function each (case_<name>), and what they share: fleets in their own
# namespaces, waiting on what the operator does, and the reaction times the run reports.
# Sourced by run.sh after e2e/lib/kube.sh and lib/cluster.sh.
# shellcheck disable=SC2154 # root, here, RELEASE, OPERATOR_NAMESPACE: set by run.sh

CURRENT_CASE=""
REACTIONS=()

run_case() {
  CURRENT_CASE=$1
  step "case $1"
  "case_${1//-/_}"
  step_end
  CURRENT_CASE=""
}

now() { date +%s.%N; }

# reaction WHAT SINCE: records how long after SINCE (a `now`) WHAT was seen.
reaction() {
  local seconds
  seconds=$(awk -v s="$2" -v e="$(now)" 'BEGIN { printf "%.0f", e - s }')
  REACTIONS+=("$CURRENT_CASE: $1"$'\t'"$seconds")
  log "reaction: $1 after ${seconds} s"
}

print_reactions() {
  [ ${#REACTIONS[@]} -gt 0 ] || return 0
  local row
  log "reaction times (s):"
  for row in "${REACTIONS[@]}"; do
    printf '  %-70s %6s\n' "${row%%$'\t'*}" "${row#*$'\t'}" >&2
  done
}

# --- fleets -------------------------------------------------------------------------------------

# new_namespace NAME: a fresh namespace for one case (deleted at the end of the case).
new_namespace() {
  kube delete namespace "$1" --ignore-not-found --wait=true >/dev/null
  kube create namespace "$1" >/dev/null
}

delete_namespace() { kube delete namespace "$1" --ignore-not-found --wait=true --timeout=120s >/dev/null; }

apply_fleet() { # NAMESPACE FILE
  kube -n "$1" apply -f "$2" >/dev/null
}

fleet_field() { # NAMESPACE FLEET JSONPATH
  kube -n "$1" get chaosfleet "$2" -o jsonpath="{$3}" 2>/dev/null
}

deployment_ready_replicas() { # NAMESPACE NAME
  kube -n "$1" get deployment "$2" -o jsonpath='{.status.readyReplicas}' 2>/dev/null
}

# workers_ready NAMESPACE FLEET N: the fleet's worker Deployment has N ready pods.
workers_ready() { [ "$(deployment_ready_replicas "$1" "$2-workers")" = "$3" ]; }

fleet_shows_ready() { [ "$(fleet_field "$1" "$2" .status.workers.ready)" = "$3" ]; }

loadgen_ready() { [ "$(deployment_ready_replicas "$1" "$2-loadgen")" = 1 ]; }

# worker_pods NAMESPACE FLEET: names of the fleet's worker pods, one a line.
worker_pods() {
  kube -n "$1" get pods -l "microscope.dev/fleet=$2,app.kubernetes.io/component=worker" \
    -o jsonpath='{range .items[*]}{.metadata.name}{"\n"}{end}'
}

# scraped NAMESPACE FLEET N: Prometheus scrapes N targets of the fleet (workers and traffic
# generator) successfully.
scraped() {
  [ "$(prom_value "count(up{namespace=\"$1\",pod=~\"$2-.*\"} == 1)")" = "$3" ]
}

# --- cases --------------------------------------------------------------------------------------

# The quickstart fleet comes up: its workers and traffic generator are Ready, Prometheus scrapes
# them through their annotations, their requests reach the recording rules, and
# `kubectl get chaosfleets` shows the fleet with its ready workers.
case_smoke() {
  local namespace=e2e-smoke fleet=quickstart start
  new_namespace "$namespace"
  start=$(now)
  apply_fleet "$namespace" "$root/examples/quickstart.yaml"
  wait_for 180 "2 quickstart workers Ready" workers_ready "$namespace" "$fleet" 2
  wait_for 60 "quickstart traffic generator Ready" loadgen_ready "$namespace" "$fleet"
  reaction "fleet applied -> workers and traffic generator Ready" "$start"
  wait_for 60 "Prometheus scrapes 2 workers and the traffic generator" scraped "$namespace" "$fleet" 3
  reaction "fleet applied -> every pod scraped" "$start"
  wait_for 90 "the fleet's request rate is recorded" prom_true \
    "namespace_fleet:microscope_requests:rate5m{namespace=\"$namespace\",fleet=\"$fleet\"} > 0"
  reaction "fleet applied -> request rate recorded by the rules" "$start"
  wait_for 60 "kubectl get chaosfleets shows 2 ready workers" fleet_shows_ready "$namespace" "$fleet" 2
  kube -n "$namespace" get chaosfleets
  delete_namespace "$namespace"
}

# Uninstalling leaves nothing behind, in the order the README gives: a fleet deleted while the
# operator runs takes everything made for it along; `helm uninstall` removes every object of the
# release; `kubectl delete crd` (Helm keeps CRDs) deletes the fleets still left, and with them
# everything made for them, and the API.
case_uninstall() {
  local namespace=e2e-uninstall start
  new_namespace "$namespace"
  apply_fleet "$namespace" "$root/examples/quickstart.yaml"
  sed 's/^  name: quickstart$/  name: leftover/' "$root/examples/quickstart.yaml" | kube -n "$namespace" apply -f - >/dev/null
  wait_for 180 "2 quickstart workers Ready" workers_ready "$namespace" quickstart 2
  wait_for 180 "2 leftover workers Ready" workers_ready "$namespace" leftover 2

  start=$(now)
  kube -n "$namespace" delete chaosfleet quickstart --wait=true --timeout=60s >/dev/null
  wait_for 120 "no object of fleet quickstart is left" fleet_gone "$namespace" quickstart
  reaction "fleet deleted -> its objects gone" "$start"

  start=$(now)
  helm_cli uninstall "$RELEASE" --namespace "$OPERATOR_NAMESPACE" --wait --timeout 120s >/dev/null
  wait_for 60 "no object of the release is left" release_gone
  reaction "helm uninstall -> release objects gone" "$start"

  start=$(now)
  if ! kube delete crd chaosfleets.microscope.dev --wait=true --timeout=60s >/dev/null; then
    log "fleets still there: $(kube get chaosfleets -A \
      -o jsonpath='{range .items[*]}{.metadata.namespace}/{.metadata.name} finalizers={.metadata.finalizers}{"\n"}{end}')"
    die "kubectl delete crd chaosfleets.microscope.dev did not finish within 60 s without the operator"
  fi
  wait_for 120 "no object of fleet leftover is left" fleet_gone "$namespace" leftover
  if kube api-resources --api-group=microscope.dev -o name | grep -q .; then
    die "the microscope.dev API is still served after its CRD was deleted"
  fi
  reaction "CRD deleted -> fleets left and their objects gone" "$start"
  delete_namespace "$namespace"
  delete_namespace "$OPERATOR_NAMESPACE"
}

# Every kind of object the chart or the operator may create, in every namespace.
NAMESPACED_KINDS=deployments,replicasets,pods,services,endpointslices,serviceaccounts,secrets,configmaps,roles,rolebindings,leases,poddisruptionbudgets,resourcequotas,limitranges

release_gone() {
  local selector="app.kubernetes.io/instance=$RELEASE"
  [ -z "$(kube get "$NAMESPACED_KINDS" -A -l "$selector" -o name 2>/dev/null)" ] &&
    [ -z "$(kube get clusterroles,clusterrolebindings -l "$selector" -o name 2>/dev/null)" ]
}

fleet_gone() { # NAMESPACE FLEET
  [ -z "$(kube -n "$1" get "$NAMESPACED_KINDS" -l "microscope.dev/fleet=$2" -o name 2>/dev/null)" ]
}
