/* keyboard.h — the on-screen keyboard (SDL has none on Linux) and the answer box it types into.
 *
 * The keyboard is immediate-mode like the other widgets: sp_keyboard_draw() lays the keys out in
 * a rectangle and registers one ui target per key, with ids in [base_id, base_id +
 * SP_KB_ID_COUNT). A tapped id goes through sp_keyboard_edit(), a pure function that says what
 * the key means (insert this UTF-8 text, delete one character, switch layer, shift, done), and
 * then sp_keyboard_apply() updates the keyboard's own state (layer, one-shot shift, caps lock).
 * The id encodes the layer the key was drawn on, so a tap is read as the key the student saw.
 *
 * Layers: lowercase letters (QWERTY), numbers with common punctuation, and accented letters; shift
 * gives capitals on the letter and accent layers and lasts one character; shift twice quickly is
 * caps lock. Every key is at least SP_KB_MIN_KEY px in both directions when the rectangle is wide
 * enough (a 10-key row in 700 px).
 *
 * The answer box (sp_answer_field) holds one line of text (wrapped to its box) of at most
 * SP_ANSWER_MAX_CHARS characters; it refuses text that is not valid UTF-8, has control
 * characters, or would pass the limit, and backspace removes one whole character. It draws the
 * text with a cursor at its end and a counter "37 / 120" that turns to the warning colour at the
 * limit. */
#ifndef SP_KEYBOARD_H
#define SP_KEYBOARD_H

#include "reflect.h"
#include "ui/ui.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SP_KB_MIN_KEY 64
#define SP_KB_LAYER_IDS 64 /* ids per layer: key index within the layer */
#define SP_KB_ID_COUNT (3 * SP_KB_LAYER_IDS)
#define SP_KB_MAX_KEYS 48  /* keys on one layer */
#define SP_KB_DOUBLE_TAP_MS 450

typedef enum { SP_KB_LETTERS = 0, SP_KB_NUMBERS = 1, SP_KB_ACCENTS = 2 } sp_kb_layer;

typedef struct {
    sp_kb_layer layer;
    bool shift;          /* capitals for the next character */
    bool caps;           /* capitals until shift is tapped again */
    uint64_t shift_at;   /* when shift was last turned on (double tap = caps lock) */
} sp_keyboard;

typedef enum {
    SP_KB_EDIT_NONE = 0,  /* not a key of this keyboard */
    SP_KB_EDIT_INSERT,    /* insert text */
    SP_KB_EDIT_BACKSPACE, /* delete the character before the cursor */
    SP_KB_EDIT_SHIFT,     /* shift / caps lock */
    SP_KB_EDIT_LAYER,     /* show another layer */
    SP_KB_EDIT_DONE,      /* the student is finished typing */
} sp_kb_edit_kind;

typedef struct {
    sp_kb_edit_kind kind;
    char text[8];         /* INSERT: one character (or a space), UTF-8 */
    sp_kb_layer layer;    /* LAYER: the layer to show */
} sp_kb_edit;

/* Key rectangles of one layer laid out in area (see sp_keyboard_layout). */
typedef struct {
    sp_rect rect[SP_KB_MAX_KEYS];
    int id_offset[SP_KB_MAX_KEYS]; /* the key's id minus base_id */
    size_t n;
    sp_rect bounds;               /* all keys together (centred in the area) */
} sp_kb_layout;

void sp_keyboard_init(sp_keyboard *kb);

/* Height the keyboard wants for a given width: four rows of keys as tall as max_key_h allows
 * but at least SP_KB_MIN_KEY, and keys no taller than they are wide plus a quarter. */
int sp_keyboard_height(int width, int gap, int max_key_h);
/* Lays out the keys of a layer in area: four rows on a grid ten keys wide; wide keys (shift,
 * delete, space, Done) span several cells. Keys get at most max_key_w wide per cell so that a
 * large screen keeps a compact keyboard. */
void sp_keyboard_layout(sp_kb_layer layer, sp_rect area, int gap, int max_key_w, sp_kb_layout *out);

/* What tapping the key with this id means with the keyboard in state kb (shift decides
 * capitals). SP_KB_EDIT_NONE for an id outside [base_id, base_id + SP_KB_ID_COUNT). */
sp_kb_edit sp_keyboard_edit(const sp_keyboard *kb, int base_id, int id);
/* Updates layer and shift after an edit: inserting ends a one-shot shift, shift toggles (twice
 * within SP_KB_DOUBLE_TAP_MS locks capitals), a layer key switches layers. */
void sp_keyboard_apply(sp_keyboard *kb, const sp_kb_edit *e, uint64_t now);

/* The label shown on a key ("a", "A", "Shift", "Delete", "123", "àé", "space", "Done"). */
const char *sp_keyboard_label(const sp_keyboard *kb, int id_offset);

typedef struct {
    int text_size;        /* key labels */
    int gap;              /* between keys */
    int max_key_h, max_key_w;
    sp_color key_bg, key_text, special_bg, special_text, active_bg, active_text;
} sp_kb_style;

/* Draws the keyboard in area and registers its keys as ui targets. */
void sp_keyboard_draw(sp_ui *ui, const sp_keyboard *kb, sp_rect area, int base_id, const sp_kb_style *style);

/* ---- the answer box ------------------------------------------------------------------------ */

typedef struct {
    char text[SP_ANSWER_MAX_BYTES]; /* valid UTF-8, at most SP_ANSWER_MAX_CHARS characters */
    size_t len;                     /* bytes */
    bool refused;                   /* the last insert was refused at the limit (warning colour) */
} sp_answer_field;

/* Empties the field and overwrites what it held. */
void sp_answer_field_clear(sp_answer_field *f);
/* Replaces the contents with text when it is a valid answer; false (field unchanged) if not. */
bool sp_answer_field_set(sp_answer_field *f, const char *text);
/* Inserts text at the end. Refuses (returns false, field unchanged) text that is empty, not valid
 * UTF-8 or has control characters; refuses text that would pass SP_ANSWER_MAX_CHARS and marks
 * the field refused. */
bool sp_answer_field_insert(sp_answer_field *f, const char *text);
/* Removes the last whole character; false when empty. */
bool sp_answer_field_backspace(sp_answer_field *f);
size_t sp_answer_field_chars(const sp_answer_field *f);
/* "37 / 120" */
void sp_answer_field_counter(const sp_answer_field *f, char *out, size_t len);

typedef struct {
    int text_size, counter_size, pad, radius, border;
    sp_color bg, border_color, text, placeholder, cursor, counter, warning;
} sp_answer_style;

/* The box in r (text wrapped inside, a cursor after the last character, the placeholder when
 * empty) and the counter right-aligned in counter_r. The student's text has role STUDENT. */
void sp_answer_field_draw(sp_ui *ui, const sp_answer_field *f, sp_rect r, sp_rect counter_r, const char *placeholder,
                          const sp_answer_style *style);

#endif
