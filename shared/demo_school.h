/* demo_school.h — a realistic demo school built from the worked examples of SPEC section 7.
 *
 * sp_demo_build() fills an empty database with staff, classes (K-1 reading through a senior
 * advisory), about sixty students with names from many languages and scripts, milestones with
 * weeks of data points dated relative to `today`, support changes, if/then rules, self-checks,
 * celebrations, units with "I can" learning targets and teacher mastery ratings.
 *
 * Each milestone is generated to show one intended outcome (green, yellow, stale, red, met,
 * raise the goal, baselining, no data yet). Data points are placed relative to the aim line and
 * rounded away from it, so the real progress rules (progress.h) give that outcome for any date.
 * The table of intended outcomes is public: the admin `demo` command and the tests evaluate the
 * built school with sp_goal_reader and compare. A fixed PRNG seed makes the school the same for
 * the same `today`. */
#ifndef SP_DEMO_SCHOOL_H
#define SP_DEMO_SCHOOL_H

#include "progress.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum {
    SP_DEMO_GREEN = 0,  /* on track, not met */
    SP_DEMO_YELLOW,     /* latest checks below the aim line, fewer than 4 in a row */
    SP_DEMO_STALE,      /* yellow: no data for more than two review periods */
    SP_DEMO_RED,        /* at least the last 4 checks below the aim line */
    SP_DEMO_MET,        /* the target rule holds */
    SP_DEMO_RAISE,      /* green, and the last 4 checks beat the target early: raise the goal */
    SP_DEMO_BASELINING, /* no baseline yet, 0-2 points */
    SP_DEMO_NO_DATA,    /* baseline known, started a few days ago, no data yet (yellow) */
    SP_DEMO_OUTCOME_COUNT
} sp_demo_outcome;

/* One milestone of the demo and the outcome it was built to show. */
typedef struct {
    const char *sis_id;
    const char *template_key; /* milestones.template_key, e.g. "ela8-claim-evidence" */
    sp_demo_outcome outcome;
    const char *visibility;   /* kiosk, conference, staff */
} sp_demo_expect;

typedef struct {
    int staff, classes, students, milestones, measurements, units, targets, ratings, celebrations;
    int outcomes[SP_DEMO_OUTCOME_COUNT]; /* evaluated outcome counts (sp_demo_check) */
    int lights[4];                       /* evaluated lights, indexed by sp_light */
    int mismatches;                      /* milestones whose evaluated outcome differs from the plan */
} sp_demo_summary;

/* The milestones the demo builds, with their intended outcomes. */
const sp_demo_expect *sp_demo_expectations(size_t *n);
const char *sp_demo_outcome_name(sp_demo_outcome o);

/* Does an evaluated milestone show the intended outcome? (cadence_days: its review period) */
bool sp_demo_outcome_matches(sp_demo_outcome o, const sp_progress *p, int cadence_days);

/* Builds the school inside a savepoint (works within or without an open transaction): on any
 * failure everything the call wrote is rolled back and a sentence is written to err. Expects a
 * database without students, classes or staff (see sp_demo_clear). Returns SQLITE_OK or the
 * SQLite error. Fills the counting fields of *sum when given. */
int sp_demo_build(sqlite3 *db, int today, sp_demo_summary *sum, char *err, size_t errlen);

/* The family half (demo_family.c): at-home texts for every milestone template, a few next-step
 * plans and the school's contact settings. Called by sp_demo_build. */
int sp_demo_add_family(sqlite3 *db, int today, char *err, size_t errlen);

/* Deletes every row of the school's tables (students, staff, classes and all that hangs off
 * them, kiosk sessions and scan events); settings are kept. */
int sp_demo_clear(sqlite3 *db, char *err, size_t errlen);

/* Evaluates every planned milestone with the goal reader for `today` and fills the outcome and
 * light counts and the mismatch count of *sum. When report is non-NULL, one line per mismatch is
 * written there. Returns SQLITE_OK or the SQLite error. */
int sp_demo_check(sqlite3 *db, int today, sp_demo_summary *sum, char *report, size_t reportlen);

#endif
