/* cmd_staff.c — `signpost-admin staff`: add, list, show, edit, archive, import teachers and other
 * staff.
 *
 * Staff are keyed by a staff code (e.g. T01). Their role decides what the kiosk's teacher menu
 * allows: teacher, support or admin. `import` (staff_import.c) loads them all from a CSV. */
#include "admin.h"
#include "db.h"
#include "roster_fields.h"
#include "table_out.h"

#include <string.h>

enum { O_CODE, O_GIVEN, O_FAMILY, O_DISPLAY, O_EMAIL, O_ROLE, O_NEW_CODE, O_COUNT };

static void staff_opts(sp_opt o[O_COUNT])
{
    static const char *const names[O_COUNT] = {"code", "given", "family", "display", "email", "role", "new-code"};
    for (int i = 0; i < O_COUNT; i++)
        o[i] = (sp_opt){names[i], true, NULL};
}

bool sp_staff_role_ok(const char *r)
{
    return strcmp(r, "teacher") == 0 || strcmp(r, "support") == 0 || strcmp(r, "admin") == 0;
}

bool sp_staff_email_ok(const char *e)
{
    const char *at = strchr(e, '@');
    return !*e || (at && at != e && at[1] && !strchr(at + 1, '@') && !strpbrk(e, " \t"));
}

static int check_fields(sp_admin *a, const sp_opt *o)
{
    int rc;
    if ((rc = sp_admin_check_text(a, "--given", o[O_GIVEN].value, SP_NAME_MAX, false)) ||
        (rc = sp_admin_check_text(a, "--family", o[O_FAMILY].value, SP_NAME_MAX, false)) ||
        (rc = sp_admin_check_text(a, "--display", o[O_DISPLAY].value, SP_NAME_MAX, false)) ||
        (rc = sp_admin_check_text(a, "--email", o[O_EMAIL].value, SP_EMAIL_MAX, false)) ||
        (rc = sp_admin_check_text(a, "--new-code", o[O_NEW_CODE].value, SP_CODE_MAX, false)))
        return rc;
    if (o[O_GIVEN].value && !*o[O_GIVEN].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--given: expected a given name (1 to 200 characters), got nothing");
    if (o[O_NEW_CODE].value && !*o[O_NEW_CODE].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--new-code: expected a staff code (1 to 64 characters), got nothing");
    if (o[O_EMAIL].value && !sp_staff_email_ok(o[O_EMAIL].value))
        return sp_admin_fail(a, SP_EXIT_USAGE, "--email: expected an address such as name@school.org, got '%s'",
                             o[O_EMAIL].value);
    if (o[O_ROLE].value && !sp_staff_role_ok(o[O_ROLE].value)) {
        char ex[128];
        return sp_admin_fail(a, SP_EXIT_USAGE, "--role: expected teacher, support or admin, got '%s'",
                             sp_excerpt(o[O_ROLE].value, ex, sizeof ex));
    }
    return SP_EXIT_OK;
}

static bool code_exists(sp_admin *a, const char *code)
{
    sqlite3_stmt *st = NULL;
    bool exists = false;
    if (sqlite3_prepare_v2(a->db, "SELECT 1 FROM staff WHERE staff_code = ?1", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
        exists = sqlite3_step(st) == SQLITE_ROW;
    }
    sqlite3_finalize(st);
    return exists;
}

static json_t *staff_json(sp_admin *a, long long id, bool details)
{
    sqlite3_stmt *st = NULL;
    json_t *o = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "SELECT id, staff_code, given_name, family_name, display_name, email, role, archived, created_at "
                           "FROM staff WHERE id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW)
        o = sp_json_from_stmt(st);
    sqlite3_finalize(st);
    if (!o || !details)
        return o;
    json_t *classes = json_array();
    if (sqlite3_prepare_v2(a->db,
                           "SELECT code, name, (SELECT count(*) FROM enrollments e WHERE e.class_id = classes.id) AS students "
                           "FROM classes WHERE teacher_id = ?1 AND archived = 0 ORDER BY code",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, id);
        while (sqlite3_step(st) == SQLITE_ROW)
            json_array_append_new(classes, sp_json_from_stmt(st));
    }
    sqlite3_finalize(st);
    json_object_set_new(o, "classes", classes);
    const char *issued = NULL;
    if (sqlite3_prepare_v2(a->db, "SELECT issued_at FROM badges WHERE staff_id = ?1 AND revoked_at IS NULL", -1, &st, NULL) ==
        SQLITE_OK) {
        sqlite3_bind_int64(st, 1, id);
        if (sqlite3_step(st) == SQLITE_ROW)
            issued = (const char *)sqlite3_column_text(st, 0);
        json_object_set_new(o, "badge", json_pack("{s:s, s:o}", "status", issued ? "active" : "none", "issued_at",
                                                  issued ? json_string(issued) : json_null()));
    }
    sqlite3_finalize(st);
    return o;
}

static int staff_add(sp_admin *a, int argc, char **argv)
{
    sp_opt o[O_COUNT];
    staff_opts(o);
    int rc;
    if ((rc = sp_admin_parse(a, argc, argv, o, O_NEW_CODE, NULL, 0, NULL)))
        return rc;
    if (!o[O_CODE].value || !*o[O_CODE].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--code: expected a staff code such as T01 (1 to 64 characters), got nothing");
    if (!o[O_GIVEN].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--given: expected a given name (1 to 200 characters), got nothing");
    if ((rc = sp_admin_check_text(a, "--code", o[O_CODE].value, SP_CODE_MAX, false)) || (rc = check_fields(a, o)))
        return rc;
    if (code_exists(a, o[O_CODE].value))
        return sp_admin_fail(a, SP_EXIT_USAGE, "--code: a staff member with code '%s' already exists (use `staff edit`)",
                             o[O_CODE].value);
    char now[32];
    sp_now_iso(now);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "INSERT INTO staff(staff_code, given_name, family_name, display_name, email, role, created_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "adding the staff member failed");
    sqlite3_bind_text(st, 1, o[O_CODE].value, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, o[O_GIVEN].value, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, o[O_FAMILY].value ? o[O_FAMILY].value : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, o[O_DISPLAY].value ? o[O_DISPLAY].value : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, o[O_EMAIL].value ? o[O_EMAIL].value : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, o[O_ROLE].value ? o[O_ROLE].value : "teacher", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, now, -1, SQLITE_STATIC);
    rc = sqlite3_step(st) == SQLITE_DONE ? SP_EXIT_OK : sp_admin_fail_sql(a, "adding the staff member failed");
    sqlite3_finalize(st);
    if (rc)
        return rc;
    long long id = sqlite3_last_insert_rowid(a->db);
    sp_admin_printf(a, "Added %s %s: %s %s\n", o[O_ROLE].value ? o[O_ROLE].value : "teacher", o[O_CODE].value,
                    o[O_GIVEN].value, o[O_FAMILY].value ? o[O_FAMILY].value : "");
    if (a->json)
        a->result = staff_json(a, id, false);
    return SP_EXIT_OK;
}

static int staff_edit(sp_admin *a, int argc, char **argv)
{
    sp_opt o[O_COUNT];
    staff_opts(o);
    const char *pos[1];
    int npos = 0, rc;
    long long id;
    if ((rc = sp_admin_parse(a, argc, argv, o, O_COUNT, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the staff code of the person to edit (see --help)");
    if (o[O_CODE].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--code cannot be changed here: use --new-code NEW");
    bool any = false;
    for (int i = 0; i < O_COUNT; i++)
        any = any || o[i].value;
    if (!any)
        return sp_admin_fail(a, SP_EXIT_USAGE, "nothing to change: give at least one option such as --display or --role");
    if ((rc = sp_admin_find_staff(a, pos[0], &id)) || (rc = check_fields(a, o)))
        return rc;
    if (o[O_NEW_CODE].value && strcmp(o[O_NEW_CODE].value, pos[0]) != 0 && code_exists(a, o[O_NEW_CODE].value))
        return sp_admin_fail(a, SP_EXIT_USAGE, "--new-code: another staff member already has code '%s'", o[O_NEW_CODE].value);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "UPDATE staff SET staff_code = coalesce(?1, staff_code), given_name = coalesce(?2, given_name), "
                           "family_name = coalesce(?3, family_name), display_name = coalesce(?4, display_name), "
                           "email = coalesce(?5, email), role = coalesce(?6, role) WHERE id = ?7",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "editing the staff member failed");
    const int order[] = {O_NEW_CODE, O_GIVEN, O_FAMILY, O_DISPLAY, O_EMAIL, O_ROLE};
    for (int i = 0; i < 6; i++)
        if (o[order[i]].value)
            sqlite3_bind_text(st, 1 + i, o[order[i]].value, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 7, id);
    rc = sqlite3_step(st) == SQLITE_DONE ? SP_EXIT_OK : sp_admin_fail_sql(a, "editing the staff member failed");
    sqlite3_finalize(st);
    if (rc)
        return rc;
    sp_admin_printf(a, "Updated staff member %s\n", o[O_NEW_CODE].value ? o[O_NEW_CODE].value : pos[0]);
    if (a->json)
        a->result = staff_json(a, id, false);
    return SP_EXIT_OK;
}

static int staff_list(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"archived", false, NULL}, {"role", true, NULL}};
    int rc;
    if ((rc = sp_admin_parse(a, argc, argv, o, 2, NULL, 0, NULL)))
        return rc;
    if (o[1].value && !sp_staff_role_ok(o[1].value))
        return sp_admin_fail(a, SP_EXIT_USAGE, "--role: expected teacher, support or admin, got '%s'", o[1].value);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "SELECT staff_code, given_name, family_name, display_name, email, role, "
                           "(SELECT count(*) FROM classes c WHERE c.teacher_id = staff.id AND c.archived = 0) AS classes, "
                           "archived FROM staff WHERE archived = ?1 AND (?2 IS NULL OR role = ?2) "
                           "ORDER BY family_name, given_name, staff_code",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "listing staff failed");
    sqlite3_bind_int(st, 1, o[0].value != NULL);
    if (o[1].value)
        sqlite3_bind_text(st, 2, o[1].value, -1, SQLITE_STATIC);
    sp_table *t = sp_table_new(7, (const char *[]){"Code", "Given", "Family", "Display", "Email", "Role", "Classes"});
    json_t *arr = json_array();
    int s;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        sp_table_add_stmt(t, st);
        json_array_append_new(arr, sp_json_from_stmt(st));
    }
    sqlite3_finalize(st);
    if (s != SQLITE_DONE) {
        sp_table_free(t);
        json_decref(arr);
        return sp_admin_fail_sql(a, "listing staff failed");
    }
    if (!a->json)
        sp_table_print(t, a->out, o[0].value ? "No archived staff." : "No staff yet (add someone with `staff add`).");
    sp_table_free(t);
    if (a->json)
        a->result = arr;
    else
        json_decref(arr);
    return SP_EXIT_OK;
}

static int staff_show(sp_admin *a, int argc, char **argv)
{
    const char *pos[1];
    int npos = 0, rc;
    long long id;
    if ((rc = sp_admin_parse(a, argc, argv, NULL, 0, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the staff code of the person to show (see --help)");
    if ((rc = sp_admin_find_staff(a, pos[0], &id)))
        return rc;
    json_t *o = staff_json(a, id, true);
    if (!o)
        return sp_admin_fail_sql(a, "reading the staff member failed");
    if (a->json) {
        a->result = o;
        return SP_EXIT_OK;
    }
    FILE *f = a->out;
    const char *display = json_string_value(json_object_get(o, "display_name"));
    const char *email = json_string_value(json_object_get(o, "email"));
    fprintf(f, "%s %s%s%s%s\n", json_string_value(json_object_get(o, "given_name")),
            json_string_value(json_object_get(o, "family_name")), display && *display ? " (shown as " : "",
            display && *display ? display : "", display && *display ? ")" : "");
    fprintf(f, "  Code:    %s%s\n", pos[0], json_integer_value(json_object_get(o, "archived")) ? "  [archived]" : "");
    fprintf(f, "  Role:    %s\n", json_string_value(json_object_get(o, "role")));
    fprintf(f, "  Email:   %s\n", email && *email ? email : "-");
    json_t *classes = json_object_get(o, "classes");
    fprintf(f, "  Classes: ");
    if (!json_array_size(classes))
        fprintf(f, "none");
    for (size_t i = 0; i < json_array_size(classes); i++) {
        json_t *c = json_array_get(classes, i);
        fprintf(f, "%s%s (%lld students)", i ? ", " : "", json_string_value(json_object_get(c, "code")),
                (long long)json_integer_value(json_object_get(c, "students")));
    }
    json_t *badge = json_object_get(o, "badge");
    const char *issued = json_string_value(json_object_get(badge, "issued_at"));
    fprintf(f, "\n  Badge:   %s%s\n", issued ? "active, issued " : "none", issued ? issued : "");
    json_decref(o);
    return SP_EXIT_OK;
}

static int staff_archive(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"undo", false, NULL}};
    const char *pos[1];
    int npos = 0, rc;
    long long id;
    if ((rc = sp_admin_parse(a, argc, argv, o, 1, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the staff code of the person to archive (see --help)");
    if ((rc = sp_admin_find_staff(a, pos[0], &id)))
        return rc;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "UPDATE staff SET archived = ?1 WHERE id = ?2", -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "archiving failed");
    sqlite3_bind_int(st, 1, o[0].value == NULL);
    sqlite3_bind_int64(st, 2, id);
    rc = sqlite3_step(st) == SQLITE_DONE ? SP_EXIT_OK : sp_admin_fail_sql(a, "archiving failed");
    sqlite3_finalize(st);
    if (rc)
        return rc;
    sp_admin_printf(a, o[0].value ? "Staff member %s is active again\n"
                                  : "Archived staff member %s (the milestones and data they entered are kept)\n",
                    pos[0]);
    if (a->json)
        a->result = staff_json(a, id, false);
    return SP_EXIT_OK;
}

static const sp_admin_verb STAFF_VERBS[] = {
    {"add", staff_add, 0, "add a teacher or other staff member",
     "Usage: signpost-admin staff add --code CODE --given NAME [OPTIONS]\n\n"
     "Options:\n"
     "  --code CODE        unique staff code, such as T01 (1-64 characters)\n"
     "  --given NAME       given name (1-200 characters)\n"
     "  --family NAME      family name\n"
     "  --display NAME     how students see them, such as \"Ms. Rivera\"\n"
     "  --email ADDRESS    email address\n"
     "  --role ROLE        teacher (default), support or admin\n\n"
     "Example:\n  signpost-admin staff add --code T01 --given Ana --family Rivera --display \"Ms. Rivera\" --role teacher\n"},
    {"list", staff_list, SP_VERB_READONLY, "list staff",
     "Usage: signpost-admin staff list [--role ROLE] [--archived]\n\n"
     "Options:\n"
     "  --role ROLE   only teachers, support or admin staff\n"
     "  --archived    list archived staff instead of active ones\n\n"
     "Example:\n  signpost-admin staff list --role teacher\n"},
    {"show", staff_show, SP_VERB_READONLY, "a staff member, their classes and badge",
     "Usage: signpost-admin staff show CODE\n\nExample:\n  signpost-admin staff show T01\n"},
    {"edit", staff_edit, 0, "change a staff member's details",
     "Usage: signpost-admin staff edit CODE [OPTIONS]\n\n"
     "Options:\n"
     "  --given, --family, --display, --email, --role   as for `staff add`\n"
     "  --new-code CODE    change the staff code\n\n"
     "Example:\n  signpost-admin staff edit T01 --display \"Dr. Rivera\"\n"},
    {"archive", staff_archive, 0, "archive a staff member who left (or --undo)",
     "Usage: signpost-admin staff archive CODE [--undo]\n\n"
     "Hides them from lists; what they entered is kept. --undo restores them.\n\n"
     "Example:\n  signpost-admin staff archive T01\n"},
    {"import", sp_staff_import, 0, "add or update staff from a CSV (an SIS export)",
     "Usage: signpost-admin staff import FILE.csv [--dry-run]\n\n"
     "Reads staff exported from a spreadsheet or SIS (UTF-8, with or without BOM, CRLF or LF,\n"
     "quoted values may hold commas and line breaks; a line break in a name becomes a space). The\n"
     "first row names the columns (any case):\n"
     "  staff_code, given_name       required: the staff code (1-64 characters) and given name\n"
     "  family_name, display_name    optional (display_name is how students see them: \"Ms. Rivera\")\n"
     "  email                        optional: name@school.org\n"
     "  role                         optional: teacher, support or admin (any case)\n"
     "Staff are matched by staff_code: new ones are added, existing ones updated. A column the file\n"
     "lacks leaves the stored values alone; an empty role means teacher for someone new and keeps\n"
     "an existing person's role. If any line is bad (a missing code or name, a bad email or role,\n"
     "a code twice, text that is not UTF-8 or too long), every bad line is reported as `line N,\n"
     "column NAME: expected ..., got '...'` and nothing is imported.\n\n"
     "Options:\n"
     "  --dry-run   check the file and report what would happen; write nothing\n\n"
     "Examples:\n"
     "  signpost-admin staff import staff.csv --dry-run\n"
     "  signpost-admin --json staff import staff.csv\n"},
    {0}};

const sp_admin_noun sp_cmd_staff = {"staff", "add, import and look after teachers and other staff", STAFF_VERBS};
