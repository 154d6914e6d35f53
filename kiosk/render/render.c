/* render.c — walks a draw list and draws it with an SDL_Renderer.
 *
 * Shapes are drawn from SDL primitives: rounded rectangles and circles as horizontal spans
 * (SDL_RenderFillRects), thick lines and triangles as geometry (SDL_RenderGeometry), and the
 * icons (category pictures, faces, star, check, back) are small vector drawings built from those
 * in the unit square of their rectangle, so no image files are needed.
 *
 * Text goes through a texture cache keyed by (text, size, style, colour). Each entry remembers
 * the frame it was last used in; when the cache is over its entry or byte budget the least
 * recently used entry that is not part of the current frame is evicted. A purge destroys every
 * texture and wipes the stored keys with zeros before freeing them: the app asks for it after a
 * sign-out so no student text lingers in memory. */
#include "render/render.h"
#include "render/fonts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_CACHE_ENTRIES 256
#define DEFAULT_CACHE_BYTES (8u * 1024u * 1024u)

typedef struct {
    char *text;        /* NUL-terminated copy of the key text (NULL: free slot) */
    size_t len;
    uint32_t hash;
    int size;
    sp_font_style style;
    sp_color color;
    SDL_Texture *tex;  /* NULL when the text drew nothing (spaces only) */
    int w, h, top;
    size_t bytes;
    uint64_t last_used;
} cache_entry;

struct sp_render {
    SDL_Renderer *ren;
    sp_fonts *fonts;
    bool rtl; /* the kiosk language is right to left */
    cache_entry *cache;
    size_t cache_cap, cache_count, cache_bytes, cache_max_bytes;
    uint64_t frame;
    uint64_t hits, misses;
};

sp_render *sp_render_new(SDL_Renderer *renderer, const sp_render_config *cfg, char *err, size_t errlen)
{
    sp_render *r = calloc(1, sizeof *r);
    if (!r) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    r->ren = renderer;
    r->fonts = sp_fonts_new(cfg && cfg->dyslexic_font, err, errlen);
    r->cache_cap = cfg && cfg->cache_entries ? cfg->cache_entries : DEFAULT_CACHE_ENTRIES;
    r->cache_max_bytes = cfg && cfg->cache_bytes ? cfg->cache_bytes : DEFAULT_CACHE_BYTES;
    r->cache = calloc(r->cache_cap, sizeof *r->cache);
    if (!r->fonts || !r->cache) {
        if (r->fonts)
            snprintf(err, errlen, "out of memory");
        sp_render_free(r);
        return NULL;
    }
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
    return r;
}

static void drop_entry(sp_render *r, cache_entry *e)
{
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    if (e->text) {
        memset(e->text, 0, e->len);
        free(e->text);
    }
    r->cache_bytes -= e->bytes;
    r->cache_count--;
    memset(e, 0, sizeof *e);
}

void sp_render_purge_text_cache(sp_render *r)
{
    for (size_t i = 0; i < r->cache_cap; i++)
        if (r->cache[i].text)
            drop_entry(r, &r->cache[i]);
}

void sp_render_device_reset(sp_render *r)
{
    sp_render_purge_text_cache(r);
}

void sp_render_free(sp_render *r)
{
    if (!r)
        return;
    if (r->cache)
        sp_render_purge_text_cache(r);
    free(r->cache);
    sp_fonts_free(r->fonts);
    free(r);
}

void sp_render_set_rtl(sp_render *r, bool rtl)
{
    if (r->rtl == rtl)
        return;
    r->rtl = rtl;
    sp_fonts_set_rtl(r->fonts, rtl);
    sp_render_purge_text_cache(r);
}

void sp_render_set_dyslexic(sp_render *r, bool on)
{
    sp_fonts_set_dyslexic(r->fonts, on);
    sp_render_purge_text_cache(r);
}

const char *sp_render_primary_font(const sp_render *r)
{
    return sp_fonts_primary_path(r->fonts);
}

size_t sp_render_cache_count(const sp_render *r)
{
    return r->cache_count;
}

const char *sp_render_cache_text(const sp_render *r, size_t i)
{
    for (size_t k = 0; k < r->cache_cap; k++) {
        if (!r->cache[k].text)
            continue;
        if (i == 0)
            return r->cache[k].text;
        i--;
    }
    return NULL;
}

void sp_render_cache_stats(const sp_render *r, uint64_t *hits, uint64_t *misses)
{
    *hits = r->hits;
    *misses = r->misses;
}

const char *sp_render_font_for(sp_render *r, uint32_t cp, sp_font_style style)
{
    return sp_fonts_face_for(r->fonts, cp, style);
}

int sp_render_text_width(sp_render *r, const char *text, size_t len, int size, sp_font_style style)
{
    return sp_fonts_text_width(r->fonts, text, len, size, style);
}

int sp_render_line_height(sp_render *r, int size)
{
    return sp_fonts_line_height(r->fonts, size);
}

static int metrics_width(void *user, const char *text, size_t len, int size, sp_font_style style)
{
    return sp_render_text_width(user, text, len, size, style);
}

static int metrics_line(void *user, int size)
{
    return sp_render_line_height(user, size);
}

sp_text_metrics sp_render_metrics(sp_render *r)
{
    return (sp_text_metrics){r, metrics_width, metrics_line};
}

/* ---- text cache ---- */

static uint32_t key_hash(const char *text, size_t len, int size, sp_font_style style, sp_color c)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)text[i]) * 16777619u;
    uint32_t extra[3] = {(uint32_t)size, (uint32_t)style,
                         (uint32_t)c.r << 24 | (uint32_t)c.g << 16 | (uint32_t)c.b << 8 | c.a};
    for (int i = 0; i < 3; i++)
        h = (h ^ extra[i]) * 16777619u;
    return h;
}

static cache_entry *cache_victim(sp_render *r)
{
    cache_entry *oldest = NULL;
    for (size_t i = 0; i < r->cache_cap; i++) {
        cache_entry *e = &r->cache[i];
        if (e->text && e->last_used != r->frame && (!oldest || e->last_used < oldest->last_used))
            oldest = e;
    }
    return oldest;
}

static cache_entry *cache_get(sp_render *r, const char *text, size_t len, int size, sp_font_style style,
                              sp_color c)
{
    uint32_t h = key_hash(text, len, size, style, c);
    cache_entry *free_slot = NULL;
    for (size_t i = 0; i < r->cache_cap; i++) {
        cache_entry *e = &r->cache[i];
        if (!e->text) {
            if (!free_slot)
                free_slot = e;
            continue;
        }
        if (e->hash == h && e->len == len && e->size == size && e->style == style && e->color.r == c.r &&
            e->color.g == c.g && e->color.b == c.b && e->color.a == c.a && memcmp(e->text, text, len) == 0) {
            e->last_used = r->frame;
            r->hits++;
            return e;
        }
    }
    r->misses++;
    while (r->cache_bytes > r->cache_max_bytes || (!free_slot && r->cache_count == r->cache_cap)) {
        cache_entry *v = cache_victim(r);
        if (!v)
            break;
        drop_entry(r, v);
        if (!free_slot)
            free_slot = v;
    }
    if (!free_slot)
        return NULL; /* everything is on screen this frame: draw uncached */
    int top = 0;
    SDL_Surface *s = sp_fonts_render(r->fonts, text, len, size, style, c, &top);
    cache_entry *e = free_slot;
    e->text = malloc(len + 1);
    if (!e->text) {
        SDL_FreeSurface(s);
        return NULL;
    }
    memcpy(e->text, text, len);
    e->text[len] = '\0';
    e->len = len;
    e->hash = h;
    e->size = size;
    e->style = style;
    e->color = c;
    e->last_used = r->frame;
    e->top = top;
    if (s) {
        e->tex = SDL_CreateTextureFromSurface(r->ren, s);
        e->w = s->w;
        e->h = s->h;
        e->bytes = (size_t)s->w * (size_t)s->h * 4;
        SDL_FreeSurface(s);
        if (e->tex)
            SDL_SetTextureBlendMode(e->tex, SDL_BLENDMODE_BLEND);
    }
    r->cache_count++;
    r->cache_bytes += e->bytes;
    return e;
}

static void draw_text(sp_render *r, const sp_draw_cmd *c)
{
    if (!c->text || !*c->text)
        return;
    size_t len = strlen(c->text);
    cache_entry *e = cache_get(r, c->text, len, c->size, c->style, c->color);
    SDL_Texture *tex = e ? e->tex : NULL;
    int w = e ? e->w : 0, h = e ? e->h : 0, top = e ? e->top : 0;
    SDL_Surface *tmp = NULL;
    if (!e) {
        tmp = sp_fonts_render(r->fonts, c->text, len, c->size, c->style, c->color, &top);
        if (!tmp)
            return;
        tex = SDL_CreateTextureFromSurface(r->ren, tmp);
        w = tmp->w;
        h = tmp->h;
    }
    if (tex) {
        int line = sp_fonts_line_height(r->fonts, c->size);
        int x = c->rect.x;
        if (c->align == SP_ALIGN_CENTER)
            x += (c->rect.w - w) / 2;
        else if (c->align == SP_ALIGN_RIGHT)
            x += c->rect.w - w;
        int y = c->rect.y + (c->rect.h - line) / 2 + top;
        SDL_Rect dst = {x, y, w, h};
        SDL_RenderCopy(r->ren, tex, NULL, &dst);
    }
    if (tmp) {
        SDL_FreeSurface(tmp);
        if (tex)
            SDL_DestroyTexture(tex);
    }
}

/* ---- shapes ---- */

static void set_color(sp_render *r, sp_color c)
{
    SDL_SetRenderDrawColor(r->ren, c.r, c.g, c.b, c.a);
}

static void fill_rounded(sp_render *r, SDL_FRect box, float radius, sp_color c)
{
    set_color(r, c);
    if (radius * 2 > box.w)
        radius = box.w / 2;
    if (radius * 2 > box.h)
        radius = box.h / 2;
    if (radius < 1) {
        SDL_RenderFillRectF(r->ren, &box);
        return;
    }
    SDL_FRect mid = {box.x, box.y + radius, box.w, box.h - 2 * radius};
    SDL_RenderFillRectF(r->ren, &mid);
    /* one span per row of the top and bottom bands */
    int rows = (int)ceilf(radius);
    for (int i = 0; i < rows; i++) {
        float dy = radius - (float)i - 0.5f;
        float dx = radius - sqrtf(fmaxf(radius * radius - dy * dy, 0));
        float hrow = fminf(1.0f, radius - (float)i);
        SDL_FRect spans[2] = {{box.x + dx, box.y + (float)i, box.w - 2 * dx, hrow},
                              {box.x + dx, box.y + box.h - (float)i - hrow, box.w - 2 * dx, hrow}};
        SDL_RenderFillRectsF(r->ren, spans, 2);
    }
}

static void fill_circle(sp_render *r, float cx, float cy, float radius, sp_color c)
{
    fill_rounded(r, (SDL_FRect){cx - radius, cy - radius, 2 * radius, 2 * radius}, radius, c);
}

static void fill_triangle(sp_render *r, SDL_FPoint a, SDL_FPoint b, SDL_FPoint p, sp_color c)
{
    SDL_Color col = {c.r, c.g, c.b, c.a};
    SDL_Vertex v[3] = {{a, col, {0, 0}}, {b, col, {0, 0}}, {p, col, {0, 0}}};
    SDL_RenderGeometry(r->ren, NULL, v, 3, NULL, 0);
}

static void thick_line(sp_render *r, float x1, float y1, float x2, float y2, float t, sp_color c)
{
    float dx = x2 - x1, dy = y2 - y1;
    float len = sqrtf(dx * dx + dy * dy);
    if (t <= 1.0f || len < 0.001f) {
        set_color(r, c);
        SDL_RenderDrawLineF(r->ren, x1, y1, x2, y2);
        return;
    }
    float nx = -dy / len * t / 2, ny = dx / len * t / 2;
    SDL_Color col = {c.r, c.g, c.b, c.a};
    SDL_Vertex v[4] = {{{x1 + nx, y1 + ny}, col, {0, 0}}, {{x2 + nx, y2 + ny}, col, {0, 0}},
                       {{x2 - nx, y2 - ny}, col, {0, 0}}, {{x1 - nx, y1 - ny}, col, {0, 0}}};
    int idx[6] = {0, 1, 2, 0, 2, 3};
    SDL_RenderGeometry(r->ren, NULL, v, 4, idx, 6);
    /* round caps keep polylines (arcs, checks) free of notches */
    fill_circle(r, x1, y1, t / 2, c);
    fill_circle(r, x2, y2, t / 2, c);
}

static void draw_frame(sp_render *r, sp_rect b, int t, sp_color c)
{
    if (t < 1)
        t = 1;
    set_color(r, c);
    SDL_Rect sides[4] = {{b.x, b.y, b.w, t}, {b.x, b.y + b.h - t, b.w, t}, {b.x, b.y + t, t, b.h - 2 * t},
                         {b.x + b.w - t, b.y + t, t, b.h - 2 * t}};
    SDL_RenderFillRects(r->ren, sides, 4);
}

/* ---- icons: drawn in a square of side s at (ox, oy); P maps unit coordinates ---- */

typedef struct {
    sp_render *r;
    float ox, oy, s;
    sp_color c;
} icon_pen;

static SDL_FPoint P(const icon_pen *p, float u, float v)
{
    return (SDL_FPoint){p->ox + u * p->s, p->oy + v * p->s};
}

static void pen_line(const icon_pen *p, float u1, float v1, float u2, float v2, float t)
{
    SDL_FPoint a = P(p, u1, v1), b = P(p, u2, v2);
    thick_line(p->r, a.x, a.y, b.x, b.y, t * p->s, p->c);
}

static void pen_rect(const icon_pen *p, float u, float v, float w, float h, float radius, sp_color c)
{
    SDL_FPoint a = P(p, u, v);
    fill_rounded(p->r, (SDL_FRect){a.x, a.y, w * p->s, h * p->s}, radius * p->s, c);
}

static void pen_circle(const icon_pen *p, float u, float v, float radius, sp_color c)
{
    SDL_FPoint a = P(p, u, v);
    fill_circle(p->r, a.x, a.y, radius * p->s, c);
}

static void pen_tri(const icon_pen *p, float u1, float v1, float u2, float v2, float u3, float v3)
{
    fill_triangle(p->r, P(p, u1, v1), P(p, u2, v2), P(p, u3, v3), p->c);
}

/* An arc from angle a0 to a1 (radians, y down) as a thick polyline. */
static void pen_arc(const icon_pen *p, float cu, float cv, float radius, float a0, float a1, float t)
{
    const int steps = 16;
    for (int i = 0; i < steps; i++) {
        float t0 = a0 + (a1 - a0) * (float)i / steps, t1 = a0 + (a1 - a0) * (float)(i + 1) / steps;
        pen_line(p, cu + radius * cosf(t0), cv + radius * sinf(t0), cu + radius * cosf(t1),
                 cv + radius * sinf(t1), t);
    }
}

static void pen_star(const icon_pen *p, float cu, float cv, float outer)
{
    const float pi = 3.14159265f;
    float inner = outer * 0.42f;
    for (int i = 0; i < 5; i++) {
        float a = -pi / 2 + (float)i * 2 * pi / 5;
        float al = a - pi / 5, ar = a + pi / 5;
        /* one spike plus the centre wedge under it */
        pen_tri(p, cu + outer * cosf(a), cv + outer * sinf(a), cu + inner * cosf(al), cv + inner * sinf(al),
                cu + inner * cosf(ar), cv + inner * sinf(ar));
        pen_tri(p, cu, cv, cu + inner * cosf(al), cv + inner * sinf(al), cu + inner * cosf(ar),
                cv + inner * sinf(ar));
    }
}

static sp_color lighter(sp_color c)
{
    return (sp_color){(uint8_t)(c.r + (255 - c.r) * 3 / 4), (uint8_t)(c.g + (255 - c.g) * 3 / 4),
                      (uint8_t)(c.b + (255 - c.b) * 3 / 4), c.a};
}

static void draw_face(const icon_pen *p, int mood)
{
    const float pi = 3.14159265f;
    pen_circle(p, 0.5f, 0.5f, 0.46f, p->c);
    pen_circle(p, 0.5f, 0.5f, 0.39f, lighter(p->c));
    pen_circle(p, 0.36f, 0.4f, 0.055f, p->c);
    pen_circle(p, 0.64f, 0.4f, 0.055f, p->c);
    if (mood == 1)
        pen_arc(p, 0.5f, 0.82f, 0.2f, -pi * 0.78f, -pi * 0.22f, 0.06f); /* frown */
    else if (mood == 2)
        pen_line(p, 0.34f, 0.66f, 0.66f, 0.66f, 0.06f);                 /* flat */
    else
        pen_arc(p, 0.5f, 0.5f, 0.2f, pi * 0.2f, pi * 0.8f, 0.06f);      /* smile */
}

static void draw_icon(sp_render *r, const sp_draw_cmd *c)
{
    const float pi = 3.14159265f;
    float s = (float)(c->rect.w < c->rect.h ? c->rect.w : c->rect.h);
    icon_pen p = {r, (float)c->rect.x + ((float)c->rect.w - s) / 2, (float)c->rect.y + ((float)c->rect.h - s) / 2,
                  s, c->color};
    const char *name = c->icon ? c->icon : "";
    if (strcmp(name, "academic") == 0) {
        /* an open book */
        pen_tri(&p, 0.08f, 0.25f, 0.5f, 0.32f, 0.5f, 0.85f);
        pen_tri(&p, 0.08f, 0.25f, 0.5f, 0.85f, 0.08f, 0.78f);
        pen_tri(&p, 0.92f, 0.25f, 0.5f, 0.32f, 0.5f, 0.85f);
        pen_tri(&p, 0.92f, 0.25f, 0.5f, 0.85f, 0.92f, 0.78f);
        icon_pen light = p;
        light.c = lighter(p.c);
        pen_line(&light, 0.5f, 0.34f, 0.5f, 0.83f, 0.03f);
        for (int i = 0; i < 3; i++) {
            float v = 0.42f + 0.12f * (float)i;
            pen_line(&light, 0.16f, v - 0.02f, 0.42f, v + 0.02f, 0.025f);
            pen_line(&light, 0.58f, v + 0.02f, 0.84f, v - 0.02f, 0.025f);
        }
    } else if (strcmp(name, "behavior") == 0) {
        /* a checklist on a clipboard */
        pen_rect(&p, 0.18f, 0.12f, 0.64f, 0.8f, 0.08f, p.c);
        pen_rect(&p, 0.24f, 0.2f, 0.52f, 0.66f, 0.04f, lighter(p.c));
        pen_rect(&p, 0.38f, 0.06f, 0.24f, 0.1f, 0.03f, p.c);
        for (int i = 0; i < 3; i++) {
            float v = 0.34f + 0.17f * (float)i;
            pen_line(&p, 0.3f, v, 0.35f, v + 0.05f, 0.04f);
            pen_line(&p, 0.35f, v + 0.05f, 0.42f, v - 0.04f, 0.04f);
            pen_line(&p, 0.48f, v, 0.7f, v, 0.04f);
        }
    } else if (strcmp(name, "social-emotional") == 0) {
        /* a heart */
        pen_circle(&p, 0.32f, 0.36f, 0.2f, p.c);
        pen_circle(&p, 0.68f, 0.36f, 0.2f, p.c);
        pen_tri(&p, 0.13f, 0.43f, 0.87f, 0.43f, 0.5f, 0.88f);
        pen_rect(&p, 0.3f, 0.3f, 0.4f, 0.2f, 0.0f, p.c);
    } else if (strcmp(name, "future-readiness") == 0) {
        /* a flag on a hill: where I am headed */
        pen_line(&p, 0.3f, 0.12f, 0.3f, 0.84f, 0.06f);
        pen_tri(&p, 0.33f, 0.12f, 0.8f, 0.27f, 0.33f, 0.42f);
        pen_arc(&p, 0.5f, 1.25f, 0.45f, -pi * 0.85f, -pi * 0.15f, 0.06f);
    } else if (strncmp(name, "face-", 5) == 0) {
        draw_face(&p, atoi(name + 5));
    } else if (strcmp(name, "star") == 0) {
        pen_star(&p, 0.5f, 0.54f, 0.46f);
    } else if (strcmp(name, "check") == 0) {
        pen_line(&p, 0.15f, 0.52f, 0.4f, 0.76f, 0.12f);
        pen_line(&p, 0.4f, 0.76f, 0.86f, 0.24f, 0.12f);
    } else if (strcmp(name, "back") == 0 && c->mirrored) { /* back, in a right-to-left layout */
        pen_line(&p, 0.8f, 0.5f, 0.16f, 0.5f, 0.1f);
        pen_line(&p, 0.8f, 0.5f, 0.54f, 0.24f, 0.1f);
        pen_line(&p, 0.8f, 0.5f, 0.54f, 0.76f, 0.1f);
    } else if (strcmp(name, "back") == 0) {
        pen_line(&p, 0.2f, 0.5f, 0.84f, 0.5f, 0.1f);
        pen_line(&p, 0.2f, 0.5f, 0.46f, 0.24f, 0.1f);
        pen_line(&p, 0.2f, 0.5f, 0.46f, 0.76f, 0.1f);
    } else if (strcmp(name, "speaker") == 0) {
        /* a loudspeaker and two sound waves: "Read to me" */
        pen_rect(&p, 0.1f, 0.37f, 0.18f, 0.26f, 0.03f, p.c);
        pen_tri(&p, 0.24f, 0.37f, 0.5f, 0.14f, 0.5f, 0.86f);
        pen_tri(&p, 0.24f, 0.37f, 0.5f, 0.86f, 0.24f, 0.63f);
        pen_arc(&p, 0.52f, 0.5f, 0.16f, -pi * 0.3f, pi * 0.3f, 0.07f);
        pen_arc(&p, 0.52f, 0.5f, 0.32f, -pi * 0.3f, pi * 0.3f, 0.07f);
    } else {
        /* unknown icon name: an outlined square, visible but harmless */
        draw_frame(r, c->rect, 2, c->color);
    }
}

void sp_render_draw_list(sp_render *r, const sp_draw_list *dl)
{
    r->frame++;
    SDL_RenderSetClipRect(r->ren, NULL);
    SDL_SetRenderDrawColor(r->ren, dl->clear.r, dl->clear.g, dl->clear.b, 255);
    SDL_RenderClear(r->ren);
    SDL_SetRenderDrawBlendMode(r->ren, SDL_BLENDMODE_BLEND);
    for (size_t i = 0; i < dl->count; i++) {
        const sp_draw_cmd *c = &dl->cmds[i];
        SDL_FRect box = {(float)c->rect.x, (float)c->rect.y, (float)c->rect.w, (float)c->rect.h};
        switch (c->kind) {
        case SP_CMD_RECT:
            fill_rounded(r, box, (float)c->radius, c->color);
            break;
        case SP_CMD_FRAME:
            draw_frame(r, c->rect, c->thickness, c->color);
            break;
        case SP_CMD_LINE:
            thick_line(r, box.x, box.y, box.x + box.w, box.y + box.h, (float)c->thickness, c->color);
            break;
        case SP_CMD_CIRCLE:
            fill_circle(r, box.x + box.w / 2, box.y + box.h / 2, fminf(box.w, box.h) / 2, c->color);
            break;
        case SP_CMD_TEXT:
            draw_text(r, c);
            break;
        case SP_CMD_ICON:
            draw_icon(r, c);
            break;
        case SP_CMD_CLIP:
            if (c->rect.w > 0) {
                SDL_Rect clip = {c->rect.x, c->rect.y, c->rect.w, c->rect.h};
                SDL_RenderSetClipRect(r->ren, &clip);
            } else {
                SDL_RenderSetClipRect(r->ren, NULL);
            }
            break;
        }
    }
    SDL_RenderSetClipRect(r->ren, NULL);
}
