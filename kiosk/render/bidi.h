/* bidi.h — the Unicode bidirectional algorithm for one drawn line, by GNU FriBidi.
 *
 * sp_bidi_runs() resolves the embedding level of every character of a UTF-8 line (UAX #9 with
 * FriBidi) and returns the line as level runs in visual order, left to right: each run is a byte
 * range of the text, to be shaped as one piece in its own direction (odd level: right-to-left).
 * The caller shapes each run (HarfBuzz inside SDL_ttf reverses and joins the glyphs of a
 * right-to-left run and mirrors its brackets) and places the runs side by side in the order given.
 * So "سأقرأ ٢٠ صفحة" comes back as " صفحة" (rtl), "٢٠" (ltr), "سأقرأ " (rtl): the number keeps
 * its reading order inside the right-to-left sentence. */
#ifndef SP_BIDI_H
#define SP_BIDI_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    size_t start, end; /* byte range in the text */
    bool rtl;          /* odd embedding level: shape right to left */
} sp_bidi_run;

/* The direction a line takes when it has no strong letter of its own (digits, punctuation):
 * the kiosk language's direction. A line with a strong letter takes the direction of its first
 * one, as a paragraph does in UAX #9 (rules P2, P3). */
typedef enum { SP_BIDI_LTR, SP_BIDI_RTL } sp_bidi_dir;

/* Writes the runs in visual order and returns how many. A line with more than max runs comes
 * back as one run in its paragraph's direction. Invalid UTF-8 bytes count as U+FFFD. */
size_t sp_bidi_runs(const char *text, size_t len, sp_bidi_dir fallback, sp_bidi_run *runs, size_t max);

/* The direction the line's paragraph takes (its first strong letter, else fallback). */
sp_bidi_dir sp_bidi_line_direction(const char *text, size_t len, sp_bidi_dir fallback);

#endif
