/* csv_read.h — reading CSV files the way spreadsheets write them, for every importer.
 *
 * Accepts a UTF-8 byte-order mark, CRLF / LF / CR line ends, quoted fields holding commas, quotes
 * ("" inside quotes) and line breaks. The first non-empty record is the header; columns are found
 * by name, case-insensitively. Every record remembers the line it starts on (the header is line
 * 1 when the file starts with it), so importers can say "line 7, column grade: ...".
 *
 * Problems with the file's structure (a quote never closed, a stray quote, more values than the
 * header has columns, a NUL byte) are collected in the table's error list with their line numbers
 * rather than stopping at the first, so a person can fix them all in one go. Records whose fields
 * are all empty (",,,," rows that spreadsheets leave behind) are skipped. A line break inside a
 * quoted value is delivered as '\n' (CRLF folded).
 *
 * Text is not checked for UTF-8 here: the importer checks each field with the limit it needs.
 *
 * Every import is bounded, so an endless stream (/dev/zero) or a runaway file stops within a
 * second with a clear error instead of filling memory: a file is read up to SP_CSV_MAX_BYTES,
 * holds at most SP_CSV_MAX_RECORDS data rows of at most SP_CSV_MAX_FIELDS values each, and the
 * error list keeps the first SP_CSV_MAX_ERRORS problems and counts the rest. */
#ifndef SP_CSV_READ_H
#define SP_CSV_READ_H

#include <stdbool.h>
#include <stddef.h>

/* Formula guard (the OWASP CSV-injection rule): exports put an apostrophe before a text value
 * that starts with = + - @, a tab or a carriage return, and the reader takes exactly that
 * apostrophe off again, so "'=SUM(A1)" is read as "=SUM(A1)" and exports round-trip. */
bool sp_csv_needs_formula_guard(const char *v, size_t len);

#define SP_CSV_MAX_BYTES ((size_t)64 << 20) /* 64 MiB */
#define SP_CSV_MAX_RECORDS 1000000
#define SP_CSV_MAX_FIELDS 1000
#define SP_CSV_MAX_ERRORS 1000

typedef struct {
    long line;     /* line the record starts on (1-based) */
    int nfields;
    char **fields; /* NUL-terminated values, surrounding spaces of unquoted fields trimmed */
} sp_csv_record;

typedef struct {
    long line;         /* 0 when the problem concerns the whole file */
    size_t seq;        /* order of reporting, to keep a stable order when sorting by line */
    char message[240]; /* e.g. "a quoted value starts here but its closing quote is missing" */
} sp_csv_error;

typedef struct {
    int ncols;
    char **columns;          /* header names as written (trimmed) */
    long header_line;
    sp_csv_record *records;  /* data records, header excluded */
    size_t nrecords;
    sp_csv_error *errors;
    size_t nerrors;
    size_t nerrors_dropped;  /* problems found beyond SP_CSV_MAX_ERRORS (counted, not kept) */
} sp_csv_table;

/* Called once per record (header included) while streaming; return false to stop reading. */
typedef bool (*sp_csv_record_fn)(void *ctx, const sp_csv_record *rec);

/* Streams the records of data[0..len) to fn; structural problems are appended to t->errors
 * (only the errors part of t is used). Returns the number of records delivered, or (size_t)-1
 * when memory ran out. The callback may take a field's string by replacing it (the stream frees
 * whatever pointers the record holds afterwards). */
size_t sp_csv_stream(const char *data, size_t len, sp_csv_record_fn fn, void *ctx, sp_csv_table *t);

/* Reads a whole CSV held in memory into t (zeroed by the caller or fresh). Returns true when the
 * file could be read at all (it may still carry errors in t->errors); false only when memory ran
 * out. A missing header row is reported as an error. */
bool sp_csv_read_buffer(const char *data, size_t len, sp_csv_table *t);

/* Same for a file. Returns false (with a sentence in err) when the file cannot be read. */
bool sp_csv_read_file(const char *path, sp_csv_table *t, char *err, size_t errlen);

/* Index of the column named `name` (case-insensitive, ASCII), or -1. */
int sp_csv_column(const sp_csv_table *t, const char *name);

/* A record's value in column col, or "" when col < 0 or the record is short. */
const char *sp_csv_value(const sp_csv_record *r, int col);

/* Appends an error (printf-style) to t's error list: importers use it for their own checks so
 * that one list holds everything wrong with the file. */
void sp_csv_add_error(sp_csv_table *t, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

void sp_csv_free(sp_csv_table *t);

#endif
