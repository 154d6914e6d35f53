/* theme.h — colours, text sizes and layout metrics of the kiosk, derived from the window size.
 *
 * Everything scales with the shorter side of the window (800 px is scale 1.0), so a 1920x1080
 * screen gets larger text and a portrait tablet gets the same sizes as a landscape one. Touch
 * targets never go below 64 px. Card heights are computed from the real line heights, so a
 * card always has room for its icon row, three lines of the student's text, the traffic light,
 * the progress bar and the next check date. */
#ifndef KIOSK_THEME_H
#define KIOSK_THEME_H

#include "ui/ui.h"

#define KIOSK_MIN_TOUCH 64

typedef struct {
    int w, h;
    bool portrait;
    double scale;
    sp_ui_style ui;
    /* colours */
    sp_color bg, text, muted, accent, green, yellow, red, gold, track, chart_bg, aim, grid, warn_bg;
    /* text sizes (pixels) */
    int huge_size, title_size, body_size, label_size, card_text_size, clock_size;
    /* spacing and controls */
    int margin, gap, small_gap;
    int button_h, button_w, wide_button_w;
    int icon_size, bar_h;
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

#endif
