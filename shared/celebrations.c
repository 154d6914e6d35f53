/* celebrations.c — celebrations in the database (see celebrations.h).
 *
 * A list is one query: the celebration with its teacher's name, its goal's student text and, for
 * a step, the long-term goal and the step's place among that goal's steps (ordered by start date,
 * then id, retired and revised steps left out). Rechecking a milestone replays its points in the
 * order they arrived (measurement id): for each unseen celebration the points that were there
 * before its own point are "before", and the pure rules are asked again whether that point earns
 * the same kind. */
#include "celebrations.h"
#include "dates.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_LIST[] =
    "SELECT c.id, c.student_id, coalesce(c.milestone_id, 0), coalesce(c.measurement_id, 0), c.kind, c.message,"
    " c.created_at, coalesce(c.seen_at, ''), coalesce(c.withdrawn_at, ''),"
    " coalesce(nullif(s.display_name, ''), trim(s.given_name || ' ' || s.family_name), ''),"
    " coalesce(m.student_text, ''), coalesce(p.student_text, ''), coalesce(p.id, 0),"
    " CASE WHEN p.id IS NULL THEN 0 ELSE (SELECT count(*) FROM milestones q WHERE q.parent_id = p.id"
    "   AND q.horizon = 'short' AND q.status NOT IN ('retired', 'revised')"
    "   AND (q.start_date < m.start_date OR (q.start_date = m.start_date AND q.id <= m.id))) END,"
    " CASE WHEN p.id IS NULL THEN 0 ELSE (SELECT count(*) FROM milestones q WHERE q.parent_id = p.id"
    "   AND q.horizon = 'short' AND q.status NOT IN ('retired', 'revised')) END"
    " FROM celebrations c"
    " LEFT JOIN staff s ON s.id = c.created_by"
    " LEFT JOIN milestones m ON m.id = c.milestone_id"
    " LEFT JOIN milestones p ON p.id = m.parent_id AND m.horizon = 'short'";

static void copy_col(sqlite3_stmt *st, int col, char *out, size_t len)
{
    const unsigned char *s = sqlite3_column_text(st, col);
    int n = sqlite3_column_bytes(st, col);
    if (!s || n <= 0) {
        out[0] = 0;
        return;
    }
    size_t k = (size_t)n < len - 1 ? (size_t)n : len - 1;
    while (k > 0 && k < (size_t)n && (s[k] & 0xC0) == 0x80) /* never cut inside a character */
        k--;
    memcpy(out, s, k);
    out[k] = 0;
}

static void read_row(sqlite3_stmt *st, sp_celebration_row *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->student_id = sqlite3_column_int64(st, 1);
    r->milestone_id = sqlite3_column_int64(st, 2);
    r->measurement_id = sqlite3_column_int64(st, 3);
    if (!sp_celebration_kind_parse((const char *)sqlite3_column_text(st, 4), &r->kind))
        r->kind = SP_CELEBRATION_SHOUT_OUT;
    copy_col(st, 5, r->message, sizeof r->message);
    copy_col(st, 6, r->created_at, sizeof r->created_at);
    copy_col(st, 7, r->seen_at, sizeof r->seen_at);
    copy_col(st, 8, r->withdrawn_at, sizeof r->withdrawn_at);
    copy_col(st, 9, r->by_name, sizeof r->by_name);
    copy_col(st, 10, r->goal_text, sizeof r->goal_text);
    copy_col(st, 11, r->parent_text, sizeof r->parent_text);
    r->parent_id = sqlite3_column_int64(st, 12);
    r->step_no = sqlite3_column_int(st, 13);
    r->step_count = sqlite3_column_int(st, 14);
}

int sp_celebrations_list(sqlite3 *db, const sp_celebration_query *q, sp_celebration_row **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    char sql[sizeof SQL_LIST + 512];
    snprintf(sql, sizeof sql,
             "%s WHERE (?1 = 0 OR c.student_id = ?1) AND (?2 = 0 OR c.seen_at IS NULL)"
             " AND (?3 = 1 OR c.withdrawn_at IS NULL)"
             " AND (c.milestone_id IS NULL OR m.visibility IN (?4, ?5, ?6))"
             " ORDER BY c.created_at DESC, c.id DESC LIMIT ?7",
             SQL_LIST);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    int vis = q->vis_mask ? q->vis_mask : SP_VIS_ALL;
    sqlite3_bind_int64(st, 1, q->student_id);
    sqlite3_bind_int(st, 2, q->unseen_only);
    sqlite3_bind_int(st, 3, q->include_withdrawn);
    if (vis & SP_VIS_KIOSK)
        sqlite3_bind_text(st, 4, "kiosk", -1, SQLITE_STATIC);
    if (vis & SP_VIS_CONFERENCE)
        sqlite3_bind_text(st, 5, "conference", -1, SQLITE_STATIC);
    if (vis & SP_VIS_STAFF)
        sqlite3_bind_text(st, 6, "staff", -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 7, q->limit ? (long long)q->limit : -1);
    size_t cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            sp_celebration_row *grown = realloc(*out, ncap * sizeof **out);
            if (!grown) {
                rc = SQLITE_NOMEM;
                break;
            }
            *out = grown;
            cap = ncap;
        }
        read_row(st, &(*out)[(*n)++]);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        sp_celebration_rows_free(*out, *n);
        *out = NULL;
        *n = 0;
        return rc;
    }
    return SQLITE_OK;
}

void sp_celebration_rows_free(sp_celebration_row *rows, size_t n)
{
    if (!rows)
        return;
    sodium_memzero(rows, n * sizeof *rows); /* the kiosk keeps nothing of a signed-out student */
    free(rows);
}

int sp_celebration_get(sqlite3 *db, long long id, sp_celebration_row *out)
{
    char sql[sizeof SQL_LIST + 64];
    snprintf(sql, sizeof sql, "%s WHERE c.id = ?1", SQL_LIST);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        read_row(st, out);
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_NOTFOUND;
    }
    sqlite3_finalize(st);
    return rc;
}

int sp_celebration_mark_seen(sqlite3 *db, long long id, const char *now, bool *changed)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "UPDATE celebrations SET seen_at = ?2 WHERE id = ?1 AND seen_at IS NULL"
                                " AND withdrawn_at IS NULL",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return rc;
    if (changed)
        *changed = sqlite3_changes(db) > 0;
    return SQLITE_OK;
}

int sp_celebrate_context(sqlite3 *db, const sp_goal_view *v, sp_celebrate_ctx *c)
{
    memset(c, 0, sizeof *c);
    c->goal = &v->goal;
    c->unit_label = v->unit_label;
    c->student_text = v->student_text;
    c->is_step = v->parent_id != 0 && strcmp(v->horizon, "short") == 0;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT kind FROM celebrations WHERE milestone_id = ?1 AND withdrawn_at IS NULL"
                                " AND kind IN ('milestone-met', 'step-reached', 'raise-goal')",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int64(st, 1, v->id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0);
        if (k && strcmp(k, "raise-goal") == 0)
            c->raise_before = true;
        else
            c->met_before = true;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int store(sqlite3 *db, const sp_goal_view *v, long long measurement_id, long long by, const char *now,
                 const sp_celebration *c, size_t n)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "INSERT INTO celebrations(student_id, milestone_id, measurement_id, kind, message,"
                                " created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    for (size_t i = 0; i < n; i++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, v->student_id);
        sqlite3_bind_int64(st, 2, v->id);
        sqlite3_bind_int64(st, 3, measurement_id);
        sqlite3_bind_text(st, 4, sp_celebration_kind_name(c[i].kind), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, c[i].message, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
        if (by)
            sqlite3_bind_int64(st, 7, by);
        else
            sqlite3_bind_null(st, 7);
        if ((rc = sqlite3_step(st)) != SQLITE_DONE)
            break;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

int sp_celebrations_earned(sqlite3 *db, const sp_goal_view *v_before, const sp_goal_view *v_after,
                           long long measurement_id, int day, double value, long long entered_by, const char *now,
                           sp_celebration out[SP_CELEBRATE_MAX], size_t *n)
{
    *n = 0;
    sp_celebrate_ctx c;
    int rc = sp_celebrate_context(db, v_after, &c);
    if (rc != SQLITE_OK)
        return rc;
    *n = sp_celebrate(&c, v_before->points, v_before->npoints, v_after->points, v_after->npoints,
                      (sp_point){day, value}, out);
    rc = store(db, v_after, measurement_id, entered_by, now, out, *n);
    if (rc != SQLITE_OK)
        *n = 0;
    return rc;
}

/* ---- judging again after an edit or a deletion --------------------------------------------- */

typedef struct {
    long long id;
    sp_point p;
} arrived_point;

/* Every point of the milestone, ascending by day then arrival. */
static int load_points(sqlite3 *db, long long milestone_id, arrived_point **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT id, taken_on, value FROM measurements"
                                " WHERE milestone_id = ?1 ORDER BY taken_on, id",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int64(st, 1, milestone_id);
    size_t cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            arrived_point *grown = realloc(*out, ncap * sizeof **out);
            if (!grown) {
                rc = SQLITE_NOMEM;
                break;
            }
            *out = grown;
            cap = ncap;
        }
        arrived_point *a = &(*out)[(*n)++];
        a->id = sqlite3_column_int64(st, 0);
        if (!sp_date_parse((const char *)sqlite3_column_text(st, 1), &a->p.day))
            a->p.day = 0;
        a->p.value = sqlite3_column_double(st, 2);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(*out);
        *out = NULL;
        *n = 0;
        return rc;
    }
    return SQLITE_OK;
}

/* What measurement `id` earned when it arrived, judged on today's values of the points. */
static size_t earned_by(const sp_goal_view *v, const arrived_point *pts, size_t n, long long id,
                        sp_point *before, sp_point *after, sp_celebration out[SP_CELEBRATE_MAX])
{
    size_t nb = 0, na = 0;
    sp_point added = {0, 0};
    bool found = false;
    for (size_t i = 0; i < n; i++) {
        if (pts[i].id < id) {
            before[nb++] = pts[i].p;
            after[na++] = pts[i].p;
        } else if (pts[i].id == id) {
            after[na++] = pts[i].p;
            added = pts[i].p;
            found = true;
        }
    }
    if (!found)
        return 0;
    sp_celebrate_ctx c = {.goal = &v->goal,
                          .unit_label = v->unit_label,
                          .student_text = v->student_text,
                          .is_step = v->parent_id != 0 && strcmp(v->horizon, "short") == 0};
    return sp_celebrate(&c, before, nb, after, na, added, out);
}

static int withdraw_or_reword(sqlite3 *db, long long id, const char *message, const char *now)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                message ? "UPDATE celebrations SET message = ?2 WHERE id = ?1"
                                        : "UPDATE celebrations SET withdrawn_at = ?2 WHERE id = ?1",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, message ? message : now, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int sp_celebrations_recheck(sqlite3 *db, sp_goal_reader *r, long long milestone_id, int today, const char *now,
                            int *withdrawn, int *reworded)
{
    int nw = 0, nr = 0;
    sp_goal_view v;
    arrived_point *pts = NULL;
    sp_point *before = NULL, *after = NULL;
    size_t n = 0;
    sqlite3_stmt *st = NULL;
    int rc = sp_goal_load(r, milestone_id, today, &v);
    if (rc != SQLITE_OK)
        return rc;
    if ((rc = load_points(db, milestone_id, &pts, &n)) != SQLITE_OK)
        goto done;
    before = malloc((n + 1) * sizeof *before);
    after = malloc((n + 1) * sizeof *after);
    if (!before || !after) {
        rc = SQLITE_NOMEM;
        goto done;
    }
    rc = sqlite3_prepare_v2(db,
                            "SELECT id, coalesce(measurement_id, 0), kind, message FROM celebrations"
                            " WHERE milestone_id = ?1 AND seen_at IS NULL AND withdrawn_at IS NULL"
                            " AND kind <> 'shout-out' ORDER BY id",
                            -1, &st, NULL);
    if (rc != SQLITE_OK)
        goto done;
    sqlite3_bind_int64(st, 1, milestone_id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(st, 0), mid = sqlite3_column_int64(st, 1);
        sp_celebration_kind kind;
        if (!sp_celebration_kind_parse((const char *)sqlite3_column_text(st, 2), &kind))
            continue;
        const char *old = (const char *)sqlite3_column_text(st, 3);
        sp_celebration got[SP_CELEBRATE_MAX];
        size_t ng = mid ? earned_by(&v, pts, n, mid, before, after, got) : 0;
        const char *message = NULL;
        bool still = false;
        for (size_t i = 0; i < ng; i++)
            if (got[i].kind == kind) {
                still = true;
                message = got[i].message;
            }
        if (still && old && strcmp(old, message) == 0)
            continue;
        if ((rc = withdraw_or_reword(db, id, still ? message : NULL, now)) != SQLITE_OK)
            goto done;
        if (still)
            nr++;
        else
            nw++;
    }
    rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
done:
    sqlite3_finalize(st);
    free(pts);
    free(before);
    free(after);
    sp_goal_view_clear(&v);
    if (withdrawn)
        *withdrawn = nw;
    if (reworded)
        *reworded = nr;
    return rc;
}
