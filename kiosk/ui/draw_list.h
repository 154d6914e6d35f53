/* draw_list.h — what the app wants on screen, as a flat list of commands.
 *
 * The app and its widgets append commands; the renderer (render/) walks the list and draws it
 * with SDL. Every text is recorded with its role and rectangle, so tests assert on the list,
 * read-aloud speaks it in order, and the privacy test checks that no student text survives a
 * sign-out. Text measurement is a callback so the ui layer runs without SDL in tests. */
#ifndef SP_DRAW_LIST_H
#define SP_DRAW_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SP_DRAW_MAX_COMMANDS 4096
#define SP_DRAW_TEXT_ARENA (256 * 1024)

typedef struct { int x, y, w, h; } sp_rect;
typedef struct { uint8_t r, g, b, a; } sp_color;

typedef enum {
    SP_CMD_RECT,       /* filled rectangle, optional corner radius */
    SP_CMD_FRAME,      /* rectangle outline of `thickness` */
    SP_CMD_LINE,       /* from rect.x,y to rect.x+w,y+h */
    SP_CMD_CIRCLE,     /* filled circle inscribed in rect */
    SP_CMD_TEXT,       /* one line of text in rect (already wrapped by the ui layer) */
    SP_CMD_ICON,       /* a named icon drawn in rect (category icons, faces) */
    SP_CMD_CLIP,       /* clip following commands to rect (w = 0: no clip) */
} sp_cmd_kind;

/* Why a text is on screen: tests and read-aloud use this. */
typedef enum {
    SP_ROLE_TITLE,     /* screen heading */
    SP_ROLE_BODY,
    SP_ROLE_LABEL,     /* small label or caption */
    SP_ROLE_BUTTON,
    SP_ROLE_STUDENT,   /* any text that came from the signed-in student's data */
    SP_ROLE_STATUS,    /* traffic light words, "Saved", errors */
    SP_ROLE_CLOCK,
} sp_text_role;

typedef enum { SP_FONT_REGULAR = 0, SP_FONT_BOLD = 1 } sp_font_style;
typedef enum { SP_ALIGN_LEFT = 0, SP_ALIGN_CENTER = 1, SP_ALIGN_RIGHT = 2 } sp_align;

typedef struct {
    sp_cmd_kind kind;
    sp_rect rect;
    sp_color color;
    int radius;        /* RECT: corner radius */
    int thickness;     /* FRAME, LINE */
    /* TEXT */
    const char *text;  /* points into the list's arena */
    int size;          /* pixel size */
    sp_font_style style;
    sp_align align;
    sp_text_role role;
    bool cut;          /* the text was cut to fit and ends in "…" */
    /* ICON */
    const char *icon;  /* "academic", "behavior", "social-emotional", "future-readiness",
                          "face-1".."face-3", "star", "check", "back", "speaker" */
    bool mirrored;     /* ICON: drawn facing the other way (a right-to-left layout's "back") */
    /* A block that keeps its left-to-right inside when the layout mirrors (a chart, the keyboard):
     * the box the block moves as a whole (w == 0: not in such a block). */
    sp_rect ltr_box;
} sp_draw_cmd;

typedef struct {
    sp_draw_cmd cmds[SP_DRAW_MAX_COMMANDS];
    size_t count;
    char arena[SP_DRAW_TEXT_ARENA];
    size_t arena_used;
    bool overflow; /* set when commands or text did not fit (a bug: tests assert it stays false) */
    sp_color clear; /* background colour */
} sp_draw_list;

void sp_draw_reset(sp_draw_list *dl, sp_color clear);
void sp_draw_rect(sp_draw_list *dl, sp_rect r, sp_color c, int radius);
void sp_draw_frame(sp_draw_list *dl, sp_rect r, sp_color c, int thickness);
void sp_draw_line(sp_draw_list *dl, int x1, int y1, int x2, int y2, sp_color c, int thickness);
void sp_draw_circle(sp_draw_list *dl, sp_rect r, sp_color c);
void sp_draw_text(sp_draw_list *dl, sp_rect r, const char *text, size_t len, int size, sp_font_style style,
                  sp_align align, sp_color c, sp_text_role role);
void sp_draw_icon(sp_draw_list *dl, sp_rect r, const char *icon, sp_color c);
void sp_draw_clip(sp_draw_list *dl, sp_rect r);

/* Right-to-left layouts. sp_draw_keep_ltr marks the commands pushed since `first` as one block
 * that moves as a whole inside box but is not mirrored (a chart whose time runs left to right,
 * the Latin keyboard). sp_draw_mirror mirrors a finished frame of the given width: every rect
 * moves to the other side, lines turn round, left-aligned text aligns right (and right left),
 * directional icons face the other way; kept blocks only move. */
void sp_draw_keep_ltr(sp_draw_list *dl, size_t first, sp_rect box);
void sp_draw_mirror(sp_draw_list *dl, int width);
/* x of rect r mirrored in a frame of the given width. */
static inline int sp_mirror_x(sp_rect r, int width) { return width - r.x - r.w; }

/* Text metrics supplied by the renderer (or a fixed-width fake in tests). */
typedef struct {
    void *user;
    int (*text_width)(void *user, const char *text, size_t len, int size, sp_font_style style);
    int (*line_height)(void *user, int size);
} sp_text_metrics;

/* True if any TEXT command contains needle (tests, privacy checks). */
bool sp_draw_contains_text(const sp_draw_list *dl, const char *needle);
/* Finds the first TEXT command containing needle; NULL if none. */
const sp_draw_cmd *sp_draw_find_text(const sp_draw_list *dl, const char *needle);

#endif
