/* util.c — helpers every admin verb uses: messages, option parsing, field checks, lookups. */
#include "admin.h"
#include "dates.h"
#include "db.h"
#include "text.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int sp_admin_fail(sp_admin *a, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(a->err, "signpost-admin %s: ", a->command);
    vfprintf(a->err, fmt, ap);
    fputc('\n', a->err);
    va_end(ap);
    return code;
}

int sp_admin_fail_sql(sp_admin *a, const char *what)
{
    int ext = sqlite3_extended_errcode(a->db);
    int code = (ext & 0xFF) == SQLITE_CONSTRAINT ? SP_EXIT_USAGE : SP_EXIT_RUNTIME;
    const char *words = sp_db_error_words(a->db, ext);
    if (!words)
        return sp_admin_fail(a, code, "%s: %s (the database file is damaged: run `signpost-admin check`)", what,
                             sqlite3_errmsg(a->db));
    if (*words)
        return sp_admin_fail(a, code, "%s: %s (%s)", what, words, sqlite3_errmsg(a->db));
    return sp_admin_fail(a, code, "%s: %s", what, sqlite3_errmsg(a->db));
}

void sp_admin_printf(sp_admin *a, const char *fmt, ...)
{
    if (a->json)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(a->out, fmt, ap);
    va_end(ap);
}

static sp_opt *find_opt(sp_opt *opts, int n, const char *name, size_t len)
{
    for (int i = 0; i < n; i++)
        if (strlen(opts[i].name) == len && strncmp(opts[i].name, name, len) == 0)
            return &opts[i];
    return NULL;
}

int sp_admin_parse(sp_admin *a, int argc, char **argv, sp_opt *opts, int n, const char **pos, int maxpos, int *npos)
{
    int np = 0;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        if (strncmp(arg, "--", 2) != 0 || arg[2] == 0) {
            if (np >= maxpos)
                return sp_admin_fail(a, SP_EXIT_USAGE, "unexpected argument '%s' (see --help)", arg);
            pos[np++] = arg;
            continue;
        }
        const char *name = arg + 2, *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        sp_opt *o = find_opt(opts, n, name, len);
        if (!o)
            return sp_admin_fail(a, SP_EXIT_USAGE, "unknown option '--%.*s' (see --help)", (int)len, name);
        if (!o->takes_value) {
            if (eq)
                return sp_admin_fail(a, SP_EXIT_USAGE, "--%s takes no value", o->name);
            o->value = "1";
        } else if (eq) {
            o->value = eq + 1;
        } else if (i + 1 < argc) {
            o->value = argv[++i];
        } else {
            return sp_admin_fail(a, SP_EXIT_USAGE, "--%s needs a value", o->name);
        }
    }
    if (npos)
        *npos = np;
    return SP_EXIT_OK;
}

const char *sp_opt_get(const sp_opt *opts, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(opts[i].name, name) == 0)
            return opts[i].value;
    return NULL;
}

int sp_admin_check_text(sp_admin *a, const char *field, const char *value, size_t max_chars, bool multiline)
{
    char why[160];
    if (!value)
        return SP_EXIT_OK;
    if (!sp_text_ok(value, max_chars, multiline, why, sizeof why))
        return sp_admin_fail(a, SP_EXIT_USAGE, "%s %s", field, why);
    return SP_EXIT_OK;
}

int sp_admin_parse_date(sp_admin *a, const char *field, const char *value, int *day)
{
    if (!value || !sp_date_parse_relative(value, a->today, day))
        return sp_admin_fail(a, SP_EXIT_USAGE, "%s: expected a date as YYYY-MM-DD, 'today', +10d or +6w, got '%s'", field,
                             value ? value : "");
    return SP_EXIT_OK;
}

int sp_admin_parse_number(sp_admin *a, const char *field, const char *value, double *out)
{
    char *end = NULL;
    double v = value ? strtod(value, &end) : 0;
    if (!value || !*value || end == value || *end || !isfinite(v))
        return sp_admin_fail(a, SP_EXIT_USAGE, "%s: expected a number such as 3 or 1.5, got '%s'", field,
                             value ? value : "");
    *out = v;
    return SP_EXIT_OK;
}

static int find_by(sp_admin *a, const char *sql, const char *key, long long *id, const char *what, const char *keyname)
{
    sqlite3_stmt *st = NULL;
    int rc = SP_EXIT_OK;
    if (sqlite3_prepare_v2(a->db, sql, -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "lookup failed");
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    int s = sqlite3_step(st);
    if (s == SQLITE_ROW)
        *id = sqlite3_column_int64(st, 0);
    else if (s == SQLITE_DONE)
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "no %s with %s '%s'", what, keyname, key);
    else
        rc = sp_admin_fail_sql(a, "lookup failed");
    sqlite3_finalize(st);
    return rc;
}

int sp_admin_find_student(sp_admin *a, const char *sis_id, long long *id)
{
    return find_by(a, "SELECT id FROM students WHERE sis_id = ?1", sis_id ? sis_id : "", id, "student", "SIS id");
}

int sp_admin_find_class(sp_admin *a, const char *code, long long *id)
{
    return find_by(a, "SELECT id FROM classes WHERE code = ?1", code ? code : "", id, "class", "code");
}

int sp_admin_find_staff(sp_admin *a, const char *code, long long *id)
{
    return find_by(a, "SELECT id FROM staff WHERE staff_code = ?1", code ? code : "", id, "staff member", "code");
}

int sp_admin_find_milestone(sp_admin *a, const char *id_text, long long *id)
{
    char *end = NULL;
    long long v = id_text ? strtoll(id_text, &end, 10) : 0;
    if (!id_text || !*id_text || *end || v <= 0)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected a milestone id (a number, see `milestone list`), got '%s'",
                             id_text ? id_text : "");
    return find_by(a, "SELECT id FROM milestones WHERE id = CAST(?1 AS INTEGER)", id_text, id, "milestone", "id");
}
