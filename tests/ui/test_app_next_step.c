/* test_app_next_step.c — "Set my next step" and the typing screen at the kiosk, driven in virtual
 * time on the demo school: a student answers the four questions of the goal-setting script with
 * chips, with the on-screen keyboard and with a physical keyboard, checks the plan and saves it;
 * the row is in next_step_plans. Walking away mid-flow leaves nothing of the draft on screen,
 * in memory or in the database. Every page fits the three window sizes with touch targets of at
 * least 64 px. Text is measured by a fixed-width fake (half the pixel size per character). */
#include "kiosk_driver.h"

#include "app/app_internal.h"
#include "db.h"
#include "reflect.h"
#include "ui/draw_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define START_MS 1795424400000ull /* 2026-11-23T09:00:00Z, a Monday in the demo term */
#define LAYLA "E8003"             /* 8th grade, the claim-and-evidence writing goal */
#define LAYLA_GOAL "I will write 3 paragraphs"

static char db_path[1024];
static sqlite3 *other; /* a second connection, as the admin tool would have */
static int win_w = 1280, win_h = 800;

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
    kd.tap_ms = 300;        /* a student's pace: 300 ms before each tap */
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    kd_end();
    ts_cleanup();
    return 0;
}

static void start_app(int w, int h)
{
    kd_stop_app();
    win_w = w;
    win_h = h;
    kd_start_app(w, h);
}

static int setup(void **state)
{
    (void)state;
    other = ts_open(db_path);
    sqlite3_exec(other, "DELETE FROM next_step_plans", NULL, NULL, NULL);
    kd.now = START_MS;
    start_app(1280, 800);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    assert_false(kd.dl->overflow);
    kd_stop_app();
    sqlite3_close(other);
    other = NULL;
    return 0;
}

/* Taps the on-screen key (or button) whose label is exactly `label`. */
static void tap_key(const char *label)
{
    kd_draw();
    for (size_t i = 0; i < kd.dl->count; i++) {
        const sp_draw_cmd *c = &kd.dl->cmds[i];
        if (c->kind == SP_CMD_TEXT && c->role == SP_ROLE_BUTTON && strcmp(c->text, label) == 0) {
            kd_tap(c->rect.x + c->rect.w / 2, c->rect.y + c->rect.h / 2);
            return;
        }
    }
    fail_msg("no key labelled \"%s\" on the %s screen", label, sp_app_screen_name(kd.app));
}

static void tap_keys(const char *const *labels)
{
    for (; *labels; labels++)
        tap_key(*labels);
}

/* The answer box's counter ("37 / 120"). */
static const sp_draw_cmd *counter(void)
{
    kd_draw();
    for (size_t i = 0; i < kd.dl->count; i++) {
        const sp_draw_cmd *c = &kd.dl->cmds[i];
        if (c->kind == SP_CMD_TEXT && c->role == SP_ROLE_STATUS && strstr(c->text, " / "))
            return c;
    }
    fail_msg("no counter on the %s screen", sp_app_screen_name(kd.app));
    return NULL;
}

static long long count_plans(void) { return ts_query_int(other, "SELECT count(*) FROM next_step_plans"); }

/* Layla signs in, opens her writing goal and taps "Set my next step". */
static void open_flow(void)
{
    kd_sign_in(other, LAYLA);
    kd_tap_text(LAYLA_GOAL);
    kd_expect_screen("goal");
    kd_tap_text("Set my next step");
    kd_expect_screen("next-step");
}

/* Every touch target at least 64 x 64 px, every text inside the window and as wide as its rect. */
static void check_layout(const char *where)
{
    kd_draw();
    sp_rect targets[256];
    size_t n = sp_app_touch_targets(kd.app, targets, 256);
    assert_false(kd.dl->overflow);
    for (size_t i = 0; i < n; i++)
        if (targets[i].h < 64 || targets[i].w < 64)
            fail_msg("%s at %dx%d: touch target %zu is %dx%d", where, win_w, win_h, i, targets[i].w, targets[i].h);
    for (size_t i = 0; i < kd.dl->count; i++) {
        const sp_draw_cmd *c = &kd.dl->cmds[i];
        if (c->kind != SP_CMD_TEXT)
            continue;
        if (c->rect.x < 0 || c->rect.y < 0 || c->rect.x + c->rect.w > win_w || c->rect.y + c->rect.h > win_h)
            fail_msg("%s at %dx%d: \"%s\" leaves the window", where, win_w, win_h, c->text);
        if (kd_fake_width(NULL, c->text, strlen(c->text), c->size, c->style) > c->rect.w)
            fail_msg("%s at %dx%d: \"%s\" is wider than its rect", where, win_w, win_h, c->text);
    }
}

typedef struct {
    long long student_id, milestone_id, session_id;
    char answer[4][512];
} plan_row;

static bool latest_plan(plan_row *out)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(other,
                                        "SELECT student_id, milestone_id, coalesce(kiosk_session_id, 0), in_the_way,"
                                        " change_text, how_we_know, support_first FROM next_step_plans"
                                        " ORDER BY id DESC LIMIT 1",
                                        -1, &st, NULL),
                     SQLITE_OK);
    bool found = sqlite3_step(st) == SQLITE_ROW;
    if (found) {
        out->student_id = sqlite3_column_int64(st, 0);
        out->milestone_id = sqlite3_column_int64(st, 1);
        out->session_id = sqlite3_column_int64(st, 2);
        for (int i = 0; i < 4; i++)
            snprintf(out->answer[i], sizeof out->answer[i], "%s", (const char *)sqlite3_column_text(st, 3 + i));
    }
    sqlite3_finalize(st);
    return found;
}

/* ---- tests --------------------------------------------------------------------------------- */

static void a_student_sets_a_next_step_with_chips_and_typed_answers(void **state)
{
    (void)state;
    sp_chips chips;
    memset(&chips, 0, sizeof chips);
    assert_int_equal(sp_self_check_chips(other, kd_goal_id(other, LAYLA, "ela8-claim-evidence"), &chips), SQLITE_OK);
    assert_true(chips.nobstacle > 0 && chips.nnext > 0);

    open_flow();
    kd_expect_text("What's getting in the way?");
    kd_expect_text("Step 1 of 4");
    kd_expect_text(LAYLA_GOAL);
    kd_expect_text("Type my own");
    kd_tap_text(chips.obstacle[0]);
    kd_tap_text("Next");

    /* 2: typed on the on-screen keyboard */
    kd_expect_text("Which change would help most?");
    kd_expect_text("Step 2 of 4");
    kd_expect_text(chips.next[0]);
    kd_tap_text("Type my own");
    kd_expect_screen("type-answer");
    kd_expect_text("Which change would help most?");
    kd_expect_text("0 / 120");
    static const char *const keys[] = {"Shift", "M", "o", "r", "e", "space", "\xC3\xA0\xC3\xA9", "\xC3\xA9", "123",
                                       "2", "!", "Delete", "abc", "space", "t", "i", "m", "e", NULL};
    tap_keys(keys);
    kd_expect_text("More \xC3\xA9" "2 time");
    assert_string_equal(counter()->text, "12 / 120");
    kd_tap_text("Use this");
    kd_expect_screen("next-step");
    kd_expect_text("More \xC3\xA9" "2 time"); /* the typed answer is the chosen chip */

    /* Back keeps the answers. */
    kd_tap_text("Back");
    kd_expect_text("Step 1 of 4");
    kd_tap_text("Next");
    kd_expect_text("More \xC3\xA9" "2 time");
    kd_tap_text("Next");

    /* 3: a chip from the goal itself */
    kd_expect_text("How will we know it's working?");
    kd_expect_text("My teacher checks my rubric points");
    kd_tap_text("My chart goes up");
    kd_tap_text("Next");

    /* 4: typed on a physical keyboard, Enter to use it */
    kd_expect_text("What support do I want first?");
    kd_expect_text("Step 4 of 4");
    kd_tap_text("Type my own");
    kd_type_chars("Ayuda en espa\xC3\xB1ol");
    kd_key(SP_KEY_ENTER);
    kd_expect_screen("next-step");
    kd_tap_text("Next");

    /* the plan */
    kd_expect_text("My plan");
    kd_expect_text(chips.obstacle[0]);
    kd_expect_text("More \xC3\xA9" "2 time");
    kd_expect_text("My chart goes up");
    kd_expect_text("Ayuda en espa\xC3\xB1ol");
    assert_int_equal(count_plans(), 0);
    kd_tap_text("Save my plan");
    kd_expect_text("Saved");
    plan_row row;
    assert_true(latest_plan(&row));
    assert_int_equal(row.student_id, kd_student_id(other, LAYLA));
    assert_int_equal(row.milestone_id, kd_goal_id(other, LAYLA, "ela8-claim-evidence"));
    assert_true(row.session_id > 0);
    assert_string_equal(row.answer[0], chips.obstacle[0]);
    assert_string_equal(row.answer[1], "More \xC3\xA9" "2 time");
    assert_string_equal(row.answer[2], "My chart goes up");
    assert_string_equal(row.answer[3], "Ayuda en espa\xC3\xB1ol");
    kd_wait_ms(2000);
    kd_expect_screen("goal");
    /* The saved draft is gone from memory. */
    assert_false(kd_bytes_contain(&kd.app->person, sizeof kd.app->person, "Ayuda en"));
}

static void a_physical_keyboard_types_deletes_accepts_and_goes_back(void **state)
{
    (void)state;
    open_flow();
    kd_tap_text("Type my own");
    kd_type_chars("Caf\xC3\xA9");
    kd_key(SP_KEY_BACKSPACE); /* the whole é */
    kd_expect_text("Caf");
    assert_string_equal(counter()->text, "3 / 120");
    kd_type_chars("\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC"); /* é, a space and two CJK characters */
    assert_string_equal(counter()->text, "7 / 120");
    /* Control characters and broken UTF-8 are ignored. */
    kd_type_text("\x01");
    kd_type_text("a\nb");
    kd_type_text("\x1b[A");
    kd_type_text("\xFF\xFE");
    kd_type_text("\xC3");
    assert_string_equal(counter()->text, "7 / 120");
    kd_expect_text("Caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC");
    /* Escape leaves without changing the answer. */
    kd_key(SP_KEY_ESCAPE);
    kd_expect_screen("next-step");
    assert_false(kd_on_screen("Caf"));
    kd_expect_text("Type my own");
    /* Enter uses the text, spaces at either end dropped. */
    kd_tap_text("Type my own");
    kd_expect_text("0 / 120");
    kd_type_chars("  Ask Ms. Rivera  ");
    kd_key(SP_KEY_ENTER);
    kd_expect_screen("next-step");
    assert_string_equal(kd.app->person.next_step.answer[0], "Ask Ms. Rivera");
    /* Typing again starts from the answer; Back on the screen keeps the old one. */
    kd_tap_text("Ask Ms. Rivera");
    kd_expect_screen("type-answer");
    kd_expect_text("14 / 120");
    kd_type_chars("!!!");
    kd_tap_text("Back");
    assert_string_equal(kd.app->person.next_step.answer[0], "Ask Ms. Rivera");
}

static void the_answer_stops_at_120_characters_and_the_counter_warns(void **state)
{
    (void)state;
    open_flow();
    kd_tap_text("Type my own");
    for (int i = 0; i < 13; i++)
        kd_type_chars("abcdefghi ");
    assert_string_equal(counter()->text, "120 / 120");
    sp_color warn = kd.app->theme.red;
    assert_true(counter()->color.r == warn.r && counter()->color.g == warn.g && counter()->color.b == warn.b);
    tap_key("q");
    assert_string_equal(counter()->text, "120 / 120");
    kd_key(SP_KEY_BACKSPACE);
    assert_string_equal(counter()->text, "119 / 120");
    assert_false(counter()->color.r == warn.r && counter()->color.g == warn.g && counter()->color.b == warn.b);
    kd_tap_text("Use this");
    assert_int_equal(sp_answer_chars(kd.app->person.next_step.answer[0]), 119);
    char err[128];
    assert_true(sp_answer_valid(kd.app->person.next_step.answer[0], err, sizeof err));
}

static void walking_away_mid_flow_leaves_no_trace(void **state)
{
    (void)state;
    open_flow();
    kd_tap_text("Type my own");
    kd_type_chars("Zebra secret plan");
    kd_expect_text("Zebra secret plan");
    kd_wait_ms(50000);
    kd_expect_screen("timeout-warning");
    assert_false(kd_on_screen("Zebra"));
    kd_wait_ms(11000);
    kd_expect_screen("scan");
    assert_false(kd_on_screen("Zebra"));
    assert_false(kd_on_screen("Layla"));
    assert_false(kd_bytes_contain(&kd.app->person, sizeof kd.app->person, "Zebra"));
    assert_false(kd_bytes_contain(&kd.app->person, sizeof kd.app->person, "What's getting"));
    assert_int_equal(count_plans(), 0);

    /* The same with chips picked and the plan page open: nothing saved, nothing left. */
    open_flow();
    kd_tap_text("Skip");
    kd_tap_text("Skip");
    kd_tap_text("My chart goes up");
    kd_tap_text("Next");
    kd_tap_text("Skip");
    kd_expect_text("My plan");
    kd_wait_ms(61000);
    kd_expect_screen("scan");
    assert_false(kd_on_screen("My chart goes up"));
    assert_false(kd_bytes_contain(&kd.app->person, sizeof kd.app->person, "My chart goes up"));
    assert_int_equal(count_plans(), 0);
}

static void the_flow_goes_back_to_the_goal_and_an_empty_plan_cannot_be_saved(void **state)
{
    (void)state;
    open_flow();
    /* A chip tapped twice is taken back. */
    sp_chips chips;
    memset(&chips, 0, sizeof chips);
    assert_int_equal(sp_self_check_chips(other, kd_goal_id(other, LAYLA, "ela8-claim-evidence"), &chips), SQLITE_OK);
    kd_tap_text(chips.obstacle[0]);
    kd_expect_text("Next");
    kd_tap_text(chips.obstacle[0]);
    kd_expect_text("Skip");
    for (int i = 0; i < 4; i++)
        kd_tap_text("Skip");
    kd_expect_text("My plan");
    kd_expect_text("Skipped");
    assert_false(kd_on_screen("Save my plan"));
    kd_expect_text("Answer at least one question");
    /* A row of the plan opens its question again. */
    kd_tap_text("How will we know it's working?");
    kd_expect_text("Step 3 of 4");
    kd_tap_text("My chart goes up");
    kd_tap_text("Next");
    kd_tap_text("Skip");
    kd_expect_text("Save my plan");
    /* Back through every page, then out to the goal, dropping the answers. */
    for (int i = 0; i < 5; i++)
        kd_key(SP_KEY_ESCAPE);
    kd_expect_screen("goal");
    assert_false(kd_bytes_contain(&kd.app->person, sizeof kd.app->person, "My chart goes up"));
    assert_int_equal(count_plans(), 0);
}

static void every_page_fits_each_window_with_big_touch_targets(void **state)
{
    (void)state;
    static const int SIZES[][2] = {{1280, 800}, {800, 1280}, {1920, 1080}};
    for (size_t s = 0; s < 3; s++) {
        start_app(SIZES[s][0], SIZES[s][1]);
        kd_sign_in(other, LAYLA);
        kd_tap_text(LAYLA_GOAL);
        check_layout("goal");
        kd_tap_text("Set my next step");
        for (int page = 0; page < 4; page++) {
            check_layout("next-step");
            if (page == 1) {
                kd_tap_text("Type my own");
                check_layout("type-answer letters");
                tap_key("Shift");
                check_layout("type-answer shift");
                tap_key("123");
                check_layout("type-answer numbers");
                tap_key("\xC3\xA0\xC3\xA9");
                check_layout("type-answer accents");
                for (int i = 0; i < 12; i++)
                    kd_type_chars("wwwwwwwwww");
                check_layout("type-answer full");
                kd_tap_text("Use this");
                check_layout("next-step typed");
            }
            kd_tap_text(page == 1 ? "Next" : "Skip");
        }
        check_layout("plan");
        kd_tap_text("Save my plan");
        check_layout("saved");
        kd_wait_ms(2000);
        kd_expect_screen("goal");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_student_sets_a_next_step_with_chips_and_typed_answers, setup, teardown),
        cmocka_unit_test_setup_teardown(a_physical_keyboard_types_deletes_accepts_and_goes_back, setup, teardown),
        cmocka_unit_test_setup_teardown(the_answer_stops_at_120_characters_and_the_counter_warns, setup, teardown),
        cmocka_unit_test_setup_teardown(walking_away_mid_flow_leaves_no_trace, setup, teardown),
        cmocka_unit_test_setup_teardown(the_flow_goes_back_to_the_goal_and_an_empty_plan_cannot_be_saved, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(every_page_fits_each_window_with_big_touch_targets, setup, teardown),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
