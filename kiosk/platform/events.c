/* events.c — translating SDL input into app events (see events.h).
 *
 * Keys go through sp_wedge (scan_wedge.c) with SDL's event timestamps: it holds fast bursts,
 * turns a burst ending in Enter into a scan and releases everything else as typing within a few
 * tens of milliseconds; the loop calls sp_events_tick at sp_events_deadline for that. */
#include "platform/events.h"

#include <stdio.h>
#include <string.h>

void sp_events_init(sp_events *t, int out_w, int out_h, int win_w, int win_h)
{
    memset(t, 0, sizeof *t);
    t->out_w = out_w;
    t->out_h = out_h;
    t->win_w = win_w > 0 ? win_w : out_w;
    t->win_h = win_h > 0 ? win_h : out_h;
    sp_wedge_init(&t->wedge, NULL);
}

sp_app_event sp_events_key(sp_app_key key)
{
    sp_app_event e;
    memset(&e, 0, sizeof e);
    e.kind = SP_EV_KEY;
    e.key = key;
    return e;
}

sp_app_event sp_events_pointer(int x, int y)
{
    sp_app_event e;
    memset(&e, 0, sizeof e);
    e.kind = SP_EV_POINTER;
    e.x = x;
    e.y = y;
    return e;
}

sp_app_event sp_events_scan(const char *payload)
{
    sp_app_event e;
    memset(&e, 0, sizeof e);
    e.kind = SP_EV_SCAN;
    snprintf(e.text, sizeof e.text, "%s", payload);
    return e;
}

sp_app_event sp_events_scroll(int dy)
{
    sp_app_event e;
    memset(&e, 0, sizeof e);
    e.kind = SP_EV_SCROLL;
    e.y = dy;
    return e;
}

bool sp_events_key_by_name(const char *name, sp_app_key *key)
{
    static const struct { const char *name; sp_app_key key; } keys[] = {
        {"tab", SP_KEY_TAB}, {"shift-tab", SP_KEY_SHIFT_TAB}, {"enter", SP_KEY_ENTER},
        {"escape", SP_KEY_ESCAPE}, {"left", SP_KEY_LEFT}, {"right", SP_KEY_RIGHT},
        {"up", SP_KEY_UP}, {"down", SP_KEY_DOWN}, {"backspace", SP_KEY_BACKSPACE},
        {"pageup", SP_KEY_PAGE_UP}, {"pagedown", SP_KEY_PAGE_DOWN}, {"home", SP_KEY_HOME}, {"end", SP_KEY_END},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        if (strcmp(keys[i].name, name) == 0) {
            *key = keys[i].key;
            return true;
        }
    }
    return false;
}

/* Turns the detector's outputs into app events after the n already in out. */
static size_t from_wedge(const sp_wedge_out *w, int count, sp_app_event *out, size_t n)
{
    for (int i = 0; i < count && n < SP_EVENTS_MAX_OUT; i++) {
        if (w[i].kind == SP_WEDGE_SCAN) {
            out[n++] = sp_events_scan(w[i].text);
        } else if (w[i].kind == SP_WEDGE_ENTER) {
            out[n++] = sp_events_key(SP_KEY_ENTER);
        } else {
            /* typed text, in pieces that fit the event */
            const char *s = w[i].text;
            size_t len = strlen(s);
            while (len > 0 && n < SP_EVENTS_MAX_OUT) {
                size_t take = len < sizeof out[n].text - 1 ? len : sizeof out[n].text - 1;
                while (take < len && take > 0 && ((unsigned char)s[take] & 0xC0) == 0x80)
                    take--; /* never split a UTF-8 character */
                memset(&out[n], 0, sizeof out[n]);
                out[n].kind = SP_EV_TEXT;
                memcpy(out[n].text, s, take);
                n++;
                s += take;
                len -= take;
            }
        }
    }
    return n;
}

size_t sp_events_tick(sp_events *t, uint64_t now_ticks, sp_app_event *out)
{
    sp_wedge_out w[SP_WEDGE_MAX_OUT];
    int count = sp_wedge_tick(&t->wedge, now_ticks, w);
    return from_wedge(w, count, out, 0);
}

uint64_t sp_events_deadline(const sp_events *t)
{
    return sp_wedge_deadline(&t->wedge);
}

static size_t on_text(sp_events *t, const SDL_TextInputEvent *e, sp_app_event *out)
{
    sp_wedge_out w[SP_WEDGE_MAX_OUT];
    int count = sp_wedge_char(&t->wedge, e->text, e->timestamp, w);
    return from_wedge(w, count, out, 0);
}

static size_t on_key(sp_events *t, const SDL_KeyboardEvent *k, sp_app_event *out)
{
    sp_app_key key;
    switch (k->keysym.sym) {
    case SDLK_RETURN:
    case SDLK_KP_ENTER: {
        sp_wedge_out w[SP_WEDGE_MAX_OUT];
        int count = sp_wedge_enter(&t->wedge, k->timestamp, w);
        return from_wedge(w, count, out, 0);
    }
    case SDLK_TAB: key = (k->keysym.mod & KMOD_SHIFT) ? SP_KEY_SHIFT_TAB : SP_KEY_TAB; break;
    case SDLK_ESCAPE: key = SP_KEY_ESCAPE; break;
    case SDLK_LEFT: key = SP_KEY_LEFT; break;
    case SDLK_RIGHT: key = SP_KEY_RIGHT; break;
    case SDLK_UP: key = SP_KEY_UP; break;
    case SDLK_DOWN: key = SP_KEY_DOWN; break;
    case SDLK_PAGEUP: key = SP_KEY_PAGE_UP; break;
    case SDLK_PAGEDOWN: key = SP_KEY_PAGE_DOWN; break;
    case SDLK_HOME: key = SP_KEY_HOME; break;
    case SDLK_END: key = SP_KEY_END; break;
    case SDLK_BACKSPACE: key = SP_KEY_BACKSPACE; break;
    default: return 0;
    }
    /* a navigation key ends any burst: typed text first, then the key */
    sp_wedge_out w[SP_WEDGE_MAX_OUT];
    int count = sp_wedge_tick(&t->wedge, UINT64_MAX / 2, w);
    size_t n = from_wedge(w, count, out, 0);
    if (n < SP_EVENTS_MAX_OUT)
        out[n++] = sp_events_key(key);
    return n;
}

size_t sp_events_translate(sp_events *t, const SDL_Event *ev, sp_app_event *out)
{
    switch (ev->type) {
    case SDL_TEXTINPUT:
        return on_text(t, &ev->text, out);
    case SDL_KEYDOWN:
        return on_key(t, &ev->key, out);
    case SDL_FINGERDOWN:
        t->saw_touch = true;
        t->finger_down = true;
        t->dragging = false;
        t->drag_dy = 0;
        return 0;
    case SDL_FINGERMOTION: {
        if (!t->finger_down)
            return 0;
        float dy = ev->tfinger.dy * (float)t->out_h;
        t->drag_dy += dy;
        if (!t->dragging && (t->drag_dy > SP_EVENTS_DRAG_PX || t->drag_dy < -SP_EVENTS_DRAG_PX)) {
            t->dragging = true;
            dy = t->drag_dy; /* the movement so far counts too */
        }
        if (!t->dragging || (int)dy == 0)
            return 0;
        out[0] = sp_events_scroll((int)-dy); /* finger up by d shows content further down */
        return 1;
    }
    case SDL_FINGERUP: {
        bool was_drag = t->dragging;
        t->saw_touch = true;
        t->finger_down = t->dragging = false;
        if (was_drag)
            return 0;
        out[0] = sp_events_pointer((int)(ev->tfinger.x * (float)t->out_w), (int)(ev->tfinger.y * (float)t->out_h));
        return 1;
    }
    case SDL_MOUSEWHEEL: {
        if (ev->wheel.which == SDL_TOUCH_MOUSEID)
            return 0;
        int notches = ev->wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -ev->wheel.y : ev->wheel.y;
        if (notches == 0)
            return 0;
        out[0] = sp_events_scroll(-notches * SP_EVENTS_WHEEL_PX);
        return 1;
    }
    case SDL_MOUSEBUTTONUP:
        if (ev->button.which == SDL_TOUCH_MOUSEID || ev->button.button != SDL_BUTTON_LEFT)
            return 0;
        out[0] = sp_events_pointer(ev->button.x * t->out_w / (t->win_w ? t->win_w : 1),
                                   ev->button.y * t->out_h / (t->win_h ? t->win_h : 1));
        return 1;
    case SDL_QUIT:
        memset(&out[0], 0, sizeof out[0]);
        out[0].kind = SP_EV_QUIT;
        return 1;
    default:
        return 0;
    }
}
