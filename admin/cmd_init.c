/* cmd_init.c — `signpost-admin init`: create (or upgrade) the database file. */
#include "admin.h"
#include "db.h"

static int init_run(sp_admin *a, int argc, char **argv)
{
    char err[1024];
    if (sp_admin_parse(a, argc, argv, NULL, 0, NULL, 0, NULL))
        return SP_EXIT_USAGE;
    sqlite3 *db = sp_db_open(a->db_path, SP_OPEN_CREATE, err, sizeof err);
    if (!db)
        return sp_admin_fail(a, SP_EXIT_RUNTIME, "%s", err);
    int version = sp_db_user_version(db);
    sp_db_close(db);
    if (a->json)
        a->result = json_pack("{s:s, s:i}", "database", a->db_path, "schema_version", version);
    sp_admin_printf(a, "Database ready at %s (schema version %d)\n", a->db_path, version);
    return SP_EXIT_OK;
}

static const sp_admin_verb INIT_VERBS[] = {
    {NULL, init_run, SP_VERB_NO_DB, "create or upgrade the database",
     "Usage: signpost-admin [--db PATH] init\n\n"
     "Creates the database file (WAL mode, current schema) or upgrades an older one in place.\n"
     "A database written by a newer Signpost is refused.\n\n"
     "Example:\n  signpost-admin --db /srv/signpost/school.db init\n"},
    {0}};

const sp_admin_noun sp_cmd_init = {"init", "create or upgrade the database file", INIT_VERBS};
