/* screen_celebration.c — a celebration moment: after the greeting, each of the student's unseen
 * celebrations and shout-outs gets its own screen, newest first, at most KIOSK_MOMENTS_PER_VISIT
 * per visit (the rest wait for the next one).
 *
 * One moment: a headline for its kind ("You met your goal!", "A shout-out from Ms. Rivera!"), a
 * badge that grows in with a little overshoot, a burst of confetti, the specific message in the
 * student's words, the goal it belongs to (for a step: "Step 1 of 2 toward: <long-term goal>"),
 * the progress bar filling from the starting point to where the student is now, and one "Next"
 * button. The chime is asked for as the moment appears (a per-kiosk switch; the platform plays
 * nothing without an audio device).
 *
 * Motion is a pure function of the time since the moment appeared (time is an input): the badge
 * scale, each confetti piece's position (a seeded launch under gravity, so nothing is stored per
 * piece) and the bar's fill. The screen asks for a frame every FRAME_MS only while the burst
 * lasts (MOMENT_MS); then it is still and the kiosk sleeps. A tap anywhere (or Enter with nothing
 * focused) settles the moment at once, so no one waits for an animation.
 *
 * Seen: a moment is marked seen only when the student moves on from it with "Next" (or Escape)
 * after it was on screen. Walking away (the idle timeout) or another badge ends the session with
 * it still unseen, and it comes back on the next scan. If the database is busy at that instant the
 * mark is not written, and the moment shows again next time rather than being lost. */
#include "app/app_internal.h"
#include "i18n.h"
#include "session.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MOMENT_MS 2200      /* the burst: badge, confetti and bar settle within it */
#define FRAME_MS 16         /* about 60 frames a second while it moves */
#define BADGE_GROW_MS 650
#define BAR_FROM_MS 500
#define BAR_TO_MS 1500
#define CONFETTI 56
#define CONFETTI_FADE_MS 1500
#define ACT_NEXT (KIOSK_ACT_SCREEN + 1)

void kiosk_moments_load(sp_app *app, long long student_id)
{
    kiosk_moments *m = &app->person.moments;
    sp_celebration_rows_free(m->rows, m->n);
    m->rows = NULL;
    m->n = 0;
    m->index = 0;
    if (!app->db)
        return;
    sp_celebration_query q = {.student_id = student_id, .unseen_only = true, .vis_mask = SP_VIS_KIOSK,
                              .limit = KIOSK_MOMENTS_PER_VISIT};
    if (sp_celebrations_list(app->db, &q, &m->rows, &m->n) != SQLITE_OK) {
        m->rows = NULL; /* busy or failed: they wait for the next visit */
        m->n = 0;
    }
}

kiosk_screen_id kiosk_after_welcome(const sp_app *app)
{
    return app->person.moments.n > 0 ? KIOSK_SCREEN_CELEBRATION : KIOSK_SCREEN_GOALS;
}

static const sp_celebration_row *moment(const sp_app *app)
{
    const kiosk_moments *m = &app->person.moments;
    return m->index >= 0 && (size_t)m->index < m->n ? &m->rows[m->index] : NULL;
}

/* Milliseconds into the moment, MOMENT_MS once it has settled. */
static uint64_t elapsed(const sp_app *app, uint64_t now)
{
    if (app->person.moments.settled || now < app->screen_at)
        return app->person.moments.settled ? MOMENT_MS : 0;
    uint64_t t = now - app->screen_at;
    return t > MOMENT_MS ? MOMENT_MS : t;
}

static double clamp01(double x) { return x < 0 ? 0 : x > 1 ? 1 : x; }

/* Ease-out with a small overshoot: the badge pops a little past its size and settles. */
static double ease_out_back(double x)
{
    const double c1 = 1.70158, c3 = c1 + 1;
    x = clamp01(x);
    return 1 + c3 * pow(x - 1, 3) + c1 * pow(x - 1, 2);
}

static double ease_out_cubic(double x) { return 1 - pow(1 - clamp01(x), 3); }

/* A small deterministic hash: the same moment always throws the same confetti. */
static uint32_t mix(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

static double unit_rand(uint32_t seed, uint32_t i, uint32_t k) { return (mix(seed * 977u + i * 131u + k) & 0xffff) / 65535.0; }

typedef struct {
    const char *icon;
    sp_color color;
} kind_look;

static kind_look look_of(const kiosk_theme *t, sp_celebration_kind k)
{
    switch (k) {
    case SP_CELEBRATION_STEP:
        return (kind_look){"check", t->green};
    case SP_CELEBRATION_IMPROVEMENT:
    case SP_CELEBRATION_RAISE_GOAL:
        return (kind_look){"star", t->accent};
    case SP_CELEBRATION_STREAK:
        return (kind_look){"star", (sp_color){196, 72, 20, 255}};
    case SP_CELEBRATION_SHOUT_OUT:
        return (kind_look){"star", (sp_color){122, 60, 170, 255}};
    case SP_CELEBRATION_MET:
    default:
        return (kind_look){"star", t->gold};
    }
}

static void headline(const sp_celebration_row *c, char *out, size_t len)
{
    switch (c->kind) {
    case SP_CELEBRATION_MET: snprintf(out, len, "%s", _("You met your goal!")); break;
    case SP_CELEBRATION_STEP: snprintf(out, len, "%s", _("You reached a step!")); break;
    case SP_CELEBRATION_IMPROVEMENT: snprintf(out, len, "%s", _("Look how you've grown!")); break;
    case SP_CELEBRATION_STREAK: snprintf(out, len, "%s", _("You're on a roll!")); break;
    case SP_CELEBRATION_RAISE_GOAL: snprintf(out, len, "%s", _("Ready for a bigger goal!")); break;
    case SP_CELEBRATION_SHOUT_OUT:
        if (c->by_name[0])
            snprintf(out, len, _("A shout-out from %s!"), c->by_name);
        else
            snprintf(out, len, "%s", _("A shout-out from your teacher!"));
        break;
    }
}

/* The goal this moment belongs to, from the goals loaded at sign-in (NULL when not shown here). */
static const sp_goal_view *goal_of(const sp_app *app, const sp_celebration_row *c)
{
    for (size_t i = 0; c->milestone_id && i < app->person.ngoals; i++)
        if (app->person.goals[i].id == c->milestone_id)
            return &app->person.goals[i];
    return NULL;
}

static double fraction(double baseline, double current, double target)
{
    double span = target - baseline;
    if (span == 0)
        return 1;
    return clamp01((current - baseline) / span);
}

/* The confetti: pieces launched from (cx, cy) upward and outward, falling back under gravity,
 * tumbling (their width swings with a cosine) and fading out at the end of the burst. */
static void confetti(sp_ui *ui, const kiosk_theme *t, uint32_t seed, int cx, int cy, uint64_t ms)
{
    if (ms >= MOMENT_MS)
        return;
    const sp_color palette[] = {t->gold, t->accent, t->green, {226, 68, 120, 255}, {122, 60, 170, 255},
                                {0, 150, 170, 255}};
    double s = ms / 1000.0, h = t->h;
    double fade = ms < CONFETTI_FADE_MS ? 1.0 : 1.0 - (double)(ms - CONFETTI_FADE_MS) / (MOMENT_MS - CONFETTI_FADE_MS);
    double g = 1.5 * h; /* pixels per second squared */
    for (uint32_t i = 0; i < CONFETTI; i++) {
        double angle = -3.14159265 * (0.08 + 0.84 * unit_rand(seed, i, 1)); /* upward half, fanned out */
        double speed = h * (0.55 + 0.75 * unit_rand(seed, i, 2));
        double x = cx + cos(angle) * speed * s;
        double y = cy + sin(angle) * speed * s + 0.5 * g * s * s;
        int size = (int)(h * (0.010 + 0.012 * unit_rand(seed, i, 3))) + 2;
        sp_color c = palette[mix(seed + i) % (sizeof palette / sizeof palette[0])];
        c.a = (uint8_t)(255 * clamp01(fade));
        if (i % 3 == 0) {
            sp_draw_circle(ui->dl, (sp_rect){(int)x - size / 2, (int)y - size / 2, size, size}, c);
        } else {
            double spin = fabs(cos(s * (6 + 8 * unit_rand(seed, i, 4)) + i));
            int w = (int)(size * (0.3 + 0.7 * spin)) + 1, hh = size * 3 / 2;
            sp_draw_rect(ui->dl, (sp_rect){(int)x - w / 2, (int)y - hh / 2, w, hh}, c, 0);
        }
    }
}

/* Six little gold stars around the badge that pop in one after another and stay: the settled
 * moment still looks like a party. */
static void sparkles(sp_ui *ui, const kiosk_theme *t, int cx, int cy, int badge, uint64_t ms)
{
    static const double AT[][3] = {{-0.78, -0.42, 0.30}, {0.80, -0.30, 0.36}, {-0.95, 0.22, 0.22},
                                   {0.92, 0.30, 0.26},   {-0.62, 0.40, 0.18}, {0.66, 0.44, 0.20}};
    for (int i = 0; i < 6; i++) {
        double pop = ease_out_back((double)((int64_t)ms - 350 - 120 * i) / 400.0);
        int s = (int)(badge * AT[i][2] * pop);
        if (s < 4)
            continue;
        int x = cx + (int)(AT[i][0] * badge), y = cy + (int)(AT[i][1] * badge);
        sp_draw_icon(ui->dl, (sp_rect){x - s / 2, y - s / 2, s, s}, "star", t->gold);
    }
}

static void frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    const kiosk_theme *t = &app->theme;
    const sp_celebration_row *c = moment(app);
    if (!c)
        return;
    uint64_t ms = elapsed(app, now);
    kind_look look = look_of(t, c->kind);
    int m = t->margin, w = t->w - 2 * m;
    int cw = w > (int)(1200 * t->scale) ? (int)(1200 * t->scale) : w; /* a comfortable reading width */
    int cx0 = (t->w - cw) / 2;
    int th = kiosk_line_h(&app->metrics, t->title_size), bh = kiosk_line_h(&app->metrics, t->body_size);
    int lh = kiosk_line_h(&app->metrics, t->label_size);

    /* Words first, to size everything else around them. */
    char head[320], goal_line[SP_CELEBRATION_TEXT_MAX + 96] = "";
    headline(c, head, sizeof head);
    if (c->parent_id && c->step_count > 0)
        snprintf(goal_line, sizeof goal_line, _("Step %d of %d toward: %s"), c->step_no, c->step_count, c->parent_text);
    else if (c->goal_text[0] && !strstr(c->message, c->goal_text)) /* not twice */
        snprintf(goal_line, sizeof goal_line, _("My goal: %s"), c->goal_text);
    sp_ui_line lines[SP_UI_MAX_LINES];
    int msg_size = t->title_size, msg_lh = th;
    int msg_lines = sp_ui_wrap(&app->metrics, c->message, msg_size, SP_FONT_BOLD, cw, 0, lines);
    if (msg_lines > 3) { /* a long shout-out: a step smaller, never cut */
        msg_size = t->body_size;
        msg_lh = bh;
        msg_lines = sp_ui_wrap(&app->metrics, c->message, msg_size, SP_FONT_BOLD, cw, 0, lines);
    }
    int head_lines = sp_ui_wrap(&app->metrics, head, t->title_size, SP_FONT_BOLD, cw, 2, lines);
    int goal_lines = goal_line[0] ? sp_ui_wrap(&app->metrics, goal_line, t->body_size, SP_FONT_REGULAR, cw, 2, lines) : 0;
    const sp_goal_view *g = goal_of(app, c);
    bool bar = g && g->progress.has_baseline && g->progress.has_current && c->kind != SP_CELEBRATION_SHOUT_OUT &&
               c->kind != SP_CELEBRATION_RAISE_GOAL;

    int fixed = head_lines * th + t->gap + msg_lines * msg_lh + (goal_lines ? t->small_gap + goal_lines * bh : 0) +
                (bar ? t->gap + 2 * t->bar_h + 2 * lh : 0) + 2 * t->gap + t->button_h;
    int badge = (int)(t->h * 0.26);
    if (badge > t->h - 2 * m - fixed - 2 * t->gap)
        badge = t->h - 2 * m - fixed - 2 * t->gap;
    if (badge < t->icon_size * 2)
        badge = t->icon_size * 2;
    int y = (t->h - fixed - badge - 2 * t->gap) / 2;
    if (y < m)
        y = m;

    /* "2 of 3" in the corner when more than one moment is waiting, and "Read to me". */
    if (app->person.moments.n > 1) {
        char count[48];
        snprintf(count, sizeof count, _("%d of %d"), app->person.moments.index + 1, (int)app->person.moments.n);
        sp_ui_label(ui, (sp_rect){m, m, t->w / 4, lh}, count, t->label_size, SP_FONT_BOLD, SP_ALIGN_LEFT, t->muted,
                    SP_ROLE_LABEL);
    }
    int rw = kiosk_read_button_w(app, NULL, 0);
    if (rw)
        kiosk_read_button(app, ui, (sp_rect){t->w - m - rw, m, rw, t->button_h});

    /* Confetti first, from the badge's centre: it flies behind the words, which stay readable. */
    int bcx = t->w / 2, bcy = y + head_lines * th + t->gap + badge / 2;
    confetti(ui, t, (uint32_t)c->id * 2654435761u, bcx, bcy, ms);

    y += sp_ui_text(ui, (sp_rect){cx0, y, cw, head_lines * th}, head, t->title_size, SP_FONT_BOLD, SP_ALIGN_CENTER,
                    look.color, SP_ROLE_TITLE, 2);
    y += t->gap;

    /* The badge: a soft halo, then the disc growing in with its icon. */
    double grow = ease_out_back((double)ms / BADGE_GROW_MS);
    int d = (int)(badge * grow);
    if (d > 0) {
        int halo = (int)(d * (1.18 + (ms < MOMENT_MS ? 0.06 * sin(ms / 160.0) : 0)));
        /* blended by hand: a translucent disc would show the renderer's overlapping spans */
        sp_color soft = {(uint8_t)((look.color.r + 4 * t->bg.r) / 5), (uint8_t)((look.color.g + 4 * t->bg.g) / 5),
                         (uint8_t)((look.color.b + 4 * t->bg.b) / 5), 255};
        sp_draw_circle(ui->dl, (sp_rect){bcx - halo / 2, bcy - halo / 2, halo, halo}, soft);
        sp_draw_circle(ui->dl, (sp_rect){bcx - d / 2, bcy - d / 2, d, d}, look.color);
        int is = d * 3 / 5;
        sp_draw_icon(ui->dl, (sp_rect){bcx - is / 2, bcy - is / 2, is, is}, look.icon, (sp_color){255, 255, 255, 255});
    }
    sparkles(ui, t, bcx, bcy, badge, ms);
    y += badge + t->gap;

    y += sp_ui_text(ui, (sp_rect){cx0, y, cw, msg_lines * msg_lh}, c->message, msg_size, SP_FONT_BOLD, SP_ALIGN_CENTER,
                    t->text, SP_ROLE_STUDENT, msg_lines);
    if (goal_lines) {
        y += t->small_gap;
        y += sp_ui_text(ui, (sp_rect){cx0, y, cw, goal_lines * bh}, goal_line, t->body_size, SP_FONT_REGULAR,
                        SP_ALIGN_CENTER, t->muted, SP_ROLE_STUDENT, 2);
    }
    if (bar) {
        y += t->gap;
        const sp_progress *p = &g->progress;
        double to = fraction(p->baseline, p->current, g->goal.target);
        double f = to * ease_out_cubic((double)((int64_t)ms - BAR_FROM_MS) / (BAR_TO_MS - BAR_FROM_MS));
        int bw = cw * 3 / 4, bx = (t->w - bw) / 2;
        sp_ui_progress(ui, (sp_rect){bx, y + t->bar_h / 2, bw, t->bar_h}, f, f, t->track, look.color, t->text);
        y += 2 * t->bar_h;
        char a[48], b[48], z[48], s1[96], s2[160], s3[96];
        kiosk_value_words(p->baseline, g->unit_label, a, sizeof a);
        kiosk_value_words(p->current, g->unit_label, b, sizeof b);
        kiosk_value_words(g->goal.target, g->unit_label, z, sizeof z);
        snprintf(s1, sizeof s1, _("Start %s"), a);
        snprintf(s3, sizeof s3, _("Goal %s"), z);
        bool passed = sp_meets_target(&g->goal, p->current) && p->current != g->goal.target;
        if (passed)
            snprintf(s2, sizeof s2, _("Now %s \xE2\x80\x94 you passed your goal!"), b);
        else
            snprintf(s2, sizeof s2, _("Now %s"), b);
        int w1 = sp_ui_text_width(ui, s1, t->label_size, SP_FONT_REGULAR);
        int w3 = sp_ui_text_width(ui, s3, t->label_size, SP_FONT_REGULAR);
        int w2 = sp_ui_text_width(ui, s2, t->label_size, SP_FONT_BOLD);
        sp_ui_label(ui, (sp_rect){bx, y, w1, lh}, s1, t->label_size, SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted,
                    SP_ROLE_STUDENT);
        sp_ui_label(ui, (sp_rect){bx + bw - w3, y, w3, lh}, s3, t->label_size, SP_FONT_REGULAR, SP_ALIGN_RIGHT,
                    t->muted, SP_ROLE_STUDENT);
        /* "Now" under its dot, kept clear of the ends' words; on a line of its own when it cannot be */
        int lo = bx + w1 + t->small_gap, hi = bx + bw - w3 - t->small_gap;
        int nx = bx + (int)(bw * f) - w2 / 2;
        if (hi - lo >= w2) {
            nx = nx < lo ? lo : nx + w2 > hi ? hi - w2 : nx;
        } else {
            y += lh;
            nx = bx + (bw - w2) / 2;
        }
        sp_ui_label(ui, (sp_rect){nx, y, w2, lh}, s2, t->label_size, SP_FONT_BOLD, SP_ALIGN_CENTER, t->text,
                    SP_ROLE_STUDENT);
        y += lh;
    }
    y += 2 * t->gap;
    int bw = t->button_w;
    if (y + t->button_h > t->h - m)
        y = t->h - m - t->button_h;
    sp_ui_button(ui, ACT_NEXT, (sp_rect){(t->w - bw) / 2, y, bw, t->button_h}, _("Next"), SP_BUTTON_PRIMARY, NULL);

}

static void enter(sp_app *app, uint64_t now)
{
    (void)now;
    app->person.moments.settled = false;
    if (app->chime_on)
        app->chime_wanted = true;
}

/* The student moves on: this moment was on screen, so it is seen. */
static void next(sp_app *app, uint64_t now)
{
    kiosk_moments *m = &app->person.moments;
    const sp_celebration_row *c = moment(app);
    if (c && app->db) {
        char at[24];
        kiosk_iso_from_ms(now, at);
        sp_celebration_mark_seen(app->db, c->id, at, NULL); /* busy: it shows again next visit */
    }
    m->index++;
    if ((size_t)m->index < m->n)
        kiosk_go(app, KIOSK_SCREEN_CELEBRATION, now);
    else
        kiosk_go(app, KIOSK_SCREEN_GOALS, now);
}

static void action(sp_app *app, int id, uint64_t now)
{
    if (id == ACT_NEXT)
        next(app, now);
}

/* A tap anywhere else settles the moment (Enter too, once it has settled it goes on). */
static void tap(sp_app *app, uint64_t now)
{
    if (elapsed(app, now) < MOMENT_MS) {
        app->person.moments.settled = true;
        app->redraw = true;
    } else if (!app->ui.focus_visible) {
        next(app, now);
    }
}

static uint64_t deadline(const sp_app *app, uint64_t now)
{
    (void)now;
    if (app->person.moments.settled)
        return UINT64_MAX;
    uint64_t end = app->screen_at + MOMENT_MS;
    if (app->drawn_at >= end)
        return UINT64_MAX; /* the settled frame is on screen: nothing moves */
    uint64_t from = app->drawn_at > app->screen_at ? app->drawn_at : app->screen_at;
    uint64_t d = from + FRAME_MS;
    return d < end ? d : end;
}

static void timer(sp_app *app, uint64_t now)
{
    (void)now;
    app->redraw = true;
}

const kiosk_screen kiosk_screen_celebration = {
    .name = "celebration",
    .in_session = true,
    .enter = enter,
    .frame = frame,
    .action = action,
    .back = next,
    .tap = tap,
    .deadline = deadline,
    .timer = timer,
};
