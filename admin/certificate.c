/* certificate.c — `celebration certificate`: a one-page certificate (landscape A4 PDF) for a goal
 * a student met or a step they reached.
 *
 * The page: a gold double frame, a star, "Certificate of achievement", the student's name large,
 * what they did in their own words (the goal's student text; for a step, also the long-term goal
 * it leads to), where they started and where they got to, the date it was met, and the teacher's
 * name above a signature line with the school's name. Every text is a PangoLayout on cairo, so a
 * name in any script is shaped and a font with its characters is chosen by fontconfig. The file
 * is written through sp_out_open (owner-only, all or nothing). A milestone that is not met gets
 * no certificate: the command says so and writes nothing. Units are millimetres. */
#include "admin.h"
#include "celebrations.h"
#include "dates.h"
#include "i18n.h"
#include "milestone_fields.h"
#include "out_file.h"

#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#define PT_PER_MM (72.0 / 25.4)
#define MM_PER_PT (25.4 / 72.0)
#define PAGE_W 297.0
#define PAGE_H 210.0
#define FONT "Andika, Noto Sans"

typedef struct {
    double r, g, b;
} rgb;

static const rgb INK = {0.11, 0.13, 0.18}, MUTED = {0.36, 0.39, 0.45}, GOLD = {0.80, 0.58, 0.04},
                 PAPER = {1.0, 0.99, 0.96}, ACCENT = {0.11, 0.34, 0.77};

typedef struct {
    char name[256];          /* "Maya López" */
    char goal[1024];         /* the goal in the student's words */
    char parent[1024];       /* a step's long-term goal, "" otherwise */
    char from_to[256];       /* "From 1.5 to 3.5 rubric points" or "" */
    char date[64];           /* "November 20, 2026" */
    char teacher[201];       /* "" when nobody is named */
    char school[201];        /* "" when not set */
    bool step;
} certificate;

static void set_rgb(cairo_t *cr, rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

/* Draws s centred in the page width at y (mm), wrapped to w; returns the height used. */
static double text(cairo_t *cr, PangoLayout *L, const char *s, double y, double w, double size_pt, bool bold,
                   rgb c)
{
    PangoFontDescription *fd = pango_font_description_from_string(FONT);
    pango_font_description_set_absolute_size(fd, size_pt * MM_PER_PT * PANGO_SCALE);
    pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(L, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(L, (int)(w * PANGO_SCALE));
    pango_layout_set_wrap(L, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(L, PANGO_ALIGN_CENTER);
    pango_layout_set_text(L, s, -1);
    int tw, th;
    pango_layout_get_size(L, &tw, &th);
    set_rgb(cr, c);
    cairo_move_to(cr, (PAGE_W - w) / 2, y);
    pango_cairo_show_layout(cr, L);
    return (double)th / PANGO_SCALE;
}

static void star(cairo_t *cr, double cx, double cy, double outer)
{
    for (int i = 0; i < 10; i++) {
        double r = i % 2 ? outer * 0.45 : outer, a = -M_PI / 2 + i * M_PI / 5;
        if (i == 0)
            cairo_move_to(cr, cx + r * cos(a), cy + r * sin(a));
        else
            cairo_line_to(cr, cx + r * cos(a), cy + r * sin(a));
    }
    cairo_close_path(cr);
}

/* The whole page; k scales the type so long words still fit one page. Returns the bottom used. */
static double draw(cairo_t *cr, PangoLayout *L, const certificate *c, double k)
{
    set_rgb(cr, PAPER);
    cairo_paint(cr);
    set_rgb(cr, GOLD);
    cairo_set_line_width(cr, 2.2);
    cairo_rectangle(cr, 9, 9, PAGE_W - 18, PAGE_H - 18);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 0.6);
    cairo_rectangle(cr, 13, 13, PAGE_W - 26, PAGE_H - 26);
    cairo_stroke(cr);

    star(cr, PAGE_W / 2, 32, 11);
    set_rgb(cr, GOLD);
    cairo_fill(cr);
    double w = PAGE_W - 60, y = 46;
    y += text(cr, L, _("Certificate of achievement"), y, w, 17 * k, true, ACCENT) + 4;
    y += text(cr, L, _("This certificate celebrates"), y, w, 12 * k, false, MUTED) + 2;
    y += text(cr, L, c->name, y, w, 38 * k, true, INK) + 4;
    y += text(cr, L, c->step ? _("for reaching a step:") : _("for meeting the goal:"), y, w, 12 * k, false, MUTED) + 2;
    y += text(cr, L, c->goal, y, w, 20 * k, true, INK) + 3;
    if (c->parent[0]) {
        char line[1200];
        snprintf(line, sizeof line, _("a step toward: %s"), c->parent);
        y += text(cr, L, line, y, w, 13 * k, false, INK) + 2;
    }
    if (c->from_to[0])
        y += text(cr, L, c->from_to, y, w, 13 * k, false, INK) + 2;
    y += text(cr, L, c->date, y, w, 12 * k, false, MUTED);

    /* the teacher's line and the school at the foot */
    double foot = PAGE_H - 38;
    if (y + 4 > foot)
        return y + 40; /* too tall: the caller draws again smaller */
    set_rgb(cr, MUTED);
    cairo_set_line_width(cr, 0.4);
    cairo_move_to(cr, PAGE_W / 2 - 45, foot);
    cairo_line_to(cr, PAGE_W / 2 + 45, foot);
    cairo_stroke(cr);
    double fy = foot + 2;
    fy += text(cr, L, c->teacher[0] ? c->teacher : _("Teacher"), fy, 120, 11 * k, true, INK);
    if (c->school[0])
        fy += text(cr, L, c->school, fy, 160, 10 * k, false, MUTED);
    return fy;
}

static cairo_status_t write_stream(void *closure, const unsigned char *data, unsigned int length)
{
    return fwrite(data, 1, length, (FILE *)closure) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static PangoLayout *new_layout(cairo_t *cr)
{
    PangoLayout *L = pango_cairo_create_layout(cr);
    PangoContext *ctx = pango_layout_get_context(L);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(ctx, fo);
    pango_context_set_round_glyph_positions(ctx, FALSE); /* millimetres: whole units would be crude */
    cairo_font_options_destroy(fo);
    pango_layout_context_changed(L);
    return L;
}

static int write_pdf(FILE *f, const certificate *c, char *err, size_t errlen)
{
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_stream, f, PAGE_W * PT_PER_MM, PAGE_H * PT_PER_MM);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, _("Certificate of achievement"));
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "signpost-admin");
    cairo_t *cr = cairo_create(s);
    cairo_scale(cr, PT_PER_MM, PT_PER_MM);
    cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *mcr = cairo_create(rec);
    cairo_scale(mcr, PT_PER_MM, PT_PER_MM);
    PangoLayout *ml = new_layout(mcr), *pl = new_layout(cr);
    double k = 1.35; /* large and friendly; long words make it a step smaller */
    for (int step = 0; step < 8 && draw(mcr, ml, c, k) > PAGE_H - 14; step++) /* long words: a step smaller */
        k *= 0.88;
    draw(cr, pl, c, k);
    cairo_show_page(cr);
    g_object_unref(ml);
    g_object_unref(pl);
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

/* "November 20, 2026" from a day number. */
static void long_date(int day, char *out, size_t len)
{
    static const char *const MONTHS[] = {N_("January"), N_("February"), N_("March"),     N_("April"),
                                         N_("May"),     N_("June"),     N_("July"),      N_("August"),
                                         N_("September"), N_("October"), N_("November"), N_("December")};
    int y, m, d;
    sp_ymd_from_day(day, &y, &m, &d);
    snprintf(out, len, _("%s %d, %d"), _(MONTHS[(m - 1) % 12]), d, y);
}

/* The day it was met: the celebration's date when there is one, else the newest data point. */
static int met_day(sp_admin *a, const sp_goal_view *v, char *teacher, size_t tlen)
{
    sp_celebration_query q = {.student_id = v->student_id, .vis_mask = SP_VIS_ALL};
    sp_celebration_row *rows = NULL;
    size_t n = 0;
    int day = v->npoints ? v->points[v->npoints - 1].day : a->today;
    if (sp_celebrations_list(a->db, &q, &rows, &n) == SQLITE_OK) {
        for (size_t i = 0; i < n; i++) {
            const sp_celebration_row *c = &rows[i];
            if (c->milestone_id != v->id || (c->kind != SP_CELEBRATION_MET && c->kind != SP_CELEBRATION_STEP))
                continue;
            char date[11];
            snprintf(date, sizeof date, "%.10s", c->created_at);
            sp_date_parse(date, &day);
            if (c->by_name[0])
                snprintf(teacher, tlen, "%s", c->by_name);
            break;
        }
    }
    sp_celebration_rows_free(rows, n);
    return day;
}

/* The class teacher of the milestone, when the celebration named nobody. */
static void class_teacher(sp_admin *a, long long milestone, char *out, size_t len)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "SELECT coalesce(nullif(s.display_name, ''), trim(s.given_name || ' ' || s.family_name))"
                           " FROM milestones m JOIN classes c ON c.id = m.class_id JOIN staff s ON s.id = c.teacher_id"
                           " WHERE m.id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_int64(st, 1, milestone);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(out, len, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

static void setting(sp_admin *a, const char *key, char *out, size_t len)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "SELECT value FROM settings WHERE key = ?1", -1, &st, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(out, len, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

static int fill(sp_admin *a, sp_goal_reader *r, const sp_goal_view *v, certificate *c)
{
    char sis[80];
    int rc = sp_ms_student_label(a, v->student_id, c->name, sizeof c->name, sis, sizeof sis);
    if (rc)
        return rc;
    snprintf(c->goal, sizeof c->goal, "%s", v->student_text ? v->student_text : "");
    c->step = v->parent_id && strcmp(v->horizon, "short") == 0;
    if (c->step) {
        sp_goal_view p;
        if (sp_goal_load(r, v->parent_id, a->today, &p) == SQLITE_OK) {
            snprintf(c->parent, sizeof c->parent, "%s", p.student_text ? p.student_text : "");
            sp_goal_view_clear(&p);
        }
    }
    if (v->progress.has_baseline && v->progress.has_current) {
        char from[32], to[32];
        sp_format_value(v->progress.baseline, from);
        sp_format_value(v->progress.current, to);
        const char *unit = v->unit_label;
        if (strcmp(unit, "%") == 0)
            snprintf(c->from_to, sizeof c->from_to, _("From %s%% to %s%%"), from, to);
        else if (*unit)
            snprintf(c->from_to, sizeof c->from_to, _("From %s to %s %s"), from, to, unit);
        else
            snprintf(c->from_to, sizeof c->from_to, _("From %s to %s"), from, to);
    }
    int day = met_day(a, v, c->teacher, sizeof c->teacher);
    char when[48];
    long_date(day, when, sizeof when);
    snprintf(c->date, sizeof c->date, _("Met on %s"), when);
    if (!c->teacher[0])
        class_teacher(a, v->id, c->teacher, sizeof c->teacher);
    setting(a, "school_name", c->school, sizeof c->school);
    return SP_EXIT_OK;
}

int sp_celebration_certificate(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"student", true, NULL}, {"milestone", true, NULL}, {"output", true, NULL}};
    char **args = calloc((size_t)argc + 1, sizeof *args); /* -o FILE is the usual spelling */
    if (!args)
        return sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
    for (int i = 0; i < argc; i++)
        args[i] = strcmp(argv[i], "-o") == 0 ? (char *)"--output" : argv[i];
    long long student, milestone;
    int rc = sp_admin_parse(a, argc, args, o, 3, NULL, 0, NULL);
    free(args);
    if (rc || (rc = sp_ms_required(a, "student", o[0].value)) || (rc = sp_ms_required(a, "milestone", o[1].value)) ||
        (rc = sp_admin_find_student(a, o[0].value, &student)) ||
        (rc = sp_admin_find_milestone(a, o[1].value, &milestone)))
        return rc;
    if (!o[2].value || !*o[2].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "-o: expected a file name such as certificate.pdf");
    sp_goal_reader *r = NULL;
    sp_goal_view v;
    certificate c;
    memset(&c, 0, sizeof c);
    if ((rc = sp_ms_reader(a, &r)))
        return rc;
    if ((rc = sp_ms_load(a, r, milestone, &v)))
        goto done_reader;
    if (v.student_id != student) {
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "--milestone: milestone %lld is not one of %s's milestones", milestone,
                           o[0].value);
        goto done;
    }
    if (!v.progress.met && strcmp(v.status, "met") != 0) {
        rc = sp_admin_fail(a, SP_EXIT_USAGE,
                           "milestone %lld is not met yet (its target rule does not hold), so there is no certificate "
                           "to print",
                           milestone);
        goto done;
    }
    if ((rc = fill(a, r, &v, &c)))
        goto done;
    sp_out_file out;
    char err[256];
    if (!sp_out_open(&out, o[2].value, err, sizeof err)) {
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "%s", err);
        goto done;
    }
    if (write_pdf(out.f, &c, err, sizeof err) != 0) {
        sp_out_abort(&out);
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "%s: %s", o[2].value, err);
        goto done;
    }
    if (!sp_out_commit(&out, err, sizeof err)) {
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "%s", err);
        goto done;
    }
    if (a->json)
        a->result = json_pack("{s:s, s:I, s:s, s:s}", "student", o[0].value, "milestone", (json_int_t)milestone, "file",
                              o[2].value, "met", c.date);
    sp_admin_printf(a, "Wrote the certificate for %s (milestone %lld) to %s\n", c.name, milestone, o[2].value);
    rc = SP_EXIT_OK;
done:
    sp_goal_view_clear(&v);
done_reader:
    sp_goal_reader_free(r);
    return rc;
}
