/* cmd_demo.c — `signpost-admin demo`: build the demo school (shared/demo_school.c) in one
 * transaction, then evaluate every milestone with the real progress rules and print a summary.
 *
 * The verb opens the database itself (creating it when missing) so `signpost-admin --db x.db demo`
 * works on a new file. It refuses a database that already has students unless --force, which
 * replaces everything in it with the demo school. */
#include "admin.h"
#include "dates.h"
#include "db.h"
#include "demo_school.h"

#include <string.h>

static int demo_run(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"force", false, NULL}};
    char err[1024];
    int rc;
    if ((rc = sp_admin_parse(a, argc, argv, o, 1, NULL, 0, NULL)))
        return rc;
    bool force = o[0].value != NULL;
    sqlite3 *db = sp_db_open(a->db_path, SP_OPEN_CREATE, err, sizeof err);
    if (!db)
        return sp_admin_fail(a, SP_EXIT_RUNTIME, "%s", err);
    a->db = db; /* main.c closes it */
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
        sp_admin_fail_sql(a, "cannot start a transaction");
        return SP_EXIT_RUNTIME;
    }

    sqlite3_stmt *st = NULL;
    long long students = 0;
    if (sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM students) + (SELECT count(*) FROM classes) + "
                               "(SELECT count(*) FROM staff), (SELECT count(*) FROM students)",
                           -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        rc = sp_admin_fail_sql(a, "reading the database failed");
        goto rollback;
    }
    long long rows = sqlite3_column_int64(st, 0);
    students = sqlite3_column_int64(st, 1);
    sqlite3_finalize(st);
    if (rows > 0 && !force) {
        rc = sp_admin_fail(a, SP_EXIT_USAGE,
                           "%s already has %lld students (and classes or staff); the demo needs an empty database. "
                           "Use another --db, or add --force to replace everything in it with the demo school",
                           a->db_path, students);
        goto rollback;
    }
    if (rows > 0 && sp_demo_clear(db, err, sizeof err) != SQLITE_OK) {
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "%s", err);
        goto rollback;
    }
    sp_demo_summary sum;
    if (sp_demo_build(db, a->today, &sum, err, sizeof err) != SQLITE_OK) {
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "%s", err);
        goto rollback;
    }
    char report[4096];
    if (sp_demo_check(db, a->today, &sum, report, sizeof report) != SQLITE_OK) {
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "evaluating the demo milestones failed: %s", report);
        goto rollback;
    }
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        rc = sp_admin_fail_sql(a, "saving the demo school failed");
        goto rollback;
    }
    if (sum.mismatches)
        fprintf(a->err, "signpost-admin demo: warning: %d milestones do not show their planned outcome:\n%s",
                sum.mismatches, report);

    char today[11];
    sp_date_format(a->today, today);
    if (a->json) {
        a->result = json_pack(
            "{s:s, s:s, s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:{s:i, s:i, s:i, s:i}, s:{s:i, s:i, s:i, s:i, s:i, "
            "s:i, s:i}, s:i}",
            "database", a->db_path, "today", today, "staff", sum.staff, "classes", sum.classes, "students",
            sum.students, "milestones", sum.milestones, "measurements", sum.measurements, "units", sum.units,
            "learning_targets", sum.targets, "celebrations", sum.celebrations, "lights", "green",
            sum.lights[SP_LIGHT_GREEN], "yellow", sum.lights[SP_LIGHT_YELLOW], "red", sum.lights[SP_LIGHT_RED], "none",
            sum.lights[SP_LIGHT_NONE], "outcomes", "met", sum.outcomes[SP_DEMO_MET], "raise_the_goal",
            sum.outcomes[SP_DEMO_RAISE], "baselining", sum.outcomes[SP_DEMO_BASELINING], "stale",
            sum.outcomes[SP_DEMO_STALE], "no_data", sum.outcomes[SP_DEMO_NO_DATA], "red",
            sum.outcomes[SP_DEMO_RED], "yellow", sum.outcomes[SP_DEMO_YELLOW], "mismatches", sum.mismatches);
    }
    sp_admin_printf(a,
                    "Demo school ready in %s (dated around %s).\n"
                    "  %d classes, %d staff, %d students\n"
                    "  %d milestones, %d data points, %d celebrations\n"
                    "  %d units with %d learning targets, %d mastery ratings\n"
                    "  lights: %d green, %d yellow (%d with no recent data), %d red; %d met, %d baselining, "
                    "%d ready to raise the goal\n"
                    "Try: signpost-admin review --class ELA8-2\n",
                    a->db_path, today, sum.classes, sum.staff, sum.students, sum.milestones, sum.measurements,
                    sum.celebrations, sum.units, sum.targets, sum.ratings, sum.lights[SP_LIGHT_GREEN],
                    sum.lights[SP_LIGHT_YELLOW], sum.outcomes[SP_DEMO_STALE], sum.lights[SP_LIGHT_RED],
                    sum.outcomes[SP_DEMO_MET], sum.outcomes[SP_DEMO_BASELINING], sum.outcomes[SP_DEMO_RAISE]);
    return SP_EXIT_OK;

rollback:
    sp_db_rollback(db);
    return rc;
}

static const sp_admin_verb DEMO_VERBS[] = {
    {NULL, demo_run, SP_VERB_NO_DB, "build the demo school from the worked examples",
     "Usage: signpost-admin [--db PATH] demo [--force]\n\n"
     "Builds a demo school in one transaction: 7 classes from kindergarten reading to a senior seminar,\n"
     "their teachers, about 60 students with names from many languages and scripts, reading supports,\n"
     "milestones from the worked examples (claim and evidence, off-task prompts, coping strategies,\n"
     "quiz scores, attendance, algebra grade, FAFSA steps, discussion) with weeks of data dated\n"
     "relative to today, support changes, if/then rules, self-checks, celebrations, a shout-out,\n"
     "units with \"I can\" learning targets and teacher mastery ratings. The milestones show a deliberate\n"
     "mix of green, yellow, red, met, baselining and raise-the-goal; the summary counts them.\n"
     "The file is created when missing. The same date gives the same school ($SIGNPOST_NOW sets the\n"
     "date).\n\n"
     "Options:\n"
     "  --force   the database already has people in it: delete everything and build the demo\n\n"
     "Examples:\n"
     "  signpost-admin --db demo.db demo\n"
     "  SIGNPOST_NOW=2025-03-14 signpost-admin --db demo.db demo --force\n"},
    {0}};

const sp_admin_noun sp_cmd_demo = {"demo", "build a demo school from the worked examples", DEMO_VERBS};
