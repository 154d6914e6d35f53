/* saving.c — the saving screen: one save attempt at once, "Saving…" with retries on the screen
 * timer while the database is locked, _("Saved") only after the commit, and the plain pages for a
 * save that gave up or was refused (see saving.h).
 *
 * Nothing here blocks: the kiosk's connection waits at most KIOSK_BUSY_TIMEOUT_MS for a lock,
 * and the next attempt is a deadline, so the screen keeps drawing and the idle timeout keeps
 * running while the admin tool holds the database. */
#include "app/app_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long long kiosk_session_row(const sp_app *app)
{
    if (!app->person.active)
        return 0;
    for (size_t i = 0; i < app->log.n; i++)
        if (app->log.q[i].key == app->person.log_key)
            return app->log.q[i].row_id;
    return 0;
}

/* Test trace: appended, flushed and closed before the screen may say _("Saved"). */
static void trace_saved(const char *what, long long id)
{
    const char *path = getenv("SIGNPOST_KIOSK_TRACE");
    if (!path || !*path)
        return;
    FILE *f = fopen(path, "a");
    if (!f)
        return;
    fprintf(f, "saved %s %lld\n", what ? what : "reflection", id);
    fclose(f);
}

static bool busy_code(int rc)
{
    rc &= 0xff;
    return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

/* One attempt. Leaves the screen state as TRYING, SAVED or REFUSED, or leaves for the
 * database page. */
static void attempt(sp_app *app, uint64_t now)
{
    kiosk_saving *s = &app->saving;
    s->attempts++;
    app->redraw = true;
    if (!app->db && !kiosk_db_try_open(app)) {
        kiosk_db_lost(app, app->db_error, now);
        return;
    }
    char created[24];
    kiosk_iso_from_ms(now, created);
    char err[KIOSK_SAVE_ERR_BYTES] = "";
    long long id = 0;
    int rc = s->req.save(app, kiosk_session_row(app), created, &id, err, sizeof err);
    if (rc == SQLITE_OK) {
        s->saved_id = id;
        trace_saved(s->req.what, id);
        s->state = KIOSK_SAVE_SAVED;
        s->shown_at = now;
    } else if (busy_code(rc)) {
        if (now - s->since >= KIOSK_SAVE_GIVE_UP_MS) {
            s->state = KIOSK_SAVE_FAILED;
            s->shown_at = now;
        } else {
            s->state = KIOSK_SAVE_TRYING;
            s->retry_at = now + KIOSK_SAVE_RETRY_MS;
        }
    } else if ((rc & 0xff) == SQLITE_CONSTRAINT) {
        s->state = KIOSK_SAVE_REFUSED;
        s->shown_at = now;
        snprintf(s->message, sizeof s->message, "%s", err[0] ? err : _("That answer could not be saved."));
    } else {
        kiosk_db_lost(app, err[0] ? err : sqlite3_errstr(rc), now);
    }
}

void kiosk_save(sp_app *app, const kiosk_save_request *req, uint64_t now)
{
    kiosk_saving *s = &app->saving;
    memset(s, 0, sizeof *s);
    s->req = *req;
    s->since = now;
    s->state = KIOSK_SAVE_TRYING;
    kiosk_go(app, KIOSK_SCREEN_SAVING, now);
    attempt(app, now);
}

static void frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    const kiosk_saving *s = &app->saving;
    const kiosk_theme *t = &app->theme;
    switch (s->state) {
    case KIOSK_SAVE_SAVED:
        kiosk_message_page(app, ui, "check", _("Saved"), NULL, NULL, NULL, t->green);
        break;
    case KIOSK_SAVE_FAILED:
        kiosk_message_page(app, ui, "face-2", _("We couldn't save that."), _("Please ask your teacher."), NULL, _("OK"), t->text);
        break;
    case KIOSK_SAVE_REFUSED:
        kiosk_message_page(app, ui, "face-2", _("We couldn't save that."), s->message, NULL, _("OK"), t->text);
        break;
    default:
        kiosk_message_page(app, ui, NULL, _("Saving\xE2\x80\xA6"), _("Just a moment."), NULL, NULL, t->text);
        break;
    }
}

static void go_on(sp_app *app, uint64_t now)
{
    kiosk_saving *s = &app->saving;
    if (s->state == KIOSK_SAVE_SAVED) {
        s->state = KIOSK_SAVE_IDLE;
        kiosk_go(app, (kiosk_screen_id)s->req.then, now);
    } else if (s->state == KIOSK_SAVE_FAILED || s->state == KIOSK_SAVE_REFUSED) {
        s->state = KIOSK_SAVE_IDLE;
        kiosk_go(app, (kiosk_screen_id)s->req.back, now);
    }
    /* While trying, taps wait: the answer is not saved yet. */
}

static void action(sp_app *app, int id, uint64_t now)
{
    (void)id;
    go_on(app, now);
}

static uint64_t deadline(const sp_app *app, uint64_t now)
{
    (void)now;
    const kiosk_saving *s = &app->saving;
    if (s->state == KIOSK_SAVE_TRYING)
        return s->retry_at;
    if (s->state == KIOSK_SAVE_SAVED)
        return s->shown_at + KIOSK_SAVED_MS;
    return UINT64_MAX;
}

static void timer(sp_app *app, uint64_t now)
{
    if (app->saving.state == KIOSK_SAVE_TRYING)
        attempt(app, now);
    else
        go_on(app, now);
}

const kiosk_screen kiosk_screen_saving = {
    .name = "saving",
    .in_session = true,
    .frame = frame,
    .action = action,
    .back = go_on,
    .tap = go_on,
    .deadline = deadline,
    .timer = timer,
};
