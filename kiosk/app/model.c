/* model.c — the view model of a signed-in student: the preferred name, the reading supports
 * and home language (the read-aloud voice), and the kiosk-visible goals (sp_goals_for_student
 * with SP_VIS_KIOSK only), plus the small formatting helpers the
 * goal screens share (category words, friendly dates, short numbers, next check date).
 *
 * Only the student's own words survive loading: the teacher's statement, method, data source,
 * support plan, baseline note and support-change notes are wiped from every goal view before
 * any screen sees it (scrub_teacher_words), so teacher or IEP wording cannot reach the kiosk's
 * screen however a screen is written. Loading happens once at sign-in, so moving between the
 * goal screens never touches the database. Freeing overwrites the name before releasing it and clears every goal view, so
 * nothing of the student stays reachable after a sign-out. */
#include "app/app_internal.h"
#include "dates.h"
#include "i18n.h"

#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int load_name(sqlite3 *db, long long student_id, char **name, kiosk_profile *profile)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT coalesce(nullif(preferred_name, ''), given_name), grade, read_aloud,"
                                " dyslexia_font, large_text, high_contrast, home_language, kiosk_language"
                                " FROM students WHERE id = ?1 AND archived = 0",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        goto done;
    sqlite3_bind_int64(st, 1, student_id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *s = (const char *)sqlite3_column_text(st, 0);
        *name = strdup(s ? s : "");
        profile->grade = sqlite3_column_int(st, 1);
        profile->read_aloud = sqlite3_column_int(st, 2) != 0;
        profile->dyslexia_font = sqlite3_column_int(st, 3) != 0;
        profile->look.large_text = sqlite3_column_int(st, 4) != 0;
        profile->look.high_contrast = sqlite3_column_int(st, 5) != 0;
        const char *lang = (const char *)sqlite3_column_text(st, 6);
        snprintf(profile->home_language, sizeof profile->home_language, "%s", lang ? lang : "en");
        const char *kiosk = (const char *)sqlite3_column_text(st, 7);
        snprintf(profile->kiosk_language, sizeof profile->kiosk_language, "%s", kiosk ? kiosk : "");
        rc = *name ? SQLITE_OK : SQLITE_NOMEM;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_NOTFOUND;
    }
done:
    sqlite3_finalize(st);
    return rc;
}

/* Replaces an owned teacher-only text with "" (wiping it first). */
static int blank(char **s)
{
    if (*s) {
        memset(*s, 0, strlen(*s));
        free(*s);
    }
    *s = strdup("");
    return *s ? 0 : -1;
}

static int scrub_teacher_words(sp_goal_view *v)
{
    int bad = blank(&v->statement) | blank(&v->method) | blank(&v->data_source) | blank(&v->support) |
              blank(&v->baseline_note);
    for (size_t i = 0; i < v->nsupport; i++)
        memset(v->support_marks[i].note, 0, sizeof v->support_marks[i].note);
    return bad ? SQLITE_NOMEM : SQLITE_OK;
}

/* Each goal's student text in the student's kiosk language when the teacher gave it, else as
 * written (the school's language); lang[i] says which, for the read-aloud voice. */
static int in_student_language(sp_app *app, const kiosk_profile *profile, sp_goal_view *goals, size_t n,
                               char (**lang)[SP_LANG_MAX])
{
    *lang = calloc(n ? n : 1, sizeof **lang);
    if (!*lang)
        return SQLITE_NOMEM;
    for (size_t i = 0; i < n; i++) {
        char *shown = NULL;
        int rc = sp_milestone_text_for(app->db, goals[i].id, SP_TEXT_STUDENT, profile->kiosk_language,
                                       app->school_language, goals[i].student_text, &shown, (*lang)[i]);
        if (rc != SQLITE_OK) {
            free(*lang);
            *lang = NULL;
            return rc;
        }
        free(goals[i].student_text);
        goals[i].student_text = shown;
    }
    return SQLITE_OK;
}

static bool is_step_of(const sp_goal_view *v, long long parent)
{
    return v->parent_id == parent && strcmp(v->horizon, "short") == 0;
}

static bool has_visible_parent(const sp_goal_view *g, size_t n, const sp_goal_view *v)
{
    for (size_t i = 0; v->parent_id && i < n; i++)
        if (g[i].id == v->parent_id && is_step_of(v, g[i].id))
            return true;
    return false;
}

/* Earlier start first, then the order they were written. */
static bool step_before(const sp_goal_view *a, const sp_goal_view *b)
{
    return a->goal.start_day != b->goal.start_day ? a->goal.start_day < b->goal.start_day : a->id < b->id;
}

/* Puts each short-term step right after its long-term goal, steps in their order (start date,
 * then id); the rest keeps its order. Views are moved, not copied (they own their strings). */
static int order_steps(sp_goal_view *g, size_t n)
{
    if (n < 2)
        return SQLITE_OK;
    sp_goal_view *out = malloc(n * sizeof *out);
    bool *used = calloc(n, sizeof *used);
    if (!out || !used) {
        free(out);
        free(used);
        return SQLITE_NOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (used[i] || has_visible_parent(g, n, &g[i]))
            continue;
        out[k++] = g[i];
        used[i] = true;
        for (;;) { /* its steps, earliest first */
            size_t best = n;
            for (size_t j = 0; j < n; j++)
                if (!used[j] && is_step_of(&g[j], g[i].id) && (best == n || step_before(&g[j], &g[best])))
                    best = j;
            if (best == n)
                break;
            out[k++] = g[best];
            used[best] = true;
        }
    }
    for (size_t i = 0; i < n; i++) /* a step of a step: kept, after everything else */
        if (!used[i])
            out[k++] = g[i];
    memcpy(g, out, n * sizeof *g);
    sodium_memzero(out, n * sizeof *out);
    free(out);
    free(used);
    return SQLITE_OK;
}

int kiosk_model_load_student(sp_app *app, long long student_id, int today, char **name, sp_goal_view **goals,
                             size_t *ngoals, kiosk_profile *profile, char (**goal_lang)[SP_LANG_MAX])
{
    *goal_lang = NULL;
    *name = NULL;
    *goals = NULL;
    *ngoals = 0;
    memset(profile, 0, sizeof *profile);
    int rc = load_name(app->db, student_id, name, profile);
    if (rc != SQLITE_OK)
        return rc;
    rc = sp_goals_for_student(app->reader, student_id, SP_VIS_KIOSK, today, goals, ngoals);
    for (size_t i = 0; rc == SQLITE_OK && i < *ngoals; i++)
        rc = scrub_teacher_words(&(*goals)[i]);
    if (rc == SQLITE_OK)
        rc = order_steps(*goals, *ngoals);
    if (rc == SQLITE_OK)
        rc = in_student_language(app, profile, *goals, *ngoals, goal_lang);
    if (rc != SQLITE_OK) {
        free(*name);
        *name = NULL;
        if (*goals)
            sp_goal_views_free(*goals, *ngoals);
        *goals = NULL;
        *ngoals = 0;
    }
    return rc;
}

void kiosk_model_free(kiosk_person *p)
{
    if (p->name) {
        memset(p->name, 0, strlen(p->name));
        free(p->name);
    }
    if (p->goals)
        sp_goal_views_free(p->goals, p->ngoals);
    free(p->goal_lang);
    if (p->who) {
        memset(p->who, 0, p->nwho * sizeof *p->who);
        free(p->who);
    }
    kiosk_mastery_free(&p->mastery);
    sp_celebration_rows_free(p->moments.rows, p->moments.n);
    sp_celebration_rows_free(p->moments.wins, p->moments.nwins);
    memset(p, 0, sizeof *p);
    p->open_goal = -1;
}

const char *kiosk_category_words(const char *category)
{
    if (strcmp(category, "academic") == 0)
        return _("Learning");
    if (strcmp(category, "behavior") == 0)
        return _("Behavior");
    if (strcmp(category, "social-emotional") == 0)
        return _("Feelings and friends");
    if (strcmp(category, "future-readiness") == 0)
        return _("My future");
    return _("Goal");
}

void kiosk_date_words(int day, char *out, size_t len) { sp_i18n_date(day, out, len); }

void kiosk_value_words(double v, const char *unit, char *out, size_t len)
{
    char n[48];
    sp_i18n_number(round(v * 10) / 10, 1, n, sizeof n);
    snprintf(out, len, "%s%s", n, unit && strcmp(unit, "%") == 0 ? "%" : "");
}

int kiosk_next_check_day(const sp_goal_view *v, int today)
{
    int cadence = v->goal.cadence_days > 0 ? v->goal.cadence_days : 7;
    int from = v->last_reviewed_day >= 0 ? v->last_reviewed_day : v->goal.start_day;
    int next = from + cadence;
    if (next < today)
        next += ((today - next + cadence - 1) / cadence) * cadence;
    return next;
}
