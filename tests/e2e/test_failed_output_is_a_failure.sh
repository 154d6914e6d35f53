#!/usr/bin/env bash
# test_failed_output_is_a_failure.sh — output that did not arrive is never reported as success:
# a badge sheet written to a full disk fails with exit 1 and issues no badge; a listing or JSON
# result sent to a full disk fails with exit 1; an export over an existing file that fails
# half-way leaves the old file exactly as it was and no fragment beside it. /dev/full stands in
# for a full disk; a file-size limit (ulimit -f, with SIGXFSZ ignored so the write returns EFBIG)
# stops a regular file half-way, which works the same for root and for ordinary users.
set -euo pipefail
: "${SIGNPOST_ADMIN:?set by ctest}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
fail() { echo "FAIL: $*"; exit 1; }
expect_exit() { # code what command...
  local want=$1 what=$2 got=0
  shift 2
  "$@" >out.txt 2>err.txt || got=$?
  [ "$got" = "$want" ] || { cat err.txt; fail "$what: exit $got, expected $want"; }
}
"$SIGNPOST_ADMIN" --db school.db demo >/dev/null
SIS=$(sqlite3 school.db "SELECT sis_id FROM students s WHERE archived = 0 AND NOT EXISTS
                         (SELECT 1 FROM badges b WHERE b.student_id = s.id) ORDER BY id LIMIT 1")
badges() { sqlite3 school.db "SELECT count(*) FROM badges"; }
before=$(badges)

# badge print to a full disk: exit 1, says why, and the new badge is not kept.
expect_exit 1 "badge print -o /dev/full" "$SIGNPOST_ADMIN" --db school.db badge print --student "$SIS" -o /dev/full
grep -q "No space left on device" err.txt || fail "badge print did not say the disk is full: $(cat err.txt)"
grep -q "Wrote" out.txt && fail "badge print claimed it wrote the sheet"
[ "$(badges)" = "$before" ] || fail "badge print kept a new badge although the sheet was not written"
expect_exit 1 "badge print --png /dev/full" "$SIGNPOST_ADMIN" --db school.db badge print --student "$SIS" --png /dev/full
[ "$(badges)" = "$before" ] || fail "badge print --png kept a new badge although the card was not written"

# listings and JSON results on a full stdout: exit 1.
expect_exit 1 "--json student list > /dev/full" sh -c "\"$SIGNPOST_ADMIN\" --db school.db --json student list > /dev/full"
grep -q "No space left on device" err.txt || fail "student list did not name the write error: $(cat err.txt)"
expect_exit 1 "student list > /dev/full" sh -c "\"$SIGNPOST_ADMIN\" --db school.db student list > /dev/full"
expect_exit 1 "badge list > /dev/full" sh -c "\"$SIGNPOST_ADMIN\" --db school.db --json badge list > /dev/full"
expect_exit 1 "export to stdout > /dev/full" sh -c "\"$SIGNPOST_ADMIN\" --db school.db export --table students > /dev/full"
expect_exit 1 "--help > /dev/full" sh -c "\"$SIGNPOST_ADMIN\" student list --help > /dev/full"
# a write command whose report cannot be written changes nothing
shouts() { sqlite3 school.db "SELECT count(*) FROM celebrations"; }
c0=$(shouts)
expect_exit 1 "shoutout add > /dev/full" sh -c "\"$SIGNPOST_ADMIN\" --db school.db shoutout add --student $SIS --message 'Well done' > /dev/full"
[ "$(shouts)" = "$c0" ] || fail "shoutout add kept its change although its report was lost"

# export over an existing file, stopped half-way: the old file stays whole, no fragment is left.
printf 'the old export\n' > students.csv
expect_exit 1 "export -o over a file, write fails" \
  bash -c "trap '' XFSZ; ulimit -f 2; exec \"$SIGNPOST_ADMIN\" --db school.db export --format json -o students.csv"
[ "$(cat students.csv)" = "the old export" ] || fail "a failed export changed the existing file"
[ -z "$(ls -A | grep -v -e '^school.db' -e '^students.csv$' -e '^out.txt$' -e '^err.txt$')" ] ||
  fail "a failed export left files behind: $(ls -A)"
"$SIGNPOST_ADMIN" --db school.db export --table students -o students.csv 2>/dev/null
head -c 200 students.csv | grep -q sis_id || fail "a good export did not replace the old file"
echo "ok: failed writes exit 1, change nothing and leave no fragments"
