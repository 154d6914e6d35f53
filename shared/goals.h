/* goals.h — reading milestones with their data points and evaluating them (progress.h).
 *
 * This is the read model both programs use: the kiosk's "My goals" and goal detail, the admin
 * tool's `milestone show` and `review`, and the benchmark's student-goals lookup. A reader holds
 * its prepared statements for the life of the connection, so a lookup is a few index seeks. */
#ifndef SP_GOALS_H
#define SP_GOALS_H

#include "progress.h"

#include <sqlite3.h>
#include <stdbool.h>

#define SP_GOAL_MAX_POINTS 200  /* newest points kept per goal (older ones are not charted) */
#define SP_GOAL_MAX_SUPPORT 16  /* support changes kept per goal */

/* Which visibilities a query may return (bit mask). The kiosk asks for KIOSK only; conference
 * mode for KIOSK|CONFERENCE; staff tools for all three. */
enum { SP_VIS_KIOSK = 1, SP_VIS_CONFERENCE = 2, SP_VIS_STAFF = 4, SP_VIS_ALL = 7 };

typedef struct {
    int day;
    char note[256];          /* the teacher's note (staff only) */
    char student_note[256];  /* the student's words for it ("" when none: the kiosk shows no words) */
} sp_support_mark;

typedef struct {
    long long id;
    long long student_id;
    long long parent_id;              /* 0 if none */
    char category[24];                /* academic, behavior, social-emotional, future-readiness */
    char horizon[8];                  /* short, long */
    char visibility[12];              /* kiosk, conference, staff */
    char status[12];                  /* as stored: baselining, active, met, not-met, revised, retired */
    char *statement;                  /* teacher wording (owned) */
    char *student_text;               /* "I will ..." (owned) */
    char *method;                     /* "How we'll know" (owned) */
    char *data_source;                /* (owned) */
    char *support;                    /* "My support" (owned) */
    char *baseline_note;              /* (owned) */
    /* The student's own words (owned; "" when none): the only wording the kiosk shows besides
     * student_text. Obstacles are choices separated by "|". */
    char *student_support;            /* "My support" */
    char *student_know;               /* "How we'll know" */
    char *student_obstacles;          /* "What got in the way?" choices */
    char unit_label[64];              /* "rubric points", "%", "prompts a day" */
    bool has_scale;                   /* scale_min/max given (progress bar ends) */
    double scale_min, scale_max;
    char standard_code[64];
    char cadence_note[128];
    int last_reviewed_day;            /* -1 if never */
    sp_goal goal;                     /* rule inputs */
    sp_point *points;                 /* ascending by day (owned), at most SP_GOAL_MAX_POINTS */
    size_t npoints;
    sp_support_mark support_marks[SP_GOAL_MAX_SUPPORT];
    size_t nsupport;
    sp_progress progress;             /* evaluated for `today` */
    bool due_for_review;
} sp_goal_view;

typedef struct sp_goal_reader sp_goal_reader;

/* Prepares the statements once. NULL on failure (message in err). */
sp_goal_reader *sp_goal_reader_new(sqlite3 *db, char *err, size_t errlen);
void sp_goal_reader_free(sp_goal_reader *r);

/* For reports that show only the lights (report class): each lookup then reads just the newest
 * points the rules look at — the "k of the last m" window, and at least the 6 of the trend (which
 * covers the four-point rule and raise-the-goal) — or every point up to SP_GOAL_MAX_POINTS when
 * the baseline must still come from the first checks. points/npoints then hold only those, and
 * misses_in_a_row counts at most that many. */
void sp_goal_reader_lights_only(sp_goal_reader *r);

/* Loads every milestone of one student whose visibility is in vis_mask and whose status is not
 * retired or revised, with points and support marks, evaluated for `today`. Ordered by category
 * then id. On success *out is an array of *n views (free with sp_goal_views_free).
 * Returns SQLITE_OK or the SQLite error (SQLITE_BUSY when locked: the caller may retry). */
int sp_goals_for_student(sp_goal_reader *r, long long student_id, int vis_mask, int today, sp_goal_view **out,
                         size_t *n);

/* Loads one milestone by id (any visibility). SQLITE_NOTFOUND if it does not exist. */
int sp_goal_load(sp_goal_reader *r, long long milestone_id, int today, sp_goal_view *out);

void sp_goal_view_clear(sp_goal_view *v); /* frees owned fields and zeroes the struct */
void sp_goal_views_free(sp_goal_view *v, size_t n);

#endif
