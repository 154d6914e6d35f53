/* planned.h — a milestone's if/then rules, read and evaluated for today (rules.h): which planned
 * responses have come due, with the date each was decided and the date it was last acted on.
 * `review`, `milestone show`, `report reflections` and `rule list` all ask through here, so they
 * agree on when a response is due. */
#ifndef SP_PLANNED_H
#define SP_PLANNED_H

#include "admin.h"
#include "goals.h"
#include "rules.h"

typedef struct {
    long long id;
    char *if_text, *then_text, *choice; /* owned */
    char decided_on[11];                /* "" when unknown */
    char acted_on[11];                  /* latest support change answering it; "" when never */
    sp_condition cond;
    bool holds;                         /* its condition holds today (never for free text) */
} sp_planned;

typedef struct sp_planner sp_planner;

/* Prepares the rule query once (message on failure). */
int sp_planner_new(sp_admin *a, sp_planner **p);
void sp_planner_free(sp_planner *p);

/* Every rule of the milestone in v, evaluated for a->today. *out is an array of *n (free with
 * sp_planned_free); *ndue counts those whose condition holds. */
int sp_planned_load(sp_admin *a, sp_planner *p, const sp_goal_view *v, sp_planned **out, size_t *n, size_t *ndue);
void sp_planned_free(sp_planned *r, size_t n);

/* "if below aim 2 checks in a row, then add a 20-minute session (decided 2026-01-05)" */
void sp_planned_sentence(const sp_planned *r, char *out, size_t len);

#endif
