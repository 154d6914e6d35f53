/* test_support.c — see test_support.h. */
#include "test_support.h"
#include "db.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char tmpdir[512];

const char *ts_tmpdir(void)
{
    if (!tmpdir[0]) {
        const char *base = getenv("TMPDIR");
        snprintf(tmpdir, sizeof tmpdir, "%s/signpost-test-XXXXXX", base && *base ? base : "/tmp");
        if (!mkdtemp(tmpdir))
            fail_msg("cannot create a scratch directory");
    }
    return tmpdir;
}

const char *ts_path(const char *name)
{
    static char slots[8][1024];
    static int next;
    char *p = slots[next++ % 8];
    snprintf(p, 1024, "%s/%s", ts_tmpdir(), name);
    return p;
}

void ts_cleanup(void)
{
    if (tmpdir[0]) {
        char cmd[600];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
        if (system(cmd) != 0)
            fprintf(stderr, "warning: could not remove %s\n", tmpdir);
        tmpdir[0] = 0;
    }
}

const char *ts_write_file(const char *name, const char *text, size_t len)
{
    const char *p = ts_path(name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    fclose(f);
    return p;
}

static char *slurp_fd(int fd)
{
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    ssize_t n;
    while ((n = read(fd, buf + len, cap - len - 1)) > 0) {
        len += (size_t)n;
        if (cap - len < 2) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    buf[len] = 0;
    return buf;
}

ts_run_result ts_admin_argv(const char *db, const char *const *args)
{
    ts_run_result r = {0};
    const char *argv[128];
    int n = 0;
    argv[n++] = SIGNPOST_ADMIN_BIN;
    if (db) {
        argv[n++] = "--db";
        argv[n++] = db;
    }
    for (int i = 0; args[i] && n < 127; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    char outp[1100], errp[1100];
    snprintf(outp, sizeof outp, "%s", ts_path("admin.stdout"));
    snprintf(errp, sizeof errp, "%s", ts_path("admin.stderr"));
    pid_t pid = fork();
    if (pid == 0) {
        int o = open(outp, O_WRONLY | O_CREAT | O_TRUNC, 0600), e = open(errp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(o, 1);
        dup2(e, 2);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    int fo = open(outp, O_RDONLY), fe = open(errp, O_RDONLY);
    r.out = slurp_fd(fo);
    r.err = slurp_fd(fe);
    close(fo);
    close(fe);
    return r;
}

ts_run_result ts_admin(const char *db, ...)
{
    const char *args[120];
    int n = 0;
    va_list ap;
    va_start(ap, db);
    const char *s;
    while ((s = va_arg(ap, const char *)) && n < 119)
        args[n++] = s;
    va_end(ap);
    args[n] = NULL;
    return ts_admin_argv(db, args);
}

void ts_run_free(ts_run_result *r)
{
    free(r->out);
    free(r->err);
    r->out = r->err = NULL;
}

uint64_t ts_file_hash(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    uint64_t h = 1469598103934665603ULL;
    int c;
    while ((c = fgetc(f)) != EOF)
        h = (h ^ (unsigned char)c) * 1099511628211ULL;
    fclose(f);
    return h;
}

sqlite3 *ts_open(const char *path)
{
    char err[512];
    sqlite3 *db = sp_db_open(path, 0, err, sizeof err);
    if (!db)
        fail_msg("cannot open %s: %s", path, err);
    return db;
}

long long ts_query_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long long v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("bad test query %s: %s", sql, sqlite3_errmsg(db));
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}
