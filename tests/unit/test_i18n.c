/* test_i18n.c — the kiosk's words, numbers and dates in the student's language: the compiled
 * catalogs of po/ are found, a language switch takes effect at once and costs nothing a child
 * could see, a missing catalog falls back to the school's language, and numbers and dates are
 * written the way each language writes them. */
#include "dates.h"
#include "i18n.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

static int setup(void **state)
{
    (void)state;
    return sp_i18n_init() ? 0 : -1; /* the build tree's catalogs */
}

static int teardown(void **state)
{
    (void)state;
    sp_i18n_set_language("en", NULL);
    return 0;
}

static void test_tags_name_their_catalogs(void **state)
{
    (void)state;
    char name[48];
    const char *cases[][2] = {{"es", "es"},       {"pt-BR", "pt_BR"},    {"pt-br", "pt_BR"}, {"zh", "zh_CN"},
                              {"zh-Hans", "zh_CN"}, {"zh-CN", "zh_CN"},   {"zh-Hant", "zh_TW"}, {"AR", "ar"},
                              {"xx-pseudo", "xx-pseudo"}, {"sr-Latn", "sr-latn"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sp_i18n_catalog_name(cases[i][0], name, sizeof name);
        assert_string_equal(name, cases[i][1]);
    }
}

static void test_spanish_student_sees_spanish_and_english_comes_back(void **state)
{
    (void)state;
    int day = sp_day_from_ymd(2026, 3, 5);
    char out[64];
    sp_i18n_set_language("es", "en");
    assert_string_equal(_("March"), "marzo");
    sp_i18n_date(day, out, sizeof out);
    assert_string_equal(out, "5 de marzo");
    sp_i18n_set_language("en", NULL); /* sign-out: the school's language */
    assert_string_equal(_("March"), "March");
    sp_i18n_date(day, out, sizeof out);
    assert_string_equal(out, "March 5");
}

static void test_arabic_and_chinese_dates(void **state)
{
    (void)state;
    int day = sp_day_from_ymd(2026, 3, 25);
    char out[64];
    sp_i18n_set_language("ar", "en");
    sp_i18n_date(day, out, sizeof out);
    assert_string_equal(out, "٢٥ مارس");
    sp_i18n_set_language("zh-Hans", "en");
    sp_i18n_date(day, out, sizeof out);
    assert_string_equal(out, "3月25日");
    sp_i18n_set_language("vi", "en");
    sp_i18n_date(day, out, sizeof out);
    assert_string_equal(out, "ngày 25 tháng 3");
}

static void test_numbers_in_each_language(void **state)
{
    (void)state;
    char out[64];
    sp_i18n_set_language("en", NULL);
    sp_i18n_number(2.5, 1, out, sizeof out);
    assert_string_equal(out, "2.5");
    sp_i18n_number(3.0, 1, out, sizeof out);
    assert_string_equal(out, "3");
    sp_i18n_set_language("es", NULL);
    sp_i18n_number(2.5, 1, out, sizeof out);
    assert_string_equal(out, "2,5");
    sp_i18n_set_language("ar", NULL);
    sp_i18n_number(20, 1, out, sizeof out);
    assert_string_equal(out, "٢٠");
    sp_i18n_number(2.5, 1, out, sizeof out);
    assert_string_equal(out, "٢٫٥");
    sp_i18n_number(-0.04, 1, out, sizeof out);
    assert_string_equal(out, "٠");
    sp_i18n_int(12, out, sizeof out);
    assert_string_equal(out, "١٢");
    snprintf(out, sizeof out, "الخطوة %d من %d", 2, 4);
    sp_i18n_digits(out, sizeof out);
    assert_string_equal(out, "الخطوة ٢ من ٤");
    sp_i18n_set_language("es", NULL);
    snprintf(out, sizeof out, "Paso %d de %d", 2, 4);
    sp_i18n_digits(out, sizeof out);
    assert_string_equal(out, "Paso 2 de 4");
}

static void test_a_language_without_catalog_falls_back_to_the_school_language(void **state)
{
    (void)state;
    assert_true(sp_i18n_has_catalog("es"));
    assert_true(sp_i18n_has_catalog("ar"));
    assert_true(sp_i18n_has_catalog("en"));
    assert_false(sp_i18n_has_catalog("tlh"));
    sp_i18n_set_language("tlh", "es"); /* a student's language nobody translated yet */
    assert_string_equal(_("March"), "marzo");
    sp_i18n_set_language("tlh", NULL);
    assert_string_equal(_("March"), "March");
}

static void test_a_family_can_choose_among_the_installed_catalogs(void **state)
{
    (void)state;
    char names[16][36];
    size_t n = sp_i18n_catalogs(names, 16);
    assert_true(n >= 5);
    assert_string_equal(names[0], "en");
    bool es = false, ar = false, zh = false;
    for (size_t i = 0; i < n; i++) {
        assert_null(strstr(names[i], "pseudo")); /* a test language, never offered */
        es = es || strcmp(names[i], "es") == 0;
        ar = ar || strcmp(names[i], "ar") == 0;
        zh = zh || strcmp(names[i], "zh_CN") == 0;
        if (i > 1)
            assert_true(strcmp(names[i - 1], names[i]) < 0);
    }
    assert_true(es && ar && zh);
}

static void test_right_to_left_languages(void **state)
{
    (void)state;
    assert_true(sp_i18n_is_rtl("ar"));
    assert_true(sp_i18n_is_rtl("he"));
    assert_true(sp_i18n_is_rtl("fa-IR"));
    assert_false(sp_i18n_is_rtl("es"));
    assert_false(sp_i18n_is_rtl("arn")); /* Mapudungun is not Arabic */
}

static void test_switching_costs_nothing_visible(void **state)
{
    (void)state;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    int rounds = 2000;
    for (int i = 0; i < rounds; i++) {
        sp_i18n_set_language(i % 2 ? "ar" : "es", "en");
        assert_string_equal(_("May"), i % 2 ? "مايو" : "mayo");
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double ms = ((double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6) / rounds;
    print_message("one switch and lookup: %.4f ms\n", ms);
    assert_true(ms < 1.0); /* a frame is 16 ms; a sign-in switches once */
}

static void test_placeholders_in_any_order(void **state)
{
    (void)state;
    const char *names[] = {"month", "day"};
    const char *values[] = {"marzo", "5"};
    char out[64];
    sp_i18n_fill(out, sizeof out, "{day} de {month}", 2, names, values);
    assert_string_equal(out, "5 de marzo");
    sp_i18n_fill(out, sizeof out, "{month} {week} {", 2, names, values);
    assert_string_equal(out, "marzo {week} {");
    char small[7];
    const char *v2[] = {"ليلى", "5"};
    sp_i18n_fill(small, sizeof small, "Hi {month}", 2, names, v2);
    assert_string_equal(small, "Hi \xD9\x84"); /* cut between characters, never inside one */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tags_name_their_catalogs),
        cmocka_unit_test_teardown(test_spanish_student_sees_spanish_and_english_comes_back, teardown),
        cmocka_unit_test_teardown(test_arabic_and_chinese_dates, teardown),
        cmocka_unit_test_teardown(test_numbers_in_each_language, teardown),
        cmocka_unit_test_teardown(test_a_language_without_catalog_falls_back_to_the_school_language, teardown),
        cmocka_unit_test(test_a_family_can_choose_among_the_installed_catalogs),
        cmocka_unit_test(test_right_to_left_languages),
        cmocka_unit_test_teardown(test_switching_costs_nothing_visible, teardown),
        cmocka_unit_test(test_placeholders_in_any_order),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
