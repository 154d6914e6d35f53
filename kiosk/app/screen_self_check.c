/* screen_self_check.c — "How did it go?" for one goal, one question a page:
 *   1. the rating: three big traffic-light faces for grades K-2 and read-aloud students, four
 *      big numbered buttons (1-4 with words) for everyone else; tapping one goes on;
 *   2. for a social-emotional goal, "Did I use my strategy?" Yes / No / Skip;
 *   3. "What got in the way?" — asked only when the rating leaves room for it (not after the
 *      top rating: nothing to explain when it went well) — and 4. "What will I try next?":
 *      choice chips in the student's words (sp_self_check_chips), "Type my own" for a typed
 *      answer, Skip, and Next / Save.
 * Save hands the draft to the saving screen (saving.h), which says "Saved" only after the
 * commit. The draft lives in kiosk_person.check, so "I'm done", a timeout or another badge
 * wipes it; Back on the first page leaves without saving anything. */
#include "app/app_internal.h"
#include "app/choices.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

enum {
    PAGE_RATE = 0,
    PAGE_STRATEGY,
    PAGE_OBSTACLE,
    PAGE_NEXT,
};

enum {
    ACT_RATE = KIOSK_ACT_SCREEN, /* + rating 1..4 */
    ACT_YES = KIOSK_ACT_SCREEN + 10,
    ACT_NO,
    ACT_SKIP,
    ACT_NEXT,
    ACT_TYPE,
    ACT_CHIP = KIOSK_ACT_SCREEN + 100, /* + chip index */
};

static const sp_goal_view *check_goal(const sp_app *app)
{
    const kiosk_person *p = &app->person;
    const kiosk_check_draft *d = &p->check;
    if (!d->active || d->goal < 0 || (size_t)d->goal >= p->ngoals)
        return NULL;
    return &p->goals[d->goal];
}

static bool asks_strategy(const sp_goal_view *v) { return v && strcmp(v->category, "social-emotional") == 0; }

/* The top rating ("It went well", "Can teach it") leaves nothing in the way to ask about. */
static bool asks_obstacle(const kiosk_check_draft *d) { return d->rating < (d->scale == SP_SCALE_FACES3 ? 3 : 4); }

/* Chips are read once per self-check; a locked database leaves them empty and the pages offer
 * "Type my own" until the next try. */
static void load_chips(sp_app *app)
{
    kiosk_check_draft *d = &app->person.check;
    const sp_goal_view *v = check_goal(app);
    if (!v || d->chips.nobstacle > 0 || d->chips.nnext > 0 || !app->db)
        return;
    if (sp_self_check_chips(app->db, v->id, &d->chips) != SQLITE_OK)
        memset(&d->chips, 0, sizeof d->chips);
}

void kiosk_self_check_start(sp_app *app, int goal, int from_screen, uint64_t now)
{
    kiosk_person *p = &app->person;
    if (goal < 0 || (size_t)goal >= p->ngoals)
        return;
    kiosk_check_draft *d = &p->check;
    memset(d, 0, sizeof *d);
    d->active = true;
    d->goal = goal;
    d->from_screen = from_screen;
    d->page = PAGE_RATE;
    d->scale = sp_self_check_scale(p->profile.grade, p->profile.read_aloud);
    d->used_strategy = -1;
    load_chips(app);
    kiosk_go(app, KIOSK_SCREEN_SELF_CHECK, now);
}

static void leave(sp_app *app, uint64_t now)
{
    kiosk_check_draft *d = &app->person.check;
    int to = d->from_screen == KIOSK_SCREEN_GOAL ? KIOSK_SCREEN_GOAL : KIOSK_SCREEN_GOALS;
    memset(d, 0, sizeof *d);
    kiosk_go(app, (kiosk_screen_id)to, now);
}

/* ---- saving ------------------------------------------------------------------------------- */

static int save_draft(sp_app *app, long long session_id, const char *created_at, long long *id_out, char *err,
                      size_t errlen)
{
    kiosk_check_draft *d = &app->person.check;
    const sp_goal_view *v = check_goal(app);
    if (!v) {
        snprintf(err, errlen, _("This goal is no longer on the screen."));
        return SQLITE_CONSTRAINT;
    }
    sp_self_check in = {
        .student_id = app->person.holder_id,
        .milestone_id = v->id,
        .session_id = session_id,
        .scale = d->scale,
        .rating = d->rating,
        .used_strategy = d->used_strategy,
        .obstacle = d->obstacle,
        .next_step = d->next,
        .created_at = created_at,
    };
    int rc = sp_self_check_save(app->db, &in, id_out, err, errlen);
    if (rc == SQLITE_OK) { /* saved: the draft has done its job */
        int from = d->from_screen;
        memset(d, 0, sizeof *d);
        d->from_screen = from;
    }
    return rc;
}

static void save(sp_app *app, uint64_t now)
{
    const kiosk_check_draft *d = &app->person.check;
    kiosk_save_request req = {
        .save = save_draft,
        .what = "self-check",
        .then = d->from_screen == KIOSK_SCREEN_GOAL ? KIOSK_SCREEN_GOAL : KIOSK_SCREEN_GOALS,
        .back = KIOSK_SCREEN_SELF_CHECK,
    };
    kiosk_save(app, &req, now);
}

/* ---- moving between pages ------------------------------------------------------------------ */

static void next_page(sp_app *app, uint64_t now)
{
    kiosk_check_draft *d = &app->person.check;
    switch (d->page) {
    case PAGE_RATE:
        d->page = asks_strategy(check_goal(app)) ? PAGE_STRATEGY : asks_obstacle(d) ? PAGE_OBSTACLE : PAGE_NEXT;
        break;
    case PAGE_STRATEGY:
        d->page = asks_obstacle(d) ? PAGE_OBSTACLE : PAGE_NEXT;
        break;
    case PAGE_OBSTACLE:
        d->page = PAGE_NEXT;
        break;
    default:
        save(app, now);
        return;
    }
    if (d->page == PAGE_OBSTACLE || d->page == PAGE_NEXT)
        load_chips(app);
    if (d->page == PAGE_NEXT && !asks_obstacle(d))
        d->obstacle[0] = 0;
    sp_ui_reset_targets(&app->ui);
    app->ui.focus_visible = false;
    app->redraw = true;
}

static void back(sp_app *app, uint64_t now)
{
    kiosk_check_draft *d = &app->person.check;
    switch (d->page) {
    case PAGE_STRATEGY:
        d->page = PAGE_RATE;
        break;
    case PAGE_OBSTACLE:
        d->page = asks_strategy(check_goal(app)) ? PAGE_STRATEGY : PAGE_RATE;
        break;
    case PAGE_NEXT:
        d->page = asks_obstacle(d) ? PAGE_OBSTACLE : asks_strategy(check_goal(app)) ? PAGE_STRATEGY : PAGE_RATE;
        break;
    default:
        leave(app, now);
        return;
    }
    sp_ui_reset_targets(&app->ui);
    app->redraw = true;
}

/* The answer the current chip page fills in. */
static char *page_answer(kiosk_check_draft *d) { return d->page == PAGE_OBSTACLE ? d->obstacle : d->next; }

static void page_chips(kiosk_check_draft *d, char (**chips)[SP_CHIP_BYTES], size_t *n)
{
    if (d->page == PAGE_OBSTACLE) {
        *chips = d->chips.obstacle;
        *n = d->chips.nobstacle;
    } else {
        *chips = d->chips.next;
        *n = d->chips.nnext;
    }
}

static void action(sp_app *app, int id, uint64_t now)
{
    kiosk_check_draft *d = &app->person.check;
    if (id == KIOSK_ACT_BACK) {
        back(app, now);
    } else if (id == KIOSK_ACT_DONE) {
        kiosk_end_session(app, "done", now);
        kiosk_go(app, KIOSK_SCREEN_DONE, now);
    } else if (d->page == PAGE_RATE && id > ACT_RATE && id <= ACT_RATE + (d->scale == SP_SCALE_FACES3 ? 3 : 4)) {
        d->rating = id - ACT_RATE;
        next_page(app, now);
    } else if (d->page == PAGE_STRATEGY && (id == ACT_YES || id == ACT_NO || id == ACT_SKIP)) {
        d->used_strategy = id == ACT_YES ? 1 : id == ACT_NO ? 0 : -1;
        next_page(app, now);
    } else if ((d->page == PAGE_OBSTACLE || d->page == PAGE_NEXT) && id == ACT_SKIP) {
        page_answer(d)[0] = 0;
        next_page(app, now);
    } else if ((d->page == PAGE_OBSTACLE || d->page == PAGE_NEXT) && id == ACT_NEXT) {
        next_page(app, now);
    } else if ((d->page == PAGE_OBSTACLE || d->page == PAGE_NEXT) && id == ACT_TYPE) {
        char *answer = page_answer(d);
        kiosk_type_answer(app, d->page == PAGE_OBSTACLE ? _("What got in the way?") : _("What will I try next?"), answer,
                          SP_ANSWER_MAX_BYTES, KIOSK_SCREEN_SELF_CHECK, now);
    } else if ((d->page == PAGE_OBSTACLE || d->page == PAGE_NEXT) && id >= ACT_CHIP) {
        char (*chips)[SP_CHIP_BYTES];
        size_t n;
        page_chips(d, &chips, &n);
        size_t k = (size_t)(id - ACT_CHIP);
        if (k < n) {
            char *answer = page_answer(d);
            if (strcmp(answer, chips[k]) == 0)
                answer[0] = 0; /* a second tap takes the choice back */
            else
                snprintf(answer, SP_ANSWER_MAX_BYTES, "%s", chips[k]);
        }
    }
}

/* ---- drawing ------------------------------------------------------------------------------ */

/* The goal in question, one line under the header; returns the height used. */
static int goal_line(sp_app *app, sp_ui *ui, sp_rect c, const sp_goal_view *v)
{
    const kiosk_theme *t = &app->theme;
    int lh = kiosk_line_h(&app->metrics, t->body_size);
    int row = t->icon_size > lh ? t->icon_size : lh;
    sp_draw_icon(ui->dl, (sp_rect){c.x, c.y + (row - t->icon_size) / 2, t->icon_size, t->icon_size}, v->category,
                 t->accent);
    int off = t->icon_size + t->small_gap;
    sp_ui_label(ui, (sp_rect){c.x + off, c.y, c.w - off, row}, v->student_text ? v->student_text : "", t->body_size,
                SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted, SP_ROLE_STUDENT);
    return row + t->gap;
}

/* A big choice: a card with an icon or a number above its words. */
static void big_choice(sp_app *app, sp_ui *ui, int id, sp_rect r, const char *icon, const char *number,
                       const char *words, sp_color c, bool chosen)
{
    const kiosk_theme *t = &app->theme;
    sp_ui_card(ui, id, r, t->ui.card_bg, chosen ? c : t->ui.card_border, chosen ? 6 : 3);
    int lh = kiosk_line_h(&app->metrics, t->body_size);
    int words_h = 2 * lh;
    int room = r.h - words_h - 3 * t->small_gap;
    int size = room < r.w - 2 * t->ui.pad ? room : r.w - 2 * t->ui.pad;
    if (size > (int)(220 * t->scale))
        size = (int)(220 * t->scale);
    if (size < 0)
        size = 0;
    int top = r.y + (r.h - size - words_h - t->small_gap) / 2;
    if (icon) {
        sp_draw_icon(ui->dl, (sp_rect){r.x + (r.w - size) / 2, top, size, size}, icon, c);
    } else {
        int nh = kiosk_line_h(&app->metrics, t->huge_size);
        sp_ui_label(ui, (sp_rect){r.x, top + (size - nh) / 2, r.w, nh}, number, t->huge_size, SP_FONT_BOLD,
                    SP_ALIGN_CENTER, c, SP_ROLE_BUTTON);
    }
    sp_ui_text(ui, (sp_rect){r.x + t->small_gap, top + size + t->small_gap, r.w - 2 * t->small_gap, words_h}, words,
               t->body_size, SP_FONT_BOLD, SP_ALIGN_CENTER, t->text, SP_ROLE_BUTTON, 2);
}

static void rate_page(sp_app *app, sp_ui *ui, sp_rect c, const kiosk_check_draft *d)
{
    const kiosk_theme *t = &app->theme;
    int n = d->scale == SP_SCALE_FACES3 ? 3 : 4;
    int cols = n, rows = 1;
    if (n == 4 && t->portrait) {
        cols = 2;
        rows = 2;
    }
    int cw = (c.w - (cols - 1) * t->gap) / cols;
    int ch = (c.h - (rows - 1) * t->gap) / rows;
    int max_h = (int)((n == 3 ? 380 : 320) * t->scale);
    if (ch > max_h)
        ch = max_h;
    int y0 = c.y + (c.h - (rows * ch + (rows - 1) * t->gap)) / 2;
    for (int i = 0; i < n; i++) {
        int rating = i + 1;
        sp_rect r = {c.x + (i % cols) * (cw + t->gap), y0 + (i / cols) * (ch + t->gap), cw, ch};
        const char *words = sp_scale_words(d->scale, rating);
        if (n == 3) {
            static const char *const FACES[] = {"face-1", "face-2", "face-3"};
            sp_color col = rating == 1 ? t->red : rating == 2 ? t->yellow : t->green;
            big_choice(app, ui, ACT_RATE + rating, r, FACES[i], NULL, words, col, d->rating == rating);
        } else {
            char num[12];
            snprintf(num, sizeof num, "%d", rating);
            big_choice(app, ui, ACT_RATE + rating, r, NULL, num, words, t->accent, d->rating == rating);
        }
    }
}

static void strategy_page(sp_app *app, sp_ui *ui, sp_rect c, const kiosk_check_draft *d)
{
    const kiosk_theme *t = &app->theme;
    int cw = (c.w - t->gap) / 2;
    int ch = c.h - t->button_h - 2 * t->gap;
    if (ch > (int)(300 * t->scale))
        ch = (int)(300 * t->scale);
    int y = c.y + t->gap;
    big_choice(app, ui, ACT_YES, (sp_rect){c.x, y, cw, ch}, "check", NULL, _("Yes, I did"), t->green,
               d->used_strategy == 1);
    big_choice(app, ui, ACT_NO, (sp_rect){c.x + cw + t->gap, y, cw, ch}, "face-2", NULL, _("Not this time"), t->yellow,
               d->used_strategy == 0);
    int bw = t->button_w;
    sp_ui_button(ui, ACT_SKIP, (sp_rect){c.x + (c.w - bw) / 2, y + ch + 2 * t->gap, bw, t->button_h}, _("Skip"),
                 SP_BUTTON_SECONDARY, NULL);
}

static void chips_page(sp_app *app, sp_ui *ui, sp_rect c, kiosk_check_draft *d)
{
    char (*chips)[SP_CHIP_BYTES];
    size_t n;
    page_chips(d, &chips, &n);
    const char *list[SP_CHIP_MAX];
    if (n > SP_CHIP_MAX)
        n = SP_CHIP_MAX;
    for (size_t i = 0; i < n; i++)
        list[i] = chips[i];
    kiosk_choices ch = {
        .chips = list,
        .n = n,
        .answer = page_answer(d),
        .chip_id = ACT_CHIP,
        .type_id = ACT_TYPE,
        .role = d->page == PAGE_NEXT ? SP_ROLE_STUDENT : SP_ROLE_BUTTON,
        .look = KIOSK_CHIPS_CENTRED,
    };
    kiosk_choices_page(app, ui, c, &ch, ACT_SKIP, ACT_NEXT, d->page == PAGE_NEXT);
}

static void frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    kiosk_check_draft *d = &app->person.check;
    const sp_goal_view *v = check_goal(app);
    static const char *const TITLES[] = {N_("How did it go?"), N_("Did I use my strategy?"),
                                         N_("What got in the way?"), N_("What will I try next?")};
    const char *title = _(d->page >= PAGE_RATE && d->page <= PAGE_NEXT ? TITLES[d->page] : TITLES[0]);
    /* The question goes in the header when it fits between Back and "I'm done" (as
     * kiosk_header lays them out), else under it, whole. */
    const kiosk_theme *t = &app->theme;
    int room = kiosk_header_title_room(app, true, true);
    bool fits = sp_ui_text_width(ui, title, t->title_size, SP_FONT_BOLD) <= room;
    sp_rect c = kiosk_header(app, ui, fits ? title : NULL, true, true);
    if (!fits) {
        int th = kiosk_line_h(&app->metrics, t->title_size);
        int used = sp_ui_text(ui, (sp_rect){c.x, c.y, c.w, 2 * th}, title, t->title_size, SP_FONT_BOLD,
                              SP_ALIGN_LEFT, t->text, SP_ROLE_TITLE, 2);
        c.y += used + t->small_gap;
        c.h -= used + t->small_gap;
    }
    if (!v)
        return;
    int used = goal_line(app, ui, c, v);
    c.y += used;
    c.h -= used;
    switch (d->page) {
    case PAGE_RATE:
        rate_page(app, ui, c, d);
        break;
    case PAGE_STRATEGY:
        strategy_page(app, ui, c, d);
        break;
    default:
        chips_page(app, ui, c, d);
        break;
    }
}

static void enter(sp_app *app, uint64_t now)
{
    /* Coming back (from typing, or after a save that did not go through) without a self-check
     * in progress: nothing to show, so go back to the goals. */
    if (!check_goal(app))
        kiosk_go(app, KIOSK_SCREEN_GOALS, now);
}

const kiosk_screen kiosk_screen_self_check = {
    .name = "self-check",
    .in_session = true,
    .enter = enter,
    .frame = frame,
    .action = action,
    .back = back,
};
