/* theme.c — the kiosk's look for a given window size (see theme.h).
 *
 * Colours are chosen for contrast on a bright classroom screen: dark text on a warm off-white,
 * the traffic-light colours dark enough to read as text, and an orange focus ring that differs
 * from every other colour in use. The number of card columns follows the window: one column in
 * portrait, and in landscape as many as fit at a comfortable reading width (two or three).
 * A student's reading supports (kiosk_look) scale everything up or switch to high contrast. */
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
    int shorter = w < h ? w : h;
    double s = shorter / 800.0;
    if (s < 0.6)
        s = 0.6;
    if (s > 2.0)
        s = 2.0;
    if (look.large_text)
        s *= 1.25;
    t->scale = s;

    t->bg = (sp_color){250, 247, 240, 255};
    t->text = (sp_color){28, 32, 44, 255};
    t->muted = (sp_color){84, 90, 104, 255};
    t->accent = (sp_color){28, 86, 196, 255};
    t->green = (sp_color){22, 128, 62, 255};
    t->yellow = (sp_color){168, 110, 0, 255};
    t->red = (sp_color){190, 40, 40, 255};
    t->gold = (sp_color){214, 152, 0, 255};
    t->track = (sp_color){222, 226, 234, 255};
    t->chart_bg = (sp_color){255, 255, 255, 255};
    t->aim = (sp_color){28, 86, 196, 255};
    t->grid = (sp_color){196, 202, 214, 255};
    t->warn_bg = (sp_color){255, 244, 214, 255};

    t->huge_size = sc(s, 72);
    t->title_size = sc(s, 42);
    t->body_size = sc(s, 28);
    t->label_size = sc(s, 22);
    t->card_text_size = sc(s, 26);
    t->clock_size = sc(s, 34);

    t->margin = sc(s, 28);
    t->gap = sc(s, 22);
    t->small_gap = sc(s, 10);
    t->button_h = sc(s, 80);
    if (t->button_h < KIOSK_MIN_TOUCH)
        t->button_h = KIOSK_MIN_TOUCH;
    t->button_w = sc(s, 230);
    t->wide_button_w = sc(s, 560);
    if (t->wide_button_w > w - 2 * t->margin)
        t->wide_button_w = w - 2 * t->margin;
    t->icon_size = sc(s, 44);
    t->bar_h = sc(s, 14);

    t->ui.text = t->text;
    t->ui.muted = t->muted;
    t->ui.button_bg = (sp_color){226, 231, 242, 255};
    t->ui.button_text = t->text;
    t->ui.accent_bg = t->accent;
    t->ui.accent_text = (sp_color){255, 255, 255, 255};
    t->ui.card_bg = (sp_color){255, 255, 255, 255};
    t->ui.card_border = (sp_color){208, 213, 224, 255};
    t->ui.focus = (sp_color){240, 120, 0, 255};
    t->ui.radius = sc(s, 14);
    t->ui.focus_thickness = sc(s, 5) < 3 ? 3 : sc(s, 5);
    t->ui.button_text_size = sc(s, 28);
    t->ui.pad = sc(s, 20);

    if (look.high_contrast) {
        t->bg = (sp_color){255, 255, 255, 255};
        t->text = t->ui.text = t->ui.button_text = (sp_color){0, 0, 0, 255};
        t->muted = t->ui.muted = (sp_color){40, 40, 40, 255};
        t->accent = t->aim = t->ui.accent_bg = (sp_color){0, 60, 160, 255};
        t->green = (sp_color){0, 100, 40, 255};
        t->yellow = (sp_color){130, 80, 0, 255};
        t->red = (sp_color){160, 0, 0, 255};
        t->ui.button_bg = (sp_color){222, 222, 222, 255};
        t->ui.card_border = (sp_color){0, 0, 0, 255};
        t->ui.focus = (sp_color){200, 80, 0, 255};
        t->grid = (sp_color){90, 90, 90, 255};
        t->track = (sp_color){170, 170, 170, 255};
    }

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
