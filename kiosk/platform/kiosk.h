/* kiosk.h — running the kiosk: the SDL window and its event loop, plus helpers the replay
 * harness shares with it (clock, frame trace). */
#ifndef SP_KIOSK_H
#define SP_KIOSK_H

#include "app/app.h"
#include "render/render.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

typedef struct {
    const char *db_path;
    const char *kiosk_name;
    bool windowed;          /* a 1280x800 (or --size) window; closing it exits (dev mode) */
    int width, height;      /* --size (0: 1280x800 when windowed) */
    int timeout_s;          /* idle timeout (0: the app's default) */
    const char *camera;     /* /dev/videoN or NULL */
    bool dyslexic;          /* OpenDyslexic as primary face */
    bool no_chime;          /* --no-chime: celebrations play no sound on this kiosk */
} sp_kiosk_options;

/* Outcome of sp_kiosk_run when no display could be opened (main prints the hint). */
#define SP_KIOSK_NO_DISPLAY 3

/* Opens the window and runs until the app wants to exit. Returns 0, 1 on a runtime error, or
 * SP_KIOSK_NO_DISPLAY. */
int sp_kiosk_run(const sp_kiosk_options *opt);

/* Milliseconds since the Unix epoch from the system clock. */
uint64_t sp_kiosk_epoch_ms(void);
/* Local time minus UTC in minutes at the given Unix time (from the TZ settings). */
int sp_kiosk_tz_offset_min(uint64_t epoch_ms);

/* Builds, draws and presents one frame at now_ms. First it does what the app asked of the
 * renderer: drop cached text after a sign-out, and switch to or from the dyslexia-friendly face
 * for a student who reads with it (kiosk_dyslexic: the whole kiosk already does), so the frame is
 * measured with the face it is drawn with. Shared by the window loop and the replay harness. */
void sp_kiosk_present(sp_app *app, sp_render *render, SDL_Renderer *ren, sp_draw_list *dl, FILE *trace,
                      uint64_t now_ms, bool kiosk_dyslexic);

struct sp_speech;
/* Hands the app's read-aloud requests to the speech worker: "stop" first, then new words (the
 * copy made on the way is wiped). The window loop calls it after each frame; the replay harness
 * takes the requests itself and records them. */
void sp_kiosk_speech(sp_app *app, struct sp_speech *speech);
/* True when espeak-ng has a voice for lang (sp_app_set_voices' question; the app remembers). */
bool sp_kiosk_has_voice(void *user, const char *lang);

/* Appends one line per frame to the trace file ($SIGNPOST_KIOSK_TRACE, tests only: it contains
 * the texts on screen): "<ms> <screen> | text | text ...". */
void sp_kiosk_trace_frame(FILE *trace, uint64_t now_ms, const char *screen, const sp_draw_list *dl);

#endif
