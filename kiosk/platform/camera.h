/* camera.h — reading badges with a camera (zbar), optional beside the USB scanner.
 *
 * Three layers, only the last touching SDL:
 *   - sp_qr_decoder: finds QR codes in an 8-bit grey frame (zbar_image_scanner, QR only; a
 *     frame with nothing found is tried again after a 3x3 blur, which rescues grainy dim
 *     pictures). The camera thread and the tests use this same function, so synthetic frames
 *     test what a camera would see.
 *   - sp_camera_dedupe: a camera sees the same badge in every frame; one read per badge per
 *     SP_CAMERA_REPEAT_MS is passed on (pure, time passed in).
 *   - sp_camera: a thread that takes grey frames from a frame source, decodes and dedupes them
 *     and hands each new payload to a callback on that thread. The real source opens
 *     /dev/videoN with zbar_video and converts its frames to grey; a test hands the same thread
 *     synthetic frames through sp_camera_start_frames.
 *     sp_camera_start_sdl's callback pushes an SDL user event (SDL_PushEvent is thread-safe):
 *     event.user.code is SP_CAMERA_EVENT_SCAN with data1 a malloc'ed NUL-terminated payload
 *     the receiver frees, or SP_CAMERA_EVENT_LOST with data1 a malloc'ed message. */
#ifndef SP_CAMERA_H
#define SP_CAMERA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SP_CAMERA_TEXT_MAX 128
#define SP_CAMERA_REPEAT_MS 2000

typedef struct sp_qr_decoder sp_qr_decoder;

sp_qr_decoder *sp_qr_decoder_new(void);
void sp_qr_decoder_free(sp_qr_decoder *d);
/* Decodes the QR codes in a grey frame (w x h, row stride bytes). Writes up to max texts
 * (truncated to SP_CAMERA_TEXT_MAX - 1 bytes) and returns how many were found. */
int sp_qr_decode_grey(sp_qr_decoder *d, const unsigned char *grey, int w, int h, int stride,
                      char out[][SP_CAMERA_TEXT_MAX], int max);

typedef struct {
    char last[SP_CAMERA_TEXT_MAX]; /* the payload passed on most recently */
    uint64_t last_at;              /* when it was last seen (ms); seeing it again extends the hold */
} sp_camera_dedupe;

/* True when text should be passed on at now_ms: a different payload, or the same one after
 * SP_CAMERA_REPEAT_MS without seeing it. */
bool sp_camera_dedupe_accept(sp_camera_dedupe *d, const char *text, uint64_t now_ms);

enum { SP_CAMERA_EVENT_SCAN = 1, SP_CAMERA_EVENT_LOST = 2 };

typedef void (*sp_camera_fn)(int what, const char *text, void *user);
typedef struct sp_camera sp_camera;

/* Where the camera thread gets its pictures. next waits (up to about 200 ms) for a frame and
 * returns 1 with an 8-bit grey frame (valid until release), 0 when none came yet, or -1 when the
 * source stopped for good (then *why says what happened, for a person). */
typedef struct {
    int (*next)(void *self, const unsigned char **grey, int *w, int *h, int *stride, const char **why);
    void (*release)(void *self); /* the frame next returned is no longer needed (may be NULL) */
    void (*close)(void *self);   /* after the thread has stopped (may be NULL) */
    void *self;
} sp_camera_frames;

/* Starts the camera thread on a frame source (name: how messages call it, e.g. "/dev/video0"). */
sp_camera *sp_camera_start_frames(const sp_camera_frames *frames, const char *name, sp_camera_fn fn, void *user,
                                  char *err, size_t errlen);
/* The callback sp_camera_start_sdl uses: posts an SDL user event of type (uintptr_t)user. */
void sp_camera_post_sdl(int what, const char *text, void *user);

/* Opens the camera and starts its thread. On failure returns NULL with a sentence for a
 * person in err ("The camera /dev/video0 is missing ..." or "... is busy ..."). */
sp_camera *sp_camera_start(const char *device, sp_camera_fn fn, void *user, char *err, size_t errlen);
/* Same, posting SDL user events of sdl_event_type (from SDL_RegisterEvents). */
sp_camera *sp_camera_start_sdl(const char *device, uint32_t sdl_event_type, char *err, size_t errlen);
/* Stops the thread and closes the device. */
void sp_camera_stop(sp_camera *c);

#endif
