/* screen_conference.c — "Show my family": the student-led conference (SPEC section 9, scene 2).
 *
 * The student taps "Show my family" on My goals and walks their family through large pages, one
 * tap at a time: my goals; what I improved (one page per goal with data: a big chart and where I
 * started, where I am, my goal); what I said about my progress (my self-checks over time beside
 * my teacher's light, and my learning-target ratings beside my teacher's — never averaged); my
 * wins; what's next (my plan); and how my family can help at home (the teacher's at-home text).
 *
 * What is shown comes from the conference view model (conference.h): kiosk- and
 * conference-visible goals, never staff ones. The language button on every page offers the
 * student's home language first, then the school's; switching reloads the model so the teacher's
 * texts follow when they were given in that language, and every word, read-aloud included, is in
 * the family's language (kiosk_language_for_family). While the family looks, the idle timeout is
 * the longer conference one (app.c), still ending with the countdown. The visit is logged as a
 * conference. The arrow keys turn the pages (mirrored for a right-to-left language), Page Up/Down
 * and Home/End scroll a long page, Escape returns to My goals. */
#include "app/app_internal.h"
#include "i18n.h"
#include "ui/chart.h"

#include <stdio.h>
#include <string.h>

enum { P_GOALS, P_IMPROVED, P_SAID, P_WINS, P_NEXT, P_HOME };
enum { ACT_PREV = KIOSK_ACT_SCREEN + 1, ACT_NEXT, ACT_LANGUAGE };

/* A language's own name, so a family finds theirs whatever language the screen is in. */
static const char *language_name(const char *tag)
{
    static const struct {
        const char *tag, *name;
    } NAMES[] = {
        {"en", "English"},   {"es", "Español"},    {"ar", "العربية"},     {"vi", "Tiếng Việt"}, {"zh", "中文"},
        {"so", "Soomaali"},  {"fr", "Français"},   {"pt", "Português"},   {"ru", "Русский"},    {"ko", "한국어"},
        {"hi", "हिन्दी"},     {"ja", "日本語"},      {"tr", "Türkçe"},      {"de", "Deutsch"},    {"pl", "Polski"},
        {"bn", "বাংলা"},      {"gu", "ગુજરાતી"},     {"he", "עברית"},       {"sv", "Svenska"},    {"it", "Italiano"},
        {"ro", "Română"},    {"yo", "Yorùbá"},     {"ha", "Hausa"},       {"nb", "Norsk"},      {"xx", "Pseudo"},
    };
    for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++) {
        size_t n = strlen(NAMES[i].tag);
        if (strncmp(tag, NAMES[i].tag, n) == 0 && (tag[n] == 0 || tag[n] == '-' || tag[n] == '_'))
            return NAMES[i].name;
    }
    return tag;
}

/* The language the button offers next: the home language first, then the school's (and English
 * when neither is); NULL when there is no other language to offer. */
static const char *other_language(const sp_app *app)
{
    const char *home = app->person.profile.home_language, *school = app->school_language[0] ? app->school_language : "en";
    const char *order[] = {home, school, "en"};
    for (size_t i = 0; i < 3; i++)
        if (order[i][0] && strcmp(order[i], app->language) != 0 && sp_i18n_has_catalog(order[i]))
            return order[i];
    return NULL;
}

/* Loads (or reloads, after a language switch) what the family sees; false when it cannot. */
static bool load(sp_app *app, uint64_t now)
{
    kiosk_conference *c = &app->person.conference;
    sp_conference fresh;
    if (!app->db || !app->reader ||
        sp_conference_load(app->reader, app->db, app->person.holder_id, app->language, kiosk_today(app, now), &fresh) !=
            SQLITE_OK)
        return false;
    sp_conference_clear(&c->model);
    c->model = fresh;
    /* the walk: goals, one "what I improved" page per goal with a starting point, the rest */
    int n = 0;
    c->kind[n++] = P_GOALS;
    for (size_t i = 0; i < c->model.ngoals && n < KIOSK_CONF_MAX_PAGES - 4; i++) {
        if (!c->model.goals[i].view.progress.has_baseline && !c->model.goals[i].view.npoints)
            continue;
        c->goal[n] = (int)i;
        c->kind[n++] = P_IMPROVED;
    }
    c->kind[n++] = P_SAID;
    c->kind[n++] = P_WINS;
    c->kind[n++] = P_NEXT;
    c->kind[n++] = P_HOME;
    c->npages = n;
    if (c->page >= n)
        c->page = n - 1;
    return true;
}

void kiosk_conference_start(sp_app *app, uint64_t now)
{
    kiosk_conference *c = &app->person.conference;
    c->page = 0;
    c->scroll = 0;
    if (!load(app, now))
        return;
    c->active = true;
    kiosk_log_conference(&app->log, app->person.log_key);
    kiosk_go(app, KIOSK_SCREEN_CONFERENCE, now);
}

/* ---- drawing helpers ---------------------------------------------------------------------------- */

typedef struct {
    sp_app *app;
    sp_ui *ui;
    sp_rect area; /* the page's content area */
    int y;        /* next line, scrolled */
} pen;

static void words(pen *p, const char *s, int size, sp_font_style style, sp_color c, sp_text_role role)
{
    if (!s || !*s)
        return;
    p->y += sp_ui_text(p->ui, (sp_rect){p->area.x, p->y, p->area.w, 100000}, s, size, style, SP_ALIGN_LEFT, c, role,
                       0);
}

static void space(pen *p, int px) { p->y += px; }

static const char *category_words(const char *c)
{
    if (strcmp(c, "behavior") == 0)
        return _("Behavior");
    if (strcmp(c, "social-emotional") == 0)
        return _("Feelings and friends");
    if (strcmp(c, "future-readiness") == 0)
        return _("My future");
    return _("Learning");
}

static void goal_heading(pen *p, const sp_conf_goal *g)
{
    const kiosk_theme *t = &p->app->theme;
    int lbl = kiosk_line_h(&p->app->metrics, t->label_size);
    sp_draw_icon(p->ui->dl, (sp_rect){p->area.x, p->y + (lbl - t->icon_size) / 2, t->icon_size, t->icon_size},
                 g->view.category, t->accent);
    int off = t->icon_size + t->small_gap;
    sp_ui_label(p->ui, (sp_rect){p->area.x + off, p->y + (t->icon_size > lbl ? (t->icon_size - lbl) / 2 : 0),
                                 p->area.w - off, lbl},
                category_words(g->view.category), t->label_size, SP_FONT_BOLD, SP_ALIGN_LEFT, t->muted, SP_ROLE_LABEL);
    p->y += lbl > t->icon_size ? lbl : t->icon_size;
    words(p, g->view.student_text, t->title_size, SP_FONT_BOLD, t->text, SP_ROLE_STUDENT);
}

/* ---- the pages ----------------------------------------------------------------------------------- */

static void page_goals(pen *p)
{
    sp_app *app = p->app;
    const kiosk_theme *t = &app->theme;
    const sp_conference *m = &app->person.conference.model;
    char line[400];
    snprintf(line, sizeof line, "%s", _("These are the goals I am working on."));
    words(p, line, t->body_size, SP_FONT_REGULAR, t->text, SP_ROLE_BODY);
    space(p, t->gap);
    if (m->ngoals == 0)
        words(p, _("My teacher and I are still setting up my goals."), t->body_size, SP_FONT_REGULAR, t->text,
              SP_ROLE_BODY);
    for (size_t i = 0; i < m->ngoals; i++) {
        goal_heading(p, &m->goals[i]);
        int lh = kiosk_line_h(&app->metrics, t->body_size);
        kiosk_goal_status(app, p->ui, (sp_rect){p->area.x, p->y, p->area.w, 2 * lh}, &m->goals[i].view, t->body_size,
                          2);
        p->y += lh + t->gap + t->small_gap;
    }
}

static void big_number(pen *p, sp_rect r, const char *label, const char *value, sp_color c)
{
    const kiosk_theme *t = &p->app->theme;
    int lbl = kiosk_line_h(&p->app->metrics, t->label_size);
    int used = sp_ui_text(p->ui, (sp_rect){r.x, r.y, r.w, 2 * lbl}, label, t->label_size, SP_FONT_BOLD,
                          SP_ALIGN_CENTER, t->muted, SP_ROLE_LABEL, 2);
    sp_ui_text(p->ui, (sp_rect){r.x, r.y + used, r.w, r.h - used}, value, t->title_size, SP_FONT_BOLD, SP_ALIGN_CENTER,
               c, SP_ROLE_STUDENT, 2);
}

/* "1.5 rubric points", "65%": numbers carry their units */
static void value_unit(double v, const char *unit, char *out, size_t len)
{
    char n[48];
    kiosk_value_words(v, unit, n, sizeof n);
    if (unit && *unit && strcmp(unit, "%") != 0)
        snprintf(out, len, "%s %s", n, unit);
    else
        snprintf(out, len, "%s", n);
}

static void page_improved(pen *p, const sp_conf_goal *g)
{
    sp_app *app = p->app;
    const kiosk_theme *t = &app->theme;
    const sp_goal_view *v = &g->view;
    const sp_progress *pr = &v->progress;
    /* the goal in body size, so the chart below gets the room */
    words(p, v->student_text, t->body_size, SP_FONT_BOLD, t->text, SP_ROLE_STUDENT);
    space(p, t->small_gap);
    /* where I started, where I am, my goal */
    char a[128], b[128], c[128];
    value_unit(pr->has_baseline ? pr->baseline : 0, v->unit_label, a, sizeof a);
    if (pr->has_current)
        value_unit(pr->current, v->unit_label, b, sizeof b);
    else
        snprintf(b, sizeof b, "%s", _("No new check yet"));
    value_unit(v->goal.target, v->unit_label, c, sizeof c);
    int third = (p->area.w - 2 * t->gap) / 3, nh = kiosk_line_h(&app->metrics, t->label_size) +
                                                      kiosk_line_h(&app->metrics, t->title_size);
    /* a label that needs two lines in a narrow window gets them */
    const char *labels[] = {_("Where I started"), _("Where I am now"), _("My goal")};
    for (int i = 0; i < 3; i++)
        if (sp_ui_text_width(p->ui, labels[i], t->label_size, SP_FONT_BOLD) > third)
            nh = 2 * kiosk_line_h(&app->metrics, t->label_size) + kiosk_line_h(&app->metrics, t->title_size);
    if (pr->has_baseline)
        big_number(p, (sp_rect){p->area.x, p->y, third, nh}, _("Where I started"), a, t->muted);
    big_number(p, (sp_rect){p->area.x + third + t->gap, p->y, third, nh}, _("Where I am now"), b, t->accent);
    big_number(p, (sp_rect){p->area.x + 2 * (third + t->gap), p->y, third, nh}, _("My goal"), c, t->gold);
    p->y += nh + t->gap;

    /* the big chart: my checks, the aim line from where I started, the goal line */
    int ch = p->area.y + p->area.h - p->y;
    int min_h = p->area.h / 3; /* a big chart: below this the page scrolls instead */
    if (ch < min_h)
        ch = min_h;
    sp_chart_point pts[SP_GOAL_MAX_POINTS];
    size_t n = v->npoints < SP_GOAL_MAX_POINTS ? v->npoints : SP_GOAL_MAX_POINTS;
    for (size_t i = 0; i < n; i++)
        pts[i] = (sp_chart_point){v->points[i].day, v->points[i].value};
    char target[192], left[32], right[32];
    sp_i18n_fill(target, sizeof target, _("Goal {goal}"), 1, (const char *const[]){"goal"}, (const char *const[]){c});
    kiosk_date_words(v->goal.start_day, left, sizeof left);
    kiosk_date_words(v->goal.due_day, right, sizeof right);
    sp_chart k;
    memset(&k, 0, sizeof k);
    k.points = pts;
    k.npoints = n;
    k.has_aim = pr->has_baseline;
    k.aim_x0 = pr->baseline_day;
    k.aim_y0 = pr->aim_start;
    k.aim_x1 = v->goal.due_day;
    k.aim_y1 = v->goal.target;
    k.has_target = true;
    k.target = v->goal.target;
    k.target_label = target;
    k.x_min = v->goal.start_day;
    k.x_max = v->goal.due_day;
    k.has_scale = v->has_scale;
    k.y_min = v->scale_min;
    k.y_max = v->scale_max;
    k.x_label_left = left;
    k.x_label_right = right;
    k.label_size = t->label_size;
    k.bg = t->chart_bg;
    k.axis = t->grid;
    k.line = t->text;
    k.point = t->text;
    k.aim = t->aim;
    k.target_color = t->gold;
    k.mark = t->muted;
    k.label = t->muted;
    k.value_role = SP_ROLE_STUDENT;
    sp_ui_chart(p->ui, (sp_rect){p->area.x, p->y, p->area.w, ch}, &k);
    p->y += ch;
}

static void page_said(pen *p)
{
    sp_app *app = p->app;
    const kiosk_theme *t = &app->theme;
    const sp_conference *m = &app->person.conference.model;
    char line[700], date[40];
    bool any = false;
    for (size_t i = 0; i < m->ngoals; i++) {
        const sp_conf_goal *g = &m->goals[i];
        if (!g->nchecks)
            continue;
        any = true;
        goal_heading(p, g);
        /* the teacher's view, beside (never mixed with) mine */
        const char *light = g->view.progress.baselining ? _("Finding my starting point")
                                                        : sp_light_student_words(g->view.progress.light);
        if (g->view.progress.met)
            light = _("Goal met!");
        sp_i18n_fill(line, sizeof line, _("My teacher's data: {light}"), 1, (const char *const[]){"light"},
                     (const char *const[]){_(light)});
        words(p, line, t->body_size, SP_FONT_BOLD, t->text, SP_ROLE_STATUS);
        for (size_t k = 0; k < g->nchecks; k++) {
            const sp_conf_check *c = &g->checks[k];
            kiosk_date_words(c->day, date, sizeof date);
            const char *rating = _(sp_scale_words(c->scale4 ? SP_SCALE_SCALE4 : SP_SCALE_FACES3, c->rating));
            sp_i18n_fill(line, sizeof line, _("{date}: I said \"{rating}\""), 2, (const char *const[]){"date", "rating"},
                         (const char *const[]){date, rating});
            if (c->next_step[0]) {
                size_t n = strlen(line);
                snprintf(line + n, sizeof line - n, " \xC2\xB7 %s", c->next_step);
            }
            words(p, line, t->body_size, SP_FONT_REGULAR, t->text, SP_ROLE_STUDENT);
        }
        space(p, t->gap);
    }
    if (m->ntargets) {
        any = true;
        words(p, m->unit_title[0] ? m->unit_title : _("My learning targets"), t->title_size, SP_FONT_BOLD, t->text,
              SP_ROLE_STUDENT);
        for (size_t i = 0; i < m->ntargets; i++) {
            const sp_conf_target *tg = &m->targets[i];
            words(p, tg->statement, t->body_size, SP_FONT_BOLD, t->text, SP_ROLE_STUDENT);
            char mine[160] = "", teacher[160] = "";
            for (size_t k = 0; k < tg->nmine; k++) {
                size_t n = strlen(mine);
                snprintf(mine + n, sizeof mine - n, "%s%d", k ? " \xE2\x86\x92 " : "", tg->mine[k].rating);
            }
            for (size_t k = 0; k < tg->nteacher; k++) {
                size_t n = strlen(teacher);
                snprintf(teacher + n, sizeof teacher - n, "%s%d", k ? " \xE2\x86\x92 " : "", tg->teacher[k].rating);
            }
            sp_i18n_fill(line, sizeof line, _("Me: {mine}  \xC2\xB7  My teacher: {teacher}"), 2,
                         (const char *const[]){"mine", "teacher"},
                         (const char *const[]){mine[0] ? mine : "\xE2\x80\x94", teacher[0] ? teacher : "\xE2\x80\x94"});
            words(p, line, t->body_size, SP_FONT_REGULAR, t->muted, SP_ROLE_STUDENT);
            space(p, t->small_gap);
        }
    }
    if (!any)
        words(p, _("I have not checked in on my goals yet. I will next time!"), t->body_size, SP_FONT_REGULAR, t->text,
              SP_ROLE_BODY);
}

static void page_wins(pen *p)
{
    const kiosk_theme *t = &p->app->theme;
    const sp_conference *m = &p->app->person.conference.model;
    char date[40];
    if (!m->nwins)
        words(p, _("My wins will show up here when I reach a step."), t->body_size, SP_FONT_REGULAR, t->text,
              SP_ROLE_BODY);
    for (size_t i = 0; i < m->nwins; i++) {
        int lh = kiosk_line_h(&p->app->metrics, t->body_size);
        sp_draw_icon(p->ui->dl, (sp_rect){p->area.x, p->y, lh, lh}, "star", t->gold);
        pen q = *p;
        q.area.x += lh + t->small_gap;
        q.area.w -= lh + t->small_gap;
        words(&q, m->wins[i].message, t->body_size, SP_FONT_BOLD, t->text, SP_ROLE_STUDENT);
        kiosk_date_words(m->wins[i].day, date, sizeof date);
        words(&q, date, t->label_size, SP_FONT_REGULAR, t->muted, SP_ROLE_LABEL);
        p->y = q.y + t->gap;
    }
}

static void page_next(pen *p)
{
    const kiosk_theme *t = &p->app->theme;
    const sp_conference *m = &p->app->person.conference.model;
    bool any = false;
    for (size_t i = 0; i < m->ngoals; i++) {
        const sp_conf_goal *g = &m->goals[i];
        const char *next = g->plan.present && g->plan.change[0] ? g->plan.change
                           : g->nchecks                        ? g->checks[g->nchecks - 1].next_step
                                                               : "";
        if (!next[0])
            continue;
        any = true;
        goal_heading(p, g);
        words(p, _("What I will try next:"), t->body_size, SP_FONT_BOLD, t->accent, SP_ROLE_LABEL);
        words(p, next, t->body_size, SP_FONT_REGULAR, t->text, SP_ROLE_STUDENT);
        if (g->plan.present && g->plan.how_we_know[0]) {
            words(p, _("How we will know:"), t->body_size, SP_FONT_BOLD, t->accent, SP_ROLE_LABEL);
            words(p, g->plan.how_we_know, t->body_size, SP_FONT_REGULAR, t->text, SP_ROLE_STUDENT);
        }
        if (g->plan.present && g->plan.support_first[0]) {
            words(p, _("The help I will use first:"), t->body_size, SP_FONT_BOLD, t->accent, SP_ROLE_LABEL);
            words(p, g->plan.support_first, t->body_size, SP_FONT_REGULAR, t->text, SP_ROLE_STUDENT);
        }
        space(p, t->gap);
    }
    if (!any)
        words(p, _("I will keep working on my goals with my teacher."), t->body_size, SP_FONT_REGULAR, t->text,
              SP_ROLE_BODY);
}

static void page_home(pen *p)
{
    const kiosk_theme *t = &p->app->theme;
    const sp_conference *m = &p->app->person.conference.model;
    bool any = false;
    for (size_t i = 0; i < m->ngoals; i++) {
        const sp_conf_goal *g = &m->goals[i];
        if (!g->at_home[0])
            continue;
        any = true;
        goal_heading(p, g);
        words(p, g->at_home, t->body_size, SP_FONT_REGULAR, t->text, SP_ROLE_STUDENT);
        space(p, t->gap);
    }
    if (!any)
        words(p, _("Ask me about my goals, and cheer me on!"), t->body_size, SP_FONT_REGULAR, t->text, SP_ROLE_BODY);
    if (m->teacher[0]) {
        char line[400];
        sp_i18n_fill(line, sizeof line, _("Questions? Talk with {teacher}."), 1, (const char *const[]){"teacher"},
                     (const char *const[]){m->teacher});
        space(p, t->gap);
        words(p, line, t->body_size, SP_FONT_BOLD, t->text, SP_ROLE_STUDENT);
    }
}

static const char *page_title(int kind)
{
    switch (kind) {
    case P_GOALS: return _("My goals");
    case P_IMPROVED: return _("What I improved");
    case P_SAID: return _("What I said about my progress");
    case P_WINS: return _("My wins");
    case P_NEXT: return _("What's next");
    default: return _("How my family can help at home");
    }
}

/* ---- the screen ---------------------------------------------------------------------------------- */

static int language_button_w(const sp_app *app, const char *other)
{
    const kiosk_theme *t = &app->theme;
    int w = sp_ui_text_width(&app->ui, language_name(other), t->ui.button_text_size, SP_FONT_BOLD) +
            t->ui.button_text_size + t->ui.pad / 2 + 2 * t->ui.pad;
    return w < KIOSK_MIN_TOUCH ? KIOSK_MIN_TOUCH : w;
}

static void frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    const kiosk_theme *t = &app->theme;
    kiosk_conference *c = &app->person.conference;
    if (c->npages == 0)
        return;
    int kind = c->kind[c->page];
    const char *other = other_language(app);
    int lw = other ? language_button_w(app, other) : 0;

    /* the foot: page number, Back, Next (Finish on the last page) */
    int bw = t->button_w, fy = t->h - t->margin - t->button_h;
    char count[64], a[16], b[16];
    sp_i18n_int(c->page + 1, a, sizeof a);
    sp_i18n_int(c->npages, b, sizeof b);
    sp_i18n_fill(count, sizeof count, _("Page {page} of {pages}"), 2, (const char *const[]){"page", "pages"},
                 (const char *const[]){a, b});

    sp_rect area = {t->margin, t->margin + t->button_h + t->gap, t->w - 2 * t->margin,
                    fy - t->gap - (t->margin + t->button_h + t->gap)};
    sp_ui_clip(ui, area);
    pen p = {app, ui, area, area.y - c->scroll};
    words(&p, page_title(kind), t->title_size, SP_FONT_BOLD, t->accent, SP_ROLE_TITLE);
    space(&p, t->small_gap);
    switch (kind) {
    case P_GOALS: page_goals(&p); break;
    case P_IMPROVED: page_improved(&p, &c->model.goals[c->goal[c->page]]); break;
    case P_SAID: page_said(&p); break;
    case P_WINS: page_wins(&p); break;
    case P_NEXT: page_next(&p); break;
    default: page_home(&p); break;
    }
    sp_ui_clip(ui, (sp_rect){0, 0, 0, 0});
    int content = p.y + c->scroll - area.y;
    c->max_scroll = content > area.h ? content - area.h : 0;

    if (c->page > 0)
        sp_ui_button(ui, ACT_PREV, (sp_rect){t->margin, fy, bw, t->button_h}, _("Back"), SP_BUTTON_NORMAL, "back");
    sp_ui_label(ui, (sp_rect){t->margin + bw + t->gap, fy, t->w - 2 * (t->margin + bw + t->gap), t->button_h}, count,
                t->label_size, SP_FONT_REGULAR, SP_ALIGN_CENTER, t->muted, SP_ROLE_LABEL);
    bool last = c->page == c->npages - 1;
    sp_ui_button(ui, ACT_NEXT, (sp_rect){t->w - t->margin - bw, fy, bw, t->button_h}, last ? _("Finish") : _("Next"),
                 SP_BUTTON_PRIMARY, last ? "check" : NULL);

    /* the header last: the language, Read to me, I'm done (Escape, or Finish on the last page,
     * returns to My goals; one Back button on the page, at its foot, turns back a page) */
    if (other) {
        int done_w = kiosk_header_button_w(app);
        int read = kiosk_header_read_w(app, "", false, true, lw + t->gap);
        int x = t->w - t->margin - done_w - t->gap - (read ? read + t->gap : 0) - lw;
        sp_ui_button(ui, ACT_LANGUAGE, (sp_rect){x, t->margin, lw, t->button_h}, language_name(other),
                     SP_BUTTON_NORMAL, NULL);
    }
    /* the page's title heads the content (it wraps there, never cut); the header holds the buttons */
    kiosk_header_reserve(app, ui, "", false, true, other ? lw + t->gap : 0);
}

static void leave(sp_app *app, uint64_t now)
{
    app->person.conference.active = false;
    kiosk_go(app, KIOSK_SCREEN_GOALS, now);
}

static void turn(sp_app *app, int to, uint64_t now)
{
    kiosk_conference *c = &app->person.conference;
    if (to < 0)
        return;
    if (to >= c->npages) {
        leave(app, now);
        return;
    }
    c->page = to;
    c->scroll = 0;
    kiosk_read_aloud_stop(app); /* the words being read are no longer on screen */
    sp_ui_reset_targets(&app->ui);
}

static void action(sp_app *app, int id, uint64_t now)
{
    kiosk_conference *c = &app->person.conference;
    if (id == KIOSK_ACT_DONE) {
        kiosk_end_session(app, "done", now);
        kiosk_go(app, KIOSK_SCREEN_DONE, now);
    } else if (id == KIOSK_ACT_BACK) {
        leave(app, now);
    } else if (id == ACT_PREV) {
        turn(app, c->page - 1, now);
    } else if (id == ACT_NEXT) {
        turn(app, c->page + 1, now);
    } else if (id == ACT_LANGUAGE) {
        const char *other = other_language(app);
        if (!other)
            return;
        char tag[SP_LANG_MAX];
        snprintf(tag, sizeof tag, "%s", other);
        kiosk_language_for_family(app, tag);
        kiosk_read_aloud_stop(app);
        load(app, now); /* the teacher's texts in the family's language where given */
        sp_ui_reset_targets(&app->ui);
    }
}

static void back(sp_app *app, uint64_t now) { leave(app, now); }

static void scroll(sp_app *app, int dy)
{
    kiosk_conference *c = &app->person.conference;
    c->scroll += dy;
    if (c->scroll > c->max_scroll)
        c->scroll = c->max_scroll;
    if (c->scroll < 0)
        c->scroll = 0;
}

static bool key(sp_app *app, sp_app_key k, uint64_t now)
{
    kiosk_conference *c = &app->person.conference;
    if (k == SP_KEY_RIGHT || k == SP_KEY_LEFT) { /* turn the page, the way the page reads */
        bool forward = (k == SP_KEY_RIGHT) != app->rtl;
        turn(app, c->page + (forward ? 1 : -1), now);
        return true;
    }
    return kiosk_page_key(&c->scroll, c->max_scroll, app->theme.h / 2, k);
}

const kiosk_screen kiosk_screen_conference = {
    .name = "conference",
    .in_session = true,
    .frame = frame,
    .action = action,
    .back = back,
    .key = key,
    .scroll = scroll,
};
