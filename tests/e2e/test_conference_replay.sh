#!/usr/bin/env bash
# test_conference_replay.sh — "Show my family" through the real kiosk binary: the replay harness
# runs tests/replay/conference.replay on the demo school in landscape (1280x800) and portrait
# (800x1280): every conference page in English, then in the family's language (Arabic, the
# student's home language, offered first) with read-aloud in its voice, and the longer
# conference timeout ending with the countdown. Then the kiosk log shows the visit as a
# family conference.
set -euo pipefail
source "$(dirname "$0")/replay_lib.sh"
SCRIPT=$SRC/tests/replay/conference.replay

for size in "landscape 1280 800" "portrait 800 1280"; do
  set -- $size
  replay_demo_db "$TMP/$1.db"
  replay_run "$1" "$2" "$3" "$SCRIPT" "$TMP/$1.db"
  log=$("$SIGNPOST_ADMIN" --db "$TMP/$1.db" kiosk log --student E8003)
  grep -q "family conference" <<<"$log" || { echo "FAIL: the kiosk log does not show the conference: $log"; exit 1; }
  n=$("$SIGNPOST_ADMIN" --db "$TMP/$1.db" --json kiosk log | grep -c '"conference": true' || true)
  [ "$n" = 1 ] || { echo "FAIL: expected one conference visit in the log, found $n"; exit 1; }
  echo "ok: $1 ($2 x $3)"
done
echo "ok: conference replay"
