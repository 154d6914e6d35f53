/* fuzz_csv_read.c — fuzz target for the CSV reader every importer uses (shared/csv_read.c).
 *
 * Invariants checked on every input: reading never fails for lack of memory; record lines rise
 * strictly, lie after the header and within the file's line count; no record holds more values
 * than the header names columns; values are NUL-terminated and no longer than the file; every
 * problem names a line within the file (0 only for the whole file) and says something; a file
 * with no header row is reported; streaming delivers the header and every record that reading
 * kept (records with too many values are reported, not kept), and every problem it finds is in
 * the table's list too.
 *
 * Outcome (for the seeds' expected results): "ok: N records" or the number of records kept and
 * the first problem, e.g. "2 records; line 3: has a stray quote ...". */
#include "csv_read.h"
#include "fuzz_target.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long lines_in(const uint8_t *d, size_t n)
{
    long lines = 1;
    for (size_t i = 0; i < n; i++)
        if (d[i] == '\n' || (d[i] == '\r' && (i + 1 >= n || d[i + 1] != '\n')))
            lines++;
    return lines;
}

static bool count_record(void *ctx, const sp_csv_record *rec)
{
    (void)rec;
    (*(size_t *)ctx)++;
    return true;
}

void sp_fuzz_outcome(const uint8_t *data, size_t size, char *out, size_t outlen)
{
    sp_csv_table t;
    memset(&t, 0, sizeof t);
    if (!sp_csv_read_buffer((const char *)data, size, &t)) {
        snprintf(out, outlen, "out of memory");
        return;
    }
    if (t.nerrors == 0)
        snprintf(out, outlen, "ok: %zu records", t.nrecords);
    else
        snprintf(out, outlen, "%zu records; line %ld: %s", t.nrecords, t.errors[0].line, t.errors[0].message);
    sp_csv_free(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    SP_FUZZ_INJECTED_CRASH(size);
    /* A copy exactly size bytes long, so reading one byte too far is caught by ASan. */
    char *copy = malloc(size ? size : 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    long lines = lines_in(data, size);

    sp_csv_table t;
    memset(&t, 0, sizeof t);
    if (!sp_csv_read_buffer(copy, size, &t))
        abort();
    if (!t.columns && !t.nerrors)
        abort(); /* no header row and nothing said about it */
    if (t.columns && (t.header_line < 1 || t.header_line > lines))
        abort();
    for (int i = 0; i < t.ncols; i++)
        if (!t.columns[i])
            abort();
    long last = t.header_line;
    for (size_t r = 0; r < t.nrecords; r++) {
        const sp_csv_record *rec = &t.records[r];
        if (rec->line <= last || rec->line > lines || rec->nfields > t.ncols || rec->nfields < 0)
            abort();
        last = rec->line;
        for (int f = 0; f < rec->nfields; f++)
            if (!rec->fields[f] || strlen(rec->fields[f]) > size)
                abort();
        if (strcmp(sp_csv_value(rec, rec->nfields), "") != 0 || sp_csv_value(rec, -1)[0])
            abort();
    }
    for (size_t e = 0; e < t.nerrors; e++)
        if (t.errors[e].line < 0 || t.errors[e].line > lines || !t.errors[e].message[0])
            abort();

    sp_csv_table streamed;
    memset(&streamed, 0, sizeof streamed);
    size_t delivered = 0;
    size_t n = sp_csv_stream(copy, size, count_record, &delivered, &streamed);
    if (n != delivered || n == (size_t)-1)
        abort();
    /* The stream delivers the header and every record; reading keeps those that fit the header. */
    if (t.columns && delivered < t.nrecords + 1)
        abort();
    /* every problem the stream found is in the table's list too, at the same line (unless the
     * list is full: then the rest is counted, and nothing may be kept past the cap) */
    if (t.nerrors > SP_CSV_MAX_ERRORS || (t.nerrors < SP_CSV_MAX_ERRORS && t.nerrors_dropped))
        abort();
    if (streamed.nerrors > t.nerrors && !t.nerrors_dropped)
        abort();
    for (size_t e = 0; e < streamed.nerrors && !t.nerrors_dropped; e++) {
        size_t k = 0;
        while (k < t.nerrors && (t.errors[k].line != streamed.errors[e].line ||
                                 strcmp(t.errors[k].message, streamed.errors[e].message) != 0))
            k++;
        if (k == t.nerrors)
            abort();
    }
    sp_csv_free(&streamed);
    sp_csv_free(&t);
    free(copy);
    return 0;
}
