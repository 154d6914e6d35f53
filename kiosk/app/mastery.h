/* mastery.h — the state the two mastery-tracker screens share: the student's current units
 * (loaded when "My learning targets" opens) and the rating being made. It lives in
 * kiosk_person, so a session end frees the units and wipes the draft with everything else of
 * the student.
 *
 * screen_mastery.c shows a unit's learning targets as "I can …" cards with the student's latest
 * rating and, when a teacher has rated, the teacher's beside it (never averaged).
 * screen_mastery_target.c rates one target: 1-4, then "What shows it?", then "My next step",
 * then saves through saving.h and returns to the unit with "Next target". */
#ifndef KIOSK_MASTERY_H
#define KIOSK_MASTERY_H

#include "app/app.h"
#include "reflect.h"
#include "ui/ui.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum { KIOSK_MASTERY_RATE = 0, KIOSK_MASTERY_EVIDENCE = 1, KIOSK_MASTERY_NEXT = 2 } kiosk_mastery_step;

typedef struct {
    bool loaded;              /* units below are this student's, read when the tracker opened */
    int load_rc;              /* SQLITE_OK, or why they could not be read */
    bool enrolled;            /* in at least one class (tells "no class" from "no current unit") */
    sp_mastery_unit *units;   /* (owned) */
    size_t nunits;
    int unit;                 /* unit shown */
    int scroll;               /* target list scroll offset in pixels */
    bool saved;               /* a rating was just saved: the unit page offers "Next target" */
    int saved_target;         /* which one */
    bool reveal;              /* scroll the saved one into view on the next frame */

    /* The rating being made (a draft until saved). */
    bool rating_open;
    int target;               /* index into the shown unit's targets */
    kiosk_mastery_step step;
    int rating;               /* 1..4, 0 until chosen */
    char evidence[SP_ANSWER_MAX_BYTES];
    char next[SP_ANSWER_MAX_BYTES];
    int chip_scroll;          /* chip list scroll offset in pixels */
} kiosk_mastery;

/* Frees the units and wipes the draft (session end). */
void kiosk_mastery_free(kiosk_mastery *m);

/* The unit shown and the target being rated; NULL when there is none. */
const sp_mastery_unit *kiosk_mastery_unit(const sp_app *app);
sp_mastery_target *kiosk_mastery_target(sp_app *app);

/* Opens the rating of target i of the shown unit with an empty draft. */
void kiosk_mastery_rate(sp_app *app, int i, uint64_t now);

/* The long header title when it fits between Back and "I'm done", else the short one. */
const char *kiosk_mastery_title(const sp_app *app, const char *long_title, const char *short_title);

/* The 1-4 scale as a picture: four rising steps, the first `rating` of them filled. */
void kiosk_mastery_steps(sp_ui *ui, sp_rect r, int rating, sp_color fill, sp_color empty);

#endif
