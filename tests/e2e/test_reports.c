/* test_reports.c — what the teacher reads after students reflect at the kiosk. On the demo
 * school, self-checks, next-step plans and mastery self-ratings are written through reflect.h
 * exactly as the kiosk writes them, teacher ratings through the real signpost-admin; then
 * `report reflections` and `report mastery` must show them (text and --json), flag the teaching
 * signal by the documented rule, and refuse bad input with exit 2 and a clear message. */
#include "test_support.h"
#include "db.h"
#include "reflect.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ts_run_result run_ok(const char *db, const char *const *args)
{
    ts_run_result r = ts_admin_argv(db, args);
    if (r.exit_code != 0)
        fail_msg("signpost-admin %s %s exited %d: %s", args[0], args[1] ? args[1] : "", r.exit_code, r.err);
    return r;
}

#define RUN(db, ...) run_ok(db, (const char *const[]){__VA_ARGS__, NULL})

static json_t *json_of(const char *db, const char *const *args)
{
    ts_run_result r = run_ok(db, args);
    json_error_t e;
    json_t *j = json_loads(r.out, 0, &e);
    if (!j)
        fail_msg("not JSON (%s): %s", e.text, r.out);
    ts_run_free(&r);
    return j;
}

static void assert_has(const char *text, const char *want)
{
    if (!strstr(text, want))
        fail_msg("expected to find\n  %s\nin:\n%s", want, text);
}

static void assert_lacks(const char *text, const char *unwanted)
{
    if (strstr(text, unwanted))
        fail_msg("did not expect\n  %s\nin:\n%s", unwanted, text);
}

static const char *demo(const char *name)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s", ts_path(name));
    ts_run_result r = RUN(path, "demo");
    ts_run_free(&r);
    return path;
}

static long long id_of(sqlite3 *db, const char *sql, const char *arg)
{
    sqlite3_stmt *st = NULL;
    long long id = 0;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (!id)
        fail_msg("nothing for %s", arg);
    return id;
}

static long long student(sqlite3 *db, const char *sis)
{
    return id_of(db, "SELECT id FROM students WHERE sis_id = ?1", sis);
}

static long long ela_goal(sqlite3 *db, const char *sis)
{
    return id_of(db,
                 "SELECT m.id FROM milestones m JOIN students s ON s.id = m.student_id WHERE s.sis_id = ?1"
                 " AND m.template_key = 'ela8-claim-evidence'",
                 sis);
}

/* The current ELA unit's target at a position (the demo rated only targets 1-3). */
static long long ela_target(sqlite3 *db, const char *position)
{
    return id_of(db,
                 "SELECT t.id FROM learning_targets t JOIN units u ON u.id = t.unit_id AND u.is_current = 1"
                 " JOIN classes c ON c.id = u.class_id AND c.code = 'ELA8-2' WHERE t.position = CAST(?1 AS INTEGER)",
                 position);
}

static sqlite3 *kiosk_db(const char *path)
{
    char err[300];
    sqlite3 *db = sp_db_open(path, 0, err, sizeof err);
    if (!db)
        fail_msg("%s", err);
    return db;
}

/* A student rates a target at the kiosk. */
static void self_rate(sqlite3 *db, const char *sis, long long target, int rating, const char *at)
{
    char err[200];
    sp_mastery_self_rating r = {.student_id = student(db, sis), .target_id = target, .rating = rating,
                                .evidence = "Evidence hunt: school start times", .next_step = "", .rated_at = at};
    if (sp_mastery_save(db, &r, NULL, err, sizeof err) != SQLITE_OK)
        fail_msg("saving %s's rating: %s", sis, err);
}

/* The whole line of text output that holds needle. */
static char *line_with(const char *out, const char *needle)
{
    const char *p = strstr(out, needle);
    if (!p)
        fail_msg("no line with '%s' in:\n%s", needle, out);
    while (p > out && p[-1] != '\n')
        p--;
    size_t n = strcspn(p, "\n");
    char *l = malloc(n + 1);
    memcpy(l, p, n);
    l[n] = 0;
    return l;
}

/* The block of one target in `report mastery` text output (up to the next blank line). */
static char *target_block(const char *out, const char *statement)
{
    const char *p = strstr(out, statement);
    if (!p)
        fail_msg("no target '%s' in:\n%s", statement, out);
    const char *end = strstr(p, "\n\n");
    size_t n = end ? (size_t)(end - p) : strlen(p);
    char *b = malloc(n + 1);
    memcpy(b, p, n);
    b[n] = 0;
    return b;
}

static void a_students_self_checks_and_plans_show_beside_the_teachers_data(void **state)
{
    (void)state;
    const char *path = demo("reflections.db");
    sqlite3 *db = kiosk_db(path);
    char err[200];
    long long dev = student(db, "E8004"), goal = ela_goal(db, "E8004");
    sp_self_check sc = {.student_id = dev, .milestone_id = goal, .scale = SP_SCALE_SCALE4, .rating = 1,
                        .used_strategy = -1, .obstacle = "It was too hard", .next_step = "Sentence stems",
                        .created_at = "2026-03-02T10:05:00Z"};
    assert_int_equal(sp_self_check_save(db, &sc, NULL, err, sizeof err), SQLITE_OK);
    sp_next_step_plan plan = {.student_id = dev, .milestone_id = goal, .in_the_way = "I don't know how to start",
                              .change = "Use the claim checklist", .how_we_know = "", .support_first = "Writing workshop",
                              .created_at = "2026-03-02T10:07:00Z"};
    assert_int_equal(sp_next_step_save(db, &plan, NULL, err, sizeof err), SQLITE_OK);
    long long t1 = ela_target(db, "1");
    self_rate(db, "E8004", t1, 2, "2026-03-02T10:09:00Z");
    sp_db_close(db);
    char t1s[32];
    snprintf(t1s, sizeof t1s, "%lld", t1);
    ts_run_result r = RUN(path, "mastery", "rate", "--student", "E8004", "--target", t1s, "--rating", "3", "--staff",
                          "T-RIVERA");
    ts_run_free(&r);

    r = RUN(path, "report", "reflections", "--student", "E8004");
    assert_has(r.out, "Reflections of Dev Patel (E8004)");
    assert_has(r.out, "\"I will write 3 paragraphs with a claim and 2 pieces of evidence.\"");
    assert_has(r.out, "Teacher data: red light (last ");          /* the demo's red goal */
    assert_has(r.out, "latest checks (rubric points): ");
    assert_has(r.out, "baseline 1.5, target 3 (higher is better)");
    assert_has(r.out, "2026-03-02  1-4    1 Just starting");     /* the new self-check, in words */
    assert_has(r.out, "It was too hard");
    assert_has(r.out, "Sentence stems");
    assert_has(r.out, "What's getting in the way? I don't know how to start");
    assert_has(r.out, "Which change would help most? Use the claim checklist");
    assert_has(r.out, "What support first? Writing workshop");
    assert_lacks(r.out, "How we will know?"); /* an unanswered question is left out */
    assert_has(r.out, "\"I will share my ideas in discussion 3 times a week.\""); /* the second goal */
    /* the mastery tracker: the student's words beside the teacher's number */
    assert_has(r.out, "I can write a claim that answers the question.");
    char *row = line_with(r.out, "I can write a claim that answers the question.");
    assert_has(row, "2 I'm getting there  3 ");
    free(row);
    ts_run_free(&r);

    json_t *j = json_of(path, (const char *const[]){"--json", "report", "reflections", "--student", "E8004", NULL});
    json_t *goals = json_object_get(j, "goals");
    assert_int_equal(json_array_size(goals), 2);
    json_t *g = NULL;
    for (size_t i = 0; i < json_array_size(goals); i++)
        if (json_integer_value(json_object_get(json_array_get(goals, i), "milestone_id")) == goal)
            g = json_array_get(goals, i);
    assert_non_null(g);
    assert_string_equal(json_string_value(json_object_get(json_object_get(g, "teacher"), "light")), "red");
    json_t *checks = json_object_get(g, "self_checks");
    json_t *last = json_array_get(checks, json_array_size(checks) - 1);
    assert_string_equal(json_string_value(json_object_get(last, "at")), "2026-03-02T10:05:00Z");
    assert_int_equal(json_integer_value(json_object_get(last, "rating")), 1);
    assert_string_equal(json_string_value(json_object_get(last, "words")), "Just starting");
    assert_true(json_is_null(json_object_get(last, "used_strategy")));
    assert_string_equal(json_string_value(json_object_get(last, "obstacle")), "It was too hard");
    json_t *p = json_array_get(json_object_get(g, "next_step_plans"), 0);
    assert_string_equal(json_string_value(json_object_get(p, "change")), "Use the claim checklist");
    assert_string_equal(json_string_value(json_object_get(p, "how_we_know")), "");
    json_t *m1 = json_array_get(json_object_get(json_array_get(json_object_get(j, "mastery"), 0), "targets"), 0);
    assert_int_equal(json_integer_value(json_object_get(m1, "student_rating")), 2);
    assert_int_equal(json_integer_value(json_object_get(m1, "teacher_rating")), 3); /* rated above */
    json_decref(j);
}

static void a_coping_goals_strategy_answer_and_goals_the_student_cannot_see(void **state)
{
    (void)state;
    const char *path = demo("coping.db");
    sqlite3 *db = kiosk_db(path);
    char err[200];
    long long marcus = student(db, "H1002");
    long long goal = id_of(db,
                           "SELECT m.id FROM milestones m JOIN students s ON s.id = m.student_id WHERE s.sis_id = ?1"
                           " AND m.template_key = 'hr10-coping'",
                           "H1002");
    sp_self_check sc = {.student_id = marcus, .milestone_id = goal, .scale = SP_SCALE_SCALE4, .rating = 3,
                        .used_strategy = 1, .obstacle = "I felt stressed", .next_step = "I choose: walk and breathe",
                        .created_at = "2026-03-02T11:00:00Z"};
    assert_int_equal(sp_self_check_save(db, &sc, NULL, err, sizeof err), SQLITE_OK);
    sp_db_close(db);
    ts_run_result r = RUN(path, "report", "reflections", "--student", "H1002");
    char *line = line_with(r.out, "I felt stressed");
    assert_has(line, "2026-03-02  1-4    3 Got it ");
    assert_has(line, " yes ");
    free(line);
    assert_has(r.out, "I choose: walk and breathe");
    assert_has(r.out, "No current unit in the student's classes.");
    ts_run_free(&r);

    /* Moe's writing goal is for conferences only: not listed unless --all */
    r = RUN(path, "report", "reflections", "--student", "E8006");
    assert_has(r.out, "has no goals they can see at the kiosk (try --all)");
    assert_lacks(r.out, "I will write 3 paragraphs");
    ts_run_free(&r);
    r = RUN(path, "report", "reflections", "--student", "E8006", "--all");
    assert_has(r.out, "academic, active, conference");
    assert_has(r.out, "I will write 3 paragraphs");
    ts_run_free(&r);
}

static void the_mastery_report_counts_latest_ratings_and_flags_the_teaching_signal(void **state)
{
    (void)state;
    const char *path = demo("mastery.db");
    sqlite3 *db = kiosk_db(path);
    long long t4 = ela_target(db, "4"), t5 = ela_target(db, "5");
    const char *who[] = {"E8001", "E8002", "E8003", "E8004", "E8005", "E8006"};
    const int ratings[] = {1, 1, 2, 2, 3, 4};
    for (int i = 0; i < 6; i++)
        self_rate(db, who[i], t4, ratings[i], "2026-03-01T09:00:00Z");
    self_rate(db, "E8001", t5, 1, "2026-03-01T09:00:00Z"); /* only two students rated target 5 */
    self_rate(db, "E8002", t5, 2, "2026-03-01T09:00:00Z");
    sp_db_close(db);

    /* teacher ratings: one by one and as a grid from a spreadsheet */
    char t4s[32], t5s[32], grid[200];
    snprintf(t4s, sizeof t4s, "%lld", t4);
    snprintf(t5s, sizeof t5s, "%lld", t5);
    ts_run_result r = RUN(path, "mastery", "rate", "--student", "E8001", "--target", t4s, "--rating", "1");
    ts_run_free(&r);
    snprintf(grid, sizeof grid, "sis_id,#%lld,#%lld\r\nE8001,2,\r\nE8002,3,1\r\nE8003,3,\r\n", t4, t5);
    const char *csv = ts_write_file("grid.csv", grid, strlen(grid));
    db = kiosk_db(path);
    char unit[32];
    snprintf(unit, sizeof unit, "%lld", id_of(db, "SELECT unit_id FROM learning_targets WHERE id = CAST(?1 AS INTEGER)", t4s));
    sp_db_close(db);
    r = RUN(path, "mastery", "import", "--unit", unit, csv, "--staff", "T-RIVERA");
    ts_run_free(&r);

    r = RUN(path, "report", "mastery", "--class", "ELA8-2");
    assert_has(r.out, "Mastery: 8th grade ELA, period 2 (ELA8-2) \xE2\x80\x94 Unit 3: Argument writing");
    assert_has(r.out, "(current unit)");
    assert_has(r.out, "10 students enrolled.");
    char *b4 = target_block(r.out, "4. I can answer a counterclaim with respect.");
    assert_has(b4, "Students:  1: 2   2: 2   3: 1   4: 1   not rated: 4");
    /* E8001's later grid rating (2) replaces the one-by-one 1 */
    assert_has(b4, "Teacher:   1: 0   2: 1   3: 2   4: 0   not rated: 7");
    assert_has(b4, "Teaching signal: 4 of 6 students rate themselves 1 or 2 on this target (teacher: 1 of 3 rated 1 or 2)");
    free(b4);
    char *b5 = target_block(r.out, "5. I can use transitions");
    assert_has(b5, "Students:  1: 1   2: 1   3: 0   4: 0   not rated: 8");
    assert_has(b5, "Teacher:   1: 1   2: 0");
    assert_lacks(b5, "Teaching signal"); /* two ratings are too few to call it */
    free(b5);
    ts_run_free(&r);

    /* Students think again: the latest rating counts. Exactly half low still flags; fewer does not. */
    db = kiosk_db(path);
    self_rate(db, "E8001", t4, 3, "2026-03-02T09:00:00Z");
    sp_db_close(db);
    r = RUN(path, "report", "mastery", "--class", "ELA8-2");
    b4 = target_block(r.out, "4. I can answer");
    assert_has(b4, "Students:  1: 1   2: 2   3: 2   4: 1   not rated: 4");
    assert_has(b4, "Teaching signal: 3 of 6 students rate themselves 1 or 2 on this target");
    free(b4);
    ts_run_free(&r);
    db = kiosk_db(path);
    self_rate(db, "E8002", t4, 4, "2026-03-02T09:05:00Z");
    sp_db_close(db);

    json_t *j = json_of(path, (const char *const[]){"--json", "report", "mastery", "--class", "ELA8-2", NULL});
    assert_string_equal(json_string_value(json_object_get(j, "class")), "ELA8-2");
    assert_int_equal(json_integer_value(json_object_get(j, "students")), 10);
    assert_true(json_is_true(json_object_get(json_object_get(j, "unit"), "current")));
    json_t *targets = json_object_get(j, "targets");
    assert_int_equal(json_array_size(targets), 5);
    json_t *j4 = json_array_get(targets, 3);
    assert_int_equal(json_integer_value(json_object_get(j4, "position")), 4);
    json_t *s = json_object_get(j4, "students");
    assert_int_equal(json_integer_value(json_object_get(s, "1")), 0);
    assert_int_equal(json_integer_value(json_object_get(s, "2")), 2);
    assert_int_equal(json_integer_value(json_object_get(s, "3")), 2);
    assert_int_equal(json_integer_value(json_object_get(s, "4")), 2);
    assert_int_equal(json_integer_value(json_object_get(s, "not_rated")), 4);
    assert_false(json_is_true(json_object_get(j4, "teaching_signal"))); /* 2 of 6 now */
    assert_true(json_is_null(json_object_get(j4, "signal_text")));
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j4, "teacher"), "3")), 2);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "signal_rule"), "min_rated")), 3);
    json_decref(j);

    /* An earlier unit by id: the narrative unit has targets but nobody rated them */
    r = RUN(path, "report", "mastery", "--class", "ELA8-2", "--unit", "1");
    assert_has(r.out, "Unit 2: Narrative writing");
    assert_lacks(r.out, "(current unit)");
    assert_has(r.out, "not rated: 10");
    assert_has(r.out, "0 of 3 targets show the teaching signal");
    ts_run_free(&r);
}

static void a_unit_without_targets_and_bad_input_are_answered_plainly(void **state)
{
    (void)state;
    const char *path = demo("bad.db");
    struct {
        const char *args[8];
        const char *message;
    } const cases[] = {
        {{"report", "reflections", "--student", "NOBODY"}, "no student with SIS id 'NOBODY'"},
        {{"report", "reflections"}, "--student is required"},
        {{"report", "reflections", "--student", "E8001", "--goal", "1"}, "--goal: milestone 1 is not one of E8001's goals"},
        {{"report", "mastery", "--class", "NOPE"}, "no class with code 'NOPE'"},
        {{"report", "mastery"}, "--class is required"},
        {{"report", "mastery", "--class", "ELA8-2", "--unit", "3"}, "--unit: unit 3 belongs to class MATH7-1, not ELA8-2"},
        {{"report", "mastery", "--class", "ELA8-2", "--unit", "99"}, "--unit: no unit with id 99"},
        {{"report", "mastery", "--class", "ELA8-2", "--unit", "two"}, "--unit: expected a unit id"},
        {{"report", "mastery", "--class", "SS6-1"}, "class SS6-1 has no current unit"},
        {{"report", "mastery", "--class", "ELA8-2", "--colour"}, "--colour"},
        {{"report", "summary"}, "summary"},
    };
    uint64_t before = ts_file_hash(path);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ts_run_result r = ts_admin_argv(path, cases[i].args);
        if (r.exit_code != 2 || !strstr(r.err, cases[i].message))
            fail_msg("%s %s %s: expected exit 2 and '%s', got %d: %s", cases[i].args[0], cases[i].args[1],
                     cases[i].args[2] ? cases[i].args[2] : "", cases[i].message, r.exit_code, r.err);
        assert_string_equal(r.out, "");
        ts_run_free(&r);
    }
    assert_true(ts_file_hash(path) == before);

    /* every level has help with examples */
    ts_run_result r = RUN(path, "report", "--help");
    assert_has(r.out, "reflections");
    assert_has(r.out, "mastery");
    ts_run_free(&r);
    r = RUN(path, "report", "mastery", "--help");
    assert_has(r.out, "Examples:");
    assert_has(r.out, "at least half");
    ts_run_free(&r);
    r = RUN(path, "report", "reflections", "--help");
    assert_has(r.out, "Examples:");
    ts_run_free(&r);

    /* a new unit with no targets yet */
    r = RUN(path, "unit", "add", "--class", "SS6-1", "--title", "Ancient Rome", "--current");
    ts_run_free(&r);
    r = RUN(path, "report", "mastery", "--class", "SS6-1");
    assert_has(r.out, "Ancient Rome (current unit)");
    assert_has(r.out, "This unit has no learning targets yet");
    ts_run_free(&r);
    json_t *j = json_of(path, (const char *const[]){"--json", "report", "mastery", "--class", "SS6-1", NULL});
    assert_int_equal(json_array_size(json_object_get(j, "targets")), 0);
    json_decref(j);
}

static int cleanup(void **state)
{
    (void)state;
    ts_cleanup();
    return 0;
}

int main(void)
{
    setenv("SIGNPOST_NOW", "2026-03-02", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_students_self_checks_and_plans_show_beside_the_teachers_data),
        cmocka_unit_test(a_coping_goals_strategy_answer_and_goals_the_student_cannot_see),
        cmocka_unit_test(the_mastery_report_counts_latest_ratings_and_flags_the_teaching_signal),
        cmocka_unit_test(a_unit_without_targets_and_bad_input_are_answered_plainly),
    };
    return cmocka_run_group_tests(tests, NULL, cleanup);
}
