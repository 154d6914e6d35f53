#!/usr/bin/env bash
# Installs every Debian package Signpost needs to build, run, test and benchmark.
# Safe to run again: apt-get skips what is already there. Needs root (or sudo).
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config clang libclang-rt-14-dev
  libsdl2-dev libsdl2-ttf-dev libsqlite3-dev sqlite3 libqrencode-dev zlib1g-dev
  libzbar-dev libcairo2-dev libcsv-dev libjansson-dev libsodium-dev libcmocka-dev
  libespeak-ng-dev libasound2-dev libfribidi-dev gettext gettext-base libpango1.0-dev
  fonts-sil-andika fonts-opendyslexic fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
  fonts-dejavu-core
  poppler-utils imagemagick xvfb xauth xdotool
  help2man lintian mmdebstrap cage xwayland grim
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
