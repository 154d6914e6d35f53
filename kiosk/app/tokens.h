/* tokens.h — the kiosk's design tokens: the one place where its colours, spacing, type sizes,
 * corner radii and motion durations are named. Screens never use a raw number or colour; they
 * use these through the theme (theme.h), which scales sizes with the screen.
 *
 * Sizes are pixels on a 1280x800 screen (scale 1.0); the theme multiplies them by the screen's
 * scale (shorter side / 800) and by 1.25 for large text. Every colour that carries text comes
 * with the background it sits on, and tests/unit/test_tokens.c checks each pair reaches
 * 4.5:1 (7:1 in high contrast), so a palette change that hurts reading fails the build. */
#ifndef KIOSK_TOKENS_H
#define KIOSK_TOKENS_H

#include "ui/draw_list.h"

/* Spacing scale: 8 / 16 / 24 / 32 / 48. */
enum { KIOSK_SPACE_XS = 8, KIOSK_SPACE_S = 16, KIOSK_SPACE_M = 24, KIOSK_SPACE_L = 32, KIOSK_SPACE_XL = 48 };

/* Type scale: caption 20, body 24, lead 32, title 44, display 60. */
enum { KIOSK_TYPE_CAPTION = 20, KIOSK_TYPE_BODY = 24, KIOSK_TYPE_LEAD = 32, KIOSK_TYPE_TITLE = 44,
       KIOSK_TYPE_DISPLAY = 60 };

/* Corner radii: chips and small tags, buttons, cards. */
enum { KIOSK_RADIUS_S = 8, KIOSK_RADIUS_M = 16, KIOSK_RADIUS_L = 24 };

/* Control sizes: a button is 72 px high (never under the 64 px touch minimum). */
enum { KIOSK_TOUCH_MIN = 64, KIOSK_BUTTON_H = 72, KIOSK_ICON = 44, KIOSK_AVATAR = 88, KIOSK_BAR_H = 16 };

/* Motion: page changes ease out in 200 ms (the brief allows 150–300), a quick response 150 ms,
 * a celebration burst 2 s. Nothing moves on an idle screen. */
enum { KIOSK_MOTION_PAGE_MS = 200, KIOSK_MOTION_QUICK_MS = 150, KIOSK_MOTION_CELEBRATE_MS = 2000 };

/* Minimum text contrast (times 10): 4.5:1, and 7:1 in high contrast. */
enum { KIOSK_CONTRAST_MIN_X10 = 45, KIOSK_CONTRAST_HIGH_X10 = 70 };

/* The four goal categories as students see them. */
typedef enum { KIOSK_CAT_LEARNING, KIOSK_CAT_BEHAVIOR, KIOSK_CAT_FEELINGS, KIOSK_CAT_FUTURE, KIOSK_CAT_COUNT } kiosk_category;

/* A category's colours: ink (icon, label and accent text, readable on both page and tint) and a
 * light tint for the card's band. */
typedef struct {
    sp_color ink, tint;
} kiosk_category_colors;

/* One complete palette. */
typedef struct {
    sp_color page;        /* screen background */
    sp_color surface;     /* cards, chart area */
    sp_color ink;         /* main text on page and surface */
    sp_color ink_muted;   /* secondary text on page and surface */
    sp_color primary;     /* primary button, chosen chip, links */
    sp_color on_primary;  /* text on primary */
    sp_color secondary;   /* secondary button fill */
    sp_color on_secondary;/* text on secondary */
    sp_color outline;     /* card and chip borders */
    sp_color danger;      /* a destructive action's button ("Exit kiosk") */
    sp_color on_danger;
    sp_color focus;       /* keyboard focus ring: differs from every other colour */
    sp_color good, watch, help; /* traffic light: green, yellow, red (as text on surface) */
    sp_color goal;        /* goal line and its label */
    sp_color aim;         /* aim line and its label */
    sp_color track;       /* progress bar track, chart grid */
    sp_color warn_bg;     /* a caution band (timeout, busy) */
    kiosk_category_colors category[KIOSK_CAT_COUNT];
} kiosk_palette;

/* The everyday palette and the high-contrast one. */
const kiosk_palette *kiosk_palette_standard(void);
const kiosk_palette *kiosk_palette_high_contrast(void);

/* kiosk_category from a milestone category ("academic", "behavior", "social-emotional",
 * "future-readiness"); unknown ones count as learning. */
kiosk_category kiosk_category_of(const char *category);

#endif
