/* theme.c — the kiosk's look for a given window size (see theme.h).
 *
 * Sizes come from the token scales (tokens.h) times the screen's scale; colours from the
 * palette (everyday or high contrast). The number of card columns follows the window: one
 * column in portrait, and in landscape as many as fit at a comfortable reading width (two or
 * three). A student's reading supports (kiosk_look) scale everything up or switch palettes. */
#include "app/theme.h"

static int sc(double scale, int px) { return (int)(px * scale + 0.5); }

int kiosk_line_h(const sp_text_metrics *metrics, int size) { return metrics->line_height(metrics->user, size); }

void kiosk_theme_for(kiosk_theme *t, int w, int h, const sp_text_metrics *metrics, kiosk_look look)
{
    if (w < 320)
        w = 320;
    if (h < 320)
        h = 320;
    t->w = w;
    t->h = h;
    t->portrait = h > w;
    t->high_contrast = look.high_contrast;
    int shorter = w < h ? w : h;
    double s = shorter / 800.0;
    if (s < 0.6)
        s = 0.6;
    if (s > 2.0)
        s = 2.0;
    if (look.large_text)
        s *= 1.25;
    t->scale = s;
    const kiosk_palette *p = look.high_contrast ? kiosk_palette_high_contrast() : kiosk_palette_standard();
    t->pal = p;

    t->space_xs = sc(s, KIOSK_SPACE_XS);
    t->space_s = sc(s, KIOSK_SPACE_S);
    t->space_m = sc(s, KIOSK_SPACE_M);
    t->space_l = sc(s, KIOSK_SPACE_L);
    t->space_xl = sc(s, KIOSK_SPACE_XL);
    t->caption_size = sc(s, KIOSK_TYPE_CAPTION);
    t->body_size = sc(s, KIOSK_TYPE_BODY);
    t->lead_size = sc(s, KIOSK_TYPE_LEAD);
    t->title_size = sc(s, KIOSK_TYPE_TITLE);
    t->display_size = sc(s, KIOSK_TYPE_DISPLAY);
    t->radius_s = sc(s, KIOSK_RADIUS_S);
    t->radius_m = sc(s, KIOSK_RADIUS_M);
    t->radius_l = sc(s, KIOSK_RADIUS_L);

    t->huge_size = t->display_size;
    t->label_size = t->caption_size;
    t->card_text_size = t->lead_size;
    t->clock_size = t->lead_size;
    t->margin = t->space_l;
    t->gap = t->space_m;
    t->small_gap = t->space_xs;

    t->bg = p->page;
    t->text = p->ink;
    t->muted = p->ink_muted;
    t->accent = p->primary;
    t->green = p->good;
    t->yellow = p->watch;
    t->red = p->help;
    t->gold = p->goal;
    t->track = p->track;
    t->chart_bg = p->surface;
    t->aim = p->aim;
    t->grid = p->track;
    t->warn_bg = p->warn_bg;

    t->button_h = sc(s, KIOSK_BUTTON_H);
    if (t->button_h < KIOSK_TOUCH_MIN)
        t->button_h = KIOSK_TOUCH_MIN;
    t->button_w = sc(s, 240);
    t->wide_button_w = sc(s, 560);
    if (t->wide_button_w > w - 2 * t->margin)
        t->wide_button_w = w - 2 * t->margin;
    t->icon_size = sc(s, KIOSK_ICON);
    t->avatar_size = sc(s, KIOSK_AVATAR);
    t->bar_h = sc(s, KIOSK_BAR_H);
    t->line_w = sc(s, 4) < 3 ? 3 : sc(s, 4);
    t->content_max_w = sc(s, 1100);

    t->ui.text = p->ink;
    t->ui.muted = p->ink_muted;
    t->ui.button_bg = p->secondary;
    t->ui.button_text = p->on_secondary;
    t->ui.button_border = look.high_contrast ? p->ink : p->secondary;
    t->ui.accent_bg = p->primary;
    t->ui.accent_text = p->on_primary;
    t->ui.danger_bg = p->danger;
    t->ui.danger_text = p->on_danger;
    t->ui.card_bg = p->surface;
    t->ui.card_border = p->outline;
    t->ui.focus = p->focus;
    t->ui.radius = t->radius_m;
    t->ui.card_radius = t->radius_l;
    t->ui.border = look.high_contrast ? sc(s, 3) < 3 ? 3 : sc(s, 3) : sc(s, 2) < 2 ? 2 : sc(s, 2);
    t->ui.focus_thickness = sc(s, 5) < 3 ? 3 : sc(s, 5);
    t->ui.button_text_size = t->body_size;
    t->ui.chip_text_size = t->body_size;
    t->ui.pad = t->space_m;

    int content_w = w - 2 * t->margin;
    if (t->portrait) {
        t->columns = 1;
    } else {
        int min_card = sc(s, 360);
        t->columns = (content_w + t->gap) / (min_card + t->gap);
        if (t->columns < 2)
            t->columns = content_w >= 2 * sc(s, 280) + t->gap ? 2 : 1;
        if (t->columns > 3)
            t->columns = 3;
    }
    t->card_text_lines = 3;
    /* pad | icon row | text lines | light (2 lines) | bar + its labels | next check | button | pad */
    int lbl = kiosk_line_h(metrics, t->label_size);
    int icon_row = t->icon_size > lbl ? t->icon_size : lbl;
    t->card_h = 2 * t->ui.pad + icon_row + t->small_gap + t->card_text_lines * kiosk_line_h(metrics, t->card_text_size) +
                t->small_gap + 2 * lbl + t->small_gap + 2 * t->bar_h + lbl + t->small_gap + lbl + t->small_gap + t->button_h;
}

sp_color kiosk_light_color(const kiosk_theme *t, int light)
{
    switch (light) {
    case 1:
        return t->green;
    case 2:
        return t->yellow;
    case 3:
        return t->red;
    default:
        return t->muted;
    }
}

kiosk_category_colors kiosk_category_color(const kiosk_theme *t, const char *category)
{
    return t->pal->category[kiosk_category_of(category)];
}
