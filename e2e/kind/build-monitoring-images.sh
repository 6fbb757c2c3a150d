#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Builds the images the end-to-end cluster runs beside Microscope, and prints their names one a
# line (prometheus, alertmanager, python):
#   microscope.local/prometheus:v<PROMETHEUS_VERSION>  Prometheus from its Go module, static
#   microscope.local/alertmanager:bookworm   Alertmanager 0.25 (Debian package prometheus-alertmanager)
#   microscope.local/python:bookworm         Python 3 (Debian), for the webhook sink standing in for people
# An image whose recipe, base image and versions are unchanged is not built again; the
# Prometheus binary is kept under ${MICROSCOPE_CACHE_DIR:-~/.cache/microscope}/prometheus/.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$root/e2e/lib/docker.sh"
source "$root/e2e/lib/go.sh"
source "$here/env.sh"
source "$here/lib/images.sh"
recipes="$root/e2e/images"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ensure_docker
go_setup
base_images
build_static_base

step "Prometheus $PROMETHEUS_VERSION (Go module)"
prometheus_dir="$(microscope_cache_dir)/prometheus/v$PROMETHEUS_VERSION"
version_pkg=github.com/prometheus/common/version
go_build_cached "$prometheus_dir" github.com/prometheus/prometheus "v0.${PROMETHEUS_VERSION#*.}" \
  github.com/prometheus/prometheus/cmd/prometheus \
  "-X $version_pkg.Version=$PROMETHEUS_VERSION -X $version_pkg.Branch=release-${PROMETHEUS_VERSION%.*} -X $version_pkg.BuildUser=microscope-e2e"
"$prometheus_dir/prometheus" --version | head -n 1 >&2
step_end

prometheus_image="$LOCAL_IMAGES/prometheus:v$PROMETHEUS_VERSION"
build_image "$prometheus_image" \
  "$(recipe_hash "$recipes/prometheus" "$(image_id "$STATIC_IMAGE")" "$PROMETHEUS_VERSION")" \
  "$(context_with "$prometheus_dir/prometheus" "$recipes/prometheus/Dockerfile")" \
  --build-arg "STATIC_IMAGE=$STATIC_IMAGE"

built=("$prometheus_image")
for recipe in alertmanager python; do
  image="$LOCAL_IMAGES/$recipe:bookworm"
  build_image "$image" \
    "$(recipe_hash "$recipes/$recipe" "$recipes/debian" "$(image_id "$BASE_IMAGE")")" \
    "$recipes" -f "$recipes/$recipe/Dockerfile" --build-arg "BASE_IMAGE=$BASE_IMAGE"
  built+=("$image")
done
printf '%s\n' "${built[@]}"
