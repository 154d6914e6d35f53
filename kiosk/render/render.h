/* render.h — draws an sp_draw_list with an SDL_Renderer.
 *
 * One sp_render per SDL_Renderer. It owns the fonts (with fallback across the packaged fonts so
 * names in any script show up), a cache of text textures, and the primitives and vector icons.
 * It also provides the sp_text_metrics the ui layer measures text with, so measured and drawn
 * widths agree. */
#ifndef SP_RENDER_H
#define SP_RENDER_H

#include "ui/draw_list.h"

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct sp_render sp_render;

typedef struct {
    bool dyslexic_font;      /* OpenDyslexic instead of Andika as the primary face */
    size_t cache_entries;    /* text cache capacity in entries (0: default 256) */
    size_t cache_bytes;      /* text cache capacity in texture bytes (0: default 8 MiB) */
} sp_render_config;

/* Opens the fonts and prepares the cache. Returns NULL (and writes a sentence into err) when no
 * usable primary font is found. TTF_Init must have been called. */
sp_render *sp_render_new(SDL_Renderer *renderer, const sp_render_config *cfg, char *err, size_t errlen);
void sp_render_free(sp_render *r);

/* Clears to dl->clear and draws every command. Does not present. */
void sp_render_draw_list(sp_render *r, const sp_draw_list *dl);

/* Metrics that measure with the same fonts and fallback the renderer draws with. */
sp_text_metrics sp_render_metrics(sp_render *r);
int sp_render_text_width(sp_render *r, const char *text, size_t len, int size, sp_font_style style);
int sp_render_line_height(sp_render *r, int size);

/* Switches the primary face (reading supports). Purges the cache. */
void sp_render_set_dyslexic(sp_render *r, bool on);
/* The direction of lines without letters of their own: the kiosk language's. */
void sp_render_set_rtl(sp_render *r, bool rtl);

/* Drops every cached text texture, wiping the keys (called after a sign-out). */
void sp_render_purge_text_cache(sp_render *r);
/* The renderer lost its textures (SDL_RENDER_TARGETS_RESET / DEVICE_RESET): forget them. */
void sp_render_device_reset(sp_render *r);

/* Cache inspection for tests: number of entries and the text of entry i (NULL past the end). */
size_t sp_render_cache_count(const sp_render *r);
const char *sp_render_cache_text(const sp_render *r, size_t i);
/* Cache statistics since creation. */
void sp_render_cache_stats(const sp_render *r, uint64_t *hits, uint64_t *misses);

/* Name of the font file that would draw codepoint cp (tests check the fallback). */
const char *sp_render_font_for(sp_render *r, uint32_t cp, sp_font_style style);

/* Where the font list was read from / which primary font was opened (for --help and logs). */
const char *sp_render_primary_font(const sp_render *r);

#endif
