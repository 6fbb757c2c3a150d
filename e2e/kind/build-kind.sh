#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Builds kind from its Go module (sigs.k8s.io/kind at KIND_VERSION, env.sh) into
#   ${MICROSCOPE_CACHE_DIR:-~/.cache/microscope}/kind/<version>/kind
# and prints that path. A binary that is there already is reused.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib/go.sh"
source "$here/env.sh"

if [ ! -x "$KIND_BIN" ]; then
  go_setup
  timed "build kind $KIND_VERSION" go_install_cached "$KIND_DIR" "sigs.k8s.io/kind@$KIND_VERSION"
fi
"$KIND_BIN" version >&2
printf '%s\n' "$KIND_BIN"
