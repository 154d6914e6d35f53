/* app.c — the kiosk's state machine: the screen table, event dispatch, timers, sign-in and
 * sign-out, and the parts every screen draws (header, message page).
 *
 * Time is an input. Every entry point first "advances" the app to now_ms: the idle warning
 * and timeout of a signed-in session, then the current screen's timer (welcome → goals after
 * 1.2 s, the countdowns, the database retry, ...). Events then go to the current screen:
 * a tap is hit-tested against the targets of the last frame, keys move the focus ring or go to
 * the screen, Escape means back. A frame is built only when something changed (the redraw
 * flag) or a deadline passed; sp_app_next_deadline() tells the platform how long it may sleep.
 *
 * The scan (attract) screen is nearly still: the clock's minute, and a gentle breath of the
 * badge ring for 1.6 s every 20 s. Between those the idle kiosk sleeps, which keeps idle CPU far
 * under 1 % of a core even with the software renderer at 1920x1080.
 *
 * Privacy: a session ends by "I'm done", the idle timeout, or another badge. Ending writes the
 * kiosk log, frees every string of the student (names, goal views, teacher lists), forgets the
 * focus and scroll position, and raises the purge request so the renderer drops its cached
 * textures of student text. */
#include "app/app_internal.h"
#include "app/avatar.h"
#include "i18n.h"
#include "ui/layout_check.h"
#include "badge.h"
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const kiosk_screen *const SCREENS[KIOSK_SCREEN_COUNT] = {
    [KIOSK_SCREEN_SCAN] = &kiosk_screen_scan,
    [KIOSK_SCREEN_WELCOME] = &kiosk_screen_welcome,
    [KIOSK_SCREEN_GOALS] = &kiosk_screen_goals,
    [KIOSK_SCREEN_GOAL] = &kiosk_screen_goal,
    [KIOSK_SCREEN_DONE] = &kiosk_screen_done,
    [KIOSK_SCREEN_TIMEOUT] = &kiosk_screen_timeout,
    [KIOSK_SCREEN_TEACHER] = &kiosk_screen_teacher,
    [KIOSK_SCREEN_TEACHER_TODAY] = &kiosk_screen_teacher_today,
    [KIOSK_SCREEN_UNKNOWN] = &kiosk_screen_unknown,
    [KIOSK_SCREEN_REVOKED] = &kiosk_screen_revoked,
    [KIOSK_SCREEN_COOLDOWN] = &kiosk_screen_cooldown,
    [KIOSK_SCREEN_DB] = &kiosk_screen_db,
    [KIOSK_SCREEN_BUSY] = &kiosk_screen_busy,
    [KIOSK_SCREEN_SAVING] = &kiosk_screen_saving,
    [KIOSK_SCREEN_SELF_CHECK] = &kiosk_screen_self_check,
    [KIOSK_SCREEN_TYPE] = &kiosk_screen_type,
    [KIOSK_SCREEN_NEXT_STEP] = &kiosk_screen_next_step,
    [KIOSK_SCREEN_MASTERY] = &kiosk_screen_mastery,
    [KIOSK_SCREEN_MASTERY_TARGET] = &kiosk_screen_mastery_target,
    [KIOSK_SCREEN_CELEBRATION] = &kiosk_screen_celebration,
    [KIOSK_SCREEN_WINS] = &kiosk_screen_wins,
};

static const kiosk_screen *current(const sp_app *app) { return SCREENS[app->screen]; }

int kiosk_today(const sp_app *app, uint64_t now)
{
    if (app->today_override)
        return app->today_override;
    long long local_ms = (long long)now + (long long)app->tz_min * 60000;
    return (int)(local_ms / 86400000);
}

uint64_t kiosk_countdown_deadline(uint64_t end, long long drawn_seconds)
{
    /* The number on screen goes stale when fewer than drawn_seconds - 1 whole seconds remain. */
    if (drawn_seconds <= 1)
        return end;
    return end - (uint64_t)(drawn_seconds - 1) * 1000;
}

bool kiosk_page_key(int *scroll, int max_scroll, int page, sp_app_key k)
{
    switch (k) {
    case SP_KEY_PAGE_DOWN: *scroll += page; break;
    case SP_KEY_PAGE_UP: *scroll -= page; break;
    case SP_KEY_HOME: *scroll = 0; break;
    case SP_KEY_END: *scroll = max_scroll; break;
    default: return false;
    }
    if (*scroll > max_scroll)
        *scroll = max_scroll;
    if (*scroll < 0)
        *scroll = 0;
    return true;
}

long long kiosk_seconds_left(uint64_t end, uint64_t now) { return now >= end ? 0 : (long long)((end - now + 999) / 1000); }

void kiosk_go(sp_app *app, kiosk_screen_id screen, uint64_t now)
{
    if (app->screen != (int)screen)
        kiosk_read_aloud_stop(app); /* the words being read are no longer on screen */
    app->screen = (int)screen;
    app->screen_at = now;
    app->redraw = true;
    sp_ui_reset_targets(&app->ui);
    if (SCREENS[screen]->enter)
        SCREENS[screen]->enter(app, now);
}

/* ---- database ---------------------------------------------------------------------------- */

/* Notes why the database cannot be used; the reason goes to stderr (the service log) once per
 * change, since the screen only asks the student to fetch a teacher. */
static void db_unusable(sp_app *app, const char *why)
{
    if (strcmp(app->db_error, why) != 0)
        fprintf(stderr, "signpost-kiosk: cannot use the database: %s (trying again every %d s)\n", why,
                KIOSK_DB_RETRY_MS / 1000);
    if (why != app->db_error)
        snprintf(app->db_error, sizeof app->db_error, "%s", why);
}

bool kiosk_db_try_open(sp_app *app)
{
    if (app->db && app->reader)
        return true;
    char err[256] = "";
    sqlite3 *db = sp_db_open(app->db_path, 0, err, sizeof err);
    if (!db) {
        db_unusable(app, err);
        return false;
    }
    /* The kiosk must never freeze behind the admin tool: wait a few ms, then retry later. */
    sqlite3_busy_timeout(db, KIOSK_BUSY_TIMEOUT_MS);
    /* "Saved" is a promise: each commit reaches the disk before the screen says so, so a
     * reflection survives a tablet losing power too (WAL's NORMAL may drop the last commits). */
    sp_db_exec(db, "PRAGMA synchronous = FULL");
    sp_goal_reader *reader = sp_goal_reader_new(db, err, sizeof err);
    if (!reader) {
        db_unusable(app, err);
        sp_db_close(db);
        return false;
    }
    if (app->db_error[0])
        fprintf(stderr, "signpost-kiosk: the database %s can be used again\n", app->db_path);
    app->db = db;
    app->reader = reader;
    app->db_error[0] = 0;
    sp_school_language(db, app->school_language); /* stays "en" if the file cannot say */
    kiosk_apply_language(app);
    return true;
}

static void db_close(sp_app *app)
{
    sp_goal_reader_free(app->reader);
    app->reader = NULL;
    sp_db_close(app->db);
    app->db = NULL;
}

void kiosk_db_lost(sp_app *app, const char *why, uint64_t now)
{
    db_unusable(app, why && *why ? why : "database error");
    if (app->person.active)
        kiosk_end_session(app, "switched", now);
    kiosk_log_flush(&app->log, app->db);
    db_close(app);
    app->pending = false;
    app->db_retry_at = now + KIOSK_DB_RETRY_MS;
    kiosk_go(app, KIOSK_SCREEN_DB, now);
}

/* ---- sessions ---------------------------------------------------------------------------- */

void kiosk_end_session(sp_app *app, const char *reason, uint64_t now)
{
    kiosk_person *p = &app->person;
    if (!p->active)
        return;
    kiosk_log_end(&app->log, app->db, p->log_key, reason, now);
    if (kiosk_log_waiting(&app->log) && app->log_retry_at == 0)
        app->log_retry_at = now + KIOSK_LOG_RETRY_MS;
    kiosk_model_free(p);
    kiosk_read_aloud_stop(app);
    if (app->speech_available)
        app->speech_stop = true; /* whatever the student had read to them ends with the session */
    kiosk_apply_look(app); /* back to the kiosk's own look */
    sp_ui_reset_targets(&app->ui);
    app->ui.focus_visible = false;
    app->purge = true;
    app->redraw = true;
}

void kiosk_apply_look(sp_app *app)
{
    const kiosk_person *p = &app->person;
    bool student = p->active && !p->teacher;
    kiosk_look look = student ? p->profile.look : (kiosk_look){0};
    kiosk_theme_for(&app->theme, app->theme.w, app->theme.h, &app->metrics, look);
    kiosk_apply_language(app);
    bool dyslexic = student && p->profile.dyslexia_font;
    if (dyslexic != app->dyslexic_font) {
        app->dyslexic_font = dyslexic;
        app->font_request = true;
    }
    app->redraw = true;
}

static void start_log(sp_app *app, long long student_id, long long staff_id, uint64_t now)
{
    app->person.log_key = kiosk_log_start(&app->log, app->db, student_id, staff_id, now);
    if (kiosk_log_waiting(&app->log) && app->log_retry_at == 0)
        app->log_retry_at = now + KIOSK_LOG_RETRY_MS;
}

/* ---- scans ------------------------------------------------------------------------------- */

static void not_recognised(sp_app *app, sp_scan_outcome outcome, uint64_t now)
{
    kiosk_end_session(app, "switched", now);
    kiosk_log_scan(&app->log, app->db, outcome, now);
    if (sp_scan_guard_refused(&app->guard, now))
        kiosk_go(app, KIOSK_SCREEN_COOLDOWN, now);
    else
        kiosk_go(app, KIOSK_SCREEN_UNKNOWN, now);
}

static bool busy_code(int rc)
{
    rc &= 0xff;
    return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

/* The database is locked by a writer: keep the scan and try again shortly. */
static void scan_later(sp_app *app, const char *payload, uint64_t now)
{
    if (!app->pending) {
        app->pending = true;
        app->pending_since = now;
        snprintf(app->pending_payload, sizeof app->pending_payload, "%s", payload);
    }
    app->pending_retry_at = now + KIOSK_BUSY_RETRY_MS;
    if (app->screen != KIOSK_SCREEN_BUSY) {
        kiosk_end_session(app, "switched", now);
        kiosk_go(app, KIOSK_SCREEN_BUSY, now);
    }
}

static void sign_in_student(sp_app *app, const char *payload, long long student_id, uint64_t now)
{
    if (app->person.active && !app->person.teacher && app->person.holder_id == student_id) {
        /* The same badge again (a lanyard swinging past the scanner): stay signed in and keep
         * whatever is half done; only the greeting moves on to the goals, and the timeout
         * warning goes back to the page it interrupted. */
        app->pending = false;
        if (app->screen == KIOSK_SCREEN_WELCOME)
            kiosk_go(app, KIOSK_SCREEN_GOALS, now);
        else if (app->screen == KIOSK_SCREEN_TIMEOUT)
            kiosk_go(app, (kiosk_screen_id)app->resume_screen, now);
        app->redraw = true;
        return;
    }
    char *name = NULL;
    sp_goal_view *goals = NULL;
    size_t ngoals = 0;
    kiosk_profile profile;
    char (*goal_lang)[SP_LANG_MAX] = NULL;
    int rc = kiosk_model_load_student(app, student_id, kiosk_today(app, now), &name, &goals, &ngoals, &profile,
                                      &goal_lang);
    if (busy_code(rc)) {
        scan_later(app, payload, now);
        return;
    }
    app->pending = false;
    if (rc == SQLITE_NOTFOUND) { /* archived between lookup and load */
        not_recognised(app, SP_SCAN_UNKNOWN, now);
        return;
    }
    if (rc != SQLITE_OK) {
        kiosk_db_lost(app, sqlite3_errstr(rc), now);
        return;
    }
    kiosk_end_session(app, "switched", now);
    kiosk_person *p = &app->person;
    p->active = true;
    p->teacher = false;
    p->holder_id = student_id;
    p->name = name;
    p->goals = goals;
    p->ngoals = ngoals;
    p->goal_lang = goal_lang;
    p->profile = profile;
    p->open_goal = -1;
    p->scroll = 0;
    kiosk_apply_look(app);
    start_log(app, student_id, 0, now);
    kiosk_moments_load(app, student_id);
    kiosk_go(app, KIOSK_SCREEN_WELCOME, now);
}

static void sign_in_teacher(sp_app *app, long long staff_id, uint64_t now)
{
    app->pending = false;
    kiosk_end_session(app, "switched", now);
    kiosk_person *p = &app->person;
    p->active = true;
    p->teacher = true;
    p->holder_id = staff_id;
    p->open_goal = -1;
    start_log(app, 0, staff_id, now);
    kiosk_go(app, KIOSK_SCREEN_TEACHER, now);
}

void kiosk_scan(sp_app *app, const char *payload, uint64_t now)
{
    if (sp_scan_guard_blocked(&app->guard, now)) {
        kiosk_log_scan(&app->log, app->db, SP_SCAN_COOLDOWN, now);
        app->redraw = true;
        return;
    }
    if (!app->db && !kiosk_db_try_open(app)) {
        app->redraw = true; /* the db screen stays; its timer keeps retrying */
        return;
    }
    char token[SP_BADGE_TOKEN_CHARS + 1];
    if (sp_badge_parse(payload, strlen(payload), token) != SP_PAYLOAD_OK) {
        app->pending = false;
        not_recognised(app, SP_SCAN_MALFORMED, now);
        return;
    }
    sp_badge_identity id;
    memset(&id, 0, sizeof id);
    int rc = sp_badge_lookup(app->db, token, &id);
    if (busy_code(rc)) {
        scan_later(app, payload, now);
        return;
    }
    if (rc != SQLITE_OK) {
        kiosk_db_lost(app, sqlite3_errstr(rc), now);
        return;
    }
    switch (id.kind) {
    case SP_BADGE_STUDENT:
        sign_in_student(app, payload, id.holder_id, now);
        break;
    case SP_BADGE_TEACHER:
        sign_in_teacher(app, id.holder_id, now);
        break;
    case SP_BADGE_REVOKED:
        app->pending = false;
        kiosk_end_session(app, "switched", now);
        kiosk_log_scan(&app->log, app->db, SP_SCAN_REVOKED, now);
        kiosk_go(app, KIOSK_SCREEN_REVOKED, now);
        break;
    case SP_BADGE_UNKNOWN:
    default:
        app->pending = false;
        not_recognised(app, SP_SCAN_UNKNOWN, now);
        break;
    }
}

/* ---- time -------------------------------------------------------------------------------- */

static bool idle_applies(const sp_app *app)
{
    return app->person.active && (current(app)->in_session || app->screen == KIOSK_SCREEN_TIMEOUT);
}

static uint64_t warn_at(const sp_app *app) { return app->last_input + (uint64_t)(app->idle_ms - app->warn_ms); }
static uint64_t end_at(const sp_app *app) { return app->last_input + (uint64_t)app->idle_ms; }

static void advance(sp_app *app, uint64_t now)
{
    app->last_now = now;
    if (app->log_retry_at && now >= app->log_retry_at) {
        app->log_retry_at = kiosk_log_flush(&app->log, app->db) ? 0 : now + KIOSK_LOG_RETRY_MS;
    }
    for (int guard = 0; guard < 8; guard++) {
        if (idle_applies(app)) {
            if (now >= end_at(app)) {
                kiosk_end_session(app, "timeout", now);
                kiosk_go(app, KIOSK_SCREEN_SCAN, now);
                continue;
            }
            if (app->screen != KIOSK_SCREEN_TIMEOUT && now >= warn_at(app)) {
                app->resume_screen = app->screen;
                kiosk_go(app, KIOSK_SCREEN_TIMEOUT, now);
                continue;
            }
        }
        const kiosk_screen *s = current(app);
        if (s->deadline && s->timer && s->deadline(app, now) <= now) {
            int before = app->screen;
            uint64_t at = app->screen_at;
            s->timer(app, now);
            if (app->screen != before || app->screen_at != at)
                continue;
        }
        break;
    }
}

/* ---- public API -------------------------------------------------------------------------- */

sp_app *sp_app_new(const sp_app_config *cfg, const sp_text_metrics *metrics, uint64_t now_ms)
{
    sp_app *app = calloc(1, sizeof *app);
    if (!app)
        return NULL;
    snprintf(app->db_path, sizeof app->db_path, "%s", cfg->db_path ? cfg->db_path : "");
    kiosk_log_init(&app->log, cfg->kiosk_name);
    sp_scan_guard_init(&app->guard);
    app->idle_ms = cfg->idle_timeout_ms > 0 ? cfg->idle_timeout_ms : 60000;
    app->warn_ms = cfg->warning_ms > 0 ? cfg->warning_ms : 10000;
    if (app->warn_ms >= app->idle_ms)
        app->warn_ms = app->idle_ms / 2;
    app->today_override = cfg->today_override;
    app->chime_on = !cfg->no_chime;
    app->tz_min = cfg->tz_offset_min;
    app->metrics = *metrics;
    sp_ui_init(&app->ui, metrics);
    kiosk_theme_for(&app->theme, cfg->width > 0 ? cfg->width : 1280, cfg->height > 0 ? cfg->height : 800, metrics,
                    (kiosk_look){0});
    app->last_input = now_ms;
    app->last_now = now_ms;
    app->drawn_minute = -1;
    app->person.open_goal = -1;
    snprintf(app->school_language, sizeof app->school_language, "en");
    kiosk_apply_language(app);
    if (kiosk_db_try_open(app)) {
        kiosk_go(app, KIOSK_SCREEN_SCAN, now_ms);
    } else {
        app->db_retry_at = now_ms + KIOSK_DB_RETRY_MS;
        kiosk_go(app, KIOSK_SCREEN_DB, now_ms);
    }
    return app;
}

void sp_app_free(sp_app *app)
{
    if (!app)
        return;
    kiosk_end_session(app, "closed", app->last_now);
    kiosk_log_flush(&app->log, app->db);
    db_close(app);
    kiosk_model_free(&app->person);
    free(app);
}

static void user_input(sp_app *app, uint64_t now)
{
    app->last_input = now;
}

static void pointer(sp_app *app, int x, int y, uint64_t now)
{
    const kiosk_screen *s = current(app);
    app->ui.focus_visible = false;
    app->redraw = true;
    int id = sp_ui_hit_test(&app->ui, x, y);
    if (id == KIOSK_ACT_READ)
        kiosk_read_aloud_request(app);
    else if (id == KIOSK_ACT_MORE)
        app->chip_page++;
    else if (id && s->action)
        s->action(app, id, now);
    else if (!id && s->tap)
        s->tap(app, now);
}

static void key(sp_app *app, sp_app_key k, uint64_t now)
{
    const kiosk_screen *s = current(app);
    app->redraw = true;
    if (s->key && s->key(app, k, now))
        return;
    switch (k) {
    case SP_KEY_TAB:
    case SP_KEY_RIGHT:
    case SP_KEY_DOWN:
        sp_ui_focus_step(&app->ui, +1);
        break;
    case SP_KEY_SHIFT_TAB:
    case SP_KEY_LEFT:
    case SP_KEY_UP:
        sp_ui_focus_step(&app->ui, -1);
        break;
    case SP_KEY_ENTER:
        if (app->ui.focus_visible && app->ui.focus_id == KIOSK_ACT_READ)
            kiosk_read_aloud_request(app);
        else if (app->ui.focus_visible && app->ui.focus_id == KIOSK_ACT_MORE)
            app->chip_page++;
        else if (app->ui.focus_visible && app->ui.focus_id && s->action)
            s->action(app, app->ui.focus_id, now);
        else if (s->tap)
            s->tap(app, now);
        break;
    case SP_KEY_ESCAPE:
        if (s->back)
            s->back(app, now);
        break;
    default:
        break;
    }
}

void sp_app_handle(sp_app *app, const sp_app_event *ev, uint64_t now)
{
    advance(app, now);
    switch (ev->kind) {
    case SP_EV_RESIZE:
        if (ev->w > 0 && ev->h > 0) {
            app->theme.w = ev->w;
            app->theme.h = ev->h;
            kiosk_apply_look(app);
            sp_ui_reset_targets(&app->ui);
            app->redraw = true;
        }
        return;
    case SP_EV_QUIT:
        app->exit = true;
        return;
    case SP_EV_TICK:
        return;
    case SP_EV_SCAN: {
        char payload[sizeof ev->text + 1];
        memcpy(payload, ev->text, sizeof ev->text);
        payload[sizeof ev->text] = 0;
        user_input(app, now);
        kiosk_scan(app, payload, now);
        return;
    }
    default:
        break;
    }
    /* Touch, keys, typing and scrolling are all signs of life. On the warning screen they only
     * mean "I'm still here". */
    user_input(app, now);
    if (app->screen == KIOSK_SCREEN_TIMEOUT) {
        kiosk_go(app, (kiosk_screen_id)app->resume_screen, now);
        return;
    }
    switch (ev->kind) {
    case SP_EV_POINTER:
        pointer(app, ev->x, ev->y, now);
        break;
    case SP_EV_KEY:
        key(app, ev->key, now);
        break;
    case SP_EV_SCROLL:
        if (current(app)->scroll) {
            current(app)->scroll(app, ev->y);
            app->redraw = true;
        }
        break;
    case SP_EV_TEXT:
        if (current(app)->text) {
            char text[sizeof ev->text + 1];
            memcpy(text, ev->text, sizeof ev->text);
            text[sizeof ev->text] = 0;
            current(app)->text(app, text, now);
            app->redraw = true;
        }
        break;
    default:
        break;
    }
}

/* A new page eases in: it rises the last few pixels into place over KIOSK_MOTION_PAGE_MS
 * (ease-out cubic), with its touch targets, so a tap always lands on what is shown. */
static void page_transition(sp_app *app, sp_draw_list *dl, uint64_t now)
{
    if (app->no_motion || now >= app->screen_at + KIOSK_MOTION_PAGE_MS)
        return;
    double p = (double)(now - app->screen_at) / KIOSK_MOTION_PAGE_MS;
    double rest = (1 - p) * (1 - p) * (1 - p);
    int dy = (int)(app->theme.space_m * rest + 0.5);
    if (dy == 0)
        return;
    for (size_t i = 0; i < dl->count; i++)
        if (dl->cmds[i].kind != SP_CMD_CLIP || dl->cmds[i].rect.w)
            dl->cmds[i].rect.y += dy;
    for (size_t i = 0; i < app->ui.ntargets; i++) {
        app->ui.targets[i].full.y += dy;
        if (app->ui.targets[i].rect.w)
            app->ui.targets[i].rect.y += dy;
    }
}

void sp_app_frame(sp_app *app, sp_draw_list *dl, uint64_t now)
{
    advance(app, now);
    sp_draw_reset(dl, app->theme.bg);
    sp_ui_begin(&app->ui, dl, app->theme.w, app->theme.h, &app->theme.ui);
    current(app)->frame(app, &app->ui, now);
    sp_ui_end(&app->ui);
    if (app->rtl) { /* a right-to-left language: the whole layout mirrors (language.c) */
        sp_ui_mirror_targets(&app->ui, dl);
        sp_draw_mirror(dl, app->theme.w);
    }
    page_transition(app, dl, now);
    kiosk_read_aloud_frame(app, dl);
    app->redraw = false;
    app->drawn_at = now;
}

uint64_t sp_app_next_deadline(const sp_app *app, uint64_t now)
{
    uint64_t d = UINT64_MAX;
    const kiosk_screen *s = current(app);
    if (s->deadline) {
        uint64_t t = s->deadline(app, now);
        if (t < d)
            d = t;
    }
    if (idle_applies(app)) {
        uint64_t t = app->screen == KIOSK_SCREEN_TIMEOUT ? end_at(app) : warn_at(app);
        if (t < d)
            d = t;
    }
    if (app->log_retry_at && app->log_retry_at < d)
        d = app->log_retry_at;
    /* The page transition's frames, about 60 a second, until it has settled. */
    uint64_t settled = app->screen_at + KIOSK_MOTION_PAGE_MS;
    if (!app->no_motion && app->drawn_at < settled) {
        uint64_t t = app->drawn_at + 16 < settled ? app->drawn_at + 16 : settled;
        if (t < d)
            d = t;
    }
    return d;
}

bool sp_app_needs_redraw(const sp_app *app, uint64_t now) { return app->redraw || now >= sp_app_next_deadline(app, now); }

bool sp_app_wants_exit(const sp_app *app) { return app->exit; }

int sp_app_layout_check(const sp_app *app, const sp_draw_list *dl, char *msg, size_t len)
{
    sp_layout_rules rules = {KIOSK_TOUCH_MIN,
                             (app->theme.high_contrast ? KIOSK_CONTRAST_HIGH_X10 : KIOSK_CONTRAST_MIN_X10) / 10.0};
    return sp_layout_check(dl, &app->ui, &rules, msg, len);
}

void sp_app_set_motion(sp_app *app, bool on)
{
    app->no_motion = !on;
    app->redraw = true;
}

const char *sp_app_screen_name(const sp_app *app) { return current(app)->name; }

void sp_app_set_metrics(sp_app *app, const sp_text_metrics *m)
{
    app->metrics = *m;
    app->ui.metrics = *m;
    kiosk_apply_look(app); /* card heights follow the line heights */
}

bool sp_app_take_font_request(sp_app *app, bool *dyslexic)
{
    if (!app->font_request)
        return false;
    app->font_request = false;
    *dyslexic = app->dyslexic_font;
    return true;
}

bool sp_app_take_chime(sp_app *app)
{
    bool c = app->chime_wanted;
    app->chime_wanted = false;
    return c;
}

bool sp_app_take_purge_request(sp_app *app)
{
    bool p = app->purge;
    app->purge = false;
    return p;
}

size_t sp_app_touch_targets(const sp_app *app, sp_rect *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < app->ui.ntargets; i++) {
        if (app->ui.targets[i].rect.w <= 0)
            continue;
        if (n < max)
            out[n] = app->ui.targets[i].full;
        n++;
    }
    return n;
}

/* ---- shared drawing ---------------------------------------------------------------------- */

int kiosk_header_button_w(const sp_app *app)
{
    const kiosk_theme *t = &app->theme;
    int bw = t->button_w;
    if (bw * 2 + 3 * t->gap > t->w - 2 * t->margin) /* very narrow windows */
        bw = (t->w - 2 * t->margin - 3 * t->gap) / 3;
    return bw;
}

/* The header's row: Back, the title, what the screen reserves, "Read to me", "I'm done". */
typedef struct {
    int back_w, done_w, read_w;
} header_row;

/* Width of a header button that just holds its icon and words (as sp_ui_button lays them out). */
static int snug_w(const sp_app *app, const char *label)
{
    const kiosk_theme *t = &app->theme;
    int w = 2 * t->ui.pad + t->ui.button_text_size + t->ui.pad / 2 +
            app->metrics.text_width(app->metrics.user, label, strlen(label), t->ui.button_text_size, SP_FONT_BOLD);
    return w < KIOSK_MIN_TOUCH ? KIOSK_MIN_TOUCH : w;
}

/* A signed-in student's header without Back starts with their avatar (in landscape: a portrait
 * header keeps its width for the title and "Read to me" in words; the greeting shows the avatar). */
static bool header_avatar(const sp_app *app, bool back)
{
    return !back && !app->theme.portrait && app->person.active && !app->person.teacher && app->person.name;
}

static int room_for(const sp_app *app, const header_row *h, bool back, bool done, int reserve)
{
    const kiosk_theme *t = &app->theme;
    return t->w - 2 * t->margin - (back ? h->back_w + t->gap : 0) - (done ? h->done_w + t->gap : 0) - reserve -
           (header_avatar(app, back) ? t->button_h + t->space_s : 0);
}

/* The title in r: the title size or a step or two smaller on one line, else two lines of body
 * size; it is cut only when even that does not fit. */
void kiosk_header_title(sp_app *app, sp_ui *ui, sp_rect r, const char *title, sp_align align)
{
    const kiosk_theme *t = &app->theme;
    int th = 0;
    int size = sp_ui_fit_size(ui, r.w, r.h, title, t->title_size, SP_FONT_BOLD, 1, &th);
    sp_ui_line ln[2];
    int n = sp_ui_wrap(&app->metrics, title, size, SP_FONT_BOLD, r.w, 1, ln);
    if (n == 1 && !ln[0].ellipsis)
        sp_ui_fit_text(ui, r, title, size, SP_FONT_BOLD, align, t->text, SP_ROLE_TITLE, 1);
    else
        sp_ui_fit_text(ui, r, title, t->body_size, SP_FONT_BOLD, align, t->text, SP_ROLE_TITLE, 2);
}

/* Back and "I'm done" are as wide as on every screen, unless "Read to me" would leave the title
 * too little room: then they shrink to their words, and "Read to me" shows its words only when
 * the title still fits beside them. title NULL: the layout for the longest title. */
static header_row header_layout(const sp_app *app, const char *title, bool back, bool done, int reserve)
{
    int bw = kiosk_header_button_w(app);
    header_row h = {bw, bw, 0};
    int compact = kiosk_read_button_w(app, NULL, 0);
    if (!compact)
        return h;
    const kiosk_theme *t = &app->theme;
    int tw = title ? app->metrics.text_width(app->metrics.user, title, strlen(title), t->title_size, SP_FONT_BOLD) : 0;
    if (!title || tw + compact + t->gap > room_for(app, &h, back, done, reserve)) {
        int sb = snug_w(app, _("Back")), sd = snug_w(app, _("I'm done"));
        h.back_w = sb < bw ? sb : bw;
        h.done_w = sd < bw ? sd : bw;
    }
    h.read_w = kiosk_read_button_w(app, title, room_for(app, &h, back, done, reserve));
    return h;
}

int kiosk_header_read_w(const sp_app *app, const char *title, bool back, bool done, int reserve)
{
    return header_layout(app, title, back, done, reserve).read_w;
}

int kiosk_header_title_room(const sp_app *app, bool back, bool done)
{
    header_row h = header_layout(app, NULL, back, done, 0);
    int room = room_for(app, &h, back, done, 0);
    return h.read_w ? room - h.read_w - app->theme.gap : room;
}

sp_rect kiosk_header(sp_app *app, sp_ui *ui, const char *title, bool back, bool done)
{
    return kiosk_header_reserve(app, ui, title, back, done, 0);
}

sp_rect kiosk_header_reserve(sp_app *app, sp_ui *ui, const char *title, bool back, bool done, int reserve)
{
    const kiosk_theme *t = &app->theme;
    int m = t->margin, bh = t->button_h;
    header_row h = header_layout(app, title, back, done, reserve);
    int left = m, right = t->w - m;
    if (back) {
        sp_ui_button(ui, KIOSK_ACT_BACK, (sp_rect){left, m, h.back_w, bh}, _("Back"), SP_BUTTON_SECONDARY, "back");
        left += h.back_w + t->gap;
    } else if (header_avatar(app, back)) {
        kiosk_avatar(ui, t, (sp_rect){left, m, bh, bh}, app->person.name, app->person.holder_id);
        left += bh + t->space_s;
    }
    if (done) {
        sp_ui_button(ui, KIOSK_ACT_DONE, (sp_rect){right - h.done_w, m, h.done_w, bh}, _("I'm done"), SP_BUTTON_PRIMARY,
                     "check");
        right -= h.done_w + t->gap;
    }
    if (h.read_w) {
        kiosk_read_button(app, ui, (sp_rect){right - h.read_w, m, h.read_w, bh});
        right -= h.read_w + t->gap;
    }
    right -= reserve;
    if (title)
        kiosk_header_title(app, ui, (sp_rect){left, m, right - left, bh}, title, SP_ALIGN_LEFT);
    int top = m + bh + t->gap;
    return (sp_rect){m, top, t->w - 2 * m, t->h - top - m};
}

void kiosk_message_page(sp_app *app, sp_ui *ui, const char *icon, const char *title, const char *body,
                        const char *status, const char *button, sp_color title_color)
{
    const kiosk_theme *t = &app->theme;
    int w = t->w - 4 * t->margin;
    if (w > (int)(1100 * t->scale))
        w = (int)(1100 * t->scale);
    int x = (t->w - w) / 2;
    int th = kiosk_line_h(&app->metrics, t->title_size), bh = kiosk_line_h(&app->metrics, t->body_size);
    int total = (icon ? t->icon_size * 2 + t->gap : 0) + 2 * th + t->gap + 2 * bh + (status ? t->gap + 2 * bh : 0) +
                (button ? 2 * t->gap + t->button_h : 0);
    int y = (t->h - total) / 2;
    if (y < t->margin)
        y = t->margin;
    if (icon) {
        int is = t->icon_size * 2;
        sp_draw_icon(ui->dl, (sp_rect){(t->w - is) / 2, y, is, is}, icon, title_color);
        y += is + t->gap;
    }
    y += sp_ui_text(ui, (sp_rect){x, y, w, 2 * th}, title, t->title_size, SP_FONT_BOLD, SP_ALIGN_CENTER, title_color,
                    SP_ROLE_TITLE, 2);
    y += t->gap;
    if (body)
        y += sp_ui_text(ui, (sp_rect){x, y, w, 2 * bh}, body, t->body_size, SP_FONT_REGULAR, SP_ALIGN_CENTER, t->text,
                        SP_ROLE_BODY, 2);
    if (status) {
        y += t->gap;
        y += sp_ui_text(ui, (sp_rect){x, y, w, 2 * bh}, status, t->body_size, SP_FONT_BOLD, SP_ALIGN_CENTER,
                        t->accent, SP_ROLE_STATUS, 2);
    }
    if (button) {
        y += 2 * t->gap;
        int bw = t->button_w;
        if (y + t->button_h > t->h - t->margin)
            y = t->h - t->margin - t->button_h;
        sp_ui_button(ui, KIOSK_ACT_OK, (sp_rect){(t->w - bw) / 2, y, bw, t->button_h}, button, SP_BUTTON_PRIMARY, NULL);
    }
}
