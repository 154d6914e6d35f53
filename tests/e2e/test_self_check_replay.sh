#!/usr/bin/env bash
# test_self_check_replay.sh — "How did it go?" through the real kiosk binary: the replay harness
# runs tests/replay/self_check.replay on the demo school in landscape (1280x800) and again in
# portrait (800x1280), with screenshots of the faces, the 1-4 scale, the chips and "Saved".
# Expectations inside the script fail the run; afterwards the three self-checks are in the
# database with the scales and ratings the taps chose.
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
SCRIPT=$SRC/tests/replay/self_check.replay

png_dims() { od -An -tu1 -j16 -N8 "$1" | awk '{print $3*256+$4 "x" $7*256+$8}'; }

run() { # orientation width height
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
  # What the taps chose, as stored: Zoë's faces, Kwame's 1-4 with a chip, Marcus's strategy.
  got=$(sqlite3 "$db" "SELECT s.sis_id || ' ' || c.scale || ' ' || c.rating || ' ' || coalesce(c.used_strategy, '-')
                         || ' ' || c.next_step FROM self_checks c JOIN students s ON s.id = c.student_id
                         WHERE c.kiosk_session_id IS NOT NULL ORDER BY c.id")
  want=$'K0001 faces3 3 - \nM7003 scale4 2 - Math lab Tuesdays\nH1002 scale4 3 1 '
  [ "$got" = "$want" ] || { echo "FAIL ($name): self-checks stored:"; echo "$got"; exit 1; }
  echo "ok: $name ($w x $h)"
}

run landscape 1280 800
run portrait 800 1280
echo "ok: self-check replay"
