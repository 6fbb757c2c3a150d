# shellcheck shell=bash
# Talking to a test cluster: kubectl on the run's kubeconfig, the HTTP APIs of in-cluster services
# through the API server's service proxy (no port-forward process to start and stop), Prometheus
# queries, and the diagnostics a failed run leaves behind. Needs kubectl and jq.
#
#   KUBECTL=/path/to/kubectl KUBECONFIG=/path/to/kubeconfig; source e2e/lib/kube.sh
#   prom_value 'sum(up)'

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

KUBECTL=${KUBECTL:-kubectl}

kube() { "$KUBECTL" "$@"; }

urlencode() { jq -rn --arg value "$1" '$value | @uri'; }

# service_get NAMESPACE SERVICE PORT PATH: GET http://SERVICE:PORT/PATH inside the cluster.
service_get() { kube get --raw "/api/v1/namespaces/$1/services/$2:$3/proxy$4"; }

# --- Prometheus (service prometheus in namespace monitoring unless PROMETHEUS_SERVICE says) -----

PROMETHEUS_SERVICE=${PROMETHEUS_SERVICE:-monitoring/prometheus:9090}

prometheus_get() { # PATH
  local namespace=${PROMETHEUS_SERVICE%%/*} rest=${PROMETHEUS_SERVICE#*/}
  service_get "$namespace" "${rest%%:*}" "${rest##*:}" "$1"
}

# prom_query EXPR: the result vector of an instant query, as compact JSON.
prom_query() {
  prometheus_get "/api/v1/query?query=$(urlencode "$1")" | jq -c '.data.result'
}

# prom_value EXPR: the value of the first sample of the result, nothing when it has none.
prom_value() { prom_query "$1" | jq -r '.[0].value[1] // empty'; }

# prom_true EXPR: succeeds when the query returns at least one sample (use a filtering
# expression: `x > 0`, `up == 1`).
prom_true() { [ "$(prom_query "$1" | jq 'length')" -gt 0 ]; }

# --- waiting on objects -------------------------------------------------------------------------

# rollout_ready TIMEOUT NAMESPACE KIND/NAME...: waits until each rollout is complete.
rollout_ready() {
  local timeout=$1 namespace=$2 object
  shift 2
  for object in "$@"; do
    kube -n "$namespace" rollout status "$object" --timeout="${timeout}s" >/dev/null || {
      log "not ready within ${timeout} s: $namespace/$object"
      return 1
    }
  done
}

# --- diagnostics --------------------------------------------------------------------------------

# collect_diagnostics DIR: what a person needs to see why a run failed: every object and event,
# descriptions and logs (also of the previous container) of every pod, the fleets, and the state
# of Prometheus (targets, alerts, rules), Alertmanager (alerts) and the webhook sink. Each part
# is best effort: a missing part never hides the others.
collect_diagnostics() {
  local dir=$1
  mkdir -p "$dir/logs"
  log "collecting diagnostics into $dir"
  kube get all,chaosfleets,configmaps,secrets,endpointslices,events -A -o wide >"$dir/objects.txt" 2>&1 || true
  kube get chaosfleets -A -o yaml >"$dir/chaosfleets.yaml" 2>&1 || true
  kube get events -A --sort-by=.lastTimestamp >"$dir/events.txt" 2>&1 || true
  kube describe nodes >"$dir/nodes.txt" 2>&1 || true
  kube describe pods -A >"$dir/pods.txt" 2>&1 || true
  local namespace pod container
  while read -r namespace pod; do
    for container in $(kube -n "$namespace" get pod "$pod" \
      -o jsonpath='{.spec.initContainers[*].name} {.spec.containers[*].name}' 2>/dev/null); do
      kube -n "$namespace" logs "$pod" -c "$container" \
        >"$dir/logs/${namespace}_${pod}_${container}.log" 2>&1 || true
      kube -n "$namespace" logs "$pod" -c "$container" --previous \
        >"$dir/logs/${namespace}_${pod}_${container}.previous.log" 2>/dev/null ||
        rm -f "$dir/logs/${namespace}_${pod}_${container}.previous.log"
    done
  done < <(kube get pods -A -o jsonpath='{range .items[*]}{.metadata.namespace} {.metadata.name}{"\n"}{end}' 2>/dev/null)
  prometheus_get /api/v1/targets >"$dir/prometheus-targets.json" 2>&1 || true
  prometheus_get /api/v1/alerts >"$dir/prometheus-alerts.json" 2>&1 || true
  prometheus_get /api/v1/rules >"$dir/prometheus-rules.json" 2>&1 || true
  service_get monitoring alertmanager 9093 /api/v2/alerts >"$dir/alertmanager-alerts.json" 2>&1 || true
  service_get monitoring webhook-sink 8080 /received >"$dir/webhook-sink-received.json" 2>&1 || true
}
