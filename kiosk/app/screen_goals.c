/* screen_goals.c — "My goals": the student's kiosk-visible goals filling the screen.
 *
 * One goal is a hero card as wide and tall as the page; two share it (side by side, or one
 * above the other in portrait); three or more make a grid that scrolls. Card heights come from
 * their content (card_body measures with the same code that draws), so a long goal or large
 * text makes its row taller rather than cutting words, and the layout is a pure function of
 * the window and the goals (goals_layout), serving drawing, scrolling and keeping the focused
 * card in view alike. A card shows the category as a tinted tag with its icon, the student's
 * own text, the traffic light as a dot AND in words, a bar from the start to the goal with
 * the values and their units ("Now" under the dot; past the goal "You passed your goal!"),
 * and the next check date. A "How did it go?" button at the foot of each card starts the
 * self-check; it is a target of its own drawn over the card, so a tap on it wins (hit testing
 * takes the last target drawn) while the rest of the card opens the goal.
 *
 * Keys: arrows move between cards (up/down by a row), Page Up/Down and Home/End scroll, Tab
 * walks cards then "I'm done", Enter opens the focused card. */
#include "app/app_internal.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

#define ACT_SELF_CHECK 5000 /* + goal index: the card's "How did it go?" button */
#define ACT_TARGETS (KIOSK_ACT_SCREEN + 1) /* "My learning targets" */

#define TARGETS_LABEL _("My learning targets")
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
    const char *goals_title = _("My goals");
    int title = (t->portrait ? 0 : t->button_h + t->space_s) + /* the avatar beside it in landscape */
                m->text_width(m->user, goals_title, strlen(goals_title), t->title_size, SP_FONT_BOLD);
    int read = kiosk_read_button_w(app, "", t->w); /* "Read to me" with its words, 0 if not offered */
    int done_w = kiosk_header_button_w(app);
    int both = ww + t->gap + tw;
    if (2 * t->margin + title + both + done_w + 2 * t->gap + (read ? read + t->gap : 0) <= t->w) {
        read = kiosk_header_read_w(app, goals_title, false, true, both + t->gap); /* as kiosk_header_reserve */
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

/* Sizes of a card's words: larger on a hero card, smaller in a grid. */
typedef struct {
    int text, status, label;
    int text_lines; /* at most this many lines of the goal's words (the goal page shows them all) */
} card_sizes;

typedef struct {
    sp_rect view;      /* visible area of the list */
    int columns, card_w, gap;
    int n;
    int row_y[64 + 1]; /* top of each row in the content; row_y[rows] is the content height */
    int rows;
    bool fill;         /* one or two goals: cards stretch to the page */
    card_sizes sizes;
    int content_h;     /* height of all rows */
    int max_scroll;
} goals_layout;

static card_sizes sizes_for(const kiosk_theme *t, int n)
{
    if (n == 1)
        return (card_sizes){t->title_size, t->lead_size, t->body_size, 6};
    if (n == 2)
        return (card_sizes){t->lead_size, t->body_size, t->body_size, 5};
    return (card_sizes){t->body_size, t->body_size, t->caption_size, 4};
}

static bool goal_met(const sp_goal_view *v) { return v->progress.met || strcmp(v->status, "met") == 0; }

/* ---- steps under their long-term goal ---------------------------------------------------- */

/* A short-term step's place among its long-term goal's steps (the model orders steps right after
 * their goal), or a long-term goal's steps and how many are reached. */
typedef struct {
    const sp_goal_view *parent; /* set for a step whose goal is on this list */
    int no, count;              /* "Step no of count" */
    int reached;                /* a long-term goal: steps met so far (count: its steps) */
} step_info;

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

/* "2.5 rubric points", "65%", "7" (no unit). */
static void amount_words(double v, const char *unit, char *out, size_t len)
{
    char num[48];
    kiosk_value_words(v, unit, num, sizeof num);
    if (unit && *unit && strcmp(unit, "%") != 0)
        snprintf(out, len, "%s %s", num, unit);
    else
        snprintf(out, len, "%s", num);
}

/* Past the goal: the latest value is beyond the target on the good side. */
static bool passed_goal(const sp_goal_view *v)
{
    const sp_progress *p = &v->progress;
    if (!p->has_current)
        return false;
    return v->goal.direction == SP_LOWER_IS_BETTER ? p->current < v->goal.target : p->current > v->goal.target;
}

int kiosk_goal_status_width(const sp_app *app, const sp_goal_view *v, int size)
{
    const char *words = goal_met(v)              ? _("You met this goal! Way to go!")
                        : v->progress.baselining ? _("We're finding your starting point")
                                                 : _(sp_light_student_words(v->progress.light));
    int lh = kiosk_line_h(&app->metrics, size);
    return lh * 3 / 5 + lh / 3 + app->metrics.text_width(app->metrics.user, words, strlen(words), size, SP_FONT_BOLD);
}

/* Lines the status takes at this width (as kiosk_goal_status wraps it). */
static int status_lines(const sp_app *app, const sp_goal_view *v, int size, int w)
{
    int lh = kiosk_line_h(&app->metrics, size);
    int full = kiosk_goal_status_width(app, v, size);
    int text_w = w - (lh * 3 / 5 + lh / 3);
    return full <= w || text_w <= 0 ? 1 : (full - (lh * 3 / 5 + lh / 3) + text_w - 1) / text_w + 1 > 3 ? 3 : 2;
}

void kiosk_goal_status(sp_app *app, sp_ui *ui, sp_rect r, const sp_goal_view *v, int size, int max_lines)
{
    const kiosk_theme *t = &app->theme;
    int lh = kiosk_line_h(&app->metrics, size);
    int dot = lh * 3 / 5;
    const char *icon = NULL;
    const char *words;
    sp_color c;
    if (goal_met(v)) {
        icon = "star";
        words = _("You met this goal! Way to go!");
        c = t->gold;
    } else if (v->progress.baselining) {
        icon = NULL;
        words = _("We're finding your starting point");
        c = t->accent;
    } else {
        words = _(sp_light_student_words(v->progress.light));
        c = kiosk_light_color(t, (int)v->progress.light);
    }
    bool shown = sp_ui_visible(ui, (sp_rect){r.x, r.y, r.w, lh}); /* the dot goes with its words */
    if (shown && icon)
        sp_draw_icon(ui->dl, (sp_rect){r.x, r.y + (lh - dot - 4) / 2, dot + 4, dot + 4}, icon, c);
    else if (shown)
        sp_draw_circle(ui->dl, (sp_rect){r.x, r.y + (lh - dot) / 2, dot, dot}, c);
    int off = dot + lh / 3;
    sp_color text_c = (goal_met(v) || v->progress.baselining) ? t->text : c;
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

/* The bar from the start to the goal: "Start …" and "Goal …" above its ends (stacked when they
 * do not fit side by side), "Now …" under the dot. Returns the height used; draws only with ui. */
static int progress_block(sp_app *app, sp_ui *ui, int x, int y, int w, const sp_goal_view *v, int size)
{
    const kiosk_theme *t = &app->theme;
    const sp_progress *p = &v->progress;
    int lh = kiosk_line_h(&app->metrics, size);
    int y0 = y;
    char a[80], c[80], s1[128], s3[128], s2[160];
    if (!p->has_baseline) {
        snprintf(s1, sizeof s1, _("Checks so far: %zu"), v->npoints);
        if (ui)
            sp_ui_label(ui, (sp_rect){x, y, w, lh}, s1, size, SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted,
                        SP_ROLE_STUDENT);
        return lh;
    }
    amount_words(p->baseline, v->unit_label, a, sizeof a);
    amount_words(v->goal.target, v->unit_label, c, sizeof c);
    snprintf(s1, sizeof s1, _("Start %s"), a);
    snprintf(s3, sizeof s3, _("Goal %s"), c);
    int w1 = sp_ui_text_width(&app->ui, s1, size, SP_FONT_REGULAR), w3 = sp_ui_text_width(&app->ui, s3, size, SP_FONT_BOLD);
    bool stacked = w1 + w3 + t->space_s > w;
    if (ui) {
        sp_ui_label(ui, (sp_rect){x, y, w, lh}, s1, size, SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted, SP_ROLE_STUDENT);
        sp_ui_label(ui, (sp_rect){x, y + (stacked ? lh : 0), w, lh}, s3, size, SP_FONT_BOLD, SP_ALIGN_RIGHT, t->gold,
                    SP_ROLE_STUDENT);
    }
    y += (stacked ? 2 : 1) * lh + t->space_xs;
    bool met = goal_met(v), passed = passed_goal(v);
    double cur = p->has_current ? p->current : p->baseline;
    double f = met || passed ? 1.0 : fraction(p->baseline, cur, v->goal.target);
    int bar = t->bar_h;
    if (ui)
        sp_ui_progress(ui, (sp_rect){x, y + bar / 2, w, bar}, f, p->has_current ? f : -1, t->track,
                       met || passed ? t->green : t->accent, t->text);
    y += 2 * bar + t->space_xs;
    if (p->has_current) {
        char b[80];
        amount_words(p->current, v->unit_label, b, sizeof b);
        if (passed)
            snprintf(s2, sizeof s2, _("Now %s \xC2\xB7 You passed your goal!"), b);
        else
            snprintf(s2, sizeof s2, _("Now %s"), b);
        int nw = sp_ui_text_width(&app->ui, s2, size, SP_FONT_BOLD);
        int lines = nw > w ? 2 : 1;
        if (ui) {
            /* Centred under the dot, kept inside the bar's width. */
            int cx = x + (int)(f * w + 0.5);
            int lx = nw >= w ? x : cx - nw / 2;
            if (lx < x)
                lx = x;
            if (lx + (nw < w ? nw : w) > x + w)
                lx = x + w - (nw < w ? nw : w);
            sp_ui_text(ui, (sp_rect){lx, y, nw < w ? nw + 2 : w, lines * lh}, s2, size, SP_FONT_BOLD, SP_ALIGN_LEFT,
                       passed ? t->green : t->text, SP_ROLE_STUDENT, lines);
        }
        y += lines * lh;
    }
    return y - y0;
}

/* Lays out (ui NULL: only measures) one card's contents in r; returns the height it needs. */
static int card_body(sp_app *app, sp_ui *ui, int id, sp_rect r, size_t index, int today, card_sizes z)
{
    const sp_goal_view *v = &app->person.goals[index];
    const kiosk_theme *t = &app->theme;
    int pad = t->space_m;
    bool met = goal_met(v);
    kiosk_category_colors cat = kiosk_category_color(t, v->category);
    if (ui)
        sp_ui_card(ui, id, r, t->ui.card_bg, met ? t->gold : t->ui.card_border, met ? 2 * t->ui.border : t->ui.border);
    int x = r.x + pad, w = r.w - 2 * pad, y = r.y + pad;

    /* The category tag: icon and words on the category's tint. */
    int lbl = kiosk_line_h(&app->metrics, t->caption_size);
    int tag_h = lbl + t->space_xs;
    const char *cat_words = _(kiosk_category_words(v->category));
    int tag_w = tag_h + t->space_xs + sp_ui_text_width(&app->ui, cat_words, t->caption_size, SP_FONT_BOLD) + t->space_s;
    if (tag_w > w)
        tag_w = w;
    if (ui && sp_ui_visible(ui, (sp_rect){x, y, tag_w, tag_h})) {
        sp_draw_rect(ui->dl, (sp_rect){x, y, tag_w, tag_h}, cat.tint, tag_h / 2);
        sp_draw_icon(ui->dl, (sp_rect){x + t->space_xs, y + 2, tag_h - 4, tag_h - 4}, v->category, cat.ink);
    }
    if (ui)
        sp_ui_label(ui, (sp_rect){x + tag_h + t->space_xs, y, tag_w - tag_h - t->space_xs, tag_h}, cat_words,
                    t->caption_size, SP_FONT_BOLD, SP_ALIGN_LEFT, cat.ink, SP_ROLE_LABEL);
    y += tag_h + t->space_s;
    /* A step names its long-term goal; a long-term goal shows its steps (celebrations). */
    int sh = steps_h(app);
    if (sh) {
        if (ui)
            steps_line(app, ui, (sp_rect){x, y, w, sh - t->small_gap}, &app->person, index);
        y += sh;
    }

    const char *words = v->student_text ? v->student_text : "";
    int tlh = kiosk_line_h(&app->metrics, z.text);
    sp_ui_line lines[SP_UI_MAX_LINES];
    int n = sp_ui_wrap(&app->metrics, words, z.text, SP_FONT_BOLD, w, z.text_lines, lines);
    if (ui)
        sp_ui_text(ui, (sp_rect){x, y, w, n * tlh}, words, z.text, SP_FONT_BOLD, SP_ALIGN_LEFT, t->text,
                   SP_ROLE_STUDENT, z.text_lines);
    y += n * tlh + t->space_s;

    int slh = kiosk_line_h(&app->metrics, z.status);
    int sl = status_lines(app, v, z.status, w);
    if (ui)
        kiosk_goal_status(app, ui, (sp_rect){x, y, w, sl * slh}, v, z.status, sl);
    y += sl * slh + t->space_m;

    y += progress_block(app, ui, x, y, w, v, z.label);
    y += t->space_s;

    int llh = kiosk_line_h(&app->metrics, z.label);
    if (!met) {
        char date[32], s1[96];
        kiosk_date_words(kiosk_next_check_day(v, today), date, sizeof date);
        snprintf(s1, sizeof s1, _("Next check: %s"), date);
        if (ui)
            sp_ui_label(ui, (sp_rect){x, y, w, llh}, s1, z.label, SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted,
                        SP_ROLE_LABEL);
        y += llh + t->space_s;
    }
    /* The button sits at the foot of the card however tall the card is drawn. */
    if (ui) {
        sp_rect check = {x, r.y + r.h - pad - t->button_h, w, t->button_h};
        sp_ui_button(ui, ACT_SELF_CHECK + (id - KIOSK_ACT_CARD), check, _("How did it go?"), SP_BUTTON_SECONDARY, NULL);
    }
    y += t->button_h + pad;
    return y - r.y;
}

static goals_layout layout(sp_app *app)
{
    const kiosk_theme *t = &app->theme;
    goals_layout L;
    int below;
    sp_rect wins, targets;
    extra_buttons(app, &wins, &targets, &below);
    int top = t->margin + t->button_h + t->gap + below;
    L.view = (sp_rect){t->margin, top, t->w - 2 * t->margin, t->h - top - t->margin};
    L.n = (int)app->person.ngoals;
    if (L.n > 64 * 3)
        L.n = 64 * 3;
    L.fill = L.n > 0 && L.n <= 2;
    L.columns = L.n == 1 ? 1 : L.n == 2 ? (t->portrait ? 1 : 2) : t->columns;
    L.gap = t->gap;
    L.card_w = (L.view.w - (L.columns - 1) * L.gap) / L.columns;
    L.sizes = sizes_for(t, L.n);
    L.rows = (L.n + L.columns - 1) / L.columns;
    if (L.rows > 64)
        L.rows = 64;
    int today = kiosk_today(app, app->last_now);
    /* One or two goals use larger words, a step smaller (down to the grid's) while a card would
     * not fit the page: a small screen scrolls only when even the grid's sizes do not fit. */
    for (int k = L.n; L.fill && k < 3; k++) {
        int tallest = 0;
        for (int i = 0; i < L.n; i++) {
            int need = card_body(app, NULL, 0, (sp_rect){0, 0, L.card_w, 0}, (size_t)i, today, L.sizes);
            if (need > tallest)
                tallest = need;
        }
        if (tallest * L.rows + (L.rows - 1) * L.gap <= L.view.h)
            break;
        L.sizes = sizes_for(t, k + 1);
    }
    int y = 0;
    for (int row = 0; row < L.rows; row++) {
        L.row_y[row] = y;
        int h = 0;
        for (int col = 0; col < L.columns; col++) {
            int i = row * L.columns + col;
            if (i >= L.n)
                break;
            int need = card_body(app, NULL, 0, (sp_rect){0, 0, L.card_w, 0}, (size_t)i, today, L.sizes);
            if (need > h)
                h = need;
        }
        /* One or two goals stretch to the page (two in portrait share it). */
        if (L.fill) {
            int share = (L.view.h - (L.rows - 1) * L.gap) / L.rows;
            if (h < share)
                h = share;
        }
        y += h + (row + 1 < L.rows ? L.gap : 0);
    }
    L.row_y[L.rows] = y;
    L.content_h = y;
    L.max_scroll = L.content_h > L.view.h ? L.content_h - L.view.h : 0;
    return L;
}

static sp_rect card_rect(const goals_layout *L, int i, int scroll)
{
    int col = i % L->columns, row = i / L->columns;
    int h = L->row_y[row + 1] - L->row_y[row] - (row + 1 < L->rows ? L->gap : 0);
    return (sp_rect){L->view.x + col * (L->card_w + L->gap), L->view.y + L->row_y[row] - scroll, L->card_w, h};
}

static void clamp_scroll(sp_app *app, const goals_layout *L)
{
    if (app->person.scroll > L->max_scroll)
        app->person.scroll = L->max_scroll;
    if (app->person.scroll < 0)
        app->person.scroll = 0;
}

/* Scrolls just enough to show card i whole (or its top, when it is taller than the view). */
static void show_card(sp_app *app, const goals_layout *L, int i)
{
    sp_rect r = card_rect(L, i, 0);
    int top = r.y - L->view.y;
    if (top < app->person.scroll)
        app->person.scroll = top;
    else if (top + r.h > app->person.scroll + L->view.h)
        app->person.scroll = r.h > L->view.h ? top : top + r.h - L->view.h;
    clamp_scroll(app, L);
}

static void frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    const kiosk_theme *t = &app->theme;
    kiosk_person *p = &app->person;
    goals_layout L = layout(app);
    int focus = ui->focus_visible ? ui->focus_id - KIOSK_ACT_CARD : -1;
    if (ui->focus_visible && ui->focus_id >= ACT_SELF_CHECK) /* a card's button shows its card */
        focus = ui->focus_id - ACT_SELF_CHECK;
    if (focus >= 0 && focus < L.n)
        show_card(app, &L, focus);
    clamp_scroll(app, &L);
    int today = kiosk_today(app, now);

    if (p->ngoals == 0) {
        int lh = kiosk_line_h(&app->metrics, t->lead_size);
        sp_ui_text(ui, (sp_rect){L.view.x, L.view.y, L.view.w, 4 * lh},
                   _("You don't have any goals to show here yet. Your teacher will set them up with you."),
                   t->lead_size, SP_FONT_REGULAR, SP_ALIGN_LEFT, t->text, SP_ROLE_BODY, 4);
    } else {
        sp_ui_clip(ui, L.view);
        for (int i = 0; i < L.n; i++) {
            sp_rect r = card_rect(&L, i, p->scroll);
            int id = KIOSK_ACT_CARD + i;
            if (!sp_rect_intersect(r, L.view).w) {
                sp_ui_target_add(ui, id, r, false); /* keeps its place in the focus order */
                sp_ui_target_add(ui, ACT_SELF_CHECK + i, r, true);
                continue;
            }
            card_body(app, ui, id, r, (size_t)i, today, L.sizes);
        }
        sp_ui_clip(ui, (sp_rect){0, 0, 0, 0});
        if (L.max_scroll > 0) { /* a thin scroll indicator on the right edge */
            int track_h = L.view.h;
            int thumb = track_h * L.view.h / (L.content_h > 0 ? L.content_h : 1);
            int ty = L.view.y + (track_h - thumb) * p->scroll / L.max_scroll;
            int sw = t->small_gap / 2 > 3 ? t->small_gap / 2 : 3;
            sp_draw_rect(ui->dl, (sp_rect){t->w - t->margin / 2 - sw / 2, ty, sw, thumb}, t->muted, sw / 2);
        }
    }
    /* The header last, so the focus order is the cards first, then "I'm done". */
    int below;
    sp_rect wins, targets;
    extra_buttons(app, &wins, &targets, &below);
    sp_ui_button(ui, ACT_WINS, wins, _("My wins"), SP_BUTTON_SECONDARY, "star");
    sp_ui_button(ui, ACT_TARGETS, targets, TARGETS_LABEL, SP_BUTTON_SECONDARY, "academic");
    kiosk_header_reserve(app, ui, _("My goals"), false, true, below ? 0 : targets.x + targets.w - wins.x + t->gap);
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
    if (kiosk_page_key(&app->person.scroll, L.max_scroll, L.view.h * 3 / 4, k))
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
