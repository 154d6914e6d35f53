/* replay.c — the headless harness (see replay.h for the script format).
 *
 * No window: the renderer is SDL's software renderer drawing into an ARGB8888 surface, so the
 * pixels of every frame are right there for a screenshot (converted to RGBA and written with
 * png_write.c). The app is created lazily at the first command that needs it, so `size` and
 * `now` at the top of a script take effect. Virtual time: `wait` walks from deadline to deadline
 * (sp_app_next_deadline), delivering a tick at each, so countdowns and the idle timeout happen
 * in the same order as on a real kiosk, instantly.
 *
 * After each input the harness draws a frame if the app asks for one, like the window loop; an
 * expectation or a shot always builds a fresh frame first. $SIGNPOST_KIOSK_TRACE is honoured as
 * in the window loop. Read aloud is offered as if a voice were there, and the words the app asks
 * to speak are kept for expect-speech instead of being played, so no audio device is needed. */
#include "i18n.h"
#include "platform/replay.h"
#include "platform/events.h"
#include "platform/kiosk.h"
#include "platform/png_write.h"
#include "render/render.h"

#include "badge.h"
#include "badge_key.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* 2026-11-23T09:00:00Z: a Monday morning in the demo school's term. */
#define DEFAULT_START_MS 1795424400000ull

struct sp_replay {
    sp_replay_options opt;
    int w, h;
    uint64_t now;
    SDL_Surface *surface;
    SDL_Renderer *ren;
    sp_render *render;
    sp_app *app;
    sp_draw_list *dl;
    sqlite3 *db;     /* read-only, for scan-student */
    FILE *trace;
    bool sdl_started;
    /* Read aloud is recorded, never played: the last words the app asked to speak, and whether
     * it asked to stop since. */
    char speech[SP_APP_SPEECH_MAX];  /* the parts joined by spaces */
    char speech_parts[SP_APP_SPEECH_MAX];
    sp_app_speech_part part[SP_APP_SPEECH_PARTS];
    size_t nparts;
    bool speech_stopped;
    bool no_pixels;  /* `pixels off`: frames are built (draw list, targets) but not rendered */
    int chimes;      /* celebration chimes asked for (recorded, never played) */
};

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}

sp_replay *sp_replay_new(const sp_replay_options *opt, char *err, size_t errlen)
{
    sp_replay *r = calloc(1, sizeof *r);
    if (!r) {
        fail(err, errlen, "out of memory");
        return NULL;
    }
    r->opt = *opt;
    r->w = 1280;
    r->h = 800;
    r->now = DEFAULT_START_MS;
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    sp_i18n_init(); /* before any thread: the message catalogs of every language */
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fail(err, errlen, "cannot start SDL with the dummy video driver: %s", SDL_GetError());
        free(r);
        return NULL;
    }
    r->sdl_started = true;
    if (!TTF_WasInit() && TTF_Init() != 0) {
        fail(err, errlen, "cannot start the font engine: %s", TTF_GetError());
        sp_replay_free(r);
        return NULL;
    }
    r->dl = calloc(1, sizeof *r->dl);
    if (!r->dl) {
        fail(err, errlen, "out of memory");
        sp_replay_free(r);
        return NULL;
    }
    const char *trace = getenv("SIGNPOST_KIOSK_TRACE");
    if (trace && *trace)
        r->trace = fopen(trace, "a");
    return r;
}

static void drop_screen(sp_replay *r)
{
    sp_render_free(r->render);
    r->render = NULL;
    if (r->ren)
        SDL_DestroyRenderer(r->ren);
    r->ren = NULL;
    if (r->surface)
        SDL_FreeSurface(r->surface);
    r->surface = NULL;
}

void sp_replay_free(sp_replay *r)
{
    if (!r)
        return;
    if (r->app)
        sp_app_free(r->app);
    drop_screen(r);
    free(r->dl);
    if (r->db)
        sqlite3_close(r->db);
    if (r->trace)
        fclose(r->trace);
    explicit_bzero(r->speech, sizeof r->speech);
    explicit_bzero(r->speech_parts, sizeof r->speech_parts);
    if (r->sdl_started) {
        if (TTF_WasInit())
            TTF_Quit();
        SDL_Quit();
    }
    free(r);
}

static int make_screen(sp_replay *r, char *err, size_t errlen)
{
    r->surface = SDL_CreateRGBSurfaceWithFormat(0, r->w, r->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!r->surface)
        return fail(err, errlen, "cannot make a %dx%d surface: %s", r->w, r->h, SDL_GetError());
    r->ren = SDL_CreateSoftwareRenderer(r->surface);
    if (!r->ren)
        return fail(err, errlen, "cannot make a software renderer: %s", SDL_GetError());
    r->render = sp_render_new(r->ren, NULL, err, errlen);
    return r->render ? 0 : -1;
}

/* Creates the screen and the app on first use. */
static int ensure_app(sp_replay *r, char *err, size_t errlen)
{
    if (r->app)
        return 0;
    if (!r->render && make_screen(r, err, errlen) != 0)
        return -1;
    sp_text_metrics metrics = sp_render_metrics(r->render);
    sp_app_config cfg = {
        .db_path = r->opt.db_path,
        .kiosk_name = r->opt.kiosk_name ? r->opt.kiosk_name : "replay",
        .idle_timeout_ms = r->opt.timeout_s > 0 ? r->opt.timeout_s * 1000 : 0,
        .width = r->w,
        .height = r->h,
        .no_chime = r->opt.no_chime,
    };
    r->app = sp_app_new(&cfg, &metrics, r->now);
    if (!r->app)
        return fail(err, errlen, "the app did not start on database %s", r->opt.db_path ? r->opt.db_path : "(none)");
    sp_app_set_read_aloud(r->app, true); /* recorded, not played: no audio device needed */
    sp_app_set_motion(r->app, false);    /* settled pages for shots and checks; `motion on` to watch */
    sp_app_set_voices(r->app, sp_kiosk_has_voice, NULL); /* but the voices are espeak-ng's */
    sp_replay_draw(r);
    return 0;
}

void sp_replay_draw(sp_replay *r)
{
    if (!r->app)
        return;
    if (r->no_pixels) {
        /* What sp_kiosk_present does, less the drawing: faces and the text cache still follow
         * the app, so text is measured exactly as it would be drawn. */
        bool dyslexic;
        if (sp_app_take_font_request(r->app, &dyslexic)) {
            sp_render_set_dyslexic(r->render, dyslexic);
            sp_text_metrics metrics = sp_render_metrics(r->render);
            sp_app_set_metrics(r->app, &metrics);
        }
        if (sp_app_take_purge_request(r->app))
            sp_render_purge_text_cache(r->render);
        sp_app_frame(r->app, r->dl, r->now);
    } else {
        sp_kiosk_present(r->app, r->render, r->ren, r->dl, r->trace, r->now, false);
    }
    if (sp_app_take_speech_stop(r->app))
        r->speech_stopped = true;
    size_t n = sp_app_take_speech(r->app, r->speech_parts, sizeof r->speech_parts, r->part, SP_APP_SPEECH_PARTS);
    if (n > 0) {
        r->nparts = n;
        size_t len = 0;
        for (size_t i = 0; i < n && len + 1 < sizeof r->speech; i++)
            len += (size_t)snprintf(r->speech + len, sizeof r->speech - len, "%s%s", i ? " " : "", r->part[i].text);
        r->speech_stopped = false;
    }
    if (sp_app_take_chime(r->app))
        r->chimes++;
}

void sp_replay_event(sp_replay *r, const sp_app_event *ev)
{
    sp_app_handle(r->app, ev, r->now);
    if (sp_app_needs_redraw(r->app, r->now))
        sp_replay_draw(r);
}

static void advance(sp_replay *r, uint64_t ms)
{
    uint64_t target = r->now + ms;
    sp_app_event tick = {.kind = SP_EV_TICK};
    for (int guard = 0; guard < 100000; guard++) {
        uint64_t d = sp_app_next_deadline(r->app, r->now);
        if (d == UINT64_MAX || d > target)
            break;
        if (d > r->now)
            r->now = d;
        sp_replay_event(r, &tick);
        if (d <= r->now && sp_app_next_deadline(r->app, r->now) <= r->now)
            r->now++; /* a deadline that does not move: step past it */
    }
    r->now = target;
    sp_replay_event(r, &tick);
}

bool sp_replay_student_payload(sp_replay *r, const char *sis_id, char *payload, size_t len)
{
    if (!r->db) { /* read-only, with the badge key to unseal the card a script scans */
        if (sqlite3_open_v2(r->opt.db_path, &r->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
            sp_badge_key_attach(r->db, r->opt.db_path, false) != SQLITE_OK)
            return false;
    }
    sqlite3_stmt *st = NULL;
    bool ok = false;
    const char *sql = "SELECT sp_badge_unseal(b.sealed) FROM badges b JOIN students s ON s.id = b.student_id "
                      "WHERE s.sis_id = ?1 AND b.revoked_at IS NULL "
                      "UNION ALL SELECT sp_badge_unseal(b.sealed) FROM badges b JOIN staff t ON t.id = b.staff_id "
                      "WHERE t.staff_code = ?1 AND b.revoked_at IS NULL LIMIT 1";
    if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(st, 1, sis_id, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_bytes(st, 0) == SP_BADGE_TOKEN_CHARS) {
        char buf[SP_BADGE_PAYLOAD_MAX];
        sp_badge_payload((const char *)sqlite3_column_text(st, 0), buf);
        snprintf(payload, len, "%s", buf);
        ok = true;
    }
    sqlite3_finalize(st);
    return ok;
}

/* The argument of a command: a "quoted string" (with \" and \\) or the rest of the line. */
static void argument(const char *s, char *out, size_t len)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = 0;
    if (*s == '"') {
        for (s++; *s && *s != '"' && n + 1 < len; s++) {
            if (*s == '\\' && s[1])
                s++;
            out[n++] = *s;
        }
    } else {
        for (; *s && *s != '\n' && *s != '\r' && n + 1 < len; s++)
            out[n++] = *s;
        while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t'))
            n--;
    }
    out[n] = '\0';
}

/* mkdir -p for the shots folder. */
static void make_dirs(const char *path)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(buf, 0777);
            *p = '/';
        }
    }
    mkdir(buf, 0777);
}

static int shot(sp_replay *r, const char *name, char *err, size_t errlen)
{
    bool no_pixels = r->no_pixels;
    r->no_pixels = false; /* a shot always renders */
    sp_replay_draw(r);
    r->no_pixels = no_pixels;
    if (!r->opt.shots_dir)
        return 0;
    char path[1024];
    make_dirs(r->opt.shots_dir);
    snprintf(path, sizeof path, "%s/%s.png", r->opt.shots_dir, name);
    SDL_Surface *rgba = SDL_ConvertSurfaceFormat(r->surface, SDL_PIXELFORMAT_ABGR8888, 0);
    if (!rgba)
        return fail(err, errlen, "cannot convert the frame: %s", SDL_GetError());
    int rc = sp_png_write_rgba(path, rgba->pixels, rgba->w, rgba->h, rgba->pitch);
    SDL_FreeSurface(rgba);
    if (rc != 0)
        return fail(err, errlen, "cannot write %s: %s", path, strerror(errno));
    return 0;
}

static bool cache_holds(sp_replay *r, const char *needle)
{
    for (size_t i = 0; sp_render_cache_text(r->render, i); i++)
        if (strstr(sp_render_cache_text(r->render, i), needle))
            return true;
    return false;
}

static const char *screen_texts(const sp_replay *r, char *buf, size_t len)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < r->dl->count && n + 4 < len; i++) {
        if (r->dl->cmds[i].kind != SP_CMD_TEXT)
            continue;
        int k = snprintf(buf + n, len - n, "%s\"%s\"", n ? ", " : "", r->dl->cmds[i].text);
        if (k < 0)
            break;
        n += (size_t)k;
    }
    return buf;
}

int sp_replay_line(sp_replay *r, const char *line, char *err, size_t errlen)
{
    while (*line == ' ' || *line == '\t')
        line++;
    if (*line == '\0' || *line == '#' || *line == '\n' || *line == '\r')
        return 0;
    char cmd[32];
    size_t c = 0;
    while (line[c] && !isspace((unsigned char)line[c]) && c + 1 < sizeof cmd) {
        cmd[c] = line[c];
        c++;
    }
    cmd[c] = '\0';
    char arg[512];
    argument(line + c, arg, sizeof arg);
    if (r->opt.log)
        fprintf(r->opt.log, "replay: %s %s\n", cmd, arg);

    if (strcmp(cmd, "size") == 0) {
        int w, h;
        if (sscanf(arg, "%d %d", &w, &h) != 2 || w < 64 || h < 64 || w > 8192 || h > 8192)
            return fail(err, errlen, "size wants two numbers like \"size 1280 800\", found \"%s\"", arg);
        r->w = w;
        r->h = h;
        if (r->render) {
            drop_screen(r);
            if (make_screen(r, err, errlen) != 0)
                return -1;
            if (r->app) {
                sp_text_metrics metrics = sp_render_metrics(r->render);
                sp_app_set_metrics(r->app, &metrics); /* the old renderer measured text until now */
                sp_app_event e = {.kind = SP_EV_RESIZE, .w = w, .h = h};
                sp_replay_event(r, &e);
            }
        }
        return 0;
    }
    if (strcmp(cmd, "now") == 0) {
        struct tm tm;
        memset(&tm, 0, sizeof tm);
        if (sscanf(arg, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
                   &tm.tm_sec) < 3)
            return fail(err, errlen, "now wants a time like 2026-11-23T09:00:00, found \"%s\"", arg);
        tm.tm_year -= 1900;
        tm.tm_mon -= 1;
        r->now = (uint64_t)timegm(&tm) * 1000u;
        return 0;
    }
    if (ensure_app(r, err, errlen) != 0)
        return -1;

    if (strcmp(cmd, "scan") == 0) {
        sp_app_event e = sp_events_scan(arg);
        sp_replay_event(r, &e);
    } else if (strcmp(cmd, "scan-student") == 0 || strcmp(cmd, "scan-staff") == 0) {
        char payload[64];
        if (!sp_replay_student_payload(r, arg, payload, sizeof payload))
            return fail(err, errlen, "%s: no active badge for \"%s\" in %s (run signpost-admin badge issue "
                                     "--all-missing first)", cmd, arg, r->opt.db_path);
        sp_app_event e = sp_events_scan(payload);
        sp_replay_event(r, &e);
    } else if (strcmp(cmd, "tap") == 0) {
        int x, y;
        if (sscanf(arg, "%d %d", &x, &y) != 2)
            return fail(err, errlen, "tap wants X Y, found \"%s\"", arg);
        sp_app_event e = sp_events_pointer(x, y);
        sp_replay_event(r, &e);
    } else if (strcmp(cmd, "tap-text") == 0) {
        sp_replay_draw(r);
        const sp_draw_cmd *t = sp_draw_find_text(r->dl, arg);
        if (!t) {
            char buf[2048];
            return fail(err, errlen, "tap-text: no text containing \"%s\" on screen \"%s\"; texts: %s", arg,
                        sp_app_screen_name(r->app), screen_texts(r, buf, sizeof buf));
        }
        sp_app_event e = sp_events_pointer(t->rect.x + t->rect.w / 2, t->rect.y + t->rect.h / 2);
        sp_replay_event(r, &e);
    } else if (strcmp(cmd, "tap-target") == 0) {
        sp_rect targets[256];
        sp_replay_draw(r);
        size_t n = sp_app_touch_targets(r->app, targets, 256);
        char *end;
        long i = strtol(arg, &end, 10);
        if (end == arg || i < 0 || (size_t)i >= n || (size_t)i >= 256)
            return fail(err, errlen, "tap-target: no target %s (the screen has %zu)", arg, n);
        sp_app_event e = sp_events_pointer(targets[i].x + targets[i].w / 2, targets[i].y + targets[i].h / 2);
        sp_replay_event(r, &e);
    } else if (strcmp(cmd, "expect-touch-targets") == 0) {
        sp_rect targets[256];
        sp_replay_draw(r);
        size_t n = sp_app_touch_targets(r->app, targets, 256);
        int min = atoi(arg);
        for (size_t i = 0; i < n && i < 256; i++)
            if (targets[i].w < min || targets[i].h < min)
                return fail(err, errlen, "expect-touch-targets: target %zu on screen \"%s\" is %dx%d, smaller than %d px",
                            i, sp_app_screen_name(r->app), targets[i].w, targets[i].h, min);
    } else if (strcmp(cmd, "scroll") == 0) {
        int dy;
        if (sscanf(arg, "%d", &dy) != 1)
            return fail(err, errlen, "scroll wants pixels (positive shows content further down), found \"%s\"", arg);
        sp_app_event e = sp_events_scroll(dy);
        sp_replay_event(r, &e);
    } else if (strcmp(cmd, "key") == 0) {
        sp_app_key key;
        if (!sp_events_key_by_name(arg, &key))
            return fail(err, errlen, "key: unknown key \"%s\" (tab, shift-tab, enter, escape, left, right, up, "
                                     "down, backspace, pageup, pagedown, home, end)", arg);
        sp_app_event e = sp_events_key(key);
        sp_replay_event(r, &e);
    } else if (strcmp(cmd, "type") == 0) {
        sp_app_event e;
        memset(&e, 0, sizeof e);
        e.kind = SP_EV_TEXT;
        size_t len = strlen(arg);
        for (size_t i = 0; i < len;) {
            /* one UTF-8 character per event, like SDL_TEXTINPUT from a keyboard */
            size_t n = 1;
            while (i + n < len && ((unsigned char)arg[i + n] & 0xC0) == 0x80)
                n++;
            memset(e.text, 0, sizeof e.text);
            memcpy(e.text, arg + i, n);
            sp_replay_event(r, &e);
            i += n;
        }
    } else if (strcmp(cmd, "wait") == 0) {
        char *end;
        long ms = strtol(arg, &end, 10);
        if (end == arg || ms < 0)
            return fail(err, errlen, "wait wants milliseconds, found \"%s\"", arg);
        advance(r, (uint64_t)ms);
    } else if (strcmp(cmd, "shot") == 0) {
        if (!*arg || strchr(arg, '/'))
            return fail(err, errlen, "shot wants a plain name, found \"%s\"", arg);
        return shot(r, arg, err, errlen);
    } else if (strcmp(cmd, "expect-text") == 0 || strcmp(cmd, "expect-no-text") == 0) {
        sp_replay_draw(r);
        bool want = strcmp(cmd, "expect-text") == 0;
        if (sp_draw_contains_text(r->dl, arg) != want) {
            char buf[2048];
            return fail(err, errlen, "%s \"%s\" failed on screen \"%s\"; texts: %s", cmd, arg,
                        sp_app_screen_name(r->app), screen_texts(r, buf, sizeof buf));
        }
    } else if (strcmp(cmd, "expect-screen") == 0) {
        sp_replay_draw(r);
        if (strcmp(sp_app_screen_name(r->app), arg) != 0)
            return fail(err, errlen, "expect-screen: expected screen \"%s\", found \"%s\"", arg,
                        sp_app_screen_name(r->app));
    } else if (strcmp(cmd, "expect-speech") == 0) {
        sp_replay_draw(r);
        if (!r->speech[0])
            return fail(err, errlen, "expect-speech \"%s\": nothing was asked to be read aloud (screen \"%s\")", arg,
                        sp_app_screen_name(r->app));
        if (!strstr(r->speech, arg))
            return fail(err, errlen, "expect-speech \"%s\": the last words asked to be read aloud were \"%.1500s\"", arg,
                        r->speech);
    } else if (strcmp(cmd, "pixels") == 0) {
        if (strcmp(arg, "on") != 0 && strcmp(arg, "off") != 0)
            return fail(err, errlen, "pixels wants on or off, found \"%s\"", arg);
        r->no_pixels = strcmp(arg, "off") == 0;
    } else if (strcmp(cmd, "motion") == 0) {
        if (strcmp(arg, "on") != 0 && strcmp(arg, "off") != 0)
            return fail(err, errlen, "motion wants on or off, found \"%s\"", arg);
        sp_app_set_motion(r->app, strcmp(arg, "on") == 0);
    } else if (strcmp(cmd, "expect-layout-clean") == 0) {
        sp_replay_draw(r);
        char problems[2048];
        int n = sp_app_layout_check(r->app, r->dl, problems, sizeof problems);
        if (n > 0)
            return fail(err, errlen, "expect-layout-clean: %d problem%s on screen \"%s\" at %dx%d:\n%s", n,
                        n == 1 ? "" : "s", sp_app_screen_name(r->app), r->w, r->h, problems);
    } else if (strcmp(cmd, "expect-voice") == 0) {
        /* expect-voice LANG "TEXT": a part containing TEXT is said in LANG's voice */
        sp_replay_draw(r);
        char lang[36];
        const char *text = arg;
        size_t k = 0;
        while (*text && *text != ' ' && k + 1 < sizeof lang)
            lang[k++] = *text++;
        lang[k] = '\0';
        while (*text == ' ')
            text++;
        size_t tl = strlen(text);
        char want[1024];
        snprintf(want, sizeof want, "%.*s", (int)(tl >= 2 && text[0] == '"' ? tl - 2 : tl), text + (text[0] == '"'));
        bool found = false;
        char heard[2048] = "";
        size_t hl = 0;
        for (size_t i = 0; i < r->nparts; i++) {
            if (strstr(r->part[i].text, want) && strcmp(r->part[i].lang, lang) == 0)
                found = true;
            if (hl + 1 < sizeof heard)
                hl += (size_t)snprintf(heard + hl, sizeof heard - hl, "[%s] %.300s ", r->part[i].lang, r->part[i].text);
        }
        if (!found)
            return fail(err, errlen, "expect-voice %s \"%s\": the parts asked to be read aloud were %s", lang, want,
                        r->nparts ? heard : "(none)");
    } else if (strcmp(cmd, "expect-chimes") == 0) {
        sp_replay_draw(r);
        char *end;
        long want = strtol(arg, &end, 10);
        if (end == arg || want < 0)
            return fail(err, errlen, "expect-chimes wants a count, found \"%s\"", arg);
        if (r->chimes != want)
            return fail(err, errlen, "expect-chimes: expected %ld chimes so far, the app asked for %d", want, r->chimes);
    } else if (strcmp(cmd, "expect-cache-clean") == 0) {
        sp_replay_draw(r);
        if (cache_holds(r, arg))
            return fail(err, errlen, "expect-cache-clean: the text cache still holds \"%s\"", arg);
    } else {
        return fail(err, errlen, "unknown command \"%s\"", cmd);
    }
    return 0;
}

int sp_replay_file(sp_replay *r, const char *path, char *err, size_t errlen)
{
    FILE *in = fopen(path, "r");
    if (!in)
        return fail(err, errlen, "cannot open %s: %s", path, strerror(errno));
    char line[1024];
    int lineno = 0, rc = 0;
    while (fgets(line, sizeof line, in)) {
        lineno++;
        char msg[3000];
        if (sp_replay_line(r, line, msg, sizeof msg) != 0) {
            snprintf(err, errlen, "%s:%d: %s", path, lineno, msg);
            rc = -1;
            break;
        }
    }
    fclose(in);
    if (rc == 0 && r->app == NULL)
        rc = ensure_app(r, err, errlen);
    return rc;
}

sp_app *sp_replay_app(sp_replay *r)
{
    return r->app;
}

const sp_draw_list *sp_replay_draw_list(const sp_replay *r)
{
    return r->dl;
}

struct sp_render *sp_replay_renderer(sp_replay *r)
{
    return r->render;
}

uint64_t sp_replay_now(const sp_replay *r)
{
    return r->now;
}
