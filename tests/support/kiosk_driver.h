/* kiosk_driver.h — drives the kiosk app in-process for the ui tests, as a student would: one
 * app, the draw list of its last frame and a virtual clock (the kd context below), with the
 * gestures (tap, key, type, scan, wait) and the looks at the frame (its texts, the screen's name)
 * that the tests are written in.
 *
 * Text is measured by a fixed-width fake, half the pixel size per character and 5/4 of it per
 * line, so no SDL or font is needed and expected widths can be worked out by hand. Events go
 * through sp_app_handle at kd.now, and a frame is drawn whenever the app asks for one, as the
 * platform layer does. */
#ifndef SP_KIOSK_DRIVER_H
#define SP_KIOSK_DRIVER_H

#include "test_support.h"

#include "app/app.h"
#include "ui/draw_list.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    sp_app *app;            /* the kiosk under test; NULL until kd_start_app */
    sp_draw_list *dl;       /* the last frame drawn */
    uint64_t now;           /* virtual clock, Unix time in ms; only the tests and kd_* move it */
    const char *db_path;    /* the database kd_start_app opens */
    const char *kiosk_name; /* shown on the scan screen and written to the kiosk log */
    uint64_t tap_ms;        /* virtual time that passes before each tap lands (0: none) */
    bool fresh_frames;      /* draw a frame before each look at the screen; when off, a look sees
                               the last frame the app asked for, so a missed redraw fails a test */
} kd_driver;

extern kd_driver kd;

/* The fixed-width fake: every code point is size / 2 px wide, a line is size * 5 / 4 px. */
int kd_fake_width(void *user, const char *text, size_t len, int size, sp_font_style style);
extern const sp_text_metrics kd_metrics;

/* Resets kd for a database and kiosk name, with the clock at now and an empty draw list.
 * Returns 0, or -1 when the draw list cannot be allocated. */
int kd_begin(const char *db_path, const char *kiosk_name, uint64_t now);
/* Frees the app (if any) and the draw list. */
void kd_end(void);
/* Starts the app at w x h on kd.db_path and draws its first frame; any earlier app must have
 * been freed (kd_stop_app). */
void kd_start_app(int w, int h);
void kd_stop_app(void);

/* ---- gestures ---- */
void kd_draw(void);
/* Hands the app one event at kd.now, then draws if it asks to. */
void kd_event(sp_app_event ev);
void kd_tap(int x, int y);
void kd_key(sp_app_key k);
/* The whole string in one SP_EV_TEXT event (a paste, or a wedge scanner typing a code). */
void kd_type_text(const char *s);
/* One SP_EV_TEXT event per character, as SDL_TEXTINPUT delivers a physical keyboard's keys. */
void kd_type_chars(const char *s);
/* Lets ms pass in steps, as the platform would: wake at each deadline, tick, draw if needed. */
void kd_wait_ms(uint64_t ms);
/* Scans the badge with this token (its printed payload, checksum and all). */
void kd_scan_token(const char *token);
/* Scans exactly this text, as a scanner would deliver a foreign or damaged code. */
void kd_scan_raw(const char *text);
/* On a celebration moment: "Next" through every moment of the visit (elsewhere: nothing). */
void kd_past_celebrations(void);
/* Scans the student's active badge (looked up in db), waits out the greeting, moves on from any
 * celebration moments with "Next" and expects "goals". */
void kd_sign_in(sqlite3 *db, const char *sis);

/* ---- looks at the frame ---- */
/* All texts of the frame joined by spaces: a wrapped paragraph reads as it was written. */
const char *kd_screen_text(void);
/* Whether one text of the frame contains needle. */
bool kd_on_screen(const char *needle);
/* Taps the middle of the first text containing needle; fails the test if there is none. */
void kd_tap_text(const char *needle);
void kd_expect_screen(const char *name);
void kd_expect_text(const char *needle);
void kd_expect_no_text(const char *needle);
int kd_count_kind(sp_cmd_kind kind);
/* Whether needle occurs in n bytes of memory ("nothing of the draft is left in the app"). */
bool kd_bytes_contain(const void *mem, size_t n, const char *needle);

/* ---- the demo school ---- */
/* Builds the demo school at db_path with the real admin tool and gives every student a badge
 * ($SIGNPOST_NOW sets its "today"). */
void kd_demo_school(const char *db_path);
long long kd_student_id(sqlite3 *db, const char *sis);
/* The student's first kiosk-visible goal made from a demo template. */
long long kd_goal_id(sqlite3 *db, const char *sis, const char *template_key);

#endif
