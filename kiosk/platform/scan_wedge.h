/* scan_wedge.h — telling a USB badge scanner (a "keyboard wedge") from a person typing.
 *
 * A scanner types the whole payload in one fast burst and presses Enter; a person's keys are
 * typically 60 ms or more apart. The detector is a pure state machine fed the characters and
 * Enter presses with their times (ms) and asked to tick when its deadline passes; it answers
 * with outputs: SCAN (a badge payload, or the raw text of a scan that is not a badge), TEXT
 * (characters released back as typed text) and ENTER (an Enter that belonged to typing).
 *
 * The rules:
 *   - Characters are held while they arrive at most max_gap_ms (35) apart. A held run shorter
 *     than min_chars (10) is released as TEXT as soon as max_gap_ms pass without another key,
 *     so typing is delayed by at most 35 ms and never swallowed.
 *   - Enter within flush_ms (100) of the last character of a fast run of at least min_chars
 *     makes a SCAN. A run that is too short, or slow, is released as TEXT followed by ENTER.
 *   - Missing Enter: a fast run of at least min_chars followed by flush_ms of silence (or by a
 *     slow key) is a SCAN only if it is a valid badge payload; otherwise it is released as TEXT.
 *     Held-down keys (auto-repeat) and key mashing therefore never make a false scan on their
 *     own.
 *   - Keyboard layouts: a scanner that thinks in US keys, on a computer set to QWERTZ or AZERTY,
 *     types garbled characters (QWERTZ swaps Y and Z and gives 'Ö' for ':'; AZERTY swaps A/Q and
 *     Z/W and gives '&', 'é', ... for digits). A run is tried as it is, then through each known
 *     layout's map, and the first that parses with a valid check symbol wins. The SCAN output is
 *     then the canonical payload.
 *   - Repeats: the same badge scanned again within repeat_ms (2000) of the last time it was
 *     seen is swallowed (counted once).
 */
#ifndef SP_SCAN_WEDGE_H
#define SP_SCAN_WEDGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SP_WEDGE_BUF 160 /* bytes of a held run; longer runs are not badges */
#define SP_WEDGE_MAX_OUT 4

typedef struct {
    int max_gap_ms; /* 35: keys at most this far apart belong to one burst */
    int min_chars;  /* 10: a burst this long (in characters) may be a scan */
    int flush_ms;   /* 100: silence after which a burst without Enter is judged */
    int repeat_ms;  /* 2000: the same badge again within this is counted once */
} sp_wedge_config;

typedef enum { SP_WEDGE_TEXT = 1, SP_WEDGE_SCAN, SP_WEDGE_ENTER } sp_wedge_kind;

typedef struct {
    sp_wedge_kind kind;
    char text[SP_WEDGE_BUF + 1]; /* TEXT: the characters; SCAN: the payload; ENTER: empty */
    const char *layout;          /* SCAN: "us", "qwertz", "qwertz-ch", "azerty", or "raw" (not a badge) */
} sp_wedge_out;

typedef struct {
    sp_wedge_config cfg;
    char buf[SP_WEDGE_BUF + 1]; /* the held run (UTF-8) */
    size_t len;                 /* bytes in buf */
    int chars;                  /* characters in buf */
    bool slow;                  /* some gap inside the run was longer than max_gap_ms */
    uint64_t last_at;           /* time of the last character of the run */
    char last_scan[48];         /* the payload of the last scan passed on */
    uint64_t last_scan_at;      /* when it was last seen */
    bool have_last_scan;
} sp_wedge;

/* Sets the defaults above (cfg may be NULL) and empties the detector. */
void sp_wedge_init(sp_wedge *w, const sp_wedge_config *cfg);

/* One key's text (UTF-8, as SDL_TEXTINPUT gives it) at now_ms. Returns the number of outputs. */
int sp_wedge_char(sp_wedge *w, const char *utf8, uint64_t now_ms, sp_wedge_out out[SP_WEDGE_MAX_OUT]);
/* Enter (Return or keypad Enter) at now_ms. */
int sp_wedge_enter(sp_wedge *w, uint64_t now_ms, sp_wedge_out out[SP_WEDGE_MAX_OUT]);
/* Time passes: releases or judges a held run whose wait is over. */
int sp_wedge_tick(sp_wedge *w, uint64_t now_ms, sp_wedge_out out[SP_WEDGE_MAX_OUT]);
/* When tick must next be called (0: nothing held). */
uint64_t sp_wedge_deadline(const sp_wedge *w);
/* True while characters are held (the caller should not show them yet). */
bool sp_wedge_holding(const sp_wedge *w);

/* Tries text as a badge payload as typed and through the known layout maps. On success writes
 * the canonical payload (SP_BADGE_PAYLOAD_MAX bytes) and returns the layout's name; else NULL. */
const char *sp_wedge_normalise(const char *text, size_t len, char payload[48]);

#endif
