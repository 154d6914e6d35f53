#!/usr/bin/env bash
# test_environment_errors_are_named.sh — problems of the machine are named as what they are, and
# only real damage is called damage, so nobody restores a backup over a good database: a full
# disk, a read-only folder, a file this user may not read and a lock held too long each get their
# own sentence; an empty (0-byte) file is refused and left exactly as it was by read-only
# commands instead of silently getting a fresh schema; a file of garbage is still "damaged".
#
# How the environment is made, so that it works for root (CI) as for ordinary users: a full disk
# is a file-size limit (ulimit -f with SIGXFSZ ignored: writes fail with EFBIG, as on a full
# disk); the read-only folder and the unreadable file use plain permissions, and when the test
# runs as root the commands run as the unprivileged user 65534 (setpriv), for whom they hold.
set -euo pipefail
: "${SIGNPOST_ADMIN:?set by ctest}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
chmod 755 "$TMP"
cd "$TMP"
fail() { echo "FAIL: $*"; exit 1; }
as_other() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }
run() { # expected-exit command... -> err.txt
  local want=$1 got=0
  shift
  "$@" >out.txt 2>err.txt || got=$?
  [ "$got" = "$want" ] || { cat err.txt; fail "exit $got, expected $want: $*"; }
}
not_damage() { ! grep -qi "damaged" err.txt || fail "$1 was called damage: $(cat err.txt)"; }
"$SIGNPOST_ADMIN" --db school.db demo >/dev/null

# An empty file: refused, named, and left empty with nothing beside it.
: > empty.db
for cmd in "check" "student list" "--json review"; do
  # shellcheck disable=SC2086
  run 1 "$SIGNPOST_ADMIN" --db empty.db $cmd
  grep -q "empty file (0 bytes)" err.txt || fail "$cmd on an empty file: $(cat err.txt)"
done
[ "$(stat -c %s empty.db)" = 0 ] || fail "a read-only command gave the empty file a schema"
[ ! -e empty.db-wal ] && [ ! -e empty.db-shm ] || fail "a read-only command created files beside the empty one"

# A full disk (the -shm cannot grow): named as a full disk, not damage.
for cmd in "check" "student list"; do
  # shellcheck disable=SC2086
  run 1 bash -c "trap '' XFSZ; ulimit -f 1; exec \"$SIGNPOST_ADMIN\" --db school.db $cmd"
  grep -q "disk is full" err.txt || fail "$cmd on a full disk: $(cat err.txt)"
  not_damage "a full disk ($cmd)"
done
# and a write that meets a full disk half-way
{ echo "sis_id,given_name,grade"; for i in $(seq 3000); do echo "FULL$i,Student number $i,7"; done; } > big.csv
run 1 bash -c "trap '' XFSZ; ulimit -f 64; exec \"$SIGNPOST_ADMIN\" --db school.db student import big.csv"
grep -q "the disk is full" err.txt || fail "an import that met a full disk: $(cat err.txt)"
not_damage "a full disk during an import"
"$SIGNPOST_ADMIN" --db school.db check >/dev/null || fail "the database is not sound after a write met a full disk"
[ "$(sqlite3 school.db "SELECT count(*) FROM students WHERE sis_id LIKE 'FULL%'")" = 0 ] || fail "half an import was kept"

# A read-only folder: the file is readable, but the -wal and -shm cannot be made beside it.
mkdir ro
cp school.db ro/
[ "$(id -u)" = 0 ] && chown 65534:65534 ro/school.db
chmod 555 ro
run 1 as_other "$SIGNPOST_ADMIN" --db ro/school.db student list
grep -Eqi "permission denied|read-only" err.txt || fail "a read-only folder was not named: $(cat err.txt)"
not_damage "a read-only folder"
chmod 755 ro

# A file this user may not read at all.
cp school.db secret.db
chmod 600 secret.db
if [ "$(id -u)" != 0 ]; then chmod 000 secret.db; fi
run 1 as_other "$SIGNPOST_ADMIN" --db secret.db check
grep -qi "permission denied" err.txt || fail "an unreadable file was not named: $(cat err.txt)"
not_damage "permission denied"
chmod 600 secret.db

# A lock held longer than the admin tool waits (5 s): named as a busy database.
SIS=$(sqlite3 school.db "SELECT sis_id FROM students WHERE archived = 0 LIMIT 1")
{ echo "BEGIN IMMEDIATE;"; sleep 7; echo "ROLLBACK;"; } | sqlite3 school.db &
holder=$!
sleep 0.5
run 1 "$SIGNPOST_ADMIN" --db school.db shoutout add --student "$SIS" --message "Nice work"
grep -q "the database is busy" err.txt || fail "a lock timeout was not named: $(cat err.txt)"
not_damage "a lock timeout"
wait "$holder"

# Real damage is still called damage.
head -c 8192 /dev/urandom > garbage.db
run 1 "$SIGNPOST_ADMIN" --db garbage.db check
grep -q "is not a Signpost database or is damaged" err.txt || fail "a garbage file was not called damaged: $(cat err.txt)"
echo "ok: full disk, read-only folder, permission denied and a held lock are named; only damage is damage"
