/* layout_check.c — the checks of layout_check.h.
 *
 * A text's inked box is its measured width placed by its alignment inside its rectangle, one
 * line high; two boxes overlap when they share more than a pixel each way (neighbouring lines
 * touch, they do not overlap). Everything is a linear walk except the overlap test, which
 * compares pairs: a frame holds a few hundred texts at most, so it stays well under a
 * millisecond. */
#include "ui/layout_check.h"

#include "ui/contrast.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    char *msg;
    size_t len, used;
    int count;
} report;

static void problem(report *r, const char *fmt, ...)
{
    r->count++;
    if (!r->msg || r->used + 1 >= r->len || r->count > 12)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(r->msg + r->used, r->len - r->used, fmt, ap);
    va_end(ap);
    if (n > 0)
        r->used += (size_t)n < r->len - r->used ? (size_t)n : r->len - r->used - 1;
    if (r->used + 1 < r->len) {
        r->msg[r->used++] = '\n';
        r->msg[r->used] = 0;
    }
}

static sp_rect ink_box(const sp_ui *ui, const sp_draw_cmd *c)
{
    int w = ui->metrics.text_width(ui->metrics.user, c->text, strlen(c->text), c->size, c->style);
    int x = c->rect.x;
    if (c->align == SP_ALIGN_CENTER)
        x += (c->rect.w - w) / 2;
    else if (c->align == SP_ALIGN_RIGHT)
        x += c->rect.w - w;
    return (sp_rect){x, c->rect.y, w, c->rect.h};
}

/* The colour under text command i. */
static sp_color background(const sp_draw_list *dl, size_t i)
{
    const sp_rect t = dl->cmds[i].rect;
    int cx = t.x + t.w / 2, cy = t.y + t.h / 2;
    for (size_t j = i; j-- > 0;) {
        const sp_draw_cmd *c = &dl->cmds[j];
        if ((c->kind == SP_CMD_RECT || c->kind == SP_CMD_CIRCLE) && c->color.a == 255 && sp_rect_contains(c->rect, cx, cy) &&
            c->rect.h >= t.h / 2)
            return c->color;
    }
    return dl->clear;
}

static bool in_button(const sp_ui *ui, sp_rect r)
{
    for (size_t i = 0; i < ui->ntargets; i++)
        if (ui->targets[i].button && ui->targets[i].rect.w > 0 && sp_rect_inside(r, ui->targets[i].full))
            return true;
    return false;
}

int sp_layout_check(const sp_draw_list *dl, const sp_ui *ui, const sp_layout_rules *rules, char *msg, size_t len)
{
    report r = {msg, len, 0, 0};
    if (msg && len)
        msg[0] = 0;
    sp_rect win = {0, 0, ui->win_w, ui->win_h};
    if (dl->overflow)
        problem(&r, "the draw list overflowed (commands or text were dropped)");
    for (size_t i = 0; i < dl->count; i++) {
        const sp_draw_cmd *c = &dl->cmds[i];
        if (c->kind != SP_CMD_TEXT)
            continue;
        if (c->cut && (c->role == SP_ROLE_TITLE || c->role == SP_ROLE_BUTTON || in_button(ui, c->rect)))
            problem(&r, "\"%s\" is cut to fit", c->text);
        if (!sp_rect_inside(c->rect, win))
            problem(&r, "\"%s\" at %d,%d %dx%d leaves the window", c->text, c->rect.x, c->rect.y, c->rect.w,
                    c->rect.h);
        sp_rect ink = ink_box(ui, c);
        if (ink.w > c->rect.w + 1)
            problem(&r, "\"%s\" is %d px wide in a %d px box", c->text, ink.w, c->rect.w);
        double ratio = sp_contrast_ratio(c->color, background(dl, i));
        if (ratio + 1e-6 < rules->min_contrast)
            problem(&r, "\"%s\" has contrast %.2f:1 (at least %.1f:1 wanted)", c->text, ratio, rules->min_contrast);
        for (size_t j = i + 1; j < dl->count; j++) {
            const sp_draw_cmd *d = &dl->cmds[j];
            if (d->kind != SP_CMD_TEXT)
                continue;
            sp_rect o = sp_rect_intersect(ink, ink_box(ui, d));
            if (o.w > 1 && o.h > 1)
                problem(&r, "\"%s\" overlaps \"%s\"", c->text, d->text);
        }
    }
    for (size_t i = 0; i < ui->ntargets; i++) {
        const sp_ui_target *t = &ui->targets[i];
        if (t->scrolled && t->rect.w == 0)
            continue; /* scrolled out of view in its list */
        if (t->full.w < rules->min_target || t->full.h < rules->min_target)
            problem(&r, "touch target %zu (id %d) is %dx%d, under %d px", i, t->id, t->full.w, t->full.h,
                    rules->min_target);
        if (!t->scrolled && !sp_rect_inside(t->full, win))
            problem(&r, "touch target %zu (id %d) at %d,%d %dx%d is not wholly on screen", i, t->id, t->full.x,
                    t->full.y, t->full.w, t->full.h);
    }
    return r.count;
}
