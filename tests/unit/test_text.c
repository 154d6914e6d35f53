/* test_text.c — text from people and files: every script and emoji welcome, broken UTF-8 refused
 * with the byte where it breaks, lengths counted in characters, no stray control characters. */
#include "test_support.h"
#include "text.h"

#include <string.h>

static long chars(const char *s) { return sp_utf8_length(s, strlen(s)); }

static bool ok(const char *s, size_t max, bool multiline, char *why)
{
    why[0] = 0;
    return sp_text_ok(s, max, multiline, why, 200);
}

static void names_and_goals_in_every_script_are_accepted(void **state)
{
    (void)state;
    char why[200];
    const char *good[] = {
        "Zoë Ñúñez-García",                      /* accents */
        "Алексей Иванов",                        /* Cyrillic */
        "أنا سأكتب ثلاث فقرات",                  /* Arabic */
        "我会写三段文字",                        /* CJK */
        "I will read 20 minutes a day \xF0\x9F\x93\x9A\xF0\x9F\x8E\x89", /* emoji */
        "Nguyễn Thị Minh Khai",                  /* Vietnamese: combined diacritics */
        "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",      /* thumbs up with a skin tone */
        "",
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        if (!ok(good[i], 200, false, why))
            fail_msg("\"%s\" was refused: %s", good[i], why);
        assert_true(chars(good[i]) >= 0);
    }
}

static void lengths_are_counted_in_characters_not_bytes(void **state)
{
    (void)state;
    char why[200];
    assert_int_equal(chars("Zoë"), 3);
    assert_int_equal(chars("Привет"), 6);
    assert_int_equal(chars("مرحبا"), 5);
    assert_int_equal(chars("你好世界"), 4);
    assert_int_equal(strlen("你好世界"), 12);
    assert_int_equal(chars("\xF0\x9F\x8E\x89"), 1);
    assert_int_equal(chars(""), 0);
    /* four CJK characters fit a four-character field though they take 12 bytes */
    assert_true(ok("你好世界", 4, false, why));
    assert_false(ok("你好世界", 3, false, why));
    assert_non_null(strstr(why, "too long"));
    assert_non_null(strstr(why, "4 characters"));
    assert_non_null(strstr(why, "at most 3"));
    assert_true(ok("\xF0\x9F\x8E\x89\xF0\x9F\x8E\x89", 2, false, why));
    assert_false(ok("\xF0\x9F\x8E\x89\xF0\x9F\x8E\x89", 1, false, why));
}

static void refused(const char *s, const char *where)
{
    char why[200];
    if (ok(s, 1000, true, why))
        fail_msg("broken UTF-8 was accepted (expected a refusal %s)", where);
    assert_non_null(strstr(why, "not valid UTF-8"));
    if (!strstr(why, where))
        fail_msg("message \"%s\" does not say \"%s\"", why, where);
    assert_int_equal(sp_utf8_length(s, strlen(s)), -1);
}

static void broken_utf8_is_refused_with_the_byte_where_it_breaks(void **state)
{
    (void)state;
    refused("ab\xC0\xAF", "byte 3");                 /* overlong '/' */
    refused("\xE0\x80\xAF", "byte 1");               /* overlong in 3 bytes */
    refused("\xF0\x80\x80\xAF", "byte 1");           /* overlong in 4 bytes */
    refused("Zo\xC3", "byte 3");                     /* truncated at the end */
    refused("abc\xE2\x82 and more", "byte 4");       /* truncated in the middle */
    refused("x\xED\xA0\x80y", "byte 2");             /* UTF-16 surrogate */
    refused("\xF4\x90\x80\x80", "byte 1");           /* past U+10FFFF */
    refused("Caf\xE9", "byte 4");                    /* Latin-1, not UTF-8 */
    refused("\x80", "byte 1");                       /* a lone continuation byte */
    refused("\xFF\xFE", "byte 1");
    refused("Привет\xD0", "byte 13");
}

static void control_characters_are_refused_but_newlines_allowed_in_long_text(void **state)
{
    (void)state;
    char why[200];
    assert_false(ok("Maya\x01", 100, false, why));
    assert_non_null(strstr(why, "control character"));
    assert_non_null(strstr(why, "byte 5"));
    assert_false(ok("a\x1B[31mred", 100, true, why)); /* terminal escapes */
    assert_false(ok("del\x7F", 100, true, why));
    assert_false(ok("line one\nline two", 100, false, why));
    assert_true(ok("line one\nline two", 100, true, why));
    assert_true(ok("col\tcol", 100, true, why));
    assert_false(ok("col\tcol", 100, false, why));
}

static void decoding_walks_code_points_and_marks_bad_bytes(void **state)
{
    (void)state;
    const char *s = "é你\xF0\x9F\x8E\x89";
    assert_int_equal(sp_utf8_next(&s), 0xE9);
    assert_int_equal(sp_utf8_next(&s), 0x4F60);
    assert_int_equal(sp_utf8_next(&s), 0x1F389);
    assert_int_equal(sp_utf8_next(&s), 0);
    const char *bad = "\xC0\xAF" "a";
    assert_int_equal(sp_utf8_next(&bad), 0xFFFD);
    assert_int_equal(sp_utf8_next(&bad), 0xFFFD);
    assert_int_equal(sp_utf8_next(&bad), 'a');
}

/* Admin tables line up in a terminal: Hangul and Chinese take two columns, accents none. */
static void terminal_columns_count_wide_scripts_twice_and_combining_marks_not_at_all(void **state)
{
    (void)state;
    assert_int_equal(sp_text_columns("Maya"), 4);
    assert_int_equal(sp_text_columns("Zoë"), 3);
    assert_int_equal(sp_text_columns("Zoe\xCC\x88"), 3); /* e + combining diaeresis */
    assert_int_equal(sp_text_columns("Hana 김"), 7);
    assert_int_equal(sp_text_columns("李小龙"), 6);
    assert_int_equal(sp_text_columns("Настя"), 5);
    assert_int_equal(sp_text_columns("ليلى"), 4);
    assert_int_equal(sp_text_columns(""), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_and_goals_in_every_script_are_accepted),
        cmocka_unit_test(lengths_are_counted_in_characters_not_bytes),
        cmocka_unit_test(broken_utf8_is_refused_with_the_byte_where_it_breaks),
        cmocka_unit_test(control_characters_are_refused_but_newlines_allowed_in_long_text),
        cmocka_unit_test(decoding_walks_code_points_and_marks_bad_bytes),
        cmocka_unit_test(terminal_columns_count_wide_scripts_twice_and_combining_marks_not_at_all),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
