/* screen_done.c — "See you next time!" after "I'm done". The session has already ended and
 * the student's data is gone; this page only says goodbye, then returns to the scan screen
 * (after 2.5 s, or at once on a tap). */
#include "app/app_internal.h"
#include "i18n.h"

#define DONE_MS 2500

static void frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    kiosk_message_page(app, ui, "star", _("See you next time!"), _("Great work today."), NULL, NULL, app->theme.accent);
}

static void leave(sp_app *app, uint64_t now) { kiosk_go(app, KIOSK_SCREEN_SCAN, now); }

static uint64_t deadline(const sp_app *app, uint64_t now)
{
    (void)now;
    return app->screen_at + DONE_MS;
}

const kiosk_screen kiosk_screen_done = {
    .name = "done",
    .frame = frame,
    .tap = leave,
    .back = leave,
    .deadline = deadline,
    .timer = leave,
};
