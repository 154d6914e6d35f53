/* test_layout_check.c — the layout check (ui/layout_check.h) and the design tokens: each rule
 * of "never cut, never drop" is broken once on purpose and must be reported, a clean frame
 * reports nothing, and every text colour of both palettes reads on its background.
 *
 * The fixed-width fake of kiosk_driver measures text (half the pixel size per character). */
#include "kiosk_driver.h"

#include "app/theme.h"
#include "app/tokens.h"
#include "ui/contrast.h"
#include "ui/layout_check.h"
#include "ui/ui.h"

#include <stdlib.h>
#include <string.h>

static const sp_color INK = {28, 32, 44, 255}, PAGE = {250, 247, 240, 255}, WHITE = {255, 255, 255, 255};
static const sp_layout_rules RULES = {64, 4.5};

typedef struct {
    sp_draw_list *dl;
    sp_ui ui;
} frame;

static frame *begin(void)
{
    frame *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->dl = calloc(1, sizeof *f->dl);
    assert_non_null(f->dl);
    sp_draw_reset(f->dl, PAGE);
    sp_ui_init(&f->ui, &kd_metrics);
    sp_ui_style st = {.text = INK, .button_bg = {228, 236, 251, 255}, .button_text = {22, 64, 150, 255},
                      .accent_bg = {28, 86, 196, 255}, .accent_text = WHITE, .card_bg = WHITE,
                      .card_border = {196, 203, 218, 255}, .radius = 8, .border = 2, .focus_thickness = 4,
                      .button_text_size = 20, .chip_text_size = 20, .pad = 10};
    sp_ui_begin(&f->ui, f->dl, 800, 600, &st);
    return f;
}

static int check(frame *f, char *msg, size_t len)
{
    sp_ui_end(&f->ui);
    return sp_layout_check(f->dl, &f->ui, &RULES, msg, len);
}

static void done(frame *f)
{
    free(f->dl);
    free(f);
}

static void a_clean_frame_has_no_problems(void **state)
{
    (void)state;
    frame *f = begin();
    sp_ui_label(&f->ui, (sp_rect){20, 20, 400, 40}, "My goals", 30, SP_FONT_BOLD, SP_ALIGN_LEFT, INK, SP_ROLE_TITLE);
    sp_ui_button(&f->ui, 1, (sp_rect){20, 100, 300, 72}, "How did it go?", SP_BUTTON_PRIMARY, NULL);
    sp_ui_chip(&f->ui, 2, (sp_rect){20, 200, 400, 72}, "I ran out of time", false, NULL, SP_ROLE_BUTTON);
    char msg[1024];
    int n = check(f, msg, sizeof msg);
    if (n)
        fail_msg("a clean frame has %d problems:\n%s", n, msg);
    done(f);
}

static void a_title_cut_to_fit_is_reported(void **state)
{
    (void)state;
    frame *f = begin();
    sp_ui_label(&f->ui, (sp_rect){20, 20, 60, 40}, "My learning targets", 30, SP_FONT_BOLD, SP_ALIGN_LEFT, INK,
                SP_ROLE_TITLE);
    char msg[1024];
    assert_int_equal(check(f, msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "is cut to fit"));
    done(f);
}

static void a_button_shrinks_and_wraps_before_it_cuts_and_is_reported_when_it_must(void **state)
{
    (void)state;
    frame *f = begin();
    /* 12 characters at 20 px are 120 px: one line does not fit 100 px of words, two lines do */
    sp_ui_button(&f->ui, 1, (sp_rect){20, 20, 120, 80}, "Set my next step", SP_BUTTON_SECONDARY, NULL);
    char msg[1024];
    assert_int_equal(check(f, msg, sizeof msg), 0);
    done(f);
    f = begin();
    sp_ui_button(&f->ui, 1, (sp_rect){20, 20, 64, 64}, "Supercalifragilistic expialidocious", SP_BUTTON_SECONDARY,
                 NULL);
    assert_true(check(f, msg, sizeof msg) >= 1);
    assert_non_null(strstr(msg, "is cut to fit"));
    done(f);
}

static void overlapping_texts_are_reported(void **state)
{
    (void)state;
    frame *f = begin();
    sp_ui_label(&f->ui, (sp_rect){20, 20, 300, 30}, "Start 1.5 rubric points", 20, SP_FONT_REGULAR, SP_ALIGN_LEFT,
                INK, SP_ROLE_LABEL);
    sp_ui_label(&f->ui, (sp_rect){100, 25, 300, 30}, "Now 2.5", 20, SP_FONT_BOLD, SP_ALIGN_LEFT, INK, SP_ROLE_LABEL);
    char msg[1024];
    assert_int_equal(check(f, msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "overlaps"));
    done(f);
}

static void small_and_off_screen_targets_are_reported(void **state)
{
    (void)state;
    frame *f = begin();
    sp_ui_button(&f->ui, 1, (sp_rect){20, 20, 200, 44}, "OK", SP_BUTTON_PRIMARY, NULL);     /* 44 px high */
    sp_ui_button(&f->ui, 2, (sp_rect){20, 560, 200, 72}, "Next", SP_BUTTON_PRIMARY, NULL);  /* half off the bottom */
    char msg[1024];
    assert_int_equal(check(f, msg, sizeof msg), 3); /* and the half-hidden button's words leave the window */
    assert_non_null(strstr(msg, "leaves the window"));
    assert_non_null(strstr(msg, "under 64 px"));
    assert_non_null(strstr(msg, "not wholly on screen"));
    done(f);
    /* inside a scrolling list, a target may be partly scrolled out of view */
    f = begin();
    sp_ui_clip(&f->ui, (sp_rect){0, 100, 800, 400});
    sp_ui_card(&f->ui, 3, (sp_rect){20, 450, 300, 200}, WHITE, INK, 2);
    sp_ui_clip(&f->ui, (sp_rect){0, 0, 0, 0});
    assert_int_equal(check(f, msg, sizeof msg), 0);
    done(f);
}

static void low_contrast_text_is_reported_against_what_is_under_it(void **state)
{
    (void)state;
    frame *f = begin();
    /* the gold of the old goal label on white: about 2.5:1 */
    sp_draw_rect(f->dl, (sp_rect){0, 0, 400, 100}, WHITE, 0);
    sp_ui_label(&f->ui, (sp_rect){20, 20, 300, 30}, "Goal 3", 20, SP_FONT_BOLD, SP_ALIGN_LEFT,
                (sp_color){214, 152, 0, 255}, SP_ROLE_STUDENT);
    /* the same words in the goal token's colour read */
    sp_ui_label(&f->ui, (sp_rect){20, 60, 300, 30}, "Goal 4", 20, SP_FONT_BOLD, SP_ALIGN_LEFT,
                kiosk_palette_standard()->goal, SP_ROLE_STUDENT);
    char msg[1024];
    assert_int_equal(check(f, msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "\"Goal 3\" has contrast"));
    done(f);
}

/* Every pair of text colour and background the screens use, in both palettes. */
static void every_token_pair_reads_at_4_5_to_1_and_7_to_1_in_high_contrast(void **state)
{
    (void)state;
    const kiosk_palette *pals[2] = {kiosk_palette_standard(), kiosk_palette_high_contrast()};
    for (int k = 0; k < 2; k++) {
        const kiosk_palette *p = pals[k];
        double min = k ? 7.0 : 4.5;
        struct {
            const char *what;
            sp_color fg, bg;
        } pairs[] = {
            {"ink on page", p->ink, p->page},           {"ink on surface", p->ink, p->surface},
            {"muted on page", p->ink_muted, p->page},   {"muted on surface", p->ink_muted, p->surface},
            {"primary button", p->on_primary, p->primary}, {"secondary button", p->on_secondary, p->secondary},
            {"danger button", p->on_danger, p->danger}, {"link on page", p->primary, p->page},
            {"good on surface", p->good, p->surface},   {"watch on surface", p->watch, p->surface},
            {"help on surface", p->help, p->surface},   {"goal on surface", p->goal, p->surface},
            {"aim on surface", p->aim, p->surface},     {"good on page", p->good, p->page},
            {"watch on page", p->watch, p->page},       {"help on page", p->help, p->page},
        };
        for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
            double r = sp_contrast_ratio(pairs[i].fg, pairs[i].bg);
            if (r < min)
                fail_msg("%s palette: %s is %.2f:1, under %.1f:1", k ? "high-contrast" : "everyday", pairs[i].what, r,
                         min);
        }
        for (int c = 0; c < KIOSK_CAT_COUNT; c++) {
            double on_tint = sp_contrast_ratio(p->category[c].ink, p->category[c].tint);
            double on_surface = sp_contrast_ratio(p->category[c].ink, p->surface);
            if (on_tint < min || on_surface < min)
                fail_msg("%s palette: category %d ink is %.2f:1 on its tint, %.2f:1 on a card", k ? "high" : "everyday",
                         c, on_tint, on_surface);
        }
    }
}

/* The type and spacing scales, at 1280x800, are the tokens themselves; they grow with the screen. */
static void the_scales_are_the_tokens_at_1280x800_and_grow_with_the_screen(void **state)
{
    (void)state;
    kiosk_theme t, big;
    kiosk_theme_for(&t, 1280, 800, &kd_metrics, (kiosk_look){false, false});
    kiosk_theme_for(&big, 1920, 1080, &kd_metrics, (kiosk_look){false, false});
    int sizes[] = {t.caption_size, t.body_size, t.lead_size, t.title_size, t.display_size};
    int want[] = {20, 24, 32, 44, 60};
    int space[] = {t.space_xs, t.space_s, t.space_m, t.space_l, t.space_xl};
    int want_space[] = {8, 16, 24, 32, 48};
    for (int i = 0; i < 5; i++) {
        assert_int_equal(sizes[i], want[i]);
        assert_int_equal(space[i], want_space[i]);
    }
    assert_true(big.title_size > t.title_size && big.space_m > t.space_m);
    assert_true(t.button_h >= 64 && t.line_w >= 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_clean_frame_has_no_problems),
        cmocka_unit_test(a_title_cut_to_fit_is_reported),
        cmocka_unit_test(a_button_shrinks_and_wraps_before_it_cuts_and_is_reported_when_it_must),
        cmocka_unit_test(overlapping_texts_are_reported),
        cmocka_unit_test(small_and_off_screen_targets_are_reported),
        cmocka_unit_test(low_contrast_text_is_reported_against_what_is_under_it),
        cmocka_unit_test(every_token_pair_reads_at_4_5_to_1_and_7_to_1_in_high_contrast),
        cmocka_unit_test(the_scales_are_the_tokens_at_1280x800_and_grow_with_the_screen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
