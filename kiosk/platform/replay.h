/* replay.h — the headless harness: runs a scripted kiosk session in virtual time and writes
 * screenshots, with no display (SDL dummy video driver, software renderer on a surface).
 *
 * Script: one command per line, '#' starts a comment.
 *     size W H                   screen size (default 1280 800); later in a script it turns the screen
 *     now 2026-11-23T09:00:00    virtual clock start, UTC (default: that date)
 *     scan PAYLOAD               a badge scan as a USB scanner delivers it
 *     scan-student SIS_ID        scan the active badge of that student (looked up in the db)
 *     scan-staff STAFF_CODE      scan the active badge of that staff member
 *     tap X Y                    a tap at X,Y
 *     tap-text "TEXT"            a tap on the centre of the first text containing TEXT
 *     key NAME                   tab shift-tab enter escape left right up down backspace
 *                                pageup pagedown home end
 *     tap-target N               a tap on the centre of the app's Nth touch target (focus order)
 *     scroll DY                  scroll the list by DY pixels (positive: further down)
 *     type TEXT                  typed text
 *     wait MS                    let MS virtual milliseconds pass (timers fire in order)
 *     shot NAME                  write SHOTS/NAME.png
 *     expect-text "TEXT"         fail unless some text on screen contains TEXT
 *     expect-no-text "TEXT"      fail if any text on screen contains TEXT
 *     expect-screen NAME         fail unless the app's current screen is NAME
 *     expect-touch-targets PX    fail if any touch target is smaller than PX x PX
 *     expect-cache-clean "TEXT"  fail if the renderer's text cache holds a text containing TEXT
 *     expect-speech "TEXT"       fail unless the last words the app asked to read aloud contain
 *                                TEXT (read aloud is recorded, never played: no audio device)
 *     expect-layout-clean        fail on any problem of ui/layout_check.h in the current frame: cut
 *                                titles, buttons or chips; overlapping text; touch targets under
 *                                64 px or off screen; text under 4.5:1 contrast (7:1 in high contrast)
 *     motion on|off              page transitions (off by default here, so shots show settled pages)
 *     pixels on|off              off: frames are built and checked but not rendered (fast checks;
 *                                a shot still renders its frame)
 *     expect-voice LANG "TEXT"   fail unless a part of those words containing TEXT is said in
 *                                LANG's voice (the kiosk language, or a teacher text's own)
 *     expect-chimes N            fail unless the app asked for the celebration chime N times so
 *                                far (recorded, never played)
 */
#ifndef SP_REPLAY_H
#define SP_REPLAY_H

#include "app/app.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct {
    const char *db_path;
    const char *kiosk_name;
    const char *shots_dir;  /* where shot writes PNGs (NULL: shots are skipped) */
    int timeout_s;          /* idle timeout (0: app default) */
    bool no_chime;          /* the kiosk's --no-chime */
    FILE *log;              /* one line per command (NULL: quiet) */
} sp_replay_options;

typedef struct sp_replay sp_replay;

/* Sets SDL_VIDEODRIVER=dummy if unset, initialises SDL and SDL_ttf. NULL + err on failure. */
sp_replay *sp_replay_new(const sp_replay_options *opt, char *err, size_t errlen);
void sp_replay_free(sp_replay *r);

/* Runs one script line. Returns 0, or -1 with a message in err (a failed expectation, a bad
 * command, a missing student). */
int sp_replay_line(sp_replay *r, const char *line, char *err, size_t errlen);
/* Runs a whole script file; err names the line that failed. */
int sp_replay_file(sp_replay *r, const char *path, char *err, size_t errlen);

/* Delivers one app event at the current virtual time and draws the frame if the app needs one
 * (what the window loop does after input). */
void sp_replay_event(sp_replay *r, const sp_app_event *ev);
/* Builds and renders the current frame now. */
void sp_replay_draw(sp_replay *r);
/* Looks up a student's active badge payload by SIS id; false if none. */
bool sp_replay_student_payload(sp_replay *r, const char *sis_id, char *payload, size_t len);

sp_app *sp_replay_app(sp_replay *r);
const sp_draw_list *sp_replay_draw_list(const sp_replay *r);
struct sp_render *sp_replay_renderer(sp_replay *r);
uint64_t sp_replay_now(const sp_replay *r);

#endif
