/* ui.h — immediate-mode widgets that append to a draw list, in the manner of microui.
 *
 * A frame calls sp_ui_begin(), then widget functions with explicit rectangles (the screens do
 * their own layout from the theme), then sp_ui_end(). Widgets that can be tapped register a
 * target {rect, id}; the targets of the last frame stay in the context, so an event arriving
 * between frames is hit-tested against what is on screen (sp_ui_hit_test) and keyboard focus
 * walks them in the order they were drawn (sp_ui_focus_step). The focused target gets a focus
 * ring once the keyboard has been used. Text is always wrapped or truncated to its rectangle
 * with the metrics callback, ending in "…" when it does not fit, so nothing overflows; a
 * button's or chip's words first shrink a step and wrap to a second line, so they are cut only
 * when even that fails (the draw list marks such text as cut, and the layout check fails it).
 *
 * One look everywhere: a primary button is filled, a secondary one tinted (outlined in high
 * contrast), a danger button is for the confirmed step of a destructive action, and a chip is
 * an outlined rounded choice that fills with a check when chosen. */
#ifndef SP_UI_H
#define SP_UI_H

#include "ui/draw_list.h"

#include <stdbool.h>
#include <stddef.h>

#define SP_UI_MAX_TARGETS 256
#define SP_UI_MAX_LINES 32
#define SP_UI_LINE_BYTES 1024 /* longest single line drawn (longer lines are cut) */

/* Colours and sizes the widgets use; the app's theme fills it in for the window size. */
typedef struct {
    sp_color text, muted;
    sp_color button_bg, button_text, button_border; /* secondary button */
    sp_color accent_bg, accent_text;                /* primary button, chosen chip */
    sp_color danger_bg, danger_text;                /* danger button */
    sp_color card_bg, card_border, focus;
    int radius;          /* corner radius of buttons and chips */
    int card_radius;     /* corner radius of cards */
    int border;          /* outline width of chips, cards and secondary buttons */
    int focus_thickness; /* focus ring width */
    int button_text_size;
    int chip_text_size;
    int pad;             /* inner padding of buttons and cards */
} sp_ui_style;

typedef struct {
    sp_rect rect;    /* visible part (clipped); w == 0 when scrolled out of view */
    sp_rect full;    /* whole widget, unclipped */
    int id;          /* screen-defined action id (> 0) */
    bool button;     /* a button or chip (its words must never be cut) rather than a card */
    bool scrolled;   /* registered inside a clip (a scrolling list): may be partly out of view */
} sp_ui_target;

typedef struct {
    sp_draw_list *dl;           /* frame being built (NULL outside begin/end) */
    sp_text_metrics metrics;    /* text width and line height */
    sp_ui_style style;
    int win_w, win_h;
    sp_rect clip;               /* current clip; w == 0 means the whole window */
    sp_ui_target targets[SP_UI_MAX_TARGETS]; /* tappable widgets of the last frame, in focus order */
    size_t ntargets;
    int focus_id;               /* focused target id, 0 for none */
    bool focus_visible;         /* draw the ring: the keyboard was used since the last tap */
} sp_ui;

/* SP_BUTTON_NORMAL is the secondary look (the older name). */
typedef enum { SP_BUTTON_SECONDARY = 0, SP_BUTTON_NORMAL = 0, SP_BUTTON_PRIMARY = 1, SP_BUTTON_DANGER = 2 } sp_button_kind;

/* One wrapped line: a slice of the source text, plus whether "…" follows it. */
typedef struct {
    const char *s;
    size_t len;
    bool ellipsis;
} sp_ui_line;

void sp_ui_init(sp_ui *ui, const sp_text_metrics *metrics);
/* A right-to-left layout: the targets of the frame just built (dl, before sp_draw_mirror) move
 * as their widgets do: mirrored, or with their kept left-to-right block (the keyboard's keys). */
void sp_ui_mirror_targets(sp_ui *ui, const sp_draw_list *dl);
void sp_ui_begin(sp_ui *ui, sp_draw_list *dl, int win_w, int win_h, const sp_ui_style *style);
void sp_ui_end(sp_ui *ui);
/* Forgets targets and focus (a new screen is about to be drawn). */
void sp_ui_reset_targets(sp_ui *ui);

/* Clips following commands to r (w == 0: none) and culls text and targets outside it. */
void sp_ui_clip(sp_ui *ui, sp_rect r);

/* True when r lies wholly inside the current clip (decorations beside culled text use it). */
bool sp_ui_visible(const sp_ui *ui, sp_rect r);

/* Registers a tappable area; returns true if it has keyboard focus. */
bool sp_ui_target_add(sp_ui *ui, int id, sp_rect r, bool button);
void sp_ui_focus_ring(sp_ui *ui, sp_rect r);

void sp_ui_button(sp_ui *ui, int id, sp_rect r, const char *label, sp_button_kind kind, const char *icon);
/* Card background with rounded corners (the style's card radius); tappable when id > 0. */
void sp_ui_card(sp_ui *ui, int id, sp_rect r, sp_color bg, sp_color border, int border_thickness);
/* A rounded rectangle of radius with an outline of thickness (0: none) inside r. */
void sp_ui_panel(sp_ui *ui, sp_rect r, sp_color bg, sp_color border, int thickness, int radius);
/* A choice chip: outlined, or filled with a check when chosen; an optional picture (an icon
 * name, or NULL) before its words. role is the words' role (the choice's source). */
void sp_ui_chip(sp_ui *ui, int id, sp_rect r, const char *label, bool chosen, const char *icon, sp_text_role role);
/* Words fitted into r: at size, or a step or two smaller, on up to max_lines lines, centred
 * vertically; cut with "…" only when the smallest step still does not fit. Returns the size used. */
int sp_ui_fit_text(sp_ui *ui, sp_rect r, const char *text, int size, sp_font_style style, sp_align align, sp_color c,
                   sp_text_role role, int max_lines);
/* The size sp_ui_fit_text would use and the height its lines take. */
int sp_ui_fit_size(const sp_ui *ui, int w, int h, const char *text, int size, sp_font_style style, int max_lines,
                   int *height);

/* Wraps text into r.w; at most max_lines (0: as many as fit r.h). Returns the height used. */
int sp_ui_text(sp_ui *ui, sp_rect r, const char *text, int size, sp_font_style style, sp_align align, sp_color c,
               sp_text_role role, int max_lines);
/* One line, truncated with "…" to r.w, vertically centred in r. */
void sp_ui_label(sp_ui *ui, sp_rect r, const char *text, int size, sp_font_style style, sp_align align, sp_color c,
                 sp_text_role role);
/* Track with a filled part of frac (0..1) and an optional marker at marker_frac (< 0: none). */
void sp_ui_progress(sp_ui *ui, sp_rect r, double frac, double marker_frac, sp_color track, sp_color fill,
                    sp_color marker);

/* Line breaking with the metrics callback: greedy at spaces, hard at '\n', inside a word only when
 * one word is wider than the line. When the text needs more than max_lines the last line is cut
 * so that it and "…" fit. Returns the number of lines written to out (at most SP_UI_MAX_LINES). */
int sp_ui_wrap(const sp_text_metrics *m, const char *text, int size, sp_font_style style, int width, int max_lines,
               sp_ui_line *out);
int sp_ui_line_height(const sp_ui *ui, int size);
int sp_ui_text_width(const sp_ui *ui, const char *text, int size, sp_font_style style);

/* Target under a point (last frame); 0 if none. */
int sp_ui_hit_test(const sp_ui *ui, int x, int y);
/* Moves focus by +1/-1 through the targets (wrapping); makes the ring visible. Returns the id. */
int sp_ui_focus_step(sp_ui *ui, int dir);
/* The target with this id in the last frame; NULL if none. */
const sp_ui_target *sp_ui_find_target(const sp_ui *ui, int id);

bool sp_rect_contains(sp_rect r, int x, int y);
bool sp_rect_inside(sp_rect inner, sp_rect outer);
sp_rect sp_rect_intersect(sp_rect a, sp_rect b);

#endif
