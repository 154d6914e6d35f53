/* screen_goals.c — "My goals": one card per kiosk-visible goal, in a grid that scrolls.
 *
 * Layout is a pure function of the window (goals_layout): the theme gives the number of columns
 * and a card height with room for everything on a card, so the same numbers serve drawing,
 * scrolling and keeping the focused card in view. A card shows the category icon and words,
 * the student's own text (at most three lines, then "…"), the traffic light as a coloured dot
 * AND in words, a bar from the starting point through now to the goal, and the next check
 * date. A goal still being baselined says "We're finding your starting point"; a met goal says
 * so with a star and a gold border. A "How did it go?" button at the foot of each card starts
 * the self-check; it is a target of its own drawn over the card, so a tap on it wins (hit
 * testing takes the last target drawn) while the rest of the card opens the goal.
 *
 * Keys: arrows move between cards (up/down by a row), Page Up/Down and Home/End scroll, Tab
 * walks cards then "I'm done", Enter opens the focused card. */
#include "app/app_internal.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

#define ACT_SELF_CHECK 5000 /* + goal index: the card's "How did it go?" button */
#define ACT_TARGETS (KIOSK_ACT_SCREEN + 1) /* "My learning targets" */

static const char TARGETS_LABEL[] = "My learning targets";
#define ACT_WINS (KIOSK_ACT_SCREEN + 2) /* "My wins" */

/* Width of a header button holding an icon and its words. */
static int label_button_w(const sp_app *app, const char *label)
{
    const kiosk_theme *t = &app->theme;
    const sp_text_metrics *m = &app->metrics;
    int w = m->text_width(m->user, label, strlen(label), t->ui.button_text_size, SP_FONT_BOLD) +
            t->ui.button_text_size + t->ui.pad / 2 + 2 * t->ui.pad;
    return w > t->w - 2 * t->margin ? t->w - 2 * t->margin : w;
}

/* "My wins" and "My learning targets" sit in the header between the title and "Read to me" /
 * "I'm done" when there is room, else side by side on a row of their own under the header
 * (narrow portrait windows); *below is the height that row takes from the list. */
static void extra_buttons(const sp_app *app, sp_rect *wins, sp_rect *targets, int *below)
{
    const kiosk_theme *t = &app->theme;
    const sp_text_metrics *m = &app->metrics;
    int tw = label_button_w(app, TARGETS_LABEL), ww = label_button_w(app, _("My wins"));
    int title = m->text_width(m->user, "My goals", 8, t->title_size, SP_FONT_BOLD);
    int read = kiosk_read_button_w(app, "", t->w); /* "Read to me" with its words, 0 if not offered */
    int done_w = kiosk_header_button_w(app);
    int both = ww + t->gap + tw;
    if (2 * t->margin + title + both + done_w + 2 * t->gap + (read ? read + t->gap : 0) <= t->w) {
        read = kiosk_header_read_w(app, "My goals", false, true, both + t->gap); /* as kiosk_header_reserve */
        int right = t->w - t->margin - done_w - t->gap - (read ? read + t->gap : 0);
        *below = 0;
        *targets = (sp_rect){right - tw, t->margin, tw, t->button_h};
        *wins = (sp_rect){right - both, t->margin, ww, t->button_h};
        return;
    }
    *below = t->button_h + t->gap;
    int y = t->margin + t->button_h + t->gap, room = t->w - 2 * t->margin;
    if (both > room) { /* share the row */
        ww = (room - t->gap) / 2;
        tw = room - t->gap - ww;
    }
    *wins = (sp_rect){t->margin, y, ww, t->button_h};
    *targets = (sp_rect){t->margin + ww + t->gap, y, tw, t->button_h};
}

typedef struct {
    sp_rect view;      /* visible area of the list */
    int columns, card_w, card_h, gap;
    int content_h;     /* height of all rows */
    int max_scroll;
} goals_layout;

/* ---- steps under their long-term goal ---------------------------------------------------- */

/* A short-term step's place among its long-term goal's steps (the model orders steps right after
 * their goal), or a long-term goal's steps and how many are reached. */
typedef struct {
    const sp_goal_view *parent; /* set for a step whose goal is on this list */
    int no, count;              /* "Step no of count" */
    int reached;                /* a long-term goal: steps met so far (count: its steps) */
} step_info;

static bool goal_met(const sp_goal_view *v) { return v->progress.met || strcmp(v->status, "met") == 0; }

static bool step_of(const sp_goal_view *v, long long parent)
{
    return parent && v->parent_id == parent && strcmp(v->horizon, "short") == 0;
}

static step_info steps_of(const kiosk_person *p, size_t i)
{
    step_info s = {0};
    const sp_goal_view *v = &p->goals[i];
    for (size_t j = 0; j < p->ngoals; j++)
        if (step_of(v, p->goals[j].id))
            s.parent = &p->goals[j];
    long long family = s.parent ? s.parent->id : v->id;
    for (size_t j = 0; j < p->ngoals; j++) {
        if (!step_of(&p->goals[j], family))
            continue;
        s.count++;
        if (j <= i && s.parent)
            s.no = s.count;
        if (goal_met(&p->goals[j]))
            s.reached++;
    }
    return s;
}

/* Whether any card of the list is a step or has steps: then every card keeps two lines for it,
 * so the grid stays even. */
static bool any_steps(const kiosk_person *p)
{
    for (size_t i = 0; i < p->ngoals; i++)
        if (steps_of(p, i).count > 0)
            return true;
    return false;
}

static int steps_h(const sp_app *app)
{
    return any_steps(&app->person) ? 2 * kiosk_line_h(&app->metrics, app->theme.label_size) + app->theme.small_gap
                                   : 0;
}

/* "Step 1 of 2 toward: I will finish all 5 steps of my FAFSA." under a step's category, or a row
 * of step marks under a long-term goal: a gold check for each step reached, an open ring for each
 * to come, and "1 of 2 steps reached". */
static void steps_line(sp_app *app, sp_ui *ui, sp_rect r, const kiosk_person *p, size_t i)
{
    const kiosk_theme *t = &app->theme;
    step_info s = steps_of(p, i);
    char words[SP_CELEBRATION_TEXT_MAX + 96];
    if (s.parent) {
        snprintf(words, sizeof words, _("Step %d of %d toward: %s"), s.no, s.count,
                 s.parent->student_text ? s.parent->student_text : "");
        sp_ui_text(ui, r, words, t->label_size, SP_FONT_BOLD, SP_ALIGN_LEFT, t->accent, SP_ROLE_STUDENT, 2);
        return;
    }
    if (s.count == 0)
        return;
    int lbl = kiosk_line_h(&app->metrics, t->label_size), mark = lbl * 4 / 5, x = r.x;
    for (size_t j = 0; j < p->ngoals && x + mark <= r.x + r.w; j++) {
        if (!step_of(&p->goals[j], p->goals[i].id))
            continue;
        sp_rect m = {x, r.y + (lbl - mark) / 2, mark, mark};
        if (sp_ui_visible(ui, m)) {
            if (goal_met(&p->goals[j])) {
                sp_draw_circle(ui->dl, m, t->gold);
                sp_draw_icon(ui->dl, (sp_rect){m.x + mark / 5, m.y + mark / 5, mark * 3 / 5, mark * 3 / 5}, "check",
                             (sp_color){255, 255, 255, 255});
            } else {
                sp_draw_circle(ui->dl, m, t->grid);
                sp_draw_circle(ui->dl, (sp_rect){m.x + 3, m.y + 3, mark - 6, mark - 6}, t->ui.card_bg);
            }
        }
        x += mark + t->small_gap / 2;
    }
    snprintf(words, sizeof words, sp_ngettext("%d of %d step reached", "%d of %d steps reached", s.count), s.reached,
             s.count);
    x += t->small_gap / 2;
    sp_ui_text(ui, (sp_rect){x, r.y, r.x + r.w - x, r.h}, words, t->label_size, SP_FONT_BOLD, SP_ALIGN_LEFT, t->muted,
               SP_ROLE_STUDENT, 2);
}

static goals_layout layout(const sp_app *app)
{
    const kiosk_theme *t = &app->theme;
    goals_layout L;
    int below;
    sp_rect wins, targets;
    extra_buttons(app, &wins, &targets, &below);
    int top = t->margin + t->button_h + t->gap + below;
    L.view = (sp_rect){t->margin, top, t->w - 2 * t->margin, t->h - top - t->margin};
    L.columns = t->columns;
    L.gap = t->gap;
    L.card_w = (L.view.w - (L.columns - 1) * L.gap) / L.columns;
    L.card_h = t->card_h + steps_h(app);
    int n = (int)app->person.ngoals;
    int rows = (n + L.columns - 1) / L.columns;
    L.content_h = rows > 0 ? rows * L.card_h + (rows - 1) * L.gap : 0;
    L.max_scroll = L.content_h > L.view.h ? L.content_h - L.view.h : 0;
    return L;
}

static sp_rect card_rect(const goals_layout *L, int i, int scroll)
{
    int col = i % L->columns, row = i / L->columns;
    return (sp_rect){L->view.x + col * (L->card_w + L->gap), L->view.y + row * (L->card_h + L->gap) - scroll, L->card_w,
                     L->card_h};
}

static void clamp_scroll(sp_app *app, const goals_layout *L)
{
    if (app->person.scroll > L->max_scroll)
        app->person.scroll = L->max_scroll;
    if (app->person.scroll < 0)
        app->person.scroll = 0;
}

/* Scrolls just enough to show card i whole. */
static void show_card(sp_app *app, const goals_layout *L, int i)
{
    int top = i / L->columns * (L->card_h + L->gap);
    if (top < app->person.scroll)
        app->person.scroll = top;
    else if (top + L->card_h > app->person.scroll + L->view.h)
        app->person.scroll = top + L->card_h - L->view.h;
    clamp_scroll(app, L);
}

int kiosk_goal_status_width(const sp_app *app, const sp_goal_view *v, int size)
{
    bool met = v->progress.met || strcmp(v->status, "met") == 0;
    const char *words = met                    ? "You met this goal! Way to go!"
                        : v->progress.baselining ? "We're finding your starting point"
                                                 : sp_light_student_words(v->progress.light);
    int lh = kiosk_line_h(&app->metrics, size);
    return lh * 3 / 5 + lh / 3 + app->metrics.text_width(app->metrics.user, words, strlen(words), size, SP_FONT_BOLD);
}

void kiosk_goal_status(sp_app *app, sp_ui *ui, sp_rect r, const sp_goal_view *v, int size, int max_lines)
{
    const kiosk_theme *t = &app->theme;
    int lh = kiosk_line_h(&app->metrics, size);
    int dot = lh * 3 / 5;
    const char *icon = NULL;
    const char *words;
    sp_color c;
    bool met = v->progress.met || strcmp(v->status, "met") == 0;
    if (met) {
        icon = "star";
        words = "You met this goal! Way to go!";
        c = t->gold;
    } else if (v->progress.baselining) {
        icon = NULL;
        words = "We're finding your starting point";
        c = t->accent;
    } else {
        words = sp_light_student_words(v->progress.light);
        c = kiosk_light_color(t, (int)v->progress.light);
    }
    bool shown = sp_ui_visible(ui, (sp_rect){r.x, r.y, r.w, lh}); /* the dot goes with its words */
    if (shown && icon)
        sp_draw_icon(ui->dl, (sp_rect){r.x, r.y + (lh - dot - 4) / 2, dot + 4, dot + 4}, icon, c);
    else if (shown)
        sp_draw_circle(ui->dl, (sp_rect){r.x, r.y + (lh - dot) / 2, dot, dot}, c);
    int off = dot + lh / 3;
    sp_color text_c = (met || v->progress.baselining) ? t->text : c;
    sp_ui_text(ui, (sp_rect){r.x + off, r.y, r.w - off, r.h}, words, size, SP_FONT_BOLD, SP_ALIGN_LEFT, text_c,
               SP_ROLE_STATUS, max_lines);
}

/* Fraction of the way from the starting point to the goal (works for lower-is-better too,
 * since both differences change sign together). */
static double fraction(double baseline, double current, double target)
{
    double span = target - baseline;
    if (span == 0)
        return 1;
    double f = (current - baseline) / span;
    return f < 0 ? 0 : f > 1 ? 1 : f;
}

static void card(sp_app *app, sp_ui *ui, int id, sp_rect r, size_t index, int today)
{
    const sp_goal_view *v = &app->person.goals[index];
    const kiosk_theme *t = &app->theme;
    int pad = t->ui.pad;
    bool met = v->progress.met || strcmp(v->status, "met") == 0;
    sp_ui_card(ui, id, r, t->ui.card_bg, met ? t->gold : t->ui.card_border, met ? 4 : 2);
    int x = r.x + pad, w = r.w - 2 * pad, y = r.y + pad;
    int lbl = kiosk_line_h(&app->metrics, t->label_size);
    int row = t->icon_size > lbl ? t->icon_size : lbl;

    sp_rect icon = {x, y + (row - t->icon_size) / 2, t->icon_size, t->icon_size};
    if (sp_ui_visible(ui, icon))
        sp_draw_icon(ui->dl, icon, v->category, t->accent);
    int off = t->icon_size + t->small_gap;
    sp_ui_label(ui, (sp_rect){x + off, y, w - off, row}, kiosk_category_words(v->category), t->label_size, SP_FONT_BOLD,
                SP_ALIGN_LEFT, t->muted, SP_ROLE_LABEL);
    y += row + t->small_gap;
    int sh = steps_h(app);
    if (sh) {
        steps_line(app, ui, (sp_rect){x, y, w, sh - t->small_gap}, &app->person, index);
        y += sh;
    }

    int th = t->card_text_lines * kiosk_line_h(&app->metrics, t->card_text_size);
    sp_ui_text(ui, (sp_rect){x, y, w, th}, v->student_text ? v->student_text : "", t->card_text_size, SP_FONT_BOLD,
               SP_ALIGN_LEFT, t->text, SP_ROLE_STUDENT, t->card_text_lines);
    y += th + t->small_gap;

    kiosk_goal_status(app, ui, (sp_rect){x, y, w, 2 * lbl}, v, t->label_size, 2);
    y += 2 * lbl + t->small_gap;

    const sp_progress *p = &v->progress;
    char a[48], b[48], c[48], s1[64], s2[64], s3[64];
    if (p->has_baseline) {
        double cur = p->has_current ? p->current : p->baseline;
        double f = met ? 1.0 : fraction(p->baseline, cur, v->goal.target);
        sp_ui_progress(ui, (sp_rect){x, y + t->bar_h / 2, w, t->bar_h}, f, p->has_current ? f : -1, t->track,
                       met ? t->gold : t->accent, t->text);
        y += 2 * t->bar_h;
        int third = w / 3;
        kiosk_value_words(p->baseline, v->unit_label, a, sizeof a);
        kiosk_value_words(v->goal.target, v->unit_label, c, sizeof c);
        snprintf(s1, sizeof s1, "Start %s", a);
        snprintf(s3, sizeof s3, "Goal %s", c);
        sp_ui_label(ui, (sp_rect){x, y, third, lbl}, s1, t->label_size, SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted,
                    SP_ROLE_STUDENT);
        if (p->has_current) {
            kiosk_value_words(p->current, v->unit_label, b, sizeof b);
            snprintf(s2, sizeof s2, "Now %s", b);
            sp_ui_label(ui, (sp_rect){x + third, y, w - 2 * third, lbl}, s2, t->label_size, SP_FONT_BOLD,
                        SP_ALIGN_CENTER, t->text, SP_ROLE_STUDENT);
        }
        sp_ui_label(ui, (sp_rect){x + w - third, y, third, lbl}, s3, t->label_size, SP_FONT_REGULAR, SP_ALIGN_RIGHT,
                    t->muted, SP_ROLE_STUDENT);
    } else {
        y += 2 * t->bar_h;
        snprintf(s1, sizeof s1, "Checks so far: %zu", v->npoints);
        sp_ui_label(ui, (sp_rect){x, y, w, lbl}, s1, t->label_size, SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted,
                    SP_ROLE_STUDENT);
    }
    y += lbl + t->small_gap;

    if (!met) {
        char date[32];
        kiosk_date_words(kiosk_next_check_day(v, today), date, sizeof date);
        snprintf(s1, sizeof s1, "Next check: %s", date);
        sp_ui_label(ui, (sp_rect){x, y, w, lbl}, s1, t->label_size, SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted,
                    SP_ROLE_LABEL);
    }
    sp_rect check = {x, r.y + r.h - pad - t->button_h, w, t->button_h};
    sp_ui_button(ui, ACT_SELF_CHECK + (id - KIOSK_ACT_CARD), check, "How did it go?", SP_BUTTON_NORMAL, NULL);
}

static void frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    const kiosk_theme *t = &app->theme;
    kiosk_person *p = &app->person;
    goals_layout L = layout(app);
    int focus = ui->focus_visible ? ui->focus_id - KIOSK_ACT_CARD : -1;
    if (ui->focus_visible && ui->focus_id >= ACT_SELF_CHECK) /* a card's button shows its card */
        focus = ui->focus_id - ACT_SELF_CHECK;
    if (focus >= 0 && focus < (int)p->ngoals)
        show_card(app, &L, focus);
    clamp_scroll(app, &L);
    int today = kiosk_today(app, now);

    if (p->ngoals == 0) {
        int lh = kiosk_line_h(&app->metrics, t->body_size);
        sp_ui_text(ui, (sp_rect){L.view.x, L.view.y, L.view.w, 3 * lh},
                   "You don't have any goals to show here yet. Your teacher will set them up with you.", t->body_size,
                   SP_FONT_REGULAR, SP_ALIGN_LEFT, t->text, SP_ROLE_BODY, 3);
    } else {
        sp_ui_clip(ui, L.view);
        for (size_t i = 0; i < p->ngoals; i++) {
            sp_rect r = card_rect(&L, (int)i, p->scroll);
            int id = KIOSK_ACT_CARD + (int)i;
            if (!sp_rect_intersect(r, L.view).w) {
                sp_ui_target_add(ui, id, r, false); /* keeps its place in the focus order */
                sp_ui_target_add(ui, ACT_SELF_CHECK + (int)i, r, true);
                continue;
            }
            card(app, ui, id, r, i, today);
        }
        sp_ui_clip(ui, (sp_rect){0, 0, 0, 0});
        if (L.max_scroll > 0) { /* a thin scroll indicator on the right edge */
            int track_h = L.view.h;
            int thumb = track_h * L.view.h / (L.content_h > 0 ? L.content_h : 1);
            int ty = L.view.y + (track_h - thumb) * p->scroll / L.max_scroll;
            int sw = t->small_gap / 2 > 3 ? t->small_gap / 2 : 3;
            sp_draw_rect(ui->dl, (sp_rect){t->w - t->margin / 2 - sw / 2, ty, sw, thumb}, t->grid, sw / 2);
        }
    }
    /* The header last, so the focus order is the cards first, then "I'm done". */
    int below;
    sp_rect wins, targets;
    extra_buttons(app, &wins, &targets, &below);
    sp_ui_button(ui, ACT_WINS, wins, _("My wins"), SP_BUTTON_NORMAL, "star");
    sp_ui_button(ui, ACT_TARGETS, targets, TARGETS_LABEL, SP_BUTTON_NORMAL, "academic");
    kiosk_header_reserve(app, ui, "My goals", false, true, below ? 0 : targets.x + targets.w - wins.x + t->gap);
}

static void done(sp_app *app, uint64_t now)
{
    kiosk_end_session(app, "done", now);
    kiosk_go(app, KIOSK_SCREEN_DONE, now);
}

static void action(sp_app *app, int id, uint64_t now)
{
    if (id == KIOSK_ACT_DONE) {
        done(app, now);
    } else if (id >= KIOSK_ACT_CARD && id < KIOSK_ACT_CARD + (int)app->person.ngoals) {
        app->person.open_goal = id - KIOSK_ACT_CARD;
        kiosk_go(app, KIOSK_SCREEN_GOAL, now);
    } else if (id >= ACT_SELF_CHECK && id < ACT_SELF_CHECK + (int)app->person.ngoals) {
        kiosk_self_check_start(app, id - ACT_SELF_CHECK, KIOSK_SCREEN_GOALS, now);
    } else if (id == ACT_TARGETS) {
        kiosk_go(app, KIOSK_SCREEN_MASTERY, now);
    } else if (id == ACT_WINS) {
        kiosk_go(app, KIOSK_SCREEN_WINS, now);
    }
}

static void scroll(sp_app *app, int dy)
{
    goals_layout L = layout(app);
    app->person.scroll += dy;
    clamp_scroll(app, &L);
}

static bool key(sp_app *app, sp_app_key k, uint64_t now)
{
    (void)now;
    goals_layout L = layout(app);
    sp_ui *ui = &app->ui;
    int n = (int)app->person.ngoals;
    int focus = ui->focus_id - KIOSK_ACT_CARD;
    bool on_card = ui->focus_visible && focus >= 0 && focus < n;
    if (kiosk_page_key(&app->person.scroll, L.max_scroll, L.view.h - L.card_h / 2, k))
        return true;
    switch (k) {
    case SP_KEY_UP:
    case SP_KEY_DOWN:
        if (!on_card || n == 0)
            return false;
        focus += k == SP_KEY_DOWN ? L.columns : -L.columns;
        if (focus >= 0 && focus < n)
            ui->focus_id = KIOSK_ACT_CARD + focus;
        return true;
    default:
        return false;
    }
}

const kiosk_screen kiosk_screen_goals = {
    .name = "goals",
    .in_session = true,
    .frame = frame,
    .action = action,
    .key = key,
    .scroll = scroll,
};
