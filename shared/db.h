/* db.h — opening the Signpost database, migrations and transactions.
 *
 * Every program opens the database through sp_db_open(): it turns on WAL, foreign keys and a
 * busy timeout, then brings the schema up to SP_SCHEMA_VERSION by running the migrations in
 * db_schema.c in order (PRAGMA user_version records how far a file has come). A file written by
 * a newer Signpost is refused rather than guessed at. */
#ifndef SP_DB_H
#define SP_DB_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#define SP_SCHEMA_VERSION 8

typedef enum {
    SP_OK = 0,
    SP_ERR_RUNTIME = 1, /* I/O, locked past the timeout, corrupt file, ... */
    SP_ERR_INPUT = 2,   /* the caller's input was wrong; nothing was changed */
    SP_ERR_NOT_FOUND = 3,
} sp_status;

typedef enum {
    SP_OPEN_CREATE = 1,    /* create the file if missing and migrate it */
    SP_OPEN_READONLY = 2,  /* never write (the kiosk's read paths may use this) */
    SP_OPEN_NO_MIGRATE = 4 /* refuse a file that is not at SP_SCHEMA_VERSION */
} sp_open_flags;

/* Opens (and migrates) the database at path. On failure returns NULL and writes a sentence
 * for a person into err (errlen bytes). */
sqlite3 *sp_db_open(const char *path, int flags, char *err, size_t errlen);
void sp_db_close(sqlite3 *db);

/* What an SQLite error code means for a person, by cause: a full disk, a read-only folder,
 * permission denied, a lock held too long. NULL for real damage (SQLITE_CORRUPT, SQLITE_NOTADB),
 * "" when there is nothing to add to sqlite3_errmsg. */
const char *sp_db_error_words(sqlite3 *db, int rc);

/* The schema version stored in an open database. */
int sp_db_user_version(sqlite3 *db);

/* Runs the migrations from the stored version up to `target` (tests use it to build old files). */
int sp_db_migrate_to(sqlite3 *db, int target, char *err, size_t errlen);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. Return SQLITE_OK or the SQLite error. */
int sp_db_begin(sqlite3 *db);
int sp_db_commit(sqlite3 *db);
void sp_db_rollback(sqlite3 *db);

/* Runs one statement with no parameters and no rows (schema, pragmas). */
int sp_db_exec(sqlite3 *db, const char *sql);

/* Default path: $SIGNPOST_DB, else $XDG_DATA_HOME/signpost/signpost.db, else
 * ~/.local/share/signpost/signpost.db. Writes into out; returns out. */
const char *sp_db_default_path(char *out, size_t outlen);

/* "Now" as the database stores it: ISO-8601 UTC "YYYY-MM-DDTHH:MM:SSZ". $SIGNPOST_NOW (same
 * format or a plain date) overrides the clock so tests and the demo are reproducible. */
void sp_now_iso(char out[32]);

#endif
