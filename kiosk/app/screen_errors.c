/* screen_errors.c — the friendly pages for things that went wrong: an unknown badge, a revoked
 * badge, too many tries (cool-down), the database unavailable, and "One moment…" while a
 * locked database is retried.
 *
 * None of them shows anyone's data. Badge pages return to the scan screen after a few seconds
 * or a tap. The cool-down counts down once per second and ignores scans until it ends. The
 * database page retries every KIOSK_DB_RETRY_MS and says so; the busy page retries the scan
 * every KIOSK_BUSY_RETRY_MS and gives up to the database page after KIOSK_BUSY_GIVE_UP_MS. */
#include "app/app_internal.h"

#include <stdio.h>

#define BADGE_PAGE_MS 5000

static void to_scan(sp_app *app, uint64_t now) { kiosk_go(app, KIOSK_SCREEN_SCAN, now); }

static void to_scan_action(sp_app *app, int id, uint64_t now)
{
    (void)id;
    to_scan(app, now);
}

static uint64_t badge_page_deadline(const sp_app *app, uint64_t now)
{
    (void)now;
    return app->screen_at + BADGE_PAGE_MS;
}

/* ---- unknown badge ----------------------------------------------------------------------- */

static void unknown_frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    kiosk_message_page(app, ui, "face-2", _("We don't know this badge."), _("Ask your teacher."), NULL, _("OK"), app->theme.text);
}

const kiosk_screen kiosk_screen_unknown = {
    .name = "unknown-badge",
    .frame = unknown_frame,
    .action = to_scan_action,
    .back = to_scan,
    .tap = to_scan,
    .deadline = badge_page_deadline,
    .timer = to_scan,
};

/* ---- revoked badge ----------------------------------------------------------------------- */

static void revoked_frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    kiosk_message_page(app, ui, "face-2", _("This badge is no longer active."), _("Your teacher can print you a new one."),
                       NULL, _("OK"), app->theme.text);
}

const kiosk_screen kiosk_screen_revoked = {
    .name = "revoked-badge",
    .frame = revoked_frame,
    .action = to_scan_action,
    .back = to_scan,
    .tap = to_scan,
    .deadline = badge_page_deadline,
    .timer = to_scan,
};

/* ---- cool-down --------------------------------------------------------------------------- */

static void cooldown_frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    long long left = kiosk_seconds_left(app->guard.cooldown_until, now);
    app->drawn_seconds = left;
    char body[64];
    snprintf(body, sizeof body, sp_ngettext("Please wait %lld second.", "Please wait %lld seconds.", (unsigned long)left),
             left);
    sp_i18n_digits(body, sizeof body);
    kiosk_message_page(app, ui, "face-2", _("Too many tries."), body, NULL, NULL, app->theme.text);
}

static uint64_t cooldown_deadline(const sp_app *app, uint64_t now)
{
    (void)now;
    if (app->redraw)
        return app->guard.cooldown_until;
    uint64_t d = kiosk_countdown_deadline(app->guard.cooldown_until, app->drawn_seconds);
    return d < app->guard.cooldown_until ? d : app->guard.cooldown_until;
}

static void cooldown_timer(sp_app *app, uint64_t now)
{
    if (now >= app->guard.cooldown_until)
        kiosk_go(app, KIOSK_SCREEN_SCAN, now);
    else
        app->redraw = true;
}

const kiosk_screen kiosk_screen_cooldown = {
    .name = "cooldown",
    .frame = cooldown_frame,
    .deadline = cooldown_deadline,
    .timer = cooldown_timer,
};

/* ---- database unavailable ---------------------------------------------------------------- */

static void db_frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    kiosk_message_page(app, ui, "face-2", _("Signpost can't reach its data right now."), _("Ask your teacher."),
                       _("Trying again every few seconds\xE2\x80\xA6"), NULL, app->theme.text);
}

static uint64_t db_deadline(const sp_app *app, uint64_t now)
{
    (void)now;
    return app->db_retry_at;
}

static void db_timer(sp_app *app, uint64_t now)
{
    if (kiosk_db_try_open(app)) {
        kiosk_go(app, KIOSK_SCREEN_SCAN, now);
        return;
    }
    app->db_retry_at = now + KIOSK_DB_RETRY_MS;
}

const kiosk_screen kiosk_screen_db = {
    .name = "db-unavailable",
    .frame = db_frame,
    .deadline = db_deadline,
    .timer = db_timer,
};

/* ---- one moment (database busy) ---------------------------------------------------------- */

static void busy_frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    kiosk_message_page(app, ui, NULL, _("One moment\xE2\x80\xA6"), _("Signpost is busy for a second."), NULL, NULL,
                       app->theme.text);
}

static uint64_t busy_deadline(const sp_app *app, uint64_t now)
{
    (void)now;
    return app->pending ? app->pending_retry_at : app->screen_at;
}

static void busy_timer(sp_app *app, uint64_t now)
{
    if (!app->pending) {
        kiosk_go(app, KIOSK_SCREEN_SCAN, now);
        return;
    }
    if (now - app->pending_since >= KIOSK_BUSY_GIVE_UP_MS) {
        kiosk_db_lost(app, "the database stayed locked", now);
        return;
    }
    char payload[sizeof app->pending_payload];
    snprintf(payload, sizeof payload, "%s", app->pending_payload);
    kiosk_scan(app, payload, now);
}

const kiosk_screen kiosk_screen_busy = {
    .name = "busy",
    .frame = busy_frame,
    .deadline = busy_deadline,
    .timer = busy_timer,
};
