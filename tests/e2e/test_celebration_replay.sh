#!/usr/bin/env bash
# test_celebration_replay.sh — celebrations at the kiosk, on the demo school through the real
# kiosk and admin tool: Siobhán's shout-out and met goal each get their own celebration screen,
# then My goals (tests/replay/celebrations.replay, at three screen sizes), after which
# `celebration list --unseen --student E8005 --json` no longer lists them. Walking away during a
# celebration, or another badge arriving, leaves it unseen for the next visit; --no-chime asks
# for no chime.
set -euo pipefail
source "$(dirname "$0")/replay_lib.sh"
SCRIPT=$SRC/tests/replay/celebrations.replay

unseen() { "$SIGNPOST_ADMIN" --db "$1" --json celebration list --unseen --student E8005; }

# 1. the moments, then nothing left unseen
for size in "1280 800" "800 1280" "1920 1080"; do
  set -- $size
  db=$TMP/cel-$1x$2.db
  replay_demo_db "$db"
  before=$(unseen "$db")
  grep -q '"kind": "shout-out"' <<<"$before" || { echo "FAIL: the demo shout-out is not waiting"; exit 1; }
  grep -q '"kind": "milestone-met"' <<<"$before" || { echo "FAIL: the demo met goal is not waiting"; exit 1; }
  replay_run "cel-$1x$2" "$1" "$2" "$SCRIPT" "$db"
  after=$(unseen "$db")
  [ "$after" = "[]" ] || { echo "FAIL: still unseen after the replay at $1x$2: $after"; exit 1; }
  echo "ok: celebrations at $1x$2, none left unseen"
done

# 2. walking away during a celebration leaves it unseen
db=$TMP/walk.db
replay_demo_db "$db"
printf '%s\n' 'scan-student E8005' 'wait 1300' 'expect-screen celebration' 'wait 60000' 'expect-screen scan' \
  > "$TMP/walk.replay"
"$SIGNPOST_KIOSK" --db "$db" --replay "$TMP/walk.replay"
[ "$(unseen "$db" | grep -c '"kind"')" = 2 ] || { echo "FAIL: walking away marked a celebration seen"; exit 1; }
echo "ok: walking away leaves both unseen"

# 3. another badge during the first moment: it stays unseen; Next on the second marks only that one
printf '%s\n' 'scan-student E8005' 'wait 1300' 'expect-text "A shout-out"' 'scan-student E8001' 'wait 1300' \
  'expect-screen celebration' 'expect-no-text "Siobhán"' > "$TMP/switch.replay"
"$SIGNPOST_KIOSK" --db "$db" --replay "$TMP/switch.replay"
[ "$(unseen "$db" | grep -c '"kind"')" = 2 ] || { echo "FAIL: another badge marked a celebration seen"; exit 1; }
printf '%s\n' 'scan-student E8005' 'wait 1300' 'tap-text "Next"' 'expect-text "You met your goal!"' 'wait 60000' \
  > "$TMP/one.replay"
"$SIGNPOST_KIOSK" --db "$db" --replay "$TMP/one.replay"
left=$(unseen "$db")
[ "$(grep -c '"kind"' <<<"$left")" = 1 ] && grep -q '"milestone-met"' <<<"$left" || {
  echo "FAIL: expected only the met goal left unseen: $left"; exit 1; }
echo "ok: another badge or a timeout leaves a moment unseen; Next marks the one shown"

# 4. --no-chime: the moment appears without the chime
printf '%s\n' 'scan-student E8005' 'wait 1300' 'expect-screen celebration' 'expect-chimes 0' > "$TMP/quiet.replay"
"$SIGNPOST_KIOSK" --db "$db" --no-chime --replay "$TMP/quiet.replay"
echo "ok: --no-chime"
