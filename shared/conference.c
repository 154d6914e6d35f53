/* conference.c — loads the student-led conference view model (conference.h).
 *
 * The goals come from the goal reader with SP_VIS_KIOSK | SP_VIS_CONFERENCE, so a staff-only
 * milestone can never reach a family. Everything else is a handful of small indexed queries
 * run inside one read transaction (the reader's, or the caller's), newest rows first with a
 * LIMIT and then put in time order, so a student with years of data costs the same as one
 * with a week of it. */
#include "conference.h"
#include "dates.h"
#include "languages.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void copy_col(sqlite3_stmt *st, int col, char *out, size_t outlen)
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

/* Day number of the date that starts an ISO date or timestamp column (0 when unreadable). */
static int col_day(sqlite3_stmt *st, int col)
{
    char d[11] = "";
    copy_col(st, col, d, sizeof d);
    int day = 0;
    return sp_date_parse(d, &day) ? day : 0;
}

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st)
{
    return sqlite3_prepare_v2(db, sql, -1, st, NULL);
}

static int load_student(sqlite3 *db, sp_conference *c)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare(db,
                     "SELECT coalesce(nullif(preferred_name, ''), given_name), given_name || "
                     "CASE WHEN family_name = '' THEN '' ELSE ' ' || family_name END, home_language, grade"
                     " FROM students WHERE id = ?1 AND archived = 0",
                     &st);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int64(st, 1, c->student_id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        copy_col(st, 0, c->name, sizeof c->name);
        copy_col(st, 1, c->full_name, sizeof c->full_name);
        copy_col(st, 2, c->home_language, sizeof c->home_language);
        c->grade = sqlite3_column_int(st, 3);
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_NOTFOUND;
    }
    sqlite3_finalize(st);
    return rc;
}

/* Replaces *text (owned) with the field in lang when the teacher gave one. */
static int in_language(sqlite3 *db, long long id, sp_text_field f, const char *lang, const char *school, char **text,
                       char shown[SP_LANG_MAX])
{
    char *t = NULL;
    int rc = sp_milestone_text_for(db, id, f, lang, school, *text, &t, shown);
    if (rc != SQLITE_OK)
        return rc;
    sodium_memzero(*text, strlen(*text));
    free(*text);
    *text = t;
    return SQLITE_OK;
}

/* At-home text, self-checks and the newest plan of each goal; texts in lang when given. */
static int load_goal_extras(sqlite3 *db, sp_conference *c, const char *lang)
{
    char school[SP_LANG_MAX], shown[SP_LANG_MAX];
    sqlite3_stmt *home = NULL, *checks = NULL, *plan = NULL;
    int rc = prepare(db, "SELECT at_home FROM milestones WHERE id = ?1", &home);
    if (rc == SQLITE_OK)
        rc = prepare(db,
                     "SELECT created_at, rating, scale, coalesce(used_strategy, -1), obstacle, next_step"
                     " FROM self_checks WHERE student_id = ?1 AND milestone_id = ?2"
                     " ORDER BY created_at DESC, id DESC LIMIT ?3",
                     &checks);
    if (rc == SQLITE_OK)
        rc = prepare(db,
                     "SELECT created_at, in_the_way, change_text, how_we_know, support_first FROM next_step_plans"
                     " WHERE student_id = ?1 AND milestone_id = ?2 ORDER BY created_at DESC, id DESC LIMIT 1",
                     &plan);
    if (rc == SQLITE_OK)
        rc = sp_school_language(db, school);
    for (size_t i = 0; i < c->ngoals && rc == SQLITE_OK; i++) {
        sp_conf_goal *g = &c->goals[i];
        sqlite3_bind_int64(home, 1, g->view.id);
        char *at_home = NULL;
        if ((rc = sqlite3_step(home)) == SQLITE_ROW) {
            const char *t = (const char *)sqlite3_column_text(home, 0);
            at_home = strdup(t ? t : "");
            rc = at_home ? SQLITE_OK : SQLITE_NOMEM;
        }
        sqlite3_reset(home);
        if (rc == SQLITE_OK)
            rc = in_language(db, g->view.id, SP_TEXT_AT_HOME, lang, school, &at_home, g->at_home_lang);
        if (rc == SQLITE_OK) {
            snprintf(g->at_home, sizeof g->at_home, "%s", at_home);
            rc = in_language(db, g->view.id, SP_TEXT_SUPPORT, lang, school, &g->view.support, shown);
        }
        if (rc == SQLITE_OK)
            rc = in_language(db, g->view.id, SP_TEXT_STUDENT, lang, school, &g->view.student_text, g->text_lang);
        if (at_home) {
            sodium_memzero(at_home, strlen(at_home));
            free(at_home);
        }
        if (rc != SQLITE_OK)
            break;

        sqlite3_bind_int64(checks, 1, c->student_id);
        sqlite3_bind_int64(checks, 2, g->view.id);
        sqlite3_bind_int(checks, 3, SP_CONF_MAX_CHECKS);
        size_t n = 0;
        sp_conf_check newest_first[SP_CONF_MAX_CHECKS];
        while ((rc = sqlite3_step(checks)) == SQLITE_ROW && n < SP_CONF_MAX_CHECKS) {
            sp_conf_check *k = &newest_first[n++];
            k->day = col_day(checks, 0);
            k->rating = sqlite3_column_int(checks, 1);
            k->scale4 = strcmp((const char *)sqlite3_column_text(checks, 2), "scale4") == 0;
            k->used_strategy = sqlite3_column_int(checks, 3);
            copy_col(checks, 4, k->obstacle, sizeof k->obstacle);
            copy_col(checks, 5, k->next_step, sizeof k->next_step);
        }
        sqlite3_reset(checks);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            break;
        for (size_t j = 0; j < n; j++)
            g->checks[j] = newest_first[n - 1 - j];
        g->nchecks = n;
        sodium_memzero(newest_first, sizeof newest_first);

        sqlite3_bind_int64(plan, 1, c->student_id);
        sqlite3_bind_int64(plan, 2, g->view.id);
        rc = sqlite3_step(plan);
        if (rc == SQLITE_ROW) {
            g->plan.present = true;
            g->plan.day = col_day(plan, 0);
            copy_col(plan, 1, g->plan.in_the_way, sizeof g->plan.in_the_way);
            copy_col(plan, 2, g->plan.change, sizeof g->plan.change);
            copy_col(plan, 3, g->plan.how_we_know, sizeof g->plan.how_we_know);
            copy_col(plan, 4, g->plan.support_first, sizeof g->plan.support_first);
        }
        sqlite3_reset(plan);
        rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    sqlite3_finalize(home);
    sqlite3_finalize(checks);
    sqlite3_finalize(plan);
    return rc;
}

/* Celebrations of shared goals and shout-outs (never of a staff-only milestone). */
static int load_wins(sqlite3 *db, sp_conference *c)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare(db,
                     "SELECT c.created_at, c.kind, c.message FROM celebrations c"
                     " LEFT JOIN milestones m ON m.id = c.milestone_id"
                     " WHERE c.student_id = ?1 AND (m.id IS NULL OR m.visibility IN ('kiosk', 'conference'))"
                     " ORDER BY c.created_at DESC, c.id DESC LIMIT ?2",
                     &st);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int64(st, 1, c->student_id);
    sqlite3_bind_int(st, 2, SP_CONF_MAX_WINS);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && c->nwins < SP_CONF_MAX_WINS) {
        sp_conf_win *w = &c->wins[c->nwins++];
        w->day = col_day(st, 0);
        copy_col(st, 1, w->kind, sizeof w->kind);
        copy_col(st, 2, w->message, sizeof w->message);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* The first class (by code) with its teacher, and the current unit of the first class that has one. */
static int load_class(sqlite3 *db, sp_conference *c, long long *unit_id)
{
    sqlite3_stmt *st = NULL;
    *unit_id = 0;
    int rc = prepare(db,
                     "SELECT k.name, k.room, coalesce(nullif(t.display_name, ''), t.given_name || ' ' || t.family_name),"
                     " coalesce(t.email, ''),"
                     " (SELECT u.id FROM units u JOIN enrollments e2 ON e2.class_id = u.class_id"
                     "   JOIN classes k2 ON k2.id = u.class_id"
                     "   WHERE e2.student_id = ?1 AND u.is_current = 1 ORDER BY k2.code LIMIT 1),"
                     " (SELECT u.title FROM units u JOIN enrollments e2 ON e2.class_id = u.class_id"
                     "   JOIN classes k2 ON k2.id = u.class_id"
                     "   WHERE e2.student_id = ?1 AND u.is_current = 1 ORDER BY k2.code LIMIT 1)"
                     " FROM enrollments e JOIN classes k ON k.id = e.class_id"
                     " LEFT JOIN staff t ON t.id = k.teacher_id"
                     " WHERE e.student_id = ?1 AND k.archived = 0 ORDER BY k.code LIMIT 1",
                     &st);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int64(st, 1, c->student_id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        copy_col(st, 0, c->class_name, sizeof c->class_name);
        copy_col(st, 1, c->room, sizeof c->room);
        copy_col(st, 2, c->teacher, sizeof c->teacher);
        copy_col(st, 3, c->teacher_email, sizeof c->teacher_email);
        *unit_id = sqlite3_column_int64(st, 4);
        copy_col(st, 5, c->unit_title, sizeof c->unit_title);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return rc;

    rc = prepare(db, "SELECT key, value FROM settings WHERE key IN ('school_name', 'school_contact')", &st);
    if (rc != SQLITE_OK)
        return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0);
        if (strcmp(k, "school_name") == 0)
            copy_col(st, 1, c->school_name, sizeof c->school_name);
        else
            copy_col(st, 1, c->school_contact, sizeof c->school_contact);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Learning targets of the unit, each with the newest ratings of the student and of the teacher. */
static int load_targets(sqlite3 *db, sp_conference *c, long long unit_id)
{
    if (!unit_id)
        return SQLITE_OK;
    sqlite3_stmt *targets = NULL, *ratings = NULL;
    int rc = prepare(db, "SELECT id, statement FROM learning_targets WHERE unit_id = ?1 ORDER BY position", &targets);
    if (rc == SQLITE_OK)
        rc = prepare(db,
                     "SELECT rated_at, rating FROM mastery_ratings WHERE target_id = ?1 AND student_id = ?2"
                     " AND rater = ?3 ORDER BY rated_at DESC, id DESC LIMIT ?4",
                     &ratings);
    if (rc != SQLITE_OK)
        goto done;
    sqlite3_bind_int64(targets, 1, unit_id);
    size_t cap = 0;
    while ((rc = sqlite3_step(targets)) == SQLITE_ROW) {
        if (c->ntargets == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            sp_conf_target *nt = realloc(c->targets, ncap * sizeof *nt);
            if (!nt) {
                rc = SQLITE_NOMEM;
                goto done;
            }
            c->targets = nt;
            cap = ncap;
        }
        sp_conf_target *t = &c->targets[c->ntargets++];
        memset(t, 0, sizeof *t);
        copy_col(targets, 1, t->statement, sizeof t->statement);
        for (int who = 0; who < 2; who++) {
            sp_conf_rating *out = who ? t->teacher : t->mine;
            size_t *n = who ? &t->nteacher : &t->nmine;
            sp_conf_rating tmp[SP_CONF_MAX_RATINGS];
            size_t k = 0;
            sqlite3_bind_int64(ratings, 1, sqlite3_column_int64(targets, 0));
            sqlite3_bind_int64(ratings, 2, c->student_id);
            sqlite3_bind_text(ratings, 3, who ? "teacher" : "student", -1, SQLITE_STATIC);
            sqlite3_bind_int(ratings, 4, SP_CONF_MAX_RATINGS);
            int r;
            while ((r = sqlite3_step(ratings)) == SQLITE_ROW && k < SP_CONF_MAX_RATINGS)
                tmp[k++] = (sp_conf_rating){col_day(ratings, 0), sqlite3_column_int(ratings, 1)};
            sqlite3_reset(ratings);
            if (r != SQLITE_DONE && r != SQLITE_ROW) {
                rc = r;
                goto done;
            }
            for (size_t j = 0; j < k; j++)
                out[j] = tmp[k - 1 - j];
            *n = k;
        }
    }
    rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
done:
    sqlite3_finalize(targets);
    sqlite3_finalize(ratings);
    return rc;
}

int sp_conference_load(sp_goal_reader *r, sqlite3 *db, long long student_id, const char *lang, int today,
                       sp_conference *out)
{
    memset(out, 0, sizeof *out);
    out->student_id = student_id;
    bool own = sqlite3_get_autocommit(db) != 0;
    int rc = own ? sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) : SQLITE_OK;
    if (rc != SQLITE_OK)
        return rc;
    sp_goal_view *views = NULL;
    size_t n = 0;
    long long unit_id = 0;
    rc = load_student(db, out);
    if (rc == SQLITE_OK)
        rc = sp_goals_for_student(r, student_id, SP_VIS_KIOSK | SP_VIS_CONFERENCE, today, &views, &n);
    if (rc == SQLITE_OK && n) {
        out->goals = calloc(n, sizeof *out->goals);
        if (!out->goals)
            rc = SQLITE_NOMEM;
        for (size_t i = 0; i < n && out->goals; i++)
            out->goals[i].view = views[i]; /* the views' owned fields move into the model */
        out->ngoals = out->goals ? n : 0;
        if (out->goals)
            free(views);
        else
            sp_goal_views_free(views, n);
    }
    if (rc == SQLITE_OK)
        rc = load_goal_extras(db, out, lang);
    if (rc == SQLITE_OK)
        rc = load_wins(db, out);
    if (rc == SQLITE_OK)
        rc = load_class(db, out, &unit_id);
    if (rc == SQLITE_OK)
        rc = load_targets(db, out, unit_id);
    if (own && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        sp_conference_clear(out);
    return rc;
}

void sp_conference_clear(sp_conference *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->ngoals; i++)
        sp_goal_view_clear(&c->goals[i].view);
    if (c->goals) {
        sodium_memzero(c->goals, c->ngoals * sizeof *c->goals);
        free(c->goals);
    }
    if (c->targets) {
        sodium_memzero(c->targets, c->ntargets * sizeof *c->targets);
        free(c->targets);
    }
    sodium_memzero(c, sizeof *c);
}
