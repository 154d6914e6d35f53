/* test_demo.c — the demo school: built on a fixed date, it has about sixty students whose names
 * from many scripts are stored intact, and its milestones show the worked examples' intended
 * traffic lights under the real progress rules. */
#include "test_support.h"
#include "dates.h"
#include "db.h"
#include "demo_school.h"
#include "goals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEMO_DAY "2025-03-14"

static int demo_today(void)
{
    setenv("SIGNPOST_NOW", DEMO_DAY, 1);
    return sp_today();
}

static sqlite3 *built_demo(const char *name, sp_demo_summary *sum)
{
    char err[512];
    sqlite3 *db = sp_db_open(ts_path(name), SP_OPEN_CREATE, err, sizeof err);
    if (!db)
        fail_msg("cannot open %s: %s", name, err);
    assert_int_equal(sp_demo_build(db, demo_today(), sum, err, sizeof err), SQLITE_OK);
    return db;
}

/* Evaluates one student's milestone of a template, seen by staff. */
static sp_progress progress_of(sqlite3 *db, const char *sis, const char *template_key, sp_goal_view *out)
{
    char err[256];
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT m.id FROM milestones m JOIN students s ON s.id = m.student_id "
                                        "WHERE s.sis_id = ?1 AND m.template_key = ?2",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, sis, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, template_key, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long long id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sp_goal_reader *r = sp_goal_reader_new(db, err, sizeof err);
    assert_non_null(r);
    memset(out, 0, sizeof *out);
    assert_int_equal(sp_goal_load(r, id, demo_today(), out), SQLITE_OK);
    sp_goal_reader_free(r);
    return out->progress;
}

static const char *text_of(sqlite3 *db, const char *sql, const char *key, char *buf, size_t len)
{
    sqlite3_stmt *st = NULL;
    buf[0] = 0;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        snprintf(buf, len, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return buf;
}

static void the_demo_school_has_about_sixty_students_with_their_names_intact(void **state)
{
    (void)state;
    sp_demo_summary sum;
    sqlite3 *db = built_demo("names.db", &sum);
    long long students = ts_query_int(db, "SELECT count(*) FROM students");
    assert_true(students >= 55 && students <= 70);
    assert_int_equal(students, sum.students);
    assert_true(ts_query_int(db, "SELECT count(*) FROM classes") >= 5);
    assert_true(ts_query_int(db, "SELECT count(*) FROM staff WHERE role = 'teacher'") >= 5);
    /* Young students (K-2) in a read-aloud class. */
    assert_true(ts_query_int(db, "SELECT count(*) FROM students WHERE grade <= 2 AND read_aloud = 1") >= 3);
    assert_true(ts_query_int(db, "SELECT count(DISTINCT grade) FROM students") >= 8);
    assert_true(ts_query_int(db, "SELECT count(DISTINCT home_language) FROM students") >= 15);
    assert_true(ts_query_int(db, "SELECT count(*) FROM students WHERE preferred_name <> ''") >= 10);

    char buf[256];
    const char *by_sis = "SELECT given_name || '|' || family_name || '|' || preferred_name FROM students WHERE sis_id = ?1";
    assert_string_equal(text_of(db, by_sis, "K0001", buf, sizeof buf), "Zoë|Martin|");
    assert_string_equal(text_of(db, by_sis, "E8002", buf, sizeof buf), "José|García|");
    assert_string_equal(text_of(db, by_sis, "S6003", buf, sizeof buf), "Björn|Lindqvist|");
    assert_string_equal(text_of(db, by_sis, "M7001", buf, sizeof buf), "Дмитрий|Иванов|Дима");
    assert_string_equal(text_of(db, by_sis, "E8003", buf, sizeof buf), "ليلى|حداد|Layla");
    assert_string_equal(text_of(db, by_sis, "K0004", buf, sizeof buf), "芳|王|芳芳");
    assert_string_equal(text_of(db, by_sis, "M7005", buf, sizeof buf), "Minh Khoa|Trần|Khoa");
    assert_string_equal(text_of(db, by_sis, "S6006", buf, sizeof buf), "Hamza|Warsame|");
    /* Stored as the exact UTF-8 bytes (Zoë with a precomposed ë). */
    assert_int_equal(ts_query_int(db, "SELECT length(CAST(given_name AS BLOB)) FROM students WHERE sis_id = 'K0001'"), 4);
    sp_db_close(db);
}

static void every_demo_milestone_shows_its_planned_light(void **state)
{
    (void)state;
    sp_demo_summary sum;
    sqlite3 *db = built_demo("lights.db", &sum);
    char report[8192];
    assert_int_equal(sp_demo_check(db, demo_today(), &sum, report, sizeof report), SQLITE_OK);
    if (sum.mismatches)
        fail_msg("%d demo milestones miss their plan:\n%s", sum.mismatches, report);
    size_t n;
    sp_demo_expectations(&n);
    assert_int_equal((size_t)sum.milestones, n);
    /* A deliberate mix. */
    assert_true(sum.lights[SP_LIGHT_GREEN] >= 10);
    assert_true(sum.lights[SP_LIGHT_YELLOW] >= 5);
    assert_true(sum.lights[SP_LIGHT_RED] >= 3);
    assert_true(sum.outcomes[SP_DEMO_MET] >= 3);
    assert_true(sum.outcomes[SP_DEMO_BASELINING] >= 2);
    assert_int_equal(sum.outcomes[SP_DEMO_RAISE], 1);
    assert_true(sum.outcomes[SP_DEMO_STALE] >= 1);
    sp_db_close(db);
}

static void the_worked_examples_come_out_as_intended(void **state)
{
    (void)state;
    sp_demo_summary sum;
    sqlite3 *db = built_demo("worked.db", &sum);
    sp_goal_view v;

    /* 8th grade ELA, claim + evidence: baseline 1.5 of 4, target 3 in 4 of 5, 6 weeks. */
    sp_progress p = progress_of(db, "E8001", "ela8-claim-evidence", &v);
    assert_true(v.goal.has_baseline);
    assert_true(v.goal.baseline == 1.5 && v.goal.target == 3);
    assert_int_equal(v.goal.target_k, 4);
    assert_int_equal(v.goal.target_m, 5);
    assert_int_equal(v.goal.due_day - v.goal.start_day, 42);
    assert_int_equal(p.light, SP_LIGHT_GREEN);
    sp_goal_view_clear(&v);
    p = progress_of(db, "E8004", "ela8-claim-evidence", &v);
    assert_int_equal(p.light, SP_LIGHT_RED);
    assert_true(p.misses_in_a_row >= 4);
    assert_true(v.nsupport >= 1); /* the support changed mid-way */
    sp_goal_view_clear(&v);
    p = progress_of(db, "E8005", "ela8-claim-evidence", &v);
    assert_true(p.met);
    sp_goal_view_clear(&v);
    p = progress_of(db, "E8007", "ela8-claim-evidence", &v);
    assert_true(p.baselining);
    assert_true(v.npoints >= 1 && v.npoints <= 2);
    sp_goal_view_clear(&v);
    p = progress_of(db, "E8008", "ela8-claim-evidence", &v);
    assert_int_equal(p.light, SP_LIGHT_YELLOW);
    assert_true(p.days_since_data > 14); /* stale: no data for two review periods */
    sp_goal_view_clear(&v);

    /* 6th grade off-task prompts: 7 -> 2 or fewer, lower is better, 4 weeks. */
    p = progress_of(db, "S6001", "ss6-off-task", &v);
    assert_int_equal(v.goal.direction, SP_LOWER_IS_BETTER);
    assert_int_equal(v.goal.due_day - v.goal.start_day, 28);
    assert_int_equal(p.light, SP_LIGHT_RED);
    sp_goal_view_clear(&v);
    p = progress_of(db, "S6002", "ss6-off-task", &v);
    assert_int_equal(p.light, SP_LIGHT_GREEN);
    sp_goal_view_clear(&v);
    p = progress_of(db, "S6004", "ss6-off-task", &v);
    assert_int_equal(p.light, SP_LIGHT_YELLOW);
    sp_goal_view_clear(&v);

    /* Math quiz 52% -> 65%: one met, one yellow. */
    p = progress_of(db, "M7001", "math7-unit-quiz", &v);
    assert_true(p.met);
    assert_true(p.current >= 65);
    sp_goal_view_clear(&v);
    p = progress_of(db, "M7003", "math7-unit-quiz", &v);
    assert_int_equal(p.light, SP_LIGHT_YELLOW);
    sp_goal_view_clear(&v);

    /* Engagement: raise the goal. */
    p = progress_of(db, "E8001", "engagement-discussion", &v);
    assert_true(p.raise_goal);
    assert_int_equal(p.light, SP_LIGHT_GREEN);
    sp_goal_view_clear(&v);

    /* 10th grade coping strategy: staff-only red, met, baselining. */
    p = progress_of(db, "H1004", "hr10-coping", &v);
    assert_int_equal(p.light, SP_LIGHT_RED);
    assert_string_equal(v.visibility, "staff");
    sp_goal_view_clear(&v);
    p = progress_of(db, "H1005", "hr10-coping", &v);
    assert_true(p.met);
    sp_goal_view_clear(&v);

    /* Attendance with its if/then rule; FAFSA steps. */
    p = progress_of(db, "A9009", "attendance-95", &v);
    assert_int_equal(p.light, SP_LIGHT_RED);
    sp_goal_view_clear(&v);
    assert_true(ts_query_int(db, "SELECT count(*) FROM if_then_rules WHERE if_text LIKE '%below 92%' "
                                 "AND then_text LIKE '%family meeting%'") >= 3);
    p = progress_of(db, "R1201", "fafsa-steps", &v);
    assert_true(p.met);
    sp_goal_view_clear(&v);
    p = progress_of(db, "A9005", "alg9-c-or-better", &v);
    assert_true(p.met);
    sp_goal_view_clear(&v);

    /* Celebrations waiting to be seen, a teacher shout-out, mastery set-up. */
    assert_true(ts_query_int(db, "SELECT count(*) FROM celebrations WHERE seen_at IS NULL") >= 5);
    assert_true(ts_query_int(db, "SELECT count(*) FROM celebrations WHERE kind = 'shout-out'") >= 1);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM learning_targets t JOIN units u ON u.id = t.unit_id "
                                      "JOIN classes c ON c.id = u.class_id WHERE c.code = 'ELA8-2' AND u.is_current = 1 "
                                      "AND t.statement LIKE 'I can %'"),
                     5);
    assert_true(ts_query_int(db, "SELECT count(*) FROM mastery_ratings WHERE rater = 'teacher'") >= 20);
    assert_true(ts_query_int(db, "SELECT count(DISTINCT visibility) FROM milestones") == 3);
    sp_db_close(db);
}

static void the_kiosk_sees_only_kiosk_milestones(void **state)
{
    (void)state;
    sp_demo_summary sum;
    char err[256];
    sqlite3 *db = built_demo("kiosk.db", &sum);
    sp_goal_reader *r = sp_goal_reader_new(db, err, sizeof err);
    assert_non_null(r);
    long long hamza = ts_query_int(db, "SELECT id FROM students WHERE sis_id = 'S6006'");
    sp_goal_view *v = NULL;
    size_t n = 0;
    assert_int_equal(sp_goals_for_student(r, hamza, SP_VIS_KIOSK, demo_today(), &v, &n), SQLITE_OK);
    assert_int_equal(n, 0); /* his only milestone is for staff */
    sp_goal_views_free(v, n);
    long long maya = ts_query_int(db, "SELECT id FROM students WHERE sis_id = 'E8001'");
    assert_int_equal(sp_goals_for_student(r, maya, SP_VIS_KIOSK, demo_today(), &v, &n), SQLITE_OK);
    assert_int_equal(n, 2);
    sp_goal_views_free(v, n);
    sp_goal_reader_free(r);
    sp_db_close(db);
}

static void the_same_date_gives_the_same_school(void **state)
{
    (void)state;
    sp_demo_summary s1, s2;
    sqlite3 *a = built_demo("same-a.db", &s1), *b = built_demo("same-b.db", &s2);
    const char *sql = "SELECT sum(value * 1000 + id) + count(*) FROM measurements";
    assert_int_equal(ts_query_int(a, sql), ts_query_int(b, sql));
    assert_int_equal(s1.measurements, s2.measurements);
    sp_db_close(a);
    sp_db_close(b);
}

static void the_demo_command_refuses_a_school_unless_forced(void **state)
{
    (void)state;
    demo_today();
    const char *db = ts_path("cli.db");
    ts_run_result r = ts_admin(db, "demo", NULL);
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "students"));
    assert_non_null(strstr(r.out, "red"));
    assert_null(strstr(r.err, "warning"));
    ts_run_free(&r);

    uint64_t before = ts_file_hash(db);
    r = ts_admin(db, "demo", NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "--force"));
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);

    r = ts_admin(db, "--json", "demo", "--force", NULL);
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "\"mismatches\": 0"));
    ts_run_free(&r);
    sqlite3 *h = ts_open(db);
    assert_int_equal(ts_query_int(h, "SELECT count(*) FROM students WHERE sis_id = 'E8001'"), 1);
    assert_true(ts_query_int(h, "SELECT count(*) FROM students") < 70);
    sqlite3_close(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_demo_school_has_about_sixty_students_with_their_names_intact),
        cmocka_unit_test(every_demo_milestone_shows_its_planned_light),
        cmocka_unit_test(the_worked_examples_come_out_as_intended),
        cmocka_unit_test(the_kiosk_sees_only_kiosk_milestones),
        cmocka_unit_test(the_same_date_gives_the_same_school),
        cmocka_unit_test(the_demo_command_refuses_a_school_unless_forced),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
