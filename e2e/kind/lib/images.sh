# shellcheck shell=bash
# What the image build scripts of this folder share: the local base images and build contexts
# that hold a binary. Sourced after e2e/lib/docker.sh and env.sh; needs `recipes` (e2e/images)
# and `work` (a temporary folder the caller removes).
# shellcheck disable=SC2154 # recipes, work: set by the caller

# base_images: makes sure microscope.local/debian exists (e2e/images/build-base.sh) and sets
# BASE_IMAGE to it.
base_images() {
  local output key value
  output=$("$recipes/build-base.sh")
  while IFS='=' read -r key value; do
    if [ "$key" = BASE_IMAGE ]; then BASE_IMAGE=$value; fi
  done <<<"$output"
  [ -n "${BASE_IMAGE:-}" ] || die "e2e/images/build-base.sh named no BASE_IMAGE"
}

# build_static_base: the image for static binaries (e2e/images/static); sets STATIC_IMAGE.
build_static_base() {
  STATIC_IMAGE="$LOCAL_IMAGES/static:bookworm"
  build_image "$STATIC_IMAGE" "$(recipe_hash "$recipes/static" "$(image_id "$BASE_IMAGE")")" \
    "$recipes/static" --build-arg "BASE_IMAGE=$BASE_IMAGE"
}

# context_with FILE...: a fresh build context folder holding (hard links to) the files.
context_with() {
  local dir file
  dir=$(mktemp -d "$work/context-XXXXXX")
  for file in "$@"; do
    ln "$file" "$dir/" 2>/dev/null || cp "$file" "$dir/"
  done
  printf '%s\n' "$dir"
}
