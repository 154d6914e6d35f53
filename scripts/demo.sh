#!/usr/bin/env bash
# One command to see Signpost on a fresh Debian 12 machine: installs what is missing, builds,
# creates the demo school database and starts the main job on it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
BUILD=${SIGNPOST_BUILD_DIR:-build}
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" -j"$(nproc)"
mkdir -p out
DB=${SIGNPOST_DB:-$PWD/out/demo.db}
export SIGNPOST_DB="$DB"
rm -f "$DB" "$DB-wal" "$DB-shm"
"$BUILD/admin/signpost-admin" demo
echo
echo "Demo database: $DB"
echo "Who needs attention (signpost-admin review):"
"$BUILD/admin/signpost-admin" review
