/* screen_scan.c — the attract screen: _("Scan your badge"), the kiosk's name and a clock.
 *
 * Mostly still, so an idle kiosk costs nothing: the clock changes once a minute, and the
 * "badge" ring (two concentric circles that read as "hold it here") breathes gently once every
 * PULSE_EVERY_MS, growing and settling over PULSE_MS at PULSE_FPS, starting when the screen
 * appears. Between pulses the screen's deadline is the next minute or the next pulse, and the
 * kiosk sleeps until then (about 30 frames a minute at 1280x800 stays far under 1 % of a core).
 *
 * A badge code can also be typed on a keyboard and sent with Enter, for a scanner that types
 * too slowly to be told from a person, or a teacher trying the kiosk without a scanner. It is
 * the same secret a scan carries, so it goes the same way (and counts toward the cool-down when
 * wrong); on screen it shows only as dots, and a half-typed code is forgotten after 20 s. */
#include "app/app_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define PULSE_EVERY_MS 20000
#define PULSE_MS 1600
#define PULSE_FPS 15

static long long minute_of(const sp_app *app, uint64_t now)
{
    return ((long long)now + (long long)app->tz_min * 60000) / 60000;
}

/* Where the breathing ring is in its pulse: 0 at rest, up to 1 at the deepest breath. */
static double pulse_of(const sp_app *app, uint64_t now)
{
    uint64_t t = (now - app->screen_at) % PULSE_EVERY_MS;
    if (t >= PULSE_MS)
        return 0;
    return sin(3.14159265358979 * (double)t / PULSE_MS);
}

/* The next time the ring must be drawn again: the next pulse frame, or the start of the next pulse. */
static uint64_t next_pulse_frame(const sp_app *app, uint64_t now)
{
    uint64_t since = now - app->screen_at, cycle = since / PULSE_EVERY_MS, t = since % PULSE_EVERY_MS;
    uint64_t step = 1000 / PULSE_FPS;
    if (t < PULSE_MS)
        return app->screen_at + cycle * PULSE_EVERY_MS + (t / step + 1) * step;
    return app->screen_at + (cycle + 1) * PULSE_EVERY_MS;
}

static void frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    const kiosk_theme *t = &app->theme;
    long long minute = minute_of(app, now);
    app->drawn_minute = minute;
    int m = t->margin;
    int clock_h = kiosk_line_h(&app->metrics, t->clock_size);
    char clock[8];
    snprintf(clock, sizeof clock, "%02d:%02d", (int)(minute / 60 % 24), (int)(minute % 60));
    int clock_w = sp_ui_text_width(ui, "00:00", t->clock_size, SP_FONT_BOLD) + t->small_gap;
    sp_ui_label(ui, (sp_rect){t->w - m - clock_w, m, clock_w, clock_h}, clock, t->clock_size, SP_FONT_BOLD,
                SP_ALIGN_RIGHT, t->muted, SP_ROLE_CLOCK);
    if (app->log.kiosk_name[0])
        sp_ui_label(ui, (sp_rect){m, m, t->w - 3 * m - clock_w, clock_h}, app->log.kiosk_name, t->clock_size,
                    SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted, SP_ROLE_LABEL);

    int ring = (int)((t->portrait ? 300 : 240) * t->scale);
    int huge_h = kiosk_line_h(&app->metrics, t->huge_size), body_h = kiosk_line_h(&app->metrics, t->body_size);
    int total = ring + t->gap * 2 + huge_h * 2 + t->gap + body_h * 2;
    int y = (t->h - total) / 2;
    if (y < m + clock_h + t->gap)
        y = m + clock_h + t->gap;
    int cx = t->w / 2;
    int halo = ring - ring / 10 + (int)(ring / 10 * 2 * pulse_of(app, now)); /* breathes around the ring */
    sp_draw_circle(ui->dl, (sp_rect){cx - halo / 2, y + (ring - halo) / 2, halo, halo}, (sp_color){214, 226, 250, 255});
    int inner = ring * 2 / 3;
    sp_draw_circle(ui->dl, (sp_rect){cx - inner / 2, y + (ring - inner) / 2, inner, inner}, t->accent);
    int icon = inner / 2;
    sp_draw_icon(ui->dl, (sp_rect){cx - icon / 2, y + (ring - icon) / 2, icon, icon}, "star",
                 (sp_color){255, 255, 255, 255});
    y += ring + t->gap * 2;
    int w = t->w - 2 * m;
    y += sp_ui_text(ui, (sp_rect){m, y, w, 2 * huge_h}, _("Scan your badge"), t->huge_size, SP_FONT_BOLD, SP_ALIGN_CENTER,
                    t->text, SP_ROLE_TITLE, 2);
    y += t->gap;
    y += sp_ui_text(ui, (sp_rect){m, y, w, 2 * body_h},
                    _("Hold the code on your badge up to the scanner to see your goals."), t->body_size, SP_FONT_REGULAR,
                    SP_ALIGN_CENTER, t->muted, SP_ROLE_BODY, 2);
    size_t typed = strlen(app->typed_code);
    if (typed) {
        char dots[200];
        snprintf(dots, sizeof dots, "%s", _("Badge code: "));
        size_t n = strlen(dots);
        for (size_t i = 0; i < typed && i < 40 && n + 4 < sizeof dots; i++, n += 3)
            memcpy(dots + n, "\xE2\x80\xA2", 3); /* a bullet per character, never the code itself */
        snprintf(dots + n, sizeof dots - n, "  %s", _("\xE2\x80\x94 press Enter"));
        sp_ui_label(ui, (sp_rect){m, y + t->gap, w, body_h}, dots, t->body_size, SP_FONT_REGULAR, SP_ALIGN_CENTER,
                    t->text, SP_ROLE_BODY);
    }
}

static void forget_code(sp_app *app)
{
    memset(app->typed_code, 0, sizeof app->typed_code);
    app->typed_at = 0;
    app->redraw = true;
}

static void enter(sp_app *app, uint64_t now)
{
    (void)now;
    forget_code(app);
}

static void text(sp_app *app, const char *utf8, uint64_t now)
{
    size_t have = strlen(app->typed_code), add = strlen(utf8);
    if (have + add >= sizeof app->typed_code)
        add = sizeof app->typed_code - 1 - have; /* longer than any badge: the parser will refuse it */
    memcpy(app->typed_code + have, utf8, add);
    app->typed_code[have + add] = 0;
    app->typed_at = now;
}

static bool key(sp_app *app, sp_app_key k, uint64_t now)
{
    size_t have = strlen(app->typed_code);
    if (k == SP_KEY_ENTER && have) {
        char code[sizeof app->typed_code];
        memcpy(code, app->typed_code, sizeof code);
        forget_code(app);
        kiosk_scan(app, code, now);
        memset(code, 0, sizeof code);
        return true;
    }
    if (k == SP_KEY_BACKSPACE && have) {
        while (have > 0 && ((unsigned char)app->typed_code[have - 1] & 0xC0) == 0x80)
            app->typed_code[--have] = 0; /* continuation bytes of the last character */
        if (have > 0)
            app->typed_code[--have] = 0;
        app->typed_at = now;
        return true;
    }
    if (k == SP_KEY_ESCAPE && have) {
        forget_code(app);
        return true;
    }
    return false;
}

static uint64_t deadline(const sp_app *app, uint64_t now)
{
    if (app->redraw)
        return UINT64_MAX; /* a frame is already due */
    long long next = (app->drawn_minute >= 0 ? app->drawn_minute : minute_of(app, now)) + 1;
    uint64_t d = (uint64_t)(next * 60000 - (long long)app->tz_min * 60000);
    if (app->typed_code[0] && app->typed_at + KIOSK_TYPED_CODE_MS < d)
        d = app->typed_at + KIOSK_TYPED_CODE_MS;
    uint64_t p = next_pulse_frame(app, app->drawn_at > app->screen_at ? app->drawn_at : app->screen_at);
    return p < d ? p : d;
}

static void timer(sp_app *app, uint64_t now)
{
    if (app->typed_code[0] && now >= app->typed_at + KIOSK_TYPED_CODE_MS)
        forget_code(app);
    app->redraw = true;
}

const kiosk_screen kiosk_screen_scan = {
    .name = "scan",
    .enter = enter,
    .frame = frame,
    .text = text,
    .key = key,
    .deadline = deadline,
    .timer = timer,
};
