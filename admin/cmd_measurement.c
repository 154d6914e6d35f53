/* cmd_measurement.c — `signpost-admin measurement`: add one data point, import many from a CSV,
 * list a milestone's data.
 *
 * Every point goes through sp_ms_record() (milestone_fields.c), so a point from a file earns the
 * same celebrations and sets a baseline the same way as one typed in. The import is all or
 * nothing: every line is checked first and each problem reported as "FILE line N, column X:
 * expected ..., got '...'"; only a clean file is written, in date order so that "improved" and
 * "in a row" mean what they say. --dry-run stops after the checks. */
#include "admin.h"
#include "csv_read.h"
#include "dates.h"
#include "milestone_fields.h"
#include "table_out.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

static int staff_opt(sp_admin *a, const char *v, long long *id)
{
    *id = 0;
    return v ? sp_admin_find_staff(a, v, id) : SP_EXIT_OK;
}

static void print_outcome(sp_admin *a, const sp_ms_outcome *o, json_t *obj)
{
    json_t *cel = json_array();
    if (o->baseline_set) {
        char b[32];
        sp_format_value(o->baseline, b);
        sp_admin_printf(a, "  Baseline set: %s (%s); the milestone is now active.\n", b, o->baseline_note);
    }
    for (size_t i = 0; i < o->ncelebrations; i++) {
        const sp_celebration *c = &o->celebrations[i];
        sp_admin_printf(a, "  Celebration (%s): %s\n", sp_celebration_kind_name(c->kind), c->message);
        json_array_append_new(cel, json_pack("{s:s, s:s}", "kind", sp_celebration_kind_name(c->kind), "message",
                                             c->message));
    }
    if (o->met)
        sp_admin_printf(a, "  The target rule holds: milestone met.\n");
    else if (o->progress.light != SP_LIGHT_NONE)
        sp_admin_printf(a, "  Light: %s\n", sp_light_name(o->progress.light));
    if (obj) {
        json_object_set_new(obj, "celebrations", cel);
        json_object_set_new(obj, "baseline_set", json_boolean(o->baseline_set));
        json_object_set_new(obj, "met", json_boolean(o->met));
        json_object_set_new(obj, "light", json_string(sp_light_name(o->progress.light)));
    } else {
        json_decref(cel);
    }
}

/* ---- add ---------------------------------------------------------------------------------------- */

static int measurement_add(sp_admin *a, int argc, char **argv)
{
    enum { O_MILESTONE, O_DATE, O_VALUE, O_SOURCE, O_NOTE, O_EVIDENCE, O_BY, O_COUNT };
    sp_opt o[O_COUNT] = {{"milestone", true, NULL}, {"date", true, NULL},     {"value", true, NULL},
                         {"source", true, NULL},    {"note", true, NULL},     {"evidence", true, NULL},
                         {"by", true, NULL}};
    int rc, day = a->today;
    long long id, by;
    double value;
    if ((rc = sp_admin_parse(a, argc, argv, o, O_COUNT, NULL, 0, NULL)) ||
        (rc = sp_ms_required(a, "milestone", o[O_MILESTONE].value)) ||
        (rc = sp_admin_find_milestone(a, o[O_MILESTONE].value, &id)) ||
        (rc = sp_ms_required(a, "value", o[O_VALUE].value)) ||
        (rc = sp_admin_parse_number(a, "--value", o[O_VALUE].value, &value)) ||
        (o[O_DATE].value && (rc = sp_admin_parse_date(a, "--date", o[O_DATE].value, &day))) ||
        (rc = sp_ms_check_enum(a, "source", o[O_SOURCE].value, SP_MS_SOURCES)) ||
        (rc = sp_ms_check_text(a, "note", o[O_NOTE].value, SP_MS_NOTE_MAX, true, false)) ||
        (rc = sp_ms_check_text(a, "evidence", o[O_EVIDENCE].value, SP_MS_NOTE_MAX, false, false)) ||
        (rc = staff_opt(a, o[O_BY].value, &by)))
        return rc;
    char when[11], now[11];
    sp_date_format(day, when);
    sp_date_format(a->today, now);
    if (day > a->today)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--date: expected a date up to today (%s), got %s", now, when);

    sp_goal_reader *r = NULL;
    sp_goal_view v;
    if ((rc = sp_ms_reader(a, &r)))
        return rc;
    if ((rc = sp_ms_load(a, r, id, &v)))
        goto done_reader;
    char expected[160], name[256], sis[80];
    if (!sp_ms_value_in_scale(&v, value, expected, sizeof expected)) {
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "--value: expected %s, got %s", expected, o[O_VALUE].value);
        goto done;
    }
    if ((rc = sp_ms_student_label(a, v.student_id, name, sizeof name, sis, sizeof sis)))
        goto done;
    sp_ms_measurement m = {id, day, value, o[O_SOURCE].value ? o[O_SOURCE].value : "teacher", o[O_NOTE].value,
                           o[O_EVIDENCE].value, by};
    sp_ms_outcome out;
    if ((rc = sp_ms_record(a, r, &m, &out)))
        goto done;
    char val[32];
    sp_format_value(value, val);
    sp_admin_printf(a, "Recorded %s%s%s for milestone %lld (%s, %s) on %s.\n", val, *v.unit_label ? " " : "",
                    v.unit_label, id, name, sis, when);
    json_t *obj = a->json ? json_pack("{s:I, s:I, s:s, s:f}", "id", (json_int_t)out.id, "milestone", (json_int_t)id,
                                      "date", when, "value", value)
                          : NULL;
    print_outcome(a, &out, obj);
    a->result = obj;
done:
    sp_goal_view_clear(&v);
done_reader:
    sp_goal_reader_free(r);
    return rc;
}

/* ---- import --------------------------------------------------------------------------------------- */

typedef struct {
    long long milestone;
    int day;
    double value;
    const sp_csv_record *rec;
} row;

static int by_day(const void *x, const void *y)
{
    const row *a = x, *b = y;
    if (a->day != b->day)
        return (a->day > b->day) - (a->day < b->day);
    return (a->rec->line > b->rec->line) - (a->rec->line < b->rec->line);
}

typedef struct {
    sqlite3_stmt *by_id;      /* ?1 milestone id → status, scale_min, scale_max */
    sqlite3_stmt *by_student; /* ?1 sis, ?2 template key → milestone id (newest current one) */
    sqlite3_stmt *student;    /* ?1 sis → 1 */
} lookups;

static void lookups_free(lookups *l)
{
    sqlite3_finalize(l->by_id);
    sqlite3_finalize(l->by_student);
    sqlite3_finalize(l->student);
}

/* Finds the record's milestone and checks it takes data; adds problems to t. Returns 0 if none found. */
static long long record_milestone(lookups *l, sp_csv_table *t, const sp_csv_record *r, int c_id, int c_sis,
                                  int c_key, double *smin, double *smax, bool *has_scale)
{
    char expected[160];
    long long id = 0;
    const char *idv = sp_csv_value(r, c_id);
    *has_scale = false;
    if (c_id >= 0 && *idv) {
        char *end = NULL;
        long long v = strtoll(idv[0] == '#' ? idv + 1 : idv, &end, 10);
        if (*end || v <= 0) {
            sp_ms_bad_field(t, r->line, "milestone_id", "a milestone id (a number, see `milestone list`)", idv);
            return 0;
        }
        id = v;
    } else {
        const char *sis = sp_csv_value(r, c_sis), *key = sp_csv_value(r, c_key);
        if (c_sis < 0 || !*sis) {
            sp_ms_bad_field(t, r->line, c_id >= 0 ? "milestone_id" : "student_sis_id",
                            "a milestone id, or a student's SIS id with a template_key", "");
            return 0;
        }
        sqlite3_reset(l->student);
        sqlite3_bind_text(l->student, 1, sis, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(l->student) != SQLITE_ROW) {
            sp_ms_bad_field(t, r->line, "student_sis_id", "the SIS id of a student in the roster", sis);
            return 0;
        }
        sqlite3_reset(l->by_student);
        sqlite3_bind_text(l->by_student, 1, sis, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(l->by_student, 2, key, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(l->by_student) != SQLITE_ROW) {
            snprintf(expected, sizeof expected, "the template key of a current milestone of student %.60s", sis);
            sp_ms_bad_field(t, r->line, "template_key", expected, key);
            return 0;
        }
        id = sqlite3_column_int64(l->by_student, 0);
    }
    sqlite3_reset(l->by_id);
    sqlite3_bind_int64(l->by_id, 1, id);
    if (sqlite3_step(l->by_id) != SQLITE_ROW) {
        sp_ms_bad_field(t, r->line, "milestone_id", "the id of an existing milestone", idv);
        return 0;
    }
    const char *status = (const char *)sqlite3_column_text(l->by_id, 0);
    if (strcmp(status, "retired") == 0 || strcmp(status, "revised") == 0) {
        snprintf(expected, sizeof expected, "a milestone that takes data (milestone %lld is %s)", id, status);
        sp_ms_bad_field(t, r->line, c_id >= 0 && *idv ? "milestone_id" : "template_key", expected,
                        c_id >= 0 && *idv ? idv : sp_csv_value(r, c_key));
        return 0;
    }
    if (sqlite3_column_type(l->by_id, 1) != SQLITE_NULL && sqlite3_column_type(l->by_id, 2) != SQLITE_NULL) {
        *has_scale = true;
        *smin = sqlite3_column_double(l->by_id, 1);
        *smax = sqlite3_column_double(l->by_id, 2);
    }
    return id;
}

static void check_text(sp_csv_table *t, long line, const char *column, const char *v, size_t max, bool multiline)
{
    char why[160], expected[256];
    if (!sp_text_ok(v, max, multiline, why, sizeof why)) {
        snprintf(expected, sizeof expected, "text of at most %zu characters in UTF-8 (it %s)", max, why);
        sp_ms_bad_field(t, line, column, expected, v);
    }
}

static int measurement_import(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"dry-run", false, NULL}, {"by", true, NULL}};
    const char *pos[1];
    int npos = 0, rc;
    long long by;
    if ((rc = sp_admin_parse(a, argc, argv, o, 2, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the path of a CSV file (see --help)");
    if ((rc = staff_opt(a, o[1].value, &by)))
        return rc;
    bool dry_run = o[0].value != NULL;
    const char *path = pos[0];
    sp_csv_table t = {0};
    char err[512];
    if (!sp_csv_read_file(path, &t, err, sizeof err)) {
        sp_csv_free(&t);
        return sp_admin_fail(a, SP_EXIT_USAGE, "%s", err);
    }
    int c_id = sp_csv_column(&t, "milestone_id"), c_sis = sp_csv_column(&t, "student_sis_id"),
        c_key = sp_csv_column(&t, "template_key"), c_date = sp_csv_column(&t, "date"),
        c_value = sp_csv_column(&t, "value"), c_source = sp_csv_column(&t, "source"),
        c_note = sp_csv_column(&t, "note"), c_ev = sp_csv_column(&t, "evidence");
    if (c_sis < 0)
        c_sis = sp_csv_column(&t, "sis_id");
    if (c_ev < 0)
        c_ev = sp_csv_column(&t, "evidence_link");
    if (t.columns && (c_date < 0 || c_value < 0 || (c_id < 0 && (c_sis < 0 || c_key < 0))))
        sp_csv_add_error(&t, t.header_line,
                         "header row: expected columns date and value, and milestone_id or student_sis_id with "
                         "template_key (source, note and evidence are optional)");
    row *rows = calloc(t.nrecords ? t.nrecords : 1, sizeof *rows);
    lookups l = {0};
    sp_goal_reader *reader = NULL;
    if (!rows) {
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
        goto done;
    }
    if (sqlite3_prepare_v2(a->db, "SELECT status, scale_min, scale_max FROM milestones WHERE id = ?1", -1, &l.by_id,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(a->db,
                           "SELECT m.id FROM milestones m JOIN students s ON s.id = m.student_id"
                           " WHERE s.sis_id = ?1 AND m.template_key = ?2 AND m.status NOT IN ('retired', 'revised')"
                           " ORDER BY m.id DESC LIMIT 1",
                           -1, &l.by_student, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(a->db, "SELECT 1 FROM students WHERE sis_id = ?1", -1, &l.student, NULL) != SQLITE_OK) {
        rc = sp_admin_fail_sql(a, "reading milestones failed");
        goto done;
    }
    size_t nrows = 0;
    for (size_t i = 0; t.columns && c_date >= 0 && c_value >= 0 && i < t.nrecords; i++) {
        const sp_csv_record *r = &t.records[i];
        row w = {0};
        w.rec = r;
        bool ok = true, has_scale;
        double smin = 0, smax = 0;
        w.milestone = record_milestone(&l, &t, r, c_id, c_sis, c_key, &smin, &smax, &has_scale);
        ok = w.milestone != 0;
        const char *dv = sp_csv_value(r, c_date);
        if (!sp_date_parse(dv, &w.day)) {
            sp_ms_bad_field(&t, r->line, "date", "a date as YYYY-MM-DD", dv);
            ok = false;
        } else if (w.day > a->today) {
            char today[11], expected[64];
            sp_date_format(a->today, today);
            snprintf(expected, sizeof expected, "a date up to today (%s)", today);
            sp_ms_bad_field(&t, r->line, "date", expected, dv);
            ok = false;
        }
        const char *vv = sp_csv_value(r, c_value);
        char *end = NULL;
        w.value = strtod(vv, &end);
        if (!*vv || *end || w.value != w.value || w.value > 1e300 || w.value < -1e300) {
            sp_ms_bad_field(&t, r->line, "value", "a number such as 3 or 1.5", vv);
            ok = false;
        } else if (has_scale && (w.value < smin || w.value > smax)) {
            char lo[32], hi[32], expected[120];
            sp_format_value(smin, lo);
            sp_format_value(smax, hi);
            snprintf(expected, sizeof expected, "a value from %s to %s (the scale of milestone %lld)", lo, hi,
                     w.milestone);
            sp_ms_bad_field(&t, r->line, "value", expected, vv);
            ok = false;
        }
        const char *sv = sp_csv_value(r, c_source);
        bool known = !*sv;
        for (int k = 0; SP_MS_SOURCES[k] && !known; k++)
            known = strcmp(sv, SP_MS_SOURCES[k]) == 0;
        if (!known) {
            sp_ms_bad_field(&t, r->line, "source", "teacher, self, staff or import (or nothing: import)", sv);
            ok = false;
        }
        check_text(&t, r->line, "note", sp_csv_value(r, c_note), SP_MS_NOTE_MAX, true);
        check_text(&t, r->line, "evidence", sp_csv_value(r, c_ev), SP_MS_NOTE_MAX, false);
        if (ok)
            rows[nrows++] = w;
    }
    if (t.nerrors) {
        rc = sp_ms_report_csv(a, path, &t, dry_run);
        goto done;
    }
    size_t ncel = 0, nbase = 0, nmet = 0;
    if (!dry_run) {
        qsort(rows, nrows, sizeof *rows, by_day);
        if ((rc = sp_ms_reader(a, &reader)))
            goto done;
        for (size_t i = 0; i < nrows; i++) {
            const char *sv = sp_csv_value(rows[i].rec, c_source);
            sp_ms_measurement m = {rows[i].milestone, rows[i].day, rows[i].value, *sv ? sv : "import",
                                   sp_csv_value(rows[i].rec, c_note), sp_csv_value(rows[i].rec, c_ev), by};
            sp_ms_outcome out;
            if ((rc = sp_ms_record(a, reader, &m, &out)))
                goto done;
            ncel += out.ncelebrations;
            nbase += out.baseline_set;
            nmet += out.met;
        }
    }
    if (a->json)
        a->result = json_pack("{s:s, s:b, s:b, s:I, s:I, s:I, s:I}", "file", path, "ok", 1, "dry_run", dry_run,
                              "measurements", (json_int_t)nrows, "celebrations", (json_int_t)ncel, "baselines_set",
                              (json_int_t)nbase, "met", (json_int_t)nmet);
    if (dry_run)
        sp_admin_printf(a, "%s: %zu measurements checked, no problems found. Nothing was written (dry run).\n", path,
                        nrows);
    else
        sp_admin_printf(a, "%s: added %zu measurements; %zu celebrations, %zu baselines set, %zu milestones met.\n",
                        path, nrows, ncel, nbase, nmet);
    rc = SP_EXIT_OK;
done:
    sp_goal_reader_free(reader);
    lookups_free(&l);
    free(rows);
    sp_csv_free(&t);
    return rc;
}

/* ---- list ----------------------------------------------------------------------------------------- */

static int measurement_list(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"milestone", true, NULL}};
    int rc;
    long long id;
    if ((rc = sp_admin_parse(a, argc, argv, o, 1, NULL, 0, NULL)) || (rc = sp_ms_required(a, "milestone", o[0].value)) ||
        (rc = sp_admin_find_milestone(a, o[0].value, &id)))
        return rc;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "SELECT m.id, m.taken_on AS date, m.value, m.source, m.note, m.evidence_link AS evidence,"
                           " coalesce(s.staff_code, '') AS entered_by FROM measurements m"
                           " LEFT JOIN staff s ON s.id = m.entered_by WHERE m.milestone_id = ?1"
                           " ORDER BY m.taken_on, m.id",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading measurements failed");
    sqlite3_bind_int64(st, 1, id);
    sp_table *t = sp_table_new(7, (const char *const[]){"ID", "Date", "Value", "Source", "Note", "Evidence", "By"});
    json_t *arr = json_array();
    int s;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        char mid[24], val[32], note[160], ev[160];
        snprintf(mid, sizeof mid, "%lld", (long long)sqlite3_column_int64(st, 0));
        sp_format_value(sqlite3_column_double(st, 2), val);
        sp_ms_shorten((const char *)sqlite3_column_text(st, 4), 40, note, sizeof note);
        sp_ms_shorten((const char *)sqlite3_column_text(st, 5), 30, ev, sizeof ev);
        sp_table_add(t, (const char *const[]){mid, (const char *)sqlite3_column_text(st, 1), val,
                                              (const char *)sqlite3_column_text(st, 3), note, ev,
                                              (const char *)sqlite3_column_text(st, 6)});
        json_array_append_new(arr, sp_json_from_stmt(st));
    }
    sqlite3_finalize(st);
    if (s != SQLITE_DONE) {
        sp_table_free(t);
        json_decref(arr);
        return sp_admin_fail_sql(a, "reading measurements failed");
    }
    if (!a->json)
        sp_table_print(t, a->out, "  (no data yet: add some with `signpost-admin measurement add`)");
    sp_table_free(t);
    if (a->json)
        a->result = arr;
    else
        json_decref(arr);
    return SP_EXIT_OK;
}

int sp_measurement_edit(sp_admin *a, int argc, char **argv);   /* measurement_fix.c */
int sp_measurement_delete(sp_admin *a, int argc, char **argv); /* measurement_fix.c */

static const sp_admin_verb MEASUREMENT_VERBS[] = {
    {"add", measurement_add, 0, "record one data point",
     "Usage: signpost-admin measurement add --milestone ID --value N [--date DATE] [--source S]\n"
     "                                      [--note TEXT] [--evidence LINK] [--by STAFFCODE]\n\n"
     "Records a data point (default date today; never in the future). What follows from it happens\n"
     "in the same step: a baselining milestone gets its baseline once its first 3 checks are in,\n"
     "celebrations are created (met, improvement, streak) and a milestone whose target rule now holds\n"
     "is marked met.\n\n"
     "  --source S   teacher (default), self, staff or import\n\n"
     "Example:\n  signpost-admin measurement add --milestone 12 --date 2026-02-10 --value 2.5 --note \"essay 3\"\n"},
    {"import", measurement_import, 0, "add data points from a CSV file (all or nothing)",
     "Usage: signpost-admin measurement import FILE.csv [--dry-run] [--by STAFFCODE]\n\n"
     "Columns (header row, any order): milestone_id, or student_sis_id and template_key; date\n"
     "(YYYY-MM-DD); value; optional source (teacher, self, staff, import — default import), note and\n"
     "evidence. Every line is checked first; if any is wrong, each problem is reported as\n"
     "\"line N, column X: expected ..., got '...'\" and nothing is imported. --dry-run only checks.\n\n"
     "Example file:\n"
     "  student_sis_id,template_key,date,value,note\n"
     "  S1001,claim-evidence,2026-02-10,2.5,essay 3\n\n"
     "Example:\n  signpost-admin measurement import rubric-week6.csv --dry-run\n"},
    {"list", measurement_list, SP_VERB_READONLY, "a milestone's data points",
     "Usage: signpost-admin measurement list --milestone ID\n\n"
     "Lists the data points of a milestone, oldest first.\n\n"
     "Example:\n  signpost-admin measurement list --milestone 12\n"},
    {"edit", sp_measurement_edit, 0, "correct a data point (unseen celebrations are judged again)",
     "Usage: signpost-admin measurement edit --id ID [--value N] [--date DATE] [--note TEXT]\n\n"
     "Corrects a data point typed wrong. The milestone's celebrations the student has not seen yet\n"
     "are judged again on the corrected data: one the data no longer earns is withdrawn, one whose\n"
     "numbers changed gets its new words. Celebrations already seen stay as they were.\n\n"
     "Example:\n  signpost-admin measurement edit --id 57 --value 2.5\n"},
    {"delete", sp_measurement_delete, 0, "remove a data point entered by mistake",
     "Usage: signpost-admin measurement delete --id ID\n\n"
     "Removes a data point. Unseen celebrations it earned are withdrawn (never shown); the others\n"
     "of the milestone are judged again as for `measurement edit`.\n\n"
     "Example:\n  signpost-admin measurement delete --id 57\n"},
    {0}};

const sp_admin_noun sp_cmd_measurement = {"measurement", "record data points, one by one or from a CSV",
                                          MEASUREMENT_VERBS};
