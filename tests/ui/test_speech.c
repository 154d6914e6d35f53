/* test_speech.c — the kiosk's voice (platform/speech.c): espeak-ng turns a sentence into a
 * plausible length of sound, a student's home language picks the voice (English when espeak-ng
 * has none), and speaking, stopping and shutting down with SDL's dummy audio driver never crash
 * or keep the window loop waiting. */
#include "kiosk_driver.h"

#include "platform/speech.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_a_sentence_becomes_a_second_or_two_of_sound(void **state)
{
    (void)state;
    sp_pcm pcm;
    char err[256] = "";
    int rc = sp_speech_synthesize("I will write three paragraphs.", "en", &pcm, err, sizeof err);
    if (rc != 0)
        fail_msg("synthesis failed: %s", err);
    assert_true(pcm.rate >= 8000 && pcm.rate <= 48000);
    double seconds = (double)pcm.count / pcm.rate;
    if (seconds < 0.8 || seconds > 6)
        fail_msg("five words took %.2f s of sound", seconds);
    int loudest = 0;
    for (size_t i = 0; i < pcm.count; i++)
        if (abs(pcm.samples[i]) > loudest)
            loudest = abs(pcm.samples[i]);
    assert_true(loudest > 1000); /* not silence */
    sp_pcm_wipe(&pcm);
    assert_null(pcm.samples);
    assert_int_equal(pcm.count, 0);

    /* A longer text takes longer to say. */
    sp_pcm longer;
    assert_int_equal(sp_speech_synthesize("I will write three paragraphs with a claim and two pieces of evidence.",
                                          "en", &longer, err, sizeof err), 0);
    assert_true(longer.count > (size_t)(seconds * longer.rate));
    sp_pcm_wipe(&longer);
}

static void test_each_language_picks_its_own_voice_and_never_another(void **state)
{
    (void)state;
    char voice[64];
    assert_int_equal(sp_speech_voice_for("es", voice, sizeof voice), 0);
    assert_string_equal(voice, "es");
    assert_int_equal(sp_speech_voice_for("ar", voice, sizeof voice), 0);
    assert_string_equal(voice, "ar");
    assert_int_equal(sp_speech_voice_for("ES", voice, sizeof voice), 0);
    assert_string_equal(voice, "es");
    assert_int_equal(sp_speech_voice_for("en", voice, sizeof voice), 0);
    assert_string_equal(voice, "en-us");
    assert_int_equal(sp_speech_voice_for("vi", voice, sizeof voice), 0);
    assert_string_equal(voice, "vi");
    /* Chinese has no voice file called zh: the Mandarin voice espeak-ng lists for it */
    assert_int_equal(sp_speech_voice_for("zh-Hans", voice, sizeof voice), 0);
    assert_string_equal(voice, "sit/cmn");
    /* a regional tag espeak-ng does not know falls back to its language */
    assert_int_equal(sp_speech_voice_for("es-419", voice, sizeof voice), 0);
    assert_true(strcmp(voice, "es-419") == 0 || strcmp(voice, "es") == 0);
    /* no voice for it, or not a language at all: no voice (never English reading Somali) */
    assert_int_equal(sp_speech_voice_for("so", voice, sizeof voice), 1);
    assert_string_equal(voice, "");
    assert_int_equal(sp_speech_voice_for("zz", voice, sizeof voice), 1);
    assert_int_equal(sp_speech_voice_for("<speak>", voice, sizeof voice), 1);
    assert_int_equal(sp_speech_voice_for("", voice, sizeof voice), 1);

    sp_pcm pcm;
    char err[256];
    assert_int_equal(sp_speech_synthesize("Voy a escribir tres párrafos.", "es", &pcm, err, sizeof err), 0);
    assert_true(pcm.count > 0);
    sp_pcm_wipe(&pcm);
    /* a text in a language without a voice is not read at all */
    assert_int_equal(sp_speech_synthesize("Waxaan qori doonaa saddex farqadood.", "so", &pcm, err, sizeof err), 0);
    assert_int_equal(pcm.count, 0);
    sp_pcm_wipe(&pcm);
}

/* Milliseconds a call took. */
#define TIMED(ms, call)                                                                                            \
    do {                                                                                                           \
        Uint64 t0_ = SDL_GetTicks64();                                                                             \
        call;                                                                                                      \
        (ms) = SDL_GetTicks64() - t0_;                                                                             \
    } while (0)

static void test_speaking_and_stopping_never_keep_the_kiosk_waiting(void **state)
{
    (void)state;
    setenv("SDL_AUDIODRIVER", "dummy", 0);
    Uint64 begin = SDL_GetTicks64();
    char err[256] = "";
    sp_speech *s = sp_speech_new(err, sizeof err);
    if (!s)
        fail_msg("no speech: %s", err);
    while (sp_speech_get_state(s) == SP_SPEECH_STARTING && SDL_GetTicks64() - begin < 1500)
        SDL_Delay(5);
    if (sp_speech_get_state(s) != SP_SPEECH_READY)
        fail_msg("the voice did not start with the dummy audio driver: %s", sp_speech_error(s));

    Uint64 ms;
    TIMED(ms, sp_speech_say(s, "My goals. I will write three paragraphs with a claim and two pieces of evidence. "
                               "Keep going, let's watch this.", "ar"));
    assert_true(ms < 50);
    assert_true(sp_speech_busy(s));
    SDL_Delay(150);
    /* A new text replaces the old one at once. */
    TIMED(ms, sp_speech_say(s, "How did it go?", "en"));
    assert_true(ms < 50);
    SDL_Delay(100);
    TIMED(ms, sp_speech_stop(s));
    assert_true(ms < 50);
    Uint64 stopped = SDL_GetTicks64();
    while (sp_speech_busy(s) && SDL_GetTicks64() - stopped < 300)
        SDL_Delay(5);
    assert_false(sp_speech_busy(s));
    /* Stopping twice, or with nothing said, is harmless; so is closing while speaking. */
    sp_speech_stop(s);
    sp_speech_say(s, "I'm done.", "en");
    TIMED(ms, sp_speech_free(s));
    assert_true(ms < 500);
    assert_true(SDL_GetTicks64() - begin < 2000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_sentence_becomes_a_second_or_two_of_sound),
        cmocka_unit_test(test_each_language_picks_its_own_voice_and_never_another),
        cmocka_unit_test(test_speaking_and_stopping_never_keep_the_kiosk_waiting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
