/* screen_welcome.c — "Hi, Zoë!" for a moment after a student's badge is recognised, then the
 * student's new celebrations (if any) and the goals. A tap (or Enter) skips ahead. */
#include "app/app_internal.h"

#include <stdio.h>

#define WELCOME_MS 1200

static void frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    const kiosk_theme *t = &app->theme;
    char hello[256];
    snprintf(hello, sizeof hello, "Hi, %s!", app->person.name ? app->person.name : "");
    int hh = kiosk_line_h(&app->metrics, t->huge_size), bh = kiosk_line_h(&app->metrics, t->body_size);
    int y = (t->h - 2 * hh - t->gap - bh) / 2;
    y += sp_ui_text(ui, (sp_rect){t->margin, y, t->w - 2 * t->margin, 2 * hh}, hello, t->huge_size, SP_FONT_BOLD,
                    SP_ALIGN_CENTER, t->accent, SP_ROLE_STUDENT, 2);
    y += t->gap;
    sp_ui_label(ui, (sp_rect){t->margin, y, t->w - 2 * t->margin, bh}, "Let's look at your goals.", t->body_size,
                SP_FONT_REGULAR, SP_ALIGN_CENTER, t->text, SP_ROLE_BODY);
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
