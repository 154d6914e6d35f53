/* bidi.c — level runs of a line in visual order, by GNU FriBidi (see bidi.h).
 *
 * The text is decoded to code points (remembering each one's byte offset), FriBidi resolves the
 * embedding levels (fribidi_get_par_embedding_levels_ex, with bracket pairs) and reorders the line
 * (fribidi_reorder_line, which also applies rule L1 to trailing spaces), giving the logical index
 * of every visual position. Walking the visual positions, consecutive characters that sit at the
 * same level and are logically adjacent (ascending for left-to-right, descending for
 * right-to-left) form one run. Marks are not reordered (no FRIBIDI_FLAG_REORDER_NSM): a mark
 * stays with its base inside the run, and the shaper places it. */
#include "render/bidi.h"

#include <fribidi.h>
#include <stdint.h>
#include <stdlib.h>

static uint32_t decode(const unsigned char *u, size_t len, size_t *i)
{
    unsigned char c = u[*i];
    uint32_t cp;
    int extra;
    if (c < 0x80) {
        (*i)++;
        return c;
    } else if ((c & 0xE0) == 0xC0) {
        cp = c & 0x1F;
        extra = 1;
    } else if ((c & 0xF0) == 0xE0) {
        cp = c & 0x0F;
        extra = 2;
    } else if ((c & 0xF8) == 0xF0) {
        cp = c & 0x07;
        extra = 3;
    } else {
        (*i)++;
        return 0xFFFD;
    }
    if (*i + (size_t)extra >= len) {
        (*i)++;
        return 0xFFFD;
    }
    for (int k = 1; k <= extra; k++) {
        if ((u[*i + (size_t)k] & 0xC0) != 0x80) {
            (*i)++;
            return 0xFFFD;
        }
        cp = (cp << 6) | (u[*i + (size_t)k] & 0x3F);
    }
    *i += (size_t)extra + 1;
    return cp;
}

typedef struct {
    size_t n;
    FriBidiChar *cp;
    size_t *at; /* byte offset of each code point; at[n] = len */
    FriBidiCharType *types;
    FriBidiBracketType *brackets;
    FriBidiLevel *levels;
    FriBidiStrIndex *map;
    FriBidiParType dir;
} line;

static bool line_open(line *l, const char *text, size_t len, sp_bidi_dir fallback)
{
    l->n = 0;
    size_t cap = len + 1;
    l->cp = calloc(cap, sizeof *l->cp);
    l->at = malloc((cap + 1) * sizeof *l->at);
    l->types = calloc(cap, sizeof *l->types);
    l->brackets = calloc(cap, sizeof *l->brackets);
    l->levels = calloc(cap, sizeof *l->levels);
    l->map = calloc(cap, sizeof *l->map);
    if (!l->cp || !l->at || !l->types || !l->brackets || !l->levels || !l->map)
        return false;
    const unsigned char *u = (const unsigned char *)text;
    size_t i = 0;
    while (i < len && u[i]) {
        l->at[l->n] = i;
        l->cp[l->n++] = decode(u, len, &i);
    }
    l->at[l->n] = i;
    FriBidiStrIndex n = (FriBidiStrIndex)l->n;
    fribidi_get_bidi_types(l->cp, n, l->types);
    fribidi_get_bracket_types(l->cp, n, l->types, l->brackets);
    l->dir = fallback == SP_BIDI_RTL ? FRIBIDI_PAR_WRTL : FRIBIDI_PAR_WLTR;
    if (n > 0 && !fribidi_get_par_embedding_levels_ex(l->types, l->brackets, n, &l->dir, l->levels))
        return false;
    for (FriBidiStrIndex k = 0; k < n; k++)
        l->map[k] = k;
    if (n > 0 && !fribidi_reorder_line(0, l->types, n, 0, l->dir, l->levels, NULL, l->map))
        return false;
    return true;
}

static void line_close(line *l)
{
    free(l->cp);
    free(l->at);
    free(l->types);
    free(l->brackets);
    free(l->levels);
    free(l->map);
}

sp_bidi_dir sp_bidi_line_direction(const char *text, size_t len, sp_bidi_dir fallback)
{
    line l;
    sp_bidi_dir d = fallback;
    if (line_open(&l, text, len, fallback))
        d = FRIBIDI_IS_RTL(l.dir) ? SP_BIDI_RTL : SP_BIDI_LTR;
    line_close(&l);
    return d;
}

size_t sp_bidi_runs(const char *text, size_t len, sp_bidi_dir fallback, sp_bidi_run *runs, size_t max)
{
    if (max == 0)
        return 0;
    line l;
    size_t count = 0;
    if (!line_open(&l, text, len, fallback) || l.n == 0) {
        if (l.n > 0 || len > 0) /* out of memory: one left-to-right run, still drawn */
            runs[count++] = (sp_bidi_run){0, len, false};
        line_close(&l);
        return count;
    }
    for (size_t v = 0; v < l.n;) {
        size_t first = (size_t)l.map[v], last = first;
        bool rtl = l.levels[first] & 1;
        size_t w = v + 1;
        while (w < l.n && l.levels[l.map[w]] == l.levels[first] &&
               (size_t)l.map[w] == (rtl ? last - 1 : last + 1)) {
            last = (size_t)l.map[w];
            w++;
        }
        size_t lo = rtl ? last : first, hi = rtl ? first : last;
        if (count == max) { /* more direction changes than the caller can hold: one run */
            runs[0] = (sp_bidi_run){0, len, FRIBIDI_IS_RTL(l.dir)};
            count = 1;
            break;
        }
        runs[count++] = (sp_bidi_run){l.at[lo], l.at[hi + 1], rtl};
        v = w;
    }
    line_close(&l);
    return count;
}
