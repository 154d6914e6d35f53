/* theme.h — the design tokens (tokens.h) resolved for one window size and one student's reading
 * supports: pixel sizes, the palette in use, and the style the ui widgets draw with.
 *
 * Everything scales with the shorter side of the window (800 px is scale 1.0), so a 1920x1080
 * screen gets larger text and a portrait tablet gets the same sizes as a landscape one; large
 * text multiplies by 1.25 more. Touch targets never go below 64 px. The older names below
 * (margin, gap, body_size, ...) are aliases of tokens, kept so every screen speaks one scale:
 *     space_xs..space_xl   8 16 24 32 48      small_gap = xs, gap = m, margin = l
 *     caption..display     20 24 32 44 60     label_size = caption, body_size = body,
 *                                             card_text_size = lead, title_size = title,
 *                                             huge_size = display */
#ifndef KIOSK_THEME_H
#define KIOSK_THEME_H

#include "app/tokens.h"
#include "ui/ui.h"

#define KIOSK_MIN_TOUCH KIOSK_TOUCH_MIN

typedef struct {
    int w, h;
    bool portrait;
    bool high_contrast;
    double scale;
    sp_ui_style ui;
    const kiosk_palette *pal;
    /* spacing scale */
    int space_xs, space_s, space_m, space_l, space_xl;
    /* type scale */
    int caption_size, body_size, lead_size, title_size, display_size;
    /* radii */
    int radius_s, radius_m, radius_l;
    /* colours (from the palette) */
    sp_color bg, text, muted, accent, green, yellow, red, gold, track, chart_bg, aim, grid, warn_bg;
    /* aliases of the scales (see above) */
    int huge_size, label_size, card_text_size, clock_size;
    int margin, gap, small_gap;
    /* controls */
    int button_h, button_w, wide_button_w;
    int icon_size, avatar_size, bar_h;
    int line_w;        /* chart aim and goal lines: at least 3 px */
    int content_max_w; /* widest a column of reading text gets */
    /* goal cards */
    int columns;
    int card_h;
    int card_text_lines; /* lines of the student's text on a card */
} kiosk_theme;

/* A student's reading supports that change the look: large text (everything 25 % bigger, so
 * buttons grow with their words) and high contrast (black on white, darker colours, heavier
 * borders). The scan screen and the teacher menu use neither. */
typedef struct {
    bool large_text;
    bool high_contrast;
} kiosk_look;

void kiosk_theme_for(kiosk_theme *t, int w, int h, const sp_text_metrics *metrics, kiosk_look look);
int kiosk_line_h(const sp_text_metrics *metrics, int size);

/* Colour of a traffic light (sp_light value). */
sp_color kiosk_light_color(const kiosk_theme *t, int light);
/* Ink and tint of a milestone category ("academic", ...). */
kiosk_category_colors kiosk_category_color(const kiosk_theme *t, const char *category);

#endif
