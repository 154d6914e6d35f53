/* cmd_shoutout.c — `signpost-admin shoutout`: a teacher's own celebration for a student, shown on
 * the student's next scan like the ones the data earns. */
#include "admin.h"
#include "celebrate.h"
#include "milestone_fields.h"

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

static const sp_admin_verb SHOUTOUT_VERBS[] = {
    {"add", shoutout_add, 0, "send a student a shout-out",
     "Usage: signpost-admin shoutout add --student SIS --message TEXT [--milestone ID] [--by STAFFCODE]\n\n"
     "Saves a teacher shout-out (up to 500 characters). The kiosk shows it on the student's next scan\n"
     "and keeps it for conferences.\n\n"
     "Example:\n  signpost-admin shoutout add --student S1001 --message \"Great claim in today's essay, Maya!\"\n"},
    {0}};

const sp_admin_noun sp_cmd_shoutout = {"shoutout", "teacher shout-outs shown on the student's next scan",
                                       SHOUTOUT_VERBS};
