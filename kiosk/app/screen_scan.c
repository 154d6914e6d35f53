/* screen_scan.c — the attract screen: "Scan your badge", the kiosk's name and a clock.
 *
 * Deliberately still: the only thing that changes is the clock, so the screen asks for one
 * frame per minute (its deadline is the next minute boundary) and the idle kiosk sleeps in
 * between. The "badge" ring is drawn as two concentric circles, which reads as "hold it here"
 * without needing motion. */
#include "app/app_internal.h"

#include <stdio.h>

static long long minute_of(const sp_app *app, uint64_t now)
{
    return ((long long)now + (long long)app->tz_min * 60000) / 60000;
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
    sp_draw_circle(ui->dl, (sp_rect){cx - ring / 2, y, ring, ring}, (sp_color){214, 226, 250, 255});
    int inner = ring * 2 / 3;
    sp_draw_circle(ui->dl, (sp_rect){cx - inner / 2, y + (ring - inner) / 2, inner, inner}, t->accent);
    int icon = inner / 2;
    sp_draw_icon(ui->dl, (sp_rect){cx - icon / 2, y + (ring - icon) / 2, icon, icon}, "star",
                 (sp_color){255, 255, 255, 255});
    y += ring + t->gap * 2;
    int w = t->w - 2 * m;
    y += sp_ui_text(ui, (sp_rect){m, y, w, 2 * huge_h}, "Scan your badge", t->huge_size, SP_FONT_BOLD, SP_ALIGN_CENTER,
                    t->text, SP_ROLE_TITLE, 2);
    y += t->gap;
    sp_ui_text(ui, (sp_rect){m, y, w, 2 * body_h}, "Hold the code on your badge up to the scanner to see your goals.",
               t->body_size, SP_FONT_REGULAR, SP_ALIGN_CENTER, t->muted, SP_ROLE_BODY, 2);
}

static uint64_t deadline(const sp_app *app, uint64_t now)
{
    if (app->redraw)
        return UINT64_MAX; /* a frame is already due */
    long long next = (app->drawn_minute >= 0 ? app->drawn_minute : minute_of(app, now)) + 1;
    return (uint64_t)(next * 60000 - (long long)app->tz_min * 60000);
}

static void timer(sp_app *app, uint64_t now)
{
    (void)now;
    app->redraw = true;
}

const kiosk_screen kiosk_screen_scan = {
    .name = "scan",
    .frame = frame,
    .deadline = deadline,
    .timer = timer,
};
