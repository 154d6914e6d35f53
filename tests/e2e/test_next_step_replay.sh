#!/usr/bin/env bash
# test_next_step_replay.sh — "Set my next step" through the real kiosk binary: the replay harness
# runs tests/replay/next_step.replay on the demo school in landscape (1280x800) and portrait
# (800x1280), with screenshots of a question, the keyboard, the plan and "Saved". Expectations
# inside the script fail the run (including the walk-away at the end, which must leave nothing in
# the text cache); afterwards exactly one plan is stored, with the four answers the script gave.
set -euo pipefail
source "$(dirname "$0")/replay_lib.sh"
SCRIPT=$SRC/tests/replay/next_step.replay

run() { # name width height
  local name=$1 w=$2 h=$3 db=$TMP/$1.db
  replay_demo_db "$db"
  replay_run "$name" "$w" "$h" "$SCRIPT" "$db"
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
