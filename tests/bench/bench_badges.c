/* bench_badges.c — how long a 1,000-badge PDF takes (SPEC: at most 3 s).
 *
 * Builds a scratch database with one class of 1,000 students whose names come from many
 * scripts, then runs the real `badge print --class BIG -o FILE` verb in-process the way
 * signpost-admin does (one transaction): first when nobody has a badge yet (1,000 badges are
 * issued in the same step), then again when all have one (drawing only). Prints the figures.
 *   bench_badges [DIR]   (scratch files go to DIR, default $TMPDIR or /tmp) */
#include "admin.h"
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define N 1000

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char *const GIVEN[] = {"Zoë", "Дмитрий", "محمد", "李小龙", "अनन्या", "Siobhán", "김재원", "יונתן",
                                    "Kwame", "Maximiliana-Josefina", "Nguyễn", "Fatima", "Ólafur", "Αθηνά"};

static int build(const char *path)
{
    char err[512];
    sqlite3 *db = sp_db_open(path, SP_OPEN_CREATE, err, sizeof err);
    if (!db) {
        fprintf(stderr, "bench_badges: %s\n", err);
        return -1;
    }
    sqlite3_stmt *st = NULL;
    int rc = sp_db_exec(db, "BEGIN; INSERT INTO classes (id, code, name, grade) VALUES (1, 'BIG', 'Whole school', 8)");
    rc |= sqlite3_prepare_v2(db,
                             "INSERT INTO students (sis_id, given_name, family_name, grade, created_at)"
                             " VALUES (?1, ?2, ?3, 8, '2026-01-05T08:00:00Z')",
                             -1, &st, NULL);
    for (int i = 0; rc == SQLITE_OK && i < N; i++) {
        char sis[32], family[32];
        snprintf(sis, sizeof sis, "B-%05d", i);
        snprintf(family, sizeof family, "Family %04d", i);
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, sis, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, GIVEN[i % (int)(sizeof GIVEN / sizeof GIVEN[0])], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, family, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = SQLITE_ERROR;
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_OK)
        rc = sp_db_exec(db, "INSERT INTO enrollments SELECT 1, id, '2026-01-05' FROM students; COMMIT");
    sp_db_close(db);
    return rc == SQLITE_OK ? 0 : -1;
}

static const sp_admin_verb *find_verb(const char *noun, const char *verb)
{
    for (int i = 0; sp_admin_nouns[i]; i++)
        if (strcmp(sp_admin_nouns[i]->noun, noun) == 0)
            for (const sp_admin_verb *v = sp_admin_nouns[i]->verbs; v->fn; v++)
                if (v->verb && strcmp(v->verb, verb) == 0)
                    return v;
    return NULL;
}

/* One run of `badge print` in its own transaction; returns seconds, or -1. */
static double print_once(const char *db_path, const char *pdf)
{
    char err[512];
    const sp_admin_verb *v = find_verb("badge", "print");
    if (!v)
        return -1;
    FILE *quiet = fopen("/dev/null", "w");
    sp_admin a = {.out = quiet ? quiet : stdout, .err = stderr, .db_path = db_path};
    snprintf(a.command, sizeof a.command, "badge print");
    double t0 = now_s();
    a.db = sp_db_open(db_path, 0, err, sizeof err);
    if (!a.db || sp_db_begin(a.db) != SQLITE_OK)
        return -1;
    char *argv[] = {"--class", "BIG", "-o", (char *)pdf, NULL};
    int rc = v->fn(&a, 4, argv);
    if (rc == 0 && sp_db_commit(a.db) != SQLITE_OK)
        rc = 1;
    sp_db_rollback(a.db);
    sp_db_close(a.db);
    double t = now_s() - t0;
    if (quiet)
        fclose(quiet);
    return rc == 0 ? t : -1;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char db_path[1024], pdf[1024];
    snprintf(db_path, sizeof db_path, "%s/bench_badges_%d.db", dir, (int)getpid());
    snprintf(pdf, sizeof pdf, "%s/bench_badges_%d.pdf", dir, (int)getpid());
    if (build(db_path) != 0)
        return 1;
    double first = print_once(db_path, pdf);
    double again = print_once(db_path, pdf);
    struct stat sb;
    long long size = stat(pdf, &sb) == 0 ? (long long)sb.st_size : -1;
    if (first < 0 || again < 0) {
        fprintf(stderr, "bench_badges: badge print failed\n");
        return 1;
    }
    printf("badge print, %d badges (%d A4 pages, names in 8 scripts):\n", N, N / 10);
    printf("  issuing %d new badges and drawing the sheet: %.0f ms (limit 3000 ms)\n", N, first * 1000);
    printf("  drawing the sheet when all have badges:      %.0f ms\n", again * 1000);
    printf("  PDF size: %.1f MiB\n", size / 1048576.0);
    char wal[1100], shm[1100];
    snprintf(wal, sizeof wal, "%s-wal", db_path);
    snprintf(shm, sizeof shm, "%s-shm", db_path);
    remove(db_path);
    remove(wal);
    remove(shm);
    if (!getenv("BENCH_KEEP_PDF"))
        remove(pdf);
    else
        printf("  kept %s\n", pdf);
    return first <= 3.0 ? 0 : 2;
}
