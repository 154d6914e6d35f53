#!/usr/bin/env bash
# run_fuzz.sh — builds the badge payload fuzz target with clang's libFuzzer (plus ASan and
# UBSan) and runs one bounded session on a scratch copy of the seed corpus.
#   run_fuzz.sh CLANG SOURCE_DIR BUILD_DIR [SECONDS]
# ctest runs it for 20 seconds; for a long session see README "## Fuzzing". Exits 77 (skipped)
# when clang cannot build a libFuzzer program here.
set -euo pipefail
CLANG=${1:?clang}; SRC=${2:?source dir}; OUT=${3:?build dir}; SECS=${4:-20}
mkdir -p "$OUT"
BIN="$OUT/fuzz_badge_parse"
FLAGS=$(pkg-config --cflags sqlite3 libsodium 2>/dev/null || true)
LIBS=$(pkg-config --libs sqlite3 libsodium)
if ! "$CLANG" -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DSP_FUZZ_STANDALONE \
    -I"$SRC/shared" -I"$SRC/kiosk/platform" $FLAGS \
    "$SRC/tests/fuzz/fuzz_badge_parse.c" "$SRC/shared/badge.c" $LIBS -o "$BIN" 2>"$OUT/fuzz_build.log"; then
  cat "$OUT/fuzz_build.log" >&2
  if grep -q -i "libclang_rt.fuzzer\|cannot find\|unsupported option" "$OUT/fuzz_build.log"; then
    echo "run_fuzz: this clang cannot build libFuzzer programs (install libclang-rt-dev); skipped" >&2
    exit 77
  fi
  exit 1
fi
WORK="$OUT/fuzz_corpus"
mkdir -p "$WORK"
cp -n "$SRC/tests/fuzz/corpus/badge_parse/"* "$WORK/" 2>/dev/null || true
"$BIN" -max_total_time="$SECS" -runs=50000000 -max_len=512 -timeout=5 -print_final_stats=1 \
  -artifact_prefix="$OUT/crash-" "$WORK" 2>&1 | tail -n 25
