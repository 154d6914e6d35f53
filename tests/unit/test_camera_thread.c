/* test_camera_thread.c — the camera thread itself, on synthetic pictures: a source of grey
 * frames (a webcam-size picture of the room, then a badge held up for several frames, then a
 * second badge, then the camera unplugged) goes through sp_camera_start_frames, the same thread,
 * decoder, duplicate filter and SDL event posting the kiosk uses with a real /dev/videoN; only the
 * V4L2 device is replaced. The kiosk's window loop reads the results from SDL's queue.
 *
 * A badge held in front of the camera for seven frames is read once; a second badge right after
 * is read too; an unplugged camera is reported in words a teacher can act on; stopping the
 * camera while it waits for pictures returns promptly and closes the source. */
#include "test_support.h"

#include "badge.h"
#include "platform/camera.h"

#include <SDL.h>
#include <qrencode.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define FW 640
#define FH 480

typedef struct {
    unsigned char *room, *badge_a, *badge_b; /* the pictures */
    int frames_given;
    int script_len;                          /* frames before the camera is "unplugged" (0: never) */
    atomic_bool closed;
} synthetic_camera;

/* A badge QR (4 px per module, quiet zone, on a white card) in the middle of a dim room. */
static unsigned char *picture(const char *payload)
{
    unsigned char *f = malloc(FW * FH);
    assert_non_null(f);
    for (int i = 0; i < FW * FH; i++)
        f[i] = (unsigned char)(100 + (i % FW) / 16);
    if (!payload)
        return f;
    QRinput *in = QRinput_new2(0, QR_ECLEVEL_M);
    assert_non_null(in);
    assert_int_equal(QRinput_append(in, QR_MODE_AN, (int)strlen(payload), (const unsigned char *)payload), 0);
    QRcode *qr = QRcode_encodeInput(in);
    QRinput_free(in);
    assert_non_null(qr);
    const int scale = 4, side = (qr->width + 8) * scale, x0 = (FW - side) / 2, y0 = (FH - side) / 2;
    for (int y = 0; y < side; y++)
        for (int x = 0; x < side; x++) {
            int c = x / scale - 4, r = y / scale - 4;
            bool dark = c >= 0 && r >= 0 && c < qr->width && r < qr->width && (qr->data[r * qr->width + c] & 1);
            f[(y0 + y) * FW + x0 + x] = dark ? 30 : 230;
        }
    QRcode_free(qr);
    return f;
}

/* Frames 0-2: the room; 3-9: badge A; 10-12: badge B; then unplugged. */
static int synthetic_next(void *self, const unsigned char **grey, int *w, int *h, int *stride, const char **why)
{
    synthetic_camera *cam = self;
    SDL_Delay(5); /* about the pace of a real camera, scaled down */
    int i = cam->frames_given++;
    if (cam->script_len == 0)
        return 0; /* waiting for pictures that never come */
    if (i >= cam->script_len) {
        *why = "was unplugged";
        return -1;
    }
    *grey = i < 3 ? cam->room : i < 10 ? cam->badge_a : cam->badge_b;
    *w = *stride = FW;
    *h = FH;
    return 1;
}

static void synthetic_close(void *self)
{
    synthetic_camera *cam = self;
    atomic_store(&cam->closed, true);
}

static void a_badge_held_up_is_read_once_and_an_unplugged_camera_is_reported(void **state)
{
    (void)state;
    assert_int_equal(SDL_Init(SDL_INIT_EVENTS), 0);
    Uint32 type = SDL_RegisterEvents(1);
    char a[SP_BADGE_PAYLOAD_MAX], b[SP_BADGE_PAYLOAD_MAX];
    sp_badge_payload("ABCDEFGHJKMNPQRSTVWXYZ0123", a);
    sp_badge_payload("ZZZZZZZZZZZZZZZZZZZZZZZZZ1", b);
    synthetic_camera cam = {.room = picture(NULL), .badge_a = picture(a), .badge_b = picture(b), .script_len = 13};
    atomic_init(&cam.closed, false);
    sp_camera_frames frames = {synthetic_next, NULL, synthetic_close, &cam};
    char err[256];
    sp_camera *c = sp_camera_start_frames(&frames, "/dev/video7", sp_camera_post_sdl, (void *)(uintptr_t)type, err,
                                          sizeof err);
    assert_non_null(c);

    char scans[4][SP_CAMERA_TEXT_MAX];
    int nscans = 0;
    char lost[600] = "";
    Uint32 until = SDL_GetTicks() + 20000;
    while (!lost[0] && SDL_GetTicks() < until) {
        SDL_Event ev;
        if (!SDL_WaitEventTimeout(&ev, 100) || ev.type != type)
            continue;
        char *text = ev.user.data1;
        if (ev.user.code == SP_CAMERA_EVENT_SCAN && nscans < 4)
            snprintf(scans[nscans++], SP_CAMERA_TEXT_MAX, "%s", text);
        else if (ev.user.code == SP_CAMERA_EVENT_LOST)
            snprintf(lost, sizeof lost, "%s", text);
        free(text);
    }
    sp_camera_stop(c);
    assert_true(atomic_load(&cam.closed));
    assert_int_equal(nscans, 2);
    assert_string_equal(scans[0], a);
    assert_string_equal(scans[1], b);
    assert_string_equal(lost, "The camera /dev/video7 was unplugged. Scan with the scanner instead.");
    free(cam.room);
    free(cam.badge_a);
    free(cam.badge_b);
    SDL_Quit();
}

static void stopping_a_camera_that_sends_nothing_returns_promptly(void **state)
{
    (void)state;
    synthetic_camera cam = {.script_len = 0};
    atomic_init(&cam.closed, false);
    sp_camera_frames frames = {synthetic_next, NULL, synthetic_close, &cam};
    char err[256];
    sp_camera *c = sp_camera_start_frames(&frames, "/dev/video7", sp_camera_post_sdl, (void *)(uintptr_t)1, err,
                                          sizeof err);
    assert_non_null(c);
    SDL_Delay(50);
    Uint32 t0 = SDL_GetTicks();
    sp_camera_stop(c);
    assert_true(SDL_GetTicks() - t0 < 1000);
    assert_true(atomic_load(&cam.closed));
    assert_true(cam.frames_given > 0); /* the thread was asking for pictures */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_badge_held_up_is_read_once_and_an_unplugged_camera_is_reported),
        cmocka_unit_test(stopping_a_camera_that_sends_nothing_returns_promptly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
