/* demo_school.c — builds the demo school of demo_school.h.
 *
 * The school is data: tables of staff, classes, students, milestone templates (one per worked
 * example of SPEC section 7) and plans (student + template + intended outcome). For each plan the
 * generator picks a start date relative to today, then places data points at a fixed spacing and
 * an offset from the aim line measured in fractions of |target - baseline|: above the line for a
 * point that should meet aim, below for one that should miss. Values are rounded to the
 * template's step *away* from the aim line, so rounding never turns a miss into a hit. Points of
 * on-track goals are kept short of the target so they are not accidentally met. A small
 * xorshift PRNG with a fixed seed adds jitter, so the school is the same for the same date. */
#include "demo_school.h"

#include "dates.h"
#include "db.h"
#include "goals.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* ---- the school ------------------------------------------------------------------------- */

typedef struct {
    const char *code, *given, *family, *display, *email, *role;
} demo_staff;

static const demo_staff STAFF[] = {
    {"T-RIVERA", "Ana", "Rivera", "Ms. Rivera", "ana.rivera@example.org", "teacher"},
    {"T-OKAFOR", "Chinedu", "Okafor", "Mr. Okafor", "chinedu.okafor@example.org", "teacher"},
    {"T-NGUYEN", "Linh", "Nguyễn", "Ms. Nguyễn", "linh.nguyen@example.org", "teacher"},
    {"T-HADDAD", "Karim", "Haddad", "Mr. Haddad", "karim.haddad@example.org", "teacher"},
    {"T-KOWALSKI", "Agnieszka", "Kowalski", "Ms. Kowalski", "a.kowalski@example.org", "teacher"},
    {"T-TANAKA", "Yumi", "Tanaka", "Mrs. Tanaka", "yumi.tanaka@example.org", "teacher"},
    {"T-DELGADO", "Rafael", "Delgado", "Mr. Delgado", "rafael.delgado@example.org", "teacher"},
    {"S-BROOKS", "Denise", "Brooks", "Ms. Brooks (counselor)", "denise.brooks@example.org", "support"},
    {"A-OYELARAN", "Funmi", "Oyelaran", "Dr. Oyelaran", "funmi.oyelaran@example.org", "admin"},
};

typedef struct {
    const char *code, *name, *subject;
    int grade;
    const char *teacher, *room;
} demo_class;

static const demo_class CLASSES[] = {
    {"K1-1", "Kindergarten and 1st grade, room 4", "Reading", 0, "T-TANAKA", "4"},
    {"SS6-1", "6th grade social studies, period 1", "Social studies", 6, "T-OKAFOR", "112"},
    {"MATH7-1", "7th grade math, period 1", "Mathematics", 7, "T-HADDAD", "204"},
    {"ELA8-2", "8th grade ELA, period 2", "English language arts", 8, "T-RIVERA", "210"},
    {"ALG9-2", "Algebra I, period 2", "Mathematics", 9, "T-KOWALSKI", "305"},
    {"HR10-3", "10th grade advisory, homeroom 3", "Advisory", 10, "T-NGUYEN", "118"},
    {"SR12-1", "Senior seminar", "College and career", 12, "T-DELGADO", "Library"},
};

typedef struct {
    const char *sis, *given, *family, *preferred;
    int grade;
    const char *lang;
    unsigned supports; /* bit 0 read aloud, 1 dyslexia font, 2 large text, 3 high contrast */
    const char *accommodations;
    const char *classes; /* codes separated by spaces */
} demo_student;

enum { RA = 1, DY = 2, LT = 4, HC = 8 };

static const demo_student STUDENTS[] = {
    {"K0001", "Zoë", "Martin", "", 0, "en", RA, "", "K1-1"},
    {"K0002", "Mateo", "Hernández", "", 0, "es", RA, "", "K1-1"},
    {"K0003", "Amina", "Yusuf", "", 1, "so", RA, "", "K1-1"},
    {"K0004", "芳", "王", "芳芳", 1, "zh", RA, "", "K1-1"},
    {"K0005", "Liam", "O'Connor", "", 2, "en", RA | LT, "IEP: speech services twice weekly.", "K1-1"},
    {"K0006", "Mai", "Nguyễn", "", 1, "vi", RA, "", "K1-1"},
    {"K0007", "Ayaan", "Sharma", "", 2, "hi", RA, "", "K1-1"},
    {"S6001", "Jayden", "Brooks", "Jay", 6, "en", 0, "504: movement breaks; preferential seating.", "SS6-1"},
    {"S6002", "Fatima", "Al-Sayed", "", 6, "ar", 0, "", "SS6-1"},
    {"S6003", "Björn", "Lindqvist", "", 6, "sv", 0, "", "SS6-1"},
    {"S6004", "Valentina", "Rossi", "Vale", 6, "it", 0, "", "SS6-1"},
    {"S6005", "Xochitl", "Ramírez", "Xochi", 6, "es", RA, "", "SS6-1"},
    {"S6006", "Hamza", "Warsame", "", 6, "so", 0, "", "SS6-1"},
    {"S6007", "Emily", "Chen", "", 6, "en", DY, "", "SS6-1"},
    {"S6008", "Tomás", "Oliveira", "", 6, "pt-BR", 0, "", "SS6-1"},
    {"S6009", "Aaliyah", "Johnson", "Liyah", 6, "en", 0, "", "SS6-1"},
    {"M7001", "Дмитрий", "Иванов", "Дима", 7, "ru", 0, "", "MATH7-1"},
    {"M7002", "Chloé", "Dubois", "", 7, "fr", 0, "", "MATH7-1"},
    {"M7003", "Kwame", "Mensah", "", 7, "en", 0, "", "MATH7-1"},
    {"M7004", "Sofía", "Gutiérrez", "", 7, "es", LT, "", "MATH7-1"},
    {"M7005", "Minh Khoa", "Trần", "Khoa", 7, "vi", 0, "", "MATH7-1"},
    {"M7006", "Noah", "Williams", "", 7, "en", DY | LT,
     "IEP: extended time (1.5x) on quizzes; quizzes read aloud. Progress is measured on the accommodated quiz.",
     "MATH7-1"},
    {"M7007", "Ingrid", "Hansen", "", 7, "nb", 0, "", "MATH7-1"},
    {"M7008", "Yusuf", "Demir", "", 7, "tr", 0, "", "MATH7-1"},
    {"M7009", "Priya", "Patel", "", 7, "gu", 0, "", "MATH7-1"},
    {"E8001", "Maya", "López", "", 8, "en", 0, "", "ELA8-2"},
    {"E8002", "José", "García", "", 8, "es", 0, "", "ELA8-2"},
    {"E8003", "ليلى", "حداد", "Layla", 8, "ar", RA, "", "ELA8-2"},
    {"E8004", "Dev", "Patel", "", 8, "en", DY, "IEP: sentence stems and graphic organisers for written responses.",
     "ELA8-2"},
    {"E8005", "Siobhán", "Murphy", "", 8, "en", 0, "", "ELA8-2"},
    {"E8006", "Mohamed", "Abdi", "Moe", 8, "so", 0, "", "ELA8-2"},
    {"E8007", "하나", "김", "Hana", 8, "ko", 0, "", "ELA8-2"},
    {"E8008", "Lucas", "Schmidt", "", 8, "de", 0, "", "ELA8-2"},
    {"E8009", "Camila", "Flores", "Cami", 8, "es", HC, "", "ELA8-2"},
    {"E8010", "Ethan", "Park", "", 8, "en", 0, "", "ELA8-2"},
    {"A9001", "Olivia", "Nowak", "", 9, "pl", 0, "", "ALG9-2"},
    {"A9002", "Juan Pablo", "Morales", "JP", 9, "es", 0, "", "ALG9-2"},
    {"A9003", "Nadia", "Rahman", "", 9, "bn", 0, "", "ALG9-2"},
    {"A9004", "Samuel", "Osei", "Sam", 9, "en", 0, "", "ALG9-2"},
    {"A9005", "Mei Lin", "Wong", "", 9, "zh", 0, "", "ALG9-2"},
    {"A9006", "Ahmed", "Hassan", "", 9, "ar", 0, "", "ALG9-2"},
    {"A9007", "Isabella", "Costa", "Bella", 9, "pt", 0, "", "ALG9-2"},
    {"A9008", "Kai", "Nakamura", "", 9, "ja", 0, "", "ALG9-2"},
    {"A9009", "Ryan", "Murphy", "", 9, "en", 0, "", "ALG9-2"},
    {"H1001", "Ayşe", "Yılmaz", "", 10, "tr", 0, "", "HR10-3"},
    {"H1002", "Marcus", "Thompson", "", 10, "en", 0, "", "HR10-3"},
    {"H1003", "Ifrah", "Mohamud", "", 10, "so", 0, "", "HR10-3"},
    {"H1004", "Andrés", "Castillo", "", 10, "es", 0, "504: breaks on request; a quiet space for tests.", "HR10-3"},
    {"H1005", "Elena", "Popescu", "", 10, "ro", 0, "", "HR10-3"},
    {"H1006", "Jamal", "Carter", "", 10, "en", 0, "", "HR10-3"},
    {"H1007", "Anh", "Phạm", "", 10, "vi", 0, "", "HR10-3"},
    {"H1008", "Sara", "Cohen", "", 10, "he", 0, "", "HR10-3"},
    {"H1009", "Olúmídé", "Adéyemí", "Olu", 10, "yo", 0, "", "HR10-3"},
    {"R1201", "Gabriela", "Santos", "Gabi", 12, "pt", 0, "", "SR12-1"},
    {"R1202", "Tyler", "Jackson", "", 12, "en", 0, "", "SR12-1"},
    {"R1203", "Fadumo", "Ali", "", 12, "so", 0, "", "SR12-1"},
    {"R1204", "Léa", "Moreau", "", 12, "fr", 0, "", "SR12-1"},
    {"R1205", "Diego", "Vargas", "", 11, "es", 0, "", "SR12-1"},
    {"R1206", "Анастасия", "Петрова", "Настя", 12, "ru", 0, "", "SR12-1"},
    {"R1207", "Daniel", "Kim", "", 11, "en", 0, "", "SR12-1"},
    {"R1208", "Zainab", "Bello", "", 12, "ha", 0, "", "SR12-1"},
};

#define NSTAFF (sizeof STAFF / sizeof STAFF[0])
#define NCLASSES (sizeof CLASSES / sizeof CLASSES[0])
#define NSTUDENTS (sizeof STUDENTS / sizeof STUDENTS[0])

/* ---- milestone templates: the worked examples ----------------------------------------------- */

typedef struct {
    const char *key, *category, *horizon;
    const char *statement, *student_text, *unit_label;
    double scale_min, scale_max;
    double baseline;
    const char *baseline_note;
    double target;
    sp_direction dir;
    int k, m;
    int weeks;      /* timeframe */
    int every;      /* days between data points */
    double step;    /* values are multiples of this */
    int cadence;    /* review cadence in days */
    const char *cadence_note, *method, *data_source, *support, *standard, *source;
    const char *if_text, *then_text, *support_change;
} demo_template;

static const demo_template TEMPLATES[] = {
    {"ela8-claim-evidence", "academic", "long",
     "Student will include a clear claim and at least 2 pieces of evidence in a 3-paragraph response, scoring 3 of 4 "
     "on the claim-and-evidence rubric row in 4 of 5 responses.",
     "I will write 3 paragraphs with a claim and 2 pieces of evidence.", "rubric points", 0, 4, 1.5,
     "1.5 of 4 on the claim-and-evidence row (average of 3 September responses)", 3, SP_HIGHER_IS_BETTER, 4, 5, 6, 4,
     0.5, 7, "weekly check, monthly review", "rubric check per assignment + conferencing notes",
     "teacher rubric; drafts in the LMS", "small-group writing workshop twice weekly + sentence stems",
     "CCSS.ELA-LITERACY.W.8.1", "teacher", "below the aim line 2 checks in a row",
     "add a 20-minute writing conference on Fridays", "Added a 20-minute Friday writing conference and a claim checklist."},
    {"ss6-off-task", "behavior", "long",
     "Student will need 2 or fewer off-task prompts per day during independent work, on 3 of the last 5 days.",
     "I will stay on task with 2 or fewer reminders a day.", "prompts a day", 0, 12, 7,
     "6-8 off-task prompts a day (10-minute interval checks, 5 days)", 2, SP_LOWER_IS_BETTER, 3, 5, 4, 3, 1, 7,
     "weekly check", "10-minute interval checks during independent work", "teacher interval sheet",
     "visual checklist on the desk, seat near the front, a 2-minute reset break when needed", "", "teacher",
     "more than 4 prompts 3 days running", "check-in with the counselor before class",
     "Moved seat next to a work partner; reset break now a walk to the water fountain."},
    {"hr10-coping", "social-emotional", "long",
     "Student will use a coping strategy when stressed in at least 3 of 4 independent work sessions (75%), "
     "from stressed in 4 of 5 sessions without a strategy.",
     "I will use a calm-down strategy when I feel stressed.", "% of sessions", 0, 100, 20,
     "stressed in 4 of 5 sessions, strategy used in about 1 of 5", 75, SP_HIGHER_IS_BETTER, 1, 1, 5, 7, 5, 7,
     "weekly check-in with the advisor", "self-check + staff observation checklist each session",
     "staff observation checklist; kiosk self-checks", "breathing card, 5-minute pass to the counselor, advisor check-in",
     "CASEL.SELF-MANAGEMENT", "staff", "stressed without a strategy 2 sessions in a row",
     "meet the counselor to pick a new strategy", "Swapped the breathing card for a 'name it, then walk' routine."},
    {"math7-unit-quiz", "academic", "long", "Student will raise unit quiz scores from 52% to 65% within 6 weeks.",
     "I will get 65% on my unit quizzes.", "%", 0, 100, 52, "52% on the unit 2 quiz", 65, SP_HIGHER_IS_BETTER, 1, 1, 6,
     7, 1, 7, "weekly quiz, monthly review", "weekly unit quiz (accommodated version where the IEP says so)",
     "gradebook", "math lab Tuesdays + worked-example notes", "CCSS.MATH.CONTENT.7.RP.A", "teacher",
     "below 55% twice in a row", "add lunch tutoring on Thursdays",
     "Started lunch tutoring on Thursdays with worked examples."},
    {"attendance-95", "academic", "long", "Student will keep attendance at or above 95% over the next 9 weeks.",
     "I will be at school 95% of days.", "% of days", 0, 100, 91, "91% last grading period", 95,
     SP_HIGHER_IS_BETTER, 1, 1, 9, 7, 0.1, 7, "weekly check", "attendance rate to date from the SIS",
     "SIS attendance export", "morning check-in with a trusted adult; text reminder to family", "", "import",
     "attendance falls below 92%", "we hold a family meeting", "Family meeting held; bus pass arranged."},
    {"alg9-c-or-better", "academic", "long",
     "Student will earn a C (2.0 grade points) or higher in Algebra I by the end of the grading period.",
     "I will get a C or better in Algebra.", "grade points", 0, 4, 1.3, "D+ (1.3) at the progress report", 2.0,
     SP_HIGHER_IS_BETTER, 1, 1, 8, 7, 0.1, 7, "weekly grade check, review at mid-term",
     "current grade in grade points after each weekly grade update", "gradebook",
     "homework club twice a week; missing-work plan", "CCSS.MATH.CONTENT.HSA", "teacher", "missing work 2 weeks running",
     "call home and set up a homework-club plan", "Homework club moved to mornings; missing-work list each Monday."},
    {"fafsa-steps", "future-readiness", "long",
     "Student will complete the 5 FAFSA steps (FSA ID, documents, form, signatures, submission) with family.",
     "I will finish all 5 steps of my FAFSA.", "steps done", 0, 5, 0, "no steps done yet", 5, SP_HIGHER_IS_BETTER, 1,
     1, 8, 7, 1, 14, "every two weeks", "step checklist signed off by the counselor", "counselor checklist",
     "FAFSA night with family; counselor appointment", "", "staff", NULL, NULL,
     "Booked a counselor appointment with a family interpreter."},
    {"engagement-discussion", "behavior", "long",
     "Student will participate in class discussion at least 3 times a week, in 5 of 6 weeks.",
     "I will share my ideas in discussion 3 times a week.", "times a week", 0, 10, 1, "about once a week", 3,
     SP_HIGHER_IS_BETTER, 5, 6, 9, 7, 1, 7, "weekly tally", "teacher tally of discussion turns",
     "teacher tally sheet", "talk moves card; think-pair-share before whole-class discussion", "", "teacher", NULL,
     NULL, "Added a sentence-starter card for discussions."},
    {"k-sight-words", "academic", "long", "Student will read 20 kindergarten sight words in 1 minute.",
     "I can read 20 sight words!", "words", 0, 40, 8, "8 words in September", 20, SP_HIGHER_IS_BETTER, 1, 1, 8, 7, 1, 7,
     "weekly", "1-minute sight-word check with flash cards", "teacher check sheet",
     "word games at centers; take-home word ring", "CCSS.ELA-LITERACY.RF.K.3.C", "teacher", NULL, NULL,
     "Added a take-home word ring with pictures."},
    {"fafsa-fsa-id", "future-readiness", "short", "Student will create an FSA ID with a parent.",
     "I will make my FSA ID.", "steps done", 0, 1, 0, "not started", 1, SP_HIGHER_IS_BETTER, 1, 1, 3, 7, 1, 7,
     "weekly", "counselor checklist", "counselor checklist", "counselor appointment", "", "staff", NULL, NULL, NULL},
};

#define NTEMPLATES (sizeof TEMPLATES / sizeof TEMPLATES[0])

/* The plan: who gets which milestone, and what it should show. */
static const sp_demo_expect PLANS[] = {
    {"K0001", "k-sight-words", SP_DEMO_GREEN, "kiosk"},
    {"K0002", "k-sight-words", SP_DEMO_GREEN, "kiosk"},
    {"K0003", "k-sight-words", SP_DEMO_BASELINING, "kiosk"},
    {"K0004", "k-sight-words", SP_DEMO_MET, "kiosk"},
    {"K0005", "k-sight-words", SP_DEMO_YELLOW, "kiosk"},
    {"K0006", "k-sight-words", SP_DEMO_GREEN, "kiosk"},
    {"K0007", "k-sight-words", SP_DEMO_GREEN, "kiosk"},
    {"S6001", "ss6-off-task", SP_DEMO_RED, "kiosk"},
    {"S6002", "ss6-off-task", SP_DEMO_GREEN, "kiosk"},
    {"S6003", "ss6-off-task", SP_DEMO_GREEN, "kiosk"},
    {"S6004", "ss6-off-task", SP_DEMO_YELLOW, "kiosk"},
    {"S6005", "ss6-off-task", SP_DEMO_MET, "kiosk"},
    {"S6006", "ss6-off-task", SP_DEMO_GREEN, "staff"},
    {"S6007", "ss6-off-task", SP_DEMO_BASELINING, "kiosk"},
    {"S6008", "engagement-discussion", SP_DEMO_GREEN, "kiosk"},
    {"S6009", "ss6-off-task", SP_DEMO_NO_DATA, "kiosk"},
    {"M7001", "math7-unit-quiz", SP_DEMO_MET, "kiosk"},
    {"M7002", "math7-unit-quiz", SP_DEMO_GREEN, "kiosk"},
    {"M7003", "math7-unit-quiz", SP_DEMO_YELLOW, "kiosk"},
    {"M7004", "math7-unit-quiz", SP_DEMO_RED, "kiosk"},
    {"M7005", "math7-unit-quiz", SP_DEMO_GREEN, "kiosk"},
    {"M7006", "math7-unit-quiz", SP_DEMO_GREEN, "conference"},
    {"M7007", "math7-unit-quiz", SP_DEMO_BASELINING, "kiosk"},
    {"M7008", "math7-unit-quiz", SP_DEMO_YELLOW, "kiosk"},
    {"M7009", "math7-unit-quiz", SP_DEMO_GREEN, "kiosk"},
    {"E8001", "ela8-claim-evidence", SP_DEMO_GREEN, "kiosk"},
    {"E8001", "engagement-discussion", SP_DEMO_RAISE, "kiosk"},
    {"E8002", "ela8-claim-evidence", SP_DEMO_GREEN, "kiosk"},
    {"E8003", "ela8-claim-evidence", SP_DEMO_YELLOW, "kiosk"},
    {"E8004", "ela8-claim-evidence", SP_DEMO_RED, "kiosk"},
    {"E8004", "engagement-discussion", SP_DEMO_GREEN, "kiosk"},
    {"E8005", "ela8-claim-evidence", SP_DEMO_MET, "kiosk"},
    {"E8006", "ela8-claim-evidence", SP_DEMO_GREEN, "conference"},
    {"E8007", "ela8-claim-evidence", SP_DEMO_BASELINING, "kiosk"},
    {"E8008", "ela8-claim-evidence", SP_DEMO_STALE, "kiosk"},
    {"E8009", "ela8-claim-evidence", SP_DEMO_GREEN, "kiosk"},
    {"E8010", "ela8-claim-evidence", SP_DEMO_YELLOW, "kiosk"},
    {"A9001", "alg9-c-or-better", SP_DEMO_GREEN, "kiosk"},
    {"A9002", "alg9-c-or-better", SP_DEMO_RED, "kiosk"},
    {"A9003", "alg9-c-or-better", SP_DEMO_GREEN, "kiosk"},
    {"A9004", "alg9-c-or-better", SP_DEMO_YELLOW, "kiosk"},
    {"A9005", "alg9-c-or-better", SP_DEMO_MET, "kiosk"},
    {"A9006", "alg9-c-or-better", SP_DEMO_GREEN, "kiosk"},
    {"A9006", "attendance-95", SP_DEMO_STALE, "conference"},
    {"A9007", "alg9-c-or-better", SP_DEMO_GREEN, "kiosk"},
    {"A9008", "attendance-95", SP_DEMO_GREEN, "kiosk"},
    {"A9009", "alg9-c-or-better", SP_DEMO_GREEN, "kiosk"},
    {"A9009", "attendance-95", SP_DEMO_RED, "conference"},
    {"H1001", "hr10-coping", SP_DEMO_GREEN, "conference"},
    {"H1002", "hr10-coping", SP_DEMO_YELLOW, "kiosk"},
    {"H1003", "hr10-coping", SP_DEMO_GREEN, "kiosk"},
    {"H1004", "hr10-coping", SP_DEMO_RED, "staff"},
    {"H1005", "hr10-coping", SP_DEMO_MET, "kiosk"},
    {"H1006", "attendance-95", SP_DEMO_YELLOW, "kiosk"},
    {"H1007", "hr10-coping", SP_DEMO_BASELINING, "kiosk"},
    {"H1008", "engagement-discussion", SP_DEMO_GREEN, "kiosk"},
    {"H1009", "attendance-95", SP_DEMO_GREEN, "kiosk"},
    {"R1201", "fafsa-steps", SP_DEMO_MET, "kiosk"},
    {"R1202", "fafsa-steps", SP_DEMO_GREEN, "kiosk"},
    {"R1203", "fafsa-steps", SP_DEMO_GREEN, "conference"},
    {"R1204", "attendance-95", SP_DEMO_YELLOW, "kiosk"},
    {"R1205", "attendance-95", SP_DEMO_GREEN, "kiosk"},
    {"R1206", "fafsa-steps", SP_DEMO_RED, "kiosk"},
    {"R1207", "engagement-discussion", SP_DEMO_GREEN, "kiosk"},
    {"R1208", "fafsa-steps", SP_DEMO_GREEN, "kiosk"},
    {"R1208", "fafsa-fsa-id", SP_DEMO_MET, "kiosk"},
};

#define NPLANS (sizeof PLANS / sizeof PLANS[0])

const sp_demo_expect *sp_demo_expectations(size_t *n)
{
    *n = NPLANS;
    return PLANS;
}

const char *sp_demo_outcome_name(sp_demo_outcome o)
{
    static const char *const NAMES[] = {"green", "yellow", "yellow (stale)", "red", "met", "raise the goal",
                                        "baselining", "no data yet"};
    return (unsigned)o < SP_DEMO_OUTCOME_COUNT ? NAMES[o] : "?";
}

bool sp_demo_outcome_matches(sp_demo_outcome o, const sp_progress *p, int cadence_days)
{
    if (cadence_days <= 0)
        cadence_days = 7;
    switch (o) {
    case SP_DEMO_GREEN: return p->light == SP_LIGHT_GREEN && !p->met && !p->raise_goal;
    case SP_DEMO_YELLOW: return p->light == SP_LIGHT_YELLOW && !p->met && p->days_since_data < 2 * cadence_days;
    case SP_DEMO_STALE: return p->light == SP_LIGHT_YELLOW && !p->met && p->days_since_data > 2 * cadence_days;
    case SP_DEMO_RED: return p->light == SP_LIGHT_RED && p->misses_in_a_row >= 4;
    case SP_DEMO_MET: return p->met;
    case SP_DEMO_RAISE: return p->light == SP_LIGHT_GREEN && p->raise_goal && !p->met;
    case SP_DEMO_BASELINING: return p->baselining && p->light == SP_LIGHT_NONE;
    case SP_DEMO_NO_DATA: return p->light == SP_LIGHT_YELLOW && p->days_since_data < 0;
    default: return false;
    }
}

/* ---- units, targets, assignments ------------------------------------------------------------ */

typedef struct {
    const char *class_code, *title;
    int starts, ends; /* days relative to today */
    bool current;
    const char *targets[6][2]; /* statement, standard code */
    const char *assignments[4];
} demo_unit;

static const demo_unit UNITS[] = {
    {"ELA8-2", "Unit 2: Narrative writing", -70, -28, false,
     {{"I can write a hook that makes a reader want to keep going.", "CCSS.ELA-LITERACY.W.8.3a"},
      {"I can use dialogue and description to show a character.", "CCSS.ELA-LITERACY.W.8.3b"},
      {"I can write an ending that follows from the events.", "CCSS.ELA-LITERACY.W.8.3e"}},
     {"Personal narrative draft", "Peer-review workshop"}},
    {"ELA8-2", "Unit 3: Argument writing — claims and evidence", -27, 21, true,
     {{"I can write a claim that answers the question.", "CCSS.ELA-LITERACY.W.8.1a"},
      {"I can choose evidence that supports my claim.", "CCSS.ELA-LITERACY.W.8.1b"},
      {"I can explain how my evidence supports my claim.", "CCSS.ELA-LITERACY.W.8.1b"},
      {"I can answer a counterclaim with respect.", "CCSS.ELA-LITERACY.W.8.1a"},
      {"I can use transitions to link my claim, reasons and evidence.", "CCSS.ELA-LITERACY.W.8.1c"}},
     {"Claim-building warm-up", "Evidence hunt: school start times",
      "3-paragraph response: should phones be allowed in class?"}},
    {"MATH7-1", "Proportional relationships", -20, 15, true,
     {{"I can find a unit rate, including with fractions.", "CCSS.MATH.CONTENT.7.RP.A.1"},
      {"I can tell whether two quantities are proportional.", "CCSS.MATH.CONTENT.7.RP.A.2a"},
      {"I can find the constant of proportionality in a table or graph.", "CCSS.MATH.CONTENT.7.RP.A.2b"},
      {"I can write an equation for a proportional relationship.", "CCSS.MATH.CONTENT.7.RP.A.2c"}},
     {"Unit rate stations", "Proportional or not? card sort", "Unit quiz"}},
    {"K1-1", "Letters and sounds", -30, 30, true,
     {{"I can say the sound each letter makes.", "CCSS.ELA-LITERACY.RF.K.3.A"},
      {"I can hear the first sound in a word.", "CCSS.ELA-LITERACY.RF.K.2.D"},
      {"I can read words I see a lot.", "CCSS.ELA-LITERACY.RF.K.3.C"}},
     {"Letter hunt", "Sound sorting game"}},
};

#define NUNITS (sizeof UNITS / sizeof UNITS[0])

/* ---- generation ------------------------------------------------------------------------------ */

typedef struct {
    sqlite3 *db;
    int today;
    uint64_t rng;
    sp_demo_summary *sum;
    char *err;
    size_t errlen;
    sqlite3_stmt *ins_staff, *ins_class, *ins_student, *ins_enroll, *ins_milestone, *ins_point, *ins_support,
        *ins_rule, *ins_self, *ins_celebration, *ins_unit, *ins_target, *ins_assignment, *ins_rating, *ins_revision,
        *find_student, *find_class_teacher;
} demo_ctx;

static uint64_t rng_next(demo_ctx *c)
{
    uint64_t x = c->rng;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    c->rng = x;
    return x * 0x2545F4914F6CDD1DULL;
}

/* Uniform in [lo, hi). */
static double rng_range(demo_ctx *c, double lo, double hi)
{
    return lo + (hi - lo) * (double)(rng_next(c) >> 11) / 9007199254740992.0;
}

static int rng_int(demo_ctx *c, int n) { return (int)(rng_next(c) % (uint64_t)n); }

static void timestamp(int day, int hour, char out[32])
{
    char d[11];
    sp_date_format(day, d);
    snprintf(out, 32, "%sT%02d:%02d:00Z", d, hour % 24, (hour * 7) % 60);
}

static int fail(demo_ctx *c, int rc, const char *what)
{
    if (c->err && c->errlen)
        snprintf(c->err, c->errlen, "building the demo school failed (%s): %s", what, sqlite3_errmsg(c->db));
    return rc ? rc : SQLITE_ERROR;
}

/* Steps a bound insert and resets it; returns SQLITE_OK or the error. */
static int run(demo_ctx *c, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? SQLITE_OK : fail(c, rc, what);
}

static void bind_date(sqlite3_stmt *st, int i, int day)
{
    char d[11];
    sp_date_format(day, d);
    sqlite3_bind_text(st, i, d, -1, SQLITE_TRANSIENT);
}

static void bind_ts(sqlite3_stmt *st, int i, int day, int hour)
{
    char t[32];
    timestamp(day, hour, t);
    sqlite3_bind_text(st, i, t, -1, SQLITE_TRANSIENT);
}

static long long lookup(demo_ctx *c, sqlite3_stmt *st, const char *key, long long *second)
{
    long long id = 0;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        id = sqlite3_column_int64(st, 0);
        if (second)
            *second = sqlite3_column_int64(st, 1);
    }
    sqlite3_reset(st);
    (void)c;
    return id;
}

static const demo_template *find_template(const char *key)
{
    for (size_t i = 0; i < NTEMPLATES; i++)
        if (strcmp(TEMPLATES[i].key, key) == 0)
            return &TEMPLATES[i];
    return NULL;
}

static const demo_student *find_student_row(const char *sis)
{
    for (size_t i = 0; i < NSTUDENTS; i++)
        if (strcmp(STUDENTS[i].sis, sis) == 0)
            return &STUDENTS[i];
    return NULL;
}

static double aim_at(const demo_template *t, int start, int due, int day)
{
    double f = (double)(day - start) / (double)(due - start);
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    return t->baseline + (t->target - t->baseline) * f;
}

/* Rounds v to the template's step, towards the good side (good = true) or the bad side. */
static double round_side(const demo_template *t, double v, bool good)
{
    bool up = (t->dir == SP_HIGHER_IS_BETTER) == good;
    double q = v / t->step;
    q = up ? ceil(q - 1e-9) : floor(q + 1e-9);
    double r = q * t->step;
    if (r < t->scale_min)
        r = t->scale_min;
    if (r > t->scale_max)
        r = t->scale_max;
    return round(r * 1000.0) / 1000.0;
}

static bool beats_target(const demo_template *t, double v)
{
    return t->dir == SP_HIGHER_IS_BETTER ? v >= t->target : v <= t->target;
}

/* A value `off` fractions of |target - baseline| on the good side of the aim line at `day`. */
static double point_value(const demo_template *t, int start, int due, int day, double off)
{
    double delta = fabs(t->target - t->baseline), s = t->dir == SP_HIGHER_IS_BETTER ? 1 : -1;
    double v = round_side(t, aim_at(t, start, due, day) + s * off * delta, off >= 0);
    return v;
}

typedef struct {
    int start, due;
    int days[24];
    double values[24];
    int n;
} demo_series;

/* Where the plan's timeline starts, as a fraction of the timeframe, and the data it needs. */
static void make_series(demo_ctx *c, const demo_template *t, sp_demo_outcome o, demo_series *s)
{
    int window = t->weeks * 7, ago;
    int need = 1, gap = rng_int(c, 2);
    switch (o) {
    case SP_DEMO_GREEN: ago = (int)(0.45 * window) - rng_int(c, 3); need = 2; break;
    case SP_DEMO_YELLOW: ago = (int)(0.6 * window); need = 4; break;
    case SP_DEMO_STALE: ago = (int)(0.75 * window); need = 3; break;
    case SP_DEMO_RED: ago = (int)(0.65 * window); need = 6; break;
    case SP_DEMO_MET: ago = (int)(0.75 * window); need = t->k + 1; break;
    case SP_DEMO_RAISE: ago = (int)(0.7 * window); need = 7; break;
    case SP_DEMO_BASELINING: ago = 6 + rng_int(c, 3); need = 0; break;
    default: ago = 2; need = 0; break;
    }
    int last = c->today - gap;
    if (o == SP_DEMO_STALE)
        last = c->today - 2 * t->cadence - 4;
    if (need > 1 && (need - 1) * t->every + (c->today - last) > ago)
        ago = (need - 1) * t->every + (c->today - last);
    if (ago >= window - 2)
        ago = window - 3;
    s->start = c->today - ago;
    s->due = s->start + window;
    s->n = 0;
    if (o == SP_DEMO_NO_DATA)
        return;
    if (o == SP_DEMO_BASELINING) {
        /* One or two first checks near where the class usually starts. */
        int n = 1 + rng_int(c, 2);
        for (int i = 0; i < n; i++) {
            s->days[s->n] = s->start + 1 + 3 * i;
            s->values[s->n++] = round_side(t, t->baseline + rng_range(c, -0.1, 0.1) * fabs(t->target - t->baseline), true);
        }
        return;
    }
    for (int day = s->start; day <= last && s->n < 24; day += t->every)
        s->days[s->n++] = day;
    /* For cumulative measures (steps done) keep the jitter small so counts rarely go down. */
    bool steady = t->step >= fabs(t->target - t->baseline) / 5.0;
    for (int i = 0; i < s->n; i++) {
        int r = s->n - 1 - i; /* 0 = latest */
        double off;
        switch (o) {
        case SP_DEMO_GREEN: off = steady ? 0.1 : rng_range(c, 0.08, 0.22); break;
        case SP_DEMO_YELLOW: off = r >= 3 ? 0.1 : -0.15 - 0.05 * (2 - r); break;
        case SP_DEMO_STALE: off = r >= 2 ? 0.1 : -0.1 - 0.05 * (1 - r); break;
        case SP_DEMO_RED: off = i == 0 ? 0 : steady ? -0.35 : rng_range(c, -0.4, -0.3); break;
        case SP_DEMO_MET: off = 0.05; break;
        case SP_DEMO_RAISE: off = 0.05; break;
        default: off = 0.1; break;
        }
        double v = point_value(t, s->start, s->due, s->days[i], off);
        if (o == SP_DEMO_MET && r < t->k) {
            v = round_side(t, t->target + (t->dir == SP_HIGHER_IS_BETTER ? 1 : -1) * rng_range(c, 0, 0.1) *
                                              fabs(t->target - t->baseline),
                           true);
        } else if (o == SP_DEMO_RAISE && r < 4) {
            v = round_side(t, t->target + (t->dir == SP_HIGHER_IS_BETTER ? 1 : -1) * rng_range(c, 0.1, 0.3) *
                                              fabs(t->target - t->baseline),
                           true);
        } else if (beats_target(t, v)) {
            /* Keep everything else short of the target: the aim line is still below it. */
            v = round_side(t, t->target - (t->dir == SP_HIGHER_IS_BETTER ? 1 : -1) * t->step, true);
        }
        s->values[i] = v;
    }
}

static const char *const IMPROVE_WORDS[] = {"You improved", "Look how far you came", "Great progress"};

static int add_milestone(demo_ctx *c, const sp_demo_expect *p)
{
    const demo_template *t = find_template(p->template_key);
    const demo_student *stu = find_student_row(p->sis_id);
    if (!t || !stu) {
        snprintf(c->err, c->errlen, "demo plan names unknown template or student (%s, %s)", p->template_key, p->sis_id);
        return SQLITE_ERROR;
    }
    long long sid = lookup(c, c->find_student, p->sis_id, NULL);
    char first_class[16] = {0};
    sscanf(stu->classes, "%15s", first_class);
    long long teacher = 0;
    long long class_id = lookup(c, c->find_class_teacher, first_class, &teacher);
    demo_series s;
    make_series(c, t, p->outcome, &s);

    long long parent = 0;
    if (strcmp(t->horizon, "short") == 0) {
        sqlite3_stmt *q = NULL;
        if (sqlite3_prepare_v2(c->db, "SELECT id FROM milestones WHERE student_id = ?1 AND horizon = 'long' "
                                      "ORDER BY id DESC LIMIT 1", -1, &q, NULL) == SQLITE_OK) {
            sqlite3_bind_int64(q, 1, sid);
            if (sqlite3_step(q) == SQLITE_ROW)
                parent = sqlite3_column_int64(q, 0);
        }
        sqlite3_finalize(q);
    }

    sqlite3_stmt *st = c->ins_milestone;
    const char *status = p->outcome == SP_DEMO_MET ? "met" : p->outcome == SP_DEMO_BASELINING ? "baselining" : "active";
    sqlite3_bind_int64(st, 1, sid);
    sqlite3_bind_int64(st, 2, class_id);
    sqlite3_bind_text(st, 3, t->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, t->statement, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, t->student_text, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, t->category, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, t->horizon, -1, SQLITE_STATIC);
    if (parent)
        sqlite3_bind_int64(st, 8, parent);
    sqlite3_bind_text(st, 9, t->unit_label, -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 10, t->scale_min);
    sqlite3_bind_double(st, 11, t->scale_max);
    if (p->outcome != SP_DEMO_BASELINING) {
        sqlite3_bind_double(st, 12, t->baseline);
        sqlite3_bind_text(st, 13, t->baseline_note, -1, SQLITE_STATIC);
    } else {
        sqlite3_bind_text(st, 13, "", -1, SQLITE_STATIC);
    }
    sqlite3_bind_double(st, 14, t->target);
    sqlite3_bind_text(st, 15, t->dir == SP_HIGHER_IS_BETTER ? "higher" : "lower", -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 16, t->k);
    sqlite3_bind_int(st, 17, t->m);
    bind_date(st, 18, s.start);
    bind_date(st, 19, s.due);
    sqlite3_bind_text(st, 20, t->method, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 21, t->data_source, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 22, t->support, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 23, t->cadence);
    sqlite3_bind_text(st, 24, t->cadence_note, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 25, p->visibility, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 26, t->standard, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 27, status, -1, SQLITE_STATIC);
    /* About a third were reviewed recently; the rest are due. */
    if (rng_int(c, 3) == 0)
        bind_date(st, 28, c->today - 3);
    if (teacher)
        sqlite3_bind_int64(st, 29, teacher);
    bind_ts(st, 30, s.start - 1, 16);
    int rc = run(c, st, "milestone");
    if (rc)
        return rc;
    long long mid = sqlite3_last_insert_rowid(c->db);
    c->sum->milestones++;

    long long last_point = 0;
    for (int i = 0; i < s.n; i++) {
        st = c->ins_point;
        sqlite3_bind_int64(st, 1, mid);
        bind_date(st, 2, s.days[i]);
        sqlite3_bind_double(st, 3, s.values[i]);
        sqlite3_bind_text(st, 4, t->source, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, i == 0 && p->outcome != SP_DEMO_BASELINING ? "first check after the baseline" : "",
                          -1, SQLITE_STATIC);
        if (teacher)
            sqlite3_bind_int64(st, 6, teacher);
        bind_ts(st, 7, s.days[i], 15 + i % 3);
        if ((rc = run(c, st, "measurement")))
            return rc;
        last_point = sqlite3_last_insert_rowid(c->db);
        c->sum->measurements++;
    }

    /* A support change half-way through for goals in trouble and for some others. */
    if (t->support_change && s.n >= 3 &&
        (p->outcome == SP_DEMO_RED || p->outcome == SP_DEMO_YELLOW || rng_int(c, 3) == 0)) {
        st = c->ins_support;
        sqlite3_bind_int64(st, 1, mid);
        bind_date(st, 2, s.days[s.n / 2] + 1);
        sqlite3_bind_text(st, 3, t->support_change, -1, SQLITE_STATIC);
        if (teacher)
            sqlite3_bind_int64(st, 4, teacher);
        if ((rc = run(c, st, "support change")))
            return rc;
    }
    if (t->if_text) {
        st = c->ins_rule;
        sqlite3_bind_int64(st, 1, mid);
        sqlite3_bind_text(st, 2, t->if_text, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, t->then_text, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, "", -1, SQLITE_STATIC); /* the student's choice: add_student_words */
        if ((rc = run(c, st, "if/then rule")))
            return rc;
    }

    /* Celebrations: met goals and reached steps, raise-the-goal, improvements for some. */
    char msg[300];
    const char *kind = NULL;
    if (p->outcome == SP_DEMO_MET && strcmp(t->horizon, "short") == 0) {
        kind = "step-reached";
        snprintf(msg, sizeof msg, "You did it! You finished a step: %s", t->student_text);
    } else if (p->outcome == SP_DEMO_MET) {
        kind = "milestone-met";
        snprintf(msg, sizeof msg, "You did it! You met your goal: %s", t->student_text);
    } else if (p->outcome == SP_DEMO_RAISE) {
        kind = "raise-goal";
        snprintf(msg, sizeof msg, "You're ready for a bigger goal \xE2\x80\x94 talk with your teacher!");
    } else if (p->outcome == SP_DEMO_GREEN && s.n >= 2 && rng_int(c, 2) == 0) {
        kind = "improvement";
        snprintf(msg, sizeof msg, "%s: from %g to %g %s.", IMPROVE_WORDS[rng_int(c, 3)], t->baseline,
                 s.values[s.n - 1], t->unit_label);
    }
    if (kind && last_point) {
        st = c->ins_celebration;
        sqlite3_bind_int64(st, 1, sid);
        sqlite3_bind_int64(st, 2, mid);
        sqlite3_bind_int64(st, 3, last_point);
        sqlite3_bind_text(st, 4, kind, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, msg, -1, SQLITE_TRANSIENT);
        bind_ts(st, 6, s.days[s.n - 1], 16);
        if (rng_int(c, 4) == 0) /* a few were already seen at the kiosk */
            bind_ts(st, 7, s.days[s.n - 1] + 1, 9);
        if (teacher)
            sqlite3_bind_int64(st, 8, teacher);
        if ((rc = run(c, st, "celebration")))
            return rc;
        c->sum->celebrations++;
    }

    /* Self-checks beside the teacher's data: faces for young students, 1-4 for older ones. */
    if (s.n >= 2 && (strcmp(t->key, "hr10-coping") == 0 || strcmp(t->key, "k-sight-words") == 0 ||
                     strcmp(t->key, "ela8-claim-evidence") == 0)) {
        bool faces = stu->grade <= 2;
        for (int i = s.n > 4 ? s.n - 4 : 0; i < s.n; i++) {
            st = c->ins_self;
            sqlite3_bind_int64(st, 1, sid);
            sqlite3_bind_int64(st, 2, mid);
            bind_ts(st, 3, s.days[i], 10);
            sqlite3_bind_text(st, 4, faces ? "faces3" : "scale4", -1, SQLITE_STATIC);
            int rating = 1 + rng_int(c, faces ? 3 : 4);
            if (p->outcome == SP_DEMO_GREEN && rating < 2)
                rating = 2;
            sqlite3_bind_int(st, 5, rating);
            if (strcmp(t->key, "hr10-coping") == 0)
                sqlite3_bind_int(st, 6, rating >= 3);
            static const char *const OBSTACLES[] = {"", "I was tired", "It was noisy", "I didn't understand the task"};
            static const char *const NEXT[] = {"Ask for help sooner", "Use my strategy card", "Keep going",
                                               "Try the sentence stems"};
            sqlite3_bind_text(st, 7, OBSTACLES[rng_int(c, 4)], -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 8, NEXT[rng_int(c, 4)], -1, SQLITE_STATIC);
            if ((rc = run(c, st, "self-check")))
                return rc;
        }
    }

    /* One recorded revision: a quiz goal whose timeframe was shortened. */
    if (strcmp(p->sis_id, "M7003") == 0) {
        char old_due[11], new_due[11];
        sp_date_format(s.due + 7, old_due);
        sp_date_format(s.due, new_due);
        st = c->ins_revision;
        sqlite3_bind_int64(st, 1, mid);
        bind_ts(st, 2, s.start + 7, 17);
        sqlite3_bind_text(st, 3, "due_date", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, old_due, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, new_due, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 6, "Unit test moved a week earlier; shortened the timeframe to match.", -1,
                          SQLITE_STATIC);
        if (teacher)
            sqlite3_bind_int64(st, 7, teacher);
        if ((rc = run(c, st, "revision")))
            return rc;
    }
    return SQLITE_OK;
}

static int add_people(demo_ctx *c)
{
    int rc;
    for (size_t i = 0; i < NSTAFF; i++) {
        const demo_staff *s = &STAFF[i];
        sqlite3_stmt *st = c->ins_staff;
        sqlite3_bind_text(st, 1, s->code, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, s->given, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, s->family, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, s->display, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, s->email, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, s->role, -1, SQLITE_STATIC);
        bind_ts(st, 7, c->today - 90, 8);
        if ((rc = run(c, st, "staff")))
            return rc;
        c->sum->staff++;
    }
    for (size_t i = 0; i < NCLASSES; i++) {
        const demo_class *k = &CLASSES[i];
        sqlite3_stmt *st = c->ins_class;
        sqlite3_bind_text(st, 1, k->code, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, k->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, k->subject, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 4, k->grade);
        sqlite3_bind_text(st, 5, k->teacher, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, k->room, -1, SQLITE_STATIC);
        if ((rc = run(c, st, "class")))
            return rc;
        c->sum->classes++;
    }
    for (size_t i = 0; i < NSTUDENTS; i++) {
        const demo_student *s = &STUDENTS[i];
        sqlite3_stmt *st = c->ins_student;
        sqlite3_bind_text(st, 1, s->sis, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, s->given, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, s->family, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, s->preferred, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 5, s->grade);
        sqlite3_bind_text(st, 6, s->lang, -1, SQLITE_STATIC);
        for (int b = 0; b < 4; b++)
            sqlite3_bind_int(st, 7 + b, (s->supports >> b) & 1);
        sqlite3_bind_text(st, 11, s->accommodations, -1, SQLITE_STATIC);
        bind_ts(st, 12, c->today - 90, 8);
        if ((rc = run(c, st, "student")))
            return rc;
        long long sid = sqlite3_last_insert_rowid(c->db);
        c->sum->students++;
        char codes[64];
        snprintf(codes, sizeof codes, "%s", s->classes);
        char *save = NULL;
        for (char *code = strtok_r(codes, " ", &save); code; code = strtok_r(NULL, " ", &save)) {
            st = c->ins_enroll;
            sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(st, 2, sid);
            bind_date(st, 3, c->today - 84);
            if ((rc = run(c, st, "enrollment")))
                return rc;
        }
    }
    return SQLITE_OK;
}

static int add_units(demo_ctx *c)
{
    int rc;
    for (size_t u = 0; u < NUNITS; u++) {
        const demo_unit *d = &UNITS[u];
        long long teacher = 0;
        long long class_id = lookup(c, c->find_class_teacher, d->class_code, &teacher);
        sqlite3_stmt *st = c->ins_unit;
        sqlite3_bind_int64(st, 1, class_id);
        sqlite3_bind_text(st, 2, d->title, -1, SQLITE_STATIC);
        bind_date(st, 3, c->today + d->starts);
        bind_date(st, 4, c->today + d->ends);
        sqlite3_bind_int(st, 5, d->current);
        if ((rc = run(c, st, "unit")))
            return rc;
        long long unit_id = sqlite3_last_insert_rowid(c->db);
        c->sum->units++;
        long long target_ids[6] = {0};
        int ntargets = 0;
        for (int i = 0; i < 6 && d->targets[i][0]; i++) {
            st = c->ins_target;
            sqlite3_bind_int64(st, 1, unit_id);
            sqlite3_bind_int(st, 2, i + 1);
            sqlite3_bind_text(st, 3, d->targets[i][0], -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 4, d->targets[i][1], -1, SQLITE_STATIC);
            if ((rc = run(c, st, "learning target")))
                return rc;
            target_ids[ntargets++] = sqlite3_last_insert_rowid(c->db);
            c->sum->targets++;
        }
        for (int i = 0; i < 4 && d->assignments[i]; i++) {
            st = c->ins_assignment;
            sqlite3_bind_int64(st, 1, unit_id);
            sqlite3_bind_text(st, 2, d->assignments[i], -1, SQLITE_STATIC);
            if ((rc = run(c, st, "assignment")))
                return rc;
        }
        if (!d->current)
            continue;
        /* Ratings for the current unit: the teacher rated the first targets taught so far, and
         * about half of the students rated themselves at the kiosk. */
        sqlite3_stmt *q = NULL;
        if (sqlite3_prepare_v2(c->db, "SELECT student_id FROM enrollments WHERE class_id = ?1 ORDER BY student_id", -1,
                               &q, NULL) != SQLITE_OK)
            return fail(c, SQLITE_ERROR, "ratings");
        sqlite3_bind_int64(q, 1, class_id);
        while (sqlite3_step(q) == SQLITE_ROW) {
            long long sid = sqlite3_column_int64(q, 0);
            bool self = rng_int(c, 2) == 0;
            for (int i = 0; i < ntargets && i < 3; i++) {
                int level = 1 + rng_int(c, 4);
                for (int who = 0; who < (self ? 2 : 1); who++) {
                    st = c->ins_rating;
                    sqlite3_bind_int64(st, 1, target_ids[i]);
                    sqlite3_bind_int64(st, 2, sid);
                    sqlite3_bind_text(st, 3, who ? "student" : "teacher", -1, SQLITE_STATIC);
                    int r = who ? level + rng_int(c, 3) - 1 : level;
                    sqlite3_bind_int(st, 4, r < 1 ? 1 : r > 4 ? 4 : r);
                    sqlite3_bind_text(st, 5, who ? "my evidence hunt notes" : "", -1, SQLITE_STATIC);
                    sqlite3_bind_text(st, 6, who ? "ask for feedback on my next draft" : "", -1, SQLITE_STATIC);
                    bind_ts(st, 7, c->today - 14 + 4 * i + who, 14);
                    if (!who && teacher)
                        sqlite3_bind_int64(st, 8, teacher);
                    if ((rc = run(c, st, "mastery rating"))) {
                        sqlite3_finalize(q);
                        return rc;
                    }
                    c->sum->ratings++;
                }
            }
        }
        sqlite3_finalize(q);
    }
    return SQLITE_OK;
}

static int add_shout_outs(demo_ctx *c)
{
    static const struct {
        const char *sis, *staff, *message;
        int days_ago;
        bool seen;
    } SHOUTS[] = {
        {"E8001", "T-RIVERA", "Maya, your evidence paragraph about school start times was the clearest in class!", 1,
         false},
        {"S6001", "T-OKAFOR", "Jay, thank you for helping set up the map project today.", 2, false},
        {"K0002", "T-TANAKA", "Mateo read the whole word wall to the class!", 5, true},
        {"E8005", "T-RIVERA", "Siobhán, your essay on the school garden had the strongest evidence in class!", 1, false},
    };
    for (size_t i = 0; i < sizeof SHOUTS / sizeof SHOUTS[0]; i++) {
        long long sid = lookup(c, c->find_student, SHOUTS[i].sis, NULL);
        sqlite3_stmt *q = NULL;
        long long staff = 0;
        if (sqlite3_prepare_v2(c->db, "SELECT id FROM staff WHERE staff_code = ?1", -1, &q, NULL) == SQLITE_OK) {
            sqlite3_bind_text(q, 1, SHOUTS[i].staff, -1, SQLITE_STATIC);
            if (sqlite3_step(q) == SQLITE_ROW)
                staff = sqlite3_column_int64(q, 0);
        }
        sqlite3_finalize(q);
        sqlite3_stmt *st = c->ins_celebration;
        sqlite3_bind_int64(st, 1, sid);
        sqlite3_bind_text(st, 4, "shout-out", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, SHOUTS[i].message, -1, SQLITE_STATIC);
        bind_ts(st, 6, c->today - SHOUTS[i].days_ago, 15);
        if (SHOUTS[i].seen)
            bind_ts(st, 7, c->today - SHOUTS[i].days_ago + 1, 9);
        if (staff)
            sqlite3_bind_int64(st, 8, staff);
        int rc = run(c, st, "shout-out");
        if (rc)
            return rc;
        c->sum->celebrations++;
    }
    return SQLITE_OK;
}

static const char *const STATEMENTS[][2] = {
    {"staff", "INSERT INTO staff(staff_code, given_name, family_name, display_name, email, role, created_at) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
    {"class", "INSERT INTO classes(code, name, subject, grade, teacher_id, room) "
              "VALUES (?1, ?2, ?3, ?4, (SELECT id FROM staff WHERE staff_code = ?5), ?6)"},
    {"student", "INSERT INTO students(sis_id, given_name, family_name, preferred_name, grade, home_language, read_aloud, "
                "dyslexia_font, large_text, high_contrast, accommodations, created_at) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"},
    {"enroll", "INSERT INTO enrollments(class_id, student_id, enrolled_on) "
               "VALUES ((SELECT id FROM classes WHERE code = ?1), ?2, ?3)"},
    {"milestone",
     "INSERT INTO milestones(student_id, class_id, template_key, statement, student_text, category, horizon, "
     "parent_id, unit_label, scale_min, scale_max, baseline, baseline_note, target, direction, target_k, target_m, "
     "start_date, due_date, method, data_source, support, review_cadence_days, cadence_note, visibility, "
     "standard_code, status, last_reviewed_on, created_by, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
     "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, "
     "?29, ?30, ?30)"},
    {"point", "INSERT INTO measurements(milestone_id, taken_on, value, source, note, entered_by, created_at) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
    {"support", "INSERT INTO support_changes(milestone_id, changed_on, note, entered_by) VALUES (?1, ?2, ?3, ?4)"},
    {"rule", "INSERT INTO if_then_rules(milestone_id, if_text, then_text, student_choice) VALUES (?1, ?2, ?3, ?4)"},
    {"self", "INSERT INTO self_checks(student_id, milestone_id, created_at, scale, rating, used_strategy, obstacle, "
             "next_step) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
    {"celebration", "INSERT INTO celebrations(student_id, milestone_id, measurement_id, kind, message, created_at, "
                    "seen_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
    {"unit", "INSERT INTO units(class_id, title, starts_on, ends_on, is_current) VALUES (?1, ?2, ?3, ?4, ?5)"},
    {"target", "INSERT INTO learning_targets(unit_id, position, statement, standard_code) VALUES (?1, ?2, ?3, ?4)"},
    {"assignment", "INSERT INTO unit_assignments(unit_id, title) VALUES (?1, ?2)"},
    {"rating", "INSERT INTO mastery_ratings(target_id, student_id, rater, rating, evidence, next_step, rated_at, "
               "staff_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
    {"revision", "INSERT INTO milestone_revisions(milestone_id, changed_at, field, old_value, new_value, reason, "
                 "changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
    {"find student", "SELECT id FROM students WHERE sis_id = ?1"},
    {"find class", "SELECT id, coalesce(teacher_id, 0) FROM classes WHERE code = ?1"},
};

#define NSTATEMENTS (sizeof STATEMENTS / sizeof STATEMENTS[0])

static sqlite3_stmt **stmt_slot(demo_ctx *c, size_t i)
{
    sqlite3_stmt **slots[] = {&c->ins_staff,     &c->ins_class,     &c->ins_student,    &c->ins_enroll,
                              &c->ins_milestone, &c->ins_point,     &c->ins_support,    &c->ins_rule,
                              &c->ins_self,      &c->ins_celebration, &c->ins_unit,     &c->ins_target,
                              &c->ins_assignment, &c->ins_rating,   &c->ins_revision,   &c->find_student,
                              &c->find_class_teacher};
    return slots[i];
}

/* ---- the students' own words ------------------------------------------------------------- */

/* What the kiosk shows for each template, written for the student: their support, how we'll
 * know, what may get in the way (choices separated by "|"), the choice they made for the
 * if/then rule, and the support change in their words. Every template has them, so no demo
 * student ever sees the teacher's wording. */
static const struct {
    const char *key, *support, *know, *obstacles, *choice, *change;
} STUDENT_WORDS[] = {
    {"ela8-claim-evidence", "I get help in a small writing group twice a week, and I use sentence starters.",
     "My teacher scores each of my responses with the writing rubric.",
     "I didn't know how to start|I couldn't find evidence", "Ask for a writing conference on Friday",
     "Now I also meet my teacher on Fridays and use a claim checklist."},
    {"ss6-off-task", "I have a checklist on my desk, I sit near the front, and I can take a short reset break.",
     "My teacher writes down how many reminders I need each day.",
     "My friends were talking|I didn't know what to do next", "Talk with the counselor before class",
     "My new seat is next to a work partner, and my break is a walk to the water fountain."},
    {"hr10-coping", "I have a breathing card, a pass to see the counselor, and check-ins with my advisor.",
     "I do a self-check, and an adult notices when I use my strategy.",
     "I didn't notice I was stressed|I didn't want anyone to see", "Walk and breathe",
     "Now I name the feeling first, then take a short walk."},
    {"math7-unit-quiz", "I go to math lab on Tuesdays and use notes with worked examples.",
     "I see my score on each weekly quiz.", "I forgot the steps|I rushed through it", "Go to lunch tutoring",
     "I started lunch tutoring on Thursdays."},
    {"attendance-95", "I check in with an adult I trust each morning, and my family gets a text reminder.",
     "The school counts the days I am here.", "I missed the bus|I didn't feel well",
     "Tell an adult when mornings are hard", "My family met with the school, and I have a bus pass now."},
    {"alg9-c-or-better", "I go to homework club twice a week and I have a plan for missing work.",
     "I look at my grade every week after it is updated.", "I had missing homework|I didn't understand the lesson",
     "Make a homework plan with my family", "Homework club is in the mornings now, and I get a list of missing work."},
    {"fafsa-steps", "My family comes to FAFSA night, and I meet the counselor.",
     "The counselor checks off each step with me.", "I needed a paper from home|I didn't have my FSA ID", NULL,
     "My counselor appointment has an interpreter for my family."},
    {"engagement-discussion", "I use a talk moves card and talk with a partner before we share with the class.",
     "My teacher counts how often I share.", "I wasn't sure my idea was right|Someone said it first", NULL,
     "I have a card with sentence starters for discussions."},
    {"k-sight-words", "I play word games and take home a word ring.", "My teacher shows me word cards and I read them.",
     "The words looked the same|I forgot to practice", NULL, "My word ring has pictures now."},
    {"fafsa-fsa-id", "I meet the counselor.", "The counselor checks it off with me.", "I needed a parent with me", NULL,
     NULL},
};

/* Fills the student words of every milestone, rule and support change made from a template. */
static int add_student_words(demo_ctx *c)
{
    static const char *const SQL[] = {
        "UPDATE milestones SET student_support = ?2, student_know = ?3, student_obstacles = ?4 WHERE template_key = ?1",
        "UPDATE if_then_rules SET student_choice = ?2 WHERE student_choice = '' AND milestone_id IN "
        "(SELECT id FROM milestones WHERE template_key = ?1)",
        "UPDATE support_changes SET student_note = ?2 WHERE milestone_id IN "
        "(SELECT id FROM milestones WHERE template_key = ?1)"};
    int rc = SQLITE_OK;
    for (size_t q = 0; q < 3 && rc == SQLITE_OK; q++) {
        sqlite3_stmt *st = NULL;
        if ((rc = sqlite3_prepare_v2(c->db, SQL[q], -1, &st, NULL)) != SQLITE_OK)
            return fail(c, rc, "student words");
        for (size_t i = 0; i < sizeof STUDENT_WORDS / sizeof STUDENT_WORDS[0] && rc == SQLITE_OK; i++) {
            const char *second = q == 0 ? STUDENT_WORDS[i].support : q == 1 ? STUDENT_WORDS[i].choice
                                                                              : STUDENT_WORDS[i].change;
            if (!second)
                continue;
            sqlite3_bind_text(st, 1, STUDENT_WORDS[i].key, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, second, -1, SQLITE_STATIC);
            if (q == 0) {
                sqlite3_bind_text(st, 3, STUDENT_WORDS[i].know, -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 4, STUDENT_WORDS[i].obstacles, -1, SQLITE_STATIC);
            }
            rc = run(c, st, "student words");
        }
        sqlite3_finalize(st);
    }
    return rc;
}

int sp_demo_build(sqlite3 *db, int today, sp_demo_summary *sum, char *err, size_t errlen)
{
    sp_demo_summary local;
    demo_ctx c = {.db = db, .today = today, .rng = 0x5197A0C1D2E3F405ULL, .err = err, .errlen = errlen};
    c.sum = sum ? sum : &local;
    memset(c.sum, 0, sizeof *c.sum);
    if (err && errlen)
        err[0] = 0;
    int rc = sqlite3_exec(db, "SAVEPOINT demo_school", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return fail(&c, rc, "savepoint");
    for (size_t i = 0; i < NSTATEMENTS; i++) {
        rc = sqlite3_prepare_v2(db, STATEMENTS[i][1], -1, stmt_slot(&c, i), NULL);
        if (rc != SQLITE_OK) {
            rc = fail(&c, rc, STATEMENTS[i][0]);
            goto done;
        }
    }
    if ((rc = add_people(&c)))
        goto done;
    for (size_t i = 0; i < NPLANS; i++)
        if ((rc = add_milestone(&c, &PLANS[i])))
            goto done;
    if ((rc = add_units(&c)))
        goto done;
    if ((rc = add_student_words(&c)))
        goto done;
    if ((rc = add_shout_outs(&c)))
        goto done;
    rc = sp_demo_add_family(db, today, err, errlen);
done:
    for (size_t i = 0; i < NSTATEMENTS; i++) {
        sqlite3_finalize(*stmt_slot(&c, i));
        *stmt_slot(&c, i) = NULL;
    }
    if (rc != SQLITE_OK)
        sqlite3_exec(db, "ROLLBACK TO demo_school", NULL, NULL, NULL);
    sqlite3_exec(db, "RELEASE demo_school", NULL, NULL, NULL);
    return rc;
}

int sp_demo_clear(sqlite3 *db, char *err, size_t errlen)
{
    static const char *const TABLES[] = {
        "celebrations", "mastery_ratings", "self_checks", "next_step_plans", "kiosk_sessions", "scan_events", "badges",
        "if_then_rules", "support_changes", "milestone_revisions", "measurements", "milestones",
        "unit_assignments", "learning_targets", "units", "enrollments", "students", "classes", "staff"};
    for (size_t i = 0; i < sizeof TABLES / sizeof TABLES[0]; i++) {
        char sql[64];
        snprintf(sql, sizeof sql, "DELETE FROM %s", TABLES[i]);
        int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
        if (rc != SQLITE_OK) {
            snprintf(err, errlen, "clearing %s failed: %s", TABLES[i], sqlite3_errmsg(db));
            return rc;
        }
    }
    return SQLITE_OK;
}

int sp_demo_check(sqlite3 *db, int today, sp_demo_summary *sum, char *report, size_t reportlen)
{
    char err[256];
    size_t used = 0;
    if (report && reportlen)
        report[0] = 0;
    memset(sum->outcomes, 0, sizeof sum->outcomes);
    memset(sum->lights, 0, sizeof sum->lights);
    sum->mismatches = 0;
    sp_goal_reader *r = sp_goal_reader_new(db, err, sizeof err);
    if (!r) {
        if (report && reportlen)
            snprintf(report, reportlen, "%s\n", err);
        return SQLITE_ERROR;
    }
    sqlite3_stmt *q = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT m.id FROM milestones m JOIN students s ON s.id = m.student_id "
                                "WHERE s.sis_id = ?1 AND m.template_key = ?2 ORDER BY m.id LIMIT 1",
                                -1, &q, NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < NPLANS; i++) {
        sqlite3_bind_text(q, 1, PLANS[i].sis_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 2, PLANS[i].template_key, -1, SQLITE_STATIC);
        int s = sqlite3_step(q);
        long long id = s == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
        sqlite3_reset(q);
        sp_goal_view v;
        memset(&v, 0, sizeof v);
        if (!id || (rc = sp_goal_load(r, id, today, &v)) != SQLITE_OK) {
            if (s == SQLITE_DONE)
                rc = SQLITE_NOTFOUND;
            break;
        }
        const sp_progress *p = &v.progress;
        if ((unsigned)p->light < 4)
            sum->lights[p->light]++;
        bool found = false;
        for (int o = 0; o < SP_DEMO_OUTCOME_COUNT && !found; o++)
            if (sp_demo_outcome_matches((sp_demo_outcome)o, p, v.goal.cadence_days)) {
                /* MET also matches others' lights; prefer the intended one when it fits. */
                int pick = sp_demo_outcome_matches(PLANS[i].outcome, p, v.goal.cadence_days) ? (int)PLANS[i].outcome : o;
                sum->outcomes[pick]++;
                found = true;
            }
        if (!sp_demo_outcome_matches(PLANS[i].outcome, p, v.goal.cadence_days)) {
            sum->mismatches++;
            if (report && used + 1 < reportlen) {
                int w = snprintf(report + used, reportlen - used,
                                 "%s %s: planned %s, got light %s (%s), met %d, raise %d, baselining %d, "
                                 "misses in a row %d, days since data %d\n",
                                 PLANS[i].sis_id, PLANS[i].template_key, sp_demo_outcome_name(PLANS[i].outcome),
                                 sp_light_name(p->light), sp_reason_words(p->reason), p->met, p->raise_goal,
                                 p->baselining, p->misses_in_a_row, p->days_since_data);
                if (w > 0)
                    used += (size_t)w < reportlen - used ? (size_t)w : reportlen - used - 1;
            }
        }
        sp_goal_view_clear(&v);
    }
    sqlite3_finalize(q);
    sp_goal_reader_free(r);
    return rc;
}
