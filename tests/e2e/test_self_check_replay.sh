#!/usr/bin/env bash
# test_self_check_replay.sh — "How did it go?" through the real kiosk binary: the replay harness
# runs tests/replay/self_check.replay on the demo school in landscape (1280x800) and again in
# portrait (800x1280), with screenshots of the faces, the 1-4 scale, the chips and "Saved".
# Expectations inside the script fail the run; afterwards the three self-checks are in the
# database with the scales and ratings the taps chose.
set -euo pipefail
source "$(dirname "$0")/replay_lib.sh"
SCRIPT=$SRC/tests/replay/self_check.replay

run() { # orientation width height
  local name=$1 w=$2 h=$3 db=$TMP/$1.db
  replay_demo_db "$db"
  replay_run "$name" "$w" "$h" "$SCRIPT" "$db"
  # What the taps chose, as stored: Zoë's faces, Kwame's 1-4 with a chip, Marcus's strategy.
  got=$(sqlite3 "$db" "SELECT s.sis_id || ' ' || c.scale || ' ' || c.rating || ' ' || coalesce(c.used_strategy, '-')
                         || ' ' || c.next_step FROM self_checks c JOIN students s ON s.id = c.student_id
                         WHERE c.kiosk_session_id IS NOT NULL ORDER BY c.id")
  want=$'K0001 faces3 3 - \nM7003 scale4 2 - Go to lunch tutoring\nH1002 scale4 3 1 '
  [ "$got" = "$want" ] || { echo "FAIL ($name): self-checks stored:"; echo "$got"; exit 1; }
  # The teacher sees Kwame's check beside his quiz data.
  report=$("$SIGNPOST_ADMIN" --db "$db" report reflections --student M7003)
  grep -q "Go to lunch tutoring" <<<"$report" && grep -q "Teacher data" <<<"$report" ||
    { echo "FAIL ($name): report reflections lacks Kwame's self-check:"; echo "$report"; exit 1; }
  echo "ok: $name ($w x $h)"
}

run landscape 1280 800
run portrait 800 1280
echo "ok: self-check replay"
