/* test_db.c — opening the database: a new file is set up for several writers, an old file is
 * upgraded in place, a newer or foreign file is refused and left alone, and the schema's CHECK
 * constraints keep values no program understands out of the tables. */
#include "test_support.h"
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *text_of(sqlite3 *db, const char *sql, char *out, size_t len)
{
    sqlite3_stmt *st = NULL;
    out[0] = 0;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        snprintf(out, len, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
}

static sqlite3 *open_new(const char *name)
{
    char err[512];
    sqlite3 *db = sp_db_open(ts_path(name), SP_OPEN_CREATE, err, sizeof err);
    if (!db)
        fail_msg("%s", err);
    return db;
}

static void a_new_database_uses_wal_foreign_keys_and_the_current_schema(void **state)
{
    (void)state;
    sqlite3 *db = open_new("fresh.db");
    char mode[32];
    assert_string_equal(text_of(db, "PRAGMA journal_mode", mode, sizeof mode), "wal");
    assert_int_equal(ts_query_int(db, "PRAGMA foreign_keys"), 1);
    assert_int_equal(ts_query_int(db, "PRAGMA user_version"), SP_SCHEMA_VERSION);
    assert_int_equal(sp_db_user_version(db), SP_SCHEMA_VERSION);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'milestones'"), 1);
    /* foreign keys are enforced: a milestone for a student who does not exist is refused */
    int rc = sp_db_exec(db, "INSERT INTO milestones (student_id, statement, student_text, category, target,"
                            " start_date, due_date, created_at, updated_at) VALUES (999, 's', 't', 'academic', 3,"
                            " '2026-01-12', '2026-02-23', 'x', 'x')");
    assert_int_equal(rc & 0xFF, SQLITE_CONSTRAINT);
    sp_db_close(db);

    /* opening it again changes nothing */
    db = open_new("fresh.db");
    assert_int_equal(sp_db_user_version(db), SP_SCHEMA_VERSION);
    sp_db_close(db);
}

static void an_empty_version_0_file_is_upgraded_in_place(void **state)
{
    (void)state;
    const char *path = ts_path("old.db");
    sqlite3 *raw = NULL;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "PRAGMA user_version = 0; VACUUM;", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(ts_query_int(raw, "SELECT count(*) FROM sqlite_schema"), 0);
    sqlite3_close(raw);

    char err[512];
    /* a program that must not migrate says what to do */
    assert_null(sp_db_open(path, SP_OPEN_NO_MIGRATE, err, sizeof err));
    assert_non_null(strstr(err, "schema version 0"));

    sqlite3 *db = sp_db_open(path, 0, err, sizeof err); /* no CREATE: the file exists */
    if (!db)
        fail_msg("%s", err);
    assert_int_equal(sp_db_user_version(db), SP_SCHEMA_VERSION);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN"
                                      " ('students', 'milestones', 'measurements', 'self_checks', 'badges')"),
                     5);
    sp_db_close(db);
}

static void a_file_from_a_newer_signpost_is_refused_and_left_alone(void **state)
{
    (void)state;
    sqlite3 *db = open_new("newer.db");
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", SP_SCHEMA_VERSION + 1);
    assert_int_equal(sp_db_exec(db, sql), SQLITE_OK);
    assert_int_equal(sp_db_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)"), SQLITE_OK);
    sp_db_close(db);
    const char *path = ts_path("newer.db");
    uint64_t before = ts_file_hash(path);

    char err[512] = "";
    assert_null(sp_db_open(path, SP_OPEN_CREATE, err, sizeof err));
    assert_non_null(strstr(err, "newer"));
    assert_non_null(strstr(err, "newer.db"));
    assert_int_equal(ts_file_hash(path), before);
}

static void a_file_that_is_not_a_database_is_refused_clearly(void **state)
{
    (void)state;
    char text[8192];
    for (size_t i = 0; i + 1 < sizeof text; i++)
        text[i] = "SIS_ID,Given_Name\nS1,Maya\n"[i % 26];
    text[sizeof text - 1] = '\n';
    const char *path = ts_write_file("roster.csv", text, sizeof text);
    uint64_t before = ts_file_hash(path);
    char err[512] = "";
    assert_null(sp_db_open(path, SP_OPEN_CREATE, err, sizeof err));
    assert_non_null(strstr(err, "not a Signpost database"));
    assert_non_null(strstr(err, "roster.csv"));
    assert_int_equal(ts_file_hash(path), before);

    /* a missing file without CREATE is named, not created */
    assert_null(sp_db_open(ts_path("missing.db"), 0, err, sizeof err));
    assert_non_null(strstr(err, "missing.db"));
    assert_int_equal(ts_file_hash(ts_path("missing.db")), 0);
}

/* Inserts a milestone for student 1 with the given category, dates, baseline and target. */
static int insert_milestone(sqlite3 *db, const char *category, const char *start, const char *due,
                            const char *baseline, const char *target)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "INSERT INTO milestones (student_id, statement, student_text, category,"
                                        " baseline, target, start_date, due_date, created_at, updated_at)"
                                        " VALUES (1, 'Teacher wording', 'I will write 3 paragraphs', ?1, ?2, ?3, ?4,"
                                        " ?5, '2026-01-12T08:00:00Z', '2026-01-12T08:00:00Z')",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, category, -1, SQLITE_STATIC);
    if (baseline)
        sqlite3_bind_double(st, 2, atof(baseline));
    sqlite3_bind_double(st, 3, atof(target));
    sqlite3_bind_text(st, 4, start, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, due, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc;
}

static void the_schema_refuses_a_bad_category_a_backwards_timeframe_and_a_baseline_equal_to_the_target(void **state)
{
    (void)state;
    sqlite3 *db = open_new("checks.db");
    assert_int_equal(
        sp_db_exec(db, "INSERT INTO students (id, sis_id, given_name, grade, created_at) VALUES (1, 'S1', 'Maya', 8, 'x')"),
        SQLITE_OK);
    /* the ELA worked example goes in */
    assert_int_equal(insert_milestone(db, "academic", "2026-01-12", "2026-02-23", "1.5", "3"), SQLITE_DONE);
    /* a baselining milestone has no baseline yet */
    assert_int_equal(insert_milestone(db, "behavior", "2026-01-12", "2026-02-09", NULL, "2"), SQLITE_DONE);

    assert_int_equal(insert_milestone(db, "sports", "2026-01-12", "2026-02-23", "1.5", "3"), SQLITE_CONSTRAINT_CHECK);
    assert_int_equal(insert_milestone(db, "Academic", "2026-01-12", "2026-02-23", "1.5", "3"), SQLITE_CONSTRAINT_CHECK);
    assert_int_equal(insert_milestone(db, "academic", "2026-02-23", "2026-01-12", "1.5", "3"), SQLITE_CONSTRAINT_CHECK);
    assert_int_equal(insert_milestone(db, "academic", "2026-01-12", "2026-01-12", "1.5", "3"), SQLITE_CONSTRAINT_CHECK);
    assert_int_equal(insert_milestone(db, "academic", "12/01/2026", "2026-02-23", "1.5", "3"), SQLITE_CONSTRAINT_CHECK);
    assert_int_equal(insert_milestone(db, "academic", "2026-01-12", "2026-02-23", "3", "3"), SQLITE_CONSTRAINT_CHECK);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM milestones"), 2);

    /* other enumerations are checked the same way */
    assert_int_equal(sp_db_exec(db, "UPDATE milestones SET direction = 'sideways' WHERE id = 1"),
                     SQLITE_CONSTRAINT_CHECK);
    assert_int_equal(sp_db_exec(db, "UPDATE milestones SET visibility = 'public' WHERE id = 1"),
                     SQLITE_CONSTRAINT_CHECK);
    assert_int_equal(sp_db_exec(db, "UPDATE milestones SET target_k = 5, target_m = 4 WHERE id = 1"),
                     SQLITE_CONSTRAINT_CHECK);
    assert_int_equal(sp_db_exec(db, "UPDATE milestones SET target_k = 4, target_m = 5 WHERE id = 1"), SQLITE_OK);
    sp_db_close(db);
}

static void a_rolled_back_transaction_leaves_nothing_behind(void **state)
{
    (void)state;
    sqlite3 *db = open_new("tx.db");
    assert_int_equal(sp_db_begin(db), SQLITE_OK);
    assert_int_equal(
        sp_db_exec(db, "INSERT INTO students (sis_id, given_name, grade, created_at) VALUES ('S1', 'Maya', 8, 'x')"),
        SQLITE_OK);
    sp_db_rollback(db);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM students"), 0);
    sp_db_rollback(db); /* harmless outside a transaction */
    assert_int_equal(sp_db_begin(db), SQLITE_OK);
    assert_int_equal(
        sp_db_exec(db, "INSERT INTO students (sis_id, given_name, grade, created_at) VALUES ('S1', 'Maya', 8, 'x')"),
        SQLITE_OK);
    assert_int_equal(sp_db_commit(db), SQLITE_OK);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM students"), 1);
    sp_db_close(db);
}

static void signpost_now_fixes_the_clock_for_timestamps(void **state)
{
    (void)state;
    char out[32];
    setenv("SIGNPOST_NOW", "2026-03-04", 1);
    sp_now_iso(out);
    assert_string_equal(out, "2026-03-04T12:00:00Z");
    setenv("SIGNPOST_NOW", "2026-03-04T08:30:00Z", 1);
    sp_now_iso(out);
    assert_string_equal(out, "2026-03-04T08:30:00Z");
    unsetenv("SIGNPOST_NOW");
    sp_now_iso(out);
    assert_int_equal(strlen(out), 20);
    assert_int_equal(out[10], 'T');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_new_database_uses_wal_foreign_keys_and_the_current_schema),
        cmocka_unit_test(an_empty_version_0_file_is_upgraded_in_place),
        cmocka_unit_test(a_file_from_a_newer_signpost_is_refused_and_left_alone),
        cmocka_unit_test(a_file_that_is_not_a_database_is_refused_clearly),
        cmocka_unit_test(the_schema_refuses_a_bad_category_a_backwards_timeframe_and_a_baseline_equal_to_the_target),
        cmocka_unit_test(a_rolled_back_transaction_leaves_nothing_behind),
        cmocka_unit_test(signpost_now_fixes_the_clock_for_timestamps),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
