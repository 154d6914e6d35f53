/* chart.c — draws the goal chart (see chart.h) with lines, circles and labels.
 *
 * The plot area is the rectangle minus a band on top for support-change labels and a band at
 * the bottom for the dates. Both axes are fitted to everything that is drawn (points, both ends
 * of the aim line, the target, the scale when given) plus a small margin, so nothing is ever
 * drawn outside the rectangle. Support-change labels alternate between two rows and are cut
 * to the space before the next mark of their row so neighbours do not overwrite each other. */
#include "ui/chart.h"

typedef struct {
    sp_rect plot;
    double x0, x1, y0, y1;
} chart_map;

static int map_x(const chart_map *m, double x)
{
    return m->plot.x + (int)((x - m->x0) / (m->x1 - m->x0) * (m->plot.w - 1) + 0.5);
}

static int map_y(const chart_map *m, double y)
{
    return m->plot.y + m->plot.h - 1 - (int)((y - m->y0) / (m->y1 - m->y0) * (m->plot.h - 1) + 0.5);
}

static void widen(double *lo, double *hi, double v)
{
    if (v < *lo)
        *lo = v;
    if (v > *hi)
        *hi = v;
}

static void chart_body(sp_ui *ui, sp_rect r, const sp_chart *c)
{
    int lh = sp_ui_line_height(ui, c->label_size);
    int pad = lh / 2;
    sp_draw_rect(ui->dl, r, c->bg, ui->style.radius);
    if (r.h < 5 * lh || r.w < 8 * lh)
        return; /* too small to say anything useful */

    chart_map m;
    m.plot = (sp_rect){r.x + pad, r.y + pad + 2 * lh, r.w - 2 * pad, r.h - 2 * pad - 3 * lh};
    m.x0 = c->x_min;
    m.x1 = c->x_max;
    for (size_t i = 0; i < c->npoints; i++)
        widen(&m.x0, &m.x1, c->points[i].x);
    for (size_t i = 0; i < c->nmarks; i++)
        widen(&m.x0, &m.x1, c->mark_x[i]);
    if (m.x1 - m.x0 < 1)
        m.x1 = m.x0 + 1;
    bool any_y = false;
    m.y0 = m.y1 = 0;
#define ADD_Y(v)                                                                                                      \
    do {                                                                                                              \
        if (!any_y) {                                                                                                 \
            m.y0 = m.y1 = (v);                                                                                        \
            any_y = true;                                                                                             \
        } else {                                                                                                      \
            widen(&m.y0, &m.y1, (v));                                                                                 \
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
    if (c->has_scale) {
        ADD_Y(c->y_min);
        ADD_Y(c->y_max);
    }
#undef ADD_Y
    double span = m.y1 - m.y0;
    if (span <= 0)
        span = m.y0 != 0 ? (m.y0 < 0 ? -m.y0 : m.y0) : 1;
    if (!c->has_scale) {
        m.y0 -= span * 0.1;
        m.y1 += span * 0.1;
    } else if (m.y1 - m.y0 <= 0) {
        m.y1 = m.y0 + 1;
    }
    if (m.y1 - m.y0 <= 0)
        m.y1 = m.y0 + 1;

    sp_draw_frame(ui->dl, m.plot, c->axis, 1);

    /* Support changes: a vertical mark and a label in the band above the plot. A label starts at
     * its mark; when it would be cut at the right, it slides left as far as the previous label of
     * its row allows, so a late support change still reads in full. */
    int row_end[2] = {r.x + pad, r.x + pad};
    for (size_t i = 0; i < c->nmarks; i++) {
        int x = map_x(&m, c->mark_x[i]);
        sp_draw_line(ui->dl, x, m.plot.y, x, m.plot.y + m.plot.h - 1, c->mark, 2);
        int right = r.x + r.w - pad;
        if (i + 2 < c->nmarks) /* next label in the same row */
            right = map_x(&m, c->mark_x[i + 2]) - pad;
        int row = (int)(i % 2);
        sp_rect lr = {x - pad / 2, r.y + pad + row * lh, 0, lh};
        if (lr.x < row_end[row])
            lr.x = row_end[row];
        if (c->mark_label[i]) {
            int tw = sp_ui_text_width(ui, c->mark_label[i], c->label_size, SP_FONT_REGULAR);
            if (lr.x + tw > right)
                lr.x = right - tw < row_end[row] ? row_end[row] : right - tw;
        }
        lr.w = right - lr.x;
        if (lr.w > 2 * lh && c->mark_label[i]) {
            sp_ui_label(ui, lr, c->mark_label[i], c->label_size, SP_FONT_REGULAR, SP_ALIGN_LEFT, c->label,
                        c->value_role);
            int tw = sp_ui_text_width(ui, c->mark_label[i], c->label_size, SP_FONT_REGULAR);
            row_end[row] = lr.x + (tw < lr.w ? tw : lr.w) + pad;
        }
    }

    if (c->has_target) {
        int y = map_y(&m, c->target);
        sp_draw_line(ui->dl, m.plot.x, y, m.plot.x + m.plot.w - 1, y, c->target_color, 3);
        if (c->target_label) {
            int ly = y - lh - 2 < m.plot.y ? y + 2 : y - lh - 2;
            sp_ui_label(ui, (sp_rect){m.plot.x + pad, ly, m.plot.w - 2 * pad, lh}, c->target_label, c->label_size,
                        SP_FONT_BOLD, SP_ALIGN_RIGHT, c->target_color, c->value_role);
        }
    }
    if (c->has_aim)
        sp_draw_line(ui->dl, map_x(&m, c->aim_x0), map_y(&m, c->aim_y0), map_x(&m, c->aim_x1), map_y(&m, c->aim_y1),
                     c->aim, 2);

    int d = lh / 2 < 8 ? 8 : lh / 2;
    for (size_t i = 0; i < c->npoints; i++) {
        int x = map_x(&m, c->points[i].x), y = map_y(&m, c->points[i].y);
        if (i > 0)
            sp_draw_line(ui->dl, map_x(&m, c->points[i - 1].x), map_y(&m, c->points[i - 1].y), x, y, c->line, 3);
        sp_rect dot = {x - d / 2, y - d / 2, d, d};
        sp_draw_circle(ui->dl, sp_rect_intersect(dot, r), c->point);
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
