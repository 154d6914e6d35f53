#!/usr/bin/env bash
# run_fuzz_crash.sh — proves that a crash fails the fuzz test: builds a copy of the badge target
# that crashes on every input (SIGNPOST_FUZZ_INJECT_CRASH=1) and runs it through run_fuzz.sh, the
# same wrapper ctest uses for the real session. Passes only when the wrapper exits 1 (a failure)
# and libFuzzer reported the crash: exit 0 (a pass) or 77 (a skip) would hide crashes.
#   run_fuzz_crash.sh CLANG SOURCE_DIR BUILD_DIR
set -uo pipefail
CLANG=${1:?clang}; SRC=${2:?source dir}; OUT=${3:?build dir}
rm -rf "$OUT"
SIGNPOST_FUZZ_INJECT_CRASH=1 bash "$SRC/tests/fuzz/run_fuzz.sh" "$CLANG" "$SRC" "$OUT" badge_parse 5 >"$OUT.log" 2>&1
rc=$?
cat "$OUT.log"
if [ "$rc" -eq 77 ] && grep -q "cannot build libFuzzer" "$OUT.log"; then exit 77; fi
[ "$rc" -eq 1 ] || { echo "FAIL: a crashing fuzz target made run_fuzz.sh exit $rc, not 1"; exit 1; }
grep -q "deadly signal\|SEGV" "$OUT/fuzz_badge_parse.log" || { echo "FAIL: libFuzzer did not report the crash"; exit 1; }
ls "$OUT"/crash-badge_parse-* >/dev/null 2>&1 || { echo "FAIL: no crash input was written"; exit 1; }
echo "ok: a crash in a fuzz target fails the test (run_fuzz.sh exit $rc)"
