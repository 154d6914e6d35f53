/* staff_import.c — `signpost-admin staff import`: a school's teachers and staff from an SIS export.
 *
 * One line per person: staff_code and given_name required; family_name, display_name, email and
 * role optional. People are matched by staff_code: new ones are added, existing ones updated; a
 * column the file lacks leaves the stored values alone. An empty role cell means teacher for
 * someone new and leaves an existing person's role as it is, so a blank cell never takes away
 * admin rights. Roles may be written in any case. The checks and limits are those of `staff add`
 * (roster_fields.h); the all-or-nothing driver is roster_import.c. */
#include "db.h"
#include "roster_fields.h"
#include "roster_import.h"

#include <ctype.h>
#include <string.h>

enum { C_CODE, C_GIVEN, C_FAMILY, C_DISPLAY, C_EMAIL, C_ROLE };

/* The role in lower case, or "" when it is empty or not a role. */
static const char *role_of(const char *v, char out[16])
{
    size_t n = strlen(v);
    out[0] = 0;
    if (n >= 16)
        return out;
    for (size_t i = 0; i <= n; i++)
        out[i] = (char)tolower((unsigned char)v[i]);
    if (!sp_staff_role_ok(out))
        out[0] = 0;
    return out;
}

static void check_staff(sp_roster_import *imp, const sp_csv_record *r)
{
    char role[16];
    sp_roster_check_text(imp, r, C_CODE, SP_CODE_MAX);
    sp_roster_check_name(imp, r, C_GIVEN, SP_NAME_MAX);
    sp_roster_check_name(imp, r, C_FAMILY, SP_NAME_MAX);
    sp_roster_check_name(imp, r, C_DISPLAY, SP_NAME_MAX);
    size_t before = imp->t->nerrors;
    sp_roster_check_text(imp, r, C_EMAIL, SP_EMAIL_MAX);
    if (imp->t->nerrors == before && !sp_staff_email_ok(sp_roster_value(imp, r, C_EMAIL)))
        sp_roster_bad(imp, r, C_EMAIL, "an address such as name@school.org (or nothing)");
    const char *v = sp_roster_value(imp, r, C_ROLE);
    if (*v && !*role_of(v, role))
        sp_roster_bad(imp, r, C_ROLE, "teacher, support or admin (or nothing)");
}

static void bind_staff(sp_roster_import *imp, sqlite3_stmt *st, const sp_csv_record *r, long long id)
{
    char role[16], now[32];
    if (id)
        sqlite3_bind_int64(st, 1, id);
    else
        sqlite3_bind_text(st, 1, sp_roster_value(imp, r, C_CODE), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, sp_roster_value(imp, r, C_GIVEN), -1, SQLITE_STATIC);
    sp_roster_bind_text(imp, st, 3, r, C_FAMILY);
    sp_roster_bind_text(imp, st, 4, r, C_DISPLAY);
    sp_roster_bind_text(imp, st, 5, r, C_EMAIL);
    if (*role_of(sp_roster_value(imp, r, C_ROLE), role))
        sqlite3_bind_text(st, 6, role, -1, SQLITE_TRANSIENT);
    if (!id) {
        sp_now_iso(now);
        sqlite3_bind_text(st, 7, now, -1, SQLITE_TRANSIENT);
    }
}

static const sp_roster_kind STAFF_KIND = {
    .singular = "staff member",
    .plural = "staff",
    .columns = {"staff_code", "given_name", "family_name", "display_name", "email", "role", NULL},
    .nrequired = 2,
    .find_sql = "SELECT id FROM staff WHERE staff_code = ?1",
    .lookup_sql = NULL,
    .insert_sql = "INSERT INTO staff(staff_code, given_name, family_name, display_name, email, role, created_at) "
                  "VALUES (?1, ?2, coalesce(?3, ''), coalesce(?4, ''), coalesce(?5, ''), coalesce(?6, 'teacher'), ?7)",
    .update_sql = "UPDATE staff SET given_name = ?2, family_name = coalesce(?3, family_name), "
                  "display_name = coalesce(?4, display_name), email = coalesce(?5, email), role = coalesce(?6, role) "
                  "WHERE id = ?1",
    .check = check_staff,
    .bind = bind_staff,
};

int sp_staff_import(sp_admin *a, int argc, char **argv) { return sp_roster_import_run(a, argc, argv, &STAFF_KIND); }
