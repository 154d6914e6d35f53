/* cmd_backup.c — `signpost-admin backup FILE`: a consistent copy of the live database.
 *
 * Uses SQLite's online backup API, so kiosks may keep writing while it runs. The copy is written
 * to FILE.partial, checked with PRAGMA quick_check, and only then renamed over FILE, so a failed
 * or interrupted backup never leaves a half-written file under the real name. An existing FILE
 * is kept unless --force is given. */
#include "admin.h"
#include "db.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* path with its folder resolved (symlinks, "..", "./"), so two spellings of one file compare
 * equal even when the file does not exist yet. */
static void canonical(const char *path, char *out, size_t outlen)
{
    char dir[PATH_MAX], real[PATH_MAX];
    const char *slash = strrchr(path, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? (slash == path ? "/" : path) : ".");
    if (realpath(dir, real))
        snprintf(out, outlen, "%s/%s", real, slash ? slash + 1 : path);
    else
        snprintf(out, outlen, "%s", path);
}

static void remove_with_sidecars(const char *path)
{
    char side[PATH_MAX + 8];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-journal", path);
    unlink(side);
}

static int backup_run(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"force", false, NULL}};
    const char *pos[1];
    int npos = 0, rc;
    if ((rc = sp_admin_parse(a, argc, argv, o, 1, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the path of the backup file to write (see --help)");
    const char *dest = pos[0];
    if (!*dest || strlen(dest) > PATH_MAX - 16)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected a file path for the backup, got '%s'", dest);
    struct stat sd, ss;
    /* The database's own -wal, -shm or -journal holds its latest changes: writing a backup over
     * one (the old one is removed first) would lose them and could damage the database. */
    static const char *const SIDECARS[] = {"-wal", "-shm", "-journal"};
    char dest_c[PATH_MAX + 16], db_c[PATH_MAX + 16];
    canonical(dest, dest_c, sizeof dest_c);
    canonical(a->db_path, db_c, sizeof db_c);
    for (size_t k = 0; k < sizeof SIDECARS / sizeof SIDECARS[0]; k++) {
        char side[PATH_MAX + 32], side_c[PATH_MAX + 32];
        snprintf(side, sizeof side, "%s%s", a->db_path, SIDECARS[k]);
        snprintf(side_c, sizeof side_c, "%s%s", db_c, SIDECARS[k]);
        struct stat s1, s2;
        bool same = strcmp(side_c, dest_c) == 0 ||
                    (stat(side, &s1) == 0 && stat(dest, &s2) == 0 && s1.st_dev == s2.st_dev && s1.st_ino == s2.st_ino);
        if (same)
            return sp_admin_fail(a, SP_EXIT_USAGE,
                                 "%s is the database's own %s file, which holds its latest changes; choose another "
                                 "file for the backup (nothing was written)",
                                 dest, SIDECARS[k] + 1);
    }
    if (stat(dest, &sd) == 0) {
        if (stat(a->db_path, &ss) == 0 && sd.st_dev == ss.st_dev && sd.st_ino == ss.st_ino)
            return sp_admin_fail(a, SP_EXIT_USAGE, "%s is the database itself; choose another file for the backup", dest);
        if (!o[0].value)
            return sp_admin_fail(a, SP_EXIT_USAGE, "%s already exists; nothing was written (add --force to replace it)",
                                 dest);
        if (S_ISDIR(sd.st_mode))
            return sp_admin_fail(a, SP_EXIT_USAGE, "%s is a directory; expected a file path such as %s/signpost.db", dest,
                                 dest);
    }
    char err[1024], tmp[PATH_MAX + 16];
    sqlite3 *src = sp_db_open(a->db_path, 0, err, sizeof err);
    if (!src)
        return sp_admin_fail(a, SP_EXIT_RUNTIME, "%s", err);
    snprintf(tmp, sizeof tmp, "%s.partial", dest);
    remove_with_sidecars(tmp);
    sqlite3 *dst = NULL;
    sqlite3_backup *b = NULL;
    int pages = 0;
    if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "cannot create %s: %s", tmp, dst ? sqlite3_errmsg(dst) : "out of memory");
        goto done;
    }
    b = sqlite3_backup_init(dst, "main", src, "main");
    if (!b) {
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "cannot start the backup: %s", sqlite3_errmsg(dst));
        goto done;
    }
    int s;
    do {
        s = sqlite3_backup_step(b, 512);
        if (s == SQLITE_BUSY || s == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (s == SQLITE_OK || s == SQLITE_BUSY || s == SQLITE_LOCKED);
    pages = sqlite3_backup_pagecount(b);
    sqlite3_backup_finish(b);
    if (s != SQLITE_DONE) {
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "the backup failed: %s", sqlite3_errstr(s));
        goto done;
    }
    sqlite3_stmt *st = NULL;
    const char *verdict = NULL;
    if (sqlite3_prepare_v2(dst, "PRAGMA quick_check", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        verdict = (const char *)sqlite3_column_text(st, 0);
    if (!verdict || strcmp(verdict, "ok") != 0) {
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "the backup copy failed its check (%s); nothing was written to %s",
                           verdict ? verdict : sqlite3_errmsg(dst), dest);
        sqlite3_finalize(st);
        goto done;
    }
    sqlite3_finalize(st);
    if (sqlite3_close(dst) != SQLITE_OK) {
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "finishing %s failed: %s", tmp, sqlite3_errmsg(dst));
        goto done;
    }
    dst = NULL;
    /* A stale -wal beside an old backup would be replayed into the new one: remove it first. */
    remove_with_sidecars(dest);
    if (rename(tmp, dest) != 0) {
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "cannot move the backup into place at %s: %s", dest, strerror(errno));
        goto done;
    }
    struct stat sb;
    long long bytes = stat(dest, &sb) == 0 ? (long long)sb.st_size : 0;
    sp_admin_printf(a, "Backed up %s to %s (%d pages, %lld bytes, check ok)\n", a->db_path, dest, pages, bytes);
    if (a->json)
        a->result = json_pack("{s:s, s:s, s:i, s:I, s:s}", "database", a->db_path, "backup", dest, "pages", pages, "bytes",
                              (json_int_t)bytes, "check", "ok");
    rc = SP_EXIT_OK;
done:
    if (dst)
        sqlite3_close(dst);
    if (rc != SP_EXIT_OK)
        remove_with_sidecars(tmp);
    sp_db_close(src);
    return rc;
}

static const sp_admin_verb BACKUP_VERBS[] = {
    {NULL, backup_run, SP_VERB_NO_DB, "copy the database safely while it is in use",
     "Usage: signpost-admin backup FILE [--force]\n\n"
     "Copies the whole database to FILE with SQLite's online backup, while kiosks keep working.\n"
     "The copy is checked before it is moved into place. An existing FILE is kept unless --force.\n\n"
     "Options:\n"
     "  --force   replace FILE if it exists\n\n"
     "Examples:\n"
     "  signpost-admin backup /media/usb/signpost-2025-03-14.db\n"
     "  signpost-admin backup nightly.db --force\n"},
    {0}};

const sp_admin_noun sp_cmd_backup = {"backup", "copy the database safely while it is in use", BACKUP_VERBS};
