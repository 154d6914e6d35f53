/* test_conference.c — what a family sees in a student-led conference: shared goals only (never a
 * staff-only milestone), the at-home text, the student's own self-checks and plan, mastery
 * ratings beside the teacher's (never averaged), celebrations, and who to talk to. */
#include "test_support.h"
#include "conference.h"
#include "dates.h"
#include "db.h"
#include "demo_school.h"

#include <stdio.h>
#include <string.h>

static sqlite3 *demo_db(int today)
{
    char err[256];
    sqlite3 *db = sp_db_open(ts_path("conference.db"), SP_OPEN_CREATE, err, sizeof err);
    if (!db)
        fail_msg("%s", err);
    if (sp_demo_build(db, today, NULL, err, sizeof err) != SQLITE_OK)
        fail_msg("%s", err);
    return db;
}

static long long student_id(sqlite3 *db, const char *sis)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT id FROM students WHERE sis_id = '%s'", sis);
    return ts_query_int(db, sql);
}

static void load(sqlite3 *db, const char *sis, int today, sp_conference *c)
{
    char err[256];
    sp_goal_reader *r = sp_goal_reader_new(db, err, sizeof err);
    assert_non_null(r);
    assert_int_equal(sp_conference_load(r, db, student_id(db, sis), NULL, today, c), SQLITE_OK);
    sp_goal_reader_free(r);
}

static void mayas_conference_shows_her_goals_with_what_her_family_can_do_at_home(void **state)
{
    (void)state;
    int today = sp_day_from_ymd(2026, 3, 2);
    sqlite3 *db = demo_db(today);
    sp_conference c;
    load(db, "E8001", today, &c);
    assert_string_equal(c.name, "Maya");
    assert_string_equal(c.full_name, "Maya López");
    assert_int_equal(c.ngoals, 2); /* claim and evidence, and discussion */
    const sp_conf_goal *ela = NULL;
    for (size_t i = 0; i < c.ngoals; i++)
        if (strstr(c.goals[i].view.student_text, "claim"))
            ela = &c.goals[i];
    assert_non_null(ela);
    assert_string_equal(ela->at_home,
                        "Ask me what my claim is in something I am writing, and which 2 facts back it up.");
    /* her own self-checks, oldest first, and the plan she made with "Set my next step" */
    assert_true(ela->nchecks >= 2);
    for (size_t i = 1; i < ela->nchecks; i++)
        assert_true(ela->checks[i - 1].day <= ela->checks[i].day);
    assert_true(ela->checks[0].scale4);
    assert_true(ela->plan.present);
    assert_string_equal(ela->plan.change, "Check my paragraph for 2 facts before I hand it in");
    /* who to talk to */
    assert_string_equal(c.teacher, "Ms. Rivera");
    assert_string_equal(c.teacher_email, "ana.rivera@example.org");
    assert_string_equal(c.school_name, "Riverside Community School");
    assert_non_null(strstr(c.school_contact, "(555) 010-2400"));
    sp_conference_clear(&c);
    assert_int_equal(c.ngoals, 0);
    assert_null(c.goals);
    sqlite3_close(db);
    ts_cleanup();
}

static void a_conference_only_goal_shows_in_conference_mode_and_a_staff_only_goal_never_does(void **state)
{
    (void)state;
    int today = sp_day_from_ymd(2026, 3, 2);
    sqlite3 *db = demo_db(today);
    sp_conference c;
    /* Moe's only goal is conference-visible: the kiosk hides it, the conference shows it */
    load(db, "E8006", today, &c);
    assert_int_equal(c.ngoals, 1);
    assert_string_equal(c.goals[0].view.visibility, "conference");
    sp_conference_clear(&c);
    /* Hamza's only goal is for staff: his family sees no goal at all */
    load(db, "S6006", today, &c);
    assert_int_equal(c.ngoals, 0);
    for (size_t i = 0; i < c.nwins; i++) /* nor a celebration of that goal */
        assert_string_equal(c.wins[i].kind, "shout-out");
    sp_conference_clear(&c);
    sqlite3_close(db);
    ts_cleanup();
}

static void mastery_ratings_stand_beside_the_teachers_over_time_never_averaged(void **state)
{
    (void)state;
    int today = sp_day_from_ymd(2026, 3, 2);
    sqlite3 *db = demo_db(today);
    long long maya = student_id(db, "E8001");
    long long target = ts_query_int(db, "SELECT t.id FROM learning_targets t JOIN units u ON u.id = t.unit_id"
                                        " JOIN classes k ON k.id = u.class_id WHERE k.code = 'ELA8-2'"
                                        " AND u.is_current = 1 ORDER BY t.position LIMIT 1");
    char sql[512];
    snprintf(sql, sizeof sql,
             "DELETE FROM mastery_ratings WHERE student_id = %lld AND target_id = %lld;"
             "INSERT INTO mastery_ratings(target_id, student_id, rater, rating, rated_at) VALUES"
             " (%lld, %lld, 'student', 1, '2026-02-02T10:00:00Z'), (%lld, %lld, 'student', 3, '2026-02-20T10:00:00Z'),"
             " (%lld, %lld, 'teacher', 2, '2026-02-21T10:00:00Z')",
             maya, target, target, maya, target, maya, target, maya);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sp_conference c;
    load(db, "E8001", today, &c);
    assert_true(c.ntargets >= 1);
    assert_true(strlen(c.unit_title) > 0);
    const sp_conf_target *t = &c.targets[0];
    assert_int_equal(t->nmine, 2);
    assert_int_equal(t->mine[0].rating, 1);
    assert_int_equal(t->mine[1].rating, 3);
    assert_int_equal(t->nteacher, 1);
    assert_int_equal(t->teacher[0].rating, 2);
    assert_int_equal(t->mine[1].day, sp_day_from_ymd(2026, 2, 20));
    sp_conference_clear(&c);
    sqlite3_close(db);
    ts_cleanup();
}

static void an_unknown_or_archived_student_has_no_conference(void **state)
{
    (void)state;
    int today = sp_day_from_ymd(2026, 3, 2);
    sqlite3 *db = demo_db(today);
    char err[256];
    sp_goal_reader *r = sp_goal_reader_new(db, err, sizeof err);
    sp_conference c;
    assert_int_equal(sp_conference_load(r, db, 999999, NULL, today, &c), SQLITE_NOTFOUND);
    assert_int_equal(sqlite3_exec(db, "UPDATE students SET archived = 1 WHERE sis_id = 'E8001'", NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(sp_conference_load(r, db, student_id(db, "E8001"), NULL, today, &c), SQLITE_NOTFOUND);
    assert_int_equal(c.ngoals, 0);
    sp_goal_reader_free(r);
    sqlite3_close(db);
    ts_cleanup();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(mayas_conference_shows_her_goals_with_what_her_family_can_do_at_home),
        cmocka_unit_test(a_conference_only_goal_shows_in_conference_mode_and_a_staff_only_goal_never_does),
        cmocka_unit_test(mastery_ratings_stand_beside_the_teachers_over_time_never_averaged),
        cmocka_unit_test(an_unknown_or_archived_student_has_no_conference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
