/* chime.c — the celebration chime (see chime.h).
 *
 * Four notes of a major arpeggio (C6, E6, G6, C7) start 110 ms apart; each is a sine with a
 * quieter octave above it, a 6 ms attack and an exponential decay, so it sounds like a small bell
 * rather than a beep. The samples go to the device with SDL_QueueAudio (no callback thread);
 * sp_chime_idle closes the device when the queue has drained. */
#include "platform/chime.h"

#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

struct sp_chime {
    SDL_AudioDeviceID dev; /* open only while the chime plays */
};

void sp_chime_samples(float *out, size_t n, size_t from, int rate)
{
    static const double NOTES[] = {1046.50, 1318.51, 1567.98, 2093.00};
    const double two_pi = 6.283185307179586, gap = 0.110, attack = 0.006, decay = 0.28;
    for (size_t i = 0; i < n; i++) {
        double t = (double)(from + i) / rate, v = 0;
        for (size_t k = 0; k < sizeof NOTES / sizeof NOTES[0]; k++) {
            double s = t - k * gap;
            if (s < 0)
                continue;
            double env = (s < attack ? s / attack : 1.0) * exp(-s / (decay * (1 + 0.4 * k)));
            v += env * (sin(two_pi * NOTES[k] * s) + 0.3 * sin(two_pi * 2 * NOTES[k] * s));
        }
        out[i] = (float)(0.18 * v);
    }
}

sp_chime *sp_chime_new(char *err, size_t errlen)
{
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        snprintf(err, errlen, "no audio: %s", SDL_GetError());
        return NULL;
    }
    sp_chime *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "out of memory");
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    }
    return c;
}

static void close_device(sp_chime *c)
{
    if (c->dev) {
        SDL_CloseAudioDevice(c->dev);
        c->dev = 0;
    }
}

void sp_chime_free(sp_chime *c)
{
    if (!c)
        return;
    close_device(c);
    free(c);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

bool sp_chime_play(sp_chime *c)
{
    if (!c)
        return false;
    close_device(c); /* a new moment starts its chime afresh */
    SDL_AudioSpec want = {.freq = SP_CHIME_RATE, .format = AUDIO_F32SYS, .channels = 1, .samples = 1024};
    c->dev = SDL_OpenAudioDevice(NULL, 0, &want, NULL, 0); /* SDL converts to what the device takes */
    if (!c->dev)
        return false;
    size_t n = (size_t)SP_CHIME_RATE * SP_CHIME_MS / 1000;
    float *buf = malloc(n * sizeof *buf);
    if (!buf) {
        close_device(c);
        return false;
    }
    sp_chime_samples(buf, n, 0, SP_CHIME_RATE);
    int rc = SDL_QueueAudio(c->dev, buf, (Uint32)(n * sizeof *buf));
    free(buf);
    if (rc != 0) {
        close_device(c);
        return false;
    }
    SDL_PauseAudioDevice(c->dev, 0);
    return true;
}

void sp_chime_idle(sp_chime *c)
{
    if (c && c->dev && SDL_GetQueuedAudioSize(c->dev) == 0)
        close_device(c);
}
