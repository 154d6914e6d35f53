/* cmd_support.c — `signpost-admin support`: dated notes of what changed in a milestone's support
 * (the intervention), so the chart can show whether a change moved the needle. The kiosk marks
 * every change on the student's chart but shows only --student-note, the student's words. */
#include "admin.h"
#include "dates.h"
#include "milestone_fields.h"
#include "table_out.h"

static int support_add(sp_admin *a, int argc, char **argv)
{
    static const char *const INTENSITIES[] = {"raise", "keep", "fade", NULL};
    sp_opt o[] = {{"milestone", true, NULL}, {"note", true, NULL}, {"date", true, NULL}, {"by", true, NULL},
                  {"intensity", true, NULL}, {"student-note", true, NULL}};
    int rc, day = a->today;
    long long id, by = 0;
    if ((rc = sp_admin_parse(a, argc, argv, o, 6, NULL, 0, NULL)) ||
        (o[5].value && (rc = sp_ms_check_text(a, "student-note", o[5].value, 1000, false, true))) ||
        (rc = sp_ms_check_enum(a, "intensity", o[4].value, INTENSITIES)) || (rc = sp_ms_required(a, "milestone", o[0].value)) ||
        (rc = sp_admin_find_milestone(a, o[0].value, &id)) ||
        (rc = sp_ms_check_text(a, "note", o[1].value, SP_MS_NOTE_MAX, true, true)) ||
        (o[2].value && (rc = sp_admin_parse_date(a, "--date", o[2].value, &day))) ||
        (o[3].value && (rc = sp_admin_find_staff(a, o[3].value, &by))))
        return rc;
    char when[11], today[11];
    sp_date_format(day, when);
    sp_date_format(a->today, today);
    if (day > a->today)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--date: expected a date up to today (%s), got %s", today, when);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "INSERT INTO support_changes(milestone_id, changed_on, note, entered_by, intensity, student_note)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "saving the support change failed");
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, when, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, o[1].value, -1, SQLITE_STATIC);
    if (by)
        sqlite3_bind_int64(st, 4, by);
    else
        sqlite3_bind_null(st, 4);
    if (o[4].value)
        sqlite3_bind_text(st, 5, o[4].value, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, 5);
    sqlite3_bind_text(st, 6, o[5].value ? o[5].value : "", -1, SQLITE_STATIC);
    int s = sqlite3_step(st);
    sqlite3_finalize(st);
    if (s != SQLITE_DONE)
        return sp_admin_fail_sql(a, "saving the support change failed");
    long long sid = sqlite3_last_insert_rowid(a->db);
    if (a->json)
        a->result = json_pack("{s:I, s:I, s:s, s:s, s:s?}", "id", (json_int_t)sid, "milestone", (json_int_t)id, "date",
                              when, "note", o[1].value, "intensity", o[4].value);
    sp_admin_printf(a, "Support change %lld noted for milestone %lld on %s%s%s%s: %s\n", sid, id, when,
                    o[4].value ? " (" : "", o[4].value ? o[4].value : "", o[4].value ? " the support)" : "",
                    o[1].value);
    return SP_EXIT_OK;
}

static int support_list(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"milestone", true, NULL}};
    int rc;
    long long id;
    if ((rc = sp_admin_parse(a, argc, argv, o, 1, NULL, 0, NULL)) || (rc = sp_ms_required(a, "milestone", o[0].value)) ||
        (rc = sp_admin_find_milestone(a, o[0].value, &id)))
        return rc;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "SELECT c.id, c.changed_on AS date, coalesce(c.intensity, '') AS intensity, c.note,"
                           " c.student_note, coalesce(s.staff_code, '') AS entered_by, c.rule_id"
                           " FROM support_changes c LEFT JOIN staff s ON s.id = c.entered_by"
                           " WHERE c.milestone_id = ?1 ORDER BY c.changed_on, c.id",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading support changes failed");
    sqlite3_bind_int64(st, 1, id);
    sp_table *t = sp_table_new(6, (const char *const[]){"ID", "Date", "Support", "Note", "Student sees", "By"});
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
        return sp_admin_fail_sql(a, "reading support changes failed");
    }
    if (!a->json)
        sp_table_print(t, a->out, "  (no support changes yet)");
    sp_table_free(t);
    if (a->json)
        a->result = arr;
    else
        json_decref(arr);
    return SP_EXIT_OK;
}

static const sp_admin_verb SUPPORT_VERBS[] = {
    {"add", support_add, 0, "note a change in a milestone's support",
     "Usage: signpost-admin support add --milestone ID --note TEXT [--intensity raise|keep|fade]\n"
     "                                  [--student-note TEXT] [--date DATE] [--by STAFFCODE]\n\n"
     "Notes what changed in the support (default date today): --intensity says whether the support\n"
     "was raised, kept or faded. The goal's chart marks the date, so everyone can see whether the\n"
     "change moved the needle. The kiosk shows only --student-note, the change in the student's\n"
     "words; without it the student sees the mark and no words.\n\n"
     "Examples:\n  signpost-admin support add --milestone 12 --intensity raise --note \"added a 20-minute session\" \\\n"
     "    --student-note \"Now I also meet my teacher on Fridays.\"\n"
     "  signpost-admin support add --milestone 12 --intensity fade --note \"sentence stems on request only\"\n"},
    {"list", support_list, SP_VERB_READONLY, "a milestone's support changes",
     "Usage: signpost-admin support list --milestone ID\n\n"
     "Example:\n  signpost-admin support list --milestone 12\n"},
    {0}};

const sp_admin_noun sp_cmd_support = {"support", "dated notes of changes in a milestone's support", SUPPORT_VERBS};
