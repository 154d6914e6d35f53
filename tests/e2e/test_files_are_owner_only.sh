#!/usr/bin/env bash
# test_files_are_owner_only.sh — every file signpost-admin creates holds children's data, so it is
# created readable by its owner only (0600), even under the usual permissive umask 022: the
# database and its -wal/-shm, a backup, CSV and JSON exports, a badge sheet PDF and a badge PNG.
set -euo pipefail
: "${SIGNPOST_ADMIN:?set by ctest}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
umask 022
cd "$TMP"
fail() { echo "FAIL: $*"; exit 1; }
owner_only() { # file...
  local f mode
  for f in "$@"; do
    [ -e "$f" ] || fail "$f was not written"
    mode=$(stat -c %a "$f")
    [ "$mode" = 600 ] || fail "$f is created with mode $mode, expected 600 (owner only)"
  done
}
"$SIGNPOST_ADMIN" --db school.db demo >/dev/null
owner_only school.db
"$SIGNPOST_ADMIN" --db fresh.db init >/dev/null
owner_only fresh.db
"$SIGNPOST_ADMIN" --db school.db backup nightly.db >/dev/null
"$SIGNPOST_ADMIN" --db school.db export --table students -o students.csv 2>/dev/null
"$SIGNPOST_ADMIN" --db school.db export --format json -o school.json 2>/dev/null
"$SIGNPOST_ADMIN" --db school.db badge print --class ELA8-2 -o sheet.pdf >/dev/null
SIS=$(sqlite3 school.db "SELECT sis_id FROM students WHERE archived = 0 ORDER BY id LIMIT 1")
"$SIGNPOST_ADMIN" --db school.db badge print --student "$SIS" --png card.png >/dev/null
owner_only nightly.db students.csv school.json sheet.pdf card.png
# The write-ahead log and shared-memory files exist while a program has the database open: hold
# it open with a reader in the background and look at them then.
{ echo "BEGIN; SELECT count(*) FROM students;"; sleep 2; echo "COMMIT;"; } | sqlite3 school.db >/dev/null &
reader=$!
sleep 0.5
"$SIGNPOST_ADMIN" --db school.db shoutout add --student "$SIS" --message "Great focus today" >/dev/null
owner_only school.db-wal school.db-shm
wait "$reader"
ls -l "$TMP"
echo "ok: database, -wal, -shm, backup, exports, PDF and PNG are all owner-only under umask 022"
