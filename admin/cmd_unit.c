/* cmd_unit.c — the mastery tracker's set-up: `unit` (units of a class and their assignments;
 * `unit import` reads units with their targets from a CSV, see unit_import.c),
 * `target` ("I can ..." learning targets, one by one or from a CSV) and `mastery` (teacher
 * ratings 1-4, one by one, or from a CSV as a class grid or one rating per line by student).
 *
 * The two importers are all-or-nothing: the whole file is read and every line checked first
 * (csv_read.h collects structural problems with their line numbers, the checks here add field
 * problems to the same list); any problem is reported as "FILE line N, column C: expected ...,
 * got '...'" and nothing is written. --dry-run stops after the checks. */
#include "admin.h"
#include "milestone_fields.h"
#include "csv_read.h"
#include "dates.h"
#include "db.h"
#include "table_out.h"
#include "text.h"
#include "unit_import.h"

#include <stdlib.h>
#include <string.h>

#define TITLE_MAX 200
#define STATEMENT_MAX 500
#define STANDARD_MAX 100
#define NOTE_MAX 500

/* ---- helpers ---------------------------------------------------------------------------- */

static bool parse_id(const char *s, long long *out)
{
    char *end = NULL;
    if (!s || !*s)
        return false;
    if (*s == '#')
        s++;
    long long v = strtoll(s, &end, 10);
    if (*end || end == s || v <= 0)
        return false;
    *out = v;
    return true;
}

static int find_row(sp_admin *a, const char *sql, const char *text, const char *what, long long *id)
{
    long long v;
    if (!parse_id(text, &v))
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected a %s id (a number, see `%s list`), got '%s'", what,
                             strcmp(what, "learning target") == 0 ? "unit show" : "unit", text ? text : "");
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, sql, -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "lookup failed");
    sqlite3_bind_int64(st, 1, v);
    int s = sqlite3_step(st);
    sqlite3_finalize(st);
    if (s == SQLITE_ROW) {
        *id = v;
        return SP_EXIT_OK;
    }
    if (s == SQLITE_DONE)
        return sp_admin_fail(a, SP_EXIT_USAGE, "no %s with id %lld", what, v);
    return sp_admin_fail_sql(a, "lookup failed");
}

static int find_unit(sp_admin *a, const char *text, long long *id)
{
    return find_row(a, "SELECT 1 FROM units WHERE id = ?1", text, "unit", id);
}

static int find_target(sp_admin *a, const char *text, long long *id)
{
    return find_row(a, "SELECT 1 FROM learning_targets WHERE id = ?1", text, "learning target", id);
}

static int required(sp_admin *a, const char *opt, const char *value)
{
    if (!value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--%s is required (see --help)", opt);
    return SP_EXIT_OK;
}

static int check_required_text(sp_admin *a, const char *opt, const char *value, size_t max)
{
    int rc;
    char field[40];
    snprintf(field, sizeof field, "--%s", opt);
    if ((rc = required(a, opt, value)) || (rc = sp_admin_check_text(a, field, value, max, false)))
        return rc;
    if (!*value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--%s: expected 1 to %zu characters, got an empty value", opt, max);
    return SP_EXIT_OK;
}

static bool rating_parse(const char *s, int *out)
{
    if (!s || s[0] < '1' || s[0] > '4' || s[1])
        return false;
    *out = s[0] - '0';
    return true;
}

static int step_done(sp_admin *a, sqlite3_stmt *st, const char *what)
{
    int s = sqlite3_step(st);
    if (s != SQLITE_DONE && s != SQLITE_ROW) {
        int rc = sp_admin_fail_sql(a, what);
        sqlite3_finalize(st);
        return rc;
    }
    sqlite3_finalize(st);
    return SP_EXIT_OK;
}

/* Runs a query and prints it as a table (or adds it as a JSON array under key of obj). */
static int print_query(sp_admin *a, sqlite3_stmt *st, int ncols, const char *const *headers, const char *empty,
                       json_t *obj, const char *key)
{
    sp_table *t = sp_table_new(ncols, headers);
    json_t *arr = json_array();
    int s;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        sp_table_add_stmt(t, st);
        json_array_append_new(arr, sp_json_from_stmt(st));
    }
    sqlite3_finalize(st);
    if (s != SQLITE_DONE) {
        sp_table_free(t);
        json_decref(arr);
        return sp_admin_fail_sql(a, "reading failed");
    }
    if (!a->json)
        sp_table_print(t, a->out, empty);
    sp_table_free(t);
    if (obj)
        json_object_set_new(obj, key, arr);
    else if (a->json)
        a->result = arr;
    else
        json_decref(arr);
    return SP_EXIT_OK;
}

/* Moves targets at position >= pos one place down (two steps so UNIQUE never sees a clash). */
static int make_room(sp_admin *a, long long unit, int pos)
{
    static const char *const SQL[] = {
        "UPDATE learning_targets SET position = position + 1000000 WHERE unit_id = ?1 AND position >= ?2",
        "UPDATE learning_targets SET position = position - 999999 WHERE unit_id = ?1 AND position > 1000000"};
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(a->db, SQL[i], -1, &st, NULL) != SQLITE_OK)
            return sp_admin_fail_sql(a, "renumbering targets failed");
        sqlite3_bind_int64(st, 1, unit);
        sqlite3_bind_int(st, 2, pos);
        int rc = step_done(a, st, "renumbering targets failed");
        if (rc)
            return rc;
    }
    return SP_EXIT_OK;
}

static int next_position(sp_admin *a, long long unit)
{
    sqlite3_stmt *st = NULL;
    int pos = 1;
    if (sqlite3_prepare_v2(a->db, "SELECT coalesce(max(position), 0) + 1 FROM learning_targets WHERE unit_id = ?1", -1,
                           &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, unit);
        if (sqlite3_step(st) == SQLITE_ROW)
            pos = sqlite3_column_int(st, 0);
    }
    sqlite3_finalize(st);
    return pos;
}

/* ---- unit ---------------------------------------------------------------------------------- */

static int set_current(sp_admin *a, long long class_id, long long unit_id)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "UPDATE units SET is_current = (id = ?2) WHERE class_id = ?1 AND (is_current = 1 OR id = ?2)",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "setting the current unit failed");
    sqlite3_bind_int64(st, 1, class_id);
    sqlite3_bind_int64(st, 2, unit_id);
    /* Clear first, then set, so the one-current-unit index never sees two. */
    sqlite3_stmt *clear = NULL;
    if (sqlite3_prepare_v2(a->db, "UPDATE units SET is_current = 0 WHERE class_id = ?1 AND id <> ?2", -1, &clear,
                           NULL) != SQLITE_OK) {
        sqlite3_finalize(st);
        return sp_admin_fail_sql(a, "setting the current unit failed");
    }
    sqlite3_bind_int64(clear, 1, class_id);
    sqlite3_bind_int64(clear, 2, unit_id);
    int rc = step_done(a, clear, "setting the current unit failed");
    if (rc) {
        sqlite3_finalize(st);
        return rc;
    }
    return step_done(a, st, "setting the current unit failed");
}

static int unit_add(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"class", true, NULL}, {"title", true, NULL}, {"starts", true, NULL}, {"ends", true, NULL},
                  {"current", false, NULL}};
    int rc, starts = 0, ends = 0;
    long long class_id;
    if ((rc = sp_admin_parse(a, argc, argv, o, 5, NULL, 0, NULL)) || (rc = required(a, "class", o[0].value)) ||
        (rc = check_required_text(a, "title", o[1].value, TITLE_MAX)) ||
        (rc = sp_admin_find_class(a, o[0].value, &class_id)))
        return rc;
    if (o[2].value && (rc = sp_admin_parse_date(a, "--starts", o[2].value, &starts)))
        return rc;
    if (o[3].value && (rc = sp_admin_parse_date(a, "--ends", o[3].value, &ends)))
        return rc;
    if (o[2].value && o[3].value && ends < starts)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--ends: expected a date on or after --starts (%s), got '%s'",
                             o[2].value, o[3].value);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "INSERT INTO units(class_id, title, starts_on, ends_on) VALUES (?1, ?2, ?3, ?4)", -1,
                           &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "adding the unit failed");
    char d1[11], d2[11];
    sqlite3_bind_int64(st, 1, class_id);
    sqlite3_bind_text(st, 2, o[1].value, -1, SQLITE_STATIC);
    if (o[2].value) {
        sp_date_format(starts, d1);
        sqlite3_bind_text(st, 3, d1, -1, SQLITE_STATIC);
    }
    if (o[3].value) {
        sp_date_format(ends, d2);
        sqlite3_bind_text(st, 4, d2, -1, SQLITE_STATIC);
    }
    if ((rc = step_done(a, st, "adding the unit failed")))
        return rc;
    long long id = sqlite3_last_insert_rowid(a->db);
    if (o[4].value && (rc = set_current(a, class_id, id)))
        return rc;
    if (a->json)
        a->result = json_pack("{s:I, s:s, s:s, s:b}", "id", (json_int_t)id, "class", o[0].value, "title", o[1].value,
                              "current", o[4].value != NULL);
    sp_admin_printf(a, "Added unit %lld \"%s\" to %s%s.\n", id, o[1].value, o[0].value,
                    o[4].value ? " as the current unit" : "");
    return SP_EXIT_OK;
}

static int unit_current(sp_admin *a, int argc, char **argv)
{
    const char *pos[1];
    int npos = 0, rc;
    long long id, class_id = 0;
    if ((rc = sp_admin_parse(a, argc, argv, NULL, 0, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the id of the unit (see `unit list`)");
    if ((rc = find_unit(a, pos[0], &id)))
        return rc;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "SELECT class_id FROM units WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the unit failed");
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW)
        class_id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if ((rc = set_current(a, class_id, id)))
        return rc;
    if (a->json)
        a->result = json_pack("{s:I, s:b}", "id", (json_int_t)id, "current", 1);
    sp_admin_printf(a, "Unit %lld is now its class's current unit (the kiosk's mastery tracker shows it).\n", id);
    return SP_EXIT_OK;
}

static int unit_list(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"class", true, NULL}};
    int rc;
    long long class_id = 0;
    if ((rc = sp_admin_parse(a, argc, argv, o, 1, NULL, 0, NULL)))
        return rc;
    if (o[0].value && (rc = sp_admin_find_class(a, o[0].value, &class_id)))
        return rc;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "SELECT u.id, c.code AS class, u.title, coalesce(u.starts_on, '') AS starts, "
                           "coalesce(u.ends_on, '') AS ends, CASE u.is_current WHEN 1 THEN 'yes' ELSE '' END AS current, "
                           "(SELECT count(*) FROM learning_targets t WHERE t.unit_id = u.id) AS targets, "
                           "(SELECT count(*) FROM unit_assignments x WHERE x.unit_id = u.id) AS assignments "
                           "FROM units u JOIN classes c ON c.id = u.class_id WHERE (?1 = 0 OR u.class_id = ?1) "
                           "ORDER BY c.code, coalesce(u.starts_on, ''), u.id",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "listing units failed");
    sqlite3_bind_int64(st, 1, class_id);
    return print_query(a, st, 8, (const char *[]){"ID", "Class", "Title", "Starts", "Ends", "Current", "Targets", "Assignments"},
                       "No units yet (add one with `signpost-admin unit add`).", NULL, NULL);
}

static int unit_show(sp_admin *a, int argc, char **argv)
{
    const char *pos[1];
    int npos = 0, rc;
    long long id;
    if ((rc = sp_admin_parse(a, argc, argv, NULL, 0, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the id of the unit to show (see `unit list`)");
    if ((rc = find_unit(a, pos[0], &id)))
        return rc;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "SELECT u.id, c.code AS class, c.name AS class_name, u.title, u.starts_on, u.ends_on, "
                           "u.is_current AS current FROM units u JOIN classes c ON c.id = u.class_id WHERE u.id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the unit failed");
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return sp_admin_fail_sql(a, "reading the unit failed");
    }
    json_t *obj = a->json ? sp_json_from_stmt(st) : NULL;
    sp_admin_printf(a, "%s (unit id %lld)\nClass:   %s (%s)\nDates:   %s to %s%s\n\nLearning targets:\n",
                    (const char *)sqlite3_column_text(st, 3), id, (const char *)sqlite3_column_text(st, 1),
                    (const char *)sqlite3_column_text(st, 2),
                    sqlite3_column_type(st, 4) == SQLITE_NULL ? "(no start)" : (const char *)sqlite3_column_text(st, 4),
                    sqlite3_column_type(st, 5) == SQLITE_NULL ? "(no end)" : (const char *)sqlite3_column_text(st, 5),
                    sqlite3_column_int(st, 6) ? "  (current unit)" : "");
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(a->db,
                           "SELECT t.position, t.id, t.statement, t.standard_code AS standard, "
                           "(SELECT count(DISTINCT r.student_id) FROM mastery_ratings r WHERE r.target_id = t.id "
                           " AND r.rater = 'teacher') AS teacher_rated, "
                           "(SELECT count(DISTINCT r.student_id) FROM mastery_ratings r WHERE r.target_id = t.id "
                           " AND r.rater = 'student') AS self_rated "
                           "FROM learning_targets t WHERE t.unit_id = ?1 ORDER BY t.position",
                           -1, &st, NULL) != SQLITE_OK) {
        json_decref(obj);
        return sp_admin_fail_sql(a, "reading the targets failed");
    }
    sqlite3_bind_int64(st, 1, id);
    if ((rc = print_query(a, st, 6, (const char *[]){"#", "Target ID", "I can ...", "Standard", "Teacher-rated", "Self-rated"},
                          "  (no learning targets yet: add them with `signpost-admin target add` or `target import`)",
                          obj, "targets"))) {
        json_decref(obj);
        return rc;
    }
    sp_admin_printf(a, "\nAssignments:\n");
    if (sqlite3_prepare_v2(a->db, "SELECT id, title FROM unit_assignments WHERE unit_id = ?1 ORDER BY id", -1, &st,
                           NULL) != SQLITE_OK) {
        json_decref(obj);
        return sp_admin_fail_sql(a, "reading the assignments failed");
    }
    sqlite3_bind_int64(st, 1, id);
    rc = print_query(a, st, 2, (const char *[]){"ID", "Title"}, "  (none)", obj, "assignments");
    if (rc) {
        json_decref(obj);
        return rc;
    }
    a->result = obj;
    return SP_EXIT_OK;
}

static int unit_assignment(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"title", true, NULL}};
    const char *pos[1];
    int npos = 0, rc;
    long long id;
    if ((rc = sp_admin_parse(a, argc, argv, o, 1, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the id of the unit (see `unit list`)");
    if ((rc = find_unit(a, pos[0], &id)) || (rc = check_required_text(a, "title", o[0].value, TITLE_MAX)))
        return rc;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "INSERT INTO unit_assignments(unit_id, title) VALUES (?1, ?2)", -1, &st, NULL) !=
        SQLITE_OK)
        return sp_admin_fail_sql(a, "adding the assignment failed");
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, o[0].value, -1, SQLITE_STATIC);
    if ((rc = step_done(a, st, "adding the assignment failed")))
        return rc;
    long long aid = sqlite3_last_insert_rowid(a->db);
    if (a->json)
        a->result = json_pack("{s:I, s:I, s:s}", "id", (json_int_t)aid, "unit", (json_int_t)id, "title", o[0].value);
    sp_admin_printf(a, "Added assignment %lld \"%s\" to unit %lld.\n", aid, o[0].value, id);
    return SP_EXIT_OK;
}

/* ---- target -------------------------------------------------------------------------------- */

static int insert_target(sp_admin *a, long long unit, int pos, const char *statement, const char *standard,
                         long long *id)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "INSERT INTO learning_targets(unit_id, position, statement, standard_code) VALUES (?1, ?2, ?3, ?4)",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "adding the learning target failed");
    sqlite3_bind_int64(st, 1, unit);
    sqlite3_bind_int(st, 2, pos);
    sqlite3_bind_text(st, 3, statement, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, standard ? standard : "", -1, SQLITE_STATIC);
    int rc = step_done(a, st, "adding the learning target failed");
    if (!rc && id)
        *id = sqlite3_last_insert_rowid(a->db);
    return rc;
}

static int target_add(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"unit", true, NULL}, {"statement", true, NULL}, {"standard", true, NULL}, {"position", true, NULL}};
    int rc;
    long long unit, id;
    if ((rc = sp_admin_parse(a, argc, argv, o, 4, NULL, 0, NULL)) || (rc = required(a, "unit", o[0].value)) ||
        (rc = find_unit(a, o[0].value, &unit)) || (rc = check_required_text(a, "statement", o[1].value, STATEMENT_MAX)) ||
        (rc = sp_admin_check_text(a, "--standard", o[2].value, STANDARD_MAX, false)))
        return rc;
    int next = next_position(a, unit), pos = next;
    if (o[3].value) {
        long long p;
        if (!parse_id(o[3].value, &p) || o[3].value[0] == '#' || p > 100000)
            return sp_admin_fail(a, SP_EXIT_USAGE, "--position: expected a whole number from 1 (first) to %d, got '%s'",
                                 next, o[3].value);
        pos = p > next ? next : (int)p;
        if (pos < next && (rc = make_room(a, unit, pos)))
            return rc;
    }
    if ((rc = insert_target(a, unit, pos, o[1].value, o[2].value, &id)))
        return rc;
    if (a->json)
        a->result = json_pack("{s:I, s:I, s:i, s:s, s:s}", "id", (json_int_t)id, "unit", (json_int_t)unit, "position",
                              pos, "statement", o[1].value, "standard_code", o[2].value ? o[2].value : "");
    sp_admin_printf(a, "Added learning target %lld at position %d of unit %lld: %s\n", id, pos, unit, o[1].value);
    return SP_EXIT_OK;
}

/* Prints the file's problems (sorted by line, capped) and the verdict. Returns SP_EXIT_USAGE. */
static int report_errors(sp_admin *a, const char *path, sp_csv_table *t, bool dry_run)
{
    return sp_ms_report_csv(a, path, t, dry_run);
}

static void bad_field(sp_csv_table *t, long line, const char *column, const char *expected, const char *value,
                      const char *why)
{
    char ex[200];
    sp_excerpt(value, ex, sizeof ex);
    sp_csv_add_error(t, line, "column %s: expected %s, got '%s'%s%s%s", column, expected, ex, why ? " (" : "",
                     why ? why : "", why ? ")" : "");
}

/* Finding lines that repeat a key: sort (key, line) and compare neighbours, so a file of
 * 200,000 lines is checked in a moment rather than comparing every line with every other. */
typedef struct {
    long long a, b;  /* the key: two ids, or a string's rank */
    const char *str; /* or a string key (a is then unused) */
    size_t row;
} dup_key;

static int by_dup_key(const void *x, const void *y)
{
    const dup_key *p = x, *q = y;
    int c = p->str && q->str ? strcmp(p->str, q->str) : 0;
    if (c)
        return c;
    if (p->a != q->a)
        return (p->a > q->a) - (p->a < q->a);
    if (p->b != q->b)
        return (p->b > q->b) - (p->b < q->b);
    return (p->row > q->row) - (p->row < q->row);
}

/* Sorts keys (n of them) and calls report(ctx, row, first_row) for every row whose key an
 * earlier row already used. */
static void report_duplicates(dup_key *keys, size_t n, void (*report)(void *, size_t, size_t), void *ctx)
{
    qsort(keys, n, sizeof *keys, by_dup_key);
    for (size_t i = 1, first = 0; i < n; i++) {
        dup_key k = keys[i], f = keys[first];
        bool same = k.a == f.a && k.b == f.b && (!k.str || strcmp(k.str, f.str) == 0);
        if (!same)
            first = i;
        else
            report(ctx, k.row, f.row);
    }
}

typedef struct {
    sp_csv_table *t;
    int col;
    const char *expected; /* printf format with %ld for the first line */
    const char *column;
} dup_report;

static void report_dup(void *ctx, size_t row, size_t first)
{
    dup_report *d = ctx;
    char ex[120];
    snprintf(ex, sizeof ex, d->expected, d->t->records[first].line);
    bad_field(d->t, d->t->records[row].line, d->column, ex, sp_csv_value(&d->t->records[row], d->col), NULL);
}

static void check_csv_text(sp_csv_table *t, long line, const char *column, const char *v, size_t min, size_t max)
{
    char why[160], expected[96];
    if (min && !*v) {
        snprintf(expected, sizeof expected, "a value (1 to %zu characters)", max);
        bad_field(t, line, column, expected, v, NULL);
    } else if (!sp_text_ok(v, max, false, why, sizeof why)) {
        snprintf(expected, sizeof expected, "text of at most %zu characters in UTF-8 on one line", max);
        bad_field(t, line, column, expected, v, strncmp(why, "is ", 3) == 0 ? why + 3 : why);
    }
}

static int read_csv(sp_admin *a, const char *path, sp_csv_table *t)
{
    char err[512];
    if (!sp_csv_read_file(path, t, err, sizeof err)) {
        sp_csv_free(t);
        return sp_admin_fail(a, SP_EXIT_USAGE, "%s", err);
    }
    return SP_EXIT_OK;
}

static int target_import(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"unit", true, NULL}, {"dry-run", false, NULL}};
    const char *pos[1];
    int npos = 0, rc;
    long long unit;
    if ((rc = sp_admin_parse(a, argc, argv, o, 2, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the path of a CSV file (see --help)");
    if ((rc = required(a, "unit", o[0].value)) || (rc = find_unit(a, o[0].value, &unit)))
        return rc;
    bool dry_run = o[1].value != NULL;
    const char *path = pos[0];
    sp_csv_table t = {0};
    if ((rc = read_csv(a, path, &t)))
        return rc;
    int c_pos = sp_csv_column(&t, "position"), c_stmt = sp_csv_column(&t, "statement"),
        c_std = sp_csv_column(&t, "standard_code");
    if (c_std < 0)
        c_std = sp_csv_column(&t, "standard");
    if (t.columns && c_stmt < 0)
        sp_csv_add_error(&t, t.header_line, "header row: expected a column named statement (position and "
                                            "standard_code are optional)");
    int next = next_position(a, unit);
    int *positions = calloc(t.nrecords ? t.nrecords : 1, sizeof *positions);
    if (!positions) {
        sp_csv_free(&t);
        return sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
    }
    sqlite3_stmt *taken = NULL;
    if (sqlite3_prepare_v2(a->db, "SELECT 1 FROM learning_targets WHERE unit_id = ?1 AND position = ?2", -1, &taken,
                           NULL) != SQLITE_OK) {
        free(positions);
        sp_csv_free(&t);
        return sp_admin_fail_sql(a, "reading the targets failed");
    }
    for (size_t i = 0; c_stmt >= 0 && i < t.nrecords; i++) {
        const sp_csv_record *r = &t.records[i];
        check_csv_text(&t, r->line, "statement", sp_csv_value(r, c_stmt), 1, STATEMENT_MAX);
        check_csv_text(&t, r->line, "standard_code", sp_csv_value(r, c_std), 0, STANDARD_MAX);
        const char *pv = sp_csv_value(r, c_pos);
        long long p = 0;
        if (!*pv) {
            positions[i] = next++;
            continue;
        }
        if (pv[0] == '#' || !parse_id(pv, &p) || p > 100000) {
            bad_field(&t, r->line, "position", "a whole number from 1 (or nothing to add at the end)", pv, NULL);
            continue;
        }
        positions[i] = (int)p;
        sqlite3_reset(taken);
        sqlite3_bind_int64(taken, 1, unit);
        sqlite3_bind_int(taken, 2, (int)p);
        if (sqlite3_step(taken) == SQLITE_ROW) {
            char ex[96];
            snprintf(ex, sizeof ex, "a position not yet used in unit %lld (see `unit show %lld`)", unit, unit);
            bad_field(&t, r->line, "position", ex, pv, NULL);
        }
        if (p >= next)
            next = (int)p + 1;
    }
    sqlite3_finalize(taken);
    dup_key *keys = calloc(t.nrecords ? t.nrecords : 1, sizeof *keys);
    size_t nkeys = 0;
    for (size_t i = 0; keys && c_stmt >= 0 && i < t.nrecords; i++)
        if (*sp_csv_value(&t.records[i], c_pos) && positions[i] > 0)
            keys[nkeys++] = (dup_key){positions[i], 0, NULL, i};
    dup_report dr = {&t, c_pos, "each position once in the file (first on line %ld)", "position"};
    if (keys)
        report_duplicates(keys, nkeys, report_dup, &dr);
    free(keys);
    if (t.nerrors) {
        rc = report_errors(a, path, &t, dry_run);
        goto done;
    }
    for (size_t i = 0; !dry_run && i < t.nrecords; i++) {
        const sp_csv_record *r = &t.records[i];
        if ((rc = insert_target(a, unit, positions[i], sp_csv_value(r, c_stmt), sp_csv_value(r, c_std), NULL)))
            goto done;
    }
    if (a->json)
        a->result = json_pack("{s:s, s:b, s:b, s:I, s:I}", "file", path, "ok", 1, "dry_run", dry_run, "unit",
                              (json_int_t)unit, "targets", (json_int_t)t.nrecords);
    if (dry_run)
        sp_admin_printf(a, "%s: %zu learning targets checked, no problems found. Nothing was written (dry run).\n", path,
                        t.nrecords);
    else
        sp_admin_printf(a, "%s: added %zu learning targets to unit %lld.\n", path, t.nrecords, unit);
    rc = SP_EXIT_OK;
done:
    free(positions);
    sp_csv_free(&t);
    return rc;
}

static int target_list(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"unit", true, NULL}};
    int rc;
    long long unit;
    if ((rc = sp_admin_parse(a, argc, argv, o, 1, NULL, 0, NULL)) || (rc = required(a, "unit", o[0].value)) ||
        (rc = find_unit(a, o[0].value, &unit)))
        return rc;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "SELECT id, position, statement, standard_code FROM learning_targets WHERE unit_id = ?1 "
                           "ORDER BY position",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "listing targets failed");
    sqlite3_bind_int64(st, 1, unit);
    return print_query(a, st, 4, (const char *[]){"ID", "#", "I can ...", "Standard"}, "No learning targets in this unit.",
                       NULL, NULL);
}

/* ---- mastery ------------------------------------------------------------------------------- */

static int insert_rating(sp_admin *a, sqlite3_stmt **st, long long target, long long student, int rating,
                         const char *evidence, const char *next_step, long long staff)
{
    char now[32];
    if (!*st && sqlite3_prepare_v2(a->db,
                                   "INSERT INTO mastery_ratings(target_id, student_id, rater, rating, evidence, next_step, "
                                   "rated_at, staff_id) VALUES (?1, ?2, 'teacher', ?3, ?4, ?5, ?6, ?7)",
                                   -1, st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "saving the rating failed");
    sp_now_iso(now);
    sqlite3_reset(*st);
    sqlite3_clear_bindings(*st);
    sqlite3_bind_int64(*st, 1, target);
    sqlite3_bind_int64(*st, 2, student);
    sqlite3_bind_int(*st, 3, rating);
    sqlite3_bind_text(*st, 4, evidence ? evidence : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(*st, 5, next_step ? next_step : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(*st, 6, now, -1, SQLITE_TRANSIENT);
    if (staff)
        sqlite3_bind_int64(*st, 7, staff);
    if (sqlite3_step(*st) != SQLITE_DONE)
        return sp_admin_fail_sql(a, "saving the rating failed");
    return SP_EXIT_OK;
}

static int mastery_rate(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"student", true, NULL}, {"target", true, NULL}, {"rating", true, NULL},
                  {"evidence", true, NULL}, {"next", true, NULL}, {"staff", true, NULL}};
    int rc, rating;
    long long student, target, staff = 0;
    if ((rc = sp_admin_parse(a, argc, argv, o, 6, NULL, 0, NULL)) || (rc = required(a, "student", o[0].value)) ||
        (rc = required(a, "target", o[1].value)) || (rc = required(a, "rating", o[2].value)) ||
        (rc = sp_admin_find_student(a, o[0].value, &student)) || (rc = find_target(a, o[1].value, &target)) ||
        (rc = sp_admin_check_text(a, "--evidence", o[3].value, NOTE_MAX, false)) ||
        (rc = sp_admin_check_text(a, "--next", o[4].value, NOTE_MAX, false)))
        return rc;
    if (!rating_parse(o[2].value, &rating))
        return sp_admin_fail(a, SP_EXIT_USAGE,
                             "--rating: expected 1 (just starting), 2 (getting there), 3 (got it) or 4 (can teach it), "
                             "got '%s'",
                             o[2].value);
    if (o[5].value && (rc = sp_admin_find_staff(a, o[5].value, &staff)))
        return rc;
    sqlite3_stmt *st = NULL;
    rc = insert_rating(a, &st, target, student, rating, o[3].value, o[4].value, staff);
    sqlite3_finalize(st);
    if (rc)
        return rc;
    if (a->json)
        a->result = json_pack("{s:s, s:I, s:i, s:s}", "student", o[0].value, "target", (json_int_t)target, "rating",
                              rating, "rater", "teacher");
    sp_admin_printf(a, "Recorded a teacher rating of %d for %s on learning target %lld.\n", rating, o[0].value, target);
    return SP_EXIT_OK;
}

/* A grid column: a target of the unit, by position ("3") or by id ("#17"). */
static long long grid_target(sp_admin *a, long long unit, const char *header, bool *bad_header)
{
    long long v;
    bool by_id = header[0] == '#' || strncmp(header, "id:", 3) == 0;
    const char *num = header[0] == '#' ? header + 1 : by_id ? header + 3 : header;
    *bad_header = true;
    char *end = NULL;
    v = strtoll(num, &end, 10);
    if (!*num || *end || v <= 0)
        return 0;
    sqlite3_stmt *st = NULL;
    long long id = 0;
    if (sqlite3_prepare_v2(a->db,
                           by_id ? "SELECT id FROM learning_targets WHERE unit_id = ?1 AND id = ?2"
                                 : "SELECT id FROM learning_targets WHERE unit_id = ?1 AND position = ?2",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, unit);
        sqlite3_bind_int64(st, 2, v);
        if (sqlite3_step(st) == SQLITE_ROW)
            id = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    *bad_header = false;
    return id;
}

/* The by-student layout: one rating per line (sis_id, target, rating, evidence, next_step), the
 * way a gradebook export or a form's responses list them. */
static int import_by_student(sp_admin *a, const char *path, sp_csv_table *t, long long unit, long long class_id,
                             long long staff, bool dry_run)
{
    int c_sis = sp_csv_column(t, "sis_id"), c_target = sp_csv_column(t, "target"), c_rating = sp_csv_column(t, "rating"),
        c_evidence = sp_csv_column(t, "evidence"), c_next = sp_csv_column(t, "next_step");
    int rc = SP_EXIT_OK;
    sqlite3_stmt *st = NULL, *ins = NULL;
    long long *students = calloc(t->nrecords ? t->nrecords : 1, sizeof *students);
    long long *targets = calloc(t->nrecords ? t->nrecords : 1, sizeof *targets);
    int *ratings = calloc(t->nrecords ? t->nrecords : 1, sizeof *ratings);
    if (!students || !targets || !ratings) {
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
        goto done;
    }
    if (c_sis < 0 || c_target < 0)
        sp_csv_add_error(t, t->header_line, "header row: expected columns sis_id, target and rating (evidence and "
                                            "next_step optional)");
    if (sqlite3_prepare_v2(a->db,
                           "SELECT s.id, EXISTS (SELECT 1 FROM enrollments e WHERE e.student_id = s.id AND e.class_id = ?2) "
                           "FROM students s WHERE s.sis_id = ?1",
                           -1, &st, NULL) != SQLITE_OK) {
        rc = sp_admin_fail_sql(a, "reading students failed");
        goto done;
    }
    for (size_t r = 0; c_sis >= 0 && c_target >= 0 && r < t->nrecords; r++) {
        const sp_csv_record *rec = &t->records[r];
        const char *sis = sp_csv_value(rec, c_sis), *target = sp_csv_value(rec, c_target);
        const char *rating = sp_csv_value(rec, c_rating);
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, sis, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, class_id);
        if (sqlite3_step(st) != SQLITE_ROW)
            bad_field(t, rec->line, "sis_id", "the SIS id of a student (see `student list`)", sis, NULL);
        else if (!sqlite3_column_int(st, 1))
            bad_field(t, rec->line, "sis_id", "a student enrolled in the unit's class", sis, NULL);
        else
            students[r] = sqlite3_column_int64(st, 0);
        bool bad_target;
        char expected[120];
        targets[r] = grid_target(a, unit, target, &bad_target);
        snprintf(expected, sizeof expected, "a learning target of unit %lld as its position (1, 2, ...) or id (#17)",
                 unit);
        if (!targets[r])
            bad_field(t, rec->line, "target", expected, target,
                      bad_target ? NULL : "no such target in this unit; see `unit show`");
        if (!rating_parse(rating, &ratings[r]))
            bad_field(t, rec->line, "rating", "a rating 1-4", rating, NULL);
        if (c_evidence >= 0)
            check_csv_text(t, rec->line, "evidence", sp_csv_value(rec, c_evidence), 0, NOTE_MAX);
        if (c_next >= 0)
            check_csv_text(t, rec->line, "next_step", sp_csv_value(rec, c_next), 0, NOTE_MAX);
    }
    sqlite3_finalize(st);
    st = NULL;
    dup_key *keys = calloc(t->nrecords ? t->nrecords : 1, sizeof *keys);
    size_t nkeys = 0;
    for (size_t r = 0; keys && r < t->nrecords; r++)
        if (students[r] && targets[r])
            keys[nkeys++] = (dup_key){students[r], targets[r], NULL, r};
    dup_report dr = {t, c_target, "one rating per student and target (the same pair is on line %ld)", "target"};
    if (keys)
        report_duplicates(keys, nkeys, report_dup, &dr);
    free(keys);
    if (t->nerrors) {
        rc = report_errors(a, path, t, dry_run);
        goto done;
    }
    for (size_t r = 0; !dry_run && r < t->nrecords; r++) {
        const sp_csv_record *rec = &t->records[r];
        if ((rc = insert_rating(a, &ins, targets[r], students[r], ratings[r],
                                c_evidence >= 0 ? sp_csv_value(rec, c_evidence) : NULL,
                                c_next >= 0 ? sp_csv_value(rec, c_next) : NULL, staff)))
            goto done;
    }
    if (a->json)
        a->result = json_pack("{s:s, s:b, s:b, s:I, s:s, s:I}", "file", path, "ok", 1, "dry_run", dry_run, "unit",
                              (json_int_t)unit, "layout", "by-student", "ratings", (json_int_t)t->nrecords);
    if (dry_run)
        sp_admin_printf(a, "%s: %zu ratings checked, no problems found. Nothing was written (dry run).\n", path,
                        t->nrecords);
    else
        sp_admin_printf(a, "%s: recorded %zu teacher ratings.\n", path, t->nrecords);
done:
    sqlite3_finalize(st);
    sqlite3_finalize(ins);
    free(students);
    free(targets);
    free(ratings);
    return rc;
}

static int mastery_import(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"unit", true, NULL}, {"dry-run", false, NULL}, {"staff", true, NULL}};
    const char *pos[1];
    int npos = 0, rc;
    long long unit, staff = 0, class_id = 0;
    if ((rc = sp_admin_parse(a, argc, argv, o, 3, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the path of a CSV file (see --help)");
    if ((rc = required(a, "unit", o[0].value)) || (rc = find_unit(a, o[0].value, &unit)))
        return rc;
    if (o[2].value && (rc = sp_admin_find_staff(a, o[2].value, &staff)))
        return rc;
    bool dry_run = o[1].value != NULL;
    const char *path = pos[0];
    sqlite3_stmt *st = NULL, *ins = NULL;
    if (sqlite3_prepare_v2(a->db, "SELECT class_id FROM units WHERE id = ?1", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, unit);
        if (sqlite3_step(st) == SQLITE_ROW)
            class_id = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    st = NULL;
    sp_csv_table t = {0};
    if ((rc = read_csv(a, path, &t)))
        return rc;
    if (sp_csv_column(&t, "rating") >= 0) {
        rc = import_by_student(a, path, &t, unit, class_id, staff, dry_run);
        sp_csv_free(&t);
        return rc;
    }
    int c_sis = sp_csv_column(&t, "sis_id");
    long long *targets = calloc(t.ncols ? (size_t)t.ncols : 1, sizeof *targets);
    long long *students = calloc(t.nrecords ? t.nrecords : 1, sizeof *students);
    if (!targets || !students) {
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
        goto done;
    }
    if (t.columns && c_sis < 0)
        sp_csv_add_error(&t, t.header_line, "header row: expected a column named sis_id, then one column per learning "
                                            "target (its position such as 1, or its id such as #17)");
    int ntarget_cols = 0;
    for (int i = 0; t.columns && i < t.ncols; i++) {
        if (i == c_sis)
            continue;
        bool bad_header;
        char ex[120];
        targets[i] = grid_target(a, unit, t.columns[i], &bad_header);
        if (!targets[i])
            sp_csv_add_error(&t, t.header_line,
                             "header row, column %d: expected a learning target of unit %lld as its position (1, 2, ...) "
                             "or id (#17), got '%s'%s",
                             i + 1, unit, sp_excerpt(t.columns[i], ex, sizeof ex),
                             bad_header ? "" : " (no such target in this unit; see `unit show`)");
        else
            ntarget_cols++;
    }
    if (t.columns && c_sis >= 0 && ntarget_cols == 0 && t.nerrors == 0)
        sp_csv_add_error(&t, t.header_line, "header row: expected at least one learning target column after sis_id");
    if (sqlite3_prepare_v2(a->db,
                           "SELECT s.id, EXISTS (SELECT 1 FROM enrollments e WHERE e.student_id = s.id AND e.class_id = ?2) "
                           "FROM students s WHERE s.sis_id = ?1",
                           -1, &st, NULL) != SQLITE_OK) {
        rc = sp_admin_fail_sql(a, "reading students failed");
        goto done;
    }
    for (size_t r = 0; c_sis >= 0 && r < t.nrecords; r++) {
        const sp_csv_record *rec = &t.records[r];
        const char *sis = sp_csv_value(rec, c_sis);
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, sis, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, class_id);
        if (sqlite3_step(st) != SQLITE_ROW)
            bad_field(&t, rec->line, "sis_id", "the SIS id of a student (see `student list`)", sis, NULL);
        else if (!sqlite3_column_int(st, 1))
            bad_field(&t, rec->line, "sis_id", "a student enrolled in the unit's class", sis, NULL);
        else
            students[r] = sqlite3_column_int64(st, 0);
        for (int i = 0; i < t.ncols; i++) {
            int rating;
            const char *v = sp_csv_value(rec, i);
            if (i == c_sis || !targets[i] || !*v)
                continue;
            if (!rating_parse(v, &rating))
                bad_field(&t, rec->line, t.columns[i], "a rating 1-4 (or nothing)", v, NULL);
        }
    }
    sqlite3_finalize(st);
    st = NULL;
    dup_key *keys = calloc(t.nrecords ? t.nrecords : 1, sizeof *keys);
    for (size_t r = 0; keys && c_sis >= 0 && r < t.nrecords; r++)
        keys[r] = (dup_key){0, 0, sp_csv_value(&t.records[r], c_sis), r};
    dup_report dr = {&t, c_sis, "each student once in the file (first on line %ld)", "sis_id"};
    if (keys && c_sis >= 0)
        report_duplicates(keys, t.nrecords, report_dup, &dr);
    free(keys);
    if (t.nerrors) {
        rc = report_errors(a, path, &t, dry_run);
        goto done;
    }
    int ratings = 0;
    for (size_t r = 0; r < t.nrecords; r++)
        for (int i = 0; i < t.ncols; i++) {
            int rating;
            if (i == c_sis || !targets[i] || !rating_parse(sp_csv_value(&t.records[r], i), &rating))
                continue;
            if (!dry_run && (rc = insert_rating(a, &ins, targets[i], students[r], rating, NULL, NULL, staff)))
                goto done;
            ratings++;
        }
    if (a->json)
        a->result = json_pack("{s:s, s:b, s:b, s:I, s:I, s:i}", "file", path, "ok", 1, "dry_run", dry_run, "unit",
                              (json_int_t)unit, "students", (json_int_t)t.nrecords, "ratings", ratings);
    if (dry_run)
        sp_admin_printf(a, "%s: %zu students and %d ratings checked, no problems found. Nothing was written (dry run).\n",
                        path, t.nrecords, ratings);
    else
        sp_admin_printf(a, "%s: recorded %d teacher ratings for %zu students.\n", path, ratings, t.nrecords);
    rc = SP_EXIT_OK;
done:
    sqlite3_finalize(ins);
    free(targets);
    free(students);
    sp_csv_free(&t);
    return rc;
}

static int mastery_grid(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"unit", true, NULL}};
    int rc;
    long long unit;
    if ((rc = sp_admin_parse(a, argc, argv, o, 1, NULL, 0, NULL)) || (rc = required(a, "unit", o[0].value)) ||
        (rc = find_unit(a, o[0].value, &unit)))
        return rc;
    /* Latest rating per student, target and rater; "T3 S2" = teacher 3, student 2. */
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(
            a->db,
            "SELECT s.sis_id, CASE WHEN s.preferred_name <> '' THEN s.preferred_name ELSE s.given_name END "
            "|| ' ' || s.family_name AS name, t.position, t.id AS target_id, "
            "(SELECT r.rating FROM mastery_ratings r WHERE r.target_id = t.id AND r.student_id = s.id "
            " AND r.rater = 'teacher' ORDER BY r.rated_at DESC, r.id DESC LIMIT 1) AS teacher, "
            "(SELECT r.rating FROM mastery_ratings r WHERE r.target_id = t.id AND r.student_id = s.id "
            " AND r.rater = 'student' ORDER BY r.rated_at DESC, r.id DESC LIMIT 1) AS student "
            "FROM units u JOIN enrollments e ON e.class_id = u.class_id JOIN students s ON s.id = e.student_id "
            "AND s.archived = 0 JOIN learning_targets t ON t.unit_id = u.id WHERE u.id = ?1 "
            "ORDER BY s.family_name, s.given_name, s.sis_id, t.position",
            -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading ratings failed");
    sqlite3_bind_int64(st, 1, unit);
    json_t *arr = json_array();
    char last_sis[80] = "";
    int s;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        const char *sis = (const char *)sqlite3_column_text(st, 0);
        if (strcmp(sis, last_sis) != 0) {
            if (last_sis[0])
                sp_admin_printf(a, "\n");
            const char *name = (const char *)sqlite3_column_text(st, 1);
            long chars = sp_utf8_length(name, strlen(name));
            sp_admin_printf(a, "%-8s %s%*s", sis, name, chars >= 0 && chars < 28 ? (int)(28 - chars) : 1, "");
            snprintf(last_sis, sizeof last_sis, "%s", sis);
        }
        char cell[16];
        snprintf(cell, sizeof cell, "%d:T%c/S%c", sqlite3_column_int(st, 2),
                 sqlite3_column_type(st, 4) == SQLITE_NULL ? '-' : '0' + sqlite3_column_int(st, 4),
                 sqlite3_column_type(st, 5) == SQLITE_NULL ? '-' : '0' + sqlite3_column_int(st, 5));
        sp_admin_printf(a, " %-9s", cell);
        json_array_append_new(arr, sp_json_from_stmt(st));
    }
    sqlite3_finalize(st);
    if (s != SQLITE_DONE) {
        json_decref(arr);
        return sp_admin_fail_sql(a, "reading ratings failed");
    }
    sp_admin_printf(a, last_sis[0] ? "\n\nCells are position:T<teacher rating>/S<student rating>, latest of each "
                                     "(- not rated).\n"
                                   : "No students or no learning targets in this unit.\n");
    if (a->json)
        a->result = arr;
    else
        json_decref(arr);
    return SP_EXIT_OK;
}

/* ---- tables -------------------------------------------------------------------------------- */

static const sp_admin_verb UNIT_VERBS[] = {
    {"add", unit_add, 0, "add a unit to a class",
     "Usage: signpost-admin unit add --class CODE --title TITLE [--starts DATE] [--ends DATE] [--current]\n\n"
     "A unit groups the \"I can ...\" learning targets students rate in the kiosk's mastery tracker.\n"
     "A unit may start with no targets; add them with `target add` or `target import`.\n\n"
     "Options:\n"
     "  --class CODE     the class (see `class list`)\n"
     "  --title TITLE    1-200 characters\n"
     "  --starts DATE    YYYY-MM-DD, today, +10d or +6w\n"
     "  --ends DATE      on or after --starts\n"
     "  --current        make it the class's current unit (the one the kiosk shows)\n\n"
     "Example:\n"
     "  signpost-admin unit add --class ELA8-2 --title \"Argument writing\" --starts today --ends +6w --current\n"},
    {"list", unit_list, SP_VERB_READONLY, "list units",
     "Usage: signpost-admin unit list [--class CODE]\n\nLists units with their dates and counts of targets and "
     "assignments.\n\nExample:\n  signpost-admin unit list --class ELA8-2\n"},
    {"show", unit_show, SP_VERB_READONLY, "show a unit's learning targets and assignments",
     "Usage: signpost-admin unit show UNIT-ID\n\nShows the unit, its learning targets in order (with how many students "
     "the teacher and the students themselves have rated) and its assignments.\n\nExample:\n"
     "  signpost-admin unit show 2\n"},
    {"current", unit_current, 0, "make a unit its class's current unit",
     "Usage: signpost-admin unit current UNIT-ID\n\nThe current unit is the one the kiosk's mastery tracker shows; a "
     "class has at most one.\n\nExample:\n  signpost-admin unit current 2\n"},
    {"import", sp_unit_import, 0, "add units with their learning targets from a CSV",
     "Usage: signpost-admin unit import FILE.csv [--dry-run]\n\n"
     "One line per learning target. Columns (header row required): class, unit (the title) and\n"
     "statement; optional starts, ends (dates), current (yes/no), position and standard_code.\n"
     "Lines with the same class and unit make one unit; its dates and current flag may stand on any\n"
     "of its lines but must not disagree. A line with an empty statement adds the unit with no target.\n"
     "An empty position puts the target after the unit's others. Units that already exist are refused\n"
     "(add targets to them with `target import`). Every line is checked first; when any is wrong, each\n"
     "problem is reported with its line and column and nothing is imported. --dry-run only checks.\n\n"
     "Example file:\n"
     "  class,unit,starts,ends,current,position,statement,standard_code\n"
     "  ELA8-2,Argument writing,2026-01-12,2026-02-20,yes,1,I can write a claim.,CCSS.ELA-LITERACY.W.8.1a\n"
     "  ELA8-2,Argument writing,,,,2,I can choose evidence that supports my claim.,CCSS.ELA-LITERACY.W.8.1b\n"
     "  MATH7-1,Ratios,,,,,,\n\n"
     "Example:\n  signpost-admin unit import units.csv --dry-run\n"},
    {"assignment", unit_assignment, 0, "add an assignment to a unit",
     "Usage: signpost-admin unit assignment UNIT-ID --title TITLE\n\nExample:\n"
     "  signpost-admin unit assignment 2 --title \"Evidence hunt: school start times\"\n"},
    {0}};

static const sp_admin_verb TARGET_VERBS[] = {
    {"add", target_add, 0, "add an \"I can ...\" learning target to a unit",
     "Usage: signpost-admin target add --unit UNIT-ID --statement \"I can ...\" [--standard CODE] [--position N]\n\n"
     "Options:\n"
     "  --unit ID          the unit (see `unit list`)\n"
     "  --statement TEXT   what the student can do, in their words (1-500 characters)\n"
     "  --standard CODE    standard or learning-target code, such as CCSS.ELA-LITERACY.W.8.1a\n"
     "  --position N       place in the list (default: at the end); later targets move down one\n\n"
     "Example:\n"
     "  signpost-admin target add --unit 2 --statement \"I can write a claim that answers the question.\" "
     "--standard CCSS.ELA-LITERACY.W.8.1a\n"},
    {"list", target_list, SP_VERB_READONLY, "list a unit's learning targets with their ids",
     "Usage: signpost-admin target list --unit UNIT-ID\n\nExample:\n  signpost-admin target list --unit 2\n"},
    {"import", target_import, 0, "add learning targets to a unit from a CSV",
     "Usage: signpost-admin target import --unit UNIT-ID FILE.csv [--dry-run]\n\n"
     "Columns (header row required): statement (required), position and standard_code (optional).\n"
     "An empty position adds the target after the others. Every line is checked first: when any line is\n"
     "wrong, each problem is reported as `FILE line N, column NAME: expected ..., got '...'` and nothing is\n"
     "imported. --dry-run only checks.\n\n"
     "Example file:\n"
     "  position,statement,standard_code\n"
     "  1,I can write a claim that answers the question.,CCSS.ELA-LITERACY.W.8.1a\n"
     "  2,I can choose evidence that supports my claim.,CCSS.ELA-LITERACY.W.8.1b\n\n"
     "Example:\n  signpost-admin target import --unit 2 targets.csv --dry-run\n"},
    {0}};

static const sp_admin_verb MASTERY_VERBS[] = {
    {"rate", mastery_rate, 0, "record a teacher's mastery rating (1-4) for a student",
     "Usage: signpost-admin mastery rate --student SIS-ID --target TARGET-ID --rating 1-4 [OPTIONS]\n\n"
     "Ratings: 1 just starting, 2 getting there, 3 got it, 4 can teach it. The kiosk shows the teacher's\n"
     "rating beside the student's own.\n\n"
     "Options:\n"
     "  --evidence TEXT   what the rating is based on\n"
     "  --next TEXT       the next step\n"
     "  --staff CODE      who rated (see `staff list`)\n\n"
     "Example:\n  signpost-admin mastery rate --student E8001 --target 4 --rating 3 --evidence \"claim paragraph\"\n"},
    {"import", mastery_import, 0, "record teacher ratings from a CSV: a class grid or one rating per line",
     "Usage: signpost-admin mastery import --unit UNIT-ID FILE.csv [--dry-run] [--staff CODE]\n\n"
     "Two layouts, told apart by the header row:\n"
     "  Class grid: sis_id, then one column per learning target, named by its position in the unit\n"
     "  (1, 2, ...) or by its id (#17). Cells hold a rating 1-4 or nothing.\n"
     "  By student: columns sis_id, target (position or #id), rating (1-4), and optionally evidence\n"
     "  and next_step; one rating per line, each student and target at most once.\n"
     "Every student must be enrolled in the unit's class. Every line is checked first; when any is\n"
     "wrong, each problem is reported with its line and column and nothing is recorded. --dry-run\n"
     "only checks.\n\n"
     "Example grid file:\n"
     "  sis_id,1,2,3\n"
     "  E8001,3,2,\n"
     "  E8002,4,3,2\n\n"
     "Example by-student file:\n"
     "  sis_id,target,rating,evidence,next_step\n"
     "  E8001,1,3,claim paragraph,add a second reason\n"
     "  E8002,#17,2,,\n\n"
     "Examples:\n  signpost-admin mastery import --unit 2 grid.csv --staff T-RIVERA\n"
     "  signpost-admin mastery import --unit 2 ratings.csv --dry-run\n"},
    {"grid", mastery_grid, SP_VERB_READONLY, "show a unit's latest teacher and student ratings",
     "Usage: signpost-admin mastery grid --unit UNIT-ID\n\nOne line per student of the class; each cell shows the "
     "target's position, the teacher's latest rating and the student's own.\n\nExample:\n"
     "  signpost-admin mastery grid --unit 2\n"},
    {0}};

const sp_admin_noun sp_cmd_unit = {"unit", "units of a class and their assignments (mastery tracker)", UNIT_VERBS};
const sp_admin_noun sp_cmd_target = {"target", "\"I can ...\" learning targets of a unit", TARGET_VERBS};
const sp_admin_noun sp_cmd_mastery = {"mastery", "teacher mastery ratings of learning targets", MASTERY_VERBS};
