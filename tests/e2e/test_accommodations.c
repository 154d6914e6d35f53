/* test_accommodations.c — IEP/504 accommodations stand beside a student's milestones in every
 * staff view (milestone show, report reflections; review in test_review), and a milestone records
 * whether its method is the accommodated one, kept in the history when it changes. */
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

static void the_accommodated_method_is_recorded_and_shown_to_staff(void **state)
{
    (void)state;
    snprintf(db, sizeof db, "%s", ts_path("accommodations.db"));
    setenv("SIGNPOST_NOW", "2026-01-05", 1);
    OK("init");
    sqlite3 *h = ts_open(db);
    assert_int_equal(sqlite3_exec(h, "INSERT INTO students(sis_id, given_name, family_name, grade, accommodations,"
                                     " created_at) VALUES ('S1', 'Maya', 'Lopez', 8,"
                                     " 'extended time; prompts read aloud', 'x')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(h);
    OK("milestone", "add", "--student", "S1", "--category", "academic", "--statement",
       "Student will include a clear claim and at least 2 pieces of evidence in a 3-paragraph response.",
       "--student-text", "I will write 3 paragraphs with a claim and 2 pieces of evidence.", "--baseline", "1.5",
       "--target", "3", "--due", "+6w", "--method", "rubric check per assignment, with extended time",
       "--accommodated", "yes");

    ts_run_result r = run_ok((const char *const[]){"milestone", "show", "1", NULL});
    if (!strstr(r.out, "rubric check per assignment, with extended time (the accommodated method") ||
        !strstr(r.out, "Accommodations: extended time; prompts read aloud (IEP/504; staff only)"))
        fail_msg("milestone show:\n%s", r.out);
    ts_run_free(&r);
    r = run_ok((const char *const[]){"--json", "milestone", "show", "1", NULL});
    json_t *j = json_loads(r.out, 0, NULL);
    assert_true(json_is_true(json_object_get(j, "accommodated")));
    assert_string_equal(json_string_value(json_object_get(j, "accommodations")), "extended time; prompts read aloud");
    json_decref(j);
    ts_run_free(&r);

    r = run_ok((const char *const[]){"report", "reflections", "--student", "S1", NULL});
    assert_non_null(strstr(r.out, "Accommodations (IEP/504: measured with the adjusted method): extended time"));
    ts_run_free(&r);

    OK("milestone", "edit", "1", "--accommodated", "no", "--reason", "the standard method works for this task");
    h = ts_open(db);
    assert_int_equal(ts_query_int(h, "SELECT accommodated FROM milestones WHERE id = 1"), 0);
    assert_int_equal(ts_query_int(h, "SELECT count(*) FROM milestone_revisions WHERE field = 'accommodated'"
                                     " AND old_value = 'yes' AND new_value = 'no'"
                                     " AND reason = 'the standard method works for this task'"),
                     1);
    sqlite3_close(h);

    r = ts_admin_argv(db, (const char *const[]){"milestone", "edit", "1", "--accommodated", "maybe", NULL});
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "--accommodated: expected one of yes, no, got 'maybe'"));
    ts_run_free(&r);
    r = ts_admin_argv(db, (const char *const[]){"milestone", "edit", "1", "--accommodated", "no", NULL});
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "nothing to change"));
    ts_run_free(&r);
    unsetenv("SIGNPOST_NOW");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_accommodated_method_is_recorded_and_shown_to_staff),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
