#!/usr/bin/env bash
# One command to see Signpost on a fresh Debian 12 machine: installs what is missing, builds,
# creates the demo school database, issues badges and starts the kiosk on it (fullscreen; pass
# --windowed for a window). Without a display it runs the headless replay into out/shots.
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

# Badges, a printable sheet and a few payloads to type or scan
"$BUILD/admin/signpost-admin" badge issue --all-missing >/dev/null
"$BUILD/admin/signpost-admin" badge print --class ELA8-2 -o out/demo-badges.pdf >/dev/null || true
echo
echo "Printable demo badges (class ELA8-2): $PWD/out/demo-badges.pdf"
echo "A few demo badge payloads (a USB scanner types these; so can you, followed by Enter):"
"$BUILD/admin/signpost-admin" --json badge list --show-payload |
  awk -F'"' '/"holder":/ {holder=$4} /"id":/ {id=$4} /"name":/ {name=$4}
             /"payload":/ && holder == "student" {print "  " $4 "  " name " (" id ")"}' | head -5
# A teacher badge: the only way out of the fullscreen kiosk is its teacher menu.
"$BUILD/admin/signpost-admin" badge issue --staff T-RIVERA >/dev/null
echo "Teacher badge (opens the teacher menu: who signed in today, Exit kiosk):"
"$BUILD/admin/signpost-admin" --json badge list --show-payload |
  awk -F'"' '/"holder":/ {holder=$4} /"id":/ {id=$4} /"name":/ {name=$4}
             /"payload":/ && holder == "staff" {print "  " $4 "  " name " (" id ")"}'

KIOSK="$BUILD/kiosk/signpost-kiosk"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo
  echo "Starting the kiosk on $DB (a teacher badge opens the teacher menu with Exit):"
  exec "$KIOSK" --db "$DB" --kiosk-name "Demo room" "$@"
fi
echo
echo "signpost-kiosk: no display found (DISPLAY/WAYLAND_DISPLAY unset); running the headless replay instead:"
"$KIOSK" --db "$DB" --replay tests/replay/demo.replay --shots out/shots
echo "Screenshots: $PWD/out/shots/*.png"
