/* ui.c — immediate-mode widgets over the draw list (see ui.h).
 *
 * Nothing here keeps per-widget state between frames except the list of tappable targets and
 * the focused id: a screen redraws everything from its model each frame, exactly as microui
 * does. Wrapping measures growing prefixes of the current line with the metrics callback and
 * stops as soon as max_lines are full, so a 1,000-character text costs a few dozen
 * measurements, not one per character. */
#include "ui/ui.h"

#include <string.h>

static const char ELLIPSIS[] = "\xE2\x80\xA6"; /* U+2026 */

bool sp_rect_contains(sp_rect r, int x, int y) { return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h; }

bool sp_rect_inside(sp_rect a, sp_rect b)
{
    return a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
}

sp_rect sp_rect_intersect(sp_rect a, sp_rect b)
{
    int x1 = a.x > b.x ? a.x : b.x, y1 = a.y > b.y ? a.y : b.y;
    int x2 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
    int y2 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
    if (x2 <= x1 || y2 <= y1)
        return (sp_rect){0, 0, 0, 0};
    return (sp_rect){x1, y1, x2 - x1, y2 - y1};
}

void sp_ui_init(sp_ui *ui, const sp_text_metrics *metrics)
{
    memset(ui, 0, sizeof *ui);
    ui->metrics = *metrics;
}

void sp_ui_begin(sp_ui *ui, sp_draw_list *dl, int win_w, int win_h, const sp_ui_style *style)
{
    ui->dl = dl;
    ui->win_w = win_w;
    ui->win_h = win_h;
    ui->style = *style;
    ui->clip = (sp_rect){0, 0, 0, 0};
    ui->ntargets = 0;
}

/* The kept left-to-right box holding r, if any (w == 0 when none). */
static sp_rect kept_box(const sp_draw_list *dl, sp_rect r)
{
    for (size_t i = 0; i < dl->count; i++) {
        sp_rect b = dl->cmds[i].ltr_box;
        if (b.w > 0 && r.x >= b.x && r.x + r.w <= b.x + b.w && r.y >= b.y && r.y + r.h <= b.y + b.h)
            return b;
    }
    return (sp_rect){0, 0, 0, 0};
}

void sp_ui_mirror_targets(sp_ui *ui, const sp_draw_list *dl)
{
    for (size_t i = 0; i < ui->ntargets; i++) {
        sp_ui_target *t = &ui->targets[i];
        sp_rect box = kept_box(dl, t->full);
        if (box.w > 0) {
            int dx = sp_mirror_x(box, ui->win_w) - box.x;
            t->full.x += dx;
            if (t->rect.w > 0)
                t->rect.x += dx;
        } else {
            t->full.x = sp_mirror_x(t->full, ui->win_w);
            if (t->rect.w > 0)
                t->rect.x = sp_mirror_x(t->rect, ui->win_w);
        }
    }
}

void sp_ui_end(sp_ui *ui)
{
    if (ui->clip.w)
        sp_ui_clip(ui, (sp_rect){0, 0, 0, 0});
    /* Focus on something no longer drawn is dropped, so Enter never acts on an invisible widget. */
    if (ui->focus_id && !sp_ui_find_target(ui, ui->focus_id))
        ui->focus_id = 0;
    ui->dl = NULL;
}

void sp_ui_reset_targets(sp_ui *ui)
{
    ui->ntargets = 0;
    ui->focus_id = 0;
}

static sp_rect visible_area(const sp_ui *ui)
{
    return ui->clip.w ? ui->clip : (sp_rect){0, 0, ui->win_w, ui->win_h};
}

void sp_ui_clip(sp_ui *ui, sp_rect r)
{
    ui->clip = r;
    sp_draw_clip(ui->dl, r);
}

bool sp_ui_visible(const sp_ui *ui, sp_rect r) { return !ui->clip.w || sp_rect_inside(r, ui->clip); }

bool sp_ui_target_add(sp_ui *ui, int id, sp_rect r, bool button)
{
    if (ui->ntargets >= SP_UI_MAX_TARGETS) {
        ui->dl->overflow = true;
        return false;
    }
    sp_ui_target *t = &ui->targets[ui->ntargets++];
    t->full = r;
    t->rect = sp_rect_intersect(r, visible_area(ui));
    t->id = id;
    t->button = button;
    t->scrolled = ui->clip.w > 0;
    return ui->focus_visible && ui->focus_id == id && t->rect.w > 0;
}

void sp_ui_focus_ring(sp_ui *ui, sp_rect r)
{
    /* Drawn just inside the widget, so a list's clip never cuts it and it never leaves the window. */
    sp_draw_frame(ui->dl, r, ui->style.focus, ui->style.focus_thickness);
}

int sp_ui_line_height(const sp_ui *ui, int size) { return ui->metrics.line_height(ui->metrics.user, size); }

int sp_ui_text_width(const sp_ui *ui, const char *text, int size, sp_font_style style)
{
    return ui->metrics.text_width(ui->metrics.user, text, strlen(text), size, style);
}

/* Size steps a button's or chip's words may shrink to before they wrap or are cut. */
static int step_size(int size, int step) { return step == 0 ? size : step == 1 ? size * 7 / 8 : size * 3 / 4; }

int sp_ui_fit_size(const sp_ui *ui, int w, int h, const char *text, int size, sp_font_style style, int max_lines,
                   int *height)
{
    sp_ui_line lines[SP_UI_MAX_LINES];
    int n = 1, used = size;
    /* Each step first tries one line, then more lines, before going smaller. */
    for (int step = 0; step < 3; step++) {
        int sz = step_size(size, step);
        int lh = sp_ui_line_height(ui, sz);
        int room = lh > 0 ? h / lh : 0;
        if (room > max_lines)
            room = max_lines;
        if (room < 1)
            room = 1;
        for (int lines_allowed = 1; lines_allowed <= room; lines_allowed++) {
            n = sp_ui_wrap(&ui->metrics, text, sz, style, w, lines_allowed, lines);
            if (n > 0 && !lines[n - 1].ellipsis) {
                if (height)
                    *height = n * lh;
                return sz;
            }
        }
        used = sz;
    }
    if (height) {
        int lh = sp_ui_line_height(ui, used);
        int room = lh > 0 ? h / lh : 1;
        *height = (room < max_lines ? room : max_lines) * lh;
    }
    return used;
}

int sp_ui_fit_text(sp_ui *ui, sp_rect r, const char *text, int size, sp_font_style style, sp_align align, sp_color c,
                   sp_text_role role, int max_lines)
{
    int th = 0;
    int sz = sp_ui_fit_size(ui, r.w, r.h, text, size, style, max_lines, &th);
    if (th > r.h)
        th = r.h;
    int lh = sp_ui_line_height(ui, sz);
    int lines = lh > 0 ? th / lh : 1;
    sp_ui_text(ui, (sp_rect){r.x, r.y + (r.h - th) / 2, r.w, th > lh ? th : lh}, text, sz, style, align, c, role,
               lines < 1 ? 1 : lines);
    return sz;
}

void sp_ui_panel(sp_ui *ui, sp_rect r, sp_color bg, sp_color border, int thickness, int radius)
{
    if (thickness > 0) {
        sp_draw_rect(ui->dl, r, border, radius);
        int inner_r = radius > thickness ? radius - thickness : 0;
        sp_draw_rect(ui->dl, (sp_rect){r.x + thickness, r.y + thickness, r.w - 2 * thickness, r.h - 2 * thickness}, bg,
                     inner_r);
    } else {
        sp_draw_rect(ui->dl, r, bg, radius);
    }
}

/* Icon and words centred (or from the left) in r; the words fit by sp_ui_fit_text. */
static void icon_and_words(sp_ui *ui, sp_rect r, const char *icon, int icon_size, const char *label, int size,
                           sp_color fg, sp_text_role role, sp_align align, int max_lines)
{
    const sp_ui_style *st = &ui->style;
    int gap = st->pad / 2;
    sp_rect inner = {r.x + st->pad, r.y + 2, r.w - 2 * st->pad, r.h - 4};
    if (!icon) {
        sp_ui_fit_text(ui, inner, label, size, SP_FONT_BOLD, align, fg, role, max_lines);
        return;
    }
    int room = inner.w - icon_size - gap;
    int th = 0;
    int sz = sp_ui_fit_size(ui, room, inner.h, label, size, SP_FONT_BOLD, max_lines, &th);
    int lw = sp_ui_text_width(ui, label, sz, SP_FONT_BOLD);
    if (lw > room)
        lw = room;
    int total = icon_size + gap + lw;
    int x = align == SP_ALIGN_CENTER && total < inner.w ? inner.x + (inner.w - total) / 2 : inner.x;
    if (*icon)
        sp_draw_icon(ui->dl, (sp_rect){x, r.y + (r.h - icon_size) / 2, icon_size, icon_size}, icon, fg);
    sp_rect words = {x + icon_size + gap, inner.y, align == SP_ALIGN_CENTER ? lw : inner.x + inner.w - (x + icon_size + gap),
                     inner.h};
    sp_ui_fit_text(ui, words, label, sz, SP_FONT_BOLD, SP_ALIGN_LEFT, fg, role, max_lines);
}

void sp_ui_button(sp_ui *ui, int id, sp_rect r, const char *label, sp_button_kind kind, const char *icon)
{
    const sp_ui_style *st = &ui->style;
    bool focused = sp_ui_target_add(ui, id, r, true);
    sp_color bg = kind == SP_BUTTON_PRIMARY ? st->accent_bg : kind == SP_BUTTON_DANGER ? st->danger_bg : st->button_bg;
    sp_color fg = kind == SP_BUTTON_PRIMARY ? st->accent_text : kind == SP_BUTTON_DANGER ? st->danger_text
                                                                                          : st->button_text;
    if (kind == SP_BUTTON_SECONDARY)
        sp_ui_panel(ui, r, bg, st->button_border, st->border, st->radius);
    else
        sp_draw_rect(ui->dl, r, bg, st->radius);
    icon_and_words(ui, r, icon, st->button_text_size, label, st->button_text_size, fg, SP_ROLE_BUTTON, SP_ALIGN_CENTER,
                   2);
    if (focused)
        sp_ui_focus_ring(ui, r);
}

void sp_ui_chip(sp_ui *ui, int id, sp_rect r, const char *label, bool chosen, const char *icon, sp_text_role role)
{
    const sp_ui_style *st = &ui->style;
    bool focused = sp_ui_target_add(ui, id, r, true);
    sp_color fg = chosen ? st->accent_text : st->text;
    sp_ui_panel(ui, r, chosen ? st->accent_bg : st->card_bg, chosen ? st->accent_bg : st->card_border, st->border,
                st->radius);
    int is = sp_ui_line_height(ui, st->chip_text_size);
    if (!icon && !chosen) {
        /* An empty ring where the check goes: the words do not move when the chip is chosen. */
        int d = is * 3 / 4, ring = st->border + 1;
        sp_rect c = {r.x + st->pad + (is - d) / 2, r.y + (r.h - d) / 2, d, d};
        sp_draw_circle(ui->dl, c, st->muted);
        sp_draw_circle(ui->dl, (sp_rect){c.x + ring, c.y + ring, d - 2 * ring, d - 2 * ring}, st->card_bg);
        icon = "";
    }
    if (chosen)
        icon = "check";
    icon_and_words(ui, r, icon, is, label, st->chip_text_size, fg, role, SP_ALIGN_LEFT, 3);
    if (focused)
        sp_ui_focus_ring(ui, r);
}

void sp_ui_card(sp_ui *ui, int id, sp_rect r, sp_color bg, sp_color border, int border_thickness)
{
    bool focused = id > 0 && sp_ui_target_add(ui, id, r, false);
    sp_ui_panel(ui, r, bg, border, border_thickness, ui->style.card_radius);
    if (focused)
        sp_ui_focus_ring(ui, r);
}

/* Start of the next code point after p (p < end). */
static const char *cp_next(const char *p, const char *end)
{
    p++;
    while (p < end && ((unsigned char)*p & 0xC0) == 0x80)
        p++;
    return p;
}

/* Start of the code point before p (p > start). */
static const char *cp_prev(const char *start, const char *p)
{
    p--;
    while (p > start && ((unsigned char)*p & 0xC0) == 0x80)
        p--;
    return p;
}

static int measure(const sp_text_metrics *m, const char *s, size_t len, int size, sp_font_style style)
{
    return len ? m->text_width(m->user, s, len, size, style) : 0;
}

/* Cuts line (s, *len) so that it followed by "…" fits width. */
static void cut_for_ellipsis(const sp_text_metrics *m, const char *s, size_t *len, int size, sp_font_style style,
                             int width)
{
    char buf[SP_UI_LINE_BYTES + sizeof ELLIPSIS];
    size_t n = *len > SP_UI_LINE_BYTES ? SP_UI_LINE_BYTES : *len;
    for (;;) {
        while (n > 0 && s[n - 1] == ' ')
            n--;
        memcpy(buf, s, n);
        memcpy(buf + n, ELLIPSIS, sizeof ELLIPSIS - 1);
        if (n == 0 || measure(m, buf, n + sizeof ELLIPSIS - 1, size, style) <= width)
            break;
        n = (size_t)(cp_prev(s, s + n) - s);
    }
    *len = n;
}

int sp_ui_wrap(const sp_text_metrics *m, const char *text, int size, sp_font_style style, int width, int max_lines,
               sp_ui_line *out)
{
    if (max_lines <= 0 || max_lines > SP_UI_MAX_LINES)
        max_lines = SP_UI_MAX_LINES;
    if (width <= 0 || !text)
        return 0;
    const char *p = text, *end = text + strlen(text);
    int n = 0;
    while (p < end && n < max_lines) {
        const char *line = p, *fit = p; /* fit: end of the longest prefix known to fit */
        const char *q = p;
        bool hard = false;
        while (q < end) {
            const char *word_end = q;
            while (word_end < end && *word_end != ' ' && *word_end != '\n')
                word_end++;
            if (measure(m, line, (size_t)(word_end - line), size, style) <= width &&
                word_end - line <= SP_UI_LINE_BYTES) {
                fit = word_end;
                q = word_end;
                if (q < end && *q == '\n') {
                    hard = true;
                    break;
                }
                while (q < end && *q == ' ')
                    q++;
                continue;
            }
            if (fit == line) {
                /* One word wider than the line: break it between code points. */
                const char *c = line;
                while (c < word_end) {
                    const char *nx = cp_next(c, word_end);
                    if (c > line && measure(m, line, (size_t)(nx - line), size, style) > width)
                        break;
                    c = nx;
                }
                fit = c;
                q = c;
            }
            break;
        }
        out[n].s = line;
        out[n].len = (size_t)(fit - line);
        while (out[n].len > 0 && line[out[n].len - 1] == ' ')
            out[n].len--;
        out[n].ellipsis = false;
        n++;
        p = q;
        if (hard)
            p++;
        else
            while (p < end && *p == ' ')
                p++;
        if (q == end && !hard)
            p = end;
    }
    if (p < end && n > 0) {
        sp_ui_line *last = &out[n - 1];
        cut_for_ellipsis(m, last->s, &last->len, size, style, width);
        last->ellipsis = true;
    }
    return n;
}

static void emit_line(sp_ui *ui, sp_rect r, const sp_ui_line *ln, int size, sp_font_style style, sp_align align,
                      sp_color c, sp_text_role role)
{
    /* Only lines wholly inside the clip are drawn: a list scrolled under the header or past the
     * bottom edge must not leave text rectangles outside the window (or half-cut lines). */
    if (!sp_ui_visible(ui, r))
        return;
    if (ln->ellipsis) {
        char buf[SP_UI_LINE_BYTES + sizeof ELLIPSIS];
        memcpy(buf, ln->s, ln->len);
        memcpy(buf + ln->len, ELLIPSIS, sizeof ELLIPSIS);
        sp_draw_text(ui->dl, r, buf, ln->len + sizeof ELLIPSIS - 1, size, style, align, c, role);
        if (ui->dl->count > 0 && ui->dl->cmds[ui->dl->count - 1].kind == SP_CMD_TEXT)
            ui->dl->cmds[ui->dl->count - 1].cut = true;
    } else {
        sp_draw_text(ui->dl, r, ln->s, ln->len, size, style, align, c, role);
    }
}

int sp_ui_text(sp_ui *ui, sp_rect r, const char *text, int size, sp_font_style style, sp_align align, sp_color c,
               sp_text_role role, int max_lines)
{
    int lh = sp_ui_line_height(ui, size);
    int fit = lh > 0 ? r.h / lh : 0;
    if (max_lines <= 0 || max_lines > fit)
        max_lines = fit;
    if (max_lines <= 0 || r.w <= 0 || !text || !*text)
        return 0;
    sp_ui_line lines[SP_UI_MAX_LINES];
    int n = sp_ui_wrap(&ui->metrics, text, size, style, r.w, max_lines, lines);
    for (int i = 0; i < n; i++)
        emit_line(ui, (sp_rect){r.x, r.y + i * lh, r.w, lh}, &lines[i], size, style, align, c, role);
    return n * lh;
}

void sp_ui_label(sp_ui *ui, sp_rect r, const char *text, int size, sp_font_style style, sp_align align, sp_color c,
                 sp_text_role role)
{
    int lh = sp_ui_line_height(ui, size);
    if (lh > r.h || r.w <= 0 || !text || !*text)
        return;
    sp_ui_line ln = {text, 0, false};
    const char *nl = strchr(text, '\n');
    ln.len = nl ? (size_t)(nl - text) : strlen(text);
    if (ln.len > SP_UI_LINE_BYTES)
        ln.len = SP_UI_LINE_BYTES;
    if (nl || ln.len < strlen(text) || measure(&ui->metrics, ln.s, ln.len, size, style) > r.w) {
        cut_for_ellipsis(&ui->metrics, ln.s, &ln.len, size, style, r.w);
        ln.ellipsis = true;
    }
    emit_line(ui, (sp_rect){r.x, r.y + (r.h - lh) / 2, r.w, lh}, &ln, size, style, align, c, role);
}

void sp_ui_progress(sp_ui *ui, sp_rect r, double frac, double marker_frac, sp_color track, sp_color fill,
                    sp_color marker)
{
    if (frac < 0)
        frac = 0;
    if (frac > 1)
        frac = 1;
    sp_draw_rect(ui->dl, r, track, r.h / 2);
    int fw = (int)(frac * r.w + 0.5);
    if (fw > 0)
        sp_draw_rect(ui->dl, (sp_rect){r.x, r.y, fw < r.h ? r.h : fw, r.h}, fill, r.h / 2);
    if (marker_frac >= 0) {
        if (marker_frac > 1)
            marker_frac = 1;
        int d = r.h * 2;
        int cx = r.x + (int)(marker_frac * r.w + 0.5);
        if (cx - d / 2 < r.x)
            cx = r.x + d / 2;
        if (cx + d / 2 > r.x + r.w)
            cx = r.x + r.w - d / 2;
        sp_draw_circle(ui->dl, (sp_rect){cx - d / 2, r.y + r.h / 2 - d / 2, d, d}, marker);
    }
}

int sp_ui_hit_test(const sp_ui *ui, int x, int y)
{
    /* Later targets are drawn on top, so search from the end. */
    for (size_t i = ui->ntargets; i-- > 0;)
        if (ui->targets[i].rect.w > 0 && sp_rect_contains(ui->targets[i].rect, x, y))
            return ui->targets[i].id;
    return 0;
}

const sp_ui_target *sp_ui_find_target(const sp_ui *ui, int id)
{
    for (size_t i = 0; i < ui->ntargets; i++)
        if (ui->targets[i].id == id)
            return &ui->targets[i];
    return NULL;
}

int sp_ui_focus_step(sp_ui *ui, int dir)
{
    size_t n = ui->ntargets;
    if (n == 0)
        return ui->focus_id = 0;
    bool was_visible = ui->focus_visible;
    ui->focus_visible = true;
    size_t at = n;
    for (size_t i = 0; i < n; i++)
        if (ui->targets[i].id == ui->focus_id)
            at = i;
    if (at == n) /* nothing focused yet: the first key shows the ring on the first (or last) target */
        at = dir >= 0 ? 0 : n - 1;
    else if (was_visible)
        at = (at + n + (size_t)(dir >= 0 ? 1 : n - 1)) % n;
    ui->focus_id = ui->targets[at].id;
    return ui->focus_id;
}
