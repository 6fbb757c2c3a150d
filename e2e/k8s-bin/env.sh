# shellcheck shell=bash
# The one place that pins the Kubernetes and etcd releases of the test tiers, and where their
# binaries live. Sourced by build.sh, smoke.sh and the kind scripts; override by exporting
# K8S_VERSION / ETCD_VERSION before sourcing.
#
# Kubernetes 1.34 is the newest minor release the fabric8 7.5.2 client models. 1.34.10 rather
# than a later patch: the module proxy and checksum database our CI can reach hold 1.34.10
# complete, while go refuses 1.34.11 and 1.34.12 there ("verifying go.mod: ... 404 Not Found").
# etcd 3.6.5 is the version Kubernetes 1.34 ships with (kubeadm's DefaultEtcdVersion);
# Debian 12's etcd 3.4 is older than the 3.5.24 that kubeadm 1.34 accepts.

K8S_VERSION=${K8S_VERSION:-1.34.10}
ETCD_VERSION=${ETCD_VERSION:-3.6.5}

k8s_platform() {
  local os arch
  os=$(uname -s | tr '[:upper:]' '[:lower:]')
  case $(uname -m) in
    x86_64 | amd64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    ppc64le) arch=ppc64le ;;
    *) arch=$(uname -m) ;;
  esac
  printf '%s-%s\n' "$os" "$arch"
}

# fabric8 kube-api-test looks for <dir>/k8s/<version>-<os>-<arch>/{etcd,kube-apiserver,kubectl}
# (version without the leading "v"); the cache root is such a <dir>.
K8S_BIN_DIR=${K8S_BIN_DIR:-"$(microscope_cache_dir)/k8s/${K8S_VERSION}-$(k8s_platform)"}

# shellcheck disable=SC2034 # used by the scripts that source this file
K8S_INTEGRATION_BINARIES=(etcd kube-apiserver kube-controller-manager kubectl)
# shellcheck disable=SC2034
K8S_NODE_BINARIES=(kubelet kube-proxy kube-scheduler kubeadm)
