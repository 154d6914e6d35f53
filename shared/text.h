/* text.h — checks on text that comes from people and files: valid UTF-8, bounded length,
 * no control characters other than newline and tab. Messages say what was expected. */
#ifndef SP_TEXT_H
#define SP_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Number of code points in valid UTF-8 s, or -1 if s is not valid UTF-8 (overlongs,
 * surrogates and code points past U+10FFFF are invalid). */
long sp_utf8_length(const char *s, size_t nbytes);

/* Validates a field: valid UTF-8, at most max_chars code points, no control characters except
 * '\n' and '\t' when multiline. On failure writes e.g. "is not valid UTF-8 (byte 7)" or
 * "is too long (100000 characters; at most 200)" into why and returns false. */
bool sp_text_ok(const char *s, size_t max_chars, bool multiline, char *why, size_t whylen);

/* Decodes one code point at *s, advancing it; returns 0xFFFD for a bad sequence. */
unsigned sp_utf8_next(const char **s);

/* Folds line breaks (and the blanks around them) into single spaces, in place, and trims the
 * ends: a name typed over two lines of a spreadsheet cell becomes one line. */
void sp_text_fold_lines(char *s);

/* Columns a terminal gives s: 2 for each East Asian wide or fullwidth character (Chinese,
 * Japanese, Korean, most emoji), 0 for combining marks and zero-width characters, 1 for the
 * rest. Admin tables line their columns up with it. */
size_t sp_text_columns(const char *s);

#endif
