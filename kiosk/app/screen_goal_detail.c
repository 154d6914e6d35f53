/* screen_goal_detail.c — one goal up close: the student's text, the traffic light, a chart of
 * the data points with the aim line, the target and the support changes, "How we'll know" and
 * "My support" — all in the student's own words; a part with no student wording is not shown.
 *
 * The page is laid out from its content (detail_body measures with the code that draws): the
 * goal's words, the status and the two actions, then the chart beside the words in landscape
 * (stacked in portrait), with the support changes listed in full under the chart by number
 * and date. Nothing is cut: when the page is taller than the screen it scrolls below the
 * header, with a thin indicator on the right. */
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

/* A heading and its paragraph at width w from y; returns the height (draws only with ui). */
static int section(sp_app *app, sp_ui *ui, int x, int y, int w, const char *heading, const char *text)
{
    const kiosk_theme *t = &app->theme;
    int hl = kiosk_line_h(&app->metrics, t->body_size), ll = kiosk_line_h(&app->metrics, t->body_size);
    sp_ui_line lines[SP_UI_MAX_LINES];
    int n = sp_ui_wrap(&app->metrics, text, t->body_size, SP_FONT_REGULAR, w, 0, lines);
    if (ui) {
        sp_ui_label(ui, (sp_rect){x, y, w, hl}, heading, t->body_size, SP_FONT_BOLD, SP_ALIGN_LEFT, t->accent,
                    SP_ROLE_LABEL);
        sp_ui_text(ui, (sp_rect){x, y + hl, w, n * ll}, text, t->body_size, SP_FONT_REGULAR, SP_ALIGN_LEFT, t->text,
                   SP_ROLE_STUDENT, n);
    }
    return hl + n * ll;
}

/* "2.5 rubric points", "65%". */
static void amount(double v, const char *unit, char *out, size_t len)
{
    char num[48];
    kiosk_value_words(v, unit, num, sizeof num);
    if (unit && *unit && strcmp(unit, "%") != 0)
        snprintf(out, len, "%s %s", num, unit);
    else
        snprintf(out, len, "%s", num);
}

static void chart(sp_app *app, sp_ui *ui, sp_rect r, const sp_goal_view *v)
{
    const kiosk_theme *t = &app->theme;
    sp_chart_point pts[SP_GOAL_MAX_POINTS];
    size_t n = v->npoints < SP_GOAL_MAX_POINTS ? v->npoints : SP_GOAL_MAX_POINTS;
    for (size_t i = 0; i < n; i++)
        pts[i] = (sp_chart_point){v->points[i].day, v->points[i].value};
    char target[192], value[160], left[32], right[32];
    static const char *const NUMBERS[SP_CHART_MAX_MARKS] = {"1", "2", "3", "4", "5", "6", "7", "8",
                                                             "9", "10", "11", "12", "13", "14", "15", "16"};
    amount(v->goal.target, v->unit_label, value, sizeof value);
    snprintf(target, sizeof target, _("Goal %s"), value);
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
    c.aim_label = _("My aim");
    c.has_target = true;
    c.target = v->goal.target;
    c.target_label = target;
    for (size_t i = 0; i < v->nsupport && i < SP_CHART_MAX_MARKS; i++) {
        c.mark_x[i] = v->support_marks[i].day;
        c.mark_label[i] = NUMBERS[i];
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
    c.unit = v->unit_label;
    c.label_size = t->caption_size;
    c.line_w = t->line_w;
    c.bg = t->chart_bg;
    c.axis = t->track;
    c.line = t->text;
    c.point = t->text;
    c.aim = t->aim;
    c.target_color = t->gold;
    c.mark = t->muted;
    c.label = t->muted;
    c.value_role = SP_ROLE_STUDENT;
    sp_ui_chart(ui, r, &c);
}

/* The support changes under the chart: "1 · November 10: Now I also meet my teacher on Fridays."
 * in full. Returns the height (draws only with ui). */
static int support_notes(sp_app *app, sp_ui *ui, int x, int y, int w, const sp_goal_view *v)
{
    const kiosk_theme *t = &app->theme;
    int lh = kiosk_line_h(&app->metrics, t->caption_size);
    int y0 = y;
    for (size_t i = 0; i < v->nsupport && i < SP_CHART_MAX_MARKS; i++) {
        char date[32], line[400];
        kiosk_date_words(v->support_marks[i].day, date, sizeof date);
        const char *words = v->support_marks[i].student_note[0] ? v->support_marks[i].student_note
                                                                : _("My support changed.");
        snprintf(line, sizeof line, "%zu \xC2\xB7 %s: %s", i + 1, date, words);
        sp_ui_line lines[SP_UI_MAX_LINES];
        int n = sp_ui_wrap(&app->metrics, line, t->caption_size, SP_FONT_REGULAR, w, 0, lines);
        if (ui)
            sp_ui_text(ui, (sp_rect){x, y, w, n * lh}, line, t->caption_size, SP_FONT_REGULAR, SP_ALIGN_LEFT, t->text,
                       SP_ROLE_STUDENT, n);
        y += n * lh + t->space_xs;
    }
    return y - y0;
}

/* The legend: a short stroke in each line's colour with its words (never colour alone). */
static int legend(sp_app *app, sp_ui *ui, int x, int y, int w)
{
    const kiosk_theme *t = &app->theme;
    int lh = kiosk_line_h(&app->metrics, t->caption_size);
    const char *words[3] = {_("My checks"), _("My aim"), _("My goal")};
    sp_color colors[3] = {t->text, t->aim, t->gold};
    int sw = t->space_l, cx = x, row = 0;
    for (int i = 0; i < 3; i++) {
        int tw = sp_ui_text_width(&app->ui, words[i], t->caption_size, SP_FONT_REGULAR);
        int need = sw + t->space_xs + tw;
        if (cx > x && cx + need > x + w) {
            cx = x;
            row++;
        }
        int ly = y + row * lh;
        if (ui) {
            if (i == 0) /* a round swatch (a rounded rect: circles are the chart's own dots) */
                sp_draw_rect(ui->dl, (sp_rect){cx + sw / 2 - lh / 4, ly + lh / 4, lh / 2, lh / 2}, colors[i], lh / 4);
            else
                sp_draw_rect(ui->dl, (sp_rect){cx, ly + lh / 2 - t->line_w / 2, sw, t->line_w}, colors[i], 0);
            sp_ui_label(ui, (sp_rect){cx + sw + t->space_xs, ly, tw, lh}, words[i], t->caption_size, SP_FONT_REGULAR,
                        SP_ALIGN_LEFT, t->text, SP_ROLE_LABEL);
        }
        cx += need + t->space_m;
    }
    return (row + 1) * lh;
}

/* The traffic light and the two actions from y; returns the y under them. */
static int status_and_actions(sp_app *app, sp_ui *ui, sp_rect c, int y, const sp_goal_view *v)
{
    const kiosk_theme *t = &app->theme;
    /* Status, then the two actions: beside it when they fit, else on their own row. */
    int body = kiosk_line_h(&app->metrics, t->lead_size);
    int bw = sp_ui_text_width(&app->ui, _("How did it go?"), t->ui.button_text_size, SP_FONT_BOLD) + 2 * t->ui.pad;
    int nw = sp_ui_text_width(&app->ui, _("Set my next step"), t->ui.button_text_size, SP_FONT_BOLD) + 2 * t->ui.pad;
    if (bw + t->gap + nw > c.w)
        bw = nw = (c.w - t->gap) / 2;
    int status_w = kiosk_goal_status_width(app, v, t->lead_size);
    bool own_line = status_w > c.w - bw - nw - 2 * t->gap;
    int status_lines = status_w > c.w ? 2 : 1;
    if (own_line) {
        if (ui)
            kiosk_goal_status(app, ui, (sp_rect){c.x, y, c.w, status_lines * body}, v, t->lead_size, status_lines);
        y += status_lines * body + t->space_s;
        if (ui) {
            sp_ui_button(ui, ACT_SELF_CHECK, (sp_rect){c.x, y, bw, t->button_h}, _("How did it go?"),
                         SP_BUTTON_PRIMARY, NULL);
            sp_ui_button(ui, ACT_NEXT_STEP, (sp_rect){c.x + bw + t->gap, y, nw, t->button_h}, _("Set my next step"),
                         SP_BUTTON_SECONDARY, NULL);
        }
    } else if (ui) {
        kiosk_goal_status(app, ui, (sp_rect){c.x, y + (t->button_h - body) / 2, c.w - bw - nw - 2 * t->gap, body}, v,
                          t->lead_size, 1);
        sp_ui_button(ui, ACT_NEXT_STEP, (sp_rect){c.x + c.w - bw - t->gap - nw, y, nw, t->button_h},
                     _("Set my next step"), SP_BUTTON_SECONDARY, NULL);
        sp_ui_button(ui, ACT_SELF_CHECK, (sp_rect){c.x + c.w - bw, y, bw, t->button_h}, _("How did it go?"),
                     SP_BUTTON_PRIMARY, NULL);
    }
    return y + t->button_h;
}

/* The whole page below the header, from y (ui NULL: measures only). Returns its height. */
static int detail_body(sp_app *app, sp_ui *ui, sp_rect c, int y, const sp_goal_view *v)
{
    const kiosk_theme *t = &app->theme;
    int y0 = y;
    kiosk_category_colors cat = kiosk_category_color(t, v->category);
    int lbl = kiosk_line_h(&app->metrics, t->caption_size);
    int tag_h = lbl + t->space_xs;
    const char *cat_words = _(kiosk_category_words(v->category));
    int tag_w = tag_h + t->space_xs + sp_ui_text_width(&app->ui, cat_words, t->caption_size, SP_FONT_BOLD) + t->space_s;
    if (ui && sp_ui_visible(ui, (sp_rect){c.x, y, tag_w, tag_h})) {
        sp_draw_rect(ui->dl, (sp_rect){c.x, y, tag_w, tag_h}, cat.tint, tag_h / 2);
        sp_draw_icon(ui->dl, (sp_rect){c.x + t->space_xs, y + 2, tag_h - 4, tag_h - 4}, v->category, cat.ink);
    }
    if (ui)
        sp_ui_label(ui, (sp_rect){c.x + tag_h + t->space_xs, y, tag_w - tag_h - t->space_xs, tag_h}, cat_words,
                    t->caption_size, SP_FONT_BOLD, SP_ALIGN_LEFT, cat.ink, SP_ROLE_LABEL);
    y += tag_h + t->space_s;

    /* The goal's words at title size, a step smaller when they would take more than three lines,
     * body size when even that takes more than five: a long goal never pushes the actions away. */
    const char *words = v->student_text ? v->student_text : "";
    int size = t->title_size;
    sp_ui_line lines[SP_UI_MAX_LINES];
    int n = sp_ui_wrap(&app->metrics, words, size, SP_FONT_BOLD, c.w, 0, lines);
    if (n > 3) {
        size = t->lead_size;
        n = sp_ui_wrap(&app->metrics, words, size, SP_FONT_BOLD, c.w, 0, lines);
    }
    if (n > 5) {
        size = t->body_size;
        n = sp_ui_wrap(&app->metrics, words, size, SP_FONT_BOLD, c.w, 0, lines);
    }
    int big = kiosk_line_h(&app->metrics, size);
    /* A goal longer than five lines even then comes after the actions, so they stay in reach. */
    bool actions_first = n > 5;
    if (actions_first)
        y = status_and_actions(app, ui, c, y, v) + t->space_s;
    if (ui)
        sp_ui_text(ui, (sp_rect){c.x, y, c.w, n * big}, words, size, SP_FONT_BOLD, SP_ALIGN_LEFT, t->text,
                   SP_ROLE_STUDENT, n);
    y += n * big + t->space_s;
    if (!actions_first)
        y = status_and_actions(app, ui, c, y, v);
    y += t->space_m;


    /* The chart with its legend and notes, and the student's words beside (or under) it. */
    bool side = !t->portrait;
    int chart_w = side ? c.w * 60 / 100 : c.w;
    int words_x = side ? c.x + chart_w + t->space_l : c.x, words_w = side ? c.w - chart_w - t->space_l : c.w;
    /* The chart takes what the page has left under its legend and notes, but never less than
     * nine lines of its labels (then the page scrolls). */
    int below = t->space_s + legend(app, NULL, c.x, 0, chart_w) + t->space_s + support_notes(app, NULL, c.x, 0, chart_w, v);
    int chart_h = side ? c.h - (y - y0) - below : t->h * 32 / 100;
    if (chart_h > t->h * 55 / 100)
        chart_h = t->h * 55 / 100;
    int min_chart = 9 * lbl;
    if (chart_h < min_chart)
        chart_h = min_chart;
    int cy = y;
    if (ui)
        chart(app, ui, (sp_rect){c.x, cy, chart_w, chart_h}, v);
    cy += chart_h + t->space_s;
    cy += legend(app, ui, c.x, cy, chart_w) + t->space_s;
    cy += support_notes(app, ui, c.x, cy, chart_w, v);

    int wy = side ? y : cy + t->space_m;
    const char *know = v->student_know && v->student_know[0] ? v->student_know : NULL;
    const char *support = v->student_support && v->student_support[0] ? v->student_support : NULL;
    if (know)
        wy += section(app, ui, words_x, wy, words_w, _("How we'll know"), know) + t->space_l;
    if (support)
        wy += section(app, ui, words_x, wy, words_w, _("My support"), support) + t->space_l;
    int bottom = cy > wy ? cy : wy;
    return bottom - y0;
}

static void frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    const kiosk_theme *t = &app->theme;
    const sp_goal_view *v = open_goal(app);
    sp_rect c = kiosk_header(app, ui, _("My goal"), true, true);
    if (!v)
        return;
    kiosk_person *p = &app->person;
    int need = detail_body(app, NULL, c, 0, v);
    p->detail_max_scroll = need > c.h ? need - c.h : 0;
    if (p->detail_scroll > p->detail_max_scroll)
        p->detail_scroll = p->detail_max_scroll;
    sp_ui_clip(ui, c);
    detail_body(app, ui, c, c.y - p->detail_scroll, v);
    sp_ui_clip(ui, (sp_rect){0, 0, 0, 0});
    if (p->detail_max_scroll > 0) { /* a thin scroll indicator on the right edge */
        int content_h = c.h + p->detail_max_scroll;
        int thumb = c.h * c.h / content_h;
        int ty = c.y + (c.h - thumb) * p->detail_scroll / p->detail_max_scroll;
        int sw = t->small_gap / 2 > 3 ? t->small_gap / 2 : 3;
        sp_draw_rect(ui->dl, (sp_rect){t->w - t->margin / 2 - sw / 2, ty, sw, thumb}, t->muted, sw / 2);
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
