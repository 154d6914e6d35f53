/* table_out.h — output helpers for admin verbs: aligned text tables, rows as JSON, and safe
 * excerpts of untrusted text for error messages.
 *
 * A table collects rows of cells (copied), then prints them with each column as wide as its
 * widest cell, counted in characters (not bytes) so names with accents line up:
 *
 *     sp_table *t = sp_table_new(3, (const char *[]){"SIS ID", "Name", "Grade"});
 *     sp_table_add(t, (const char *[]){"S1001", "Zoë Ødegaard", "8"});
 *     sp_table_print(t, a->out);
 *     sp_table_free(t);
 */
#ifndef SP_TABLE_OUT_H
#define SP_TABLE_OUT_H

#include <jansson.h>
#include <sqlite3.h>
#include <stddef.h>
#include <stdio.h>

typedef struct sp_table sp_table;

sp_table *sp_table_new(int ncols, const char *const *headers);
/* Adds one row of ncols cells (NULL prints as empty). */
void sp_table_add(sp_table *t, const char *const *cells);
/* Adds the current row of a stepped statement, its first ncols columns as text. */
void sp_table_add_stmt(sp_table *t, sqlite3_stmt *st);
size_t sp_table_rows(const sp_table *t);
/* Prints the header, a rule, and the rows. Prints `empty` instead when there are no rows. */
void sp_table_print(const sp_table *t, FILE *f, const char *empty);
void sp_table_free(sp_table *t);

/* The current row of a stepped statement as a JSON object keyed by column name (integers,
 * reals, text and NULL keep their types; blobs become null). */
json_t *sp_json_from_stmt(sqlite3_stmt *st);

/* Writes a printable excerpt of untrusted text into buf for a message: at most 40 characters
 * (then "…" and the full length), invalid UTF-8 bytes as \xNN and control characters escaped.
 * Returns buf. */
const char *sp_excerpt(const char *s, char *buf, size_t buflen);

#endif
