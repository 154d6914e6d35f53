/* cmd_rule.c — `signpost-admin rule`: the if/then rules decided before a support starts ("if below
 * aim 2 checks in a row, then add a 20-minute session"), with optional chip text the student sees. */
#include "admin.h"
#include "milestone_fields.h"
#include "table_out.h"

static int rule_add(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"milestone", true, NULL}, {"if", true, NULL}, {"then", true, NULL}, {"choice", true, NULL}};
    int rc;
    long long id;
    if ((rc = sp_admin_parse(a, argc, argv, o, 4, NULL, 0, NULL)) || (rc = sp_ms_required(a, "milestone", o[0].value)) ||
        (rc = sp_admin_find_milestone(a, o[0].value, &id)) ||
        (rc = sp_ms_check_text(a, "if", o[1].value, 1000, false, true)) ||
        (rc = sp_ms_check_text(a, "then", o[2].value, 1000, false, true)) ||
        (rc = sp_ms_check_text(a, "choice", o[3].value, 200, false, false)))
        return rc;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "INSERT INTO if_then_rules(milestone_id, if_text, then_text, student_choice) VALUES (?1, ?2, ?3, ?4)",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "saving the rule failed");
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, o[1].value, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, o[2].value, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, o[3].value ? o[3].value : "", -1, SQLITE_STATIC);
    int s = sqlite3_step(st);
    sqlite3_finalize(st);
    if (s != SQLITE_DONE)
        return sp_admin_fail_sql(a, "saving the rule failed");
    long long rid = sqlite3_last_insert_rowid(a->db);
    if (a->json)
        a->result = json_pack("{s:I, s:I, s:s, s:s, s:s}", "id", (json_int_t)rid, "milestone", (json_int_t)id, "if",
                              o[1].value, "then", o[2].value, "choice", o[3].value ? o[3].value : "");
    sp_admin_printf(a, "Rule %lld for milestone %lld: if %s, then %s\n", rid, id, o[1].value, o[2].value);
    return SP_EXIT_OK;
}

static int rule_list(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"milestone", true, NULL}};
    int rc;
    long long id;
    if ((rc = sp_admin_parse(a, argc, argv, o, 1, NULL, 0, NULL)) || (rc = sp_ms_required(a, "milestone", o[0].value)) ||
        (rc = sp_admin_find_milestone(a, o[0].value, &id)))
        return rc;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "SELECT id, if_text AS \"if\", then_text AS \"then\", student_choice AS choice"
                           " FROM if_then_rules WHERE milestone_id = ?1 ORDER BY id",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading rules failed");
    sqlite3_bind_int64(st, 1, id);
    sp_table *t = sp_table_new(4, (const char *const[]){"ID", "If", "Then", "Student chip"});
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
        return sp_admin_fail_sql(a, "reading rules failed");
    }
    if (!a->json)
        sp_table_print(t, a->out, "  (no if/then rules yet)");
    sp_table_free(t);
    if (a->json)
        a->result = arr;
    else
        json_decref(arr);
    return SP_EXIT_OK;
}

static const sp_admin_verb RULE_VERBS[] = {
    {"add", rule_add, 0, "add an if/then rule to a milestone",
     "Usage: signpost-admin rule add --milestone ID --if TEXT --then TEXT [--choice CHIP]\n\n"
     "Decides ahead what happens when the data says so. --choice is short text for a chip the\n"
     "student can pick at the kiosk.\n\n"
     "Example:\n  signpost-admin rule add --milestone 12 --if \"below aim 2 checks in a row\" \\\n"
     "    --then \"add a 20-minute session\" --choice \"I'll join the extra session\"\n"},
    {"list", rule_list, SP_VERB_READONLY, "a milestone's if/then rules",
     "Usage: signpost-admin rule list --milestone ID\n\n"
     "Example:\n  signpost-admin rule list --milestone 12\n"},
    {0}};

const sp_admin_noun sp_cmd_rule = {"rule", "if/then rules decided before a support starts", RULE_VERBS};
