/* avatar.c — the student's initial in a coloured circle (see avatar.h). The initial is the
 * first code point of the preferred name, upper-cased when it is ASCII; any script is drawn
 * as it is (ل for ليلى). */
#include "app/avatar.h"

#include <string.h>

#define RGB(r, g, b) {r, g, b, 255}

static const sp_color STANDARD[] = {RGB(28, 86, 196), RGB(0, 108, 108), RGB(122, 60, 170),
                                    RGB(170, 72, 0),  RGB(176, 30, 90), RGB(40, 110, 40)};
static const sp_color HIGH[] = {RGB(0, 60, 160), RGB(0, 78, 78), RGB(90, 30, 140),
                                RGB(128, 48, 0), RGB(130, 0, 60), RGB(0, 90, 0)};

sp_color kiosk_avatar_color(const kiosk_theme *t, long long person_id)
{
    size_t n = sizeof STANDARD / sizeof STANDARD[0];
    size_t k = (size_t)((person_id < 0 ? -person_id : person_id) % (long long)n);
    return t->high_contrast ? HIGH[k] : STANDARD[k];
}

void kiosk_avatar(sp_ui *ui, const kiosk_theme *t, sp_rect r, const char *name, long long person_id)
{
    sp_draw_circle(ui->dl, r, kiosk_avatar_color(t, person_id));
    if (!name || !*name)
        return;
    char initial[8] = "";
    size_t len = 1;
    while (name[len] && ((unsigned char)name[len] & 0xC0) == 0x80 && len < sizeof initial - 1)
        len++;
    memcpy(initial, name, len);
    initial[len] = 0;
    if (len == 1 && initial[0] >= 'a' && initial[0] <= 'z')
        initial[0] = (char)(initial[0] - 'a' + 'A');
    int size = r.h * 11 / 20;
    int lh = sp_ui_line_height(ui, size);
    sp_ui_label(ui, (sp_rect){r.x, r.y + (r.h - lh) / 2, r.w, lh}, initial, size, SP_FONT_BOLD, SP_ALIGN_CENTER,
                (sp_color){255, 255, 255, 255}, SP_ROLE_STUDENT);
}
