/* roster_import.h — the all-or-nothing CSV upsert that `class import` and `staff import` share.
 *
 * A kind describes one table: its columns (the first is the key that rows are matched by), how
 * many of them are required, the statements that find, insert and update a row, and two
 * callbacks: check() reports a record's problems with sp_roster_bad(), bind() binds a checked
 * record to the insert (id 0) or update statement. The driver (roster_import.c) reads the file
 * with csv_read.h, checks the header, every record and that no key appears twice, and then
 * either reports every problem and writes nothing (exit 2), reports what would happen
 * (--dry-run), or upserts every record inside the command's one transaction. */
#ifndef SP_ROSTER_IMPORT_H
#define SP_ROSTER_IMPORT_H

#include "admin.h"
#include "csv_read.h"

#define SP_ROSTER_MAX_COLUMNS 8

typedef struct sp_roster_import sp_roster_import;

typedef struct {
    const char *singular;                       /* "class": for the summary */
    const char *plural;                         /* "classes": the summary and the JSON key */
    const char *columns[SP_ROSTER_MAX_COLUMNS]; /* column names, NULL-terminated; [0] is the key */
    int nrequired;                              /* the first nrequired columns must be present and filled */
    const char *find_sql;                       /* ?1 = key → the stored row's id */
    const char *lookup_sql;                     /* ?1 → id of a row the records refer to, or NULL */
    const char *insert_sql;                     /* bound by bind() with id 0 */
    const char *update_sql;                     /* bound by bind() with the stored row's id */
    void (*check)(sp_roster_import *imp, const sp_csv_record *r);
    void (*bind)(sp_roster_import *imp, sqlite3_stmt *st, const sp_csv_record *r, long long id);
} sp_roster_kind;

struct sp_roster_import {
    sp_admin *a;
    const sp_roster_kind *kind;
    sp_csv_table *t;
    int col[SP_ROSTER_MAX_COLUMNS]; /* file column of each kind column, -1 when the file lacks it */
    sqlite3_stmt *lookup;           /* kind->lookup_sql, prepared */
};

/* Runs `NOUN import FILE.csv [--dry-run]` for kind. */
int sp_roster_import_run(sp_admin *a, int argc, char **argv, const sp_roster_kind *kind);

/* The record's value in kind column k ("" when the file lacks the column). */
const char *sp_roster_value(const sp_roster_import *imp, const sp_csv_record *r, int k);

/* Whether the file has kind column k. */
bool sp_roster_has(const sp_roster_import *imp, int k);

/* Adds "column NAME: expected EXPECTED, got 'VALUE'" for the record's line. */
void sp_roster_bad(sp_roster_import *imp, const sp_csv_record *r, int k, const char *expected);

/* Checks column k as one line of UTF-8 text of at most max characters; required when k is one
 * of the kind's required columns. */
void sp_roster_check_text(sp_roster_import *imp, const sp_csv_record *r, int k, size_t max);
/* The same for a name: a line break in it (a quoted spreadsheet cell over two lines) becomes a
 * space first, as the import's --help promises. */
void sp_roster_check_name(sp_roster_import *imp, const sp_csv_record *r, int k, size_t max);

/* Runs the lookup statement for key: the row's id, or 0. */
long long sp_roster_lookup(sp_roster_import *imp, const char *key);

/* Binds column k's value to parameter i, or NULL when the file lacks the column (so an update
 * keeps the stored value through coalesce). */
void sp_roster_bind_text(sp_roster_import *imp, sqlite3_stmt *st, int i, const sp_csv_record *r, int k);

#endif
