/* cmd_class.c — `signpost-admin class`: add, list, show (roster), enroll, unenroll, edit, archive,
 * import.
 *
 * A class (section) is keyed by its code, e.g. ELA8-2. Enrolling takes the class code and any
 * number of SIS ids; every id is checked before anything is written, so one unknown student
 * leaves the class as it was. `import` (class_import.c) loads a whole timetable from a CSV. */
#include "admin.h"
#include "dates.h"
#include "roster_fields.h"
#include "table_out.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool sp_class_grade_parse(const char *s, int *grade)
{
    if (!s)
        return false;
    if (strcasecmp(s, "K") == 0 || strcasecmp(s, "KG") == 0) {
        *grade = 0;
        return true;
    }
    if (!*s || strlen(s) > 3)
        return false;
    int g = 0;
    for (const char *p = s; *p; p++) {
        if (!isdigit((unsigned char)*p))
            return false;
        g = g * 10 + (*p - '0');
    }
    if (g > 12)
        return false;
    *grade = g;
    return true;
}

static json_t *class_json(sp_admin *a, long long id, bool roster)
{
    sqlite3_stmt *st = NULL;
    json_t *o = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "SELECT c.id, c.code, c.name, c.subject, "
                           "CASE c.grade WHEN 0 THEN 'K' ELSE CAST(c.grade AS TEXT) END AS grade, "
                           "s.staff_code AS teacher, c.room, c.archived FROM classes c "
                           "LEFT JOIN staff s ON s.id = c.teacher_id WHERE c.id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW)
        o = sp_json_from_stmt(st);
    sqlite3_finalize(st);
    if (!o || !roster)
        return o;
    json_t *students = json_array();
    if (sqlite3_prepare_v2(a->db,
                           "SELECT s.sis_id, s.given_name, s.family_name, s.preferred_name, "
                           "CASE s.grade WHEN 0 THEN 'K' ELSE CAST(s.grade AS TEXT) END AS grade, e.enrolled_on, s.archived "
                           "FROM enrollments e JOIN students s ON s.id = e.student_id WHERE e.class_id = ?1 "
                           "ORDER BY s.archived, s.family_name, s.given_name, s.sis_id",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, id);
        while (sqlite3_step(st) == SQLITE_ROW)
            json_array_append_new(students, sp_json_from_stmt(st));
    }
    sqlite3_finalize(st);
    json_object_set_new(o, "students", students);
    return o;
}

enum { O_CODE, O_NAME, O_SUBJECT, O_GRADE, O_TEACHER, O_ROOM, O_NO_TEACHER, O_NEW_CODE, O_COUNT };

static void class_opts(sp_opt o[O_COUNT])
{
    static const char *const names[O_COUNT] = {"code", "name", "subject", "grade", "teacher", "room", "no-teacher", "new-code"};
    for (int i = 0; i < O_COUNT; i++)
        o[i] = (sp_opt){names[i], i != O_NO_TEACHER, NULL};
}

/* Checks the fields common to add and edit; resolves the teacher and grade. */
static int check_fields(sp_admin *a, const sp_opt *o, int *grade, long long *teacher)
{
    int rc;
    if ((rc = sp_admin_check_text(a, "--name", o[O_NAME].value, SP_NAME_MAX, false)) ||
        (rc = sp_admin_check_text(a, "--subject", o[O_SUBJECT].value, SP_NAME_MAX, false)) ||
        (rc = sp_admin_check_text(a, "--room", o[O_ROOM].value, SP_ROOM_MAX, false)) ||
        (rc = sp_admin_check_text(a, "--teacher", o[O_TEACHER].value, SP_CODE_MAX, false)) ||
        (rc = sp_admin_check_text(a, "--new-code", o[O_NEW_CODE].value, SP_CODE_MAX, false)))
        return rc;
    if (o[O_NAME].value && !*o[O_NAME].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--name: expected the class name (1 to 200 characters), got nothing");
    if (o[O_GRADE].value && !sp_class_grade_parse(o[O_GRADE].value, grade)) {
        char ex[128];
        return sp_admin_fail(a, SP_EXIT_USAGE, "--grade: expected K or 1-12, got '%s'", sp_excerpt(o[O_GRADE].value, ex, sizeof ex));
    }
    if (o[O_TEACHER].value && (rc = sp_admin_find_staff(a, o[O_TEACHER].value, teacher)))
        return rc;
    return SP_EXIT_OK;
}

static bool code_exists(sp_admin *a, const char *code)
{
    sqlite3_stmt *st = NULL;
    bool exists = false;
    if (sqlite3_prepare_v2(a->db, "SELECT 1 FROM classes WHERE code = ?1", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
        exists = sqlite3_step(st) == SQLITE_ROW;
    }
    sqlite3_finalize(st);
    return exists;
}

static int class_add(sp_admin *a, int argc, char **argv)
{
    sp_opt o[O_COUNT];
    class_opts(o);
    int rc, grade = -1;
    long long teacher = 0;
    if ((rc = sp_admin_parse(a, argc, argv, o, O_NO_TEACHER, NULL, 0, NULL)))
        return rc;
    if (!o[O_CODE].value || !*o[O_CODE].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--code: expected a class code such as ELA8-2 (1 to 64 characters), got nothing");
    if (!o[O_NAME].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--name: expected the class name (1 to 200 characters), got nothing");
    if ((rc = sp_admin_check_text(a, "--code", o[O_CODE].value, SP_CODE_MAX, false)) || (rc = check_fields(a, o, &grade, &teacher)))
        return rc;
    if (code_exists(a, o[O_CODE].value))
        return sp_admin_fail(a, SP_EXIT_USAGE, "--code: a class with code '%s' already exists (use `class edit`)", o[O_CODE].value);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "INSERT INTO classes(code, name, subject, grade, teacher_id, room) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "adding the class failed");
    sqlite3_bind_text(st, 1, o[O_CODE].value, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, o[O_NAME].value, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, o[O_SUBJECT].value ? o[O_SUBJECT].value : "", -1, SQLITE_STATIC);
    if (grade >= 0)
        sqlite3_bind_int(st, 4, grade);
    if (teacher)
        sqlite3_bind_int64(st, 5, teacher);
    sqlite3_bind_text(st, 6, o[O_ROOM].value ? o[O_ROOM].value : "", -1, SQLITE_STATIC);
    rc = sqlite3_step(st) == SQLITE_DONE ? SP_EXIT_OK : sp_admin_fail_sql(a, "adding the class failed");
    sqlite3_finalize(st);
    if (rc)
        return rc;
    long long id = sqlite3_last_insert_rowid(a->db);
    sp_admin_printf(a, "Added class %s: %s\n", o[O_CODE].value, o[O_NAME].value);
    if (a->json)
        a->result = class_json(a, id, false);
    return SP_EXIT_OK;
}

static int class_edit(sp_admin *a, int argc, char **argv)
{
    sp_opt o[O_COUNT];
    class_opts(o);
    const char *pos[1];
    int npos = 0, rc, grade = -1;
    long long teacher = 0, id;
    if ((rc = sp_admin_parse(a, argc, argv, o, O_COUNT, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the code of the class to edit (see --help)");
    if (o[O_CODE].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--code cannot be changed here: use --new-code NEW");
    if (o[O_TEACHER].value && o[O_NO_TEACHER].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--teacher and --no-teacher contradict each other");
    bool any = false;
    for (int i = 0; i < O_COUNT; i++)
        any = any || o[i].value;
    if (!any)
        return sp_admin_fail(a, SP_EXIT_USAGE, "nothing to change: give at least one option such as --name or --teacher");
    if ((rc = sp_admin_find_class(a, pos[0], &id)) || (rc = check_fields(a, o, &grade, &teacher)))
        return rc;
    if (o[O_NEW_CODE].value && !*o[O_NEW_CODE].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--new-code: expected a class code (1 to 64 characters), got nothing");
    if (o[O_NEW_CODE].value && strcmp(o[O_NEW_CODE].value, pos[0]) != 0 && code_exists(a, o[O_NEW_CODE].value))
        return sp_admin_fail(a, SP_EXIT_USAGE, "--new-code: another class already has code '%s'", o[O_NEW_CODE].value);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "UPDATE classes SET code = coalesce(?1, code), name = coalesce(?2, name), "
                           "subject = coalesce(?3, subject), grade = CASE WHEN ?4 IS NULL THEN grade ELSE ?4 END, "
                           "teacher_id = CASE WHEN ?7 THEN NULL WHEN ?5 IS NULL THEN teacher_id ELSE ?5 END, "
                           "room = coalesce(?6, room) WHERE id = ?8",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "editing the class failed");
    if (o[O_NEW_CODE].value)
        sqlite3_bind_text(st, 1, o[O_NEW_CODE].value, -1, SQLITE_STATIC);
    if (o[O_NAME].value)
        sqlite3_bind_text(st, 2, o[O_NAME].value, -1, SQLITE_STATIC);
    if (o[O_SUBJECT].value)
        sqlite3_bind_text(st, 3, o[O_SUBJECT].value, -1, SQLITE_STATIC);
    if (grade >= 0)
        sqlite3_bind_int(st, 4, grade);
    if (teacher)
        sqlite3_bind_int64(st, 5, teacher);
    if (o[O_ROOM].value)
        sqlite3_bind_text(st, 6, o[O_ROOM].value, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 7, o[O_NO_TEACHER].value != NULL);
    sqlite3_bind_int64(st, 8, id);
    rc = sqlite3_step(st) == SQLITE_DONE ? SP_EXIT_OK : sp_admin_fail_sql(a, "editing the class failed");
    sqlite3_finalize(st);
    if (rc)
        return rc;
    sp_admin_printf(a, "Updated class %s\n", o[O_NEW_CODE].value ? o[O_NEW_CODE].value : pos[0]);
    if (a->json)
        a->result = class_json(a, id, false);
    return SP_EXIT_OK;
}

static int class_list(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"archived", false, NULL}, {"teacher", true, NULL}};
    int rc;
    long long teacher = 0;
    if ((rc = sp_admin_parse(a, argc, argv, o, 2, NULL, 0, NULL)))
        return rc;
    if (o[1].value && (rc = sp_admin_find_staff(a, o[1].value, &teacher)))
        return rc;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "SELECT c.code, c.name, c.subject, CASE c.grade WHEN 0 THEN 'K' ELSE CAST(c.grade AS TEXT) END AS grade, "
                           "coalesce(s.staff_code, '') AS teacher, c.room, "
                           "(SELECT count(*) FROM enrollments e JOIN students st ON st.id = e.student_id "
                           "WHERE e.class_id = c.id AND st.archived = 0) AS students, c.archived "
                           "FROM classes c LEFT JOIN staff s ON s.id = c.teacher_id "
                           "WHERE c.archived = ?1 AND (?2 = 0 OR c.teacher_id = ?2) ORDER BY c.code",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "listing classes failed");
    sqlite3_bind_int(st, 1, o[0].value != NULL);
    sqlite3_bind_int64(st, 2, teacher);
    sp_table *t = sp_table_new(7, (const char *[]){"Code", "Name", "Subject", "Grade", "Teacher", "Room", "Students"});
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
        return sp_admin_fail_sql(a, "listing classes failed");
    }
    if (!a->json)
        sp_table_print(t, a->out, o[0].value ? "No archived classes." : "No classes yet (add one with `class add`).");
    sp_table_free(t);
    if (a->json)
        a->result = arr;
    else
        json_decref(arr);
    return SP_EXIT_OK;
}

static int class_show(sp_admin *a, int argc, char **argv)
{
    const char *pos[1];
    int npos = 0, rc;
    long long id;
    if ((rc = sp_admin_parse(a, argc, argv, NULL, 0, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the code of the class to show (see --help)");
    if ((rc = sp_admin_find_class(a, pos[0], &id)))
        return rc;
    json_t *o = class_json(a, id, true);
    if (!o)
        return sp_admin_fail_sql(a, "reading the class failed");
    if (a->json) {
        a->result = o;
        return SP_EXIT_OK;
    }
    const char *teacher = json_string_value(json_object_get(o, "teacher"));
    const char *grade = json_string_value(json_object_get(o, "grade"));
    const char *subject = json_string_value(json_object_get(o, "subject"));
    const char *room = json_string_value(json_object_get(o, "room"));
    fprintf(a->out, "%s — %s%s\n", pos[0], json_string_value(json_object_get(o, "name")),
            json_integer_value(json_object_get(o, "archived")) ? "  [archived]" : "");
    fprintf(a->out, "  Subject: %s   Grade: %s   Teacher: %s   Room: %s\n\n", subject && *subject ? subject : "-",
            grade ? grade : "-", teacher ? teacher : "-", room && *room ? room : "-");
    sp_table *t = sp_table_new(5, (const char *[]){"SIS ID", "Given", "Family", "Grade", "Enrolled"});
    json_t *students = json_object_get(o, "students");
    for (size_t i = 0; i < json_array_size(students); i++) {
        json_t *s = json_array_get(students, i);
        char family[256];
        snprintf(family, sizeof family, "%s%s", json_string_value(json_object_get(s, "family_name")),
                 json_integer_value(json_object_get(s, "archived")) ? " (archived)" : "");
        sp_table_add(t, (const char *[]){json_string_value(json_object_get(s, "sis_id")),
                                         json_string_value(json_object_get(s, "given_name")), family,
                                         json_string_value(json_object_get(s, "grade")),
                                         json_string_value(json_object_get(s, "enrolled_on"))});
    }
    sp_table_print(t, a->out, "No students enrolled (add them with `class enroll`).");
    if (sp_table_rows(t))
        fprintf(a->out, "\n%zu student%s\n", sp_table_rows(t), sp_table_rows(t) == 1 ? "" : "s");
    sp_table_free(t);
    json_decref(o);
    return SP_EXIT_OK;
}

/* enroll and unenroll: CODE SIS_ID... ; all ids are resolved before any row changes. */
static int change_enrollment(sp_admin *a, int argc, char **argv, bool enroll)
{
    enum { MAXPOS = 1000 };
    const char **pos = calloc(MAXPOS, sizeof *pos);
    long long *ids = calloc(MAXPOS, sizeof *ids);
    int npos = 0, rc, changed = 0;
    long long class_id;
    sqlite3_stmt *st = NULL;
    json_t *done = json_array();
    if (!pos || !ids) {
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
        goto out;
    }
    if ((rc = sp_admin_parse(a, argc, argv, NULL, 0, pos, MAXPOS, &npos)))
        goto out;
    if (npos < 2) {
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "expected a class code and at least one SIS id (see --help)");
        goto out;
    }
    if ((rc = sp_admin_find_class(a, pos[0], &class_id)))
        goto out;
    for (int i = 1; i < npos; i++)
        if ((rc = sp_admin_check_text(a, "SIS id", pos[i], 64, false)) || (rc = sp_admin_find_student(a, pos[i], &ids[i])))
            goto out;
    char date[11];
    sp_date_format(a->today, date);
    if (sqlite3_prepare_v2(a->db,
                           enroll ? "INSERT OR IGNORE INTO enrollments(class_id, student_id, enrolled_on) VALUES (?1, ?2, ?3)"
                                  : "DELETE FROM enrollments WHERE class_id = ?1 AND student_id = ?2",
                           -1, &st, NULL) != SQLITE_OK) {
        rc = sp_admin_fail_sql(a, "changing the enrollment failed");
        goto out;
    }
    for (int i = 1; i < npos; i++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, class_id);
        sqlite3_bind_int64(st, 2, ids[i]);
        if (enroll)
            sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE) {
            rc = sp_admin_fail_sql(a, "changing the enrollment failed");
            goto out;
        }
        int n = sqlite3_changes(a->db);
        changed += n;
        if (n)
            json_array_append_new(done, json_string(pos[i]));
        else
            sp_admin_printf(a, "%s %s already %s %s\n", enroll ? "Note:" : "Note:", pos[i],
                            enroll ? "in" : "not in", pos[0]);
    }
    sp_admin_printf(a, "%s %d student%s %s %s\n", enroll ? "Enrolled" : "Unenrolled", changed, changed == 1 ? "" : "s",
                    enroll ? "in" : "from", pos[0]);
    if (a->json) {
        a->result = json_pack("{s:s, s:O, s:i}", "class", pos[0], enroll ? "enrolled" : "unenrolled", done, "changed", changed);
    }
out:
    json_decref(done);
    sqlite3_finalize(st);
    free(pos);
    free(ids);
    return rc;
}

static int class_enroll(sp_admin *a, int argc, char **argv) { return change_enrollment(a, argc, argv, true); }
static int class_unenroll(sp_admin *a, int argc, char **argv) { return change_enrollment(a, argc, argv, false); }

static int class_archive(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"undo", false, NULL}};
    const char *pos[1];
    int npos = 0, rc;
    long long id;
    if ((rc = sp_admin_parse(a, argc, argv, o, 1, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the code of the class to archive (see --help)");
    if ((rc = sp_admin_find_class(a, pos[0], &id)))
        return rc;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "UPDATE classes SET archived = ?1 WHERE id = ?2", -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "archiving failed");
    sqlite3_bind_int(st, 1, o[0].value == NULL);
    sqlite3_bind_int64(st, 2, id);
    rc = sqlite3_step(st) == SQLITE_DONE ? SP_EXIT_OK : sp_admin_fail_sql(a, "archiving failed");
    sqlite3_finalize(st);
    if (rc)
        return rc;
    sp_admin_printf(a, o[0].value ? "Class %s is active again\n" : "Archived class %s (enrollments and milestones are kept)\n",
                    pos[0]);
    if (a->json)
        a->result = class_json(a, id, false);
    return SP_EXIT_OK;
}

static const sp_admin_verb CLASS_VERBS[] = {
    {"add", class_add, 0, "add a class (section)",
     "Usage: signpost-admin class add --code CODE --name NAME [OPTIONS]\n\n"
     "Options:\n"
     "  --code CODE        unique section code, such as ELA8-2 (1-64 characters)\n"
     "  --name NAME        the class name (1-200 characters)\n"
     "  --subject TEXT     subject, such as ELA or Math\n"
     "  --grade K|1..12    grade level\n"
     "  --teacher CODE     staff code of the teacher (see `staff list`)\n"
     "  --room TEXT        room\n\n"
     "Example:\n  signpost-admin class add --code ELA8-2 --name \"ELA 8, period 2\" --subject ELA --grade 8 --teacher T01\n"},
    {"list", class_list, SP_VERB_READONLY, "list classes",
     "Usage: signpost-admin class list [--teacher CODE] [--archived]\n\n"
     "Options:\n"
     "  --teacher CODE   only this teacher's classes\n"
     "  --archived       list archived classes instead of active ones\n\n"
     "Example:\n  signpost-admin class list --teacher T01\n"},
    {"show", class_show, SP_VERB_READONLY, "a class and its roster",
     "Usage: signpost-admin class show CODE\n\nShows the class and the students enrolled in it.\n\n"
     "Example:\n  signpost-admin class show ELA8-2\n"},
    {"enroll", class_enroll, 0, "enroll students in a class",
     "Usage: signpost-admin class enroll CODE SIS_ID [SIS_ID...]\n\n"
     "Enrolls each student; if any SIS id is unknown nothing changes.\n\n"
     "Example:\n  signpost-admin class enroll ELA8-2 S1001 S1002 S1003\n"},
    {"unenroll", class_unenroll, 0, "take students out of a class",
     "Usage: signpost-admin class unenroll CODE SIS_ID [SIS_ID...]\n\n"
     "Removes the enrollments; the students' milestones are kept.\n\n"
     "Example:\n  signpost-admin class unenroll ELA8-2 S1003\n"},
    {"edit", class_edit, 0, "change a class's details",
     "Usage: signpost-admin class edit CODE [OPTIONS]\n\n"
     "Options:\n"
     "  --name, --subject, --grade, --teacher, --room   as for `class add`\n"
     "  --no-teacher       remove the teacher\n"
     "  --new-code CODE    change the class code\n\n"
     "Example:\n  signpost-admin class edit ELA8-2 --room B12 --teacher T02\n"},
    {"archive", class_archive, 0, "archive a class at the end of a term (or --undo)",
     "Usage: signpost-admin class archive CODE [--undo]\n\n"
     "Hides the class from lists; enrollments and milestones are kept. --undo restores it.\n\n"
     "Example:\n  signpost-admin class archive ELA8-2\n"},
    {"import", sp_class_import, 0, "add or update classes from a CSV (an SIS export)",
     "Usage: signpost-admin class import FILE.csv [--dry-run]\n\n"
     "Reads classes exported from a spreadsheet or SIS (UTF-8, with or without BOM, CRLF or LF,\n"
     "quoted values may hold commas and line breaks; a line break in a name becomes a space). The\n"
     "first row names the columns (any case):\n"
     "  code, name                 required: the section code (1-64 characters) and the class name\n"
     "  subject, room              optional text\n"
     "  grade                      optional: K or 1-12\n"
     "  teacher                    optional: the staff code of an existing staff member\n"
     "Classes are matched by code: new ones are added, existing ones updated. A column the file\n"
     "lacks leaves the stored values alone; an empty grade or teacher cell clears it. If any line is\n"
     "bad (a missing code or name, an unknown teacher, a bad grade, a code twice, text that is not\n"
     "UTF-8 or too long), every bad line is reported as `line N, column NAME: expected ..., got\n"
     "'...'` and nothing is imported. Import staff first (`staff import`), students last.\n\n"
     "Options:\n"
     "  --dry-run   check the file and report what would happen; write nothing\n\n"
     "Examples:\n"
     "  signpost-admin class import classes.csv --dry-run\n"
     "  signpost-admin class import classes.csv\n"
     "  signpost-admin staff import staff.csv && signpost-admin class import classes.csv && \\\n"
     "      signpost-admin student import students.csv      # a whole school from three files\n"},
    {0}};

const sp_admin_noun sp_cmd_class = {"class", "add or import classes and manage their rosters", CLASS_VERBS};
