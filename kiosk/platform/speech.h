/* speech.h — read-aloud for the kiosk: text to speech with espeak-ng, played through an SDL
 * audio device, without ever blocking the window loop.
 *
 * sp_speech_new() starts a worker thread that brings up espeak-ng and opens the audio device;
 * until it has, sp_speech_state() says SP_SPEECH_STARTING, and if either fails it says
 * SP_SPEECH_FAILED (sp_speech_error() tells why) and the kiosk simply offers no "Read to me".
 * sp_speech_say() and sp_speech_stop() only hand the worker a request and return at once.
 *
 * The text and the audio made from it are student data: the worker wipes its copy of the text
 * as soon as it has been turned into sound, and the sound as soon as it has been played or
 * stopped. sp_speech_synthesize() is the same synthesis as a pure function for tests. */
#ifndef SP_SPEECH_H
#define SP_SPEECH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum { SP_SPEECH_STARTING, SP_SPEECH_READY, SP_SPEECH_FAILED } sp_speech_state;

typedef struct sp_speech sp_speech;

/* Starts the audio subsystem and the worker. NULL (with a message in err) only when SDL audio
 * cannot start at all; a missing device or voice data shows up later as SP_SPEECH_FAILED. */
sp_speech *sp_speech_new(char *err, size_t errlen);
/* Stops speaking, ends the worker and closes the device. NULL is fine. */
void sp_speech_free(sp_speech *s);

sp_speech_state sp_speech_get_state(sp_speech *s);
/* Why the worker failed ("" while starting or ready). */
const char *sp_speech_error(sp_speech *s);

/* Says text (UTF-8) in the voice for lang (a language tag such as "es", "ar" or "pt-BR"),
 * replacing whatever is being said. Returns at once. Nothing is said in a language espeak-ng has
 * no voice for (sp_speech_voice_for): another language's voice would read it as nonsense. */
void sp_speech_say(sp_speech *s, const char *text, const char *lang);

/* One piece of a screen to say, in its own language: the kiosk's words in the kiosk language, a
 * teacher's text in the language it was written in. */
typedef struct {
    const char *text;
    const char *lang;
} sp_speech_part;
/* Says the parts one after the other, each in its language's voice (copied; returns at once). */
void sp_speech_say_parts(sp_speech *s, const sp_speech_part *parts, size_t n);
/* Silences the device and drops everything queued. Returns at once. */
void sp_speech_stop(sp_speech *s);
/* True while there is something queued to say or play. */
bool sp_speech_busy(sp_speech *s);

/* 16-bit mono samples at `rate` Hz. */
typedef struct {
    int16_t *samples;
    size_t count;
    int rate;
} sp_pcm;

/* Synthesizes text in the voice for lang into out (the caller frees it with sp_pcm_wipe).
 * Returns 0, or -1 with a message in err when espeak-ng cannot start or synthesize. */
int sp_speech_synthesize(const char *text, const char *lang, sp_pcm *out, char *err, size_t errlen);
/* Overwrites and frees the samples. */
void sp_pcm_wipe(sp_pcm *pcm);

/* The espeak-ng voice that speaks lang: lang itself (lower case) or its primary subtag when
 * espeak-ng has a voice file of that name ("en" is "en-us"), else the identifier of a voice
 * espeak-ng lists for the language ("sit/cmn" for zh). Writes at most len bytes to out. Returns
 * 0, 1 when espeak-ng has no voice for lang (out ""), -1 when espeak-ng cannot start. */
int sp_speech_voice_for(const char *lang, char *out, size_t len);

#endif
