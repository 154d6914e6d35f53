/* milestone_fields.h — what the milestone-related verbs (milestone, measurement, support, rule,
 * shoutout, review) share: checks of enumerated options, the "4 of 5" target rule, review
 * cadences in words, student labels, reasons in plain words, recording one measurement with all
 * that follows from it (baseline from data, celebrations, met), and CSV problem reports. */
#ifndef SP_MILESTONE_FIELDS_H
#define SP_MILESTONE_FIELDS_H

#include "admin.h"
#include "celebrate.h"
#include "csv_read.h"
#include "goals.h"

#include <stdbool.h>
#include <stddef.h>

#define SP_MS_STATEMENT_MAX 4000
#define SP_MS_STUDENT_TEXT_MAX 1000
#define SP_MS_NOTE_MAX 2000
#define SP_MS_SUPPORT_MAX 4000
#define SP_MS_AT_HOME_MAX 2000 /* what the family can do at home (milestones.at_home) */
#define SP_MS_SHORT_MAX 100 /* template key, unit label, standard code */

extern const char *const SP_MS_CATEGORIES[];   /* NULL-terminated */
extern const char *const SP_MS_HORIZONS[];
extern const char *const SP_MS_DIRECTIONS[];
extern const char *const SP_MS_VISIBILITIES[];
extern const char *const SP_MS_STATUSES[];
extern const char *const SP_MS_SOURCES[];

/* 0 when value is NULL or one of allowed; otherwise "--opt: expected one of a, b, c, got 'x'" and
 * SP_EXIT_USAGE. */
int sp_ms_check_enum(sp_admin *a, const char *opt, const char *value, const char *const *allowed);

/* A required option: "--opt is required (see --help)". */
int sp_ms_required(sp_admin *a, const char *opt, const char *value);

/* Text option: valid UTF-8, at most max characters, not empty when given (and when required). */
int sp_ms_check_text(sp_admin *a, const char *opt, const char *value, size_t max, bool multiline, bool required);

/* "4 of 5" (also "4/5", "4 out of 5"): k of the last m, 1 <= k <= m <= 50. */
bool sp_ms_parse_rule(const char *s, int *k, int *m);
int sp_ms_check_rule(sp_admin *a, const char *opt, const char *value, int *k, int *m);

/* Whole number option within [lo, hi]. */
int sp_ms_parse_int(sp_admin *a, const char *opt, const char *value, int lo, int hi, int *out);

/* Review period read from words such as "weekly check, monthly review" (the first period named
 * wins: the check); 0 when no period is named. */
int sp_ms_cadence_from_text(const char *text);
/* "daily", "weekly", "every 2 weeks", "monthly", "every 10 days". */
void sp_ms_cadence_words(int days, char *out, size_t outlen);

/* At most max_chars characters of s, with "…" when cut. */
void sp_ms_shorten(const char *s, size_t max_chars, char *out, size_t outlen);

/* "Maya Lopez" (preferred name first) and the SIS id of a student. */
int sp_ms_student_label(sp_admin *a, long long student_id, char *name, size_t namelen, char *sis, size_t sislen);

/* The light's reason in plain words for teachers, e.g. "last 4 checks below the aim line — time
 * to change the support", "no new data for 15 days". */
const char *sp_ms_reason_text(const sp_goal_view *v, char *out, size_t outlen);

/* Whether a stored status still takes data and gets a light. */
bool sp_ms_status_open(const char *status);

/* Prepares a goal reader on a->db (message on failure). */
int sp_ms_reader(sp_admin *a, sp_goal_reader **r);

/* Loads one milestone (message on failure; SP_EXIT_USAGE when it does not exist). */
int sp_ms_load(sp_admin *a, sp_goal_reader *r, long long id, sp_goal_view *v);

/* Checks a value against the milestone's scale; false with the expectation written to expected. */
bool sp_ms_value_in_scale(const sp_goal_view *v, double value, char *expected, size_t len);

typedef struct {
    long long milestone_id;
    int day;
    double value;
    const char *source;   /* teacher, self, staff, import */
    const char *note;     /* may be NULL */
    const char *evidence; /* may be NULL */
    long long entered_by; /* staff id, 0 when unknown */
} sp_ms_measurement;

typedef struct {
    long long id;             /* new measurement's id */
    long long student_id;
    bool baseline_set;        /* the milestone just got its baseline from data */
    double baseline;
    char baseline_note[96];
    bool met;                 /* the milestone is met as of this point (status moved to met) */
    size_t ncelebrations;
    sp_celebration celebrations[SP_CELEBRATE_MAX];
    sp_progress progress;     /* evaluated after the point */
} sp_ms_outcome;

/* Stores one measurement and what follows from it: a baselining milestone whose first checks
 * are in gets its baseline (their median) and becomes active; the celebrations it earns are
 * stored; a milestone whose target rule now holds is marked met. */
int sp_ms_record(sp_admin *a, sp_goal_reader *r, const sp_ms_measurement *m, sp_ms_outcome *out);

/* Prints every problem of a CSV file sorted by line ("FILE line N, column X: expected ..., got
 * '...'"), then the verdict; with --json also the problems as JSON. Returns SP_EXIT_USAGE. */
int sp_ms_report_csv(sp_admin *a, const char *path, sp_csv_table *t, bool dry_run);
#define SP_MS_REPORT_MAX 100 /* problems printed; the rest are counted ("and 12,345 more") */

/* A count with thousands separators: 12345 -> "12,345". */
void sp_format_count(size_t n, char *out, size_t outlen);

/* Adds "column X: expected E, got 'V'" for line to t. */
void sp_ms_bad_field(sp_csv_table *t, long line, const char *column, const char *expected, const char *value);

/* Timestamp for created_at / updated_at columns. */
void sp_ms_now(char out[32]);

#endif
