/* bench_class_report.c — how long the teacher waits for `report class` (SPEC §8: a class report
 * over 1,000,000 measurements in at most 200 ms).
 *
 *   bench_class_report [--classes N] [--class-size N] [--milestones N] [--points N] [DIR]
 *
 * Builds a scratch school through the real schema: N classes (default 1) of class-size students
 * (default 1,000); every student has `milestones` milestones (default 5) from 5 templates over 2
 * categories and 3 learning targets, each with `points` weekly measurements (default 200) drawn
 * around a rising line so every light occurs. The default is the hard case: all 1,000,000
 * measurements belong to the class reported. Then it runs the real `report class` verb in-process
 * (output to /dev/null), opening the database as the admin tool does, and prints mean and best
 * times over 10 runs. */
#include "admin.h"
#include "dates.h"
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void die(sqlite3 *db, const char *what)
{
    fprintf(stderr, "bench_class_report: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
    exit(1);
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        die(db, sql);
    return st;
}

static void step(sqlite3 *db, sqlite3_stmt *st)
{
    if (sqlite3_step(st) != SQLITE_DONE)
        die(db, sqlite3_sql(st));
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
}

static void build(sqlite3 *db, int nclasses, int size, int nms, int npoints, int today)
{
    static const char *const TEMPLATES[] = {"claim-evidence", "reading-log", "quiz-average", "participation",
                                            "homework"};
    static const char *const CATEGORIES[] = {"academic", "academic", "academic", "behavior", "behavior"};
    static const char *const STANDARDS[] = {"W.8.1", "RL.8.1", "W.8.1", "", "RL.8.1"};
    if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        die(db, "begin");
    sqlite3_stmt *cls = prep(db, "INSERT INTO classes(code, name) VALUES (?1, ?1)");
    sqlite3_stmt *stu = prep(db, "INSERT INTO students(sis_id, given_name, family_name, grade, created_at)"
                                 " VALUES (?1, 'Student', ?1, 8, 'x')");
    sqlite3_stmt *enr = prep(db, "INSERT INTO enrollments(class_id, student_id, enrolled_on) VALUES (?1, ?2, 'x')");
    sqlite3_stmt *ms = prep(db, "INSERT INTO milestones(student_id, class_id, template_key, statement, student_text,"
                                " category, standard_code, baseline, target, start_date, due_date, created_at, updated_at)"
                                " VALUES (?1, ?2, ?3, 's', 'I will', ?4, ?5, 1, 3, ?6, ?7, 'x', 'x')");
    sqlite3_stmt *pt = prep(db, "INSERT INTO measurements(milestone_id, taken_on, value, created_at) VALUES (?1, ?2, ?3, 'x')");
    unsigned seed = 12345;
    int start = today - 7 * npoints;
    char s1[11], s2[11], day[11];
    sp_date_format(start, s1);
    sp_date_format(today + 30, s2);
    for (int c = 0; c < nclasses; c++) {
        char code[16];
        snprintf(code, sizeof code, "C%04d", c + 1);
        sqlite3_bind_text(cls, 1, code, -1, SQLITE_TRANSIENT);
        step(db, cls);
        long long cid = sqlite3_last_insert_rowid(db);
        for (int s = 0; s < size; s++) {
            char sis[32];
            snprintf(sis, sizeof sis, "S%04d-%04d", c + 1, s + 1);
            sqlite3_bind_text(stu, 1, sis, -1, SQLITE_TRANSIENT);
            step(db, stu);
            long long sid = sqlite3_last_insert_rowid(db);
            sqlite3_bind_int64(enr, 1, cid);
            sqlite3_bind_int64(enr, 2, sid);
            step(db, enr);
            for (int m = 0; m < nms; m++) {
                sqlite3_bind_int64(ms, 1, sid);
                sqlite3_bind_int64(ms, 2, cid);
                sqlite3_bind_text(ms, 3, TEMPLATES[m % 5], -1, SQLITE_STATIC);
                sqlite3_bind_text(ms, 4, CATEGORIES[m % 5], -1, SQLITE_STATIC);
                sqlite3_bind_text(ms, 5, STANDARDS[m % 5], -1, SQLITE_STATIC);
                sqlite3_bind_text(ms, 6, s1, -1, SQLITE_STATIC);
                sqlite3_bind_text(ms, 7, s2, -1, SQLITE_STATIC);
                step(db, ms);
                long long mid = sqlite3_last_insert_rowid(db);
                double slope = (double)(rand_r(&seed) % 100) / 100.0 * 2.0 / npoints;
                for (int p = 0; p < npoints; p++) {
                    sp_date_format(start + 7 * (p + 1), day);
                    sqlite3_bind_int64(pt, 1, mid);
                    sqlite3_bind_text(pt, 2, day, -1, SQLITE_TRANSIENT);
                    sqlite3_bind_double(pt, 3, 1 + slope * p + (double)(rand_r(&seed) % 60) / 100.0 - 0.3);
                    step(db, pt);
                }
            }
        }
    }
    sqlite3_stmt *all[] = {cls, stu, enr, ms, pt};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        sqlite3_finalize(all[i]);
    if (sqlite3_exec(db, "COMMIT; ANALYZE", NULL, NULL, NULL) != SQLITE_OK)
        die(db, "commit");
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

int main(int argc, char **argv)
{
    int nclasses = 1, size = 1000, nms = 5, npoints = 200;
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--classes") == 0 && i + 1 < argc)
            nclasses = atoi(argv[++i]);
        else if (strcmp(argv[i], "--class-size") == 0 && i + 1 < argc)
            size = atoi(argv[++i]);
        else if (strcmp(argv[i], "--milestones") == 0 && i + 1 < argc)
            nms = atoi(argv[++i]);
        else if (strcmp(argv[i], "--points") == 0 && i + 1 < argc)
            npoints = atoi(argv[++i]);
        else
            dir = argv[i];
    }
    if (nclasses < 1 || size < 1 || nms < 1 || npoints < 1) {
        fprintf(stderr, "usage: bench_class_report [--classes N] [--class-size N] [--milestones N] [--points N] [DIR]\n");
        return 2;
    }
    int today = sp_day_from_ymd(2026, 3, 2);
    char path[1024], err[256];
    const char *tmp = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/signpost-bench-class-%d.db", dir ? dir : tmp && *tmp ? tmp : "/tmp", (int)getpid());
    sqlite3 *db = sp_db_open(path, SP_OPEN_CREATE, err, sizeof err);
    if (!db) {
        fprintf(stderr, "bench_class_report: %s\n", err);
        return 1;
    }
    double t0 = now_ms();
    build(db, nclasses, size, nms, npoints, today);
    sp_db_close(db);
    long long total = (long long)nclasses * size * nms * npoints;
    printf("built %d class%s of %d students, %d milestones each, %lld measurements in the file, in %.1f s\n", nclasses,
           nclasses == 1 ? "" : "es", size, nms, total, (now_ms() - t0) / 1000);

    const sp_admin_verb *v = find_verb("report", "class");
    if (!v) {
        fprintf(stderr, "bench_class_report: no `report class` verb\n");
        return 1;
    }
    FILE *null = fopen("/dev/null", "w");
    char code[16];
    snprintf(code, sizeof code, "C%04d", nclasses / 2 + 1);
    char *vargs[] = {"--class", code, NULL};
    printf("report class --class %s (%d students, %d milestones, %lld measurements of its own):\n", code, size,
           size * nms, (long long)size * nms * npoints);
    double best = 1e9, sum = 0;
    int runs = 10;
    for (int i = 0; i < runs; i++) {
        double t1 = now_ms();
        sp_admin a = {.out = null, .err = stderr, .today = today, .db_path = path};
        snprintf(a.command, sizeof a.command, "report class");
        a.db = sp_db_open(path, 0, err, sizeof err);
        if (!a.db) {
            fprintf(stderr, "bench_class_report: %s\n", err);
            return 1;
        }
        sqlite3_exec(a.db, "BEGIN", NULL, NULL, NULL);
        int rc = v->fn(&a, 2, vargs);
        sqlite3_exec(a.db, "COMMIT", NULL, NULL, NULL);
        json_decref(a.result);
        sp_db_close(a.db);
        double t = now_ms() - t1;
        if (rc != 0) {
            fprintf(stderr, "bench_class_report: report class failed\n");
            return 1;
        }
        sum += t;
        best = t < best ? t : best;
    }
    printf("  mean %.1f ms, best %.1f ms over %d runs\n", sum / runs, best, runs);
    fclose(null);
    unlink(path);
    char side[1100];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    return 0;
}
