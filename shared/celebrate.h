/* celebrate.h — deciding which celebrations a new data point earns (SPEC sections 2 and 9).
 *
 * A celebration is specific and tied to the data that earned it: "You improved from 1.5 to 3
 * rubric points!". sp_celebrate() is a pure function of the goal and its points before and after
 * the new measurement arrived; the caller stores what it returns (celebrations.h). Kinds:
 *   milestone-met  the target rule holds now and did not before (once per milestone)
 *   step-reached   the same for a short-term step linked to a long-term goal; the message names
 *                  the step, the kiosk shows the long-term goal beside it (once per milestone)
 *   improvement    the new value beats the best so far (baseline included) by a clear gain: at
 *                  least a fifth of the distance from the baseline to the target
 *   streak         the new point makes 3 (6, 9, ...) checks in a row on or above the aim line
 *   raise-goal     the raise-the-goal rule of SPEC section 3 holds (once per milestone)
 *   shout-out      a teacher's own message (never decided here)
 * A met goal or a reached step is celebrated on its own: one clear message beats three. Only the
 * newest point of a goal earns improvements, streaks and raise-the-goal: a back-dated entry does
 * not celebrate the past as news. */
#ifndef SP_CELEBRATE_H
#define SP_CELEBRATE_H

#include "progress.h"

#include <stdbool.h>
#include <stddef.h>

#define SP_CELEBRATE_MAX 3       /* most celebrations one data point can earn */
#define SP_CELEBRATE_STREAK 3    /* points in a row on track that make a streak */
#define SP_CELEBRATE_STEP 0.2    /* share of the baseline-to-target distance that counts as a clear gain */
#define SP_CELEBRATION_MESSAGE_MAX 500 /* bytes a stored message may hold (the schema's limit) */

typedef enum {
    SP_CELEBRATION_MET = 0,
    SP_CELEBRATION_STEP,
    SP_CELEBRATION_IMPROVEMENT,
    SP_CELEBRATION_STREAK,
    SP_CELEBRATION_SHOUT_OUT,
    SP_CELEBRATION_RAISE_GOAL,
} sp_celebration_kind;

typedef struct {
    sp_celebration_kind kind;
    char message[400];
} sp_celebration;

typedef struct {
    const sp_goal *goal;      /* with its baseline when one is known (given or set from data) */
    const char *unit_label;   /* "rubric points", "%", "prompts a day" (may be NULL or "") */
    const char *student_text; /* "I will ..." for the met message (may be NULL) */
    bool is_step;             /* a short-term step of a long-term goal: met becomes step-reached */
    bool met_before;          /* a met / step-reached celebration of this milestone already stands */
    bool raise_before;        /* a raise-goal celebration of this milestone already stands */
} sp_celebrate_ctx;

/* The kind as the database stores it: "milestone-met", "step-reached", "improvement", "streak",
 * "raise-goal", "shout-out". */
const char *sp_celebration_kind_name(sp_celebration_kind k);
/* The reverse; false for any other word. */
bool sp_celebration_kind_parse(const char *name, sp_celebration_kind *out);

/* Decides the celebrations that `added` earns. before: the points as they were (ascending by
 * day), after: with `added` among them. Writes up to SP_CELEBRATE_MAX into out; returns how many. */
size_t sp_celebrate(const sp_celebrate_ctx *c, const sp_point *before, size_t nbefore, const sp_point *after,
                    size_t nafter, sp_point added, sp_celebration out[SP_CELEBRATE_MAX]);

/* Writes a value as people write it: 3, 1.5, 0.25 (at most 4 decimals, no trailing zeros). */
void sp_format_value(double v, char out[32]);

#endif
