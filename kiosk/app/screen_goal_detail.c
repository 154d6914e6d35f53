/* screen_goal_detail.c — one goal up close: the student's text, the traffic light, a chart of
 * the data points with the aim line, the target and the support changes, "How we'll know"
 * (the method) and "My support".
 *
 * Landscape puts the chart on the left and the words on the right; portrait stacks them. Every
 * text gets a rectangle and is wrapped into it, cut with "…" if it is longer, so a long
 * support plan can never push anything off the screen. The chart and the two sections never
 * get less than a readable height: when they would (large text on a small screen) the page
 * below the header scrolls instead. */
#include "app/app_internal.h"
#include "i18n.h"
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

/* Height a heading and its paragraph need at width w. */
static int section_height(const sp_app *app, int w, const char *text)
{
    const kiosk_theme *t = &app->theme;
    sp_ui_line lines[SP_UI_MAX_LINES];
    int n = sp_ui_wrap(&app->metrics, text, t->body_size, SP_FONT_REGULAR, w, 0, lines);
    return (n + 1) * kiosk_line_h(&app->metrics, t->body_size);
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

/* Height of the first of two sections sharing `room`: what it needs when both fit, else an
 * even share (each is then cut with "…"), but never more than half when the second needs it. */
static int split(int room, int need_first, int need_second, int gap)
{
    int half = (room - gap) / 2;
    if (need_first + gap + need_second <= room)
        return need_first > half ? room - gap - need_second : (need_second > half ? need_first : half);
    if (need_first < half)
        return need_first;
    if (need_second < half)
        return room - gap - need_second;
    return half;
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
    c.aim_x0 = v->progress.baseline_day; /* a new phase starts its own aim line */
    c.aim_y0 = v->progress.aim_start;
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
    if (v->goal.has_phase && c.nmarks < SP_CHART_MAX_MARKS) { /* the new phase, in date order */
        size_t at = c.nmarks;
        while (at > 0 && c.mark_x[at - 1] > v->goal.phase_day) {
            c.mark_x[at] = c.mark_x[at - 1];
            c.mark_label[at] = c.mark_label[at - 1];
            at--;
        }
        c.mark_x[at] = v->goal.phase_day;
        c.mark_label[at] = _("New goal");
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
    kiosk_person *p = &app->person;
    sp_ui_clip(ui, c);

    int y = c.y - p->detail_scroll;
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
    /* The light's words are never cut: when they do not fit beside the buttons, they take a
     * line of their own above them, as in portrait. */
    bool own_line = t->portrait || kiosk_goal_status_width(app, v, t->body_size) > c.w - bw - nw - 2 * t->gap;
    if (own_line) {
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
    /* What is left for the chart and the words, but never less than they need to be read: the
     * chart at least 6 label lines high, both sections in full. */
    int words_w = t->portrait ? c.w : c.w - c.w * 58 / 100 - t->gap;
    int need_method = section_height(app, words_w, method), need_support = section_height(app, words_w, support);
    int need_words = need_method + t->gap + need_support;
    int need_chart = 6 * lbl + 2 * lbl + t->small_gap;
    int legend_h = t->small_gap + 2 * lbl + t->gap; /* portrait: between the chart and the words */
    int rest = c.y + c.h - (y + p->detail_scroll);
    int min_rest = t->portrait ? 6 * lbl + legend_h + need_words : (need_words > need_chart ? need_words : need_chart);
    if (rest < min_rest)
        rest = min_rest;
    p->detail_max_scroll = (y + p->detail_scroll + rest) - (c.y + c.h);
    if (p->detail_max_scroll < 0)
        p->detail_max_scroll = 0;

    if (t->portrait) {
        int chart_h = rest * 45 / 100;
        if (rest - chart_h - legend_h < need_words) /* the words first, the chart takes what is left */
            chart_h = rest - legend_h - need_words > 6 * lbl ? rest - legend_h - need_words : 6 * lbl;
        chart(app, ui, (sp_rect){c.x, y, c.w, chart_h}, v);
        y += chart_h + t->small_gap;
        sp_ui_text(ui, (sp_rect){c.x, y, c.w, 2 * lbl}, legend, t->label_size, SP_FONT_REGULAR, SP_ALIGN_LEFT,
                   t->muted, SP_ROLE_LABEL, 2);
        y += 2 * lbl + t->gap;
        int left = rest - chart_h - legend_h;
        int first = split(left, need_method, need_support, t->gap);
        section(app, ui, (sp_rect){c.x, y, c.w, first}, "How we'll know", method, method_role);
        section(app, ui, (sp_rect){c.x, y + first + t->gap, c.w, left - first - t->gap}, "My support", support,
                support_role);
    } else {
        int chart_w = c.w * 58 / 100;
        int chart_h = rest - 2 * lbl - t->small_gap;
        chart(app, ui, (sp_rect){c.x, y, chart_w, chart_h}, v);
        sp_ui_text(ui, (sp_rect){c.x, y + chart_h + t->small_gap, chart_w, 2 * lbl}, legend, t->label_size,
                   SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted, SP_ROLE_LABEL, 2);
        int x = c.x + chart_w + t->gap, w = c.w - chart_w - t->gap;
        int first = split(rest, need_method, need_support, t->gap);
        section(app, ui, (sp_rect){x, y, w, first}, "How we'll know", method, method_role);
        section(app, ui, (sp_rect){x, y + first + t->gap, w, rest - first - t->gap}, "My support", support,
                support_role);
    }
    sp_ui_clip(ui, (sp_rect){0, 0, 0, 0});
    if (p->detail_max_scroll > 0) { /* a thin scroll indicator on the right edge */
        int content_h = c.h + p->detail_max_scroll;
        int thumb = c.h * c.h / content_h;
        int ty = c.y + (c.h - thumb) * p->detail_scroll / p->detail_max_scroll;
        int sw = t->small_gap / 2 > 3 ? t->small_gap / 2 : 3;
        sp_draw_rect(ui->dl, (sp_rect){t->w - t->margin / 2 - sw / 2, ty, sw, thumb}, t->grid, sw / 2);
    }
}

static void enter(sp_app *app, uint64_t now)
{
    (void)now;
    app->person.detail_scroll = 0;
}

static void scroll(sp_app *app, int dy)
{
    kiosk_person *p = &app->person;
    p->detail_scroll += dy;
    if (p->detail_scroll > p->detail_max_scroll)
        p->detail_scroll = p->detail_max_scroll;
    if (p->detail_scroll < 0)
        p->detail_scroll = 0;
}

static bool key(sp_app *app, sp_app_key k, uint64_t now)
{
    (void)now;
    kiosk_person *p = &app->person;
    return kiosk_page_key(&p->detail_scroll, p->detail_max_scroll, app->theme.h * 3 / 4, k);
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
    .enter = enter,
    .frame = frame,
    .key = key,
    .scroll = scroll,
    .action = action,
    .back = back,
};
