#!/usr/bin/env bash
# test_kiosk_xvfb.sh — the real kiosk window under Xvfb signs a student in from a USB scanner.
#
# Starts Xvfb on a free display, runs signpost-kiosk --windowed on the demo database with
# SIGNPOST_KIOSK_TRACE (one line per drawn frame: screen name and texts), types a badge payload
# with xdotool the way a keyboard-wedge scanner does (fast keystrokes, then Return) and checks the
# trace shows the student's preferred name on the greeting and then the goals screen. A
# screenshot of the X display (ImageMagick's import) must then show a picture (png_is_a_picture). SIGTERM closes the window
# (--windowed is development mode, where closing is allowed).
set -euo pipefail
: "${SIGNPOST_ADMIN:?set by ctest}"
source "$(dirname "$0")/picture_lib.sh"
if [ -z "${SIGNPOST_KIOSK:-}" ]; then echo "skipped: signpost-kiosk is not built"; exit 77; fi
if ! command -v Xvfb >/dev/null; then echo "skipped: no Xvfb (scripts/install-deps.sh installs it)"; exit 77; fi
command -v xdotool >/dev/null || { echo "FAIL: xdotool missing (scripts/install-deps.sh installs it)"; exit 1; }
unset SDL_VIDEODRIVER SDL_RENDER_DRIVER WAYLAND_DISPLAY

TMP=$(mktemp -d)
XPID=""; KPID=""
cleanup() {
  [ -n "$KPID" ] && kill "$KPID" 2>/dev/null || true
  [ -n "$XPID" ] && kill "$XPID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

for n in $(seq 101 160); do
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then DISP=$n; break; fi
done
Xvfb ":$DISP" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XPID=$!
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$DISP" ] && break; sleep 0.1; done
export DISPLAY=":$DISP"

DB=$TMP/demo.db
export SIGNPOST_NOW=2026-11-23T09:00:00Z
"$SIGNPOST_ADMIN" --db "$DB" demo >/dev/null
"$SIGNPOST_ADMIN" --db "$DB" badge issue --all-missing >/dev/null
# Layla (ليلى, preferred name Layla) of the demo school's 8th grade, and her badge payload
SIS=E8003
NAME=$(sqlite3 "$DB" "SELECT CASE WHEN preferred_name <> '' THEN preferred_name ELSE given_name END FROM students WHERE sis_id = '$SIS'")
[ -n "$NAME" ] || { echo "FAIL: the demo school has no student $SIS"; exit 1; }
PAYLOAD=$("$SIGNPOST_ADMIN" --db "$DB" --json badge list --show-payload | grep -A20 "\"$SIS\"" | grep -o '"SP1:[^"]*"' | head -1 | tr -d '"')
[ -n "$PAYLOAD" ] || { echo "FAIL: no badge payload for $SIS from signpost-admin badge list --show-payload"; exit 1; }

TRACE=$TMP/trace.txt
SIGNPOST_KIOSK_TRACE=$TRACE "$SIGNPOST_KIOSK" --db "$DB" --windowed --kiosk-name "Xvfb test" 2>"$TMP/kiosk.err" &
KPID=$!
for _ in $(seq 300); do grep -q ' scan' "$TRACE" 2>/dev/null && break; sleep 0.1; done
grep -q ' scan' "$TRACE" || { echo "FAIL: the kiosk drew no scan screen"; cat "$TMP/kiosk.err"; exit 1; }

WID=$(xdotool search --sync --name '^Signpost$' | head -1)
xdotool windowfocus --sync "$WID" 2>/dev/null || true
xdotool type --delay 5 "$PAYLOAD"
xdotool key Return

# the greeting names the student, then the goals screen follows (it shows her goals, not her name)
ok=""
for _ in $(seq 300); do
  if grep -E '^[0-9]+ welcome ' "$TRACE" | grep -qF "$NAME" &&
     sed -n "/^[0-9]* welcome .*$NAME/,\$p" "$TRACE" | grep -qE '^[0-9]+ goals .*I will'; then ok=1; break; fi
  sleep 0.1
done
import -window root "$TMP/screen.png"
if [ -z "$ok" ]; then
  echo "FAIL: no goals screen with \"$NAME\" after the scan; screens seen:"
  awk '{print $2}' "$TRACE" | uniq | tr '\n' ' '; echo
  tail -3 "$TRACE"
  exit 1
fi
# the real window on the X display shows the goals page, not a blank or grey frame
png_is_a_picture "$TMP/screen.png" || exit 1
kill "$KPID"; wait "$KPID" 2>/dev/null || true; KPID=""
echo "ok: the kiosk under Xvfb showed the goals of $NAME after a wedge scan"
