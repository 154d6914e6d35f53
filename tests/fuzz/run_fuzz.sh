#!/usr/bin/env bash
# run_fuzz.sh — builds one fuzz target with clang's libFuzzer (plus ASan and UBSan) and runs one
# bounded session on a scratch copy of its seed corpus.
#   run_fuzz.sh CLANG SOURCE_DIR BUILD_DIR TARGET [SECONDS]      TARGET: badge_parse or csv_read
# ctest runs each for a few seconds; for a long session see README "## Fuzzing".
# Exit codes: 0 no problem found; 1 a crash, a broken invariant, a leak or a timeout (libFuzzer is
# told -error_exitcode=1: its default, 77, is ctest's skip code and would hide a crash);
# 77 (skipped) only when clang cannot build a libFuzzer program here.
# SIGNPOST_FUZZ_INJECT_CRASH=1 builds a copy that crashes on every input (see run_fuzz_crash.sh).
set -euo pipefail
CLANG=${1:?clang}; SRC=${2:?source dir}; OUT=${3:?build dir}; TARGET=${4:?target}; SECS=${5:-8}
case "$TARGET" in
  badge_parse) SOURCES=("$SRC/shared/badge.c") ;;
  csv_read) SOURCES=("$SRC/shared/csv_read.c") ;;
  *) echo "run_fuzz: unknown target $TARGET (badge_parse, csv_read)" >&2; exit 2 ;;
esac
mkdir -p "$OUT"
BIN="$OUT/fuzz_$TARGET"
INJECT=()
if [ "${SIGNPOST_FUZZ_INJECT_CRASH:-}" = 1 ]; then INJECT=(-DSP_FUZZ_INJECT_CRASH); fi
FLAGS=$(pkg-config --cflags sqlite3 libsodium 2>/dev/null || true)
LIBS=$(pkg-config --libs sqlite3 libsodium)
if ! "$CLANG" -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DSP_FUZZ_STANDALONE "${INJECT[@]}" \
    -I"$SRC/shared" -I"$SRC/kiosk/platform" -I"$SRC/tests/fuzz" $FLAGS \
    "$SRC/tests/fuzz/fuzz_$TARGET.c" "${SOURCES[@]}" $LIBS -lcsv -o "$BIN" 2>"$OUT/fuzz_build_$TARGET.log"; then
  cat "$OUT/fuzz_build_$TARGET.log" >&2
  if grep -q -i "libclang_rt.fuzzer\|cannot find\|unsupported option" "$OUT/fuzz_build_$TARGET.log"; then
    echo "run_fuzz: this clang cannot build libFuzzer programs (install libclang-rt-dev); skipped" >&2
    exit 77
  fi
  exit 1
fi
WORK="$OUT/corpus_$TARGET"
mkdir -p "$WORK"
cp -n "$SRC/tests/fuzz/corpus/$TARGET/"* "$WORK/" 2>/dev/null || true
set +e
"$BIN" -max_total_time="$SECS" -runs=50000000 -max_len=2048 -timeout=5 -print_final_stats=1 \
  -error_exitcode=1 -timeout_exitcode=1 -artifact_prefix="$OUT/crash-$TARGET-" "$WORK" >"$OUT/fuzz_$TARGET.log" 2>&1
rc=$?
set -e
tail -n 25 "$OUT/fuzz_$TARGET.log"
if [ "$rc" -ne 0 ]; then
  echo "run_fuzz: libFuzzer found a problem in $TARGET (exit $rc); the input is in $OUT/crash-$TARGET-*" >&2
  exit 1
fi
