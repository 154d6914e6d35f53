/* test_chart_matches_admin.c — what a student sees on a goal page is what the teacher sees in
 * `signpost-admin milestone show`: for every kiosk goal of every student of the demo school,
 * the kiosk's traffic light (or met / baselining words), one chart dot per data point, the
 * target line's label and every support change (in the student's words; the teacher's note
 * never shows) agree with the admin tool's JSON for that milestone on the same day. */
#include "kiosk_driver.h"

#include "app/app_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 2026-11-23T09:00:00Z, the demo school's Monday. */
#define START_MS 1795424400000ull

static char db_path[1024];

static json_t *admin_show(long long id)
{
    char ids[24];
    snprintf(ids, sizeof ids, "%lld", id);
    const char *args[] = {"--json", "milestone", "show", ids, NULL};
    ts_run_result r = ts_admin_argv(db_path, args);
    if (r.exit_code != 0)
        fail_msg("milestone show %s failed: %s", ids, r.err);
    json_error_t e;
    json_t *j = json_loads(r.out, 0, &e);
    ts_run_free(&r);
    if (!j)
        fail_msg("milestone show %s printed no JSON: %s", ids, e.text);
    return j;
}

/* The chart's dots are drawn in the text colour; the status dot beside the words is not. */
static int chart_dots(void)
{
    sp_color ink = ((const sp_app *)kd.app)->theme.text;
    int n = 0;
    for (size_t i = 0; i < kd.dl->count; i++) {
        const sp_draw_cmd *c = &kd.dl->cmds[i];
        if (c->kind == SP_CMD_CIRCLE && c->color.r == ink.r && c->color.g == ink.g && c->color.b == ink.b)
            n++;
    }
    return n;
}

static void expect_light(json_t *m)
{
    const char *light = json_string_value(json_object_get(m, "light"));
    if (json_is_true(json_object_get(m, "met")) || strcmp(json_string_value(json_object_get(m, "status")), "met") == 0)
        kd_expect_text("You met this goal");
    else if (json_is_true(json_object_get(m, "baselining")))
        kd_expect_text("We're finding your starting point");
    else if (strcmp(light, "green") == 0)
        kd_expect_text("On track");
    else if (strcmp(light, "yellow") == 0)
        kd_expect_text("Keep going");
    else if (strcmp(light, "red") == 0)
        kd_expect_text("Let's change the plan together");
    else
        fail_msg("milestone %lld has an unknown light '%s'", (long long)json_integer_value(json_object_get(m, "id")),
                 light);
}

static void compare_goal(json_t *m)
{
    long long id = (long long)json_integer_value(json_object_get(m, "id"));
    const char *text = json_string_value(json_object_get(m, "student_text"));
    char prefix[32];
    snprintf(prefix, sizeof prefix, "%.20s", text);
    kd_tap_text(prefix);
    kd_expect_screen("goal");
    kd_expect_text(text);
    expect_light(m);

    size_t points = json_array_size(json_object_get(m, "points"));
    if (points > SP_GOAL_MAX_POINTS)
        points = SP_GOAL_MAX_POINTS;
    if ((size_t)chart_dots() != points)
        fail_msg("milestone %lld: %d dots on the kiosk's chart, %zu data points in milestone show", id, chart_dots(),
                 points);

    char value[48], label[64];
    kiosk_value_words(json_real_value(json_object_get(m, "target")), json_string_value(json_object_get(m, "unit")),
                      value, sizeof value);
    snprintf(label, sizeof label, "Goal %s", value);
    kd_expect_text(label);

    json_t *changes = json_object_get(m, "support_changes");
    kd_key(SP_KEY_END); /* the notes are listed under the chart: the page may scroll to them */
    for (size_t i = 0; i < json_array_size(changes); i++) {
        json_t *change = json_array_get(changes, i);
        char note[24];
        snprintf(note, sizeof note, "%.12s", json_string_value(json_object_get(change, "student_note")));
        kd_expect_text(note);
        snprintf(note, sizeof note, "%.20s", json_string_value(json_object_get(change, "note")));
        kd_expect_no_text(note);
    }
    kd_key(SP_KEY_ESCAPE);
    kd_expect_screen("goals");
}

static void every_goal_page_agrees_with_milestone_show(void **state)
{
    (void)state;
    sqlite3 *db = ts_open(db_path);
    sqlite3_stmt *students = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT DISTINCT s.sis_id FROM students s JOIN milestones m ON m.student_id = s.id"
                                        " WHERE m.visibility = 'kiosk' AND m.status IN ('active','baselining','met')"
                                        " AND s.archived = 0 ORDER BY s.sis_id",
                                        -1, &students, NULL),
                     SQLITE_OK);
    int compared = 0, nstudents = 0;
    while (sqlite3_step(students) == SQLITE_ROW) {
        const char *sis = (const char *)sqlite3_column_text(students, 0);
        kd_sign_in(db, sis);
        nstudents++;
        sqlite3_stmt *goals = NULL;
        assert_int_equal(sqlite3_prepare_v2(db,
                                            "SELECT m.id FROM milestones m JOIN students s ON s.id = m.student_id"
                                            " WHERE s.sis_id = ?1 AND m.visibility = 'kiosk'"
                                            " AND m.status IN ('active','baselining','met') ORDER BY m.id",
                                            -1, &goals, NULL),
                         SQLITE_OK);
        sqlite3_bind_text(goals, 1, sis, -1, SQLITE_TRANSIENT);
        while (sqlite3_step(goals) == SQLITE_ROW) {
            json_t *m = admin_show(sqlite3_column_int64(goals, 0));
            compare_goal(m);
            json_decref(m);
            compared++;
        }
        sqlite3_finalize(goals);
        kd_tap_text("I'm done");
        kd_wait_ms(3000);
        kd_expect_screen("scan");
    }
    sqlite3_finalize(students);
    sqlite3_close(db);
    print_message("compared %d goals of %d students\n", compared, nstudents);
    assert_true(nstudents >= 40);
    assert_true(compared >= 50);
}

static int setup(void **state)
{
    (void)state;
    setenv("SIGNPOST_NOW", "2026-11-23T09:00:00Z", 1);
    snprintf(db_path, sizeof db_path, "%s", ts_path("demo.db"));
    kd_demo_school(db_path);
    if (kd_begin(db_path, "Room 210", START_MS) != 0)
        return -1;
    kd.fresh_frames = true;
    kd_start_app(1280, 800);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    kd_stop_app();
    kd_end();
    ts_cleanup();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(every_goal_page_agrees_with_milestone_show, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
