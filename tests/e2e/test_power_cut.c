/* test_power_cut.c — a power cut never loses a reflection the kiosk showed as saved, and never
 * leaves a damaged file (SPEC §8: nothing a student saved is lost).
 *
 * Harsher than the kill test (test_reflect_kill.sh): there the operating system still writes
 * what the process had handed it; here, as after a real power cut, every write the disk had not
 * been told to sync is gone. The power-cut VFS (tests/support/powercut_vfs.c) holds unsynced
 * writes in memory and throws them away at a random I/O call during a run of saves through the
 * kiosk's own saving function (sp_self_check_save on a database opened with sp_db_open, WAL mode
 * and all). After each cut the database is opened again as after a reboot: PRAGMA
 * integrity_check must say ok and every self-check whose save returned success (what makes the
 * kiosk say "Saved") must be there with its words. The same file carries on from cut to cut,
 * through WAL checkpoints, so every run also starts on a recovered database.
 *
 * CUTS cuts (default 100; SIGNPOST_POWER_CUTS=1000 for the long run in README), seeded
 * (SIGNPOST_POWER_CUT_SEED; the seed is printed). */
#include "test_support.h"

#include "db.h"
#include "dates.h"
#include "demo_school.h"
#include "powercut_vfs.h"
#include "reflect.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    long long id;
    char words[64];
} saved_check;

static sqlite3 *open_db(const char *path)
{
    char err[512];
    sqlite3 *db = sp_db_open(path, SP_OPEN_CREATE, err, sizeof err);
    if (!db)
        fail_msg("cannot open %s after a cut: %s", path, err);
    return db;
}

static long long query_id(sqlite3 *db, const char *sql)
{
    long long id = ts_query_int(db, sql);
    assert_true(id > 0);
    return id;
}

static void no_saved_reflection_is_lost_to_a_power_cut(void **state)
{
    (void)state;
    int cuts = getenv("SIGNPOST_POWER_CUTS") ? atoi(getenv("SIGNPOST_POWER_CUTS")) : 100;
    unsigned seed = getenv("SIGNPOST_POWER_CUT_SEED") ? (unsigned)atoi(getenv("SIGNPOST_POWER_CUT_SEED")) : 20261123u;
    printf("power cuts: %d, seed %u\n", cuts, seed);
    srand(seed);
    const char *path = ts_path("power.db");
    remove(path);

    /* the demo school, written through the power-cut VFS without a cut */
    assert_int_equal(sp_powercut_install(), SQLITE_OK);
    sp_powercut_arm(0);
    sqlite3 *db = open_db(path);
    char err[512];
    if (sp_demo_build(db, sp_day_from_ymd(2026, 3, 2), NULL, err, sizeof err) != SQLITE_OK)
        fail_msg("demo: %s", err);
    long long student = query_id(db, "SELECT id FROM students WHERE sis_id = 'M7002'");
    long long goal = query_id(db, "SELECT m.id FROM milestones m JOIN students s ON s.id = m.student_id"
                                  " WHERE s.sis_id = 'M7002' AND m.visibility = 'kiosk' ORDER BY m.id LIMIT 1");
    sp_db_close(db);

    size_t cap = 1024, nsaved = 0;
    saved_check *saved = malloc(cap * sizeof *saved);
    assert_non_null(saved);
    long long mid_save_cuts = 0, failed_saves = 0;
    for (int cut = 0; cut < cuts; cut++) {
        db = open_db(path);
        /* a random I/O call among the next few saves' writes and syncs (a save is about 4) */
        sp_powercut_arm(1 + rand() % 120);
        for (int s = 0; !sp_powercut_happened(); s++) {
            char words[64];
            snprintf(words, sizeof words, "cut %d save %d", cut, s);
            sp_self_check in = {.student_id = student, .milestone_id = goal, .scale = SP_SCALE_SCALE4,
                                .rating = 1 + s % 4, .used_strategy = -1, .obstacle = words,
                                .created_at = "2026-03-02T09:00:00Z"};
            long long id = 0;
            int rc = sp_self_check_save(db, &in, &id, err, sizeof err);
            if (rc == SQLITE_OK) {
                /* the kiosk would now say "Saved" */
                if (nsaved == cap) {
                    cap *= 2;
                    saved = realloc(saved, cap * sizeof *saved);
                    assert_non_null(saved);
                }
                saved[nsaved].id = id;
                snprintf(saved[nsaved].words, sizeof saved[nsaved].words, "%s", words);
                nsaved++;
            } else if (sp_powercut_happened()) {
                mid_save_cuts++; /* the kiosk would have said it could not save */
            } else {
                failed_saves++;
                fail_msg("a save failed with the power on: %s", err);
            }
        }
        sqlite3_close_v2(db); /* the machine is off: nothing of this reaches the disk */

        /* reboot */
        sp_powercut_arm(0);
        db = open_db(path);
        sqlite3_stmt *st = NULL;
        assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        if (strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0)
            fail_msg("after cut %d: integrity_check says %s", cut, sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
        assert_int_equal(sqlite3_prepare_v2(db, "SELECT obstacle FROM self_checks WHERE id = ?1", -1, &st, NULL),
                         SQLITE_OK);
        for (size_t i = 0; i < nsaved; i++) {
            sqlite3_bind_int64(st, 1, saved[i].id);
            if (sqlite3_step(st) != SQLITE_ROW)
                fail_msg("after cut %d: self-check %lld (\"%s\") was shown as saved but is gone", cut, saved[i].id,
                         saved[i].words);
            if (strcmp((const char *)sqlite3_column_text(st, 0), saved[i].words) != 0)
                fail_msg("after cut %d: self-check %lld says \"%s\", not \"%s\"", cut, saved[i].id,
                         sqlite3_column_text(st, 0), saved[i].words);
            sqlite3_reset(st);
        }
        sqlite3_finalize(st);
        sp_db_close(db);
    }
    printf("%d power cuts (%lld in the middle of a save), %zu reflections shown as saved, 0 lost, "
           "integrity ok after every cut; %lld I/O calls\n",
           cuts, mid_save_cuts, nsaved, sp_powercut_io_calls());
    assert_true(nsaved > (size_t)cuts); /* the cuts fell among many saves, not before the first */
    assert_true(mid_save_cuts > 0);
    assert_int_equal(failed_saves, 0);
    free(saved);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_saved_reflection_is_lost_to_a_power_cut),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
