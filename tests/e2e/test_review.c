/* test_review.c — "who needs attention?" with the real signpost-admin: the four-point rule puts a
 * milestone first in red with its reason, then yellow (below aim, no new data), then due for
 * review; raise-the-goal suggestions and baselining milestones are listed; and when most of a
 * class misses the same template, the teaching signal points at instruction. */
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

static void sql(const char *text)
{
    sqlite3 *h = ts_open(db);
    char *err = NULL;
    if (sqlite3_exec(h, text, NULL, NULL, &err) != SQLITE_OK)
        fail_msg("setting up: %s", err);
    sqlite3_close(h);
}

static void ela(const char *sis, const char *cls, const char *key)
{
    OK("milestone", "add", "--student", sis, "--class", cls, "--template", key, "--category", "academic",
       "--statement", "Student will include a clear claim and at least 2 pieces of evidence.", "--student-text",
       "I will write 3 paragraphs with a claim and 2 pieces of evidence.", "--baseline", "1.5", "--target", "3",
       "--target-rule", "4 of 5", "--start", "2026-01-05", "--due", "2026-02-16", "--cadence",
       "weekly check, monthly review");
}

static void point(const char *id, const char *date, const char *value)
{
    OK("measurement", "add", "--milestone", id, "--date", date, "--value", value);
}

/* Today is 2026-02-20. ELA8-2: Maya red (4 misses), José yellow (one miss), Ava yellow (no data
 * for 15 days), Liam green and due for review. SS6-1: one red among three. Plus a raise-the-goal
 * candidate and a baselining milestone. */
static int setup(void **state)
{
    (void)state;
    static int n;
    char name[64];
    setenv("SIGNPOST_NOW", "2026-02-20", 1);
    snprintf(name, sizeof name, "review-%d.db", n++);
    snprintf(db, sizeof db, "%s", ts_path(name));
    OK("init");
    sql("INSERT INTO classes(code, name) VALUES ('ELA8-2', 'ELA 8'), ('SS6-1', 'Social studies 6');"
        "INSERT INTO students(sis_id, given_name, family_name, grade, created_at) VALUES"
        " ('S1', 'Maya', 'Lopez', 8, 'x'), ('S2', 'José', 'Núñez', 8, 'x'), ('S3', 'Ava', 'Kim', 8, 'x'),"
        " ('S4', 'Liam', 'Otto', 8, 'x'), ('S5', 'Noor', 'Haddad', 6, 'x'), ('S6', 'Omar', 'Diaz', 6, 'x'),"
        " ('S7', 'Eli', 'Berg', 6, 'x');"
        "INSERT INTO enrollments(class_id, student_id, enrolled_on) VALUES (1, 1, 'x'), (1, 2, 'x'), (1, 3, 'x'),"
        " (1, 4, 'x'), (2, 5, 'x'), (2, 6, 'x'), (2, 7, 'x');");
    ela("S1", "ELA8-2", "claim-evidence"); /* 1 */
    ela("S2", "ELA8-2", "claim-evidence"); /* 2 */
    ela("S3", "ELA8-2", "claim-evidence"); /* 3 */
    ela("S4", "ELA8-2", "claim-evidence"); /* 4 */
    point("1", "2026-01-26", "1.5");
    point("1", "2026-02-02", "1.5");
    point("1", "2026-02-09", "1.5");
    point("1", "2026-02-16", "1.5");
    point("2", "2026-02-09", "2.9");
    point("2", "2026-02-16", "2");
    point("3", "2026-02-05", "2.6");
    point("4", "2026-02-16", "3");
    ela("S5", "SS6-1", "reading-log"); /* 5: red */
    ela("S6", "SS6-1", "reading-log"); /* 6: green */
    ela("S7", "SS6-1", "reading-log"); /* 7: green */
    for (int i = 0; i < 4; i++) {
        static const char *const days[] = {"2026-01-26", "2026-02-02", "2026-02-09", "2026-02-16"};
        point("5", days[i], "1");
        point("6", days[i], "3");
        point("7", days[i], "3");
    }
    /* 8: well ahead of its aim line, at the target long before it is due. */
    OK("milestone", "add", "--student", "S6", "--category", "behavior", "--statement", "Participate in discussion.",
       "--student-text", "I will share in discussion 3 times a week.", "--baseline", "1", "--target", "3",
       "--target-rule", "5 of 5", "--start", "2026-01-19", "--due", "2026-04-30");
    for (int i = 0; i < 4; i++) {
        static const char *const days[] = {"2026-01-30", "2026-02-06", "2026-02-13", "2026-02-19"};
        point("8", days[i], "3.5");
    }
    OK("milestone", "reviewed", "8", "--date", "2026-02-19");
    /* 9: no baseline yet, one check in. */
    OK("milestone", "add", "--student", "S7", "--category", "future-readiness", "--statement", "Complete FAFSA steps.",
       "--student-text", "I will finish my FAFSA steps.", "--target", "5", "--start", "2026-02-16", "--due", "+6w");
    point("9", "2026-02-17", "1");
    return 0;
}

static void the_four_point_rule_lists_red_first_with_its_reason(void **state)
{
    (void)state;
    ts_run_result r = run_ok((const char *const[]){"review", "--class", "ELA8-2", NULL});
    const char *red = strstr(r.out, "Red"), *yellow = strstr(r.out, "Yellow"), *due = strstr(r.out, "Due for review");
    assert_non_null(red);
    assert_non_null(yellow);
    assert_non_null(due);
    assert_true(red < yellow && yellow < due);
    const char *maya = strstr(r.out, "Maya Lopez");
    assert_non_null(maya);
    assert_true(maya > red && maya < yellow);
    assert_non_null(strstr(r.out, "last 4 checks below the aim line \xE2\x80\x94 time to change the support"));
    assert_non_null(strstr(r.out, "no new data for 15 days"));
    assert_non_null(strstr(r.out, "due for its weekly review"));
    assert_null(strstr(r.out, "Noor")); /* another class */
    ts_run_free(&r);

    r = run_ok((const char *const[]){"--json", "review", "--class", "ELA8-2", NULL});
    json_error_t e;
    json_t *arr = json_loads(r.out, 0, &e);
    assert_non_null(arr);
    assert_true(json_array_size(arr) >= 4);
    json_t *first = json_array_get(arr, 0);
    assert_string_equal(json_string_value(json_object_get(first, "kind")), "red");
    assert_string_equal(json_string_value(json_object_get(first, "student")), "S1");
    assert_int_equal(json_integer_value(json_object_get(first, "milestone_id")), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(arr, 1), "kind")), "yellow");
    assert_string_equal(json_string_value(json_object_get(json_array_get(arr, 2), "kind")), "yellow");
    assert_string_equal(json_string_value(json_object_get(json_array_get(arr, 3), "kind")), "due-for-review");
    assert_string_equal(json_string_value(json_object_get(json_array_get(arr, 3), "student")), "S4");
    json_decref(arr);
    ts_run_free(&r);
}

static void many_students_missing_one_template_is_a_teaching_signal(void **state)
{
    (void)state;
    ts_run_result r = run_ok((const char *const[]){"review", NULL});
    assert_non_null(strstr(r.out, "Many students in ELA8-2 miss claim-evidence: look at instruction"));
    assert_null(strstr(r.out, "Many students in SS6-1")); /* one red of three */
    ts_run_free(&r);

    r = run_ok((const char *const[]){"--json", "review", "--class", "ELA8-2", NULL});
    json_error_t e;
    json_t *arr = json_loads(r.out, 0, &e);
    assert_non_null(arr);
    json_t *last = json_array_get(arr, json_array_size(arr) - 1);
    assert_string_equal(json_string_value(json_object_get(last, "kind")), "teaching-signal");
    assert_int_equal(json_integer_value(json_object_get(last, "students")), 3);
    assert_int_equal(json_integer_value(json_object_get(last, "milestones")), 4);
    json_decref(arr);
    ts_run_free(&r);

    /* One student's review says nothing about the class. */
    r = run_ok((const char *const[]){"review", "--student", "S1", NULL});
    assert_null(strstr(r.out, "Many students"));
    assert_non_null(strstr(r.out, "Maya Lopez"));
    assert_null(strstr(r.out, "Núñez"));
    ts_run_free(&r);
}

static void raise_the_goal_and_baselining_are_listed(void **state)
{
    (void)state;
    ts_run_result r = run_ok((const char *const[]){"review", "--class", "SS6-1", NULL});
    const char *raise = strstr(r.out, "Raise the goal?"), *base = strstr(r.out, "Finding the starting point");
    assert_non_null(raise);
    assert_non_null(base);
    assert_true(raise < base);
    assert_non_null(strstr(r.out, "I will share in discussion"));
    assert_non_null(strstr(r.out, "finding the starting point (1 of 3 checks so far)"));
    ts_run_free(&r);

    /* milestone show agrees with the review. */
    r = run_ok((const char *const[]){"milestone", "show", "8", NULL});
    assert_non_null(strstr(r.out, "Raise the goal? yes"));
    ts_run_free(&r);
    r = run_ok((const char *const[]){"milestone", "show", "1", NULL});
    assert_non_null(strstr(r.out, "Light:         red \xE2\x80\x94 last 4 checks below the aim line"));
    ts_run_free(&r);
    r = run_ok((const char *const[]){"--json", "milestone", "list", "--light", "red", NULL});
    json_error_t e;
    json_t *arr = json_loads(r.out, 0, &e);
    assert_int_equal(json_array_size(arr), 2); /* Maya and Noor */
    json_decref(arr);
    ts_run_free(&r);
}

static void review_refuses_unknown_classes_and_changes_nothing(void **state)
{
    (void)state;
    uint64_t before = ts_file_hash(db);
    ts_run_result r = ts_admin(db, "review", "--class", "NOPE", NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "no class with code 'NOPE'"));
    ts_run_free(&r);
    r = ts_admin(db, "review", NULL);
    assert_int_equal(r.exit_code, 0);
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);
}

/* report class: the mirror for instruction, with the counts and the students behind them. */
static void report_class_counts_each_template_and_flags_the_one_most_of_the_class_misses(void **state)
{
    (void)state;
    ts_run_result r = run_ok((const char *const[]){"report", "class", "--class", "ELA8-2", NULL});
    const char *tmpl = strstr(r.out, "By milestone template:");
    assert_non_null(tmpl);
    /* claim-evidence: 4 milestones, 1 red (Maya), 2 yellow (José, Ava), 1 green (Liam) */
    assert_non_null(strstr(tmpl, "claim-evidence  4           1    2       1      0    0           yes"));
    assert_non_null(strstr(r.out, "Teaching signal: many students miss claim-evidence \xE2\x80\x94 look at instruction (3 of 4 "
                                  "milestones red or yellow, 3 students; rule: at least 3 students, and at least half"));
    assert_non_null(strstr(r.out, "red: Maya Lopez (S1) #1"));
    assert_non_null(strstr(r.out, "green: Liam Otto (S4) #4"));
    assert_non_null(strstr(r.out, "By category:"));
    assert_non_null(strstr(r.out, "By learning target:"));
    assert_null(strstr(r.out, "Noor")); /* another class */
    ts_run_free(&r);

    r = run_ok((const char *const[]){"--json", "report", "class", "--class", "SS6-1", NULL});
    json_t *j = json_loads(r.out, 0, NULL);
    assert_non_null(j);
    json_t *templates = json_object_get(json_object_get(j, "groups"), "template"), *g = NULL;
    for (size_t i = 0; i < json_array_size(templates); i++)
        if (strcmp(json_string_value(json_object_get(json_array_get(templates, i), "group")), "reading-log") == 0)
            g = json_array_get(templates, i);
    assert_non_null(g);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(g, "counts"), "red")), 1);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(g, "counts"), "met")), 2); /* 4 of 5 at 3 */
    assert_true(json_is_false(json_object_get(json_object_get(g, "teaching_signal"), "fires"))); /* 1 of 3 is a student */
    assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(json_object_get(g, "students"),
                                                                                         "red"), 0), "student")),
                        "Noor Haddad (S5)");
    json_decref(j);
    ts_run_free(&r);

    r = run_ok((const char *const[]){"report", "class", "--class", "ELA8-2", "--csv", NULL});
    assert_non_null(strstr(r.out, "\"template\",\"claim-evidence\",\"4\",\"1\",\"2\",\"1\",\"0\",\"0\",\"yes\",\"Maya Lopez (S1)\""));
    ts_run_free(&r);

    r = ts_admin_argv(db, (const char *const[]){"report", "class", "--class", "NOPE", NULL});
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "NOPE"));
    ts_run_free(&r);
    r = ts_admin_argv(db, (const char *const[]){"report", "class", NULL});
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "--class is required"));
    ts_run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(the_four_point_rule_lists_red_first_with_its_reason, setup),
        cmocka_unit_test_setup(report_class_counts_each_template_and_flags_the_one_most_of_the_class_misses, setup),
        cmocka_unit_test_setup(many_students_missing_one_template_is_a_teaching_signal, setup),
        cmocka_unit_test_setup(raise_the_goal_and_baselining_are_listed, setup),
        cmocka_unit_test_setup(review_refuses_unknown_classes_and_changes_nothing, setup),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
