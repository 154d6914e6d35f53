/* test_scan_wedge.c — the USB scanner detector: scanner bursts become one scan, people typing
 * keep every character they typed, a missing Enter is handled without false scans, scanners on
 * QWERTZ and AZERTY computers still work, and a badge held under the scanner counts once.
 * The detector is compiled in directly so these tests do not need the kiosk to be built. */
#include "test_support.h"

#include "../../kiosk/platform/scan_wedge.c"

#include <stdio.h>
#include <string.h>

/* The real payload alphabet exercised: Y, Z, A, Q, W, M and all digits appear. */
#define TOKEN_A "YZAQWM0123456789BCDEFGHJKN"
#define TOKEN_B "ZZZZZZZZZZZZZZZZZZZZZZZZZ1"

typedef struct {
    char text[2048];  /* all TEXT outputs, concatenated, with "\n" for ENTER */
    char scans[8][SP_WEDGE_BUF + 1];
    const char *layouts[8];
    int nscans;
    int nenter;
} collected;

static void collect(collected *c, const sp_wedge_out *out, int n)
{
    for (int i = 0; i < n; i++) {
        if (out[i].kind == SP_WEDGE_TEXT)
            strncat(c->text, out[i].text, sizeof c->text - strlen(c->text) - 1);
        else if (out[i].kind == SP_WEDGE_ENTER) {
            strncat(c->text, "\n", sizeof c->text - strlen(c->text) - 1);
            c->nenter++;
        } else if (c->nscans < 8) {
            snprintf(c->scans[c->nscans], sizeof c->scans[0], "%s", out[i].text);
            c->layouts[c->nscans++] = out[i].layout;
        }
    }
}

/* Feeds UTF-8 text one character at a time, gaps[i % ngaps] ms apart, starting at *t. */
static void type(sp_wedge *w, collected *c, const char *s, const int *gaps, int ngaps, uint64_t *t)
{
    sp_wedge_out out[SP_WEDGE_MAX_OUT];
    for (int i = 0; *s; i++) {
        size_t k = 1;
        while (s[k] && ((unsigned char)s[k] & 0xC0) == 0x80)
            k++;
        char ch[8];
        memcpy(ch, s, k);
        ch[k] = 0;
        s += k;
        if (i > 0)
            *t += (uint64_t)gaps[i % ngaps];
        /* a host that ticks whenever the detector's deadline passes */
        uint64_t d = sp_wedge_deadline(w);
        if (d && d <= *t)
            collect(c, out, sp_wedge_tick(w, d, out));
        collect(c, out, sp_wedge_char(w, ch, *t, out));
    }
}

static void enter(sp_wedge *w, collected *c, uint64_t t)
{
    sp_wedge_out out[SP_WEDGE_MAX_OUT];
    uint64_t d = sp_wedge_deadline(w);
    if (d && d <= t)
        collect(c, out, sp_wedge_tick(w, d, out));
    collect(c, out, sp_wedge_enter(w, t, out));
}

static void settle(sp_wedge *w, collected *c, uint64_t t)
{
    sp_wedge_out out[SP_WEDGE_MAX_OUT];
    collect(c, out, sp_wedge_tick(w, t, out));
}

static const int SCANNER[] = {8, 6, 9, 7};
static const int HUMAN[] = {140, 95, 210, 80, 120, 65, 180};

static void payload_of(const char *token, char out[SP_BADGE_PAYLOAD_MAX]) { sp_badge_payload(token, out); }

/* A US-keyed scanner's output on other layouts (written from the keyboards, not from the code
 * under test). */
static void garble(const char *payload, const char *layout_name, char *out, size_t outlen)
{
    out[0] = 0;
    for (const char *p = payload; *p; p++) {
        char c = *p;
        const char *s = NULL;
        char one[2] = {c, 0};
        if (strcmp(layout_name, "qwertz") == 0) {
            s = c == 'Y' ? "Z" : c == 'Z' ? "Y" : c == ':' ? "\xc3\x96" : c == '*' ? "(" : one;
        } else if (strcmp(layout_name, "qwertz-ch") == 0) {
            s = c == 'Y' ? "Z" : c == 'Z' ? "Y" : c == ':' ? "\xc3\xa9" : c == '*' ? "(" : one;
        } else {
            static const char *const digits[10] = {"\xc3\xa0", "&", "\xc3\xa9", "\"", "'",
                                                   "(",        "-", "\xc3\xa8", "_",  "\xc3\xa7"};
            s = c == 'A' ? "Q" : c == 'Q' ? "A" : c == 'Z' ? "W" : c == 'W' ? "Z" : c == 'M' ? "?" : c == ':' ? "M"
                : c == '*' ? "8" : (c >= '0' && c <= '9') ? digits[c - '0'] : one;
        }
        strncat(out, s, outlen - strlen(out) - 1);
    }
}

static void a_scanner_burst_ending_in_enter_is_one_scan(void **state)
{
    (void)state;
    sp_wedge w;
    sp_wedge_init(&w, NULL);
    collected c = {0};
    char p[SP_BADGE_PAYLOAD_MAX];
    payload_of(TOKEN_A, p);
    uint64_t t = 1000;
    type(&w, &c, p, SCANNER, 4, &t);
    assert_true(sp_wedge_holding(&w)); /* nothing shows while it may be a scan */
    enter(&w, &c, t + 8);
    assert_int_equal(c.nscans, 1);
    assert_string_equal(c.scans[0], p);
    assert_string_equal(c.layouts[0], "us");
    assert_string_equal(c.text, "");
    assert_int_equal(c.nenter, 0);
}

static void slow_typing_is_given_back_as_text_even_when_it_spells_a_badge(void **state)
{
    (void)state;
    sp_wedge w;
    sp_wedge_init(&w, NULL);
    collected c = {0};
    char p[SP_BADGE_PAYLOAD_MAX];
    payload_of(TOKEN_A, p);
    uint64_t t = 5000;
    type(&w, &c, p, HUMAN, 7, &t);
    enter(&w, &c, t + 150);
    assert_int_equal(c.nscans, 0);
    char want[64];
    snprintf(want, sizeof want, "%s\n", p);
    assert_string_equal(c.text, want);
}

static void a_quick_typist_keeps_every_character(void **state)
{
    (void)state;
    static const int quick[] = {40, 28, 75, 33, 62, 90, 31, 45};
    sp_wedge w;
    sp_wedge_init(&w, NULL);
    collected c = {0};
    uint64_t t = 0;
    type(&w, &c, "I used my strategy — ça va, Zoë!", quick, 8, &t);
    enter(&w, &c, t + 70);
    settle(&w, &c, t + 1000);
    assert_int_equal(c.nscans, 0);
    assert_string_equal(c.text, "I used my strategy — ça va, Zoë!\n");
}

static void a_held_key_repeating_fast_is_text_not_a_scan(void **state)
{
    (void)state;
    static const int repeat[] = {30};
    sp_wedge w;
    sp_wedge_init(&w, NULL);
    collected c = {0};
    uint64_t t = 0;
    type(&w, &c, "aaaaaaaaaaaaaaaaaaaa", repeat, 1, &t);
    settle(&w, &c, t + 99);
    assert_string_equal(c.text, ""); /* still waiting for a possible Enter */
    settle(&w, &c, t + 100);
    assert_string_equal(c.text, "aaaaaaaaaaaaaaaaaaaa");
    enter(&w, &c, t + 400); /* the person lets go and presses Enter */
    assert_int_equal(c.nscans, 0);
    assert_string_equal(c.text, "aaaaaaaaaaaaaaaaaaaa\n");
}

static void a_badge_without_enter_is_scanned_after_100_ms_of_silence(void **state)
{
    (void)state;
    sp_wedge w;
    sp_wedge_init(&w, NULL);
    collected c = {0};
    char p[SP_BADGE_PAYLOAD_MAX];
    payload_of(TOKEN_B, p);
    uint64_t t = 0;
    type(&w, &c, p, SCANNER, 4, &t);
    assert_int_equal(sp_wedge_deadline(&w), t + 100);
    settle(&w, &c, t + 99);
    assert_int_equal(c.nscans, 0);
    settle(&w, &c, t + 100);
    assert_int_equal(c.nscans, 1);
    assert_string_equal(c.scans[0], p);
    assert_string_equal(c.text, "");
    enter(&w, &c, t + 160); /* a late Enter from the scanner is not passed on */
    assert_int_equal(c.nenter, 0);
}

static void a_fast_burst_without_enter_that_is_no_badge_is_given_back(void **state)
{
    (void)state;
    sp_wedge w;
    sp_wedge_init(&w, NULL);
    collected c = {0};
    uint64_t t = 0;
    type(&w, &c, "asdfjkl;asdfjkl;", SCANNER, 4, &t); /* key mashing */
    settle(&w, &c, t + 100);
    assert_int_equal(c.nscans, 0);
    assert_string_equal(c.text, "asdfjkl;asdfjkl;");
}

static void a_slow_key_after_a_burst_ends_it(void **state)
{
    (void)state;
    sp_wedge w;
    sp_wedge_init(&w, NULL);
    collected c = {0};
    char p[SP_BADGE_PAYLOAD_MAX];
    payload_of(TOKEN_A, p);
    uint64_t t = 0;
    type(&w, &c, "hi", HUMAN, 7, &t); /* typed, then the scanner fires 50 ms later */
    t += 50;
    sp_wedge_out out[SP_WEDGE_MAX_OUT];
    /* no tick in between: the next key settles the held "i" by itself */
    collect(&c, out, sp_wedge_char(&w, "S", t, out));
    assert_string_equal(c.text, "hi");
    t += 7;
    type(&w, &c, p + 1, SCANNER, 4, &t);
    enter(&w, &c, t + 7);
    assert_int_equal(c.nscans, 1);
    assert_string_equal(c.scans[0], p);
    assert_string_equal(c.text, "hi");
}

static void a_scanner_reading_something_else_reports_a_raw_scan(void **state)
{
    (void)state;
    sp_wedge w;
    sp_wedge_init(&w, NULL);
    collected c = {0};
    uint64_t t = 0;
    type(&w, &c, "9780306406157", SCANNER, 4, &t); /* a library book's ISBN */
    enter(&w, &c, t + 8);
    assert_int_equal(c.nscans, 1);
    assert_string_equal(c.scans[0], "9780306406157");
    assert_string_equal(c.layouts[0], "raw");
    assert_string_equal(c.text, "");
}

static void scanners_on_qwertz_and_azerty_computers_still_read_badges(void **state)
{
    (void)state;
    static const char *const layouts[] = {"qwertz", "qwertz-ch", "azerty"};
    char p[SP_BADGE_PAYLOAD_MAX];
    payload_of(TOKEN_A, p);
    for (int k = 0; k < 3; k++) {
        char g[256];
        garble(p, layouts[k], g, sizeof g);
        assert_string_not_equal(g, p);
        char token[SP_BADGE_TOKEN_CHARS + 1];
        assert_int_not_equal(sp_badge_parse(g, strlen(g), token), SP_PAYLOAD_OK);
        sp_wedge w;
        sp_wedge_init(&w, NULL);
        collected c = {0};
        uint64_t t = 0;
        type(&w, &c, g, SCANNER, 4, &t);
        enter(&w, &c, t + 8);
        assert_int_equal(c.nscans, 1);
        assert_string_equal(c.scans[0], p);
        assert_string_equal(c.layouts[0], layouts[k]);
    }
}

static void every_check_symbol_survives_every_layout(void **state)
{
    (void)state;
    /* Vary the last token character until all 37 check symbols (including '*') have appeared. */
    static const char *const layouts[] = {"qwertz", "qwertz-ch", "azerty"};
    const char *alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    char seen[64] = "";
    for (int a = 0; a < 32; a++)
        for (int b = 0; b < 32; b++) {
            char token[SP_BADGE_TOKEN_CHARS + 1] = "QWERTYZMAQWERTYZMAQWERTY00";
            token[24] = alphabet[a];
            token[25] = alphabet[b];
            char p[SP_BADGE_PAYLOAD_MAX], norm[48];
            payload_of(token, p);
            char check[2] = {p[30], 0};
            if (!strstr(seen, check))
                strcat(seen, check);
            for (int k = 0; k < 3; k++) {
                char g[256];
                garble(p, layouts[k], g, sizeof g);
                const char *got = sp_wedge_normalise(g, strlen(g), norm);
                assert_non_null(got);
                assert_string_equal(norm, p);
            }
        }
    assert_int_equal(strlen(seen), 37);
}

static void a_garbled_scan_with_a_misread_character_is_not_a_badge(void **state)
{
    (void)state;
    char p[SP_BADGE_PAYLOAD_MAX], g[256], norm[48];
    payload_of(TOKEN_A, p);
    p[10] = p[10] == 'B' ? 'C' : 'B';
    garble(p, "azerty", g, sizeof g);
    assert_null(sp_wedge_normalise(g, strlen(g), norm));
}

static void caps_lock_scans_are_read_too(void **state)
{
    (void)state;
    char p[SP_BADGE_PAYLOAD_MAX], low[SP_BADGE_PAYLOAD_MAX], norm[48];
    payload_of(TOKEN_B, p);
    for (size_t i = 0; i <= strlen(p); i++)
        low[i] = (char)((p[i] >= 'A' && p[i] <= 'Z') ? p[i] - 'A' + 'a' : p[i]);
    assert_string_equal(sp_wedge_normalise(low, strlen(low), norm), "us");
    assert_string_equal(norm, p);
}

static void the_same_badge_within_two_seconds_counts_once(void **state)
{
    (void)state;
    sp_wedge w;
    sp_wedge_init(&w, NULL);
    collected c = {0};
    char a[SP_BADGE_PAYLOAD_MAX], b[SP_BADGE_PAYLOAD_MAX];
    payload_of(TOKEN_A, a);
    payload_of(TOKEN_B, b);
    uint64_t t = 10000;
    type(&w, &c, a, SCANNER, 4, &t);
    enter(&w, &c, t += 8);
    t += 1500; /* scanned again: swallowed, not text */
    type(&w, &c, a, SCANNER, 4, &t);
    enter(&w, &c, t += 8);
    assert_int_equal(c.nscans, 1);
    assert_string_equal(c.text, "");
    t += 1500; /* still held under the scanner: 1.5 s after it was last seen */
    type(&w, &c, a, SCANNER, 4, &t);
    enter(&w, &c, t += 8);
    assert_int_equal(c.nscans, 1);
    t += 500; /* another badge passes at once */
    type(&w, &c, b, SCANNER, 4, &t);
    enter(&w, &c, t += 8);
    assert_int_equal(c.nscans, 2);
    assert_string_equal(c.scans[1], b);
    t += 100; /* and the first one again: it is no longer the last badge */
    type(&w, &c, a, SCANNER, 4, &t);
    enter(&w, &c, t += 8);
    assert_int_equal(c.nscans, 3);
    t += 2100; /* the same one after more than two seconds counts again */
    type(&w, &c, a, SCANNER, 4, &t);
    enter(&w, &c, t += 8);
    assert_int_equal(c.nscans, 4);
    assert_string_equal(c.text, "");
}

static void a_short_held_run_is_released_within_35_ms(void **state)
{
    (void)state;
    sp_wedge w;
    sp_wedge_init(&w, NULL);
    collected c = {0};
    sp_wedge_out out[SP_WEDGE_MAX_OUT];
    collect(&c, out, sp_wedge_char(&w, "k", 100, out));
    assert_int_equal(sp_wedge_deadline(&w), 135);
    settle(&w, &c, 134);
    assert_string_equal(c.text, "");
    settle(&w, &c, 135);
    assert_string_equal(c.text, "k");
    assert_false(sp_wedge_holding(&w));
    assert_int_equal(sp_wedge_deadline(&w), 0);
    collect(&c, out, sp_wedge_enter(&w, 400, out));
    assert_string_equal(c.text, "k\n");
}

static void text_far_longer_than_a_badge_is_never_held_forever(void **state)
{
    (void)state;
    sp_wedge w;
    sp_wedge_init(&w, NULL);
    collected c = {0};
    char big[400];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = 0;
    uint64_t t = 0;
    type(&w, &c, big, SCANNER, 4, &t); /* e.g. a paste or a stuck scanner */
    enter(&w, &c, t + 8);
    settle(&w, &c, t + 1000);
    /* every character comes out once, as text or as a raw scan */
    size_t total = strlen(c.text);
    for (int i = 0; i < c.nscans; i++)
        total += strlen(c.scans[i]);
    assert_int_equal(total, strlen(big));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_scanner_burst_ending_in_enter_is_one_scan),
        cmocka_unit_test(slow_typing_is_given_back_as_text_even_when_it_spells_a_badge),
        cmocka_unit_test(a_quick_typist_keeps_every_character),
        cmocka_unit_test(a_held_key_repeating_fast_is_text_not_a_scan),
        cmocka_unit_test(a_badge_without_enter_is_scanned_after_100_ms_of_silence),
        cmocka_unit_test(a_fast_burst_without_enter_that_is_no_badge_is_given_back),
        cmocka_unit_test(a_slow_key_after_a_burst_ends_it),
        cmocka_unit_test(a_scanner_reading_something_else_reports_a_raw_scan),
        cmocka_unit_test(scanners_on_qwertz_and_azerty_computers_still_read_badges),
        cmocka_unit_test(every_check_symbol_survives_every_layout),
        cmocka_unit_test(a_garbled_scan_with_a_misread_character_is_not_a_badge),
        cmocka_unit_test(caps_lock_scans_are_read_too),
        cmocka_unit_test(the_same_badge_within_two_seconds_counts_once),
        cmocka_unit_test(a_short_held_run_is_released_within_35_ms),
        cmocka_unit_test(text_far_longer_than_a_badge_is_never_held_forever),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
