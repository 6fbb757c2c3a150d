# shellcheck shell=bash
# The steps of run.sh before the cases: tools, images, the cluster, Prometheus and Alertmanager,
# the operator. Sourced by run.sh, which sets the image variables, CLUSTER, CHART, RELEASE,
# OPERATOR_NAMESPACE, OPERATOR_SERVICE, PROMETHEUS_URL, KUBECONFIG and work.
# shellcheck disable=SC2154 # those variables are set by run.sh
# shellcheck disable=SC2034 # CLUSTER_CREATED is read by run.sh

MANIFESTS="$here/manifests"
KIND_DOCKER_HOST=""

# kind runs `docker` from the PATH: give it the Debian client that the rest uses, and the
# daemon that can run its privileged nodes.
kind_cli() {
  DOCKER_HOST=$KIND_DOCKER_HOST PATH="$(dirname "$(docker_bin)"):$PATH" "$KIND_BIN" "$@"
}

prepare_tools() {
  step "tools: docker, jq, kind"
  ensure_docker
  if ! command -v jq >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends jq >/dev/null
  fi
  "$here/build-kind.sh" >/dev/null
}

# Fills every image variable left empty with an image made on this machine.
prepare_images() {
  if [ -z "$NODE_IMAGE" ]; then
    step "node image (e2e/kind/build-node-image.sh)"
    NODE_IMAGE=$("$here/build-node-image.sh" | tail -n 1)
  else
    step "kubectl (e2e/k8s-bin/build.sh)"
    "$root/e2e/k8s-bin/build.sh" >/dev/null
  fi
  if [ -z "$PROMETHEUS_IMAGE" ] || [ -z "$ALERTMANAGER_IMAGE" ] || [ -z "$SINK_IMAGE" ]; then
    step "Prometheus, Alertmanager and sink images (e2e/kind/build-monitoring-images.sh)"
    local built
    mapfile -t built < <("$here/build-monitoring-images.sh")
    [ ${#built[@]} -eq 3 ] || die "build-monitoring-images.sh named ${#built[@]} images, not 3"
    PROMETHEUS_IMAGE=${PROMETHEUS_IMAGE:-${built[0]}}
    ALERTMANAGER_IMAGE=${ALERTMANAGER_IMAGE:-${built[1]}}
    SINK_IMAGE=${SINK_IMAGE:-${built[2]}}
  fi
  if [ -z "$WORKER_IMAGE" ] || [ -z "$OPERATOR_IMAGE" ]; then
    step "Microscope images (e2e/images/build.sh --local)"
    local built image
    mapfile -t built < <("$root/e2e/images/build.sh" --local | grep -E '^microscope/(worker|operator):')
    for image in "${built[@]}"; do
      case $image in
        microscope/worker:*) WORKER_IMAGE=${WORKER_IMAGE:-$image} ;;
        microscope/operator:*) OPERATOR_IMAGE=${OPERATOR_IMAGE:-$image} ;;
      esac
    done
    if [ -z "$WORKER_IMAGE" ] || [ -z "$OPERATOR_IMAGE" ]; then
      die "e2e/images/build.sh built no worker or no operator image: ${built[*]}"
    fi
  fi
  log "images: node $NODE_IMAGE, worker $WORKER_IMAGE, operator $OPERATOR_IMAGE,"
  log "        prometheus $PROMETHEUS_IMAGE, alertmanager $ALERTMANAGER_IMAGE, sink $SINK_IMAGE"
}

create_cluster() {
  step "docker daemon for the kind node"
  KIND_DOCKER_HOST=$(ensure_privileged_docker)
  if [ -n "$KIND_DOCKER_HOST" ]; then
    log "the usual Docker cannot run privileged containers here; kind uses $KIND_DOCKER_HOST"
    if image_exists "$NODE_IMAGE"; then
      copy_image "$NODE_IMAGE" "$KIND_DOCKER_HOST"
      DOCKER_HOST=$KIND_DOCKER_HOST prune_tags "${NODE_IMAGE%-*}-" "$NODE_IMAGE"
    fi
  fi
  if kind_cli get clusters 2>/dev/null | grep -qx "$CLUSTER"; then
    log "deleting the cluster $CLUSTER left by an earlier run"
    kind_cli delete cluster --name "$CLUSTER" >/dev/null 2>&1
  fi

  step "create cluster $CLUSTER"
  CLUSTER_CREATED=true
  kind_cli create cluster --name "$CLUSTER" --image "$NODE_IMAGE" --config "$here/cluster.yaml" \
    --kubeconfig "$KUBECONFIG" --wait 120s
  kube get nodes -o wide
}

# The cluster a --keep-cluster run left, as it is.
use_cluster() {
  step "use cluster $CLUSTER"
  KIND_DOCKER_HOST=$(ensure_privileged_docker)
  kind_cli get kubeconfig --name "$CLUSTER" >"$KUBECONFIG" ||
    die "no kind cluster $CLUSTER to use (run with --keep-cluster first)"
  CLUSTER_CREATED=true
  # shellcheck source=../../lib/helm.sh
  source "$root/e2e/lib/helm.sh"
  ensure_helm
}

delete_cluster() {
  step "delete cluster $CLUSTER"
  kind_cli delete cluster --name "$CLUSTER" --kubeconfig "$KUBECONFIG" >/dev/null 2>&1 ||
    log "warning: could not delete the cluster $CLUSTER (kind delete cluster --name $CLUSTER)"
  step_end
}

# Loads into the node every image this machine's Docker has (one archive); the cluster pulls
# the others from their registries.
load_images() {
  step "load images into the node"
  local image local_images=()
  for image in "$WORKER_IMAGE" "$OPERATOR_IMAGE" "$PROMETHEUS_IMAGE" "$ALERTMANAGER_IMAGE" "$SINK_IMAGE"; do
    if image_exists "$image"; then
      local_images+=("$image")
    else
      log "$image is not on this machine: the cluster pulls it"
    fi
  done
  [ ${#local_images[@]} -gt 0 ] || return 0
  docker save -o "$work/images.tar" "${local_images[@]}"
  kind_cli load image-archive "$work/images.tar" --name "$CLUSTER"
  rm -f "$work/images.tar"
}

configmap_from_files() { # NAMESPACE NAME FILE...
  local namespace=$1 name=$2 file args=()
  shift 2
  for file in "$@"; do args+=("--from-file=$file"); done
  kube -n "$namespace" create configmap "$name" "${args[@]}" --dry-run=client -o yaml | kube apply -f - >/dev/null
}

# Prometheus with the project's rules, Alertmanager with its configuration (its secret follows
# once the operator's webhook token exists), and the webhook sink.
install_monitoring() {
  step "install Prometheus, Alertmanager and the webhook sink"
  local alertmanager_config="$root/prometheus-rules/alertmanager/alertmanager.yml"
  local operator_webhook="http://$OPERATOR_SERVICE.$OPERATOR_NAMESPACE.svc:8080/alertmanager"
  grep -qF "url: $operator_webhook" "$alertmanager_config" ||
    die "$alertmanager_config does not send to the operator at $operator_webhook"

  kube apply -f "$MANIFESTS/namespace.yaml" >/dev/null
  configmap_from_files monitoring prometheus-config "$MANIFESTS/prometheus.yml"
  configmap_from_files monitoring prometheus-rules "$root"/prometheus-rules/*.rules.yml \
    "$root/prometheus-rules/alerts.yml"
  configmap_from_files monitoring alertmanager-config "$alertmanager_config"
  configmap_from_files monitoring alertmanager-templates "$root"/prometheus-rules/alertmanager/templates/*.tmpl
  configmap_from_files monitoring webhook-sink "$MANIFESTS/webhook-sink.py"
  install_prometheus
  sed -e "s|ALERTMANAGER_IMAGE|$ALERTMANAGER_IMAGE|" "$MANIFESTS/alertmanager.yaml" | kube apply -f - >/dev/null
  sed -e "s|PYTHON_IMAGE|$SINK_IMAGE|" "$MANIFESTS/webhook-sink.yaml" | kube apply -f - >/dev/null
  rollout_ready 180 monitoring deployment/prometheus deployment/webhook-sink
}

# The Prometheus Deployment (with its Service and RBAC); its ConfigMaps must exist.
install_prometheus() {
  sed -e "s|PROMETHEUS_IMAGE|$PROMETHEUS_IMAGE|" "$MANIFESTS/prometheus.yaml" | kube apply -f - >/dev/null
}

helm_cli() { "$HELM_BIN" --kubeconfig "$KUBECONFIG" "$@"; }

install_operator() {
  step "helm install $RELEASE ($CHART)"
  [ -f "$CHART/Chart.yaml" ] || die "no Helm chart at $CHART"
  [ -f "$root/e2e/lib/helm.sh" ] || die "e2e/lib/helm.sh (the Helm CLI) is missing"
  # shellcheck source=../../lib/helm.sh
  source "$root/e2e/lib/helm.sh"
  ensure_helm
  helm_cli install "$RELEASE" "$CHART" --namespace "$OPERATOR_NAMESPACE" --create-namespace \
    --set "image.repository=${OPERATOR_IMAGE%:*}" --set "image.tag=${OPERATOR_IMAGE##*:}" \
    --set "workerImage.repository=${WORKER_IMAGE%:*}" --set "workerImage.tag=${WORKER_IMAGE##*:}" \
    --set "prometheus.url=$PROMETHEUS_URL" \
    --wait --timeout 180s >/dev/null
  kube -n "$OPERATOR_NAMESPACE" get pods -o wide

  step "Alertmanager with the operator's webhook token"
  local token
  token=$(kube -n "$OPERATOR_NAMESPACE" get secret "$OPERATOR_SERVICE-webhook" -o jsonpath='{.data.token}' | base64 -d)
  [ -n "$token" ] || die "the chart's Secret $OPERATOR_SERVICE-webhook holds no token"
  kube -n monitoring create secret generic alertmanager-secrets \
    --from-literal=microscope-operator-token="$token" \
    --from-literal=people-page-webhook-url=http://webhook-sink.monitoring.svc:8080/people-page \
    --from-literal=people-ticket-webhook-url=http://webhook-sink.monitoring.svc:8080/people-ticket \
    --dry-run=client -o yaml | kube apply -f - >/dev/null
  rollout_ready 120 monitoring deployment/alertmanager
  wait_for 60 "Prometheus scrapes the operator" \
    prom_true "up{namespace=\"$OPERATOR_NAMESPACE\"} == 1"
}
