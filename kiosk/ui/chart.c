/* chart.c — draws the goal chart (see chart.h) with lines, circles and labels.
 *
 * Layout, from the outside in: a band on top for the unit and the support-change tags, a
 * gutter on the left for the value labels, a band at the bottom for the dates, and the plot.
 * The value axis runs between round ticks (a step of 1, 2, 2.5 or 5 times a power of ten,
 * three to six of them) around everything drawn: points, both ends of the aim line, the
 * target. The plot maps values into an area inset by a dot's radius, so a dot on the first
 * day or at the top value is whole. Grid lines are thin rectangles so the lines of the chart
 * (marks, target, aim, joins) stay countable by tests. */
#include "ui/chart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    sp_rect plot;  /* framed plot */
    sp_rect inner; /* where values map to (inset by a dot's radius) */
    double x0, x1, y0, y1;
} chart_map;

static int map_x(const chart_map *m, double x)
{
    return m->inner.x + (int)((x - m->x0) / (m->x1 - m->x0) * (m->inner.w - 1) + 0.5);
}

static int map_y(const chart_map *m, double y)
{
    return m->inner.y + m->inner.h - 1 - (int)((y - m->y0) / (m->y1 - m->y0) * (m->inner.h - 1) + 0.5);
}

static void widen(double *lo, double *hi, double v)
{
    if (v < *lo)
        *lo = v;
    if (v > *hi)
        *hi = v;
}

/* A round step giving at most max_ticks intervals over span. */
static double nice_step(double span, int max_ticks)
{
    double raw = span / max_ticks;
    double p = pow(10, floor(log10(raw)));
    static const double MULT[] = {1, 2, 2.5, 5, 10};
    for (size_t i = 0; i < sizeof MULT / sizeof MULT[0]; i++)
        if (MULT[i] * p >= raw)
            return MULT[i] * p;
    return 10 * p;
}

static void value_text(double v, const char *unit, char *out, size_t len)
{
    double r = round(v * 100) / 100;
    const char *pct = unit && strcmp(unit, "%") == 0 ? "%" : "";
    if (fabs(r - round(r)) < 1e-9)
        snprintf(out, len, "%.0f%s", r, pct);
    else if (fabs(r * 10 - round(r * 10)) < 1e-9)
        snprintf(out, len, "%.1f%s", r, pct);
    else
        snprintf(out, len, "%.2f%s", r, pct);
}

static void chart_body(sp_ui *ui, sp_rect r, const sp_chart *c)
{
    int lh = sp_ui_line_height(ui, c->label_size);
    int pad = lh / 2;
    int lw = c->line_w >= 3 ? c->line_w : 3;
    sp_draw_rect(ui->dl, r, c->bg, ui->style.radius);
    if (r.h < 5 * lh || r.w < 8 * lh)
        return; /* too small to say anything useful */

    chart_map m;
    m.x0 = c->x_min;
    m.x1 = c->x_max;
    for (size_t i = 0; i < c->npoints; i++)
        widen(&m.x0, &m.x1, c->points[i].x);
    for (size_t i = 0; i < c->nmarks; i++)
        widen(&m.x0, &m.x1, c->mark_x[i]);
    if (m.x1 - m.x0 < 1)
        m.x1 = m.x0 + 1;
    bool any_y = false;
    double lo = 0, hi = 0;
#define ADD_Y(v)                                                                                                      \
    do {                                                                                                              \
        if (!any_y) {                                                                                                 \
            lo = hi = (v);                                                                                            \
            any_y = true;                                                                                             \
        } else {                                                                                                      \
            widen(&lo, &hi, (v));                                                                                     \
        }                                                                                                             \
    } while (0)
    for (size_t i = 0; i < c->npoints; i++)
        ADD_Y(c->points[i].y);
    if (c->has_aim) {
        ADD_Y(c->aim_y0);
        ADD_Y(c->aim_y1);
    }
    if (c->has_target)
        ADD_Y(c->target);
#undef ADD_Y
    if (hi - lo <= 0) {
        double d = lo != 0 ? fabs(lo) * 0.1 : 1;
        lo -= d;
        hi += d;
    }
    double step = nice_step(hi - lo, 4);
    m.y0 = floor(lo / step + 1e-9) * step;
    m.y1 = ceil(hi / step - 1e-9) * step;
    /* Never below a scale's floor (no "-1 rubric points"), never above its top. */
    if (c->has_scale && m.y0 < c->y_min && lo >= c->y_min)
        m.y0 = c->y_min;
    if (c->has_scale && m.y1 > c->y_max && hi <= c->y_max)
        m.y1 = c->y_max;
    if (m.y1 - m.y0 <= 0)
        m.y1 = m.y0 + step;

    /* The value gutter is as wide as the widest tick label. */
    int gutter = 0;
    char buf[48];
    for (double v = m.y0; v <= m.y1 + step / 1000; v += step) {
        value_text(v, c->unit, buf, sizeof buf);
        int w = sp_ui_text_width(ui, buf, c->label_size, SP_FONT_REGULAR);
        if (w > gutter)
            gutter = w;
    }
    gutter += pad;
    bool unit_caption = c->unit && *c->unit && strcmp(c->unit, "%") != 0;
    int top_band = (c->nmarks > 0 || unit_caption) ? lh + pad / 2 : 0;
    m.plot = (sp_rect){r.x + pad + gutter, r.y + pad + top_band, r.w - 2 * pad - gutter, 0};
    m.plot.h = r.y + r.h - pad - lh - pad / 2 - m.plot.y;
    int d = lh / 2 < 10 ? 10 : lh / 2;
    int inset = d / 2 + lw;
    m.inner = (sp_rect){m.plot.x + inset, m.plot.y + inset, m.plot.w - 2 * inset, m.plot.h - 2 * inset};
    if (m.inner.w < 4 || m.inner.h < 4)
        return;

    /* Grid and value labels. */
    for (double v = m.y0; v <= m.y1 + step / 1000; v += step) {
        int y = map_y(&m, v);
        sp_draw_rect(ui->dl, (sp_rect){m.plot.x, y, m.plot.w, 1}, c->axis, 0);
        value_text(v, c->unit, buf, sizeof buf);
        int ty = y - lh / 2;
        if (ty < r.y + pad + top_band - lh / 2)
            ty = r.y + pad + top_band - lh / 2;
        sp_ui_label(ui, (sp_rect){r.x + pad, ty, gutter - pad, lh}, buf, c->label_size, SP_FONT_REGULAR, SP_ALIGN_RIGHT,
                    c->label, SP_ROLE_LABEL);
    }
    sp_draw_frame(ui->dl, m.plot, c->axis, 1);
    if (unit_caption)
        sp_ui_label(ui, (sp_rect){r.x + pad, r.y + pad / 2, r.w / 2, lh}, c->unit, c->label_size, SP_FONT_BOLD,
                    SP_ALIGN_LEFT, c->label, SP_ROLE_STUDENT);

    /* Support changes: a vertical mark and its tag in the top band, slid left as far as the
     * previous tag allows so a late change still reads in full. */
    int row_end = unit_caption ? r.x + pad + sp_ui_text_width(ui, c->unit, c->label_size, SP_FONT_BOLD) + pad
                               : r.x + pad;
    for (size_t i = 0; i < c->nmarks; i++) {
        int x = map_x(&m, c->mark_x[i]);
        sp_draw_line(ui->dl, x, m.plot.y, x, m.plot.y + m.plot.h - 1, c->mark, 2);
        if (!c->mark_label[i])
            continue;
        int right = r.x + r.w - pad;
        if (i + 1 < c->nmarks)
            right = map_x(&m, c->mark_x[i + 1]) - pad;
        int tw = sp_ui_text_width(ui, c->mark_label[i], c->label_size, SP_FONT_BOLD);
        sp_rect lr = {x - tw / 2, r.y + pad / 2, tw, lh};
        if (lr.x < row_end)
            lr.x = row_end;
        if (lr.x + tw > right)
            lr.x = right - tw < row_end ? row_end : right - tw;
        lr.w = right - lr.x < tw ? right - lr.x : tw;
        if (lr.w > 0) {
            sp_ui_label(ui, lr, c->mark_label[i], c->label_size, SP_FONT_BOLD, SP_ALIGN_LEFT, c->mark, c->value_role);
            row_end = lr.x + lr.w + pad;
        }
    }

    int goal_y = -1;
    if (c->has_target) {
        goal_y = map_y(&m, c->target);
        sp_draw_line(ui->dl, m.plot.x, goal_y, m.plot.x + m.plot.w - 1, goal_y, c->target_color, lw);
    }
    int ax0 = 0, ay0 = 0;
    if (c->has_aim) {
        ax0 = map_x(&m, c->aim_x0);
        ay0 = map_y(&m, c->aim_y0);
        sp_draw_line(ui->dl, ax0, ay0, map_x(&m, c->aim_x1), map_y(&m, c->aim_y1), c->aim, lw);
    }

    for (size_t i = 0; i < c->npoints; i++) {
        int x = map_x(&m, c->points[i].x), y = map_y(&m, c->points[i].y);
        if (i > 0)
            sp_draw_line(ui->dl, map_x(&m, c->points[i - 1].x), map_y(&m, c->points[i - 1].y), x, y, c->line, 3);
        sp_draw_circle(ui->dl, (sp_rect){x - d / 2, y - d / 2, d, d}, c->point);
    }

    /* Line labels last, on the chart's background so they read over the grid. */
    if (c->has_target && c->target_label) {
        int tw = sp_ui_text_width(ui, c->target_label, c->label_size, SP_FONT_BOLD);
        if (tw > m.plot.w - 2 * pad)
            tw = m.plot.w - 2 * pad;
        int ly = goal_y - lh - lw < m.plot.y + 1 ? goal_y + lw + 1 : goal_y - lh - lw;
        sp_rect lr = {m.plot.x + m.plot.w - pad - tw, ly, tw, lh};
        sp_draw_rect(ui->dl, lr, c->bg, 0);
        sp_ui_label(ui, lr, c->target_label, c->label_size, SP_FONT_BOLD, SP_ALIGN_RIGHT, c->target_color,
                    c->value_role);
    }
    if (c->has_aim && c->aim_label) {
        int tw = sp_ui_text_width(ui, c->aim_label, c->label_size, SP_FONT_BOLD);
        /* Under the start of the aim line when it rises, over it when it falls. */
        bool rising = c->aim_y1 >= c->aim_y0;
        int ly = rising ? ay0 + lw + 2 : ay0 - lh - lw - 2;
        if (ly + lh > m.plot.y + m.plot.h - 1)
            ly = ay0 - lh - lw - 2;
        if (ly < m.plot.y + 1)
            ly = m.plot.y + 1;
        sp_rect lr = {ax0 + d, ly, tw, lh};
        if (lr.x + tw > m.plot.x + m.plot.w - pad)
            lr.x = m.plot.x + m.plot.w - pad - tw;
        sp_draw_rect(ui->dl, lr, c->bg, 0);
        sp_ui_label(ui, lr, c->aim_label, c->label_size, SP_FONT_BOLD, SP_ALIGN_LEFT, c->aim, SP_ROLE_LABEL);
    }

    int half = m.plot.w / 2;
    sp_rect bottom = {m.plot.x, m.plot.y + m.plot.h + pad / 2, half, lh};
    if (c->x_label_left)
        sp_ui_label(ui, bottom, c->x_label_left, c->label_size, SP_FONT_REGULAR, SP_ALIGN_LEFT, c->label, SP_ROLE_LABEL);
    bottom.x += half;
    bottom.w = m.plot.w - half;
    if (c->x_label_right)
        sp_ui_label(ui, bottom, c->x_label_right, c->label_size, SP_FONT_REGULAR, SP_ALIGN_RIGHT, c->label,
                    SP_ROLE_LABEL);
}

/* Time runs left to right even in a right-to-left layout: the chart is the one the teacher
 * draws in the admin tool and prints, numbers read left to right in both scripts, and a mirrored
 * copy would show the same data differently at the kiosk and on paper. The chart moves as a block
 * to its mirrored place; its inside is not mirrored. */
void sp_ui_chart(sp_ui *ui, sp_rect r, const sp_chart *c)
{
    size_t first = ui->dl->count;
    chart_body(ui, r, c);
    sp_draw_keep_ltr(ui->dl, first, r);
}
