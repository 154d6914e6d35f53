/* fuzz_replay_script.c — fuzz target for the kiosk's replay script reader (kiosk/platform/replay.c):
 * every input is a script run line by line on a fresh harness over the demo school, the way
 * `signpost-kiosk --replay` runs it, with the real app, renderer and draw list behind it.
 *
 * Invariants checked on every input: a line is either carried out (0) or refused with a message
 * that says something (-1), nothing else; refusals never crash and after one the harness still
 * runs the next line (a fresh `expect-screen` on the same harness gives a screen name). Waits
 * longer than a minute are left out (virtual time walks every deadline on the way) and at most
 * 40 lines of a script are run, so an input costs milliseconds.
 *
 * Outcome (for the seeds' expected results): "ok" or the first refused line and its message up to
 * the first quote, e.g. "line 2: tap wants X Y, found". The demo school (with a badge for every
 * student) is built once into a scratch folder removed at exit, or taken from $SIGNPOST_FUZZ_DB. */
#include "fuzz_target.h"
#include "platform/replay.h"

#include "badge.h"
#include "db.h"
#include "demo_school.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { MAX_LINES = 40, MAX_WAIT_MS = 60000 };

static char scratch_dir[64];

static void remove_scratch(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch_dir);
    if (system(cmd) != 0)
        fprintf(stderr, "fuzz_replay_script: could not remove %s\n", scratch_dir);
}

static const char *demo_db(void)
{
    static char path[512];
    if (path[0])
        return path;
    const char *given = getenv("SIGNPOST_FUZZ_DB");
    if (given && *given) {
        snprintf(path, sizeof path, "%s", given);
        return path;
    }
    snprintf(scratch_dir, sizeof scratch_dir, "/tmp/signpost-fuzz-XXXXXX");
    if (!mkdtemp(scratch_dir))
        abort();
    atexit(remove_scratch);
    snprintf(path, sizeof path, "%s/demo.db", scratch_dir);
    char cmd[1200];
    const char *admin = getenv("SIGNPOST_ADMIN");
    snprintf(cmd, sizeof cmd,
             "SIGNPOST_NOW=2026-11-23T09:00:00Z '%s' --db '%s' demo >/dev/null && "
             "SIGNPOST_NOW=2026-11-23T09:00:00Z '%s' --db '%s' badge issue --all-missing >/dev/null",
             admin ? admin : "signpost-admin", path, admin ? admin : "signpost-admin", path);
    if (system(cmd) != 0) {
        fprintf(stderr, "fuzz_replay_script: cannot build the demo school (set SIGNPOST_ADMIN)\n");
        abort();
    }
    return path;
}

static bool long_wait(const char *line)
{
    while (*line == ' ' || *line == '\t')
        line++;
    return strncmp(line, "wait", 4) == 0 && strtol(line + 4, NULL, 10) > MAX_WAIT_MS;
}

/* Runs the script; returns the number of the first refused line (0: none) with its message. */
static int run_script(const uint8_t *data, size_t size, char *msg, size_t msglen)
{
    sp_replay_options opt = {.db_path = demo_db(), .kiosk_name = "fuzz"};
    char err[3000];
    sp_replay *r = sp_replay_new(&opt, err, sizeof err);
    if (!r) {
        fprintf(stderr, "fuzz_replay_script: %s\n", err);
        abort();
    }
    int refused = 0, lineno = 0;
    size_t at = 0;
    while (at < size && lineno < MAX_LINES) {
        size_t end = at;
        while (end < size && data[end] != '\n')
            end++;
        char line[1024];
        size_t n = end - at < sizeof line - 1 ? end - at : sizeof line - 1;
        memcpy(line, data + at, n);
        line[n] = '\0';
        at = end + 1;
        lineno++;
        if (long_wait(line))
            continue;
        err[0] = '\0';
        int rc = sp_replay_line(r, line, err, sizeof err);
        if (rc != 0 && rc != -1)
            abort();
        if (rc == -1 && !err[0])
            abort(); /* refused without saying why */
        if (rc == -1 && !refused) {
            refused = lineno;
            snprintf(msg, msglen, "%s", err);
        }
    }
    if (sp_replay_line(r, "expect-screen none-such", err, sizeof err) != -1 || !strstr(err, "expected screen"))
        abort(); /* the harness still answers after whatever came before */
    sp_replay_free(r);
    return refused;
}

void sp_fuzz_outcome(const uint8_t *data, size_t size, char *out, size_t outlen)
{
    char msg[3000] = "";
    int line = run_script(data, size, msg, sizeof msg);
    if (!line) {
        snprintf(out, outlen, "ok");
        return;
    }
    char *quote = strchr(msg, '"');
    if (quote)
        *quote = '\0';
    size_t n = strlen(msg);
    while (n && msg[n - 1] == ' ')
        msg[--n] = '\0';
    snprintf(out, outlen, "line %d: %s", line, msg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    SP_FUZZ_INJECTED_CRASH(size);
    char msg[3000];
    run_script(data, size, msg, sizeof msg);
    return 0;
}
