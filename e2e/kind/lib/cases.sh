# shellcheck shell=bash
# The cases of run.sh, one function each (case_<name>), and what they share: fleets in their own
# namespaces, waiting on what the operator does, and the reaction times the run reports.
# Sourced by run.sh after e2e/lib/kube.sh and lib/cluster.sh.
# shellcheck disable=SC2154 # root, here, RELEASE, OPERATOR_NAMESPACE: set by run.sh

DATA="$here/data"
CURRENT_CASE=""
CASE_PID=""
FAILED_CASES=()
REACTIONS_FILE="$work/reactions.tsv"

# run_case NAME: runs case_<NAME> in a subshell of its own (where `set -e` and die end the case,
# not the run). A failed case leaves its diagnostics in $ARTIFACTS/<NAME>, its namespaces are
# deleted and the monitoring it may have broken is put back, and the run goes on with the next.
run_case() {
  local status=0
  CURRENT_CASE=$1
  step "case $1"
  # A background job, so that errexit works inside it; waiting on it is what the run does.
  ("case_${1//-/_}") &
  CASE_PID=$!
  wait "$CASE_PID" || status=$?
  CASE_PID=""
  if [ "$status" -ne 0 ]; then
    log "case $1 FAILED (exit $status)"
    FAILED_CASES+=("$1")
    collect_diagnostics "$ARTIFACTS/$1"
    clean_up_case "$1"
  fi
  step_end
  CURRENT_CASE=""
}

clean_up_case() {
  kube delete namespaces -l "microscope.dev/e2e-case=$1" --wait=true --timeout=120s >/dev/null 2>&1 ||
    log "warning: could not delete the namespaces of case $1"
  if ! kube -n monitoring get deployment prometheus >/dev/null 2>&1; then
    if ! (install_prometheus && rollout_ready 120 monitoring deployment/prometheus); then
      log "warning: could not put Prometheus back"
    fi
  fi
}

now() { date +%s.%N; }

# reaction WHAT SINCE [UNTIL]: records how long after SINCE (seconds since the epoch, as `now`
# prints them) WHAT was seen, at UNTIL or now.
reaction() {
  local seconds
  seconds=$(awk -v s="$2" -v e="${3:-$(now)}" 'BEGIN { printf "%.0f", e - s }')
  printf '%s: %s\t%s\n' "$CURRENT_CASE" "$1" "$seconds" >>"$REACTIONS_FILE"
  log "reaction: $1 after ${seconds} s"
}

print_reactions() {
  [ -s "$REACTIONS_FILE" ] || return 0
  local what seconds
  log "reaction times (s):"
  while IFS=$'\t' read -r what seconds; do
    printf '  %-70s %6s\n' "$what" "$seconds" >&2
  done <"$REACTIONS_FILE"
}

# --- fleets -------------------------------------------------------------------------------------

# new_namespace NAME: a fresh namespace for one case (deleted at the end of the case).
new_namespace() {
  kube delete namespace "$1" --ignore-not-found --wait=true >/dev/null
  kube create namespace "$1" >/dev/null
  kube label namespace "$1" "microscope.dev/e2e-case=$CURRENT_CASE" >/dev/null
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

# spec_as_applied NAMESPACE FLEET FILE: every value the file sets in the fleet's spec is still
# the fleet's (the operator may add defaults, never change what a user wrote).
spec_as_applied() {
  local applied stored changed
  applied=$(kube create --dry-run=client -f "$3" -o json | jq -c .spec)
  stored=$(kube -n "$1" get chaosfleet "$2" -o json | jq -c .spec)
  changed=$(jq -n --argjson applied "$applied" --argjson stored "$stored" -c '
    [$applied | paths(scalars) as $p | {path: ($p | map(tostring) | join(".")),
      applied: getpath($p), stored: ($stored | getpath($p))} | select(.applied != .stored)]')
  [ "$changed" = "[]" ] || die "the fleet's spec no longer holds what was applied: $changed"
}

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

# pod_metrics NAMESPACE POD: the worker's own /metrics, read through the API server's pod proxy
# (no Prometheus needed).
pod_metrics() { kube get --raw "/api/v1/namespaces/$1/pods/$2:8080/proxy/metrics"; }

# pods_with_fault NAMESPACE FLEET FAULT: the worker pods reporting that fault active, one a line.
pods_with_fault() {
  local pod metrics
  for pod in $(worker_pods "$1" "$2"); do
    metrics=$(pod_metrics "$1" "$pod" 2>/dev/null) || continue
    if grep -q "^microscope_worker_chaos_active{.*fault=\"$3\".*} 1" <<<"$metrics"; then
      printf '%s\n' "$pod"
    fi
  done
}

# fault_onset NAMESPACE POD FAULT: when Prometheus first saw the fault active on the pod within
# the last 15 minutes (seconds since the epoch), nothing if it never did.
fault_onset() {
  prom_value "min_over_time(timestamp(microscope_worker_chaos_active{namespace=\"$1\",pod=\"$2\",fault=\"$3\"} == 1)[15m:1s])"
}

decision_time() { date -d "$(jq -r .time <<<"$1")" +%s.%N; }

# deployment_complete NAMESPACE NAME: every pod the Deployment wants is ready and current.
deployment_complete() {
  kube -n "$1" get deployment "$2" -o json | jq -e '.spec.replicas as $want
    | .status.readyReplicas == $want and .status.updatedReplicas == $want
      and .status.replicas == $want' >/dev/null
}

# first_pod_with_fault NAMESPACE FLEET FAULT: one of them.
first_pod_with_fault() {
  local pods
  pods=$(pods_with_fault "$@")
  printf '%s\n' "${pods%%$'\n'*}"
}

fault_on() { [ -n "$(pods_with_fault "$@")" ]; }

# chaos_off NAMESPACE FLEET: every worker pod reports chaos level 0 and no fault active.
chaos_off() {
  local pod metrics seen=false
  for pod in $(worker_pods "$1" "$2"); do
    metrics=$(pod_metrics "$1" "$pod") || return 1
    awk '/^microscope_worker_chaos_(level|active)[{ ]/ && $NF + 0 != 0 { on = 1 } END { exit on }' \
      <<<"$metrics" || return 1
    seen=true
  done
  $seen
}

# chaos_on NAMESPACE FLEET: some worker pod reports a chaos level above 0.
chaos_on() {
  local pod metrics
  for pod in $(worker_pods "$1" "$2"); do
    metrics=$(pod_metrics "$1" "$pod" 2>/dev/null) || continue
    if awk '/^microscope_worker_chaos_level[{ ]/ && $NF + 0 > 0 { on = 1 } END { exit !on }' <<<"$metrics"; then
      return 0
    fi
  done
  return 1
}

# decision NAMESPACE FLEET JQ_CONDITION: the latest decision of the fleet's log for which the
# condition holds (e.g. '.action == "restart_worker" and .result == "applied"'), as JSON.
decision() {
  kube -n "$1" get chaosfleet "$2" -o json |
    jq -c "[.status.decisions[]? | select($3)] | last // empty"
}

has_decision() { [ -n "$(decision "$@")" ]; }

# expect_json JSON CONDITION MESSAGE: fails the case with MESSAGE and JSON unless the jq
# CONDITION holds for JSON (which must not be empty).
expect_json() {
  if [ -z "$1" ] || ! jq -e "$2" <<<"$1" >/dev/null; then
    die "$3: ${1:-nothing}"
  fi
}

condition_is() { # NAMESPACE FLEET TYPE STATUS
  [ "$(kube -n "$1" get chaosfleet "$2" -o json |
    jq -r --arg type "$3" '.status.conditions[]? | select(.type == $type) | .status')" = "$4" ]
}

pod_gone() { # NAMESPACE POD: deleted, or being deleted
  local found
  found=$(kube -n "$1" get pod "$2" --ignore-not-found \
    -o jsonpath='{.metadata.name}/{.metadata.deletionTimestamp}') || return 1
  [ -z "$found" ] || [ "${found#*/}" != "" ]
}

# oom_killed NAMESPACE: names of the containers the kernel killed for memory, one a line.
oom_killed() {
  kube -n "$1" get pods -o json | jq -r '.items[] | .metadata.name as $pod
    | .status.containerStatuses[]? | select(.lastState.terminated.reason == "OOMKilled"
      or .state.terminated.reason == "OOMKilled") | "\($pod)/\(.name)"'
}

# sink_received ALERTNAME NAMESPACE FLEET: the webhook sink got a "people" notification of that
# alert for that fleet.
sink_received() {
  service_get monitoring webhook-sink 8080 /received |
    jq -e --arg alert "$1" --arg fleet "$2/$3" 'any(.[]; (.path | startswith("/people-"))
      and (.body.attachments[0].title // "" | contains($alert) and contains($fleet)))' >/dev/null
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
  spec_as_applied "$namespace" "$fleet" "$root/examples/quickstart.yaml"
  delete_namespace "$namespace"
}

# A leaking worker is restarted by the operator before it reaches its memory limit: the pod the
# leak was put on is deleted (its replacement starts clean) on the built-in about-to-OOM
# decision, below its limit, and the kernel never kills a container for memory.
case_memory_leak() {
  local namespace=e2e-memory-leak fleet=memory-leak restart leaking onset
  local applied='.action == "restart_worker" and .result == "applied"'
  new_namespace "$namespace"
  apply_fleet "$namespace" "$DATA/memory-leak.yaml"
  wait_for 240 "a worker restarted by the operator" has_decision "$namespace" "$fleet" "$applied"
  restart=$(decision "$namespace" "$fleet" "$applied")
  log "decision: $restart"
  leaking=$(jq -r .target <<<"$restart")
  expect_json "$restart" '.rule == "about-to-oom"' "$leaking was restarted by another rule"
  expect_json "$restart" '(.values.worker_memory_usage_ratio | tonumber) < 1' \
    "$leaking was restarted at or above its memory limit"
  onset=$(fault_onset "$namespace" "$leaking" memory_leak)
  [ -n "$onset" ] || die "Prometheus never saw the memory leak on $leaking, which was restarted for it"
  reaction "leak on -> leaking pod restarted" "$onset" "$(decision_time "$restart")"
  wait_for 60 "$leaking gone" pod_gone "$namespace" "$leaking"
  wait_for 120 "the worker Deployment complete again" deployment_complete "$namespace" "$fleet-workers"
  local killed
  killed=$(oom_killed "$namespace")
  [ -z "$killed" ] || die "the kernel killed containers for memory: $killed"
  delete_namespace "$namespace"
}

# A fast burn of the error budget: the operator sets chaos to 0 on every worker at once, and
# MicroscopeErrorBudgetBurnFast goes through Alertmanager to people (the webhook sink) and to
# the operator's webhook, which runs a control cycle on it.
case_fast_burn() {
  local namespace=e2e-fast-burn fleet=fast-burn start abort
  new_namespace "$namespace"
  apply_fleet "$namespace" "$DATA/fast-burn.yaml"
  wait_for 180 "2 fast-burn workers Ready" workers_ready "$namespace" "$fleet" 2
  wait_for 120 "errors injected by the operator" fault_on "$namespace" "$fleet" errors
  start=$(now)
  wait_for 120 "chaos 0 on every worker" chaos_off "$namespace" "$fleet"
  reaction "errors on -> chaos 0 on every worker" "$start"
  wait_for 30 "the applied abort in the decision log" has_decision "$namespace" "$fleet" \
    '.action == "abort_chaos" and .result == "applied"'
  abort=$(decision "$namespace" "$fleet" '.action == "abort_chaos" and .result == "applied"')
  log "decision: $abort"
  expect_json "$abort" '.rule == "fast-burn" or .rule == "budget-exhausted"' \
    "chaos was not stopped by a burn rule"
  [ "$(fleet_field "$namespace" "$fleet" .status.chaosLevel)" = 0 ] ||
    die "status.chaosLevel is $(fleet_field "$namespace" "$fleet" .status.chaosLevel), not 0"
  wait_for 360 "MicroscopeErrorBudgetBurnFast delivered to people" \
    sink_received MicroscopeErrorBudgetBurnFast "$namespace" "$fleet"
  reaction "errors on -> page delivered to people" "$start"
  wait_for 60 "the operator ran a control cycle on an alert" prom_true \
    'sum(microscope_operator_control_cycle_duration_seconds_count{trigger="alert"}) > 0'
  delete_namespace "$namespace"
}

# A worker lying in its own metrics is quarantined: relabelled out of the Deployment and of the
# Service's endpoints, and replaced.
case_lying_pod() {
  local namespace=e2e-lying-pod fleet=lying-pod quarantine liar onset ip
  local applied='.action == "quarantine_worker" and .result == "applied"'
  new_namespace "$namespace"
  apply_fleet "$namespace" "$DATA/lying-pod.yaml"
  wait_for 600 "a worker quarantined by the operator" has_decision "$namespace" "$fleet" "$applied"
  quarantine=$(decision "$namespace" "$fleet" "$applied")
  log "decision: $quarantine"
  liar=$(jq -r .target <<<"$quarantine")
  expect_json "$quarantine" '.rule == "liar"' "$liar was quarantined by another rule"
  onset=$(fault_onset "$namespace" "$liar" lies)
  [ -n "$onset" ] || die "$liar was quarantined as a liar, but Prometheus never saw it lie"
  reaction "lies on -> liar quarantined" "$onset" "$(decision_time "$quarantine")"
  pod_quarantined "$namespace" "$liar" || die "$liar does not carry the quarantine label"
  ip=$(kube -n "$namespace" get pod "$liar" -o jsonpath='{.status.podIP}')
  wait_for 60 "$liar ($ip) out of the Service's endpoints" not_an_endpoint "$namespace" "$fleet-workers" "$ip"
  reaction "lies on -> liar out of the Service" "$onset"
  wait_for 120 "the worker Deployment complete without it" deployment_complete "$namespace" "$fleet-workers"
  delete_namespace "$namespace"
}

pod_quarantined() { # NAMESPACE POD
  [ "$(kube -n "$1" get pod "$2" -o jsonpath='{.metadata.labels.app\.kubernetes\.io/component}')" = worker-quarantined ]
}

not_an_endpoint() { # NAMESPACE SERVICE IP
  local addresses
  addresses=$(kube -n "$1" get endpointslices -l "kubernetes.io/service-name=$2" \
    -o jsonpath='{range .items[*].endpoints[*]}{.addresses[*]}{"\n"}{end}') || return 1
  ! grep -qx "$3" <<<"$addresses"
}

worker_replicas() { kube -n "$1" get deployment "$2-workers" -o jsonpath='{.spec.replicas}'; }

replicas_at_least() { [ "$(worker_replicas "$1" "$2")" -ge "$3" ]; }

replicas_are() { [ "$(worker_replicas "$1" "$2")" -eq "$3" ]; }

# Latency under load scales the fleet out; once the load is gone it scales back in, but only
# after the scale-down stabilization window (60 s in the fleet, spec.workers.autoscaling).
case_latency_pressure() {
  local namespace=e2e-latency-pressure fleet=latency-pressure start up down seconds
  new_namespace "$namespace"
  apply_fleet "$namespace" "$DATA/latency-pressure.yaml"
  wait_for 180 "2 latency-pressure workers Ready" workers_ready "$namespace" "$fleet" 2
  wait_for 120 "the operator's latency on a worker" fault_on "$namespace" "$fleet" latency
  start=$(now)
  wait_for 300 "scaled out to 3 workers" replicas_at_least "$namespace" "$fleet" 3
  reaction "latency under load -> scale out" "$start"
  up=$(decision "$namespace" "$fleet" '.action == "scale" and .result == "applied"')
  log "decision: $up"

  kube -n "$namespace" patch chaosfleet "$fleet" --type=json \
    -p '[{"op": "remove", "path": "/spec/chaos/latency"}, {"op": "remove", "path": "/spec/chaos/cpu"}]' >/dev/null
  start=$(now)
  wait_for 300 "scaled back in to 2 workers" replicas_are "$namespace" "$fleet" 2
  reaction "load gone -> scale in" "$start"
  seconds=$(awk -v s="$start" -v e="$(now)" 'BEGIN { printf "%d", e - s }')
  down=$(decision "$namespace" "$fleet" '.action == "scale" and .result == "applied"')
  log "decision: $down"
  [ "$seconds" -ge 55 ] ||
    die "scaled in after ${seconds} s, before the 60 s scale-down stabilization could allow it"
  delete_namespace "$namespace"
}

# Without Prometheus the operator flies blind: after its failed polls it enters safe mode and
# drops every worker's chaos to 0; with Prometheus back it leaves safe mode and the chaos resumes.
case_prometheus_down() {
  local namespace=e2e-prometheus-down fleet=steady start
  new_namespace "$namespace"
  apply_fleet "$namespace" "$DATA/steady.yaml"
  wait_for 180 "2 steady workers Ready" workers_ready "$namespace" "$fleet" 2
  wait_for 120 "chaos on a worker" chaos_on "$namespace" "$fleet"

  kube -n monitoring delete deployment prometheus --wait=true >/dev/null
  start=$(now)
  wait_for 120 "safe mode" condition_is "$namespace" "$fleet" SafeMode True
  reaction "Prometheus deleted -> safe mode" "$start"
  wait_for 60 "chaos 0 on every worker" chaos_off "$namespace" "$fleet"
  reaction "Prometheus deleted -> chaos 0 on every worker" "$start"

  install_prometheus
  start=$(now)
  rollout_ready 120 monitoring deployment/prometheus
  wait_for 180 "safe mode left" condition_is "$namespace" "$fleet" SafeMode False
  reaction "Prometheus back -> safe mode left" "$start"
  wait_for 120 "chaos on a worker again" chaos_on "$namespace" "$fleet"
  reaction "Prometheus back -> chaos resumed" "$start"
  delete_namespace "$namespace"
}

# Pausing a fleet (annotation microscope.dev/paused) drops its chaos at once; unpaused, the
# chaos comes back (after the fleet's step interval). In DryRun the operator decides as it would, records the
# decision, and does nothing: the leaking pod it would restart keeps running.
case_pause_dry_run() {
  local namespace=e2e-pause fleet=steady start
  new_namespace "$namespace"
  apply_fleet "$namespace" "$DATA/steady.yaml"
  wait_for 180 "2 steady workers Ready" workers_ready "$namespace" "$fleet" 2
  wait_for 120 "chaos on a worker" chaos_on "$namespace" "$fleet"
  kube -n "$namespace" annotate chaosfleet "$fleet" microscope.dev/paused=true >/dev/null
  start=$(now)
  wait_for 60 "chaos 0 on every worker" chaos_off "$namespace" "$fleet"
  reaction "paused -> chaos 0 on every worker" "$start"
  condition_is "$namespace" "$fleet" Paused True || die "the Paused condition is not True"
  has_decision "$namespace" "$fleet" '.action == "abort_chaos" and .rule == "paused"' ||
    die "no abort_chaos decision of the rule paused"
  kube -n "$namespace" annotate chaosfleet "$fleet" microscope.dev/paused- >/dev/null
  start=$(now)
  wait_for 180 "chaos on a worker again" chaos_on "$namespace" "$fleet"
  reaction "unpaused -> chaos resumed" "$start"
  delete_namespace "$namespace"

  namespace=e2e-dry-run fleet=memory-leak
  local dry target uid
  local decided='.action == "restart_worker" and .result == "dry_run"'
  new_namespace "$namespace"
  sed 's/^spec:$/spec:\n  mode: DryRun/' "$DATA/memory-leak.yaml" >"$work/memory-leak-dry-run.yaml"
  apply_fleet "$namespace" "$work/memory-leak-dry-run.yaml"
  wait_for 180 "2 memory-leak workers Ready" workers_ready "$namespace" "$fleet" 2
  spec_as_applied "$namespace" "$fleet" "$work/memory-leak-dry-run.yaml"
  wait_for 240 "a restart decided, not applied" has_decision "$namespace" "$fleet" "$decided"
  dry=$(decision "$namespace" "$fleet" "$decided")
  log "decision: $dry"
  target=$(jq -r .target <<<"$dry")
  expect_json "$dry" '.rule == "about-to-oom" and .dryRun == true' "the DryRun decision is not an about-to-oom dry run"
  reaction "leak on -> restart decided in DryRun" "$(fault_onset "$namespace" "$target" memory_leak)" "$(decision_time "$dry")"
  uid=$(kube -n "$namespace" get pod "$target" --ignore-not-found -o jsonpath='{.metadata.uid}/{.metadata.deletionTimestamp}')
  if [ -z "$uid" ] || [ -n "${uid#*/}" ]; then die "DryRun deleted $target"; fi
  if has_decision "$namespace" "$fleet" '.result == "applied"'; then
    die "DryRun applied a decision: $(decision "$namespace" "$fleet" '.result == "applied"')"
  fi
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
