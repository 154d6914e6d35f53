/* cmd_kiosk.c — `signpost-admin kiosk log`: the kiosks' audit trail (SPEC §2 "kiosk session"),
 * for a teacher or a family who asks who signed in where and when and how each visit ended, and
 * how many badge scans were refused. Read only. */
#include "admin.h"
#include "dates.h"
#include "table_out.h"

#include <stdio.h>
#include <string.h>

/* How a session ended, in plain words. */
static const char *ended_words(const char *reason)
{
    if (!reason)
        return "still open";
    if (strcmp(reason, "done") == 0)
        return "tapped I'm done";
    if (strcmp(reason, "timeout") == 0)
        return "walked away (timed out)";
    if (strcmp(reason, "switched") == 0)
        return "another badge was scanned";
    if (strcmp(reason, "teacher-exit") == 0)
        return "teacher closed the kiosk";
    if (strcmp(reason, "closed") == 0)
        return "kiosk closed";
    return reason;
}

/* "09:03" (UTC, as stored) from "2026-11-23T09:03:10Z"; the date goes in its own column. */
static void clock_of(const char *iso, char out[6])
{
    snprintf(out, 6, "%.5s", iso && strlen(iso) >= 16 ? iso + 11 : "");
}

static int kiosk_log(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"student", true, NULL}, {"kiosk", true, NULL}, {"since", true, NULL}, {"limit", true, NULL}};
    int rc, since_day = 0;
    long long student = 0, limit = 200;
    if ((rc = sp_admin_parse(a, argc, argv, o, 4, NULL, 0, NULL)) ||
        (o[0].value && (rc = sp_admin_find_student(a, o[0].value, &student))) ||
        (o[1].value && (rc = sp_admin_check_text(a, "--kiosk", o[1].value, 100, false))) ||
        (o[2].value && (rc = sp_admin_parse_date(a, "--since", o[2].value, &since_day))))
        return rc;
    if (o[3].value) {
        double v;
        if ((rc = sp_admin_parse_number(a, "limit", o[3].value, &v)))
            return rc;
        if (v < 1 || v > 100000 || v != (double)(long long)v)
            return sp_admin_fail(a, SP_EXIT_USAGE, "--limit: expected a whole number from 1 to 100000, got '%s'",
                                 o[3].value);
        limit = (long long)v;
    }
    char since[11] = "";
    if (o[2].value)
        sp_date_format(since_day, since);

    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(
            a->db,
            "SELECT k.started_at, k.ended_at, k.end_reason, k.kiosk_name,"
            " CASE WHEN k.student_id IS NOT NULL THEN s.sis_id ELSE f.staff_code END,"
            " CASE WHEN k.student_id IS NOT NULL THEN"
            "   coalesce(nullif(s.preferred_name, ''), s.given_name) || CASE WHEN s.family_name <> ''"
            "   THEN ' ' || s.family_name ELSE '' END"
            " ELSE coalesce(nullif(f.display_name, ''), f.given_name) END,"
            " k.student_id IS NULL, k.conference"
            " FROM kiosk_sessions k LEFT JOIN students s ON s.id = k.student_id LEFT JOIN staff f ON f.id = k.staff_id"
            " WHERE (?1 = 0 OR k.student_id = ?1) AND (?2 IS NULL OR k.kiosk_name = ?2) AND k.started_at >= ?3"
            " ORDER BY k.started_at DESC, k.id DESC LIMIT ?4",
            -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the kiosk log failed");
    sqlite3_bind_int64(st, 1, student);
    if (o[1].value)
        sqlite3_bind_text(st, 2, o[1].value, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, 2);
    sqlite3_bind_text(st, 3, since, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, limit);

    json_t *arr = a->json ? json_array() : NULL;
    sp_table *t =
        sp_table_new(8, (const char *const[]){"Date", "In", "Out", "Kiosk", "Who", "ID", "How it ended", "Visit"});
    int s, n = 0;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        const char *started = (const char *)sqlite3_column_text(st, 0);
        const char *ended = (const char *)sqlite3_column_text(st, 1);
        const char *reason = (const char *)sqlite3_column_text(st, 2);
        const char *kiosk = (const char *)sqlite3_column_text(st, 3);
        const char *id = (const char *)sqlite3_column_text(st, 4);
        const char *name = (const char *)sqlite3_column_text(st, 5);
        bool staff = sqlite3_column_int(st, 6) != 0;
        bool conference = sqlite3_column_int(st, 7) != 0;
        const char *visit = conference ? "family conference" : staff ? "teacher menu" : "student";
        char day[11], in[6], out[6], who[260];
        snprintf(day, sizeof day, "%.10s", started ? started : "");
        clock_of(started, in);
        clock_of(ended, out);
        snprintf(who, sizeof who, "%s%s", name ? name : "", staff ? " (teacher)" : "");
        sp_table_add(t, (const char *const[]){day, in, out, kiosk ? kiosk : "", who, id ? id : "", ended_words(reason),
                                              visit});
        if (arr)
            json_array_append_new(arr, json_pack("{s:s, s:s?, s:s?, s:s, s:s, s:s, s:s, s:s, s:b}", "started_at",
                                                 started, "ended_at", ended, "end_reason", reason, "kiosk",
                                                 kiosk ? kiosk : "", "holder", staff ? "staff" : "student", "id",
                                                 id ? id : "", "name", name ? name : "", "how_it_ended",
                                                 ended_words(reason), "conference", conference));
        n++;
    }
    sqlite3_finalize(st);
    if (s != SQLITE_DONE) {
        sp_table_free(t);
        json_decref(arr);
        return sp_admin_fail_sql(a, "reading the kiosk log failed");
    }

    /* Refused scans: counted, never shown (nothing of what was scanned is stored). */
    long long refused[4] = {0, 0, 0, 0};
    static const char *const OUTCOMES[] = {"unknown", "revoked", "malformed", "cooldown"};
    if (!student) {
        if (sqlite3_prepare_v2(a->db,
                               "SELECT outcome, count(*) FROM scan_events WHERE at >= ?1 AND (?2 IS NULL OR kiosk_name = ?2)"
                               " GROUP BY outcome",
                               -1, &st, NULL) != SQLITE_OK) {
            sp_table_free(t);
            json_decref(arr);
            return sp_admin_fail_sql(a, "reading the refused scans failed");
        }
        sqlite3_bind_text(st, 1, since, -1, SQLITE_STATIC);
        if (o[1].value)
            sqlite3_bind_text(st, 2, o[1].value, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(st, 2);
        while (sqlite3_step(st) == SQLITE_ROW)
            for (int i = 0; i < 4; i++)
                if (strcmp((const char *)sqlite3_column_text(st, 0), OUTCOMES[i]) == 0)
                    refused[i] = sqlite3_column_int64(st, 1);
        sqlite3_finalize(st);
    }

    if (a->json) {
        json_t *obj = json_pack("{s:o}", "sessions", arr);
        if (!student)
            json_object_set_new(obj, "refused_scans",
                                json_pack("{s:I, s:I, s:I, s:I}", "unknown", (json_int_t)refused[0], "revoked",
                                          (json_int_t)refused[1], "malformed", (json_int_t)refused[2], "during_cooldown",
                                          (json_int_t)refused[3]));
        a->result = obj;
    } else {
        sp_admin_printf(a, "Kiosk log%s%s%s%s%s%s (newest first, times in UTC)\n", o[0].value ? " for " : "",
                        o[0].value ? o[0].value : "", o[1].value ? " at " : "", o[1].value ? o[1].value : "",
                        o[2].value ? " since " : "", since);
        sp_table_print(t, a->out, "Nobody has signed in at a kiosk yet.");
        if (n == limit)
            sp_admin_printf(a, "(the newest %lld; --limit N shows more)\n", limit);
        if (!student)
            sp_admin_printf(a, "Refused scans: %lld unknown badge%s, %lld revoked, %lld not a badge, %lld during a "
                               "cool-down (what was scanned is never stored)\n",
                            refused[0], refused[0] == 1 ? "" : "s", refused[1], refused[2], refused[3]);
    }
    sp_table_free(t);
    return SP_EXIT_OK;
}

static const sp_admin_verb KIOSK_VERBS[] = {
    {"log", kiosk_log, SP_VERB_READONLY, "who signed in at the kiosks, and how each visit ended",
     "Usage: signpost-admin kiosk log [--student SIS] [--kiosk NAME] [--since DATE] [--limit N]\n\n"
     "Lists kiosk sessions, newest first: the date, sign-in and sign-out times (UTC), the kiosk, who\n"
     "(a student, or a teacher who opened the teacher menu) and how the visit ended: tapped I'm done,\n"
     "walked away (timed out), another badge was scanned, teacher closed the kiosk. Without --student\n"
     "it also counts refused scans (unknown, revoked, not a badge, during a cool-down); what was\n"
     "scanned is never stored. At most 200 sessions unless --limit says otherwise.\n\n"
     "Examples:\n  signpost-admin kiosk log --since today\n  signpost-admin kiosk log --student E8001\n"
     "  signpost-admin --json kiosk log --kiosk \"Room 210\" --since 2026-11-01\n"},
    {0}};

const sp_admin_noun sp_cmd_kiosk = {"kiosk", "the kiosks' log: who signed in, when, and how it ended", KIOSK_VERBS};
