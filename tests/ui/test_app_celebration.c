/* test_app_celebration.c — celebration moments at the kiosk, in-process on the demo school:
 * Siobhán's shout-out and met goal each get their own moment, newest first, then My goals; each
 * is marked seen only when she moves on from it; the animation asks for frames only while the
 * burst lasts and then the kiosk sleeps; a tap settles it at once; at most three moments a visit;
 * walking away or another badge leaves a moment unseen; a withdrawn shout-out never shows; the
 * chime is asked for once per moment; a short-term step shows under its long-term goal on My
 * goals; My wins lists the wins with their dates. */
#include "kiosk_driver.h"

#include "dates.h"
#include "db.h"
#include "demo_school.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
        fail_msg("%s\n  in: %s", err, sql);
}

static void sql(const char *statement)
{
    sqlite3 *db = ts_open(kd.db_path);
    exec(db, statement);
    sqlite3_close(db);
}

static long long query_int(const char *q)
{
    sqlite3 *db = ts_open(kd.db_path);
    long long v = ts_query_int(db, q);
    sqlite3_close(db);
    return v;
}

static int setup(void **state)
{
    (void)state;
    static int n;
    char err[256], name[64];
    uint64_t start = ((uint64_t)sp_day_from_ymd(2026, 11, 23) * 86400 + 9 * 3600) * 1000;
    snprintf(name, sizeof name, "celebration-%d.db", n++);
    if (kd_begin(ts_path(name), "Room 210", start) != 0)
        return -1;
    unlink(kd.db_path);
    sqlite3 *db = sp_db_open(kd.db_path, SP_OPEN_CREATE, err, sizeof err);
    if (!db)
        fail_msg("%s", err);
    if (sp_demo_build(db, (int)(kd.now / 86400000), NULL, err, sizeof err) != SQLITE_OK)
        fail_msg("demo: %s", err);
    /* A badge for every student: D + the student id in 25 digits (all in the badge alphabet). */
    exec(db, "SELECT sp_badge_key_ready(); INSERT INTO badges (token, sealed, student_id, issued_at) SELECT"
             " sp_badge_hash(t), sp_badge_seal(t), id, '2026-01-05T08:00:00Z' FROM (SELECT id, 'D' ||"
             " substr('0000000000000000000000000' || id, -25) AS t FROM students WHERE archived = 0)");
    sp_db_close(db);
    kd_start_app(1280, 800);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    if (kd.dl)
        assert_false(kd.dl->overflow);
    kd_end();
    return 0;
}

static void scan(const char *sis)
{
    char q[128], token[32];
    snprintf(q, sizeof q, "SELECT id FROM students WHERE sis_id = '%s'", sis);
    snprintf(token, sizeof token, "D%025lld", query_int(q));
    kd_scan_token(token);
}

static long long unseen(const char *sis)
{
    char q[256];
    snprintf(q, sizeof q,
             "SELECT count(*) FROM celebrations c JOIN students s ON s.id = c.student_id WHERE s.sis_id = '%s'"
             " AND c.seen_at IS NULL AND c.withdrawn_at IS NULL",
             sis);
    return query_int(q);
}

static void siobhan_sees_her_shout_out_then_her_met_goal_each_on_its_own_moment(void **state)
{
    (void)state;
    assert_int_equal(unseen("E8005"), 2);
    scan("E8005");
    kd_wait_ms(1300);
    kd_expect_screen("celebration");
    kd_expect_text("A shout-out from Ms. Rivera!"); /* the newest first, with the teacher's name */
    kd_expect_text("1 of 2");
    assert_true(sp_app_take_chime(kd.app));
    assert_false(sp_app_take_chime(kd.app)); /* once per moment */
    assert_int_equal(unseen("E8005"), 2);      /* on screen is not yet seen */
    kd_tap_text("Next");
    kd_expect_screen("celebration");
    kd_expect_text("You met your goal!");
    kd_expect_text("2 of 2");
    assert_true(sp_app_take_chime(kd.app));
    assert_int_equal(unseen("E8005"), 1); /* the shout-out was seen */
    kd_tap_text("Next");
    kd_expect_screen("goals");
    assert_int_equal(unseen("E8005"), 0);
    /* the next visit goes straight to the goals */
    kd_tap_text("I'm done");
    scan("E8005");
    kd_wait_ms(1300);
    kd_expect_screen("goals");
}

static void the_burst_moves_for_a_moment_then_the_kiosk_sleeps(void **state)
{
    (void)state;
    scan("E8005");
    kd_wait_ms(1300);
    kd_expect_screen("celebration");
    uint64_t next = sp_app_next_deadline(kd.app, kd.now);
    assert_true(next <= kd.now + 16); /* animating: about 60 frames a second */
    size_t moving = kd.dl->count;
    kd_wait_ms(3000);
    kd_expect_screen("celebration");
    size_t settled = kd.dl->count;
    assert_true(settled < moving); /* the confetti is gone */
    /* settled: the next deadline is the idle warning, not an animation frame */
    assert_true(sp_app_next_deadline(kd.app, kd.now) > kd.now + 40000);
    assert_false(sp_app_needs_redraw(kd.app, kd.now));
}

static void a_tap_settles_the_moment_at_once(void **state)
{
    (void)state;
    scan("E8005");
    kd_wait_ms(1400);
    kd_expect_screen("celebration");
    size_t moving = kd.dl->count;
    kd_tap(5, 400); /* not on a button */
    kd_expect_screen("celebration");
    kd_draw();
    assert_true(kd.dl->count < moving);
    assert_true(sp_app_next_deadline(kd.app, kd.now) > kd.now + 40000);
    assert_int_equal(unseen("E8005"), 2); /* settling is not moving on */
}

static void walking_away_or_another_badge_leaves_the_moment_unseen(void **state)
{
    (void)state;
    scan("E8005");
    kd_wait_ms(1300);
    kd_expect_screen("celebration");
    kd_wait_ms(61000);
    kd_expect_screen("scan");
    kd_expect_no_text("Siobhán");
    assert_int_equal(unseen("E8005"), 2);

    scan("E8005");
    kd_wait_ms(1300);
    kd_expect_screen("celebration");
    scan("E8002"); /* José has no celebrations waiting */
    kd_expect_no_text("shout-out");
    assert_int_equal(unseen("E8005"), 2);
}

static void at_most_three_moments_a_visit_and_the_rest_wait(void **state)
{
    (void)state;
    for (int i = 1; i <= 4; i++) {
        char q[512];
        snprintf(q, sizeof q,
                 "INSERT INTO celebrations (student_id, kind, message, created_at) SELECT id, 'shout-out',"
                 " 'Thank you number %d!', '2026-11-23T08:0%d:00Z' FROM students WHERE sis_id = 'E8005'",
                 i, i);
        sql(q);
    }
    scan("E8005");
    kd_wait_ms(1300);
    kd_expect_text("Thank you number 4!"); /* newest first */
    kd_expect_text("1 of 3");
    kd_tap_text("Next");
    kd_expect_text("Thank you number 3!");
    kd_tap_text("Next");
    kd_expect_text("Thank you number 2!");
    kd_tap_text("Next");
    kd_expect_screen("goals");
    assert_int_equal(unseen("E8005"), 3);
    kd_tap_text("I'm done");
    scan("E8005");
    kd_wait_ms(1300);
    kd_expect_text("Thank you number 1!");
}

static void a_withdrawn_shout_out_never_shows(void **state)
{
    (void)state;
    sql("UPDATE celebrations SET withdrawn_at = '2026-11-23T08:00:00Z' WHERE kind = 'shout-out'");
    scan("E8005");
    kd_wait_ms(1300);
    kd_expect_screen("celebration");
    kd_expect_no_text("shout-out");
    kd_expect_text("You met your goal!");
    kd_expect_no_text("1 of");
}

static void a_step_shows_under_its_long_term_goal_and_my_wins_keeps_the_dates(void **state)
{
    (void)state;
    scan("R1208");
    kd_wait_ms(1300);
    kd_expect_screen("celebration");
    kd_expect_text("You reached a step!");
    kd_expect_text("Step 1 of 1 toward: I will finish all 5 steps of my FAFSA.");
    kd_tap_text("Next");
    kd_expect_screen("goals");
    kd_expect_text("1 of 1 step reached");
    kd_expect_text("Step 1 of 1 toward:");
    kd_tap_text("My wins");
    kd_expect_screen("wins");
    kd_expect_text("Step reached");
    kd_expect_text("November 22");
    kd_expect_text("I will make my FSA ID.");
    kd_tap_text("Back");
    kd_expect_screen("goals");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(siobhan_sees_her_shout_out_then_her_met_goal_each_on_its_own_moment, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(the_burst_moves_for_a_moment_then_the_kiosk_sleeps, setup, teardown),
        cmocka_unit_test_setup_teardown(a_tap_settles_the_moment_at_once, setup, teardown),
        cmocka_unit_test_setup_teardown(walking_away_or_another_badge_leaves_the_moment_unseen, setup, teardown),
        cmocka_unit_test_setup_teardown(at_most_three_moments_a_visit_and_the_rest_wait, setup, teardown),
        cmocka_unit_test_setup_teardown(a_withdrawn_shout_out_never_shows, setup, teardown),
        cmocka_unit_test_setup_teardown(a_step_shows_under_its_long_term_goal_and_my_wins_keeps_the_dates, setup,
                                        teardown),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
