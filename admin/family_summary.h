/* family_summary.h — the one-page family summary of a student (SPEC section 9), as PDF pages laid
 * out with Pango on cairo, or as plain text.
 *
 * A page shows the student's name, class and teacher; each shared goal (kiosk- or
 * conference-visible) with where the student started, where they are now, the goal and its
 * date, the light in words (with a shape, never colour alone), a small chart, the support and
 * what the family can do at home; recent celebrations; and how to reach the teacher and the
 * school. A student without shared goals gets a page that says so kindly. Every word for the
 * family goes through gettext (_()), so the page is in whatever language is selected. */
#ifndef SP_FAMILY_SUMMARY_H
#define SP_FAMILY_SUMMARY_H

#include "badge_sheet.h"
#include "conference.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct {
    sp_paper paper;
    bool rtl;   /* the page's language is written right to left: the layout is mirrored */
    int today;  /* day number the summary is made on */
} sp_family_opts;

/* Writes one page per student into f (a PDF stream). Returns 0, or -1 with a sentence in err
 * (a write that failed is a failure). */
int sp_family_pdf(FILE *f, const sp_conference *students, size_t n, const sp_family_opts *o, char *err,
                  size_t errlen);

/* The same summary as plain text (UTF-8), one student after another. */
void sp_family_text(FILE *out, const sp_conference *c, const sp_family_opts *o);

/* The light of a goal in words for a family ("On track", "Goal met!", ...), translated. */
const char *sp_family_light_words(const sp_goal_view *v);
/* "3 rubric points", "65%" — a value with its unit. */
void sp_family_value(double v, const char *unit, char *out, size_t len);

#endif
