/* milestone_fields.c — helpers shared by the milestone-related verbs (see milestone_fields.h).
 *
 * sp_ms_record() is the one place a measurement enters the database, so `measurement add` and
 * `measurement import` treat a point the same way: the milestone is read before and after the
 * insert through the goal reader, and the difference decides the baseline, the celebrations and
 * whether the milestone is now met. */
#include "milestone_fields.h"
#include "celebrations.h"
#include "dates.h"
#include "db.h"
#include "table_out.h"
#include "text.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const SP_MS_CATEGORIES[] = {"academic", "behavior", "social-emotional", "future-readiness", NULL};
const char *const SP_MS_HORIZONS[] = {"short", "long", NULL};
const char *const SP_MS_DIRECTIONS[] = {"higher", "lower", NULL};
const char *const SP_MS_VISIBILITIES[] = {"kiosk", "conference", "staff", NULL};
const char *const SP_MS_STATUSES[] = {"baselining", "active", "met", "not-met", "revised", "retired", NULL};
const char *const SP_MS_SOURCES[] = {"teacher", "self", "staff", "import", NULL};

void sp_ms_now(char out[32]) { sp_now_iso(out); }

int sp_ms_check_enum(sp_admin *a, const char *opt, const char *value, const char *const *allowed)
{
    char list[200] = "", ex[120];
    if (!value)
        return SP_EXIT_OK;
    for (int i = 0; allowed[i]; i++) {
        if (strcmp(value, allowed[i]) == 0)
            return SP_EXIT_OK;
        size_t len = strlen(list);
        snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "", allowed[i]);
    }
    return sp_admin_fail(a, SP_EXIT_USAGE, "--%s: expected one of %s, got '%s'", opt, list,
                         sp_excerpt(value, ex, sizeof ex));
}

int sp_ms_required(sp_admin *a, const char *opt, const char *value)
{
    if (!value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--%s is required (see --help)", opt);
    return SP_EXIT_OK;
}

int sp_ms_check_text(sp_admin *a, const char *opt, const char *value, size_t max, bool multiline, bool required)
{
    char field[48];
    int rc;
    if (required && (rc = sp_ms_required(a, opt, value)))
        return rc;
    if (!value)
        return SP_EXIT_OK;
    snprintf(field, sizeof field, "--%s", opt);
    if ((rc = sp_admin_check_text(a, field, value, max, multiline)))
        return rc;
    if (required && !*value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--%s: expected 1 to %zu characters, got an empty value", opt, max);
    return SP_EXIT_OK;
}

bool sp_ms_parse_rule(const char *s, int *k, int *m)
{
    char *end;
    if (!s)
        return false;
    while (*s == ' ')
        s++;
    if (!isdigit((unsigned char)*s))
        return false;
    long kk = strtol(s, &end, 10);
    s = end;
    while (*s == ' ')
        s++;
    if (*s == '/')
        s++;
    else if (strncmp(s, "out of", 6) == 0)
        s += 6;
    else if (strncmp(s, "of", 2) == 0)
        s += 2;
    else
        return false;
    while (*s == ' ')
        s++;
    if (!isdigit((unsigned char)*s))
        return false;
    long mm = strtol(s, &end, 10);
    s = end;
    while (*s == ' ')
        s++;
    if (*s || kk < 1 || mm < kk || mm > 50)
        return false;
    *k = (int)kk;
    *m = (int)mm;
    return true;
}

int sp_ms_check_rule(sp_admin *a, const char *opt, const char *value, int *k, int *m)
{
    char ex[120];
    if (!sp_ms_parse_rule(value, k, m))
        return sp_admin_fail(a, SP_EXIT_USAGE,
                             "--%s: expected \"K of M\" (K of the last M checks meet the target, 1 <= K <= M <= 50) "
                             "such as \"4 of 5\", got '%s'",
                             opt, sp_excerpt(value, ex, sizeof ex));
    return SP_EXIT_OK;
}

int sp_ms_parse_int(sp_admin *a, const char *opt, const char *value, int lo, int hi, int *out)
{
    char *end = NULL, ex[120];
    long v = value ? strtol(value, &end, 10) : 0;
    if (!value || !*value || *end || v < lo || v > hi)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--%s: expected a whole number from %d to %d, got '%s'", opt, lo, hi,
                             sp_excerpt(value, ex, sizeof ex));
    *out = (int)v;
    return SP_EXIT_OK;
}

int sp_ms_cadence_from_text(const char *text)
{
    static const struct {
        const char *word;
        int days;
    } WORDS[] = {{"daily", 1},    {"every day", 1},  {"biweekly", 14}, {"fortnight", 14}, {"every 2 weeks", 14},
                 {"weekly", 7},   {"every week", 7}, {"monthly", 30},  {"every month", 30}};
    if (!text)
        return 0;
    char low[512];
    size_t n = strlen(text);
    if (n >= sizeof low)
        n = sizeof low - 1;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)text[i]);
    low[n] = 0;
    const char *first = NULL;
    int days = 0;
    for (size_t i = 0; i < sizeof WORDS / sizeof WORDS[0]; i++) {
        const char *p = strstr(low, WORDS[i].word);
        /* "biweekly" contains "weekly": the longer word found at the same place or earlier wins */
        if (p && (!first || p < first)) {
            first = p;
            days = WORDS[i].days;
        }
    }
    return days;
}

void sp_ms_cadence_words(int days, char *out, size_t outlen)
{
    if (days == 1)
        snprintf(out, outlen, "daily");
    else if (days == 7)
        snprintf(out, outlen, "weekly");
    else if (days % 7 == 0 && days < 28)
        snprintf(out, outlen, "%d-week", days / 7);
    else if (days >= 28 && days <= 31)
        snprintf(out, outlen, "monthly");
    else
        snprintf(out, outlen, "%d-day", days);
}

void sp_ms_shorten(const char *s, size_t max_chars, char *out, size_t outlen)
{
    size_t o = 0, chars = 0;
    const char *p = s ? s : "";
    if (!outlen)
        return;
    while (*p) {
        const char *q = p;
        sp_utf8_next(&q);
        size_t len = (size_t)(q - p);
        if (chars == max_chars || o + len + 4 > outlen) {
            if (o + 4 <= outlen) {
                memcpy(out + o, "\xE2\x80\xA6", 3);
                o += 3;
            }
            break;
        }
        for (size_t i = 0; i < len; i++)
            out[o++] = (p[i] == '\n' || p[i] == '\t') ? ' ' : p[i];
        p = q;
        chars++;
    }
    out[o] = 0;
}

int sp_ms_student_label(sp_admin *a, long long student_id, char *name, size_t namelen, char *sis, size_t sislen)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "SELECT sis_id, CASE WHEN preferred_name <> '' THEN preferred_name ELSE given_name END"
                           " || CASE WHEN family_name <> '' THEN ' ' || family_name ELSE '' END"
                           " FROM students WHERE id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the student failed");
    sqlite3_bind_int64(st, 1, student_id);
    int s = sqlite3_step(st);
    if (s == SQLITE_ROW) {
        snprintf(sis, sislen, "%s", (const char *)sqlite3_column_text(st, 0));
        snprintf(name, namelen, "%s", (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    if (s != SQLITE_ROW)
        return sp_admin_fail(a, SP_EXIT_RUNTIME, "student %lld is missing", student_id);
    return SP_EXIT_OK;
}

const char *sp_ms_reason_text(const sp_goal_view *v, char *out, size_t outlen)
{
    const sp_progress *p = &v->progress;
    switch (p->reason) {
    case SP_REASON_FOUR_BELOW_AIM:
        snprintf(out, outlen, "last %d checks below the aim line \xE2\x80\x94 time to change the support",
                 p->misses_in_a_row);
        break;
    case SP_REASON_BELOW_AIM:
        if (p->misses_in_a_row > 1)
            snprintf(out, outlen, "last %d checks below the aim line \xE2\x80\x94 watch the next checks",
                     p->misses_in_a_row);
        else
            snprintf(out, outlen, "latest check below the aim line \xE2\x80\x94 watch the next checks");
        break;
    case SP_REASON_STALE:
        snprintf(out, outlen, "no new data for %d days", p->days_since_data);
        break;
    case SP_REASON_NO_DATA:
        snprintf(out, outlen, "no data yet");
        break;
    case SP_REASON_LATEST_MEETS_AIM:
        snprintf(out, outlen, "latest check meets the aim line");
        break;
    case SP_REASON_TREND_MEETS_AIM:
        snprintf(out, outlen, "the trend of the recent checks is on track");
        break;
    case SP_REASON_BASELINING:
        snprintf(out, outlen, "finding the starting point (%zu of 3 checks so far)", v->npoints);
        break;
    case SP_REASON_MET:
        snprintf(out, outlen, "the target rule holds \xE2\x80\x94 met");
        break;
    case SP_REASON_NONE:
        snprintf(out, outlen, "%s", sp_reason_words(p->reason));
        break;
    }
    return out;
}

bool sp_ms_status_open(const char *status)
{
    return strcmp(status, "active") == 0 || strcmp(status, "baselining") == 0;
}

int sp_ms_reader(sp_admin *a, sp_goal_reader **r)
{
    char err[256];
    *r = sp_goal_reader_new(a->db, err, sizeof err);
    if (!*r)
        return sp_admin_fail(a, SP_EXIT_RUNTIME, "%s", err);
    return SP_EXIT_OK;
}

int sp_ms_load(sp_admin *a, sp_goal_reader *r, long long id, sp_goal_view *v)
{
    int rc = sp_goal_load(r, id, a->today, v);
    if (rc == SQLITE_NOTFOUND)
        return sp_admin_fail(a, SP_EXIT_USAGE, "no milestone with id %lld", id);
    if (rc != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the milestone failed");
    return SP_EXIT_OK;
}

bool sp_ms_value_in_scale(const sp_goal_view *v, double value, char *expected, size_t len)
{
    if (!v->has_scale || (value >= v->scale_min && value <= v->scale_max))
        return true;
    char lo[32], hi[32];
    sp_format_value(v->scale_min, lo);
    sp_format_value(v->scale_max, hi);
    snprintf(expected, len, "a value from %s to %s (the scale of milestone %lld)", lo, hi, v->id);
    return false;
}

static int exec_update(sp_admin *a, sqlite3_stmt *st, const char *what)
{
    int s = sqlite3_step(st);
    int rc = s == SQLITE_DONE ? SP_EXIT_OK : sp_admin_fail_sql(a, what);
    sqlite3_finalize(st);
    return rc;
}

/* Words for the note of a baseline set from data, following sp_baseline_from_data's rule. */
static void baseline_note(const sp_point *pts, size_t n, char *out, size_t outlen)
{
    size_t in_window = 0;
    while (in_window < n && pts[in_window].day < pts[0].day + 14)
        in_window++;
    if (in_window > 3)
        snprintf(out, outlen, "set from the median of the %zu checks in the first 2 weeks", in_window);
    else if (n >= 3)
        snprintf(out, outlen, "set from the median of the first 3 checks");
    else
        snprintf(out, outlen, "set from the median of the %zu check%s of the first 2 weeks", n, n == 1 ? "" : "s");
}

static int set_baseline(sp_admin *a, sp_goal_view *after, sp_ms_outcome *o)
{
    char now[32];
    sqlite3_stmt *st = NULL;
    double b = after->progress.baseline;
    if (b == after->goal.target)
        return SP_EXIT_OK; /* the starting point is the target itself: leave it for a teacher */
    baseline_note(after->points, after->npoints, o->baseline_note, sizeof o->baseline_note);
    sp_ms_now(now);
    if (sqlite3_prepare_v2(a->db,
                           "UPDATE milestones SET baseline = ?2, baseline_note = CASE WHEN baseline_note = '' THEN ?3"
                           " ELSE baseline_note || ' (' || ?3 || ')' END, status = 'active', updated_at = ?4"
                           " WHERE id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "setting the baseline failed");
    sqlite3_bind_int64(st, 1, after->id);
    sqlite3_bind_double(st, 2, b);
    sqlite3_bind_text(st, 3, o->baseline_note, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
    int rc = exec_update(a, st, "setting the baseline failed");
    if (rc)
        return rc;
    o->baseline_set = true;
    o->baseline = b;
    after->goal.has_baseline = true;
    after->goal.baseline = b;
    snprintf(after->status, sizeof after->status, "active");
    return SP_EXIT_OK;
}

static int mark_met(sp_admin *a, long long id)
{
    char now[32];
    sqlite3_stmt *st = NULL;
    sp_ms_now(now);
    if (sqlite3_prepare_v2(a->db, "UPDATE milestones SET status = 'met', updated_at = ?2 WHERE id = ?1", -1, &st,
                           NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "marking the milestone met failed");
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
    return exec_update(a, st, "marking the milestone met failed");
}

int sp_ms_record(sp_admin *a, sp_goal_reader *r, const sp_ms_measurement *m, sp_ms_outcome *o)
{
    sp_goal_view before = {0}, after = {0};
    sqlite3_stmt *st = NULL;
    char now[32];
    int rc;
    memset(o, 0, sizeof *o);
    if ((rc = sp_ms_load(a, r, m->milestone_id, &before)))
        return rc;
    if (strcmp(before.status, "retired") == 0 || strcmp(before.status, "revised") == 0) {
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "milestone %lld is %s and takes no more data", before.id, before.status);
        goto done;
    }
    char day[11];
    sp_date_format(m->day, day);
    sp_ms_now(now);
    if (sqlite3_prepare_v2(a->db,
                           "INSERT INTO measurements(milestone_id, taken_on, value, source, note, evidence_link,"
                           " entered_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           -1, &st, NULL) != SQLITE_OK) {
        rc = sp_admin_fail_sql(a, "saving the measurement failed");
        goto done;
    }
    sqlite3_bind_int64(st, 1, m->milestone_id);
    sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 3, m->value);
    sqlite3_bind_text(st, 4, m->source ? m->source : "teacher", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, m->note ? m->note : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, m->evidence ? m->evidence : "", -1, SQLITE_STATIC);
    if (m->entered_by)
        sqlite3_bind_int64(st, 7, m->entered_by);
    else
        sqlite3_bind_null(st, 7);
    sqlite3_bind_text(st, 8, now, -1, SQLITE_STATIC);
    if ((rc = exec_update(a, st, "saving the measurement failed")))
        goto done;
    o->id = sqlite3_last_insert_rowid(a->db);
    o->student_id = before.student_id;
    if ((rc = sp_ms_load(a, r, m->milestone_id, &after)))
        goto done;

    if (!after.goal.has_baseline && after.progress.has_baseline && strcmp(after.status, "baselining") == 0 &&
        (rc = set_baseline(a, &after, o)))
        goto done;

    if (sp_celebrations_earned(a->db, &before, &after, o->id, m->day, m->value, m->entered_by, now, o->celebrations,
                               &o->ncelebrations) != SQLITE_OK) {
        rc = sp_admin_fail_sql(a, "saving the celebration failed");
        goto done;
    }
    o->progress = sp_progress_evaluate(&after.goal, after.points, after.npoints, a->today);
    if (o->progress.met && strcmp(after.status, "active") == 0) {
        if ((rc = mark_met(a, after.id)))
            goto done;
        o->met = true;
    }
    rc = SP_EXIT_OK;
done:
    sp_goal_view_clear(&before);
    sp_goal_view_clear(&after);
    return rc;
}

void sp_ms_bad_field(sp_csv_table *t, long line, const char *column, const char *expected, const char *value)
{
    char ex[200];
    sp_excerpt(value, ex, sizeof ex);
    sp_csv_add_error(t, line, "column %s: expected %s, got '%s'", column, expected, ex);
}

static int by_line(const void *x, const void *y)
{
    const sp_csv_error *a = x, *b = y;
    if (a->line != b->line)
        return (a->line > b->line) - (a->line < b->line);
    return (a->seq > b->seq) - (a->seq < b->seq);
}

int sp_ms_report_csv(sp_admin *a, const char *path, sp_csv_table *t, bool dry_run)
{
    /* A file with a problem on every one of 200,000 lines must not print megabytes: the first
     * SP_MS_REPORT_MAX problems are shown, the rest counted. */
    qsort(t->errors, t->nerrors, sizeof *t->errors, by_line);
    size_t lines = 0, shown = 0, total = t->nerrors + t->nerrors_dropped;
    json_t *errs = a->json ? json_array() : NULL;
    for (size_t i = 0; i < t->nerrors; i++) {
        const sp_csv_error *e = &t->errors[i];
        if (e->line && (i == 0 || t->errors[i - 1].line != e->line))
            lines++;
        if (shown >= SP_MS_REPORT_MAX)
            continue;
        shown++;
        if (e->line)
            fprintf(a->err, "signpost-admin %s: %s line %ld%s %s\n", a->command, path, e->line,
                    strncmp(e->message, "column ", 7) == 0 ? "," : ":", e->message);
        else
            fprintf(a->err, "signpost-admin %s: %s %s\n", a->command, path, e->message);
        if (errs)
            json_array_append_new(errs, json_pack("{s:I, s:s}", "line", (json_int_t)e->line, "message", e->message));
    }
    char more[120] = "", what[96];
    if (total > shown) {
        char n[32];
        sp_format_count(total - shown, n, sizeof n);
        snprintf(more, sizeof more, "and %s more problem%s (the first %zu are shown)", n, total - shown == 1 ? "" : "s",
                 shown);
        fprintf(a->err, "signpost-admin %s: %s: ... %s\n", a->command, path, more);
    }
    if (lines)
        snprintf(what, sizeof what, "%zu%s bad line%s", lines, t->nerrors_dropped ? " or more" : "",
                 lines == 1 && !t->nerrors_dropped ? "" : "s");
    else
        snprintf(what, sizeof what, "the file cannot be used");
    fprintf(a->err, "signpost-admin %s: %s: %s; %s\n", a->command, path, what,
            dry_run ? "this was a dry run, nothing was written"
                    : "nothing was imported (fix them and run the import again)");
    if (errs) {
        json_t *r = json_pack("{s:s, s:b, s:b, s:I, s:I, s:o}", "file", path, "ok", 0, "dry_run", dry_run, "bad_lines",
                              (json_int_t)lines, "problems", (json_int_t)total, "errors", errs);
        json_dumpf(r, a->out, JSON_INDENT(2));
        fputc('\n', a->out);
        json_decref(r);
    }
    return SP_EXIT_USAGE;
}

/* 12345 -> "12,345" */
void sp_format_count(size_t n, char *out, size_t outlen)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%zu", n);
    size_t o = 0;
    for (int i = 0; i < len && o + 2 < outlen; i++) {
        if (i && (len - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = 0;
}
