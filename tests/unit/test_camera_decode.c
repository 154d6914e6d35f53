/* test_camera_decode.c — camera reading without a camera: badge QR codes rendered with
 * libqrencode into grey frames the size of a webcam picture (shifted, scaled by odd factors,
 * turned a little, under uneven light and sensor noise) go through sp_qr_decode_grey, the very
 * function the camera thread calls; and a badge held in front of the camera counts once. */
#include "test_support.h"

#include "badge.h"
#include "platform/camera.h"

#include <math.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#define FW 640
#define FH 480

typedef struct {
    double scale;  /* pixels per module */
    double cx, cy; /* centre of the code in the frame */
    double angle;  /* degrees */
    double noise;  /* sensor noise, grey levels (standard deviation) */
    int dark, light;
} view;

static unsigned rng = 2024;
static double gauss(void)
{
    rng = rng * 1103515245u + 12345u;
    double u1 = ((rng >> 8) + 1.0) / 16777218.0;
    rng = rng * 1103515245u + 12345u;
    double u2 = ((rng >> 8) + 1.0) / 16777218.0;
    return sqrt(-2 * log(u1)) * cos(2 * M_PI * u2);
}

/* Renders payload's QR (alphanumeric, level M, 4-module quiet zone on a white card) into a
 * frame of dim grey background with a light gradient, by inverse mapping each pixel. */
static unsigned char *render(const char *payload, view v)
{
    QRinput *in = QRinput_new2(0, QR_ECLEVEL_M);
    assert_int_equal(QRinput_append(in, QR_MODE_AN, (int)strlen(payload), (const unsigned char *)payload), 0);
    QRcode *qr = QRcode_encodeInput(in);
    assert_non_null(qr);
    unsigned char *f = malloc(FW * FH);
    assert_non_null(f);
    double a = v.angle * M_PI / 180, ca = cos(a), sa = sin(a);
    double half = (qr->width + 8) / 2.0 + 3; /* the card is a little larger than the quiet zone */
    for (int y = 0; y < FH; y++)
        for (int x = 0; x < FW; x++) {
            double dx = x + 0.5 - v.cx, dy = y + 0.5 - v.cy;
            double mx = (ca * dx + sa * dy) / v.scale, my = (-sa * dx + ca * dy) / v.scale; /* modules from centre */
            double g = 90 + 40.0 * x / FW;                                                   /* the room behind */
            if (fabs(mx) < half && fabs(my) < half) {
                int c = (int)floor(mx + qr->width / 2.0), r = (int)floor(my + qr->width / 2.0);
                bool dark = c >= 0 && r >= 0 && c < qr->width && r < qr->width && (qr->data[r * qr->width + c] & 1);
                g = (dark ? v.dark : v.light) - 25.0 * y / FH; /* light falls off down the card */
            }
            g += v.noise * gauss();
            f[y * FW + x] = (unsigned char)(g < 0 ? 0 : g > 255 ? 255 : g);
        }
    QRcode_free(qr);
    QRinput_free(in);
    return f;
}

static void payload_for(const char *token, char p[SP_BADGE_PAYLOAD_MAX]) { sp_badge_payload(token, p); }

static void expect_read(const char *payload, view v)
{
    unsigned char *f = render(payload, v);
    sp_qr_decoder *d = sp_qr_decoder_new();
    char out[4][SP_CAMERA_TEXT_MAX];
    int n = sp_qr_decode_grey(d, f, FW, FH, FW, out, 4);
    sp_qr_decoder_free(d);
    free(f);
    if (n != 1)
        fail_msg("scale %.2f at (%.0f,%.0f) turned %.0f deg, noise %.0f: %d codes read", v.scale, v.cx, v.cy, v.angle,
                 v.noise, n);
    assert_string_equal(out[0], payload);
    char token[SP_BADGE_TOKEN_CHARS + 1];
    assert_int_equal(sp_badge_parse(out[0], strlen(out[0]), token), SP_PAYLOAD_OK);
}

static void a_badge_held_anywhere_in_the_picture_is_read(void **state)
{
    (void)state;
    char p[SP_BADGE_PAYLOAD_MAX];
    payload_for("ABCDEFGHJKMNPQRSTVWXYZ0123", p);
    expect_read(p, (view){.scale = 4, .cx = 320, .cy = 240, .dark = 30, .light = 225});
    expect_read(p, (view){.scale = 4, .cx = 110, .cy = 95, .dark = 30, .light = 225});
    expect_read(p, (view){.scale = 4, .cx = 530, .cy = 390, .dark = 30, .light = 225});
}

static void near_and_far_odd_scales_and_a_tilt_are_read(void **state)
{
    (void)state;
    char p[SP_BADGE_PAYLOAD_MAX];
    payload_for("ZZZZZZZZZZZZZZZZZZZZZZZZZ1", p);
    expect_read(p, (view){.scale = 3.3, .cx = 300, .cy = 250, .dark = 40, .light = 215});
    expect_read(p, (view){.scale = 5.7, .cx = 330, .cy = 230, .dark = 40, .light = 215});
    expect_read(p, (view){.scale = 9.1, .cx = 320, .cy = 240, .dark = 40, .light = 215});
    expect_read(p, (view){.scale = 5, .cx = 320, .cy = 240, .angle = 12, .dark = 40, .light = 215});
    expect_read(p, (view){.scale = 5, .cx = 320, .cy = 240, .angle = -25, .dark = 40, .light = 215});
}

static void a_noisy_dim_picture_is_read(void **state)
{
    (void)state;
    char p[SP_BADGE_PAYLOAD_MAX];
    payload_for("MMMMMMMMMMMMMMMMMMMMMMMMM5", p);
    expect_read(p, (view){.scale = 4.5, .cx = 320, .cy = 240, .noise = 14, .dark = 55, .light = 170});
    expect_read(p, (view){.scale = 6, .cx = 280, .cy = 260, .angle = 7, .noise = 20, .dark = 60, .light = 190});
}

static void a_picture_without_a_badge_reads_nothing(void **state)
{
    (void)state;
    unsigned char *f = malloc(FW * FH);
    assert_non_null(f);
    for (int i = 0; i < FW * FH; i++)
        f[i] = (unsigned char)(100 + 10 * gauss());
    sp_qr_decoder *d = sp_qr_decoder_new();
    char out[4][SP_CAMERA_TEXT_MAX];
    assert_int_equal(sp_qr_decode_grey(d, f, FW, FH, FW, out, 4), 0);
    assert_int_equal(sp_qr_decode_grey(d, NULL, FW, FH, FW, out, 4), 0);
    assert_int_equal(sp_qr_decode_grey(d, f, 0, FH, FW, out, 4), 0);
    sp_qr_decoder_free(d);
    free(f);
}

static void frames_with_padded_rows_are_read(void **state)
{
    (void)state;
    char p[SP_BADGE_PAYLOAD_MAX];
    payload_for("ABCDEFGHJKMNPQRSTVWXYZ0123", p);
    unsigned char *f = render(p, (view){.scale = 4, .cx = 320, .cy = 240, .dark = 30, .light = 225});
    const int stride = FW + 64;
    unsigned char *padded = calloc((size_t)stride * FH, 1);
    assert_non_null(padded);
    for (int y = 0; y < FH; y++)
        memcpy(padded + y * stride, f + y * FW, FW);
    sp_qr_decoder *d = sp_qr_decoder_new();
    char out[4][SP_CAMERA_TEXT_MAX];
    assert_int_equal(sp_qr_decode_grey(d, padded, FW, FH, stride, out, 4), 1);
    assert_string_equal(out[0], p);
    sp_qr_decoder_free(d);
    free(padded);
    free(f);
}

static void a_badge_held_in_front_of_the_camera_counts_once(void **state)
{
    (void)state;
    sp_camera_dedupe d = {0};
    uint64_t t = 50000;
    assert_true(sp_camera_dedupe_accept(&d, "SP1:A", t));
    for (int i = 1; i <= 150; i++) /* five seconds of frames at 30 per second */
        assert_false(sp_camera_dedupe_accept(&d, "SP1:A", t + (uint64_t)i * 33));
    t += 150 * 33;
    assert_true(sp_camera_dedupe_accept(&d, "SP1:B", t + 40)); /* another badge at once */
    assert_true(sp_camera_dedupe_accept(&d, "SP1:A", t + 80));
    /* taken away and shown again more than two seconds later: a new scan */
    assert_true(sp_camera_dedupe_accept(&d, "SP1:A", t + 80 + SP_CAMERA_REPEAT_MS));
}

static void a_missing_camera_says_so(void **state)
{
    (void)state;
    char err[300];
    sp_camera *c = sp_camera_start("/dev/video-signpost-test-missing", NULL, NULL, err, sizeof err);
    assert_null(c);
    assert_non_null(strstr(err, "/dev/video-signpost-test-missing"));
    assert_non_null(strstr(err, "not there"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_badge_held_anywhere_in_the_picture_is_read),
        cmocka_unit_test(near_and_far_odd_scales_and_a_tilt_are_read),
        cmocka_unit_test(a_noisy_dim_picture_is_read),
        cmocka_unit_test(a_picture_without_a_badge_reads_nothing),
        cmocka_unit_test(frames_with_padded_rows_are_read),
        cmocka_unit_test(a_badge_held_in_front_of_the_camera_counts_once),
        cmocka_unit_test(a_missing_camera_says_so),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
