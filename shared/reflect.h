/* reflect.h — students' reflections: self-checks on a goal and mastery-tracker ratings of a
 * unit's learning targets. The kiosk writes them; the admin tool's reports read them.
 *
 * Every save is one transaction on its own, so when a save function returns SQLITE_OK the
 * answer is committed and the kiosk may say "Saved". A locked database returns SQLITE_BUSY
 * with nothing written (the caller retries later); bad input returns SQLITE_CONSTRAINT with a
 * plain message in err and nothing written. Self-reports are stored beside teacher data and
 * never averaged into it. Times are ISO strings from the caller's clock. */
#ifndef SP_REFLECT_H
#define SP_REFLECT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

/* Typed answers: valid UTF-8, at most this many characters (code points), no control
 * characters (an answer is one line). 120 characters
 * of up to 4 bytes each stay inside the schema's 500-byte columns. */
#define SP_ANSWER_MAX_CHARS 120
#define SP_ANSWER_MAX_BYTES (SP_ANSWER_MAX_CHARS * 4 + 1)

/* Checks a typed answer; "" is valid (answers are optional). On failure err says what was
 * expected ("at most 120 characters", "valid UTF-8 text", ...). */
bool sp_answer_valid(const char *text, char *err, size_t errlen);
/* Number of characters (code points) in valid UTF-8 text. */
size_t sp_answer_chars(const char *text);

/* ---- self-check ---------------------------------------------------------------------------- */

typedef enum {
    SP_SCALE_FACES3 = 0, /* three traffic-light faces: 1 not yet (red), 2 getting there (yellow), 3 went well (green) */
    SP_SCALE_SCALE4 = 1, /* 1 just starting, 2 getting there, 3 got it, 4 can teach it */
} sp_scale;

/* Faces for grades K-2 and for anyone with read-aloud support; the 1-4 scale otherwise.
 * grade as stored in students.grade: 0 is kindergarten, 1..12. */
sp_scale sp_self_check_scale(int grade, bool read_aloud);
const char *sp_scale_db_name(sp_scale s); /* "faces3", "scale4" */
/* Student-friendly words for a rating on a scale ("Not yet", "Getting there", ...); "" if out of range. */
const char *sp_scale_words(sp_scale s, int rating);

typedef struct {
    long long student_id;
    long long milestone_id;   /* must belong to the student */
    long long session_id;     /* kiosk_sessions.id, 0 if not known yet */
    sp_scale scale;
    int rating;               /* 1..3 (faces) or 1..4 */
    int used_strategy;        /* -1 not asked, 0 no, 1 yes */
    const char *obstacle;     /* "What got in the way?" chip or typed text; may be "" or NULL */
    const char *next_step;    /* "What will I try next?"; may be "" or NULL */
    const char *created_at;   /* "YYYY-MM-DDTHH:MM:SSZ" */
} sp_self_check;

int sp_self_check_save(sqlite3 *db, const sp_self_check *in, long long *id_out, char *err, size_t errlen);

/* Choice chips for one goal, in the order to show them, in the student's words only: obstacle
 * chips are the milestone's student_obstacles then plain words suited to its category;
 * next-step chips are the student choices of its if/then rules (never their "then" parts, the
 * adults' plan) then a few general steps; support chips are its student_support (when short
 * enough for a chip) then a few general supports. The teacher's support and method never
 * become chips. Never empty. */
#define SP_CHIP_MAX 12
#define SP_CHIP_BYTES 128
typedef struct {
    char obstacle[SP_CHIP_MAX][SP_CHIP_BYTES];
    size_t nobstacle;
    char next[SP_CHIP_MAX][SP_CHIP_BYTES];
    size_t nnext;
    char support[SP_CHIP_MAX][SP_CHIP_BYTES];
    size_t nsupport;
} sp_chips;

int sp_self_check_chips(sqlite3 *db, long long milestone_id, sp_chips *out);

/* ---- the goal-setting script: "Set my next step" --------------------------------------------- */

/* The four questions of the goal-setting script, answered in order: what's getting in the way,
 * which change would help most, how will we know, what support first. Saved as one row of
 * next_step_plans (schema migration 2); any answer may be "" but not all four. */
typedef struct {
    long long student_id;
    long long milestone_id;
    long long session_id;
    const char *in_the_way;
    const char *change;
    const char *how_we_know;
    const char *support_first;
    const char *created_at;
} sp_next_step_plan;

int sp_next_step_save(sqlite3 *db, const sp_next_step_plan *in, long long *id_out, char *err, size_t errlen);

/* ---- mastery tracker ----------------------------------------------------------------------- */

typedef struct {
    long long target_id;
    int position;
    char *statement;          /* "I can ..." (owned) */
    char standard_code[101];
    int student_rating;       /* latest by the student, 0 if none */
    char *student_evidence;   /* (owned, "" if none) */
    char *student_next;       /* (owned, "" if none) */
    int teacher_rating;       /* latest by a teacher, 0 if none; shown beside, never averaged */
} sp_mastery_target;

typedef struct {
    long long unit_id;
    char *title;              /* (owned) */
    char *class_name;         /* (owned) */
    sp_mastery_target *targets; /* ordered by position (owned); may be empty */
    size_t ntargets;
    char **assignments;       /* unit assignment titles for the evidence choice (owned) */
    size_t nassignments;
} sp_mastery_unit;

/* The current units of every class the student is enrolled in (most students have one).
 * *n == 0 when the student is in no class or no class has a current unit. */
int sp_mastery_load(sqlite3 *db, long long student_id, sp_mastery_unit **out, size_t *n);
void sp_mastery_units_free(sp_mastery_unit *u, size_t n);

typedef struct {
    long long student_id;
    long long target_id;      /* must belong to a current unit of one of the student's classes */
    long long session_id;     /* 0 if not known yet */
    int rating;               /* 1..4 */
    const char *evidence;     /* may be "" or NULL */
    const char *next_step;    /* may be "" or NULL */
    const char *rated_at;
} sp_mastery_self_rating;

int sp_mastery_save(sqlite3 *db, const sp_mastery_self_rating *in, long long *id_out, char *err, size_t errlen);

/* Student-friendly words for a mastery rating: 1 "I'm just starting", 2 "I'm getting there",
 * 3 "I've got it", 4 "I can teach it"; "" if out of range. */
const char *sp_mastery_words(int rating);

#endif
