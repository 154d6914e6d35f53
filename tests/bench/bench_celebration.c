/* bench_celebration.c — the celebration moment's speed and what it costs afterwards (SPEC §8).
 *
 *  1. animation frames: the in-process replay harness at 1920x1080 with SDL's software renderer.
 *     Siobhán (demo school) has a shout-out and a met goal waiting; each round signs her in, and
 *     for each moment times every 16 ms tick of the 2.2 s burst: the app's frame built, drawn by
 *     the software renderer and presented (SDL_GetPerformanceCounter around the harness's `wait
 *     16`, which is exactly one tick and one frame), as wall-clock time and as the thread's CPU
 *     time (which other load on a shared machine does not inflate). Between rounds her moments
 *     are made unseen again. Median, p99 and max. Target: every frame <= 8 ms at p99.
 *     It also checks the settled moment asks for no more frames (its next deadline is the idle
 *     warning), i.e. the kiosk goes back to sleeping.
 *  2. idle CPU: the real kiosk under Xvfb at 1920x1080: utime+stime from /proc/PID/stat over 10 s
 *     on the scan screen (15-25 s after start: one breath of the ring), then the badge typed into
 *     the window with xdotool as a USB scanner would, the CPU of the moment itself (4 s: greeting
 *     and burst), and 10 s after it with the settled moment on screen. The last should be back to
 *     the scan screen's figure. Skipped without Xvfb or xdotool.
 *
 * usage: bench_celebration [--rounds N] [--db PATH] [--kiosk PATH] [--admin PATH]
 * Without --db a demo school database is built with signpost-admin in a temporary folder. */
#include "app/app.h"
#include "platform/replay.h"

#include <SDL.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define STUDENT "E8005"
#define BURST_MS 2300

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double thread_cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* <build>/tests/bench/bench_celebration -> <build>/<rel> */
static void sibling(const char *rel, char *out, size_t len)
{
    char exe[900];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = '\0';
    for (int up = 0; up < 3; up++) {
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
    }
    snprintf(out, len, "%s/%s", exe, rel);
}

static int run(char *const argv[])
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (!freopen("/dev/null", "w", stdout))
            _exit(127);
        execv(argv[0], argv);
        _exit(127);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int unsee(const char *db)
{
    sqlite3 *c = NULL;
    int rc = sqlite3_open(db, &c);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(c,
                          "UPDATE celebrations SET seen_at = NULL WHERE student_id ="
                          " (SELECT id FROM students WHERE sis_id = '" STUDENT "')",
                          NULL, NULL, NULL);
    sqlite3_close(c);
    return rc;
}

static int line(sp_replay *r, const char *l)
{
    char err[1024];
    if (sp_replay_line(r, l, err, sizeof err) != 0) {
        fprintf(stderr, "bench_celebration: %s: %s\n", l, err);
        return -1;
    }
    return 0;
}

static int frames(const char *db, int rounds)
{
    char err[512];
    sp_replay_options opt = {.db_path = db, .kiosk_name = "bench"};
    sp_replay *r = sp_replay_new(&opt, err, sizeof err);
    if (!r) {
        fprintf(stderr, "bench_celebration: %s\n", err);
        return -1;
    }
    size_t cap = (size_t)rounds * 2 * (BURST_MS / 16 + 1), n = 0;
    double *ms = calloc(cap, sizeof *ms), *cpu = calloc(cap, sizeof *cpu);
    int rc = line(r, "size 1920 1080");
    bool sleeps = true;
    for (int round = 0; round < rounds && rc == 0 && ms && cpu; round++) {
        if ((rc = unsee(db)) != SQLITE_OK) {
            fprintf(stderr, "bench_celebration: cannot reset the moments: %s\n", sqlite3_errstr(rc));
            break;
        }
        if ((rc = line(r, "scan-student " STUDENT)) || (rc = line(r, "wait 1250")) ||
            (rc = line(r, "expect-screen celebration")))
            break;
        for (int moment = 0; moment < 2 && rc == 0; moment++) {
            for (int t = 0; t < BURST_MS / 16 && n < cap; t++) {
                double c0 = thread_cpu_ms();
                Uint64 t0 = SDL_GetPerformanceCounter();
                line(r, "wait 16");
                Uint64 t1 = SDL_GetPerformanceCounter();
                cpu[n] = thread_cpu_ms() - c0;
                ms[n++] = (double)(t1 - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
            }
            sp_app *app = sp_replay_app(r);
            uint64_t now = sp_replay_now(r);
            if (sp_app_next_deadline(app, now) < now + 30000 || sp_app_needs_redraw(app, now))
                sleeps = false; /* something still asks for frames after the burst */
            rc = line(r, "tap-text \"Next\"");
        }
        if (rc == 0)
            rc = line(r, "expect-screen goals");
        if (rc == 0)
            rc = line(r, "tap-text \"I'm done\"");
    }
    if (rc == 0 && n > 0) {
        qsort(ms, n, sizeof *ms, cmp_double);
        qsort(cpu, n, sizeof *cpu, cmp_double);
        size_t p99 = (size_t)((double)(n - 1) * 0.99);
        printf("celebration frames at 1920x1080, software renderer: %zu frames (%d rounds of 2 moments)\n", n, rounds);
        printf("  wall clock per frame: median %.2f ms, p99 %.2f ms, max %.2f ms [target p99 <= 8 ms]\n", ms[n / 2],
               ms[p99], ms[n - 1]);
        printf("  CPU time per frame (this thread; unaffected by other load on the machine): median %.2f ms, "
               "p99 %.2f ms, max %.2f ms\n",
               cpu[n / 2], cpu[p99], cpu[n - 1]);
        printf("after the burst the moment asks for %s\n",
               sleeps ? "no more frames (next deadline: the idle warning)" : "MORE FRAMES: it does not sleep");
    }
    free(ms);
    free(cpu);
    sp_replay_free(r);
    return rc == 0 ? 0 : -1;
}

/* ---- the real kiosk under Xvfb --------------------------------------------------------------- */

static pid_t start_xvfb(char *display, size_t len)
{
    if (access("/usr/bin/Xvfb", X_OK) != 0)
        return -1;
    for (int d = 160; d < 220; d++) {
        char lock[64], sock[64];
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
    unsigned long utime = 0, stime = 0;
    if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2)
        return -1;
    return (double)(utime + stime) / (double)sysconf(_SC_CLK_TCK);
}

/* Percent of a core the process used while sleeping `seconds`. */
static double cpu_over(pid_t pid, double seconds)
{
    double c0 = cpu_seconds(pid), t0 = now_s();
    usleep((useconds_t)(seconds * 1e6));
    double c1 = cpu_seconds(pid), t1 = now_s();
    return c0 < 0 || c1 < 0 ? -1 : 100.0 * (c1 - c0) / (t1 - t0);
}

static void idle(const char *kiosk, const char *db)
{
    if (access("/usr/bin/xdotool", X_OK) != 0) {
        printf("idle CPU: skipped (no xdotool to type the badge)\n");
        return;
    }
    char err[512], payload[128];
    sp_replay_options opt = {.db_path = db};
    sp_replay *r = sp_replay_new(&opt, err, sizeof err);
    bool have = r && sp_replay_student_payload(r, STUDENT, payload, sizeof payload);
    sp_replay_free(r);
    if (!have || unsee(db) != SQLITE_OK) {
        printf("idle CPU: skipped (no badge for %s)\n", STUDENT);
        return;
    }
    unsetenv("SDL_VIDEODRIVER");
    const char *display = getenv("DISPLAY");
    char disp[32];
    pid_t xvfb = -1;
    if (!display || !*display) {
        if ((xvfb = start_xvfb(disp, sizeof disp)) < 0) {
            printf("idle CPU: skipped (no DISPLAY and no Xvfb)\n");
            return;
        }
        setenv("DISPLAY", disp, 1);
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr))
            _exit(127);
        execl(kiosk, kiosk, "--db", db, "--windowed", "--size", "1920x1080", "--no-chime", (char *)NULL);
        _exit(127);
    }
    sleep(15);
    double scan = cpu_over(pid, 10); /* 15-25 s: holds one breath of the ring */
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "xdotool search --sync --name Signpost windowfocus --sync type --delay 2 '%s' && xdotool key Return",
             payload);
    int typed = system(cmd);
    double moment = cpu_over(pid, 4);  /* greeting and burst */
    usleep(500000);
    double after = cpu_over(pid, 10); /* the settled moment on screen */
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
    if (xvfb > 0) {
        kill(xvfb, SIGTERM);
        waitpid(xvfb, NULL, 0);
    }
    sqlite3 *c = NULL;
    long long seen = 0;
    if (sqlite3_open_v2(db, &c, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(c, "SELECT count(*) FROM kiosk_sessions s JOIN students t ON t.id = s.student_id"
                                  " WHERE t.sis_id = '" STUDENT "'", -1, &st, NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            seen = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(c);
    if (typed != 0 || seen == 0) {
        printf("idle CPU: the badge could not be typed into the kiosk window (xdotool exit %d)\n", typed);
        return;
    }
    printf("CPU at 1920x1080 (Xvfb, software renderer): scan screen %.2f %% of a core over 10 s with one breath; "
           "the moment (greeting and burst, 4 s) %.1f %%; the settled moment afterwards %.2f %% over 10 s "
           "[target: back to the scan screen's figure, <= 1 %%]\n",
           scan, moment, after);
}

int main(int argc, char **argv)
{
    const char *db = NULL;
    int rounds = 10;
    char kiosk[1024], admin[1024], tmpdb[1100] = "", dir[] = "/tmp/bench_celebration.XXXXXX";
    sibling("kiosk/signpost-kiosk", kiosk, sizeof kiosk);
    sibling("admin/signpost-admin", admin, sizeof admin);
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--db") == 0)
            db = argv[i + 1];
        else if (strcmp(argv[i], "--rounds") == 0)
            rounds = atoi(argv[i + 1]) > 0 ? atoi(argv[i + 1]) : 1;
        else if (strcmp(argv[i], "--kiosk") == 0)
            snprintf(kiosk, sizeof kiosk, "%s", argv[i + 1]);
        else if (strcmp(argv[i], "--admin") == 0)
            snprintf(admin, sizeof admin, "%s", argv[i + 1]);
    }
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    setenv("SDL_RENDER_DRIVER", "software", 0);
    if (!db) {
        if (!mkdtemp(dir)) {
            perror("mkdtemp");
            return 1;
        }
        snprintf(tmpdb, sizeof tmpdb, "%s/demo.db", dir);
        char *demo[] = {admin, "--db", tmpdb, "demo", NULL};
        char *badges[] = {admin, "--db", tmpdb, "badge", "issue", "--all-missing", NULL};
        if (run(demo) != 0 || run(badges) != 0) {
            fprintf(stderr, "bench_celebration: could not build the demo database with %s\n", admin);
            return 1;
        }
        db = tmpdb;
    }
    printf("database: %s\n", db);
    if (frames(db, rounds) != 0)
        return 1;
    idle(kiosk, db);
    if (tmpdb[0]) {
        char rm[1200];
        snprintf(rm, sizeof rm, "rm -rf '%s'", dir);
        if (system(rm) != 0)
            fprintf(stderr, "bench_celebration: could not remove %s\n", dir);
    }
    return 0;
}
