/* test_app_self_check.c — "How did it go?" at the kiosk, driven in virtual time on the demo
 * school: the scale each student gets (faces for kindergarten and read-aloud students, 1-4 for
 * older ones), the strategy question of a social-emotional goal, chips from the goal's support
 * and if/then rules, a typed answer, and saving: "Saved" only once a second connection sees the
 * row, "Saving…" while the admin tool holds the write lock, giving up politely, and nothing left
 * of a draft after the idle timeout. Text is measured by a fixed-width fake, so no SDL. */
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

/* 2026-11-23T09:00:00Z, the demo school's Monday. */
#define START_MS 1795424400000ull

static char db_path[1024];
static sqlite3 *other; /* a second connection, as the admin tool would have */
static sp_app *app;
static sp_draw_list *dl;
static uint64_t now;

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

static int setup(void **state)
{
    (void)state;
    other = ts_open(db_path);
    now = START_MS;
    sp_app_config cfg = {.db_path = db_path, .kiosk_name = "Room 210", .width = 1280, .height = 800};
    app = sp_app_new(&cfg, &METRICS, now);
    assert_non_null(app);
    draw();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
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

static void tap(int x, int y) { event((sp_app_event){.kind = SP_EV_POINTER, .x = x, .y = y}); }
static void key(sp_app_key k) { event((sp_app_event){.kind = SP_EV_KEY, .key = k}); }

static void type_text(const char *s)
{
    sp_app_event ev = {.kind = SP_EV_TEXT};
    snprintf(ev.text, sizeof ev.text, "%s", s);
    event(ev);
}

static void tap_text(const char *needle)
{
    draw();
    const sp_draw_cmd *c = sp_draw_find_text(dl, needle);
    if (!c)
        fail_msg("no text containing \"%s\" on the %s screen", needle, sp_app_screen_name(app));
    tap(c->rect.x + c->rect.w / 2, c->rect.y + c->rect.h / 2);
}

static bool on_screen(const char *needle)
{
    draw();
    return sp_draw_contains_text(dl, needle);
}

static bool has_icon(const char *name)
{
    for (size_t i = 0; i < dl->count; i++)
        if (dl->cmds[i].kind == SP_CMD_ICON && dl->cmds[i].icon && strcmp(dl->cmds[i].icon, name) == 0)
            return true;
    return false;
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

static void expect_screen(const char *name) { assert_string_equal(sp_app_screen_name(app), name); }

static long long student_id(const char *sis)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT id FROM students WHERE sis_id = '%s'", sis);
    return ts_query_int(other, sql);
}

/* The student's kiosk-visible goal of a demo template. */
static long long goal_id(const char *sis, const char *template_key)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT m.id FROM milestones m JOIN students s ON s.id = m.student_id WHERE s.sis_id = '%s'"
             " AND m.template_key = '%s' AND m.visibility = 'kiosk' ORDER BY m.id LIMIT 1",
             sis, template_key);
    return ts_query_int(other, sql);
}

static void scan_student(const char *sis)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT b.token FROM badges b JOIN students s ON s.id = b.student_id WHERE s.sis_id = ?1"
             " AND b.revoked_at IS NULL");
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(other, sql, -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, sis, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    char payload[SP_BADGE_PAYLOAD_MAX];
    sp_badge_payload((const char *)sqlite3_column_text(st, 0), payload);
    sqlite3_finalize(st);
    sp_app_event ev = {.kind = SP_EV_SCAN};
    snprintf(ev.text, sizeof ev.text, "%s", payload);
    event(ev);
    wait_ms(1500); /* the welcome, then "My goals" */
    expect_screen("goals");
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
    tap_text("How did it go?");
    expect_screen("self-check");
}

/* ---- the scales ---------------------------------------------------------------------------- */

static void test_grade7_student_rates_on_the_1_to_4_scale(void **state)
{
    (void)state;
    long long kwame = student_id("M7003"), goal = goal_id("M7003", "math7-unit-quiz");
    long long before = count_checks(kwame);
    scan_student("M7003");
    start_from_card();
    assert_true(on_screen("How did it go?"));
    assert_true(on_screen("I will get 65% on my unit quizzes."));
    for (int r = 1; r <= 4; r++)
        assert_true(on_screen(sp_scale_words(SP_SCALE_SCALE4, r)));
    assert_false(has_icon("face-1"));
    assert_false(has_icon("face-3"));

    tap_text(sp_scale_words(SP_SCALE_SCALE4, 3));
    expect_screen("self-check");
    assert_true(on_screen("What got in the way?")); /* academic: no strategy question */
    sp_chips chips = chips_of(goal);
    assert_true(chips.nobstacle > 0);
    tap_text(chips.obstacle[0]);
    tap_text("Next");
    assert_true(on_screen("What will I try next?"));
    /* Next-step chips come from the support plan and the if/then rule. */
    assert_true(on_screen("Math lab Tuesdays"));
    assert_true(on_screen("lunch tutoring"));
    tap_text("Math lab Tuesdays");
    assert_int_equal(count_checks(kwame), before);
    tap_text("Save");

    /* "Saved" is on screen: the row is already visible to another connection. */
    expect_screen("saving");
    assert_true(on_screen("Saved"));
    assert_true(has_icon("check"));
    assert_int_equal(count_checks(kwame), before + 1);
    check_row row;
    assert_true(latest_check(kwame, &row));
    assert_int_equal(row.milestone_id, goal);
    assert_string_equal(row.scale, "scale4");
    assert_int_equal(row.rating, 3);
    assert_int_equal(row.used_strategy, -1);
    assert_string_equal(row.obstacle, chips.obstacle[0]);
    assert_string_equal(row.next_step, "Math lab Tuesdays");
    assert_true(row.session_id > 0);
    assert_int_equal(row.session_id, open_session(kwame));

    wait_ms(KIOSK_SAVED_MS);
    expect_screen("goals");
}

static void expect_faces(void)
{
    draw();
    assert_true(has_icon("face-1"));
    assert_true(has_icon("face-2"));
    assert_true(has_icon("face-3"));
    assert_true(on_screen("Not yet"));
    assert_true(on_screen("Getting there"));
    assert_true(on_screen("It went well"));
    assert_false(on_screen(sp_scale_words(SP_SCALE_SCALE4, 4)));
}

static void test_kindergartner_gets_three_faces(void **state)
{
    (void)state;
    long long zoe = student_id("K0001");
    scan_student("K0001");
    start_from_card();
    expect_faces();
    tap_text("It went well");
    assert_true(on_screen("What got in the way?"));
    tap_text("Skip");
    assert_true(on_screen("What will I try next?"));
    tap_text("Skip"); /* both answers are optional: Skip on the last page saves */
    assert_true(on_screen("Saved"));
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
    long long layla = student_id("E8003");
    long long before = count_checks(layla);
    scan_student("E8003");
    tap_text("I will write 3 paragraphs"); /* the card itself still opens the goal */
    expect_screen("goal");
    tap_text("How did it go?");
    expect_screen("self-check");
    expect_faces();
    /* Back on the first question leaves without saving anything. */
    key(SP_KEY_ESCAPE);
    expect_screen("goal");
    assert_int_equal(count_checks(layla), before);

    tap_text("How did it go?");
    tap_text("Not yet");
    tap_text("Next");
    tap_text("Save");
    assert_true(on_screen("Saved"));
    wait_ms(KIOSK_SAVED_MS);
    expect_screen("goal"); /* back where the self-check started */
    check_row row;
    assert_true(latest_check(layla, &row));
    assert_string_equal(row.scale, "faces3");
    assert_int_equal(row.rating, 1);
}

static void test_social_emotional_goal_asks_about_the_strategy(void **state)
{
    (void)state;
    long long marcus = student_id("H1002"), goal = goal_id("H1002", "hr10-coping");
    scan_student("H1002");
    start_from_card();
    tap_text(sp_scale_words(SP_SCALE_SCALE4, 2));
    assert_true(on_screen("Did I use my strategy?"));
    tap_text("Yes, I did");
    assert_true(on_screen("What got in the way?"));
    tap_text("Next");
    /* Every next-step chip of the goal is offered: support parts, the rule's "then" part and the
     * student's own choice. */
    sp_chips chips = chips_of(goal);
    assert_true(chips.nnext >= 3);
    for (size_t i = 0; i < chips.nnext; i++)
        assert_true(on_screen(chips.next[i]));
    assert_true(on_screen("Breathing card"));
    assert_true(on_screen("counselor"));
    tap_text(chips.next[chips.nnext - 1]);
    tap_text("Save");
    assert_true(on_screen("Saved"));
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
    long long ifrah = student_id("H1003");
    scan_student("H1003");
    start_from_card();
    tap_text(sp_scale_words(SP_SCALE_SCALE4, 4));
    tap_text("Skip"); /* "Did I use my strategy?" skipped */
    sp_chips chips = chips_of(goal_id("H1003", "hr10-coping"));
    tap_text(chips.obstacle[0]);
    tap_text(chips.obstacle[0]); /* taken back */
    tap_text("Next");
    tap_text("Save");
    check_row row;
    assert_true(latest_check(ifrah, &row));
    assert_int_equal(row.used_strategy, -1);
    assert_string_equal(row.obstacle, "");
}

/* ---- typed answers --------------------------------------------------------------------------- */

static void test_a_typed_answer_is_saved(void **state)
{
    (void)state;
    long long chloe = student_id("M7002");
    scan_student("M7002");
    start_from_card();
    tap_text(sp_scale_words(SP_SCALE_SCALE4, 2));
    tap_text("Type my own");
    expect_screen("type-answer");
    type_text("The bell rang early");
    key(SP_KEY_ENTER);
    expect_screen("self-check");
    assert_true(on_screen("The bell rang early")); /* shown as the chosen answer */
    tap_text("Next");
    tap_text("Skip");
    assert_true(on_screen("Saved"));
    check_row row;
    assert_true(latest_check(chloe, &row));
    assert_string_equal(row.obstacle, "The bell rang early");
    assert_string_equal(row.next_step, "");
}

/* "Saved" must survive a power cut too, so the kiosk's commits wait for the disk. */
static void test_the_kiosk_commits_to_the_disk_before_saying_saved(void **state)
{
    (void)state;
    scan_student("M7002");
    assert_non_null(app->db);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(app->db, "PRAGMA synchronous", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 2); /* FULL */
    sqlite3_finalize(st);
}

static void test_a_goal_with_no_support_text_still_has_chips(void **state)
{
    (void)state;
    long long goal = goal_id("M7005", "math7-unit-quiz");
    char sql[256];
    snprintf(sql, sizeof sql, "UPDATE milestones SET support = '' WHERE id = %lld", goal);
    assert_int_equal(sqlite3_exec(other, sql, NULL, NULL, NULL), SQLITE_OK);
    snprintf(sql, sizeof sql, "DELETE FROM if_then_rules WHERE milestone_id = %lld", goal);
    assert_int_equal(sqlite3_exec(other, sql, NULL, NULL, NULL), SQLITE_OK);
    sp_chips chips = chips_of(goal);
    assert_true(chips.nobstacle > 0);
    assert_true(chips.nnext > 0);

    scan_student("M7005");
    start_from_card();
    tap_text(sp_scale_words(SP_SCALE_SCALE4, 1));
    for (size_t i = 0; i < chips.nobstacle; i++)
        assert_true(on_screen(chips.obstacle[i]));
    tap_text("Next");
    for (size_t i = 0; i < chips.nnext; i++)
        assert_true(on_screen(chips.next[i]));
    assert_true(on_screen("Type my own"));
}

/* ---- saving under a lock, and walking away --------------------------------------------------- */

/* Goes through a self-check up to the Save button. */
static void answer_up_to_save(const char *sis)
{
    scan_student(sis);
    start_from_card();
    tap_text(sp_scale_words(SP_SCALE_SCALE4, 3));
    tap_text("Next");
    assert_true(on_screen("What will I try next?"));
}

static void test_a_locked_database_says_saving_then_saves_when_released(void **state)
{
    (void)state;
    long long priya = student_id("M7009");
    long long before = count_checks(priya);
    answer_up_to_save("M7009");
    assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    tap_text("Save");
    expect_screen("saving");
    assert_true(on_screen("Saving\xE2\x80\xA6"));
    assert_false(on_screen("Saved"));
    wait_ms(2000); /* retried on the timer, never freezing */
    assert_true(app->saving.attempts > 5);
    assert_true(on_screen("Saving\xE2\x80\xA6"));
    assert_false(on_screen("Saved"));
    assert_int_equal(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(count_checks(priya), before);
    wait_ms(KIOSK_SAVE_RETRY_MS);
    assert_true(on_screen("Saved"));
    assert_int_equal(count_checks(priya), before + 1);
    check_row row;
    assert_true(latest_check(priya, &row));
    assert_int_equal(row.rating, 3);
}

static void test_a_lock_that_stays_gives_up_politely_and_keeps_the_answer(void **state)
{
    (void)state;
    long long ingrid = student_id("M7007"); /* baselining goals can be self-checked too */
    long long before = count_checks(ingrid);
    answer_up_to_save("M7007");
    sp_chips chips = chips_of(goal_id("M7007", "math7-unit-quiz"));
    tap_text(chips.next[0]);
    assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    tap_text("Save");
    wait_ms(KIOSK_SAVE_GIVE_UP_MS + 500);
    assert_true(on_screen("We couldn't save that."));
    assert_true(on_screen("Please ask your teacher."));
    assert_false(on_screen("Saved"));
    assert_int_equal(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(count_checks(ingrid), before);
    tap_text("OK");
    expect_screen("self-check");
    assert_true(on_screen(chips.next[0])); /* the answer is still chosen: Save again works */
    tap_text("Save");
    assert_true(on_screen("Saved"));
    assert_int_equal(count_checks(ingrid), before + 1);
}

static void test_timeout_mid_flow_writes_nothing_and_leaves_no_draft(void **state)
{
    (void)state;
    long long yusuf = student_id("M7008");
    long long before = count_checks(yusuf);
    answer_up_to_save("M7008");
    tap_text("Type my own");
    type_text("my private words");
    key(SP_KEY_ENTER);
    assert_true(on_screen("my private words"));
    wait_ms(61000);
    expect_screen("scan");
    draw();
    assert_false(sp_draw_contains_text(dl, "my private words"));
    assert_false(sp_draw_contains_text(dl, "I will get 65%"));
    assert_true(sp_app_take_purge_request(app));
    assert_int_equal(count_checks(yusuf), before);
    /* The draft itself is gone from memory, not only from the screen. */
    assert_false(app->person.check.active);
    assert_false(bytes_contain(&app->person, sizeof app->person, "my private words"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_grade7_student_rates_on_the_1_to_4_scale, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_kiosk_commits_to_the_disk_before_saying_saved, setup, teardown),
        cmocka_unit_test_setup_teardown(test_kindergartner_gets_three_faces, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_aloud_student_gets_faces_from_the_goal_detail, setup, teardown),
        cmocka_unit_test_setup_teardown(test_social_emotional_goal_asks_about_the_strategy, setup, teardown),
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
