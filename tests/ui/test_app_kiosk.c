/* test_app_kiosk.c — the kiosk app driven in virtual time, as a student and a teacher use it.
 *
 * Each test builds a small school in a scratch database with plain SQL (the 8th-grade ELA,
 * 6th-grade behaviour and 10th-grade social-emotional worked examples, plus goals that must
 * never reach the kiosk), issues badges whose payloads come from sp_badge_payload, then feeds
 * the app events and asserts on the draw list it produces. Text is measured by a fixed-width
 * fake (half the pixel size per character), so no SDL is needed. */
#include "kiosk_driver.h"

#include "badge.h"
#include "dates.h"
#include "db.h"
#include "demo_school.h"
#include "ui/draw_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ---- the school -------------------------------------------------------------------------- */

#define ZOE_TOKEN "ABCDEFGHJKMNPQRSTVWXYZ0123"
#define MALIK_TOKEN "ZZZZZZZZZZZZZZZZZZZZZZZZZ1"
#define MALIK_OLD_TOKEN "ZZZZZZZZZZZZZZZZZZZZZZZZZ2"
#define TEACHER_TOKEN "TTTTTTTTTTTTTTTTTTTTTTTTT3"
#define UNKNOWN_TOKEN "QQQQQQQQQQQQQQQQQQQQQQQQQ4"
#define MANY_TOKEN "MMMMMMMMMMMMMMMMMMMMMMMMM5"

#define ZOE_ELA "I will write 3 paragraphs with a claim and 2 pieces of evidence."
#define ZOE_BEHAVIOR "I will need 2 or fewer reminders to get back on task each day."
#define ZOE_SEL "I will use a calming strategy when I feel stressed."
#define ZOE_CONFERENCE "CONFERENCE-ONLY family reading goal"
#define ZOE_STAFF "STAFF-ONLY reading intervention tier"
#define ZOE_METHOD "My teacher checks each response with a rubric."
#define ZOE_SUPPORT "I get help in a small writing group twice a week."
#define ZOE_SUPPORT_CHANGE "Now I use sentence starters too."
/* The teacher's wording of every milestone: never on the kiosk. */
#define TEACHER_METHOD "TEACHER-ONLY rubric check per assignment (accommodated version where the IEP says so)"
#define TEACHER_SUPPORT "TEACHER-ONLY small-group writing workshop twice weekly + sentence stems"
#define TEACHER_SUPPORT_NOTE "TEACHER-ONLY added sentence stems"
#define MALIK_MATH "I will raise my math unit quiz score from 52% to 65%."

static uint64_t ms_at(int y, int m, int d, int hh, int mm, int ss)
{
    return ((uint64_t)sp_day_from_ymd(y, m, d) * 86400 + (uint64_t)(hh * 3600 + mm * 60 + ss)) * 1000;
}

static void exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
        fail_msg("%s\n  in: %s", err, sql);
}

static void add_milestone(sqlite3 *db, long long id, long long student, const char *category, const char *text,
                          const char *baseline, double target, const char *direction, const char *visibility,
                          const char *method, const char *support)
{
    char sql[4096];
    snprintf(sql, sizeof sql,
             "INSERT INTO milestones (id, student_id, statement, student_text, category, baseline, target, direction,"
             " start_date, due_date, method, support, student_know, student_support, visibility, created_at,"
             " updated_at) VALUES (%lld, %lld, 'TEACHER-ONLY statement', '%s', '%s', %s, %g, '%s', '2026-02-23',"
             " '2026-04-06', '" TEACHER_METHOD "', '" TEACHER_SUPPORT "', '%s', '%s', '%s',"
             " '2026-02-23T08:00:00Z', '2026-02-23T08:00:00Z')",
             id, student, text, category, baseline, target, direction, method, support, visibility);
    exec(db, sql);
}

static void add_badge(sqlite3 *db, const char *token, const char *holder_col, long long holder, bool revoked)
{
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT sp_badge_key_ready(); INSERT INTO badges (token, sealed, %s, issued_at, revoked_at) VALUES (sp_badge_hash('%s'),"
             " sp_badge_seal('%s'), %lld, '2026-02-01T08:00:00Z', %s)",
             holder_col, token, token, holder, revoked ? "'2026-02-10T08:00:00Z'" : "NULL");
    exec(db, sql);
}

static void build_school(const char *path)
{
    char err[256];
    sqlite3 *db = sp_db_open(path, SP_OPEN_CREATE, err, sizeof err);
    if (!db)
        fail_msg("%s", err);
    exec(db, "BEGIN");
    exec(db, "INSERT INTO staff (id, staff_code, given_name, family_name, display_name, created_at)"
             " VALUES (1, 'T-RIVERA', 'Ana', 'Rivera', 'Ms. Rivera', '2026-01-05T08:00:00Z')");
    exec(db, "INSERT INTO students (id, sis_id, given_name, family_name, preferred_name, grade, created_at) VALUES"
             " (1, 'S-1001', 'Zoe', 'Nakamura', 'Zoë', 8, '2026-01-05T08:00:00Z'),"
             " (2, 'S-1002', 'Malik', 'Osei', '', 6, '2026-01-05T08:00:00Z'),"
             " (3, 'S-1003', 'Many', 'Goals', 'Manny', 10, '2026-01-05T08:00:00Z')");
    add_milestone(db, 1, 1, "academic", ZOE_ELA, "1.5", 3, "higher", "kiosk", ZOE_METHOD, ZOE_SUPPORT);
    add_milestone(db, 2, 1, "behavior", ZOE_BEHAVIOR, "7", 2, "lower", "kiosk", "10-minute interval checks",
                  "Visual checklist and a reset corner");
    add_milestone(db, 3, 1, "social-emotional", ZOE_SEL, "NULL", 3, "higher", "kiosk", "Self-check after class", "");
    add_milestone(db, 4, 1, "academic", ZOE_CONFERENCE, "1", 4, "higher", "conference", "x", "x");
    add_milestone(db, 5, 1, "academic", ZOE_STAFF, "1", 4, "higher", "staff", "x", "x");
    add_milestone(db, 6, 2, "academic", MALIK_MATH, "52", 65, "higher", "kiosk", "Unit quiz", "Math lab on Tuesdays");
    exec(db, "INSERT INTO measurements (milestone_id, taken_on, value, created_at) VALUES"
             " (1, '2026-03-02', 2.0, '2026-03-02T15:00:00Z'), (1, '2026-03-09', 2.5, '2026-03-09T15:00:00Z'),"
             " (2, '2026-03-02', 6, '2026-03-02T15:00:00Z'), (2, '2026-03-09', 5, '2026-03-09T15:00:00Z'),"
             " (3, '2026-03-10', 1, '2026-03-10T15:00:00Z')");
    exec(db, "INSERT INTO support_changes (milestone_id, changed_on, note, student_note) VALUES"
             " (1, '2026-03-05', '" TEACHER_SUPPORT_NOTE "', '" ZOE_SUPPORT_CHANGE "')");
    /* Manny has seven goals with very long texts: the list must scroll and truncate. */
    for (int i = 0; i < 7; i++) {
        char text[1100];
        int n = snprintf(text, sizeof text, "Goal %d: I will", i + 1);
        while (n < 900)
            n += snprintf(text + n, sizeof text - (size_t)n, " keep practising every single day");
        add_milestone(db, 100 + i, 3, "academic", text, "1", 4, "higher", "kiosk",
                      "A very long method description that goes on and on about rubrics and checklists and notes",
                      "A very long support plan with many steps and people and places and times of the week");
    }
    add_badge(db, ZOE_TOKEN, "student_id", 1, false);
    add_badge(db, MALIK_TOKEN, "student_id", 2, false);
    add_badge(db, MALIK_OLD_TOKEN, "student_id", 2, true);
    add_badge(db, MANY_TOKEN, "student_id", 3, false);
    add_badge(db, TEACHER_TOKEN, "staff_id", 1, false);
    exec(db, "COMMIT");
    sp_db_close(db);
}

/* ---- driving the app --------------------------------------------------------------------- */

static void start_app(void) { kd_start_app(1280, 800); }

static int setup(void **state)
{
    (void)state;
    if (kd_begin(ts_path("school.db"), "Room 12", ms_at(2026, 3, 16, 9, 0, 10)) != 0)
        return -1;
    unlink(kd.db_path);
    build_school(kd.db_path);
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

static char *last_end_reason(long long student_id, long long staff_id)
{
    static char reason[32];
    sqlite3 *db = ts_open(kd.db_path);
    sqlite3_stmt *st = NULL;
    reason[0] = 0;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT coalesce(end_reason, '(open)') FROM kiosk_sessions"
                                        " WHERE coalesce(student_id, 0) = ?1 AND coalesce(staff_id, 0) = ?2"
                                        " ORDER BY id DESC LIMIT 1",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_int64(st, 1, student_id);
    sqlite3_bind_int64(st, 2, staff_id);
    if (sqlite3_step(st) == SQLITE_ROW)
        snprintf(reason, sizeof reason, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return reason;
}

/* ---- tests ------------------------------------------------------------------------------- */

static void scanning_a_badge_greets_the_student_then_shows_their_goals_in_plain_language(void **state)
{
    (void)state;
    start_app();
    kd_expect_screen("scan");
    kd_expect_text("Scan your badge");
    kd_expect_text("Room 12");
    kd_expect_text("09:00");
    kd_scan_token(ZOE_TOKEN);
    kd_expect_screen("welcome");
    kd_expect_text("Hi, Zoë!");
    kd_wait_ms(1300);
    kd_expect_screen("goals");
    kd_expect_text("My goals");
    kd_expect_text("I will write 3 paragraphs");
    kd_expect_text("On track");
    kd_expect_text("Next check:");
    kd_expect_text("I'm done");
    const sp_draw_cmd *c = sp_draw_find_text(kd.dl, "I will write 3 paragraphs");
    assert_int_equal(c->role, SP_ROLE_STUDENT);
    /* Icons for the categories. */
    bool academic = false;
    for (size_t i = 0; i < kd.dl->count; i++)
        if (kd.dl->cmds[i].kind == SP_CMD_ICON && strcmp(kd.dl->cmds[i].icon, "academic") == 0)
            academic = true;
    assert_true(academic);
}

static void conference_and_staff_goals_never_reach_the_kiosk(void **state)
{
    (void)state;
    start_app();
    kd_scan_token(ZOE_TOKEN);
    kd_tap(10, 10); /* a tap skips the greeting */
    kd_expect_screen("goals");
    kd_expect_no_text("CONFERENCE-ONLY");
    kd_expect_no_text("STAFF-ONLY");
    kd_expect_no_text("Teacher wording");
    /* Open every card: none of them is the hidden goals. */
    for (int i = 0; i < 3; i++) {
        sp_rect targets[16];
        size_t n = sp_app_touch_targets(kd.app, targets, 16);
        assert_true(n >= 7); /* three cards, each followed by its "How did it go?", and "I'm done" */
        sp_rect card = targets[2 * i];
        kd_tap(card.x + card.w / 2, card.y + card.h / 4);
        kd_expect_screen("goal");
        kd_expect_no_text("CONFERENCE-ONLY");
        kd_expect_no_text("STAFF-ONLY");
        kd_key(SP_KEY_ESCAPE);
        kd_expect_screen("goals");
    }
}

static void tapping_a_card_opens_the_goal_with_its_chart_and_how_we_will_know(void **state)
{
    (void)state;
    start_app();
    kd_scan_token(ZOE_TOKEN);
    kd_wait_ms(1300);
    kd_tap_text("I will write 3 paragraphs");
    kd_expect_screen("goal");
    kd_expect_text("I will write 3 paragraphs");
    kd_expect_text("How we'll know");
    kd_expect_text("checks each response with a rubric");
    kd_expect_text("My support");
    kd_expect_text("small writing group twice a week");
    kd_expect_text(ZOE_SUPPORT_CHANGE); /* the support change is marked on the chart and listed */
    kd_expect_text("Goal 3");
    kd_expect_no_text("TEACHER-ONLY"); /* the teacher's statement, method, support and note stay off */
    kd_expect_text("Back");
    assert_true(kd_count_kind(SP_CMD_LINE) >= 4);   /* aim, target, support mark, data line */
    assert_true(kd_count_kind(SP_CMD_CIRCLE) >= 2); /* the two data points */
    kd_tap_text("Back");
    kd_expect_screen("goals");
}

static void a_goal_without_a_baseline_says_we_are_finding_the_starting_point(void **state)
{
    (void)state;
    start_app();
    kd_scan_token(ZOE_TOKEN);
    kd_wait_ms(1300);
    kd_expect_text("We're finding your starting point");
    kd_tap_text("I will use a calming");
    kd_expect_screen("goal");
    kd_expect_text("We're finding your starting point");
    /* The goal has the student's "how we'll know" but no support in her words: that part is not
     * shown at all (and the teacher's wording never is). */
    kd_expect_text("How we'll know");
    kd_expect_no_text("My support");
    kd_expect_no_text("TEACHER-ONLY");
}

static void lower_is_better_goal_shows_progress_toward_fewer(void **state)
{
    (void)state;
    start_app();
    kd_scan_token(ZOE_TOKEN);
    kd_wait_ms(1300);
    kd_expect_text(ZOE_BEHAVIOR);
    kd_expect_text("Start 7");
    kd_expect_text("Now 5");
    kd_expect_text("Goal 2");
}

static void idle_timeout_counts_down_then_clears_everything_of_the_student(void **state)
{
    (void)state;
    start_app();
    uint64_t t0 = kd.now;
    kd_scan_token(ZOE_TOKEN);
    kd_wait_ms(1300);
    kd_expect_screen("goals");
    kd_wait_ms(t0 + 50000 - kd.now);
    kd_expect_screen("timeout-warning");
    kd_expect_text("Still there?");
    kd_expect_text("10 seconds");
    kd_expect_no_text("I will write");
    kd_wait_ms(3000);
    kd_expect_text("7 seconds");
    /* A tap keeps the session going. */
    kd_tap(5, 5);
    kd_expect_screen("goals");
    kd_expect_text("I will write 3 paragraphs");
    uint64_t t1 = kd.now;
    (void)sp_app_take_purge_request(kd.app);
    kd_wait_ms(t1 + 60000 - kd.now);
    kd_expect_screen("scan");
    kd_draw();
    kd_expect_no_text("Zoë");
    kd_expect_no_text("I will");
    kd_expect_no_text("Rubric");
    for (size_t i = 0; i < kd.dl->count; i++)
        if (kd.dl->cmds[i].kind == SP_CMD_TEXT)
            assert_int_not_equal(kd.dl->cmds[i].role, SP_ROLE_STUDENT);
    assert_true(sp_app_take_purge_request(kd.app));
    assert_false(sp_app_take_purge_request(kd.app));
    assert_string_equal(last_end_reason(1, 0), "timeout");
}

static void im_done_ends_the_session_and_says_goodbye(void **state)
{
    (void)state;
    start_app();
    kd_scan_token(ZOE_TOKEN);
    kd_wait_ms(1300);
    kd_tap_text("I'm done");
    kd_expect_screen("done");
    kd_expect_text("See you next time");
    kd_expect_no_text("Zoë");
    assert_true(sp_app_take_purge_request(kd.app));
    assert_string_equal(last_end_reason(1, 0), "done");
    kd_wait_ms(3000);
    kd_expect_screen("scan");
}

static void im_done_on_the_goal_page_ends_the_session_too(void **state)
{
    (void)state;
    start_app();
    kd_scan_token(ZOE_TOKEN);
    kd_wait_ms(1300);
    kd_tap_text("I will need 2 or fewer");
    kd_expect_screen("goal");
    kd_tap_text("I'm done");
    kd_expect_screen("done");
    assert_string_equal(last_end_reason(1, 0), "done");
}

static void a_second_badge_switches_students_at_once(void **state)
{
    (void)state;
    start_app();
    kd_scan_token(ZOE_TOKEN);
    kd_wait_ms(1300);
    kd_expect_text("I will write 3 paragraphs");
    kd_scan_token(MALIK_TOKEN);
    kd_expect_screen("welcome");
    kd_expect_text("Hi, Malik!");
    kd_expect_no_text("Zoë");
    assert_true(sp_app_take_purge_request(kd.app));
    assert_string_equal(last_end_reason(1, 0), "switched");
    assert_string_equal(last_end_reason(2, 0), "(open)");
    kd_wait_ms(1300);
    kd_expect_text(MALIK_MATH);
    kd_expect_no_text("I will write 3 paragraphs");
}

static void five_unknown_scans_within_a_minute_start_a_cool_down(void **state)
{
    (void)state;
    start_app();
    kd_scan_token(UNKNOWN_TOKEN);
    kd_expect_screen("unknown-badge");
    kd_expect_text("We don't know this badge.");
    kd_expect_text("Ask your teacher.");
    kd_wait_ms(6000);
    kd_expect_screen("scan");
    kd_scan_raw("hello world");      /* malformed counts too */
    kd_expect_screen("unknown-badge");
    kd_scan_token(UNKNOWN_TOKEN);
    kd_scan_raw("SP1:");
    kd_scan_token(UNKNOWN_TOKEN);
    kd_expect_screen("cooldown");
    kd_expect_text("Too many tries.");
    kd_expect_text("Please wait 30 seconds.");
    kd_wait_ms(10000);
    kd_expect_text("Please wait 20 seconds.");
    kd_scan_token(ZOE_TOKEN); /* ignored while cooling down */
    kd_expect_screen("cooldown");
    kd_wait_ms(20500);
    kd_expect_screen("scan");
    kd_scan_token(ZOE_TOKEN);
    kd_expect_screen("welcome");
    sqlite3 *db = ts_open(kd.db_path);
    assert_true(ts_query_int(db, "SELECT count(*) FROM scan_events WHERE outcome IN ('unknown','malformed')") == 5);
    /* logged at the kiosk's own time (the test's virtual 16 March), not the wall clock */
    assert_true(ts_query_int(db, "SELECT count(*) FROM scan_events WHERE at NOT GLOB '2026-03-16T09:*'") == 0);
    sqlite3_close(db);
}

static void unknown_scans_spread_over_more_than_a_minute_do_not_cool_down(void **state)
{
    (void)state;
    start_app();
    for (int i = 0; i < 6; i++) {
        kd_scan_token(UNKNOWN_TOKEN);
        kd_expect_screen("unknown-badge");
        kd_wait_ms(16000);
    }
}

static void a_revoked_badge_has_its_own_message(void **state)
{
    (void)state;
    start_app();
    kd_scan_token(MALIK_OLD_TOKEN);
    kd_expect_screen("revoked-badge");
    kd_expect_text("This badge is no longer active.");
    kd_expect_text("Your teacher can print you a new one.");
    kd_tap_text("OK");
    kd_expect_screen("scan");
}

static void teacher_badge_opens_the_menu_and_only_it_exits(void **state)
{
    (void)state;
    start_app();
    kd_scan_token(ZOE_TOKEN);
    kd_wait_ms(1300);
    kd_tap_text("I'm done");
    kd_wait_ms(3000);
    kd_scan_token(TEACHER_TOKEN);
    kd_expect_screen("teacher");
    kd_expect_text("Teacher menu");
    kd_tap_text("Who signed in today");
    kd_expect_screen("teacher-today");
    kd_expect_text("Zoë");
    kd_expect_text("09:00");
    kd_tap_text("Back");
    kd_expect_screen("teacher");
    assert_false(sp_app_wants_exit(kd.app));
    /* Exit asks first; "Keep the kiosk open" changes nothing */
    kd_tap_text("Exit kiosk");
    kd_expect_text("Close the kiosk?");
    assert_false(sp_app_wants_exit(kd.app));
    kd_tap_text("Keep the kiosk open");
    kd_expect_text("Teacher menu");
    assert_false(sp_app_wants_exit(kd.app));
    kd_tap_text("Exit kiosk");
    kd_tap_text("Exit kiosk");
    assert_true(sp_app_wants_exit(kd.app));
    assert_string_equal(last_end_reason(0, 1), "teacher-exit");
}

static void teacher_can_return_to_the_scan_screen(void **state)
{
    (void)state;
    start_app();
    kd_scan_token(TEACHER_TOKEN);
    kd_tap_text("Back to scan screen");
    kd_expect_screen("scan");
    assert_false(sp_app_wants_exit(kd.app));
}

static void the_teacher_menu_times_out_like_any_session(void **state)
{
    (void)state;
    start_app();
    kd_scan_token(TEACHER_TOKEN);
    kd_expect_screen("teacher");
    kd_wait_ms(50000);
    kd_expect_screen("timeout-warning");
    kd_wait_ms(10000);
    kd_expect_screen("scan");
    assert_false(sp_app_wants_exit(kd.app));
    assert_string_equal(last_end_reason(0, 1), "timeout");
}

static void scanning_the_same_badge_again_keeps_the_session(void **state)
{
    (void)state;
    start_app();
    kd_scan_token(ZOE_TOKEN);
    kd_wait_ms(1300);
    kd_tap_text("I will write 3");
    kd_scan_token(ZOE_TOKEN);
    kd_expect_screen("goal"); /* her own badge again: the page she was on stays */
    assert_string_equal(last_end_reason(1, 0), "(open)");
    sqlite3 *db = ts_open(kd.db_path);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM kiosk_sessions"), 1);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM kiosk_sessions WHERE kiosk_name = 'Room 12'"
                                      " AND started_at = '2026-03-16T09:00:10Z'"),
                     1);
    sqlite3_close(db);
}

/* A lanyard swinging past the scanner mid-reflection keeps the half-done self-check; another
 * student's badge still switches at once. */
static void her_own_badge_mid_self_check_keeps_her_answers_another_badge_switches(void **state)
{
    (void)state;
    start_app();
    kd_scan_token(ZOE_TOKEN);
    kd_wait_ms(1300);
    kd_tap_text("I will write 3");
    kd_tap_text("How did it go?");
    kd_expect_screen("self-check");
    kd_tap_text("Getting there");
    kd_expect_text("What got in the way?");
    kd_tap_text("I ran out of time");
    kd_scan_token(ZOE_TOKEN);
    kd_expect_screen("self-check");
    kd_expect_text("What got in the way?");
    kd_tap_text("Next"); /* the chosen chip is still chosen: it goes on to the next question */
    kd_expect_text("What will I try next?");
    kd_scan_token(MALIK_TOKEN);
    kd_expect_screen("welcome");
    kd_expect_no_text("What will I try next?");
    assert_string_equal(last_end_reason(1, 0), "switched");
}

static void closing_the_kiosk_with_a_student_signed_in_logs_closed(void **state)
{
    (void)state;
    start_app();
    kd_scan_token(ZOE_TOKEN);
    kd_wait_ms(5000);
    sp_app_free(kd.app);
    kd.app = NULL;
    assert_string_equal(last_end_reason(1, 0), "closed");
    sqlite3 *db = ts_open(kd.db_path);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM kiosk_sessions WHERE ended_at = '2026-03-16T09:00:15Z'"), 1);
    sqlite3_close(db);
}

static void student_keys_never_exit_the_kiosk(void **state)
{
    (void)state;
    start_app();
    static const sp_app_key ALL[] = {SP_KEY_TAB,  SP_KEY_SHIFT_TAB, SP_KEY_ENTER,     SP_KEY_ESCAPE,
                                     SP_KEY_LEFT, SP_KEY_RIGHT,     SP_KEY_UP,        SP_KEY_DOWN,
                                     SP_KEY_BACKSPACE, SP_KEY_PAGE_UP, SP_KEY_PAGE_DOWN, SP_KEY_HOME, SP_KEY_END};
    for (int round = 0; round < 3; round++) {
        if (round == 1)
            kd_scan_token(ZOE_TOKEN);
        for (int rep = 0; rep < 4; rep++)
            for (size_t i = 0; i < sizeof ALL / sizeof ALL[0]; i++) {
                kd_key(ALL[i]);
                kd_key(SP_KEY_ESCAPE);
                kd_event((sp_app_event){.kind = SP_EV_TEXT, .text = "\x1b[F4"});
                assert_false(sp_app_wants_exit(kd.app));
            }
    }
    assert_false(sp_app_wants_exit(kd.app));
}

static void keyboard_moves_a_visible_focus_ring_and_enter_opens_a_goal(void **state)
{
    (void)state;
    start_app();
    kd_scan_token(ZOE_TOKEN);
    kd_wait_ms(1300);
    int frames_before = kd_count_kind(SP_CMD_FRAME);
    kd_key(SP_KEY_TAB);
    assert_true(kd_count_kind(SP_CMD_FRAME) > frames_before); /* the ring appeared */
    kd_key(SP_KEY_ENTER);
    kd_expect_screen("goal");
    kd_key(SP_KEY_ESCAPE);
    kd_expect_screen("goals");
}

static void a_long_goal_list_scrolls_by_keys_and_drag(void **state)
{
    (void)state;
    start_app();
    kd_scan_token(MANY_TOKEN);
    kd_wait_ms(1300);
    kd_expect_screen("goals");
    kd_expect_text("Goal 1:");
    kd_expect_no_text("Goal 7:");
    kd_key(SP_KEY_END);
    kd_expect_text("Goal 7:");
    kd_key(SP_KEY_HOME);
    kd_expect_no_text("Goal 7:");
    kd_expect_text("Goal 1:");
    kd_event((sp_app_event){.kind = SP_EV_SCROLL, .y = 5000});
    kd_expect_text("Goal 7:");
    kd_event((sp_app_event){.kind = SP_EV_SCROLL, .y = -5000});
    kd_expect_text("Goal 1:");
    /* Tab to the last card (each card is followed by its "How did it go?") brings it into view. */
    for (int i = 0; i < 13; i++)
        kd_key(SP_KEY_TAB);
    kd_expect_text("Goal 7:");
    kd_key(SP_KEY_ENTER);
    kd_expect_screen("goal");
    kd_expect_text("Goal 7:");
}

static void missing_database_shows_a_friendly_page_and_recovers(void **state)
{
    (void)state;
    const char *real = kd.db_path;
    kd.db_path = ts_path("not-yet.db");
    unlink(kd.db_path);
    start_app();
    kd_expect_screen("db-unavailable");
    kd_expect_text("Signpost can't reach its data right now.");
    kd_expect_text("Ask your teacher.");
    kd_expect_text("Trying again");
    uint64_t d = sp_app_next_deadline(kd.app, kd.now);
    assert_true(d > kd.now && d <= kd.now + 3000);
    kd_scan_token(ZOE_TOKEN); /* scans do nothing harmful meanwhile */
    kd_expect_screen("db-unavailable");
    kd_wait_ms(3500);
    kd_expect_screen("db-unavailable");
    char real_key[600], moved_key[600]; /* a database moves together with its badge key */
    snprintf(real_key, sizeof real_key, "%s.key", real);
    snprintf(moved_key, sizeof moved_key, "%s.key", kd.db_path);
    assert_int_equal(rename(real, kd.db_path), 0);
    assert_int_equal(rename(real_key, moved_key), 0);
    kd_wait_ms(3500);
    kd_expect_screen("scan");
    kd_scan_token(ZOE_TOKEN);
    kd_expect_screen("welcome");
}

static void a_damaged_database_file_is_a_friendly_page_not_a_crash(void **state)
{
    (void)state;
    kd.db_path = ts_write_file("garbage.db", "this is not a database, just some bytes that are long enough to be read",
                               72);
    start_app();
    kd_expect_screen("db-unavailable");
}

static void a_locked_database_keeps_the_kiosk_responsive_and_the_log_catches_up(void **state)
{
    (void)state;
    start_app();
    sqlite3 *writer = ts_open(kd.db_path);
    exec(writer, "BEGIN IMMEDIATE");
    exec(writer, "INSERT INTO settings (key, value) VALUES ('lock', 'held')");
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    kd_scan_token(ZOE_TOKEN);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double ms = (double)(b.tv_sec - a.tv_sec) * 1000 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
    assert_true(ms < 500); /* never waits long for the admin tool */
    kd_expect_screen("welcome");
    kd_expect_text("Hi, Zoë!");
    exec(writer, "COMMIT");
    sqlite3_close(writer);
    kd_wait_ms(1300);
    kd_tap_text("I'm done");
    kd_wait_ms(1000);
    assert_string_equal(last_end_reason(1, 0), "done");
}

/* The widest circle of the frame: the breathing ring around the badge sign. */
static int ring_width(void)
{
    int w = 0;
    for (size_t i = 0; i < kd.dl->count; i++)
        if (kd.dl->cmds[i].kind == SP_CMD_CIRCLE && kd.dl->cmds[i].rect.w > w)
            w = kd.dl->cmds[i].rect.w;
    return w;
}

/* The idle scan screen breathes gently for 1.6 s every 20 s and otherwise sleeps until the clock
 * changes: a few dozen frames a minute, none in between. */
static void idle_scan_screen_breathes_now_and_then_and_sleeps_between(void **state)
{
    (void)state;
    start_app(); /* 09:00:10, the screen appears with a breath */
    uint64_t shown = kd.now;
    int rest = ring_width();
    uint64_t d = sp_app_next_deadline(kd.app, kd.now);
    assert_true(d > kd.now && d <= kd.now + 100); /* the breath goes on */
    kd.now = shown + 800;                       /* the deepest point */
    kd_event((sp_app_event){.kind = SP_EV_TICK});
    assert_true(ring_width() > rest);
    kd.now = shown + 2000; /* the breath is over: asleep until the next one */
    kd_event((sp_app_event){.kind = SP_EV_TICK});
    assert_int_equal(ring_width(), rest);
    d = sp_app_next_deadline(kd.app, kd.now);
    assert_true(d == shown + 20000);
    assert_false(sp_app_needs_redraw(kd.app, kd.now + 500));
    assert_false(sp_app_needs_redraw(kd.app, d - 1));
    assert_true(sp_app_needs_redraw(kd.app, d));

    /* A whole idle minute: the clock turns over once, three breaths, nothing else. */
    int frames = 0;
    uint64_t until = kd.now + 60000;
    while (kd.now < until) {
        d = sp_app_next_deadline(kd.app, kd.now);
        kd.now = d < until ? d : until;
        if (sp_app_needs_redraw(kd.app, kd.now)) {
            kd_draw();
            frames++;
        }
    }
    kd_expect_text("09:01");
    print_message("idle minute on the scan screen: %d frames\n", frames);
    assert_true(frames >= 3 * 20 && frames <= 3 * 27 + 2);
}

/* Every target at least 64 px tall; every text inside the window; on the goals screen every
 * student text inside a card. */
static void check_layout(const char *where, int w, int h)
{
    sp_rect targets[256];
    size_t n = sp_app_touch_targets(kd.app, targets, 256);
    assert_false(kd.dl->overflow);
    for (size_t i = 0; i < n; i++)
        if (targets[i].h < 64)
            fail_msg("%s at %dx%d: a touch target is only %d px tall", where, w, h, targets[i].h);
    for (size_t i = 0; i < kd.dl->count; i++) {
        const sp_draw_cmd *c = &kd.dl->cmds[i];
        if (c->kind != SP_CMD_TEXT)
            continue;
        if (c->rect.x < 0 || c->rect.y < 0 || c->rect.x + c->rect.w > w || c->rect.y + c->rect.h > h)
            fail_msg("%s at %dx%d: \"%s\" at %d,%d %dx%d leaves the window", where, w, h, c->text, c->rect.x,
                     c->rect.y, c->rect.w, c->rect.h);
        int tw = kd_fake_width(NULL, c->text, strlen(c->text), c->size, c->style);
        if (tw > c->rect.w)
            fail_msg("%s at %dx%d: \"%s\" is %d px wide in a %d px rect", where, w, h, c->text, tw, c->rect.w);
        /* (the student's initial in the header's avatar is the one student text above the cards) */
        int list_top = h;
        for (size_t j = 0; j < n; j++)
            if (targets[j].h >= 200 && targets[j].y < list_top)
                list_top = targets[j].y;
        bool header_initial = c->rect.y + c->rect.h <= list_top && strlen(c->text) <= 4;
        if (strcmp(where, "goals") == 0 && c->role == SP_ROLE_STUDENT && !header_initial) {
            bool inside = false;
            for (size_t j = 0; j < n; j++)
                if (c->rect.x >= targets[j].x && c->rect.y >= targets[j].y &&
                    c->rect.x + c->rect.w <= targets[j].x + targets[j].w &&
                    c->rect.y + c->rect.h <= targets[j].y + targets[j].h)
                    inside = true;
            if (!inside)
                fail_msg("%s at %dx%d: \"%s\" is outside its card", where, w, h, c->text);
        }
    }
}

/* The demo school: about sixty students with names in many scripts and every kind of goal.
 * Each one signs in; the goals and the first goal's page fit every rule, and no conference or
 * staff goal shows. */
static void every_demo_student_sees_only_their_kiosk_goals_and_everything_fits(void **state)
{
    (void)state;
    char err[256];
    kd.db_path = ts_path("demo.db");
    unlink(kd.db_path);
    sqlite3 *db = sp_db_open(kd.db_path, SP_OPEN_CREATE, err, sizeof err);
    if (!db)
        fail_msg("%s", err);
    int today = (int)(kd.now / 86400000);
    if (sp_demo_build(db, today, NULL, err, sizeof err) != SQLITE_OK)
        fail_msg("demo: %s", err);
    /* A badge for every student: D + the student id in 25 digits (all in the badge alphabet). */
    exec(db, "SELECT sp_badge_key_ready(); INSERT INTO badges (token, sealed, student_id, issued_at) SELECT sp_badge_hash(t), sp_badge_seal(t), id,"
             " '2026-01-05T08:00:00Z' FROM (SELECT id, 'D' || substr('0000000000000000000000000' || id, -25) AS t"
             " FROM students WHERE archived = 0)");
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT id FROM students WHERE archived = 0 ORDER BY id", -1, &st, NULL),
                     SQLITE_OK);
    long long ids[512];
    size_t n = 0;
    while (sqlite3_step(st) == SQLITE_ROW && n < 512)
        ids[n++] = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    assert_true(n >= 20);
    sqlite3_stmt *hidden = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT student_text FROM milestones WHERE student_id = ?1 AND visibility <> 'kiosk'"
                                        " AND student_text NOT IN (SELECT student_text FROM milestones WHERE"
                                        " student_id = ?1 AND visibility = 'kiosk')",
                                        -1, &hidden, NULL),
                     SQLITE_OK);
    start_app();
    int students_with_goals = 0;
    for (size_t i = 0; i < n; i++) {
        char token[32];
        snprintf(token, sizeof token, "D%025lld", ids[i]);
        kd_scan_token(token);
        kd_expect_screen("welcome");
        kd_tap(1, 1);
        kd_past_celebrations();
        kd_expect_screen("goals");
        check_layout("goals", 1280, 800);
        sqlite3_bind_int64(hidden, 1, ids[i]);
        while (sqlite3_step(hidden) == SQLITE_ROW) {
            char head[24];
            snprintf(head, sizeof head, "%s", (const char *)sqlite3_column_text(hidden, 0));
            kd_expect_no_text(head);
        }
        sqlite3_reset(hidden);
        sp_rect targets[64];
        if (sp_app_touch_targets(kd.app, targets, 64) > 3) { /* a card, "My wins", "My learning targets", "I'm done" */
            students_with_goals++;
            kd_tap(targets[0].x + targets[0].w / 2, targets[0].y + targets[0].h / 2);
            kd_expect_screen("goal");
            check_layout("goal", 1280, 800);
            kd_expect_text("How we'll know");
            kd_expect_text("My support");
        }
        assert_false(kd.dl->overflow);
    }
    sqlite3_finalize(hidden);
    sqlite3_close(db);
    assert_true(students_with_goals >= 10);
}

static void layouts_fit_every_window_with_big_touch_targets(void **state)
{
    (void)state;
    static const int SIZES[][2] = {{1280, 800}, {800, 1280}, {1920, 1080}};
    for (size_t s = 0; s < 3; s++) {
        int w = SIZES[s][0], h = SIZES[s][1];
        sp_app_free(kd.app);
        kd_start_app(w, h);
        check_layout("scan", w, h);
        kd_scan_token(MANY_TOKEN);
        check_layout("welcome", w, h);
        kd_wait_ms(1300);
        check_layout("goals", w, h);
        kd_expect_text("\xE2\x80\xA6"); /* the long texts were cut with an ellipsis */
        /* Columns: one in portrait, two or three in landscape. */
        sp_rect targets[64];
        size_t n = sp_app_touch_targets(kd.app, targets, 64);
        int xs[8], nx = 0;
        for (size_t i = 0; i < n; i++) {
            bool seen = false;
            for (int k = 0; k < nx; k++)
                seen |= xs[k] == targets[i].x;
            if (!seen && targets[i].h > 150 && nx < 8)
                xs[nx++] = targets[i].x;
        }
        if (h > w)
            assert_int_equal(nx, 1);
        else
            assert_true(nx >= 2 && nx <= 3);
        kd_key(SP_KEY_END);
        check_layout("goals", w, h);
        kd_tap_text("Goal 7:");
        kd_expect_screen("goal");
        check_layout("goal", w, h);
        kd_key(SP_KEY_ESCAPE);
        sp_app_free(kd.app);
        kd_start_app(w, h);
        kd_scan_token(ZOE_TOKEN);
        kd_wait_ms(1300);
        check_layout("goals", w, h);
        kd_tap_text("I will write 3 paragraphs");
        check_layout("goal", w, h);
        kd_tap_text("I'm done");
        check_layout("done", w, h);
        kd_scan_token(TEACHER_TOKEN);
        check_layout("teacher", w, h);
        kd_tap_text("Who signed in today");
        check_layout("teacher-today", w, h);
        kd_tap_text("Back");
        kd_tap_text("Back to scan screen");
        kd_scan_token(UNKNOWN_TOKEN);
        check_layout("unknown-badge", w, h);
        kd_scan_token(MALIK_OLD_TOKEN);
        check_layout("revoked-badge", w, h);
    }
}

static void resizing_reflows_the_goal_list(void **state)
{
    (void)state;
    start_app();
    kd_scan_token(ZOE_TOKEN);
    kd_wait_ms(1300);
    kd_event((sp_app_event){.kind = SP_EV_RESIZE, .w = 800, .h = 1280});
    check_layout("goals", 800, 1280);
    kd_expect_text("I will write 3 paragraphs");
}

/* A badge code typed by hand (a slow scanner, a teacher without one) works like a scan, shows
 * only dots while it is typed, and a half-typed code does not linger. */
static void a_badge_code_typed_on_the_scan_screen_signs_in_and_never_shows_in_clear(void **state)
{
    (void)state;
    start_app();
    char payload[SP_BADGE_PAYLOAD_MAX];
    sp_badge_payload(ZOE_TOKEN, payload);
    char half[16];
    snprintf(half, sizeof half, "%.10s", payload);
    kd_type_text(half);
    kd_expect_screen("scan");
    kd_expect_text("Badge code:");
    kd_expect_text("press Enter");
    kd_expect_no_text(half);
    kd_wait_ms(21000); /* walked away mid-code */
    kd_expect_no_text("Badge code:");
    kd_type_text("X");
    kd_key(SP_KEY_BACKSPACE);
    kd_expect_no_text("Badge code:");
    kd_type_text(payload);
    kd_expect_no_text(payload);
    kd_key(SP_KEY_ENTER);
    kd_expect_screen("welcome");
    kd_expect_text("Zoë");
    kd_key(SP_KEY_ENTER); /* Enter on the greeting is not a code any more */
    kd_expect_no_text("Badge code:");
}

static void a_wrong_typed_code_is_refused_like_a_wrong_scan(void **state)
{
    (void)state;
    start_app();
    kd_type_text("12345");
    kd_key(SP_KEY_ENTER);
    kd_expect_screen("unknown-badge");
}

static int title_size(void)
{
    const sp_draw_cmd *c = sp_draw_find_text(kd.dl, "My goals");
    assert_non_null(c);
    return c->size;
}

/* A student's reading supports (SPEC section 2) change the kiosk while they are signed in:
 * large text, high contrast and the dyslexia-friendly face; the next student gets the usual look. */
static void reading_supports_change_the_look_for_that_student_only(void **state)
{
    (void)state;
    sqlite3 *db = ts_open(kd.db_path);
    exec(db, "UPDATE students SET large_text = 1, high_contrast = 1, dyslexia_font = 1 WHERE id = 1");
    sqlite3_close(db);
    start_app();
    bool dyslexic = true;
    assert_false(sp_app_take_font_request(kd.app, &dyslexic)); /* nothing to change at start */

    kd_scan_token(MALIK_TOKEN);
    kd_wait_ms(2000);
    kd_expect_screen("goals");
    int usual = title_size();
    sp_color usual_bg = kd.dl->clear;
    assert_false(sp_app_take_font_request(kd.app, &dyslexic));

    kd_scan_token(ZOE_TOKEN);
    assert_true(sp_app_take_font_request(kd.app, &dyslexic));
    assert_true(dyslexic);
    kd_wait_ms(2000);
    kd_expect_screen("goals");
    assert_true(title_size() >= usual * 5 / 4 - 1); /* large text: a quarter bigger */
    assert_true(kd.dl->clear.r == 255 && kd.dl->clear.g == 255 && kd.dl->clear.b == 255); /* high contrast */
    assert_false(kd.dl->clear.r == usual_bg.r && kd.dl->clear.g == usual_bg.g && kd.dl->clear.b == usual_bg.b);
    const sp_draw_cmd *c = sp_draw_find_text(kd.dl, "My goals");
    assert_true(c->color.r == 0 && c->color.g == 0 && c->color.b == 0);

    kd_tap_text("I'm done");
    assert_true(sp_app_take_font_request(kd.app, &dyslexic));
    assert_false(dyslexic);
    kd_wait_ms(3000);
    kd_expect_screen("scan");
    assert_true(kd.dl->clear.r == usual_bg.r && kd.dl->clear.g == usual_bg.g && kd.dl->clear.b == usual_bg.b);
}

/* With large text a goal page can be taller than the screen: it scrolls below the header, and
 * "How we'll know" and "My support" are read in full instead of being cut. */
static void a_goal_page_too_tall_for_large_text_scrolls_and_keeps_every_word(void **state)
{
    (void)state;
    sqlite3 *db = ts_open(kd.db_path);
    exec(db, "UPDATE students SET large_text = 1 WHERE id = 3");
    exec(db, "UPDATE milestones SET student_support = 'A very long support plan with many steps and people and places,"
             " a reading buddy on Mondays, a quiet corner on Wednesdays and a check-in with the counselor at the"
             " end of every week' WHERE id = 100");
    sqlite3_close(db);
    kd_start_app(960, 540);
    kd_scan_token(MANY_TOKEN);
    kd_wait_ms(2000);
    kd_tap_text("Goal 1:");
    kd_expect_screen("goal");
    kd_expect_text("How did it go?");
    kd_key(SP_KEY_END);
    kd_expect_no_text("How did it go?"); /* scrolled out of view, and out of reach */
    kd_expect_text("My support");
    const sp_draw_cmd *last = NULL;
    for (size_t i = 0; i < kd.dl->count; i++) {
        const sp_draw_cmd *c = &kd.dl->cmds[i];
        if (c->kind != SP_CMD_TEXT)
            continue;
        assert_true(c->rect.y >= 0 && c->rect.y + c->rect.h <= 540);
        last = c;
    }
    assert_non_null(last);
    assert_null(strstr(last->text, "\xE2\x80\xA6")); /* the support's last line is not cut */
    assert_non_null(strstr(kd_screen_text(), "end of every week"));
    kd_key(SP_KEY_HOME);
    kd_expect_text("How did it go?");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(scanning_a_badge_greets_the_student_then_shows_their_goals_in_plain_language,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(conference_and_staff_goals_never_reach_the_kiosk, setup, teardown),
        cmocka_unit_test_setup_teardown(a_badge_code_typed_on_the_scan_screen_signs_in_and_never_shows_in_clear, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_wrong_typed_code_is_refused_like_a_wrong_scan, setup, teardown),
        cmocka_unit_test_setup_teardown(reading_supports_change_the_look_for_that_student_only, setup, teardown),
        cmocka_unit_test_setup_teardown(a_goal_page_too_tall_for_large_text_scrolls_and_keeps_every_word, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(tapping_a_card_opens_the_goal_with_its_chart_and_how_we_will_know, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_goal_without_a_baseline_says_we_are_finding_the_starting_point, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(lower_is_better_goal_shows_progress_toward_fewer, setup, teardown),
        cmocka_unit_test_setup_teardown(idle_timeout_counts_down_then_clears_everything_of_the_student, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(im_done_ends_the_session_and_says_goodbye, setup, teardown),
        cmocka_unit_test_setup_teardown(im_done_on_the_goal_page_ends_the_session_too, setup, teardown),
        cmocka_unit_test_setup_teardown(a_second_badge_switches_students_at_once, setup, teardown),
        cmocka_unit_test_setup_teardown(five_unknown_scans_within_a_minute_start_a_cool_down, setup, teardown),
        cmocka_unit_test_setup_teardown(unknown_scans_spread_over_more_than_a_minute_do_not_cool_down, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_revoked_badge_has_its_own_message, setup, teardown),
        cmocka_unit_test_setup_teardown(teacher_badge_opens_the_menu_and_only_it_exits, setup, teardown),
        cmocka_unit_test_setup_teardown(teacher_can_return_to_the_scan_screen, setup, teardown),
        cmocka_unit_test_setup_teardown(the_teacher_menu_times_out_like_any_session, setup, teardown),
        cmocka_unit_test_setup_teardown(scanning_the_same_badge_again_keeps_the_session, setup, teardown),
        cmocka_unit_test_setup_teardown(her_own_badge_mid_self_check_keeps_her_answers_another_badge_switches, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(closing_the_kiosk_with_a_student_signed_in_logs_closed, setup, teardown),
        cmocka_unit_test_setup_teardown(student_keys_never_exit_the_kiosk, setup, teardown),
        cmocka_unit_test_setup_teardown(keyboard_moves_a_visible_focus_ring_and_enter_opens_a_goal, setup, teardown),
        cmocka_unit_test_setup_teardown(a_long_goal_list_scrolls_by_keys_and_drag, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_database_shows_a_friendly_page_and_recovers, setup, teardown),
        cmocka_unit_test_setup_teardown(a_damaged_database_file_is_a_friendly_page_not_a_crash, setup, teardown),
        cmocka_unit_test_setup_teardown(a_locked_database_keeps_the_kiosk_responsive_and_the_log_catches_up, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(idle_scan_screen_breathes_now_and_then_and_sleeps_between, setup, teardown),
        cmocka_unit_test_setup_teardown(layouts_fit_every_window_with_big_touch_targets, setup, teardown),
        cmocka_unit_test_setup_teardown(resizing_reflows_the_goal_list, setup, teardown),
        cmocka_unit_test_setup_teardown(every_demo_student_sees_only_their_kiosk_goals_and_everything_fits, setup,
                                        teardown),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
