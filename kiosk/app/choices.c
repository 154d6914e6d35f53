/* choices.c — the choice-chip grid shared by the reflection pages (see choices.h).
 *
 * The grid is worked out from the area alone: how many rows of chips fit (at least one, so
 * "Type my own" always shows), the columns (the look's minimum, and for the left-aligned look
 * more while chips would be left out and each column stays wide enough to read), then the
 * chips that fit in all slots but the last, which is "Type my own" or the typed answer. */
#include "app/choices.h"

#include "app/app_internal.h"

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

/* A centred chip: up to two lines of label-size words in a card; a chosen chip is filled. */
static void centred_chip(sp_app *app, sp_ui *ui, int id, sp_rect r, const char *words, bool chosen, sp_text_role role)
{
    const kiosk_theme *t = &app->theme;
    sp_ui_card(ui, id, r, chosen ? t->accent : t->ui.card_bg, chosen ? t->accent : t->ui.card_border, 3);
    int lh = kiosk_line_h(&app->metrics, t->label_size);
    int off = 0;
    if (chosen) {
        sp_draw_icon(ui->dl, (sp_rect){r.x + t->ui.pad / 2, r.y + (r.h - lh) / 2, lh, lh}, "check", t->ui.accent_text);
        off = lh;
    }
    int w = r.w - t->ui.pad - off;
    int lines = r.h >= 2 * lh + 8 ? 2 : 1;
    sp_ui_line wrapped[2];
    int used = sp_ui_wrap(&app->metrics, words, t->label_size, SP_FONT_BOLD, w, lines, wrapped);
    int th = (used > 0 ? used : 1) * lh;
    sp_ui_text(ui, (sp_rect){r.x + t->ui.pad / 2 + off, r.y + (r.h - th) / 2, w, th}, words, t->label_size,
               SP_FONT_BOLD, SP_ALIGN_CENTER, chosen ? t->ui.accent_text : t->text, role, lines);
}

/* A left-aligned chip: up to two lines of body-size words; the chosen one is filled and has a
 * check, and "Type my own" (button) looks like a button, not a choice. */
static void left_chip(sp_app *app, sp_ui *ui, int id, sp_rect r, const char *text, bool chosen, bool button,
                      sp_text_role role)
{
    const kiosk_theme *t = &app->theme;
    sp_color bg = chosen ? t->accent : button ? t->ui.button_bg : t->ui.card_bg;
    sp_ui_card(ui, id, r, bg, chosen ? t->accent : t->ui.card_border, chosen || button ? 0 : 2);
    int pad = t->ui.pad / 2 + 4;
    int is = t->icon_size * 3 / 4;
    int tx = r.x + pad, tw = r.w - 2 * pad;
    if (chosen) {
        sp_draw_icon(ui->dl, (sp_rect){r.x + pad, r.y + (r.h - is) / 2, is, is}, "check", t->ui.accent_text);
        tx += is + t->small_gap;
        tw -= is + t->small_gap;
    }
    int lh = kiosk_line_h(&app->metrics, t->body_size);
    sp_ui_line lines[SP_UI_MAX_LINES];
    int n = sp_ui_wrap(&app->metrics, text, t->body_size, SP_FONT_BOLD, tw, 2, lines);
    int y = r.y + (r.h - n * lh) / 2;
    sp_ui_text(ui, (sp_rect){tx, y, tw, n * lh}, text, t->body_size, SP_FONT_BOLD, SP_ALIGN_LEFT,
               chosen ? t->ui.accent_text : t->text, role, 2);
}

static int chip_height(const sp_app *app, const kiosk_choices *ch)
{
    const kiosk_theme *t = &app->theme;
    int h, least = KIOSK_MIN_TOUCH;
    if (ch->chip_h > 0) {
        h = ch->chip_h;
    } else if (ch->look == KIOSK_CHIPS_LEFT) {
        h = 2 * kiosk_line_h(&app->metrics, t->body_size) + t->ui.pad;
        least = t->button_h;
    } else {
        h = 2 * kiosk_line_h(&app->metrics, t->label_size) + 2 * t->small_gap;
    }
    return h < least ? least : h;
}

/* Width of one of cols columns across w with gap between them. */
static int column_w(int w, int cols, int gap) { return (w - (cols - 1) * gap) / cols; }

void kiosk_choices_grid(sp_app *app, sp_ui *ui, sp_rect area, const kiosk_choices *ch)
{
    const kiosk_theme *t = &app->theme;
    bool left = ch->look == KIOSK_CHIPS_LEFT;
    int chip_h = chip_height(app, ch);
    int col_gap = left ? t->small_gap : t->gap;
    int row_gap = left ? t->small_gap : t->small_gap + t->small_gap / 2;
    int rows_fit = (area.h + row_gap) / (chip_h + row_gap);
    if (rows_fit < 1)
        rows_fit = 1;
    int cols = t->portrait ? 1 : 2;
    /* Fewest columns that show every chip at a comfortable width. */
    int min_w = (int)(300 * t->scale);
    while (left && (size_t)(cols * rows_fit) < ch->n + 1 && column_w(area.w, cols + 1, col_gap) >= min_w && cols < 3)
        cols++;
    int cw = column_w(area.w, cols, col_gap);
    size_t slots = (size_t)(cols * rows_fit);
    size_t shown = ch->n < slots - 1 ? ch->n : slots - 1;
    bool typed = kiosk_choices_typed(ch);
    for (size_t k = 0; k <= shown; k++) {
        int col = (int)(k % (size_t)cols), row = (int)(k / (size_t)cols);
        sp_rect r = {area.x + col * (cw + col_gap), area.y + row * (chip_h + row_gap), cw, chip_h};
        if (k == shown && !typed) {
            if (left)
                left_chip(app, ui, ch->type_id, r, "Type my own", false, true, SP_ROLE_BUTTON);
            else
                sp_ui_button(ui, ch->type_id, r, "Type my own", SP_BUTTON_NORMAL, NULL);
            continue;
        }
        int id = k == shown ? ch->type_id : ch->chip_id + (int)k;
        const char *words = k == shown ? ch->answer : ch->chips[k] ? ch->chips[k] : "";
        bool chosen = k == shown || (ch->chips[k] && strcmp(ch->answer, ch->chips[k]) == 0);
        sp_text_role role = k == shown ? SP_ROLE_STUDENT : ch->role;
        if (left)
            left_chip(app, ui, id, r, words, chosen, false, role);
        else
            centred_chip(app, ui, id, r, words, chosen, role);
    }
}

void kiosk_choices_page(sp_app *app, sp_ui *ui, sp_rect c, const kiosk_choices *ch, int skip_id, int next_id,
                        bool last)
{
    const kiosk_theme *t = &app->theme;
    kiosk_choices_grid(app, ui, (sp_rect){c.x, c.y, c.w, c.h - t->button_h - t->gap}, ch);
    int bw = t->button_w;
    int y = c.y + c.h - t->button_h;
    sp_ui_button(ui, skip_id, (sp_rect){c.x, y, bw, t->button_h}, "Skip", SP_BUTTON_NORMAL, NULL);
    sp_ui_button(ui, next_id, (sp_rect){c.x + c.w - bw, y, bw, t->button_h}, last ? "Save" : "Next",
                 SP_BUTTON_PRIMARY, last ? "check" : NULL);
}
