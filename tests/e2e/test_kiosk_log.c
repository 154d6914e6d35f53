/* test_kiosk_log.c — `signpost-admin kiosk log`, the audit trail a teacher or a family asks for:
 * who signed in at which kiosk and when, newest first, how each visit ended in plain words,
 * filtered by student, kiosk and date; refused scans counted but never shown; bad options refused
 * with the file left as it was. */
#include "test_support.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static char db[1024];

static void sql(const char *text)
{
    sqlite3 *h = ts_open(db);
    char *err = NULL;
    if (sqlite3_exec(h, text, NULL, NULL, &err) != SQLITE_OK)
        fail_msg("setting up: %s", err);
    sqlite3_close(h);
}

static int setup(void **state)
{
    (void)state;
    setenv("SIGNPOST_NOW", "2026-03-18", 1);
    snprintf(db, sizeof db, "%s", ts_path("log.db"));
    ts_run_result r = ts_admin(db, "init", NULL);
    assert_int_equal(r.exit_code, 0);
    ts_run_free(&r);
    sql("INSERT INTO staff (id, staff_code, given_name, display_name, created_at)"
        "  VALUES (1, 'T-RIVERA', 'Ana', 'Ms. Rivera', '2026-01-05T08:00:00Z');"
        "INSERT INTO students (id, sis_id, given_name, family_name, preferred_name, grade, created_at) VALUES"
        "  (1, 'E8001', 'María', 'López', 'Maya', 8, '2026-01-05T08:00:00Z'),"
        "  (2, 'E8002', 'José', 'Ruiz', '', 8, '2026-01-05T08:00:00Z');"
        "INSERT INTO kiosk_sessions (kiosk_name, student_id, staff_id, started_at, ended_at, end_reason) VALUES"
        "  ('Room 210', 1, NULL, '2026-03-16T09:02:00Z', '2026-03-16T09:05:30Z', 'done'),"
        "  ('Room 210', 2, NULL, '2026-03-16T09:06:00Z', '2026-03-16T09:07:10Z', 'timeout'),"
        "  ('Library', 1, NULL, '2026-03-17T13:00:00Z', '2026-03-17T13:00:40Z', 'switched'),"
        "  ('Library', 2, NULL, '2026-03-17T13:00:40Z', NULL, NULL),"
        "  ('Room 210', NULL, 1, '2026-03-17T15:30:00Z', '2026-03-17T15:30:20Z', 'teacher-exit');"
        "INSERT INTO scan_events (at, kiosk_name, outcome) VALUES"
        "  ('2026-03-16T09:01:00Z', 'Room 210', 'unknown'), ('2026-03-16T09:01:05Z', 'Room 210', 'unknown'),"
        "  ('2026-03-17T12:59:00Z', 'Library', 'revoked');");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ts_cleanup();
    return 0;
}

static void the_log_lists_every_visit_newest_first_with_how_it_ended(void **state)
{
    (void)state;
    ts_run_result r = ts_admin(db, "kiosk", "log", NULL);
    assert_int_equal(r.exit_code, 0);
    const char *teacher = strstr(r.out, "Ms. Rivera (teacher)");
    const char *open = strstr(r.out, "still open");
    const char *done = strstr(r.out, "tapped I'm done");
    assert_non_null(teacher);
    assert_non_null(open);
    assert_non_null(done);
    assert_true(teacher < open && open < done); /* newest first */
    assert_non_null(strstr(r.out, "walked away (timed out)"));
    assert_non_null(strstr(r.out, "another badge was scanned"));
    assert_non_null(strstr(r.out, "teacher closed the kiosk"));
    assert_non_null(strstr(r.out, "09:02  09:05"));
    assert_non_null(strstr(r.out, "Maya López"));
    assert_non_null(strstr(r.out, "Refused scans: 2 unknown badges, 1 revoked"));
    ts_run_free(&r);
}

static void the_log_filters_by_student_kiosk_and_date(void **state)
{
    (void)state;
    ts_run_result r = ts_admin(db, "kiosk", "log", "--student", "E8001", NULL);
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "Maya López"));
    assert_null(strstr(r.out, "José"));
    assert_null(strstr(r.out, "Refused scans")); /* about the kiosk, not about her */
    ts_run_free(&r);

    r = ts_admin(db, "--json", "kiosk", "log", "--kiosk", "Library", "--since", "2026-03-17", NULL);
    assert_int_equal(r.exit_code, 0);
    json_error_t e;
    json_t *j = json_loads(r.out, 0, &e);
    assert_non_null(j);
    json_t *sessions = json_object_get(j, "sessions");
    assert_int_equal(json_array_size(sessions), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(sessions, 0), "id")), "E8002");
    assert_true(json_is_null(json_object_get(json_array_get(sessions, 0), "ended_at")));
    assert_string_equal(json_string_value(json_object_get(json_array_get(sessions, 1), "how_it_ended")),
                        "another badge was scanned");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "refused_scans"), "revoked")), 1);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "refused_scans"), "unknown")), 0);
    json_decref(j);
    ts_run_free(&r);

    r = ts_admin(db, "kiosk", "log", "--limit", "1", NULL);
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "Ms. Rivera"));
    assert_null(strstr(r.out, "Maya"));
    assert_non_null(strstr(r.out, "--limit N shows more"));
    ts_run_free(&r);
}

static void bad_options_are_refused_and_change_nothing(void **state)
{
    (void)state;
    uint64_t before = ts_file_hash(db);
    ts_run_result r = ts_admin(db, "kiosk", "log", "--since", "last tuesday", NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "--since: expected a date"));
    ts_run_free(&r);
    r = ts_admin(db, "kiosk", "log", "--student", "NOPE", NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "NOPE"));
    ts_run_free(&r);
    r = ts_admin(db, "kiosk", "log", "--limit", "-3", NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "--limit: expected a whole number"));
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_log_lists_every_visit_newest_first_with_how_it_ended, setup, teardown),
        cmocka_unit_test_setup_teardown(the_log_filters_by_student_kiosk_and_date, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_options_are_refused_and_change_nothing, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
