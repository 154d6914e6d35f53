/* test_support.h — helpers shared by the tests: scratch directories, fresh databases, and
 * running the real signpost-admin binary with its output captured. */
#ifndef SP_TEST_SUPPORT_H
#define SP_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>

/* A fresh scratch directory under $TMPDIR (removed by ts_cleanup). Returns its path. */
const char *ts_tmpdir(void);
/* Path of a file inside the scratch directory (static buffer rotated over 8 slots). */
const char *ts_path(const char *name);
void ts_cleanup(void);

/* Writes text to a file; returns its path. */
const char *ts_write_file(const char *name, const char *text, size_t len);

typedef struct {
    int exit_code;
    char *out; /* stdout, NUL-terminated (owned; freed by ts_run_free) */
    char *err; /* stderr */
} ts_run_result;

/* Runs signpost-admin with --db db and the given NULL-terminated arguments; $SIGNPOST_NOW is
 * passed through. */
ts_run_result ts_admin(const char *db, ...);
ts_run_result ts_admin_argv(const char *db, const char *const *args);
void ts_run_free(ts_run_result *r);

/* A 64-bit FNV hash of a file's bytes (0 if missing): "byte-for-byte unchanged" checks. */
uint64_t ts_file_hash(const char *path);

/* Opens a database read-write for assertions (fails the test if it cannot). */
sqlite3 *ts_open(const char *path);
/* Runs a query that returns one integer. */
long long ts_query_int(sqlite3 *db, const char *sql);

#endif
