/* tokens.c — the two palettes of tokens.h.
 *
 * The everyday palette is warm and calm: ink on a warm off-white page, white cards, one blue
 * for the primary action, traffic-light colours dark enough to read as words, and a colour per
 * category (learning blue, behavior teal, feelings & friends purple, my future orange), each a
 * dark ink for words and icons with a light tint for the card band. The high-contrast palette
 * is black on white with every ink darkened to at least 7:1; tints become white so nothing
 * reads on a coloured ground. tests/unit/test_tokens.c checks every pair. */
#include "app/tokens.h"

#include <string.h>

#define RGB(r, g, b) {r, g, b, 255}

static const kiosk_palette STANDARD = {
    .page = RGB(250, 247, 240),
    .surface = RGB(255, 255, 255),
    .ink = RGB(28, 32, 44),
    .ink_muted = RGB(80, 86, 100),
    .primary = RGB(28, 86, 196),
    .on_primary = RGB(255, 255, 255),
    .secondary = RGB(228, 236, 251),
    .on_secondary = RGB(22, 64, 150),
    .outline = RGB(196, 203, 218),
    .danger = RGB(178, 34, 34),
    .on_danger = RGB(255, 255, 255),
    .focus = RGB(240, 120, 0),
    .good = RGB(22, 122, 58),
    .watch = RGB(146, 92, 0),
    .help = RGB(186, 38, 38),
    .goal = RGB(140, 82, 0),
    .aim = RGB(28, 86, 196),
    .track = RGB(222, 226, 234),
    .warn_bg = RGB(255, 244, 214),
    .category =
        {
            [KIOSK_CAT_LEARNING] = {RGB(28, 86, 196), RGB(228, 237, 252)},
            [KIOSK_CAT_BEHAVIOR] = {RGB(0, 108, 108), RGB(220, 242, 240)},
            [KIOSK_CAT_FEELINGS] = {RGB(122, 60, 170), RGB(241, 233, 250)},
            [KIOSK_CAT_FUTURE] = {RGB(170, 72, 0), RGB(253, 236, 222)},
        },
};

static const kiosk_palette HIGH_CONTRAST = {
    .page = RGB(255, 255, 255),
    .surface = RGB(255, 255, 255),
    .ink = RGB(0, 0, 0),
    .ink_muted = RGB(40, 40, 40),
    .primary = RGB(0, 60, 160),
    .on_primary = RGB(255, 255, 255),
    .secondary = RGB(255, 255, 255),
    .on_secondary = RGB(0, 0, 0),
    .outline = RGB(0, 0, 0),
    .danger = RGB(150, 0, 0),
    .on_danger = RGB(255, 255, 255),
    .focus = RGB(200, 80, 0),
    .good = RGB(0, 96, 36),
    .watch = RGB(104, 62, 0),
    .help = RGB(160, 0, 0),
    .goal = RGB(100, 60, 0),
    .aim = RGB(0, 60, 160),
    .track = RGB(150, 150, 150),
    .warn_bg = RGB(255, 255, 255),
    .category =
        {
            [KIOSK_CAT_LEARNING] = {RGB(0, 60, 160), RGB(255, 255, 255)},
            [KIOSK_CAT_BEHAVIOR] = {RGB(0, 78, 78), RGB(255, 255, 255)},
            [KIOSK_CAT_FEELINGS] = {RGB(90, 30, 140), RGB(255, 255, 255)},
            [KIOSK_CAT_FUTURE] = {RGB(128, 48, 0), RGB(255, 255, 255)},
        },
};

const kiosk_palette *kiosk_palette_standard(void) { return &STANDARD; }
const kiosk_palette *kiosk_palette_high_contrast(void) { return &HIGH_CONTRAST; }

kiosk_category kiosk_category_of(const char *category)
{
    if (!category)
        return KIOSK_CAT_LEARNING;
    if (strcmp(category, "behavior") == 0)
        return KIOSK_CAT_BEHAVIOR;
    if (strcmp(category, "social-emotional") == 0)
        return KIOSK_CAT_FEELINGS;
    if (strcmp(category, "future-readiness") == 0)
        return KIOSK_CAT_FUTURE;
    return KIOSK_CAT_LEARNING;
}
