/* test_celebrations.c — where celebrations come from and how teachers see and correct them,
 * through the real signpost-admin: a math quiz at 65% celebrates the met goal once; the FSA ID
 * step names its long-term FAFSA goal; a data point deleted or corrected later withdraws the
 * unseen celebration it no longer earns (and rewords one whose numbers changed), while one the
 * student already saw stays; `celebration list --unseen --json`; shout-outs edited or withdrawn
 * before they are seen, and refused after; bad input changes nothing. */
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

static json_t *json_of(const char *const *args)
{
    ts_run_result r = run_ok(args);
    json_error_t e;
    json_t *j = json_loads(r.out, 0, &e);
    if (!j)
        fail_msg("not JSON (%s): %s", e.text, r.out);
    ts_run_free(&r);
    return j;
}

#define JSON(...) json_of((const char *const[]){"--json", __VA_ARGS__, NULL})

/* Runs a command that must be refused with exit 2 and a message containing `why`, changing nothing. */
static void refused(const char *why, const char *const *args)
{
    uint64_t before = ts_file_hash(db);
    ts_run_result r = ts_admin_argv(db, args);
    if (r.exit_code != 2 || !strstr(r.err, why))
        fail_msg("expected exit 2 and '%s', got %d: %s", why, r.exit_code, r.err);
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);
}

#define REFUSED(why, ...) refused(why, (const char *const[]){__VA_ARGS__, NULL})

static long long q(const char *sql)
{
    sqlite3 *h = ts_open(db);
    long long n = ts_query_int(h, sql);
    sqlite3_close(h);
    return n;
}

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
    static int n;
    char name[64];
    setenv("SIGNPOST_NOW", "2026-02-20", 1);
    snprintf(name, sizeof name, "celebrations-%d.db", n++);
    snprintf(db, sizeof db, "%s", ts_path(name));
    OK("init");
    sql("INSERT INTO staff(staff_code, given_name, family_name, display_name, created_at) VALUES"
        " ('T01', 'Ana', 'Rivera', 'Ms. Rivera', '2026-01-01T00:00:00Z');"
        "INSERT INTO students(sis_id, given_name, family_name, grade, created_at) VALUES"
        " ('M1', 'Maya', 'Lopez', 7, '2026-01-01T00:00:00Z'), ('R1', 'Ruth', 'Abebe', 12, '2026-01-01T00:00:00Z');");
    return 0;
}

/* Math: unit quiz 52% -> 65% in 6 weeks (milestone 1 of M1). */
static void add_math(void)
{
    OK("milestone", "add", "--student", "M1", "--category", "academic", "--statement",
       "Student will raise unit quiz scores from 52% to 65% within 6 weeks.", "--student-text",
       "I will get 65% on my unit quizzes.", "--unit", "%", "--scale-min", "0", "--scale-max", "100", "--baseline",
       "52", "--target", "65", "--start", "2026-01-05", "--due", "2026-02-16", "--visibility", "kiosk");
}

static json_t *unseen(const char *sis)
{
    return JSON("celebration", "list", "--student", sis, "--unseen");
}

static const char *kind_of(json_t *arr, size_t i)
{
    return json_string_value(json_object_get(json_array_get(arr, i), "kind"));
}

static void a_quiz_at_65_celebrates_the_met_goal_once_in_the_students_words(void **state)
{
    (void)state;
    add_math();
    OK("measurement", "add", "--milestone", "1", "--date", "2026-01-12", "--value", "53"); /* no clear gain yet */
    OK("measurement", "add", "--milestone", "1", "--date", "2026-01-19", "--value", "66");
    json_t *l = unseen("M1");
    assert_int_equal(json_array_size(l), 1);
    assert_string_equal(kind_of(l, 0), "milestone-met");
    assert_string_equal(json_string_value(json_object_get(json_array_get(l, 0), "message")),
                        "You did it! You met your goal: I will get 65% on my unit quizzes.");
    json_decref(l);
    /* a dip and a second quiz at 65 do not make the same celebration twice */
    OK("measurement", "add", "--milestone", "1", "--date", "2026-01-26", "--value", "60");
    OK("measurement", "add", "--milestone", "1", "--date", "2026-02-02", "--value", "67");
    assert_int_equal(q("SELECT count(*) FROM celebrations WHERE kind = 'milestone-met'"), 1);
}

static void the_fsa_id_step_names_its_long_term_fafsa_goal(void **state)
{
    (void)state;
    OK("milestone", "add", "--student", "R1", "--category", "future-readiness", "--statement",
       "Student will complete the 5 FAFSA steps with family.", "--student-text",
       "I will finish all 5 steps of my FAFSA.", "--unit", "steps done", "--baseline", "0", "--target", "5",
       "--start", "2026-01-05", "--due", "2026-03-02");
    OK("milestone", "add", "--student", "R1", "--category", "future-readiness", "--horizon", "short", "--parent", "1",
       "--statement", "Student will create an FSA ID with a parent.", "--student-text", "I will make my FSA ID.",
       "--unit", "steps done", "--baseline", "0", "--target", "1", "--start", "2026-01-05", "--due", "2026-01-26");
    OK("milestone", "add", "--student", "R1", "--category", "future-readiness", "--horizon", "short", "--parent", "1",
       "--statement", "Student will gather the tax documents.", "--student-text", "I will gather our tax papers.",
       "--baseline", "0", "--target", "1", "--start", "2026-01-26", "--due", "2026-02-16");
    OK("measurement", "add", "--milestone", "2", "--date", "2026-01-20", "--value", "1");
    json_t *l = unseen("R1");
    assert_int_equal(json_array_size(l), 1);
    json_t *c = json_array_get(l, 0);
    assert_string_equal(kind_of(l, 0), "step-reached");
    assert_string_equal(json_string_value(json_object_get(c, "message")),
                        "You did it! You finished a step: I will make my FSA ID.");
    assert_string_equal(json_string_value(json_object_get(c, "long_term_goal")), "I will finish all 5 steps of my FAFSA.");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(c, "step"), "number")), 1);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(c, "step"), "of")), 2);
    json_decref(l);
}

static void a_deleted_point_withdraws_the_unseen_celebration_it_earned(void **state)
{
    (void)state;
    add_math();
    OK("measurement", "add", "--milestone", "1", "--date", "2026-01-12", "--value", "53"); /* no clear gain yet */
    OK("measurement", "add", "--milestone", "1", "--date", "2026-01-19", "--value", "66"); /* typed for 56 */
    json_t *r = JSON("measurement", "delete", "--id", "2");
    assert_int_equal(json_integer_value(json_object_get(r, "celebrations_withdrawn")), 1);
    json_decref(r);
    json_t *l = unseen("M1");
    assert_int_equal(json_array_size(l), 0); /* the kiosk will not show "You met your goal" */
    json_decref(l);
    l = JSON("celebration", "list", "--student", "M1", "--withdrawn");
    assert_int_equal(json_array_size(l), 1);
    assert_true(json_is_string(json_object_get(json_array_get(l, 0), "withdrawn_at")));
    json_decref(l);
}

static void a_corrected_point_rewords_or_withdraws_but_a_seen_celebration_stays(void **state)
{
    (void)state;
    add_math();
    OK("measurement", "add", "--milestone", "1", "--date", "2026-01-12", "--value", "60"); /* improvement: 52 -> 60 */
    assert_int_equal(q("SELECT count(*) FROM celebrations WHERE kind = 'improvement'"
                       " AND message = 'You improved from 52 to 60%!' AND withdrawn_at IS NULL"),
                     1);
    OK("measurement", "edit", "--id", "1", "--value", "62");
    assert_int_equal(q("SELECT count(*) FROM celebrations WHERE kind = 'improvement'"
                       " AND message = 'You improved from 52 to 62%!' AND withdrawn_at IS NULL"),
                     1);
    OK("measurement", "edit", "--id", "1", "--value", "53"); /* no clear gain any more */
    assert_int_equal(q("SELECT count(*) FROM celebrations WHERE withdrawn_at IS NULL"), 0);

    /* once seen at the kiosk, a celebration is the student's history: a correction leaves it */
    OK("measurement", "add", "--milestone", "1", "--date", "2026-01-19", "--value", "66");
    sql("UPDATE celebrations SET seen_at = '2026-02-19T10:00:00Z' WHERE kind = 'milestone-met'");
    OK("measurement", "delete", "--id", "2");
    assert_int_equal(q("SELECT count(*) FROM celebrations WHERE kind = 'milestone-met' AND withdrawn_at IS NULL"), 1);
}

static void shout_outs_can_be_reworded_or_withdrawn_until_the_student_sees_them(void **state)
{
    (void)state;
    json_t *r = JSON("shoutout", "add", "--student", "M1", "--message", "Great work today!", "--by", "T01");
    char id[24];
    snprintf(id, sizeof id, "%lld", (long long)json_integer_value(json_object_get(r, "id")));
    json_decref(r);
    OK("shoutout", "edit", "--id", id, "--message", "Great claim in today's essay, Maya!");
    json_t *l = unseen("M1");
    assert_int_equal(json_array_size(l), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(l, 0), "message")),
                        "Great claim in today's essay, Maya!");
    assert_string_equal(json_string_value(json_object_get(json_array_get(l, 0), "by")), "Ms. Rivera");
    json_decref(l);
    OK("shoutout", "withdraw", "--id", id);
    l = unseen("M1");
    assert_int_equal(json_array_size(l), 0);
    json_decref(l);
    REFUSED("already withdrawn", "shoutout", "edit", "--id", id, "--message", "x");

    r = JSON("shoutout", "add", "--student", "M1", "--message", "Thank you for helping!");
    snprintf(id, sizeof id, "%lld", (long long)json_integer_value(json_object_get(r, "id")));
    json_decref(r);
    sql("UPDATE celebrations SET seen_at = '2026-02-20T08:00:00Z' WHERE message = 'Thank you for helping!'");
    REFUSED("already seen at the kiosk", "shoutout", "withdraw", "--id", id);
    REFUSED("already seen at the kiosk", "shoutout", "edit", "--id", id, "--message", "Changed");
}

static void bad_input_is_refused_with_what_was_expected(void **state)
{
    (void)state;
    add_math();
    OK("measurement", "add", "--milestone", "1", "--date", "2026-01-12", "--value", "55");
    REFUSED("expected a measurement id", "measurement", "delete", "--id", "abc");
    REFUSED("no measurement 99", "measurement", "delete", "--id", "99");
    REFUSED("nothing to change", "measurement", "edit", "--id", "1");
    REFUSED("--value: expected", "measurement", "edit", "--id", "1", "--value", "140");
    REFUSED("not a shout-out", "shoutout", "withdraw", "--id", "1");
    REFUSED("no student", "celebration", "list", "--student", "NOPE");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(a_quiz_at_65_celebrates_the_met_goal_once_in_the_students_words, setup),
        cmocka_unit_test_setup(the_fsa_id_step_names_its_long_term_fafsa_goal, setup),
        cmocka_unit_test_setup(a_deleted_point_withdraws_the_unseen_celebration_it_earned, setup),
        cmocka_unit_test_setup(a_corrected_point_rewords_or_withdraws_but_a_seen_celebration_stays, setup),
        cmocka_unit_test_setup(shout_outs_can_be_reworded_or_withdrawn_until_the_student_sees_them, setup),
        cmocka_unit_test_setup(bad_input_is_refused_with_what_was_expected, setup),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
