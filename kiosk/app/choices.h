/* choices.h — the choice-chip grid of the reflection pages ("What got in the way?", "What
 * shows it?", the next-step questions): chips with the page's choices, then "Type my own".
 *
 * Every reflection page uses the same chip (sp_ui_chip: outlined, filled with a check when
 * chosen), in one or two columns (three on a wide screen when that shows every choice). The
 * chips come most relevant first. Nothing is left out: when they do not all fit, the grid
 * shows a page of them and a "More choices" chip (KIOSK_ACT_MORE, handled by the app) that
 * turns to the next page. "Type my own" always shows; once the answer is typed rather than
 * picked, its slot shows the typed words as a chosen chip, and tapping it types again. Tapping
 * a picked chip again is the screen's to handle (all three take the choice back). */
#ifndef KIOSK_CHOICES_H
#define KIOSK_CHOICES_H

#include "app/app.h"
#include "ui/ui.h"

#include <stdbool.h>
#include <stddef.h>

/* Kept for the screens' sake: both looks draw the same chip now. */
typedef enum { KIOSK_CHIPS_CENTRED, KIOSK_CHIPS_LEFT } kiosk_chip_look;

typedef struct {
    const char *const *chips; /* the page's choices, most relevant first; a NULL one shows empty */
    size_t n;
    const char *answer;       /* the answer so far: a chip's words, typed words, or "" */
    int chip_id;              /* chip k taps chip_id + k */
    int type_id;              /* "Type my own", and the typed answer in its place */
    sp_text_role role;        /* of the chips' words (a typed answer is always SP_ROLE_STUDENT) */
    kiosk_chip_look look;
    int chip_h;               /* 0: two lines of the look's words plus padding; never under touch size */
} kiosk_choices;

/* True when the answer was typed rather than picked from the chips. */
bool kiosk_choices_typed(const kiosk_choices *ch);

/* Lays out and draws the chips and "Type my own" in area. */
void kiosk_choices_grid(sp_app *app, sp_ui *ui, sp_rect area, const kiosk_choices *ch);

/* A whole chip page in c: the grid, and under it Skip on the left and Next on the right (Save
 * with a check when last). */
void kiosk_choices_page(sp_app *app, sp_ui *ui, sp_rect c, const kiosk_choices *ch, int skip_id, int next_id,
                        bool last);

#endif
