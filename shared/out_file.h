/* out_file.h — writing a whole file honestly: to a temporary name, checked, then renamed.
 *
 * Every file the programs write (exports, badge sheets, PNGs) goes through sp_out_open(): the
 * bytes go to "<dir>/.<name>.XXXXXX" (created 0600), and sp_out_commit() flushes, checks every
 * write, fsyncs and renames it over the real name, so a failed write never leaves a fragment and
 * never replaces a good file. A path that already names something other than a regular file
 * (/dev/stdout, /dev/full, a pipe) is written directly, and its errors are still caught.
 *
 * sp_private_files() makes every file this process creates owner-only (umask 077): the database
 * and its -wal/-shm, backups, exports, PDFs and PNGs hold children's data. */
#ifndef SP_OUT_FILE_H
#define SP_OUT_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct {
    FILE *f;          /* write here */
    char *path;       /* the real name */
    char *tmp;        /* the temporary name, NULL when writing directly */
} sp_out_file;

/* Opens path for writing (see above). On failure returns false with a sentence in err. */
bool sp_out_open(sp_out_file *o, const char *path, char *err, size_t errlen);

/* Finishes the file: flush, check for any write error, fsync, close, rename into place. On
 * failure the temporary file is removed, the real name is untouched, and err says why. */
bool sp_out_commit(sp_out_file *o, char *err, size_t errlen);

/* Gives up: closes and removes the temporary file; the real name is untouched. */
void sp_out_abort(sp_out_file *o);

/* Checks that everything written to f so far reached its destination (fflush + ferror). */
bool sp_out_stream_ok(FILE *f);

/* Sets the process umask so every file created from here on is readable by its owner only. */
void sp_private_files(void);

#endif
