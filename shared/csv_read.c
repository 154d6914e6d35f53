/* csv_read.c — CSV reading on top of libcsv (see csv_read.h).
 *
 * libcsv does the quoting rules; this file adds what it lacks: line numbers and recovery. Bytes
 * are fed in runs that never cross a line end, so the line counter is always exact when a record
 * starts or an error is raised. A record starts at the first byte that is neither a line end nor
 * leading blank space (libcsv skips those between records). In strict mode libcsv stops at a
 * stray quote; we note the line, start a fresh parser at the next line and carry on, so every
 * bad line is reported rather than only the first. */
#include "csv_read.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    sp_csv_table *t;
    sp_csv_record_fn fn;
    void *fnctx;
    char **fields;
    int nfields, cap;
    long rec_line;
    bool in_record;
    bool bad_record; /* a NUL byte was found: the record is reported, not delivered */
    bool stopped;
    bool nomem;
    bool too_many_fields; /* the current record passed SP_CSV_MAX_FIELDS */
    size_t delivered;
} stream_ctx;

void sp_csv_add_error(sp_csv_table *t, long line, const char *fmt, ...)
{
    if (t->nerrors >= SP_CSV_MAX_ERRORS) {
        t->nerrors_dropped++;
        return;
    }
    if (t->nerrors % 16 == 0) {
        sp_csv_error *grown = realloc(t->errors, (t->nerrors + 16) * sizeof *grown);
        if (!grown)
            return;
        t->errors = grown;
    }
    sp_csv_error *e = &t->errors[t->nerrors++];
    e->line = line;
    e->seq = t->nerrors - 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
}

static bool formula_start(char ch) { return ch && strchr("=+-@\t\r", ch) != NULL; }

bool sp_csv_needs_formula_guard(const char *v, size_t len) { return len > 0 && formula_start(v[0]); }

static void drop_fields(stream_ctx *c)
{
    for (int i = 0; i < c->nfields; i++)
        free(c->fields[i]);
    c->nfields = 0;
    c->bad_record = false;
}

static void on_field(void *s, size_t len, void *data)
{
    stream_ctx *c = data;
    if (c->stopped)
        return;
    if (c->nfields >= SP_CSV_MAX_FIELDS) {
        if (!c->too_many_fields)
            sp_csv_add_error(c->t, c->rec_line, "has more than %d values (the most a row may have; is this a CSV "
                             "file with one record per line?)", SP_CSV_MAX_FIELDS);
        c->too_many_fields = c->bad_record = true;
        return;
    }
    if (c->nfields == c->cap) {
        int cap = c->cap ? c->cap * 2 : 16;
        char **grown = realloc(c->fields, (size_t)cap * sizeof *grown);
        if (!grown) {
            c->nomem = c->stopped = true;
            return;
        }
        c->fields = grown;
        c->cap = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy) {
        c->nomem = c->stopped = true;
        return;
    }
    /* A line break inside a quoted value becomes '\n' whatever the file's line ends are. */
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        char ch = ((const char *)s)[i];
        if (ch == '\r' && i + 1 < len && ((const char *)s)[i + 1] == '\n')
            continue;
        copy[o++] = ch;
    }
    copy[o] = 0;
    len = o;
    if (len >= 2 && copy[0] == '\'' && formula_start(copy[1])) { /* an export's formula guard */
        memmove(copy, copy + 1, len);
        len--;
    }
    if (memchr(copy, 0, len) && !c->bad_record) {
        sp_csv_add_error(c->t, c->rec_line, "contains a NUL byte (is this a text CSV file?)");
        c->bad_record = true;
    }
    c->fields[c->nfields++] = copy;
}

static void on_row(int term, void *data)
{
    (void)term;
    stream_ctx *c = data;
    c->in_record = false;
    if (c->stopped) {
        drop_fields(c);
        return;
    }
    bool empty = true;
    for (int i = 0; i < c->nfields && empty; i++)
        empty = c->fields[i][0] == 0;
    c->too_many_fields = false;
    if (!empty && !c->bad_record && c->delivered > SP_CSV_MAX_RECORDS) { /* header + MAX data rows */
        sp_csv_add_error(c->t, c->rec_line, "is past the %d rows one import may hold: split the file and import "
                         "the parts one after the other", SP_CSV_MAX_RECORDS);
        c->stopped = true;
    } else if (!empty && !c->bad_record) {
        sp_csv_record rec = {c->rec_line, c->nfields, c->fields};
        c->delivered++;
        if (!c->fn(c->fnctx, &rec))
            c->stopped = true;
    }
    drop_fields(c);
}

static bool is_line_end(unsigned char b) { return b == '\r' || b == '\n'; }

size_t sp_csv_stream(const char *data, size_t len, sp_csv_record_fn fn, void *ctx, sp_csv_table *t)
{
    const unsigned char opts = CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL;
    const unsigned char *d = (const unsigned char *)data;
    stream_ctx c = {.t = t, .fn = fn, .fnctx = ctx};
    struct csv_parser p;
    if (csv_init(&p, opts) != 0)
        return 0;
    size_t i = 0;
    long line = 1;
    if (len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF)
        i = 3;
    while (i < len && !c.stopped) {
        unsigned char b = d[i];
        size_t run = 1;
        if (!c.in_record && !is_line_end(b) && b != ' ' && b != '\t') {
            c.in_record = true;
            c.rec_line = line;
        }
        if (c.in_record && !is_line_end(b))
            while (i + run < len && !is_line_end(d[i + run]))
                run++;
        size_t done = csv_parse(&p, d + i, run, on_field, on_row, &c);
        if (done < run) {
            if (csv_error(&p) != CSV_EPARSE) {
                c.nomem = true;
                break;
            }
            if (c.rec_line == line)
                sp_csv_add_error(t, line,
                                 "has a stray quote (\"): a value containing quotes must be enclosed in quotes, "
                                 "with each inner quote written twice");
            else
                sp_csv_add_error(t, line,
                                 "has a stray quote (\") after a quoted value that began on line %ld", c.rec_line);
            /* Start afresh after this line; the damaged record is dropped. */
            csv_free(&p);
            csv_init(&p, opts);
            drop_fields(&c);
            c.in_record = false;
            i += done;
            while (i < len && !is_line_end(d[i]))
                i++;
            continue;
        }
        i += run;
        if (b == '\n' || (b == '\r' && (i >= len || d[i] != '\n')))
            line++;
    }
    if (!c.stopped && csv_fini(&p, on_field, on_row, &c) != 0 && csv_error(&p) == CSV_EPARSE)
        sp_csv_add_error(t, c.rec_line,
                         "opens a quoted value that is never closed (everything after it was swallowed; "
                         "add the missing quote)");
    drop_fields(&c);
    free(c.fields);
    csv_free(&p);
    if (c.nomem) {
        sp_csv_add_error(t, 0, "ran out of memory while reading");
        return (size_t)-1;
    }
    return c.delivered;
}

typedef struct {
    sp_csv_table *t;
    bool nomem;
} build_ctx;

static bool take_record(sp_csv_table *t, const sp_csv_record *rec);

static bool add_record(void *ctx, const sp_csv_record *rec)
{
    build_ctx *b = ctx;
    if (!take_record(b->t, rec)) {
        b->nomem = true;
        return false;
    }
    return true;
}

/* Moves the strings of rec into t (the header into t->columns); false when memory ran out. */
static bool take_record(sp_csv_table *t, const sp_csv_record *rec)
{
    if (!t->columns) {
        t->columns = calloc((size_t)rec->nfields, sizeof *t->columns);
        if (!t->columns)
            return false;
        t->ncols = rec->nfields;
        t->header_line = rec->line;
        for (int i = 0; i < rec->nfields; i++) {
            t->columns[i] = rec->fields[i];
            rec->fields[i] = NULL; /* taken: the stream frees only what is left */
        }
        for (int i = 0; i < t->ncols; i++)
            for (int j = 0; j < i; j++)
                if (t->columns[i][0] && strcasecmp(t->columns[i], t->columns[j]) == 0)
                    sp_csv_add_error(t, rec->line, "names the column '%s' twice", t->columns[i]);
        return true;
    }
    int n = rec->nfields;
    while (n > t->ncols && rec->fields[n - 1][0] == 0) /* trailing empty cells */
        n--;
    if (n > t->ncols) {
        sp_csv_add_error(t, rec->line,
                         "has %d values but the header row names %d columns (is a comma inside a value "
                         "not enclosed in quotes?)",
                         n, t->ncols);
        return true;
    }
    if (t->nrecords % 256 == 0) {
        sp_csv_record *grown = realloc(t->records, (t->nrecords + 256) * sizeof *grown);
        if (!grown)
            return false;
        t->records = grown;
    }
    sp_csv_record *r = &t->records[t->nrecords];
    r->line = rec->line;
    r->nfields = n;
    r->fields = malloc((size_t)(n ? n : 1) * sizeof *r->fields);
    if (!r->fields)
        return false;
    for (int i = 0; i < n; i++) {
        r->fields[i] = rec->fields[i];
        rec->fields[i] = NULL;
    }
    t->nrecords++;
    return true;
}

bool sp_csv_read_buffer(const char *data, size_t len, sp_csv_table *t)
{
    build_ctx b = {t, false};
    if (sp_csv_stream(data, len, add_record, &b, t) == (size_t)-1 || b.nomem)
        return false;
    if (!t->columns)
        sp_csv_add_error(t, 0, "is empty: expected a header row naming the columns, then one row per record");
    return true;
}

bool sp_csv_read_file(const char *path, sp_csv_table *t, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
        return false;
    }
    /* One byte more than the limit is read, to tell "exactly the limit" from "more". */
    size_t cap = 1 << 16, len = 0, n;
    char *buf = malloc(cap);
    while (buf && len <= SP_CSV_MAX_BYTES && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap && len <= SP_CSV_MAX_BYTES) {
            size_t want = cap * 2 > SP_CSV_MAX_BYTES + 1 ? SP_CSV_MAX_BYTES + 1 : cap * 2;
            char *grown = realloc(buf, want);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap = want;
        }
    }
    bool failed = buf ? ferror(f) != 0 : true;
    fclose(f);
    if (!failed && len > SP_CSV_MAX_BYTES) {
        snprintf(err, errlen,
                 "%s is larger than %zu MiB, the most one import reads (is it the right file? a CSV export of a "
                 "whole school is far smaller; split a bigger one and import the parts)",
                 path, SP_CSV_MAX_BYTES >> 20);
        free(buf);
        return false;
    }
    if (failed) {
        snprintf(err, errlen, "cannot read %s: %s", path, buf ? strerror(errno) : "out of memory");
        free(buf);
        return false;
    }
    bool ok = sp_csv_read_buffer(buf, len, t);
    free(buf);
    if (!ok)
        snprintf(err, errlen, "cannot read %s: out of memory", path);
    return ok;
}

int sp_csv_column(const sp_csv_table *t, const char *name)
{
    for (int i = 0; i < t->ncols; i++)
        if (strcasecmp(t->columns[i], name) == 0)
            return i;
    return -1;
}

const char *sp_csv_value(const sp_csv_record *r, int col)
{
    if (col < 0 || col >= r->nfields)
        return "";
    return r->fields[col];
}

void sp_csv_free(sp_csv_table *t)
{
    for (int i = 0; i < t->ncols; i++)
        free(t->columns[i]);
    free(t->columns);
    for (size_t r = 0; r < t->nrecords; r++) {
        for (int i = 0; i < t->records[r].nfields; i++)
            free(t->records[r].fields[i]);
        free(t->records[r].fields);
    }
    free(t->records);
    free(t->errors);
    memset(t, 0, sizeof *t);
}
