/* test_scan_guard.c — five unknown scans within a minute start a 30-second cool-down; slower
 * guessing never does; the count starts afresh after a cool-down. Virtual time throughout. */
#include "test_support.h"

#include "../../kiosk/app/scan_guard.c"

static void five_unknown_scans_within_a_minute_start_a_30_second_cool_down(void **state)
{
    (void)state;
    sp_scan_guard g;
    sp_scan_guard_init(&g);
    uint64_t t = 100000;
    for (int i = 0; i < 4; i++) {
        assert_false(sp_scan_guard_refused(&g, t));
        assert_false(sp_scan_guard_blocked(&g, t));
        t += 10000;
    }
    assert_true(sp_scan_guard_refused(&g, t)); /* the fifth, 40 s after the first */
    assert_true(sp_scan_guard_blocked(&g, t));
    assert_int_equal(sp_scan_guard_remaining_s(&g, t), 30);
    assert_int_equal(sp_scan_guard_remaining_s(&g, t + 29001), 1);
    assert_true(sp_scan_guard_blocked(&g, t + 29999));
    assert_false(sp_scan_guard_blocked(&g, t + 30000));
    assert_int_equal(sp_scan_guard_remaining_ms(&g, t + 30000), 0);
}

static void slow_guessing_never_starts_a_cool_down(void **state)
{
    (void)state;
    sp_scan_guard g;
    sp_scan_guard_init(&g);
    uint64_t t = 0;
    for (int i = 0; i < 50; i++, t += 15001) /* four a minute, forever */
        assert_false(sp_scan_guard_refused(&g, t));
}

static void scans_during_the_cool_down_do_not_extend_it(void **state)
{
    (void)state;
    sp_scan_guard g;
    sp_scan_guard_init(&g);
    for (int i = 0; i < 5; i++)
        sp_scan_guard_refused(&g, 1000 + (uint64_t)i);
    assert_true(sp_scan_guard_blocked(&g, 1004));
    for (int i = 0; i < 20; i++)
        assert_false(sp_scan_guard_refused(&g, 2000 + (uint64_t)i * 100));
    assert_false(sp_scan_guard_blocked(&g, 31004));
}

static void after_a_cool_down_the_count_starts_afresh(void **state)
{
    (void)state;
    sp_scan_guard g;
    sp_scan_guard_init(&g);
    for (int i = 0; i < 5; i++)
        sp_scan_guard_refused(&g, (uint64_t)i * 1000);
    uint64_t end = 4000 + SP_GUARD_COOLDOWN_MS;
    assert_false(sp_scan_guard_blocked(&g, end));
    for (int i = 0; i < 4; i++)
        assert_false(sp_scan_guard_refused(&g, end + (uint64_t)i));
    assert_true(sp_scan_guard_refused(&g, end + 10));
}

static void the_window_slides(void **state)
{
    (void)state;
    sp_scan_guard g;
    sp_scan_guard_init(&g);
    /* refused at 0, 30, 50, 55 s; at 61 s the first has left the window; at 62 s five fit */
    uint64_t at[] = {0, 30000, 50000, 55000, 61000};
    for (int i = 0; i < 5; i++)
        assert_false(sp_scan_guard_refused(&g, at[i]));
    assert_true(sp_scan_guard_refused(&g, 62000));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(five_unknown_scans_within_a_minute_start_a_30_second_cool_down),
        cmocka_unit_test(slow_guessing_never_starts_a_cool_down),
        cmocka_unit_test(scans_during_the_cool_down_do_not_extend_it),
        cmocka_unit_test(after_a_cool_down_the_count_starts_afresh),
        cmocka_unit_test(the_window_slides),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
