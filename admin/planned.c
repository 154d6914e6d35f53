/* planned.c — reading a milestone's if/then rules and evaluating them (see planned.h).
 *
 * One prepared query per planner returns each rule with the latest date a support change answered
 * it; the condition is read from the teacher's words every time, so a rule written before the
 * vocabulary existed is evaluated as soon as its words match it. */
#include "planned.h"
#include "dates.h"

#include <stdlib.h>
#include <string.h>

struct sp_planner {
    sqlite3_stmt *rules;
};

int sp_planner_new(sp_admin *a, sp_planner **p)
{
    *p = calloc(1, sizeof **p);
    if (!*p)
        return sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
    if (sqlite3_prepare_v2(a->db,
                           "SELECT r.id, r.if_text, r.then_text, r.student_choice, coalesce(r.decided_on, ''),"
                           " coalesce((SELECT max(c.changed_on) FROM support_changes c WHERE c.rule_id = r.id), '')"
                           " FROM if_then_rules r WHERE r.milestone_id = ?1 ORDER BY r.id",
                           -1, &(*p)->rules, NULL) != SQLITE_OK) {
        sp_planner_free(*p);
        *p = NULL;
        return sp_admin_fail_sql(a, "reading if/then rules failed");
    }
    return SP_EXIT_OK;
}

void sp_planner_free(sp_planner *p)
{
    if (!p)
        return;
    sqlite3_finalize(p->rules);
    free(p);
}

void sp_planned_free(sp_planned *r, size_t n)
{
    for (size_t i = 0; r && i < n; i++) {
        free(r[i].if_text);
        free(r[i].then_text);
        free(r[i].choice);
    }
    free(r);
}

static char *dup_col(sqlite3_stmt *st, int col)
{
    const char *s = (const char *)sqlite3_column_text(st, col);
    return strdup(s ? s : "");
}

int sp_planned_load(sp_admin *a, sp_planner *p, const sp_goal_view *v, sp_planned **out, size_t *n, size_t *ndue)
{
    sp_planned *rules = NULL;
    size_t count = 0, cap = 0, due = 0;
    int s;
    bool met = v->progress.met || strcmp(v->status, "met") == 0;
    *out = NULL;
    *n = *ndue = 0;
    sqlite3_reset(p->rules);
    sqlite3_bind_int64(p->rules, 1, v->id);
    while ((s = sqlite3_step(p->rules)) == SQLITE_ROW) {
        if (count == cap) {
            size_t ncap = cap ? cap * 2 : 4;
            sp_planned *nr = realloc(rules, ncap * sizeof *nr);
            if (!nr)
                break;
            rules = nr;
            cap = ncap;
        }
        sp_planned *r = &rules[count++];
        memset(r, 0, sizeof *r);
        r->id = sqlite3_column_int64(p->rules, 0);
        r->if_text = dup_col(p->rules, 1);
        r->then_text = dup_col(p->rules, 2);
        r->choice = dup_col(p->rules, 3);
        snprintf(r->decided_on, sizeof r->decided_on, "%.10s", (const char *)sqlite3_column_text(p->rules, 4));
        snprintf(r->acted_on, sizeof r->acted_on, "%.10s", (const char *)sqlite3_column_text(p->rules, 5));
        if (!r->if_text || !r->then_text || !r->choice)
            break;
        int acted = -1;
        if (*r->acted_on && !sp_date_parse(r->acted_on, &acted))
            acted = -1;
        r->cond = sp_condition_parse(r->if_text);
        r->holds = sp_condition_holds(&r->cond, &v->goal, v->points, v->npoints, met, acted, a->today);
        if (r->holds)
            due++;
    }
    sqlite3_reset(p->rules);
    if (s != SQLITE_DONE) {
        sp_planned_free(rules, count);
        return s == SQLITE_ROW ? sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory")
                               : sp_admin_fail_sql(a, "reading if/then rules failed");
    }
    *out = rules;
    *n = count;
    *ndue = due;
    return SP_EXIT_OK;
}

void sp_planned_sentence(const sp_planned *r, char *out, size_t len)
{
    if (*r->decided_on)
        snprintf(out, len, "if %s, then %s (decided %s)", r->if_text, r->then_text, r->decided_on);
    else
        snprintf(out, len, "if %s, then %s", r->if_text, r->then_text);
}
