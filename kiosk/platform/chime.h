/* chime.h — the celebration chime: a short, soft rising arpeggio (four bell-like notes, about a
 * second), synthesised, never loaded from a file.
 *
 * The audio device is opened only to play it and closed once it has played (sp_chime_idle), so
 * an idle kiosk holds no device. With no audio device the chime is silently skipped: a
 * celebration never depends on sound. The kiosk's --no-chime switch turns it off altogether. */
#ifndef SP_CHIME_H
#define SP_CHIME_H

#include <stdbool.h>
#include <stddef.h>

#define SP_CHIME_RATE 44100
#define SP_CHIME_MS 1200

typedef struct sp_chime sp_chime;

/* Starts SDL's audio subsystem. NULL (with the reason in err) when there is no audio at all. */
sp_chime *sp_chime_new(char *err, size_t errlen);
void sp_chime_free(sp_chime *c);

/* Plays the chime from the start (opening the default device). False when no device opened. */
bool sp_chime_play(sp_chime *c);
/* Closes the device once everything queued has played. Call it from the event loop. */
void sp_chime_idle(sp_chime *c);

/* The waveform: writes n mono samples in [-1, 1] at `rate`, starting at sample `from`. */
void sp_chime_samples(float *out, size_t n, size_t from, int rate);

#endif
