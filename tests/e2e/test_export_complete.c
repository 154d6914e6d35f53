/* test_export_complete.c — a school can take all its data out: `export --format json` holds every
 * table of the database (a table added later without an export fails this test), each table can
 * be written as CSV, and badge tokens never leave the file. */
#include "test_support.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static void every_table_is_exported_and_badge_tokens_never_are(void **state)
{
    (void)state;
    char db[1024];
    snprintf(db, sizeof db, "%s", ts_path("export-all.db")); /* ts_path's buffer is reused */
    setenv("SIGNPOST_NOW", "2026-11-23", 1);
    ts_run_result r = ts_admin(db, "demo", NULL);
    if (r.exit_code != 0)
        fail_msg("demo failed: %s", r.err);
    ts_run_free(&r);
    r = ts_admin(db, "badge", "issue", "--class", "ELA8-2", NULL);
    if (r.exit_code != 0)
        fail_msg("badge issue failed: %s", r.err);
    ts_run_free(&r);

    r = ts_admin(db, "export", "--format", "json", NULL);
    assert_int_equal(r.exit_code, 0);
    json_error_t e;
    json_t *doc = json_loads(r.out, 0, &e);
    if (!doc)
        fail_msg("export printed no JSON: %s", e.text);
    json_t *tables = json_object_get(doc, "tables");

    sqlite3 *h = ts_open(db);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(h, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                           " AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                        -1, &st, NULL),
                     SQLITE_OK);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        if (!json_is_array(json_object_get(tables, name)))
            fail_msg("table %s is not in the export", name);
        char count_sql[200];
        snprintf(count_sql, sizeof count_sql, "SELECT count(*) FROM \"%s\"", name);
        if ((long long)json_array_size(json_object_get(tables, name)) != ts_query_int(h, count_sql))
            fail_msg("table %s: the export has %zu rows, the file %lld", name,
                     json_array_size(json_object_get(tables, name)), ts_query_int(h, count_sql));
        n++;
    }
    sqlite3_finalize(st);
    assert_true(n >= 20);

    /* no token (nor its sealed copy) in any form */
    assert_true(ts_query_int(h, "SELECT count(*) FROM badges") > 0);
    assert_int_equal(sqlite3_prepare_v2(h, "SELECT token FROM badges", -1, &st, NULL), SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW)
        assert_null(strstr(r.out, (const char *)sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    json_t *badge = json_array_get(json_object_get(tables, "badges"), 0);
    assert_null(json_object_get(badge, "token"));
    assert_null(json_object_get(badge, "sealed"));
    assert_non_null(json_object_get(badge, "issued_at"));
    sqlite3_close(h);
    json_decref(doc);
    ts_run_free(&r);

    static const char *const csv_tables[] = {"if_then_rules", "support_changes", "milestone_revisions", "celebrations",
                                             "units", "learning_targets", "badges", "settings"};
    for (size_t i = 0; i < sizeof csv_tables / sizeof csv_tables[0]; i++) {
        r = ts_admin(db, "export", "--table", csv_tables[i], NULL);
        if (r.exit_code != 0 || !strchr(r.out, '\n'))
            fail_msg("export --table %s: exit %d, %s", csv_tables[i], r.exit_code, r.err);
        if (strcmp(csv_tables[i], "badges") == 0)
            assert_null(strstr(r.out, "token"));
        ts_run_free(&r);
    }
    unsetenv("SIGNPOST_NOW");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_table_is_exported_and_badge_tokens_never_are),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
