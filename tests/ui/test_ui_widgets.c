/* test_ui_widgets.c — the ui layer on its own: the draw list, line wrapping with "…",
 * labels that never overflow, hit testing, focus order and the chart.
 *
 * A fixed-width fake measures text (half the pixel size per character), so expected line
 * breaks can be worked out by hand. */
#include "kiosk_driver.h"

#include "ui/chart.h"
#include "ui/draw_list.h"
#include "ui/ui.h"

#include <stdlib.h>
#include <string.h>

static const sp_ui_style STYLE = {.text = {0, 0, 0, 255}, .focus = {255, 128, 0, 255}, .radius = 8,
                                  .focus_thickness = 4, .button_text_size = 20, .pad = 10};

static sp_draw_list *new_list(void)
{
    sp_draw_list *dl = calloc(1, sizeof *dl);
    assert_non_null(dl);
    sp_draw_reset(dl, (sp_color){255, 255, 255, 255});
    return dl;
}

static void draw_list_records_text_with_role_and_finds_it(void **state)
{
    (void)state;
    sp_draw_list *dl = new_list();
    sp_draw_rect(dl, (sp_rect){0, 0, 10, 10}, (sp_color){1, 2, 3, 255}, 2);
    sp_draw_text(dl, (sp_rect){5, 6, 100, 20}, "Hi, Zoë! and more", 8, 16, SP_FONT_BOLD, SP_ALIGN_LEFT,
                 (sp_color){0, 0, 0, 255}, SP_ROLE_STUDENT);
    assert_int_equal(dl->count, 2);
    const sp_draw_cmd *c = sp_draw_find_text(dl, "Zo");
    assert_non_null(c);
    assert_string_equal(c->text, "Hi, Zoë"); /* only len bytes, NUL-terminated */
    assert_int_equal(c->role, SP_ROLE_STUDENT);
    assert_true(sp_draw_contains_text(dl, "Hi"));
    assert_false(sp_draw_contains_text(dl, "more"));
    assert_false(dl->overflow);
    free(dl);
}

static void draw_list_sets_overflow_instead_of_writing_past_its_end(void **state)
{
    (void)state;
    sp_draw_list *dl = new_list();
    for (int i = 0; i < SP_DRAW_MAX_COMMANDS + 10; i++)
        sp_draw_rect(dl, (sp_rect){0, 0, 1, 1}, (sp_color){0, 0, 0, 255}, 0);
    assert_int_equal(dl->count, SP_DRAW_MAX_COMMANDS);
    assert_true(dl->overflow);
    sp_draw_reset(dl, (sp_color){0, 0, 0, 255});
    assert_false(dl->overflow);
    static char big[SP_DRAW_TEXT_ARENA];
    memset(big, 'x', sizeof big);
    sp_draw_text(dl, (sp_rect){0, 0, 1, 1}, big, sizeof big, 10, SP_FONT_REGULAR, SP_ALIGN_LEFT,
                 (sp_color){0, 0, 0, 255}, SP_ROLE_BODY);
    assert_true(dl->overflow);
    assert_int_equal(dl->count, 0);
    free(dl);
}

static void wrapping_breaks_at_spaces_and_keeps_every_line_inside_the_width(void **state)
{
    (void)state;
    sp_ui_line lines[SP_UI_MAX_LINES];
    /* size 20: 10 px per character; 100 px holds 10 characters. */
    int n = sp_ui_wrap(&kd_metrics, "I will write three paragraphs", 20, SP_FONT_REGULAR, 100, 0, lines);
    assert_int_equal(n, 4);
    assert_int_equal(lines[0].len, 6); /* "I will" */
    assert_memory_equal(lines[0].s, "I will", 6);
    assert_memory_equal(lines[1].s, "write", 5);
    assert_memory_equal(lines[2].s, "three", 5);
    assert_memory_equal(lines[3].s, "paragraphs", 10);
    for (int i = 0; i < n; i++)
        assert_true(kd_fake_width(NULL, lines[i].s, lines[i].len, 20, SP_FONT_REGULAR) <= 100);
}

static void wrapping_honours_newlines_and_breaks_words_too_long_for_a_line(void **state)
{
    (void)state;
    sp_ui_line lines[SP_UI_MAX_LINES];
    int n = sp_ui_wrap(&kd_metrics, "ab\ncd", 20, SP_FONT_REGULAR, 100, 0, lines);
    assert_int_equal(n, 2);
    assert_memory_equal(lines[1].s, "cd", 2);
    n = sp_ui_wrap(&kd_metrics, "ÄÖÜäöüßÄÖÜäöüß", 20, SP_FONT_REGULAR, 50, 0, lines);
    assert_int_equal(n, 3);
    assert_int_equal(lines[0].len, 10); /* five two-byte characters, never split inside one */
    n = sp_ui_wrap(&kd_metrics, "x", 20, SP_FONT_REGULAR, 3, 0, lines); /* narrower than a character */
    assert_int_equal(n, 1);
}

static void wrapping_cuts_the_last_line_with_an_ellipsis(void **state)
{
    (void)state;
    sp_ui_line lines[SP_UI_MAX_LINES];
    int n = sp_ui_wrap(&kd_metrics, "one two three four five six seven eight", 20, SP_FONT_REGULAR, 100, 2, lines);
    assert_int_equal(n, 2);
    assert_false(lines[0].ellipsis);
    assert_true(lines[1].ellipsis);
    /* the cut line plus "…" still fits */
    assert_true(kd_fake_width(NULL, lines[1].s, lines[1].len, 20, SP_FONT_REGULAR) + 10 <= 100);
}

static void text_and_labels_never_leave_their_rectangle(void **state)
{
    (void)state;
    sp_draw_list *dl = new_list();
    sp_ui ui;
    sp_ui_init(&ui, &kd_metrics);
    sp_ui_begin(&ui, dl, 800, 600, &STYLE);
    sp_rect r = {10, 10, 200, 75}; /* three lines of 25 px at size 20 */
    int h = sp_ui_text(&ui, r, "A very long sentence that goes on and on and would never fit in this small box at all",
                       20, SP_FONT_REGULAR, SP_ALIGN_LEFT, STYLE.text, SP_ROLE_STUDENT, 0);
    assert_int_equal(h, 75);
    sp_ui_label(&ui, (sp_rect){10, 100, 120, 30}, "Keep going \xE2\x80\x94 let's watch this", 20, SP_FONT_BOLD,
                SP_ALIGN_LEFT, STYLE.text, SP_ROLE_STATUS);
    sp_ui_end(&ui);
    int texts = 0;
    for (size_t i = 0; i < dl->count; i++) {
        const sp_draw_cmd *c = &dl->cmds[i];
        if (c->kind != SP_CMD_TEXT)
            continue;
        texts++;
        assert_true(kd_fake_width(NULL, c->text, strlen(c->text), c->size, c->style) <= c->rect.w);
    }
    assert_int_equal(texts, 4);
    assert_non_null(strstr(dl->cmds[2].text, "\xE2\x80\xA6"));
    assert_non_null(strstr(sp_draw_find_text(dl, "Keep")->text, "\xE2\x80\xA6"));
    free(dl);
}

static void taps_hit_the_topmost_target_and_clipped_targets_only_where_visible(void **state)
{
    (void)state;
    sp_draw_list *dl = new_list();
    sp_ui ui;
    sp_ui_init(&ui, &kd_metrics);
    sp_ui_begin(&ui, dl, 800, 600, &STYLE);
    sp_ui_button(&ui, 1, (sp_rect){0, 0, 200, 64}, "Back", SP_BUTTON_NORMAL, "back");
    sp_ui_clip(&ui, (sp_rect){0, 100, 800, 200});
    sp_ui_card(&ui, 2, (sp_rect){0, 250, 300, 300}, STYLE.card_bg, STYLE.card_border, 1);
    sp_ui_clip(&ui, (sp_rect){0, 0, 0, 0});
    sp_ui_end(&ui);
    assert_int_equal(sp_ui_hit_test(&ui, 10, 10), 1);
    assert_int_equal(sp_ui_hit_test(&ui, 10, 260), 2);
    assert_int_equal(sp_ui_hit_test(&ui, 10, 400), 0); /* scrolled out of the list */
    assert_int_equal(sp_ui_hit_test(&ui, 700, 10), 0);
    free(dl);
}

static void focus_walks_targets_in_drawing_order_and_shows_a_ring(void **state)
{
    (void)state;
    sp_draw_list *dl = new_list();
    sp_ui ui;
    sp_ui_init(&ui, &kd_metrics);
    for (int frame = 0; frame < 2; frame++) {
        sp_draw_reset(dl, (sp_color){0, 0, 0, 255});
        sp_ui_begin(&ui, dl, 800, 600, &STYLE);
        sp_ui_button(&ui, 7, (sp_rect){0, 0, 200, 64}, "One", SP_BUTTON_NORMAL, NULL);
        sp_ui_button(&ui, 8, (sp_rect){0, 100, 200, 64}, "Two", SP_BUTTON_PRIMARY, NULL);
        sp_ui_end(&ui);
        if (frame == 0) {
            for (size_t i = 0; i < dl->count; i++)
                assert_int_not_equal(dl->cmds[i].kind, SP_CMD_FRAME);
            assert_int_equal(sp_ui_focus_step(&ui, +1), 7);
            assert_int_equal(sp_ui_focus_step(&ui, +1), 8);
        }
    }
    bool ring = false;
    for (size_t i = 0; i < dl->count; i++)
        ring |= dl->cmds[i].kind == SP_CMD_FRAME && dl->cmds[i].rect.y == 100 && dl->cmds[i].thickness == STYLE.focus_thickness;
    assert_true(ring);
    assert_int_equal(sp_ui_focus_step(&ui, +1), 7); /* wraps */
    assert_int_equal(sp_ui_focus_step(&ui, -1), 8);
    free(dl);
}

static void chart_draws_points_aim_target_and_support_marks_inside_its_box(void **state)
{
    (void)state;
    sp_draw_list *dl = new_list();
    sp_ui ui;
    sp_ui_init(&ui, &kd_metrics);
    sp_ui_begin(&ui, dl, 800, 600, &STYLE);
    sp_chart_point pts[] = {{10, 2.0}, {17, 2.5}, {24, 3.5}};
    sp_chart c;
    memset(&c, 0, sizeof c);
    c.points = pts;
    c.npoints = 3;
    c.has_aim = true;
    c.aim_x0 = 0;
    c.aim_y0 = 1.5;
    c.aim_x1 = 42;
    c.aim_y1 = 3;
    c.has_target = true;
    c.target = 3;
    c.target_label = "Goal 3";
    c.mark_x[0] = 12;
    c.mark_label[0] = "Added sentence stems";
    c.nmarks = 1;
    c.x_min = 0;
    c.x_max = 42;
    c.x_label_left = "February 23";
    c.x_label_right = "April 6";
    c.label_size = 16;
    c.value_role = SP_ROLE_STUDENT;
    sp_rect box = {50, 50, 500, 300};
    sp_ui_chart(&ui, box, &c);
    sp_ui_end(&ui);
    int lines = 0, circles = 0;
    for (size_t i = 0; i < dl->count; i++) {
        const sp_draw_cmd *d = &dl->cmds[i];
        if (d->kind == SP_CMD_LINE) {
            lines++;
            assert_true(d->rect.x >= box.x && d->rect.x + d->rect.w <= box.x + box.w);
            assert_true(d->rect.y >= box.y && d->rect.y + d->rect.h <= box.y + box.h);
        }
        if (d->kind == SP_CMD_CIRCLE)
            circles++;
        if (d->kind == SP_CMD_TEXT)
            assert_true(sp_rect_inside(d->rect, box));
    }
    assert_int_equal(circles, 3);
    assert_int_equal(lines, 1 + 1 + 1 + 2); /* mark, target, aim, two joins */
    assert_true(sp_draw_contains_text(dl, "Goal 3"));
    assert_true(sp_draw_contains_text(dl, "Added sentence"));
    assert_true(sp_draw_contains_text(dl, "April 6"));
    free(dl);
}

/* A support change late in the window: its label slides left and is read in full, not cut. */
static void chart_slides_a_late_support_label_left_so_it_reads_in_full(void **state)
{
    (void)state;
    sp_draw_list *dl = new_list();
    sp_ui ui;
    sp_ui_init(&ui, &kd_metrics);
    sp_ui_begin(&ui, dl, 800, 600, &STYLE);
    sp_chart_point pts[] = {{10, 2.0}, {30, 2.5}};
    sp_chart c;
    memset(&c, 0, sizeof c);
    c.points = pts;
    c.npoints = 2;
    c.mark_x[0] = 34;
    c.mark_label[0] = "Added a 20-minute Friday writing conference";
    c.nmarks = 1;
    c.x_min = 0;
    c.x_max = 42;
    c.label_size = 16;
    c.value_role = SP_ROLE_STUDENT;
    sp_rect box = {50, 50, 500, 300};
    sp_ui_chart(&ui, box, &c);
    sp_ui_end(&ui);
    const sp_draw_cmd *d = sp_draw_find_text(dl, "Friday");
    assert_non_null(d);
    assert_string_equal(d->text, "Added a 20-minute Friday writing conference");
    assert_true(sp_rect_inside(d->rect, box));
    free(dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(draw_list_records_text_with_role_and_finds_it),
        cmocka_unit_test(draw_list_sets_overflow_instead_of_writing_past_its_end),
        cmocka_unit_test(wrapping_breaks_at_spaces_and_keeps_every_line_inside_the_width),
        cmocka_unit_test(wrapping_honours_newlines_and_breaks_words_too_long_for_a_line),
        cmocka_unit_test(wrapping_cuts_the_last_line_with_an_ellipsis),
        cmocka_unit_test(text_and_labels_never_leave_their_rectangle),
        cmocka_unit_test(taps_hit_the_topmost_target_and_clipped_targets_only_where_visible),
        cmocka_unit_test(focus_walks_targets_in_drawing_order_and_shows_a_ring),
        cmocka_unit_test(chart_draws_points_aim_target_and_support_marks_inside_its_box),
        cmocka_unit_test(chart_slides_a_late_support_label_left_so_it_reads_in_full),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
