#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Proves the built binaries make a working control plane: etcd, kube-apiserver and
# kube-controller-manager on loopback, then a Deployment gets its ReplicaSet and Pods from the
# controllers, and deleting it lets the garbage collector remove them. Everything it starts is
# stopped on exit, also on failure or Ctrl-C. Needs openssl and the binaries from build.sh.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/common.sh
source "$here/../lib/common.sh"
# shellcheck source=env.sh
source "$here/env.sh"

started=$SECONDS
bin=$K8S_BIN_DIR
for b in etcd kube-apiserver kube-controller-manager kubectl; do
  [ -x "$bin/$b" ] || die "$bin/$b is missing; run $here/build.sh first"
done
command -v openssl >/dev/null 2>&1 || die "openssl is needed to make the test certificates"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/k8s-smoke.XXXXXX")
pids=()
names=()

stop_all() {
  local status=$? i pid
  if [ "$status" -ne 0 ]; then
    for i in "${!names[@]}"; do
      log "--- last lines of ${names[i]}.log"
      tail -n 25 "$tmp/${names[i]}.log" >&2 || true
    done
  fi
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pid=${pids[i]}
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 1 20); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  [ "$status" -eq 0 ] || log "smoke test FAILED after $((SECONDS - started)) s"
  rm -rf "$tmp"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

start() { # $1 = name (log file), then the command
  local name=$1
  shift
  "$@" >"$tmp/$name.log" 2>&1 &
  pids+=($!)
  names+=("$name")
  log "started $name (pid $!)"
}

running() { # fails once the named process has exited, so waits stop early with its log
  local i
  for i in "${!names[@]}"; do
    if [ "${names[i]}" = "$1" ]; then
      kill -0 "${pids[i]}" 2>/dev/null && return 0
      log "$1 exited"
      return 1
    fi
  done
  return 1
}

wait_while_running() { # $1 = process, $2 = timeout, $3 = description, then the check
  local name=$1 timeout=$2 what=$3 deadline
  shift 3
  deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    running "$name" || die "$name stopped while waiting for: $what"
    [ "$SECONDS" -lt "$deadline" ] || die "timed out after ${timeout} s waiting for: $what"
    sleep 1
  done
  log "ready: $what"
}

# --- certificates -----------------------------------------------------------------------------

pki=$tmp/pki
mkdir -p "$pki"
openssl_quiet() { openssl "$@" 2>>"$tmp/openssl.log"; }

openssl_quiet req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=smoke-ca" \
  -keyout "$pki/ca.key" -out "$pki/ca.crt"

issue_cert() { # $1 = file name, $2 = subject, $3 = extensions
  openssl_quiet req -newkey rsa:2048 -nodes -subj "$2" -keyout "$pki/$1.key" -out "$pki/$1.csr"
  printf '%s\n' "$3" >"$pki/$1.ext"
  openssl_quiet x509 -req -in "$pki/$1.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" \
    -CAcreateserial -days 1 -extfile "$pki/$1.ext" -out "$pki/$1.crt"
}
issue_cert apiserver "/CN=kube-apiserver" \
  "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes.default.svc
extendedKeyUsage=serverAuth"
issue_cert admin "/O=system:masters/CN=smoke-admin" "extendedKeyUsage=clientAuth"
issue_cert controller-manager "/CN=system:kube-controller-manager" "extendedKeyUsage=clientAuth"
# Service account tokens: the API server verifies and issues them, the controller manager signs
# the tokens of the service accounts its controllers run as.
openssl_quiet genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$pki/sa.key"
openssl_quiet pkey -in "$pki/sa.key" -pubout -out "$pki/sa.pub"

# --- etcd -------------------------------------------------------------------------------------

etcd_port="" etcd_peer_port="" apiserver_port="" kcm_port=""
free_port etcd_port
free_port etcd_peer_port
free_port apiserver_port
free_port kcm_port

start etcd "$bin/etcd" --name smoke --data-dir "$tmp/etcd" \
  --listen-client-urls "http://127.0.0.1:$etcd_port" \
  --advertise-client-urls "http://127.0.0.1:$etcd_port" \
  --listen-peer-urls "http://127.0.0.1:$etcd_peer_port" \
  --initial-advertise-peer-urls "http://127.0.0.1:$etcd_peer_port" \
  --initial-cluster "smoke=http://127.0.0.1:$etcd_peer_port"
etcd_healthy() { grep -q '"health":"true"' < <(exec 3<>"/dev/tcp/127.0.0.1/$etcd_port" &&
  printf 'GET /health HTTP/1.0\r\n\r\n' >&3 && cat <&3); }
wait_while_running etcd 60 "etcd healthy on 127.0.0.1:$etcd_port" etcd_healthy

# --- kube-apiserver ---------------------------------------------------------------------------

# Loopback only: the advertised address is 127.0.0.1, which an Endpoints object may not hold, so
# the reconciler of the "kubernetes" Service is off.
start kube-apiserver "$bin/kube-apiserver" \
  --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$apiserver_port" \
  --endpoint-reconciler-type=none \
  --etcd-servers="http://127.0.0.1:$etcd_port" \
  --tls-cert-file="$pki/apiserver.crt" --tls-private-key-file="$pki/apiserver.key" \
  --client-ca-file="$pki/ca.crt" --authorization-mode=RBAC \
  --service-account-issuer=https://kubernetes.default.svc \
  --service-account-key-file="$pki/sa.pub" --service-account-signing-key-file="$pki/sa.key" \
  --service-cluster-ip-range=10.96.0.0/24

kubeconfig() { # $1 = user (cert file name)
  local file=$tmp/$1.kubeconfig
  "$bin/kubectl" config set-cluster smoke --server="https://127.0.0.1:$apiserver_port" \
    --certificate-authority="$pki/ca.crt" --embed-certs --kubeconfig="$file" >/dev/null
  "$bin/kubectl" config set-credentials "$1" --client-certificate="$pki/$1.crt" \
    --client-key="$pki/$1.key" --embed-certs --kubeconfig="$file" >/dev/null
  "$bin/kubectl" config set-context smoke --cluster=smoke --user="$1" --kubeconfig="$file" >/dev/null
  "$bin/kubectl" config use-context smoke --kubeconfig="$file" >/dev/null
}
kubeconfig admin
kubeconfig controller-manager
k() { "$bin/kubectl" --kubeconfig="$tmp/admin.kubeconfig" --request-timeout=10s "$@"; }

wait_while_running kube-apiserver 120 "kube-apiserver ready on 127.0.0.1:$apiserver_port" \
  k get --raw /readyz
log "kube-apiserver $(k get --raw /version | sed -n 's/.*"gitVersion": *"\([^"]*\)".*/\1/p')"

# --- kube-controller-manager ------------------------------------------------------------------

start kube-controller-manager "$bin/kube-controller-manager" \
  --kubeconfig="$tmp/controller-manager.kubeconfig" \
  --bind-address=127.0.0.1 --secure-port="$kcm_port" --leader-elect=false \
  --use-service-account-credentials=true \
  --service-account-private-key-file="$pki/sa.key" --root-ca-file="$pki/ca.crt"

# --- Deployment -> ReplicaSet -> Pods, then garbage collection ----------------------------------

k create deployment smoke --image=registry.invalid/smoke:1 --replicas=2 >/dev/null
log "created Deployment smoke"

owned_replicaset() {
  [ "$(k get replicasets -l app=smoke \
    -o jsonpath='{.items[0].metadata.ownerReferences[0].kind}/{.items[0].metadata.ownerReferences[0].name}')" \
    = Deployment/smoke ]
}
two_pods() { [ "$(k get pods -l app=smoke -o name | wc -l)" -eq 2 ]; }
none_left() { [ -z "$(k get replicasets,pods -l app=smoke -o name)" ]; }

wait_while_running kube-controller-manager 120 "ReplicaSet owned by Deployment smoke" owned_replicaset
wait_while_running kube-controller-manager 120 "2 Pods made by the ReplicaSet" two_pods

k delete deployment smoke --wait=true >/dev/null
log "deleted Deployment smoke"
wait_while_running kube-controller-manager 120 "ReplicaSet and Pods garbage-collected" none_left

log "smoke test passed in $((SECONDS - started)) s (Kubernetes $K8S_VERSION, etcd $("$bin/etcd" --version | sed -n 's/^etcd Version: //p'))"
