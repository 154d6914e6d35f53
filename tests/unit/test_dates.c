/* test_dates.c — dates as teachers type them: real calendar dates only, relative dates like +6w,
 * and formatting that reads back to the same day. */
#include "test_support.h"
#include "dates.h"

#include <stdlib.h>
#include <string.h>

static void a_calendar_date_parses_to_its_day_number(void **state)
{
    (void)state;
    int d = -1;
    assert_true(sp_date_parse("1970-01-01", &d));
    assert_int_equal(d, 0);
    assert_true(sp_date_parse("1970-01-02", &d));
    assert_int_equal(d, 1);
    assert_true(sp_date_parse("2026-01-12", &d));
    assert_int_equal(d, sp_day_from_ymd(2026, 1, 12));
    assert_int_equal(d, 20465);
    int y, m, dd;
    sp_ymd_from_day(d, &y, &m, &dd);
    assert_int_equal(y, 2026);
    assert_int_equal(m, 1);
    assert_int_equal(dd, 12);
    /* six weeks from the ELA start is the due date */
    int due;
    assert_true(sp_date_parse("2026-02-23", &due));
    assert_int_equal(due - d, 42);
}

static void impossible_dates_are_refused(void **state)
{
    (void)state;
    int d = 12345;
    const char *bad[] = {"2026-02-30", "2026-02-29", "2025-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
                         "2026-01-32", "1900-02-29", "2026-1-5",   "2026/01/12", "2026-01-12 ", " 2026-01-12",
                         "26-01-12",   "2026-01-1x", "",           "today",      "abcd-ef-gh", "+6w"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (sp_date_parse(bad[i], &d))
            fail_msg("\"%s\" was accepted as a date", bad[i]);
    }
    assert_false(sp_date_parse(NULL, &d));
    assert_int_equal(d, 12345); /* untouched */
}

static void leap_days_exist_only_in_leap_years(void **state)
{
    (void)state;
    int d;
    assert_true(sp_date_parse("2024-02-29", &d));
    assert_true(sp_date_parse("2000-02-29", &d));
    assert_true(sp_date_parse("2028-02-29", &d));
    assert_false(sp_date_parse("2100-02-29", &d));
    assert_false(sp_date_parse("2027-02-29", &d));
}

static void relative_dates_count_from_the_given_day(void **state)
{
    (void)state;
    int base = sp_day_from_ymd(2026, 1, 12), d = 0;
    assert_true(sp_date_parse_relative("+6w", base, &d));
    assert_int_equal(d, base + 42);
    assert_true(sp_date_parse_relative("+10d", base, &d));
    assert_int_equal(d, base + 10);
    assert_true(sp_date_parse_relative("-3d", base, &d));
    assert_int_equal(d, base - 3);
    assert_true(sp_date_parse_relative("+9w", base, &d)); /* attendance: 9 weeks */
    assert_int_equal(d, base + 63);
    assert_true(sp_date_parse_relative("today", base, &d));
    assert_int_equal(d, base);
    assert_true(sp_date_parse_relative("2026-03-02", base, &d));
    assert_int_equal(d, sp_day_from_ymd(2026, 3, 2));
    /* a relative date across a month and a year end */
    assert_true(sp_date_parse_relative("+3w", sp_day_from_ymd(2025, 12, 20), &d));
    assert_int_equal(d, sp_day_from_ymd(2026, 1, 10));
}

static void malformed_relative_dates_are_refused(void **state)
{
    (void)state;
    int base = sp_day_from_ymd(2026, 1, 12), d = 7;
    const char *bad[] = {"+6", "+w", "6w", "+6x", "+6W", "+-3d", "+3.5w", "+ 3d", "Today", "", "+", "+99999d",
                         "2026-02-30"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (sp_date_parse_relative(bad[i], base, &d))
            fail_msg("\"%s\" was accepted as a relative date", bad[i]);
    }
    assert_false(sp_date_parse_relative(NULL, base, &d));
    assert_int_equal(d, 7);
}

static void formatting_a_day_reads_back_to_the_same_day(void **state)
{
    (void)state;
    char out[11];
    sp_date_format(0, out);
    assert_string_equal(out, "1970-01-01");
    sp_date_format(sp_day_from_ymd(2026, 2, 9), out);
    assert_string_equal(out, "2026-02-09");
    sp_date_format(sp_day_from_ymd(2024, 2, 29), out);
    assert_string_equal(out, "2024-02-29");
    int from = sp_day_from_ymd(1999, 12, 1), to = sp_day_from_ymd(2031, 3, 1);
    for (int day = from; day <= to; day++) {
        int back = -1;
        sp_date_format(day, out);
        assert_int_equal(strlen(out), 10);
        assert_true(sp_date_parse(out, &back));
        assert_int_equal(back, day);
    }
}

static void signpost_now_sets_today_for_tests_and_the_demo(void **state)
{
    (void)state;
    char *saved = getenv("SIGNPOST_NOW") ? strdup(getenv("SIGNPOST_NOW")) : NULL;
    setenv("SIGNPOST_NOW", "2026-03-04T10:15:00Z", 1);
    assert_int_equal(sp_today(), sp_day_from_ymd(2026, 3, 4));
    setenv("SIGNPOST_NOW", "2026-01-12", 1);
    assert_int_equal(sp_today(), sp_day_from_ymd(2026, 1, 12));
    unsetenv("SIGNPOST_NOW");
    assert_true(sp_today() > sp_day_from_ymd(2024, 1, 1)); /* the real clock */
    if (saved) {
        setenv("SIGNPOST_NOW", saved, 1);
        free(saved);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_calendar_date_parses_to_its_day_number),
        cmocka_unit_test(impossible_dates_are_refused),
        cmocka_unit_test(leap_days_exist_only_in_leap_years),
        cmocka_unit_test(relative_dates_count_from_the_given_day),
        cmocka_unit_test(malformed_relative_dates_are_refused),
        cmocka_unit_test(formatting_a_day_reads_back_to_the_same_day),
        cmocka_unit_test(signpost_now_sets_today_for_tests_and_the_demo),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
