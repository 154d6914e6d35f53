#!/usr/bin/env bash
# test_next_step_replay.sh — "Set my next step" through the real kiosk binary: the replay harness
# runs tests/replay/next_step.replay on the demo school in landscape (1280x800) and portrait
# (800x1280), with screenshots of a question, the keyboard, the plan and "Saved". Expectations
# inside the script fail the run (including the walk-away at the end, which must leave nothing in
# the text cache); afterwards exactly one plan is stored, with the four answers the script gave.
set -euo pipefail
: "${SIGNPOST_ADMIN:?set by ctest}"
SRC=${SIGNPOST_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
if [ -z "${SIGNPOST_KIOSK:-}" ]; then
  echo "skipped: signpost-kiosk is not built (SIGNPOST_BUILD_KIOSK=OFF)"
  exit 0
fi
export SDL_VIDEODRIVER=dummy
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export SIGNPOST_NOW=2026-11-23T09:00:00Z
SCRIPT=$SRC/tests/replay/next_step.replay

png_dims() { od -An -tu1 -j16 -N8 "$1" | awk '{print $3*256+$4 "x" $7*256+$8}'; }

run() { # name width height
  local name=$1 w=$2 h=$3 db=$TMP/$1.db
  "$SIGNPOST_ADMIN" --db "$db" demo >/dev/null
  "$SIGNPOST_ADMIN" --db "$db" badge issue --all-missing >/dev/null
  sed "s/^size 1280 800\$/size $w $h/" "$SCRIPT" > "$TMP/$name.replay"
  "$SIGNPOST_KIOSK" --db "$db" --replay "$TMP/$name.replay" --shots "$TMP/$name"
  for shot in $(awk '$1 == "shot" {print $2}' "$SCRIPT"); do
    png=$TMP/$name/$shot.png
    [ -f "$png" ] || { echo "FAIL: $png was not written"; exit 1; }
    [ "$(png_dims "$png")" = "${w}x${h}" ] || { echo "FAIL: $png is $(png_dims "$png")"; exit 1; }
    [ "$(stat -c %s "$png")" -gt 4000 ] || { echo "FAIL: $png looks blank"; exit 1; }
  done
  got=$(sqlite3 "$db" "SELECT s.sis_id || '|' || p.in_the_way || '|' || p.change_text || '|' || p.how_we_know
                         || '|' || p.support_first FROM next_step_plans p JOIN students s ON s.id = p.student_id
                         WHERE p.kiosk_session_id IS NOT NULL ORDER BY p.id")
  want='E8003|I ran out of time|I’ll ask for sentence stems|My chart goes up|Conferencias en español'
  [ "$got" = "$want" ] || { echo "FAIL ($name): plans stored:"; echo "$got"; exit 1; }
  echo "ok: $name ($w x $h)"
}

run landscape 1280 800
run portrait 800 1280
echo "ok: next-step replay"
