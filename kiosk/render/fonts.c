/* fonts.c — font selection with fallback, run splitting, measuring and rasterising text.
 *
 * Faces are roles (primary, latin, arabic, cjk, emoji, ...) read from assets/fonts/fonts.list:
 * the first existing path of each role wins. A TTF_Font is opened lazily per (face, size) and
 * kept in a small table; a 16 px "probe" instance per face answers TTF_GlyphIsProvided32, and the
 * answers for the Basic Multilingual Plane are memoised per style.
 *
 * split_runs() first lets GNU FriBidi cut the line into level runs in visual order (bidi.h, the
 * Unicode bidi algorithm), then walks each level run once: each codepoint goes to the first face
 * of the chain that has it (emoji try the colour emoji face first); spaces and punctuation stay
 * in the current run when its font has them, and combining marks, ZWJ and variation selectors
 * always do, so a word is never cut in the middle of a cluster. Every run is shaped by HarfBuzz
 * inside SDL_ttf in its level's direction (TTF_SetFontDirection; Arabic and Hebrew faces also get
 * their script), so "Hi, ليلى!" and "سأقرأ ٢٠ صفحة" come out as a reader expects.
 *
 * Noto Color Emoji has a single bitmap strike (109 ppem): it is opened at 109 and its run is
 * scaled to the line height when drawn and measured. */
#include "render/fonts.h"

#include "render/bidi.h"

#include <SDL_ttf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    FACE_PRIMARY, FACE_PRIMARY_BOLD, FACE_DYSLEXIC, FACE_DYSLEXIC_BOLD, FACE_LATIN, FACE_LATIN_BOLD,
    FACE_ARABIC, FACE_ARABIC_BOLD, FACE_HEBREW, FACE_CJK, FACE_CJK_BOLD, FACE_EMOJI, FACE_SYMBOLS,
    FACE_COUNT
};

static const char *const face_roles[FACE_COUNT] = {
    "primary", "primary-bold", "dyslexic", "dyslexic-bold", "latin", "latin-bold",
    "arabic", "arabic-bold", "hebrew", "cjk", "cjk-bold", "emoji", "symbols",
};

/* Used when no fonts.list is found (same content as the shipped file). */
static const char *const builtin_list[][2] = {
    {"primary", "/usr/share/fonts/truetype/andika/Andika-Regular.ttf"},
    {"primary-bold", "/usr/share/fonts/truetype/andika/Andika-Bold.ttf"},
    {"dyslexic", "/usr/share/fonts/opentype/opendyslexic/OpenDyslexic-Regular.otf"},
    {"dyslexic-bold", "/usr/share/fonts/opentype/opendyslexic/OpenDyslexic-Bold.otf"},
    {"latin", "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"},
    {"latin", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"},
    {"latin-bold", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"},
    {"latin-bold", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
    {"arabic", "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf"},
    {"arabic-bold", "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf"},
    {"hebrew", "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf"},
    {"cjk", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"},
    {"cjk-bold", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"},
    {"emoji", "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"},
    {"symbols", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"},
};

#define EMOJI_STRIKE 109
#define PROBE_SIZE 16
#define MAX_OPEN 96
#define MAX_RUNS 64
#define BMP 0x10000

typedef struct {
    int face, size;
    TTF_Font *font;
} open_font;

typedef struct {
    int face;
    size_t start, end; /* byte range in the text */
    bool rtl;
} text_run;

struct sp_fonts {
    char *path[FACE_COUNT];        /* chosen file per role, NULL when none exists */
    bool dyslexic;
    bool rtl;                      /* the kiosk language is right-to-left (lines without letters) */
    open_font open[MAX_OPEN];      /* lazily opened (face, size) instances, round-robin reuse */
    size_t open_count, open_next;
    TTF_Font *probe[FACE_COUNT];   /* instance used only for glyph questions */
    bool probe_failed[FACE_COUNT];
    uint8_t bmp_face[2][BMP];      /* per style: 0 unknown, 255 none, else face + 1 */
};

static bool file_exists(const char *p)
{
    FILE *f = fopen(p, "rb");
    if (!f)
        return false;
    fclose(f);
    return true;
}

static int role_index(const char *role)
{
    for (int i = 0; i < FACE_COUNT; i++)
        if (strcmp(face_roles[i], role) == 0)
            return i;
    return -1;
}

static void offer(sp_fonts *f, const char *role, const char *path)
{
    int i = role_index(role);
    if (i < 0 || f->path[i] || !file_exists(path))
        return;
    f->path[i] = strdup(path);
}

/* Reads "role path" lines from the first fonts.list found. Returns false if none was found. */
static bool read_list(sp_fonts *f)
{
    const char *dirs[3] = {getenv("SIGNPOST_ASSET_DIR"), SIGNPOST_SOURCE_ASSET_DIR, SIGNPOST_ASSET_DIR};
    for (int d = 0; d < 3; d++) {
        if (!dirs[d] || !*dirs[d])
            continue;
        char listpath[1024];
        snprintf(listpath, sizeof listpath, "%s/fonts/fonts.list", dirs[d]);
        FILE *in = fopen(listpath, "r");
        if (!in)
            continue;
        char line[1024];
        while (fgets(line, sizeof line, in)) {
            char role[64], path[900];
            if (line[0] == '#' || sscanf(line, "%63s %899s", role, path) != 2)
                continue;
            if (path[0] == '/') {
                offer(f, role, path);
            } else {
                char full[1024];
                snprintf(full, sizeof full, "%s/fonts/%s", dirs[d], path);
                offer(f, role, full);
            }
        }
        fclose(in);
        return true;
    }
    return false;
}

sp_fonts *sp_fonts_new(bool dyslexic, char *err, size_t errlen)
{
    sp_fonts *f = calloc(1, sizeof *f);
    if (!f) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    read_list(f);
    for (size_t i = 0; i < sizeof builtin_list / sizeof builtin_list[0]; i++)
        offer(f, builtin_list[i][0], builtin_list[i][1]);
    if (!f->path[FACE_PRIMARY] && f->path[FACE_LATIN])
        f->path[FACE_PRIMARY] = strdup(f->path[FACE_LATIN]);
    if (!f->path[FACE_PRIMARY]) {
        snprintf(err, errlen, "no font found: install fonts-sil-andika (expected "
                              "/usr/share/fonts/truetype/andika/Andika-Regular.ttf)");
        sp_fonts_free(f);
        return NULL;
    }
    f->dyslexic = dyslexic && f->path[FACE_DYSLEXIC];
    return f;
}

void sp_fonts_free(sp_fonts *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->open_count; i++)
        TTF_CloseFont(f->open[i].font);
    for (int i = 0; i < FACE_COUNT; i++) {
        if (f->probe[i])
            TTF_CloseFont(f->probe[i]);
        free(f->path[i]);
    }
    free(f);
}

void sp_fonts_set_dyslexic(sp_fonts *f, bool on)
{
    bool want = on && f->path[FACE_DYSLEXIC];
    if (want == f->dyslexic)
        return;
    f->dyslexic = want;
    memset(f->bmp_face, 0, sizeof f->bmp_face);
}

void sp_fonts_set_rtl(sp_fonts *f, bool rtl) { f->rtl = rtl; }

const char *sp_fonts_primary_path(const sp_fonts *f)
{
    return f->dyslexic ? f->path[FACE_DYSLEXIC] : f->path[FACE_PRIMARY];
}

/* A bold role falls back to its regular role when the bold file is missing. */
static int usable_face(const sp_fonts *f, int face)
{
    if (f->path[face])
        return face;
    switch (face) {
    case FACE_PRIMARY_BOLD: return FACE_PRIMARY;
    case FACE_DYSLEXIC_BOLD: return f->path[FACE_DYSLEXIC] ? FACE_DYSLEXIC : FACE_PRIMARY_BOLD;
    case FACE_LATIN_BOLD: return f->path[FACE_LATIN] ? FACE_LATIN : -1;
    case FACE_ARABIC_BOLD: return f->path[FACE_ARABIC] ? FACE_ARABIC : -1;
    case FACE_CJK_BOLD: return f->path[FACE_CJK] ? FACE_CJK : -1;
    default: return -1;
    }
}

static TTF_Font *font_at(sp_fonts *f, int face, int size)
{
    if (face == FACE_EMOJI)
        size = EMOJI_STRIKE;
    if (size < 4)
        size = 4;
    if (size > 400)
        size = 400;
    for (size_t i = 0; i < f->open_count; i++)
        if (f->open[i].face == face && f->open[i].size == size)
            return f->open[i].font;
    TTF_Font *font = TTF_OpenFont(f->path[face], size);
    if (!font)
        return NULL;
    size_t slot;
    if (f->open_count < MAX_OPEN) {
        slot = f->open_count++;
    } else {
        slot = f->open_next;
        f->open_next = (f->open_next + 1) % MAX_OPEN;
        TTF_CloseFont(f->open[slot].font);
    }
    f->open[slot] = (open_font){face, size, font};
    if (face == FACE_ARABIC || face == FACE_ARABIC_BOLD)
        TTF_SetFontScriptName(font, "Arab");
    else if (face == FACE_HEBREW)
        TTF_SetFontScriptName(font, "Hebr");
    return font;
}

static bool face_has(sp_fonts *f, int face, uint32_t cp)
{
    if (face < 0 || !f->path[face])
        return false;
    if (!f->probe[face] && !f->probe_failed[face]) {
        f->probe[face] = TTF_OpenFont(f->path[face], face == FACE_EMOJI ? EMOJI_STRIKE : PROBE_SIZE);
        f->probe_failed[face] = f->probe[face] == NULL;
    }
    return f->probe[face] && TTF_GlyphIsProvided32(f->probe[face], cp);
}

static bool is_emoji(uint32_t cp)
{
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0x2B50 ||
           cp == 0x2B55 || (cp >= 0x2B1B && cp <= 0x2B1C);
}

/* Belongs to the previous character's cluster: combining marks, ZWJ, variation selectors,
 * skin-tone modifiers, tags. */
static bool is_sticky(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F) ||
           (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670;
}

static bool is_neutral(uint32_t cp)
{
    if (cp < 0x80)
        return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
    return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x060C || cp == 0x061F || cp == 0x3000;
}

static int resolve_face(sp_fonts *f, uint32_t cp, sp_font_style style)
{
    int bold = style == SP_FONT_BOLD;
    if (cp < BMP && f->bmp_face[bold][cp])
        return f->bmp_face[bold][cp] == 255 ? -1 : f->bmp_face[bold][cp] - 1;
    int primary = f->dyslexic ? (bold ? FACE_DYSLEXIC_BOLD : FACE_DYSLEXIC) : (bold ? FACE_PRIMARY_BOLD : FACE_PRIMARY);
    int chain[] = {primary, bold ? FACE_LATIN_BOLD : FACE_LATIN, bold ? FACE_ARABIC_BOLD : FACE_ARABIC, FACE_HEBREW,
                   bold ? FACE_CJK_BOLD : FACE_CJK, FACE_SYMBOLS, FACE_EMOJI};
    int found = -1;
    if (is_emoji(cp) && face_has(f, FACE_EMOJI, cp))
        found = FACE_EMOJI;
    for (size_t i = 0; found < 0 && i < sizeof chain / sizeof chain[0]; i++) {
        int face = usable_face(f, chain[i]);
        if (face >= 0 && face_has(f, face, cp))
            found = face;
    }
    if (cp < BMP)
        f->bmp_face[bold][cp] = (uint8_t)(found < 0 ? 255 : found + 1);
    return found;
}

/* Decodes one UTF-8 sequence at s[*i] (bad bytes become U+FFFD, one byte each). */
static uint32_t next_cp(const char *s, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s;
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

/* Splits text into font runs in visual order: FriBidi's level runs (bidi.h), each cut where the
 * font changes. Inside a right-to-left level run the font runs are laid out last to first.
 * Returns the number of runs. */
static size_t split_runs(sp_fonts *f, const char *text, size_t len, sp_font_style style, text_run *runs)
{
    sp_bidi_run levels[MAX_RUNS];
    size_t nl = sp_bidi_runs(text, len, f->rtl ? SP_BIDI_RTL : SP_BIDI_LTR, levels, MAX_RUNS);
    size_t n = 0;
    for (size_t l = 0; l < nl; l++) {
        size_t first = n;
        for (size_t i = levels[l].start; i < levels[l].end;) {
            size_t start = i;
            uint32_t cp = next_cp(text, levels[l].end, &i);
            if (cp == 0)
                break;
            if (n > first && (is_sticky(cp) || (is_neutral(cp) && face_has(f, runs[n - 1].face, cp)))) {
                runs[n - 1].end = i;
                continue;
            }
            int face = resolve_face(f, cp, style);
            if (face < 0)
                face = usable_face(f, f->dyslexic ? FACE_DYSLEXIC : FACE_PRIMARY); /* draws a box */
            if (n > first && (runs[n - 1].face == face || n == MAX_RUNS)) {
                runs[n - 1].end = i;
                continue;
            }
            if (n == MAX_RUNS) /* more than 64 font and direction changes on one line: cut */
                break;
            runs[n++] = (text_run){face, start, i, levels[l].rtl};
        }
        if (levels[l].rtl)
            for (size_t a = first, b = n ? n - 1 : 0; a < b; a++, b--) {
                text_run t = runs[a];
                runs[a] = runs[b];
                runs[b] = t;
            }
    }
    return n;
}

/* Every font shapes in its run's direction: HarfBuzz reverses and joins a right-to-left run and
 * mirrors its brackets, whatever the font. */
static void prepare_direction(TTF_Font *font, bool rtl)
{
    TTF_SetFontDirection(font, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
}

int sp_fonts_line_height(sp_fonts *f, int size)
{
    int face = f->dyslexic ? FACE_DYSLEXIC : FACE_PRIMARY;
    TTF_Font *font = font_at(f, face, size);
    return font ? TTF_FontLineSkip(font) : size + size / 4;
}

/* Width and height a run takes, emoji scaled to the line. */
static void run_size(sp_fonts *f, const char *text, const text_run *r, int size, int *w, int *h)
{
    *w = *h = 0;
    TTF_Font *font = font_at(f, r->face, size);
    if (!font)
        return;
    char buf[1024];
    size_t n = r->end - r->start;
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, text + r->start, n);
    buf[n] = '\0';
    prepare_direction(font, r->rtl);
    if (TTF_SizeUTF8(font, buf, w, h) != 0)
        return;
    if (r->face == FACE_EMOJI && *h > 0) {
        int line = sp_fonts_line_height(f, size);
        *w = *w * line / *h;
        *h = line;
    }
}

int sp_fonts_text_width(sp_fonts *f, const char *text, size_t len, int size, sp_font_style style)
{
    text_run runs[MAX_RUNS];
    size_t n = split_runs(f, text, len, style, runs);
    int total = 0;
    for (size_t i = 0; i < n; i++) {
        int w, h;
        run_size(f, text, &runs[i], size, &w, &h);
        total += w;
    }
    return total;
}

const char *sp_fonts_face_for(sp_fonts *f, uint32_t cp, sp_font_style style)
{
    int face = resolve_face(f, cp, style);
    return face < 0 ? NULL : f->path[face];
}

SDL_Surface *sp_fonts_render(sp_fonts *f, const char *text, size_t len, int size, sp_font_style style,
                             sp_color color, int *top)
{
    text_run runs[MAX_RUNS];
    size_t n = split_runs(f, text, len, style, runs);
    SDL_Surface *parts[MAX_RUNS] = {0};
    int ys[MAX_RUNS], ws[MAX_RUNS], hs[MAX_RUNS];
    int primary_face = f->dyslexic ? FACE_DYSLEXIC : FACE_PRIMARY;
    TTF_Font *primary = font_at(f, primary_face, size);
    int base_ascent = primary ? TTF_FontAscent(primary) : size;
    int line = sp_fonts_line_height(f, size);
    int total_w = 0, min_y = 0, max_y = line;
    SDL_Color c = {color.r, color.g, color.b, color.a};
    for (size_t i = 0; i < n; i++) {
        TTF_Font *font = font_at(f, runs[i].face, size);
        if (!font)
            continue;
        char buf[1024];
        size_t bl = runs[i].end - runs[i].start;
        if (bl >= sizeof buf)
            bl = sizeof buf - 1;
        memcpy(buf, text + runs[i].start, bl);
        buf[bl] = '\0';
        prepare_direction(font, runs[i].rtl);
        parts[i] = TTF_RenderUTF8_Blended(font, buf, c);
        if (!parts[i])
            continue;
        ws[i] = parts[i]->w;
        hs[i] = parts[i]->h;
        if (runs[i].face == FACE_EMOJI) {
            /* bitmap strike: scale to the line, centred on it */
            ws[i] = parts[i]->w * line / (parts[i]->h ? parts[i]->h : 1);
            hs[i] = line;
            ys[i] = 0;
        } else {
            ys[i] = base_ascent - TTF_FontAscent(font);
        }
        total_w += ws[i];
        if (ys[i] < min_y)
            min_y = ys[i];
        if (ys[i] + hs[i] > max_y)
            max_y = ys[i] + hs[i];
    }
    SDL_Surface *out = NULL;
    if (total_w > 0)
        out = SDL_CreateRGBSurfaceWithFormat(0, total_w, max_y - min_y, 32, SDL_PIXELFORMAT_ARGB8888);
    if (out) {
        SDL_FillRect(out, NULL, SDL_MapRGBA(out->format, color.r, color.g, color.b, 0));
        int x = 0;
        for (size_t i = 0; i < n; i++) {
            if (!parts[i])
                continue;
            SDL_Rect dst = {x, ys[i] - min_y, ws[i], hs[i]};
            SDL_SetSurfaceBlendMode(parts[i], SDL_BLENDMODE_BLEND);
            if (ws[i] != parts[i]->w || hs[i] != parts[i]->h)
                SDL_BlitScaled(parts[i], NULL, out, &dst);
            else
                SDL_BlitSurface(parts[i], NULL, out, &dst);
            x += ws[i];
        }
        *top = min_y;
    }
    for (size_t i = 0; i < n; i++)
        SDL_FreeSurface(parts[i]);
    return out;
}
