#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Assembles a kind node image of Kubernetes $K8S_VERSION without any registry, and prints its
# name (microscope.local/kind-node:v<version>-<hash of everything in it>).
#
# `kind build node-image` cannot do this here: it starts from kind's base image and pulls etcd,
# CoreDNS, pause and kindnetd from their registries. This script does what it does with local
# parts:
#   1. the Kubernetes and etcd binaries from e2e/k8s-bin/build.sh --with-node;
#   2. CoreDNS from its Go module and pause from Kubernetes' pause.c, at the versions that
#      `kubeadm config images list` names;
#   3. one image per control-plane component, etcd, kube-proxy, CoreDNS and pause (recipes in
#      e2e/images/), tagged microscope.local/<name>:<tag>;
#   4. a node base image: Debian's systemd, containerd, runc and CNI plugins plus kind's node
#      files from the kind module (e2e/images/kind-node/);
#   5. the node image: in a container of that base, the kubeadm, kubelet and kubectl binaries,
#      /kind/version, and every image loaded into containerd under the name kubeadm expects
#      (registry.k8s.io/...), then `docker commit`.
# Each step is skipped when its result exists and is current (a recipe label on every image).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$root/e2e/lib/docker.sh"
source "$root/e2e/lib/go.sh"
source "$here/env.sh"
source "$here/lib/images.sh"
recipes="$root/e2e/images"
cache=$(microscope_cache_dir)

work=$(mktemp -d)
build_container=""
cleanup() {
  local status=$?
  [ "$status" -eq 0 ] || [ -z "$STEP_LABEL" ] || log "error: step failed (exit $status): $STEP_LABEL"
  [ -z "$build_container" ] || docker rm -f -v "$build_container" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- inputs -------------------------------------------------------------------------------------

# The images kubeadm will run, e.g. registry.k8s.io/etcd:3.6.5-0, one a line.
kubeadm_images() {
  "$K8S_BIN_DIR/kubeadm" config images list --kubernetes-version "v$K8S_VERSION" 2>/dev/null
}

tag_of() { # $1 = image name without tag (e.g. registry.k8s.io/pause); prints its tag in the list
  local image
  for image in "${REQUIRED_IMAGES[@]}"; do
    [ "${image%:*}" = "$1" ] && printf '%s\n' "${image##*:}" && return 0
  done
  die "kubeadm $K8S_VERSION names no $1 image (it names: ${REQUIRED_IMAGES[*]})"
}

build_coredns() {
  local commit
  commit=$(cd / && GOFLAGS='' go list -m -json "github.com/coredns/coredns@$COREDNS_VERSION" |
    sed -n 's/^[[:space:]]*"Hash": *"\([0-9a-f]\{7\}\).*/\1/p' | head -n 1)
  go_install_cached "$cache/coredns/$COREDNS_VERSION" "github.com/coredns/coredns@$COREDNS_VERSION" \
    "-X github.com/coredns/coredns/coremain.GitCommit=${commit:-$COREDNS_VERSION}"
}

# pause.c from the Kubernetes module, compiled as its Makefile does (static, -Os).
build_pause() {
  local dir="$cache/pause/$PAUSE_VERSION" pause_c
  [ -x "$dir/pause" ] && return 0
  if ! command -v gcc >/dev/null 2>&1 || ! [ -f "$(gcc -print-file-name=libc.a)" ]; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gcc libc6-dev >/dev/null
    else
      die "gcc and a static libc are needed to build pause (apt-get install gcc libc6-dev)"
    fi
  fi
  pause_c="$(go_module_dir "k8s.io/kubernetes@v$K8S_VERSION")/build/pause/linux/pause.c"
  mkdir -p "$dir"
  gcc -Os -Wall -Werror -static -DVERSION="v$PAUSE_VERSION" -o "$dir/.pause" "$pause_c" &&
    strip "$dir/.pause" && mv "$dir/.pause" "$dir/pause"
}

# --- images ---------------------------------------------------------------------------------------

local_name() { # registry.k8s.io/coredns/coredns:v1.12.1 -> microscope.local/coredns:v1.12.1
  local name=${1%:*}
  printf '%s/%s:%s\n' "$LOCAL_IMAGES" "${name##*/}" "${1##*:}"
}

build_component_image() { # $1 = upstream image name, $2 = binary
  local upstream=$1 binary=$2 recipe image context
  image=$(local_name "$upstream")
  case ${binary##*/} in
    kube-proxy) recipe=kube-proxy ;;
    coredns) recipe=coredns ;;
    pause) recipe=pause ;;
    *) recipe=k8s-component ;;
  esac
  context=$(context_with "$binary" "$recipes/$recipe/Dockerfile")
  build_image "$image" \
    "$(recipe_hash "$recipes/$recipe" "$(image_id "$BASE_IMAGE")" "$(image_id "$STATIC_IMAGE")" "$upstream" "$(stat -c %s "$binary")")" \
    "$context" --build-arg "BASE_IMAGE=$BASE_IMAGE" --build-arg "STATIC_IMAGE=$STATIC_IMAGE" \
    --build-arg "BINARY=${binary##*/}"
}

binary_of() { # upstream image name -> the binary it carries
  local name=${1%:*}
  case ${name##*/} in
    coredns) printf '%s\n' "$cache/coredns/$COREDNS_VERSION/coredns" ;;
    pause) printf '%s\n' "$cache/pause/$PAUSE_VERSION/pause" ;;
    *) printf '%s\n' "$K8S_BIN_DIR/${name##*/}" ;;
  esac
}

build_component_images() {
  build_static_base
  local upstream
  for upstream in "${REQUIRED_IMAGES[@]}"; do
    build_component_image "$upstream" "$(binary_of "$upstream")"
  done
}

build_node_base() {
  local module context
  module=$(go_module_dir "sigs.k8s.io/kind@$KIND_VERSION") || return 1
  context="$work/node-base"
  mkdir -p "$context"
  cp -r "$module/images/base/files" "$context/kind-files"
  chmod -R u+w "$context/kind-files"
  cp -r "$recipes/kind-node" "$context/kind-node"
  cp -r "$recipes/debian" "$context/debian"
  cp "$recipes/kind-node/Dockerfile" "$context/Dockerfile"
  NODE_BASE_IMAGE="$LOCAL_IMAGES/kind-base:$KIND_VERSION"
  build_image "$NODE_BASE_IMAGE" \
    "$(recipe_hash "$context" "$(image_id "$BASE_IMAGE")" "$PAUSE_IMAGE")" "$context" \
    --build-arg "BASE_IMAGE=$BASE_IMAGE" --build-arg "SANDBOX_IMAGE=$PAUSE_IMAGE"
}

# --- the node image -------------------------------------------------------------------------------

in_node() { docker exec -i "$build_container" "$@"; }

start_containerd() {
  in_node bash -c 'nohup containerd >/var/log/containerd-build.log 2>&1 &'
  # shellcheck disable=SC2016 # expanded in the build container
  in_node bash -c 'for _ in $(seq 100); do
      [ -S /run/containerd/containerd.sock ] && ctr version >/dev/null 2>&1 && exit 0
      sleep 0.2
    done
    cat /var/log/containerd-build.log >&2
    exit 1'
}

# The build container's first process (sleep) reaps no child: a stopped containerd stays a
# zombie, which is as good as gone.
stop_containerd() {
  # shellcheck disable=SC2016 # expanded in the build container
  in_node bash -c 'pkill -x containerd || true
    for _ in $(seq 100); do
      ps -C containerd -o stat= | grep -qv "^Z" || exit 0
      sleep 0.2
    done
    exit 1'
}

# Loads one image into the node's containerd under its upstream name, pinned (never collected).
load_into_node() { # $1 = upstream image name
  local upstream=$1 local_image
  local_image=$(local_name "$upstream")
  docker save "$local_image" |
    in_node ctr --namespace=k8s.io images import --all-platforms --no-unpack - >/dev/null
  in_node ctr --namespace=k8s.io images tag --force "$local_image" "$upstream" >/dev/null
  in_node ctr --namespace=k8s.io images rm "$local_image" >/dev/null
  in_node ctr --namespace=k8s.io images label "$upstream" io.cri-containerd.pinned=pinned >/dev/null
}

assemble_node_image() {
  build_container=$(docker run -d --entrypoint=sleep --security-opt seccomp=unconfined \
    "$NODE_BASE_IMAGE" infinity)
  local binary
  for binary in kubeadm kubelet kubectl; do
    docker cp "$K8S_BIN_DIR/$binary" "$build_container:/usr/bin/$binary"
    in_node chown root:root "/usr/bin/$binary"
    in_node chmod 0755 "/usr/bin/$binary"
  done
  printf 'v%s\n' "$K8S_VERSION" | in_node tee /kind/version >/dev/null
  in_node mkdir -p /kind/manifests
  in_node tee /kind/manifests/default-cni.yaml <"$recipes/kind-node/default-cni.yaml" >/dev/null

  start_containerd
  local upstream
  for upstream in "${REQUIRED_IMAGES[@]}"; do
    load_into_node "$upstream"
  done
  local loaded missing
  loaded=$(in_node ctr --namespace=k8s.io images list -q)
  missing=$(comm -23 <(printf '%s\n' "${REQUIRED_IMAGES[@]}" | sort) <(sort <<<"$loaded"))
  [ -z "$missing" ] || die "images missing in the node: $missing"
  stop_containerd
  in_node rm -rf /run/containerd /var/log/containerd-build.log

  docker commit \
    --change 'ENTRYPOINT [ "/usr/local/bin/entrypoint", "/sbin/init" ]' \
    --change "LABEL $RECIPE_LABEL=$NODE_HASH" \
    "$build_container" "$NODE_IMAGE" >/dev/null
  docker rm -f -v "$build_container" >/dev/null
  build_container=""
  docker tag "$NODE_IMAGE" "$NODE_IMAGE_REPOSITORY:v$K8S_VERSION"
  prune_tags "$NODE_IMAGE_REPOSITORY:v$K8S_VERSION-" "$NODE_IMAGE"
}

# --- run ------------------------------------------------------------------------------------------

ensure_docker
go_setup
step "base images (e2e/images/build-base.sh)"
base_images
step "Kubernetes $K8S_VERSION binaries (e2e/k8s-bin/build.sh --with-node)"
"$root/e2e/k8s-bin/build.sh" --with-node

mapfile -t REQUIRED_IMAGES < <(kubeadm_images)
[ ${#REQUIRED_IMAGES[@]} -gt 0 ] || die "kubeadm config images list named no image"
COREDNS_VERSION=$(tag_of registry.k8s.io/coredns/coredns)
PAUSE_VERSION=$(tag_of registry.k8s.io/pause)
PAUSE_IMAGE="registry.k8s.io/pause:$PAUSE_VERSION"
etcd_tag=$(tag_of registry.k8s.io/etcd)
[ "${etcd_tag%-*}" = "$ETCD_VERSION" ] ||
  die "kubeadm $K8S_VERSION expects etcd $etcd_tag, e2e/k8s-bin builds etcd $ETCD_VERSION"
log "images kubeadm $K8S_VERSION runs: ${REQUIRED_IMAGES[*]}"

step "CoreDNS $COREDNS_VERSION (Go module)"
build_coredns
step "pause $PAUSE_VERSION (pause.c)"
build_pause
step "component images"
build_component_images
step "node base image (kind $KIND_VERSION files, Debian packages)"
build_node_base

component_ids=()
for upstream in "${REQUIRED_IMAGES[@]}"; do
  component_ids+=("$(image_id "$(local_name "$upstream")")")
done
# This script is part of the recipe: how the node is assembled.
NODE_HASH=$(recipe_hash "$(image_id "$NODE_BASE_IMAGE")" "${component_ids[@]}" \
  "$recipes/kind-node/default-cni.yaml" "$K8S_VERSION" "${BASH_SOURCE[0]}" \
  "$(stat -c %s "$K8S_BIN_DIR/kubeadm" "$K8S_BIN_DIR/kubelet" "$K8S_BIN_DIR/kubectl")")
NODE_IMAGE="$NODE_IMAGE_REPOSITORY:v$K8S_VERSION-$NODE_HASH"
if [ "$(image_recipe "$NODE_IMAGE")" = "$NODE_HASH" ]; then
  step_end
  log "current: $NODE_IMAGE"
else
  step "node image $NODE_IMAGE"
  assemble_node_image
fi
step_end
print_timings
printf '%s\n' "$NODE_IMAGE"
