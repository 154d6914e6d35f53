/* chart.h — the progress chart of a goal: data points joined by a line, the aim line, the
 * target as a horizontal line, and support changes as labelled vertical marks.
 *
 * The value axis is zoomed to what is drawn (points, aim, target) with a few round, labelled
 * values and the unit above them, so a 52 -> 65 % goal is not lost on 0-100. The aim and goal
 * lines are line_w thick (at least 3 px) and labelled in the plot; no dot is ever clipped at an
 * edge. Support-change labels are meant to be short (the goal page numbers the marks and lists
 * their notes in full under the chart).
 *
 * The chart knows nothing about goals: the caller passes plain numbers (x is a day number,
 * y a value) and the strings to print, already formatted. */
#ifndef SP_CHART_H
#define SP_CHART_H

#include "ui/ui.h"

#define SP_CHART_MAX_MARKS 16

typedef struct {
    double x, y;
} sp_chart_point;

typedef struct {
    const sp_chart_point *points;  /* ascending x */
    size_t npoints;
    bool has_aim;                  /* aim line from (aim_x0, aim_y0) to (aim_x1, aim_y1) */
    double aim_x0, aim_y0, aim_x1, aim_y1;
    bool has_target;
    double target;
    const char *target_label;      /* e.g. "Goal 3" (drawn beside the target line) */
    double mark_x[SP_CHART_MAX_MARKS];     /* support changes */
    const char *mark_label[SP_CHART_MAX_MARKS];
    size_t nmarks;
    double x_min, x_max;           /* time window (widened to the data by the chart) */
    bool has_scale;                /* y axis from the scale instead of the data alone */
    double y_min, y_max;
    const char *x_label_left, *x_label_right; /* dates under the axis */
    const char *unit;              /* value axis caption ("rubric points"); "%" is put after each value */
    const char *aim_label;         /* "My aim" beside the aim line (NULL: none) */
    int label_size;
    int line_w;                    /* aim and goal lines (0: 3 px) */
    sp_color bg, axis, line, point, aim, target_color, mark, label;
    sp_text_role value_role;       /* role of texts that carry the student's data */
} sp_chart;

void sp_ui_chart(sp_ui *ui, sp_rect r, const sp_chart *c);

#endif
