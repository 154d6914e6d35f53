#!/usr/bin/env bash
# test_imports_are_bounded.sh — bad or endless input never takes the machine down or floods the
# screen: every importer stops on an endless stream (/dev/zero) within seconds and in modest memory
# (a 1 GiB address-space limit), naming the size limit, with exit 2 and nothing changed; a row with
# thousands of values stops the same way; a file with a problem on every line prints the first 100
# problems and counts the rest ("and 4,900 more"); a quoted line break in a roster name is taken
# as --help promises; `backup` refuses to write over the database's own -wal and -shm files.
set -euo pipefail
: "${SIGNPOST_ADMIN:?set by ctest}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
fail() { echo "FAIL: $*"; exit 1; }
"$SIGNPOST_ADMIN" --db school.db demo >/dev/null
before=$(sqlite3 school.db "SELECT (SELECT count(*) FROM students) || '/' || (SELECT count(*) FROM measurements) || '/'
  || (SELECT count(*) FROM mastery_ratings) || '/' || (SELECT count(*) FROM learning_targets)")

bounded() { # what command... : exit 2 within 10 s under a 1 GiB memory limit, and says why
  local what=$1 got=0 start end
  shift
  start=$(date +%s%N)
  (ulimit -v 1048576; exec timeout 20 "$@") >out.txt 2>err.txt || got=$?
  end=$(date +%s%N)
  [ "$got" = 2 ] || { head -c 600 err.txt; fail "$what: exit $got, expected 2"; }
  [ $(((end - start) / 1000000)) -lt 10000 ] || fail "$what took $(((end - start) / 1000000)) ms"
  [ "$(wc -c < err.txt)" -lt 20000 ] || fail "$what printed $(wc -c < err.txt) bytes of errors"
}
for cmd in "student import" "class import" "staff import" "unit import" "target import --unit 2" \
  "mastery import --unit 2" "measurement import"; do
  # shellcheck disable=SC2086
  bounded "$cmd /dev/zero" "$SIGNPOST_ADMIN" --db school.db $cmd /dev/zero
  grep -q "larger than 64 MiB" err.txt || fail "$cmd /dev/zero did not name the size limit: $(head -c 300 err.txt)"
done
# one endless row of values
{ printf 'sis_id,given_name,grade\n'; head -c 3000000 /dev/zero | tr '\0' ','; echo; } > wide.csv
bounded "a row of a million values" "$SIGNPOST_ADMIN" --db school.db student import wide.csv
grep -q "more than 1000 values" err.txt || fail "a huge row was not named: $(head -c 300 err.txt)"

# 5,000 copies of one rating: the first 100 problems are printed, the rest counted
{ echo "sis_id,target,rating"; for _ in $(seq 5001); do echo "E8001,1,3"; done; } > dup.csv
bounded "a duplicate-pair mastery import" "$SIGNPOST_ADMIN" --db school.db mastery import --unit 2 dup.csv
[ "$(grep -c "same pair is on line 2" err.txt)" = 100 ] || fail "expected the first 100 duplicates printed"
grep -q "and 4,900 more problems" err.txt || fail "the rest were not counted: $(tail -3 err.txt)"
"$SIGNPOST_ADMIN" --db school.db --json mastery import --unit 2 dup.csv >out.json 2>/dev/null || true
[ "$(wc -c < out.json)" -lt 30000 ] || fail "the JSON error report is not capped either"
grep -q '"problems": 5000' out.json || fail "the JSON report does not count every problem"

after=$(sqlite3 school.db "SELECT (SELECT count(*) FROM students) || '/' || (SELECT count(*) FROM measurements) || '/'
  || (SELECT count(*) FROM mastery_ratings) || '/' || (SELECT count(*) FROM learning_targets)")
[ "$before" = "$after" ] || fail "a refused import changed the database ($before -> $after)"

# a quoted line break in a name: accepted and folded into a space (student, staff and class names)
printf 'sis_id,given_name,family_name,grade\nNL1,"Anna\nMaria","van der\r\nBerg",7\n' > nl.csv
"$SIGNPOST_ADMIN" --db school.db student import nl.csv >/dev/null || fail "a quoted line break in a name was refused"
[ "$(sqlite3 school.db "SELECT given_name || '|' || family_name FROM students WHERE sis_id = 'NL1'")" = \
  "Anna Maria|van der Berg" ] || fail "the line break was not folded into a space"
printf 'staff_code,given_name,family_name\nNL-T,"Jo\nAnne",Smith\n' > staff.csv
"$SIGNPOST_ADMIN" --db school.db staff import staff.csv >/dev/null || fail "staff import refused a quoted line break"
printf 'code,name\nNL-C,"Maths\nperiod 3"\n' > classes.csv
"$SIGNPOST_ADMIN" --db school.db class import classes.csv >/dev/null || fail "class import refused a quoted line break"
[ "$(sqlite3 school.db "SELECT name FROM classes WHERE code = 'NL-C'")" = "Maths period 3" ] || fail "class name not folded"
# but an id with a line break is still refused
printf 'sis_id,given_name,grade\n"NL\n2",Bo,7\n' > badid.csv
got=0; "$SIGNPOST_ADMIN" --db school.db student import badid.csv >/dev/null 2>&1 || got=$?
[ "$got" = 2 ] || fail "an SIS id with a line break was accepted"

# backup over the database's own -wal / -shm is refused, whatever the spelling of the path
for side in school.db-wal ./school.db-shm "../$(basename "$TMP")/school.db-wal"; do
  got=0; "$SIGNPOST_ADMIN" --db school.db backup "$side" --force >/dev/null 2>err.txt || got=$?
  [ "$got" = 2 ] || fail "backup $side --force: exit $got, expected 2"
  grep -q "holds its latest changes" err.txt || fail "backup $side did not say why"
done
"$SIGNPOST_ADMIN" --db school.db check >/dev/null || fail "the database is not sound after the refused backups"
echo "ok: imports are bounded, error lists capped, line breaks in names folded, backups never replace the -wal"
