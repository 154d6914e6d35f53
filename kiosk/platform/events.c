/* events.c — translating SDL input into app events (see events.h).
 *
 * The scan detector here is deliberately small: characters are held while the typed text is
 * still a prefix of "SP1:" or starts with it (case-insensitive, as scanners in lowercase mode
 * send); Enter then delivers the held text as a scan. A held text that stops looking like a
 * payload is released as ordinary typing, so a student typing "Spain" loses nothing. */
#include "platform/events.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

void sp_events_init(sp_events *t, int out_w, int out_h, int win_w, int win_h)
{
    memset(t, 0, sizeof *t);
    t->out_w = out_w;
    t->out_h = out_h;
    t->win_w = win_w > 0 ? win_w : out_w;
    t->win_h = win_h > 0 ? win_h : out_h;
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

/* Could the held text still become (or already be) a badge payload? */
static bool maybe_payload(const char *s, size_t len)
{
    static const char prefix[] = "SP1:";
    for (size_t i = 0; i < len && i < 4; i++)
        if (toupper((unsigned char)s[i]) != prefix[i])
            return false;
    return true;
}

static size_t release_held(sp_events *t, sp_app_event *out, size_t n)
{
    if (t->held_len == 0 || n >= SP_EVENTS_MAX_OUT)
        return n;
    memset(&out[n], 0, sizeof out[n]);
    out[n].kind = SP_EV_TEXT;
    memcpy(out[n].text, t->held, t->held_len);
    t->held_len = 0;
    return n + 1;
}

static size_t on_text(sp_events *t, const char *text, sp_app_event *out)
{
    size_t n = 0, len = strlen(text);
    if (t->held_len + len < sizeof t->held) {
        memcpy(t->held + t->held_len, text, len);
        t->held_len += len;
        t->held[t->held_len] = '\0';
        if (maybe_payload(t->held, t->held_len))
            return 0;
        return release_held(t, out, 0);
    }
    n = release_held(t, out, n);
    memset(&out[n], 0, sizeof out[n]);
    out[n].kind = SP_EV_TEXT;
    snprintf(out[n].text, sizeof out[n].text, "%s", text);
    return n + 1;
}

static size_t on_key(sp_events *t, const SDL_KeyboardEvent *k, sp_app_event *out)
{
    sp_app_key key;
    switch (k->keysym.sym) {
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        if (t->held_len > 4) {
            t->held[t->held_len] = '\0';
            out[0] = sp_events_scan(t->held);
            t->held_len = 0;
            return 1;
        }
        key = SP_KEY_ENTER;
        break;
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
    case SDLK_BACKSPACE:
        if (t->held_len > 0) {
            t->held_len--;
            return 0;
        }
        key = SP_KEY_BACKSPACE;
        break;
    default: return 0;
    }
    size_t n = release_held(t, out, 0);
    out[n] = sp_events_key(key);
    return n + 1;
}

size_t sp_events_translate(sp_events *t, const SDL_Event *ev, sp_app_event *out)
{
    switch (ev->type) {
    case SDL_TEXTINPUT:
        return on_text(t, ev->text.text, out);
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
