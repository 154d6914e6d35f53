/* fuzz_target.h — what every fuzz target in this folder provides, and the injected crash.
 *
 * A target defines LLVMFuzzerTestOneInput (it aborts when one of its invariants breaks) and
 * sp_fuzz_outcome, which names in a few words what the code under test made of an input ("ok",
 * "bad-check", "error line 3: ..."). replay_main.c compares those words with the expected outcome
 * listed for every seed in the target's corpus/<target>.expected, so a parser that refuses (or
 * accepts) everything fails the replay test even though it never crashes.
 *
 * Built with -DSP_FUZZ_INJECT_CRASH a target crashes (a write through a null pointer) on every
 * non-empty input: run_fuzz_crash.sh builds such a copy to prove that a crash fails the test. */
#ifndef SP_FUZZ_TARGET_H
#define SP_FUZZ_TARGET_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
void sp_fuzz_outcome(const uint8_t *data, size_t size, char *out, size_t outlen);

#ifdef SP_FUZZ_INJECT_CRASH
#define SP_FUZZ_INJECTED_CRASH(size)                                                                          \
    do {                                                                                                       \
        if ((size) > 0) {                                                                                      \
            volatile int *nowhere = NULL;                                                                      \
            *nowhere = 1;                                                                                      \
        }                                                                                                      \
    } while (0)
#else
#define SP_FUZZ_INJECTED_CRASH(size) ((void)(size))
#endif

#endif
