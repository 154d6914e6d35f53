/* bench_reports.c — how long the teacher waits for `report mastery` and `report reflections`.
 *
 *   bench_reports [--classes N] [--class-size N] [DIR]
 *
 * Builds a scratch school through the real schema: N classes (default 200) of class-size
 * students (default 30), each class with a current unit of 8 learning targets and a past unit;
 * every student rated every target of both units three times and the teacher twice (so the
 * mastery table holds classes x size x 16 x 5 rows: 480,000 by default), and one goal per
 * student with 20 measurements, 10 self-checks and 2 next-step plans. Then it runs the real verbs
 * in-process (output to /dev/null) and prints mean and best times over 20 runs each (5 for the
 * family summaries of a whole class as a PDF). */
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
    fprintf(stderr, "bench_reports: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
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

static void build(sqlite3 *db, int nclasses, int size)
{
    sqlite3_exec(db, "PRAGMA synchronous = OFF; BEGIN", NULL, NULL, NULL);
    sqlite3_stmt *cls = prep(db, "INSERT INTO classes(code, name) VALUES (?1, ?2)");
    sqlite3_stmt *stu = prep(db, "INSERT INTO students(sis_id, given_name, family_name, grade, created_at)"
                                 " VALUES (?1, 'Student', ?2, 8, '2026-01-05T08:00:00Z')");
    sqlite3_stmt *enr = prep(db, "INSERT INTO enrollments(class_id, student_id, enrolled_on) VALUES (?1, ?2, '2026-01-05')");
    sqlite3_stmt *unit = prep(db, "INSERT INTO units(class_id, title, is_current) VALUES (?1, ?2, ?3)");
    sqlite3_stmt *tgt = prep(db, "INSERT INTO learning_targets(unit_id, position, statement) VALUES (?1, ?2, ?3)");
    sqlite3_stmt *rat = prep(db, "INSERT INTO mastery_ratings(target_id, student_id, rater, rating, rated_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)");
    sqlite3_stmt *ms = prep(db, "INSERT INTO milestones(student_id, class_id, statement, student_text, category, baseline,"
                                " target, start_date, due_date, created_at, updated_at) VALUES (?1, ?2, 'Claim and"
                                " evidence', 'I will write a claim', 'academic', 1.5, 3, '2026-01-12', '2026-03-30',"
                                " 'x', 'x')");
    sqlite3_stmt *pt = prep(db, "INSERT INTO measurements(milestone_id, taken_on, value, created_at) VALUES (?1,"
                                " date('2026-01-12', '+' || ?2 || ' days'), ?3, 'x')");
    sqlite3_stmt *sc = prep(db, "INSERT INTO self_checks(student_id, milestone_id, created_at, scale, rating, obstacle,"
                                " next_step) VALUES (?1, ?2, ?3, 'scale4', ?4, 'I ran out of time', 'Sentence stems')");
    sqlite3_stmt *pl = prep(db, "INSERT INTO next_step_plans(student_id, milestone_id, in_the_way, change_text,"
                                " created_at) VALUES (?1, ?2, 'I forget the steps', 'Use the checklist', ?3)");
    unsigned seed = 12345;
    char text[64], at[32];
    for (int c = 0; c < nclasses; c++) {
        snprintf(text, sizeof text, "C%04d", c + 1);
        sqlite3_bind_text(cls, 1, text, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(cls, 2, text, -1, SQLITE_TRANSIENT);
        step(db, cls);
        long long class_id = sqlite3_last_insert_rowid(db);
        long long targets[16];
        for (int u = 0; u < 2; u++) {
            sqlite3_bind_int64(unit, 1, class_id);
            sqlite3_bind_text(unit, 2, u ? "Current unit" : "Past unit", -1, SQLITE_STATIC);
            sqlite3_bind_int(unit, 3, u);
            step(db, unit);
            long long unit_id = sqlite3_last_insert_rowid(db);
            for (int t = 0; t < 8; t++) {
                sqlite3_bind_int64(tgt, 1, unit_id);
                sqlite3_bind_int(tgt, 2, t + 1);
                snprintf(text, sizeof text, "I can do skill %d of this unit.", t + 1);
                sqlite3_bind_text(tgt, 3, text, -1, SQLITE_TRANSIENT);
                step(db, tgt);
                targets[u * 8 + t] = sqlite3_last_insert_rowid(db);
            }
        }
        for (int s = 0; s < size; s++) {
            snprintf(text, sizeof text, "S%04d-%03d", c + 1, s + 1);
            sqlite3_bind_text(stu, 1, text, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(stu, 2, text, -1, SQLITE_TRANSIENT);
            step(db, stu);
            long long sid = sqlite3_last_insert_rowid(db);
            sqlite3_bind_int64(enr, 1, class_id);
            sqlite3_bind_int64(enr, 2, sid);
            step(db, enr);
            for (int t = 0; t < 16; t++)
                for (int k = 0; k < 5; k++) {
                    seed = seed * 1103515245u + 12345u;
                    snprintf(at, sizeof at, "2026-02-%02dT10:00:00Z", 1 + k * 5 + (int)(seed >> 28) % 4);
                    sqlite3_bind_int64(rat, 1, targets[t]);
                    sqlite3_bind_int64(rat, 2, sid);
                    sqlite3_bind_text(rat, 3, k < 3 ? "student" : "teacher", -1, SQLITE_STATIC);
                    sqlite3_bind_int(rat, 4, 1 + (int)(seed >> 16) % 4);
                    sqlite3_bind_text(rat, 5, at, -1, SQLITE_TRANSIENT);
                    step(db, rat);
                }
            sqlite3_bind_int64(ms, 1, sid);
            sqlite3_bind_int64(ms, 2, class_id);
            step(db, ms);
            long long mid = sqlite3_last_insert_rowid(db);
            for (int p = 0; p < 20; p++) {
                sqlite3_bind_int64(pt, 1, mid);
                sqlite3_bind_int(pt, 2, p * 3);
                sqlite3_bind_double(pt, 3, 1.5 + (p % 4) * 0.5);
                step(db, pt);
            }
            for (int k = 0; k < 10; k++) {
                snprintf(at, sizeof at, "2026-02-%02dT10:00:00Z", 1 + k * 2);
                sqlite3_bind_int64(sc, 1, sid);
                sqlite3_bind_int64(sc, 2, mid);
                sqlite3_bind_text(sc, 3, at, -1, SQLITE_TRANSIENT);
                sqlite3_bind_int(sc, 4, 1 + k % 4);
                step(db, sc);
                if (k % 5 == 0) {
                    sqlite3_bind_int64(pl, 1, sid);
                    sqlite3_bind_int64(pl, 2, mid);
                    sqlite3_bind_text(pl, 3, at, -1, SQLITE_TRANSIENT);
                    step(db, pl);
                }
            }
        }
    }
    sqlite3_stmt *all[] = {cls, stu, enr, unit, tgt, rat, ms, pt, sc, pl};
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

/* Runs a read-only verb the way main.c does: open, one read transaction, the verb, close. */
static double time_verb(const char *path, const char *verb, char **argv, int argc, FILE *null, int runs)
{
    const sp_admin_verb *v = find_verb("report", verb);
    if (!v) {
        fprintf(stderr, "bench_reports: no `report %s` verb\n", verb);
        exit(1);
    }
    double best = 1e9, sum = 0;
    for (int i = 0; i < runs; i++) {
        char err[256];
        double t0 = now_ms();
        sp_admin a = {.out = null, .err = stderr, .today = sp_day_from_ymd(2026, 3, 2), .db_path = path};
        snprintf(a.command, sizeof a.command, "report %s", verb);
        a.db = sp_db_open(path, 0, err, sizeof err);
        if (!a.db) {
            fprintf(stderr, "bench_reports: %s\n", err);
            exit(1);
        }
        sqlite3_exec(a.db, "BEGIN", NULL, NULL, NULL);
        int rc = v->fn(&a, argc, argv);
        sqlite3_exec(a.db, "COMMIT", NULL, NULL, NULL);
        json_decref(a.result);
        sp_db_close(a.db);
        double t = now_ms() - t0;
        if (rc != 0) {
            fprintf(stderr, "bench_reports: report %s failed\n", verb);
            exit(1);
        }
        sum += t;
        best = t < best ? t : best;
    }
    printf("  mean %.2f ms, best %.2f ms over %d runs\n", sum / runs, best, runs);
    return sum / runs;
}

int main(int argc, char **argv)
{
    int nclasses = 200, size = 30;
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--classes") == 0 && i + 1 < argc)
            nclasses = atoi(argv[++i]);
        else if (strcmp(argv[i], "--class-size") == 0 && i + 1 < argc)
            size = atoi(argv[++i]);
        else
            dir = argv[i];
    }
    if (nclasses < 1 || size < 1) {
        fprintf(stderr, "usage: bench_reports [--classes N] [--class-size N] [DIR]\n");
        return 2;
    }
    char path[1024], err[256];
    const char *tmp = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/signpost-bench-reports-%d.db", dir ? dir : tmp && *tmp ? tmp : "/tmp", (int)getpid());
    sqlite3 *db = sp_db_open(path, SP_OPEN_CREATE, err, sizeof err);
    if (!db) {
        fprintf(stderr, "bench_reports: %s\n", err);
        return 1;
    }
    double t0 = now_ms();
    build(db, nclasses, size);
    long long ratings = 0;
    sqlite3_stmt *st = prep(db, "SELECT count(*) FROM mastery_ratings");
    if (sqlite3_step(st) == SQLITE_ROW)
        ratings = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sp_db_close(db);
    printf("built %d classes of %d students, %lld mastery ratings, in %.1f s\n", nclasses, size, ratings,
           (now_ms() - t0) / 1000);

    FILE *null = fopen("/dev/null", "w");
    char code[16];
    snprintf(code, sizeof code, "C%04d", nclasses / 2 + 1);
    printf("report mastery --class %s (%d students, 8 targets, current unit):\n", code, size);
    char *margs[] = {"--class", code, NULL};
    time_verb(path, "mastery", margs, 2, null, 20);
    char sis[32];
    snprintf(sis, sizeof sis, "S%04d-001", nclasses / 2 + 1);
    printf("report reflections --student %s (1 goal, 20 points, 10 self-checks, 2 plans, mastery tracker):\n", sis);
    char *rargs[] = {"--student", sis, NULL};
    time_verb(path, "reflections", rargs, 2, null, 20);
    char pdf[1100];
    snprintf(pdf, sizeof pdf, "%s.family.pdf", path);
    printf("report family --class %s -o FILE.pdf (%d one-page summaries laid out with Pango, written to disk):\n",
           code, size);
    char *fargs[] = {"--class", code, "-o", pdf, NULL};
    time_verb(path, "family", fargs, 4, null, 5);
    unlink(pdf);
    fclose(null);
    unlink(path);
    char side[1100];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    return 0;
}
