#!/usr/bin/env bash
# Makes, without any registry, the two local images the project's Dockerfiles can build from:
#   microscope.local/debian:bookworm   a minimal Debian (debootstrap minbase, slimmed)
#   microscope.local/jdk:<feature>     that Debian plus this machine's JDK (>= 21), for jlink
# Both are made once and reused; the debootstrap tarball is cached under $MICROSCOPE_CACHE_DIR.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$root/e2e/lib/docker.sh"
source "$root/scripts/lib/java.sh"

suite="${DEBIAN_SUITE:-bookworm}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
base_image="microscope.local/debian:$suite"

cleanup=()
trap 'rm -rf "${cleanup[@]}"' EXIT

ensure_docker

if ! image_exists "$base_image"; then
  tarball="$MICROSCOPE_CACHE_DIR/images/debian-$suite-minbase.tar"
  if [ ! -s "$tarball" ]; then
    command -v debootstrap >/dev/null 2>&1 ||
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
    rootfs="$(mktemp -d)"
    cleanup+=("$rootfs")
    echo "== debootstrap $suite (minbase) from $mirror"
    start=$SECONDS
    debootstrap --variant=minbase --include=ca-certificates "$suite" "$rootfs" "$mirror" >/dev/null
    # Slim it the way the official -slim images are: no docs, manuals, locales or apt lists.
    rm -rf "$rootfs"/usr/share/{doc,man,info,locale}/* "$rootfs"/var/lib/apt/lists/* \
      "$rootfs"/var/cache/apt/* "$rootfs"/var/log/*
    mkdir -p "$(dirname "$tarball")"
    tar -C "$rootfs" -cf "$tarball.tmp" .
    mv "$tarball.tmp" "$tarball"
    echo "== debootstrap took $((SECONDS - start))s ($(du -h "$tarball" | cut -f1))"
  fi
  docker import --change 'CMD ["/bin/bash"]' "$tarball" "$base_image" >/dev/null
  echo "== imported $base_image"
fi

microscope_pick_jdk
feature=$(microscope_java_major "$JAVA_HOME/bin/java")
jdk_image="microscope.local/jdk:$feature"
if ! image_exists "$jdk_image"; then
  context="$(mktemp -d)"
  cleanup+=("$context")
  # -L: some JDK packages link cacerts to the host trust store, which the image lacks.
  cp -aL "$JAVA_HOME" "$context/jdk"
  cat >"$context/Dockerfile" <<DOCKERFILE
FROM $base_image
COPY jdk /opt/jdk
ENV JAVA_HOME=/opt/jdk PATH=/opt/jdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
DOCKERFILE
  docker build -q -t "$jdk_image" "$context" >/dev/null
  echo "== built $jdk_image from $JAVA_HOME"
fi
echo "BASE_IMAGE=$base_image"
echo "JDK_IMAGE=$jdk_image"
