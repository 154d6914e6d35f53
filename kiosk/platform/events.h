/* events.h — SDL events to sp_app events.
 *
 * Keyboard input goes through the scan detector (scan_wedge.h) first: a USB badge scanner is a
 * keyboard that types the payload and Enter in one fast burst; such a burst becomes one
 * SP_EV_SCAN, and everything else is passed on as SP_EV_TEXT / SP_EV_KEY. Touch and mouse become SP_EV_POINTER in renderer pixels; the
 * synthetic mouse events SDL makes from touches are dropped so a tap counts once. A finger that
 * moves more than SP_EVENTS_DRAG_PX before lifting scrolls (SP_EV_SCROLL) instead of tapping; the
 * mouse wheel scrolls too. */
#ifndef SP_EVENTS_H
#define SP_EVENTS_H

#include "app/app.h"
#include "platform/scan_wedge.h"

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#define SP_EVENTS_MAX_OUT 8
#define SP_EVENTS_DRAG_PX 16
#define SP_EVENTS_WHEEL_PX 80

typedef struct {
    sp_wedge wedge;     /* tells scanner bursts from typing (times: SDL event timestamps, ms) */
    int out_w, out_h;   /* renderer output size in pixels */
    int win_w, win_h;   /* window size in screen coordinates (mouse events use these) */
    bool saw_touch;     /* a finger event arrived: the cursor is hidden from then on */
    bool finger_down;   /* a finger is on the screen ... */
    bool dragging;      /* ... and has moved far enough to be a scroll, not a tap */
    float drag_dy;      /* movement since the finger went down, in pixels */
} sp_events;

void sp_events_init(sp_events *t, int out_w, int out_h, int win_w, int win_h);

/* Translates one SDL event into up to SP_EVENTS_MAX_OUT app events; returns how many. */
size_t sp_events_translate(sp_events *t, const SDL_Event *ev, sp_app_event *out);

/* Releases what the scan detector holds once its wait is over (now_ticks: SDL_GetTicks()). */
size_t sp_events_tick(sp_events *t, uint64_t now_ticks, sp_app_event *out);
/* SDL_GetTicks() value at which sp_events_tick must run next; 0 when nothing is held. */
uint64_t sp_events_deadline(const sp_events *t);

/* Builds app events for the replay harness and tests. */
sp_app_event sp_events_key(sp_app_key key);
sp_app_event sp_events_pointer(int x, int y);
sp_app_event sp_events_scan(const char *payload);
sp_app_event sp_events_scroll(int dy);
/* Parses "tab", "enter", "escape", "left", "pagedown", ... (false if unknown). */
bool sp_events_key_by_name(const char *name, sp_app_key *key);

#endif
