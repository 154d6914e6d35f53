/* screen_wins.c — "My wins": the student's celebrations and shout-outs, newest first, each with
 * its date, kept for the conference. Reached from My goals.
 *
 * The list is read when the page opens (at most KIOSK_WINS_MAX, kiosk-visible goals only,
 * withdrawn ones never) and lives in kiosk_person until the session ends. Each win is a card:
 * a disc in its kind's colour with its icon, what kind of win it was and when, the message in
 * full (wrapped, never cut), the teacher's name for a shout-out, and the goal it belongs to. Card
 * heights follow their words, so the page scrolls (wheel, drag, Page Up/Down, Home/End). */
#include "app/app_internal.h"
#include "i18n.h"
#include "dates.h"

#include <stdio.h>
#include <string.h>

static void load(sp_app *app)
{
    kiosk_moments *m = &app->person.moments;
    sp_celebration_rows_free(m->wins, m->nwins);
    m->wins = NULL;
    m->nwins = 0;
    m->wins_scroll = 0;
    if (!app->db)
        return;
    sp_celebration_query q = {.student_id = app->person.holder_id, .vis_mask = SP_VIS_KIOSK, .limit = KIOSK_WINS_MAX};
    if (sp_celebrations_list(app->db, &q, &m->wins, &m->nwins) != SQLITE_OK) {
        m->wins = NULL;
        m->nwins = 0;
    }
}

static void enter(sp_app *app, uint64_t now)
{
    (void)now;
    if (!app->person.moments.wins)
        load(app);
}

static const char *kind_words(sp_celebration_kind k)
{
    switch (k) {
    case SP_CELEBRATION_MET: return _("Goal met");
    case SP_CELEBRATION_STEP: return _("Step reached");
    case SP_CELEBRATION_IMPROVEMENT: return _("Getting better");
    case SP_CELEBRATION_STREAK: return _("On a roll");
    case SP_CELEBRATION_RAISE_GOAL: return _("Ready for a bigger goal");
    case SP_CELEBRATION_SHOUT_OUT: break;
    }
    return _("Shout-out");
}

static sp_color kind_color(const kiosk_theme *t, sp_celebration_kind k)
{
    switch (k) {
    case SP_CELEBRATION_STEP: return t->green;
    case SP_CELEBRATION_IMPROVEMENT:
    case SP_CELEBRATION_RAISE_GOAL: return t->accent;
    case SP_CELEBRATION_STREAK: return (sp_color){196, 72, 20, 255};
    case SP_CELEBRATION_SHOUT_OUT: return (sp_color){122, 60, 170, 255};
    case SP_CELEBRATION_MET: break;
    }
    return t->gold;
}

/* "Goal met · November 20", "Shout-out from Ms. Rivera · November 22" */
static void caption(const sp_celebration_row *c, char *out, size_t len)
{
    int day = 0;
    char date[11], when[40] = "";
    snprintf(date, sizeof date, "%.10s", c->created_at);
    if (sp_date_parse(date, &day))
        kiosk_date_words(day, when, sizeof when);
    if (c->kind == SP_CELEBRATION_SHOUT_OUT && c->by_name[0])
        snprintf(out, len, _("Shout-out from %s \xC2\xB7 %s"), c->by_name, when);
    else
        snprintf(out, len, "%s \xC2\xB7 %s", kind_words(c->kind), when);
}

static void goal_words(const sp_celebration_row *c, char *out, size_t len)
{
    if (c->parent_id && c->step_count > 0)
        snprintf(out, len, _("Step %d of %d toward: %s"), c->step_no, c->step_count, c->parent_text);
    else if (c->goal_text[0] && !strstr(c->message, c->goal_text)) /* not twice */
        snprintf(out, len, _("My goal: %s"), c->goal_text);
    else
        out[0] = 0;
}

/* Height of one card for its words at width w (text area). */
static int card_h(const sp_app *app, const sp_celebration_row *c, int w)
{
    const kiosk_theme *t = &app->theme;
    sp_ui_line lines[SP_UI_MAX_LINES];
    char goal[SP_CELEBRATION_TEXT_MAX + 96];
    goal_words(c, goal, sizeof goal);
    int lbl = kiosk_line_h(&app->metrics, t->label_size), body = kiosk_line_h(&app->metrics, t->body_size);
    int n = sp_ui_wrap(&app->metrics, c->message, t->body_size, SP_FONT_BOLD, w, 0, lines);
    int g = goal[0] ? sp_ui_wrap(&app->metrics, goal, t->label_size, SP_FONT_REGULAR, w, 0, lines) : 0;
    int h = 2 * t->ui.pad + lbl + t->small_gap + n * body + (g ? t->small_gap + g * lbl : 0);
    int disc = t->icon_size * 3 / 2 + 2 * t->ui.pad;
    return h > disc ? h : disc;
}

static void frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    const kiosk_theme *t = &app->theme;
    kiosk_moments *m = &app->person.moments;
    sp_rect view = kiosk_header(app, ui, _("My wins"), true, true);
    int pad = t->ui.pad, disc = t->icon_size * 3 / 2;
    int tx = view.x + pad + disc + t->gap, tw = view.w - (tx - view.x) - pad;
    int lbl = kiosk_line_h(&app->metrics, t->label_size), body = kiosk_line_h(&app->metrics, t->body_size);
    if (m->nwins == 0) {
        sp_ui_text(ui, (sp_rect){view.x, view.y, view.w, 3 * body},
                   _("Your wins will show here: goals you meet, steps you reach and shout-outs from your teacher."),
                   t->body_size, SP_FONT_REGULAR, SP_ALIGN_LEFT, t->text, SP_ROLE_BODY, 3);
        m->wins_max_scroll = 0;
        return;
    }
    int content = 0;
    for (size_t i = 0; i < m->nwins; i++)
        content += card_h(app, &m->wins[i], tw) + (i ? t->gap : 0);
    m->wins_max_scroll = content > view.h ? content - view.h : 0;
    if (m->wins_scroll > m->wins_max_scroll)
        m->wins_scroll = m->wins_max_scroll;
    sp_ui_clip(ui, view);
    int y = view.y - m->wins_scroll;
    for (size_t i = 0; i < m->nwins; i++) {
        const sp_celebration_row *c = &m->wins[i];
        int h = card_h(app, c, tw);
        sp_rect r = {view.x, y, view.w, h};
        y += h + t->gap;
        if (!sp_rect_intersect(r, view).w)
            continue;
        sp_color kc = kind_color(t, c->kind);
        sp_ui_card(ui, 0, r, t->ui.card_bg, t->ui.card_border, 2);
        sp_rect d = {r.x + pad, r.y + pad, disc, disc};
        if (sp_ui_visible(ui, d)) {
            sp_draw_circle(ui->dl, d, kc);
            int is = disc * 3 / 5;
            sp_draw_icon(ui->dl, (sp_rect){d.x + (disc - is) / 2, d.y + (disc - is) / 2, is, is},
                         c->kind == SP_CELEBRATION_STEP ? "check" : "star", (sp_color){255, 255, 255, 255});
        }
        char cap[400], goal[SP_CELEBRATION_TEXT_MAX + 96];
        caption(c, cap, sizeof cap);
        goal_words(c, goal, sizeof goal);
        int ty = r.y + pad;
        sp_ui_label(ui, (sp_rect){tx, ty, tw, lbl}, cap, t->label_size, SP_FONT_BOLD, SP_ALIGN_LEFT, t->muted,
                    SP_ROLE_LABEL);
        ty += lbl + t->small_gap;
        ty += sp_ui_text(ui, (sp_rect){tx, ty, tw, r.y + h - ty}, c->message, t->body_size, SP_FONT_BOLD, SP_ALIGN_LEFT,
                         t->text, SP_ROLE_STUDENT, 0);
        if (goal[0]) {
            ty += t->small_gap;
            sp_ui_text(ui, (sp_rect){tx, ty, tw, r.y + h - ty}, goal, t->label_size, SP_FONT_REGULAR, SP_ALIGN_LEFT,
                       t->muted, SP_ROLE_STUDENT, 0);
        }
    }
    sp_ui_clip(ui, (sp_rect){0, 0, 0, 0});
    if (m->wins_max_scroll > 0) { /* a thin scroll indicator on the right edge */
        int thumb = view.h * view.h / (content > 0 ? content : 1);
        int ty = view.y + (view.h - thumb) * m->wins_scroll / m->wins_max_scroll;
        int sw = t->small_gap / 2 > 3 ? t->small_gap / 2 : 3;
        sp_draw_rect(ui->dl, (sp_rect){t->w - t->margin / 2 - sw / 2, ty, sw, thumb}, t->grid, sw / 2);
    }
}

static void back(sp_app *app, uint64_t now) { kiosk_go(app, KIOSK_SCREEN_GOALS, now); }

static void action(sp_app *app, int id, uint64_t now)
{
    if (id == KIOSK_ACT_BACK) {
        back(app, now);
    } else if (id == KIOSK_ACT_DONE) {
        kiosk_end_session(app, "done", now);
        kiosk_go(app, KIOSK_SCREEN_DONE, now);
    }
}

static void scroll(sp_app *app, int dy)
{
    kiosk_moments *m = &app->person.moments;
    m->wins_scroll += dy;
    if (m->wins_scroll > m->wins_max_scroll)
        m->wins_scroll = m->wins_max_scroll;
    if (m->wins_scroll < 0)
        m->wins_scroll = 0;
}

static bool key(sp_app *app, sp_app_key k, uint64_t now)
{
    (void)now;
    kiosk_moments *m = &app->person.moments;
    return kiosk_page_key(&m->wins_scroll, m->wins_max_scroll, app->theme.h * 3 / 4, k);
}

const kiosk_screen kiosk_screen_wins = {
    .name = "wins",
    .in_session = true,
    .enter = enter,
    .frame = frame,
    .action = action,
    .back = back,
    .key = key,
    .scroll = scroll,
};
