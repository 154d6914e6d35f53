/* test_read_aloud.c — "Read to me" at the kiosk, driven in virtual time on the demo school:
 * who gets the button (students whose reading supports include read-aloud, and only when the
 * kiosk can speak), what a tap asks the kiosk to say on "My goals" and on a goal page (the
 * screen's words in reading order, not its buttons), the voice of each text (the kiosk's words in
 * the kiosk language, a goal in the language it is written in; no voice: the button says so), stopping when the
 * student is done or walks away with nothing of the words left in the app, and the header at
 * three screen sizes: touch targets of at least 64 px and titles shown whole. Text is measured
 * by a fixed-width fake, so no SDL. */
#include "kiosk_driver.h"

#include "app/app_internal.h"
#include "i18n.h"
#include "languages.h"
#include "ui/draw_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 2026-11-23T09:00:00Z, the demo school's Monday. */
#define START_MS 1795424400000ull

static char db_path[1024];
static sqlite3 *db;

static const char ZOE_GOAL[] = "I can read 20 sight words!";
static const char LAYLA_GOAL[] = "I will write 3 paragraphs";

static int group_setup(void **state)
{
    (void)state;
    setenv("SIGNPOST_NOW", "2026-11-23T09:00:00Z", 1);
    snprintf(db_path, sizeof db_path, "%s", ts_path("demo.db"));
    kd_demo_school(db_path);
    if (kd_begin(db_path, "Room 210", START_MS) != 0)
        return -1;
    kd.fresh_frames = true;
    db = ts_open(db_path);
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    sqlite3_close(db);
    kd_end();
    ts_cleanup();
    return 0;
}

/* A kiosk at w x h that can speak. */
static void start(int w, int h)
{
    kd.now = START_MS;
    kd_start_app(w, h);
    sp_app_set_read_aloud(kd.app, true);
    kd_draw();
}

static int teardown(void **state)
{
    (void)state;
    kd_stop_app();
    return 0;
}

static const sp_draw_cmd *speaker_icon(void)
{
    kd_draw();
    for (size_t i = 0; i < kd.dl->count; i++)
        if (kd.dl->cmds[i].kind == SP_CMD_ICON && kd.dl->cmds[i].icon && strcmp(kd.dl->cmds[i].icon, "speaker") == 0)
            return &kd.dl->cmds[i];
    return NULL;
}

/* Taps "Read to me" (the words beside the speaker, or the speaker alone on a narrow screen). */
static void tap_read_to_me(void)
{
    const sp_draw_cmd *icon = speaker_icon();
    assert_non_null(icon);
    kd_tap(icon->rect.x + icon->rect.w / 2, icon->rect.y + icon->rect.h / 2);
}

static char spoken[SP_APP_SPEECH_MAX];
static char lang[36];      /* the voice of the first part */
static char parts_buf[SP_APP_SPEECH_MAX];
static sp_app_speech_part parts[SP_APP_SPEECH_PARTS];
static size_t nparts;

/* Takes what the app asks the kiosk to say, parts joined by spaces; false if nothing. */
static bool took_speech(void)
{
    nparts = sp_app_take_speech(kd.app, parts_buf, sizeof parts_buf, parts, SP_APP_SPEECH_PARTS);
    size_t len = 0;
    spoken[0] = '\0';
    for (size_t i = 0; i < nparts; i++)
        len += (size_t)snprintf(spoken + len, sizeof spoken - len, "%s%s", i ? " " : "", parts[i].text);
    snprintf(lang, sizeof lang, "%s", nparts ? parts[0].lang : "");
    return nparts > 0;
}

/* What the app asked the kiosk to say; fails the test if it asked for nothing. */
static const char *take_speech(void)
{
    assert_true(took_speech());
    return spoken;
}

/* The voice that says the part containing text ("" when no part has it). */
static const char *voice_of(const char *text)
{
    for (size_t i = 0; i < nparts; i++)
        if (strstr(parts[i].text, text))
            return parts[i].lang;
    return "";
}

/* Asserts that the words come in this order in s. */
static void expect_in_order(const char *s, const char *const *words, size_t n)
{
    const char *at = s;
    for (size_t i = 0; i < n; i++) {
        const char *found = strstr(at, words[i]);
        if (!found)
            fail_msg("\"%s\" is not said (after what came before) in: %s", words[i], s);
        at = found + strlen(words[i]);
    }
}

static void test_only_read_aloud_students_get_the_button(void **state)
{
    (void)state;
    start(1280, 800);
    kd_sign_in(db, "E8001"); /* Maya reads on her own */
    assert_null(speaker_icon());
    kd_expect_no_text("Read to me");
    kd_sign_in(db, "E8003"); /* Layla has read-aloud */
    assert_non_null(speaker_icon());
    kd_expect_text("Read to me");
    kd_sign_in(db, "K0001"); /* so has Zoë */
    kd_expect_text("Read to me");
    /* A kiosk without a voice or a speaker offers nothing. */
    sp_app_set_read_aloud(kd.app, false);
    assert_null(speaker_icon());
    kd_tap(1100, 60);
    assert_false(took_speech());
}

static void test_my_goals_is_read_in_order_without_the_buttons(void **state)
{
    (void)state;
    start(1280, 800);
    kd_sign_in(db, "K0001");
    tap_read_to_me();
    kd_expect_screen("goals");
    const char *s = take_speech();
    const char *order[] = {"My goals.", "Learning.", ZOE_GOAL, "On track.", "Start", "Goal", "Next check:"};
    expect_in_order(s, order, sizeof order / sizeof *order);
    assert_null(strstr(s, "I'm done"));
    assert_null(strstr(s, "How did it go?"));
    assert_null(strstr(s, "Read to me"));
    assert_null(strstr(s, "My learning targets"));
    assert_string_equal(lang, "en");
    /* Asked once, said once. */
    assert_false(took_speech());
}

static void set_kiosk_language(const char *sis, const char *code)
{
    char sql[200];
    snprintf(sql, sizeof sql, "UPDATE students SET kiosk_language = '%s' WHERE sis_id = '%s'", code, sis);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
}

static long long layla_goal(void)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT m.id FROM milestones m JOIN students s ON s.id = m.student_id "
                                            "WHERE s.sis_id = 'E8003' AND m.student_text LIKE 'I will write 3%'",
                                        -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long long id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return id;
}

static void test_english_words_are_read_by_the_english_voice_whatever_the_home_language(void **state)
{
    (void)state;
    start(1280, 800);
    kd_sign_in(db, "E8003"); /* Layla's home language is Arabic, but her kiosk is in English */
    tap_read_to_me();
    const char *s = take_speech();
    const char *order[] = {"My goals.", LAYLA_GOAL, "Keep going"};
    expect_in_order(s, order, sizeof order / sizeof *order);
    assert_string_equal(lang, "en"); /* never the Arabic voice reading English */
    assert_string_equal(voice_of(LAYLA_GOAL), "en");
}

static void test_each_text_is_read_in_the_voice_of_its_own_language(void **state)
{
    (void)state;
    const char *arabic = "سأكتب ٣ فقرات فيها رأي ودليلان.";
    set_kiosk_language("E8003", "ar");
    assert_int_equal(sp_milestone_text_set(db, layla_goal(), SP_TEXT_STUDENT, "ar", arabic), SQLITE_OK);
    start(1280, 800);
    kd_sign_in(db, "E8003");
    tap_read_to_me();
    take_speech();
    assert_string_equal(voice_of("سأكتب ٣ فقرات"), "ar"); /* her teacher's Arabic words */
    assert_string_equal(lang, "ar");                       /* and the kiosk's own, in Arabic */
    /* a goal nobody translated is read in the language it was written in */
    assert_int_equal(sp_milestone_text_set(db, layla_goal(), SP_TEXT_STUDENT, "ar", NULL), SQLITE_OK);
    kd_sign_in(db, "E8001");
    kd_sign_in(db, "E8003");
    tap_read_to_me();
    take_speech();
    assert_string_equal(voice_of(LAYLA_GOAL), "en");
    assert_string_equal(lang, "ar");
    set_kiosk_language("E8003", "");
}

/* A kiosk whose espeak-ng has every voice but Spanish. */
static bool no_spanish(void *user, const char *code)
{
    (void)user;
    return strncmp(code, "es", 2) != 0;
}

static void test_no_voice_for_the_kiosk_language_means_the_button_says_so(void **state)
{
    (void)state;
    set_kiosk_language("E8003", "es");
    start(1280, 800);
    sp_app_set_voices(kd.app, no_spanish, NULL);
    kd_sign_in(db, "E8003");
    kd_expect_no_text(_("Read to me"));
    kd_expect_text(_("No voice in my language"));
    tap_read_to_me();
    assert_false(took_speech()); /* nothing read in a voice that would make nonsense of it */
    set_kiosk_language("E8003", "");
}

static void test_a_goal_page_reads_the_chart_and_how_we_will_know(void **state)
{
    (void)state;
    start(1280, 800);
    kd_sign_in(db, "E8003");
    kd_tap_text(LAYLA_GOAL);
    kd_expect_screen("goal");
    tap_read_to_me();
    kd_expect_screen("goal");
    const char *s = take_speech();
    const char *order[] = {"My goal.", LAYLA_GOAL, "Keep going", "Goal 3 rubric points.", "How we'll know.",
                           "scores each of my responses", "My support.", "sentence starters"};
    expect_in_order(s, order, sizeof order / sizeof *order);
    assert_null(strstr(s, "Set my next step"));
    assert_null(strstr(s, "Back"));
    /* A cut-off text ends at a whole word, without the "…". */
    assert_null(strstr(s, "\xE2\x80\xA6"));
}

static void test_the_choices_of_a_self_check_are_read(void **state)
{
    (void)state;
    start(1280, 800);
    kd_sign_in(db, "K0001");
    kd_tap_text("How did it go?");
    kd_expect_screen("self-check");
    tap_read_to_me();
    const char *s = take_speech();
    const char *order[] = {"How did it go?", ZOE_GOAL};
    expect_in_order(s, order, sizeof order / sizeof *order);
    /* the words under the faces are choices, not buttons */
    kd_draw();
    size_t faces = 0;
    for (size_t i = 0; i < kd.dl->count; i++) {
        const sp_draw_cmd *c = &kd.dl->cmds[i];
        if (c->kind == SP_CMD_TEXT && c->role == SP_ROLE_BUTTON && strcmp(c->text, "Skip") != 0 && strstr(s, c->text))
            faces++;
    }
    assert_true(faces >= 3);
    assert_null(strstr(s, "Skip"));
}

static void test_im_done_stops_the_voice_and_forgets_the_words(void **state)
{
    (void)state;
    start(1280, 800);
    kd_sign_in(db, "E8003");
    tap_read_to_me();
    take_speech();
    assert_false(sp_app_take_speech_stop(kd.app)); /* still on the same screen */
    assert_false(kd_bytes_contain(kd.app, sizeof *kd.app, LAYLA_GOAL)); /* taken means wiped */
    tap_read_to_me();                        /* asked again, but not yet taken ... */
    kd_tap_text("I'm done");                 /* ... when she leaves */
    kd_expect_screen("done");
    assert_true(sp_app_take_speech_stop(kd.app));
    assert_false(took_speech());
    assert_false(kd_bytes_contain(kd.app, sizeof *kd.app, LAYLA_GOAL));
    assert_false(kd_bytes_contain(kd.app, sizeof *kd.app, "paragraphs"));
}

static void test_walking_away_stops_the_voice(void **state)
{
    (void)state;
    start(1280, 800);
    kd_sign_in(db, "K0001");
    tap_read_to_me();
    take_speech();
    kd_wait_ms(61000);
    kd_expect_screen("scan");
    assert_true(sp_app_take_speech_stop(kd.app));
    assert_false(kd_bytes_contain(kd.app, sizeof *kd.app, "sight words"));
}

static void test_another_badge_or_another_screen_stops_the_voice(void **state)
{
    (void)state;
    start(1280, 800);
    kd_sign_in(db, "E8003");
    tap_read_to_me();
    take_speech();
    kd_tap_text(LAYLA_GOAL); /* the words of "My goals" are no longer on screen */
    assert_true(sp_app_take_speech_stop(kd.app));
    tap_read_to_me();
    take_speech();
    kd_sign_in(db, "E8001"); /* Maya scans while Layla's page is being read */
    assert_true(sp_app_take_speech_stop(kd.app));
    assert_false(kd_bytes_contain(kd.app, sizeof *kd.app, "Layla"));
}

/* No title of a student screen is cut, and every target is at least 64 px, at this size. */
static void check_header(const char *where)
{
    kd_draw();
    for (size_t i = 0; i < kd.dl->count; i++) {
        const sp_draw_cmd *c = &kd.dl->cmds[i];
        if (c->kind == SP_CMD_TEXT && c->role == SP_ROLE_TITLE && strstr(c->text, "\xE2\x80\xA6"))
            fail_msg("%s: the title \"%s\" is cut", where, c->text);
    }
    sp_rect targets[256];
    size_t n = sp_app_touch_targets(kd.app, targets, 256);
    for (size_t i = 0; i < n && i < 256; i++)
        if (targets[i].w < KIOSK_MIN_TOUCH || targets[i].h < KIOSK_MIN_TOUCH)
            fail_msg("%s: target %zu is %dx%d", where, i, targets[i].w, targets[i].h);
    assert_non_null(speaker_icon());
    assert_false(kd.dl->overflow);
}

static void test_the_header_fits_at_three_sizes(void **state)
{
    (void)state;
    static const int SIZES[][2] = {{1280, 800}, {800, 1280}, {1920, 1080}};
    for (size_t k = 0; k < 3; k++) {
        start(SIZES[k][0], SIZES[k][1]);
        char where[64];
        kd_sign_in(db, "E8003");
        snprintf(where, sizeof where, "goals %dx%d", SIZES[k][0], SIZES[k][1]);
        check_header(where);
        kd_tap_text(LAYLA_GOAL);
        snprintf(where, sizeof where, "goal %dx%d", SIZES[k][0], SIZES[k][1]);
        check_header(where);
        kd_tap_text("How did it go?");
        snprintf(where, sizeof where, "self-check %dx%d", SIZES[k][0], SIZES[k][1]);
        check_header(where);
        kd_tap_text("Back");
        kd_tap_text("Set my next step");
        snprintf(where, sizeof where, "next step %dx%d", SIZES[k][0], SIZES[k][1]);
        check_header(where);
        kd_stop_app();
    }
    start(1280, 800); /* for the teardown */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_only_read_aloud_students_get_the_button, teardown),
        cmocka_unit_test_teardown(test_my_goals_is_read_in_order_without_the_buttons, teardown),
        cmocka_unit_test_teardown(test_english_words_are_read_by_the_english_voice_whatever_the_home_language, teardown),
        cmocka_unit_test_teardown(test_each_text_is_read_in_the_voice_of_its_own_language, teardown),
        cmocka_unit_test_teardown(test_no_voice_for_the_kiosk_language_means_the_button_says_so, teardown),
        cmocka_unit_test_teardown(test_a_goal_page_reads_the_chart_and_how_we_will_know, teardown),
        cmocka_unit_test_teardown(test_the_choices_of_a_self_check_are_read, teardown),
        cmocka_unit_test_teardown(test_im_done_stops_the_voice_and_forgets_the_words, teardown),
        cmocka_unit_test_teardown(test_walking_away_stops_the_voice, teardown),
        cmocka_unit_test_teardown(test_another_badge_or_another_screen_stops_the_voice, teardown),
        cmocka_unit_test_teardown(test_the_header_fits_at_three_sizes, teardown),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
