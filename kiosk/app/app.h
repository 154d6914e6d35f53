/* app.h — the kiosk application: screens as a state machine driven by events and a clock
 * passed in. It never reads the wall clock or touches SDL, so tests drive it in virtual time.
 *
 * The platform layer (or a test, or the --replay harness) feeds sp_app_event values with the
 * current time in milliseconds, asks for a frame when sp_app_needs_redraw() says so, and
 * blocks until sp_app_next_deadline() when nothing happens. */
#ifndef SP_APP_H
#define SP_APP_H

#include "ui/draw_list.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

typedef enum {
    SP_EV_SCAN,      /* a complete badge payload from the wedge detector or the camera */
    SP_EV_POINTER,   /* a tap or click (down+up) at x,y */
    SP_EV_KEY,       /* navigation key: see sp_app_key */
    SP_EV_TEXT,      /* typed text (UTF-8) for a focused text field */
    SP_EV_RESIZE,    /* window is now w x h */
    SP_EV_TICK,      /* time passed; nothing else */
    SP_EV_QUIT,      /* window closed by the system (not an exit path for students) */
    SP_EV_SCROLL,    /* scroll the current list by y pixels (positive shows content further down:
                        a finger dragged upward by d pixels is y = +d; one wheel notch about 80) */
} sp_app_event_kind;

typedef enum { SP_KEY_TAB, SP_KEY_SHIFT_TAB, SP_KEY_ENTER, SP_KEY_ESCAPE, SP_KEY_LEFT, SP_KEY_RIGHT,
               SP_KEY_UP, SP_KEY_DOWN, SP_KEY_BACKSPACE, SP_KEY_PAGE_UP, SP_KEY_PAGE_DOWN, SP_KEY_HOME,
               SP_KEY_END } sp_app_key;

typedef struct {
    sp_app_event_kind kind;
    int x, y;            /* POINTER */
    int w, h;            /* RESIZE */
    sp_app_key key;      /* KEY */
    char text[64];       /* SCAN payload or TEXT input */
} sp_app_event;

typedef struct {
    const char *db_path;       /* database file (opened and reopened by the app) */
    const char *kiosk_name;    /* shown on the scan screen and written to the kiosk log */
    int idle_timeout_ms;       /* default 60000 */
    int warning_ms;            /* countdown before timeout, default 10000 */
    int width, height;         /* initial size */
    int today_override;        /* day number to use as "today" for progress (0 = from clock) */
    int tz_offset_min;         /* local time minus UTC in minutes, for the clock and "today" */
    bool no_chime;             /* this kiosk plays no celebration chime (--no-chime) */
} sp_app_config;

typedef struct sp_app sp_app;

sp_app *sp_app_new(const sp_app_config *cfg, const sp_text_metrics *metrics, uint64_t now_ms);
void sp_app_free(sp_app *app);

/* now_ms is Unix time in milliseconds (UTC): the clock on the scan screen, "today" and the
 * kiosk log's timestamps come from it. It must never go backwards. */
void sp_app_handle(sp_app *app, const sp_app_event *ev, uint64_t now_ms);
/* Builds the frame for now_ms into dl. */
void sp_app_frame(sp_app *app, sp_draw_list *dl, uint64_t now_ms);
bool sp_app_needs_redraw(const sp_app *app, uint64_t now_ms);
/* Milliseconds (absolute, same clock as now_ms) of the next timer/animation; UINT64_MAX if none. */
uint64_t sp_app_next_deadline(const sp_app *app, uint64_t now_ms);
/* The teacher chose "Exit kiosk" (or SP_EV_QUIT arrived). */
bool sp_app_wants_exit(const sp_app *app);
/* Name of the current screen ("scan", "welcome", "goals", "goal", "done", "timeout-warning",
 * "teacher", "unknown-badge", "revoked-badge", "cooldown", "db-unavailable", ...). */
const char *sp_app_screen_name(const sp_app *app);

/* The layout check (ui/layout_check.h) on the last frame dl: touch targets of 64 px, contrast
 * 4.5:1 (7:1 for a student with high contrast). Returns the number of problems, described in msg. */
int sp_app_layout_check(const sp_app *app, const sp_draw_list *dl, char *msg, size_t len);

/* Page transitions on (the default) or off: off, every frame shows the page settled (reduced
 * motion, and the replay harness's screenshots). */
void sp_app_set_motion(sp_app *app, bool on);

/* The renderer that measures text was replaced (a new screen surface): measure with m from now on. */
void sp_app_set_metrics(sp_app *app, const sp_text_metrics *m);

/* A student whose reading supports ask for the dyslexia-friendly font signed in, or signed out:
 * returns true once per change with the face to use (*dyslexic), and the renderer's owner
 * switches faces before the next frame is built, so text is measured with the face it is drawn
 * with. */
bool sp_app_take_font_request(sp_app *app, bool *dyslexic);
/* The language the kiosk's words are in now (a tag such as "en", "es", "ar"), and whether it is
 * written right to left (the renderer then gives lines without letters that direction). */
const char *sp_app_language(const sp_app *app);
bool sp_app_rtl(const sp_app *app);

/* Called by the renderer's owner after a sign-out so cached textures of student text are
 * dropped; the app sets this flag when a session ends. */
bool sp_app_take_purge_request(sp_app *app);

/* Read aloud. The platform says whether it can speak (a voice and an audio device); only then
 * does a signed-in student whose reading supports include read-aloud get "Read to me" in the
 * header of the student screens. */
void sp_app_set_read_aloud(sp_app *app, bool available);

/* Longest text sp_app_take_speech hands over, NUL included. */
#define SP_APP_SPEECH_MAX 8192

/* Which languages the platform has a voice for. Without it every language is taken to have one;
 * with it, a kiosk language without a voice turns "Read to me" into a button that says so. */
void sp_app_set_voices(sp_app *app, bool (*has_voice)(void *user, const char *lang), void *user);

/* Parts of the words to say, each in one language (at most this many). */
#define SP_APP_SPEECH_PARTS 24
typedef struct {
    const char *text; /* points into the caller's buffer */
    char lang[36];    /* the voice: the kiosk language, or the language a teacher's text is in */
} sp_app_speech_part;

/* After "Read to me": once, the words of the screen in reading order, as sentences (titles, body
 * and student text, status words, labels and the words of answer choices; not the captions of
 * buttons), as parts in the language each was written in: the kiosk's words in the kiosk
 * language, a goal in the language its text is in. Parts in a language without a voice are left
 * out. The words are wiped from the app as they are copied into out (NUL-separated, at most cap
 * bytes, cut at a word). Returns the number of parts (0: nothing to say). */
size_t sp_app_take_speech(sp_app *app, char *out, size_t cap, sp_app_speech_part *parts, size_t max);

/* True once after the words being spoken went stale: the session ended (I'm done, timeout,
 * another badge) or the student moved to another screen. The platform silences at once. */
bool sp_app_take_speech_stop(sp_app *app);

/* True once each time a celebration moment appears on a kiosk whose chime is on: the platform
 * plays the chime (and plays nothing when there is no audio device). */
bool sp_app_take_chime(sp_app *app);

/* Tappable rectangles of the last frame (buttons and cards), in keyboard focus order. Writes at
 * most max into out and returns how many there are. For tests and the replay harness. */
size_t sp_app_touch_targets(const sp_app *app, sp_rect *out, size_t max);

#endif
