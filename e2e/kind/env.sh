# shellcheck shell=bash
# The one place that pins what the kind end-to-end run builds, and where it keeps it. Sourced by
# the scripts in this folder after e2e/lib/common.sh; override by exporting before sourcing.
#
# kind v0.31.0: the newest release whose module the proxy and the checksum database both serve
# complete, and that still creates clusters of Kubernetes 1.34 on hosts with cgroup v1 (its node
# entrypoint handles both cgroup versions).

# shellcheck source=../k8s-bin/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/../k8s-bin/env.sh"

KIND_VERSION=${KIND_VERSION:-v0.31.0}
KIND_DIR=${KIND_DIR:-"$(microscope_cache_dir)/kind/$KIND_VERSION"}
# shellcheck disable=SC2034 # used by the scripts that source this file
KIND_BIN="$KIND_DIR/kind"

# Prometheus for the cluster, built from its Go module (github.com/prometheus/prometheus
# v0.<minor>.<patch> is Prometheus 2.<minor>.<patch>): 2.53 is the long-term-support line of
# Prometheus 2, and 2.53.4 the newest patch the module proxy serves with its checksum.
PROMETHEUS_VERSION=${PROMETHEUS_VERSION:-2.53.4}

# Images made on this machine are named under this prefix, never under an upstream registry's
# name, so that they cannot be mistaken for (or shadow) the real ones.
LOCAL_IMAGES=${LOCAL_IMAGES:-microscope.local}
# shellcheck disable=SC2034
NODE_IMAGE_REPOSITORY="$LOCAL_IMAGES/kind-node"
