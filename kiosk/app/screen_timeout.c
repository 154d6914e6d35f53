/* screen_timeout.c — _("Still there?") with the seconds left before the session ends.
 *
 * app.c enters this screen when the idle warning time passes and ends the session when the
 * countdown reaches zero; any touch, key or scroll returns to the screen the student was on.
 * The page shows nothing of the student, so a passer-by sees no data while it counts down.
 * It redraws once per second, when the number changes. */
#include "app/app_internal.h"

#include <stdio.h>

static uint64_t end_time(const sp_app *app) { return app->last_input + (uint64_t)app->idle_ms; }

static void frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    long long left = kiosk_seconds_left(end_time(app), now);
    app->drawn_seconds = left;
    char status[64];
    snprintf(status, sizeof status, sp_ngettext("%lld second", "%lld seconds", (unsigned long)left), left);
    sp_i18n_digits(status, sizeof status);
    kiosk_message_page(app, ui, "face-2", _("Still there?"), _("Tap anywhere to keep going"), status, NULL, app->theme.text);
}

static uint64_t deadline(const sp_app *app, uint64_t now)
{
    (void)now;
    return app->redraw ? UINT64_MAX : kiosk_countdown_deadline(end_time(app), app->drawn_seconds);
}

static void timer(sp_app *app, uint64_t now)
{
    if (kiosk_seconds_left(end_time(app), now) != app->drawn_seconds)
        app->redraw = true;
}

const kiosk_screen kiosk_screen_timeout = {
    .name = "timeout-warning",
    .in_session = true,
    .frame = frame,
    .deadline = deadline,
    .timer = timer,
};
