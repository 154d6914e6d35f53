/* admin.h — the command framework of signpost-admin.
 *
 * `signpost-admin [--db PATH] [--json] NOUN [VERB] [ARGS]`. Each noun lives in its own
 * cmd_<noun>.c and exports one sp_admin_noun; commands.c lists them. A verb function gets the
 * context with the database already open and, unless the verb is marked read-only, a
 * transaction already begun: returning 0 commits, anything else rolls back, so bad input changes
 * nothing. Exit codes: 0 success, 1 runtime failure, 2 bad usage or bad input. */
#ifndef SP_ADMIN_H
#define SP_ADMIN_H

#include <jansson.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>

enum { SP_EXIT_OK = 0, SP_EXIT_RUNTIME = 1, SP_EXIT_USAGE = 2 };

typedef struct sp_admin {
    sqlite3 *db;         /* open database (NULL for verbs flagged SP_VERB_NO_DB) */
    const char *db_path; /* path it was opened from */
    bool json;           /* --json: print machine-readable JSON on stdout */
    FILE *out;           /* normal output (stdout) */
    FILE *err;           /* messages for people (stderr) */
    char command[64];    /* "student add": prefixes every message */
    int today;           /* day number of today (honours $SIGNPOST_NOW) */
    json_t *result;      /* verbs put their JSON result here; printed after commit when --json */
} sp_admin;

typedef int (*sp_admin_fn)(sp_admin *a, int argc, char **argv);

enum {
    SP_VERB_READONLY = 1, /* no write transaction (still one read transaction) */
    SP_VERB_NO_DB = 2,    /* manages the database file itself (init, backup) */
    SP_VERB_OWN_TXN = 4,  /* the verb manages its own transactions (demo, big imports) */
};

typedef struct {
    const char *verb;    /* NULL for a noun that is itself the command (review, check) */
    sp_admin_fn fn;
    int flags;
    const char *summary; /* one line for the noun's help */
    const char *help;    /* full help: usage, options, examples */
} sp_admin_verb;

typedef struct {
    const char *noun;
    const char *summary;
    const sp_admin_verb *verbs; /* terminated by an entry with fn == NULL */
} sp_admin_noun;

/* The table of nouns (commands.c), terminated by NULL. */
extern const sp_admin_noun *const sp_admin_nouns[];

/* Prints "signpost-admin <command>: <message>\n" on stderr and returns code, so a verb can
 * `return sp_admin_fail(a, SP_EXIT_USAGE, "--due: expected YYYY-MM-DD or +6w, got '%s'", v);` */
int sp_admin_fail(sp_admin *a, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Same for a failed SQLite call: includes sqlite3_errmsg and returns SP_EXIT_RUNTIME, or
 * SP_EXIT_USAGE when the error is a constraint violation (the input broke a rule). */
int sp_admin_fail_sql(sp_admin *a, const char *what);

/* Prints text output only when not in --json mode. */
void sp_admin_printf(sp_admin *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- option parsing -------------------------------------------------------------------- */

/* One option a verb accepts. Flags (takes_value = false) are set to "1" when present. */
typedef struct {
    const char *name;  /* without dashes: "due" for --due */
    bool takes_value;
    const char *value; /* out: the value given, or NULL */
} sp_opt;

/* Parses argv against opts (array of n). Positional arguments are collected into pos (at most
 * maxpos). Accepts --name value and --name=value. `--help` is handled by the caller before this.
 * On an unknown option, a missing value or too many positionals, prints a usage error and
 * returns SP_EXIT_USAGE; otherwise 0. */
int sp_admin_parse(sp_admin *a, int argc, char **argv, sp_opt *opts, int n, const char **pos, int maxpos,
                   int *npos);

/* Looks up an option's value by name in an already parsed array (NULL if absent). */
const char *sp_opt_get(const sp_opt *opts, int n, const char *name);

/* Validates a text field from the command line or a file (UTF-8, length, controls). On failure
 * prints "<field> <why>" and returns SP_EXIT_USAGE. */
int sp_admin_check_text(sp_admin *a, const char *field, const char *value, size_t max_chars, bool multiline);

/* Parses a date option (YYYY-MM-DD, today, +6w, +10d); on failure prints what was expected. */
int sp_admin_parse_date(sp_admin *a, const char *field, const char *value, int *day);

/* Parses a number option (finite double); on failure prints what was expected. */
int sp_admin_parse_number(sp_admin *a, const char *field, const char *value, double *out);

/* Finds an active student by SIS id (or "#<row id>"); on failure prints "no student with SIS id
 * 'X'" and returns SP_EXIT_USAGE. */
int sp_admin_find_student(sp_admin *a, const char *sis_id, long long *id);
int sp_admin_find_class(sp_admin *a, const char *code, long long *id);
int sp_admin_find_staff(sp_admin *a, const char *code, long long *id);
int sp_admin_find_milestone(sp_admin *a, const char *id_text, long long *id);

/* `milestone translate` (cmd_translate.c), listed among the milestone verbs. */
int sp_cmd_milestone_translate(sp_admin *a, int argc, char **argv);
extern const char sp_cmd_milestone_translate_help[];

#endif
