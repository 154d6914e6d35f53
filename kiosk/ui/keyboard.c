/* keyboard.c — the on-screen keyboard: key tables, layout, what a key means, drawing (see
 * keyboard.h).
 *
 * Each layer is one table of keys read row by row; a row spans 20 half-cells (ten ordinary keys),
 * so shift and delete can be one and a half keys wide and the space bar several. Rows that
 * need fewer half-cells are centred. A key's id offset is layer * SP_KB_LAYER_IDS + its index in
 * the table (row markers not counted), which is all sp_keyboard_edit() needs to decode it. */
#include "i18n.h"
#include "ui/keyboard.h"

#include <stdio.h>
#include <string.h>

typedef enum { K_CHAR, K_SHIFT, K_DELETE, K_SPACE, K_LAYER, K_DONE, K_ROW } key_kind;

typedef struct {
    key_kind kind;
    const char *lower, *upper; /* K_CHAR: the character; K_LAYER: lower is the label */
    int span;                  /* width in half-cells */
    sp_kb_layer to;            /* K_LAYER */
} kb_key;

#define C(lo, up) {K_CHAR, lo, up, 2, SP_KB_LETTERS}
#define CW(lo, span) {K_CHAR, lo, lo, span, SP_KB_LETTERS}
#define ROW {K_ROW, NULL, NULL, 0, SP_KB_LETTERS}
#define SHIFT {K_SHIFT, NULL, NULL, 3, SP_KB_LETTERS}
#define DELETE(span) {K_DELETE, NULL, NULL, span, SP_KB_LETTERS}
#define SPACE(span) {K_SPACE, " ", " ", span, SP_KB_LETTERS}
#define LAYER(label, span, to) {K_LAYER, label, label, span, to}
#define DONE {K_DONE, NULL, NULL, 4, SP_KB_LETTERS}
#define END {K_ROW, NULL, NULL, -1, SP_KB_LETTERS}

static const kb_key LETTERS[] = {
    C("q", "Q"), C("w", "W"), C("e", "E"), C("r", "R"), C("t", "T"),
    C("y", "Y"), C("u", "U"), C("i", "I"), C("o", "O"), C("p", "P"), ROW,
    C("a", "A"), C("s", "S"), C("d", "D"), C("f", "F"), C("g", "G"),
    C("h", "H"), C("j", "J"), C("k", "K"), C("l", "L"), ROW,
    SHIFT, C("z", "Z"), C("x", "X"), C("c", "C"), C("v", "V"), C("b", "B"), C("n", "N"), C("m", "M"), DELETE(3), ROW,
    LAYER("123", 3, SP_KB_NUMBERS), LAYER("\xC3\xA0\xC3\xA9", 2, SP_KB_ACCENTS), CW(",", 2), SPACE(7), CW(".", 2),
    DONE, END,
};

static const kb_key NUMBERS[] = {
    CW("1", 2), CW("2", 2), CW("3", 2), CW("4", 2), CW("5", 2),
    CW("6", 2), CW("7", 2), CW("8", 2), CW("9", 2), CW("0", 2), ROW,
    CW("-", 2), CW("/", 2), CW(":", 2), CW(";", 2), CW("(", 2),
    CW(")", 2), CW("&", 2), CW("@", 2), CW("\"", 2), ROW,
    CW(".", 3), CW(",", 3), CW("?", 3), CW("!", 3), CW("'", 3), DELETE(5), ROW,
    LAYER("abc", 3, SP_KB_LETTERS), LAYER("\xC3\xA0\xC3\xA9", 2, SP_KB_ACCENTS), SPACE(11), DONE, END,
};

static const kb_key ACCENTS[] = {
    C("\xC3\xA9", "\xC3\x89"), C("\xC3\xA8", "\xC3\x88"), C("\xC3\xAA", "\xC3\x8A"), C("\xC3\xAB", "\xC3\x8B"),
    C("\xC3\xA1", "\xC3\x81"), C("\xC3\xA0", "\xC3\x80"), C("\xC3\xA2", "\xC3\x82"), C("\xC3\xA4", "\xC3\x84"),
    C("\xC3\xA3", "\xC3\x83"), C("\xC3\xA5", "\xC3\x85"), ROW,
    C("\xC3\xAD", "\xC3\x8D"), C("\xC3\xAC", "\xC3\x8C"), C("\xC3\xAE", "\xC3\x8E"), C("\xC3\xAF", "\xC3\x8F"),
    C("\xC3\xB3", "\xC3\x93"), C("\xC3\xB2", "\xC3\x92"), C("\xC3\xB4", "\xC3\x94"), C("\xC3\xB6", "\xC3\x96"),
    C("\xC3\xB5", "\xC3\x95"), C("\xC3\xB8", "\xC3\x98"), ROW,
    SHIFT, C("\xC3\xBA", "\xC3\x9A"), C("\xC3\xB9", "\xC3\x99"), C("\xC3\xBB", "\xC3\x9B"), C("\xC3\xBC", "\xC3\x9C"),
    C("\xC3\xBD", "\xC3\x9D"), C("\xC3\xBF", "\xC5\xB8"), C("\xC3\xA7", "\xC3\x87"), DELETE(3), ROW,
    LAYER("abc", 3, SP_KB_LETTERS), LAYER("123", 2, SP_KB_NUMBERS), C("\xC3\xB1", "\xC3\x91"), SPACE(5),
    C("\xC3\xA6", "\xC3\x86"), C("\xC3\x9F", "\xC3\x9F"), DONE, END,
};

#define GRID_HALVES 20
#define ROWS 4

static const kb_key *layer_table(sp_kb_layer layer)
{
    switch (layer) {
    case SP_KB_NUMBERS:
        return NUMBERS;
    case SP_KB_ACCENTS:
        return ACCENTS;
    case SP_KB_LETTERS:
    default:
        return LETTERS;
    }
}

/* The index-th key of a layer (row markers skipped); NULL past the end. */
static const kb_key *key_at(sp_kb_layer layer, int index)
{
    const kb_key *k = layer_table(layer);
    for (int i = 0; k->span >= 0; k++) {
        if (k->kind == K_ROW)
            continue;
        if (i++ == index)
            return k;
    }
    return NULL;
}

void sp_keyboard_init(sp_keyboard *kb) { memset(kb, 0, sizeof *kb); }

int sp_keyboard_height(int width, int gap, int max_key_h)
{
    int key_w = (width + gap) / 10 - gap;
    int h = key_w * 5 / 4;
    if (h > max_key_h)
        h = max_key_h;
    if (h < SP_KB_MIN_KEY)
        h = SP_KB_MIN_KEY;
    return ROWS * h + (ROWS - 1) * gap;
}

void sp_keyboard_layout(sp_kb_layer layer, sp_rect area, int gap, int max_key_w, sp_kb_layout *out)
{
    memset(out, 0, sizeof *out);
    int pitch = (area.w + gap) / 10; /* one ordinary key plus its gap */
    if (max_key_w > 0 && pitch > max_key_w + gap)
        pitch = max_key_w + gap;
    int key_h = (area.h - (ROWS - 1) * gap) / ROWS;
    int total_w = 10 * pitch - gap;
    int x0 = area.x + (area.w - total_w) / 2;
    out->bounds = (sp_rect){x0, area.y, total_w, ROWS * key_h + (ROWS - 1) * gap};

    const kb_key *row = layer_table(layer);
    int index = 0;
    for (int r = 0; r < ROWS && row->span >= 0; r++) {
        int halves = 0;
        const kb_key *k = row;
        for (; k->span > 0 && k->kind != K_ROW; k++)
            halves += k->span;
        int h = (GRID_HALVES - halves) / 2; /* centre a short row */
        int y = area.y + r * (key_h + gap);
        for (k = row; k->kind != K_ROW; k++) {
            if (out->n < SP_KB_MAX_KEYS) {
                int xa = x0 + h * pitch / 2, xb = x0 + (h + k->span) * pitch / 2 - gap;
                out->rect[out->n] = (sp_rect){xa, y, xb - xa, key_h};
                out->id_offset[out->n] = (int)layer * SP_KB_LAYER_IDS + index;
                out->n++;
            }
            index++;
            h += k->span;
        }
        row = k->span < 0 ? k : k + 1;
    }
}

sp_kb_edit sp_keyboard_edit(const sp_keyboard *kb, int base_id, int id)
{
    sp_kb_edit e;
    memset(&e, 0, sizeof e);
    if (id < base_id || id >= base_id + SP_KB_ID_COUNT)
        return e;
    int off = id - base_id;
    const kb_key *k = key_at((sp_kb_layer)(off / SP_KB_LAYER_IDS), off % SP_KB_LAYER_IDS);
    if (!k)
        return e;
    switch (k->kind) {
    case K_CHAR:
    case K_SPACE: {
        const char *s = (kb->shift || kb->caps) ? k->upper : k->lower;
        e.kind = SP_KB_EDIT_INSERT;
        memcpy(e.text, s, strlen(s) + 1);
        break;
    }
    case K_SHIFT:
        e.kind = SP_KB_EDIT_SHIFT;
        break;
    case K_DELETE:
        e.kind = SP_KB_EDIT_BACKSPACE;
        break;
    case K_LAYER:
        e.kind = SP_KB_EDIT_LAYER;
        e.layer = k->to;
        break;
    case K_DONE:
        e.kind = SP_KB_EDIT_DONE;
        break;
    case K_ROW:
        break;
    }
    return e;
}

void sp_keyboard_apply(sp_keyboard *kb, const sp_kb_edit *e, uint64_t now)
{
    switch (e->kind) {
    case SP_KB_EDIT_INSERT:
        kb->shift = false; /* one character, then lowercase again (caps lock stays) */
        break;
    case SP_KB_EDIT_SHIFT:
        if (kb->caps) {
            kb->caps = false;
            kb->shift = false;
        } else if (kb->shift && now - kb->shift_at <= SP_KB_DOUBLE_TAP_MS) {
            kb->caps = true;
            kb->shift = false;
        } else if (kb->shift) {
            kb->shift = false;
        } else {
            kb->shift = true;
            kb->shift_at = now;
        }
        break;
    case SP_KB_EDIT_LAYER:
        kb->layer = e->layer;
        kb->shift = false;
        break;
    case SP_KB_EDIT_BACKSPACE:
    case SP_KB_EDIT_DONE:
    case SP_KB_EDIT_NONE:
        break;
    }
}

const char *sp_keyboard_label(const sp_keyboard *kb, int id_offset)
{
    if (id_offset < 0 || id_offset >= SP_KB_ID_COUNT)
        return "";
    const kb_key *k = key_at((sp_kb_layer)(id_offset / SP_KB_LAYER_IDS), id_offset % SP_KB_LAYER_IDS);
    if (!k)
        return "";
    switch (k->kind) {
    case K_CHAR:
        return (kb->shift || kb->caps) ? k->upper : k->lower;
    case K_SHIFT:
        return kb->caps ? _("Caps") : _("Shift");
    case K_DELETE:
        return _("Delete");
    case K_SPACE:
        return _("space");
    case K_LAYER:
        return k->lower;
    case K_DONE:
        return _("Done");
    case K_ROW:
        break;
    }
    return "";
}

void sp_keyboard_draw(sp_ui *ui, const sp_keyboard *kb, sp_rect area, int base_id, const sp_kb_style *style)
{
    sp_kb_layout lay;
    sp_keyboard_layout(kb->layer, area, style->gap, style->max_key_w, &lay);
    int pad = style->gap / 2;
    size_t first = ui->dl->count; /* the Latin keyboard keeps its order in a mirrored layout */
    for (size_t i = 0; i < lay.n; i++) {
        sp_rect r = lay.rect[i];
        int off = lay.id_offset[i];
        const kb_key *k = key_at((sp_kb_layer)(off / SP_KB_LAYER_IDS), off % SP_KB_LAYER_IDS);
        bool focused = sp_ui_target_add(ui, base_id + off, r, true);
        sp_color bg = style->key_bg, fg = style->key_text;
        if (k->kind == K_SHIFT && (kb->shift || kb->caps)) {
            bg = style->active_bg;
            fg = style->active_text;
        } else if (k->kind == K_DONE) {
            bg = style->active_bg;
            fg = style->active_text;
        } else if (k->kind != K_CHAR && k->kind != K_SPACE) {
            bg = style->special_bg;
            fg = style->special_text;
        }
        sp_draw_rect(ui->dl, r, bg, ui->style.radius / 2);
        sp_font_style fs = k->kind == K_CHAR ? SP_FONT_REGULAR : SP_FONT_BOLD;
        int size = style->text_size;
        if (k->kind != K_CHAR) /* word labels a little smaller than the letters */
            size = size * 4 / 5;
        /* a word label (Delete, Done, in any language) steps down a size or takes two lines to fit */
        sp_ui_fit_text(ui, (sp_rect){r.x + pad, r.y, r.w - 2 * pad, r.h}, sp_keyboard_label(kb, off), size, fs,
                       SP_ALIGN_CENTER, fg, SP_ROLE_BUTTON, k->kind == K_CHAR ? 1 : 2);
        if (kb->caps && k->kind == K_SHIFT) /* caps lock: a bar under the label */
            sp_draw_rect(ui->dl, (sp_rect){r.x + r.w / 4, r.y + r.h - pad - 4, r.w / 2, 4}, fg, 2);
        if (focused)
            sp_ui_focus_ring(ui, r);
    }
    sp_draw_keep_ltr(ui->dl, first, area);
}

/* ---- the answer box ------------------------------------------------------------------------ */

void sp_answer_field_clear(sp_answer_field *f)
{
    memset(f, 0, sizeof *f);
}

bool sp_answer_field_set(sp_answer_field *f, const char *text)
{
    char err[128];
    if (!text || strlen(text) >= sizeof f->text || !sp_answer_valid(text, err, sizeof err))
        return false;
    sp_answer_field_clear(f);
    f->len = strlen(text);
    memcpy(f->text, text, f->len);
    return true;
}

size_t sp_answer_field_chars(const sp_answer_field *f) { return sp_answer_chars(f->text); }

bool sp_answer_field_insert(sp_answer_field *f, const char *text)
{
    char err[128];
    if (!text || !*text || strlen(text) >= sizeof f->text || !sp_answer_valid(text, err, sizeof err))
        return false; /* invalid UTF-8, control characters, or far too long to be typed */
    size_t chars = sp_answer_field_chars(f);
    bool inserted = false;
    const char *p = text;
    while (*p) {
        size_t n = 1;
        while (p[n] && ((unsigned char)p[n] & 0xC0) == 0x80)
            n++;
        if (chars >= SP_ANSWER_MAX_CHARS || f->len + n >= sizeof f->text) {
            f->refused = true;
            return inserted;
        }
        memcpy(f->text + f->len, p, n);
        f->len += n;
        f->text[f->len] = 0;
        chars++;
        inserted = true;
        p += n;
    }
    f->refused = false;
    return inserted;
}

bool sp_answer_field_backspace(sp_answer_field *f)
{
    f->refused = false;
    if (f->len == 0)
        return false;
    size_t n = f->len - 1;
    while (n > 0 && ((unsigned char)f->text[n] & 0xC0) == 0x80)
        n--;
    memset(f->text + n, 0, f->len - n);
    f->len = n;
    return true;
}

void sp_answer_field_counter(const sp_answer_field *f, char *out, size_t len)
{
    snprintf(out, len, "%zu / %d", sp_answer_field_chars(f), SP_ANSWER_MAX_CHARS);
}

void sp_answer_field_draw(sp_ui *ui, const sp_answer_field *f, sp_rect r, sp_rect counter_r, const char *placeholder,
                          const sp_answer_style *st)
{
    sp_draw_rect(ui->dl, r, st->bg, st->radius);
    sp_draw_frame(ui->dl, r, st->border_color, st->border);
    sp_rect in = {r.x + st->pad, r.y + st->pad, r.w - 2 * st->pad, r.h - 2 * st->pad};
    int lh = sp_ui_line_height(ui, st->text_size);
    int cursor_w = st->border > 2 ? st->border : 3;
    int fit = lh > 0 ? in.h / lh : 0;
    if (fit < 1)
        fit = 1;
    int cx = in.x, cy = in.y;
    if (f->len == 0) {
        if (placeholder)
            sp_ui_label(ui, (sp_rect){in.x + 2 * cursor_w, in.y, in.w - 2 * cursor_w, lh}, placeholder, st->text_size,
                        SP_FONT_REGULAR, SP_ALIGN_LEFT, st->placeholder, SP_ROLE_LABEL);
    } else {
        /* The end of the text stays in view: when it needs more lines than the box has, the
         * first lines scroll out of the top. */
        sp_ui_line lines[SP_UI_MAX_LINES];
        int n = sp_ui_wrap(&ui->metrics, f->text, st->text_size, SP_FONT_REGULAR, in.w - cursor_w, 0, lines);
        int first = n > fit ? n - fit : 0;
        for (int i = first; i < n; i++) {
            sp_rect lr = {in.x, in.y + (i - first) * lh, in.w, lh};
            sp_draw_text(ui->dl, lr, lines[i].s, lines[i].len, st->text_size, SP_FONT_REGULAR, SP_ALIGN_LEFT, st->text,
                         SP_ROLE_STUDENT);
        }
        if (n > 0) {
            const sp_ui_line *last = &lines[n - 1];
            int w = ui->metrics.text_width(ui->metrics.user, last->s, last->len, st->text_size, SP_FONT_REGULAR);
            /* a trailing space is not part of the wrapped line, but the cursor moves past it */
            const char *after = last->s + last->len;
            if (after < f->text + f->len && *after == ' ')
                w += ui->metrics.text_width(ui->metrics.user, " ", 1, st->text_size, SP_FONT_REGULAR);
            cx = in.x + w;
            cy = in.y + (n - 1 - first) * lh;
            if (cx > in.x + in.w - cursor_w) {
                if (n - first < fit) { /* the spaces went past the line: the cursor starts the next one */
                    cx = in.x;
                    cy += lh;
                } else {
                    cx = in.x + in.w - cursor_w;
                }
            }
        }
    }
    sp_draw_rect(ui->dl, (sp_rect){cx, cy + lh / 8, cursor_w, lh - lh / 4}, st->cursor, 0);

    char counter[32];
    sp_answer_field_counter(f, counter, sizeof counter);
    bool warn = f->refused || sp_answer_field_chars(f) >= SP_ANSWER_MAX_CHARS;
    sp_ui_label(ui, counter_r, counter, st->counter_size, warn ? SP_FONT_BOLD : SP_FONT_REGULAR, SP_ALIGN_RIGHT,
                warn ? st->warning : st->counter, SP_ROLE_STATUS);
}
