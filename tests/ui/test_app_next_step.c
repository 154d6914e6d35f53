/* test_app_next_step.c — "Set my next step" and the typing screen at the kiosk, driven in virtual
 * time on the demo school: a student answers the four questions of the goal-setting script with
 * chips, with the on-screen keyboard and with a physical keyboard, checks the plan and saves it;
 * the row is in next_step_plans. Walking away mid-flow leaves nothing of the draft on screen,
 * in memory or in the database. Every page fits the three window sizes with touch targets of at
 * least 64 px. Text is measured by a fixed-width fake (half the pixel size per character). */
#include "test_support.h"

#include "app/app.h"
#include "app/app_internal.h"
#include "badge.h"
#include "db.h"
#include "reflect.h"
#include "ui/draw_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fake_width(void *user, const char *text, size_t len, int size, sp_font_style style)
{
    (void)user;
    (void)style;
    int cps = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            cps++;
    return cps * size / 2;
}

static int fake_line_height(void *user, int size)
{
    (void)user;
    return size * 5 / 4;
}

static const sp_text_metrics METRICS = {NULL, fake_width, fake_line_height};

#define START_MS 1795424400000ull /* 2026-11-23T09:00:00Z, a Monday in the demo term */
#define LAYLA "E8003"             /* 8th grade, the claim-and-evidence writing goal */
#define LAYLA_GOAL "I will write 3 paragraphs"

static char db_path[1024];
static sqlite3 *other; /* a second connection, as the admin tool would have */
static sp_app *app;
static sp_draw_list *dl;
static uint64_t now;
static int win_w = 1280, win_h = 800;

/* ---- the school and the app ---------------------------------------------------------------- */

static int group_setup(void **state)
{
    (void)state;
    setenv("SIGNPOST_NOW", "2026-11-23T09:00:00Z", 1);
    snprintf(db_path, sizeof db_path, "%s", ts_path("demo.db"));
    ts_run_result r = ts_admin(db_path, "demo", NULL);
    if (r.exit_code != 0)
        fail_msg("demo: %s", r.err);
    ts_run_free(&r);
    r = ts_admin(db_path, "badge", "issue", "--all-missing", NULL);
    if (r.exit_code != 0)
        fail_msg("badge issue: %s", r.err);
    ts_run_free(&r);
    dl = calloc(1, sizeof *dl);
    return dl ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    free(dl);
    ts_cleanup();
    return 0;
}

static void draw(void) { sp_app_frame(app, dl, now); }

static void event(sp_app_event ev)
{
    sp_app_handle(app, &ev, now);
    if (sp_app_needs_redraw(app, now))
        draw();
}

static void start_app(int w, int h)
{
    sp_app_free(app);
    win_w = w;
    win_h = h;
    sp_app_config cfg = {.db_path = db_path, .kiosk_name = "Room 210", .width = w, .height = h};
    app = sp_app_new(&cfg, &METRICS, now);
    assert_non_null(app);
    draw();
}

static int setup(void **state)
{
    (void)state;
    other = ts_open(db_path);
    sqlite3_exec(other, "DELETE FROM next_step_plans", NULL, NULL, NULL);
    now = START_MS;
    app = NULL;
    start_app(1280, 800);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    assert_false(dl->overflow);
    sp_app_free(app);
    app = NULL;
    sqlite3_close(other);
    other = NULL;
    return 0;
}

static void wait_ms(uint64_t ms)
{
    uint64_t until = now + ms;
    while (now < until) {
        uint64_t d = sp_app_next_deadline(app, now);
        now = d > now && d < until ? d : until;
        event((sp_app_event){.kind = SP_EV_TICK});
    }
}

static void tap(int x, int y)
{
    now += 300;
    event((sp_app_event){.kind = SP_EV_POINTER, .x = x, .y = y});
}

static void key(sp_app_key k) { event((sp_app_event){.kind = SP_EV_KEY, .key = k}); }

/* A physical keyboard: one SP_EV_TEXT per character, as SDL_TEXTINPUT delivers them. */
static void type_text(const char *s)
{
    while (*s) {
        size_t n = 1;
        while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
            n++;
        sp_app_event ev = {.kind = SP_EV_TEXT};
        memcpy(ev.text, s, n);
        event(ev);
        s += n;
    }
}

static void raw_text(const char *bytes)
{
    sp_app_event ev = {.kind = SP_EV_TEXT};
    snprintf(ev.text, sizeof ev.text, "%s", bytes);
    event(ev);
}

static void expect_screen(const char *name) { assert_string_equal(sp_app_screen_name(app), name); }

static bool on_screen(const char *needle)
{
    draw();
    return sp_draw_contains_text(dl, needle);
}

static void expect_text(const char *needle)
{
    if (!on_screen(needle))
        fail_msg("expected \"%s\" on the %s screen", needle, sp_app_screen_name(app));
}

static void tap_text(const char *needle)
{
    draw();
    const sp_draw_cmd *c = sp_draw_find_text(dl, needle);
    if (!c)
        fail_msg("no text containing \"%s\" on the %s screen", needle, sp_app_screen_name(app));
    tap(c->rect.x + c->rect.w / 2, c->rect.y + c->rect.h / 2);
}

/* Taps the on-screen key (or button) whose label is exactly `label`. */
static void tap_key(const char *label)
{
    draw();
    for (size_t i = 0; i < dl->count; i++) {
        const sp_draw_cmd *c = &dl->cmds[i];
        if (c->kind == SP_CMD_TEXT && c->role == SP_ROLE_BUTTON && strcmp(c->text, label) == 0) {
            tap(c->rect.x + c->rect.w / 2, c->rect.y + c->rect.h / 2);
            return;
        }
    }
    fail_msg("no key labelled \"%s\" on the %s screen", label, sp_app_screen_name(app));
}

static void tap_keys(const char *const *labels)
{
    for (; *labels; labels++)
        tap_key(*labels);
}

/* The answer box's counter ("37 / 120"). */
static const sp_draw_cmd *counter(void)
{
    draw();
    for (size_t i = 0; i < dl->count; i++)
        if (dl->cmds[i].kind == SP_CMD_TEXT && dl->cmds[i].role == SP_ROLE_STATUS && strstr(dl->cmds[i].text, " / "))
            return &dl->cmds[i];
    fail_msg("no counter on the %s screen", sp_app_screen_name(app));
    return NULL;
}

static bool bytes_contain(const void *mem, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    const char *p = mem;
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(p + i, needle, k) == 0)
            return true;
    return false;
}

static long long student_id(const char *sis)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT id FROM students WHERE sis_id = '%s'", sis);
    return ts_query_int(other, sql);
}

static long long goal_id(const char *sis, const char *template_key)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT m.id FROM milestones m JOIN students s ON s.id = m.student_id WHERE s.sis_id = '%s'"
             " AND m.template_key = '%s' AND m.visibility = 'kiosk' ORDER BY m.id LIMIT 1",
             sis, template_key);
    return ts_query_int(other, sql);
}

static long long count_plans(void) { return ts_query_int(other, "SELECT count(*) FROM next_step_plans"); }

static void scan_student(const char *sis)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(other,
                                        "SELECT b.token FROM badges b JOIN students s ON s.id = b.student_id"
                                        " WHERE s.sis_id = ?1 AND b.revoked_at IS NULL",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, sis, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    char payload[SP_BADGE_PAYLOAD_MAX];
    sp_badge_payload((const char *)sqlite3_column_text(st, 0), payload);
    sqlite3_finalize(st);
    sp_app_event ev = {.kind = SP_EV_SCAN};
    snprintf(ev.text, sizeof ev.text, "%s", payload);
    event(ev);
    wait_ms(1500);
    expect_screen("goals");
}

/* Layla signs in, opens her writing goal and taps "Set my next step". */
static void open_flow(void)
{
    scan_student(LAYLA);
    tap_text(LAYLA_GOAL);
    expect_screen("goal");
    tap_text("Set my next step");
    expect_screen("next-step");
}

/* Every touch target at least 64 x 64 px, every text inside the window and as wide as its rect. */
static void check_layout(const char *where)
{
    draw();
    sp_rect targets[256];
    size_t n = sp_app_touch_targets(app, targets, 256);
    assert_false(dl->overflow);
    for (size_t i = 0; i < n; i++)
        if (targets[i].h < 64 || targets[i].w < 64)
            fail_msg("%s at %dx%d: touch target %zu is %dx%d", where, win_w, win_h, i, targets[i].w, targets[i].h);
    for (size_t i = 0; i < dl->count; i++) {
        const sp_draw_cmd *c = &dl->cmds[i];
        if (c->kind != SP_CMD_TEXT)
            continue;
        if (c->rect.x < 0 || c->rect.y < 0 || c->rect.x + c->rect.w > win_w || c->rect.y + c->rect.h > win_h)
            fail_msg("%s at %dx%d: \"%s\" leaves the window", where, win_w, win_h, c->text);
        if (fake_width(NULL, c->text, strlen(c->text), c->size, c->style) > c->rect.w)
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
    assert_int_equal(sp_self_check_chips(other, goal_id(LAYLA, "ela8-claim-evidence"), &chips), SQLITE_OK);
    assert_true(chips.nobstacle > 0 && chips.nnext > 0);

    open_flow();
    expect_text("What's getting in the way?");
    expect_text("Step 1 of 4");
    expect_text(LAYLA_GOAL);
    expect_text("Type my own");
    tap_text(chips.obstacle[0]);
    tap_text("Next");

    /* 2: typed on the on-screen keyboard */
    expect_text("Which change would help most?");
    expect_text("Step 2 of 4");
    expect_text(chips.next[0]);
    tap_text("Type my own");
    expect_screen("type-answer");
    expect_text("Which change would help most?");
    expect_text("0 / 120");
    static const char *const keys[] = {"Shift", "M", "o", "r", "e", "space", "\xC3\xA0\xC3\xA9", "\xC3\xA9", "123",
                                       "2", "!", "Delete", "abc", "space", "t", "i", "m", "e", NULL};
    tap_keys(keys);
    expect_text("More \xC3\xA9" "2 time");
    assert_string_equal(counter()->text, "12 / 120");
    tap_text("Use this");
    expect_screen("next-step");
    expect_text("More \xC3\xA9" "2 time"); /* the typed answer is the chosen chip */

    /* Back keeps the answers. */
    tap_text("Back");
    expect_text("Step 1 of 4");
    tap_text("Next");
    expect_text("More \xC3\xA9" "2 time");
    tap_text("Next");

    /* 3: a chip from the goal itself */
    expect_text("How will we know it's working?");
    expect_text("My teacher checks my rubric points");
    tap_text("My chart goes up");
    tap_text("Next");

    /* 4: typed on a physical keyboard, Enter to use it */
    expect_text("What support do I want first?");
    expect_text("Step 4 of 4");
    tap_text("Type my own");
    type_text("Ayuda en espa\xC3\xB1ol");
    key(SP_KEY_ENTER);
    expect_screen("next-step");
    tap_text("Next");

    /* the plan */
    expect_text("My plan");
    expect_text(chips.obstacle[0]);
    expect_text("More \xC3\xA9" "2 time");
    expect_text("My chart goes up");
    expect_text("Ayuda en espa\xC3\xB1ol");
    assert_int_equal(count_plans(), 0);
    tap_text("Save my plan");
    expect_text("Saved");
    plan_row row;
    assert_true(latest_plan(&row));
    assert_int_equal(row.student_id, student_id(LAYLA));
    assert_int_equal(row.milestone_id, goal_id(LAYLA, "ela8-claim-evidence"));
    assert_true(row.session_id > 0);
    assert_string_equal(row.answer[0], chips.obstacle[0]);
    assert_string_equal(row.answer[1], "More \xC3\xA9" "2 time");
    assert_string_equal(row.answer[2], "My chart goes up");
    assert_string_equal(row.answer[3], "Ayuda en espa\xC3\xB1ol");
    wait_ms(2000);
    expect_screen("goal");
    /* The saved draft is gone from memory. */
    assert_false(bytes_contain(&app->person, sizeof app->person, "Ayuda en"));
}

static void a_physical_keyboard_types_deletes_accepts_and_goes_back(void **state)
{
    (void)state;
    open_flow();
    tap_text("Type my own");
    type_text("Caf\xC3\xA9");
    key(SP_KEY_BACKSPACE); /* the whole é */
    expect_text("Caf");
    assert_string_equal(counter()->text, "3 / 120");
    type_text("\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC"); /* é, a space and two CJK characters */
    assert_string_equal(counter()->text, "7 / 120");
    /* Control characters and broken UTF-8 are ignored. */
    raw_text("\x01");
    raw_text("a\nb");
    raw_text("\x1b[A");
    raw_text("\xFF\xFE");
    raw_text("\xC3");
    assert_string_equal(counter()->text, "7 / 120");
    expect_text("Caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC");
    /* Escape leaves without changing the answer. */
    key(SP_KEY_ESCAPE);
    expect_screen("next-step");
    assert_false(on_screen("Caf"));
    expect_text("Type my own");
    /* Enter uses the text, spaces at either end dropped. */
    tap_text("Type my own");
    expect_text("0 / 120");
    type_text("  Ask Ms. Rivera  ");
    key(SP_KEY_ENTER);
    expect_screen("next-step");
    assert_string_equal(app->person.next_step.answer[0], "Ask Ms. Rivera");
    /* Typing again starts from the answer; Back on the screen keeps the old one. */
    tap_text("Ask Ms. Rivera");
    expect_screen("type-answer");
    expect_text("14 / 120");
    type_text("!!!");
    tap_text("Back");
    assert_string_equal(app->person.next_step.answer[0], "Ask Ms. Rivera");
}

static void the_answer_stops_at_120_characters_and_the_counter_warns(void **state)
{
    (void)state;
    open_flow();
    tap_text("Type my own");
    for (int i = 0; i < 13; i++)
        type_text("abcdefghi ");
    assert_string_equal(counter()->text, "120 / 120");
    sp_color warn = app->theme.red;
    assert_true(counter()->color.r == warn.r && counter()->color.g == warn.g && counter()->color.b == warn.b);
    tap_key("q");
    assert_string_equal(counter()->text, "120 / 120");
    key(SP_KEY_BACKSPACE);
    assert_string_equal(counter()->text, "119 / 120");
    assert_false(counter()->color.r == warn.r && counter()->color.g == warn.g && counter()->color.b == warn.b);
    tap_text("Use this");
    assert_int_equal(sp_answer_chars(app->person.next_step.answer[0]), 119);
    char err[128];
    assert_true(sp_answer_valid(app->person.next_step.answer[0], err, sizeof err));
}

static void walking_away_mid_flow_leaves_no_trace(void **state)
{
    (void)state;
    open_flow();
    tap_text("Type my own");
    type_text("Zebra secret plan");
    expect_text("Zebra secret plan");
    wait_ms(50000);
    expect_screen("timeout-warning");
    assert_false(on_screen("Zebra"));
    wait_ms(11000);
    expect_screen("scan");
    assert_false(on_screen("Zebra"));
    assert_false(on_screen("Layla"));
    assert_false(bytes_contain(&app->person, sizeof app->person, "Zebra"));
    assert_false(bytes_contain(&app->person, sizeof app->person, "What's getting"));
    assert_int_equal(count_plans(), 0);

    /* The same with chips picked and the plan page open: nothing saved, nothing left. */
    open_flow();
    tap_text("Skip");
    tap_text("Skip");
    tap_text("My chart goes up");
    tap_text("Next");
    tap_text("Skip");
    expect_text("My plan");
    wait_ms(61000);
    expect_screen("scan");
    assert_false(on_screen("My chart goes up"));
    assert_false(bytes_contain(&app->person, sizeof app->person, "My chart goes up"));
    assert_int_equal(count_plans(), 0);
}

static void the_flow_goes_back_to_the_goal_and_an_empty_plan_cannot_be_saved(void **state)
{
    (void)state;
    open_flow();
    /* A chip tapped twice is taken back. */
    sp_chips chips;
    memset(&chips, 0, sizeof chips);
    assert_int_equal(sp_self_check_chips(other, goal_id(LAYLA, "ela8-claim-evidence"), &chips), SQLITE_OK);
    tap_text(chips.obstacle[0]);
    expect_text("Next");
    tap_text(chips.obstacle[0]);
    expect_text("Skip");
    for (int i = 0; i < 4; i++)
        tap_text("Skip");
    expect_text("My plan");
    expect_text("Skipped");
    assert_false(on_screen("Save my plan"));
    expect_text("Answer at least one question");
    /* A row of the plan opens its question again. */
    tap_text("How will we know it's working?");
    expect_text("Step 3 of 4");
    tap_text("My chart goes up");
    tap_text("Next");
    tap_text("Skip");
    expect_text("Save my plan");
    /* Back through every page, then out to the goal, dropping the answers. */
    for (int i = 0; i < 5; i++)
        key(SP_KEY_ESCAPE);
    expect_screen("goal");
    assert_false(bytes_contain(&app->person, sizeof app->person, "My chart goes up"));
    assert_int_equal(count_plans(), 0);
}

static void every_page_fits_each_window_with_big_touch_targets(void **state)
{
    (void)state;
    static const int SIZES[][2] = {{1280, 800}, {800, 1280}, {1920, 1080}};
    for (size_t s = 0; s < 3; s++) {
        start_app(SIZES[s][0], SIZES[s][1]);
        scan_student(LAYLA);
        tap_text(LAYLA_GOAL);
        check_layout("goal");
        tap_text("Set my next step");
        for (int page = 0; page < 4; page++) {
            check_layout("next-step");
            if (page == 1) {
                tap_text("Type my own");
                check_layout("type-answer letters");
                tap_key("Shift");
                check_layout("type-answer shift");
                tap_key("123");
                check_layout("type-answer numbers");
                tap_key("\xC3\xA0\xC3\xA9");
                check_layout("type-answer accents");
                for (int i = 0; i < 12; i++)
                    type_text("wwwwwwwwww");
                check_layout("type-answer full");
                tap_text("Use this");
                check_layout("next-step typed");
            }
            tap_text(page == 1 ? "Next" : "Skip");
        }
        check_layout("plan");
        tap_text("Save my plan");
        check_layout("saved");
        wait_ms(2000);
        expect_screen("goal");
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
