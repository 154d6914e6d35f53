/* goals.c — the milestone read model (see goals.h).
 *
 * A reader prepares its statements once. A student's goals are one seek on milestones_by_student
 * (student, visibility) and, per milestone, one reverse range scan on measurements_by_milestone
 * for the newest SP_GOAL_MAX_POINTS points and one on support_by_milestone. Points are read
 * newest first into a scratch buffer owned by the reader, then copied in ascending order into a
 * single allocation per goal, so there is no allocation per row. When the caller is not inside
 * a transaction, a lookup runs in one read transaction so that it sees one consistent state. */
#include "goals.h"
#include "dates.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MILESTONE_COLUMNS                                                                                             \
    "id, student_id, parent_id, category, horizon, visibility, status, statement, student_text, method, "             \
    "data_source, support, baseline_note, unit_label, scale_min, scale_max, standard_code, cadence_note, "            \
    "last_reviewed_on, baseline, target, direction, target_k, target_m, start_date, due_date, review_cadence_days, " \
    "(SELECT starts_on FROM milestone_phases p WHERE p.milestone_id = milestones.id"                                 \
    " ORDER BY p.starts_on DESC, p.id DESC LIMIT 1), "                                                               \
    "(SELECT start_value FROM milestone_phases p WHERE p.milestone_id = milestones.id"                               \
    " ORDER BY p.starts_on DESC, p.id DESC LIMIT 1), "                                                             \
    "student_support, student_know, student_obstacles"

enum {
    C_ID, C_STUDENT, C_PARENT, C_CATEGORY, C_HORIZON, C_VISIBILITY, C_STATUS, C_STATEMENT, C_STUDENT_TEXT, C_METHOD,
    C_DATA_SOURCE, C_SUPPORT, C_BASELINE_NOTE, C_UNIT, C_SCALE_MIN, C_SCALE_MAX, C_STANDARD, C_CADENCE_NOTE,
    C_LAST_REVIEWED, C_BASELINE, C_TARGET, C_DIRECTION, C_TARGET_K, C_TARGET_M, C_START, C_DUE, C_CADENCE,
    C_PHASE_START, C_PHASE_VALUE, C_STUDENT_SUPPORT, C_STUDENT_KNOW, C_STUDENT_OBSTACLES
};

struct sp_goal_reader {
    sqlite3 *db;
    sqlite3_stmt *by_student; /* ?1 student, ?2..?4 visibilities (NULL for those not asked for) */
    sqlite3_stmt *by_id;      /* ?1 milestone id */
    sqlite3_stmt *points;     /* ?1 milestone id, ?2 limit: newest first */
    sqlite3_stmt *support;    /* ?1 milestone id, ?2 limit: newest first */
    sqlite3_stmt *begin, *commit;
    bool lights_only;         /* read only the points the rules look at */
    sp_point scratch[SP_GOAL_MAX_POINTS];
};

static const char SQL_BY_STUDENT[] = "SELECT " MILESTONE_COLUMNS " FROM milestones"
                                     " WHERE student_id = ?1 AND visibility IN (?2, ?3, ?4)"
                                     " AND status NOT IN ('retired', 'revised')"
                                     " ORDER BY category, id";
static const char SQL_BY_ID[] = "SELECT " MILESTONE_COLUMNS " FROM milestones WHERE id = ?1";
static const char SQL_POINTS[] = "SELECT taken_on, value FROM measurements WHERE milestone_id = ?1"
                                 " ORDER BY taken_on DESC, id DESC LIMIT ?2";
static const char SQL_SUPPORT[] = "SELECT changed_on, note, student_note FROM support_changes WHERE milestone_id = ?1"
                                  " ORDER BY changed_on DESC, id DESC LIMIT ?2";

sp_goal_reader *sp_goal_reader_new(sqlite3 *db, char *err, size_t errlen)
{
    sp_goal_reader *r = calloc(1, sizeof *r);
    if (!r) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    r->db = db;
    struct {
        sqlite3_stmt **st;
        const char *sql;
    } const want[] = {{&r->by_student, SQL_BY_STUDENT}, {&r->by_id, SQL_BY_ID},    {&r->points, SQL_POINTS},
                      {&r->support, SQL_SUPPORT},       {&r->begin, "BEGIN"}, {&r->commit, "COMMIT"}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        if (sqlite3_prepare_v3(db, want[i].sql, -1, SQLITE_PREPARE_PERSISTENT, want[i].st, NULL) != SQLITE_OK) {
            snprintf(err, errlen, "cannot read goals from this database: %s", sqlite3_errmsg(db));
            sp_goal_reader_free(r);
            return NULL;
        }
    }
    return r;
}

void sp_goal_reader_lights_only(sp_goal_reader *r) { r->lights_only = true; }

void sp_goal_reader_free(sp_goal_reader *r)
{
    if (!r)
        return;
    sqlite3_finalize(r->by_student);
    sqlite3_finalize(r->by_id);
    sqlite3_finalize(r->points);
    sqlite3_finalize(r->support);
    sqlite3_finalize(r->begin);
    sqlite3_finalize(r->commit);
    free(r);
}

/* Copies a text column into a fixed buffer (truncating at a UTF-8 boundary). */
static void copy_text(sqlite3_stmt *st, int col, char *out, size_t outlen)
{
    const char *s = (const char *)sqlite3_column_text(st, col);
    size_t n = s ? (size_t)sqlite3_column_bytes(st, col) : 0;
    if (n >= outlen) {
        n = outlen - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    if (n)
        memcpy(out, s, n);
    out[n] = 0;
}

/* An owned copy of a text column ("" for NULL); NULL only when memory runs out. */
static char *dup_text(sqlite3_stmt *st, int col)
{
    const char *s = (const char *)sqlite3_column_text(st, col);
    size_t n = s ? (size_t)sqlite3_column_bytes(st, col) : 0;
    char *d = malloc(n + 1);
    if (d) {
        if (n)
            memcpy(d, s, n);
        d[n] = 0;
    }
    return d;
}

static int column_day(sqlite3_stmt *st, int col, int fallback)
{
    const char *s = (const char *)sqlite3_column_text(st, col);
    int day;
    return s && sp_date_parse(s, &day) ? day : fallback;
}

/* Fills the view's own fields from the current milestone row. */
static int read_row(sqlite3_stmt *st, sp_goal_view *v)
{
    memset(v, 0, sizeof *v);
    v->id = sqlite3_column_int64(st, C_ID);
    v->student_id = sqlite3_column_int64(st, C_STUDENT);
    v->parent_id = sqlite3_column_int64(st, C_PARENT);
    copy_text(st, C_CATEGORY, v->category, sizeof v->category);
    copy_text(st, C_HORIZON, v->horizon, sizeof v->horizon);
    copy_text(st, C_VISIBILITY, v->visibility, sizeof v->visibility);
    copy_text(st, C_STATUS, v->status, sizeof v->status);
    copy_text(st, C_UNIT, v->unit_label, sizeof v->unit_label);
    copy_text(st, C_STANDARD, v->standard_code, sizeof v->standard_code);
    copy_text(st, C_CADENCE_NOTE, v->cadence_note, sizeof v->cadence_note);
    v->statement = dup_text(st, C_STATEMENT);
    v->student_text = dup_text(st, C_STUDENT_TEXT);
    v->method = dup_text(st, C_METHOD);
    v->data_source = dup_text(st, C_DATA_SOURCE);
    v->support = dup_text(st, C_SUPPORT);
    v->baseline_note = dup_text(st, C_BASELINE_NOTE);
    v->student_support = dup_text(st, C_STUDENT_SUPPORT);
    v->student_know = dup_text(st, C_STUDENT_KNOW);
    v->student_obstacles = dup_text(st, C_STUDENT_OBSTACLES);
    if (!v->statement || !v->student_text || !v->method || !v->data_source || !v->support || !v->baseline_note ||
        !v->student_support || !v->student_know || !v->student_obstacles)
        return SQLITE_NOMEM;
    v->has_scale = sqlite3_column_type(st, C_SCALE_MIN) != SQLITE_NULL &&
                   sqlite3_column_type(st, C_SCALE_MAX) != SQLITE_NULL;
    if (v->has_scale) {
        v->scale_min = sqlite3_column_double(st, C_SCALE_MIN);
        v->scale_max = sqlite3_column_double(st, C_SCALE_MAX);
    }
    v->last_reviewed_day = column_day(st, C_LAST_REVIEWED, -1);

    sp_goal *g = &v->goal;
    g->has_baseline = sqlite3_column_type(st, C_BASELINE) != SQLITE_NULL;
    g->baseline = g->has_baseline ? sqlite3_column_double(st, C_BASELINE) : 0;
    g->target = sqlite3_column_double(st, C_TARGET);
    const char *dir = (const char *)sqlite3_column_text(st, C_DIRECTION);
    g->direction = dir && strcmp(dir, "lower") == 0 ? SP_LOWER_IS_BETTER : SP_HIGHER_IS_BETTER;
    g->target_k = sqlite3_column_int(st, C_TARGET_K);
    g->target_m = sqlite3_column_int(st, C_TARGET_M);
    g->start_day = column_day(st, C_START, 0);
    g->due_day = column_day(st, C_DUE, g->start_day);
    g->cadence_days = sqlite3_column_int(st, C_CADENCE);
    g->phase_day = column_day(st, C_PHASE_START, -1);
    g->has_phase = g->phase_day >= 0 && sqlite3_column_type(st, C_PHASE_VALUE) != SQLITE_NULL;
    g->phase_value = g->has_phase ? sqlite3_column_double(st, C_PHASE_VALUE) : 0;
    if (!g->has_phase)
        g->phase_day = 0;
    return SQLITE_OK;
}

/* Loads points and support marks of v and evaluates it for today. */
static int read_details(sp_goal_reader *r, sp_goal_view *v, int today)
{
    int rc;
    size_t n = 0;
    sqlite3_bind_int64(r->points, 1, v->id);
    int limit = SP_GOAL_MAX_POINTS;
    if (r->lights_only && v->goal.has_baseline) {
        limit = v->goal.target_m > 6 ? v->goal.target_m : 6;
        if (limit > SP_GOAL_MAX_POINTS)
            limit = SP_GOAL_MAX_POINTS;
    }
    sqlite3_bind_int(r->points, 2, limit);
    while ((rc = sqlite3_step(r->points)) == SQLITE_ROW) {
        const char *s = (const char *)sqlite3_column_text(r->points, 0);
        int day;
        if (n < SP_GOAL_MAX_POINTS && s && sp_date_parse(s, &day))
            r->scratch[n++] = (sp_point){day, sqlite3_column_double(r->points, 1)};
    }
    sqlite3_reset(r->points);
    if (rc != SQLITE_DONE)
        return rc;
    if (n) {
        v->points = malloc(n * sizeof *v->points);
        if (!v->points)
            return SQLITE_NOMEM;
        for (size_t i = 0; i < n; i++)
            v->points[i] = r->scratch[n - 1 - i];
        v->npoints = n;
        sodium_memzero(r->scratch, n * sizeof r->scratch[0]);
    }

    sqlite3_bind_int64(r->support, 1, v->id);
    sqlite3_bind_int(r->support, 2, SP_GOAL_MAX_SUPPORT);
    n = 0;
    while ((rc = sqlite3_step(r->support)) == SQLITE_ROW) {
        const char *s = (const char *)sqlite3_column_text(r->support, 0);
        int day;
        if (n < SP_GOAL_MAX_SUPPORT && s && sp_date_parse(s, &day)) {
            v->support_marks[n].day = day;
            copy_text(r->support, 1, v->support_marks[n].note, sizeof v->support_marks[n].note);
            copy_text(r->support, 2, v->support_marks[n].student_note, sizeof v->support_marks[n].student_note);
            n++;
        }
    }
    sqlite3_reset(r->support);
    if (rc != SQLITE_DONE)
        return rc;
    for (size_t i = 0; i < n / 2; i++) { /* newest first → ascending */
        sp_support_mark t = v->support_marks[i];
        v->support_marks[i] = v->support_marks[n - 1 - i];
        v->support_marks[n - 1 - i] = t;
    }
    v->nsupport = n;

    v->progress = sp_progress_evaluate(&v->goal, v->points, v->npoints, today);
    v->due_for_review = sp_due_for_review(&v->goal, v->last_reviewed_day, today);
    return SQLITE_OK;
}

/* Opens a read transaction unless the caller already has one; returns whether it did. */
static int begin_read(sp_goal_reader *r, bool *own)
{
    *own = false;
    if (!sqlite3_get_autocommit(r->db))
        return SQLITE_OK;
    int rc = sqlite3_step(r->begin);
    sqlite3_reset(r->begin);
    if (rc != SQLITE_DONE)
        return rc;
    *own = true;
    return SQLITE_OK;
}

static void end_read(sp_goal_reader *r, bool own)
{
    if (!own)
        return;
    sqlite3_step(r->commit);
    sqlite3_reset(r->commit);
    if (!sqlite3_get_autocommit(r->db))
        sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
}

int sp_goals_for_student(sp_goal_reader *r, long long student_id, int vis_mask, int today, sp_goal_view **out,
                         size_t *n)
{
    static const char *const VIS[] = {"kiosk", "conference", "staff"};
    sp_goal_view *views = NULL;
    size_t count = 0, cap = 0;
    bool own;
    *out = NULL;
    *n = 0;
    int rc = begin_read(r, &own);
    if (rc != SQLITE_OK)
        return rc;

    sqlite3_stmt *st = r->by_student;
    sqlite3_bind_int64(st, 1, student_id);
    for (int i = 0; i < 3; i++) {
        if (vis_mask & (1 << i))
            sqlite3_bind_text(st, 2 + i, VIS[i], -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(st, 2 + i);
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (count == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            sp_goal_view *nv = realloc(views, ncap * sizeof *nv);
            if (!nv) {
                rc = SQLITE_NOMEM;
                break;
            }
            views = nv;
            cap = ncap;
        }
        rc = read_row(st, &views[count]);
        count++;
        if (rc != SQLITE_OK)
            break;
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
        for (size_t i = 0; i < count && rc == SQLITE_OK; i++)
            rc = read_details(r, &views[i], today);
    }
    end_read(r, own);
    if (rc != SQLITE_OK) {
        sp_goal_views_free(views, count);
        return rc;
    }
    *out = views;
    *n = count;
    return SQLITE_OK;
}

int sp_goal_load(sp_goal_reader *r, long long milestone_id, int today, sp_goal_view *out)
{
    bool own;
    memset(out, 0, sizeof *out);
    int rc = begin_read(r, &own);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_stmt *st = r->by_id;
    sqlite3_bind_int64(st, 1, milestone_id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        rc = read_row(st, out);
    else if (rc == SQLITE_DONE)
        rc = SQLITE_NOTFOUND;
    sqlite3_reset(st);
    if (rc == SQLITE_OK)
        rc = read_details(r, out, today);
    end_read(r, own);
    if (rc != SQLITE_OK)
        sp_goal_view_clear(out);
    return rc;
}

/* Wipes before freeing: the kiosk promises that nothing of a signed-out student stays in memory. */
static void wipe_free(char *s)
{
    if (s) {
        sodium_memzero(s, strlen(s));
        free(s);
    }
}

void sp_goal_view_clear(sp_goal_view *v)
{
    if (!v)
        return;
    wipe_free(v->statement);
    wipe_free(v->student_text);
    wipe_free(v->method);
    wipe_free(v->data_source);
    wipe_free(v->support);
    wipe_free(v->baseline_note);
    wipe_free(v->student_support);
    wipe_free(v->student_know);
    wipe_free(v->student_obstacles);
    if (v->points) {
        sodium_memzero(v->points, v->npoints * sizeof *v->points);
        free(v->points);
    }
    memset(v, 0, sizeof *v);
}

void sp_goal_views_free(sp_goal_view *v, size_t n)
{
    if (!v)
        return;
    for (size_t i = 0; i < n; i++)
        sp_goal_view_clear(&v[i]);
    free(v);
}
