/* events.h — SDL events to sp_app events.
 *
 * Keyboard input goes through a scan detector first: a USB badge scanner is a keyboard that
 * types the payload and Enter, so typed characters are held while they could still be the start
 * of a badge payload ("SP1:...") and turned into one SP_EV_SCAN on Enter; anything else is passed
 * on as SP_EV_TEXT / SP_EV_KEY. Touch and mouse become SP_EV_POINTER in renderer pixels; the
 * synthetic mouse events SDL makes from touches are dropped so a tap counts once. A finger that
 * moves more than SP_EVENTS_DRAG_PX before lifting scrolls (SP_EV_SCROLL) instead of tapping; the
 * mouse wheel scrolls too. */
#ifndef SP_EVENTS_H
#define SP_EVENTS_H

#include "app/app.h"

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#define SP_EVENTS_MAX_OUT 8
#define SP_EVENTS_DRAG_PX 16
#define SP_EVENTS_WHEEL_PX 80

typedef struct {
    char held[64];      /* typed text held back because it may be a badge payload */
    size_t held_len;
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

/* Builds app events for the replay harness and tests. */
sp_app_event sp_events_key(sp_app_key key);
sp_app_event sp_events_pointer(int x, int y);
sp_app_event sp_events_scan(const char *payload);
sp_app_event sp_events_scroll(int dy);
/* Parses "tab", "enter", "escape", "left", "pagedown", ... (false if unknown). */
bool sp_events_key_by_name(const char *name, sp_app_key *key);

#endif
