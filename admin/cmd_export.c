/* cmd_export.c — `signpost-admin export`: tables as CSV or JSON, for spreadsheets and scripts.
 *
 * Each exportable table has a fixed query (the table name only picks one of them). CSV output
 * is RFC 4180 (every value quoted, CRLF line ends, header row first); JSON output is one object
 * with the schema version and an array of row objects per table, integers and reals kept as
 * numbers. Text is written as stored (UTF-8), except that a CSV text value a spreadsheet would
 * run as a formula (it starts with = + - @, a tab or a carriage return: the OWASP CSV-injection
 * rule) gets one leading apostrophe, which spreadsheets show as text and every Signpost import
 * removes again (csv_read.h), so an exported file imports back unchanged. */
#include "admin.h"
#include "csv_read.h"
#include "db.h"
#include "out_file.h"
#include "table_out.h"

#include <csv.h>
#include <errno.h>
#include <string.h>

static const struct {
    const char *name;
    const char *sql;
} TABLES[] = {
    {"students", "SELECT * FROM students ORDER BY id"},
    {"classes", "SELECT c.*, s.staff_code AS teacher_code FROM classes c LEFT JOIN staff s ON s.id = c.teacher_id "
                "ORDER BY c.id"},
    {"enrollments", "SELECT c.code AS class_code, s.sis_id, e.enrolled_on, e.class_id, e.student_id FROM enrollments e "
                    "JOIN classes c ON c.id = e.class_id JOIN students s ON s.id = e.student_id ORDER BY c.code, s.sis_id"},
    {"staff", "SELECT * FROM staff ORDER BY id"},
    {"milestones", "SELECT m.*, s.sis_id FROM milestones m JOIN students s ON s.id = m.student_id ORDER BY m.id"},
    {"measurements", "SELECT * FROM measurements ORDER BY id"},
    {"self_checks", "SELECT * FROM self_checks ORDER BY id"},
    {"next_step_plans", "SELECT * FROM next_step_plans ORDER BY id"},
    {"mastery_ratings", "SELECT * FROM mastery_ratings ORDER BY id"},
    {"kiosk_sessions", "SELECT * FROM kiosk_sessions ORDER BY id"},
};
enum { NTABLES = sizeof TABLES / sizeof TABLES[0] };

static int write_csv(sp_admin *a, FILE *f, int table, bool bom, long long *rows)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, TABLES[table].sql, -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the table failed");
    if (bom)
        fputs("\xEF\xBB\xBF", f);
    int n = sqlite3_column_count(st), s;
    for (int c = 0; c < n; c++) {
        const char *name = sqlite3_column_name(st, c);
        if (c)
            fputc(',', f);
        csv_fwrite(f, name, strlen(name));
    }
    fputs("\r\n", f);
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        for (int c = 0; c < n; c++) {
            if (c)
                fputc(',', f);
            if (sqlite3_column_type(st, c) == SQLITE_NULL)
                continue;
            const unsigned char *v = sqlite3_column_text(st, c);
            size_t len = (size_t)sqlite3_column_bytes(st, c);
            if (sqlite3_column_type(st, c) == SQLITE_TEXT && sp_csv_needs_formula_guard((const char *)v, len)) {
                fputs("\"'", f); /* the guard goes inside the quotes */
                for (size_t k = 0; k < len; k++) {
                    if (v[k] == '"')
                        fputc('"', f);
                    fputc(v[k], f);
                }
                fputc('"', f);
            } else {
                csv_fwrite(f, v, len);
            }
        }
        fputs("\r\n", f);
        (*rows)++;
    }
    sqlite3_finalize(st);
    return s == SQLITE_DONE ? SP_EXIT_OK : sp_admin_fail_sql(a, "reading the table failed");
}

static int table_json(sp_admin *a, int table, json_t *into, long long *rows)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, TABLES[table].sql, -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the table failed");
    json_t *arr = json_array();
    int s;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        json_array_append_new(arr, sp_json_from_stmt(st));
        (*rows)++;
    }
    sqlite3_finalize(st);
    json_object_set_new(into, TABLES[table].name, arr);
    return s == SQLITE_DONE ? SP_EXIT_OK : sp_admin_fail_sql(a, "reading the table failed");
}

static int export_run(sp_admin *a, int argc, char **argv)
{
    /* `-o FILE` is the customary spelling; the parser knows only long options. */
    char **args = calloc((size_t)argc + 1, sizeof *args);
    if (!args)
        return sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
    for (int i = 0; i < argc; i++)
        args[i] = strcmp(argv[i], "-o") == 0 ? (char *)"--output" : argv[i];
    sp_opt o[] = {{"format", true, NULL}, {"table", true, NULL}, {"output", true, NULL}, {"bom", false, NULL}};
    int rc = sp_admin_parse(a, argc, args, o, 4, NULL, 0, NULL);
    free(args);
    if (rc)
        return rc;
    const char *format = o[0].value ? o[0].value : "csv", *table = o[1].value, *path = o[2].value;
    bool json = strcmp(format, "json") == 0;
    if (!json && strcmp(format, "csv") != 0)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--format: expected csv or json, got '%s'", format);
    if (!table)
        table = json ? "all" : NULL;
    if (!table)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--table: expected which table to export as CSV (students, classes, ...; "
                                               "see --help), got nothing");
    int which = -1;
    for (int i = 0; i < NTABLES; i++)
        if (strcmp(TABLES[i].name, table) == 0)
            which = i;
    if (which < 0 && !(json && strcmp(table, "all") == 0)) {
        char list[400] = "";
        for (int i = 0; i < NTABLES; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", TABLES[i].name);
        return sp_admin_fail(a, SP_EXIT_USAGE, "--table: expected one of %s%s, got '%s'", list,
                             json ? " or all" : " (all only with --format json)", table);
    }
    if (path && (rc = sp_admin_check_text(a, "--output", path, 4096, false)))
        return rc;
    sp_out_file out = {0};
    char err[600];
    if (path && !sp_out_open(&out, path, err, sizeof err))
        return sp_admin_fail(a, SP_EXIT_RUNTIME, "%s", err);
    FILE *f = path ? out.f : a->out;
    long long rows = 0;
    if (json) {
        char now[32];
        sp_now_iso(now);
        json_t *tables = json_object();
        for (int i = 0; i < NTABLES && rc == SP_EXIT_OK; i++)
            if (which < 0 || which == i)
                rc = table_json(a, i, tables, &rows);
        json_t *doc = json_pack("{s:i, s:s, s:o}", "schema_version", sp_db_user_version(a->db), "exported_at", now,
                                "tables", tables);
        if (rc == SP_EXIT_OK) {
            json_dumpf(doc, f, JSON_INDENT(2));
            fputc('\n', f);
        }
        json_decref(doc);
    } else {
        rc = write_csv(a, f, which, o[3].value != NULL, &rows);
    }
    if (path && rc != SP_EXIT_OK)
        sp_out_abort(&out);
    else if (path && !sp_out_commit(&out, err, sizeof err))
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "%s", err);
    else if (!path && !sp_out_stream_ok(f) && rc == SP_EXIT_OK)
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "writing the export failed: %s", strerror(errno));
    if (rc == SP_EXIT_OK && path) {
        fprintf(a->err, "Exported %lld row%s to %s\n", rows, rows == 1 ? "" : "s", path);
        if (a->json)
            a->result = json_pack("{s:s, s:s, s:s, s:I}", "file", path, "format", format, "table", table, "rows",
                                  (json_int_t)rows);
    }
    return rc;
}

static const sp_admin_verb EXPORT_VERBS[] = {
    {NULL, export_run, SP_VERB_READONLY, "export tables as CSV or JSON",
     "Usage: signpost-admin export [--format csv|json] --table TABLE [-o FILE] [--bom]\n\n"
     "Writes a table as CSV (header row, every value quoted, CRLF) or as JSON, to FILE or stdout.\n"
     "In CSV, a text value starting with = + - @, a tab or a carriage return gets a leading ' so a\n"
     "spreadsheet shows it as text instead of running it; Signpost's imports remove it again.\n\n"
     "Options:\n"
     "  --format csv|json   output format (default csv)\n"
     "  --table TABLE       students, classes, enrollments, staff, milestones, measurements,\n"
     "                      self_checks, next_step_plans, mastery_ratings, kiosk_sessions;\n"
     "                      or all (JSON only, the default for JSON)\n"
     "  -o, --output FILE   write to FILE instead of stdout (replaces FILE)\n"
     "  --bom               start the CSV with a UTF-8 byte-order mark (for Excel)\n\n"
     "Examples:\n"
     "  signpost-admin export --table students -o students.csv --bom\n"
     "  signpost-admin export --format json -o school.json\n"},
    {0}};

const sp_admin_noun sp_cmd_export = {"export", "export tables as CSV or JSON", EXPORT_VERBS};
