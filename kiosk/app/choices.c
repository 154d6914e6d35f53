/* choices.c — the choice-chip grid shared by the reflection pages (see choices.h).
 *
 * The grid is worked out from the area alone: how many rows of chips fit (enough for at least
 * three slots), the columns, then either every chip and "Type my own", or — when they do not
 * all fit — a page of chips, "More choices" and "Type my own". The page shown is kept in the
 * app with the list it belongs to, so another question starts at its first page. */
#include "app/choices.h"

#include "app/app_internal.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

bool kiosk_choices_typed(const kiosk_choices *ch)
{
    if (!ch->answer[0])
        return false;
    for (size_t i = 0; i < ch->n; i++)
        if (ch->chips[i] && strcmp(ch->answer, ch->chips[i]) == 0)
            return false;
    return true;
}

static int chip_height(const sp_app *app, const kiosk_choices *ch)
{
    const kiosk_theme *t = &app->theme;
    int h = ch->chip_h > 0 ? ch->chip_h : 2 * kiosk_line_h(&app->metrics, t->ui.chip_text_size) + t->space_m;
    return h < t->button_h ? t->button_h : h;
}

/* Width of one of cols columns across w with gap between them. */
static int column_w(int w, int cols, int gap) { return (w - (cols - 1) * gap) / cols; }

void kiosk_choices_grid(sp_app *app, sp_ui *ui, sp_rect area, const kiosk_choices *ch)
{
    const kiosk_theme *t = &app->theme;
    int chip_h = chip_height(app, ch);
    int gap = t->space_s;
    int rows_fit = (area.h + gap) / (chip_h + gap);
    if (rows_fit < 1)
        rows_fit = 1;
    int cols = t->portrait ? 1 : 2;
    /* A third column on a wide screen when it shows every chip at a comfortable width. */
    int min_w = (int)(400 * t->scale);
    if (!t->portrait && (size_t)(cols * rows_fit) < ch->n + 1 && column_w(area.w, 3, gap) >= min_w)
        cols = 3;
    if (cols * rows_fit < 3)
        rows_fit = (3 + cols - 1) / cols;
    int cw = column_w(area.w, cols, gap);
    size_t slots = (size_t)(cols * rows_fit);
    /* Paging: every chip when they all fit beside "Type my own", else pages of slots - 2. */
    size_t per_page = ch->n + 1 <= slots ? ch->n : slots - 2;
    size_t pages = per_page ? (ch->n + per_page - 1) / per_page : 1;
    const void *key = ch->n ? (const void *)ch->chips[0] : NULL; /* the question's own chip list */
    if (app->chip_page_of != key) {
        app->chip_page_of = key;
        app->chip_page = 0;
    }
    size_t page = pages ? (size_t)app->chip_page % pages : 0;
    size_t first = page * per_page;
    size_t shown = ch->n - first < per_page ? ch->n - first : per_page;
    bool typed = kiosk_choices_typed(ch);
    size_t k = 0;
    for (; k < shown; k++) {
        size_t c = first + k;
        int col = (int)(k % (size_t)cols), row = (int)(k / (size_t)cols);
        sp_rect r = {area.x + col * (cw + gap), area.y + row * (chip_h + gap), cw, chip_h};
        const char *words = ch->chips[c] ? ch->chips[c] : "";
        bool chosen = ch->chips[c] && strcmp(ch->answer, ch->chips[c]) == 0;
        sp_ui_chip(ui, ch->chip_id + (int)c, r, words, chosen, NULL, ch->role);
    }
    if (pages > 1) {
        k = slots - 2;
        int col = (int)(k % (size_t)cols), row = (int)(k / (size_t)cols);
        sp_rect r = {area.x + col * (cw + gap), area.y + row * (chip_h + gap), cw, chip_h};
        char more[96];
        snprintf(more, sizeof more, _("More choices (%zu of %zu)"), page + 1, pages);
        sp_ui_button(ui, KIOSK_ACT_MORE, r, more, SP_BUTTON_SECONDARY, NULL);
        k++;
    }
    int col = (int)(k % (size_t)cols), row = (int)(k / (size_t)cols);
    sp_rect r = {area.x + col * (cw + gap), area.y + row * (chip_h + gap), cw, chip_h};
    if (typed)
        sp_ui_chip(ui, ch->type_id, r, ch->answer, true, NULL, SP_ROLE_STUDENT);
    else
        sp_ui_button(ui, ch->type_id, r, _("Type my own"), SP_BUTTON_SECONDARY, NULL);
}

void kiosk_choices_page(sp_app *app, sp_ui *ui, sp_rect c, const kiosk_choices *ch, int skip_id, int next_id,
                        bool last)
{
    const kiosk_theme *t = &app->theme;
    kiosk_choices_grid(app, ui, (sp_rect){c.x, c.y, c.w, c.h - t->button_h - t->gap}, ch);
    int bw = t->button_w;
    int y = c.y + c.h - t->button_h;
    sp_ui_button(ui, skip_id, (sp_rect){c.x, y, bw, t->button_h}, _("Skip"), SP_BUTTON_SECONDARY, NULL);
    sp_ui_button(ui, next_id, (sp_rect){c.x + c.w - bw, y, bw, t->button_h}, last ? _("Save") : _("Next"),
                 SP_BUTTON_PRIMARY, last ? "check" : NULL);
}
