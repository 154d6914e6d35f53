#!/usr/bin/env bash
# One command for the whole test suite on a fresh Debian 12 machine: installs what is missing,
# builds with warnings as errors, and runs every test under ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
BUILD=${SIGNPOST_BUILD_DIR:-build}
cmake -S . -B "$BUILD" -DSIGNPOST_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$BUILD" -j"$(nproc)"
cd "$BUILD"
ctest --output-on-failure -j"$(nproc)" "$@"
