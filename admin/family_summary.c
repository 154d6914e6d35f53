/* family_summary.c — draws family summaries (family_summary.h).
 *
 * The page is built top to bottom by one function that takes a size factor: the header, a
 * block per goal (text column on one side, the small chart on the other), recent celebrations,
 * then the footer with who to talk to. Every text is a PangoLayout, so names and goals in any
 * script are shaped (Arabic joining, Devanagari conjuncts, CJK) and wrapped by Pango, with
 * fontconfig choosing a face that has the characters. A page is first drawn onto a recording
 * surface to measure it; when it would not fit (many goals, long texts) it is drawn again a
 * step smaller, so a student's summary is always one page and nothing is cut. For a
 * right-to-left language the page is mirrored: text is set right to left from the right margin
 * and the chart moves to the left. Units are millimetres. */
#include "family_summary.h"

#include "celebrate.h"
#include "dates.h"
#include "i18n.h"

#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#define PT_PER_MM (72.0 / 25.4)
#define MM_PER_PT (25.4 / 72.0)
#define MARGIN 16.0
#define FONT "Noto Sans"

typedef struct {
    double r, g, b;
} rgb;

static const rgb INK = {0.11, 0.13, 0.18}, MUTED = {0.36, 0.39, 0.45}, RULE = {0.82, 0.84, 0.88},
                 ACCENT = {0.09, 0.36, 0.62}, TINT = {0.93, 0.96, 0.99}, GREEN = {0.10, 0.50, 0.25},
                 YELLOW = {0.66, 0.44, 0.00}, RED = {0.72, 0.16, 0.16}, GOLD = {0.70, 0.50, 0.02};

typedef struct {
    cairo_t *cr;
    PangoLayout *layout;
    const sp_family_opts *o;
    double pw, ph;   /* page size */
    double k;        /* size factor (1 = full size) */
} page;

static void set_rgb(cairo_t *cr, rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

/* x of a box of width w that sits at x in a left-to-right page (mirrored for right to left). */
static double X(const page *p, double x, double w) { return p->o->rtl ? p->pw - x - w : x; }

typedef enum { LEFT_SIDE, CENTRE, FAR_SIDE } side;

static double text_dir(page *p, const char *s, double x, double y, double w, double size, bool bold, rgb c, side align,
                       const char *lang);

/* Sets text at (x, y) in a box of width w; returns its height. size in points. */
static double text(page *p, const char *s, double x, double y, double w, double size, bool bold, rgb c, side align)
{
    return text_dir(p, s, x, y, w, size, bold, c, align, NULL);
}

/* A teacher's text keeps its own direction (an English goal on an Arabic page reads left to
 * right, its full stop at the end) while it sits at the page's start margin. */
static double teacher_text(page *p, const char *s, const char *lang, double x, double y, double w, double size,
                           bool bold, rgb c)
{
    return text_dir(p, s, x, y, w, size, bold, c, LEFT_SIDE, lang);
}

static double text_dir(page *p, const char *s, double x, double y, double w, double size, bool bold, rgb c, side align,
                       const char *lang)
{
    if (!s || !*s)
        return 0;
    PangoLayout *L = p->layout;
    PangoDirection dir = !lang || !*lang     ? PANGO_DIRECTION_NEUTRAL
                         : sp_i18n_is_rtl(lang) ? PANGO_DIRECTION_RTL
                                                : PANGO_DIRECTION_LTR;
    PangoContext *ctx = pango_layout_get_context(L);
    PangoDirection page_dir = p->o->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
    bool switched = dir != PANGO_DIRECTION_NEUTRAL && dir != page_dir;
    if (switched) {
        pango_context_set_base_dir(ctx, dir);
        pango_layout_context_changed(L);
    }
    PangoFontDescription *fd = pango_font_description_from_string(FONT);
    pango_font_description_set_absolute_size(fd, size * p->k * MM_PER_PT * PANGO_SCALE);
    pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(L, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(L, (int)(w * PANGO_SCALE));
    pango_layout_set_wrap(L, PANGO_WRAP_WORD_CHAR);
    PangoAlignment a = align == CENTRE ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
    if (align != CENTRE && (align == FAR_SIDE) != p->o->rtl)
        a = PANGO_ALIGN_RIGHT;
    pango_layout_set_alignment(L, a);
    pango_layout_set_text(L, s, -1);
    int tw, th;
    pango_layout_get_size(L, &tw, &th);
    set_rgb(p->cr, c);
    cairo_move_to(p->cr, X(p, x, w), y);
    pango_cairo_show_layout(p->cr, L);
    if (switched) {
        pango_context_set_base_dir(ctx, page_dir);
        pango_layout_context_changed(L);
    }
    return (double)th / PANGO_SCALE;
}

static void rule(page *p, double y)
{
    set_rgb(p->cr, RULE);
    cairo_set_line_width(p->cr, 0.3);
    cairo_move_to(p->cr, MARGIN, y);
    cairo_line_to(p->cr, p->pw - MARGIN, y);
    cairo_stroke(p->cr);
}

/* ---- words ------------------------------------------------------------------------------------- */

static bool goal_met(const sp_goal_view *v) { return v->progress.met || strcmp(v->status, "met") == 0; }

const char *sp_family_light_words(const sp_goal_view *v)
{
    if (goal_met(v))
        return _("Goal met!");
    if (v->progress.baselining)
        return _("Finding the starting point");
    switch (v->progress.light) {
    case SP_LIGHT_GREEN: return _("On track");
    case SP_LIGHT_YELLOW: return _("Keep going — we are watching this one");
    case SP_LIGHT_RED: return _("Not on track yet — the teacher is changing the plan");
    default: return "";
    }
}

static rgb light_rgb(const sp_goal_view *v)
{
    if (goal_met(v))
        return GOLD;
    if (v->progress.baselining)
        return ACCENT;
    return v->progress.light == SP_LIGHT_GREEN ? GREEN : v->progress.light == SP_LIGHT_RED ? RED : YELLOW;
}

void sp_family_value(double v, const char *unit, char *out, size_t len)
{
    char n[32];
    sp_i18n_number(v, 2, n, sizeof n);
    if (!unit || !*unit)
        snprintf(out, len, "%s", n);
    else if (strcmp(unit, "%") == 0)
        snprintf(out, len, "%s%%", n);
    else
        snprintf(out, len, "%s %s", n, unit);
}

/* "March 20" in the language in force */
static void date_words(int day, char *out, size_t len) { sp_i18n_date(day, out, len); }

/* One {name} filled in a translated template. */
static void fill1(char *out, size_t len, const char *tmpl, const char *name, const char *value)
{
    sp_i18n_fill(out, len, tmpl, 1, (const char *const[]){name}, (const char *const[]){value});
}

/* "Started: 1.5 rubric points · Now: 2.5 rubric points · Goal: 3 rubric points by March 20" */
static void numbers_line(const sp_goal_view *v, char *out, size_t len)
{
    const sp_progress *pr = &v->progress;
    char a[96], b[96], c[96], date[48];
    date_words(v->goal.due_day, date, sizeof date);
    sp_family_value(v->goal.target, v->unit_label, c, sizeof c);
    if (pr->has_baseline) {
        sp_family_value(pr->baseline, v->unit_label, a, sizeof a);
        if (pr->has_current)
            sp_family_value(pr->current, v->unit_label, b, sizeof b);
        else
            snprintf(b, sizeof b, "%s", _("no new check yet"));
        sp_i18n_fill(out, len,
                     /* TRANSLATORS: where the student started, where they are now, the goal and its date */
                     _("Started: {start}  ·  Now: {now}  ·  Goal: {goal} by {date}"), 4,
                     (const char *const[]){"start", "now", "goal", "date"}, (const char *const[]){a, b, c, date});
    } else {
        sp_i18n_fill(out, len, _("The first checks will show where we start.  ·  Goal: {goal} by {date}"), 2,
                     (const char *const[]){"goal", "date"}, (const char *const[]){c, date});
    }
}

static void no_goals_words(const sp_conference *c, char *out, size_t len)
{
    fill1(out, len,
          _("{name} does not have goals to share yet. Goals are being set up with the teacher, and the next "
            "summary will show them. You are always welcome to ask the teacher how things are going."),
          "name", c->name);
}

static const char *category_words(const char *c)
{
    if (strcmp(c, "behavior") == 0)
        return _("Behavior");
    if (strcmp(c, "social-emotional") == 0)
        return _("Feelings and friends");
    if (strcmp(c, "future-readiness") == 0)
        return _("My future");
    return _("Learning");
}

/* ---- the small chart ----------------------------------------------------------------------------- */

/* Points joined by a line, the aim line from the start to the goal on its date, and the goal as
 * a dashed line with its value; the value axis is zoomed to the data with its two ends labelled. */
static void chart(page *p, const sp_goal_view *v, double x0, double y0, double w, double h)
{
    cairo_t *cr = p->cr;
    const sp_progress *pr = &v->progress;
    double lo = v->goal.target, hi = v->goal.target;
    if (pr->has_baseline) {
        lo = fmin(lo, pr->baseline);
        hi = fmax(hi, pr->baseline);
    }
    for (size_t i = 0; i < v->npoints; i++) {
        lo = fmin(lo, v->points[i].value);
        hi = fmax(hi, v->points[i].value);
    }
    double pad = (hi - lo) * 0.12 + (hi == lo ? 1 : 0);
    lo -= pad;
    hi += pad;
    if (v->has_scale) {
        lo = fmax(lo, v->scale_min);
        hi = fmin(hi, v->scale_max);
    }
    int d0 = v->goal.start_day, d1 = v->goal.due_day;
    for (size_t i = 0; i < v->npoints; i++) {
        if (v->points[i].day < d0)
            d0 = v->points[i].day;
        if (v->points[i].day > d1)
            d1 = v->points[i].day;
    }
    if (d1 <= d0)
        d1 = d0 + 1;
    double lab = 11 * p->k; /* room for the value labels */
    double px = x0 + lab, pw = w - lab, py = y0 + 1, ph = h - 6 * p->k;
    if (p->o->rtl) { /* the time axis runs right to left on a mirrored page */
        px = x0;
    }
#define CX(d) (p->o->rtl ? px + pw - ((double)((d) - d0) / (d1 - d0)) * pw : px + ((double)((d) - d0) / (d1 - d0)) * pw)
#define CY(val) (py + ph - ((val) - lo) / (hi - lo) * ph)
    set_rgb(cr, TINT);
    cairo_rectangle(cr, px, py, pw, ph);
    cairo_fill(cr);
    char a[48], b[48];
    sp_family_value(v->goal.target, "", a, sizeof a);
    sp_family_value(pr->has_baseline ? pr->baseline : lo, "", b, sizeof b);
    double lx = p->o->rtl ? px + pw + 1 : x0;
    /* value labels sit on the outer side of the chart, in the page's own reading direction */
    page q = *p;
    sp_family_opts ltr = *p->o;
    ltr.rtl = false;
    q.o = &ltr;
    double lh = 3 * p->k; /* a label's height, centred on its value */
    text(&q, a, lx, CY(v->goal.target) - lh / 2, lab - 1.5, 7, true, GREEN, p->o->rtl ? LEFT_SIDE : FAR_SIDE);
    if (pr->has_baseline && fabs(CY(pr->baseline) - CY(v->goal.target)) > lh)
        text(&q, b, lx, CY(pr->baseline) - lh / 2, lab - 1.5, 7, false, MUTED, p->o->rtl ? LEFT_SIDE : FAR_SIDE);

    /* goal line */
    cairo_set_line_width(cr, 0.6);
    double dash[] = {1.6, 1.0};
    cairo_set_dash(cr, dash, 2, 0);
    set_rgb(cr, GREEN);
    cairo_move_to(cr, px, CY(v->goal.target));
    cairo_line_to(cr, px + pw, CY(v->goal.target));
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
    /* aim line */
    if (pr->has_baseline) {
        set_rgb(cr, MUTED);
        cairo_set_line_width(cr, 0.35);
        cairo_move_to(cr, CX(v->goal.start_day), CY(pr->baseline));
        cairo_line_to(cr, CX(v->goal.due_day), CY(v->goal.target));
        cairo_stroke(cr);
    }
    /* data */
    set_rgb(cr, ACCENT);
    cairo_set_line_width(cr, 0.5);
    for (size_t i = 0; i < v->npoints; i++) {
        double x = CX(v->points[i].day), y = CY(v->points[i].value);
        if (i == 0)
            cairo_move_to(cr, x, y);
        else
            cairo_line_to(cr, x, y);
    }
    cairo_stroke(cr);
    for (size_t i = 0; i < v->npoints; i++) {
        cairo_new_path(cr);
        cairo_arc(cr, CX(v->points[i].day), CY(v->points[i].value), 0.75 * p->k, 0, 2 * M_PI);
        cairo_fill(cr);
    }
    char gl[64], g[48];
    sp_family_value(v->goal.target, v->unit_label, g, sizeof g);
    fill1(gl, sizeof gl, _("Goal {goal}"), "goal", g);
    /* dates under the axis */
    char s1[40], s2[40];
    date_words(d0, s1, sizeof s1);
    date_words(d1, s2, sizeof s2);
    double ty = py + ph + 0.8 * p->k; /* the chart is already placed: q does not mirror again */
    text(&q, s1, p->o->rtl ? px + pw / 2 : px, ty, pw / 2, 6.5, false, MUTED, p->o->rtl ? FAR_SIDE : LEFT_SIDE);
    text(&q, s2, p->o->rtl ? px : px + pw / 2, ty, pw / 2, 6.5, false, MUTED, p->o->rtl ? LEFT_SIDE : FAR_SIDE);
    double gy = CY(v->goal.target);
    double gh = 3.2 * p->k;
    text(&q, gl, px + 1, gy < py + gh ? gy + 0.3 : gy - gh, pw - 2, 6.5, true, GREEN,
         p->o->rtl ? LEFT_SIDE : FAR_SIDE);
#undef CX
#undef CY
}

/* A shape beside the light's words, so the light never rests on colour alone: a circle when on
 * track, a triangle to watch, a square to change, a star when met. */
static void light_mark(page *p, const sp_goal_view *v, double x, double y, double s)
{
    cairo_t *cr = p->cr;
    cairo_new_path(cr);
    set_rgb(cr, light_rgb(v));
    double cx = x + s / 2, cy = y + s / 2;
    if (goal_met(v)) {
        for (int i = 0; i < 10; i++) {
            double r = i % 2 ? s * 0.22 : s * 0.5, t = -M_PI / 2 + i * M_PI / 5;
            if (i == 0)
                cairo_move_to(cr, cx + r * cos(t), cy + r * sin(t));
            else
                cairo_line_to(cr, cx + r * cos(t), cy + r * sin(t));
        }
        cairo_close_path(cr);
    } else if (v->progress.baselining || v->progress.light == SP_LIGHT_GREEN) {
        cairo_arc(cr, cx, cy, s / 2, 0, 2 * M_PI);
    } else if (v->progress.light == SP_LIGHT_RED) {
        cairo_rectangle(cr, x + s * 0.05, y + s * 0.05, s * 0.9, s * 0.9);
    } else {
        cairo_move_to(cr, cx, y);
        cairo_line_to(cr, x + s, y + s);
        cairo_line_to(cr, x, y + s);
        cairo_close_path(cr);
    }
    cairo_fill(cr);
}

/* ---- one goal ------------------------------------------------------------------------------------ */

static double goal_block(page *p, const sp_conf_goal *g, double y)
{
    const sp_goal_view *v = &g->view;
    const sp_progress *pr = &v->progress;
    double k = p->k, full = p->pw - 2 * MARGIN;
    double cw = 66 * k, ch = 38 * k, gap = 6 * k;
    double tw = full - cw - gap; /* text column */
    double y0 = y;
    char line[800];

    y += text(p, category_words(v->category), MARGIN, y, tw, 8, true, ACCENT, LEFT_SIDE);
    y += teacher_text(p, v->student_text, g->text_lang, MARGIN, y, tw, 12.5, true, INK) + 1.2 * k;

    double s = 3.2 * k;
    light_mark(p, v, p->o->rtl ? p->pw - MARGIN - s : MARGIN, y + 0.9 * k, s);
    y += text(p, sp_family_light_words(v), MARGIN + s + 2 * k, y, tw - s - 2 * k, 10, true, light_rgb(v), LEFT_SIDE) +
         1.2 * k;

    numbers_line(v, line, sizeof line);
    y += text(p, line, MARGIN, y, tw, 9.5, false, INK, LEFT_SIDE) + 1.5 * k;

    if (*v->support) {
        snprintf(line, sizeof line, "%s %s", _("Support at school:"), v->support);
        y += text(p, line, MARGIN, y, tw, 9, false, MUTED, LEFT_SIDE) + 1.5 * k;
    }
    if (*g->at_home) {
        double hh = 0;
        /* measure first: the tinted box goes under the words */
        cairo_push_group(p->cr);
        hh = text(p, _("At home you can:"), MARGIN + 2.5 * k, y + 1.8 * k, tw - 5 * k, 9, true, ACCENT, LEFT_SIDE);
        hh += teacher_text(p, g->at_home, g->at_home_lang, MARGIN + 2.5 * k, y + 1.8 * k + hh, tw - 5 * k, 10, false, INK);
        cairo_pattern_t *words = cairo_pop_group(p->cr);
        set_rgb(p->cr, TINT);
        cairo_rectangle(p->cr, X(p, MARGIN, tw), y, tw, hh + 3.6 * k);
        cairo_fill(p->cr);
        set_rgb(p->cr, ACCENT);
        cairo_rectangle(p->cr, p->o->rtl ? p->pw - MARGIN - 1.2 * k : MARGIN, y, 1.2 * k, hh + 3.6 * k);
        cairo_fill(p->cr);
        cairo_set_source(p->cr, words);
        cairo_paint(p->cr);
        cairo_pattern_destroy(words);
        y += hh + 3.6 * k;
    }
    double cx = p->o->rtl ? MARGIN : p->pw - MARGIN - cw;
    if (v->npoints || pr->has_baseline)
        chart(p, v, cx, y0 + 4 * k, cw, ch);
    double bottom = y0 + 4 * k + ch + 2 * k;
    return (y > bottom ? y : bottom) - y0;
}

/* ---- the page ------------------------------------------------------------------------------------ */

static double draw_page(page *p, const sp_conference *c)
{
    double k = p->k, full = p->pw - 2 * MARGIN, y = MARGIN;
    char line[800], date[40];
    date_words(p->o->today, date, sizeof date);

    text(p, *c->school_name ? c->school_name : "", MARGIN, y, full * 0.6, 9, true, MUTED, LEFT_SIDE);
    text(p, date, MARGIN + full * 0.6, y, full * 0.4, 9, false, MUTED, FAR_SIDE);
    y += 6 * k;
    y += text(p, _("Family summary"), MARGIN, y, full, 10, true, ACCENT, LEFT_SIDE);
    y += text(p, c->full_name, MARGIN, y, full, 22, true, INK, LEFT_SIDE) + 0.5 * k;
    if (*c->class_name) {
        if (*c->teacher)
            sp_i18n_fill(line, sizeof line, _("{class}  ·  Teacher: {teacher}"), 2,
                         (const char *const[]){"class", "teacher"}, (const char *const[]){c->class_name, c->teacher});
        else
            snprintf(line, sizeof line, "%s", c->class_name);
        y += text(p, line, MARGIN, y, full, 10, false, MUTED, LEFT_SIDE);
    }
    y += 3 * k;
    rule(p, y);
    y += 4 * k;

    if (c->ngoals == 0) {
        no_goals_words(c, line, sizeof line);
        y += text(p, line, MARGIN, y, full, 12, false, INK, LEFT_SIDE) + 6 * k;
    } else {
        fill1(line, sizeof line,
              sp_ngettext("Here is how {name} is doing with the goal we are working on together.",
                          "Here is how {name} is doing with the goals we are working on together.", c->ngoals),
              "name", c->name);
        y += text(p, line, MARGIN, y, full, 10.5, false, INK, LEFT_SIDE) + 4 * k;
        for (size_t i = 0; i < c->ngoals; i++) {
            y += goal_block(p, &c->goals[i], y) + 3 * k;
            rule(p, y);
            y += 4 * k;
        }
    }

    if (c->nwins) {
        y += text(p, _("Recent wins"), MARGIN, y, full, 11, true, INK, LEFT_SIDE) + 1 * k;
        for (size_t i = 0; i < c->nwins && i < 3; i++) {
            char d[40];
            date_words(c->wins[i].day, d, sizeof d);
            snprintf(line, sizeof line, "★  %s  (%s)", c->wins[i].message, d);
            y += text(p, line, MARGIN, y, full, 9.5, false, INK, LEFT_SIDE) + 0.8 * k;
        }
        y += 3 * k;
    }

    /* who to talk to */
    if (c->nwins || c->ngoals == 0) {
        rule(p, y);
        y += 4 * k;
    }
    y += text(p, _("Questions or ideas? We would love to hear from you."), MARGIN, y, full, 10, true, INK, LEFT_SIDE);
    if (*c->teacher) {
        snprintf(line, sizeof line, "%s%s%s%s%s", c->teacher, *c->teacher_email ? "  ·  " : "", c->teacher_email,
                 *c->room ? "  ·  " : "", "");
        if (*c->room) {
            size_t n = strlen(line);
            fill1(line + n, sizeof line - n, _("Room {room}"), "room", c->room);
        }
        y += text(p, line, MARGIN, y, full, 9.5, false, INK, LEFT_SIDE);
    }
    if (*c->school_contact)
        y += text(p, c->school_contact, MARGIN, y, full, 9.5, false, INK, LEFT_SIDE);
    return y + MARGIN;
}

static PangoLayout *new_layout(cairo_t *cr, const sp_family_opts *o)
{
    PangoLayout *L = pango_cairo_create_layout(cr);
    PangoContext *ctx = pango_layout_get_context(L);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(ctx, fo);
    pango_context_set_round_glyph_positions(ctx, FALSE); /* units are millimetres: whole units would be crude */
    cairo_font_options_destroy(fo);
    /* The page's direction rules every paragraph (an Arabic name on an English page stays at the
     * left margin, shaped and ordered right to left within its line). */
    pango_context_set_base_dir(ctx, o->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
    pango_layout_set_auto_dir(L, FALSE);
    pango_layout_context_changed(L);
    return L;
}

static cairo_status_t write_stream(void *closure, const unsigned char *data, unsigned int length)
{
    return fwrite(data, 1, length, (FILE *)closure) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void paper_mm(sp_paper paper, double *w, double *h)
{
    *w = paper == SP_PAPER_LETTER ? 215.9 : 210.0;
    *h = paper == SP_PAPER_LETTER ? 279.4 : 297.0;
}

int sp_family_pdf(FILE *f, const sp_conference *students, size_t n, const sp_family_opts *o, char *err,
                  size_t errlen)
{
    double pw, ph;
    paper_mm(o->paper, &pw, &ph);
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_stream, f, pw * PT_PER_MM, ph * PT_PER_MM);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, _("Family summary"));
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "signpost-admin");
    cairo_t *cr = cairo_create(s);
    cairo_scale(cr, PT_PER_MM, PT_PER_MM);
    /* a recording surface measures a page before it is drawn for real */
    cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *mcr = cairo_create(rec);
    page m = {mcr, new_layout(mcr, o), o, pw, ph, 1};
    page p = {cr, new_layout(cr, o), o, pw, ph, 1};
    for (size_t i = 0; i < n; i++) {
        double k = students[i].ngoals <= 2 ? 1.2 : 1; /* few goals: larger, easier to read */
        for (int step = 0; step < 6; step++) {
            m.k = k;
            cairo_save(mcr);
            double used = draw_page(&m, &students[i]);
            cairo_restore(mcr);
            if (used <= ph)
                break;
            k *= fmax(0.6, fmin(0.92, ph / used));
        }
        p.k = k;
        draw_page(&p, &students[i]);
        cairo_show_page(cr);
    }
    g_object_unref(m.layout);
    g_object_unref(p.layout);
    cairo_destroy(mcr);
    cairo_surface_destroy(rec);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_status_t st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (st != CAIRO_STATUS_SUCCESS) {
        snprintf(err, errlen, "writing the PDF failed: %s", cairo_status_to_string(st));
        return -1;
    }
    return 0;
}

/* ---- plain text ---------------------------------------------------------------------------------- */

void sp_family_text(FILE *out, const sp_conference *c, const sp_family_opts *o)
{
    char date[48], line[800];
    date_words(o->today, date, sizeof date);
    fprintf(out, "%s — %s\n", _("Family summary"), c->full_name);
    if (*c->school_name)
        fprintf(out, "%s · %s\n", c->school_name, date);
    else
        fprintf(out, "%s\n", date);
    if (*c->class_name) {
        if (*c->teacher)
            sp_i18n_fill(line, sizeof line, _("{class}  ·  Teacher: {teacher}"), 2,
                         (const char *const[]){"class", "teacher"}, (const char *const[]){c->class_name, c->teacher});
        else
            snprintf(line, sizeof line, "%s", c->class_name);
        fprintf(out, "%s\n", line);
    }
    fprintf(out, "\n");
    if (c->ngoals == 0) {
        no_goals_words(c, line, sizeof line);
        fprintf(out, "%s\n\n", line);
    }
    for (size_t i = 0; i < c->ngoals; i++) {
        const sp_goal_view *v = &c->goals[i].view;
        fprintf(out, "%s: %s\n", category_words(v->category), v->student_text);
        fprintf(out, "  %s\n", sp_family_light_words(v));
        numbers_line(v, line, sizeof line);
        fprintf(out, "  %s\n", line);
        if (*v->support)
            fprintf(out, "  %s %s\n", _("Support at school:"), v->support);
        if (*c->goals[i].at_home)
            fprintf(out, "  %s %s\n", _("At home you can:"), c->goals[i].at_home);
        fprintf(out, "\n");
    }
    if (c->nwins) {
        fprintf(out, "%s\n", _("Recent wins"));
        for (size_t i = 0; i < c->nwins && i < 3; i++) {
            date_words(c->wins[i].day, date, sizeof date);
            fprintf(out, "  * %s (%s)\n", c->wins[i].message, date);
        }
        fprintf(out, "\n");
    }
    fprintf(out, "%s\n", _("Questions or ideas? We would love to hear from you."));
    if (*c->teacher)
        fprintf(out, "  %s%s%s\n", c->teacher, *c->teacher_email ? " · " : "", c->teacher_email);
    if (*c->school_contact)
        fprintf(out, "  %s\n", c->school_contact);
}
