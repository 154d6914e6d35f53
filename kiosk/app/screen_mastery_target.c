/* screen_mastery_target.c — rating one learning target, one question a page:
 *   1. "How well can I do this?": four big choices, 1 to 4, each with its words and a picture
 *      of four rising steps filled up to the number; tapping one goes on;
 *   2. "What shows it?": the unit's assignments as choice chips, "Type my own", Skip and Next;
 *   3. "My next step": a few plain next steps as chips, "Type my own", Skip and Save.
 * Save hands the draft to the saving screen (saving.h), which says "Saved" only after the
 * commit and then shows the unit again, where "Next target" goes on through the unit.
 *
 * The draft is kiosk_person.mastery, so "I'm done", the idle timeout or another badge wipes it
 * before anything is written; Back on the first page leaves without saving. Coming back from
 * the typing screen, the timeout warning or a save that did not go through shows the same
 * page with the draft as it was. */
#include "app/app_internal.h"
#include "app/choices.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    ACT_RATE = KIOSK_ACT_SCREEN, /* + rating 1..4 */
    ACT_SKIP = KIOSK_ACT_SCREEN + 10,
    ACT_NEXT,
    ACT_TYPE,
    ACT_CHIP = KIOSK_ACT_SCREEN + 100, /* + chip index */
};

static const char *const NEXT_STEPS[] = {
    N_("Ask my teacher for help"), N_("Practice with a partner"), N_("Look at my notes"), N_("Try a harder problem"),
    N_("Teach a friend"),
};
#define NNEXT (sizeof NEXT_STEPS / sizeof NEXT_STEPS[0])

void kiosk_mastery_rate(sp_app *app, int i, uint64_t now)
{
    kiosk_mastery *m = &app->person.mastery;
    const sp_mastery_unit *u = kiosk_mastery_unit(app);
    if (!u || i < 0 || (size_t)i >= u->ntargets)
        return;
    m->rating_open = true;
    m->target = i;
    m->step = KIOSK_MASTERY_RATE;
    m->rating = 0;
    memset(m->evidence, 0, sizeof m->evidence);
    memset(m->next, 0, sizeof m->next);
    m->saved = false;
    kiosk_go(app, KIOSK_SCREEN_MASTERY_TARGET, now);
}

/* Closes the draft and wipes what it held. */
static void close_draft(kiosk_mastery *m)
{
    m->rating_open = false;
    m->rating = 0;
    m->step = KIOSK_MASTERY_RATE;
    memset(m->evidence, 0, sizeof m->evidence);
    memset(m->next, 0, sizeof m->next);
}

static void leave(sp_app *app, uint64_t now)
{
    close_draft(&app->person.mastery);
    kiosk_go(app, KIOSK_SCREEN_MASTERY, now);
}

/* ---- saving ------------------------------------------------------------------------------- */

static char *dup_or_empty(const char *s)
{
    char *d = strdup(s ? s : "");
    return d;
}

static void replace(char **slot, const char *s)
{
    char *d = dup_or_empty(s);
    if (!d)
        return; /* out of memory: the card keeps the old words; the database has the new ones */
    if (*slot) {
        memset(*slot, 0, strlen(*slot));
        free(*slot);
    }
    *slot = d;
}

static int save_draft(sp_app *app, long long session_id, const char *created_at, long long *id_out, char *err,
                      size_t errlen)
{
    kiosk_mastery *m = &app->person.mastery;
    sp_mastery_target *tg = kiosk_mastery_target(app);
    if (!tg || m->rating < 1 || m->rating > 4) {
        snprintf(err, errlen, _("This learning target is no longer on the screen."));
        return SQLITE_CONSTRAINT;
    }
    sp_mastery_self_rating in = {
        .student_id = app->person.holder_id,
        .target_id = tg->target_id,
        .session_id = session_id,
        .rating = m->rating,
        .evidence = m->evidence,
        .next_step = m->next,
        .rated_at = created_at,
    };
    int rc = sp_mastery_save(app->db, &in, id_out, err, errlen);
    if (rc == SQLITE_OK) { /* committed: the unit page shows it, and the draft has done its job */
        tg->student_rating = m->rating;
        replace(&tg->student_evidence, m->evidence);
        replace(&tg->student_next, m->next);
        m->saved = true;
        m->saved_target = m->target;
        m->reveal = true;
        close_draft(m);
    }
    return rc;
}

static void save(sp_app *app, uint64_t now)
{
    kiosk_save_request req = {
        .save = save_draft,
        .what = "mastery",
        .then = KIOSK_SCREEN_MASTERY,
        .back = KIOSK_SCREEN_MASTERY_TARGET,
    };
    kiosk_save(app, &req, now);
}

/* ---- moving between pages ------------------------------------------------------------------ */

static void show_step(sp_app *app, kiosk_mastery_step step)
{
    app->person.mastery.step = step;
    sp_ui_reset_targets(&app->ui);
    app->ui.focus_visible = false;
    app->redraw = true;
}

static void next_step(sp_app *app, uint64_t now)
{
    kiosk_mastery *m = &app->person.mastery;
    if (m->step == KIOSK_MASTERY_RATE)
        show_step(app, KIOSK_MASTERY_EVIDENCE);
    else if (m->step == KIOSK_MASTERY_EVIDENCE)
        show_step(app, KIOSK_MASTERY_NEXT);
    else
        save(app, now);
}

static void back(sp_app *app, uint64_t now)
{
    kiosk_mastery *m = &app->person.mastery;
    if (m->step == KIOSK_MASTERY_NEXT)
        show_step(app, KIOSK_MASTERY_EVIDENCE);
    else if (m->step == KIOSK_MASTERY_EVIDENCE)
        show_step(app, KIOSK_MASTERY_RATE);
    else
        leave(app, now);
}

/* The chips of a chip page: the unit's assignments or the next steps. */
static size_t page_chips(const sp_app *app, const char *const **chips)
{
    const kiosk_mastery *m = &app->person.mastery;
    if (m->step == KIOSK_MASTERY_EVIDENCE) {
        const sp_mastery_unit *u = kiosk_mastery_unit(app);
        *chips = u ? (const char *const *)u->assignments : NULL;
        return u ? u->nassignments : 0;
    }
    static const char *shown[NNEXT]; /* the next steps in the kiosk language, looked up again each time */
    for (size_t i = 0; i < NNEXT; i++)
        shown[i] = _(NEXT_STEPS[i]);
    *chips = shown;
    return NNEXT;
}

static char *page_answer(kiosk_mastery *m) { return m->step == KIOSK_MASTERY_EVIDENCE ? m->evidence : m->next; }

static void action(sp_app *app, int id, uint64_t now)
{
    kiosk_mastery *m = &app->person.mastery;
    if (id == KIOSK_ACT_BACK) {
        back(app, now);
    } else if (id == KIOSK_ACT_DONE) {
        kiosk_end_session(app, "done", now);
        kiosk_go(app, KIOSK_SCREEN_DONE, now);
    } else if (m->step == KIOSK_MASTERY_RATE && id > ACT_RATE && id <= ACT_RATE + 4) {
        m->rating = id - ACT_RATE;
        next_step(app, now);
    } else if (m->step == KIOSK_MASTERY_RATE) {
        return;
    } else if (id == ACT_SKIP) {
        memset(page_answer(m), 0, SP_ANSWER_MAX_BYTES);
        next_step(app, now);
    } else if (id == ACT_NEXT) {
        next_step(app, now);
    } else if (id == ACT_TYPE) {
        kiosk_type_answer(app, m->step == KIOSK_MASTERY_EVIDENCE ? _("What shows it?") : _("My next step"),
                          page_answer(m), SP_ANSWER_MAX_BYTES, KIOSK_SCREEN_MASTERY_TARGET, now);
    } else if (id >= ACT_CHIP) {
        const char *const *chips;
        size_t n = page_chips(app, &chips);
        size_t k = (size_t)(id - ACT_CHIP);
        if (k < n && chips[k]) {
            char *answer = page_answer(m);
            if (strcmp(answer, chips[k]) == 0)
                memset(answer, 0, SP_ANSWER_MAX_BYTES); /* a second tap takes the choice back */
            else
                snprintf(answer, SP_ANSWER_MAX_BYTES, "%s", chips[k]);
        }
    }
}

/* ---- drawing ------------------------------------------------------------------------------ */

/* One of the four ratings: the steps picture, the number and the words. */
static void rating_choice(sp_app *app, sp_ui *ui, int rating, sp_rect r, bool chosen)
{
    const kiosk_theme *t = &app->theme;
    sp_ui_card(ui, ACT_RATE + rating, r, t->ui.card_bg, chosen ? t->accent : t->ui.card_border, chosen ? 6 : 3);
    int pad = t->ui.pad;
    int num = kiosk_line_h(&app->metrics, t->title_size), body = kiosk_line_h(&app->metrics, t->body_size);
    int words_h = 2 * body;
    int pic_h = r.h - 2 * pad - num - words_h - 2 * t->small_gap;
    if (pic_h > (int)(120 * t->scale))
        pic_h = (int)(120 * t->scale);
    int pic_w = pic_h * 3 / 2;
    if (pic_w > r.w - 2 * pad)
        pic_w = r.w - 2 * pad;
    int total = (pic_h > 0 ? pic_h + t->small_gap : 0) + num + t->small_gap + words_h;
    int y = r.y + (r.h - total) / 2;
    if (pic_h > 0) {
        kiosk_mastery_steps(ui, (sp_rect){r.x + (r.w - pic_w) / 2, y, pic_w, pic_h}, rating, t->accent, t->track);
        y += pic_h + t->small_gap;
    }
    char n[4];
    snprintf(n, sizeof n, "%d", rating);
    sp_ui_label(ui, (sp_rect){r.x + pad, y, r.w - 2 * pad, num}, n, t->title_size, SP_FONT_BOLD, SP_ALIGN_CENTER,
                t->accent, SP_ROLE_BUTTON);
    y += num + t->small_gap;
    sp_ui_text(ui, (sp_rect){r.x + t->small_gap, y, r.w - 2 * t->small_gap, words_h}, sp_mastery_words(rating),
               t->body_size, SP_FONT_BOLD, SP_ALIGN_CENTER, t->text, SP_ROLE_BUTTON, 2);
}

static void rate_page(sp_app *app, sp_ui *ui, sp_rect c)
{
    const kiosk_theme *t = &app->theme;
    const kiosk_mastery *m = &app->person.mastery;
    int cols = t->portrait ? 2 : 4, rows = t->portrait ? 2 : 1;
    int cw = (c.w - (cols - 1) * t->gap) / cols;
    int ch = (c.h - (rows - 1) * t->gap) / rows;
    if (ch > (int)(330 * t->scale))
        ch = (int)(330 * t->scale);
    int y0 = c.y; /* right under the question, where the eye already is */
    for (int i = 0; i < 4; i++) {
        sp_rect r = {c.x + (i % cols) * (cw + t->gap), y0 + (i / cols) * (ch + t->gap), cw, ch};
        rating_choice(app, ui, i + 1, r, m->rating == i + 1);
    }
}

static void chips_page(sp_app *app, sp_ui *ui, sp_rect c)
{
    kiosk_mastery *m = &app->person.mastery;
    kiosk_choices ch = {
        .answer = page_answer(m),
        .chip_id = ACT_CHIP,
        .type_id = ACT_TYPE,
        .role = m->step == KIOSK_MASTERY_EVIDENCE ? SP_ROLE_BODY : SP_ROLE_BUTTON,
        .look = KIOSK_CHIPS_CENTRED,
    };
    ch.n = page_chips(app, &ch.chips);
    kiosk_choices_page(app, ui, c, &ch, ACT_SKIP, ACT_NEXT, m->step == KIOSK_MASTERY_NEXT);
}

static void frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    const kiosk_theme *t = &app->theme;
    kiosk_mastery *m = &app->person.mastery;
    const sp_mastery_unit *u = kiosk_mastery_unit(app);
    const sp_mastery_target *tg = kiosk_mastery_target(app);
    sp_rect c = kiosk_header(app, ui, kiosk_mastery_title(app, _("Rate my target"), _("My target")), true, true);
    if (!u || !tg)
        return;
    static const char *const QUESTIONS[] = {N_("How well can I do this?"), N_("What shows it?"), N_("My next step")};
    int step = m->step >= KIOSK_MASTERY_RATE && m->step <= KIOSK_MASTERY_NEXT ? (int)m->step : 0;
    int lbl = kiosk_line_h(&app->metrics, t->label_size), body = kiosk_line_h(&app->metrics, t->body_size);
    int big = kiosk_line_h(&app->metrics, t->title_size);
    int y = c.y;

    char where[96];
    snprintf(where, sizeof where, _("Target %d of %zu  \xC2\xB7  Step %d of 3"), m->target + 1, u->ntargets, step + 1);
    sp_i18n_digits(where, sizeof where);
    sp_ui_label(ui, (sp_rect){c.x, y, c.w, lbl}, where, t->label_size, SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted,
                SP_ROLE_LABEL);
    y += lbl + t->small_gap / 2;
    y += sp_ui_text(ui, (sp_rect){c.x, y, c.w, 3 * body}, tg->statement ? tg->statement : "", t->body_size,
                    SP_FONT_BOLD, SP_ALIGN_LEFT, t->text, SP_ROLE_BODY, 3);
    if (step == KIOSK_MASTERY_RATE && tg->student_rating >= 1 && tg->student_rating <= 4) {
        char last[80];
        snprintf(last, sizeof last, _("Last time I said: %d %s"), tg->student_rating, sp_mastery_words(tg->student_rating));
        sp_ui_label(ui, (sp_rect){c.x, y, c.w, lbl}, last, t->label_size, SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted,
                    SP_ROLE_STUDENT);
        y += lbl;
    }
    y += t->small_gap;
    y += sp_ui_text(ui, (sp_rect){c.x, y, c.w, 2 * big}, _(QUESTIONS[step]), t->title_size, SP_FONT_BOLD, SP_ALIGN_LEFT,
                    t->accent, SP_ROLE_TITLE, 2);
    y += t->gap;
    sp_rect rest = {c.x, y, c.w, c.y + c.h - y};
    if (step == KIOSK_MASTERY_RATE)
        rate_page(app, ui, rest);
    else
        chips_page(app, ui, rest);
}

static void enter(sp_app *app, uint64_t now)
{
    /* Back from typing, the timeout warning or a failed save: the draft is still there. Without
     * one (it was saved, or the unit is gone) there is nothing to rate. */
    if (!kiosk_mastery_target(app))
        kiosk_go(app, KIOSK_SCREEN_MASTERY, now);
}

const kiosk_screen kiosk_screen_mastery_target = {
    .name = "mastery-target",
    .in_session = true,
    .enter = enter,
    .frame = frame,
    .action = action,
    .back = back,
};
