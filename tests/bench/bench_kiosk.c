/* bench_kiosk.c — the kiosk's speed, memory and idle figures (SPEC §8).
 *
 *  1. scan-to-goals frame: in-process replay harness (software renderer, 1280x800); for each of
 *     N random students with an active badge, time from delivering the scan to the rendered and
 *     presented frame with SDL_GetPerformanceCounter. Median and p99. Target p99 <= 16.7 ms.
 *  2. cold start: fork/exec signpost-kiosk --windowed with SIGNPOST_KIOSK_EXIT_AFTER_FIRST_FRAME
 *     set, time from fork to the line it prints after its first present. Target <= 100 ms.
 *  3. peak memory: ru_maxrss of that child (wait4). Target <= 40 MiB.
 *  4. idle CPU: the kiosk on the scan screen; utime+stime from /proc/PID/stat over the 10 s from
 *     15 s to 25 s after start, which hold one breath of the ring (every 20 s), so this is the
 *     busiest 10 s of an idle kiosk; at 1280x800 and at 1920x1080. Target <= 1 % of a core.
 * 2-4 need a display: DISPLAY if set, else an Xvfb started here (skipped when neither exists).
 *
 * usage: bench_kiosk [--db PATH] [--scans N] [--kiosk PATH] [--admin PATH]
 * Without --db a demo school database is built with signpost-admin in a temporary folder. */
#include "platform/replay.h"
#include "render/render.h"

#include <SDL.h>
#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* <build>/tests/bench/bench_kiosk -> <build>/<rel> */
static void sibling(const char *rel, char *out, size_t len)
{
    char exe[1024];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = '\0';
    for (int up = 0; up < 3; up++) {
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
    }
    size_t n1 = strlen(exe), n2 = strlen(rel);
    if (n1 + n2 + 2 > len) {
        out[0] = '\0';
        return;
    }
    memcpy(out, exe, n1);
    out[n1] = '/';
    memcpy(out + n1 + 1, rel, n2 + 1);
}

static int run(char *const argv[], const char *db)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        setenv("SIGNPOST_DB", db, 1);
        if (!freopen("/dev/null", "w", stdout))
            _exit(127);
        execv(argv[0], argv);
        _exit(127);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void scan_bench(const char *db, int scans)
{
    sqlite3 *conn = NULL;
    if (sqlite3_open_v2(db, &conn, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        printf("scan-to-goals: cannot open %s\n", db);
        return;
    }
    char **ids = calloc((size_t)scans, sizeof *ids);
    int n = 0;
    sqlite3_stmt *st;
    const char *sql = "SELECT s.sis_id FROM students s JOIN badges b ON b.student_id = s.id "
                      "WHERE b.revoked_at IS NULL AND s.archived = 0 ORDER BY random() LIMIT ?";
    if (sqlite3_prepare_v2(conn, sql, -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int(st, 1, scans);
        while (sqlite3_step(st) == SQLITE_ROW && n < scans)
            ids[n++] = strdup((const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    long long students = 0;
    if (sqlite3_prepare_v2(conn, "SELECT count(*) FROM students", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            students = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(conn);
    if (n == 0) {
        printf("scan-to-goals: no students with active badges in %s (run signpost-admin badge issue --all-missing)\n", db);
        free(ids);
        return;
    }
    char err[1024];
    sp_replay_options opt = {.db_path = db, .kiosk_name = "bench"};
    sp_replay *r = sp_replay_new(&opt, err, sizeof err);
    if (!r || sp_replay_line(r, "size 1280 800", err, sizeof err) != 0 || sp_replay_line(r, "wait 10", err, sizeof err) != 0) {
        printf("scan-to-goals: harness failed: %s\n", err);
        free(ids);
        sp_replay_free(r);
        return;
    }
    double *ms = calloc((size_t)n, sizeof *ms), *gms = calloc((size_t)n, sizeof *gms);
    double freq = (double)SDL_GetPerformanceFrequency();
    char screens[256] = "";
    int measured = 0;
    for (int i = 0; i < n; i++) {
        char payload[64];
        if (!sp_replay_student_payload(r, ids[i], payload, sizeof payload))
            continue;
        sp_app_event ev;
        memset(&ev, 0, sizeof ev);
        ev.kind = SP_EV_SCAN;
        snprintf(ev.text, sizeof ev.text, "%s", payload);
        Uint64 t0 = SDL_GetPerformanceCounter();
        sp_app_handle(sp_replay_app(r), &ev, sp_replay_now(r));
        sp_replay_draw(r); /* frame + render + present */
        Uint64 t1 = SDL_GetPerformanceCounter();
        ms[measured++] = (double)(t1 - t0) * 1000.0 / freq;
        const char *screen = sp_app_screen_name(sp_replay_app(r));
        if (!strstr(screens, screen) && strlen(screens) + strlen(screen) + 2 < sizeof screens) {
            strcat(screens, screens[0] ? "," : "");
            strcat(screens, screen);
        }
        /* the greeting moves on to the goals by itself: time that virtual wait (every tick and
         * frame in it, the goals frame included) */
        t0 = SDL_GetPerformanceCounter();
        sp_replay_line(r, "wait 2000", err, sizeof err);
        t1 = SDL_GetPerformanceCounter();
        gms[measured - 1] = (double)(t1 - t0) * 1000.0 / freq;
        screen = sp_app_screen_name(sp_replay_app(r));
        if (!strstr(screens, screen) && strlen(screens) + strlen(screen) + 2 < sizeof screens) {
            strcat(screens, ",");
            strcat(screens, screen);
        }
    }
    qsort(ms, (size_t)measured, sizeof *ms, cmp_double);
    qsort(gms, (size_t)measured, sizeof *gms, cmp_double);
    if (measured > 0) {
        int i99 = (measured * 99) / 100 < measured ? (measured * 99) / 100 : measured - 1;
        printf("scan-to-goals frame (scan delivered -> greeting frame rendered and presented): median %.2f ms, "
               "p99 %.2f ms, max %.2f ms over %d scans (%lld students; screens: %s) [target p99 <= 16.7 ms]\n",
               ms[measured / 2], ms[i99], ms[measured - 1], measured, students, screens);
        printf("greeting -> goals (all ticks and frames of that 2 s, goals frame included): median %.2f ms, "
               "p99 %.2f ms\n", gms[measured / 2], gms[i99]);
    }
    uint64_t hits, misses;
    sp_render_cache_stats(sp_replay_renderer(r), &hits, &misses);
    printf("text cache: %llu hits, %llu misses\n", (unsigned long long)hits, (unsigned long long)misses);
    sp_replay_free(r);
    for (int i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
    free(ms);
    free(gms);
}

static pid_t start_xvfb(char *display, size_t len)
{
    if (access("/usr/bin/Xvfb", X_OK) != 0)
        return -1;
    for (int d = 140; d < 200; d++) {
        char lock[64];
        snprintf(lock, sizeof lock, "/tmp/.X%d-lock", d);
        if (access(lock, F_OK) == 0)
            continue;
        snprintf(display, len, ":%d", d);
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            if (!freopen("/dev/null", "w", stderr))
                _exit(127);
            execl("/usr/bin/Xvfb", "Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp", (char *)NULL);
            _exit(127);
        }
        char sock[64];
        snprintf(sock, sizeof sock, "/tmp/.X11-unix/X%d", d);
        for (int i = 0; i < 100; i++) {
            if (access(sock, F_OK) == 0)
                return pid;
            usleep(50000);
        }
        kill(pid, SIGTERM);
        waitpid(pid, NULL, 0);
    }
    return -1;
}

static void cold_start(const char *kiosk, const char *db)
{
    double best = 1e9;
    long peak_kib = 0;
    for (int round = 0; round < 5; round++) {
        int pipefd[2];
        if (pipe(pipefd) != 0)
            return;
        fflush(stdout);
        double t0 = now_s();
        pid_t pid = fork();
        if (pid == 0) {
            dup2(pipefd[1], 1);
            close(pipefd[0]);
            setenv("SIGNPOST_KIOSK_EXIT_AFTER_FIRST_FRAME", "1", 1);
            execl(kiosk, kiosk, "--db", db, "--windowed", (char *)NULL);
            _exit(127);
        }
        close(pipefd[1]);
        char buf[256];
        ssize_t got = read(pipefd[0], buf, sizeof buf - 1);
        double t1 = now_s();
        close(pipefd[0]);
        int st = 0;
        struct rusage ru;
        wait4(pid, &st, 0, &ru);
        if (got <= 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
            printf("cold start: the kiosk did not present a frame (exit status %d)\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
            return;
        }
        if (t1 - t0 < best)
            best = t1 - t0;
        if (ru.ru_maxrss > peak_kib)
            peak_kib = ru.ru_maxrss;
    }
    printf("cold start to first frame: %.1f ms (best of 5, fork to first present, 1280x800 window) [target <= 100 ms]\n",
           best * 1000);
    printf("peak memory: %.1f MiB (ru_maxrss of the kiosk process) [target <= 40 MiB]\n", (double)peak_kib / 1024.0);
}

static double cpu_seconds(pid_t pid)
{
    char path[64], buf[2048];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')');
    if (!p)
        return -1;
    unsigned long utime = 0, stime = 0;
    /* fields after the command: state(3) ... utime(14) stime(15) */
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2)
        return -1;
    return (double)(utime + stime) / (double)sysconf(_SC_CLK_TCK);
}

static void idle_cpu(const char *kiosk, const char *db, const char *size)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (!freopen("/dev/null", "w", stdout))
            _exit(127);
        execl(kiosk, kiosk, "--db", db, "--windowed", "--size", size, (char *)NULL);
        _exit(127);
    }
    sleep(15); /* start-up, the first breath, then the window that holds the second */
    double c0 = cpu_seconds(pid), t0 = now_s();
    sleep(10);
    double c1 = cpu_seconds(pid), t1 = now_s();
    kill(pid, SIGTERM);
    int st;
    waitpid(pid, &st, 0);
    if (c0 < 0 || c1 < 0) {
        printf("idle CPU: the kiosk exited early\n");
        return;
    }
    printf("idle CPU on the scan screen at %s: %.2f %% of a core over %.0f s with one breath of the ring "
           "[target <= 1 %%]\n",
           size, 100.0 * (c1 - c0) / (t1 - t0), t1 - t0);
}

int main(int argc, char **argv)
{
    const char *db = NULL;
    int scans = 300;
    char kiosk[1024], admin[1024], tmpdb[1100] = "";
    sibling("kiosk/signpost-kiosk", kiosk, sizeof kiosk);
    sibling("admin/signpost-admin", admin, sizeof admin);
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--db") == 0)
            db = argv[i + 1];
        else if (strcmp(argv[i], "--scans") == 0)
            scans = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--kiosk") == 0)
            snprintf(kiosk, sizeof kiosk, "%s", argv[i + 1]);
        else if (strcmp(argv[i], "--admin") == 0)
            snprintf(admin, sizeof admin, "%s", argv[i + 1]);
    }
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    if (!db) {
        char dir[] = "/tmp/bench_kiosk.XXXXXX";
        if (!mkdtemp(dir)) {
            perror("mkdtemp");
            return 1;
        }
        snprintf(tmpdb, sizeof tmpdb, "%s/demo.db", dir);
        char *demo[] = {admin, "--db", tmpdb, "demo", NULL};
        char *badges[] = {admin, "--db", tmpdb, "badge", "issue", "--all-missing", NULL};
        if (run(demo, tmpdb) != 0 || run(badges, tmpdb) != 0) {
            fprintf(stderr, "bench_kiosk: could not build the demo database with %s\n", admin);
            return 1;
        }
        db = tmpdb;
        printf("database: demo school (%s); pass --db for the district-size one\n", db);
    } else {
        printf("database: %s\n", db);
    }
    scan_bench(db, scans);

    /* the rest runs the real program on a display */
    unsetenv("SDL_VIDEODRIVER");
    pid_t xvfb = -1;
    const char *display = getenv("DISPLAY");
    char disp[32];
    if (!display || !*display) {
        xvfb = start_xvfb(disp, sizeof disp);
        if (xvfb < 0) {
            printf("cold start, memory, idle CPU: skipped (no DISPLAY and no Xvfb)\n");
            return 0;
        }
        setenv("DISPLAY", disp, 1);
        printf("display: Xvfb %s (software renderer)\n", disp);
    }
    cold_start(kiosk, db);
    idle_cpu(kiosk, db, "1280x800");
    idle_cpu(kiosk, db, "1920x1080");
    if (xvfb > 0) {
        kill(xvfb, SIGTERM);
        waitpid(xvfb, NULL, 0);
    }
    if (tmpdb[0]) {
        unlink(tmpdb);
        char side[1200];
        snprintf(side, sizeof side, "%s-wal", tmpdb);
        unlink(side);
        snprintf(side, sizeof side, "%s-shm", tmpdb);
        unlink(side);
        *strrchr(tmpdb, '/') = '\0';
        rmdir(tmpdb);
    }
    return 0;
}
