/* kiosk.c — the kiosk's window and event loop.
 *
 * The window is created hidden, the first frame is drawn, and only then is it shown, so the
 * student never sees an empty window. Fullscreen (desktop resolution, borderless) unless
 * --windowed. The loop blocks in SDL_WaitEventTimeout until the app's next deadline (countdown,
 * animation, idle timeout); it draws only when sp_app_needs_redraw() says so, plus one extra frame
 * after input because immediate-mode state shows one frame late. Idle on the scan screen it
 * sleeps in the kernel and uses no CPU.
 *
 * The app's clock is Unix milliseconds: the epoch time read once at start plus SDL_GetTicks64()
 * since then, so it is monotonic even if the wall clock is changed while running.
 *
 * Closing: a student cannot close the kiosk. SDL_QUIT (window manager close, Alt+F4) is ignored
 * in fullscreen; the only exit is the teacher menu (sp_app_wants_exit). In --windowed
 * development mode SDL_QUIT is passed to the app as SP_EV_QUIT. SIGTERM and SIGINT (the service
 * manager stopping the kiosk; no student can send a signal) end it cleanly whatever the screen,
 * the database reachable or not: the handler only raises a flag, which the loop looks at at
 * least once a second, then the open session is closed and the kiosk exits 0. Starting and
 * closing are logged in one sentence each.
 *
 * Read aloud: the speech worker (speech.c) starts after the first frame; once it has a voice and
 * an audio device the app offers "Read to me", and after each frame the loop hands it the app's
 * requests (the words of a screen, or "stop"). Without audio the kiosk works as before. The same
 * goes for the celebration chime (chime.c): played when a celebration moment appears, unless
 * --no-chime, with the device closed again once it has played.
 *
 * The software renderer is the default: the kiosk redraws rarely, and not loading the GL stack
 * keeps start-up fast and memory small. SIGNPOST_KIOSK_GPU=1 asks for an accelerated renderer. */
#include "i18n.h"
#include "platform/kiosk.h"
#include "platform/camera.h"
#include "platform/chime.h"
#include "platform/events.h"
#include "platform/speech.h"
#include "render/render.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

uint64_t sp_kiosk_epoch_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

int sp_kiosk_tz_offset_min(uint64_t epoch_ms)
{
    time_t t = (time_t)(epoch_ms / 1000u);
    struct tm local;
    if (!localtime_r(&t, &local))
        return 0;
    return (int)(local.tm_gmtoff / 60);
}

void sp_kiosk_trace_frame(FILE *trace, uint64_t now_ms, const char *screen, const sp_draw_list *dl)
{
    if (!trace)
        return;
    fprintf(trace, "%llu %s", (unsigned long long)now_ms, screen ? screen : "?");
    for (size_t i = 0; i < dl->count; i++)
        if (dl->cmds[i].kind == SP_CMD_TEXT && dl->cmds[i].text)
            fprintf(trace, " | %s", dl->cmds[i].text);
    fputc('\n', trace);
    fflush(trace);
}

void sp_kiosk_speech(sp_app *app, sp_speech *speech)
{
    if (sp_app_take_speech_stop(app))
        sp_speech_stop(speech);
    char text[SP_APP_SPEECH_MAX];
    sp_app_speech_part parts[SP_APP_SPEECH_PARTS];
    size_t n = sp_app_take_speech(app, text, sizeof text, parts, SP_APP_SPEECH_PARTS);
    if (n > 0) {
        sp_speech_part say[SP_APP_SPEECH_PARTS];
        for (size_t i = 0; i < n; i++)
            say[i] = (sp_speech_part){parts[i].text, parts[i].lang};
        sp_speech_say_parts(speech, say, n);
        explicit_bzero(text, sizeof text);
    }
}

bool sp_kiosk_has_voice(void *user, const char *lang)
{
    (void)user;
    char voice[64];
    return sp_speech_voice_for(lang, voice, sizeof voice) == 0;
}

void sp_kiosk_present(sp_app *app, sp_render *render, SDL_Renderer *ren, sp_draw_list *dl, FILE *trace,
                      uint64_t now_ms, bool kiosk_dyslexic)
{
    bool dyslexic;
    if (sp_app_take_font_request(app, &dyslexic)) {
        sp_render_set_dyslexic(render, dyslexic || kiosk_dyslexic);
        sp_text_metrics metrics = sp_render_metrics(render);
        sp_app_set_metrics(app, &metrics); /* line heights changed: lay out again */
    }
    sp_render_set_rtl(render, sp_app_rtl(app));
    if (sp_app_take_purge_request(app))
        sp_render_purge_text_cache(render);
    sp_app_frame(app, dl, now_ms);
    sp_render_draw_list(render, dl);
    SDL_RenderPresent(ren);
    sp_kiosk_trace_frame(trace, now_ms, sp_app_screen_name(app), dl);
}

typedef struct {
    SDL_Window *win;
    SDL_Renderer *ren;
    sp_render *render;
    sp_app *app;
    sp_draw_list *dl;
    sp_events input;
    uint64_t epoch0, ticks0;
    FILE *trace;
    bool windowed;
    bool dyslexic;         /* --dyslexic-font: the whole kiosk reads with OpenDyslexic */
    sp_camera *camera;     /* --camera: a zbar thread posting camera_event */
    Uint32 camera_event;
    sp_speech *speech;     /* read-aloud; NULL when there is no audio at all */
    sp_speech_state speech_state; /* as last told to the app */
    sp_chime *chime;       /* the celebration chime; NULL with --no-chime or without audio */
} kiosk;

static uint64_t now_ms(const kiosk *k)
{
    return k->epoch0 + (SDL_GetTicks64() - k->ticks0);
}

static void update_sizes(kiosk *k)
{
    int ow, oh, ww, wh;
    SDL_GetRendererOutputSize(k->ren, &ow, &oh);
    SDL_GetWindowSize(k->win, &ww, &wh);
    k->input.out_w = ow;
    k->input.out_h = oh;
    k->input.win_w = ww;
    k->input.win_h = wh;
}

/* The speech worker starts in the background: once it is ready the app may offer "Read to me";
 * if it failed, the kiosk says why once and goes on without it. */
static void speech_follow(kiosk *k)
{
    if (!k->speech)
        return;
    sp_speech_state now = sp_speech_get_state(k->speech);
    if (now == k->speech_state)
        return;
    k->speech_state = now;
    if (now == SP_SPEECH_FAILED)
        fprintf(stderr, "signpost-kiosk: read aloud is off: %s\n", sp_speech_error(k->speech));
    sp_app_set_read_aloud(k->app, now == SP_SPEECH_READY);
}

static void draw(kiosk *k)
{
    sp_kiosk_present(k->app, k->render, k->ren, k->dl, k->trace, now_ms(k), k->dyslexic);
    if (k->speech)
        sp_kiosk_speech(k->app, k->speech);
    if (sp_app_take_chime(k->app))
        sp_chime_play(k->chime); /* no device: silently nothing */
}

/* Handles one SDL event; returns true if it was input (worth an extra frame). */
static bool handle(kiosk *k, const SDL_Event *ev, bool *force)
{
    if (ev->type == SDL_WINDOWEVENT) {
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            update_sizes(k);
            sp_app_event e = {.kind = SP_EV_RESIZE, .w = k->input.out_w, .h = k->input.out_h};
            sp_app_handle(k->app, &e, now_ms(k));
            *force = true;
        } else if (ev->window.event == SDL_WINDOWEVENT_EXPOSED) {
            *force = true;
        }
        return false;
    }
    if (ev->type == SDL_RENDER_TARGETS_RESET || ev->type == SDL_RENDER_DEVICE_RESET) {
        sp_render_device_reset(k->render);
        *force = true;
        return false;
    }
    if (k->camera && ev->type == k->camera_event) {
        char *text = ev->user.data1;
        if (ev->user.code == SP_CAMERA_EVENT_SCAN && text) {
            sp_app_event e = sp_events_scan(text);
            sp_app_handle(k->app, &e, now_ms(k));
        } else if (text) {
            fprintf(stderr, "signpost-kiosk: camera: %s\n", text);
        }
        free(text);
        return ev->user.code == SP_CAMERA_EVENT_SCAN;
    }
    if (ev->type == SDL_QUIT && !k->windowed) {
        fputs("signpost-kiosk: ignoring a request to close (exit through the teacher menu)\n", stderr);
        return false;
    }
    sp_app_event out[SP_EVENTS_MAX_OUT];
    size_t n = sp_events_translate(&k->input, ev, out);
    if (k->input.saw_touch && SDL_ShowCursor(SDL_QUERY) == SDL_ENABLE)
        SDL_ShowCursor(SDL_DISABLE);
    for (size_t i = 0; i < n; i++)
        sp_app_handle(k->app, &out[i], now_ms(k));
    return n > 0;
}

/* Set by SIGTERM/SIGINT. A signal handler can only reach a file-scope flag. */
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig) { stop_signal = sig; }

int sp_kiosk_run(const sp_kiosk_options *opt)
{
    int rc = 1;
    kiosk k;
    memset(&k, 0, sizeof k);
    k.windowed = opt->windowed;
    sp_i18n_init(); /* before any thread: the message catalogs of every language */
    struct sigaction sa; /* first of all, so a stop during start-up is clean too */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    const char *asked = getenv("SDL_VIDEODRIVER");
    const char *x11 = getenv("DISPLAY"), *wayland = getenv("WAYLAND_DISPLAY");
    if ((!asked || !*asked) && (!x11 || !*x11) && (!wayland || !*wayland))
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "kmsdrm"); /* a console kiosk; no noisy Wayland probe */
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
        return SP_KIOSK_NO_DISPLAY;
    /* SDL falls back to its invisible drivers when nothing else works; a kiosk nobody can see is
     * no use unless someone asked for it on purpose (SDL_VIDEODRIVER set). */
    const char *driver = SDL_GetCurrentVideoDriver();
    if ((!asked || !*asked) && driver && (strcmp(driver, "offscreen") == 0 || strcmp(driver, "dummy") == 0)) {
        SDL_Quit();
        return SP_KIOSK_NO_DISPLAY;
    }
    if (TTF_Init() != 0) {
        fprintf(stderr, "signpost-kiosk: cannot start the font engine: %s\n", TTF_GetError());
        goto done;
    }
    int w = opt->width > 0 ? opt->width : 1280, h = opt->height > 0 ? opt->height : 800;
    Uint32 flags = SDL_WINDOW_HIDDEN | SDL_WINDOW_ALLOW_HIGHDPI;
    flags |= opt->windowed ? SDL_WINDOW_RESIZABLE : (SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS);
    k.win = SDL_CreateWindow("Signpost", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!k.win) {
        fprintf(stderr, "signpost-kiosk: cannot open the window: %s\n", SDL_GetError());
        goto done;
    }
    const char *gpu = getenv("SIGNPOST_KIOSK_GPU");
    if (gpu && strcmp(gpu, "1") == 0)
        k.ren = SDL_CreateRenderer(k.win, -1, SDL_RENDERER_ACCELERATED);
    if (!k.ren) {
        /* without this SDL presents the software framebuffer through OpenGL, loading Mesa */
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        k.ren = SDL_CreateRenderer(k.win, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!k.ren) {
        fprintf(stderr, "signpost-kiosk: cannot create a renderer: %s\n", SDL_GetError());
        goto done;
    }
    SDL_DisableScreenSaver();
    if (SDL_GetNumTouchDevices() > 0 || !opt->windowed)
        SDL_ShowCursor(SDL_DISABLE);
    char err[256] = "";
    sp_render_config rcfg = {.dyslexic_font = opt->dyslexic};
    k.dyslexic = opt->dyslexic;
    k.render = sp_render_new(k.ren, &rcfg, err, sizeof err);
    if (!k.render) {
        fprintf(stderr, "signpost-kiosk: %s\n", err);
        goto done;
    }
    k.dl = malloc(sizeof *k.dl);
    if (!k.dl)
        goto done;
    sp_draw_reset(k.dl, (sp_color){255, 255, 255, 255});
    const char *trace = getenv("SIGNPOST_KIOSK_TRACE");
    if (trace && *trace)
        k.trace = fopen(trace, "a");
    sp_events_init(&k.input, w, h, w, h);
    update_sizes(&k);
    k.epoch0 = sp_kiosk_epoch_ms();
    k.ticks0 = SDL_GetTicks64();
    sp_text_metrics metrics = sp_render_metrics(k.render);
    sp_app_config cfg = {
        .db_path = opt->db_path,
        .kiosk_name = opt->kiosk_name,
        .idle_timeout_ms = opt->timeout_s > 0 ? opt->timeout_s * 1000 : 0,
        .width = k.input.out_w,
        .height = k.input.out_h,
        .tz_offset_min = sp_kiosk_tz_offset_min(k.epoch0),
        .no_chime = opt->no_chime,
    };
    k.app = sp_app_new(&cfg, &metrics, now_ms(&k));
    if (!k.app) {
        fprintf(stderr, "signpost-kiosk: cannot start the app on %s\n", opt->db_path);
        goto done;
    }
    sp_app_set_voices(k.app, sp_kiosk_has_voice, NULL);
    if (opt->camera) {
        k.camera_event = SDL_RegisterEvents(1);
        char cerr[256] = "";
        k.camera = sp_camera_start_sdl(opt->camera, k.camera_event, cerr, sizeof cerr);
        if (!k.camera)
            fprintf(stderr, "signpost-kiosk: %s (the USB scanner still works)\n", cerr);
    }
    draw(&k);
    SDL_ShowWindow(k.win);
    SDL_StartTextInput();
    fprintf(stderr, "signpost-kiosk: \"%s\" is showing the scan screen (SDL video: %s) on %s\n", opt->kiosk_name,
            SDL_GetCurrentVideoDriver(), opt->db_path);
    /* After the first frame, so starting the voice never delays it. */
    char serr[256] = "";
    k.speech = sp_speech_new(serr, sizeof serr);
    k.speech_state = k.speech ? SP_SPEECH_STARTING : SP_SPEECH_FAILED;
    if (!k.speech)
        fprintf(stderr, "signpost-kiosk: read aloud is off: %s\n", serr);
    if (!opt->no_chime && !(k.chime = sp_chime_new(serr, sizeof serr)))
        fprintf(stderr, "signpost-kiosk: celebrations will be silent: %s\n", serr);
    if (getenv("SIGNPOST_KIOSK_EXIT_AFTER_FIRST_FRAME")) {
        draw(&k); /* the window is mapped now: present it once more so it is on screen */
        printf("signpost-kiosk: first frame presented\n");
        fflush(stdout);
        rc = 0;
        goto done;
    }
    bool extra_frame = false;
    while (!sp_app_wants_exit(k.app) && !stop_signal) {
        uint64_t now = now_ms(&k);
        uint64_t deadline = sp_app_next_deadline(k.app, now);
        int timeout;
        if (extra_frame)
            timeout = 0;
        else if (deadline == UINT64_MAX)
            timeout = 60000;
        else
            timeout = deadline <= now ? 0 : (deadline - now > 60000 ? 60000 : (int)(deadline - now));
        if (timeout > 1000)
            timeout = 1000; /* look at the stop flag at least once a second */
        if (k.speech_state == SP_SPEECH_STARTING && timeout > 100)
            timeout = 100; /* look again soon whether the voice is ready */
        uint64_t wedge = sp_events_deadline(&k.input); /* held scanner keys, SDL ticks */
        if (wedge) {
            uint64_t t = SDL_GetTicks64();
            int wait = wedge <= t ? 0 : (int)(wedge - t);
            if (wait < timeout)
                timeout = wait;
        }
        SDL_Event ev;
        bool input = false, force = false;
        if (SDL_WaitEventTimeout(&ev, timeout)) {
            input |= handle(&k, &ev, &force);
            while (SDL_PollEvent(&ev))
                input |= handle(&k, &ev, &force);
        }
        if (sp_events_deadline(&k.input) && sp_events_deadline(&k.input) <= SDL_GetTicks64()) {
            sp_app_event out[SP_EVENTS_MAX_OUT];
            size_t n = sp_events_tick(&k.input, SDL_GetTicks64(), out);
            for (size_t i = 0; i < n; i++)
                sp_app_handle(k.app, &out[i], now_ms(&k));
            input |= n > 0;
        }
        speech_follow(&k);
        sp_chime_idle(k.chime);
        now = now_ms(&k);
        if (!input) {
            sp_app_event tick = {.kind = SP_EV_TICK};
            sp_app_handle(k.app, &tick, now);
        }
        if (sp_app_wants_exit(k.app))
            break;
        if (force || extra_frame || sp_app_needs_redraw(k.app, now))
            draw(&k);
        extra_frame = input;
    }
    if (stop_signal)
        fprintf(stderr, "signpost-kiosk: stopped by %s\n", stop_signal == SIGTERM ? "SIGTERM" : "SIGINT");
    else
        fputs("signpost-kiosk: closed from the teacher menu\n", stderr);
    rc = 0;
done:
    sp_speech_free(k.speech);
    sp_chime_free(k.chime);
    if (k.camera)
        sp_camera_stop(k.camera);
    if (k.trace)
        fclose(k.trace);
    if (k.app)
        sp_app_free(k.app);
    free(k.dl);
    sp_render_free(k.render);
    if (k.ren)
        SDL_DestroyRenderer(k.ren);
    if (k.win)
        SDL_DestroyWindow(k.win);
    if (TTF_WasInit())
        TTF_Quit();
    SDL_Quit();
    return rc;
}
