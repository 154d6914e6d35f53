#!/usr/bin/env bash
# mutation-check.sh — does the test suite catch real bugs? Applies deliberate bugs ("mutants"),
# one at a time, to a copy of the source: in the progress rules, the badge check symbol, saving a
# reflection, the privacy purge, CSV refusal, the renderer, the kiosk's idle timeout, the local
# day, SDL input and the camera. For each it builds the copy, runs the tests that should notice,
# and reports "caught" (some test failed) or "MISSED" (every test still passed). Exits 1 when a
# mutant was missed or could no longer be applied (the code it targets changed: update the table).
#   scripts/mutation-check.sh               every mutant (about 10 minutes on 2 cores)
#   scripts/mutation-check.sh check-symbol  only the mutants whose names contain the word
# The copy lives in a temporary folder (removed at the end); the source tree is never touched.
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
ONLY=${1:-}
JOBS=${JOBS:-2}
BASE=$(mktemp -d)
WORK=$BASE/src
trap 'rm -rf "$BASE"' EXIT

# name @ file @ exact text @ replaced by @ build targets @ tests (ctest -R)
MUTANTS=(
  "progress-red-after-5-misses@shared/progress.c@#define MISSES_FOR_RED 4@#define MISSES_FOR_RED 5@test_progress test_goals@^unit\.(test_progress|test_goals)$"
  "check-symbol-off-by-one@shared/badge.c@return CHECK_ALPHABET[(38 - p) % 37];@return CHECK_ALPHABET[(39 - p) % 37];@test_badge@^unit\.test_badge$"
  "saving-rolls-back@shared/reflect.c@rc = plain_code(sqlite3_exec(db, \"COMMIT\", NULL, NULL, NULL));@rc = plain_code(sqlite3_exec(db, \"ROLLBACK\", NULL, NULL, NULL));@test_reflect test_app_self_check@^(unit\.test_reflect|ui\.test_app_self_check)$"
  "purge-deletes-nothing@admin/cmd_student.c@\"DELETE FROM students WHERE id = ?1\"@\"DELETE FROM students WHERE id = ?1 AND 0\"@signpost-admin test_roster@^e2e\.test_roster$"
  "purge-leaves-freed-pages@admin/cmd_student.c@sp_db_exec(a->db, \"PRAGMA secure_delete = ON\");@(void)0;@signpost-admin test_roster@^e2e\.test_roster$"
  "csv-accepts-extra-values@shared/csv_read.c@    if (n > t->ncols) {@    if (n > t->ncols + 1) {@test_csv fuzz_replay_csv_read signpost-admin@^(unit\.test_csv|fuzz\.replay_csv_read)$"
  "renderer-draws-nothing@kiosk/render/render.c@for (size_t i = 0; i < dl->count; i++) {@for (size_t i = 0; i < dl->count && 0; i++) {@signpost-kiosk signpost-admin@^e2e\.test_kiosk_replay$"
  "timeout-option-ignored@kiosk/main.c@opt.timeout_s = (int)s;@(void)s;@signpost-kiosk signpost-admin@^e2e\.test_kiosk_timeout$"
  "local-day-ignores-time-zone@kiosk/app/app.c@long long local_ms = (long long)now + (long long)app->tz_min * 60000;@long long local_ms = (long long)now;@test_local_day@^ui\.test_local_day$"
  "wheel-scrolls-backwards@kiosk/platform/events.c@out[0] = sp_events_scroll(-notches * SP_EVENTS_WHEEL_PX);@out[0] = sp_events_scroll(notches * SP_EVENTS_WHEEL_PX);@test_sdl_events@^ui\.test_sdl_events$"
  "camera-repeats-every-frame@kiosk/platform/camera.c@if (sp_camera_dedupe_accept(&dd, found[i], now))@if (sp_camera_dedupe_accept(&dd, found[i], now) || 1)@test_camera_thread@^unit\.test_camera_thread$"
)
MUTANTS=(
  "progress-red-after-5-misses|shared/progress.c|#define MISSES_FOR_RED 4|#define MISSES_FOR_RED 5|test_progress test_goals|^unit\.(test_progress|test_goals)$"
  "check-symbol-off-by-one|shared/badge.c|return CHECK_ALPHABET[(38 - p) % 37];|return CHECK_ALPHABET[(39 - p) % 37];|test_badge|^unit\.test_badge$"
  "saving-rolls-back|shared/reflect.c|rc = plain_code(sqlite3_exec(db, \"COMMIT\", NULL, NULL, NULL));|rc = plain_code(sqlite3_exec(db, \"ROLLBACK\", NULL, NULL, NULL));|test_reflect test_app_self_check|^(unit\.test_reflect|ui\.test_app_self_check)$"
  "purge-deletes-nothing|admin/cmd_student.c|\"DELETE FROM students WHERE id = ?1\"|\"DELETE FROM students WHERE id = ?1 AND 0\"|signpost-admin test_roster|^e2e\.test_roster$"
  "purge-leaves-freed-pages|admin/cmd_student.c|sp_db_exec(a->db, \"PRAGMA secure_delete = ON\");|(void)0;|signpost-admin test_roster|^e2e\.test_roster$"
  "csv-accepts-extra-values|shared/csv_read.c|    if (n > t->ncols) {|    if (n > t->ncols + 1) {|test_csv fuzz_replay_csv_read signpost-admin|^(unit\.test_csv|fuzz\.replay_csv_read)$"
  "renderer-draws-nothing|kiosk/render/render.c|for (size_t i = 0; i < dl->count; i++) {|for (size_t i = 0; i < dl->count \&\& 0; i++) {|signpost-kiosk signpost-admin|^e2e\.test_kiosk_replay$"
  "timeout-option-ignored|kiosk/main.c|opt.timeout_s = (int)s;|(void)s;|signpost-kiosk signpost-admin|^e2e\.test_kiosk_timeout$"
  "local-day-ignores-time-zone|kiosk/app/app.c|long long local_ms = (long long)now + (long long)app->tz_min * 60000;|long long local_ms = (long long)now;|test_local_day|^ui\.test_local_day$"
  "wheel-scrolls-backwards|kiosk/platform/events.c|out[0] = sp_events_scroll(-notches * SP_EVENTS_WHEEL_PX);|out[0] = sp_events_scroll(notches * SP_EVENTS_WHEEL_PX);|test_sdl_events|^ui\.test_sdl_events$"
  "camera-repeats-every-frame|kiosk/platform/camera.c|if (sp_camera_dedupe_accept(&dd, found[i], now))|if (sp_camera_dedupe_accept(\&dd, found[i], now) \|\| 1)|test_camera_thread|^unit\.test_camera_thread$"
)

echo "mutation-check: copying the source to $WORK and building it once"
mkdir -p "$WORK"
(cd "$SRC" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$WORK") ||
  { echo "mutation-check: cannot copy the source tree" >&2; exit 1; }
[ ! -d "$SRC/../shared" ] || cp -r "$SRC/../shared" "$BASE/shared" # the spec beside the tree, as in CI
cmake -S "$WORK" -B "$WORK/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$WORK/configure.log" 2>&1 ||
  { cat "$WORK/configure.log"; exit 1; }
cmake --build "$WORK/build" -j"$JOBS" >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }

caught=0; missed=0; stale=0
for m in "${MUTANTS[@]}"; do
  IFS='@' read -r name file old new targets tests <<<"$m"
  [ -z "$ONLY" ] || [[ "$name" == *"$ONLY"* ]] || continue
  cp "$WORK/$file" "$WORK/$file.orig"
  OLD=$old NEW=$new perl -0pi -e 's/\Q$ENV{OLD}\E/$ENV{NEW}/' "$WORK/$file"
  if cmp -s "$WORK/$file" "$WORK/$file.orig"; then
    echo "STALE   $name: \"$old\" is no longer in $file"
    stale=$((stale + 1))
    rm "$WORK/$file.orig"
    continue
  fi
  # shellcheck disable=SC2086
  if ! cmake --build "$WORK/build" -j"$JOBS" --target $targets >"$WORK/mutant.log" 2>&1; then
    echo "caught  $name (it does not even build)"
    caught=$((caught + 1))
  elif (cd "$WORK/build" && ctest -j"$JOBS" -R "$tests" >"$WORK/mutant.log" 2>&1); then
    echo "MISSED  $name: $(cd "$WORK/build" && ctest -N -R "$tests" | grep -c 'Test #') tests ($tests) still pass"
    missed=$((missed + 1))
  else
    echo "caught  $name by $(grep -E '^\s+[0-9]+ - ' "$WORK/mutant.log" | awk '{print $3}' | tr '\n' ' ')"
    caught=$((caught + 1))
  fi
  mv "$WORK/$file.orig" "$WORK/$file"
  touch "$WORK/$file"
done
echo "mutation-check: $caught caught, $missed missed, $stale no longer applicable"
[ "$missed" -eq 0 ] && [ "$stale" -eq 0 ] && [ "$caught" -gt 0 ]
