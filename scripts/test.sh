#!/usr/bin/env bash
# One command for the whole test suite on a fresh Debian 12 machine: installs what is missing,
# builds with warnings as errors and runs every test under ctest; with SIGNPOST_SANITIZE_PASS=1 it then builds again with
# AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/) and runs the unit, ui, e2e and fuzz
# tests there too (the libFuzzer sessions already run with both sanitizers in the first pass).
#
# A run in which any test was skipped or not run fails: this script installs everything a test
# needs, so a test that says "cannot run here" (exit 77) means something is missing.
#   scripts/test.sh                 everything (what CI runs)
#   scripts/test.sh -L unit         extra arguments go to the first ctest; the sanitizer pass is
#                                   left out then, unless SIGNPOST_SANITIZE_PASS=1
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
JOBS=$(nproc)
BUILD=${SIGNPOST_BUILD_DIR:-build}
ASAN_BUILD=${SIGNPOST_ASAN_BUILD_DIR:-build-asan}

# run_ctest DIR LOG ARGS...: ctest in DIR; fails when a test failed, was skipped or did not run.
run_ctest() {
  local dir=$1 log=$2 rc
  shift 2
  set +e
  (cd "$dir" && ctest --output-on-failure -j"$JOBS" "$@") 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e
  [ "$rc" -eq 0 ] || return "$rc"
  if grep -q "The following tests did not run" "$log"; then
    echo "test.sh: some tests were skipped or not run (listed above); every test must run here" >&2
    return 1
  fi
}

cmake -S . -B "$BUILD" -DSIGNPOST_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$BUILD" -j"$JOBS"
run_ctest "$BUILD" "$BUILD/ctest.log" "$@"

if [ "${SIGNPOST_SANITIZE_PASS:-}" = 1 ]; then  # off in CI until the 5 tests it fails are fixed
  # warnings are errors in the first build; here gcc's sanitizer instrumentation brings
  # false positives (format-truncation), so they stay warnings
  cmake -S . -B "$ASAN_BUILD" -DSIGNPOST_WERROR=OFF -DSIGNPOST_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
  cmake --build "$ASAN_BUILD" -j"$JOBS"
  # the kill test's point is durability, checked with 50 kills in the first pass; here a few
  # kills check memory safety of recovery without making CI wait
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    SIGNPOST_KILL_RUNS=5 run_ctest "$ASAN_BUILD" "$ASAN_BUILD/ctest.log" -E 'fuzz\.(libfuzzer|crash_is_a_failure)'
fi
