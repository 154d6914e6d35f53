/* unit_import.c — `signpost-admin unit import`: units and their learning targets from one CSV.
 *
 * One line per learning target: class, unit, then the target (position, statement,
 * standard_code). Lines with the same class and unit title make one unit; the unit's dates and
 * "current" flag may be given on any of its lines but must not disagree. A line with an empty
 * statement adds the unit without a target, so a unit can be set up before its targets are
 * written. The importer is all-or-nothing like the others: every line is checked first (classes
 * exist, titles and statements are valid text of bounded length, dates are real, positions are
 * unique within a unit, no class gets two current units, no unit already exists), every problem
 * is reported with its line and column, and nothing is written unless the whole file is right. */
#include "unit_import.h"
#include "csv_read.h"
#include "dates.h"
#include "milestone_fields.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define TITLE_MAX 200
#define STATEMENT_MAX 500
#define STANDARD_MAX 100

typedef struct {
    long line;          /* first line of the unit */
    long long class_id;
    const char *class_code, *title;
    int starts, ends;   /* day numbers; -1 when not given */
    int current;        /* -1 not given, 0, 1 */
    int next_position;  /* for lines without a position */
    long long id;       /* after insert */
    int ntargets;
} unit_plan;

typedef struct {
    size_t unit;        /* index into the plans */
    int position;       /* 0: no target on this line */
} line_plan;

static int parse_flag(const char *s)
{
    static const char *const YES[] = {"yes", "y", "1", "true", "x"}, *const NO[] = {"no", "n", "0", "false"};
    if (!*s)
        return -1;
    for (size_t i = 0; i < sizeof YES / sizeof YES[0]; i++)
        if (strcasecmp(s, YES[i]) == 0)
            return 1;
    for (size_t i = 0; i < sizeof NO / sizeof NO[0]; i++)
        if (strcasecmp(s, NO[i]) == 0)
            return 0;
    return -2;
}

static void check_text(sp_csv_table *t, long line, const char *column, const char *v, bool required, size_t max)
{
    char why[160], expected[260];
    if (required && !*v) {
        snprintf(expected, sizeof expected, "a value (1 to %zu characters)", max);
        sp_ms_bad_field(t, line, column, expected, v);
    } else if (!sp_text_ok(v, max, false, why, sizeof why)) {
        snprintf(expected, sizeof expected, "text of at most %zu characters in UTF-8 on one line (it %s)", max, why);
        sp_ms_bad_field(t, line, column, expected, v);
    }
}

/* A date column: empty (-1), or a date as the other commands take it. */
static int check_date(sp_admin *a, sp_csv_table *t, long line, const char *column, const char *v)
{
    int day;
    if (!*v)
        return -1;
    if (!sp_date_parse_relative(v, a->today, &day)) {
        sp_ms_bad_field(t, line, column, "a date as YYYY-MM-DD, today, +10d or +6w", v);
        return -1;
    }
    return day;
}

/* A unit's setting given again on a later line must agree with the first. */
static void merge_setting(sp_csv_table *t, long line, const char *column, const char *v, int *have, int value,
                          long first_line)
{
    if (value < 0 && !*v)
        return;
    if (*have < 0) {
        *have = value;
    } else if (value >= 0 && value != *have) {
        char expected[120];
        snprintf(expected, sizeof expected, "the same %s as line %ld for this unit, or nothing", column, first_line);
        sp_ms_bad_field(t, line, column, expected, v);
    }
}

static int insert_all(sp_admin *a, sp_csv_table *t, unit_plan *units, size_t nunits, line_plan *lines, int c_stmt,
                      int c_std)
{
    sqlite3_stmt *ins_unit = NULL, *ins_target = NULL, *clear = NULL, *set = NULL;
    int rc = SP_EXIT_OK;
    if (sqlite3_prepare_v2(a->db, "INSERT INTO units(class_id, title, starts_on, ends_on) VALUES (?1, ?2, ?3, ?4)", -1,
                           &ins_unit, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(a->db,
                           "INSERT INTO learning_targets(unit_id, position, statement, standard_code) VALUES (?1, ?2, ?3, ?4)",
                           -1, &ins_target, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(a->db, "UPDATE units SET is_current = 0 WHERE class_id = ?1", -1, &clear, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(a->db, "UPDATE units SET is_current = 1 WHERE id = ?1", -1, &set, NULL) != SQLITE_OK) {
        rc = sp_admin_fail_sql(a, "importing units failed");
        goto done;
    }
    for (size_t u = 0; u < nunits; u++) {
        char d1[11], d2[11];
        sqlite3_reset(ins_unit);
        sqlite3_clear_bindings(ins_unit);
        sqlite3_bind_int64(ins_unit, 1, units[u].class_id);
        sqlite3_bind_text(ins_unit, 2, units[u].title, -1, SQLITE_STATIC);
        if (units[u].starts >= 0) {
            sp_date_format(units[u].starts, d1);
            sqlite3_bind_text(ins_unit, 3, d1, -1, SQLITE_TRANSIENT);
        }
        if (units[u].ends >= 0) {
            sp_date_format(units[u].ends, d2);
            sqlite3_bind_text(ins_unit, 4, d2, -1, SQLITE_TRANSIENT);
        }
        if (sqlite3_step(ins_unit) != SQLITE_DONE) {
            rc = sp_admin_fail_sql(a, "adding a unit failed");
            goto done;
        }
        units[u].id = sqlite3_last_insert_rowid(a->db);
        if (units[u].current == 1) {
            /* Clear first, then set, so the one-current-unit index never sees two. */
            sqlite3_reset(clear);
            sqlite3_bind_int64(clear, 1, units[u].class_id);
            sqlite3_reset(set);
            sqlite3_bind_int64(set, 1, units[u].id);
            if (sqlite3_step(clear) != SQLITE_DONE || sqlite3_step(set) != SQLITE_DONE) {
                rc = sp_admin_fail_sql(a, "setting the current unit failed");
                goto done;
            }
        }
    }
    for (size_t r = 0; r < t->nrecords; r++) {
        if (!lines[r].position)
            continue;
        sqlite3_reset(ins_target);
        sqlite3_bind_int64(ins_target, 1, units[lines[r].unit].id);
        sqlite3_bind_int(ins_target, 2, lines[r].position);
        sqlite3_bind_text(ins_target, 3, sp_csv_value(&t->records[r], c_stmt), -1, SQLITE_STATIC);
        sqlite3_bind_text(ins_target, 4, sp_csv_value(&t->records[r], c_std), -1, SQLITE_STATIC);
        if (sqlite3_step(ins_target) != SQLITE_DONE) {
            rc = sp_admin_fail_sql(a, "adding a learning target failed");
            goto done;
        }
    }
done:
    sqlite3_finalize(ins_unit);
    sqlite3_finalize(ins_target);
    sqlite3_finalize(clear);
    sqlite3_finalize(set);
    return rc;
}

int sp_unit_import(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"dry-run", false, NULL}};
    const char *pos[1];
    int npos = 0, rc;
    if ((rc = sp_admin_parse(a, argc, argv, o, 1, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the path of a CSV file (see --help)");
    bool dry_run = o[0].value != NULL;
    const char *path = pos[0];
    char err[512];
    sp_csv_table t = {0};
    if (!sp_csv_read_file(path, &t, err, sizeof err)) {
        sp_csv_free(&t);
        return sp_admin_fail(a, SP_EXIT_USAGE, "%s", err);
    }
    int c_class = sp_csv_column(&t, "class"), c_unit = sp_csv_column(&t, "unit"), c_starts = sp_csv_column(&t, "starts"),
        c_ends = sp_csv_column(&t, "ends"), c_current = sp_csv_column(&t, "current"),
        c_pos = sp_csv_column(&t, "position"), c_stmt = sp_csv_column(&t, "statement"),
        c_std = sp_csv_column(&t, "standard_code");
    unit_plan *units = calloc(t.nrecords ? t.nrecords : 1, sizeof *units);
    line_plan *lines = calloc(t.nrecords ? t.nrecords : 1, sizeof *lines);
    sqlite3_stmt *find_class = NULL, *find_unit = NULL;
    size_t nunits = 0;
    int ntargets = 0;
    if (!units || !lines) {
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
        goto done;
    }
    if (t.columns && (c_class < 0 || c_unit < 0 || c_stmt < 0))
        sp_csv_add_error(&t, t.header_line, "header row: expected columns class, unit and statement (starts, ends, "
                                            "current, position and standard_code optional)");
    if (sqlite3_prepare_v2(a->db, "SELECT id FROM classes WHERE code = ?1", -1, &find_class, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(a->db, "SELECT id FROM units WHERE class_id = ?1 AND title = ?2", -1, &find_unit, NULL) !=
            SQLITE_OK) {
        rc = sp_admin_fail_sql(a, "reading classes failed");
        goto done;
    }
    for (size_t r = 0; c_class >= 0 && c_unit >= 0 && c_stmt >= 0 && r < t.nrecords; r++) {
        const sp_csv_record *rec = &t.records[r];
        long line = rec->line;
        const char *code = sp_csv_value(rec, c_class), *title = sp_csv_value(rec, c_unit);
        const char *statement = sp_csv_value(rec, c_stmt), *position = sp_csv_value(rec, c_pos);
        const char *starts_v = sp_csv_value(rec, c_starts), *ends_v = sp_csv_value(rec, c_ends);
        const char *current_v = sp_csv_value(rec, c_current);
        long long class_id = 0;
        sqlite3_reset(find_class);
        sqlite3_bind_text(find_class, 1, code, -1, SQLITE_STATIC);
        if (sqlite3_step(find_class) == SQLITE_ROW)
            class_id = sqlite3_column_int64(find_class, 0);
        else
            sp_ms_bad_field(&t, line, "class", "the code of a class (see `class list`)", code);
        size_t before = t.nerrors;
        check_text(&t, line, "unit", title, true, TITLE_MAX);
        check_text(&t, line, "statement", statement, false, STATEMENT_MAX);
        check_text(&t, line, "standard_code", sp_csv_value(rec, c_std), false, STANDARD_MAX);
        int starts = check_date(a, &t, line, "starts", starts_v), ends = check_date(a, &t, line, "ends", ends_v);
        int current = parse_flag(current_v);
        if (current == -2)
            sp_ms_bad_field(&t, line, "current", "yes, no or nothing", current_v);
        int want_pos = 0;
        if (*position) {
            char *end = NULL;
            long v = strtol(position, &end, 10);
            if (*end || v < 1 || v > 10000)
                sp_ms_bad_field(&t, line, "position", "a whole number from 1 (or nothing: after the others)", position);
            else if (!*statement)
                sp_ms_bad_field(&t, line, "position", "nothing on a line without a statement", position);
            else
                want_pos = (int)v;
        }
        if (!class_id || t.nerrors > before)
            continue;
        /* Find or start this line's unit. */
        size_t u = 0;
        while (u < nunits && !(units[u].class_id == class_id && strcmp(units[u].title, title) == 0))
            u++;
        if (u == nunits) {
            sqlite3_reset(find_unit);
            sqlite3_bind_int64(find_unit, 1, class_id);
            sqlite3_bind_text(find_unit, 2, title, -1, SQLITE_STATIC);
            if (sqlite3_step(find_unit) == SQLITE_ROW) {
                char expected[160];
                snprintf(expected, sizeof expected,
                         "a new unit title (%s already has this unit, id %lld; add targets with `target import --unit "
                         "%lld`)",
                         code, (long long)sqlite3_column_int64(find_unit, 0), (long long)sqlite3_column_int64(find_unit, 0));
                sp_ms_bad_field(&t, line, "unit", expected, title);
                continue;
            }
            units[nunits++] = (unit_plan){.line = line, .class_id = class_id, .class_code = code, .title = title,
                                          .starts = -1, .ends = -1, .current = -1, .next_position = 1};
        }
        unit_plan *up = &units[u];
        merge_setting(&t, line, "starts", starts_v, &up->starts, starts, up->line);
        merge_setting(&t, line, "ends", ends_v, &up->ends, ends, up->line);
        merge_setting(&t, line, "current", current_v, &up->current, current < 0 ? -1 : current, up->line);
        lines[r].unit = u;
        if (!*statement)
            continue;
        int p = want_pos ? want_pos : up->next_position;
        for (size_t q = 0; q < r; q++)
            if (lines[q].position == p && lines[q].unit == u && q != r) {
                char expected[100];
                snprintf(expected, sizeof expected, "a position not used by another target of this unit (line %ld)",
                         t.records[q].line);
                sp_ms_bad_field(&t, line, "position", expected, position);
                p = 0;
                break;
            }
        lines[r].position = p;
        if (p >= up->next_position)
            up->next_position = p + 1;
        if (p) {
            up->ntargets++;
            ntargets++;
        }
    }
    /* Whole-unit checks: dates in order, one current unit per class. */
    for (size_t u = 0; u < nunits; u++) {
        if (units[u].starts >= 0 && units[u].ends >= 0 && units[u].ends < units[u].starts) {
            char d[11];
            sp_date_format(units[u].ends, d);
            sp_ms_bad_field(&t, units[u].line, "ends", "a date on or after the unit's start", d);
        }
        for (size_t v = 0; v < u; v++)
            if (units[u].current == 1 && units[v].current == 1 && units[u].class_id == units[v].class_id) {
                char expected[120];
                snprintf(expected, sizeof expected, "one current unit per class (line %ld already makes one current)",
                         units[v].line);
                sp_ms_bad_field(&t, units[u].line, "current", expected, "yes");
            }
    }
    if (t.columns && !t.nerrors && !nunits)
        sp_csv_add_error(&t, 0, "has no units: expected at least one line with a class and a unit");
    if (t.nerrors) {
        rc = sp_ms_report_csv(a, path, &t, dry_run);
        goto done;
    }
    if (!dry_run && (rc = insert_all(a, &t, units, nunits, lines, c_stmt, c_std)))
        goto done;
    if (a->json) {
        json_t *list = json_array();
        for (size_t u = 0; u < nunits; u++) {
            json_t *j = json_pack("{s:s, s:s, s:i, s:b}", "class", units[u].class_code, "title", units[u].title,
                                  "targets", units[u].ntargets, "current", units[u].current == 1);
            json_object_set_new(j, "id", dry_run ? json_null() : json_integer(units[u].id));
            json_array_append_new(list, j);
        }
        a->result = json_pack("{s:s, s:b, s:b, s:o}", "file", path, "ok", 1, "dry_run", dry_run, "units", list);
    }
    for (size_t u = 0; u < nunits; u++) {
        if (dry_run)
            sp_admin_printf(a, "  %s: \"%s\" with %d learning target%s%s\n", units[u].class_code, units[u].title,
                            units[u].ntargets, units[u].ntargets == 1 ? "" : "s",
                            units[u].current == 1 ? " (current unit)" : "");
        else
            sp_admin_printf(a, "  unit %lld %s: \"%s\" with %d learning target%s%s\n", units[u].id, units[u].class_code,
                            units[u].title, units[u].ntargets, units[u].ntargets == 1 ? "" : "s",
                            units[u].current == 1 ? " (current unit)" : "");
    }
    if (dry_run)
        sp_admin_printf(a, "%s: %zu unit%s and %d learning target%s checked, no problems found. Nothing was written "
                           "(dry run).\n",
                        path, nunits, nunits == 1 ? "" : "s", ntargets, ntargets == 1 ? "" : "s");
    else
        sp_admin_printf(a, "%s: added %zu unit%s with %d learning target%s.\n", path, nunits, nunits == 1 ? "" : "s",
                        ntargets, ntargets == 1 ? "" : "s");
    rc = SP_EXIT_OK;
done:
    sqlite3_finalize(find_class);
    sqlite3_finalize(find_unit);
    free(units);
    free(lines);
    sp_csv_free(&t);
    return rc;
}
