/* test_local_day.c — the kiosk lives in the school's time zone: its clock, and the "today" that
 * decides which day a student's goals are judged on, follow the local time, not UTC.
 *
 * Worked example: at 20:30 UTC on Monday 23 November 2026 it is already 06:30 on Tuesday in
 * Sydney-like time (UTC+10:00) and still 15:30 on Monday at UTC-05:00. The time-zone offset comes
 * from the system (localtime_r's tm_gmtoff) through sp_kiosk_tz_offset_min, checked here with
 * POSIX TZ strings so no zone database is needed. */
#include "kiosk_driver.h"

#include "app/app_internal.h"
#include "dates.h"
#include "db.h"
#include "platform/kiosk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t ms_at(int y, int m, int d, int hh, int mm)
{
    return ((uint64_t)sp_day_from_ymd(y, m, d) * 86400 + (uint64_t)(hh * 3600 + mm * 60)) * 1000;
}

static sp_app *app_at(uint64_t now, int tz_offset_min)
{
    sp_app_config cfg = {.db_path = kd.db_path, .kiosk_name = "Room 12", .width = 1280, .height = 800,
                         .tz_offset_min = tz_offset_min};
    kd.now = now;
    kd.app = sp_app_new(&cfg, &kd_metrics, now);
    assert_non_null(kd.app);
    kd_draw();
    return kd.app;
}

static int setup(void **state)
{
    (void)state;
    if (kd_begin(ts_path("local_day.db"), "Room 12", ms_at(2026, 11, 23, 20, 30)) != 0)
        return -1;
    char err[256];
    sqlite3 *db = sp_db_open(kd.db_path, SP_OPEN_CREATE, err, sizeof err);
    assert_non_null(db);
    sp_db_close(db);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    kd_end();
    ts_cleanup();
    return 0;
}

static void the_scan_screen_clock_shows_local_time(void **state)
{
    (void)state;
    uint64_t now = ms_at(2026, 11, 23, 20, 30);
    struct {
        int tz;
        const char *clock;
    } cases[] = {{0, "20:30"}, {600, "06:30"}, {-300, "15:30"}, {330, "02:00"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        app_at(now, cases[i].tz);
        kd_expect_screen("scan");
        kd_expect_text(cases[i].clock);
        kd_stop_app();
    }
}

static void today_is_the_local_day_on_both_sides_of_midnight(void **state)
{
    (void)state;
    /* 20:30 UTC Monday: Tuesday at UTC+10, still Monday at UTC and at UTC-5 */
    app_at(ms_at(2026, 11, 23, 20, 30), 600);
    assert_int_equal(kiosk_today(kd.app, kd.now), sp_day_from_ymd(2026, 11, 24));
    kd_stop_app();
    app_at(ms_at(2026, 11, 23, 20, 30), 0);
    assert_int_equal(kiosk_today(kd.app, kd.now), sp_day_from_ymd(2026, 11, 23));
    kd_stop_app();
    /* 03:00 UTC Tuesday: still Monday evening at UTC-5 */
    app_at(ms_at(2026, 11, 24, 3, 0), -300);
    assert_int_equal(kiosk_today(kd.app, kd.now), sp_day_from_ymd(2026, 11, 23));
    kd_stop_app();
    app_at(ms_at(2026, 11, 24, 3, 0), 0);
    assert_int_equal(kiosk_today(kd.app, kd.now), sp_day_from_ymd(2026, 11, 24));
    kd_stop_app();
}

static void the_offset_comes_from_the_system_time_zone(void **state)
{
    (void)state;
    char *saved = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
    struct {
        const char *tz;
        int minutes;
    } cases[] = {{"UTC0", 0}, {"AEST-10", 600}, {"EST+5", -300}, {"IST-5:30", 330}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        setenv("TZ", cases[i].tz, 1);
        tzset();
        assert_int_equal(sp_kiosk_tz_offset_min(ms_at(2026, 11, 23, 20, 30)), cases[i].minutes);
    }
    if (saved)
        setenv("TZ", saved, 1);
    else
        unsetenv("TZ");
    tzset();
    free(saved);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_scan_screen_clock_shows_local_time, setup, teardown),
        cmocka_unit_test_setup_teardown(today_is_the_local_day_on_both_sides_of_midnight, setup, teardown),
        cmocka_unit_test(the_offset_comes_from_the_system_time_zone),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
