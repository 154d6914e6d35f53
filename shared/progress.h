/* progress.h — the progress rules of SPEC section 3 as pure functions (no database, no clock).
 *
 * A goal is described by sp_goal; its data points by an array of sp_point sorted by day.
 * sp_progress_evaluate() applies every rule at once and returns the view both the kiosk and the
 * admin tool show: traffic light with its reason in plain words, met, raise-the-goal, baselining,
 * current value and the aim line's value today. */
#ifndef SP_PROGRESS_H
#define SP_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { SP_HIGHER_IS_BETTER = 0, SP_LOWER_IS_BETTER = 1 } sp_direction;

typedef struct {
    int day;      /* day number (dates.h) */
    double value;
} sp_point;

typedef struct {
    bool has_baseline;   /* false: the milestone is baselining */
    double baseline;
    double target;
    sp_direction direction;
    int target_k, target_m; /* "k of the last m" (1 of 1 when both are 0 or 1) */
    int start_day, due_day;
    int cadence_days;       /* review period; 0 means 7 */
    /* A revision that changed the target, timeframe or method started a new phase: the aim line
     * runs from (phase_day, phase_value) to (due, target), and only checks from phase_day on are
     * judged against it. Without a phase it runs from (start, baseline). */
    bool has_phase;
    int phase_day;
    double phase_value;
} sp_goal;

typedef enum {
    SP_LIGHT_NONE = 0, /* baselining, retired, met: no traffic light */
    SP_LIGHT_GREEN,
    SP_LIGHT_YELLOW,
    SP_LIGHT_RED,
} sp_light;

typedef enum {
    SP_REASON_NONE = 0,
    SP_REASON_LATEST_MEETS_AIM,  /* green */
    SP_REASON_TREND_MEETS_AIM,   /* green */
    SP_REASON_FOUR_BELOW_AIM,    /* red: the last 4 points all missed the aim line */
    SP_REASON_BELOW_AIM,         /* yellow: latest misses aim, trend not on track, not yet 4 */
    SP_REASON_STALE,             /* yellow: no data for two review periods */
    SP_REASON_NO_DATA,           /* yellow: has a baseline but no data yet */
    SP_REASON_BASELINING,        /* none: still finding the starting point */
    SP_REASON_MET,               /* none: the target rule holds */
} sp_reason;

typedef struct {
    sp_light light;
    sp_reason reason;
    bool met;              /* the k-of-m target rule holds */
    bool raise_goal;       /* suggest raising the goal */
    bool baselining;       /* no baseline and fewer than enough points to set one */
    bool has_baseline;     /* baseline known (given, or set from data) */
    double baseline;       /* given or computed baseline */
    int baseline_day;      /* day the aim line starts from (start_day, or the phase's first day) */
    double aim_start;      /* value the aim line starts from (baseline, or the phase's level) */
    size_t phase_from;     /* index of the first point judged (0 without a phase) */
    bool has_current;
    double current;        /* latest measurement's value */
    double aim_today;      /* aim(today), clamped to the window */
    int days_since_data;   /* -1 when no data */
    int misses_in_a_row;   /* consecutive latest points below aim */
} sp_progress;

/* Aim line from (start, baseline) to (due, target), clamped to the window; in a phase, from
 * (phase_day, phase_value) to (due, target), flat before the phase. */
double sp_aim_at(const sp_goal *g, double baseline, int day);

/* On the good side of a line or value (>= for higher-is-better, <= for lower-is-better). */
bool sp_meets_value(sp_direction dir, double value, double line);
bool sp_meets_aim(const sp_goal *g, double baseline, sp_point p);
bool sp_meets_target(const sp_goal *g, double value);

/* k of the last m measurements meet the target (uses all points if fewer than m exist:
 * still needs k of them). */
bool sp_target_rule_holds(const sp_goal *g, const sp_point *pts, size_t n);

/* Baseline from data: median of the first 3 points, or of those within the first 14 days of the
 * first point if there are more than 3 there. Returns false if fewer than 3 points and the
 * first 14 days are not yet over (by `today`). */
bool sp_baseline_from_data(const sp_point *pts, size_t n, int today, double *out);

/* Least-squares slope and intercept of the points (value = a + b*day); false if fewer than 2
 * points or all on one day. */
bool sp_trend(const sp_point *pts, size_t n, double *a, double *b);

/* Due for review when cadence days have passed since the last review (or since the start when
 * never reviewed). last_review_day < 0 means never. */
bool sp_due_for_review(const sp_goal *g, int last_review_day, int today);

/* The level a new phase starts from: the median of the last (up to) 3 checks on or before day,
 * else the baseline (has_baseline false and no checks: false). */
bool sp_phase_start_value(const sp_point *pts, size_t n, int day, bool has_baseline, double baseline, double *out);

/* Applies every rule. pts sorted by day ascending. In a phase, the light, met, raise-the-goal and
 * the misses count only the checks from the phase's first day on. */
sp_progress sp_progress_evaluate(const sp_goal *g, const sp_point *pts, size_t n, int today);

/* Words for people. */
const char *sp_light_name(sp_light l);       /* "green", "yellow", "red", "none" */
const char *sp_light_student_words(sp_light l); /* "On track", "Keep going — let's watch this", "Let's change the plan together" */
/* Plain-language reason for teachers, e.g. "last 4 checks were all below the aim line". */
const char *sp_reason_words(sp_reason r);

#endif
