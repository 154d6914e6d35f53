/* app_internal.h — what the screens of the kiosk app share: the app struct, the screen table
 * and helpers for drawing common parts (header, message pages).
 *
 * Each screen is one file with one kiosk_screen descriptor: a name, whether it shows a
 * signed-in person's data (then the idle timeout applies), and callbacks for entering, drawing,
 * acting on a tapped or focused target, going back, keys it handles itself, scrolling, and a
 * timer (deadline + what to do when it passes). A new screen is one more file and one more
 * line in the table in app.c. */
#ifndef KIOSK_APP_INTERNAL_H
#define KIOSK_APP_INTERNAL_H

#include "app/app.h"
#include "app/mastery.h"
#include "app/saving.h"
#include "app/scan_guard.h"
#include "app/session.h"
#include "app/theme.h"
#include "celebrations.h"
#include "goals.h"
#include "i18n.h"
#include "languages.h"
#include "reflect.h"
#include "ui/keyboard.h"
#include "ui/ui.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

typedef enum {
    KIOSK_SCREEN_SCAN,
    KIOSK_SCREEN_WELCOME,
    KIOSK_SCREEN_GOALS,
    KIOSK_SCREEN_GOAL,
    KIOSK_SCREEN_DONE,
    KIOSK_SCREEN_TIMEOUT,
    KIOSK_SCREEN_TEACHER,
    KIOSK_SCREEN_TEACHER_TODAY,
    KIOSK_SCREEN_UNKNOWN,
    KIOSK_SCREEN_REVOKED,
    KIOSK_SCREEN_COOLDOWN,
    KIOSK_SCREEN_DB,
    KIOSK_SCREEN_BUSY,
    KIOSK_SCREEN_SAVING,
    KIOSK_SCREEN_SELF_CHECK,
    KIOSK_SCREEN_TYPE,
    KIOSK_SCREEN_NEXT_STEP,
    KIOSK_SCREEN_MASTERY,
    KIOSK_SCREEN_MASTERY_TARGET,
    KIOSK_SCREEN_CELEBRATION,
    KIOSK_SCREEN_WINS,
    KIOSK_SCREEN_COUNT
} kiosk_screen_id;

/* Action ids shared by screens; screens number their own from KIOSK_ACT_SCREEN and cards from
 * KIOSK_ACT_CARD. */
enum { KIOSK_ACT_BACK = 1, KIOSK_ACT_DONE = 2, KIOSK_ACT_OK = 3, KIOSK_ACT_READ = 4, KIOSK_ACT_MORE = 5,
       KIOSK_ACT_SCREEN = 10,
       KIOSK_ACT_CARD = 1000 };

typedef struct {
    const char *name;
    bool in_session;
    void (*enter)(sp_app *app, uint64_t now);
    void (*frame)(sp_app *app, sp_ui *ui, uint64_t now);
    void (*action)(sp_app *app, int id, uint64_t now);
    void (*back)(sp_app *app, uint64_t now);      /* Escape */
    void (*tap)(sp_app *app, uint64_t now);       /* a tap on no target, or Enter with nothing focused */
    bool (*key)(sp_app *app, sp_app_key key, uint64_t now); /* true if the screen used the key */
    void (*scroll)(sp_app *app, int dy);
    uint64_t (*deadline)(const sp_app *app, uint64_t now); /* UINT64_MAX when none */
    void (*timer)(sp_app *app, uint64_t now);              /* the deadline has passed */
    void (*text)(sp_app *app, const char *utf8, uint64_t now); /* typed text (SP_EV_TEXT), NUL-terminated */
} kiosk_screen;

extern const kiosk_screen kiosk_screen_scan, kiosk_screen_welcome, kiosk_screen_goals, kiosk_screen_goal,
    kiosk_screen_done, kiosk_screen_timeout, kiosk_screen_teacher, kiosk_screen_teacher_today, kiosk_screen_unknown,
    kiosk_screen_revoked, kiosk_screen_cooldown, kiosk_screen_db, kiosk_screen_busy;
extern const kiosk_screen kiosk_screen_saving, kiosk_screen_self_check;

/* A self-check being answered (screen_self_check.c); lives in kiosk_person so a session end
 * wipes it. */
typedef struct {
    bool active;
    int goal;                /* index into kiosk_person.goals */
    int page;                /* question shown */
    int from_screen;         /* where "How did it go?" was tapped (goal card list or detail) */
    sp_scale scale;
    int rating;              /* 0 until chosen */
    int used_strategy;       /* -1 not asked or skipped, 0 no, 1 yes */
    char obstacle[SP_ANSWER_MAX_BYTES];
    char next[SP_ANSWER_MAX_BYTES];
    sp_chips chips;
} kiosk_check_draft;

extern const kiosk_screen kiosk_screen_type, kiosk_screen_next_step;
extern const kiosk_screen kiosk_screen_mastery, kiosk_screen_mastery_target;
extern const kiosk_screen kiosk_screen_celebration, kiosk_screen_wins;

/* The moments of this visit (screen_celebration.c): the student's unseen celebrations and
 * shout-outs, newest first, at most KIOSK_MOMENTS_PER_VISIT (the rest wait for the next visit),
 * and "My wins" (screen_wins.c). Both live in kiosk_person, so a session end wipes them. */
#define KIOSK_MOMENTS_PER_VISIT 3
#define KIOSK_WINS_MAX 60
typedef struct {
    sp_celebration_row *rows; /* unseen at sign-in (owned) */
    size_t n;
    int index;                /* the moment on screen */
    bool settled;             /* a tap skipped the animation */
    sp_celebration_row *wins; /* My wins, loaded when the page opens (owned) */
    size_t nwins;
    int wins_scroll, wins_max_scroll;
} kiosk_moments;

/* The "type your answer" screen's draft (screen_type.c). dest points into kiosk_person too. */
typedef struct {
    sp_answer_field field;   /* the text being typed */
    sp_keyboard kb;
    char question[SP_ANSWER_MAX_BYTES];
    char *dest;              /* where "Use this" copies the text */
    size_t dest_cap;
    int back_to;             /* kiosk_screen_id */
} kiosk_typing;

/* "Set my next step" in progress (screen_next_step.c): the four answers of the goal-setting
 * script for one goal. */
#define KIOSK_NEXT_STEP_QUESTIONS 4
typedef struct {
    int goal;                /* index into kiosk_person.goals, -1 when no flow is open */
    int page;                /* 0..3 the questions, 4 the plan to save */
    char answer[KIOSK_NEXT_STEP_QUESTIONS][SP_ANSWER_MAX_BYTES];
    sp_chips chips;          /* obstacle and next-step chips of the goal */
    char know[SP_CHIP_MAX][SP_CHIP_BYTES]; /* "How will we know?" chips from the goal and the student's words */
    size_t nknow;
} kiosk_next_step;

/* What the kiosk adapts to for a student: the grade (the self-check scale) and the reading
 * supports of SPEC section 2. */
typedef struct {
    int grade;               /* students.grade: 0 kindergarten .. 12 */
    bool read_aloud;         /* read-aloud support: "Read to me" in the header */
    char home_language[36];  /* students.home_language */
    char kiosk_language[36]; /* students.kiosk_language: the kiosk's words ('' = the school's) */
    char family_language[36]; /* conference mode: the family's choice ('' = none), this session only */
    bool dyslexia_font;      /* OpenDyslexic while this student is signed in */
    kiosk_look look;         /* large text, high contrast */
} kiosk_profile;

/* Who is signed in. Everything here is freed and zeroed when the session ends. */
typedef struct {
    bool active;
    bool teacher;            /* a staff member in the teacher menu */
    bool confirm_exit;       /* the teacher menu asks "Close the kiosk?" */
    long long holder_id;     /* students.id or staff.id */
    long long log_key;       /* kiosk_log entry */
    char *name;              /* preferred name (owned) */
    sp_goal_view *goals;     /* kiosk-visible goals (owned) */
    size_t ngoals;
    char (*goal_lang)[SP_LANG_MAX]; /* per goal: the language its student_text is in (owned) */
    int open_goal;           /* index shown by the goal screen */
    int scroll;              /* goal list scroll offset in pixels */
    int detail_scroll;       /* goal page scroll offset (large text may not fit the screen) */
    int detail_max_scroll;   /* how far the goal page can scroll, from its last frame */
    kiosk_who *who;          /* teacher's "who signed in today" (owned) */
    size_t nwho;
    kiosk_profile profile;   /* grade and reading supports */
    kiosk_check_draft check;
    kiosk_typing typing;
    kiosk_next_step next_step;
    kiosk_mastery mastery;   /* "My learning targets" (mastery.h) */
    kiosk_moments moments;   /* celebrations of this visit and My wins */
} kiosk_person;

#define KIOSK_DB_RETRY_MS 3000
#define KIOSK_TYPED_CODE_MS 20000
#define KIOSK_BUSY_RETRY_MS 100
#define KIOSK_BUSY_GIVE_UP_MS 5000
#define KIOSK_LOG_RETRY_MS 500
#define KIOSK_BUSY_TIMEOUT_MS 20

struct sp_app {
    /* Language (language.c): the school's, and the one the kiosk speaks now. */
    char school_language[36];
    char language[36];       /* the catalog in force: the student's when installed, else the school's */
    bool rtl;                /* language is written right to left: the layout mirrors */

    /* Configuration (strings copied). */
    char db_path[1024];
    int idle_ms, warn_ms;
    int today_override;
    int tz_min;
    sp_text_metrics metrics;
    kiosk_theme theme;
    sp_ui ui;

    /* Database: NULL while unavailable; reopened by the db screen's timer. */
    sqlite3 *db;
    sp_goal_reader *reader;
    uint64_t db_retry_at;
    char db_error[256];
    kiosk_log log;
    uint64_t log_retry_at;

    /* Screen state. */
    int screen;
    int resume_screen;        /* where the timeout warning returns to */
    uint64_t screen_at;       /* when the current screen was entered */
    bool redraw;
    bool no_motion;           /* page transitions off (sp_app_set_motion) */
    bool purge;
    bool exit;
    uint64_t last_input;
    uint64_t last_now;        /* latest time passed in (the close time of a session at exit) */
    long long drawn_minute;   /* clock minute in the last frame (scan screen) */
    uint64_t drawn_at;        /* time of the last frame (animations step from it) */
    long long drawn_seconds;  /* countdown seconds in the last frame */

    kiosk_person person;
    bool dyslexic_font;       /* the signed-in student reads with OpenDyslexic */
    bool font_request;        /* dyslexic_font changed: the renderer should switch faces */

    /* Unknown scans within the window, and the cool-down they started. */
    sp_scan_guard guard;

    /* A badge code typed by hand on the scan screen (shown only as dots), and when the last
     * key came: a half-typed code is forgotten after KIOSK_TYPED_CODE_MS. */
    char typed_code[64];
    uint64_t typed_at;

    /* A scan that met a locked database, retried by the busy screen. */
    bool pending;
    char pending_payload[64];
    uint64_t pending_since, pending_retry_at;

    kiosk_saving saving;     /* the saving screen (saving.c) */

    /* Which page of a choice grid shows ("More choices", choices.c): the page belongs to the
     * list of choices it was turned on, so another question starts at its first page. */
    const void *chip_page_of;
    int chip_page;

    /* "Read to me" (read_aloud.c). The words wait here only between the frame that gathered
     * them and sp_app_take_speech, which wipes them. */
    bool speech_available;    /* the platform can speak (sp_app_set_read_aloud) */
    bool speech_wanted;       /* the button was pressed: the next frame's words are gathered */
    bool speech_ready;        /* speech_text holds words for the platform */
    bool speech_stop;         /* the platform should fall silent */
    bool speaking;            /* words were handed over since the last stop */
    char speech_text[SP_APP_SPEECH_MAX];   /* the parts, NUL-separated */
    size_t speech_nparts;
    struct {
        size_t start;
        char lang[36];
    } speech_part[SP_APP_SPEECH_PARTS];
    bool (*has_voice)(void *user, const char *lang); /* sp_app_set_voices; NULL: every language */
    void *voice_user;
    struct {
        char lang[36];
        bool yes;
    } voice_known[8];        /* its answers, asked once per language (round robin) */
    size_t voice_next;

    /* The celebration chime (a per-kiosk switch): asked for when a moment appears, taken by the
     * platform with sp_app_take_chime. */
    bool chime_on;
    bool chime_wanted;
};

/* app.c */
void kiosk_go(sp_app *app, kiosk_screen_id screen, uint64_t now);
void kiosk_end_session(sp_app *app, const char *reason, uint64_t now);
/* Theme, font and language for whoever is signed in (a student's reading supports and kiosk
 * language) and the window size. */
void kiosk_apply_look(sp_app *app);

/* language.c: the kiosk language of whoever is signed in (the school's for everyone else). */
void kiosk_apply_language(sp_app *app);
/* Conference mode: the family's choice of language (a tag; NULL or "" goes back to the
 * student's) for every word until the session ends, read-aloud included. */
void kiosk_language_for_family(sp_app *app, const char *tag);
int kiosk_today(const sp_app *app, uint64_t now);
/* Handles a scan (also used to retry a pending one). */
void kiosk_scan(sp_app *app, const char *payload, uint64_t now);
void kiosk_db_lost(sp_app *app, const char *why, uint64_t now);
bool kiosk_db_try_open(sp_app *app);

/* Common drawing (app.c). The header has an optional Back button on the left, a title, and an
 * optional "I'm done" button on the right, with "Read to me" beside it for a student who has
 * read-aloud; returns the content area below it. */
sp_rect kiosk_header(sp_app *app, sp_ui *ui, const char *title, bool back, bool done);
/* The same, leaving `reserve` pixels left of "Read to me" / "I'm done" for a button the screen
 * draws in the header row itself. */
sp_rect kiosk_header_reserve(sp_app *app, sp_ui *ui, const char *title, bool back, bool done, int reserve);
/* A title in the header's row r: the title size or a step or two smaller on one line, else two
 * lines of body size; cut only when even that does not fit. */
void kiosk_header_title(sp_app *app, sp_ui *ui, sp_rect r, const char *title, sp_align align);
/* Width of Back and "I'm done" in the header. */
int kiosk_header_button_w(const sp_app *app);
/* Width "Read to me" takes in that header (0: not offered). */
int kiosk_header_read_w(const sp_app *app, const char *title, bool back, bool done, int reserve);
/* The widest title the header can show between its buttons (with "Read to me" as an icon). */
int kiosk_header_title_room(const sp_app *app, bool back, bool done);

/* read_aloud.c: "Read to me". */
bool kiosk_read_aloud_offered(const sp_app *app);
/* Width of the button in a header with this title and room: the words and the speaker when
 * they fit beside the title, else the speaker alone; 0 when the button is not offered. */
int kiosk_read_button_w(const sp_app *app, const char *title, int room);
void kiosk_read_button(sp_app *app, sp_ui *ui, sp_rect r);
/* The button was pressed: the words of the next frame go to the platform. */
void kiosk_read_aloud_request(sp_app *app);
/* After a frame: gathers its words if they were asked for. */
void kiosk_read_aloud_frame(sp_app *app, const sp_draw_list *dl);
/* The words on screen changed (another screen, a session end): stop speaking, forget them. */
void kiosk_read_aloud_stop(sp_app *app);
/* Gathers what a frame says into app->speech_text, in reading order, as sentences in parts by
 * language (see read_aloud.c); returns the number of parts that have a voice. */
size_t kiosk_screen_words(sp_app *app, const sp_draw_list *dl, int header_bottom);
/* A centred message page: title, body, optional status line and an optional button. */
void kiosk_message_page(sp_app *app, sp_ui *ui, const char *icon, const char *title, const char *body,
                        const char *status, const char *button, sp_color title_color);
/* Page Down / Page Up (by `page` pixels), Home and End on a page that scrolls: moves *scroll and
 * keeps it within 0..max_scroll. Returns false for any other key. */
bool kiosk_page_key(int *scroll, int max_scroll, int page, sp_app_key k);
/* When a countdown to `end` that shows drawn_seconds must be drawn again. */
uint64_t kiosk_countdown_deadline(uint64_t end, long long drawn_seconds);
long long kiosk_seconds_left(uint64_t end, uint64_t now);

/* screen_type.c: opens the typing screen for `question`; the text being typed starts as *dest.
 * "Use this" (or Enter) copies the text into dest (dest_cap bytes, <= SP_ANSWER_MAX_BYTES) and
 * returns to `back_to`; Back/Escape returns without changing dest. The draft lives in
 * kiosk_person and is wiped at session end; dest must live there too. */
void kiosk_type_answer(sp_app *app, const char *question, char *dest, size_t dest_cap, kiosk_screen_id back_to,
                       uint64_t now);

/* screen_self_check.c: "How did it go?" for goal index `goal`; afterwards (saved or left) it
 * returns to from_screen (KIOSK_SCREEN_GOAL or KIOSK_SCREEN_GOALS). */
void kiosk_self_check_start(sp_app *app, int goal, int from_screen, uint64_t now);

/* screen_next_step.c: starts "Set my next step" for goal index `goal` of the signed-in student. */
void kiosk_next_step_open(sp_app *app, int goal, uint64_t now);

/* screen_celebration.c: loads the signed-in student's unseen moments (a failure leaves them for
 * the next visit); the screen after the greeting (the first moment, or My goals). */
void kiosk_moments_load(sp_app *app, long long student_id);
kiosk_screen_id kiosk_after_welcome(const sp_app *app);

/* model.c: loading what a signed-in person sees; goal texts in the student's kiosk language when
 * the teacher gave them in it (goal_lang: the language of each goal's student_text, owned). */
int kiosk_model_load_student(sp_app *app, long long student_id, int today, char **name, sp_goal_view **goals,
                             size_t *ngoals, kiosk_profile *profile, char (**goal_lang)[SP_LANG_MAX]);
void kiosk_model_free(kiosk_person *p);
const char *kiosk_category_words(const char *category);
/* "March 17" */
void kiosk_date_words(int day, char *out, size_t len);
/* Short number: 2, 2.5, 65% (unit appended only for "%"). */
void kiosk_value_words(double v, const char *unit, char *out, size_t len);
/* Traffic light as a dot and words, or the baselining / met message (screen_goals.c). */
void kiosk_goal_status(sp_app *app, sp_ui *ui, sp_rect r, const sp_goal_view *v, int size, int max_lines);
/* Width the status (dot and words) takes on one line at this text size. */
int kiosk_goal_status_width(const sp_app *app, const sp_goal_view *v, int size);
/* Day of the next check from the review cadence. */
int kiosk_next_check_day(const sp_goal_view *v, int today);

#endif
