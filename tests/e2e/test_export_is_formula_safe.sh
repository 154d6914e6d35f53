#!/usr/bin/env bash
# test_export_is_formula_safe.sh — a CSV export never hands a spreadsheet a formula (the OWASP
# CSV-injection rule): every text value starting with = + - @, a tab or a carriage return gets one
# leading apostrophe, in every table and every text column (student, class and staff names,
# measurement notes, mastery evidence, ...), while numbers (a negative value) stay numbers. And the
# round trip holds (the importers take exactly that apostrophe off again): a students export imported into a fresh database gives back the names exactly.
set -euo pipefail
: "${SIGNPOST_ADMIN:?set by ctest}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
fail() { echo "FAIL: $*"; exit 1; }
"$SIGNPOST_ADMIN" --db school.db demo >/dev/null
EVIL="=cmd|' /C calc'!A0"
# Formula-looking text everywhere a person can type text.
sqlite3 school.db <<SQL
UPDATE students SET given_name = '$(printf '%s' "$EVIL" | sed "s/'/''/g")', family_name = '@SUM(1+1)',
  preferred_name = '+1', accommodations = '-2 minutes' WHERE id = (SELECT min(id) FROM students);
UPDATE students SET given_name = char(9) || 'tabbed', family_name = char(13) || 'returned'
  WHERE id = (SELECT max(id) FROM students);
UPDATE classes SET name = '=HYPERLINK("http://x","y")', room = '@A1';
UPDATE staff SET given_name = '=1+1', display_name = '-1', email = '@x';
UPDATE measurements SET note = '=IMPORTXML(A1)', value = -3 WHERE id = (SELECT min(id) FROM measurements);
UPDATE mastery_ratings SET evidence = '@SUM(A1:A9)', next_step = '+A1' WHERE id = (SELECT min(id) FROM mastery_ratings);
UPDATE milestones SET statement = '=2+2', student_text = '-x', support = '@y' WHERE id = (SELECT min(id) FROM milestones);
SQL
for table in students classes enrollments staff milestones measurements self_checks next_step_plans \
  mastery_ratings kiosk_sessions; do
  "$SIGNPOST_ADMIN" --db school.db export --table "$table" -o "$table.csv" 2>/dev/null
  # Every value is quoted, so a cell starts at a line start or after a comma, right after '"'.
  if grep -nP '(^|,)"([=+@\t\r]|-[^0-9.])' "$table.csv" >bad.txt; then
    fail "export --table $table lets a formula through: $(head -3 bad.txt)"
  fi
done
grep -qF "\"'=cmd|' /C calc'!A0\"" students.csv || fail "the student's name is not exported with its guard"
grep -qF "\"'@SUM(1+1)\"" students.csv || fail "the family name is not guarded"
grep -qF "\"'=IMPORTXML(A1)\"" measurements.csv || fail "the measurement note is not guarded"
grep -qF "\"'@SUM(A1:A9)\"" mastery_ratings.csv || fail "the mastery evidence is not guarded"
grep -qE '"-3(\.0)?"' measurements.csv || fail "a negative number was changed: numbers must stay numbers"

# The round trip: the export imports back with the names exactly as they were (names with a tab
# or a carriage return were never allowed by the importer, so those two go back to plain text).
sqlite3 school.db "UPDATE students SET given_name = 'Tabbed', family_name = 'Returned' WHERE given_name = char(9) || 'tabbed'"
"$SIGNPOST_ADMIN" --db school.db export --table students -o students.csv 2>/dev/null
"$SIGNPOST_ADMIN" --db fresh.db init >/dev/null
"$SIGNPOST_ADMIN" --db fresh.db student import students.csv >/dev/null 2>&1 || fail "the students export does not import"
names() { sqlite3 "$1" "SELECT sis_id, hex(given_name), hex(family_name), hex(preferred_name) FROM students ORDER BY sis_id"; }
[ "$(names school.db)" = "$(names fresh.db)" ] || fail "names changed on the way through export and import"
echo "ok: no formula leaves an export, and an export imports back unchanged"
