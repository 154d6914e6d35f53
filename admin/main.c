/* main.c — signpost-admin entry point: global options, noun/verb dispatch, help, and the
 * one-transaction-per-command rule (see admin.h). */
#include "admin.h"
#include "dates.h"
#include "db.h"
#include "out_file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void print_top_help(FILE *f)
{
    fprintf(f, "signpost-admin — set up and look after Signpost's milestones, rosters and badges\n\n"
               "Usage: signpost-admin [--db PATH] [--json] COMMAND [VERB] [ARGS]\n\n"
               "Global options:\n"
               "  --db PATH   database file (default: $SIGNPOST_DB, else $XDG_DATA_HOME/signpost/signpost.db)\n"
               "  --json      print results as JSON for scripts\n"
               "  --help      this help; `signpost-admin COMMAND --help` for a command's own help\n\n"
               "Commands:\n");
    for (int i = 0; sp_admin_nouns[i]; i++)
        fprintf(f, "  %-12s %s\n", sp_admin_nouns[i]->noun, sp_admin_nouns[i]->summary);
    fprintf(f, "\nExamples:\n"
               "  signpost-admin demo                       build the demo school\n"
               "  signpost-admin review --class ELA8-2      who needs attention, red first\n"
               "  signpost-admin student import roster.csv --dry-run\n"
               "\nExit codes: 0 success, 1 runtime failure, 2 bad usage or bad input (nothing changed).\n");
}

static void print_noun_help(FILE *f, const sp_admin_noun *n)
{
    const sp_admin_verb *v = n->verbs;
    if (!v[0].verb) {
        fputs(v[0].help, f);
        return;
    }
    fprintf(f, "signpost-admin %s — %s\n\nUsage: signpost-admin %s VERB [ARGS]\n\nVerbs:\n", n->noun, n->summary,
            n->noun);
    for (; v->fn; v++)
        fprintf(f, "  %-12s %s\n", v->verb, v->summary);
    fprintf(f, "\n`signpost-admin %s VERB --help` shows a verb's options and examples.\n", n->noun);
}

static bool wants_help(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return true;
    return false;
}

static int run_verb(sp_admin *a, const sp_admin_verb *v, int argc, char **argv)
{
    char err[1024], path[1024];
    if (wants_help(argc, argv)) {
        fputs(v->help, a->out);
        return sp_out_stream_ok(a->out) ? SP_EXIT_OK : SP_EXIT_RUNTIME;
    }
    if (!a->db_path)
        a->db_path = sp_db_default_path(path, sizeof path);
    if (!(v->flags & SP_VERB_NO_DB)) {
        a->db = sp_db_open(a->db_path, 0, err, sizeof err);
        if (!a->db)
            return sp_admin_fail(a, SP_EXIT_RUNTIME, "%s", err);
    }
    bool txn = a->db && !(v->flags & SP_VERB_OWN_TXN);
    if (txn && sqlite3_exec(a->db, (v->flags & SP_VERB_READONLY) ? "BEGIN" : "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        int rc = sp_admin_fail_sql(a, "cannot start a transaction");
        sp_db_close(a->db);
        return rc == SP_EXIT_USAGE ? SP_EXIT_RUNTIME : rc;
    }
    int rc = v->fn(a, argc, argv);
    /* What the verb printed must have arrived before its changes are kept: a report that went
     * nowhere (a full disk, a closed pipe) is a failure, and the changes are rolled back. */
    if (rc == SP_EXIT_OK && !sp_out_stream_ok(a->out))
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "writing the output failed: %s; nothing was changed", strerror(errno));
    if (txn) {
        if (rc == SP_EXIT_OK && sqlite3_exec(a->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
            rc = sp_admin_fail_sql(a, "saving the changes failed; nothing was changed");
        sp_db_rollback(a->db);
    }
    if (rc == SP_EXIT_OK && a->json && a->result) {
        json_dumpf(a->result, a->out, JSON_INDENT(2));
        fputc('\n', a->out);
        if (!sp_out_stream_ok(a->out))
            rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "writing the JSON result failed: %s%s", strerror(errno),
                               (txn && !(v->flags & SP_VERB_READONLY)) ? " (the changes were saved)" : "");
    }
    json_decref(a->result);
    sp_db_close(a->db);
    return rc;
}

/* Exit status after a last check that everything printed on stdout really arrived. */
static int finish(int rc)
{
    if (!sp_out_stream_ok(stdout) && rc == SP_EXIT_OK) {
        fprintf(stderr, "signpost-admin: writing the output failed: %s\n", strerror(errno ? errno : EIO));
        return SP_EXIT_RUNTIME;
    }
    return rc;
}

static int run(int argc, char **argv);

int main(int argc, char **argv)
{
    sp_private_files(); /* the database, backups, exports and badge sheets hold children's data */
    return finish(run(argc, argv));
}

static int run(int argc, char **argv)
{
    sp_admin a = {.out = stdout, .err = stderr, .today = sp_today()};
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            a.json = true;
        } else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            a.db_path = argv[++i];
        } else if (strncmp(argv[i], "--db=", 5) == 0) {
            a.db_path = argv[i] + 5;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            print_top_help(stdout);
            return SP_EXIT_OK;
        } else {
            fprintf(stderr, "signpost-admin: unknown global option '%s' (expected --db PATH, --json or --help)\n", argv[i]);
            return SP_EXIT_USAGE;
        }
    }
    if (i >= argc) {
        print_top_help(stderr);
        return SP_EXIT_USAGE;
    }
    const char *noun = argv[i++];
    const sp_admin_noun *n = NULL;
    for (int k = 0; sp_admin_nouns[k]; k++)
        if (strcmp(sp_admin_nouns[k]->noun, noun) == 0)
            n = sp_admin_nouns[k];
    if (!n) {
        fprintf(stderr, "signpost-admin: unknown command '%s' (see signpost-admin --help)\n", noun);
        return SP_EXIT_USAGE;
    }
    if (!n->verbs[0].verb) { /* a command without verbs: review, check, demo, ... */
        snprintf(a.command, sizeof a.command, "%s", n->noun);
        return run_verb(&a, &n->verbs[0], argc - i, argv + i);
    }
    if (i >= argc || strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
        print_noun_help(i >= argc ? stderr : stdout, n);
        return i >= argc ? SP_EXIT_USAGE : SP_EXIT_OK;
    }
    const char *verb = argv[i++];
    for (const sp_admin_verb *v = n->verbs; v->fn; v++)
        if (strcmp(v->verb, verb) == 0) {
            snprintf(a.command, sizeof a.command, "%s %s", n->noun, v->verb);
            return run_verb(&a, v, argc - i, argv + i);
        }
    fprintf(stderr, "signpost-admin %s: unknown verb '%s' (expected one of:", n->noun, verb);
    for (const sp_admin_verb *v = n->verbs; v->fn; v++)
        fprintf(stderr, " %s", v->verb);
    fprintf(stderr, ")\n");
    return SP_EXIT_USAGE;
}
