/* avatar.h — the student's initial in a circle of their own colour (design brief: belonging).
 *
 * The colour is picked from a small set by the person's id, so a student sees the same colour
 * on every visit; each set colour carries white text at 4.5:1 (7:1 in high contrast). */
#ifndef KIOSK_AVATAR_H
#define KIOSK_AVATAR_H

#include "app/theme.h"

/* Draws the avatar of `name` (its first letter) in the square r. */
void kiosk_avatar(sp_ui *ui, const kiosk_theme *t, sp_rect r, const char *name, long long person_id);
/* The colour of a person's avatar. */
sp_color kiosk_avatar_color(const kiosk_theme *t, long long person_id);

#endif
