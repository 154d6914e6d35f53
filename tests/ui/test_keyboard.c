/* test_keyboard.c — the on-screen keyboard and the answer box, as a student types with them.
 *
 * The widget is driven without the app: a frame is drawn into a draw list with fake text
 * metrics (half the pixel size per character), keys are found by the label they show and
 * "tapped" by hit-testing the centre of their rectangle, exactly as the app does, and the edit
 * each key means is applied to an answer box. The sizes are the keyboard areas of the typing
 * screen in the kiosk's three window sizes. */
#include "kiosk_driver.h"

#include "ui/keyboard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASE 100

static const sp_ui_style UI_STYLE = {
    .text = {0, 0, 0, 255}, .muted = {90, 90, 90, 255}, .button_bg = {220, 220, 220, 255},
    .button_text = {0, 0, 0, 255}, .accent_bg = {20, 80, 200, 255}, .accent_text = {255, 255, 255, 255},
    .card_bg = {255, 255, 255, 255}, .card_border = {200, 200, 200, 255}, .focus = {240, 120, 0, 255},
    .radius = 14, .focus_thickness = 5, .button_text_size = 28, .pad = 20,
};

static const sp_kb_style KB_STYLE = {
    .text_size = 28, .gap = 7, .max_key_h = 96, .max_key_w = 120,
    .key_bg = {255, 255, 255, 255}, .key_text = {0, 0, 0, 255}, .special_bg = {200, 200, 210, 255},
    .special_text = {0, 0, 0, 255}, .active_bg = {20, 80, 200, 255}, .active_text = {255, 255, 255, 255},
};

static const sp_color WARNING = {190, 40, 40, 255};
static const sp_color MUTED = {84, 90, 104, 255};

static const sp_answer_style FIELD_STYLE = {
    .text_size = 28, .counter_size = 22, .pad = 14, .radius = 7, .border = 4,
    .bg = {255, 255, 255, 255}, .border_color = {20, 80, 200, 255}, .text = {0, 0, 0, 255},
    .placeholder = {84, 90, 104, 255}, .cursor = {20, 80, 200, 255}, .counter = {84, 90, 104, 255},
    .warning = {190, 40, 40, 255},
};

static sp_ui ui;
static sp_draw_list *dl;
static sp_keyboard kb;
static sp_answer_field field;
static sp_rect area;
static uint64_t now;

static void draw(void)
{
    sp_draw_reset(dl, (sp_color){250, 247, 240, 255});
    sp_ui_begin(&ui, dl, 1920, 1280, &UI_STYLE);
    sp_answer_field_draw(&ui, &field, (sp_rect){28, 140, 1000, 140}, (sp_rect){28, 284, 1000, 28}, "Type here",
                         &FIELD_STYLE);
    sp_keyboard_draw(&ui, &kb, area, BASE, &KB_STYLE);
    sp_ui_end(&ui);
}

static int setup(void **state)
{
    (void)state;
    dl = calloc(1, sizeof *dl);
    sp_ui_init(&ui, &kd_metrics);
    sp_keyboard_init(&kb);
    sp_answer_field_clear(&field);
    area = (sp_rect){28, 420, 1224, 352}; /* the typing screen's keyboard at 1280x800 */
    now = 1000000;
    draw();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    assert_false(dl->overflow);
    free(dl);
    return 0;
}

/* The key showing exactly this label in the last frame; fails the test if there is none. */
static sp_rect key_rect(const char *label)
{
    for (size_t i = 0; i < dl->count; i++) {
        const sp_draw_cmd *c = &dl->cmds[i];
        if (c->kind == SP_CMD_TEXT && c->role == SP_ROLE_BUTTON && strcmp(c->text, label) == 0) {
            int id = sp_ui_hit_test(&ui, c->rect.x + c->rect.w / 2, c->rect.y + c->rect.h / 2);
            const sp_ui_target *t = sp_ui_find_target(&ui, id);
            assert_non_null(t);
            return t->full;
        }
    }
    fail_msg("no key labelled \"%s\" on the keyboard", label);
    return (sp_rect){0, 0, 0, 0};
}

/* A tap on the key labelled `label`, handled as the typing screen handles it. Returns the edit. */
static sp_kb_edit press(const char *label)
{
    sp_rect r = key_rect(label);
    int id = sp_ui_hit_test(&ui, r.x + r.w / 2, r.y + r.h / 2);
    sp_kb_edit e = sp_keyboard_edit(&kb, BASE, id);
    if (e.kind == SP_KB_EDIT_INSERT)
        sp_answer_field_insert(&field, e.text);
    else if (e.kind == SP_KB_EDIT_BACKSPACE)
        sp_answer_field_backspace(&field);
    sp_keyboard_apply(&kb, &e, now);
    now += 100; /* a quick typist */
    draw();
    return e;
}

static void type_keys(const char *const *labels)
{
    for (; *labels; labels++)
        press(*labels);
}

static const sp_draw_cmd *counter_cmd(void)
{
    for (size_t i = 0; i < dl->count; i++)
        if (dl->cmds[i].kind == SP_CMD_TEXT && dl->cmds[i].role == SP_ROLE_STATUS)
            return &dl->cmds[i];
    fail_msg("no counter on screen");
    return NULL;
}

static bool same_color(sp_color a, sp_color b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

/* ---- tests ------------------------------------------------------------------------------- */

static void every_key_is_at_least_64_px_in_each_window_size(void **state)
{
    (void)state;
    /* The typing screen's keyboard areas: 1280x800, 800x1280 and 1920x1080. */
    static const sp_rect AREAS[] = {{28, 420, 1224, 352}, {28, 800, 744, 452}, {38, 540, 1844, 500}};
    for (size_t a = 0; a < 3; a++) {
        for (int layer = SP_KB_LETTERS; layer <= SP_KB_ACCENTS; layer++) {
            sp_kb_layout lay;
            sp_keyboard_layout((sp_kb_layer)layer, AREAS[a], 7, 120, &lay);
            assert_true(lay.n >= 29);
            assert_true(sp_rect_inside(lay.bounds, AREAS[a]));
            for (size_t i = 0; i < lay.n; i++) {
                sp_rect r = lay.rect[i];
                if (r.w < SP_KB_MIN_KEY || r.h < SP_KB_MIN_KEY)
                    fail_msg("area %zu layer %d: key %zu is %dx%d", a, layer, i, r.w, r.h);
                if (!sp_rect_inside(r, AREAS[a]))
                    fail_msg("area %zu layer %d: key %zu leaves the keyboard", a, layer, i);
                for (size_t j = 0; j < i; j++)
                    if (sp_rect_intersect(r, lay.rect[j]).w > 0)
                        fail_msg("area %zu layer %d: keys %zu and %zu overlap", a, layer, j, i);
            }
        }
    }
    /* A huge screen keeps a compact keyboard: cells no wider than asked. */
    sp_kb_layout lay;
    sp_keyboard_layout(SP_KB_LETTERS, (sp_rect){0, 0, 3000, 400}, 7, 120, &lay);
    assert_true(lay.rect[0].w <= 120);
    assert_true(lay.bounds.x > 0);
    /* The wanted height never makes keys shorter than 64 px. */
    assert_true(sp_keyboard_height(700, 7, 40) >= 4 * SP_KB_MIN_KEY + 3 * 7);
}

static void letters_and_shift_type_what_the_keys_show(void **state)
{
    (void)state;
    static const char *const hi[] = {"Shift", "H", "i", "space", "t", "h", "e", "r", "e", NULL};
    type_keys(hi);
    assert_string_equal(field.text, "Hi there");
    /* Shift lasts one letter: the labels went back to lowercase. */
    key_rect("q");
    press("Shift");
    key_rect("Q");
    press("Shift"); /* tapped twice quickly: caps lock */
    key_rect("Caps");
    now += 5000;
    static const char *const ok[] = {"space", "O", "K", NULL};
    type_keys(ok);
    assert_string_equal(field.text, "Hi there OK");
    press("Caps"); /* off again */
    press("a");
    assert_string_equal(field.text, "Hi there OKa");
}

static void the_numbers_layer_has_digits_and_common_punctuation(void **state)
{
    (void)state;
    sp_kb_edit e = press("123");
    assert_int_equal(e.kind, SP_KB_EDIT_LAYER);
    static const char *const keys[] = {"1", "2", ".", ",", "?", "!", "'", "\"", "-", ":", ";", "(", ")", "/", "&", "@",
                                       "0", NULL};
    type_keys(keys);
    assert_string_equal(field.text, "12.,?!'\"-:;()/&@0");
    press("abc");
    press("x");
    assert_string_equal(field.text, "12.,?!'\"-:;()/&@0x");
}

static void the_accent_layer_types_accented_letters_and_capitals_under_shift(void **state)
{
    (void)state;
    press("\xC3\xA0\xC3\xA9"); /* "àé" */
    static const char *const lower[] = {"\xC3\xA9", "\xC3\xA8", "\xC3\xAA", "\xC3\xAB", "\xC3\xA1", "\xC3\xA0",
                                        "\xC3\xA2", "\xC3\xA4", "\xC3\xA3", "\xC3\xA5", "\xC3\xA7", "\xC3\xB1",
                                        "\xC3\xAD", "\xC3\xAC", "\xC3\xAE", "\xC3\xAF", "\xC3\xB3", "\xC3\xB2",
                                        "\xC3\xB4", "\xC3\xB6", "\xC3\xB5", "\xC3\xBA", "\xC3\xB9", "\xC3\xBB",
                                        "\xC3\xBC", "\xC3\xBD", "\xC3\xBF", "\xC3\xA6", "\xC3\xB8", "\xC3\x9F", NULL};
    type_keys(lower);
    assert_string_equal(field.text, "éèêëáàâäãåçñíìîïóòôöõúùûüýÿæøß");
    press("Shift");
    press("\xC3\x89"); /* É */
    press("\xC3\xB1"); /* shift was one-shot: ñ */
    press("Shift");
    press("\xC3\x91"); /* Ñ */
    press("Shift");
    press("\xC5\xB8"); /* Ÿ */
    assert_int_equal(sp_answer_field_chars(&field), 30 + 4);
    assert_string_equal(field.text + strlen("éèêëáàâäãåçñíìîïóòôöõúùûüýÿæøß"), "ÉñÑŸ");
}

static void delete_removes_one_whole_accented_character(void **state)
{
    (void)state;
    assert_true(sp_answer_field_insert(&field, "caf\xC3\xA9"));
    assert_int_equal(field.len, 5);
    press("Delete");
    assert_string_equal(field.text, "caf");
    assert_true(sp_answer_field_insert(&field, "\xF0\x9F\x98\x80")); /* a four-byte emoji */
    assert_true(sp_answer_field_backspace(&field));
    assert_string_equal(field.text, "caf");
    assert_int_equal(field.len, 3);
    press("Delete");
    press("Delete");
    press("Delete");
    assert_int_equal(field.len, 0);
    assert_false(sp_answer_field_backspace(&field)); /* nothing left: nothing happens */
    assert_string_equal(field.text, "");
}

static void the_box_stops_at_the_limit_and_the_counter_warns(void **state)
{
    (void)state;
    draw();
    assert_string_equal(counter_cmd()->text, "0 / 120");
    assert_true(same_color(counter_cmd()->color, MUTED));
    assert_true(sp_draw_contains_text(dl, "Type here")); /* the empty box says what to do */
    char text[SP_ANSWER_MAX_CHARS + 1];
    for (int i = 0; i < SP_ANSWER_MAX_CHARS - 1; i++)
        text[i] = (char)('a' + i % 26);
    text[SP_ANSWER_MAX_CHARS - 1] = 0;
    assert_true(sp_answer_field_insert(&field, text));
    draw();
    assert_string_equal(counter_cmd()->text, "119 / 120");
    assert_true(same_color(counter_cmd()->color, MUTED));
    press("\xC3\xA0\xC3\xA9");
    press("\xC3\xA9"); /* the 120th character, two bytes */
    assert_string_equal(counter_cmd()->text, "120 / 120");
    assert_true(same_color(counter_cmd()->color, WARNING));
    size_t len = field.len;
    press("\xC3\xA8"); /* refused */
    assert_int_equal(field.len, len);
    assert_true(field.refused);
    assert_string_equal(counter_cmd()->text, "120 / 120");
    assert_true(same_color(counter_cmd()->color, WARNING));
    /* Text of several characters fills up to the limit and no further. */
    press("Delete");
    press("Delete");
    assert_true(sp_answer_field_insert(&field, "xyz"));
    assert_int_equal(sp_answer_field_chars(&field), SP_ANSWER_MAX_CHARS);
    assert_true(field.refused);
    assert_int_equal(field.text[field.len - 1], 'y');
    /* The end of a long answer (and its cursor) stays in the box. */
    draw();
    for (size_t i = 0; i < dl->count; i++)
        if (dl->cmds[i].kind == SP_CMD_TEXT && dl->cmds[i].role == SP_ROLE_STUDENT)
            assert_true(dl->cmds[i].rect.y + dl->cmds[i].rect.h <= 140 + 140);
    assert_true(sp_draw_contains_text(dl, "xy"));
}

static void text_that_is_not_one_line_of_utf8_is_refused(void **state)
{
    (void)state;
    assert_true(sp_answer_field_insert(&field, "ok"));
    assert_false(sp_answer_field_insert(&field, "\x01"));
    assert_false(sp_answer_field_insert(&field, "a\nb"));
    assert_false(sp_answer_field_insert(&field, "\r"));
    assert_false(sp_answer_field_insert(&field, "\xFF\xFE"));
    assert_false(sp_answer_field_insert(&field, "\xC3")); /* half a character */
    assert_false(sp_answer_field_insert(&field, "\xC0\xAF")); /* overlong */
    assert_false(sp_answer_field_insert(&field, ""));
    assert_string_equal(field.text, "ok");
    assert_false(field.refused); /* refused input is not the limit: no warning */
    /* A starting text that is too long or broken is not taken. */
    char big[300];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = 0;
    assert_false(sp_answer_field_set(&field, big));
    assert_false(sp_answer_field_set(&field, "\xFF"));
    assert_string_equal(field.text, "ok");
    assert_true(sp_answer_field_set(&field, "Zo\xC3\xAB"));
    assert_int_equal(sp_answer_field_chars(&field), 3);
}

static void keys_outside_the_range_mean_nothing_and_done_says_done(void **state)
{
    (void)state;
    assert_int_equal(sp_keyboard_edit(&kb, BASE, BASE - 1).kind, SP_KB_EDIT_NONE);
    assert_int_equal(sp_keyboard_edit(&kb, BASE, BASE + SP_KB_ID_COUNT).kind, SP_KB_EDIT_NONE);
    assert_int_equal(sp_keyboard_edit(&kb, BASE, BASE + SP_KB_LAYER_IDS - 1).kind, SP_KB_EDIT_NONE);
    assert_int_equal(press("Done").kind, SP_KB_EDIT_DONE);
    assert_int_equal(press("space").kind, SP_KB_EDIT_INSERT);
    assert_string_equal(field.text, " ");
    /* A tap read against the layer that was on screen: after switching layers, the old id of
     * "q" still types q. */
    sp_rect q = key_rect("q");
    int id = sp_ui_hit_test(&ui, q.x + q.w / 2, q.y + q.h / 2);
    press("123");
    sp_kb_edit e = sp_keyboard_edit(&kb, BASE, id);
    assert_int_equal(e.kind, SP_KB_EDIT_INSERT);
    assert_string_equal(e.text, "q");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(every_key_is_at_least_64_px_in_each_window_size, setup, teardown),
        cmocka_unit_test_setup_teardown(letters_and_shift_type_what_the_keys_show, setup, teardown),
        cmocka_unit_test_setup_teardown(the_numbers_layer_has_digits_and_common_punctuation, setup, teardown),
        cmocka_unit_test_setup_teardown(the_accent_layer_types_accented_letters_and_capitals_under_shift, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(delete_removes_one_whole_accented_character, setup, teardown),
        cmocka_unit_test_setup_teardown(the_box_stops_at_the_limit_and_the_counter_warns, setup, teardown),
        cmocka_unit_test_setup_teardown(text_that_is_not_one_line_of_utf8_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(keys_outside_the_range_mean_nothing_and_done_says_done, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
