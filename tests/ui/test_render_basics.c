/* test_render_basics.c — the renderer draws what the draw list says, in any script.
 *
 * Runs with SDL_VIDEODRIVER=dummy and a software renderer on an off-screen surface (no window):
 * builds draw lists by hand, renders them, and reads the pixels back with SDL_RenderReadPixels,
 * comparing colours with a tolerance as SDL's own tests do. */
#include "test_support.h"

#include "render/render.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#define W 320
#define H 200

typedef struct {
    SDL_Surface *surface;
    SDL_Renderer *ren;
    sp_render *r;
    sp_draw_list *dl;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (TTF_WasInit() == 0 && TTF_Init() != 0)
        return -1;
    f->surface = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    f->ren = SDL_CreateSoftwareRenderer(f->surface);
    char err[256] = "";
    f->r = sp_render_new(f->ren, NULL, err, sizeof err);
    if (!f->r) {
        fprintf(stderr, "sp_render_new: %s\n", err);
        return -1;
    }
    f->dl = calloc(1, sizeof *f->dl);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    sp_render_free(f->r);
    SDL_DestroyRenderer(f->ren);
    SDL_FreeSurface(f->surface);
    free(f->dl);
    free(f);
    return 0;
}

static void begin(fixture *f, sp_color clear)
{
    memset(f->dl, 0, sizeof *f->dl);
    f->dl->clear = clear;
}

static sp_draw_cmd *push(fixture *f, sp_cmd_kind kind, sp_rect r, sp_color c)
{
    sp_draw_cmd *cmd = &f->dl->cmds[f->dl->count++];
    memset(cmd, 0, sizeof *cmd);
    cmd->kind = kind;
    cmd->rect = r;
    cmd->color = c;
    return cmd;
}

static void push_text(fixture *f, sp_rect r, const char *text, int size)
{
    sp_draw_cmd *c = push(f, SP_CMD_TEXT, r, (sp_color){0, 0, 0, 255});
    c->text = text;
    c->size = size;
    c->role = SP_ROLE_STUDENT;
}

static uint32_t pixel(fixture *f, int x, int y)
{
    uint32_t px = 0;
    SDL_Rect one = {x, y, 1, 1};
    assert_int_equal(SDL_RenderReadPixels(f->ren, &one, SDL_PIXELFORMAT_ARGB8888, &px, 4), 0);
    return px;
}

static void assert_near(uint32_t px, uint8_t r, uint8_t g, uint8_t b)
{
    int dr = abs((int)((px >> 16) & 0xFF) - r), dg = abs((int)((px >> 8) & 0xFF) - g), db = abs((int)(px & 0xFF) - b);
    if (dr > 8 || dg > 8 || db > 8)
        fail_msg("expected about (%d,%d,%d), found (%u,%u,%u)", r, g, b, (px >> 16) & 0xFF, (px >> 8) & 0xFF,
                 px & 0xFF);
}

/* Dark pixels inside a rectangle (text is drawn black on white). */
static int dark_pixels(fixture *f, SDL_Rect area)
{
    uint32_t *buf = malloc((size_t)area.w * (size_t)area.h * 4);
    assert_int_equal(SDL_RenderReadPixels(f->ren, &area, SDL_PIXELFORMAT_ARGB8888, buf, area.w * 4), 0);
    int n = 0;
    for (int i = 0; i < area.w * area.h; i++)
        if (((buf[i] >> 8) & 0xFF) < 128)
            n++;
    free(buf);
    return n;
}

static void a_coloured_rectangle_lands_where_the_list_says(void **state)
{
    fixture *f = *state;
    begin(f, (sp_color){255, 255, 255, 255});
    push(f, SP_CMD_RECT, (sp_rect){40, 30, 100, 60}, (sp_color){200, 30, 40, 255});
    push(f, SP_CMD_RECT, (sp_rect){160, 30, 100, 60}, (sp_color){20, 120, 220, 255})->radius = 20;
    sp_render_draw_list(f->r, f->dl);
    assert_near(pixel(f, 90, 60), 200, 30, 40);
    assert_near(pixel(f, 10, 10), 255, 255, 255);
    assert_near(pixel(f, 210, 60), 20, 120, 220);
    /* the rounded corner leaves the very corner pixel unpainted */
    assert_near(pixel(f, 160, 30), 255, 255, 255);
}

static void circles_lines_and_icons_paint_pixels(void **state)
{
    fixture *f = *state;
    begin(f, (sp_color){255, 255, 255, 255});
    push(f, SP_CMD_CIRCLE, (sp_rect){10, 10, 60, 60}, (sp_color){0, 160, 0, 255});
    push(f, SP_CMD_LINE, (sp_rect){100, 20, 80, 0}, (sp_color){0, 0, 0, 255})->thickness = 6;
    const char *icons[] = {"academic", "behavior", "social-emotional", "future-readiness", "face-1", "star"};
    for (int i = 0; i < 6; i++)
        push(f, SP_CMD_ICON, (sp_rect){10 + i * 50, 120, 44, 44}, (sp_color){0, 0, 0, 255})->icon = icons[i];
    sp_render_draw_list(f->r, f->dl);
    assert_near(pixel(f, 40, 40), 0, 160, 0);
    assert_near(pixel(f, 11, 11), 255, 255, 255);
    assert_near(pixel(f, 140, 21), 0, 0, 0);
    for (int i = 0; i < 6; i++)
        if (dark_pixels(f, (SDL_Rect){10 + i * 50, 120, 44, 44}) < 40)
            fail_msg("icon %s drew almost nothing", icons[i]);
}

static void text_in_every_script_draws_visible_pixels(void **state)
{
    fixture *f = *state;
    const char *samples[] = {"Zoë Müller", "Алексей", "ليلى", "王小明", "שלום"};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        begin(f, (sp_color){255, 255, 255, 255});
        push_text(f, (sp_rect){10, 10, 300, 60}, samples[i], 32);
        sp_render_draw_list(f->r, f->dl);
        int n = dark_pixels(f, (SDL_Rect){0, 0, W, 100});
        if (n < 30)
            fail_msg("\"%s\" drew only %d dark pixels", samples[i], n);
    }
}

static void chinese_falls_back_to_another_font(void **state)
{
    fixture *f = *state;
    const char *latin = sp_render_font_for(f->r, 'A', SP_FONT_REGULAR);
    const char *cjk = sp_render_font_for(f->r, 0x738B /* 王 */, SP_FONT_REGULAR);
    const char *arabic = sp_render_font_for(f->r, 0x0644 /* ل */, SP_FONT_REGULAR);
    assert_non_null(latin);
    assert_non_null(cjk);
    assert_non_null(arabic);
    assert_string_not_equal(latin, cjk);
    assert_string_not_equal(latin, arabic);
    assert_non_null(strstr(latin, "ndika"));
}

static void the_dyslexia_friendly_font_can_be_chosen(void **state)
{
    fixture *f = *state;
    sp_render_set_dyslexic(f->r, true);
    assert_non_null(strstr(sp_render_font_for(f->r, 'A', SP_FONT_REGULAR), "OpenDyslexic"));
    assert_int_equal(sp_render_cache_count(f->r), 0);
    sp_render_set_dyslexic(f->r, false);
    assert_non_null(strstr(sp_render_font_for(f->r, 'A', SP_FONT_REGULAR), "ndika"));
}

static void emoji_draw_something(void **state)
{
    fixture *f = *state;
    begin(f, (sp_color){255, 255, 255, 255});
    push_text(f, (sp_rect){10, 10, 300, 60}, "\xF0\x9F\x8C\x9F\xF0\x9F\x98\x80", 40); /* 🌟😀 */
    sp_render_draw_list(f->r, f->dl);
    uint32_t *buf = malloc(W * 100 * 4);
    SDL_Rect area = {0, 0, W, 100};
    assert_int_equal(SDL_RenderReadPixels(f->ren, &area, SDL_PIXELFORMAT_ARGB8888, buf, W * 4), 0);
    int changed = 0;
    for (int i = 0; i < W * 100; i++)
        if ((buf[i] & 0xFFFFFF) != 0xFFFFFF)
            changed++;
    free(buf);
    assert_true(changed > 100);
    assert_true(sp_render_text_width(f->r, "\xF0\x9F\x98\x80", 4, 40, SP_FONT_REGULAR) > 20);
}

static void longer_text_measures_wider(void **state)
{
    fixture *f = *state;
    int a = sp_render_text_width(f->r, "Maya", 4, 28, SP_FONT_REGULAR);
    int b = sp_render_text_width(f->r, "Maya Johnson", 12, 28, SP_FONT_REGULAR);
    int c = sp_render_text_width(f->r, "Maya Johnson", 12, 56, SP_FONT_REGULAR);
    assert_true(a > 0);
    assert_true(b > a);
    assert_true(c > b);
    assert_true(sp_render_line_height(f->r, 56) > sp_render_line_height(f->r, 28));
    /* a measured string draws exactly as wide as measured */
    sp_text_metrics m = sp_render_metrics(f->r);
    assert_int_equal(m.text_width(m.user, "王小明 ليلى", strlen("王小明 ليلى"), 28, SP_FONT_BOLD),
                     sp_render_text_width(f->r, "王小明 ليلى", strlen("王小明 ليلى"), 28, SP_FONT_BOLD));
}

static void purge_leaves_no_student_text_in_the_cache(void **state)
{
    fixture *f = *state;
    sp_render_purge_text_cache(f->r);
    begin(f, (sp_color){255, 255, 255, 255});
    push_text(f, (sp_rect){10, 10, 300, 40}, "Hi, Maya!", 28);
    push_text(f, (sp_rect){10, 60, 300, 40}, "I will write 3 paragraphs", 20);
    sp_render_draw_list(f->r, f->dl);
    assert_int_equal(sp_render_cache_count(f->r), 2);
    bool seen = false;
    for (size_t i = 0; sp_render_cache_text(f->r, i); i++)
        seen |= strstr(sp_render_cache_text(f->r, i), "Maya") != NULL;
    assert_true(seen);
    sp_render_draw_list(f->r, f->dl);
    uint64_t hits, misses;
    sp_render_cache_stats(f->r, &hits, &misses);
    assert_true(hits >= 2);
    sp_render_purge_text_cache(f->r);
    assert_int_equal(sp_render_cache_count(f->r), 0);
    assert_null(sp_render_cache_text(f->r, 0));
}

static void the_cache_evicts_the_least_recently_used(void **state)
{
    (void)state;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 200, 100, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(s);
    char err[256];
    sp_render_config cfg = {.cache_entries = 4};
    sp_render *r = sp_render_new(ren, &cfg, err, sizeof err);
    assert_non_null(r);
    sp_draw_list *dl = calloc(1, sizeof *dl);
    char texts[10][16];
    for (int i = 0; i < 10; i++) {
        snprintf(texts[i], sizeof texts[i], "item %d", i);
        memset(dl, 0, sizeof *dl);
        sp_draw_cmd *c = &dl->cmds[dl->count++];
        c->kind = SP_CMD_TEXT;
        c->rect = (sp_rect){0, 0, 200, 40};
        c->color = (sp_color){0, 0, 0, 255};
        c->text = texts[i];
        c->size = 20;
        sp_render_draw_list(r, dl);
    }
    assert_int_equal(sp_render_cache_count(r), 4);
    for (size_t i = 0; sp_render_cache_text(r, i); i++)
        assert_true(strcmp(sp_render_cache_text(r, i), "item 5") > 0);
    free(dl);
    sp_render_free(r);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_coloured_rectangle_lands_where_the_list_says),
        cmocka_unit_test(circles_lines_and_icons_paint_pixels),
        cmocka_unit_test(text_in_every_script_draws_visible_pixels),
        cmocka_unit_test(chinese_falls_back_to_another_font),
        cmocka_unit_test(the_dyslexia_friendly_font_can_be_chosen),
        cmocka_unit_test(emoji_draw_something),
        cmocka_unit_test(longer_text_measures_wider),
        cmocka_unit_test(purge_leaves_no_student_text_in_the_cache),
        cmocka_unit_test(the_cache_evicts_the_least_recently_used),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
