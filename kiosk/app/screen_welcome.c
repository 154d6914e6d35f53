/* screen_welcome.c — "Hi, Zoë!" with the student's initial in their colour, for a moment after
 * their badge is recognised, then the student's new celebrations (if any) and the goals. A tap
 * (or Enter) skips ahead. */
#include "app/app_internal.h"
#include "app/avatar.h"
#include "i18n.h"

#include <stdio.h>

#define WELCOME_MS 1200

static void frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    const kiosk_theme *t = &app->theme;
    char hello[256];
    snprintf(hello, sizeof hello, _("Hi, %s!"), app->person.name ? app->person.name : "");
    int w = t->w - 2 * t->margin;
    int hh = 0, bh = kiosk_line_h(&app->metrics, t->lead_size);
    int size = sp_ui_fit_size(ui, w, 2 * kiosk_line_h(&app->metrics, t->display_size), hello, t->display_size,
                              SP_FONT_BOLD, 2, &hh);
    int av = t->avatar_size * 3 / 2;
    int y = (t->h - av - t->space_l - hh - t->space_m - bh) / 2;
    kiosk_avatar(ui, t, (sp_rect){(t->w - av) / 2, y, av, av}, app->person.name, app->person.holder_id);
    y += av + t->space_l;
    y += sp_ui_text(ui, (sp_rect){t->margin, y, w, hh}, hello, size, SP_FONT_BOLD, SP_ALIGN_CENTER, t->text,
                    SP_ROLE_STUDENT, 2);
    y += t->space_m;
    sp_ui_label(ui, (sp_rect){t->margin, y, w, bh}, _("Let's look at your goals."), t->lead_size, SP_FONT_REGULAR,
                SP_ALIGN_CENTER, t->muted, SP_ROLE_BODY);
}

static void next(sp_app *app, uint64_t now) { kiosk_go(app, kiosk_after_welcome(app), now); }

static uint64_t deadline(const sp_app *app, uint64_t now)
{
    (void)now;
    return app->screen_at + WELCOME_MS;
}

const kiosk_screen kiosk_screen_welcome = {
    .name = "welcome",
    .in_session = true,
    .frame = frame,
    .tap = next,
    .deadline = deadline,
    .timer = next,
};
