/* test_planned_responses.c — the response decided in advance comes back when its time comes, with
 * the real signpost-admin: Maya's 8th grade ELA milestone (1.5 → 3 rubric points in 6 weeks) turns
 * red, and `review`, `milestone show`, `report reflections` and `rule list --due` show "add a
 * 20-minute session" with the date it was decided; marking it acted on records a support change and
 * the rule waits for new data; free text stays for the teacher to judge; rules written before the
 * vocabulary existed are read and dated when an old file is opened. */
#include "test_support.h"
#include "db_schema.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static char db[1024];

static ts_run_result run(const char *const *args) { return ts_admin_argv(db, args); }

static ts_run_result run_ok(const char *const *args)
{
    ts_run_result r = run(args);
    if (r.exit_code != 0)
        fail_msg("signpost-admin %s %s exited %d: %s", args[0], args[1] ? args[1] : "", r.exit_code, r.err);
    return r;
}

#define OK(...)                                                                                                        \
    do {                                                                                                               \
        ts_run_result r_ = run_ok((const char *const[]){__VA_ARGS__, NULL});                                           \
        ts_run_free(&r_);                                                                                              \
    } while (0)

#define OUT_HAS(r, text)                                                                                               \
    do {                                                                                                               \
        if (!strstr((r).out, (text)))                                                                                  \
            fail_msg("expected '%s' in:\n%s", (text), (r).out);                                                       \
    } while (0)

static void sql(const char *text)
{
    sqlite3 *h = ts_open(db);
    char *err = NULL;
    if (sqlite3_exec(h, text, NULL, NULL, &err) != SQLITE_OK)
        fail_msg("setting up: %s", err);
    sqlite3_close(h);
}

static long long q(const char *text)
{
    sqlite3 *h = ts_open(db);
    long long v = ts_query_int(h, text);
    sqlite3_close(h);
    return v;
}

/* A check entered on the day it was taken. */
static void point(const char *date, const char *value)
{
    setenv("SIGNPOST_NOW", date, 1);
    OK("measurement", "add", "--milestone", "1", "--date", date, "--value", value);
}

/* Maya's ELA milestone, started 2026-01-05 with its if/then rules decided that day. */
static int setup(void **state)
{
    (void)state;
    static int n;
    char name[64];
    snprintf(name, sizeof name, "planned-%d.db", n++);
    snprintf(db, sizeof db, "%s", ts_path(name));
    setenv("SIGNPOST_NOW", "2026-01-05", 1);
    OK("init");
    sql("INSERT INTO classes(code, name) VALUES ('ELA8-2', 'ELA 8');"
        "INSERT INTO students(sis_id, given_name, family_name, grade, created_at) VALUES ('S1', 'Maya', 'Lopez', 8, 'x');"
        "INSERT INTO enrollments(class_id, student_id, enrolled_on) VALUES (1, 1, 'x');");
    OK("milestone", "add", "--student", "S1", "--class", "ELA8-2", "--category", "academic", "--statement",
       "Student will include a clear claim and at least 2 pieces of evidence in a 3-paragraph response.",
       "--student-text", "I will write 3 paragraphs with a claim and 2 pieces of evidence.", "--baseline", "1.5",
       "--target", "3", "--target-rule", "4 of 5", "--due", "+6w", "--support",
       "small-group writing workshop twice weekly + sentence stems");
    OK("rule", "add", "--milestone", "1", "--if", "red", "--then", "add a 20-minute session");
    OK("rule", "add", "--milestone", "1", "--if", "she seems tired in the mornings", "--then", "call home");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unsetenv("SIGNPOST_NOW");
    return 0;
}

/* Four weekly checks at 1.5 while the aim line climbs: the four-point rule says red. */
static void maya_goes_red(void)
{
    point("2026-01-12", "1.5");
    point("2026-01-19", "1.5");
    point("2026-01-26", "1.5");
    point("2026-02-02", "1.5");
    setenv("SIGNPOST_NOW", "2026-02-03", 1);
}

static void red_milestone_brings_back_the_response_decided_in_advance(void **state)
{
    (void)state;
    setenv("SIGNPOST_NOW", "2026-01-20", 1);
    ts_run_result r = run_ok((const char *const[]){"review", NULL});
    if (strstr(r.out, "add a 20-minute session"))
        fail_msg("nothing is red yet, but review already asks for the response:\n%s", r.out);
    ts_run_free(&r);

    maya_goes_red();
    r = run_ok((const char *const[]){"review", "--class", "ELA8-2", NULL});
    OUT_HAS(r, "Red \xE2\x80\x94 time to change the support");
    OUT_HAS(r, "Planned responses");
    OUT_HAS(r, "rule 1: if red, then add a 20-minute session (decided 2026-01-05)");
    if (strstr(r.out, "call home"))
        fail_msg("a free-text rule is never claimed to hold:\n%s", r.out);
    ts_run_free(&r);

    r = run_ok((const char *const[]){"--json", "review", NULL});
    json_t *arr = json_loads(r.out, 0, NULL);
    assert_non_null(arr);
    bool found = false;
    for (size_t i = 0; i < json_array_size(arr); i++) {
        json_t *it = json_array_get(arr, i);
        if (strcmp(json_string_value(json_object_get(it, "kind")), "planned-response") == 0) {
            found = true;
            assert_int_equal(json_integer_value(json_object_get(it, "rule_id")), 1);
            assert_int_equal(json_integer_value(json_object_get(it, "milestone_id")), 1);
        }
    }
    assert_true(found);
    json_decref(arr);
    ts_run_free(&r);

    r = run_ok((const char *const[]){"milestone", "show", "1", NULL});
    OUT_HAS(r, "Planned now:   if red, then add a 20-minute session (decided 2026-01-05)");
    OUT_HAS(r, "HOLDS NOW");
    OUT_HAS(r, "free text: you judge when it holds");
    ts_run_free(&r);

    r = run_ok((const char *const[]){"report", "reflections", "--student", "S1", NULL});
    OUT_HAS(r, "planned response now: if red, then add a 20-minute session (decided 2026-01-05)");
    ts_run_free(&r);

    r = run_ok((const char *const[]){"rule", "list", "--due", "--class", "ELA8-2", NULL});
    OUT_HAS(r, "add a 20-minute session");
    ts_run_free(&r);
}

static void acting_on_the_rule_records_a_support_change_and_waits_for_new_data(void **state)
{
    (void)state;
    maya_goes_red();
    OK("rule", "acted", "1", "--intensity", "raise", "--note", "20-minute session on Fridays");
    assert_int_equal(q("SELECT count(*) FROM support_changes WHERE milestone_id = 1 AND rule_id = 1"
                       " AND intensity = 'raise' AND changed_on = '2026-02-03' AND note = '20-minute session on Fridays'"),
                     1);
    ts_run_result r = run_ok((const char *const[]){"review", NULL});
    if (strstr(r.out, "Planned responses"))
        fail_msg("the response was just carried out; review still asks for it:\n%s", r.out);
    ts_run_free(&r);
    r = run_ok((const char *const[]){"rule", "list", "--milestone", "1", NULL});
    OUT_HAS(r, "2026-02-03"); /* last acted on */
    ts_run_free(&r);

    /* one more miss after the session started is not yet four new misses */
    point("2026-02-09", "1.6");
    setenv("SIGNPOST_NOW", "2026-02-10", 1);
    r = run_ok((const char *const[]){"rule", "list", "--due", NULL});
    OUT_HAS(r, "none: no rule's condition holds today");
    ts_run_free(&r);
}

static void bad_input_gets_a_clear_error_and_changes_nothing(void **state)
{
    (void)state;
    maya_goes_red();
    const char *const *cases[] = {
        (const char *const[]){"rule", "acted", "99", NULL},
        (const char *const[]){"rule", "acted", "one", NULL},
        (const char *const[]){"rule", "acted", "1", "--intensity", "double", NULL},
        (const char *const[]){"rule", "acted", "1", "--date", "2026-03-01", NULL},
        (const char *const[]){"rule", "add", "--milestone", "1", "--if", "red", "--then", "x", "--decided", "+3d", NULL},
        (const char *const[]){"rule", "list", NULL},
        (const char *const[]){"rule", "list", "--milestone", "1", "--class", "ELA8-2", NULL},
    };
    const char *expect[] = {"no rule with id 99", "expected a rule id", "expected one of raise, keep, fade",
                            "expected a date up to today", "expected a date up to today", "expected --milestone ID",
                            "--class and --student narrow --due"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ts_run_result r = run(cases[i]);
        assert_int_equal(r.exit_code, 2);
        if (!strstr(r.err, expect[i]))
            fail_msg("case %zu: expected '%s' in: %s", i, expect[i], r.err);
        ts_run_free(&r);
    }
    assert_int_equal(q("SELECT count(*) FROM support_changes"), 0);
    assert_int_equal(q("SELECT count(*) FROM if_then_rules"), 2);
}

/* A classroom file written before rules were evaluated: version 2, a rule without a decision date. */
static void rules_from_an_older_file_are_read_and_dated_when_it_is_opened(void **state)
{
    (void)state;
    snprintf(db, sizeof db, "%s", ts_path("old-rules.db"));
    sqlite3 *h = NULL;
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    for (int v = 1; v <= 2; v++)
        for (const char *const *stmt = sp_schema_migration(v); *stmt; stmt++)
            assert_int_equal(sqlite3_exec(h, *stmt, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(
        sqlite3_exec(h,
                     "INSERT INTO students(sis_id, given_name, grade, created_at) VALUES ('S2', 'Attendance', 9, 'x');"
                     "INSERT INTO milestones(student_id, statement, student_text, category, baseline, target,"
                     " start_date, due_date, created_at, updated_at) VALUES (1, 'Keep 95% attendance', 'I come to"
                     " school', 'behavior', 93, 95, '2026-01-05', '2026-03-09', '2026-01-04T08:00:00Z', 'x');"
                     "INSERT INTO if_then_rules(milestone_id, if_text, then_text) VALUES (1, 'below 92%',"
                     " 'family meeting'), (1, 'mornings are hard', 'check in at the door');"
                     "INSERT INTO measurements(milestone_id, taken_on, value, created_at) VALUES"
                     " (1, '2026-01-30', 91, 'x');"
                     "PRAGMA user_version = 2;",
                     NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_close(h);
    setenv("SIGNPOST_NOW", "2026-02-01", 1);
    ts_run_result r = run_ok((const char *const[]){"rule", "list", "--due", NULL});
    OUT_HAS(r, "family meeting");
    OUT_HAS(r, "2026-01-04"); /* decided at the latest when the milestone was written */
    if (strstr(r.out, "check in at the door"))
        fail_msg("free text is never claimed to hold:\n%s", r.out);
    ts_run_free(&r);
    assert_int_equal(q("SELECT count(*) FROM if_then_rules WHERE decided_on = '2026-01-04'"), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(red_milestone_brings_back_the_response_decided_in_advance, setup, teardown),
        cmocka_unit_test_setup_teardown(acting_on_the_rule_records_a_support_change_and_waits_for_new_data, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(bad_input_gets_a_clear_error_and_changes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(rules_from_an_older_file_are_read_and_dated_when_it_is_opened, setup, teardown),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
