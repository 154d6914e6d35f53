/* badge_sheet.h — drawing badge cards with cairo: an A4 or Letter PDF sheet of cut-out cards,
 * or one card as a PNG.
 *
 * A card is 85 x 50 mm: the QR code (alphanumeric mode, level M, 1.1 mm modules with the
 * 4-module quiet zone) on the left, the holder's name and class on the right, and a line on
 * what to do when the badge is lost. Ten cards fill a page of either size in two columns, with
 * dashed cut lines between them. The payload is only ever drawn as a QR code. */
#ifndef SP_BADGE_SHEET_H
#define SP_BADGE_SHEET_H

#include <stdbool.h>
#include <stddef.h>

#define SP_CARD_W_MM 85.0
#define SP_CARD_H_MM 50.0
#define SP_CARD_QR_MODULE_MM 1.1
#define SP_CARDS_PER_PAGE 10
#define SP_BADGE_LOST_WORDS "Lost this badge? Tell your teacher\xc2\xa0\xe2\x80\x94 they can print a new one."

typedef enum { SP_PAPER_A4 = 0, SP_PAPER_LETTER = 1 } sp_paper;

typedef struct {
    const char *name;    /* preferred name, else given name (any script) */
    const char *line2;   /* class name or code; "Teacher" for staff */
    const char *payload; /* the QR content, "SP1:..." */
    bool teacher;        /* teacher cards say they open the teacher menu */
} sp_badge_card;

/* Parses "a4" or "letter" (any case). */
bool sp_paper_parse(const char *s, sp_paper *out);

/* Writes a PDF with all cards, SP_CARDS_PER_PAGE per page. footer (may be NULL) is printed
 * small under the cards of every page, with the page number. Returns 0, or -1 with a sentence
 * in err. */
int sp_badge_sheet_pdf(const char *path, sp_paper paper, const sp_badge_card *cards, size_t n, const char *footer,
                       char *err, size_t errlen);

/* Writes one card as a PNG at dpi dots per inch (300 is a good print resolution). */
int sp_badge_card_png(const char *path, const sp_badge_card *card, double dpi, char *err, size_t errlen);

/* Where card number index_on_page (0..SP_CARDS_PER_PAGE-1, row by row) sits on a page of
 * this paper: its top-left corner in millimetres from the page's top-left corner. */
void sp_badge_sheet_card_origin(sp_paper paper, int index_on_page, double *x_mm, double *y_mm);

/* The QR matrix of a payload in alphanumeric mode, level M: width*width bytes, 1 = dark, without
 * the quiet zone. Returns NULL if the payload cannot be encoded. Free with free(). */
unsigned char *sp_badge_qr_matrix(const char *payload, int *width);

#endif
