#!/usr/bin/env bash
# test_mastery_replay.sh — a full mastery tracker through the real kiosk binary: the replay
# harness runs tests/replay/mastery.replay on the demo school at 1280x800 and again at 800x1280
# and 1920x1080, with screenshots of the unit page, the 1-4 choice, the evidence and next-step
# chips, typing, "Saved" and the finished unit. Expectations inside the script fail the run;
# afterwards Maya's five ratings are in the database as hers (rater 'student') with the evidence
# and next steps the taps chose, nothing was written as a teacher's rating, and
# `report reflections` lists them beside her teacher's ratings and `report mastery` counts them.
set -euo pipefail
source "$(dirname "$0")/replay_lib.sh"
SCRIPT=$SRC/tests/replay/mastery.replay
[ -n "$(awk '$1 == "shot" {print $2}' "$SCRIPT")" ] || { echo "FAIL: mastery.replay takes no screenshots"; exit 1; }

run() { # name width height
  local name=$1 w=$2 h=$3 db=$TMP/$1.db
  replay_demo_db "$db"
  local teacher_before
  teacher_before=$(sqlite3 "$db" "SELECT count(*) FROM mastery_ratings WHERE rater = 'teacher'")
  replay_run "$name" "$w" "$h" "$SCRIPT" "$db"
  if [ -n "${SIGNPOST_SHOTS_OUT:-}" ]; then # keep the pictures (README, a look by eye)
    mkdir -p "$SIGNPOST_SHOTS_OUT/$name" && cp "$TMP/$name"/*.png "$SIGNPOST_SHOTS_OUT/$name/"
  fi
  # What the taps chose, as stored: one row per target, the student's, from this kiosk session.
  got=$(sqlite3 -separator '|' "$db" "SELECT t.position, r.rating, r.evidence, r.next_step
                         FROM mastery_ratings r JOIN learning_targets t ON t.id = r.target_id
                         JOIN students s ON s.id = r.student_id
                         WHERE s.sis_id = 'E8001' AND r.rater = 'student' AND r.kiosk_session_id IS NOT NULL
                         ORDER BY t.position")
  want=$'1|3|Evidence hunt: school start times|Practice with a partner
2|2|My notes from the evidence hunt|Look at my notes
3|1||Ask my teacher for help
4|2||Try a harder problem
5|4|Claim-building warm-up|Teach a friend'
  [ "$got" = "$want" ] || { echo "FAIL ($name): ratings stored:"; echo "$got"; exit 1; }
  teacher_after=$(sqlite3 "$db" "SELECT count(*) FROM mastery_ratings WHERE rater = 'teacher'")
  [ "$teacher_after" = "$teacher_before" ] || { echo "FAIL ($name): teacher ratings changed"; exit 1; }
  # The admin report shows them beside the teacher's.
  report=$("$SIGNPOST_ADMIN" --db "$db" report reflections --student E8001)
  for step in "Practice with a partner" "Look at my notes" "Teach a friend"; do
    grep -q "$step" <<<"$report" || { echo "FAIL ($name): report reflections lacks \"$step\""; echo "$report"; exit 1; }
  done
  # ... and `report mastery` counts them: nobody had rated targets 4 and 5 before Maya (a 2, a 4).
  mastery=$("$SIGNPOST_ADMIN" --db "$db" report mastery --class ELA8-2)
  block() { awk -v n="$1." '$1 == n {on = 1; next} /^[0-9]+\./ {on = 0} on && /Students:/' <<<"$mastery"; }
  [ "$(block 4 | tr -s ' ')" = " Students: 1: 0 2: 1 3: 0 4: 0 not rated: 9" ] &&
    [ "$(block 5 | tr -s ' ')" = " Students: 1: 0 2: 0 3: 0 4: 1 not rated: 9" ] ||
    { echo "FAIL ($name): report mastery does not count Maya's ratings:"; echo "$mastery"; exit 1; }
  echo "ok: $name ($w x $h)"
}

run landscape 1280 800
run portrait 800 1280
run wide 1920 1080
echo "ok: mastery replay"
