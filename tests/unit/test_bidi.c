/* test_bidi.c — mixed Arabic and Latin lines come out in the order a reader expects: the runs
 * the kiosk draws side by side, checked against GNU FriBidi's own visual string
 * (fribidi_log2vis) and against the order written out by hand. */
#include "render/bidi.h"

#include <fribidi.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* The line as the kiosk draws it, written as characters from left to right: each run in visual
 * order, a right-to-left run reversed character by character (as the shaper lays its glyphs). */
static void visual_of_runs(const char *text, sp_bidi_dir dir, char *out, size_t cap)
{
    sp_bidi_run runs[64];
    size_t n = sp_bidi_runs(text, strlen(text), dir, runs, 64);
    FriBidiChar buf[512];
    FriBidiStrIndex len = 0;
    for (size_t r = 0; r < n; r++) {
        FriBidiChar piece[512];
        FriBidiStrIndex k = fribidi_charset_to_unicode(FRIBIDI_CHAR_SET_UTF8, text + runs[r].start,
                                                       (FriBidiStrIndex)(runs[r].end - runs[r].start), piece);
        for (FriBidiStrIndex i = 0; i < k; i++)
            buf[len++] = piece[runs[r].rtl ? k - 1 - i : i];
    }
    fribidi_unicode_to_charset(FRIBIDI_CHAR_SET_UTF8, buf, len, out);
    (void)cap;
}

/* FriBidi's reference: fribidi_log2vis's visual-to-logical map applied to the line's characters
 * (its visual string itself carries Arabic presentation forms, which the shaper does here). */
static void visual_of_fribidi(const char *text, sp_bidi_dir dir, char *out)
{
    FriBidiChar logical[512], visual[512], ordered[512];
    FriBidiStrIndex v2l[512];
    FriBidiStrIndex len = fribidi_charset_to_unicode(FRIBIDI_CHAR_SET_UTF8, text, (FriBidiStrIndex)strlen(text), logical);
    FriBidiParType base = dir == SP_BIDI_RTL ? FRIBIDI_PAR_WRTL : FRIBIDI_PAR_WLTR;
    fribidi_set_reorder_nsm(0);
    if (len > 0)
        assert_true(fribidi_log2vis(logical, len, &base, visual, NULL, v2l, NULL));
    for (FriBidiStrIndex v = 0; v < len; v++)
        ordered[v] = logical[v2l[v]];
    fribidi_unicode_to_charset(FRIBIDI_CHAR_SET_UTF8, ordered, len, out);
}

static void assert_run(const char *text, const sp_bidi_run *r, const char *want, int rtl)
{
    char got[256];
    size_t n = r->end - r->start;
    assert_true(n < sizeof got);
    memcpy(got, text + r->start, n);
    got[n] = '\0';
    assert_string_equal(got, want);
    assert_int_equal(r->rtl, rtl);
}

static void test_arabic_sentence_keeps_the_number_in_reading_order(void **state)
{
    (void)state;
    const char *line = "سأقرأ ٢٠ صفحة"; /* "I will read 20 pages" */
    sp_bidi_run runs[8];
    size_t n = sp_bidi_runs(line, strlen(line), SP_BIDI_LTR, runs, 8);
    /* right to left as a whole (its first letter is Arabic), so from the left of the screen:
     * the last word, then ٢٠ read left to right (٢ before ٠: twenty, not "02"), then the first */
    assert_int_equal(n, 3);
    assert_run(line, &runs[0], " صفحة", 1);
    assert_run(line, &runs[1], "٢٠", 0);
    assert_run(line, &runs[2], "سأقرأ ", 1);
    char ours[512], theirs[512];
    visual_of_runs(line, SP_BIDI_LTR, ours, sizeof ours);
    visual_of_fribidi(line, SP_BIDI_LTR, theirs);
    assert_string_equal(ours, theirs);
    assert_int_equal(sp_bidi_line_direction(line, strlen(line), SP_BIDI_LTR), SP_BIDI_RTL);
}

static void test_english_greeting_with_an_arabic_name(void **state)
{
    (void)state;
    const char *line = "Hi, ليلى!";
    sp_bidi_run runs[8];
    size_t n = sp_bidi_runs(line, strlen(line), SP_BIDI_LTR, runs, 8);
    /* not "Hi, !ليلى": the exclamation mark stays at the end of the English sentence */
    assert_int_equal(n, 3);
    assert_run(line, &runs[0], "Hi, ", 0);
    assert_run(line, &runs[1], "ليلى", 1);
    assert_run(line, &runs[2], "!", 0);
    assert_int_equal(sp_bidi_line_direction(line, strlen(line), SP_BIDI_RTL), SP_BIDI_LTR);
}

static void test_arabic_greeting_with_a_latin_name_and_european_digits(void **state)
{
    (void)state;
    const char *line = "مرحبا Maya! لديك 3 أهداف.";
    sp_bidi_run runs[8];
    size_t n = sp_bidi_runs(line, strlen(line), SP_BIDI_LTR, runs, 8);
    /* from the left: the last word with its full stop, 3, "! لديك ", then Maya, then مرحبا */
    assert_int_equal(n, 5);
    assert_run(line, &runs[0], " أهداف.", 1);
    assert_run(line, &runs[1], "3", 0);
    assert_run(line, &runs[2], "! لديك ", 1);
    assert_run(line, &runs[3], "Maya", 0);
    assert_run(line, &runs[4], "مرحبا ", 1);
}

static void test_every_sample_line_matches_fribidi(void **state)
{
    (void)state;
    const char *lines[] = {
        "سأقرأ ٢٠ صفحة",
        "Hi, ليلى!",
        "الآن 2.5 فقرة · الهدف 3 فقرات",
        "Now 2.5 paragraphs · Goal 3 paragraphs",
        "أكتب (3) فقرات",
        "שלום, Dana: 12/20",
        "王小明 ليلى Zoë",
        "12 / 20",
        "",
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        for (int d = 0; d < 2; d++) {
            char ours[512], theirs[512];
            visual_of_runs(lines[i], (sp_bidi_dir)d, ours, sizeof ours);
            visual_of_fribidi(lines[i], (sp_bidi_dir)d, theirs);
            if (strcmp(ours, theirs) != 0)
                fail_msg("line %zu (%s), base %s: drawn as \"%s\", FriBidi says \"%s\"", i, lines[i],
                         d ? "rtl" : "ltr", ours, theirs);
        }
    }
}

static void test_a_line_without_letters_follows_the_kiosk_language(void **state)
{
    (void)state;
    const char *line = "12 / 20";
    assert_int_equal(sp_bidi_line_direction(line, strlen(line), SP_BIDI_RTL), SP_BIDI_RTL);
    assert_int_equal(sp_bidi_line_direction(line, strlen(line), SP_BIDI_LTR), SP_BIDI_LTR);
    sp_bidi_run runs[8];
    /* in an Arabic kiosk "12 / 20" reads as a fraction from the right: 20 drawn first on the left */
    size_t n = sp_bidi_runs(line, strlen(line), SP_BIDI_RTL, runs, 8);
    assert_int_equal(n, 3);
    assert_run(line, &runs[0], "20", 0);
    assert_run(line, &runs[1], " / ", 1);
    assert_run(line, &runs[2], "12", 0);
}

static void test_broken_utf8_is_still_one_drawable_line(void **state)
{
    (void)state;
    const char line[] = {'a', (char)0xD9, 'b', (char)0xFF, 0};
    sp_bidi_run runs[4];
    size_t n = sp_bidi_runs(line, strlen(line), SP_BIDI_LTR, runs, 4);
    assert_int_equal(n, 1);
    assert_int_equal(runs[0].start, 0);
    assert_int_equal(runs[0].end, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arabic_sentence_keeps_the_number_in_reading_order),
        cmocka_unit_test(test_english_greeting_with_an_arabic_name),
        cmocka_unit_test(test_arabic_greeting_with_a_latin_name_and_european_digits),
        cmocka_unit_test(test_every_sample_line_matches_fribidi),
        cmocka_unit_test(test_a_line_without_letters_follows_the_kiosk_language),
        cmocka_unit_test(test_broken_utf8_is_still_one_drawable_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
