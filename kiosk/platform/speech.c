/* speech.c — read-aloud with espeak-ng and SDL audio (see speech.h).
 *
 * espeak-ng is a process-wide singleton and not thread-safe, so every call into it holds
 * espeak_lock, and it runs in AUDIO_OUTPUT_SYNCHRONOUS mode: espeak_Synth() returns when the
 * text has been spoken into the synth callback. Three threads meet here:
 *
 *   the window loop  sp_speech_say/stop: leaves a request (the text, copied) and an abort flag
 *                    under `lock`, signals the worker and returns;
 *   the worker       takes a request, synthesizes it, and the synth callback copies the samples
 *                    into a ring buffer, waiting while the ring is full (so memory stays small
 *                    however long the text) and giving up when the abort flag is raised;
 *   the SDL audio    callback copies from the ring to the device, and silence when it is empty.
 *
 * The ring is guarded by the audio device's own lock (SDL_LockAudioDevice, which SDL holds
 * around the audio callback); `lock` guards the request. Nobody takes the device lock while
 * holding `lock`, so the two never deadlock. A generation number, bumped by every say and stop,
 * keeps samples of an old text out of the ring.
 *
 * When the ring has run dry after a finished synthesis, the audio callback plays two periods
 * of silence (so SDL's own buffers hold silence, not speech) and marks the playback drained; the
 * worker then pauses and closes the device and wipes the ring. Only the worker opens, pauses and
 * closes the device, and it is open only while there is something to say: an open device, even
 * paused, keeps SDL's audio thread writing silence, which an idle kiosk should not pay for. The
 * worker opens it once at start only to learn whether "Read to me" can be offered at all; a stop
 * is a request like a text, and the worker silences, wipes and closes.
 *
 * alsa-lib prints its own diagnostics straight to stderr: on a machine without a sound card,
 * nine "ALSA lib ... Unknown PCM default" lines for one failed open. They go to a handler that
 * drops them; SDL still reports the failure, which the kiosk logs as one sentence. */
#include "platform/speech.h"

#include <SDL.h>
#include <alsa/asoundlib.h>
#include <ctype.h>
#include <espeak-ng/speak_lib.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RING_SAMPLES (1u << 17) /* about 6 s at 22050 Hz */
#define SPEECH_RATE_WPM 150     /* a little slower than espeak's 175: young and new readers */

/* ---- espeak-ng, shared by the worker and sp_speech_synthesize ---------------------------- */

static pthread_mutex_t espeak_lock = PTHREAD_MUTEX_INITIALIZER;
static int espeak_rate; /* sample rate once espeak-ng is up, under espeak_lock */

/* Where the synth callback sends samples: put() returns false to stop the synthesis. */
typedef struct pcm_sink {
    bool (*put)(struct pcm_sink *k, const int16_t *samples, size_t n);
} pcm_sink;

static int synth_callback(short *wav, int n, espeak_EVENT *events)
{
    pcm_sink *k = events ? events->user_data : NULL;
    if (!k || !wav || n <= 0)
        return 0;
    return k->put(k, wav, (size_t)n) ? 0 : 1;
}

static int espeak_up_locked(char *err, size_t errlen)
{
    if (espeak_rate > 0)
        return espeak_rate;
    int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) {
        snprintf(err, errlen, "espeak-ng could not start (is espeak-ng-data installed?)");
        return -1;
    }
    espeak_SetSynthCallback(synth_callback);
    espeak_SetParameter(espeakRATE, SPEECH_RATE_WPM, 0);
    espeak_rate = rate;
    return rate;
}

/* Lower-case letters, digits and '-' only: a language tag, never anything espeak could misread. */
static void clean_tag(const char *lang, char *out, size_t len)
{
    size_t n = 0;
    for (const char *p = lang ? lang : ""; *p && n + 1 < len; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c) || c == '-')
            out[n++] = (char)tolower(c);
        else if (c == '_')
            out[n++] = '-';
        else
            break;
    }
    out[n] = '\0';
}

/* Selects the voice for lang and writes its name to out: the voice file named by the tag or its
 * primary subtag ("es", "pt-br", "ar"), else the first voice espeak-ng lists for the language
 * that needs no MBROLA (zh → Mandarin). False, with out "", when espeak-ng cannot speak it:
 * never another language's voice, which would read the words as nonsense. English is "en-us". */
static bool voice_locked(const char *lang, char *out, size_t len)
{
    char tag[36];
    clean_tag(lang, tag, sizeof tag);
    if (strcmp(tag, "en") == 0)
        snprintf(tag, sizeof tag, "en-us");
    char primary[36];
    snprintf(primary, sizeof primary, "%s", tag);
    char *dash = strchr(primary, '-');
    if (dash)
        *dash = '\0';
    out[0] = '\0';
    if (strlen(primary) < 2)
        return false;
    const char *tries[] = {tag, primary};
    for (size_t i = 0; i < sizeof tries / sizeof *tries; i++) {
        if (espeak_SetVoiceByName(tries[i]) == EE_OK) {
            snprintf(out, len, "%s", tries[i]);
            return true;
        }
    }
    for (size_t i = 0; i < sizeof tries / sizeof *tries; i++) {
        espeak_VOICE spec;
        memset(&spec, 0, sizeof spec);
        spec.languages = tries[i];
        const espeak_VOICE **voices = espeak_ListVoices(&spec);
        for (size_t k = 0; voices && voices[k]; k++) {
            if (strncmp(voices[k]->identifier, "mb/", 3) == 0)
                continue; /* MBROLA voices need programs Debian does not install with espeak-ng */
            if (espeak_SetVoiceByName(voices[k]->name) == EE_OK) {
                snprintf(out, len, "%s", voices[k]->identifier);
                return true;
            }
        }
    }
    return false;
}

int sp_speech_voice_for(const char *lang, char *out, size_t len)
{
    char err[128];
    pthread_mutex_lock(&espeak_lock);
    int rc = espeak_up_locked(err, sizeof err) > 0 ? 0 : -1;
    if (rc == 0 && !voice_locked(lang, out, len))
        rc = 1;
    pthread_mutex_unlock(&espeak_lock);
    if (rc < 0 && len)
        out[0] = '\0';
    return rc;
}

/* Synthesizes text into k; returns the sample rate, or -1. A language without a voice is not
 * spoken at all (the app says so on its button), so it adds no samples. */
static int synthesize_locked(const char *text, const char *lang, pcm_sink *k, char *err, size_t errlen)
{
    int rate = espeak_up_locked(err, errlen);
    if (rate <= 0)
        return -1;
    char voice[64];
    if (!voice_locked(lang, voice, sizeof voice))
        return rate;
    espeak_ERROR e = espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, k);
    espeak_Synchronize();
    if (e != EE_OK) {
        snprintf(err, errlen, "espeak-ng could not speak the text (error %d)", (int)e);
        return -1;
    }
    return rate;
}

/* ---- the pure function ------------------------------------------------------------------- */

typedef struct {
    pcm_sink sink;
    sp_pcm *pcm;
    size_t cap;
    bool failed;
} grow_sink;

static bool grow_put(pcm_sink *k, const int16_t *samples, size_t n)
{
    grow_sink *g = (grow_sink *)k;
    sp_pcm *p = g->pcm;
    if (p->count + n > g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 32768;
        while (cap < p->count + n)
            cap *= 2;
        int16_t *bigger = malloc(cap * sizeof *bigger);
        if (!bigger) {
            g->failed = true;
            return false;
        }
        if (p->count)
            memcpy(bigger, p->samples, p->count * sizeof *bigger);
        if (p->samples) /* realloc would leave the old copy behind unwiped */
            explicit_bzero(p->samples, g->cap * sizeof *p->samples);
        free(p->samples);
        p->samples = bigger;
        g->cap = cap;
    }
    memcpy(p->samples + p->count, samples, n * sizeof *samples);
    p->count += n;
    return true;
}

int sp_speech_synthesize(const char *text, const char *lang, sp_pcm *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    grow_sink g = {.sink = {grow_put}, .pcm = out};
    pthread_mutex_lock(&espeak_lock);
    int rate = synthesize_locked(text ? text : "", lang, &g.sink, err, errlen);
    pthread_mutex_unlock(&espeak_lock);
    if (rate > 0 && g.failed) {
        snprintf(err, errlen, "out of memory for the speech samples");
        rate = -1;
    }
    if (rate <= 0) {
        sp_pcm_wipe(out);
        return -1;
    }
    out->rate = rate;
    return 0;
}

void sp_pcm_wipe(sp_pcm *pcm)
{
    if (pcm->samples)
        explicit_bzero(pcm->samples, pcm->count * sizeof *pcm->samples);
    free(pcm->samples);
    memset(pcm, 0, sizeof *pcm);
}

/* ---- the worker and the device ----------------------------------------------------------- */

struct sp_speech {
    SDL_Thread *thread;
    SDL_AudioDeviceID dev;      /* open only while speaking (worker thread only); else 0 */
    SDL_AudioSpec want;         /* how the device is opened */
    SDL_atomic_t state;         /* sp_speech_state */
    char error[256];            /* written by the worker before state becomes FAILED */

    /* The request, under lock. */
    SDL_mutex *lock;
    SDL_cond *wake;
    char *text;                 /* the next parts to say, packed (owned, wiped when taken): */
    size_t text_len;            /* "lang\0words\0" per part, then "\0" */
    bool quit;
    bool stop;                  /* silence now: pause, forget the sound, close the device */

    SDL_atomic_t generation;    /* bumped by every say and stop */
    SDL_atomic_t abort;         /* the synthesis in progress is no longer wanted */
    SDL_atomic_t drained;       /* the audio callback played out a finished text */
    SDL_atomic_t playing;       /* the device is unpaused */

    /* The ring, under the audio device lock. head and tail count samples ever read and written. */
    int16_t ring[RING_SAMPLES];
    size_t head, tail;
    bool synth_done;            /* the whole text is in the ring */
    int silent_periods;         /* callbacks since the ring ran dry after synth_done */
};

static void audio_callback(void *user, Uint8 *stream, int len)
{
    sp_speech *s = user;
    size_t want = (size_t)len / sizeof(int16_t);
    int16_t *out = (int16_t *)(void *)stream;
    size_t have = s->tail - s->head, n = have < want ? have : want;
    for (size_t i = 0; i < n; i++)
        out[i] = s->ring[(s->head + i) % RING_SAMPLES];
    s->head += n;
    memset(out + n, 0, (want - n) * sizeof *out);
    if (n == 0 && s->synth_done && ++s->silent_periods >= 2)
        SDL_AtomicSet(&s->drained, 1);
}

/* Empties the ring and overwrites it. */
static void wipe_ring(sp_speech *s, bool synth_done)
{
    if (s->dev)
        SDL_LockAudioDevice(s->dev);
    explicit_bzero(s->ring, sizeof s->ring);
    s->head = s->tail = 0;
    s->synth_done = synth_done;
    s->silent_periods = 0;
    if (s->dev)
        SDL_UnlockAudioDevice(s->dev);
}

static void play(sp_speech *s, bool on)
{
    if (!s->dev || SDL_AtomicGet(&s->playing) == (int)on)
        return;
    SDL_AtomicSet(&s->playing, on);
    SDL_PauseAudioDevice(s->dev, on ? 0 : 1);
}

/* The device is open only while there is something to say: an open device, even paused, keeps
 * SDL's audio thread writing silence, which an idle kiosk should not pay for. */
static bool device_open(sp_speech *s)
{
    if (!s->dev) {
        SDL_AudioSpec have;
        s->dev = SDL_OpenAudioDevice(NULL, 0, &s->want, &have, 0); /* SDL converts to what it takes */
        SDL_AtomicSet(&s->playing, 0);
    }
    return s->dev != 0;
}

static void device_close(sp_speech *s)
{
    play(s, false);
    wipe_ring(s, false);
    if (s->dev)
        SDL_CloseAudioDevice(s->dev);
    s->dev = 0;
}

typedef struct {
    pcm_sink sink;
    sp_speech *s;
    int generation;
} ring_sink;

static bool ring_put(pcm_sink *k, const int16_t *samples, size_t n)
{
    ring_sink *r = (ring_sink *)k;
    sp_speech *s = r->s;
    while (n > 0) {
        if (SDL_AtomicGet(&s->abort) || SDL_AtomicGet(&s->generation) != r->generation)
            return false;
        SDL_LockAudioDevice(s->dev);
        size_t space = RING_SAMPLES - (s->tail - s->head), k2 = space < n ? space : n;
        for (size_t i = 0; i < k2; i++)
            s->ring[(s->tail + i) % RING_SAMPLES] = samples[i];
        s->tail += k2;
        SDL_UnlockAudioDevice(s->dev);
        samples += k2;
        n -= k2;
        if (k2 > 0)
            play(s, true);
        if (n > 0)
            SDL_Delay(10); /* the ring is full: let the device play some of it */
    }
    return true;
}

static void fail_start(sp_speech *s, const char *fmt, const char *detail)
{
    snprintf(s->error, sizeof s->error, fmt, detail);
    SDL_AtomicSet(&s->state, SP_SPEECH_FAILED);
}

static int worker(void *arg)
{
    sp_speech *s = arg;
    char err[256] = "";
    pthread_mutex_lock(&espeak_lock);
    int rate = espeak_up_locked(err, sizeof err);
    pthread_mutex_unlock(&espeak_lock);
    if (rate <= 0) {
        fail_start(s, "%s", err);
        return 0;
    }
    SDL_zero(s->want);
    s->want.freq = rate;
    s->want.format = AUDIO_S16SYS;
    s->want.channels = 1;
    s->want.samples = 1024;
    s->want.callback = audio_callback;
    s->want.userdata = s;
    if (!device_open(s)) { /* there must be a device to offer "Read to me" at all */
        fail_start(s, "no sound device could be opened (%s)", SDL_GetError());
        return 0;
    }
    device_close(s);
    SDL_AtomicSet(&s->state, SP_SPEECH_READY);

    for (;;) {
        SDL_LockMutex(s->lock);
        while (!s->quit && !s->text && !s->stop && !SDL_AtomicGet(&s->drained)) {
            if (SDL_AtomicGet(&s->playing))
                SDL_CondWaitTimeout(s->wake, s->lock, 50); /* the audio callback does not signal */
            else
                SDL_CondWait(s->wake, s->lock);
        }
        if (s->quit) {
            SDL_UnlockMutex(s->lock);
            break;
        }
        char *text = s->text;
        size_t text_len = s->text_len;
        s->text = NULL;
        s->text_len = 0;
        s->stop = false;
        int generation = SDL_AtomicGet(&s->generation);
        SDL_AtomicSet(&s->abort, 0);
        SDL_UnlockMutex(s->lock);

        if (!text) { /* played out, or told to stop: silence, forget the sound, close the device */
            SDL_AtomicSet(&s->drained, 0);
            device_close(s);
            continue;
        }
        if (!device_open(s)) { /* the device went away: say nothing, try again next time */
            explicit_bzero(text, text_len);
            free(text);
            continue;
        }
        play(s, false);
        wipe_ring(s, false); /* the old text stops at once, not after what was queued */
        SDL_AtomicSet(&s->drained, 0);
        ring_sink sink = {.sink = {ring_put}, .s = s, .generation = generation};
        for (const char *lang = text; *lang && SDL_AtomicGet(&s->generation) == generation;) {
            const char *words = lang + strlen(lang) + 1;
            pthread_mutex_lock(&espeak_lock); /* each part in its own language's voice */
            synthesize_locked(words, lang, &sink.sink, err, sizeof err);
            pthread_mutex_unlock(&espeak_lock);
            lang = words + strlen(words) + 1;
        }
        explicit_bzero(text, text_len);
        free(text);
        SDL_LockAudioDevice(s->dev);
        if (SDL_AtomicGet(&s->generation) == generation)
            s->synth_done = true; /* the callback drains the rest, then says so */
        SDL_UnlockAudioDevice(s->dev);
        if (SDL_AtomicGet(&s->generation) == generation)
            play(s, true); /* even an empty text drains, so the device pauses again */
    }
    device_close(s);
    return 0;
}

/* alsa-lib's error handler, for the whole process (SDL loads the same libasound). */
static void alsa_quiet(const char *file, int line, const char *function, int errcode, const char *fmt, ...)
{
    (void)file;
    (void)line;
    (void)function;
    (void)errcode;
    (void)fmt;
}

sp_speech *sp_speech_new(char *err, size_t errlen)
{
    snd_lib_error_set_handler(alsa_quiet);
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        snprintf(err, errlen, "no audio: %s", SDL_GetError());
        return NULL;
    }
    sp_speech *s = calloc(1, sizeof *s);
    if (!s)
        goto fail;
    s->lock = SDL_CreateMutex();
    s->wake = SDL_CreateCond();
    if (!s->lock || !s->wake)
        goto fail;
    SDL_AtomicSet(&s->state, SP_SPEECH_STARTING);
    s->thread = SDL_CreateThread(worker, "signpost-speech", s);
    if (!s->thread)
        goto fail;
    return s;
fail:
    snprintf(err, errlen, "cannot start the speech thread: %s", SDL_GetError());
    if (s) {
        if (s->wake)
            SDL_DestroyCond(s->wake);
        if (s->lock)
            SDL_DestroyMutex(s->lock);
        free(s);
    }
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return NULL;
}

void sp_speech_free(sp_speech *s)
{
    if (!s)
        return;
    SDL_LockMutex(s->lock);
    s->quit = true;
    SDL_AtomicAdd(&s->generation, 1);
    SDL_AtomicSet(&s->abort, 1);
    SDL_CondSignal(s->wake);
    SDL_UnlockMutex(s->lock);
    SDL_WaitThread(s->thread, NULL);
    if (s->text) {
        explicit_bzero(s->text, s->text_len);
        free(s->text);
    }
    SDL_DestroyCond(s->wake);
    SDL_DestroyMutex(s->lock);
    explicit_bzero(s->ring, sizeof s->ring);
    free(s);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

sp_speech_state sp_speech_get_state(sp_speech *s) { return s ? (sp_speech_state)SDL_AtomicGet(&s->state) : SP_SPEECH_FAILED; }

const char *sp_speech_error(sp_speech *s)
{
    return s && SDL_AtomicGet(&s->state) == SP_SPEECH_FAILED ? s->error : "";
}

/* Replaces the request (NULL: silence) and tells the synthesis in progress to give up. Only the
 * worker touches the audio device. */
static void replace_request(sp_speech *s, char *text, size_t text_len)
{
    SDL_LockMutex(s->lock);
    if (s->text) {
        explicit_bzero(s->text, s->text_len);
        free(s->text);
    }
    s->text = text;
    s->text_len = text_len;
    s->stop = text == NULL;
    SDL_AtomicAdd(&s->generation, 1);
    SDL_AtomicSet(&s->abort, 1);
    SDL_CondSignal(s->wake);
    SDL_UnlockMutex(s->lock);
}

void sp_speech_say_parts(sp_speech *s, const sp_speech_part *parts, size_t n)
{
    if (!s || sp_speech_get_state(s) != SP_SPEECH_READY)
        return;
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(parts[i].lang && *parts[i].lang ? parts[i].lang : "en") + strlen(parts[i].text) + 2;
    char *packed = malloc(len), *at = packed;
    if (!packed)
        return;
    for (size_t i = 0; i < n; i++) {
        const char *lang = parts[i].lang && *parts[i].lang ? parts[i].lang : "en";
        size_t a = strlen(lang) + 1, b = strlen(parts[i].text) + 1;
        memcpy(at, lang, a);
        memcpy(at + a, parts[i].text, b);
        at += a + b;
    }
    *at = '\0';
    replace_request(s, packed, len);
}

void sp_speech_say(sp_speech *s, const char *text, const char *lang)
{
    if (!text)
        return;
    sp_speech_part part = {text, lang};
    sp_speech_say_parts(s, &part, 1);
}

void sp_speech_stop(sp_speech *s)
{
    if (!s || sp_speech_get_state(s) != SP_SPEECH_READY)
        return;
    replace_request(s, NULL, 0);
}

bool sp_speech_busy(sp_speech *s)
{
    if (!s || sp_speech_get_state(s) != SP_SPEECH_READY)
        return false;
    SDL_LockMutex(s->lock);
    bool pending = s->text != NULL;
    SDL_UnlockMutex(s->lock);
    return pending || SDL_AtomicGet(&s->playing);
}
