/* test_milestones.c — a teacher writes the worked examples of SPEC section 7 as milestones with
 * the real signpost-admin, records data and reads them back: aim values and lights in `milestone
 * show`, lower-is-better, revisions that keep their history, a "4 of 5" target rule that creates
 * a milestone-met celebration, baselines set from the median of the first 3 checks, CSV imports,
 * templates applied to a class, and bad input that is refused and leaves the file untouched. */
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

/* A school with an 8th grade ELA class of three, a 6th grader and a 10th grader. */
static int setup(void **state)
{
    (void)state;
    static int n;
    char name[64];
    setenv("SIGNPOST_NOW", "2026-02-06", 1);
    snprintf(name, sizeof name, "milestones-%d.db", n++);
    snprintf(db, sizeof db, "%s", ts_path(name));
    OK("init");
    sql("INSERT INTO staff(staff_code, given_name, created_at) VALUES ('T01', 'Ana', '2026-01-01T00:00:00Z');"
        "INSERT INTO classes(code, name, grade) VALUES ('ELA8-2', 'ELA 8', 8), ('SS6-1', 'Social studies 6', 6);"
        "INSERT INTO students(sis_id, given_name, family_name, grade, created_at) VALUES"
        " ('S1', 'Maya', 'Lopez', 8, '2026-01-01T00:00:00Z'), ('S2', 'José', 'Núñez', 8, '2026-01-01T00:00:00Z'),"
        " ('S3', 'Ava', 'Kim', 8, '2026-01-01T00:00:00Z'), ('S4', 'Liam', 'Otto', 6, '2026-01-01T00:00:00Z'),"
        " ('S5', 'Noor', 'Haddad', 10, '2026-01-01T00:00:00Z');"
        "INSERT INTO enrollments(class_id, student_id, enrolled_on) VALUES (1, 1, '2026-01-01'), (1, 2, '2026-01-01'),"
        " (1, 3, '2026-01-01'), (2, 4, '2026-01-01');");
    return 0;
}

/* 8th grade ELA: baseline 1.5/4, target 3 in 4 of 5 responses, 6 weeks. */
static void add_ela(const char *sis)
{
    OK("milestone", "add", "--student", sis, "--class", "ELA8-2", "--category", "academic", "--horizon", "short",
       "--statement", "Student will include a clear claim and at least 2 pieces of evidence in a 3-paragraph response.",
       "--student-text", "I will write 3 paragraphs with a claim and 2 pieces of evidence.", "--unit", "rubric points",
       "--scale-min", "0", "--scale-max", "4", "--baseline", "1.5", "--baseline-note", "first two essays",
       "--target", "3", "--target-rule", "4 of 5", "--start", "2026-01-05", "--due", "+6w", "--method",
       "rubric check per assignment + conferencing notes", "--source", "teacher rubric, drafts in the LMS",
       "--support", "small-group writing workshop twice weekly + sentence stems", "--cadence",
       "weekly check, monthly review", "--visibility", "kiosk", "--standard", "W.8.1");
}

static void point(const char *id, const char *date, const char *value)
{
    OK("measurement", "add", "--milestone", id, "--date", date, "--value", value);
}

static void the_ela_example_shows_aim_values_and_a_green_light(void **state)
{
    (void)state;
    add_ela("S1");
    json_t *m = JSON("milestone", "show", "1");
    assert_string_equal(json_string_value(json_object_get(m, "due_date")), "2026-02-16");
    assert_string_equal(json_string_value(json_object_get(m, "status")), "active");
    assert_string_equal(json_string_value(json_object_get(m, "light")), "yellow"); /* no data yet */
    json_decref(m);

    point("1", "2026-01-12", "2");   /* aim 1.75 */
    point("1", "2026-01-19", "2.5"); /* aim 2 */
    point("1", "2026-01-26", "2.5"); /* aim 2.25 */
    m = JSON("milestone", "show", "1");
    json_t *pts = json_object_get(m, "points");
    assert_int_equal(json_array_size(pts), 3);
    assert_float_equal(json_real_value(json_object_get(json_array_get(pts, 0), "aim")), 1.75, 1e-9);
    assert_float_equal(json_real_value(json_object_get(json_array_get(pts, 1), "aim")), 2.0, 1e-9);
    assert_float_equal(json_real_value(json_object_get(json_array_get(pts, 2), "aim")), 2.25, 1e-9);
    assert_true(json_is_true(json_object_get(json_array_get(pts, 2), "meets_aim")));
    assert_string_equal(json_string_value(json_object_get(m, "light")), "green");
    /* 2026-02-06 is day 32 of 42 */
    assert_float_equal(json_real_value(json_object_get(m, "aim_today")), 1.5 + 1.5 * 32.0 / 42.0, 1e-9);
    json_decref(m);

    ts_run_result r = run_ok((const char *const[]){"milestone", "show", "1", NULL});
    assert_non_null(strstr(r.out, "Light:         green"));
    assert_non_null(strstr(r.out, "2026-01-12  2      1.75  yes"));
    assert_non_null(strstr(r.out, "weekly check, monthly review"));
    assert_non_null(strstr(r.out, "small-group writing workshop"));
    ts_run_free(&r);

    /* The first point beat the baseline by a real step; the third made three in a row. */
    assert_int_equal(q("SELECT count(*) FROM celebrations WHERE kind = 'improvement'"
                       " AND message = 'You improved from 1.5 to 2 rubric points!'"), 1);
    assert_int_equal(q("SELECT count(*) FROM celebrations WHERE kind = 'streak'"), 1);
}

static void four_of_five_at_target_meets_the_milestone_and_celebrates(void **state)
{
    (void)state;
    add_ela("S1");
    point("1", "2026-01-12", "2.5");
    point("1", "2026-01-19", "3");
    point("1", "2026-01-26", "3");
    point("1", "2026-02-02", "3"); /* 3 of the last 4: not yet */
    assert_int_equal(q("SELECT count(*) FROM celebrations WHERE kind = 'milestone-met'"), 0);
    assert_int_equal(q("SELECT count(*) FROM milestones WHERE status = 'active'"), 1);
    point("1", "2026-02-05", "3.5"); /* 4 of the last 5 */
    assert_int_equal(q("SELECT count(*) FROM celebrations WHERE kind = 'milestone-met' AND measurement_id = 5"
                       " AND message LIKE 'You did it!%I will write 3 paragraphs%'"), 1);
    assert_int_equal(q("SELECT count(*) FROM milestones WHERE status = 'met'"), 1);
    json_t *m = JSON("milestone", "show", "1");
    assert_true(json_is_true(json_object_get(m, "met")));
    json_decref(m);
    /* Raising the target reopens it, with the reason kept. */
    OK("milestone", "revise", "1", "--target", "3.5", "--reason", "met early; raising the goal");
    assert_int_equal(q("SELECT count(*) FROM milestones WHERE status = 'active' AND target = 3.5"), 1);
    assert_int_equal(q("SELECT count(*) FROM milestone_revisions WHERE field = 'status' AND old_value = 'met'"
                       " AND new_value = 'active'"), 1);
}

/* 6th grade behavior: 6-8 off-task prompts a day, target 2 or fewer, 4 weeks. */
static void lower_is_better_for_off_task_prompts(void **state)
{
    (void)state;
    OK("milestone", "add", "--student", "S4", "--class", "SS6-1", "--category", "behavior", "--statement",
       "Student will need 2 or fewer off-task prompts per day.", "--student-text",
       "I will stay on task with 2 or fewer reminders.", "--unit", "prompts a day", "--baseline", "7",
       "--baseline-note", "6-8 prompts a day", "--target", "2", "--start", "2026-01-12", "--due", "+4w", "--method",
       "10-minute interval checks", "--support", "visual checklist, seating, reset");
    json_t *m = JSON("milestone", "show", "1");
    assert_string_equal(json_string_value(json_object_get(m, "direction")), "lower"); /* inferred */
    json_decref(m);
    point("1", "2026-01-19", "5");  /* aim 5.75: meets */
    point("1", "2026-01-26", "5");  /* aim 4.5: misses */
    point("1", "2026-02-02", "3");  /* aim 3.25: meets */
    m = JSON("milestone", "show", "1");
    json_t *pts = json_object_get(m, "points");
    assert_float_equal(json_real_value(json_object_get(json_array_get(pts, 0), "aim")), 5.75, 1e-9);
    assert_true(json_is_true(json_object_get(json_array_get(pts, 0), "meets_aim")));
    assert_true(json_is_false(json_object_get(json_array_get(pts, 1), "meets_aim")));
    assert_true(json_is_true(json_object_get(json_array_get(pts, 2), "meets_aim")));
    assert_string_equal(json_string_value(json_object_get(m, "light")), "green");
    json_decref(m);
    assert_int_equal(q("SELECT count(*) FROM celebrations WHERE kind = 'improvement'"
                       " AND message LIKE 'You brought it down from 7 to 5%'"), 1);
    /* "higher is better" with a target below the baseline is a mistake, said so. */
    uint64_t before = ts_file_hash(db);
    ts_run_result r = ts_admin(db, "milestone", "add", "--student", "S4", "--category", "behavior", "--statement", "x",
                               "--student-text", "y", "--baseline", "7", "--target", "2", "--direction", "higher",
                               "--due", "+4w", NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "--direction lower"));
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);
}

static void revise_keeps_every_old_value_with_date_and_reason(void **state)
{
    (void)state;
    add_ela("S1");
    OK("milestone", "revise", "1", "--target", "3.5", "--due", "+8w", "--target-rule", "3 of 4", "--method",
       "rubric check + portfolio", "--reason", "raise the goal after the conference", "--by", "T01");
    assert_int_equal(q("SELECT count(*) FROM milestone_revisions"), 4);
    assert_int_equal(q("SELECT count(*) FROM milestone_revisions WHERE field = 'target' AND old_value = '3'"
                       " AND new_value = '3.5' AND reason = 'raise the goal after the conference'"
                       " AND changed_at LIKE '2026-02-06%' AND changed_by = 1"), 1);
    /* on revise, "+8w" counts from today (2026-02-06), never from the start date */
    assert_int_equal(q("SELECT count(*) FROM milestone_revisions WHERE field = 'due_date'"
                       " AND old_value = '2026-02-16' AND new_value = '2026-04-03'"), 1);
    assert_int_equal(q("SELECT count(*) FROM milestone_revisions WHERE field = 'target_rule'"
                       " AND old_value = '4 of 5' AND new_value = '3 of 4'"), 1);
    assert_int_equal(q("SELECT count(*) FROM milestones WHERE target = 3.5 AND due_date = '2026-04-03'"
                       " AND target_k = 3 AND target_m = 4"), 1);
    ts_run_result r = run_ok((const char *const[]){"milestone", "show", "1", NULL});
    assert_non_null(strstr(r.out, "target: 3 \xE2\x86\x92 3.5 \xE2\x80\x94 raise the goal after the conference"));
    ts_run_free(&r);

    /* Edit changes wording, but the target only through revise. */
    uint64_t before = ts_file_hash(db);
    r = ts_admin(db, "milestone", "edit", "1", "--target", "4", NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "milestone revise 1"));
    ts_run_free(&r);
    r = ts_admin(db, "milestone", "revise", "1", "--target", "4", NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "--reason is required"));
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);
    OK("milestone", "edit", "1", "--student-text", "I will back up my claim with 2 pieces of evidence.");
    assert_int_equal(q("SELECT count(*) FROM milestone_revisions WHERE field = 'student_text'"), 1);

    OK("milestone", "retire", "1", "--reason", "moved to another section");
    assert_int_equal(q("SELECT count(*) FROM milestones WHERE status = 'retired'"), 1);
    assert_int_equal(q("SELECT count(*) FROM milestone_revisions WHERE field = 'status' AND new_value = 'retired'"), 1);
    r = ts_admin(db, "measurement", "add", "--milestone", "1", "--value", "2", NULL);
    assert_int_equal(r.exit_code, 2);
    ts_run_free(&r);
}

/* 10th grade social-emotional: no baseline yet; the first 3 checks set it. */
static void baselining_sets_the_baseline_from_the_median_of_three(void **state)
{
    (void)state;
    OK("milestone", "add", "--student", "S5", "--category", "social-emotional", "--statement",
       "Student will use a coping strategy in 3 of 4 independent sessions.", "--student-text",
       "When I feel stressed, I will use a coping strategy.", "--unit", "sessions of 4", "--scale-min", "0",
       "--scale-max", "4", "--target", "3", "--target-rule", "3 of 4", "--start", "2026-02-02", "--due", "+5w",
       "--method", "self-check + staff observation checklist");
    assert_int_equal(q("SELECT count(*) FROM milestones WHERE status = 'baselining' AND baseline IS NULL"), 1);
    point("1", "2026-02-03", "2");
    point("1", "2026-02-04", "0");
    json_t *m = JSON("milestone", "show", "1");
    assert_true(json_is_true(json_object_get(m, "baselining")));
    assert_string_equal(json_string_value(json_object_get(m, "light")), "-");
    json_decref(m);
    point("1", "2026-02-05", "1");
    assert_int_equal(q("SELECT count(*) FROM milestones WHERE status = 'active' AND baseline = 1"
                       " AND baseline_note = 'set from the median of the first 3 checks'"), 1);
}

static void measurements_import_from_a_spreadsheet_csv(void **state)
{
    (void)state;
    add_ela("S1");
    add_ela("S2");
    OK("milestone", "edit", "2", "--template", "claim-evidence");
    const char csv[] = "\xEF\xBB\xBFmilestone_id,student_sis_id,template_key,date,value,source,note\r\n"
                       "1,,,2026-01-12,2,teacher,\"essay 1,\r\nclaim only\"\r\n"
                       ",S2,claim-evidence,2026-01-12,1.5,,\r\n"
                       "1,,,2026-01-19,2.5,,\r\n";
    const char *path = ts_write_file("points.csv", csv, sizeof csv - 1);
    uint64_t before = ts_file_hash(db);
    OK("measurement", "import", path, "--dry-run");
    assert_true(ts_file_hash(db) == before);
    OK("measurement", "import", path);
    assert_int_equal(q("SELECT count(*) FROM measurements WHERE milestone_id = 1"), 2);
    assert_int_equal(q("SELECT count(*) FROM measurements WHERE milestone_id = 2 AND source = 'import'"), 1);
    assert_int_equal(q("SELECT count(*) FROM measurements WHERE note = 'essay 1,\nclaim only'"), 1);
    json_t *list = JSON("measurement", "list", "--milestone", "1");
    assert_int_equal(json_array_size(list), 2);
    json_decref(list);
}

static void support_rules_and_shout_outs_show_on_the_milestone(void **state)
{
    (void)state;
    add_ela("S1");
    OK("support", "add", "--milestone", "1", "--date", "2026-01-20", "--note", "added sentence stems");
    OK("rule", "add", "--milestone", "1", "--if", "below aim 2 checks in a row", "--then", "add a 20-minute session",
       "--choice", "I'll join the extra session");
    OK("shoutout", "add", "--student", "S1", "--message", "Great claim in today's essay!", "--by", "T01");
    ts_run_result r = run_ok((const char *const[]){"milestone", "show", "1", NULL});
    assert_non_null(strstr(r.out, "2026-01-20  added sentence stems"));
    assert_non_null(strstr(r.out, "If below aim 2 checks in a row, then add a 20-minute session"));
    ts_run_free(&r);
    assert_int_equal(q("SELECT count(*) FROM celebrations WHERE kind = 'shout-out' AND created_by = 1"), 1);
    json_t *j = JSON("rule", "list", "--milestone", "1");
    assert_int_equal(json_array_size(j), 1);
    json_decref(j);
    j = JSON("support", "list", "--milestone", "1");
    assert_int_equal(json_array_size(j), 1);
    json_decref(j);
}

static void a_template_goes_to_every_student_of_the_class_once(void **state)
{
    (void)state;
    add_ela("S1");
    OK("rule", "add", "--milestone", "1", "--if", "below aim 2 checks in a row", "--then", "add a 20-minute session");
    json_t *j = JSON("milestone", "apply-template", "1", "--class", "ELA8-2", "--key", "claim-evidence");
    assert_int_equal(json_array_size(json_object_get(j, "added")), 2); /* S1 has it already */
    json_decref(j);
    assert_int_equal(q("SELECT count(*) FROM milestones WHERE template_key = 'claim-evidence' AND class_id = 1"), 3);
    assert_int_equal(q("SELECT count(*) FROM milestones WHERE status = 'baselining' AND baseline IS NULL"), 2);
    assert_int_equal(q("SELECT count(*) FROM if_then_rules"), 3);
    j = JSON("milestone", "apply-template", "1", "--class", "ELA8-2");
    assert_int_equal(json_array_size(json_object_get(j, "added")), 0);
    assert_int_equal(json_integer_value(json_object_get(j, "skipped")), 3);
    json_decref(j);
    j = JSON("milestone", "list", "--class", "ELA8-2");
    assert_int_equal(json_array_size(j), 3);
    json_decref(j);
}

/* Runs a command that must exit 2 with `expect` in its message and leave the file unchanged. */
static void refused(const char *const *args, const char *expect)
{
    uint64_t before = ts_file_hash(db);
    ts_run_result r = ts_admin_argv(db, args);
    if (r.exit_code != 2)
        fail_msg("expected exit 2 from %s %s, got %d (stderr: %s)", args[0], args[1], r.exit_code, r.err);
    if (!strstr(r.err, expect))
        fail_msg("expected the message to mention \"%s\"; it said:\n%s", expect, r.err);
    ts_run_free(&r);
    if (ts_file_hash(db) != before)
        fail_msg("the database file changed although %s %s was refused", args[0], args[1]);
}

#define REFUSED(expect, ...) refused((const char *const[]){__VA_ARGS__, NULL}, expect)
#define ADD "milestone", "add", "--category", "academic", "--statement", "x", "--target", "3"

static void bad_input_is_refused_and_changes_nothing(void **state)
{
    (void)state;
    add_ela("S1");
    point("1", "2026-01-12", "2");
    char big[5001];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = 0;
    REFUSED("--due: the due date (2026-01-01) must be after the start date (2026-02-01)", ADD, "--student", "S1",
            "--student-text", "y", "--start", "2026-02-01", "--due", "2026-01-01");
    REFUSED("--due: the due date (2026-02-01) must be after the start date (2026-02-01)", ADD, "--student", "S1",
            "--student-text", "y", "--start", "2026-02-01", "--due", "2026-02-01");
    REFUSED("the target (3) is the same as the baseline (3)", ADD, "--student", "S1", "--student-text", "y",
            "--baseline", "3", "--due", "+2w");
    REFUSED("no student with SIS id 'S99'", ADD, "--student", "S99", "--student-text", "y", "--due", "+2w");
    REFUSED("--student-text is not valid UTF-8", ADD, "--student", "S1", "--student-text", "caf\xC3(", "--due", "+2w");
    REFUSED("--statement is too long", "milestone", "add", "--student", "S1", "--category", "academic", "--statement",
            big, "--student-text", "y", "--target", "3", "--due", "+2w");
    REFUSED("--category: expected one of academic", "milestone", "add", "--student", "S1", "--category", "math",
            "--statement", "x", "--student-text", "y", "--target", "3", "--due", "+2w");
    REFUSED("--target-rule: expected \"K of M\"", ADD, "--student", "S1", "--student-text", "y", "--due", "+2w",
            "--target-rule", "5 of 4");
    REFUSED("--due: expected a date", ADD, "--student", "S1", "--student-text", "y", "--due", "2026-02-30");
    REFUSED("--target: expected a value from 0 to 4", ADD, "--student", "S1", "--student-text", "y", "--due", "+2w",
            "--scale-min", "0", "--scale-max", "4", "--target", "5");
    REFUSED("no milestone with id '42'", "measurement", "add", "--milestone", "42", "--value", "2");
    REFUSED("--value: expected a value from 0 to 4", "measurement", "add", "--milestone", "1", "--value", "7");
    REFUSED("--date: expected a date up to today (2026-02-06)", "measurement", "add", "--milestone", "1", "--value",
            "2", "--date", "2026-03-01");
    REFUSED("--note is not valid UTF-8", "measurement", "add", "--milestone", "1", "--value", "2", "--note", "\xFF");
    REFUSED("--reason is required", "milestone", "revise", "1", "--target", "3.5");
    REFUSED("--message is too long", "shoutout", "add", "--student", "S1", "--message", big);

    const char csv[] = "milestone_id,date,value,source\n"
                       "1,2026-01-19,2.5,teacher\n"
                       "1,2026-01-26,lots,teacher\n"
                       "99,2026-01-26,2,teacher\n"
                       "1,2026-13-01,2,robot\n";
    const char *path = ts_write_file("bad.csv", csv, sizeof csv - 1);
    uint64_t before = ts_file_hash(db);
    ts_run_result r = ts_admin(db, "measurement", "import", path, NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "line 3, column value: expected a number such as 3 or 1.5, got 'lots'"));
    assert_non_null(strstr(r.err, "line 4, column milestone_id: expected the id of an existing milestone, got '99'"));
    assert_non_null(strstr(r.err, "line 5, column date: expected a date as YYYY-MM-DD, got '2026-13-01'"));
    assert_non_null(strstr(r.err, "line 5, column source: expected teacher, self, staff or import"));
    assert_non_null(strstr(r.err, "3 bad lines"));
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);
    assert_int_equal(q("SELECT count(*) FROM measurements"), 1);
}

static int teardown(void **state)
{
    (void)state;
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_ela_example_shows_aim_values_and_a_green_light, setup, teardown),
        cmocka_unit_test_setup_teardown(four_of_five_at_target_meets_the_milestone_and_celebrates, setup, teardown),
        cmocka_unit_test_setup_teardown(lower_is_better_for_off_task_prompts, setup, teardown),
        cmocka_unit_test_setup_teardown(revise_keeps_every_old_value_with_date_and_reason, setup, teardown),
        cmocka_unit_test_setup_teardown(baselining_sets_the_baseline_from_the_median_of_three, setup, teardown),
        cmocka_unit_test_setup_teardown(measurements_import_from_a_spreadsheet_csv, setup, teardown),
        cmocka_unit_test_setup_teardown(support_rules_and_shout_outs_show_on_the_milestone, setup, teardown),
        cmocka_unit_test_setup_teardown(a_template_goes_to_every_student_of_the_class_once, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_input_is_refused_and_changes_nothing, setup, teardown),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
