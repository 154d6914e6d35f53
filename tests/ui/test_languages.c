/* test_languages.c — the kiosk in the student's language, on the demo school in virtual time:
 * a student whose kiosk language is Spanish sees her goal in the Spanish words her teacher gave
 * and dates written in Spanish, and the kiosk is back in the school's language the moment she
 * is done; a text nobody translated is shown as the teacher wrote it; an Arabic student gets the
 * right-to-left layout; a language without a catalog falls back to the school's. */
#include "kiosk_driver.h"

#include "app/app_internal.h"
#include "i18n.h"
#include "languages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define START_MS 1795424400000ull /* 2026-11-23T09:00:00Z, the demo school's Monday */

static char db_path[1024];
static sqlite3 *db;

static void set_kiosk_language(const char *sis, const char *lang)
{
    char sql[256];
    snprintf(sql, sizeof sql, "UPDATE students SET kiosk_language = '%s' WHERE sis_id = '%s'", lang, sis);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
}

static long long first_goal(const char *sis)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT m.id FROM milestones m JOIN students s ON s.id = m.student_id "
                                            "WHERE s.sis_id = ?1 AND m.visibility = 'kiosk' ORDER BY m.id LIMIT 1",
                                        -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, sis, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long long id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return id;
}

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

static int setup(void **state)
{
    (void)state;
    kd.now = START_MS;
    kd_start_app(1280, 800);
    kd_draw();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    kd_stop_app();
    set_kiosk_language("E8001", "");
    set_kiosk_language("E8003", "");
    sqlite3_exec(db, "DELETE FROM milestone_texts", NULL, NULL, NULL);
    return 0;
}

static void test_maya_sees_her_goal_in_spanish_and_the_kiosk_returns_to_english(void **state)
{
    (void)state;
    long long goal = first_goal("E8001");
    const char *spanish = "Escribiré 3 párrafos con una idea y evidencia.";
    assert_int_equal(sp_milestone_text_set(db, goal, SP_TEXT_STUDENT, "es", spanish), SQLITE_OK);
    set_kiosk_language("E8001", "es");
    kd_sign_in(db, "E8001");
    kd_expect_screen("goals");
    assert_string_equal(sp_app_language(kd.app), "es");
    kd_expect_text("Escribiré 3 párrafos");
    kd_expect_text("26 de noviembre"); /* the next check, written the Spanish way */
    kd_expect_text("2,5");             /* and her numbers */
    assert_false(kd_on_screen("November"));
    assert_false(sp_app_rtl(kd.app));
    kd_tap_text("Terminé"); /* "I'm done", in her language too */
    kd_draw(); /* signed out: the goodbye is in the school's language */
    assert_string_equal(sp_app_language(kd.app), "en");
    assert_false(kd_on_screen("Escribiré"));
    assert_string_equal(_("November"), "November");
}

static void test_a_goal_nobody_translated_is_shown_as_the_teacher_wrote_it(void **state)
{
    (void)state;
    set_kiosk_language("E8001", "es");
    kd_sign_in(db, "E8001");
    kd_expect_text("I will");
    assert_string_equal(sp_app_language(kd.app), "es");
}

static void test_layla_in_arabic_gets_the_right_to_left_kiosk(void **state)
{
    (void)state;
    set_kiosk_language("E8003", "ar");
    kd_sign_in(db, "E8003");
    assert_string_equal(sp_app_language(kd.app), "ar");
    assert_true(sp_app_rtl(kd.app));
    kd_sign_in(db, "E8001"); /* the next student, in the school's language */
    assert_string_equal(sp_app_language(kd.app), "en");
    assert_false(sp_app_rtl(kd.app));
}

static void test_a_language_without_catalog_shows_the_school_language_and_its_own_texts(void **state)
{
    (void)state;
    long long goal = first_goal("E8001");
    assert_int_equal(sp_milestone_text_set(db, goal, SP_TEXT_STUDENT, "so", "Waxaan qori doonaa 3 farqadood."),
                     SQLITE_OK);
    set_kiosk_language("E8001", "so"); /* no Somali catalog is shipped yet */
    kd_sign_in(db, "E8001");
    assert_string_equal(sp_app_language(kd.app), "en");
    kd_expect_text("Waxaan qori doonaa"); /* but the teacher's Somali words are there */
}

static const sp_draw_cmd *icon_named(const char *name)
{
    for (size_t i = 0; i < kd.dl->count; i++)
        if (kd.dl->cmds[i].kind == SP_CMD_ICON && kd.dl->cmds[i].icon && strcmp(kd.dl->cmds[i].icon, name) == 0)
            return &kd.dl->cmds[i];
    return NULL;
}

static void test_in_arabic_the_whole_layout_mirrors_but_the_chart_keeps_time_left_to_right(void **state)
{
    (void)state;
    set_kiosk_language("E8003", "ar");
    kd_sign_in(db, "E8003");
    kd_tap_text("I will write 3 paragraphs");
    kd_expect_screen("goal");
    kd_draw();
    /* back on the right, facing right */
    const sp_draw_cmd *back = icon_named("back");
    assert_non_null(back);
    assert_true(back->rect.x > 1280 / 2);
    assert_true(back->mirrored);
    /* the goal text hugs the right edge */
    const sp_draw_cmd *goal = sp_draw_find_text(kd.dl, "I will write 3 paragraphs");
    assert_int_equal(goal->align, SP_ALIGN_RIGHT);
    assert_true(goal->rect.x + goal->rect.w > 1280 - 60);
    /* the chart moved as a block: its dots still run left to right in time */
    int first_dot = -1, last_dot = -1;
    for (size_t i = 0; i < kd.dl->count; i++) {
        const sp_draw_cmd *c = &kd.dl->cmds[i];
        if (c->kind == SP_CMD_CIRCLE && c->ltr_box.w > 0) {
            if (first_dot < 0)
                first_dot = c->rect.x;
            last_dot = c->rect.x;
        }
    }
    assert_true(first_dot >= 0);
    assert_true(first_dot < last_dot);
    /* and Back, tapped where it is drawn, goes back */
    kd_tap(back->rect.x + back->rect.w / 2, back->rect.y + back->rect.h / 2);
    kd_expect_screen("goals");
    /* Maya in Arabic: her progress bars fill from the right (the filled part ends where the track
     * ends, on the right, and starts further in) */
    set_kiosk_language("E8001", "ar");
    kd_sign_in(db, "E8001");
    kd_draw();
    int bars = 0;
    for (size_t i = 0; i + 1 < kd.dl->count; i++) {
        const sp_draw_cmd *track = &kd.dl->cmds[i], *fill = &kd.dl->cmds[i + 1];
        if (track->kind == SP_CMD_RECT && fill->kind == SP_CMD_RECT && track->rect.h < 40 &&
            track->radius == track->rect.h / 2 && fill->rect.y == track->rect.y && fill->rect.h == track->rect.h &&
            fill->rect.w < track->rect.w) {
            assert_int_equal(fill->rect.x + fill->rect.w, track->rect.x + track->rect.w);
            assert_true(fill->rect.x > track->rect.x);
            bars++;
        }
    }
    assert_true(bars >= 1);
}

static void test_at_a_conference_the_familys_language_holds_until_the_visit_ends(void **state)
{
    (void)state;
    kd_sign_in(db, "E8001");
    assert_string_equal(sp_app_language(kd.app), "en");
    kiosk_language_for_family(kd.app, "ar"); /* the language button of a conference page */
    assert_string_equal(sp_app_language(kd.app), "ar");
    assert_true(sp_app_rtl(kd.app));
    kiosk_language_for_family(kd.app, NULL); /* back to hers */
    assert_string_equal(sp_app_language(kd.app), "en");
    kiosk_language_for_family(kd.app, "es");
    kd_sign_in(db, "E8003"); /* the next visit starts in the next student's language */
    assert_string_equal(sp_app_language(kd.app), "en");
}

static void test_the_school_language_is_the_default(void **state)
{
    (void)state;
    kd_stop_app();
    assert_int_equal(sp_set_school_language(db, "es"), SQLITE_OK);
    kd_start_app(1280, 800);
    kd_draw();
    assert_string_equal(sp_app_language(kd.app), "es");
    kd_sign_in(db, "E8001"); /* no language of her own: the school's */
    assert_string_equal(sp_app_language(kd.app), "es");
    assert_int_equal(sp_set_school_language(db, "en"), SQLITE_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_maya_sees_her_goal_in_spanish_and_the_kiosk_returns_to_english, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_goal_nobody_translated_is_shown_as_the_teacher_wrote_it, setup, teardown),
        cmocka_unit_test_setup_teardown(test_layla_in_arabic_gets_the_right_to_left_kiosk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_language_without_catalog_shows_the_school_language_and_its_own_texts,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_in_arabic_the_whole_layout_mirrors_but_the_chart_keeps_time_left_to_right,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_at_a_conference_the_familys_language_holds_until_the_visit_ends, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_school_language_is_the_default, setup, teardown),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
