/* cmd_milestone.c — `signpost-admin milestone`: add, list, show, edit, revise, retire,
 * reviewed, apply-template.
 *
 * A milestone is handled as a "draft": one cell per stored column, loaded from the row (edit,
 * revise, apply-template) or built from defaults (add), then changed by the options, checked as a
 * whole (due after start, target not the baseline, direction matching the two, values inside the
 * scale) and written back with one statement. Edit and revise compare the draft with the row they
 * loaded and keep every changed field's old and new value, the date and the reason in
 * milestone_revisions. Edit refuses the fields that change how progress is judged (baseline,
 * target, direction, target rule, dates, method): those need `revise` and a reason. */
#include "admin.h"
#include "dates.h"
#include "db.h"
#include "milestone_fields.h"
#include "planned.h"
#include "table_out.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- the draft ------------------------------------------------------------------------------ */

enum {
    F_STUDENT, F_CLASS, F_TEMPLATE, F_STATEMENT, F_STUDENT_TEXT, F_CATEGORY, F_HORIZON, F_PARENT, F_UNIT,
    F_SCALE_MIN, F_SCALE_MAX, F_BASELINE, F_BASELINE_NOTE, F_TARGET, F_DIRECTION, F_TARGET_K, F_TARGET_M, F_START,
    F_DUE, F_METHOD, F_SOURCE, F_SUPPORT, F_CADENCE, F_CADENCE_NOTE, F_VISIBILITY, F_STANDARD, F_STATUS,
    F_CREATED_BY, F_AT_HOME, F_STUDENT_SUPPORT, F_STUDENT_KNOW, F_STUDENT_OBSTACLES, F_COUNT
};

/* Names as milestone_revisions records them. */
static const char *const FIELD_NAMES[F_COUNT] = {
    "student", "class", "template_key", "statement", "student_text", "category", "horizon", "parent",
    "unit_label", "scale_min", "scale_max", "baseline", "baseline_note", "target", "direction", "target_k",
    "target_m", "start_date", "due_date", "method", "data_source", "support", "review_cadence_days",
    "cadence_note", "visibility", "standard_code", "status", "created_by", "at_home", "student_support",
    "student_know", "student_obstacles"};

#define DRAFT_COLUMNS                                                                                                 \
    "student_id, class_id, template_key, statement, student_text, category, horizon, parent_id, unit_label, "        \
    "scale_min, scale_max, baseline, baseline_note, target, direction, target_k, target_m, start_date, due_date, "   \
    "method, data_source, support, review_cadence_days, cadence_note, visibility, standard_code, status, created_by, "  \
    "at_home, student_support, student_know, student_obstacles"

static const char SQL_LOAD[] = "SELECT " DRAFT_COLUMNS " FROM milestones WHERE id = ?1";
static const char SQL_INSERT[] =
    "INSERT INTO milestones(" DRAFT_COLUMNS ", created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
    "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, "
    "?32, ?33, ?33)";
static const char SQL_UPDATE[] =
    "UPDATE milestones SET student_id = ?1, class_id = ?2, template_key = ?3, statement = ?4, student_text = ?5, "
    "category = ?6, horizon = ?7, parent_id = ?8, unit_label = ?9, scale_min = ?10, scale_max = ?11, baseline = ?12, "
    "baseline_note = ?13, target = ?14, direction = ?15, target_k = ?16, target_m = ?17, start_date = ?18, "
    "due_date = ?19, method = ?20, data_source = ?21, support = ?22, review_cadence_days = ?23, cadence_note = ?24, "
    "visibility = ?25, standard_code = ?26, status = ?27, created_by = ?28, at_home = ?29, student_support = ?30, "
    "student_know = ?31, student_obstacles = ?32, updated_at = ?33 WHERE id = ?34";

typedef struct {
    int type; /* SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT or SQLITE_TEXT */
    long long i;
    double r;
    char *t;
} cell;

typedef struct {
    cell c[F_COUNT];
} draft;

static void cell_clear(cell *c)
{
    free(c->t);
    memset(c, 0, sizeof *c);
    c->type = SQLITE_NULL;
}

static void draft_free(draft *d)
{
    for (int i = 0; i < F_COUNT; i++)
        cell_clear(&d->c[i]);
}

static void draft_init(draft *d)
{
    memset(d, 0, sizeof *d);
    for (int i = 0; i < F_COUNT; i++)
        d->c[i].type = SQLITE_NULL;
}

static int set_text(draft *d, int f, const char *s)
{
    cell_clear(&d->c[f]);
    if (!s)
        return 0;
    d->c[f].t = strdup(s);
    if (!d->c[f].t)
        return -1;
    d->c[f].type = SQLITE_TEXT;
    return 0;
}

static void set_int(draft *d, int f, long long v)
{
    cell_clear(&d->c[f]);
    d->c[f].type = SQLITE_INTEGER;
    d->c[f].i = v;
}

static void set_real(draft *d, int f, double v)
{
    cell_clear(&d->c[f]);
    d->c[f].type = SQLITE_FLOAT;
    d->c[f].r = v;
}

static bool is_null(const draft *d, int f) { return d->c[f].type == SQLITE_NULL; }
static long long get_int(const draft *d, int f) { return d->c[f].type == SQLITE_INTEGER ? d->c[f].i : (long long)d->c[f].r; }
static double get_real(const draft *d, int f) { return d->c[f].type == SQLITE_FLOAT ? d->c[f].r : (double)d->c[f].i; }
static const char *get_text(const draft *d, int f) { return d->c[f].t ? d->c[f].t : ""; }

static int day_of(const draft *d, int f)
{
    int day = 0;
    sp_date_parse(get_text(d, f), &day);
    return day;
}

static int set_day(draft *d, int f, int day)
{
    char s[11];
    sp_date_format(day, s);
    return set_text(d, f, s);
}

static int draft_load(sp_admin *a, long long id, draft *d)
{
    sqlite3_stmt *st = NULL;
    draft_init(d);
    if (sqlite3_prepare_v2(a->db, SQL_LOAD, -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the milestone failed");
    sqlite3_bind_int64(st, 1, id);
    int s = sqlite3_step(st);
    if (s != SQLITE_ROW) {
        sqlite3_finalize(st);
        return s == SQLITE_DONE ? sp_admin_fail(a, SP_EXIT_USAGE, "no milestone with id %lld", id)
                                : sp_admin_fail_sql(a, "reading the milestone failed");
    }
    int rc = SP_EXIT_OK;
    for (int i = 0; i < F_COUNT && !rc; i++) {
        switch (sqlite3_column_type(st, i)) {
        case SQLITE_INTEGER:
            /* scale, baseline and target are REAL columns: keep them real even when whole */
            if (i == F_SCALE_MIN || i == F_SCALE_MAX || i == F_BASELINE || i == F_TARGET)
                set_real(d, i, sqlite3_column_double(st, i));
            else
                set_int(d, i, sqlite3_column_int64(st, i));
            break;
        case SQLITE_FLOAT:
            set_real(d, i, sqlite3_column_double(st, i));
            break;
        case SQLITE_TEXT:
            if (set_text(d, i, (const char *)sqlite3_column_text(st, i)))
                rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
            break;
        default:
            break;
        }
    }
    sqlite3_finalize(st);
    if (rc)
        draft_free(d);
    return rc;
}

static void bind_draft(sqlite3_stmt *st, const draft *d)
{
    for (int i = 0; i < F_COUNT; i++) {
        const cell *c = &d->c[i];
        switch (c->type) {
        case SQLITE_INTEGER:
            sqlite3_bind_int64(st, i + 1, c->i);
            break;
        case SQLITE_FLOAT:
            sqlite3_bind_double(st, i + 1, c->r);
            break;
        case SQLITE_TEXT:
            sqlite3_bind_text(st, i + 1, c->t, -1, SQLITE_STATIC);
            break;
        default:
            sqlite3_bind_null(st, i + 1);
        }
    }
}

/* Writes the draft as a new row (id == 0) or over row id. */
static int draft_save(sp_admin *a, const draft *d, long long id, long long *new_id)
{
    sqlite3_stmt *st = NULL;
    char now[32];
    sp_ms_now(now);
    if (sqlite3_prepare_v2(a->db, id ? SQL_UPDATE : SQL_INSERT, -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "saving the milestone failed");
    bind_draft(st, d);
    sqlite3_bind_text(st, F_COUNT + 1, now, -1, SQLITE_TRANSIENT);
    if (id)
        sqlite3_bind_int64(st, F_COUNT + 2, id);
    int s = sqlite3_step(st);
    sqlite3_finalize(st);
    if (s != SQLITE_DONE)
        return sp_admin_fail_sql(a, "saving the milestone failed");
    if (new_id)
        *new_id = id ? id : sqlite3_last_insert_rowid(a->db);
    return SP_EXIT_OK;
}

/* A cell as text for the revision history; NULL for an empty cell. */
static const char *cell_text(const cell *c, char *buf, size_t len)
{
    switch (c->type) {
    case SQLITE_INTEGER:
        snprintf(buf, len, "%lld", c->i);
        return buf;
    case SQLITE_FLOAT: {
        char v[32];
        sp_format_value(c->r, v);
        snprintf(buf, len, "%s", v);
        return buf;
    }
    case SQLITE_TEXT:
        return c->t;
    default:
        return NULL;
    }
}

static bool cell_equal(const cell *x, const cell *y)
{
    if (x->type == SQLITE_NULL || y->type == SQLITE_NULL)
        return x->type == y->type;
    if (x->type == SQLITE_TEXT || y->type == SQLITE_TEXT)
        return x->type == y->type && strcmp(x->t, y->t) == 0;
    double a = x->type == SQLITE_FLOAT ? x->r : (double)x->i, b = y->type == SQLITE_FLOAT ? y->r : (double)y->i;
    return a == b;
}

/* ---- options ---------------------------------------------------------------------------------- */

enum {
    O_STUDENT, O_CLASS, O_TEMPLATE, O_STATEMENT, O_STUDENT_TEXT, O_CATEGORY, O_HORIZON, O_PARENT, O_UNIT,
    O_SCALE_MIN, O_SCALE_MAX, O_BASELINE, O_BASELINE_NOTE, O_TARGET, O_DIRECTION, O_TARGET_RULE, O_START, O_DUE,
    O_METHOD, O_SOURCE, O_SUPPORT, O_CADENCE_DAYS, O_CADENCE, O_VISIBILITY, O_STANDARD, O_AT_HOME, O_BY, O_REASON,
    O_STUDENT_SUPPORT, O_STUDENT_KNOW, O_STUDENT_OBSTACLES, O_COUNT
};

static const char *const OPT_NAMES[O_COUNT] = {
    "student", "class", "template", "statement", "student-text", "category", "horizon", "parent", "unit",
    "scale-min", "scale-max", "baseline", "baseline-note", "target", "direction", "target-rule", "start", "due",
    "method", "source", "support", "cadence-days", "cadence", "visibility", "standard", "at-home", "by", "reason",
    "student-support", "student-know", "student-obstacles"};

typedef enum { MODE_ADD, MODE_EDIT, MODE_REVISE } mode;

static void opts_init(sp_opt *o)
{
    for (int i = 0; i < O_COUNT; i++)
        o[i] = (sp_opt){OPT_NAMES[i], true, NULL};
}

/* The options that change how progress is judged: edit refuses them. */
static bool judged(int opt)
{
    return opt == O_BASELINE || opt == O_TARGET || opt == O_DIRECTION || opt == O_TARGET_RULE || opt == O_START ||
           opt == O_DUE || opt == O_METHOD;
}

static bool is_none(const char *v) { return strcmp(v, "none") == 0 || !*v; }

static int oom(sp_admin *a) { return sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory"); }

/* Text option into a text field. */
static int text_opt(sp_admin *a, draft *d, int f, const char *opt, const char *v, size_t max, bool multiline,
                    bool nonempty)
{
    int rc = sp_ms_check_text(a, opt, v, max, multiline, nonempty);
    if (rc)
        return rc;
    return set_text(d, f, v) ? oom(a) : SP_EXIT_OK;
}

static int number_opt(sp_admin *a, draft *d, int f, const char *opt, const char *v)
{
    char field[40];
    double x;
    snprintf(field, sizeof field, "--%s", opt);
    int rc = sp_admin_parse_number(a, field, v, &x);
    if (rc)
        return rc;
    set_real(d, f, x);
    return SP_EXIT_OK;
}

/* Applies the given options to the draft, checking each value on its own; check_draft() then
 * looks at the whole. --due comes last because "+6w" counts from the (new) start date (from
 * today on revise). */
static int apply_options(sp_admin *a, const sp_opt *o, mode m, draft *d, long long self_id)
{
    int rc = SP_EXIT_OK;
    for (int i = 0; i < O_COUNT; i++) {
        const char *v = o[i].value, *name = OPT_NAMES[i];
        if (!v || i == O_BY || i == O_REASON)
            continue;
        if (m == MODE_EDIT && judged(i))
            return sp_admin_fail(a, SP_EXIT_USAGE,
                                 "--%s changes how progress is judged; use `signpost-admin milestone revise %lld "
                                 "--%s VALUE --reason \"...\"` so the history keeps the old value and why it changed",
                                 name, self_id, name);
        if (m != MODE_ADD && i == O_STUDENT)
            return sp_admin_fail(a, SP_EXIT_USAGE,
                                 "--student: a milestone stays with its student; retire it and add a new one instead");
        long long id;
        switch (i) {
        case O_STUDENT:
            if ((rc = sp_admin_find_student(a, v, &id)))
                return rc;
            set_int(d, F_STUDENT, id);
            break;
        case O_CLASS:
            if (m != MODE_ADD && is_none(v)) {
                cell_clear(&d->c[F_CLASS]);
                break;
            }
            if ((rc = sp_admin_find_class(a, v, &id)))
                return rc;
            set_int(d, F_CLASS, id);
            break;
        case O_TEMPLATE:
            if (m != MODE_ADD && strcmp(v, "none") == 0) {
                cell_clear(&d->c[F_TEMPLATE]);
                break;
            }
            rc = text_opt(a, d, F_TEMPLATE, name, v, SP_MS_SHORT_MAX, false, true);
            break;
        case O_STATEMENT:
            rc = text_opt(a, d, F_STATEMENT, name, v, SP_MS_STATEMENT_MAX, true, true);
            break;
        case O_STUDENT_TEXT:
            rc = text_opt(a, d, F_STUDENT_TEXT, name, v, SP_MS_STUDENT_TEXT_MAX, false, true);
            break;
        case O_CATEGORY:
            if (!(rc = sp_ms_check_enum(a, name, v, SP_MS_CATEGORIES)))
                rc = set_text(d, F_CATEGORY, v) ? oom(a) : 0;
            break;
        case O_HORIZON:
            if (!(rc = sp_ms_check_enum(a, name, v, SP_MS_HORIZONS)))
                rc = set_text(d, F_HORIZON, v) ? oom(a) : 0;
            break;
        case O_DIRECTION:
            if (!(rc = sp_ms_check_enum(a, name, v, SP_MS_DIRECTIONS)))
                rc = set_text(d, F_DIRECTION, v) ? oom(a) : 0;
            break;
        case O_VISIBILITY:
            if (!(rc = sp_ms_check_enum(a, name, v, SP_MS_VISIBILITIES)))
                rc = set_text(d, F_VISIBILITY, v) ? oom(a) : 0;
            break;
        case O_PARENT:
            if (m != MODE_ADD && is_none(v)) {
                cell_clear(&d->c[F_PARENT]);
                break;
            }
            if ((rc = sp_admin_find_milestone(a, v, &id)))
                return rc;
            if (id == self_id)
                return sp_admin_fail(a, SP_EXIT_USAGE, "--parent: a milestone cannot be its own long-term goal");
            set_int(d, F_PARENT, id);
            break;
        case O_UNIT:
            rc = text_opt(a, d, F_UNIT, name, v, SP_MS_SHORT_MAX, false, false);
            break;
        case O_SCALE_MIN:
            rc = number_opt(a, d, F_SCALE_MIN, name, v);
            break;
        case O_SCALE_MAX:
            rc = number_opt(a, d, F_SCALE_MAX, name, v);
            break;
        case O_BASELINE:
            rc = number_opt(a, d, F_BASELINE, name, v);
            break;
        case O_TARGET:
            rc = number_opt(a, d, F_TARGET, name, v);
            break;
        case O_BASELINE_NOTE:
            rc = text_opt(a, d, F_BASELINE_NOTE, name, v, 1000, false, false);
            break;
        case O_TARGET_RULE: {
            int k, mm;
            if ((rc = sp_ms_check_rule(a, name, v, &k, &mm)))
                return rc;
            set_int(d, F_TARGET_K, k);
            set_int(d, F_TARGET_M, mm);
            break;
        }
        case O_START: {
            int day;
            if ((rc = sp_admin_parse_date(a, "--start", v, &day)))
                return rc;
            rc = set_day(d, F_START, day) ? oom(a) : 0;
            break;
        }
        case O_DUE:
            break; /* after --start: "+6w" counts from the start date */
        case O_METHOD:
            rc = text_opt(a, d, F_METHOD, name, v, SP_MS_NOTE_MAX, true, false);
            break;
        case O_SOURCE:
            rc = text_opt(a, d, F_SOURCE, name, v, SP_MS_NOTE_MAX, true, false);
            break;
        case O_SUPPORT:
            rc = text_opt(a, d, F_SUPPORT, name, v, SP_MS_SUPPORT_MAX, true, false);
            break;
        case O_CADENCE_DAYS: {
            int days;
            if ((rc = sp_ms_parse_int(a, name, v, 1, 366, &days)))
                return rc;
            set_int(d, F_CADENCE, days);
            break;
        }
        case O_CADENCE:
            if ((rc = text_opt(a, d, F_CADENCE_NOTE, name, v, 500, false, false)))
                return rc;
            if (!o[O_CADENCE_DAYS].value && sp_ms_cadence_from_text(v) > 0)
                set_int(d, F_CADENCE, sp_ms_cadence_from_text(v));
            break;
        case O_STANDARD:
            rc = text_opt(a, d, F_STANDARD, name, v, SP_MS_SHORT_MAX, false, false);
            break;
        case O_AT_HOME:
            rc = text_opt(a, d, F_AT_HOME, name, v, SP_MS_AT_HOME_MAX, true, false);
            break;
        case O_STUDENT_SUPPORT:
            rc = text_opt(a, d, F_STUDENT_SUPPORT, name, v, SP_MS_STUDENT_TEXT_MAX, false, false);
            break;
        case O_STUDENT_KNOW:
            rc = text_opt(a, d, F_STUDENT_KNOW, name, v, SP_MS_STUDENT_TEXT_MAX, false, false);
            break;
        case O_STUDENT_OBSTACLES:
            rc = text_opt(a, d, F_STUDENT_OBSTACLES, name, v, 2000, false, false);
            break;
        default:
            break;
        }
        if (rc)
            return rc;
    }
    if (o[O_DUE].value) {
        int day;
        if ((rc = sp_admin_parse_date(a, "--due", o[O_DUE].value, &day)))
            return rc;
        /* "+6w" counts from the start date when a milestone is written, from today on revise */
        if (o[O_DUE].value[0] == '+' || o[O_DUE].value[0] == '-')
            sp_date_parse_relative(o[O_DUE].value, m == MODE_REVISE ? a->today : day_of(d, F_START), &day);
        if (set_day(d, F_DUE, day))
            return oom(a);
    }
    return SP_EXIT_OK;
}

static bool direction_lower(const draft *d) { return strcmp(get_text(d, F_DIRECTION), "lower") == 0; }

/* Checks the draft as a whole. Add infers the direction from baseline and target when --direction
 * is not given; otherwise a direction that contradicts them is refused. */
static int check_draft(sp_admin *a, draft *d, const sp_opt *o, mode m)
{
    char b[32], t[32], lo[32], hi[32], s1[11], s2[11];
    int start = day_of(d, F_START), due = day_of(d, F_DUE);
    if (due <= start) {
        sp_date_format(due, s1);
        sp_date_format(start, s2);
        return sp_admin_fail(a, SP_EXIT_USAGE, "--due: the due date (%s) must be after the start date (%s)", s1, s2);
    }
    double target = get_real(d, F_TARGET);
    sp_format_value(target, t);
    if (!is_null(d, F_BASELINE)) {
        double base = get_real(d, F_BASELINE);
        sp_format_value(base, b);
        const char *blame = o[O_TARGET].value || !o[O_BASELINE].value ? "--target" : "--baseline";
        if (base == target)
            return sp_admin_fail(a, SP_EXIT_USAGE,
                                 "%s: the target (%s) is the same as the baseline (%s); a milestone needs a target "
                                 "that differs from where the student starts",
                                 blame, t, b);
        bool want_lower = target < base;
        if (m == MODE_ADD && !o[O_DIRECTION].value) {
            if (set_text(d, F_DIRECTION, want_lower ? "lower" : "higher"))
                return oom(a);
        } else if (want_lower != direction_lower(d)) {
            return sp_admin_fail(a, SP_EXIT_USAGE,
                                 "--direction: %s is better, but the target (%s) is %s the baseline (%s); use "
                                 "--direction %s or check the numbers",
                                 direction_lower(d) ? "lower" : "higher", t, want_lower ? "below" : "above", b,
                                 want_lower ? "lower" : "higher");
        }
    }
    if (is_null(d, F_SCALE_MIN) != is_null(d, F_SCALE_MAX))
        return sp_admin_fail(a, SP_EXIT_USAGE, "--scale-min and --scale-max go together (the ends of the progress bar)");
    if (!is_null(d, F_SCALE_MIN)) {
        double smin = get_real(d, F_SCALE_MIN), smax = get_real(d, F_SCALE_MAX);
        sp_format_value(smin, lo);
        sp_format_value(smax, hi);
        if (smin >= smax)
            return sp_admin_fail(a, SP_EXIT_USAGE, "--scale-max: expected a number above --scale-min (%s), got %s", lo,
                                 hi);
        if (target < smin || target > smax)
            return sp_admin_fail(a, SP_EXIT_USAGE, "--target: expected a value from %s to %s (the scale), got %s", lo,
                                 hi, t);
        if (!is_null(d, F_BASELINE) && (get_real(d, F_BASELINE) < smin || get_real(d, F_BASELINE) > smax))
            return sp_admin_fail(a, SP_EXIT_USAGE, "--baseline: expected a value from %s to %s (the scale), got %s",
                                 lo, hi, b);
    }
    if (!is_null(d, F_PARENT)) {
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(a->db, "SELECT student_id FROM milestones WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
            return sp_admin_fail_sql(a, "reading the parent milestone failed");
        sqlite3_bind_int64(st, 1, get_int(d, F_PARENT));
        long long owner = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
        sqlite3_finalize(st);
        if (owner != get_int(d, F_STUDENT))
            return sp_admin_fail(a, SP_EXIT_USAGE,
                                 "--parent: milestone %lld belongs to another student; a step links to a long-term "
                                 "goal of the same student",
                                 get_int(d, F_PARENT));
    }
    return SP_EXIT_OK;
}

static int staff_opt(sp_admin *a, const char *v, long long *id)
{
    *id = 0;
    return v ? sp_admin_find_staff(a, v, id) : SP_EXIT_OK;
}

static int milestone_id_arg(sp_admin *a, int npos, const char **pos, long long *id)
{
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected one milestone id (see `signpost-admin milestone list`)");
    return sp_admin_find_milestone(a, pos[0], id);
}

/* ---- add ------------------------------------------------------------------------------------- */

static int milestone_add(sp_admin *a, int argc, char **argv)
{
    sp_opt o[O_COUNT];
    opts_init(o);
    int rc;
    long long by = 0, id = 0;
    draft d;
    if ((rc = sp_admin_parse(a, argc, argv, o, O_COUNT, NULL, 0, NULL)))
        return rc;
    if (o[O_REASON].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--reason belongs to `milestone revise` and `milestone retire`");
    static const int REQUIRED[] = {O_STUDENT, O_STATEMENT, O_STUDENT_TEXT, O_CATEGORY, O_TARGET, O_DUE};
    for (size_t i = 0; i < sizeof REQUIRED / sizeof REQUIRED[0]; i++)
        if ((rc = sp_ms_required(a, OPT_NAMES[REQUIRED[i]], o[REQUIRED[i]].value)))
            return rc;
    if ((rc = staff_opt(a, o[O_BY].value, &by)))
        return rc;
    draft_init(&d);
    if (set_text(&d, F_HORIZON, o[O_PARENT].value ? "short" : "long") || set_text(&d, F_DIRECTION, "higher") ||
        set_text(&d, F_VISIBILITY, "kiosk") || set_day(&d, F_START, a->today) || set_text(&d, F_UNIT, "") ||
        set_text(&d, F_BASELINE_NOTE, "") || set_text(&d, F_METHOD, "") || set_text(&d, F_SOURCE, "") ||
        set_text(&d, F_SUPPORT, "") || set_text(&d, F_CADENCE_NOTE, "") || set_text(&d, F_STANDARD, "") ||
        set_text(&d, F_AT_HOME, "") || set_text(&d, F_STUDENT_SUPPORT, "") || set_text(&d, F_STUDENT_KNOW, "") ||
        set_text(&d, F_STUDENT_OBSTACLES, "")) {
        rc = oom(a);
        goto done;
    }
    set_int(&d, F_TARGET_K, 1);
    set_int(&d, F_TARGET_M, 1);
    set_int(&d, F_CADENCE, 7);
    if (by)
        set_int(&d, F_CREATED_BY, by);
    if ((rc = apply_options(a, o, MODE_ADD, &d, 0)) || (rc = check_draft(a, &d, o, MODE_ADD)))
        goto done;
    if (set_text(&d, F_STATUS, is_null(&d, F_BASELINE) ? "baselining" : "active")) {
        rc = oom(a);
        goto done;
    }
    if ((rc = draft_save(a, &d, 0, &id)))
        goto done;
    char name[256], sis[80];
    if ((rc = sp_ms_student_label(a, get_int(&d, F_STUDENT), name, sizeof name, sis, sizeof sis)))
        goto done;
    if (a->json)
        a->result = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s}", "id", (json_int_t)id, "student", sis, "status",
                              get_text(&d, F_STATUS), "direction", get_text(&d, F_DIRECTION), "start_date",
                              get_text(&d, F_START), "due_date", get_text(&d, F_DUE));
    sp_admin_printf(a, "Added milestone %lld for %s (%s): %s\n", id, name, sis, get_text(&d, F_STUDENT_TEXT));
    sp_admin_printf(a, "  %s to %s, %s is better%s\n", get_text(&d, F_START), get_text(&d, F_DUE),
                    get_text(&d, F_DIRECTION),
                    is_null(&d, F_BASELINE) ? "; no baseline yet: the first 3 checks will set it" : "");
done:
    draft_free(&d);
    return rc;
}

/* ---- edit and revise --------------------------------------------------------------------------- */

static int add_revision(sp_admin *a, sqlite3_stmt *st, long long id, const char *field, const char *old_v,
                        const char *new_v, const char *reason, long long by, const char *now)
{
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, field, -1, SQLITE_STATIC);
    if (old_v)
        sqlite3_bind_text(st, 4, old_v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, 4);
    if (new_v)
        sqlite3_bind_text(st, 5, new_v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, 5);
    sqlite3_bind_text(st, 6, reason, -1, SQLITE_STATIC);
    if (by)
        sqlite3_bind_int64(st, 7, by);
    else
        sqlite3_bind_null(st, 7);
    if (sqlite3_step(st) != SQLITE_DONE)
        return sp_admin_fail_sql(a, "saving the revision history failed");
    return SP_EXIT_OK;
}

/* Records every field that differs between old and new; returns the number in *changed. */
static int record_changes(sp_admin *a, long long id, const draft *old, const draft *new, const char *reason,
                          long long by, json_t *changes, int *changed)
{
    sqlite3_stmt *st = NULL;
    char now[32], b1[64], b2[64];
    int rc = SP_EXIT_OK;
    *changed = 0;
    sp_ms_now(now);
    if (sqlite3_prepare_v2(a->db,
                           "INSERT INTO milestone_revisions(milestone_id, changed_at, field, old_value, new_value,"
                           " reason, changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "saving the revision history failed");
    for (int f = 0; f < F_COUNT && !rc; f++) {
        const char *ov, *nv;
        const char *field = FIELD_NAMES[f];
        if (f == F_CREATED_BY || f == F_TARGET_M)
            continue;
        if (f == F_TARGET_K) {
            if (cell_equal(&old->c[F_TARGET_K], &new->c[F_TARGET_K]) &&
                cell_equal(&old->c[F_TARGET_M], &new->c[F_TARGET_M]))
                continue;
            snprintf(b1, sizeof b1, "%lld of %lld", get_int(old, F_TARGET_K), get_int(old, F_TARGET_M));
            snprintf(b2, sizeof b2, "%lld of %lld", get_int(new, F_TARGET_K), get_int(new, F_TARGET_M));
            ov = b1;
            nv = b2;
            field = "target_rule";
        } else {
            if (cell_equal(&old->c[f], &new->c[f]))
                continue;
            ov = cell_text(&old->c[f], b1, sizeof b1);
            nv = cell_text(&new->c[f], b2, sizeof b2);
        }
        rc = add_revision(a, st, id, field, ov, nv, reason, by, now);
        if (!rc && changes)
            json_array_append_new(changes, json_pack("{s:s, s:s?, s:s?}", "field", field, "old", ov, "new", nv));
        if (!rc && !a->json)
            fprintf(a->out, "  %s: %s \xE2\x86\x92 %s\n", field, ov ? ov : "(none)", nv ? nv : "(none)");
        (*changed)++;
    }
    sqlite3_finalize(st);
    return rc;
}

/* A revision of the target, the timeframe or the method starts a new phase. */
static bool starts_phase(const draft *old, const draft *new)
{
    static const int FIELDS[] = {F_TARGET, F_TARGET_K, F_TARGET_M, F_START, F_DUE, F_METHOD, F_DIRECTION};
    for (size_t i = 0; i < sizeof FIELDS / sizeof FIELDS[0]; i++)
        if (!cell_equal(&old->c[FIELDS[i]], &new->c[FIELDS[i]]))
            return true;
    return false;
}

static int insert_phase(sp_admin *a, long long id, int day, double value, double target, const char *due,
                        const char *method, const char *reason)
{
    sqlite3_stmt *st = NULL;
    char starts[11], now[32];
    sp_date_format(day, starts);
    sp_ms_now(now);
    if (sqlite3_prepare_v2(a->db,
                           "INSERT INTO milestone_phases(milestone_id, starts_on, start_value, target, due_date, method,"
                           " reason, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "saving the new phase failed");
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, starts, -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(st, 3, value);
    sqlite3_bind_double(st, 4, target);
    sqlite3_bind_text(st, 5, due, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, method, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, reason, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 8, now, -1, SQLITE_TRANSIENT);
    int s = sqlite3_step(st);
    sqlite3_finalize(st);
    return s == SQLITE_DONE ? SP_EXIT_OK : sp_admin_fail_sql(a, "saving the new phase failed");
}

/* Starts a new phase today (the revision date) from the level the student has reached: the aim
 * line is redrawn from there to the (new) target and due date. The first phase is written down
 * too, the first time, so the history holds every phase with its own target, due date and method. */
static int start_phase(sp_admin *a, long long id, const draft *old, const draft *new, const char *reason)
{
    sp_goal_reader *r = NULL;
    sp_goal_view v;
    int rc;
    char today[11];
    sp_date_format(a->today, today);
    if ((rc = sp_ms_reader(a, &r)))
        return rc;
    if ((rc = sp_ms_load(a, r, id, &v))) {
        sp_goal_reader_free(r);
        return rc;
    }
    double level;
    if (a->today < v.goal.start_day || !v.progress.has_baseline ||
        !sp_phase_start_value(v.points, v.npoints, a->today, true, v.progress.baseline, &level)) {
        /* not started yet, or still finding the starting point: the aim line is simply the new one */
        goto done;
    }
    if (day_of(new, F_DUE) <= a->today) {
        rc = sp_admin_fail(a, SP_EXIT_USAGE,
                           "--due: the revision starts a new phase today (%s); the due date (%s) must be after it", today,
                           get_text(new, F_DUE));
        goto done;
    }
    sqlite3_stmt *st = NULL;
    long long phases = 0;
    if (sqlite3_prepare_v2(a->db, "SELECT count(*) FROM milestone_phases WHERE milestone_id = ?1", -1, &st, NULL) !=
        SQLITE_OK) {
        rc = sp_admin_fail_sql(a, "reading the phases failed");
        goto done;
    }
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW)
        phases = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (!phases && (rc = insert_phase(a, id, day_of(old, F_START), v.progress.baseline, get_real(old, F_TARGET),
                                      get_text(old, F_DUE), get_text(old, F_METHOD), "the milestone as first written")))
        goto done;
    if ((rc = insert_phase(a, id, a->today, level, get_real(new, F_TARGET), get_text(new, F_DUE),
                           get_text(new, F_METHOD), reason)))
        goto done;
    char lv[32], tg[32];
    sp_format_value(level, lv);
    sp_format_value(get_real(new, F_TARGET), tg);
    sp_admin_printf(a, "  New phase %lld from %s: the aim line starts at %s (the level reached) and runs to %s by %s\n",
                    phases ? phases + 1 : 2, today, lv, tg, get_text(new, F_DUE));
done:
    sp_goal_view_clear(&v);
    sp_goal_reader_free(r);
    return rc;
}

static int edit_or_revise(sp_admin *a, int argc, char **argv, mode m)
{
    sp_opt o[O_COUNT];
    opts_init(o);
    const char *pos[1];
    int npos = 0, rc, changed = 0;
    long long id, by = 0;
    draft old, d;
    if ((rc = sp_admin_parse(a, argc, argv, o, O_COUNT, pos, 1, &npos)) || (rc = milestone_id_arg(a, npos, pos, &id)))
        return rc;
    const char *reason = o[O_REASON].value;
    if (m == MODE_REVISE && (rc = sp_ms_check_text(a, "reason", reason, 2000, false, true)))
        return rc;
    if (m == MODE_EDIT && reason && (rc = sp_ms_check_text(a, "reason", reason, 2000, false, true)))
        return rc;
    if (!reason)
        reason = "edited";
    if ((rc = staff_opt(a, o[O_BY].value, &by)) || (rc = draft_load(a, id, &old)))
        return rc;
    if ((rc = draft_load(a, id, &d))) {
        draft_free(&old);
        return rc;
    }
    const char *status = get_text(&old, F_STATUS);
    if (strcmp(status, "retired") == 0 || strcmp(status, "revised") == 0) {
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "milestone %lld is %s; add a new milestone instead", id, status);
        goto done;
    }
    if ((rc = apply_options(a, o, m, &d, id)) || (rc = check_draft(a, &d, o, m)))
        goto done;
    /* A baseline written by the teacher ends baselining. */
    if (!is_null(&d, F_BASELINE) && strcmp(status, "baselining") == 0 && set_text(&d, F_STATUS, "active")) {
        rc = oom(a);
        goto done;
    }
    json_t *changes = a->json ? json_array() : NULL;
    sp_admin_printf(a, "%s milestone %lld:\n", m == MODE_REVISE ? "Revised" : "Edited", id);
    if ((rc = record_changes(a, id, &old, &d, reason, by, changes, &changed)) ||
        (rc = changed ? draft_save(a, &d, id, NULL) : SP_EXIT_OK)) {
        json_decref(changes);
        goto done;
    }
    if (!changed) {
        json_decref(changes);
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "nothing to change: every value given is already the milestone's (see --help)");
        goto done;
    }
    if (m == MODE_REVISE && starts_phase(&old, &d) && (rc = start_phase(a, id, &old, &d, reason))) {
        json_decref(changes);
        goto done;
    }
    /* A met milestone whose target was raised is back in progress. */
    if (strcmp(get_text(&d, F_STATUS), "met") == 0) {
        sp_goal_reader *r = NULL;
        sp_goal_view v;
        if ((rc = sp_ms_reader(a, &r)))
            goto done_json;
        rc = sp_ms_load(a, r, id, &v);
        if (!rc && !v.progress.met) {
            draft before_status;
            draft_init(&before_status);
            set_text(&before_status, F_STATUS, "met");
            draft after_status;
            draft_init(&after_status);
            set_text(&after_status, F_STATUS, "active");
            int n2 = 0;
            rc = record_changes(a, id, &before_status, &after_status, reason, by, changes, &n2);
            draft_free(&before_status);
            draft_free(&after_status);
            if (!rc && set_text(&d, F_STATUS, "active") == 0)
                rc = draft_save(a, &d, id, NULL);
        }
        sp_goal_view_clear(&v);
        sp_goal_reader_free(r);
    }
done_json:
    if (!rc && a->json)
        a->result = json_pack("{s:I, s:s, s:o}", "id", (json_int_t)id, "reason", reason, "changes", changes);
    else
        json_decref(changes);
done:
    draft_free(&old);
    draft_free(&d);
    return rc;
}

static int milestone_edit(sp_admin *a, int argc, char **argv) { return edit_or_revise(a, argc, argv, MODE_EDIT); }
static int milestone_revise(sp_admin *a, int argc, char **argv) { return edit_or_revise(a, argc, argv, MODE_REVISE); }

/* ---- retire and reviewed ------------------------------------------------------------------------ */

static int milestone_retire(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"reason", true, NULL}, {"by", true, NULL}};
    const char *pos[1];
    int npos = 0, rc, changed = 0;
    long long id, by = 0;
    if ((rc = sp_admin_parse(a, argc, argv, o, 2, pos, 1, &npos)) || (rc = milestone_id_arg(a, npos, pos, &id)) ||
        (rc = sp_ms_check_text(a, "reason", o[0].value, 2000, false, true)) || (rc = staff_opt(a, o[1].value, &by)))
        return rc;
    draft old, d;
    if ((rc = draft_load(a, id, &old)))
        return rc;
    if ((rc = draft_load(a, id, &d))) {
        draft_free(&old);
        return rc;
    }
    if (strcmp(get_text(&old, F_STATUS), "retired") == 0) {
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "milestone %lld is already retired", id);
    } else if (set_text(&d, F_STATUS, "retired")) {
        rc = oom(a);
    } else {
        sp_admin_printf(a, "Retired milestone %lld:\n", id);
        if (!(rc = record_changes(a, id, &old, &d, o[0].value, by, NULL, &changed)))
            rc = draft_save(a, &d, id, NULL);
    }
    if (!rc && a->json)
        a->result = json_pack("{s:I, s:s, s:s}", "id", (json_int_t)id, "status", "retired", "reason", o[0].value);
    draft_free(&old);
    draft_free(&d);
    return rc;
}

static int milestone_reviewed(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"date", true, NULL}};
    const char *pos[1];
    int npos = 0, rc, day = a->today;
    long long id;
    if ((rc = sp_admin_parse(a, argc, argv, o, 1, pos, 1, &npos)) || (rc = milestone_id_arg(a, npos, pos, &id)))
        return rc;
    if (o[0].value && (rc = sp_admin_parse_date(a, "--date", o[0].value, &day)))
        return rc;
    if (day > a->today)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--date: a review cannot be in the future, got '%s'", o[0].value);
    char s[11];
    sp_date_format(day, s);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "UPDATE milestones SET last_reviewed_on = ?2 WHERE id = ?1", -1, &st, NULL) !=
        SQLITE_OK)
        return sp_admin_fail_sql(a, "saving the review date failed");
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, s, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    sqlite3_finalize(st);
    if (step != SQLITE_DONE)
        return sp_admin_fail_sql(a, "saving the review date failed");
    if (a->json)
        a->result = json_pack("{s:I, s:s}", "id", (json_int_t)id, "last_reviewed_on", s);
    sp_admin_printf(a, "Milestone %lld reviewed on %s.\n", id, s);
    return SP_EXIT_OK;
}

/* ---- apply-template ------------------------------------------------------------------------------ */

static int copy_rules(sp_admin *a, long long from, long long to)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "INSERT INTO if_then_rules(milestone_id, if_text, then_text, student_choice)"
                           " SELECT ?2, if_text, then_text, student_choice FROM if_then_rules WHERE milestone_id = ?1"
                           " ORDER BY id",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "copying the if/then rules failed");
    sqlite3_bind_int64(st, 1, from);
    sqlite3_bind_int64(st, 2, to);
    int s = sqlite3_step(st);
    sqlite3_finalize(st);
    return s == SQLITE_DONE ? SP_EXIT_OK : sp_admin_fail_sql(a, "copying the if/then rules failed");
}

static int milestone_apply_template(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"class", true, NULL}, {"key", true, NULL}, {"start", true, NULL}, {"due", true, NULL},
                  {"by", true, NULL}};
    const char *pos[1];
    int npos = 0, rc;
    long long src, class_id, by = 0;
    if ((rc = sp_admin_parse(a, argc, argv, o, 5, pos, 1, &npos)) || (rc = milestone_id_arg(a, npos, pos, &src)) ||
        (rc = sp_ms_required(a, "class", o[0].value)) || (rc = sp_admin_find_class(a, o[0].value, &class_id)) ||
        (rc = sp_ms_check_text(a, "key", o[1].value, SP_MS_SHORT_MAX, false, o[1].value != NULL)) ||
        (rc = staff_opt(a, o[4].value, &by)))
        return rc;
    draft d, old;
    if ((rc = draft_load(a, src, &d)))
        return rc;
    if ((rc = draft_load(a, src, &old))) {
        draft_free(&d);
        return rc;
    }
    sqlite3_stmt *st = NULL;
    json_t *added = json_array();
    int nadded = 0, nskipped = 0;
    char key[128];
    /* The template key groups the copies: given, the template's own, or one made from its id. */
    if (o[1].value)
        snprintf(key, sizeof key, "%s", o[1].value);
    else if (!is_null(&d, F_TEMPLATE))
        snprintf(key, sizeof key, "%s", get_text(&d, F_TEMPLATE));
    else
        snprintf(key, sizeof key, "milestone-%lld", src);
    if (strcmp(get_text(&d, F_STATUS), "retired") == 0) {
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "milestone %lld is retired; pick a current milestone as the template", src);
        goto done;
    }
    if (o[2].value) {
        int day;
        if ((rc = sp_admin_parse_date(a, "--start", o[2].value, &day)))
            goto done;
        set_day(&d, F_START, day);
    }
    if (o[3].value) {
        int day;
        if ((rc = sp_admin_parse_date(a, "--due", o[3].value, &day)))
            goto done;
        if (o[3].value[0] == '+' || o[3].value[0] == '-')
            sp_date_parse_relative(o[3].value, day_of(&d, F_START), &day);
        set_day(&d, F_DUE, day);
    } else if (o[2].value) { /* keep the template's length of time */
        set_day(&d, F_DUE, day_of(&d, F_START) + (day_of(&old, F_DUE) - day_of(&old, F_START)));
    }
    if (day_of(&d, F_DUE) <= day_of(&d, F_START)) {
        char s1[11], s2[11];
        sp_date_format(day_of(&d, F_DUE), s1);
        sp_date_format(day_of(&d, F_START), s2);
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "--due: the due date (%s) must be after the start date (%s)", s1, s2);
        goto done;
    }
    /* The template itself joins its group, so the class report counts it too. */
    if (is_null(&old, F_TEMPLATE) || strcmp(get_text(&old, F_TEMPLATE), key) != 0) {
        draft keyed;
        if ((rc = draft_load(a, src, &keyed)))
            goto done;
        int n = 0;
        char reason[200];
        snprintf(reason, sizeof reason, "applied as template '%s' to class %s", key, o[0].value);
        set_text(&keyed, F_TEMPLATE, key);
        if (!(rc = record_changes(a, src, &old, &keyed, reason, by, NULL, &n)))
            rc = draft_save(a, &keyed, src, NULL);
        draft_free(&keyed);
        if (rc)
            goto done;
    }
    set_text(&d, F_TEMPLATE, key);
    set_int(&d, F_CLASS, class_id);
    cell_clear(&d.c[F_BASELINE]);
    set_text(&d, F_BASELINE_NOTE, "");
    cell_clear(&d.c[F_PARENT]);
    set_text(&d, F_STATUS, "baselining");
    if (by)
        set_int(&d, F_CREATED_BY, by);
    if (strcmp(get_text(&d, F_HORIZON), "short") == 0)
        set_text(&d, F_HORIZON, "long"); /* its long-term goal belongs to the template's student */

    if (sqlite3_prepare_v2(a->db,
                           "SELECT s.id, s.sis_id, EXISTS (SELECT 1 FROM milestones m WHERE m.student_id = s.id"
                           "   AND m.template_key = ?2 AND m.status NOT IN ('retired', 'revised'))"
                           " FROM enrollments e JOIN students s ON s.id = e.student_id"
                           " WHERE e.class_id = ?1 AND s.archived = 0 ORDER BY s.family_name, s.given_name, s.sis_id",
                           -1, &st, NULL) != SQLITE_OK) {
        rc = sp_admin_fail_sql(a, "reading the class failed");
        goto done;
    }
    sqlite3_bind_int64(st, 1, class_id);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
    int s;
    sp_admin_printf(a, "Template %lld (%s) applied to class %s:\n", src, key, o[0].value);
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        long long student = sqlite3_column_int64(st, 0), id = 0;
        const char *sis = (const char *)sqlite3_column_text(st, 1);
        if (sqlite3_column_int(st, 2)) {
            nskipped++;
            sp_admin_printf(a, "  %-12s already has it (skipped)\n", sis);
            continue;
        }
        set_int(&d, F_STUDENT, student);
        if ((rc = draft_save(a, &d, 0, &id)) || (rc = copy_rules(a, src, id)))
            goto done;
        nadded++;
        json_array_append_new(added, json_pack("{s:I, s:s}", "id", (json_int_t)id, "student", sis));
        sp_admin_printf(a, "  %-12s milestone %lld (baselining)\n", sis, id);
    }
    if (s != SQLITE_DONE) {
        rc = sp_admin_fail_sql(a, "reading the class failed");
        goto done;
    }
    sp_admin_printf(a, "%d added, %d skipped (already had it).\n", nadded, nskipped);
    if (a->json) {
        a->result = json_pack("{s:I, s:s, s:s, s:O, s:i}", "template", (json_int_t)src, "template_key", key, "class",
                              o[0].value, "added", added, "skipped", nskipped);
    }
    rc = SP_EXIT_OK;
done:
    sqlite3_finalize(st);
    json_decref(added);
    draft_free(&d);
    draft_free(&old);
    return rc;
}

/* ---- list ----------------------------------------------------------------------------------------- */

static const char *display_light(const sp_goal_view *v)
{
    if (!sp_ms_status_open(v->status) || v->progress.light == SP_LIGHT_NONE)
        return "-";
    return sp_light_name(v->progress.light);
}

static int milestone_list(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"student", true, NULL}, {"class", true, NULL}, {"status", true, NULL}, {"light", true, NULL}};
    static const char *const LIGHTS[] = {"red", "yellow", "green", NULL};
    int rc;
    long long student = 0, class_id = 0;
    if ((rc = sp_admin_parse(a, argc, argv, o, 4, NULL, 0, NULL)))
        return rc;
    if ((o[0].value && (rc = sp_admin_find_student(a, o[0].value, &student))) ||
        (o[1].value && (rc = sp_admin_find_class(a, o[1].value, &class_id))) ||
        (o[2].value && strcmp(o[2].value, "all") != 0 && (rc = sp_ms_check_enum(a, "status", o[2].value, SP_MS_STATUSES))) ||
        (rc = sp_ms_check_enum(a, "light", o[3].value, LIGHTS)))
        return rc;
    sqlite3_stmt *st = NULL;
    sp_goal_reader *r = NULL;
    if ((rc = sp_ms_reader(a, &r)))
        return rc;
    if (sqlite3_prepare_v2(a->db,
                           "SELECT m.id, s.sis_id FROM milestones m JOIN students s ON s.id = m.student_id"
                           " WHERE (?1 = 0 OR m.student_id = ?1)"
                           " AND (?2 = 0 OR m.class_id = ?2 OR (m.class_id IS NULL AND m.student_id IN"
                           "   (SELECT student_id FROM enrollments WHERE class_id = ?2)))"
                           " AND (CASE WHEN ?3 IS NULL THEN m.status <> 'retired' WHEN ?3 = 'all' THEN 1"
                           "   ELSE m.status = ?3 END)"
                           " ORDER BY s.family_name, s.given_name, s.sis_id, m.id",
                           -1, &st, NULL) != SQLITE_OK) {
        sp_goal_reader_free(r);
        return sp_admin_fail_sql(a, "reading milestones failed");
    }
    sqlite3_bind_int64(st, 1, student);
    sqlite3_bind_int64(st, 2, class_id);
    if (o[2].value)
        sqlite3_bind_text(st, 3, o[2].value, -1, SQLITE_STATIC);
    sp_table *t = sp_table_new(8, (const char *const[]){"ID", "Student", "Category", "Status", "Light", "Due",
                                                          "Current", "Student text"});
    json_t *arr = json_array();
    int s;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        sp_goal_view v;
        char sis[80];
        snprintf(sis, sizeof sis, "%s", (const char *)sqlite3_column_text(st, 1));
        if ((rc = sp_ms_load(a, r, sqlite3_column_int64(st, 0), &v)))
            break;
        const char *light = display_light(&v);
        if (o[3].value && strcmp(light, o[3].value) != 0) {
            sp_goal_view_clear(&v);
            continue;
        }
        char id[24], due[11], cur[32] = "-", text[200];
        snprintf(id, sizeof id, "%lld", v.id);
        sp_date_format(v.goal.due_day, due);
        if (v.progress.has_current)
            sp_format_value(v.progress.current, cur);
        sp_ms_shorten(v.student_text, 50, text, sizeof text);
        sp_table_add(t, (const char *const[]){id, sis, v.category, v.status, light, due, cur, text});
        json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:o}", "id", (json_int_t)v.id,
                                             "student", sis, "category", v.category, "status", v.status, "light", light,
                                             "due_date", due, "student_text", v.student_text, "current",
                                             v.progress.has_current ? json_real(v.progress.current) : json_null()));
        sp_goal_view_clear(&v);
    }
    sqlite3_finalize(st);
    sp_goal_reader_free(r);
    if (!rc && s != SQLITE_DONE && s != SQLITE_ROW)
        rc = sp_admin_fail_sql(a, "reading milestones failed");
    if (!rc && !a->json)
        sp_table_print(t, a->out, "  (no milestones match)");
    sp_table_free(t);
    if (!rc && a->json)
        a->result = arr;
    else
        json_decref(arr);
    return rc;
}

/* ---- show ------------------------------------------------------------------------------------------ */

static const char *val_unit(double v, const char *unit, char *buf, size_t len)
{
    char n[32];
    sp_format_value(v, n);
    if (!*unit)
        snprintf(buf, len, "%s", n);
    else if (strcmp(unit, "%") == 0)
        snprintf(buf, len, "%s%%", n);
    else
        snprintf(buf, len, "%s %s", n, unit);
    return buf;
}

/* Prints a query's rows with a format per row; collects JSON rows under key. */
static int show_rows(sp_admin *a, const char *sql, long long id, const char *title, const char *empty, json_t *obj,
                     const char *key, void (*line)(sp_admin *, sqlite3_stmt *, int))
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, sql, -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the milestone failed");
    sqlite3_bind_int64(st, 1, id);
    json_t *arr = json_array();
    int s, n = 0;
    sp_admin_printf(a, "\n%s\n", title);
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        if (!a->json)
            line(a, st, ++n);
        json_array_append_new(arr, sp_json_from_stmt(st));
    }
    sqlite3_finalize(st);
    if (s != SQLITE_DONE) {
        json_decref(arr);
        return sp_admin_fail_sql(a, "reading the milestone failed");
    }
    if (!json_array_size(arr))
        sp_admin_printf(a, "  %s\n", empty);
    json_object_set_new(obj, key, arr);
    return SP_EXIT_OK;
}

static void support_line(sp_admin *a, sqlite3_stmt *st, int n)
{
    (void)n;
    const char *intensity = sqlite3_column_type(st, 2) == SQLITE_NULL ? "" : (const char *)sqlite3_column_text(st, 2);
    fprintf(a->out, "  %s  %s%s%s%s", sqlite3_column_text(st, 0), *intensity ? "[" : "", intensity,
            *intensity ? "] " : "", sqlite3_column_text(st, 1));
    if (sqlite3_column_type(st, 3) != SQLITE_NULL)
        fprintf(a->out, " (answers rule %lld)", (long long)sqlite3_column_int64(st, 3));
    const char *student = (const char *)sqlite3_column_text(st, 4);
    if (student && *student)
        fprintf(a->out, " (student sees: \"%s\")", student);
    fputc('\n', a->out);
}

/* The if/then rules with how each condition is read and whether it holds today; the ones that
 * hold are also listed at the top as the planned response. */
static int show_rules(sp_admin *a, const sp_goal_view *v, json_t *obj, bool open)
{
    sp_planner *planner = NULL;
    sp_planned *rules = NULL;
    size_t n = 0, ndue = 0;
    int rc;
    if ((rc = sp_planner_new(a, &planner)))
        return rc;
    rc = sp_planned_load(a, planner, v, &rules, &n, &ndue);
    sp_planner_free(planner);
    if (rc)
        return rc;
    json_t *arr = json_array();
    sp_admin_printf(a, "\nIf/then rules:\n");
    if (!n)
        sp_admin_printf(a, "  (none yet)\n");
    for (size_t i = 0; i < n; i++) {
        const sp_planned *r = &rules[i];
        char words[120];
        sp_condition_words(&r->cond, words, sizeof words);
        bool due = r->holds && open;
        if (!a->json) {
            fprintf(a->out, "  %zu. If %s, then %s%s%s%s\n", i + 1, r->if_text, r->then_text,
                    *r->choice ? " (student chip: \"" : "", r->choice, *r->choice ? "\")" : "");
            fprintf(a->out, "     rule %lld, decided %s; %s%s%s\n", r->id, *r->decided_on ? r->decided_on : "(date unknown)",
                    r->cond.kind == SP_COND_FREE_TEXT ? "free text: you judge when it holds"
                    : due                            ? "HOLDS NOW: time for the planned response"
                                                     : "checked against the data: does not hold today",
                    *r->acted_on ? "; last acted on " : "", r->acted_on);
        }
        json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:b, s:s?, s:s?}", "id", (json_int_t)r->id,
                                             "if_text", r->if_text, "then_text", r->then_text, "student_choice",
                                             r->choice, "condition", sp_condition_kind_name(r->cond.kind), "reads_as",
                                             words, "holds", due, "decided_on", *r->decided_on ? r->decided_on : NULL,
                                             "acted_on", *r->acted_on ? r->acted_on : NULL));
    }
    json_object_set_new(obj, "rules", arr);
    sp_planned_free(rules, n);
    return SP_EXIT_OK;
}

/* "Planned now:" lines under the light, for the rules whose condition holds. */
static int show_planned_now(sp_admin *a, const sp_goal_view *v, json_t *obj)
{
    sp_planner *planner = NULL;
    sp_planned *rules = NULL;
    size_t n = 0, ndue = 0;
    int rc;
    if ((rc = sp_planner_new(a, &planner)))
        return rc;
    rc = sp_planned_load(a, planner, v, &rules, &n, &ndue);
    sp_planner_free(planner);
    if (rc)
        return rc;
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        if (!rules[i].holds)
            continue;
        char sentence[700];
        sp_planned_sentence(&rules[i], sentence, sizeof sentence);
        sp_admin_printf(a, "  Planned now:   %s \xE2\x80\x94 rule %lld\n", sentence, rules[i].id);
        json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s?}", "rule_id", (json_int_t)rules[i].id, "if_text",
                                             rules[i].if_text, "then_text", rules[i].then_text, "decided_on",
                                             *rules[i].decided_on ? rules[i].decided_on : NULL));
    }
    json_object_set_new(obj, "planned_responses", arr);
    sp_planned_free(rules, n);
    return SP_EXIT_OK;
}

static void phase_line(sp_admin *a, sqlite3_stmt *st, int n)
{
    char from[32], target[32];
    sp_format_value(sqlite3_column_double(st, 1), from);
    sp_format_value(sqlite3_column_double(st, 2), target);
    fprintf(a->out, "  %d. from %s at %s to %s by %s%s%s \xE2\x80\x94 %s\n", n, sqlite3_column_text(st, 0), from, target,
            sqlite3_column_text(st, 3), *(const char *)sqlite3_column_text(st, 4) ? "; method: " : "",
            sqlite3_column_text(st, 4), sqlite3_column_text(st, 5));
}

static void revision_line(sp_admin *a, sqlite3_stmt *st, int n)
{
    (void)n;
    const char *ov = (const char *)sqlite3_column_text(st, 2), *nv = (const char *)sqlite3_column_text(st, 3);
    char o1[160], n1[160];
    sp_ms_shorten(ov ? ov : "(none)", 60, o1, sizeof o1);
    sp_ms_shorten(nv ? nv : "(none)", 60, n1, sizeof n1);
    fprintf(a->out, "  %.10s  %s: %s \xE2\x86\x92 %s \xE2\x80\x94 %s\n", sqlite3_column_text(st, 0),
            sqlite3_column_text(st, 1), o1, n1, sqlite3_column_text(st, 4));
}

static void celebration_line(sp_admin *a, sqlite3_stmt *st, int n)
{
    (void)n;
    fprintf(a->out, "  %.10s  %-13s %s%s\n", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
            sqlite3_column_text(st, 2), sqlite3_column_type(st, 3) == SQLITE_NULL ? " (not seen yet)" : "");
}

static int show_points(sp_admin *a, const sp_goal_view *v, json_t *obj)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "SELECT id, taken_on, value, source, note FROM measurements WHERE milestone_id = ?1"
                           " ORDER BY taken_on, id",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the data failed");
    sqlite3_bind_int64(st, 1, v->id);
    sp_table *t = sp_table_new(6, (const char *const[]){"Date", "Value", "Aim", "Meets aim", "Source", "Note"});
    json_t *arr = json_array();
    const sp_progress *p = &v->progress;
    int s;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        const char *date = (const char *)sqlite3_column_text(st, 1);
        int day = 0;
        sp_date_parse(date, &day);
        sp_point pt = {day, sqlite3_column_double(st, 2)};
        char val[32], aim[32] = "-", note[120];
        const char *meets = "-";
        sp_format_value(pt.value, val);
        json_t *row = json_pack("{s:I, s:s, s:f, s:s}", "id", (json_int_t)sqlite3_column_int64(st, 0), "date", date,
                                "value", pt.value, "source", (const char *)sqlite3_column_text(st, 3));
        if (v->goal.has_phase && day < v->goal.phase_day) {
            meets = "earlier phase";
            json_object_set_new(row, "aim", json_null());
            json_object_set_new(row, "meets_aim", json_null());
            json_object_set_new(row, "earlier_phase", json_true());
        } else if (p->has_baseline) {
            double aim_v = sp_aim_at(&v->goal, p->baseline, day);
            bool ok = sp_meets_aim(&v->goal, p->baseline, pt);
            sp_format_value(aim_v, aim);
            meets = ok ? "yes" : "no";
            json_object_set_new(row, "aim", json_real(aim_v));
            json_object_set_new(row, "meets_aim", json_boolean(ok));
        } else {
            json_object_set_new(row, "aim", json_null());
            json_object_set_new(row, "meets_aim", json_null());
        }
        json_object_set_new(row, "meets_target", json_boolean(sp_meets_target(&v->goal, pt.value)));
        sp_ms_shorten((const char *)sqlite3_column_text(st, 4), 40, note, sizeof note);
        sp_table_add(t, (const char *const[]){date, val, aim, meets, (const char *)sqlite3_column_text(st, 3), note});
        json_array_append_new(arr, row);
    }
    sqlite3_finalize(st);
    if (s != SQLITE_DONE) {
        sp_table_free(t);
        json_decref(arr);
        return sp_admin_fail_sql(a, "reading the data failed");
    }
    if (!a->json) {
        fprintf(a->out, "\nData (each check against the aim line):\n");
        sp_table_print(t, a->out, "  (no data yet)");
    }
    sp_table_free(t);
    json_object_set_new(obj, "points", arr);
    return SP_EXIT_OK;
}

static int milestone_show(sp_admin *a, int argc, char **argv)
{
    const char *pos[1];
    int npos = 0, rc;
    long long id;
    if ((rc = sp_admin_parse(a, argc, argv, NULL, 0, pos, 1, &npos)) || (rc = milestone_id_arg(a, npos, pos, &id)))
        return rc;
    sp_goal_reader *r = NULL;
    sp_goal_view v;
    draft d;
    if ((rc = sp_ms_reader(a, &r)))
        return rc;
    if ((rc = sp_ms_load(a, r, id, &v))) {
        sp_goal_reader_free(r);
        return rc;
    }
    if ((rc = draft_load(a, id, &d))) {
        sp_goal_view_clear(&v);
        sp_goal_reader_free(r);
        return rc;
    }
    json_t *obj = json_object();
    char name[256], sis[80], cls[80] = "", b1[128], b2[128], reason[200], cadence[32], due[11], start[11], today[11];
    const sp_progress *p = &v.progress;
    if ((rc = sp_ms_student_label(a, v.student_id, name, sizeof name, sis, sizeof sis)))
        goto done;
    if (!is_null(&d, F_CLASS)) {
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(a->db, "SELECT code FROM classes WHERE id = ?1", -1, &st, NULL) == SQLITE_OK) {
            sqlite3_bind_int64(st, 1, get_int(&d, F_CLASS));
            if (sqlite3_step(st) == SQLITE_ROW)
                snprintf(cls, sizeof cls, "%s", (const char *)sqlite3_column_text(st, 0));
        }
        sqlite3_finalize(st);
    }
    bool open = sp_ms_status_open(v.status);
    const char *light = display_light(&v);
    sp_ms_reason_text(&v, reason, sizeof reason);
    sp_ms_cadence_words(v.goal.cadence_days, cadence, sizeof cadence);
    sp_date_format(v.goal.start_day, start);
    sp_date_format(v.goal.due_day, due);
    sp_date_format(a->today, today);
    const char *unit = v.unit_label;

    if (!a->json) {
        FILE *f = a->out;
        fprintf(f, "Milestone %lld \xE2\x80\x94 %s (%s)", v.id, name, sis);
        if (*cls)
            fprintf(f, ", class %s", cls);
        if (!is_null(&d, F_TEMPLATE))
            fprintf(f, ", template %s", get_text(&d, F_TEMPLATE));
        fprintf(f, "\n\n");
        fprintf(f, "  Status:        %s\n", v.status);
        if (open && p->light != SP_LIGHT_NONE)
            fprintf(f, "  Light:         %s \xE2\x80\x94 %s\n", light, reason);
        else
            fprintf(f, "  Light:         none \xE2\x80\x94 %s\n", open ? reason : v.status);
        if (open && (rc = show_planned_now(a, &v, obj)))
            goto done;
        fprintf(f, "  Statement:     %s\n", v.statement);
        fprintf(f, "  Student text:  %s\n", v.student_text);
        fprintf(f, "  Category:      %s\n", v.category);
        if (v.parent_id)
            fprintf(f, "  Horizon:       %s (a step towards milestone %lld)\n", v.horizon, v.parent_id);
        else
            fprintf(f, "  Horizon:       %s\n", v.horizon);
        if (v.goal.has_baseline)
            fprintf(f, "  Baseline:      %s%s%s%s\n", val_unit(v.goal.baseline, unit, b1, sizeof b1),
                    *v.baseline_note ? " (" : "", v.baseline_note, *v.baseline_note ? ")" : "");
        else if (p->has_baseline)
            fprintf(f, "  Baseline:      none stored; %s from the first checks\n",
                    val_unit(p->baseline, unit, b1, sizeof b1));
        else
            fprintf(f, "  Baseline:      none yet \xE2\x80\x94 finding the starting point (%zu of 3 checks)\n",
                    v.npoints);
        fprintf(f, "  Target:        %s, %s is better, in %d of the last %d checks\n",
                val_unit(v.goal.target, unit, b1, sizeof b1),
                v.goal.direction == SP_LOWER_IS_BETTER ? "lower" : "higher", v.goal.target_k, v.goal.target_m);
        if (v.has_scale)
            fprintf(f, "  Scale:         %s to %s\n", val_unit(v.scale_min, "", b1, sizeof b1),
                    val_unit(v.scale_max, unit, b2, sizeof b2));
        fprintf(f, "  Timeframe:     %s to %s (%d days)\n", start, due, v.goal.due_day - v.goal.start_day);
        if (v.goal.has_phase) {
            sp_date_format(v.goal.phase_day, b2);
            fprintf(f, "  Phase:         since %s the aim line runs from %s to the target\n", b2,
                    val_unit(v.goal.phase_value, unit, b1, sizeof b1));
        }
        fprintf(f, "  Method:        %s\n", v.method);
        fprintf(f, "  Data source:   %s\n", v.data_source);
        fprintf(f, "  Support:       %s\n", v.support);
        fprintf(f, "  At home:       %s\n", *get_text(&d, F_AT_HOME) ? get_text(&d, F_AT_HOME) : "(none written yet)");
        fprintf(f, "  Student sees (kiosk): the parts below; an empty part is not shown\n");
        fprintf(f, "    My support:      %s\n", *v.student_support ? v.student_support : "(none)");
        fprintf(f, "    How we'll know:  %s\n", *v.student_know ? v.student_know : "(none)");
        fprintf(f, "    Obstacles:       %s\n", *v.student_obstacles ? v.student_obstacles : "(none)");
        fprintf(f, "  Review:        %s (every %d days)%s%s\n", cadence, v.goal.cadence_days,
                *v.cadence_note ? "; " : "", v.cadence_note);
        fprintf(f, "  Visibility:    %s\n", v.visibility);
        if (*v.standard_code)
            fprintf(f, "  Standard:      %s\n", v.standard_code);
        fprintf(f, "\n");
        if (p->has_current) {
            char ago[32];
            if (p->days_since_data == 0)
                snprintf(ago, sizeof ago, "today");
            else
                snprintf(ago, sizeof ago, "%d day%s ago", p->days_since_data, p->days_since_data == 1 ? "" : "s");
            fprintf(f, "  Current:       %s (%s)\n", val_unit(p->current, unit, b1, sizeof b1), ago);
        }
        if (p->has_baseline)
            fprintf(f, "  Aim today:     %s (%s)\n", val_unit(p->aim_today, unit, b1, sizeof b1), today);
        fprintf(f, "  Met:           %s\n", p->met ? "yes \xE2\x80\x94 the target rule holds" : "not yet");
        if (p->raise_goal && open)
            fprintf(f, "  Raise the goal? yes \xE2\x80\x94 the last 4 checks are above the aim line and at the "
                       "target before the due date\n");
        if (v.last_reviewed_day >= 0) {
            sp_date_format(v.last_reviewed_day, b1);
            fprintf(f, "  Last review:   %s\n", b1);
        }
        if (v.due_for_review && open)
            fprintf(f, "  Due for review: yes \xE2\x80\x94 due for its %s review\n", cadence);
        else
            fprintf(f, "  Due for review: no\n");
    }

    json_object_set_new(obj, "id", json_integer(v.id));
    json_object_set_new(obj, "student", json_string(sis));
    json_object_set_new(obj, "student_name", json_string(name));
    json_object_set_new(obj, "class", *cls ? json_string(cls) : json_null());
    json_object_set_new(obj, "template_key", is_null(&d, F_TEMPLATE) ? json_null() : json_string(get_text(&d, F_TEMPLATE)));
    json_object_set_new(obj, "status", json_string(v.status));
    json_object_set_new(obj, "statement", json_string(v.statement));
    json_object_set_new(obj, "student_text", json_string(v.student_text));
    json_object_set_new(obj, "category", json_string(v.category));
    json_object_set_new(obj, "horizon", json_string(v.horizon));
    json_object_set_new(obj, "parent_id", v.parent_id ? json_integer(v.parent_id) : json_null());
    json_object_set_new(obj, "unit", json_string(unit));
    json_object_set_new(obj, "baseline", v.goal.has_baseline ? json_real(v.goal.baseline) : json_null());
    json_object_set_new(obj, "baseline_note", json_string(v.baseline_note));
    json_object_set_new(obj, "effective_baseline", p->has_baseline ? json_real(p->baseline) : json_null());
    json_object_set_new(obj, "target", json_real(v.goal.target));
    json_object_set_new(obj, "direction", json_string(v.goal.direction == SP_LOWER_IS_BETTER ? "lower" : "higher"));
    json_object_set_new(obj, "target_k", json_integer(v.goal.target_k));
    json_object_set_new(obj, "target_m", json_integer(v.goal.target_m));
    json_object_set_new(obj, "start_date", json_string(start));
    json_object_set_new(obj, "due_date", json_string(due));
    json_object_set_new(obj, "method", json_string(v.method));
    json_object_set_new(obj, "data_source", json_string(v.data_source));
    json_object_set_new(obj, "support", json_string(v.support));
    json_object_set_new(obj, "at_home", json_string(get_text(&d, F_AT_HOME)));
    json_object_set_new(obj, "student_support", json_string(v.student_support));
    json_object_set_new(obj, "student_know", json_string(v.student_know));
    json_object_set_new(obj, "student_obstacles", json_string(v.student_obstacles));
    json_object_set_new(obj, "review_cadence_days", json_integer(v.goal.cadence_days));
    json_object_set_new(obj, "cadence_note", json_string(v.cadence_note));
    json_object_set_new(obj, "visibility", json_string(v.visibility));
    json_object_set_new(obj, "standard_code", json_string(v.standard_code));
    json_object_set_new(obj, "light", json_string(light));
    json_object_set_new(obj, "reason", json_string(reason));
    json_object_set_new(obj, "met", json_boolean(p->met));
    json_object_set_new(obj, "raise_goal", json_boolean(p->raise_goal && open));
    json_object_set_new(obj, "baselining", json_boolean(p->baselining));
    json_object_set_new(obj, "due_for_review", json_boolean(v.due_for_review && open));
    json_object_set_new(obj, "aim_today", p->has_baseline ? json_real(p->aim_today) : json_null());
    if (v.goal.has_phase) {
        char ps[11];
        sp_date_format(v.goal.phase_day, ps);
        json_object_set_new(obj, "phase_start", json_string(ps));
        json_object_set_new(obj, "phase_value", json_real(v.goal.phase_value));
    } else {
        json_object_set_new(obj, "phase_start", json_null());
        json_object_set_new(obj, "phase_value", json_null());
    }
    json_object_set_new(obj, "current", p->has_current ? json_real(p->current) : json_null());

    if (a->json && open && (rc = show_planned_now(a, &v, obj)))
        goto done;
    if ((rc = show_points(a, &v, obj)) ||
        (rc = show_rows(a, "SELECT changed_on AS date, note, intensity, rule_id, student_note FROM support_changes"
                            " WHERE milestone_id = ?1"
                           " ORDER BY changed_on, id",
                        id, "Support changes:", "(none yet)", obj, "support_changes", support_line)) ||
        (rc = show_rules(a, &v, obj, open)) ||
        (rc = show_rows(a, "SELECT starts_on, start_value, target, due_date, method, reason FROM milestone_phases"
                           " WHERE milestone_id = ?1 ORDER BY starts_on, id",
                        id, "Phases:", "(one phase: the aim line runs from the start date and the baseline)", obj,
                        "phases", phase_line)) ||
        (rc = show_rows(a, "SELECT changed_at, field, old_value, new_value, reason FROM milestone_revisions"
                           " WHERE milestone_id = ?1 ORDER BY changed_at, id",
                        id, "Revision history:", "(no changes since it was written)", obj, "revisions",
                        revision_line)) ||
        (rc = show_rows(a, "SELECT created_at, kind, message, seen_at FROM celebrations WHERE milestone_id = ?1"
                           " AND withdrawn_at IS NULL"
                           " ORDER BY created_at, id",
                        id, "Celebrations:", "(none yet)", obj, "celebrations", celebration_line)))
        goto done;
    if (a->json) {
        a->result = obj;
        obj = NULL;
    }
done:
    json_decref(obj);
    draft_free(&d);
    sp_goal_view_clear(&v);
    sp_goal_reader_free(r);
    return rc;
}

/* ---- the noun ------------------------------------------------------------------------------------------ */

#define FIELD_HELP                                                                                                    \
    "  --statement TEXT       teacher wording\n"                                                                     \
    "  --student-text TEXT    plain words the student can repeat back (\"I will ...\")\n"                            \
    "  --category C           academic, behavior, social-emotional or future-readiness\n"                             \
    "  --horizon H            short (a step; give --parent) or long\n"                                                \
    "  --parent ID            the long-term goal this step leads to\n"                                                \
    "  --class CODE           the class it belongs to\n"                                                               \
    "  --template KEY         groups milestones of many students for the class report\n"                              \
    "  --unit LABEL           unit of the values: \"rubric points\", \"%\", \"prompts a day\"\n"                   \
    "  --scale-min N --scale-max N   ends of the progress bar\n"                                                      \
    "  --baseline N           where the student starts (omit: the first 3 checks set it)\n"                          \
    "  --baseline-note TEXT   how the baseline was found\n"                                                            \
    "  --target N             where the student is headed\n"                                                           \
    "  --direction D          higher or lower is better (add infers it from baseline and target)\n"                   \
    "  --target-rule \"K of M\" met when K of the last M checks meet the target (default 1 of 1)\n"                   \
    "  --start DATE           start date (default today)\n"                                                            \
    "  --due DATE             due date: YYYY-MM-DD, or +6w / +30d counted from the start date\n"                      \
    "  --method TEXT          how evidence is captured\n"                                                               \
    "  --source TEXT          where the data comes from\n"                                                             \
    "  --support TEXT         the support (intervention) the student gets\n"                                          \
    "  The kiosk shows only the student's own words (a part left empty is not shown):\n"                              \
    "  --student-support TEXT \"My support\" in the student's words: \"I get help in a small group twice a week.\"\n" \
    "  --student-know TEXT    \"How we'll know\" in the student's words: \"My teacher scores my writing.\"\n"           \
    "  --student-obstacles T  what may get in the way, as choices split by |: \"I ran out of time|I got stuck\"\n"       \
    "  --cadence-days N       review period in days (default 7)\n"                                                     \
    "  --cadence TEXT         review cadence in words: \"weekly check, monthly review\" (sets the period too)\n"      \
    "  --visibility V         kiosk, conference or staff\n"                                                             \
    "  --standard CODE        standard or learning target code\n"                                                      \
    "  --at-home TEXT         what the family can do at home, written for families (family summary and\n"      \
    "                         conference mode show it)\n"                                                      \
    "  --by STAFFCODE         who wrote it\n"

static const sp_admin_verb MILESTONE_VERBS[] = {
    {"add", milestone_add, 0, "write a milestone for a student",
     "Usage: signpost-admin milestone add --student SIS --statement TEXT --student-text TEXT --category C\n"
     "                                    --target N --due DATE [options]\n\n"
     "Writes a milestone. Without --baseline it starts as 'baselining': the first 3 checks set the\n"
     "baseline (their median). The due date must be after the start date, and the target must differ\n"
     "from the baseline.\n\n"
     "Options:\n"
     "  --student SIS          the student (SIS id)\n" FIELD_HELP
     "\nExample (8th grade ELA):\n"
     "  signpost-admin milestone add --student S1001 --class ELA8-2 --category academic --horizon short \\\n"
     "    --statement \"Student will include a clear claim and at least 2 pieces of evidence...\" \\\n"
     "    --student-text \"I will write 3 paragraphs with a claim and 2 pieces of evidence.\" \\\n"
     "    --unit \"rubric points\" --scale-min 0 --scale-max 4 --baseline 1.5 --target 3 \\\n"
     "    --target-rule \"4 of 5\" --due +6w --method \"rubric check per assignment\" \\\n"
     "    --support \"small-group writing workshop twice weekly + sentence stems\" \\\n"
     "    --cadence \"weekly check, monthly review\"\n"},
    {"list", milestone_list, SP_VERB_READONLY, "list milestones with their traffic lights",
     "Usage: signpost-admin milestone list [--student SIS] [--class CODE] [--status S|all] [--light L]\n\n"
     "Lists milestones (all but retired ones unless --status says otherwise) with status, traffic\n"
     "light, due date, latest value and the student's words.\n\n"
     "  --status S   baselining, active, met, not-met, revised, retired, or all\n"
     "  --light L    red, yellow or green\n\n"
     "Example:\n  signpost-admin milestone list --class ELA8-2 --light red\n"},
    {"show", milestone_show, SP_VERB_READONLY, "every part of one milestone, its data and history",
     "Usage: signpost-admin milestone show ID\n\n"
     "Shows every part of the milestone, the traffic light and its reason, whether it is met, a\n"
     "raise-the-goal suggestion, whether it is due for review, each data point with the aim line's\n"
     "value on that date, support changes, if/then rules, the revision history and celebrations.\n\n"
     "Example:\n  signpost-admin milestone show 12\n"},
    {"edit", milestone_edit, 0, "change wording, support, visibility and other simple fields",
     "Usage: signpost-admin milestone edit ID [--reason TEXT] [options]\n\n"
     "Changes fields that do not change how progress is judged. Baseline, target, direction, target\n"
     "rule, dates and method need `milestone revise` with a reason. Every change is kept in the\n"
     "revision history.\n\n"
     "Options:\n" FIELD_HELP "  --reason TEXT          why (kept in the history; default \"edited\")\n"
     "  (--class, --parent, --template take 'none' to clear)\n\n"
     "Example:\n  signpost-admin milestone edit 12 --student-text \"I will use 2 pieces of evidence.\"\n"},
    {"revise", milestone_revise, 0, "change target, dates, method or baseline, with a reason",
     "Usage: signpost-admin milestone revise ID --reason TEXT [--target N] [--due DATE] [--method TEXT]\n"
     "                                       [--target-rule \"K of M\"] [--baseline N] [other options]\n\n"
     "Milestones evolve: raise the target, shorten the timeframe, change the method. Each changed\n"
     "field's old and new value is kept with the date and the reason. A change of target, timeframe\n"
     "or method starts a new phase: the aim line starts today from the level reached (the median of\n"
     "the last 3 checks) and runs to the new target; checks from today on are judged against it.\n"
     "Relative dates count from today (--due +2w is two weeks from today).\n\n"
     "Options:\n" FIELD_HELP "  --reason TEXT          why it changed (required)\n\n"
     "Example:\n  signpost-admin milestone revise 12 --target 3.5 --reason \"met 3 early; raising the goal\"\n"},
    {"retire", milestone_retire, 0, "stop tracking a milestone (kept for the record)",
     "Usage: signpost-admin milestone retire ID --reason TEXT [--by STAFFCODE]\n\n"
     "Retires the milestone: it leaves the kiosk and the review, its data and history stay.\n\n"
     "Example:\n  signpost-admin milestone retire 12 --reason \"student moved to another section\"\n"},
    {"reviewed", milestone_reviewed, 0, "record that a milestone was reviewed",
     "Usage: signpost-admin milestone reviewed ID [--date DATE]\n\n"
     "Records the review date (default today); `review` counts the review cadence from it.\n\n"
     "Example:\n  signpost-admin milestone reviewed 12\n"},
    {"translate", sp_cmd_milestone_translate, 0, "give a milestone's student texts in another language",
     sp_cmd_milestone_translate_help},
    {"apply-template", milestone_apply_template, 0, "copy a milestone to every student of a class",
     "Usage: signpost-admin milestone apply-template ID --class CODE [--key KEY] [--start DATE] [--due DATE]\n\n"
     "Copies milestone ID (wording, target, method, support, if/then rules) to every current student\n"
     "of the class. Each copy starts as 'baselining' (its student's own first checks set the baseline)\n"
     "and carries the template key (--key, else the template's own, else milestone-ID) so the class\n"
     "report can group them. Students who already have a milestone with that key are skipped.\n\n"
     "Example:\n  signpost-admin milestone apply-template 12 --class ELA8-2 --key claim-evidence\n"},
    {0}};

const sp_admin_noun sp_cmd_milestone = {"milestone", "write, revise and show students' success milestones",
                                        MILESTONE_VERBS};
