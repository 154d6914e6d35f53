/* class_patterns.h — the class report's rules (SPEC §3 "teaching signal", §9 "report class is the
 * mirror for instruction"): which count a milestone falls in, and when a group of milestones
 * (one template, one category, one learning target) says more about instruction than about the
 * students in it. Pure functions: the caller evaluates the milestones (progress.h) for "today". */
#ifndef SP_CLASS_PATTERNS_H
#define SP_CLASS_PATTERNS_H

#include "progress.h"

#include <stdbool.h>

typedef enum {
    SP_PAT_RED = 0,
    SP_PAT_YELLOW,
    SP_PAT_GREEN,
    SP_PAT_MET,
    SP_PAT_BASELINING,
    SP_PAT_COUNT
} sp_pattern_kind;

/* The teaching signal fires when at least this many distinct students... */
#define SP_SIGNAL_MIN_STUDENTS 3
/* ...and at least half of the group's milestones are red or yellow. */

/* The count a current milestone belongs in: met (stored status or target rule), baselining,
 * else its light (a milestone without a light counts as yellow: it needs a look). */
sp_pattern_kind sp_pattern_of(const char *status, const sp_progress *p);

/* "red", "yellow", "green", "met", "baselining" */
const char *sp_pattern_name(sp_pattern_kind k);

/* Whether the group points at instruction: milestones in the group, how many are red or yellow,
 * and how many distinct students those belong to. */
bool sp_teaching_signal(int milestones, int red_or_yellow, int students_red_or_yellow);

/* The rule in words, for reports: "at least 3 students, and at least half of the milestones red or yellow" */
const char *sp_teaching_signal_rule(void);

#endif
