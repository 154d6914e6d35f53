/* roster_import.c — the shared driver of `class import` and `staff import` (see roster_import.h).
 *
 * Nothing is written until the whole file has been checked: structural problems from the CSV
 * reader, a header without a required column, each record's own problems (the kind's check())
 * and keys that appear on more than one line all go into one list, which is reported sorted by
 * line with the reporter the other importers use. Only a clean file is written, one upsert per
 * record by key, inside the transaction main.c opened, so a failure half-way still rolls back. */
#include "roster_import.h"
#include "milestone_fields.h"
#include "table_out.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

const char *sp_roster_value(const sp_roster_import *imp, const sp_csv_record *r, int k)
{
    return sp_csv_value(r, imp->col[k]);
}

bool sp_roster_has(const sp_roster_import *imp, int k) { return imp->col[k] >= 0; }

void sp_roster_bad(sp_roster_import *imp, const sp_csv_record *r, int k, const char *expected)
{
    sp_ms_bad_field(imp->t, r->line, imp->kind->columns[k], expected, sp_roster_value(imp, r, k));
}

void sp_roster_check_text(sp_roster_import *imp, const sp_csv_record *r, int k, size_t max)
{
    const char *v = sp_roster_value(imp, r, k);
    char why[160], expected[240];
    if (k < imp->kind->nrequired && !*v) {
        snprintf(expected, sizeof expected, "a value (1 to %zu characters)", max);
        sp_roster_bad(imp, r, k, expected);
    } else if (!sp_text_ok(v, max, false, why, sizeof why)) {
        snprintf(expected, sizeof expected, "text of at most %zu characters in UTF-8 on one line (it %s)", max, why);
        sp_roster_bad(imp, r, k, expected);
    }
}

void sp_roster_check_name(sp_roster_import *imp, const sp_csv_record *r, int k, size_t max)
{
    int col = imp->col[k];
    if (col >= 0 && col < r->nfields)
        sp_text_fold_lines(r->fields[col]);
    sp_roster_check_text(imp, r, k, max);
}

long long sp_roster_lookup(sp_roster_import *imp, const char *key)
{
    long long id = 0;
    if (!imp->lookup)
        return 0;
    sqlite3_reset(imp->lookup);
    sqlite3_bind_text(imp->lookup, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(imp->lookup) == SQLITE_ROW)
        id = sqlite3_column_int64(imp->lookup, 0);
    sqlite3_reset(imp->lookup);
    return id;
}

void sp_roster_bind_text(sp_roster_import *imp, sqlite3_stmt *st, int i, const sp_csv_record *r, int k)
{
    if (sp_roster_has(imp, k))
        sqlite3_bind_text(st, i, sp_roster_value(imp, r, k), -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/* The header must name every required column; other columns are ignored with a note. */
static void check_header(sp_roster_import *imp, const char *path)
{
    const sp_roster_kind *kind = imp->kind;
    char need[160] = "", optional[160] = "", all[240] = "";
    int ncolumns = 0;
    while (kind->columns[ncolumns])
        ncolumns++;
    for (int k = 0; k < ncolumns; k++) {
        char *list = k < kind->nrequired ? need : optional;
        bool last = k == kind->nrequired - 1 || k == ncolumns - 1;
        size_t len = strlen(list);
        snprintf(list + len, sizeof need - len, "%s%s", !len ? "" : last ? " and " : ", ", kind->columns[k]);
        len = strlen(all);
        snprintf(all + len, sizeof all - len, "%s%s", len ? ", " : "", kind->columns[k]);
    }
    for (int k = 0; k < kind->nrequired; k++)
        if (imp->col[k] < 0)
            sp_csv_add_error(imp->t, imp->t->header_line,
                             "header row: expected a column named %s (the file needs %s; %s are optional)",
                             kind->columns[k], need, optional);
    for (int i = 0; i < imp->t->ncols; i++) {
        bool known = false;
        for (int k = 0; kind->columns[k]; k++)
            known = known || imp->col[k] == i;
        if (!known && imp->t->columns[i][0]) {
            char ex[120];
            fprintf(imp->a->err, "signpost-admin %s: %s: ignoring column '%s' (not one of %s)\n", imp->a->command,
                    path, sp_excerpt(imp->t->columns[i], ex, sizeof ex), all);
        }
    }
}

typedef struct {
    const char *key;
    long line;
} keyed_line;

static int by_key_then_line(const void *x, const void *y)
{
    const keyed_line *a = x, *b = y;
    int k = strcmp(a->key, b->key);
    return k ? k : (a->line > b->line) - (a->line < b->line);
}

/* Reports every line whose key an earlier line already used. */
static int check_duplicates(sp_roster_import *imp)
{
    size_t n = imp->t->nrecords;
    keyed_line *keys = malloc((n ? n : 1) * sizeof *keys);
    if (!keys)
        return sp_admin_fail(imp->a, SP_EXIT_RUNTIME, "out of memory");
    for (size_t i = 0; i < n; i++)
        keys[i] = (keyed_line){sp_roster_value(imp, &imp->t->records[i], 0), imp->t->records[i].line};
    qsort(keys, n, sizeof *keys, by_key_then_line);
    size_t first = 0;
    for (size_t i = 1; i < n; i++) {
        if (strcmp(keys[i].key, keys[first].key) != 0) {
            first = i;
            continue;
        }
        if (!keys[i].key[0])
            continue; /* already reported as missing */
        char expected[160];
        snprintf(expected, sizeof expected, "each %s only once in the file (first on line %ld)", imp->kind->columns[0],
                 keys[first].line);
        sp_ms_bad_field(imp->t, keys[i].line, imp->kind->columns[0], expected, keys[i].key);
    }
    free(keys);
    return SP_EXIT_OK;
}

/* Upserts every record (or, for a dry run, only counts which would be added and updated). */
static int upsert_all(sp_roster_import *imp, bool dry_run, int *added, int *updated)
{
    sp_admin *a = imp->a;
    sqlite3_stmt *find = NULL, *ins = NULL, *upd = NULL;
    int rc = SP_EXIT_OK;
    if (sqlite3_prepare_v2(a->db, imp->kind->find_sql, -1, &find, NULL) != SQLITE_OK ||
        (!dry_run && (sqlite3_prepare_v2(a->db, imp->kind->insert_sql, -1, &ins, NULL) != SQLITE_OK ||
                      sqlite3_prepare_v2(a->db, imp->kind->update_sql, -1, &upd, NULL) != SQLITE_OK))) {
        rc = sp_admin_fail_sql(a, "importing failed");
        goto done;
    }
    for (size_t i = 0; i < imp->t->nrecords; i++) {
        const sp_csv_record *r = &imp->t->records[i];
        sqlite3_reset(find);
        sqlite3_bind_text(find, 1, sp_roster_value(imp, r, 0), -1, SQLITE_STATIC);
        long long id = sqlite3_step(find) == SQLITE_ROW ? sqlite3_column_int64(find, 0) : 0;
        sqlite3_reset(find);
        if (id)
            (*updated)++;
        else
            (*added)++;
        if (dry_run)
            continue;
        sqlite3_stmt *st = id ? upd : ins;
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        imp->kind->bind(imp, st, r, id);
        if (sqlite3_step(st) != SQLITE_DONE) {
            char what[96];
            snprintf(what, sizeof what, "line %ld: saving '%s' failed", r->line, imp->kind->columns[0]);
            rc = sp_admin_fail_sql(a, what);
            goto done;
        }
    }
done:
    sqlite3_finalize(find);
    sqlite3_finalize(ins);
    sqlite3_finalize(upd);
    return rc;
}

int sp_roster_import_run(sp_admin *a, int argc, char **argv, const sp_roster_kind *kind)
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
    sp_csv_table t = {0};
    char err[512];
    if (!sp_csv_read_file(path, &t, err, sizeof err)) {
        sp_csv_free(&t);
        return sp_admin_fail(a, SP_EXIT_USAGE, "%s", err);
    }
    sp_roster_import imp = {.a = a, .kind = kind, .t = &t};
    bool header_ok = t.columns != NULL;
    for (int k = 0; k < SP_ROSTER_MAX_COLUMNS; k++) {
        imp.col[k] = kind->columns[k] ? sp_csv_column(&t, kind->columns[k]) : -1;
        if (k < kind->nrequired && imp.col[k] < 0)
            header_ok = false;
    }
    if (t.columns)
        check_header(&imp, path);
    if (header_ok) {
        if (kind->lookup_sql && sqlite3_prepare_v2(a->db, kind->lookup_sql, -1, &imp.lookup, NULL) != SQLITE_OK) {
            rc = sp_admin_fail_sql(a, "reading the database failed");
            goto done;
        }
        for (size_t i = 0; i < t.nrecords; i++)
            kind->check(&imp, &t.records[i]);
        if ((rc = check_duplicates(&imp)))
            goto done;
    }
    if (t.nerrors) {
        rc = sp_ms_report_csv(a, path, &t, dry_run);
        goto done;
    }
    int added = 0, updated = 0;
    if ((rc = upsert_all(&imp, dry_run, &added, &updated)))
        goto done;
    if (dry_run)
        sp_admin_printf(a, "%s: %zu %s checked, no problems found. Importing would add %d and update %d. "
                           "Nothing was written (dry run).\n",
                        path, t.nrecords, t.nrecords == 1 ? kind->singular : kind->plural, added, updated);
    else
        sp_admin_printf(a, "%s: imported %zu %s: %d added, %d updated.\n", path, t.nrecords,
                        t.nrecords == 1 ? kind->singular : kind->plural, added, updated);
    if (a->json)
        a->result = json_pack("{s:s, s:b, s:b, s:I, s:i, s:i}", "file", path, "ok", 1, "dry_run", dry_run, kind->plural,
                              (json_int_t)t.nrecords, "added", added, "updated", updated);
done:
    sqlite3_finalize(imp.lookup);
    sp_csv_free(&t);
    return rc;
}
