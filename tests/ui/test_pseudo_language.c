/* test_pseudo_language.c — every word of the kiosk's own goes through the catalogs: with the
 * pseudo-language xx-pseudo (every message bracketed and 40 % longer, made at build from the
 * extracted strings) as the school's language, each screen a student walks through shows only
 * bracketed words, besides the student's own data (names, goal texts, answers), numbers and the
 * clock. A text without brackets is one that was never marked with _(). */
#include "kiosk_driver.h"

#include "app/app_internal.h"
#include "i18n.h"
#include "languages.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define START_MS 1795424400000ull /* 2026-11-23T09:00:00Z, the demo school's Monday */

static char db_path[1024];
static sqlite3 *db;

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
    return sp_set_school_language(db, "xx-pseudo") == SQLITE_OK ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    sqlite3_close(db);
    kd_end();
    ts_cleanup();
    return 0;
}

static bool has_letter(const char *s)
{
    for (; *s; s++)
        if (isalpha((unsigned char)*s))
            return true;
    return false;
}

/* Fails naming every text of the current frame that is the kiosk's own but not translated. */
static void expect_all_marked(const char *where)
{
    kd_draw();
    char bad[2048] = "";
    size_t n = 0;
    for (size_t i = 0; i < kd.dl->count; i++) {
        const sp_draw_cmd *c = &kd.dl->cmds[i];
        if (c->kind != SP_CMD_TEXT || !c->text || c->role == SP_ROLE_STUDENT || c->role == SP_ROLE_CLOCK)
            continue;
        if (strcmp(c->text, "Room 210") == 0) /* the kiosk name, as the school wrote it */
            continue;
        if (!has_letter(c->text) || strchr(c->text, '[') || strchr(c->text, ']') || strstr(c->text, "~~"))
            continue;
        n += (size_t)snprintf(bad + n, n < sizeof bad ? sizeof bad - n : 0, " \"%s\"", c->text);
    }
    if (n)
        fail_msg("%s: the kiosk's own words not from the catalogs:%s", where, bad);
}

static void test_every_screen_of_a_visit_speaks_the_pseudo_language(void **state)
{
    (void)state;
    kd.now = START_MS;
    kd_start_app(1280, 800);
    assert_string_equal(sp_app_language(kd.app), "xx-pseudo");
    expect_all_marked("scan");
    kd_sign_in(db, "E8001");
    expect_all_marked(sp_app_screen_name(kd.app));
    kd_tap_text("I will");
    expect_all_marked(sp_app_screen_name(kd.app));
    kd_stop_app();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_screen_of_a_visit_speaks_the_pseudo_language),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
