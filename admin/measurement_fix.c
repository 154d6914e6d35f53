/* measurement_fix.c — `measurement edit` and `measurement delete`: correcting a data point typed
 * wrong, in one transaction with what follows from it. The milestone's unseen celebrations are
 * judged again on the corrected data (sp_celebrations_recheck): one the point no longer earns is
 * withdrawn before any student sees it, one whose numbers changed gets its new words. */
#include "admin.h"
#include "celebrations.h"
#include "dates.h"
#include "milestone_fields.h"

#include <string.h>

/* The milestone of a measurement; SP_EXIT_USAGE when there is no such measurement. */
static int find_point(sp_admin *a, const char *text, long long *id, long long *milestone)
{
    char *end = NULL;
    long long v = text ? strtoll(text, &end, 10) : 0;
    if (!text || !*text || *end || v <= 0)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--id: expected a measurement id (a whole number), got '%s'",
                             text ? text : "");
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "SELECT milestone_id FROM measurements WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the measurement failed");
    sqlite3_bind_int64(st, 1, v);
    int s = sqlite3_step(st);
    *id = v;
    *milestone = s == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    if (s == SQLITE_DONE)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--id: no measurement %lld (see `measurement list --milestone ID`)",
                             v);
    if (s != SQLITE_ROW)
        return sp_admin_fail_sql(a, "reading the measurement failed");
    return SP_EXIT_OK;
}

static int recheck(sp_admin *a, long long milestone, const char *did, long long id)
{
    sp_goal_reader *r = NULL;
    int rc = sp_ms_reader(a, &r);
    if (rc)
        return rc;
    char now[32];
    sp_ms_now(now);
    int withdrawn = 0, reworded = 0;
    int s = sp_celebrations_recheck(a->db, r, milestone, a->today, now, &withdrawn, &reworded);
    sp_goal_reader_free(r);
    if (s != SQLITE_OK)
        return sp_admin_fail_sql(a, "checking the milestone's celebrations again failed");
    sp_admin_printf(a, "Measurement %lld %s (milestone %lld).\n", id, did, milestone);
    if (withdrawn || reworded)
        sp_admin_printf(a, "  Unseen celebrations: %d withdrawn (no longer earned), %d reworded.\n", withdrawn,
                        reworded);
    if (a->json)
        a->result = json_pack("{s:I, s:I, s:s, s:i, s:i}", "id", (json_int_t)id, "milestone", (json_int_t)milestone,
                              "done", did, "celebrations_withdrawn", withdrawn, "celebrations_reworded", reworded);
    return SP_EXIT_OK;
}

int sp_measurement_edit(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"id", true, NULL}, {"value", true, NULL}, {"date", true, NULL}, {"note", true, NULL}};
    long long id, milestone;
    double value = 0;
    int day = 0, rc;
    if ((rc = sp_admin_parse(a, argc, argv, o, 4, NULL, 0, NULL)) || (rc = sp_ms_required(a, "id", o[0].value)) ||
        (rc = find_point(a, o[0].value, &id, &milestone)) ||
        (o[1].value && (rc = sp_admin_parse_number(a, "--value", o[1].value, &value))) ||
        (o[2].value && (rc = sp_admin_parse_date(a, "--date", o[2].value, &day))) ||
        (rc = sp_ms_check_text(a, "note", o[3].value, SP_MS_NOTE_MAX, true, false)))
        return rc;
    if (!o[1].value && !o[2].value && !o[3].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "nothing to change: give --value, --date or --note (see --help)");
    if (o[2].value && day > a->today)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--date: expected a date up to today, got %s", o[2].value);
    if (o[1].value) {
        sp_goal_reader *r = NULL;
        sp_goal_view v;
        if ((rc = sp_ms_reader(a, &r)))
            return rc;
        rc = sp_ms_load(a, r, milestone, &v);
        sp_goal_reader_free(r);
        if (rc)
            return rc;
        char expected[160];
        bool ok = sp_ms_value_in_scale(&v, value, expected, sizeof expected);
        sp_goal_view_clear(&v);
        if (!ok)
            return sp_admin_fail(a, SP_EXIT_USAGE, "--value: expected %s, got %s", expected, o[1].value);
    }
    char when[11] = "";
    if (o[2].value)
        sp_date_format(day, when);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "UPDATE measurements SET value = coalesce(?2, value), taken_on = coalesce(?3, taken_on),"
                           " note = coalesce(?4, note) WHERE id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "changing the measurement failed");
    sqlite3_bind_int64(st, 1, id);
    if (o[1].value)
        sqlite3_bind_double(st, 2, value);
    if (o[2].value)
        sqlite3_bind_text(st, 3, when, -1, SQLITE_STATIC);
    if (o[3].value)
        sqlite3_bind_text(st, 4, o[3].value, -1, SQLITE_STATIC);
    int s = sqlite3_step(st);
    sqlite3_finalize(st);
    if (s != SQLITE_DONE)
        return sp_admin_fail_sql(a, "changing the measurement failed");
    return recheck(a, milestone, "changed", id);
}

int sp_measurement_delete(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"id", true, NULL}};
    long long id, milestone;
    int rc;
    if ((rc = sp_admin_parse(a, argc, argv, o, 1, NULL, 0, NULL)) || (rc = sp_ms_required(a, "id", o[0].value)) ||
        (rc = find_point(a, o[0].value, &id, &milestone)))
        return rc;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "DELETE FROM measurements WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "deleting the measurement failed");
    sqlite3_bind_int64(st, 1, id);
    int s = sqlite3_step(st);
    sqlite3_finalize(st);
    if (s != SQLITE_DONE)
        return sp_admin_fail_sql(a, "deleting the measurement failed");
    return recheck(a, milestone, "deleted", id);
}
