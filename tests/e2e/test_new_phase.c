/* test_phases.c — a raised goal starts a new phase, with the real signpost-admin: Maya reaches 3
 * of 4 rubric points early, the teacher raises the target to 3.5 with `--due +2w` on 2026-02-03,
 * and the new aim line starts that day at the level she reached (the median of her last 3 checks),
 * the due date counts from the revision day, and the history keeps both phases. A revision whose
 * due date would fall before the new phase is refused and changes nothing. */
#include "test_support.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static char db[1024];

static ts_run_result run_ok(const char *const *args)
{
    ts_run_result r = ts_admin_argv(db, args);
    if (r.exit_code != 0)
        fail_msg("signpost-admin %s %s exited %d: %s", args[0], args[1] ? args[1] : "", r.exit_code, r.err);
    return r;
}

#define OK(...)                                                                                                        \
    do {                                                                                                               \
        ts_run_result r_ = run_ok((const char *const[]){__VA_ARGS__, NULL});                                           \
        ts_run_free(&r_);                                                                                              \
    } while (0)

static void point(const char *date, const char *value)
{
    setenv("SIGNPOST_NOW", date, 1);
    OK("measurement", "add", "--milestone", "1", "--date", date, "--value", value);
}

static json_t *show(void)
{
    ts_run_result r = run_ok((const char *const[]){"--json", "milestone", "show", "1", NULL});
    json_t *j = json_loads(r.out, 0, NULL);
    ts_run_free(&r);
    assert_non_null(j);
    return j;
}

static int setup(void **state)
{
    (void)state;
    static int n;
    char name[64];
    snprintf(name, sizeof name, "phases-%d.db", n++);
    snprintf(db, sizeof db, "%s", ts_path(name));
    setenv("SIGNPOST_NOW", "2026-01-05", 1);
    OK("init");
    sqlite3 *h = ts_open(db);
    assert_int_equal(sqlite3_exec(h, "INSERT INTO students(sis_id, given_name, family_name, grade, created_at)"
                                     " VALUES ('S1', 'Maya', 'Lopez', 8, 'x')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(h);
    OK("milestone", "add", "--student", "S1", "--category", "academic", "--statement",
       "Student will include a clear claim and at least 2 pieces of evidence in a 3-paragraph response.",
       "--student-text", "I will write 3 paragraphs with a claim and 2 pieces of evidence.", "--baseline", "1.5",
       "--target", "3", "--target-rule", "4 of 5", "--scale-min", "0", "--scale-max", "4", "--due", "+6w", "--method",
       "rubric check per assignment");
    point("2026-01-12", "2");
    point("2026-01-19", "2.5");
    point("2026-01-26", "2.5");
    point("2026-02-02", "3");
    setenv("SIGNPOST_NOW", "2026-02-03", 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unsetenv("SIGNPOST_NOW");
    return 0;
}

static void a_raised_goal_starts_a_new_aim_line_at_the_revision(void **state)
{
    (void)state;
    ts_run_result r = run_ok((const char *const[]){"milestone", "revise", "1", "--target", "3.5", "--due", "+2w",
                                                   "--reason", "claim and evidence are solid; raising the goal", NULL});
    if (!strstr(r.out, "New phase 2 from 2026-02-03: the aim line starts at 2.5"))
        fail_msg("revise did not announce the new phase:\n%s", r.out);
    ts_run_free(&r);

    json_t *m = show();
    assert_string_equal(json_string_value(json_object_get(m, "due_date")), "2026-02-17"); /* two weeks from today */
    assert_string_equal(json_string_value(json_object_get(m, "phase_start")), "2026-02-03");
    assert_float_equal(json_real_value(json_object_get(m, "phase_value")), 2.5, 1e-9);
    assert_float_equal(json_real_value(json_object_get(m, "aim_today")), 2.5, 1e-9);
    assert_float_equal(json_real_value(json_object_get(m, "baseline")), 1.5, 1e-9); /* where she started */
    json_t *phases = json_object_get(m, "phases");
    assert_int_equal(json_array_size(phases), 2);
    json_t *first = json_array_get(phases, 0), *second = json_array_get(phases, 1);
    assert_string_equal(json_string_value(json_object_get(first, "starts_on")), "2026-01-05");
    assert_float_equal(json_real_value(json_object_get(first, "start_value")), 1.5, 1e-9);
    assert_float_equal(json_real_value(json_object_get(first, "target")), 3, 1e-9);
    assert_string_equal(json_string_value(json_object_get(first, "due_date")), "2026-02-16");
    assert_float_equal(json_real_value(json_object_get(second, "target")), 3.5, 1e-9);
    assert_string_equal(json_string_value(json_object_get(second, "reason")),
                        "claim and evidence are solid; raising the goal");
    /* the checks of the first phase are kept, but not judged against the new line */
    json_t *pts = json_object_get(m, "points");
    assert_int_equal(json_array_size(pts), 4);
    assert_true(json_is_true(json_object_get(json_array_get(pts, 3), "earlier_phase")));
    json_decref(m);

    /* a week on, 3 is on the new line (aim 3.0 half way to 3.5) */
    point("2026-02-10", "3");
    m = show();
    assert_string_equal(json_string_value(json_object_get(m, "light")), "green");
    assert_float_equal(json_real_value(json_object_get(json_array_get(json_object_get(m, "points"), 4), "aim")), 3.0,
                       1e-9);
    json_decref(m);

    r = run_ok((const char *const[]){"milestone", "show", "1", NULL});
    if (!strstr(r.out, "Phase:         since 2026-02-03 the aim line runs from 2.5") || !strstr(r.out, "earlier phase"))
        fail_msg("milestone show does not show the phase:\n%s", r.out);
    ts_run_free(&r);
}

static void a_revision_with_a_due_date_before_the_new_phase_is_refused(void **state)
{
    (void)state;
    ts_run_result r = ts_admin_argv(db, (const char *const[]){"milestone", "revise", "1", "--target", "3.5", "--due",
                                                               "2026-02-01", "--reason", "raise", NULL});
    assert_int_equal(r.exit_code, 2);
    if (!strstr(r.err, "starts a new phase today (2026-02-03)"))
        fail_msg("unexpected message: %s", r.err);
    ts_run_free(&r);
    sqlite3 *h = ts_open(db);
    assert_int_equal(ts_query_int(h, "SELECT count(*) FROM milestone_phases"), 0);
    assert_int_equal(ts_query_int(h, "SELECT count(*) FROM milestone_revisions"), 0);
    assert_int_equal(ts_query_int(h, "SELECT target = 3 FROM milestones"), 1);
    sqlite3_close(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_raised_goal_starts_a_new_aim_line_at_the_revision, setup, teardown),
        cmocka_unit_test_setup_teardown(a_revision_with_a_due_date_before_the_new_phase_is_refused, setup, teardown),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
