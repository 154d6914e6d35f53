/* cmd_shoutout.c — `signpost-admin shoutout`: a teacher's own celebration for a student, shown on
 * the student's next scan like the ones the data earns. Until the student has seen it, a
 * shout-out can be reworded (edit) or taken back (withdraw: it is kept, marked withdrawn, and
 * never shown); once seen it is part of the student's history and stays as it was. */
#include "admin.h"
#include "celebrate.h"
#include "milestone_fields.h"

#include <stdlib.h>
#include <string.h>

static int shoutout_add(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"student", true, NULL}, {"message", true, NULL}, {"milestone", true, NULL}, {"by", true, NULL}};
    int rc;
    long long student, milestone = 0, by = 0;
    if ((rc = sp_admin_parse(a, argc, argv, o, 4, NULL, 0, NULL)) || (rc = sp_ms_required(a, "student", o[0].value)) ||
        (rc = sp_admin_find_student(a, o[0].value, &student)) ||
        (rc = sp_ms_check_text(a, "message", o[1].value, 500, false, true)) ||
        (o[2].value && (rc = sp_admin_find_milestone(a, o[2].value, &milestone))) ||
        (o[3].value && (rc = sp_admin_find_staff(a, o[3].value, &by))))
        return rc;
    sqlite3_stmt *st = NULL;
    if (milestone) {
        if (sqlite3_prepare_v2(a->db, "SELECT 1 FROM milestones WHERE id = ?1 AND student_id = ?2", -1, &st, NULL) !=
            SQLITE_OK)
            return sp_admin_fail_sql(a, "reading the milestone failed");
        sqlite3_bind_int64(st, 1, milestone);
        sqlite3_bind_int64(st, 2, student);
        int s = sqlite3_step(st);
        sqlite3_finalize(st);
        if (s != SQLITE_ROW)
            return sp_admin_fail(a, SP_EXIT_USAGE, "--milestone: milestone %lld is not one of %s's milestones",
                                 milestone, o[0].value);
    }
    char now[32];
    sp_ms_now(now);
    if (sqlite3_prepare_v2(a->db,
                           "INSERT INTO celebrations(student_id, milestone_id, kind, message, created_at, created_by)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "saving the shout-out failed");
    sqlite3_bind_int64(st, 1, student);
    if (milestone)
        sqlite3_bind_int64(st, 2, milestone);
    else
        sqlite3_bind_null(st, 2);
    sqlite3_bind_text(st, 3, sp_celebration_kind_name(SP_CELEBRATION_SHOUT_OUT), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, o[1].value, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
    if (by)
        sqlite3_bind_int64(st, 6, by);
    else
        sqlite3_bind_null(st, 6);
    int s = sqlite3_step(st);
    sqlite3_finalize(st);
    if (s != SQLITE_DONE)
        return sp_admin_fail_sql(a, "saving the shout-out failed");
    long long id = sqlite3_last_insert_rowid(a->db);
    if (a->json)
        a->result = json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)id, "student", o[0].value, "kind", "shout-out",
                              "message", o[1].value);
    sp_admin_printf(a, "Shout-out for %s saved; it shows on their next scan: %s\n", o[0].value, o[1].value);
    return SP_EXIT_OK;
}

/* The shout-out `text` names, still unseen and not withdrawn; SP_EXIT_USAGE with the reason if not. */
static int find_unseen(sp_admin *a, const char *text, long long *id)
{
    char *end = NULL;
    long long v = text ? strtoll(text, &end, 10) : 0;
    if (!text || !*text || *end || v <= 0)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--id: expected a shout-out id (a whole number), got '%s'",
                             text ? text : "");
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "SELECT kind, seen_at, withdrawn_at FROM celebrations WHERE id = ?1", -1, &st,
                           NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the shout-out failed");
    sqlite3_bind_int64(st, 1, v);
    int s = sqlite3_step(st), rc = SP_EXIT_OK;
    if (s == SQLITE_DONE)
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "--id: no shout-out %lld (see `celebration list`)", v);
    else if (s != SQLITE_ROW)
        rc = sp_admin_fail_sql(a, "reading the shout-out failed");
    else if (strcmp((const char *)sqlite3_column_text(st, 0), "shout-out") != 0)
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "--id: %lld is a celebration the data earned, not a shout-out", v);
    else if (sqlite3_column_type(st, 2) != SQLITE_NULL)
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "shout-out %lld was already withdrawn", v);
    else if (sqlite3_column_type(st, 1) != SQLITE_NULL)
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "shout-out %lld was already seen at the kiosk on %s; it stays as it was",
                           v, (const char *)sqlite3_column_text(st, 1));
    sqlite3_finalize(st);
    *id = v;
    return rc;
}

static int change(sp_admin *a, const char *sql, long long id, const char *text, const char *what)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, sql, -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, what);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
    int s = sqlite3_step(st);
    sqlite3_finalize(st);
    return s == SQLITE_DONE ? SP_EXIT_OK : sp_admin_fail_sql(a, what);
}

static int shoutout_edit(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"id", true, NULL}, {"message", true, NULL}};
    long long id;
    int rc;
    if ((rc = sp_admin_parse(a, argc, argv, o, 2, NULL, 0, NULL)) || (rc = sp_ms_required(a, "id", o[0].value)) ||
        (rc = sp_ms_check_text(a, "message", o[1].value, 500, false, true)) || (rc = find_unseen(a, o[0].value, &id)) ||
        (rc = change(a, "UPDATE celebrations SET message = ?2 WHERE id = ?1", id, o[1].value,
                     "changing the shout-out failed")))
        return rc;
    if (a->json)
        a->result = json_pack("{s:I, s:s}", "id", (json_int_t)id, "message", o[1].value);
    sp_admin_printf(a, "Shout-out %lld now says: %s\n", id, o[1].value);
    return SP_EXIT_OK;
}

static int shoutout_withdraw(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"id", true, NULL}};
    long long id;
    int rc;
    char now[32];
    sp_ms_now(now);
    if ((rc = sp_admin_parse(a, argc, argv, o, 1, NULL, 0, NULL)) || (rc = sp_ms_required(a, "id", o[0].value)) ||
        (rc = find_unseen(a, o[0].value, &id)) ||
        (rc = change(a, "UPDATE celebrations SET withdrawn_at = ?2 WHERE id = ?1", id, now,
                     "withdrawing the shout-out failed")))
        return rc;
    if (a->json)
        a->result = json_pack("{s:I, s:s}", "id", (json_int_t)id, "withdrawn_at", now);
    sp_admin_printf(a, "Shout-out %lld withdrawn; the kiosk will not show it.\n", id);
    return SP_EXIT_OK;
}

static const sp_admin_verb SHOUTOUT_VERBS[] = {
    {"add", shoutout_add, 0, "send a student a shout-out",
     "Usage: signpost-admin shoutout add --student SIS --message TEXT [--milestone ID] [--by STAFFCODE]\n\n"
     "Saves a teacher shout-out (up to 500 characters). The kiosk shows it on the student's next scan\n"
     "and keeps it for conferences.\n\n"
     "Example:\n  signpost-admin shoutout add --student S1001 --message \"Great claim in today's essay, Maya!\"\n"},
    {"edit", shoutout_edit, 0, "reword a shout-out the student has not seen yet",
     "Usage: signpost-admin shoutout edit --id ID --message TEXT\n\n"
     "Changes the words of a shout-out before the student sees it (ids: `celebration list --unseen`).\n"
     "A shout-out already seen at the kiosk stays as it was.\n\n"
     "Example:\n  signpost-admin shoutout edit --id 42 --message \"Great claim and evidence today, Maya!\"\n"},
    {"withdraw", shoutout_withdraw, 0, "take back a shout-out the student has not seen yet",
     "Usage: signpost-admin shoutout withdraw --id ID\n\n"
     "The kiosk never shows a withdrawn shout-out; it stays in `celebration list --withdrawn`.\n\n"
     "Example:\n  signpost-admin shoutout withdraw --id 42\n"},
    {0}};

const sp_admin_noun sp_cmd_shoutout = {"shoutout", "teacher shout-outs shown on the student's next scan",
                                       SHOUTOUT_VERBS};
