/* layout_check.h — "never cut, never drop" as a check over one frame's draw list and targets.
 *
 * It reports every problem of the frame:
 *   - a title, a button's words or a chip's words cut to fit ("…"), or any text wider than its
 *     rectangle or outside the window;
 *   - two texts whose inked boxes overlap;
 *   - a touch target under the minimum size, or not wholly on screen (a target in a scrolling
 *     list may be partly scrolled out of view; one outside any list may not);
 *   - a text whose colour against what is drawn under it is below the minimum contrast.
 * The background of a text is the last filled rectangle or circle drawn before it that holds
 * the text's box (the page colour when none does). The replay command expect-layout-clean and
 * the layout matrix test run it on every screen. */
#ifndef SP_LAYOUT_CHECK_H
#define SP_LAYOUT_CHECK_H

#include "ui/ui.h"

typedef struct {
    int min_target;      /* px, both sides */
    double min_contrast; /* 4.5, or 7 in high contrast */
} sp_layout_rules;

/* Number of problems found; the first few are described in msg (one per line). */
int sp_layout_check(const sp_draw_list *dl, const sp_ui *ui, const sp_layout_rules *rules, char *msg, size_t len);

#endif
