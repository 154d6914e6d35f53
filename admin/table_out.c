/* table_out.c — aligned text tables, rows as JSON, message excerpts (see table_out.h). */
#include "table_out.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

struct sp_table {
    int ncols;
    char **cells; /* row-major, header row first */
    size_t rows;  /* including the header */
    size_t cap;
};

static char *dup_or_empty(const char *s)
{
    char *d = strdup(s ? s : "");
    if (!d) {
        fputs("signpost-admin: out of memory\n", stderr);
        exit(1);
    }
    return d;
}

sp_table *sp_table_new(int ncols, const char *const *headers)
{
    sp_table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->ncols = ncols;
    sp_table_add(t, headers);
    return t;
}

void sp_table_add(sp_table *t, const char *const *cells)
{
    if (!t)
        return;
    if (t->rows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        char **grown = realloc(t->cells, cap * (size_t)t->ncols * sizeof *grown);
        if (!grown)
            return;
        t->cells = grown;
        t->cap = cap;
    }
    for (int c = 0; c < t->ncols; c++)
        t->cells[t->rows * (size_t)t->ncols + (size_t)c] = dup_or_empty(cells[c]);
    t->rows++;
}

void sp_table_add_stmt(sp_table *t, sqlite3_stmt *st)
{
    if (!t)
        return;
    const char *cells[32];
    int n = t->ncols < 32 ? t->ncols : 32;
    for (int c = 0; c < n; c++)
        cells[c] = (const char *)sqlite3_column_text(st, c);
    sp_table_add(t, cells);
}

size_t sp_table_rows(const sp_table *t) { return t && t->rows ? t->rows - 1 : 0; }

static size_t width_of(const char *s) { return sp_text_columns(s); }

void sp_table_print(const sp_table *t, FILE *f, const char *empty)
{
    if (!t)
        return;
    if (t->rows <= 1) {
        if (empty)
            fprintf(f, "%s\n", empty);
        return;
    }
    size_t *w = calloc((size_t)t->ncols, sizeof *w);
    if (!w)
        return;
    for (size_t r = 0; r < t->rows; r++)
        for (int c = 0; c < t->ncols; c++) {
            size_t cw = width_of(t->cells[r * (size_t)t->ncols + (size_t)c]);
            if (cw > w[c])
                w[c] = cw;
        }
    for (size_t r = 0; r < t->rows; r++) {
        for (int c = 0; c < t->ncols; c++) {
            const char *cell = t->cells[r * (size_t)t->ncols + (size_t)c];
            /* Multi-line cells (notes) would break the grid: show line breaks as spaces. */
            for (const char *p = cell; *p; p++)
                fputc(*p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p, f);
            if (c + 1 < t->ncols)
                fprintf(f, "%*s", (int)(w[c] - width_of(cell) + 2), "");
        }
        fputc('\n', f);
        if (r == 0) {
            for (int c = 0; c < t->ncols; c++) {
                for (size_t k = 0; k < w[c]; k++)
                    fputc('-', f);
                if (c + 1 < t->ncols)
                    fputs("  ", f);
            }
            fputc('\n', f);
        }
    }
    free(w);
}

void sp_table_free(sp_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->rows * (size_t)t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    free(t);
}

json_t *sp_json_from_stmt(sqlite3_stmt *st)
{
    json_t *o = json_object();
    int n = sqlite3_column_count(st);
    for (int c = 0; c < n; c++) {
        json_t *v;
        switch (sqlite3_column_type(st, c)) {
        case SQLITE_INTEGER:
            v = json_integer(sqlite3_column_int64(st, c));
            break;
        case SQLITE_FLOAT:
            v = json_real(sqlite3_column_double(st, c));
            break;
        case SQLITE_TEXT:
            v = json_stringn((const char *)sqlite3_column_text(st, c), (size_t)sqlite3_column_bytes(st, c));
            break;
        default:
            v = json_null();
        }
        json_object_set_new(o, sqlite3_column_name(st, c), v ? v : json_null());
    }
    return o;
}

/* Length of the valid UTF-8 sequence at p, or 0 when the byte does not start one. */
static size_t valid_seq(const unsigned char *p)
{
    size_t n = p[0] < 0x80 ? 1 : (p[0] & 0xE0) == 0xC0 ? 2 : (p[0] & 0xF0) == 0xE0 ? 3 : (p[0] & 0xF8) == 0xF0 ? 4 : 0;
    for (size_t i = 1; i < n; i++)
        if (!p[i])
            return 0;
    return n && sp_utf8_length((const char *)p, n) == 1 ? n : 0;
}

const char *sp_excerpt(const char *s, char *buf, size_t buflen)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t o = 0, chars = 0, total = 0;
    if (!buflen)
        return buf;
    for (const unsigned char *q = p; *q; q++)
        if ((*q & 0xC0) != 0x80)
            total++;
    while (*p && o + 16 < buflen) {
        if (chars == 40) {
            snprintf(buf + o, buflen - o, "… (%zu characters)", total);
            return buf;
        }
        size_t n = valid_seq(p);
        if (!n) {
            o += (size_t)snprintf(buf + o, buflen - o, "\\x%02X", *p);
            p++;
        } else if (n == 1 && (*p < 0x20 || *p == 0x7F)) {
            if (*p == '\n' || *p == '\r' || *p == '\t')
                o += (size_t)snprintf(buf + o, buflen - o, "\\%c", *p == '\n' ? 'n' : *p == '\r' ? 'r' : 't');
            else
                o += (size_t)snprintf(buf + o, buflen - o, "\\x%02X", *p);
            p++;
        } else {
            memcpy(buf + o, p, n);
            o += n;
            p += n;
        }
        chars++;
    }
    buf[o < buflen ? o : buflen - 1] = 0;
    return buf;
}
