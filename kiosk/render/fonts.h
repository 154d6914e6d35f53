/* fonts.h — the kiosk's font set: primary face plus a fallback chain over the packaged fonts.
 *
 * SDL_ttf draws with one font at a time and has no fallback, so a string is split into runs by
 * which font provides each character (TTF_GlyphIsProvided32); each run is measured and drawn with
 * its own font, shaped in its direction through HarfBuzz, and runs are put in visual order by the
 * Unicode bidi algorithm (GNU FriBidi, bidi.h). Colour emoji (a fixed-size bitmap font) are drawn at their native size and scaled
 * down to the line. */
#ifndef SP_FONTS_H
#define SP_FONTS_H

#include "ui/draw_list.h"

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct sp_fonts sp_fonts;

/* Reads the candidate list (assets/fonts/fonts.list, else the built-in one) and checks that a
 * primary face exists. Fonts are opened lazily per size. NULL + err on failure. */
sp_fonts *sp_fonts_new(bool dyslexic, char *err, size_t errlen);
void sp_fonts_free(sp_fonts *f);
void sp_fonts_set_dyslexic(sp_fonts *f, bool on);
/* Lines with no letter of their own (a number, "…") take this direction: the kiosk language's. */
void sp_fonts_set_rtl(sp_fonts *f, bool rtl);
const char *sp_fonts_primary_path(const sp_fonts *f);

int sp_fonts_line_height(sp_fonts *f, int size);
int sp_fonts_text_width(sp_fonts *f, const char *text, size_t len, int size, sp_font_style style);
/* Path of the font that draws cp (NULL if none has it). */
const char *sp_fonts_face_for(sp_fonts *f, uint32_t cp, sp_font_style style);

/* Draws the text into a new ARGB8888 surface (owned by the caller). *top is where the surface's
 * first row sits relative to the top of a line of sp_fonts_line_height(size). NULL if empty. */
SDL_Surface *sp_fonts_render(sp_fonts *f, const char *text, size_t len, int size, sp_font_style style,
                             sp_color color, int *top);

#endif
