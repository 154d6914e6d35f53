/* celebrations.h — the celebrations a student has waiting or has seen, in the database.
 *
 * Where they come from: sp_celebrations_earned() decides what a new measurement earns (the pure
 * rules of celebrate.h, told what the milestone already celebrated, so a met goal, a reached
 * step or a raise-the-goal is celebrated once per milestone) and stores it. A teacher's shout-out
 * is written by the admin tool. When a data point is edited or deleted later,
 * sp_celebrations_recheck() judges every unseen celebration of that milestone again on the data
 * as it now is: one whose point is gone or no longer earns it is withdrawn (never shown), one
 * whose words changed ("from 1.5 to 3") gets its new words. A celebration the student has seen
 * stays as it was: it is part of their history, kept for the conference.
 *
 * Where they go: the kiosk reads the unseen ones newest first (sp_celebrations_list) and marks
 * each seen only after it was on screen (sp_celebration_mark_seen); "My wins", the admin list
 * and the certificate read them the same way. */
#ifndef SP_CELEBRATIONS_H
#define SP_CELEBRATIONS_H

#include "celebrate.h"
#include "goals.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#define SP_CELEBRATION_TEXT_MAX 1024 /* bytes kept of a goal's student text */

typedef struct {
    long long id;
    long long student_id;
    long long milestone_id;     /* 0: a shout-out about nothing in particular */
    long long measurement_id;   /* 0: none (a shout-out, or the point was deleted) */
    sp_celebration_kind kind;
    char message[SP_CELEBRATION_MESSAGE_MAX + 1];
    char created_at[32];        /* "YYYY-MM-DDTHH:MM:SSZ" */
    char seen_at[32];           /* "" while unseen */
    char withdrawn_at[32];      /* "" unless withdrawn */
    char by_name[201];          /* the teacher's display name ("Ms. Rivera"), "" when nobody is named */
    char goal_text[SP_CELEBRATION_TEXT_MAX];   /* the milestone's student text, "" when none */
    char parent_text[SP_CELEBRATION_TEXT_MAX]; /* a step's long-term goal, "" when not a step */
    long long parent_id;
    int step_no, step_count;    /* "Step 2 of 3": the step among its goal's steps (0 when not a step) */
} sp_celebration_row;

typedef struct {
    long long student_id;       /* 0: every student */
    bool unseen_only;
    bool include_withdrawn;
    int vis_mask;               /* milestone visibilities (goals.h); shout-outs without a goal always pass */
    size_t limit;               /* 0: no limit */
} sp_celebration_query;

/* Newest first (created_at, then id). *out is malloc'd (free with sp_celebration_rows_free, which
 * wipes them). Returns SQLITE_OK or the SQLite error. */
int sp_celebrations_list(sqlite3 *db, const sp_celebration_query *q, sp_celebration_row **out, size_t *n);
void sp_celebration_rows_free(sp_celebration_row *rows, size_t n);

/* Loads one by id (withdrawn ones too). SQLITE_NOTFOUND when there is none. */
int sp_celebration_get(sqlite3 *db, long long id, sp_celebration_row *out);

/* Marks one seen at `now` if it is still unseen and not withdrawn. *changed tells whether it was
 * (may be NULL). */
int sp_celebration_mark_seen(sqlite3 *db, long long id, const char *now, bool *changed);

/* What a milestone has already celebrated (not withdrawn), and whether it is a step. */
int sp_celebrate_context(sqlite3 *db, const sp_goal_view *v, sp_celebrate_ctx *c);

/* Decides what the measurement `measurement_id` (value on day, now in v_after's points) earns and
 * stores it. v_before / v_after: the milestone before and after the point went in. Writes what
 * was stored into out (SP_CELEBRATE_MAX) and its count into *n. */
int sp_celebrations_earned(sqlite3 *db, const sp_goal_view *v_before, const sp_goal_view *v_after,
                           long long measurement_id, int day, double value, long long entered_by, const char *now,
                           sp_celebration out[SP_CELEBRATE_MAX], size_t *n);

/* Judges the unseen celebrations of one milestone again on its data as it is now (see the top
 * of this file). *withdrawn and *reworded count what changed (either may be NULL). */
int sp_celebrations_recheck(sqlite3 *db, sp_goal_reader *r, long long milestone_id, int today, const char *now,
                            int *withdrawn, int *reworded);

#endif
