/* test_app_self_check.c — "How did it go?" at the kiosk, driven in virtual time on the demo
 * school: the scale each student gets (faces for kindergarten and read-aloud students, 1-4 for
 * older ones), the strategy question of a social-emotional goal, chips from the goal's support
 * and if/then rules, a typed answer, and saving: "Saved" only once a second connection sees the
 * row, "Saving…" while the admin tool holds the write lock, giving up politely, and nothing left
 * of a draft after the idle timeout. Text is measured by a fixed-width fake, so no SDL. */
#include "kiosk_driver.h"

#include "app/app_internal.h"
#include "db.h"
#include "reflect.h"
#include "ui/draw_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 2026-11-23T09:00:00Z, the demo school's Monday. */
#define START_MS 1795424400000ull

static char db_path[1024];
static sqlite3 *other; /* a second connection, as the admin tool would have */

/* ---- the school and the app ---------------------------------------------------------------- */

static int group_setup(void **state)
{
    (void)state;
    setenv("SIGNPOST_NOW", "2026-11-23T09:00:00Z", 1);
    snprintf(db_path, sizeof db_path, "%s", ts_path("demo.db"));
    kd_demo_school(db_path);
    if (kd_begin(db_path, "Room 210", START_MS) != 0)
        return -1;
    kd.fresh_frames = true; /* each look at the screen draws it first */
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    kd_end();
    ts_cleanup();
    return 0;
}

static int setup(void **state)
{
    (void)state;
    other = ts_open(db_path);
    kd.now = START_MS;
    kd_start_app(1280, 800);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    kd_stop_app();
    sqlite3_close(other);
    other = NULL;
    return 0;
}

static bool has_icon(const char *name)
{
    for (size_t i = 0; i < kd.dl->count; i++)
        if (kd.dl->cmds[i].kind == SP_CMD_ICON && kd.dl->cmds[i].icon && strcmp(kd.dl->cmds[i].icon, name) == 0)
            return true;
    return false;
}

static long long count_checks(long long student)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM self_checks WHERE student_id = %lld", student);
    return ts_query_int(other, sql);
}

typedef struct {
    long long milestone_id, session_id;
    char scale[16];
    int rating, used_strategy; /* -1 for NULL */
    char obstacle[512], next_step[512];
} check_row;

/* The student's latest self-check, read through the second connection. */
static bool latest_check(long long student, check_row *out)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(other,
                                        "SELECT milestone_id, coalesce(kiosk_session_id, 0), scale, rating,"
                                        " coalesce(used_strategy, -1), obstacle, next_step FROM self_checks"
                                        " WHERE student_id = ?1 ORDER BY id DESC LIMIT 1",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_int64(st, 1, student);
    bool found = sqlite3_step(st) == SQLITE_ROW;
    if (found) {
        out->milestone_id = sqlite3_column_int64(st, 0);
        out->session_id = sqlite3_column_int64(st, 1);
        snprintf(out->scale, sizeof out->scale, "%s", (const char *)sqlite3_column_text(st, 2));
        out->rating = sqlite3_column_int(st, 3);
        out->used_strategy = sqlite3_column_int(st, 4);
        snprintf(out->obstacle, sizeof out->obstacle, "%s", (const char *)sqlite3_column_text(st, 5));
        snprintf(out->next_step, sizeof out->next_step, "%s", (const char *)sqlite3_column_text(st, 6));
    }
    sqlite3_finalize(st);
    return found;
}

static long long open_session(long long student)
{
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT id FROM kiosk_sessions WHERE student_id = %lld AND ended_at IS NULL", student);
    return ts_query_int(other, sql);
}

static sp_chips chips_of(long long milestone)
{
    sp_chips c;
    memset(&c, 0, sizeof c);
    assert_int_equal(sp_self_check_chips(other, milestone, &c), SQLITE_OK);
    return c;
}

/* Taps the self-check button of the first goal card. */
static void start_from_card(void)
{
    kd_tap_text("How did it go?");
    kd_expect_screen("self-check");
}

/* ---- the scales ---------------------------------------------------------------------------- */

static void test_grade7_student_rates_on_the_1_to_4_scale(void **state)
{
    (void)state;
    long long kwame = kd_student_id(other, "M7003"), goal = kd_goal_id(other, "M7003", "math7-unit-quiz");
    long long before = count_checks(kwame);
    kd_sign_in(other, "M7003");
    start_from_card();
    assert_true(kd_on_screen("How did it go?"));
    assert_true(kd_on_screen("I will get 65% on my unit quizzes."));
    for (int r = 1; r <= 4; r++)
        assert_true(kd_on_screen(sp_scale_words(SP_SCALE_SCALE4, r)));
    assert_false(has_icon("face-1"));
    assert_false(has_icon("face-3"));

    kd_tap_text(sp_scale_words(SP_SCALE_SCALE4, 3));
    kd_expect_screen("self-check");
    assert_true(kd_on_screen("What got in the way?")); /* academic: no strategy question */
    sp_chips chips = chips_of(goal);
    assert_true(chips.nobstacle > 0);
    kd_tap_text(chips.obstacle[0]);
    kd_tap_text("Next");
    assert_true(kd_on_screen("What will I try next?"));
    /* Next-step chips are in the student's words: the choice of the if/then rule, never the
     * teacher's support plan ("math lab Tuesdays + worked-example notes") or the rule's "then". */
    assert_true(kd_on_screen("Go to lunch tutoring"));
    assert_false(kd_on_screen("Math lab Tuesdays"));
    assert_false(kd_on_screen("Add lunch tutoring on Thursdays"));
    kd_tap_text("Go to lunch tutoring");
    assert_int_equal(count_checks(kwame), before);
    kd_tap_text("Save");

    /* "Saved" is on screen: the row is already visible to another connection. */
    kd_expect_screen("saving");
    assert_true(kd_on_screen("Saved"));
    assert_true(has_icon("check"));
    assert_int_equal(count_checks(kwame), before + 1);
    check_row row;
    assert_true(latest_check(kwame, &row));
    assert_int_equal(row.milestone_id, goal);
    assert_string_equal(row.scale, "scale4");
    assert_int_equal(row.rating, 3);
    assert_int_equal(row.used_strategy, -1);
    assert_string_equal(row.obstacle, chips.obstacle[0]);
    assert_string_equal(row.next_step, "Go to lunch tutoring");
    assert_true(row.session_id > 0);
    assert_int_equal(row.session_id, open_session(kwame));

    kd_wait_ms(KIOSK_SAVED_MS);
    kd_expect_screen("goals");
}

static void expect_faces(void)
{
    kd_draw();
    assert_true(has_icon("face-1"));
    assert_true(has_icon("face-2"));
    assert_true(has_icon("face-3"));
    assert_true(kd_on_screen("Not yet"));
    assert_true(kd_on_screen("Getting there"));
    assert_true(kd_on_screen("It went well"));
    assert_false(kd_on_screen(sp_scale_words(SP_SCALE_SCALE4, 4)));
}

static void test_kindergartner_gets_three_faces(void **state)
{
    (void)state;
    long long zoe = kd_student_id(other, "K0001");
    kd_sign_in(other, "K0001");
    start_from_card();
    expect_faces();
    kd_tap_text("It went well");
    /* It went well: nothing got in the way to ask about, straight on to the next step. */
    assert_false(kd_on_screen("What got in the way?"));
    assert_true(kd_on_screen("What will I try next?"));
    kd_tap_text("Skip"); /* both answers are optional: Skip on the last page saves */
    assert_true(kd_on_screen("Saved"));
    check_row row;
    assert_true(latest_check(zoe, &row));
    assert_string_equal(row.scale, "faces3");
    assert_int_equal(row.rating, 3);
    assert_string_equal(row.obstacle, "");
    assert_string_equal(row.next_step, "");
}

static void test_read_aloud_student_gets_faces_from_the_goal_detail(void **state)
{
    (void)state;
    long long layla = kd_student_id(other, "E8003");
    long long before = count_checks(layla);
    kd_sign_in(other, "E8003");
    kd_tap_text("I will write 3 paragraphs"); /* the card itself still opens the goal */
    kd_expect_screen("goal");
    kd_tap_text("How did it go?");
    kd_expect_screen("self-check");
    expect_faces();
    /* Back on the first question leaves without saving anything. */
    kd_key(SP_KEY_ESCAPE);
    kd_expect_screen("goal");
    assert_int_equal(count_checks(layla), before);

    kd_tap_text("How did it go?");
    kd_tap_text("Not yet");
    kd_tap_text("Next");
    kd_tap_text("Save");
    assert_true(kd_on_screen("Saved"));
    kd_wait_ms(KIOSK_SAVED_MS);
    kd_expect_screen("goal"); /* back where the self-check started */
    check_row row;
    assert_true(latest_check(layla, &row));
    assert_string_equal(row.scale, "faces3");
    assert_int_equal(row.rating, 1);
}

static void test_social_emotional_goal_asks_about_the_strategy(void **state)
{
    (void)state;
    long long marcus = kd_student_id(other, "H1002"), goal = kd_goal_id(other, "H1002", "hr10-coping");
    kd_sign_in(other, "H1002");
    start_from_card();
    kd_tap_text(sp_scale_words(SP_SCALE_SCALE4, 2));
    assert_true(kd_on_screen("Did I use my strategy?"));
    kd_tap_text("Yes, I did");
    assert_true(kd_on_screen("What got in the way?"));
    kd_tap_text("Next");
    /* Every next-step chip of the goal is offered: the student's own choice of the if/then rule
     * and a few general steps (never the teacher's support plan). */
    sp_chips chips = chips_of(goal);
    assert_true(chips.nnext >= 3);
    for (size_t i = 0; i < chips.nnext; i++)
        assert_true(kd_on_screen(chips.next[i]));
    assert_true(kd_on_screen("Walk and breathe"));
    assert_false(kd_on_screen("Breathing card"));
    kd_tap_text(chips.next[chips.nnext - 1]);
    kd_tap_text("Save");
    assert_true(kd_on_screen("Saved"));
    check_row row;
    assert_true(latest_check(marcus, &row));
    assert_int_equal(row.milestone_id, goal);
    assert_int_equal(row.used_strategy, 1);
    assert_int_equal(row.rating, 2);
    assert_string_equal(row.next_step, chips.next[chips.nnext - 1]);
}

static void test_a_second_tap_takes_a_chip_back_and_skip_strategy_stores_nothing(void **state)
{
    (void)state;
    long long ifrah = kd_student_id(other, "H1003");
    kd_sign_in(other, "H1003");
    start_from_card();
    kd_tap_text(sp_scale_words(SP_SCALE_SCALE4, 3)); /* "Got it": room left to say what got in the way */
    kd_tap_text("Skip"); /* "Did I use my strategy?" skipped */
    sp_chips chips = chips_of(kd_goal_id(other, "H1003", "hr10-coping"));
    kd_tap_text(chips.obstacle[0]);
    kd_tap_text(chips.obstacle[0]); /* taken back */
    kd_tap_text("Next");
    kd_tap_text("Save");
    check_row row;
    assert_true(latest_check(ifrah, &row));
    assert_int_equal(row.used_strategy, -1);
    assert_string_equal(row.obstacle, "");
}

/* ---- typed answers --------------------------------------------------------------------------- */

/* The top rating leaves nothing in the way to ask about: "Can teach it" goes straight to the
 * next step, and Back from there returns to the rating. */
static void test_the_top_rating_skips_what_got_in_the_way(void **state)
{
    (void)state;
    long long kwame = kd_student_id(other, "M7003");
    kd_sign_in(other, "M7003");
    start_from_card();
    kd_tap_text(sp_scale_words(SP_SCALE_SCALE4, 4));
    assert_false(kd_on_screen("What got in the way?"));
    assert_true(kd_on_screen("What will I try next?"));
    kd_tap_text("Back");
    assert_true(kd_on_screen(sp_scale_words(SP_SCALE_SCALE4, 1)));
    kd_tap_text(sp_scale_words(SP_SCALE_SCALE4, 4));
    kd_tap_text("Save");
    check_row row;
    assert_true(latest_check(kwame, &row));
    assert_int_equal(row.rating, 4);
    assert_string_equal(row.obstacle, "");
}

static void test_a_typed_answer_is_saved(void **state)
{
    (void)state;
    long long chloe = kd_student_id(other, "M7002");
    kd_sign_in(other, "M7002");
    start_from_card();
    kd_tap_text(sp_scale_words(SP_SCALE_SCALE4, 2));
    kd_tap_text("Type my own");
    kd_expect_screen("type-answer");
    kd_type_text("The bell rang early");
    kd_key(SP_KEY_ENTER);
    kd_expect_screen("self-check");
    assert_true(kd_on_screen("The bell rang early")); /* shown as the chosen answer */
    kd_tap_text("Next");
    kd_tap_text("Skip");
    assert_true(kd_on_screen("Saved"));
    check_row row;
    assert_true(latest_check(chloe, &row));
    assert_string_equal(row.obstacle, "The bell rang early");
    assert_string_equal(row.next_step, "");
}

/* "Saved" must survive a power cut too, so the kiosk's commits wait for the disk. */
static void test_the_kiosk_commits_to_the_disk_before_saying_saved(void **state)
{
    (void)state;
    kd_sign_in(other, "M7002");
    assert_non_null(kd.app->db);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(kd.app->db, "PRAGMA synchronous", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 2); /* FULL */
    sqlite3_finalize(st);
}

/* True when the chip shows on the page, or on one of the pages behind "More choices" (the
 * walk comes back round to the first page). */
static bool on_some_page(const char *chip)
{
    for (int page = 0; page < 4; page++) {
        if (kd_on_screen(chip))
            return true;
        if (!kd_on_screen("More choices"))
            return false;
        kd_tap_text("More choices");
    }
    return false;
}

static void test_a_goal_with_no_support_text_still_has_chips(void **state)
{
    (void)state;
    long long goal = kd_goal_id(other, "M7005", "math7-unit-quiz");
    char sql[256];
    snprintf(sql, sizeof sql, "UPDATE milestones SET support = '' WHERE id = %lld", goal);
    assert_int_equal(sqlite3_exec(other, sql, NULL, NULL, NULL), SQLITE_OK);
    snprintf(sql, sizeof sql, "DELETE FROM if_then_rules WHERE milestone_id = %lld", goal);
    assert_int_equal(sqlite3_exec(other, sql, NULL, NULL, NULL), SQLITE_OK);
    sp_chips chips = chips_of(goal);
    assert_true(chips.nobstacle > 0);
    assert_true(chips.nnext > 0);

    kd_sign_in(other, "M7005");
    start_from_card();
    kd_tap_text(sp_scale_words(SP_SCALE_SCALE4, 1));
    /* Nothing is left out: a chip that does not fit is on a page behind "More choices". */
    for (size_t i = 0; i < chips.nobstacle; i++)
        if (!on_some_page(chips.obstacle[i]))
            fail_msg("\"%s\" is on no page of \"What got in the way?\"", chips.obstacle[i]);
    kd_tap_text("Next");
    for (size_t i = 0; i < chips.nnext; i++)
        if (!on_some_page(chips.next[i]))
            fail_msg("\"%s\" is on no page of \"What will I try next?\"", chips.next[i]);
    assert_true(kd_on_screen("Type my own"));
}

/* ---- saving under a lock, and walking away --------------------------------------------------- */

/* Goes through a self-check up to the Save button. */
static void answer_up_to_save(const char *sis)
{
    kd_sign_in(other, sis);
    start_from_card();
    kd_tap_text(sp_scale_words(SP_SCALE_SCALE4, 3));
    kd_tap_text("Next");
    assert_true(kd_on_screen("What will I try next?"));
}

static void test_a_locked_database_says_saving_then_saves_when_released(void **state)
{
    (void)state;
    long long priya = kd_student_id(other, "M7009");
    long long before = count_checks(priya);
    answer_up_to_save("M7009");
    assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    kd_tap_text("Save");
    kd_expect_screen("saving");
    assert_true(kd_on_screen("Saving\xE2\x80\xA6"));
    assert_false(kd_on_screen("Saved"));
    kd_wait_ms(2000); /* retried on the timer, never freezing */
    assert_true(kd.app->saving.attempts > 5);
    assert_true(kd_on_screen("Saving\xE2\x80\xA6"));
    assert_false(kd_on_screen("Saved"));
    assert_int_equal(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(count_checks(priya), before);
    kd_wait_ms(KIOSK_SAVE_RETRY_MS);
    assert_true(kd_on_screen("Saved"));
    assert_int_equal(count_checks(priya), before + 1);
    check_row row;
    assert_true(latest_check(priya, &row));
    assert_int_equal(row.rating, 3);
}

static void test_a_lock_that_stays_gives_up_politely_and_keeps_the_answer(void **state)
{
    (void)state;
    long long ingrid = kd_student_id(other, "M7007"); /* baselining goals can be self-checked too */
    long long before = count_checks(ingrid);
    answer_up_to_save("M7007");
    sp_chips chips = chips_of(kd_goal_id(other, "M7007", "math7-unit-quiz"));
    kd_tap_text(chips.next[0]);
    assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    kd_tap_text("Save");
    kd_wait_ms(KIOSK_SAVE_GIVE_UP_MS + 500);
    assert_true(kd_on_screen("We couldn't save that."));
    assert_true(kd_on_screen("Please ask your teacher."));
    assert_false(kd_on_screen("Saved"));
    assert_int_equal(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(count_checks(ingrid), before);
    kd_tap_text("OK");
    kd_expect_screen("self-check");
    assert_true(kd_on_screen(chips.next[0])); /* the answer is still chosen: Save again works */
    kd_tap_text("Save");
    assert_true(kd_on_screen("Saved"));
    assert_int_equal(count_checks(ingrid), before + 1);
}

static void test_timeout_mid_flow_writes_nothing_and_leaves_no_draft(void **state)
{
    (void)state;
    long long yusuf = kd_student_id(other, "M7008");
    long long before = count_checks(yusuf);
    answer_up_to_save("M7008");
    kd_tap_text("Type my own");
    kd_type_text("my private words");
    kd_key(SP_KEY_ENTER);
    assert_true(kd_on_screen("my private words"));
    kd_wait_ms(61000);
    kd_expect_screen("scan");
    kd_draw();
    assert_false(sp_draw_contains_text(kd.dl, "my private words"));
    assert_false(sp_draw_contains_text(kd.dl, "I will get 65%"));
    assert_true(sp_app_take_purge_request(kd.app));
    assert_int_equal(count_checks(yusuf), before);
    /* The draft itself is gone from memory, not only from the screen. */
    assert_false(kd.app->person.check.active);
    assert_false(kd_bytes_contain(&kd.app->person, sizeof kd.app->person, "my private words"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_grade7_student_rates_on_the_1_to_4_scale, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_kiosk_commits_to_the_disk_before_saying_saved, setup, teardown),
        cmocka_unit_test_setup_teardown(test_kindergartner_gets_three_faces, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_aloud_student_gets_faces_from_the_goal_detail, setup, teardown),
        cmocka_unit_test_setup_teardown(test_social_emotional_goal_asks_about_the_strategy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_top_rating_skips_what_got_in_the_way, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_second_tap_takes_a_chip_back_and_skip_strategy_stores_nothing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_typed_answer_is_saved, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_goal_with_no_support_text_still_has_chips, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_locked_database_says_saving_then_saves_when_released, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_lock_that_stays_gives_up_politely_and_keeps_the_answer, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_timeout_mid_flow_writes_nothing_and_leaves_no_draft, setup, teardown),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
