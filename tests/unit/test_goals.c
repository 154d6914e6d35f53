/* test_goals.c — the goal read model: which milestones a student sees where, points in order,
 * the milestone row mapped into the rule inputs, and the light evaluated on the stored data. */
#include "test_support.h"
#include "dates.h"
#include "db.h"
#include "goals.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    sqlite3 *db;
    sp_goal_reader *reader;
} fixture;

static void exec(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg ? msg : "?");
}

/* Rows go in through bound parameters, as the programs write them. */
static long long add_milestone(sqlite3 *db, long long student, const char *category, const char *visibility,
                               const char *status, const char *text)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "INSERT INTO milestones (student_id, statement, student_text, category,"
                                        " visibility, status, baseline, target, start_date, due_date, created_at,"
                                        " updated_at) VALUES (?1, 'Teacher wording', ?2, ?3, ?4, ?5, 52, 65,"
                                        " '2026-01-12', '2026-02-23', '2026-01-12T08:00:00Z', '2026-01-12T08:00:00Z')",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_int64(st, 1, student);
    sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, category, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, visibility, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, status, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        fail_msg("adding a milestone: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return sqlite3_last_insert_rowid(db);
}

static void add_point(sqlite3 *db, long long milestone, const char *date, double value)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "INSERT INTO measurements (milestone_id, taken_on, value, created_at)"
                                        " VALUES (?1, ?2, ?3, '2026-01-12T08:00:00Z')",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_int64(st, 1, milestone);
    sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 3, value);
    if (sqlite3_step(st) != SQLITE_DONE)
        fail_msg("adding a point: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
}

static int day(const char *s)
{
    int d = 0;
    assert_true(sp_date_parse(s, &d));
    return d;
}

static int setup(void **state)
{
    static int counter;
    static fixture f;
    char name[64], err[256];
    snprintf(name, sizeof name, "goals-%d.db", counter++);
    f.db = sp_db_open(ts_path(name), SP_OPEN_CREATE, err, sizeof err);
    if (!f.db)
        fail_msg("%s", err);
    exec(f.db, "INSERT INTO students (id, sis_id, given_name, grade, created_at) VALUES"
               " (1, 'S1', 'Maya', 8, '2026-01-01T00:00:00Z'), (2, 'S2', 'Omar', 6, '2026-01-01T00:00:00Z')");
    f.reader = sp_goal_reader_new(f.db, err, sizeof err);
    if (!f.reader)
        fail_msg("%s", err);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    sp_goal_reader_free(f->reader);
    sp_db_close(f->db);
    return 0;
}

static void the_kiosk_shows_only_kiosk_goals_and_never_retired_or_revised_ones(void **state)
{
    fixture *f = *state;
    long long behavior = add_milestone(f->db, 1, "behavior", "kiosk", "active", "I will stay on task");
    long long ela = add_milestone(f->db, 1, "academic", "kiosk", "active", "I will write 3 paragraphs");
    long long sel = add_milestone(f->db, 1, "social-emotional", "conference", "active", "I will use a strategy");
    long long staff = add_milestone(f->db, 1, "academic", "staff", "active", "Attendance 95%");
    add_milestone(f->db, 1, "academic", "kiosk", "retired", "Old retired goal");
    add_milestone(f->db, 1, "academic", "kiosk", "revised", "Old revised goal");
    long long baselining = add_milestone(f->db, 1, "future-readiness", "kiosk", "baselining", "I will finish FAFSA");
    add_milestone(f->db, 2, "academic", "kiosk", "active", "Someone else's goal");

    sp_goal_view *v = NULL;
    size_t n = 0;
    int today = day("2026-02-01");
    assert_int_equal(sp_goals_for_student(f->reader, 1, SP_VIS_KIOSK, today, &v, &n), SQLITE_OK);
    assert_int_equal(n, 3);
    /* ordered by category, then id */
    assert_int_equal(v[0].id, ela);
    assert_string_equal(v[0].category, "academic");
    assert_string_equal(v[0].student_text, "I will write 3 paragraphs");
    assert_int_equal(v[1].id, behavior);
    assert_int_equal(v[2].id, baselining);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(v[i].visibility, "kiosk");
        assert_int_equal(v[i].student_id, 1);
    }
    sp_goal_views_free(v, n);

    assert_int_equal(sp_goals_for_student(f->reader, 1, SP_VIS_KIOSK | SP_VIS_CONFERENCE, today, &v, &n), SQLITE_OK);
    assert_int_equal(n, 4);
    assert_int_equal(v[3].id, sel);
    sp_goal_views_free(v, n);

    assert_int_equal(sp_goals_for_student(f->reader, 1, SP_VIS_ALL, today, &v, &n), SQLITE_OK);
    assert_int_equal(n, 5);
    assert_int_equal(v[1].id, staff); /* academic, after the ELA goal */
    for (size_t i = 0; i < n; i++) {
        assert_string_not_equal(v[i].status, "retired");
        assert_string_not_equal(v[i].status, "revised");
    }
    sp_goal_views_free(v, n);

    /* the conference mask alone leaves out kiosk goals */
    assert_int_equal(sp_goals_for_student(f->reader, 1, SP_VIS_CONFERENCE, today, &v, &n), SQLITE_OK);
    assert_int_equal(n, 1);
    sp_goal_views_free(v, n);

    /* a student with no goals gets an empty list, not an error */
    assert_int_equal(sp_goals_for_student(f->reader, 99, SP_VIS_ALL, today, &v, &n), SQLITE_OK);
    assert_int_equal(n, 0);
    sp_goal_views_free(v, n);
}

static void points_come_back_oldest_first_and_four_misses_make_the_light_red(void **state)
{
    fixture *f = *state;
    long long math = add_milestone(f->db, 1, "academic", "kiosk", "active", "I will score 65% on the unit quiz");
    /* entered out of order; aim: 56.3 on Jan 26, 58.5 on Feb 2, 60.7 on Feb 9, 62.8 on Feb 16 */
    add_point(f->db, math, "2026-02-09", 55);
    add_point(f->db, math, "2026-01-26", 53);
    add_point(f->db, math, "2026-02-16", 56);
    add_point(f->db, math, "2026-02-02", 54);
    assert_int_equal(math, 1);
    exec(f->db, "INSERT INTO support_changes (milestone_id, changed_on, note) VALUES"
                " (1, '2026-02-03', 'Added small-group session'), (1, '2026-01-20', 'Sentence stems')");

    sp_goal_view *v = NULL;
    size_t n = 0;
    int today = day("2026-02-17");
    assert_int_equal(sp_goals_for_student(f->reader, 1, SP_VIS_KIOSK, today, &v, &n), SQLITE_OK);
    assert_int_equal(n, 1);
    assert_int_equal(v[0].npoints, 4);
    assert_int_equal(v[0].points[0].day, day("2026-01-26"));
    assert_int_equal(v[0].points[1].day, day("2026-02-02"));
    assert_int_equal(v[0].points[2].day, day("2026-02-09"));
    assert_int_equal(v[0].points[3].day, day("2026-02-16"));
    assert_float_equal(v[0].points[3].value, 56, 1e-9);
    assert_int_equal(v[0].nsupport, 2);
    assert_int_equal(v[0].support_marks[0].day, day("2026-01-20"));
    assert_string_equal(v[0].support_marks[1].note, "Added small-group session");

    assert_int_equal(v[0].progress.light, SP_LIGHT_RED);
    assert_int_equal(v[0].progress.reason, SP_REASON_FOUR_BELOW_AIM);
    assert_float_equal(v[0].progress.current, 56, 1e-9);
    sp_progress direct = sp_progress_evaluate(&v[0].goal, v[0].points, v[0].npoints, today);
    assert_int_equal(direct.light, v[0].progress.light);
    assert_int_equal(direct.misses_in_a_row, v[0].progress.misses_in_a_row);
    sp_goal_views_free(v, n);

    /* a quiz on the aim line the next week turns it green */
    add_point(f->db, math, "2026-02-20", 64.5); /* aim that day: 64.1 */
    assert_int_equal(sp_goals_for_student(f->reader, 1, SP_VIS_KIOSK, day("2026-02-21"), &v, &n), SQLITE_OK);
    assert_int_equal(v[0].progress.light, SP_LIGHT_GREEN);
    sp_goal_views_free(v, n);
}

static void only_the_newest_points_are_kept_for_a_long_history(void **state)
{
    fixture *f = *state;
    long long m = add_milestone(f->db, 1, "behavior", "kiosk", "active", "I will stay on task");
    int first = day("2025-01-01");
    exec(f->db, "BEGIN");
    for (int i = 0; i < SP_GOAL_MAX_POINTS + 50; i++) {
        char date[11];
        sp_date_format(first + i, date);
        add_point(f->db, m, date, i);
    }
    exec(f->db, "COMMIT");
    sp_goal_view *v = NULL;
    size_t n = 0;
    assert_int_equal(sp_goals_for_student(f->reader, 1, SP_VIS_KIOSK, day("2026-02-01"), &v, &n), SQLITE_OK);
    assert_int_equal(v[0].npoints, SP_GOAL_MAX_POINTS);
    assert_int_equal(v[0].points[0].day, first + 50);
    assert_int_equal(v[0].points[SP_GOAL_MAX_POINTS - 1].day, first + SP_GOAL_MAX_POINTS + 49);
    for (size_t i = 1; i < v[0].npoints; i++)
        assert_true(v[0].points[i].day > v[0].points[i - 1].day);
    sp_goal_views_free(v, n);
}

static void one_milestone_loads_by_id_with_every_rule_input(void **state)
{
    fixture *f = *state;
    exec(f->db, "INSERT INTO milestones (id, student_id, statement, student_text, category, horizon, visibility,"
                " unit_label, scale_min, scale_max, baseline, baseline_note, target, direction, target_k, target_m,"
                " start_date, due_date, method, data_source, support, review_cadence_days, standard_code,"
                " last_reviewed_on, created_at, updated_at) VALUES"
                " (40, 2, 'Student will reduce off-task prompts to 2 or fewer a day.', 'I will stay on task',"
                " 'behavior', 'short', 'staff', 'prompts a day', 0, 10, 7, '6-8 prompts a day', 2, 'lower', 3, 4,"
                " '2026-01-12', '2026-02-09', '10-minute interval checks', 'teacher tally',"
                " 'Visual checklist, seating, reset', 14, 'SEL.6.2', '2026-01-20',"
                " '2026-01-12T08:00:00Z', '2026-01-12T08:00:00Z')");
    add_point(f->db, 40, "2026-01-13", 6);
    add_point(f->db, 40, "2026-01-20", 2);
    add_point(f->db, 40, "2026-01-27", 1);
    add_point(f->db, 40, "2026-02-03", 2);

    sp_goal_view v;
    int today = day("2026-02-04");
    assert_int_equal(sp_goal_load(f->reader, 40, today, &v), SQLITE_OK);
    assert_int_equal(v.id, 40);
    assert_int_equal(v.student_id, 2);
    assert_int_equal(v.parent_id, 0);
    assert_string_equal(v.horizon, "short");
    assert_string_equal(v.visibility, "staff");
    assert_string_equal(v.status, "active");
    assert_string_equal(v.unit_label, "prompts a day");
    assert_string_equal(v.method, "10-minute interval checks");
    assert_string_equal(v.data_source, "teacher tally");
    assert_string_equal(v.support, "Visual checklist, seating, reset");
    assert_string_equal(v.baseline_note, "6-8 prompts a day");
    assert_string_equal(v.standard_code, "SEL.6.2");
    assert_true(v.has_scale);
    assert_float_equal(v.scale_max, 10, 1e-9);
    assert_true(v.goal.has_baseline);
    assert_float_equal(v.goal.baseline, 7, 1e-9);
    assert_float_equal(v.goal.target, 2, 1e-9);
    assert_int_equal(v.goal.direction, SP_LOWER_IS_BETTER);
    assert_int_equal(v.goal.target_k, 3);
    assert_int_equal(v.goal.target_m, 4);
    assert_int_equal(v.goal.start_day, day("2026-01-12"));
    assert_int_equal(v.goal.due_day, day("2026-02-09"));
    assert_int_equal(v.goal.cadence_days, 14);
    assert_int_equal(v.last_reviewed_day, day("2026-01-20"));
    /* 3 of the last 4 days at 2 prompts or fewer: met */
    assert_true(v.progress.met);
    assert_int_equal(v.progress.reason, SP_REASON_MET);
    /* reviewed Jan 20 with a two-week cadence: due from Feb 3 */
    assert_true(v.due_for_review);
    sp_goal_view_clear(&v);
    assert_null(v.statement);

    assert_int_equal(sp_goal_load(f->reader, 41, today, &v), SQLITE_NOTFOUND);
    assert_null(v.points);
}

static void a_milestone_without_a_baseline_is_baselining_until_three_checks(void **state)
{
    fixture *f = *state;
    exec(f->db, "INSERT INTO milestones (id, student_id, statement, student_text, category, target, direction,"
                " start_date, due_date, created_at, updated_at, status) VALUES (7, 1, 'Participate', "
                "'I will join the discussion 3 times a week', 'behavior', 3, 'higher', '2026-01-12', '2026-03-16',"
                " '2026-01-12T08:00:00Z', '2026-01-12T08:00:00Z', 'baselining')");
    add_point(f->db, 7, "2026-01-16", 1);
    add_point(f->db, 7, "2026-01-23", 0);
    sp_goal_view v;
    assert_int_equal(sp_goal_load(f->reader, 7, day("2026-01-24"), &v), SQLITE_OK);
    assert_false(v.goal.has_baseline);
    assert_true(v.progress.baselining);
    assert_int_equal(v.progress.light, SP_LIGHT_NONE);
    assert_int_equal(v.last_reviewed_day, -1);
    assert_int_equal(v.goal.cadence_days, 7); /* the column's default */
    sp_goal_view_clear(&v);

    add_point(f->db, 7, "2026-01-26", 2);
    assert_int_equal(sp_goal_load(f->reader, 7, day("2026-01-27"), &v), SQLITE_OK);
    assert_false(v.progress.baselining);
    assert_float_equal(v.progress.baseline, 1, 1e-9);
    sp_goal_view_clear(&v);
}

static void the_reader_works_inside_the_callers_transaction(void **state)
{
    fixture *f = *state;
    add_milestone(f->db, 1, "academic", "kiosk", "active", "I will write 3 paragraphs");
    exec(f->db, "BEGIN IMMEDIATE");
    long long m = add_milestone(f->db, 1, "academic", "kiosk", "active", "Not committed yet");
    sp_goal_view *v = NULL;
    size_t n = 0;
    assert_int_equal(sp_goals_for_student(f->reader, 1, SP_VIS_KIOSK, day("2026-02-01"), &v, &n), SQLITE_OK);
    assert_int_equal(n, 2);
    assert_int_equal(v[1].id, m);
    sp_goal_views_free(v, n);
    assert_false(sqlite3_get_autocommit(f->db)); /* the caller's transaction is still open */
    exec(f->db, "ROLLBACK");
}

static void a_database_without_the_schema_cannot_make_a_reader(void **state)
{
    (void)state;
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    char err[256] = "";
    assert_null(sp_goal_reader_new(db, err, sizeof err));
    assert_non_null(strstr(err, "milestones"));
    sqlite3_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_kiosk_shows_only_kiosk_goals_and_never_retired_or_revised_ones, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(points_come_back_oldest_first_and_four_misses_make_the_light_red, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(only_the_newest_points_are_kept_for_a_long_history, setup, teardown),
        cmocka_unit_test_setup_teardown(one_milestone_loads_by_id_with_every_rule_input, setup, teardown),
        cmocka_unit_test_setup_teardown(a_milestone_without_a_baseline_is_baselining_until_three_checks, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(the_reader_works_inside_the_callers_transaction, setup, teardown),
        cmocka_unit_test(a_database_without_the_schema_cannot_make_a_reader),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
