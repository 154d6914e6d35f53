/* rules.h — if/then rules the library evaluates: "if below aim 2 checks in a row, then add a
 * 20-minute session" (SPEC §9, the teacher's decision loop).
 *
 * A rule's condition is the teacher's own words. When the words match the small vocabulary below
 * the condition is evaluated against the milestone's data; anything else stays free text that the
 * teacher judges (it is never evaluated, and never silently dropped):
 *
 *   below aim N checks in a row     the last N checks all missed the aim line ("2 checks below aim")
 *   red                             the traffic light is red (the four-point rule)
 *   no data for N days              N days without a new check ("no data for 2 weeks")
 *   below VALUE / above VALUE       the latest check is below (above) a value ("below 92%")
 *   past due                        the due date has passed and the target is not met
 *
 * Acting on a rule restarts its clock: only checks after the day it was last acted on count, so a
 * response is asked for again only when new data calls for it. Everything is a pure function of
 * the goal, its points, the day of the last action and "today". */
#ifndef SP_RULES_H
#define SP_RULES_H

#include "progress.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    SP_COND_FREE_TEXT = 0, /* not in the vocabulary: a teacher judges it */
    SP_COND_BELOW_AIM,     /* n checks in a row below the aim line */
    SP_COND_RED,
    SP_COND_NO_DATA,       /* n days without a check */
    SP_COND_BELOW_VALUE,   /* latest check below value */
    SP_COND_ABOVE_VALUE,   /* latest check above value */
    SP_COND_PAST_DUE,
} sp_cond_kind;

typedef struct {
    sp_cond_kind kind;
    int n;        /* checks (BELOW_AIM) or days (NO_DATA) */
    double value; /* BELOW_VALUE, ABOVE_VALUE */
} sp_condition;

/* Reads a condition from the teacher's words (case and a leading "if" ignored). Words outside
 * the vocabulary give SP_COND_FREE_TEXT; so do counts outside 1..50 checks or 1..366 days. */
sp_condition sp_condition_parse(const char *text);

/* The condition in the vocabulary's own words ("below aim 2 checks in a row"); "free text" for
 * free text. Writes at most len bytes. */
void sp_condition_words(const sp_condition *c, char *out, size_t len);

/* Short machine name: free-text, below-aim, red, no-data, below-value, above-value, past-due. */
const char *sp_condition_kind_name(sp_cond_kind k);

/* Whether the condition holds today. pts ascending by day; acted_day is the day the rule was last
 * acted on (-1 never): checks on or before it are not counted again. `met` says whether the
 * target rule holds (past due never fires on a met goal). Free text never holds. */
bool sp_condition_holds(const sp_condition *c, const sp_goal *g, const sp_point *pts, size_t n, bool met,
                        int acted_day, int today);

#endif
