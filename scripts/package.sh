#!/usr/bin/env bash
# Builds the Debian packages signpost-admin and signpost-kiosk (CPack) in their own build folder
# configured for /usr, then checks them with lintian (any error fails). Prints the .deb paths.
#   bash scripts/package.sh [BUILD_DIR]     (default: build-deb)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build-deb}
# Debian's hardening flags (fortify, stack protector, relro, bindnow, PIE), as a Debian build has.
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
CFLAGS=$(dpkg-buildflags --get CFLAGS) CPPFLAGS=$(dpkg-buildflags --get CPPFLAGS)
export CFLAGS="$CFLAGS $CPPFLAGS" LDFLAGS=$(dpkg-buildflags --get LDFLAGS)
cmake -S . -B "$BUILD" -DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF \
  -DSIGNPOST_WERROR=ON >/dev/null
cmake --build "$BUILD" -j"$(nproc)" >/dev/null
rm -f "$BUILD"/signpost-*.deb
(cd "$BUILD" && cpack -G DEB >/dev/null)
shopt -s nullglob
debs=("$BUILD"/signpost-*.deb)
if [ ${#debs[@]} -ne 2 ]; then
  echo "package.sh: expected two packages (signpost-admin, signpost-kiosk) in $BUILD, found ${#debs[@]}" >&2
  exit 1
fi
# Errors fail; warnings are shown.
if ! lintian --fail-on error "${debs[@]}" >&2; then
  echo "package.sh: lintian found errors in the packages (above)" >&2
  exit 1
fi
for d in "${debs[@]}"; do realpath "$d"; done
