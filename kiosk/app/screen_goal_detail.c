/* screen_goal_detail.c — one goal up close: the student's text, the traffic light, a chart of
 * the data points with the aim line, the target and the support changes, "How we'll know"
 * (the method) and "My support".
 *
 * Landscape puts the chart on the left and the words on the right; portrait stacks them. Every
 * text gets a rectangle and is wrapped into it, cut with "…" if it is longer, so a long
 * support plan can never push anything off the screen. */
#include "app/app_internal.h"
#include "ui/chart.h"

#include <stdio.h>
#include <string.h>

enum { ACT_SELF_CHECK = KIOSK_ACT_SCREEN + 20, ACT_NEXT_STEP = KIOSK_ACT_SCREEN + 21 };

static const sp_goal_view *open_goal(const sp_app *app)
{
    const kiosk_person *p = &app->person;
    if (p->open_goal < 0 || (size_t)p->open_goal >= p->ngoals)
        return NULL;
    return &p->goals[p->open_goal];
}

/* A heading and a paragraph in r; returns the height used. */
static int section(sp_app *app, sp_ui *ui, sp_rect r, const char *heading, const char *text, sp_text_role role)
{
    const kiosk_theme *t = &app->theme;
    int hl = kiosk_line_h(&app->metrics, t->body_size);
    if (r.h < 2 * hl)
        return 0;
    sp_ui_label(ui, (sp_rect){r.x, r.y, r.w, hl}, heading, t->body_size, SP_FONT_BOLD, SP_ALIGN_LEFT, t->accent,
                SP_ROLE_LABEL);
    int used = sp_ui_text(ui, (sp_rect){r.x, r.y + hl, r.w, r.h - hl}, text, t->body_size, SP_FONT_REGULAR,
                          SP_ALIGN_LEFT, t->text, role, 0);
    return hl + used;
}

static void chart(sp_app *app, sp_ui *ui, sp_rect r, const sp_goal_view *v)
{
    const kiosk_theme *t = &app->theme;
    sp_chart_point pts[SP_GOAL_MAX_POINTS];
    size_t n = v->npoints < SP_GOAL_MAX_POINTS ? v->npoints : SP_GOAL_MAX_POINTS;
    for (size_t i = 0; i < n; i++)
        pts[i] = (sp_chart_point){v->points[i].day, v->points[i].value};
    char target[64], value[48], left[32], right[32];
    kiosk_value_words(v->goal.target, v->unit_label, value, sizeof value);
    snprintf(target, sizeof target, "Goal %s", value);
    kiosk_date_words(v->goal.start_day, left, sizeof left);
    kiosk_date_words(v->goal.due_day, right, sizeof right);
    sp_chart c;
    memset(&c, 0, sizeof c);
    c.points = pts;
    c.npoints = n;
    c.has_aim = v->progress.has_baseline;
    c.aim_x0 = v->goal.start_day;
    c.aim_y0 = v->progress.baseline;
    c.aim_x1 = v->goal.due_day;
    c.aim_y1 = v->goal.target;
    c.has_target = true;
    c.target = v->goal.target;
    c.target_label = target;
    for (size_t i = 0; i < v->nsupport && i < SP_CHART_MAX_MARKS; i++) {
        c.mark_x[i] = v->support_marks[i].day;
        c.mark_label[i] = v->support_marks[i].note;
        c.nmarks++;
    }
    c.x_min = v->goal.start_day;
    c.x_max = v->goal.due_day;
    c.has_scale = v->has_scale;
    c.y_min = v->scale_min;
    c.y_max = v->scale_max;
    c.x_label_left = left;
    c.x_label_right = right;
    c.label_size = t->label_size;
    c.bg = t->chart_bg;
    c.axis = t->grid;
    c.line = t->text;
    c.point = t->text;
    c.aim = t->aim;
    c.target_color = t->gold;
    c.mark = t->muted;
    c.label = t->muted;
    c.value_role = SP_ROLE_STUDENT;
    sp_ui_chart(ui, r, &c);
}

static void frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    const kiosk_theme *t = &app->theme;
    const sp_goal_view *v = open_goal(app);
    sp_rect c = kiosk_header(app, ui, "My goal", true, true);
    if (!v)
        return;
    int body = kiosk_line_h(&app->metrics, t->body_size), lbl = kiosk_line_h(&app->metrics, t->label_size);
    int big = kiosk_line_h(&app->metrics, t->title_size);

    int y = c.y;
    int row = t->icon_size > lbl ? t->icon_size : lbl;
    sp_draw_icon(ui->dl, (sp_rect){c.x, y + (row - t->icon_size) / 2, t->icon_size, t->icon_size}, v->category,
                 t->accent);
    int off = t->icon_size + t->small_gap;
    sp_ui_label(ui, (sp_rect){c.x + off, y, c.w - off, row}, kiosk_category_words(v->category), t->label_size,
                SP_FONT_BOLD, SP_ALIGN_LEFT, t->muted, SP_ROLE_LABEL);
    y += row + t->small_gap;
    y += sp_ui_text(ui, (sp_rect){c.x, y, c.w, 2 * big}, v->student_text ? v->student_text : "", t->title_size,
                    SP_FONT_BOLD, SP_ALIGN_LEFT, t->text, SP_ROLE_STUDENT, 2);
    y += t->small_gap;
    /* "How did it go?" beside the status line in landscape, on a row of its own in portrait. */
    int bw = sp_ui_text_width(ui, "How did it go?", t->ui.button_text_size, SP_FONT_BOLD) + 2 * t->ui.pad;
    if (bw > c.w)
        bw = c.w;
    /* "Set my next step" (screen_next_step.c) follows it on the same row. */
    int nw = sp_ui_text_width(ui, "Set my next step", t->ui.button_text_size, SP_FONT_BOLD) + 2 * t->ui.pad;
    if (bw + t->gap + nw > c.w)
        nw = c.w - bw - t->gap;
    if (t->portrait) {
        kiosk_goal_status(app, ui, (sp_rect){c.x, y, c.w, body}, v, t->body_size, 1);
        y += body + t->small_gap;
        sp_ui_button(ui, ACT_SELF_CHECK, (sp_rect){c.x, y, bw, t->button_h}, "How did it go?", SP_BUTTON_PRIMARY, NULL);
        sp_ui_button(ui, ACT_NEXT_STEP, (sp_rect){c.x + bw + t->gap, y, nw, t->button_h}, "Set my next step",
                     SP_BUTTON_NORMAL, NULL);
        y += t->button_h + t->gap;
    } else {
        kiosk_goal_status(app, ui, (sp_rect){c.x, y + (t->button_h - body) / 2, c.w - bw - nw - 2 * t->gap, body}, v,
                          t->body_size, 1);
        sp_ui_button(ui, ACT_NEXT_STEP, (sp_rect){c.x + c.w - bw - t->gap - nw, y, nw, t->button_h},
                     "Set my next step", SP_BUTTON_NORMAL, NULL);
        sp_ui_button(ui, ACT_SELF_CHECK, (sp_rect){c.x + c.w - bw, y, bw, t->button_h}, "How did it go?",
                     SP_BUTTON_PRIMARY, NULL);
        y += t->button_h + t->gap;
    }

    const char *support = v->support && v->support[0] ? v->support : "Your teacher will talk with you about support.";
    sp_text_role support_role = v->support && v->support[0] ? SP_ROLE_STUDENT : SP_ROLE_BODY;
    const char *method = v->method && v->method[0] ? v->method : "Your teacher will show you how we check.";
    sp_text_role method_role = v->method && v->method[0] ? SP_ROLE_STUDENT : SP_ROLE_BODY;
    const char *legend = "Dots: my checks.  Blue line: my aim.  Gold line: my goal.";
    int rest = c.y + c.h - y;

    if (t->portrait) {
        int chart_h = rest * 45 / 100;
        chart(app, ui, (sp_rect){c.x, y, c.w, chart_h}, v);
        y += chart_h + t->small_gap;
        sp_ui_text(ui, (sp_rect){c.x, y, c.w, 2 * lbl}, legend, t->label_size, SP_FONT_REGULAR, SP_ALIGN_LEFT,
                   t->muted, SP_ROLE_LABEL, 2);
        y += 2 * lbl + t->gap;
        int left = c.y + c.h - y;
        int half = (left - t->gap) / 2;
        section(app, ui, (sp_rect){c.x, y, c.w, half}, "How we'll know", method, method_role);
        section(app, ui, (sp_rect){c.x, y + half + t->gap, c.w, left - half - t->gap}, "My support", support,
                support_role);
    } else {
        int chart_w = c.w * 58 / 100;
        int chart_h = rest - 2 * lbl - t->small_gap;
        chart(app, ui, (sp_rect){c.x, y, chart_w, chart_h}, v);
        sp_ui_text(ui, (sp_rect){c.x, y + chart_h + t->small_gap, chart_w, 2 * lbl}, legend, t->label_size,
                   SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted, SP_ROLE_LABEL, 2);
        int x = c.x + chart_w + t->gap, w = c.w - chart_w - t->gap;
        int half = (rest - t->gap) / 2;
        section(app, ui, (sp_rect){x, y, w, half}, "How we'll know", method, method_role);
        section(app, ui, (sp_rect){x, y + half + t->gap, w, rest - half - t->gap}, "My support", support,
                support_role);
    }
}

static void back(sp_app *app, uint64_t now) { kiosk_go(app, KIOSK_SCREEN_GOALS, now); }

static void action(sp_app *app, int id, uint64_t now)
{
    if (id == KIOSK_ACT_BACK) {
        back(app, now);
    } else if (id == KIOSK_ACT_DONE) {
        kiosk_end_session(app, "done", now);
        kiosk_go(app, KIOSK_SCREEN_DONE, now);
    } else if (id == ACT_SELF_CHECK) {
        kiosk_self_check_start(app, app->person.open_goal, KIOSK_SCREEN_GOAL, now);
    } else if (id == ACT_NEXT_STEP) {
        kiosk_next_step_open(app, app->person.open_goal, now);
    }
}

const kiosk_screen kiosk_screen_goal = {
    .name = "goal",
    .in_session = true,
    .frame = frame,
    .action = action,
    .back = back,
};
