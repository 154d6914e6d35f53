/* test_sdl_events.c — what a student does at the real kiosk reaches the app as they meant it:
 * SDL events go through SDL's own event queue (dummy video driver, SDL_PushEvent then
 * SDL_PollEvent, as the window loop reads them) and through sp_events_translate.
 *
 * A tap with a finger or a click lands where it was made, in renderer pixels even when the window
 * is half the renderer's size (a HiDPI screen); the mouse events SDL makes up from touches and
 * other buttons do nothing; a finger dragged up scrolls further down the list and does not tap;
 * the wheel scrolls 80 px a notch, either way round; the navigation keys become app keys; a USB
 * scanner's fast burst ending in Enter becomes one scan, while a person typing slowly gets text. */
#include "test_support.h"

#include "platform/events.h"

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

static sp_events tr;
static sp_app_event out[SP_EVENTS_MAX_OUT];

static int setup(void **state)
{
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
        return -1;
    /* a 1280 x 800 renderer in a 640 x 400 window: mouse coordinates must be scaled */
    sp_events_init(&tr, 1280, 800, 640, 400);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    SDL_Quit();
    return 0;
}

/* Pushes ev through SDL's queue, reads it back as the window loop does and translates it. When
 * timestamp is not 0 it replaces the one SDL stamped (the scan detector judges by it). */
static size_t through_sdl(SDL_Event ev, Uint32 timestamp)
{
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    assert_int_equal(SDL_PushEvent(&ev), 1);
    SDL_Event got;
    int found = 0;
    while (SDL_PollEvent(&got))
        if (got.type == ev.type) {
            found = 1;
            break;
        }
    assert_true(found);
    if (timestamp)
        got.common.timestamp = timestamp;
    return sp_events_translate(&tr, &got, out);
}

static SDL_Event finger(Uint32 type, float x, float y, float dy)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = 1;
    e.tfinger.x = x;
    e.tfinger.y = y;
    e.tfinger.dy = dy;
    e.tfinger.pressure = 1;
    return e;
}

static SDL_Event mouse_up(Uint8 button, Sint32 x, Sint32 y, Uint32 which)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONUP;
    e.button.button = button;
    e.button.state = SDL_RELEASED;
    e.button.x = x;
    e.button.y = y;
    e.button.which = which;
    e.button.clicks = 1;
    return e;
}

static SDL_Event key_down(SDL_Keycode sym, Uint16 mod)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = sym;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(sym);
    e.key.keysym.mod = mod;
    return e;
}

static SDL_Event text_input(const char *s)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    snprintf(e.text.text, sizeof e.text.text, "%s", s);
    return e;
}

static void a_click_lands_where_it_was_made_in_renderer_pixels(void **state)
{
    (void)state;
    assert_int_equal(through_sdl(mouse_up(SDL_BUTTON_LEFT, 320, 100, 0), 0), 1);
    assert_int_equal(out[0].kind, SP_EV_POINTER);
    assert_int_equal(out[0].x, 640);
    assert_int_equal(out[0].y, 200);
    /* a right click, and the click SDL makes up from a touch, do nothing */
    assert_int_equal(through_sdl(mouse_up(SDL_BUTTON_RIGHT, 320, 100, 0), 0), 0);
    assert_int_equal(through_sdl(mouse_up(SDL_BUTTON_LEFT, 320, 100, SDL_TOUCH_MOUSEID), 0), 0);
}

static void a_finger_tap_lands_where_the_finger_lifts(void **state)
{
    (void)state;
    assert_int_equal(through_sdl(finger(SDL_FINGERDOWN, 0.5f, 0.25f, 0), 0), 0);
    assert_true(tr.saw_touch); /* the cursor is hidden from now on */
    assert_int_equal(through_sdl(finger(SDL_FINGERMOTION, 0.5f, 0.255f, 0.005f), 0), 0); /* 4 px: still a tap */
    assert_int_equal(through_sdl(finger(SDL_FINGERUP, 0.5f, 0.255f, 0), 0), 1);
    assert_int_equal(out[0].kind, SP_EV_POINTER);
    assert_int_equal(out[0].x, 640);
    assert_int_equal(out[0].y, 204);
}

static void a_finger_dragged_up_scrolls_down_and_does_not_tap(void **state)
{
    (void)state;
    through_sdl(finger(SDL_FINGERDOWN, 0.5f, 0.5f, 0), 0);
    /* 40 px up on an 800 px screen: past the 16 px drag threshold, all of it scrolls */
    assert_int_equal(through_sdl(finger(SDL_FINGERMOTION, 0.5f, 0.45f, -0.05f), 0), 1);
    assert_int_equal(out[0].kind, SP_EV_SCROLL);
    assert_int_equal(out[0].y, 40);
    /* then 16 px back down: the list comes back up */
    assert_int_equal(through_sdl(finger(SDL_FINGERMOTION, 0.5f, 0.47f, 0.02f), 0), 1);
    assert_int_equal(out[0].y, -16);
    assert_int_equal(through_sdl(finger(SDL_FINGERUP, 0.5f, 0.47f, 0), 0), 0);
}

static void the_wheel_scrolls_80_px_a_notch_either_way_round(void **state)
{
    (void)state;
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = -2; /* towards the user: further down */
    e.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
    assert_int_equal(through_sdl(e, 0), 1);
    assert_int_equal(out[0].kind, SP_EV_SCROLL);
    assert_int_equal(out[0].y, 160);
    e.wheel.y = 1;
    assert_int_equal(through_sdl(e, 0), 1);
    assert_int_equal(out[0].y, -80);
    e.wheel.direction = SDL_MOUSEWHEEL_FLIPPED; /* "natural" scrolling reports the other sign */
    assert_int_equal(through_sdl(e, 0), 1);
    assert_int_equal(out[0].y, 80);
    e.wheel.which = SDL_TOUCH_MOUSEID;
    assert_int_equal(through_sdl(e, 0), 0);
}

static void navigation_keys_become_app_keys(void **state)
{
    (void)state;
    const struct {
        SDL_Keycode sym;
        Uint16 mod;
        sp_app_key key;
    } keys[] = {
        {SDLK_TAB, KMOD_NONE, SP_KEY_TAB},          {SDLK_TAB, KMOD_LSHIFT, SP_KEY_SHIFT_TAB},
        {SDLK_ESCAPE, KMOD_NONE, SP_KEY_ESCAPE},    {SDLK_LEFT, KMOD_NONE, SP_KEY_LEFT},
        {SDLK_RIGHT, KMOD_NONE, SP_KEY_RIGHT},      {SDLK_UP, KMOD_NONE, SP_KEY_UP},
        {SDLK_DOWN, KMOD_NONE, SP_KEY_DOWN},        {SDLK_PAGEUP, KMOD_NONE, SP_KEY_PAGE_UP},
        {SDLK_PAGEDOWN, KMOD_NONE, SP_KEY_PAGE_DOWN}, {SDLK_HOME, KMOD_NONE, SP_KEY_HOME},
        {SDLK_END, KMOD_NONE, SP_KEY_END},          {SDLK_BACKSPACE, KMOD_NONE, SP_KEY_BACKSPACE},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        assert_int_equal(through_sdl(key_down(keys[i].sym, keys[i].mod), 0), 1);
        assert_int_equal(out[0].kind, SP_EV_KEY);
        assert_int_equal(out[0].key, keys[i].key);
    }
    assert_int_equal(through_sdl(key_down(SDLK_F5, KMOD_NONE), 0), 0); /* not the app's */
    /* Enter with nothing typed before it is the Enter key */
    assert_int_equal(through_sdl(key_down(SDLK_RETURN, KMOD_NONE), 100000), 1);
    assert_int_equal(out[0].kind, SP_EV_KEY);
    assert_int_equal(out[0].key, SP_KEY_ENTER);
    SDL_Event quit;
    memset(&quit, 0, sizeof quit);
    quit.type = SDL_QUIT;
    assert_int_equal(through_sdl(quit, 0), 1);
    assert_int_equal(out[0].kind, SP_EV_QUIT);
}

static void a_scanner_burst_is_one_scan_and_slow_typing_is_text(void **state)
{
    (void)state;
    const char *payload = "SP1:ABCDEFGHJKMNPQRSTVWXYZ01237";
    Uint32 t = 5000;
    char one[2] = {0, 0};
    for (const char *c = payload; *c; c++) {
        one[0] = *c;
        assert_int_equal(through_sdl(text_input(one), t += 4), 0); /* held: 4 ms apart is a scanner */
    }
    assert_int_equal(through_sdl(key_down(SDLK_RETURN, KMOD_NONE), t += 4), 1);
    assert_int_equal(out[0].kind, SP_EV_SCAN);
    assert_string_equal(out[0].text, payload);

    /* a person: 200 ms between keys, each letter reaches the text field on its own */
    t += 5000;
    size_t n = through_sdl(text_input("h"), t += 200);
    n += sp_events_tick(&tr, t + 100, out + n);
    assert_int_equal(n, 1);
    assert_int_equal(out[0].kind, SP_EV_TEXT);
    assert_string_equal(out[0].text, "h");
    n = through_sdl(text_input("é"), t += 200);
    n += sp_events_tick(&tr, t + 100, out + n);
    assert_int_equal(n, 1);
    assert_string_equal(out[0].text, "é");
    assert_int_equal(sp_events_deadline(&tr), 0); /* nothing held any more */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_click_lands_where_it_was_made_in_renderer_pixels, setup, teardown),
        cmocka_unit_test_setup_teardown(a_finger_tap_lands_where_the_finger_lifts, setup, teardown),
        cmocka_unit_test_setup_teardown(a_finger_dragged_up_scrolls_down_and_does_not_tap, setup, teardown),
        cmocka_unit_test_setup_teardown(the_wheel_scrolls_80_px_a_notch_either_way_round, setup, teardown),
        cmocka_unit_test_setup_teardown(navigation_keys_become_app_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(a_scanner_burst_is_one_scan_and_slow_typing_is_text, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
