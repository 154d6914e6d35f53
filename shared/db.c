/* db.c — opening, configuring and migrating the Signpost database (see db.h). */
#include "db.h"
#include "badge_key.h"
#include "db_schema.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int sp_db_exec(sqlite3 *db, const char *sql) { return sqlite3_exec(db, sql, NULL, NULL, NULL); }

int sp_db_user_version(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    int v = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

int sp_db_begin(sqlite3 *db) { return sp_db_exec(db, "BEGIN IMMEDIATE"); }
int sp_db_commit(sqlite3 *db) { return sp_db_exec(db, "COMMIT"); }
void sp_db_rollback(sqlite3 *db)
{
    if (!sqlite3_get_autocommit(db))
        sp_db_exec(db, "ROLLBACK");
}

int sp_db_migrate_to(sqlite3 *db, int target, char *err, size_t errlen)
{
    int have = sp_db_user_version(db);
    if (have < 0) {
        snprintf(err, errlen, "cannot read the schema version: %s", sqlite3_errmsg(db));
        return SP_ERR_RUNTIME;
    }
    for (int v = have + 1; v <= target; v++) {
        const char *const *sql = sp_schema_migration(v);
        char pragma[64];
        if (!sql) {
            snprintf(err, errlen, "no migration to schema version %d", v);
            return SP_ERR_RUNTIME;
        }
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v);
        int rc = sp_db_begin(db);
        for (int i = 0; sql[i] && rc == SQLITE_OK; i++)
            rc = sp_db_exec(db, sql[i]);
        if (rc != SQLITE_OK || sp_db_exec(db, pragma) != SQLITE_OK) {
            snprintf(err, errlen, "upgrading the database to schema version %d failed: %s", v, sqlite3_errmsg(db));
            sp_db_rollback(db);
            return SP_ERR_RUNTIME;
        }
        if (sp_db_commit(db) != SQLITE_OK) {
            snprintf(err, errlen, "upgrading the database to schema version %d failed: %s", v, sqlite3_errmsg(db));
            sp_db_rollback(db);
            return SP_ERR_RUNTIME;
        }
    }
    return SP_OK;
}

const char *sp_db_error_words(sqlite3 *db, int rc)
{
    int sys = db ? sqlite3_system_errno(db) : 0;
    switch (rc & 0xFF) {
    case SQLITE_FULL: return "the disk is full (free some space, then try again; nothing was changed)";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return "the database is busy: another program (a kiosk saving, an import, a backup) held it for longer than "
               "this program waits; try again in a moment";
    case SQLITE_READONLY:
        return "the database or its folder is read-only for this user (it needs to write the file and the -wal and "
               "-shm files beside it)";
    case SQLITE_PERM:
    case SQLITE_AUTH: return "permission denied (check who owns the file and its folder)";
    case SQLITE_NOMEM: return "out of memory";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return NULL; /* real damage: the caller says so */
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
        if (sys == ENOSPC || sys == EFBIG || sys == EDQUOT)
            return "the disk is full (free some space, then try again; nothing was changed)";
        if (sys == EACCES || sys == EPERM)
            return "permission denied: this user cannot write the database or its folder (SQLite needs to create "
                   "the -wal and -shm files beside it)";
        if (sys == EROFS)
            return "the file system is mounted read-only";
        /* SQLite may have overwritten errno by the time it reports, so a failed write or a
         * failed grow of the -shm is most likely the disk. */
        if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_SHMSIZE || rc == SQLITE_IOERR_TRUNCATE ||
            rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_SHMOPEN)
            return "writing to the disk failed: the disk is full or the file may not grow (free some space, then try "
                   "again; nothing was changed)";
        if (sys == ENOENT)
            return "the file or its folder is missing";
        return (rc & 0xFF) == SQLITE_CANTOPEN ? "the file cannot be opened" : "an input/output error from the disk";
    }
    return "";
}

/* A sentence for a failure while opening: damage only when SQLite found damage. */
static void describe_open_failure(sqlite3 *db, const char *path, char *err, size_t errlen)
{
    int rc = db ? sqlite3_extended_errcode(db) : SQLITE_NOMEM;
    const char *words = sp_db_error_words(db, rc);
    int sys = db ? sqlite3_system_errno(db) : 0;
    if (!words)
        snprintf(err, errlen, "%s is not a Signpost database or is damaged: %s", path, sqlite3_errmsg(db));
    else if (*words)
        snprintf(err, errlen, "cannot use the database %s: %s (%s%s%s)", path, words, db ? sqlite3_errmsg(db) : "",
                 sys ? ": " : "", sys ? strerror(sys) : "");
    else
        snprintf(err, errlen, "cannot use the database %s: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
}

sqlite3 *sp_db_open(const char *path, int flags, char *err, size_t errlen)
{
    sqlite3 *db = NULL;
    int oflags = (flags & SP_OPEN_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if ((flags & SP_OPEN_CREATE) && !(flags & SP_OPEN_READONLY))
        oflags |= SQLITE_OPEN_CREATE;
    if (!(flags & SP_OPEN_CREATE) && access(path, F_OK) != 0) {
        snprintf(err, errlen, "no database at %s (run `signpost-admin init` or `signpost-admin demo` first)", path);
        return NULL;
    }
    /* An empty file is not a database, and is left as it is: only `init` (CREATE) starts one. */
    struct stat st;
    if (!(flags & SP_OPEN_CREATE) && stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0) {
        snprintf(err, errlen,
                 "%s is an empty file (0 bytes), not a Signpost database; nothing was changed. Restore a backup "
                 "over it, or remove it and run `signpost-admin init` to start a new one",
                 path);
        return NULL;
    }
    /* A new database holds children's data: create it owner-only whatever the umask (SQLite
     * gives the -wal and -shm files the database file's permissions). */
    if ((oflags & SQLITE_OPEN_CREATE) && access(path, F_OK) != 0) {
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0)
            close(fd);
    }
    if (sqlite3_open_v2(path, &db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        describe_open_failure(db, path, err, errlen);
        goto fail;
    }
    sqlite3_busy_timeout(db, 5000);
    sqlite3_extended_result_codes(db, 1);
    /* A quick read proves this is a database at all before anything is written to it. */
    int version = sp_db_user_version(db);
    if (version < 0 || sp_db_exec(db, "SELECT count(*) FROM sqlite_schema") != SQLITE_OK) {
        describe_open_failure(db, path, err, errlen);
        goto fail;
    }
    if (version > SP_SCHEMA_VERSION) {
        snprintf(err, errlen,
                 "%s was written by a newer Signpost (schema version %d; this program knows up to %d). "
                 "Upgrade Signpost before using this database.",
                 path, version, SP_SCHEMA_VERSION);
        goto fail;
    }
    if (!(flags & SP_OPEN_READONLY) && sp_db_exec(db, "PRAGMA journal_mode = WAL") != SQLITE_OK) {
        describe_open_failure(db, path, err, errlen);
        goto fail;
    }
    /* The key file may be made only while no badge is sealed with another one. */
    bool may_create_key = version < SP_SCHEMA_SEALED_BADGES;
    if (!may_create_key) {
        sqlite3_stmt *st = NULL;
        may_create_key = sqlite3_prepare_v2(db, "SELECT NOT EXISTS (SELECT 1 FROM badges WHERE sealed IS NOT NULL)",
                                            -1, &st, NULL) == SQLITE_OK &&
                         sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    if (sp_badge_key_attach(db, path, may_create_key) != SQLITE_OK) {
        snprintf(err, errlen, "cannot prepare the badge functions for %s: %s", path, sqlite3_errmsg(db));
        goto fail;
    }
    sp_db_exec(db, "PRAGMA foreign_keys = ON");
    /* FULL: in WAL mode each commit syncs the WAL, so a reflection the kiosk shows as saved
     * survives a power cut (with NORMAL the last commits before a cut are lost; see
     * tests/e2e/test_power_cut.c). One sync per save costs a few milliseconds. */
    sp_db_exec(db, "PRAGMA synchronous = FULL");
    if (version < SP_SCHEMA_VERSION) {
        if ((flags & (SP_OPEN_READONLY | SP_OPEN_NO_MIGRATE))) {
            snprintf(err, errlen, "%s has schema version %d but %d is needed; run `signpost-admin check` to upgrade it",
                     path, version, SP_SCHEMA_VERSION);
            goto fail;
        }
        if (sp_db_migrate_to(db, SP_SCHEMA_VERSION, err, errlen) != SP_OK)
            goto fail;
    }
    return db;
fail:
    sqlite3_close(db);
    return NULL;
}

void sp_db_close(sqlite3 *db)
{
    if (db)
        sqlite3_close_v2(db);
}

const char *sp_db_default_path(char *out, size_t outlen)
{
    const char *env = getenv("SIGNPOST_DB");
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (env && *env) {
        snprintf(out, outlen, "%s", env);
        return out;
    }
    char dir[1024];
    if (xdg && *xdg)
        snprintf(dir, sizeof dir, "%s/signpost", xdg);
    else
        snprintf(dir, sizeof dir, "%s/.local/share/signpost", home && *home ? home : ".");
    /* Create the directory chain so that `init` works on a fresh account. */
    char tmp[1024];
    snprintf(tmp, sizeof tmp, "%s", dir);
    for (char *p = tmp + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            mkdir(tmp, 0700);
            *p = '/';
        }
    mkdir(tmp, 0700);
    snprintf(out, outlen, "%s/signpost.db", dir);
    return out;
}

void sp_now_iso(char out[32])
{
    const char *fixed = getenv("SIGNPOST_NOW");
    if (fixed && strlen(fixed) == 10) {
        snprintf(out, 32, "%.10sT12:00:00Z", fixed);
        return;
    }
    if (fixed && strlen(fixed) == 20) {
        snprintf(out, 32, "%s", fixed);
        return;
    }
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
