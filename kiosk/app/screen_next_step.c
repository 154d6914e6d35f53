/* screen_next_step.c — "Set my next step": the four questions of the goal-setting script for one
 * goal, then the plan to save.
 *
 * Pages 1 to 4 each ask one question with its own choice chips, all in the student's words:
 * what's getting in the way (the goal's obstacle chips), which change would help most (the
 * student choices of its if/then rules and general steps), how we will know (chips made from
 * the goal itself: its unit, its chart, its target and the student's "how we'll know"), and
 * what support first (the student's support and general supports). "Type my own" opens the
 * typing screen on the same answer. Back and Next walk the pages with "Step 2 of 4" between
 * them; page 5 shows the four answers (each opens its page again) and "Save my plan", which
 * saves through saving.h in one transaction and says "Saved" only after the commit.
 *
 * The answers live in kiosk_person.next_step, so a timeout or "I'm done" wipes them. Chips that
 * do not fit the window go to further pages behind "More choices" (choices.c); "Type my own"
 * always shows. */
#include "app/app_internal.h"
#include "app/choices.h"

#include <stdio.h>
#include <string.h>

#define PAGES KIOSK_NEXT_STEP_QUESTIONS
#define MAX_CHOICES (SP_CHIP_MAX + 1)

enum { ACT_NEXT = KIOSK_ACT_SCREEN, ACT_SAVE, ACT_OWN, ACT_CHIP = KIOSK_ACT_SCREEN + 20, ACT_ROW = KIOSK_ACT_SCREEN + 60 };

static const char *const QUESTIONS[PAGES] = {
    N_("What's getting in the way?"),
    N_("Which change would help most?"),
    N_("How will we know it's working?"),
    N_("What support do I want first?"),
};

static kiosk_next_step *flow(sp_app *app) { return &app->person.next_step; }

static const sp_goal_view *goal_of(const sp_app *app)
{
    const kiosk_next_step *f = &app->person.next_step;
    if (f->goal < 0 || (size_t)f->goal >= app->person.ngoals)
        return NULL;
    return &app->person.goals[f->goal];
}

/* ---- chips ------------------------------------------------------------------------------- */

static void add_know(kiosk_next_step *f, const char *text)
{
    char err[128];
    if (f->nknow < SP_CHIP_MAX && text[0] && strlen(text) < SP_CHIP_BYTES && sp_answer_valid(text, err, sizeof err))
        snprintf(f->know[f->nknow++], SP_CHIP_BYTES, "%s", text);
}

/* "How will we know it's working?" from what the goal measures. */
static void make_know_chips(kiosk_next_step *f, const sp_goal_view *v)
{
    char s[4 * SP_CHIP_BYTES];
    const char *unit = v->unit_label;
    bool words = unit[0] && unit[0] != '%';
    snprintf(s, sizeof s, _("My teacher checks my %s"), words ? unit : _("work"));
    add_know(f, s);
    add_know(f, v->goal.direction == SP_LOWER_IS_BETTER ? _("My chart goes down") : _("My chart goes up"));
    char value[48], day[32];
    kiosk_value_words(v->goal.target, unit, value, sizeof value);
    kiosk_date_words(v->goal.due_day, day, sizeof day);
    char amount[160];
    snprintf(amount, sizeof amount, "%s%s%s", value, words ? " " : "", words ? unit : "");
    snprintf(s, sizeof s, _("I reach %s by %s"), amount, day);
    add_know(f, s);
    if (v->student_know && v->student_know[0] && strlen(v->student_know) < sizeof s) {
        snprintf(s, sizeof s, "%s", v->student_know); /* the student's words for it */
        size_t n = strlen(s);
        if (n && s[n - 1] == '.')
            s[n - 1] = 0;
        add_know(f, s);
    }
    add_know(f, _("I tell my teacher how it's going"));
}

static size_t choices(const kiosk_next_step *f, int page, const char **out)
{
    size_t n = 0;
    if (page == 0)
        for (size_t i = 0; i < f->chips.nobstacle && n < SP_CHIP_MAX; i++)
            out[n++] = f->chips.obstacle[i];
    else if (page == 2)
        for (size_t i = 0; i < f->nknow && n < SP_CHIP_MAX; i++)
            out[n++] = f->know[i];
    else if (page == 3)
        for (size_t i = 0; i < f->chips.nsupport && n < SP_CHIP_MAX; i++)
            out[n++] = f->chips.support[i];
    else
        for (size_t i = 0; i < f->chips.nnext && n < SP_CHIP_MAX; i++)
            out[n++] = f->chips.next[i];
    return n;
}

void kiosk_next_step_open(sp_app *app, int goal, uint64_t now)
{
    kiosk_person *p = &app->person;
    if (!p->active || goal < 0 || (size_t)goal >= p->ngoals)
        return;
    kiosk_next_step *f = flow(app);
    memset(f, 0, sizeof *f);
    f->goal = goal;
    /* Without chips (the database is busy or gone) the questions still take typed answers. */
    if (!app->db || sp_self_check_chips(app->db, p->goals[goal].id, &f->chips) != SQLITE_OK)
        memset(&f->chips, 0, sizeof f->chips);
    make_know_chips(f, &p->goals[goal]);
    kiosk_go(app, KIOSK_SCREEN_NEXT_STEP, now);
}

/* ---- saving ------------------------------------------------------------------------------ */

static int save_plan(sp_app *app, long long session_id, const char *created_at, long long *id_out, char *err,
                     size_t errlen)
{
    kiosk_next_step *f = flow(app);
    const sp_goal_view *v = goal_of(app);
    if (!v) {
        snprintf(err, errlen, _("That goal is no longer open."));
        return SQLITE_CONSTRAINT;
    }
    sp_next_step_plan plan = {
        .student_id = app->person.holder_id,
        .milestone_id = v->id,
        .session_id = session_id,
        .in_the_way = f->answer[0],
        .change = f->answer[1],
        .how_we_know = f->answer[2],
        .support_first = f->answer[3],
        .created_at = created_at,
    };
    int rc = sp_next_step_save(app->db, &plan, id_out, err, errlen);
    if (rc == SQLITE_OK) { /* committed: the draft has done its job */
        int goal = f->goal;
        memset(f, 0, sizeof *f);
        f->goal = goal;
        f->page = PAGES;
    }
    return rc;
}

static bool any_answer(const kiosk_next_step *f)
{
    for (int i = 0; i < PAGES; i++)
        if (f->answer[i][0])
            return true;
    return false;
}

/* ---- drawing ----------------------------------------------------------------------------- */

/* The bottom row: Back, the step words, and the primary button. */
static void bottom_row(sp_app *app, sp_ui *ui, const char *step, int primary_id, const char *primary)
{
    const kiosk_theme *t = &app->theme;
    int m = t->margin, bh = t->button_h, bw = t->button_w;
    if (primary_id == ACT_SAVE)
        bw = bw * 5 / 4;
    if (2 * bw + 2 * t->gap > t->w - 2 * m)
        bw = (t->w - 2 * m - 2 * t->gap) / 3;
    int y = t->h - m - bh;
    sp_ui_button(ui, KIOSK_ACT_BACK, (sp_rect){m, y, t->button_w < bw ? t->button_w : bw, bh}, _("Back"),
                 SP_BUTTON_NORMAL, "back");
    if (primary)
        sp_ui_button(ui, primary_id, (sp_rect){t->w - m - bw, y, bw, bh}, primary, SP_BUTTON_PRIMARY, NULL);
    int left = m + bw + t->gap, right = t->w - m - bw - t->gap;
    sp_ui_label(ui, (sp_rect){left, y, right - left, bh}, step, t->label_size, SP_FONT_BOLD, SP_ALIGN_CENTER, t->muted,
                SP_ROLE_LABEL);
}

/* The goal in one line under the header, so the student knows which goal the plan is for. */
static int goal_line(sp_app *app, sp_ui *ui, sp_rect c, const sp_goal_view *v)
{
    const kiosk_theme *t = &app->theme;
    int lbl = kiosk_line_h(&app->metrics, t->label_size);
    int row = t->icon_size * 3 / 4 > lbl ? t->icon_size * 3 / 4 : lbl;
    int is = t->icon_size * 3 / 4;
    sp_draw_icon(ui->dl, (sp_rect){c.x, c.y + (row - is) / 2, is, is}, v->category, t->accent);
    int off = is + t->small_gap;
    sp_ui_label(ui, (sp_rect){c.x + off, c.y, c.w - off, row}, v->student_text ? v->student_text : "", t->label_size,
                SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted, SP_ROLE_STUDENT);
    return row + t->small_gap;
}

static void question_page(sp_app *app, sp_ui *ui, sp_rect c, const sp_goal_view *v, int page)
{
    const kiosk_theme *t = &app->theme;
    kiosk_next_step *f = flow(app);
    int y = c.y + goal_line(app, ui, c, v);
    int title = kiosk_line_h(&app->metrics, t->title_size);
    y += sp_ui_text(ui, (sp_rect){c.x, y, c.w, 2 * title}, _(QUESTIONS[page]), t->title_size, SP_FONT_BOLD,
                    SP_ALIGN_LEFT, t->text, SP_ROLE_TITLE, 2);
    y += t->gap;

    const char *list[MAX_CHOICES];
    kiosk_choices ch = {
        .chips = list,
        .n = choices(f, page, list),
        .answer = f->answer[page],
        .chip_id = ACT_CHIP,
        .type_id = ACT_OWN,
        .role = page == 0 ? SP_ROLE_BODY : SP_ROLE_STUDENT,
        .look = KIOSK_CHIPS_LEFT,
    };
    int bottom = t->h - t->margin - t->button_h - t->gap;
    kiosk_choices_grid(app, ui, (sp_rect){c.x, y, c.w, bottom - y}, &ch);

    char step[32];
    snprintf(step, sizeof step, _("Step %d of %d"), page + 1, PAGES);
    sp_i18n_digits(step, sizeof step);
    bottom_row(app, ui, step, ACT_NEXT, f->answer[page][0] ? _("Next") : _("Skip"));
}

static void plan_page(sp_app *app, sp_ui *ui, sp_rect c, const sp_goal_view *v)
{
    const kiosk_theme *t = &app->theme;
    kiosk_next_step *f = flow(app);
    int y = c.y + goal_line(app, ui, c, v);
    int title = kiosk_line_h(&app->metrics, t->title_size);
    sp_ui_label(ui, (sp_rect){c.x, y, c.w, title}, _("My plan"), t->title_size, SP_FONT_BOLD, SP_ALIGN_LEFT, t->text,
                SP_ROLE_TITLE);
    y += title + t->small_gap;
    int lbl = kiosk_line_h(&app->metrics, t->label_size), body = kiosk_line_h(&app->metrics, t->body_size);
    int bottom = t->h - t->margin - t->button_h - t->gap;
    int gap = t->small_gap;
    int row_h = (bottom - y - (PAGES - 1) * gap) / PAGES;
    int want = t->ui.pad + lbl + 2 * body;
    if (row_h > want)
        row_h = want;
    int pad = t->ui.pad / 2;
    for (int i = 0; i < PAGES; i++) {
        sp_rect r = {c.x, y + i * (row_h + gap), c.w, row_h};
        sp_ui_card(ui, ACT_ROW + i, r, t->ui.card_bg, t->ui.card_border, 2);
        sp_ui_label(ui, (sp_rect){r.x + pad, r.y + pad / 2, r.w - 2 * pad, lbl}, _(QUESTIONS[i]), t->label_size,
                    SP_FONT_BOLD, SP_ALIGN_LEFT, t->accent, SP_ROLE_LABEL);
        sp_rect a = {r.x + pad, r.y + pad / 2 + lbl, r.w - 2 * pad, r.h - pad - lbl};
        if (f->answer[i][0])
            sp_ui_text(ui, a, f->answer[i], t->body_size, SP_FONT_REGULAR, SP_ALIGN_LEFT, t->text, SP_ROLE_STUDENT, 2);
        else
            sp_ui_text(ui, a, _("Skipped. Tap to answer."), t->body_size, SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted,
                       SP_ROLE_BODY, 1);
    }
    if (any_answer(f))
        bottom_row(app, ui, "", ACT_SAVE, _("Save my plan"));
    else
        bottom_row(app, ui, _("Answer at least one question"), 0, NULL);
}

static void frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    const sp_goal_view *v = goal_of(app);
    sp_rect c = kiosk_header(app, ui, _("Set my next step"), false, true);
    if (!v)
        return;
    int page = flow(app)->page;
    if (page >= 0 && page < PAGES)
        question_page(app, ui, c, v, page);
    else
        plan_page(app, ui, c, v);
}

/* ---- input ------------------------------------------------------------------------------- */

static void back(sp_app *app, uint64_t now)
{
    kiosk_next_step *f = flow(app);
    if (f->page > 0) {
        f->page--;
        app->redraw = true;
        return;
    }
    /* Leaving the flow drops its answers: nothing unsaved stays in memory. */
    memset(f, 0, sizeof *f);
    f->goal = -1;
    kiosk_go(app, KIOSK_SCREEN_GOAL, now);
}

static void action(sp_app *app, int id, uint64_t now)
{
    kiosk_next_step *f = flow(app);
    int page = f->page;
    if (id == KIOSK_ACT_BACK) {
        back(app, now);
    } else if (id == KIOSK_ACT_DONE) {
        kiosk_end_session(app, "done", now);
        kiosk_go(app, KIOSK_SCREEN_DONE, now);
    } else if (id == ACT_NEXT && page < PAGES) {
        f->page++;
    } else if (id == ACT_SAVE && page == PAGES && any_answer(f)) {
        kiosk_save_request req = {save_plan, "next-step", KIOSK_SCREEN_GOAL, KIOSK_SCREEN_NEXT_STEP};
        kiosk_save(app, &req, now);
    } else if (id == ACT_OWN && page < PAGES) {
        kiosk_type_answer(app, _(QUESTIONS[page]), f->answer[page], sizeof f->answer[page], KIOSK_SCREEN_NEXT_STEP, now);
    } else if (id >= ACT_CHIP && id < ACT_CHIP + SP_CHIP_MAX && page < PAGES) {
        const char *list[MAX_CHOICES];
        size_t n = choices(f, page, list);
        size_t i = (size_t)(id - ACT_CHIP);
        if (i < n) {
            bool again = strcmp(f->answer[page], list[i]) == 0; /* a second tap un-picks it */
            memset(f->answer[page], 0, sizeof f->answer[page]);
            if (!again)
                snprintf(f->answer[page], sizeof f->answer[page], "%s", list[i]);
        }
    } else if (id >= ACT_ROW && id < ACT_ROW + PAGES && page == PAGES) {
        f->page = id - ACT_ROW;
    }
}

const kiosk_screen kiosk_screen_next_step = {
    .name = "next-step",
    .in_session = true,
    .frame = frame,
    .action = action,
    .back = back,
};
