#!/usr/bin/env bash
# test_kiosk_replay.sh — the headless harness runs the demo session on the demo school and its
# screenshots are real pictures; a turned screen lays out again; walking away clears the student.
#
# Builds the demo database with signpost-admin, issues badges, runs signpost-kiosk --replay with
# tests/replay/demo.replay and checks every shot is a 1280x800 PNG that shows a picture
# (png_is_a_picture: colours, pixels off the background, some clear colour; a blank, flat or
# grey frame fails, which the test checks too). Expectations inside the script (expect-text, expect-screen, ...)
# make the kiosk exit non-zero when they fail.
set -euo pipefail
source "$(dirname "$0")/replay_lib.sh"
DB=$TMP/demo.db
replay_demo_db "$DB"

# 1. the demo session, with screenshots
"$SIGNPOST_KIOSK" --db "$DB" --replay "$SRC/tests/replay/demo.replay" --shots "$TMP/shots"

shots=$(grep -E '^\s*shot ' "$SRC/tests/replay/demo.replay" | awk '{print $2}')
[ -n "$shots" ] || { echo "FAIL: demo.replay takes no screenshots"; exit 1; }
for name in $shots; do
  png=$TMP/shots/$name.png
  [ -f "$png" ] || { echo "FAIL: $png was not written"; exit 1; }
  sig=$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')
  [ "$sig" = "89504e470d0a1a0a" ] || { echo "FAIL: $png is not a PNG (signature $sig)"; exit 1; }
  dims=$(png_dims "$png")
  [ "$dims" = "1280x800" ] || { echo "FAIL: $png is $dims, expected 1280x800"; exit 1; }
  png_is_a_picture "$png" || exit 1
  echo "ok: $name.png ($dims)"
done

# the picture check itself: a blank frame, a flat one and a grey copy of a real shot all fail it
convert -size 1280x800 xc:white "$TMP/blank.png"
convert -size 1280x800 xc:'#f6f3ee' -fill '#1b4965' -draw 'rectangle 100,100 300,140' "$TMP/flat.png"
convert "$TMP/shots/$(echo "$shots" | head -1).png" -colorspace Gray "$TMP/grey.png"
for bad in blank flat grey; do
  if png_is_a_picture "$TMP/$bad.png" >/dev/null; then echo "FAIL: a $bad frame passed the picture check"; exit 1; fi
done

# 2. the harness reports a failed expectation with a clear message and a non-zero exit
printf 'expect-text "No such text anywhere"\n' > "$TMP/bad.replay"
if "$SIGNPOST_KIOSK" --db "$DB" --replay "$TMP/bad.replay" 2>"$TMP/bad.err"; then
  echo "FAIL: a failed expect-text did not fail the replay"; exit 1
fi
grep -q 'bad.replay:1: expect-text "No such text anywhere" failed' "$TMP/bad.err" || {
  echo "FAIL: unclear message:"; cat "$TMP/bad.err"; exit 1; }

# 3. the tablet turns round mid-session: the goals are laid out again for portrait and back (Maya
# saw her celebrations in the demo session above, so her goals come straight after the greeting)
printf '%s\n' 'scan-student E8001' 'wait 2000' 'expect-screen goals' 'size 800 1280' 'expect-text "My goals"' \
  'expect-touch-targets 64' 'shot turned' 'size 1280 800' 'expect-text "My goals"' > "$TMP/turn.replay"
"$SIGNPOST_KIOSK" --db "$DB" --replay "$TMP/turn.replay" --shots "$TMP/shots"
dims=$(png_dims "$TMP/shots/turned.png")
[ "$dims" = "800x1280" ] || { echo "FAIL: the turned screen is $dims, expected 800x1280"; exit 1; }

# 4. walking away: after the idle timeout nothing of the student is on screen or in the text cache
"$SIGNPOST_KIOSK" --db "$DB" --replay "$SRC/tests/replay/privacy.replay"
echo "ok: replay harness"
