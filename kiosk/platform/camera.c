/* camera.c — QR decoding of grey frames, duplicate suppression, and the camera thread.
 *
 * The thread takes grey frames from a source and decodes them with the same sp_qr_decode_grey the
 * tests use. The real source waits for frames with poll() on the video device (so stopping never
 * waits on a blocked read for long) and converts each to 8-bit grey (zbar's Y800); a test source
 * hands in synthetic frames. Only the last functions here know about SDL. */
#include "camera.h"

#include <SDL.h>
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <zbar.h>

struct sp_qr_decoder {
    zbar_image_scanner_t *scanner;
    unsigned char *copy; /* frames with padding between rows are copied here first */
    size_t copy_cap;
    unsigned char *smooth; /* the frame after a 3x3 blur, for a second try */
    size_t smooth_cap;
};

sp_qr_decoder *sp_qr_decoder_new(void)
{
    sp_qr_decoder *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->scanner = zbar_image_scanner_create();
    if (!d->scanner) {
        free(d);
        return NULL;
    }
    zbar_image_scanner_set_config(d->scanner, 0, ZBAR_CFG_ENABLE, 0);
    zbar_image_scanner_set_config(d->scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    return d;
}

void sp_qr_decoder_free(sp_qr_decoder *d)
{
    if (!d)
        return;
    zbar_image_scanner_destroy(d->scanner);
    free(d->copy);
    free(d->smooth);
    free(d);
}

static int scan(sp_qr_decoder *d, const unsigned char *data, int w, int h, char out[][SP_CAMERA_TEXT_MAX], int max)
{
    zbar_image_t *img = zbar_image_create();
    if (!img)
        return 0;
    zbar_image_set_format(img, zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(img, (unsigned)w, (unsigned)h);
    zbar_image_set_data(img, data, (size_t)w * (size_t)h, NULL);
    int n = 0;
    if (zbar_scan_image(d->scanner, img) > 0) {
        for (const zbar_symbol_t *s = zbar_image_first_symbol(img); s && n < max; s = zbar_symbol_next(s)) {
            if (zbar_symbol_get_type(s) != ZBAR_QRCODE)
                continue;
            snprintf(out[n++], SP_CAMERA_TEXT_MAX, "%s", zbar_symbol_get_data(s));
        }
    }
    zbar_image_destroy(img);
    return n;
}

static bool reserve(unsigned char **buf, size_t *cap, size_t size)
{
    if (*cap >= size)
        return true;
    unsigned char *b = realloc(*buf, size);
    if (!b)
        return false;
    *buf = b;
    *cap = size;
    return true;
}

/* zbar reads sharp frames best; a grainy sensor in a dim room needs the grain smoothed away
 * first, so a frame with nothing found is tried once more after a 3x3 blur. */
static const unsigned char *blur3(sp_qr_decoder *d, const unsigned char *src, int w, int h)
{
    if (!reserve(&d->smooth, &d->smooth_cap, (size_t)w * (size_t)h))
        return NULL;
    unsigned char *o = d->smooth;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            int sum = 0, cnt = 0;
            for (int dy = -1; dy <= 1; dy++) {
                int yy = y + dy;
                if (yy < 0 || yy >= h)
                    continue;
                for (int dx = -1; dx <= 1; dx++) {
                    int xx = x + dx;
                    if (xx < 0 || xx >= w)
                        continue;
                    sum += src[(size_t)yy * (size_t)w + (size_t)xx];
                    cnt++;
                }
            }
            o[(size_t)y * (size_t)w + (size_t)x] = (unsigned char)(sum / cnt);
        }
    return o;
}

int sp_qr_decode_grey(sp_qr_decoder *d, const unsigned char *grey, int w, int h, int stride,
                      char out[][SP_CAMERA_TEXT_MAX], int max)
{
    if (!d || !grey || w <= 0 || h <= 0 || stride < w || max <= 0)
        return 0;
    const unsigned char *data = grey;
    size_t size = (size_t)w * (size_t)h;
    if (stride != w) {
        if (!reserve(&d->copy, &d->copy_cap, size))
            return 0;
        for (int y = 0; y < h; y++)
            memcpy(d->copy + (size_t)y * (size_t)w, grey + (size_t)y * (size_t)stride, (size_t)w);
        data = d->copy;
    }
    int n = scan(d, data, w, h, out, max);
    if (n == 0 && w >= 3 && h >= 3) {
        const unsigned char *smooth = blur3(d, data, w, h);
        if (smooth)
            n = scan(d, smooth, w, h, out, max);
    }
    return n;
}

bool sp_camera_dedupe_accept(sp_camera_dedupe *d, const char *text, uint64_t now_ms)
{
    bool same = strncmp(d->last, text, sizeof d->last) == 0;
    bool accept = !same || now_ms - d->last_at >= SP_CAMERA_REPEAT_MS;
    if (!same) {
        size_t n = strnlen(text, sizeof d->last - 1);
        memcpy(d->last, text, n);
        d->last[n] = 0;
    }
    d->last_at = now_ms;
    return accept;
}

/* ---- the camera thread ----------------------------------------------------------------- */

struct sp_camera {
    sp_camera_frames frames;
    pthread_t thread;
    atomic_bool stop;
    sp_camera_fn fn;
    void *user;
    char device[256];
};

static uint64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void *camera_main(void *arg)
{
    sp_camera *c = arg;
    sp_qr_decoder *dec = sp_qr_decoder_new();
    sp_camera_dedupe dd = {0};
    char found[4][SP_CAMERA_TEXT_MAX];
    while (dec && !atomic_load(&c->stop)) {
        const unsigned char *grey = NULL;
        const char *why = NULL;
        int w = 0, h = 0, stride = 0;
        int got = c->frames.next(c->frames.self, &grey, &w, &h, &stride, &why);
        if (got == 0)
            continue;
        if (got < 0) {
            char msg[600];
            snprintf(msg, sizeof msg, "The camera %s %s. Scan with the scanner instead.", c->device,
                     why ? why : "stopped sending pictures");
            c->fn(SP_CAMERA_EVENT_LOST, msg, c->user);
            break;
        }
        int n = sp_qr_decode_grey(dec, grey, w, h, stride, found, 4);
        uint64_t now = mono_ms();
        for (int i = 0; i < n; i++)
            if (sp_camera_dedupe_accept(&dd, found[i], now))
                c->fn(SP_CAMERA_EVENT_SCAN, found[i], c->user);
        if (c->frames.release)
            c->frames.release(c->frames.self);
    }
    sp_qr_decoder_free(dec);
    return NULL;
}

sp_camera *sp_camera_start_frames(const sp_camera_frames *frames, const char *name, sp_camera_fn fn, void *user,
                                  char *err, size_t errlen)
{
    sp_camera *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    c->frames = *frames;
    snprintf(c->device, sizeof c->device, "%s", name);
    c->fn = fn;
    c->user = user;
    atomic_init(&c->stop, false);
    if (pthread_create(&c->thread, NULL, camera_main, c) != 0) {
        snprintf(err, errlen, "cannot start the camera thread for %s", name);
        free(c);
        return NULL;
    }
    return c;
}

void sp_camera_stop(sp_camera *c)
{
    if (!c)
        return;
    atomic_store(&c->stop, true);
    pthread_join(c->thread, NULL);
    if (c->frames.close)
        c->frames.close(c->frames.self);
    free(c);
}

/* ---- the real source: a V4L2 device through zbar_video ------------------------------------ */

typedef struct {
    zbar_video_t *video;
    zbar_image_t *frame, *grey;
} video_frames;

static int video_next(void *self, const unsigned char **grey, int *w, int *h, int *stride, const char **why)
{
    video_frames *v = self;
    int fd = zbar_video_get_fd(v->video);
    if (fd >= 0) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int r = poll(&p, 1, 200);
        if (r == 0 || (r < 0 && errno == EINTR))
            return 0;
    }
    v->frame = zbar_video_next_image(v->video);
    if (!v->frame) {
        *why = "stopped sending pictures";
        return -1;
    }
    v->grey = zbar_image_convert(v->frame, zbar_fourcc('Y', '8', '0', '0'));
    if (!v->grey) {
        zbar_image_destroy(v->frame);
        v->frame = NULL;
        return 0;
    }
    *grey = zbar_image_get_data(v->grey);
    *w = *stride = (int)zbar_image_get_width(v->grey);
    *h = (int)zbar_image_get_height(v->grey);
    return 1;
}

static void video_release(void *self)
{
    video_frames *v = self;
    if (v->grey)
        zbar_image_destroy(v->grey);
    if (v->frame)
        zbar_image_destroy(v->frame);
    v->grey = v->frame = NULL;
}

static void video_close(void *self)
{
    video_frames *v = self;
    video_release(v);
    zbar_video_enable(v->video, 0);
    zbar_video_destroy(v->video);
    free(v);
}

static void camera_error(const char *device, const char *detail, char *err, size_t errlen)
{
    struct stat st;
    if (stat(device, &st) != 0)
        snprintf(err, errlen, "The camera %s is not there. Is it plugged in? (Badges still work with the scanner.)",
                 device);
    else if (detail && (strstr(detail, "busy") || strstr(detail, "Busy")))
        snprintf(err, errlen, "The camera %s is busy: another program is using it. Close that program and start "
                              "the kiosk again.", device);
    else
        snprintf(err, errlen, "The camera %s cannot be used: %s", device, detail ? detail : "unknown error");
}

sp_camera *sp_camera_start(const char *device, sp_camera_fn fn, void *user, char *err, size_t errlen)
{
    video_frames *v = calloc(1, sizeof *v);
    if (!v) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    v->video = zbar_video_create();
    if (!v->video || zbar_video_open(v->video, device) != 0 || zbar_negotiate_format(v->video, NULL) != 0 ||
        zbar_video_enable(v->video, 1) != 0) {
        camera_error(device, v->video ? zbar_video_error_string(v->video, 0) : NULL, err, errlen);
        if (v->video)
            zbar_video_destroy(v->video);
        free(v);
        return NULL;
    }
    sp_camera_frames frames = {video_next, video_release, video_close, v};
    sp_camera *c = sp_camera_start_frames(&frames, device, fn, user, err, errlen);
    if (!c)
        video_close(v);
    return c;
}

/* ---- SDL glue ---------------------------------------------------------------------------- */

void sp_camera_post_sdl(int what, const char *text, void *user)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = (Uint32)(uintptr_t)user;
    ev.user.code = what;
    ev.user.data1 = strdup(text);
    if (ev.user.data1 && SDL_PushEvent(&ev) != 1)
        free(ev.user.data1);
}

sp_camera *sp_camera_start_sdl(const char *device, uint32_t sdl_event_type, char *err, size_t errlen)
{
    if (sdl_event_type == (uint32_t)-1 || sdl_event_type == 0) {
        snprintf(err, errlen, "no SDL event type for the camera (SDL_RegisterEvents failed)");
        return NULL;
    }
    return sp_camera_start(device, sp_camera_post_sdl, (void *)(uintptr_t)sdl_event_type, err, errlen);
}
