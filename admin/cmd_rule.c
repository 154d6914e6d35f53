/* cmd_rule.c — `signpost-admin rule`: the if/then rules decided before a support starts ("if below
 * aim 2 checks in a row, then add a 20-minute session"), with optional chip text the student sees.
 *
 * A condition in the vocabulary of rules.h is evaluated against the data; `rule list --due` lists
 * the rules whose time has come, and `rule acted` records what was done as a support change that
 * answers the rule (so the rule waits for new data before it asks again). Other words are kept
 * as free text for the teacher to judge. */
#include "admin.h"
#include "dates.h"
#include "milestone_fields.h"
#include "planned.h"
#include "table_out.h"

#include <stdlib.h>
#include <string.h>

static const char *const INTENSITIES[] = {"raise", "keep", "fade", NULL};

static int rule_add(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"milestone", true, NULL}, {"if", true, NULL}, {"then", true, NULL}, {"choice", true, NULL},
                  {"decided", true, NULL}};
    int rc, day = a->today;
    long long id;
    if ((rc = sp_admin_parse(a, argc, argv, o, 5, NULL, 0, NULL)) || (rc = sp_ms_required(a, "milestone", o[0].value)) ||
        (rc = sp_admin_find_milestone(a, o[0].value, &id)) ||
        (rc = sp_ms_check_text(a, "if", o[1].value, 1000, false, true)) ||
        (rc = sp_ms_check_text(a, "then", o[2].value, 1000, false, true)) ||
        (rc = sp_ms_check_text(a, "choice", o[3].value, 200, false, false)) ||
        (o[4].value && (rc = sp_admin_parse_date(a, "--decided", o[4].value, &day))))
        return rc;
    char decided[11], today[11];
    sp_date_format(day, decided);
    sp_date_format(a->today, today);
    if (day > a->today)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--decided: expected a date up to today (%s), got %s", today, decided);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "INSERT INTO if_then_rules(milestone_id, if_text, then_text, student_choice, decided_on)"
                           " VALUES (?1, ?2, ?3, ?4, ?5)",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "saving the rule failed");
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, o[1].value, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, o[2].value, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, o[3].value ? o[3].value : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, decided, -1, SQLITE_STATIC);
    int s = sqlite3_step(st);
    sqlite3_finalize(st);
    if (s != SQLITE_DONE)
        return sp_admin_fail_sql(a, "saving the rule failed");
    long long rid = sqlite3_last_insert_rowid(a->db);
    sp_condition c = sp_condition_parse(o[1].value);
    char words[120];
    sp_condition_words(&c, words, sizeof words);
    if (a->json)
        a->result = json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s}", "id", (json_int_t)rid, "milestone",
                              (json_int_t)id, "if", o[1].value, "then", o[2].value, "choice",
                              o[3].value ? o[3].value : "", "decided_on", decided, "condition",
                              sp_condition_kind_name(c.kind), "reads_as", words);
    sp_admin_printf(a, "Rule %lld for milestone %lld: if %s, then %s (decided %s)\n", rid, id, o[1].value, o[2].value,
                    decided);
    if (c.kind == SP_COND_FREE_TEXT)
        sp_admin_printf(a, "  Free text: Signpost cannot check this condition; you judge when it holds.\n"
                           "  Conditions it checks: below aim N checks in a row, red, no data for N days,\n"
                           "  below VALUE, above VALUE, past due.\n");
    else
        sp_admin_printf(a, "  Checked against the data as \"%s\": review lists the response when it holds.\n", words);
    return SP_EXIT_OK;
}

/* One rule as a table row and a JSON object. */
static void add_rule_row(sp_table *t, json_t *arr, const sp_planned *r, long long milestone, const char *sis,
                         bool with_student)
{
    char id[24], mid[24], words[120];
    snprintf(id, sizeof id, "%lld", r->id);
    snprintf(mid, sizeof mid, "%lld", milestone);
    sp_condition_words(&r->cond, words, sizeof words);
    const char *holds = r->cond.kind == SP_COND_FREE_TEXT ? "you judge" : r->holds ? "yes" : "no";
    if (with_student)
        sp_table_add(t, (const char *const[]){sis, mid, id, r->if_text, r->then_text, r->decided_on,
                                              *r->acted_on ? r->acted_on : "-"});
    else
        sp_table_add(t, (const char *const[]){id, r->if_text, r->then_text, words, r->decided_on,
                                              *r->acted_on ? r->acted_on : "-", holds, r->choice});
    json_t *o = json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:b, s:s?, s:s?}", "id", (json_int_t)r->id,
                          "milestone", (json_int_t)milestone, "if", r->if_text, "then", r->then_text, "choice",
                          r->choice, "condition", sp_condition_kind_name(r->cond.kind), "reads_as", words, "holds",
                          r->holds, "decided_on", *r->decided_on ? r->decided_on : NULL, "acted_on",
                          *r->acted_on ? r->acted_on : NULL);
    if (with_student)
        json_object_set_new(o, "student", json_string(sis));
    json_array_append_new(arr, o);
}

/* Rules of one milestone, or every rule whose time has come in a scope (--due). */
static int rule_list(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"milestone", true, NULL}, {"due", false, NULL}, {"class", true, NULL}, {"student", true, NULL}};
    int rc;
    long long id = 0, class_id = 0, student = 0;
    if ((rc = sp_admin_parse(a, argc, argv, o, 4, NULL, 0, NULL)))
        return rc;
    bool due = o[1].value != NULL;
    if (!due && !o[0].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected --milestone ID (one milestone's rules) or --due (the rules "
                                               "whose time has come; see --help)");
    if (!due && (o[2].value || o[3].value))
        return sp_admin_fail(a, SP_EXIT_USAGE, "--class and --student narrow --due; for one milestone give --milestone");
    if ((o[0].value && (rc = sp_admin_find_milestone(a, o[0].value, &id))) ||
        (o[2].value && (rc = sp_admin_find_class(a, o[2].value, &class_id))) ||
        (o[3].value && (rc = sp_admin_find_student(a, o[3].value, &student))))
        return rc;
    char sql[900];
    snprintf(sql, sizeof sql,
             "SELECT DISTINCT m.id, s.sis_id FROM if_then_rules r JOIN milestones m ON m.id = r.milestone_id"
             " JOIN students s ON s.id = m.student_id WHERE 1%s%s%s%s"
             " ORDER BY s.family_name, s.given_name, s.sis_id, m.id",
             id ? " AND m.id = ?1" : "",
             due ? " AND s.archived = 0 AND m.status IN ('active', 'baselining')" : "",
             class_id ? " AND (m.class_id = ?2 OR (m.class_id IS NULL AND m.student_id IN"
                        " (SELECT student_id FROM enrollments WHERE class_id = ?2)))"
                      : "",
             student ? " AND m.student_id = ?3" : "");
    sqlite3_stmt *st = NULL;
    sp_goal_reader *reader = NULL;
    sp_planner *planner = NULL;
    if ((rc = sp_ms_reader(a, &reader)) || (rc = sp_planner_new(a, &planner)))
        goto done;
    if (sqlite3_prepare_v2(a->db, sql, -1, &st, NULL) != SQLITE_OK) {
        rc = sp_admin_fail_sql(a, "reading rules failed");
        goto done;
    }
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, class_id);
    sqlite3_bind_int64(st, 3, student);
    sp_table *t = due ? sp_table_new(7, (const char *const[]){"Student", "Milestone", "Rule", "If", "Then", "Decided",
                                                               "Last acted on"})
                      : sp_table_new(8, (const char *const[]){"ID", "If", "Then", "Reads as", "Decided",
                                                               "Last acted on", "Holds now", "Student chip"});
    json_t *arr = json_array();
    int s;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        sp_goal_view v;
        sp_planned *rules = NULL;
        size_t n = 0, ndue = 0;
        char sis[80];
        snprintf(sis, sizeof sis, "%s", (const char *)sqlite3_column_text(st, 1));
        if ((rc = sp_ms_load(a, reader, sqlite3_column_int64(st, 0), &v)))
            break;
        rc = sp_planned_load(a, planner, &v, &rules, &n, &ndue);
        for (size_t i = 0; !rc && i < n; i++)
            if (!due || rules[i].holds)
                add_rule_row(t, arr, &rules[i], v.id, sis, due);
        sp_planned_free(rules, n);
        sp_goal_view_clear(&v);
        if (rc)
            break;
    }
    if (!rc && s != SQLITE_DONE)
        rc = sp_admin_fail_sql(a, "reading rules failed");
    if (!rc && !a->json) {
        if (due) {
            char today[11];
            sp_date_format(a->today, today);
            fprintf(a->out, "Planned responses whose time has come, %s:\n", today);
        }
        sp_table_print(t, a->out, due ? "  (none: no rule's condition holds today)" : "  (no if/then rules yet)");
        if (due && sp_table_rows(t))
            fprintf(a->out, "\nWhen you have acted: signpost-admin rule acted RULE [--note TEXT] [--intensity "
                            "raise|keep|fade]\n");
    }
    sp_table_free(t);
    if (!rc && a->json)
        a->result = arr;
    else
        json_decref(arr);
done:
    sqlite3_finalize(st);
    sp_planner_free(planner);
    sp_goal_reader_free(reader);
    return rc;
}

/* Records what was done about a rule as a support change that answers it. */
static int rule_acted(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"note", true, NULL}, {"intensity", true, NULL}, {"date", true, NULL}, {"by", true, NULL}};
    const char *pos[1];
    int npos = 0, rc, day = a->today;
    long long by = 0;
    if ((rc = sp_admin_parse(a, argc, argv, o, 4, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected one rule id (see `signpost-admin rule list --due`)");
    char *end = NULL, ex[120];
    long long rid = strtoll(pos[0], &end, 10);
    if (!*pos[0] || *end || rid < 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected a rule id (a whole number), got '%s'",
                             sp_excerpt(pos[0], ex, sizeof ex));
    if ((rc = sp_ms_check_text(a, "note", o[0].value, SP_MS_NOTE_MAX, true, false)) ||
        (rc = sp_ms_check_enum(a, "intensity", o[1].value, INTENSITIES)) ||
        (o[2].value && (rc = sp_admin_parse_date(a, "--date", o[2].value, &day))) ||
        (o[3].value && (rc = sp_admin_find_staff(a, o[3].value, &by))))
        return rc;
    char when[11], today[11];
    sp_date_format(day, when);
    sp_date_format(a->today, today);
    if (day > a->today)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--date: expected a date up to today (%s), got %s", today, when);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "SELECT milestone_id, then_text FROM if_then_rules WHERE id = ?1", -1, &st, NULL) !=
        SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the rule failed");
    sqlite3_bind_int64(st, 1, rid);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return sp_admin_fail(a, SP_EXIT_USAGE, "no rule with id %lld (see `signpost-admin rule list --due`)", rid);
    }
    long long milestone = sqlite3_column_int64(st, 0);
    char note[SP_MS_NOTE_MAX * 4 + 1];
    snprintf(note, sizeof note, "%s", o[0].value && *o[0].value ? o[0].value : (const char *)sqlite3_column_text(st, 1));
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(a->db,
                           "INSERT INTO support_changes(milestone_id, changed_on, note, entered_by, intensity, rule_id)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "saving the support change failed");
    sqlite3_bind_int64(st, 1, milestone);
    sqlite3_bind_text(st, 2, when, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, note, -1, SQLITE_STATIC);
    if (by)
        sqlite3_bind_int64(st, 4, by);
    else
        sqlite3_bind_null(st, 4);
    if (o[1].value)
        sqlite3_bind_text(st, 5, o[1].value, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, 5);
    sqlite3_bind_int64(st, 6, rid);
    int s = sqlite3_step(st);
    sqlite3_finalize(st);
    if (s != SQLITE_DONE)
        return sp_admin_fail_sql(a, "saving the support change failed");
    long long sid = sqlite3_last_insert_rowid(a->db);
    if (a->json)
        a->result = json_pack("{s:I, s:I, s:I, s:s, s:s, s:s?}", "support_change", (json_int_t)sid, "rule",
                              (json_int_t)rid, "milestone", (json_int_t)milestone, "date", when, "note", note,
                              "intensity", o[1].value);
    sp_admin_printf(a, "Rule %lld acted on %s: support change %lld for milestone %lld%s%s%s: %s\n", rid, when, sid,
                    milestone, o[1].value ? " (" : "", o[1].value ? o[1].value : "", o[1].value ? " the support)" : "",
                    note);
    sp_admin_printf(a, "The rule waits for new data before it asks again.\n");
    return SP_EXIT_OK;
}

static const sp_admin_verb RULE_VERBS[] = {
    {"add", rule_add, 0, "add an if/then rule to a milestone",
     "Usage: signpost-admin rule add --milestone ID --if TEXT --then TEXT [--choice CHIP] [--decided DATE]\n\n"
     "Decides ahead what happens when the data says so. Conditions Signpost checks against the data:\n"
     "  below aim N checks in a row   the last N checks all missed the aim line\n"
     "  red                           the four-point rule turned the light red\n"
     "  no data for N days            (or weeks) without a new check\n"
     "  below VALUE, above VALUE      the latest check, e.g. \"below 92%\"\n"
     "  past due                      the due date passed and the target is not met\n"
     "Other words are kept as free text for you to judge. When a condition holds, `review`,\n"
     "`milestone show` and `report reflections` show the response with the date it was decided\n"
     "(--decided, default today). --choice is short text for a chip the student can pick at the kiosk.\n\n"
     "Examples:\n  signpost-admin rule add --milestone 12 --if \"below aim 2 checks in a row\" \\\n"
     "    --then \"add a 20-minute session\" --choice \"I'll join the extra session\"\n"
     "  signpost-admin rule add --milestone 15 --if \"below 92%\" --then \"family meeting\"\n"},
    {"list", rule_list, SP_VERB_READONLY, "a milestone's rules, or every rule whose time has come",
     "Usage: signpost-admin rule list --milestone ID\n"
     "       signpost-admin rule list --due [--class CODE] [--student SIS]\n\n"
     "With --milestone: every rule, how Signpost reads its condition, when it was decided and last\n"
     "acted on, and whether it holds today. With --due: the rules whose condition holds today, for\n"
     "the current milestones of a class, a student or the whole school.\n\n"
     "Examples:\n  signpost-admin rule list --milestone 12\n  signpost-admin rule list --due --class ELA8-2\n"},
    {"acted", rule_acted, 0, "record that a planned response was carried out",
     "Usage: signpost-admin rule acted RULE [--note TEXT] [--intensity raise|keep|fade] [--date DATE] [--by STAFF]\n\n"
     "Records a support change for the rule's milestone (the note defaults to the rule's response),\n"
     "dated --date (default today). The rule then counts only checks after that date before it\n"
     "asks again.\n\n"
     "Example:\n  signpost-admin rule acted 3 --intensity raise --note \"20-minute session on Fridays\"\n"},
    {0}};

const sp_admin_noun sp_cmd_rule = {"rule", "if/then rules decided before a support starts", RULE_VERBS};
