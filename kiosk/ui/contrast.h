/* contrast.h — WCAG 2 contrast ratio between two colours, for the tokens test and the layout
 * check (a text's colour against what is drawn under it). */
#ifndef SP_CONTRAST_H
#define SP_CONTRAST_H

#include "ui/draw_list.h"

/* (L1 + 0.05) / (L2 + 0.05) with L the relative luminance; 1.0 .. 21.0. */
double sp_contrast_ratio(sp_color a, sp_color b);

#endif
