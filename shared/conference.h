/* conference.h — what a student shows their family: the view model of the student-led
 * conference (kiosk conference mode) and of the one-page family summary (admin report family).
 *
 * One call loads everything a family may see of one student, and nothing else:
 *   - goals whose visibility is kiosk or conference (never staff), with their points, support
 *     marks and progress (goals.h), the at-home text written for families, the student's own
 *     self-checks over time and the newest "Set my next step" plan;
 *   - mastery ratings of the current unit's learning targets over time, the student's and the
 *     teacher's side by side (never averaged);
 *   - celebrations (newest first), kept for the conference;
 *   - who to talk to: the teacher of the student's class and how to reach the school.
 * Every text is owned by the model and wiped when it is cleared, so a kiosk that signs the
 * student out keeps nothing of them in memory. */
#ifndef SP_CONFERENCE_H
#define SP_CONFERENCE_H

#include "goals.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#define SP_CONF_MAX_CHECKS 6    /* newest self-checks kept per goal */
#define SP_CONF_MAX_WINS 12     /* newest celebrations kept */
#define SP_CONF_MAX_RATINGS 6   /* newest ratings kept per target and rater */
#define SP_CONF_TEXT 512        /* one reflection answer, message or contact line */

typedef struct {
    int day;
    int rating;                 /* 1..3 on faces3, 1..4 on scale4 */
    bool scale4;
    int used_strategy;          /* -1 not asked, 0 no, 1 yes */
    char obstacle[SP_CONF_TEXT];
    char next_step[SP_CONF_TEXT];
} sp_conf_check;

typedef struct {
    bool present;
    int day;
    char in_the_way[SP_CONF_TEXT], change[SP_CONF_TEXT], how_we_know[SP_CONF_TEXT], support_first[SP_CONF_TEXT];
} sp_conf_plan;

typedef struct {
    sp_goal_view view;          /* as goals.h loads it */
    char at_home[2048];         /* what the family can do at home; "" when the teacher wrote none */
    char text_lang[36];         /* the language of view.student_text as shown */
    char at_home_lang[36];      /* the language of at_home as shown */
    sp_conf_check checks[SP_CONF_MAX_CHECKS]; /* the student's self-checks, oldest first */
    size_t nchecks;
    sp_conf_plan plan;          /* the newest next-step plan */
} sp_conf_goal;

typedef struct {
    int day;
    char kind[16];              /* milestone-met, step-reached, improvement, streak, shout-out */
    char message[SP_CONF_TEXT];
} sp_conf_win;

typedef struct {
    int day;
    int rating;                 /* 1..4 */
} sp_conf_rating;

typedef struct {
    char statement[SP_CONF_TEXT];   /* "I can ..." */
    sp_conf_rating mine[SP_CONF_MAX_RATINGS], teacher[SP_CONF_MAX_RATINGS]; /* oldest first */
    size_t nmine, nteacher;
} sp_conf_target;

typedef struct {
    long long student_id;
    char name[201];             /* preferred name, else given name */
    char full_name[402];        /* given and family name */
    char home_language[36];
    int grade;
    sp_conf_goal *goals;        /* kiosk- and conference-visible, ordered as goals.h orders them */
    size_t ngoals;
    sp_conf_win wins[SP_CONF_MAX_WINS]; /* newest first */
    size_t nwins;
    char unit_title[201];       /* the current unit of the student's first class with one; "" if none */
    sp_conf_target *targets;
    size_t ntargets;
    char class_name[201];       /* the student's first class (by code) and its teacher */
    char teacher[201];
    char teacher_email[321];
    char room[101];
    char school_name[201];      /* settings school_name / school_contact; "" when not set */
    char school_contact[SP_CONF_TEXT];
} sp_conference;

/* Loads the conference of one active student for `today`. The teacher texts (student text,
 * support, at-home text) are in `lang` where the teacher gave them in it, else in the school's
 * language (lang NULL: the school's); text_lang[i] says which language goal i's student text is
 * in. SQLITE_NOTFOUND when there is no such active student; SQLITE_BUSY when locked (nothing is
 * kept). Free with sp_conference_clear. */
int sp_conference_load(sp_goal_reader *r, sqlite3 *db, long long student_id, const char *lang, int today,
                       sp_conference *out);
void sp_conference_clear(sp_conference *c);

#endif
