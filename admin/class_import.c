/* class_import.c — `signpost-admin class import`: a school's classes from an SIS export.
 *
 * One line per class: code and name required; subject, grade, teacher and room optional. Classes
 * are matched by code: new ones are added, existing ones updated. A column the file lacks leaves
 * the stored values alone; a present column is the truth, so an empty grade or teacher cell
 * clears it. The teacher is a staff code that must already exist (import staff first). The checks
 * and limits are those of `class add` (roster_fields.h); the all-or-nothing driver is
 * roster_import.c. */
#include "roster_fields.h"
#include "roster_import.h"

#include <string.h>

enum { C_CODE, C_NAME, C_SUBJECT, C_GRADE, C_TEACHER, C_ROOM };

static void check_class(sp_roster_import *imp, const sp_csv_record *r)
{
    int grade;
    sp_roster_check_text(imp, r, C_CODE, SP_CODE_MAX);
    sp_roster_check_name(imp, r, C_NAME, SP_NAME_MAX);
    sp_roster_check_name(imp, r, C_SUBJECT, SP_NAME_MAX);
    sp_roster_check_text(imp, r, C_ROOM, SP_ROOM_MAX);
    const char *g = sp_roster_value(imp, r, C_GRADE);
    if (*g && !sp_class_grade_parse(g, &grade))
        sp_roster_bad(imp, r, C_GRADE, "K or 1-12 (or nothing)");
    const char *teacher = sp_roster_value(imp, r, C_TEACHER);
    size_t before = imp->t->nerrors;
    sp_roster_check_text(imp, r, C_TEACHER, SP_CODE_MAX);
    if (*teacher && imp->t->nerrors == before && !sp_roster_lookup(imp, teacher))
        sp_roster_bad(imp, r, C_TEACHER, "the code of a staff member already added (see `staff list`; "
                                         "`staff import` them first)");
}

static void bind_class(sp_roster_import *imp, sqlite3_stmt *st, const sp_csv_record *r, long long id)
{
    if (id)
        sqlite3_bind_int64(st, 1, id);
    else
        sqlite3_bind_text(st, 1, sp_roster_value(imp, r, C_CODE), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, sp_roster_value(imp, r, C_NAME), -1, SQLITE_STATIC);
    sp_roster_bind_text(imp, st, 3, r, C_SUBJECT);
    int grade;
    if (sp_class_grade_parse(sp_roster_value(imp, r, C_GRADE), &grade))
        sqlite3_bind_int(st, 4, grade);
    const char *teacher = sp_roster_value(imp, r, C_TEACHER);
    if (*teacher)
        sqlite3_bind_int64(st, 5, sp_roster_lookup(imp, teacher));
    sp_roster_bind_text(imp, st, 6, r, C_ROOM);
    if (id) {
        sqlite3_bind_int(st, 7, sp_roster_has(imp, C_GRADE));
        sqlite3_bind_int(st, 8, sp_roster_has(imp, C_TEACHER));
    }
}

static const sp_roster_kind CLASS_KIND = {
    .singular = "class",
    .plural = "classes",
    .columns = {"code", "name", "subject", "grade", "teacher", "room", NULL},
    .nrequired = 2,
    .find_sql = "SELECT id FROM classes WHERE code = ?1",
    .lookup_sql = "SELECT id FROM staff WHERE staff_code = ?1",
    .insert_sql = "INSERT INTO classes(code, name, subject, grade, teacher_id, room) "
                  "VALUES (?1, ?2, coalesce(?3, ''), ?4, ?5, coalesce(?6, ''))",
    .update_sql = "UPDATE classes SET name = ?2, subject = coalesce(?3, subject), "
                  "grade = CASE WHEN ?7 THEN ?4 ELSE grade END, "
                  "teacher_id = CASE WHEN ?8 THEN ?5 ELSE teacher_id END, room = coalesce(?6, room) WHERE id = ?1",
    .check = check_class,
    .bind = bind_class,
};

int sp_class_import(sp_admin *a, int argc, char **argv) { return sp_roster_import_run(a, argc, argv, &CLASS_KIND); }
