/* screen_teacher.c — the teacher menu (opened by a teacher badge) and its "Who signed in
 * today" list.
 *
 * This is the only way out of the kiosk: "Exit kiosk" asks to confirm (a destructive action:
 * students cannot scan until someone starts the kiosk again), and the confirmed "Exit kiosk"
 * ends the teacher's session and raises wants_exit for the platform. The list of names is loaded when the page opens and freed with
 * the rest of the session; it counts as student data (role SP_ROLE_STUDENT) so the renderer's
 * purge drops it too. The idle timeout applies here as everywhere a person is signed in. */
#include "app/app_internal.h"

#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>

enum { ACT_WHO = KIOSK_ACT_SCREEN, ACT_SCAN, ACT_EXIT, ACT_EXIT_CONFIRMED, ACT_KEEP_OPEN };

static void confirm_frame(sp_app *app, sp_ui *ui)
{
    const kiosk_theme *t = &app->theme;
    kiosk_message_page(app, ui, NULL, _("Close the kiosk?"),
                       _("Students cannot scan their badges here until the kiosk is started again."), NULL, NULL,
                       t->text);
    int bw = t->wide_button_w, bh = t->button_h;
    int x = (t->w - bw) / 2;
    int y = t->h - t->margin - 2 * bh - t->gap;
    sp_ui_button(ui, ACT_KEEP_OPEN, (sp_rect){x, y, bw, bh}, _("Keep the kiosk open"), SP_BUTTON_PRIMARY, "back");
    sp_ui_button(ui, ACT_EXIT_CONFIRMED, (sp_rect){x, y + bh + t->gap, bw, bh}, _("Exit kiosk"), SP_BUTTON_DANGER, NULL);
}

static void teacher_frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    const kiosk_theme *t = &app->theme;
    if (app->person.confirm_exit) {
        confirm_frame(app, ui);
        return;
    }
    sp_rect c = kiosk_header(app, ui, _("Teacher menu"), false, false);
    int bw = t->wide_button_w, bh = t->button_h;
    int total = 3 * bh + 2 * t->gap;
    int y = c.y + (c.h - total) / 2;
    if (y < c.y)
        y = c.y;
    int x = (t->w - bw) / 2;
    sp_ui_button(ui, ACT_SCAN, (sp_rect){x, y, bw, bh}, _("Back to scan screen"), SP_BUTTON_PRIMARY, "back");
    y += bh + t->gap;
    sp_ui_button(ui, ACT_WHO, (sp_rect){x, y, bw, bh}, _(_("Who signed in today")), SP_BUTTON_SECONDARY, NULL);
    y += bh + t->gap;
    sp_ui_button(ui, ACT_EXIT, (sp_rect){x, y, bw, bh}, _("Exit kiosk"), SP_BUTTON_SECONDARY, NULL);
}

static void back_to_scan(sp_app *app, uint64_t now)
{
    if (app->person.confirm_exit) { /* Escape on the question keeps the kiosk open */
        app->person.confirm_exit = false;
        return;
    }
    kiosk_end_session(app, "done", now);
    kiosk_go(app, KIOSK_SCREEN_SCAN, now);
}

static void teacher_action(sp_app *app, int id, uint64_t now)
{
    switch (id) {
    case ACT_WHO:
        kiosk_go(app, KIOSK_SCREEN_TEACHER_TODAY, now);
        break;
    case ACT_SCAN:
        back_to_scan(app, now);
        break;
    case ACT_EXIT:
        app->person.confirm_exit = true;
        break;
    case ACT_KEEP_OPEN:
        app->person.confirm_exit = false;
        break;
    case ACT_EXIT_CONFIRMED:
        kiosk_end_session(app, "teacher-exit", now);
        kiosk_go(app, KIOSK_SCREEN_SCAN, now);
        app->exit = true;
        break;
    default:
        break;
    }
}

const kiosk_screen kiosk_screen_teacher = {
    .name = "teacher",
    .in_session = true,
    .frame = teacher_frame,
    .action = teacher_action,
    .back = back_to_scan,
};

/* ---- who signed in today ----------------------------------------------------------------- */

static void today_enter(sp_app *app, uint64_t now)
{
    kiosk_person *p = &app->person;
    free(p->who);
    p->who = NULL;
    p->nwho = 0;
    kiosk_who *list = calloc(KIOSK_WHO_MAX, sizeof *list);
    if (!list)
        return;
    long long day = kiosk_today(app, now);
    if (app->today_override) /* the clock's day, not the progress override, bounds the log */
        day = ((long long)now + (long long)app->tz_min * 60000) / 86400000;
    uint64_t from = (uint64_t)(day * 86400000 - (long long)app->tz_min * 60000);
    size_t n = 0;
    if (kiosk_who_today(&app->log, app->db, from, from + 86400000, app->tz_min, list, KIOSK_WHO_MAX, &n) != SQLITE_OK)
        n = 0;
    p->who = list;
    p->nwho = n;
}

static void today_frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    const kiosk_theme *t = &app->theme;
    const kiosk_person *p = &app->person;
    sp_rect c = kiosk_header(app, ui, _("Who signed in today"), true, false);
    int lh = kiosk_line_h(&app->metrics, t->body_size);
    if (p->nwho == 0) {
        sp_ui_label(ui, (sp_rect){c.x, c.y, c.w, lh}, _("Nobody has signed in here today."), t->body_size,
                    SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted, SP_ROLE_BODY);
        return;
    }
    int cols = t->portrait ? 1 : 2;
    int col_w = (c.w - (cols - 1) * t->gap) / cols;
    int rows = c.h / lh;
    if (rows < 1)
        return;
    size_t capacity = (size_t)(rows * cols);
    size_t shown = p->nwho <= capacity ? p->nwho : capacity - 1;
    int time_w = sp_ui_text_width(ui, "00:00", t->body_size, SP_FONT_BOLD) + t->gap;
    for (size_t i = 0; i < shown; i++) {
        int col = (int)(i / (size_t)rows), row = (int)(i % (size_t)rows);
        int x = c.x + col * (col_w + t->gap), y = c.y + row * lh;
        sp_ui_label(ui, (sp_rect){x, y, time_w, lh}, p->who[i].time, t->body_size, SP_FONT_BOLD, SP_ALIGN_LEFT,
                    t->muted, SP_ROLE_LABEL);
        sp_ui_label(ui, (sp_rect){x + time_w, y, col_w - time_w, lh}, p->who[i].name, t->body_size, SP_FONT_REGULAR,
                    SP_ALIGN_LEFT, t->text, SP_ROLE_STUDENT);
    }
    if (shown < p->nwho) {
        char more[64];
        snprintf(more, sizeof more, sp_ngettext("and %zu more", "and %zu more", (unsigned long)(p->nwho - shown)), p->nwho - shown);
        int col = (int)(shown / (size_t)rows), row = (int)(shown % (size_t)rows);
        sp_ui_label(ui, (sp_rect){c.x + col * (col_w + t->gap), c.y + row * lh, col_w, lh}, more, t->body_size,
                    SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted, SP_ROLE_LABEL);
    }
}

static void today_back(sp_app *app, uint64_t now) { kiosk_go(app, KIOSK_SCREEN_TEACHER, now); }

static void today_action(sp_app *app, int id, uint64_t now)
{
    if (id == KIOSK_ACT_BACK)
        today_back(app, now);
}

const kiosk_screen kiosk_screen_teacher_today = {
    .name = "teacher-today",
    .in_session = true,
    .enter = today_enter,
    .frame = today_frame,
    .action = today_action,
    .back = today_back,
};
