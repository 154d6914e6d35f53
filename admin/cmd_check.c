/* cmd_check.c — `signpost-admin check`: is the database file sound?
 *
 * Runs PRAGMA integrity_check (pages, indexes, CHECK constraints), PRAGMA foreign_key_check
 * (rows pointing at rows that are gone) and compares the schema version with this program's.
 * Exit 0 when all is well, 1 with every problem listed otherwise. Opening the database already
 * upgrades an older schema, so an old file comes out of `check` current. */
#include "admin.h"
#include "db.h"

#include <string.h>

static int check_run(sp_admin *a, int argc, char **argv)
{
    int rc;
    if ((rc = sp_admin_parse(a, argc, argv, NULL, 0, NULL, 0, NULL)))
        return rc;
    json_t *integrity = json_array(), *fks = json_array();
    sqlite3_stmt *st = NULL;
    int s = SQLITE_ERROR;
    if (sqlite3_prepare_v2(a->db, "PRAGMA integrity_check(100)", -1, &st, NULL) == SQLITE_OK) {
        while ((s = sqlite3_step(st)) == SQLITE_ROW) {
            const char *msg = (const char *)sqlite3_column_text(st, 0);
            if (msg && strcmp(msg, "ok") != 0)
                json_array_append_new(integrity, json_string(msg));
        }
    }
    if (s != SQLITE_DONE)
        json_array_append_new(integrity, json_sprintf("integrity check could not run: %s", sqlite3_errmsg(a->db)));
    sqlite3_finalize(st);
    s = SQLITE_ERROR;
    if (sqlite3_prepare_v2(a->db, "PRAGMA foreign_key_check", -1, &st, NULL) == SQLITE_OK) {
        while ((s = sqlite3_step(st)) == SQLITE_ROW)
            json_array_append_new(fks, json_pack("{s:s, s:I, s:s}", "table", (const char *)sqlite3_column_text(st, 0),
                                                 "rowid", (json_int_t)sqlite3_column_int64(st, 1), "refers_to",
                                                 (const char *)sqlite3_column_text(st, 2)));
    }
    if (s != SQLITE_DONE)
        json_array_append_new(integrity, json_sprintf("foreign key check could not run: %s", sqlite3_errmsg(a->db)));
    sqlite3_finalize(st);
    int version = sp_db_user_version(a->db);
    bool ok = !json_array_size(integrity) && !json_array_size(fks) && version == SP_SCHEMA_VERSION;
    json_t *result = json_pack("{s:s, s:b, s:o, s:o, s:i, s:i}", "database", a->db_path, "ok", ok, "integrity", integrity,
                               "foreign_keys", fks, "schema_version", version, "expected_schema_version",
                               SP_SCHEMA_VERSION);
    if (ok) {
        sp_admin_printf(a, "%s: integrity ok, foreign keys ok, schema version %d (current)\n", a->db_path, version);
        if (a->json)
            a->result = result;
        else
            json_decref(result);
        return SP_EXIT_OK;
    }
    size_t i;
    json_t *v;
    json_array_foreach(integrity, i, v) fprintf(a->err, "signpost-admin check: %s: %s\n", a->db_path, json_string_value(v));
    json_array_foreach(fks, i, v) fprintf(a->err,
                                          "signpost-admin check: %s: row %lld of %s refers to a missing row in %s\n",
                                          a->db_path, (long long)json_integer_value(json_object_get(v, "rowid")),
                                          json_string_value(json_object_get(v, "table")),
                                          json_string_value(json_object_get(v, "refers_to")));
    if (version != SP_SCHEMA_VERSION)
        fprintf(a->err, "signpost-admin check: %s: schema version %d, expected %d\n", a->db_path, version, SP_SCHEMA_VERSION);
    fprintf(a->err, "signpost-admin check: %s has problems (%zu integrity, %zu foreign key); restore a backup or ask for help\n",
            a->db_path, json_array_size(integrity), json_array_size(fks));
    if (a->json) {
        /* main.c prints results only on success; scripts need the report here too. */
        json_dumpf(result, a->out, JSON_INDENT(2));
        fputc('\n', a->out);
    }
    json_decref(result);
    return SP_EXIT_RUNTIME;
}

static const sp_admin_verb CHECK_VERBS[] = {
    {NULL, check_run, SP_VERB_READONLY, "check the database for damage",
     "Usage: signpost-admin check\n\n"
     "Checks the database file: SQLite's integrity check, that no row refers to a missing row\n"
     "(foreign keys), and the schema version (an older file is upgraded when opened).\n"
     "Exits 0 when all is well, 1 and lists every problem otherwise.\n\n"
     "Examples:\n"
     "  signpost-admin check\n"
     "  signpost-admin --db backup.db --json check\n"},
    {0}};

const sp_admin_noun sp_cmd_check = {"check", "check the database for damage", CHECK_VERBS};
