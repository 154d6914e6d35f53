/* badge_sheet.c — badge cards drawn with cairo (PDF sheets and single PNGs).
 *
 * Text uses cairo's toy font API, which draws a string with one font and shows boxes for what
 * that font lacks. Names come in any script, so each character is given the first face in a
 * fallback list (Andika for Latin, Cyrillic and Greek, then DejaVu and the Noto families for
 * Arabic, Hebrew, Indic scripts and CJK) that has a glyph for it, and the string is drawn as
 * runs of one face each. Arabic letters are turned into their joined presentation forms
 * (isolated, final, initial, medial, and the lam-alef ligatures) and right-to-left runs are
 * reversed into visual order, which is enough for names without a full shaping engine.
 *
 * The QR code is drawn as filled rectangles, one per horizontal run of dark modules, so a
 * 1,000-card PDF stays small and quick. All drawing happens in millimetres. */
#include "badge_sheet.h"
#include "out_file.h"
#include "text.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <qrencode.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MM_PER_INCH 25.4
#define PT_PER_MM (72.0 / MM_PER_INCH)
#define MAX_CPS 256

/* ---- QR ---------------------------------------------------------------------------------- */

unsigned char *sp_badge_qr_matrix(const char *payload, int *width)
{
    QRinput *in = QRinput_new2(0, QR_ECLEVEL_M);
    if (!in)
        return NULL;
    unsigned char *m = NULL;
    QRcode *qr = NULL;
    if (QRinput_append(in, QR_MODE_AN, (int)strlen(payload), (const unsigned char *)payload) != 0)
        goto done;
    qr = QRcode_encodeInput(in);
    if (!qr)
        goto done;
    m = malloc((size_t)qr->width * (size_t)qr->width);
    if (!m)
        goto done;
    for (int i = 0; i < qr->width * qr->width; i++)
        m[i] = qr->data[i] & 1;
    *width = qr->width;
done:
    QRcode_free(qr);
    QRinput_free(in);
    return m;
}

/* Draws the QR with its 4-module quiet zone, top-left at (x, y), module size mod (mm). Returns
 * the side length drawn, or 0 if the payload cannot be encoded. */
static double draw_qr(cairo_t *cr, const char *payload, double x, double y, double mod)
{
    int w = 0;
    unsigned char *m = sp_badge_qr_matrix(payload, &w);
    if (!m)
        return 0;
    double side = (w + 8) * mod;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, x, y, side, side);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int r = 0; r < w; r++) {
        for (int c = 0; c < w;) {
            if (!m[r * w + c]) {
                c++;
                continue;
            }
            int start = c;
            while (c < w && m[r * w + c])
                c++;
            cairo_rectangle(cr, x + (4 + start) * mod, y + (4 + r) * mod, (c - start) * mod, mod);
        }
    }
    cairo_fill(cr);
    free(m);
    return side;
}

/* ---- text: Arabic joining, right-to-left runs, font fallback ------------------------------- */

typedef struct {
    uint16_t cp, iso; /* letter and its isolated presentation form; final = +1, initial +2, medial +3 */
    char type;        /* 'D' joins both sides, 'R' joins only the letter before it */
} arabic_letter;

static const arabic_letter ARABIC[] = {
    {0x0621, 0xFE80, 'U'}, {0x0622, 0xFE81, 'R'}, {0x0623, 0xFE83, 'R'}, {0x0624, 0xFE85, 'R'},
    {0x0625, 0xFE87, 'R'}, {0x0626, 0xFE89, 'D'}, {0x0627, 0xFE8D, 'R'}, {0x0628, 0xFE8F, 'D'},
    {0x0629, 0xFE93, 'R'}, {0x062A, 0xFE95, 'D'}, {0x062B, 0xFE99, 'D'}, {0x062C, 0xFE9D, 'D'},
    {0x062D, 0xFEA1, 'D'}, {0x062E, 0xFEA5, 'D'}, {0x062F, 0xFEA9, 'R'}, {0x0630, 0xFEAB, 'R'},
    {0x0631, 0xFEAD, 'R'}, {0x0632, 0xFEAF, 'R'}, {0x0633, 0xFEB1, 'D'}, {0x0634, 0xFEB5, 'D'},
    {0x0635, 0xFEB9, 'D'}, {0x0636, 0xFEBD, 'D'}, {0x0637, 0xFEC1, 'D'}, {0x0638, 0xFEC5, 'D'},
    {0x0639, 0xFEC9, 'D'}, {0x063A, 0xFECD, 'D'}, {0x0641, 0xFED1, 'D'}, {0x0642, 0xFED5, 'D'},
    {0x0643, 0xFED9, 'D'}, {0x0644, 0xFEDD, 'D'}, {0x0645, 0xFEE1, 'D'}, {0x0646, 0xFEE5, 'D'},
    {0x0647, 0xFEE9, 'D'}, {0x0648, 0xFEED, 'R'}, {0x0649, 0xFEEF, 'R'}, {0x064A, 0xFEF1, 'D'},
    {0x067E, 0xFB56, 'D'}, {0x0686, 0xFB7A, 'D'}, {0x0698, 0xFB8A, 'R'}, {0x06A9, 0xFB8E, 'D'},
    {0x06AF, 0xFB92, 'D'}, {0x06CC, 0xFBFC, 'D'},
};

static const arabic_letter *arabic_find(uint32_t cp)
{
    for (size_t i = 0; i < sizeof ARABIC / sizeof ARABIC[0]; i++)
        if (ARABIC[i].cp == cp)
            return &ARABIC[i];
    return NULL;
}

static bool arabic_mark(uint32_t cp) { return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670; }

/* How a character joins: 'D' both sides, 'R' to the preceding letter only, 'C' tatweel, 'T'
 * transparent mark, 'U' not at all. */
static char join_type(uint32_t cp)
{
    if (cp == 0x0640)
        return 'C';
    if (arabic_mark(cp))
        return 'T';
    const arabic_letter *a = arabic_find(cp);
    return a ? a->type : 'U';
}

static bool is_rtl(uint32_t cp)
{
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
}

static bool is_neutral(uint32_t cp)
{
    return cp < 0x80 && !((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'));
}

/* Replaces Arabic letters by their joined forms in place; returns the new length. */
static size_t arabic_shape(uint32_t *cps, size_t n)
{
    uint32_t out[MAX_CPS];
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = cps[i];
        const arabic_letter *a = arabic_find(cp);
        if (!a || a->type == 'U') {
            out[o++] = cp;
            continue;
        }
        size_t p = i, q = i + 1;
        while (p > 0 && join_type(cps[p - 1]) == 'T')
            p--;
        while (q < n && join_type(cps[q]) == 'T')
            q++;
        char before = p > 0 ? join_type(cps[p - 1]) : 'U';
        char after = q < n ? join_type(cps[q]) : 'U';
        bool join_prev = before == 'D' || before == 'C';
        bool join_next = a->type == 'D' && (after == 'D' || after == 'R' || after == 'C');
        if (cp == 0x0644 && q < n) { /* lam + alef: one ligature */
            uint32_t lig = cps[q] == 0x0622 ? 0xFEF5 : cps[q] == 0x0623 ? 0xFEF7 : cps[q] == 0x0625 ? 0xFEF9
                           : cps[q] == 0x0627 ? 0xFEFB : 0;
            if (lig) {
                for (size_t k = i + 1; k < q; k++)
                    out[o++] = cps[k];
                out[o++] = lig + (join_prev ? 1 : 0);
                i = q;
                continue;
            }
        }
        int form = join_prev ? (join_next ? 3 : 1) : (join_next ? 2 : 0);
        out[o++] = (uint32_t)a->iso + (uint32_t)form;
    }
    memcpy(cps, out, o * sizeof *out);
    return o;
}

static void reverse(uint32_t *cps, size_t a, size_t b)
{
    while (a + 1 < b) {
        uint32_t t = cps[a];
        cps[a++] = cps[--b];
        cps[b] = t;
    }
}

/* Logical to visual order for a one-line name: right-to-left runs are reversed in place; a
 * line that starts right-to-left is reversed as a whole with its left-to-right runs put back. */
static void visual_order(uint32_t *cps, size_t n)
{
    bool rtl_line = false, any_rtl = false;
    for (size_t i = 0; i < n; i++) {
        if (is_rtl(cps[i])) {
            any_rtl = true;
            break;
        }
    }
    if (!any_rtl)
        return;
    for (size_t i = 0; i < n; i++)
        if (!is_neutral(cps[i])) {
            rtl_line = is_rtl(cps[i]);
            break;
        }
    /* Resolve neutrals: they take the direction of their neighbours when both agree. */
    char dir[MAX_CPS];
    for (size_t i = 0; i < n; i++)
        dir[i] = is_neutral(cps[i]) ? 'N' : is_rtl(cps[i]) ? 'R' : 'L';
    for (size_t i = 0; i < n; i++) {
        if (dir[i] != 'N')
            continue;
        size_t j = i;
        while (j < n && dir[j] == 'N')
            j++;
        char l = i > 0 ? dir[i - 1] : (rtl_line ? 'R' : 'L');
        char r = j < n ? dir[j] : (rtl_line ? 'R' : 'L');
        char d = l == r ? l : (rtl_line ? 'R' : 'L');
        for (size_t k = i; k < j; k++)
            dir[k] = d;
        i = j - 1;
    }
    char flip = rtl_line ? 'L' : 'R';
    if (rtl_line) {
        reverse(cps, 0, n);
        for (size_t a = 0, b = n; a < b; a++, b--) {
            char t = dir[a];
            dir[a] = dir[b - 1];
            dir[b - 1] = t;
        }
    }
    for (size_t i = 0; i < n;) {
        if (dir[i] != flip) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && dir[j] == flip)
            j++;
        reverse(cps, i, j);
        i = j;
    }
}

static const char *const FONT_FAMILIES[] = {
    "Andika",           "DejaVu Sans",          "Noto Sans",           "Noto Sans Arabic",
    "Noto Sans Hebrew", "Noto Sans Devanagari", "Noto Sans Bengali",   "Noto Sans Tamil",
    "Noto Sans Thai",   "Noto Sans Ethiopic",   "Noto Sans Armenian",  "Noto Sans Georgian",
    "Noto Sans CJK JP", "Noto Sans CJK KR",     "Noto Color Emoji",
};
#define NFACES (sizeof FONT_FAMILIES / sizeof FONT_FAMILIES[0])
#define FACE_CACHE 1024

typedef struct {
    cairo_t *cr;
    cairo_font_face_t *faces[2][NFACES]; /* [bold][family] */
    struct {
        uint32_t cp;
        signed char face;
    } cache[2][FACE_CACHE]; /* code point -> first face with a glyph for it */
} text_ctx;

static void text_init(text_ctx *t, cairo_t *cr)
{
    memset(t, 0, sizeof *t);
    t->cr = cr;
    for (int b = 0; b < 2; b++)
        for (size_t i = 0; i < NFACES; i++) {
            t->faces[b][i] = cairo_toy_font_face_create(FONT_FAMILIES[i], CAIRO_FONT_SLANT_NORMAL,
                                                        b ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
            for (int k = 0; k < FACE_CACHE; k++)
                t->cache[b][k].face = -1;
        }
}

static void text_free(text_ctx *t)
{
    for (int b = 0; b < 2; b++)
        for (size_t i = 0; i < NFACES; i++)
            cairo_font_face_destroy(t->faces[b][i]);
}

static size_t utf8_put(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static bool face_has(text_ctx *t, cairo_font_face_t *face, uint32_t cp)
{
    char buf[5];
    buf[utf8_put(cp, buf)] = 0;
    cairo_set_font_face(t->cr, face);
    cairo_set_font_size(t->cr, 10);
    cairo_glyph_t *g = NULL;
    int n = 0;
    cairo_status_t s =
        cairo_scaled_font_text_to_glyphs(cairo_get_scaled_font(t->cr), 0, 0, buf, -1, &g, &n, NULL, NULL, NULL);
    bool ok = s == CAIRO_STATUS_SUCCESS && n > 0 && g[0].index != 0;
    cairo_glyph_free(g);
    return ok;
}

static int face_for(text_ctx *t, int bold, uint32_t cp)
{
    if (cp == ' ')
        return 0;
    unsigned slot = (unsigned)(cp * 2654435761u) % FACE_CACHE;
    if (t->cache[bold][slot].face >= 0 && t->cache[bold][slot].cp == cp)
        return t->cache[bold][slot].face;
    int found = 0; /* nothing has it: Andika's box is the honest answer */
    for (size_t i = 0; i < NFACES; i++)
        if (face_has(t, t->faces[bold][i], cp)) {
            found = (int)i;
            break;
        }
    t->cache[bold][slot].cp = cp;
    t->cache[bold][slot].face = (signed char)found;
    return found;
}

/* A prepared line: code points in visual order with the face each one uses. */
typedef struct {
    uint32_t cps[MAX_CPS];
    signed char face[MAX_CPS];
    size_t n;
    int bold;
} text_line;

static void line_prepare(text_ctx *t, text_line *l, const char *utf8, int bold)
{
    l->n = 0;
    l->bold = bold;
    const char *s = utf8 ? utf8 : "";
    while (*s && l->n < MAX_CPS - 1) {
        uint32_t cp = sp_utf8_next(&s);
        if (cp < 0x20 || cp == 0x7F)
            cp = ' ';
        l->cps[l->n++] = cp;
    }
    l->n = arabic_shape(l->cps, l->n);
    visual_order(l->cps, l->n);
    for (size_t i = 0; i < l->n; i++)
        l->face[i] = (signed char)face_for(t, bold, l->cps[i]);
}

/* Calls fn for each run of one face; returns the total advance at this size. */
static double line_runs(text_ctx *t, const text_line *l, double size, double x, double y, bool draw)
{
    char buf[MAX_CPS * 4 + 1];
    double adv = 0;
    for (size_t i = 0; i < l->n;) {
        size_t j = i, len = 0;
        while (j < l->n && l->face[j] == l->face[i])
            len += utf8_put(l->cps[j++], buf + len);
        buf[len] = 0;
        cairo_set_font_face(t->cr, t->faces[l->bold][(int)l->face[i]]);
        cairo_set_font_size(t->cr, size);
        cairo_text_extents_t e;
        cairo_text_extents(t->cr, buf, &e);
        if (draw) {
            cairo_move_to(t->cr, x + adv, y);
            cairo_show_text(t->cr, buf);
        }
        adv += e.x_advance;
        i = j;
    }
    return adv;
}

/* Draws utf8 on one line at (x, baseline y) within max_w: the largest size in [min, max] that
 * fits, and at the smallest size characters are dropped for an ellipsis until it fits. */
static void draw_fitted(text_ctx *t, const char *utf8, int bold, double x, double y, double max_w, double max_size,
                        double min_size)
{
    text_line l;
    line_prepare(t, &l, utf8, bold);
    double size = max_size;
    double w = line_runs(t, &l, size, 0, 0, false);
    /* Width is not quite proportional to size (hinting), so shrink in small steps until it fits. */
    while (w > max_w && size > min_size) {
        size = size * max_w / w * 0.98;
        if (size < min_size)
            size = min_size;
        w = line_runs(t, &l, size, 0, 0, false);
    }
    if (w > max_w && l.n > 1) {
        uint32_t ellipsis = 0x2026;
        while (l.n > 1 && w > max_w) {
            l.n--;
            l.cps[l.n - 1] = ellipsis;
            l.face[l.n - 1] = (signed char)face_for(t, bold, ellipsis);
            w = line_runs(t, &l, size, 0, 0, false);
        }
    }
    line_runs(t, &l, size, x, y, true);
}

/* Word-wraps a left-to-right sentence into at most max_lines lines of width max_w. */
static void draw_wrapped(text_ctx *t, const char *utf8, double x, double y, double max_w, double size,
                         double line_h, int max_lines)
{
    char line[512], trial[1100]; /* a line, a space and a word of at most 512 bytes */
    const char *p = utf8;
    int lines = 0;
    line[0] = 0;
    while (*p && lines < max_lines) {
        const char *sp = strchr(p, ' ');
        size_t wl = sp ? (size_t)(sp - p) : strlen(p);
        snprintf(trial, sizeof trial, "%s%s%.*s", line, line[0] ? " " : "", (int)(wl < 512 ? wl : 512), p);
        text_line l;
        line_prepare(t, &l, trial, 0);
        if (line[0] && line_runs(t, &l, size, 0, 0, false) > max_w) {
            draw_fitted(t, line, 0, x, y + lines * line_h, max_w, size, size);
            lines++;
            line[0] = 0;
            continue; /* the word starts the next line */
        }
        size_t n = strlen(trial); /* the card wraps far sooner than 511 bytes */
        if (n >= sizeof line)
            n = sizeof line - 1;
        memcpy(line, trial, n);
        line[n] = 0;
        p += wl;
        while (*p == ' ')
            p++;
    }
    if (line[0] && lines < max_lines)
        draw_fitted(t, line, 0, x, y + lines * line_h, max_w, size, size);
}

/* ---- cards and pages --------------------------------------------------------------------- */

static void draw_card(text_ctx *t, const sp_badge_card *c, double x, double y)
{
    cairo_t *cr = t->cr;
    cairo_save(cr);
    cairo_translate(cr, x, y);
    int w = 0;
    unsigned char *m = sp_badge_qr_matrix(c->payload, &w);
    free(m);
    double mod = SP_CARD_QR_MODULE_MM;
    double side = (w + 8) * mod;
    if (side > SP_CARD_H_MM - 4) { /* a longer future payload: shrink, never below 0.5 mm */
        mod = (SP_CARD_H_MM - 4) / (w + 8);
        if (mod < 0.5)
            mod = 0.5;
        side = (w + 8) * mod;
    }
    double qx = 2.5, qy = (SP_CARD_H_MM - side) / 2;
    draw_qr(cr, c->payload, qx, qy, mod);

    double tx = qx + side + 1.5, tw = SP_CARD_W_MM - tx - 3.5;
    cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
    draw_fitted(t, c->teacher ? "Signpost \xc2\xb7 teacher badge" : "Signpost", 0, tx, 10.0, tw, 2.8, 2.2);
    cairo_set_source_rgb(cr, 0, 0, 0);
    draw_fitted(t, c->name, 1, tx, 20.0, tw, 7.0, 3.2);
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
    draw_fitted(t, c->line2 ? c->line2 : "", 0, tx, 27.0, tw, 3.8, 2.4);
    if (c->teacher)
        draw_fitted(t, "Opens the teacher menu", 0, tx, 32.0, tw, 2.8, 2.2);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    draw_wrapped(t, SP_BADGE_LOST_WORDS, tx, 38.5, tw, 2.5, 3.3, 3);
    cairo_restore(cr);
}

/* Dashed cut lines around a card; every edge is drawn left-to-right or top-to-bottom from its
 * own corner so the shared edges of neighbouring cards dash identically. */
static void draw_cut_lines(cairo_t *cr, double x, double y)
{
    static const double dash[] = {2.5, 1.5};
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
    cairo_set_line_width(cr, 0.2);
    cairo_set_dash(cr, dash, 2, 0);
    cairo_move_to(cr, x, y);
    cairo_line_to(cr, x + SP_CARD_W_MM, y);
    cairo_move_to(cr, x, y + SP_CARD_H_MM);
    cairo_line_to(cr, x + SP_CARD_W_MM, y + SP_CARD_H_MM);
    cairo_move_to(cr, x, y);
    cairo_line_to(cr, x, y + SP_CARD_H_MM);
    cairo_move_to(cr, x + SP_CARD_W_MM, y);
    cairo_line_to(cr, x + SP_CARD_W_MM, y + SP_CARD_H_MM);
    cairo_stroke(cr);
    cairo_restore(cr);
}

bool sp_paper_parse(const char *s, sp_paper *out)
{
    if (!s)
        return false;
    char low[8];
    size_t n = strlen(s);
    if (n >= sizeof low)
        return false;
    for (size_t i = 0; i <= n; i++)
        low[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] - 'A' + 'a' : s[i]);
    if (strcmp(low, "a4") == 0)
        *out = SP_PAPER_A4;
    else if (strcmp(low, "letter") == 0)
        *out = SP_PAPER_LETTER;
    else
        return false;
    return true;
}

static int surface_error(cairo_surface_t *s, const char *path, char *err, size_t errlen)
{
    cairo_status_t st = cairo_surface_status(s);
    if (st == CAIRO_STATUS_SUCCESS)
        return 0;
    snprintf(err, errlen, "cannot write %s: %s", path, cairo_status_to_string(st));
    return -1;
}

/* cairo writes through this into the temporary file of sp_out_open(). */
static cairo_status_t write_to_file(void *closure, const unsigned char *data, unsigned int length)
{
    return fwrite(data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Finishes an output file: any cairo error or write error removes it and fills err. */
static int finish_output(sp_out_file *out, cairo_status_t st, const char *path, char *err, size_t errlen)
{
    if (st != CAIRO_STATUS_SUCCESS) {
        sp_out_abort(out);
        snprintf(err, errlen, "cannot write %s: %s", path, cairo_status_to_string(st));
        return -1;
    }
    return sp_out_commit(out, err, errlen) ? 0 : -1;
}

static void paper_size(sp_paper paper, double *w, double *h)
{
    *w = paper == SP_PAPER_LETTER ? 215.9 : 210.0;
    *h = paper == SP_PAPER_LETTER ? 279.4 : 297.0;
}

void sp_badge_sheet_card_origin(sp_paper paper, int index_on_page, double *x_mm, double *y_mm)
{
    double pw, ph;
    paper_size(paper, &pw, &ph);
    const int cols = 2, rows = SP_CARDS_PER_PAGE / 2;
    *x_mm = (pw - cols * SP_CARD_W_MM) / 2 + (index_on_page % cols) * SP_CARD_W_MM;
    *y_mm = (ph - rows * SP_CARD_H_MM) / 2 - 4 + (index_on_page / cols) * SP_CARD_H_MM;
}

int sp_badge_sheet_pdf(const char *path, sp_paper paper, const sp_badge_card *cards, size_t n, const char *footer,
                       char *err, size_t errlen)
{
    double pw, ph, gx, gy;
    paper_size(paper, &pw, &ph);
    const int cols = 2, rows = SP_CARDS_PER_PAGE / 2;
    sp_badge_sheet_card_origin(paper, 0, &gx, &gy);
    sp_out_file out;
    if (!sp_out_open(&out, path, err, errlen))
        return -1;
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_to_file, out.f, pw * PT_PER_MM, ph * PT_PER_MM);
    if (surface_error(s, path, err, errlen)) {
        cairo_surface_destroy(s);
        sp_out_abort(&out);
        return -1;
    }
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "Signpost badges");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "signpost-admin");
    cairo_t *cr = cairo_create(s);
    cairo_scale(cr, PT_PER_MM, PT_PER_MM);
    text_ctx t;
    text_init(&t, cr);
    size_t pages = n ? (n + SP_CARDS_PER_PAGE - 1) / SP_CARDS_PER_PAGE : 1;
    for (size_t p = 0; p < pages; p++) {
        for (int k = 0; k < SP_CARDS_PER_PAGE; k++) {
            size_t i = p * SP_CARDS_PER_PAGE + (size_t)k;
            if (i >= n)
                break;
            double x, y;
            sp_badge_sheet_card_origin(paper, k, &x, &y);
            draw_card(&t, &cards[i], x, y);
            draw_cut_lines(cr, x, y);
        }
        char foot[400];
        snprintf(foot, sizeof foot, "Cut along the dashed lines.%s%s \xc2\xb7 page %zu of %zu", footer ? " " : "",
                 footer ? footer : "", p + 1, pages);
        cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
        draw_fitted(&t, foot, 0, gx, gy + rows * SP_CARD_H_MM + 6, cols * SP_CARD_W_MM, 3.0, 2.0);
        cairo_show_page(cr);
    }
    text_free(&t);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_status_t st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    return finish_output(&out, st, path, err, errlen);
}

int sp_badge_card_png(const char *path, const sp_badge_card *card, double dpi, char *err, size_t errlen)
{
    double px_per_mm = dpi / MM_PER_INCH;
    int w = (int)(SP_CARD_W_MM * px_per_mm + 0.5), h = (int)(SP_CARD_H_MM * px_per_mm + 0.5);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, px_per_mm, px_per_mm);
    text_ctx t;
    text_init(&t, cr);
    draw_card(&t, card, 0, 0);
    text_free(&t);
    cairo_destroy(cr);
    sp_out_file out;
    if (!sp_out_open(&out, path, err, errlen)) {
        cairo_surface_destroy(s);
        return -1;
    }
    cairo_status_t st = cairo_surface_write_to_png_stream(s, write_to_file, out.f);
    cairo_surface_destroy(s);
    return finish_output(&out, st, path, err, errlen);
}
