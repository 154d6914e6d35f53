/* test_roster.c — a teacher sets up staff, classes and students with the real signpost-admin,
 * imports a roster from a spreadsheet, exports it, backs the database up and purges a student. */
#include "test_support.h"
#include "csv_read.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static ts_run_result run_ok(const char *db, const char *const *args)
{
    ts_run_result r = ts_admin_argv(db, args);
    if (r.exit_code != 0)
        fail_msg("signpost-admin %s %s exited %d: %s", args[0], args[1] ? args[1] : "", r.exit_code, r.err);
    return r;
}

#define ADMIN_OK(db, ...)                                                                                              \
    do {                                                                                                               \
        ts_run_result r_ = run_ok(db, (const char *const[]){__VA_ARGS__, NULL});                                       \
        ts_run_free(&r_);                                                                                              \
    } while (0)

static const char *fresh_db(const char *name)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s", ts_path(name));
    ADMIN_OK(path, "init");
    return path;
}

static json_t *parse_json(const char *text)
{
    json_error_t e;
    json_t *j = json_loads(text, 0, &e);
    if (!j)
        fail_msg("not JSON (%s at line %d): %s", e.text, e.line, text);
    return j;
}

static long long count(const char *db, const char *sql)
{
    sqlite3 *h = ts_open(db);
    long long n = ts_query_int(h, sql);
    sqlite3_close(h);
    return n;
}

static void a_teacher_sets_up_a_class_and_looks_after_its_students(void **state)
{
    (void)state;
    const char *db = fresh_db("lifecycle.db");
    ADMIN_OK(db, "staff", "add", "--code", "T01", "--given", "Ana", "--family", "Rivera", "--display", "Ms. Rivera");
    ADMIN_OK(db, "class", "add", "--code", "ELA8-2", "--name", "ELA 8, period 2", "--grade", "8", "--teacher", "T01");
    ADMIN_OK(db, "student", "add", "--sis-id", "S1001", "--given", "Maya", "--family", "Lopez", "--grade", "8",
             "--class", "ELA8-2", "--read-aloud");
    ADMIN_OK(db, "student", "add", "--sis-id", "S1002", "--given", "Dev", "--family", "Patel", "--grade", "8");
    ADMIN_OK(db, "class", "enroll", "ELA8-2", "S1002");

    /* The roster shows both students. */
    ts_run_result r = run_ok(db, (const char *const[]){"class", "show", "ELA8-2", NULL});
    assert_non_null(strstr(r.out, "Maya"));
    assert_non_null(strstr(r.out, "Patel"));
    assert_non_null(strstr(r.out, "2 students"));
    ts_run_free(&r);

    /* The teacher corrects a preferred name and a reading support. */
    ADMIN_OK(db, "student", "edit", "S1001", "--preferred", "Mia", "--no-read-aloud", "--large-text");
    r = run_ok(db, (const char *const[]){"--json", "student", "show", "S1001", NULL});
    json_t *s = parse_json(r.out);
    assert_string_equal(json_string_value(json_object_get(s, "preferred_name")), "Mia");
    assert_int_equal(json_integer_value(json_object_get(s, "read_aloud")), 0);
    assert_int_equal(json_integer_value(json_object_get(s, "large_text")), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(s, "classes"), 0), "code")),
                        "ELA8-2");
    assert_string_equal(json_string_value(json_object_get(json_object_get(s, "badge"), "status")), "none");
    json_decref(s);
    ts_run_free(&r);

    /* Dev leaves: archived students drop out of the list but come back with --undo. */
    ADMIN_OK(db, "student", "archive", "S1002");
    r = run_ok(db, (const char *const[]){"--json", "student", "list", NULL});
    json_t *list = parse_json(r.out);
    assert_int_equal(json_array_size(list), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(list, 0), "sis_id")), "S1001");
    json_decref(list);
    ts_run_free(&r);
    ADMIN_OK(db, "student", "archive", "S1002", "--undo");
    r = run_ok(db, (const char *const[]){"student", "list", "--search", "pat", NULL});
    assert_non_null(strstr(r.out, "S1002"));
    assert_null(strstr(r.out, "S1001"));
    ts_run_free(&r);

    /* Unenrolling takes Dev off the class roster only. */
    ADMIN_OK(db, "class", "unenroll", "ELA8-2", "S1002");
    assert_int_equal(count(db, "SELECT count(*) FROM enrollments"), 1);
    assert_int_equal(count(db, "SELECT count(*) FROM students"), 2);

    /* Staff and class lists come out as JSON for scripts. */
    r = run_ok(db, (const char *const[]){"--json", "class", "list", NULL});
    list = parse_json(r.out);
    assert_string_equal(json_string_value(json_object_get(json_array_get(list, 0), "teacher")), "T01");
    assert_int_equal(json_integer_value(json_object_get(json_array_get(list, 0), "students")), 1);
    json_decref(list);
    ts_run_free(&r);
    r = run_ok(db, (const char *const[]){"--json", "staff", "show", "T01", NULL});
    s = parse_json(r.out);
    assert_string_equal(json_string_value(json_object_get(s, "display_name")), "Ms. Rivera");
    json_decref(s);
    ts_run_free(&r);

    /* Every level has help with examples. */
    r = run_ok(db, (const char *const[]){"student", "import", "--help", NULL});
    assert_non_null(strstr(r.out, "Usage:"));
    assert_non_null(strstr(r.out, "Example"));
    ts_run_free(&r);
}

static void a_spreadsheet_roster_with_bom_crlf_and_quoted_values_imports_correctly(void **state)
{
    (void)state;
    const char *db = fresh_db("import.db");
    ADMIN_OK(db, "class", "add", "--code", "ELA8-2", "--name", "ELA 8");
    ADMIN_OK(db, "class", "add", "--code", "MATH8", "--name", "Math 8");
    static const char csv[] = "\xEF\xBB\xBF"
                              "SIS_ID,Given_Name,Family_Name,Preferred_Name,Grade,Home_Language,Class,Read_Aloud,Accommodations\r\n"
                              "S2001,\"Mary, Ann\",O'Neil,,07,es,ELA8-2;MATH8,yes,\"Extended time,\r\nread aloud tests\"\r\n"
                              "S2002,Zoë,Ødegaard,Zo,K,,ELA8-2,,\r\n"
                              "S2003,Иван,Петров,,12,ru,,no,\r\n";
    const char *path = ts_write_file("roster.csv", csv, sizeof csv - 1);
    ts_run_result r = run_ok(db, (const char *const[]){"--json", "student", "import", path, NULL});
    json_t *j = parse_json(r.out);
    assert_int_equal(json_integer_value(json_object_get(j, "added")), 3);
    assert_int_equal(json_integer_value(json_object_get(j, "enrolled")), 3);
    json_decref(j);
    ts_run_free(&r);

    sqlite3 *h = ts_open(db);
    assert_int_equal(ts_query_int(h, "SELECT count(*) FROM students WHERE sis_id = 'S2001' AND given_name = 'Mary, Ann' "
                                     "AND family_name = 'O''Neil' AND grade = 7 AND home_language = 'es' AND read_aloud = 1 "
                                     "AND accommodations = 'Extended time,' || char(10) || 'read aloud tests'"),
                     1);
    assert_int_equal(ts_query_int(h, "SELECT count(*) FROM students WHERE given_name = 'Zoë' AND family_name = 'Ødegaard' "
                                     "AND grade = 0 AND home_language = 'en' AND preferred_name = 'Zo'"),
                     1);
    assert_int_equal(ts_query_int(h, "SELECT count(*) FROM students WHERE given_name = 'Иван' AND family_name = 'Петров'"), 1);
    assert_int_equal(ts_query_int(h, "SELECT count(*) FROM enrollments e JOIN students s ON s.id = e.student_id "
                                     "WHERE s.sis_id = 'S2001'"),
                     2);
    sqlite3_close(h);

    /* Importing a corrected roster again updates by SIS id instead of duplicating. */
    static const char again[] = "sis_id,given_name,grade\nS2002,Zoé,1\n";
    path = ts_write_file("roster2.csv", again, sizeof again - 1);
    r = run_ok(db, (const char *const[]){"student", "import", path, NULL});
    assert_non_null(strstr(r.out, "1 updated"));
    ts_run_free(&r);
    assert_int_equal(count(db, "SELECT count(*) FROM students"), 3);
    /* columns missing from the file keep their stored values */
    assert_int_equal(count(db, "SELECT count(*) FROM students WHERE sis_id = 'S2002' AND given_name = 'Zoé' AND grade = 1 "
                               "AND family_name = 'Ødegaard' AND preferred_name = 'Zo'"),
                     1);
}

static void export_round_trips_accented_and_cyrillic_names(void **state)
{
    (void)state;
    const char *db = fresh_db("export.db");
    ADMIN_OK(db, "student", "add", "--sis-id", "S1", "--given", "Zoë", "--family", "Ødegaard-Núñez", "--grade", "5");
    ADMIN_OK(db, "student", "add", "--sis-id", "S2", "--given", "Анна", "--family", "Кузнецова", "--grade", "K");

    char csv_path[1024];
    snprintf(csv_path, sizeof csv_path, "%s", ts_path("students.csv"));
    ADMIN_OK(db, "export", "--table", "students", "-o", csv_path);
    sp_csv_table t = {0};
    char err[256];
    assert_true(sp_csv_read_file(csv_path, &t, err, sizeof err));
    assert_int_equal(t.nerrors, 0);
    assert_int_equal(t.nrecords, 2);
    int given = sp_csv_column(&t, "given_name"), family = sp_csv_column(&t, "family_name");
    assert_string_equal(sp_csv_value(&t.records[0], given), "Zoë");
    assert_string_equal(sp_csv_value(&t.records[0], family), "Ødegaard-Núñez");
    assert_string_equal(sp_csv_value(&t.records[1], given), "Анна");
    assert_string_equal(sp_csv_value(&t.records[1], family), "Кузнецова");
    sp_csv_free(&t);

    ts_run_result r = run_ok(db, (const char *const[]){"export", "--format", "json", NULL});
    json_t *j = parse_json(r.out);
    json_t *students = json_object_get(json_object_get(j, "tables"), "students");
    assert_int_equal(json_array_size(students), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(students, 0), "family_name")), "Ødegaard-Núñez");
    assert_string_equal(json_string_value(json_object_get(json_array_get(students, 1), "given_name")), "Анна");
    assert_non_null(json_object_get(json_object_get(j, "tables"), "kiosk_sessions"));
    json_decref(j);
    ts_run_free(&r);

    /* An exported roster imports back into a new school unchanged. */
    const char *db2 = fresh_db("export2.db");
    ADMIN_OK(db2, "student", "import", csv_path);
    assert_int_equal(count(db2, "SELECT count(*) FROM students WHERE given_name = 'Анна' AND family_name = 'Кузнецова' "
                                "AND grade = 0"),
                     1);
}

static void a_backup_is_a_sound_database_with_the_same_students(void **state)
{
    (void)state;
    const char *db = fresh_db("live.db");
    ADMIN_OK(db, "student", "add", "--sis-id", "S1", "--given", "Maya", "--grade", "3");
    char copy[1024];
    snprintf(copy, sizeof copy, "%s", ts_path("backup.db"));
    ts_run_result r = run_ok(db, (const char *const[]){"--json", "backup", copy, NULL});
    json_t *j = parse_json(r.out);
    assert_string_equal(json_string_value(json_object_get(j, "check")), "ok");
    json_decref(j);
    ts_run_free(&r);
    r = run_ok(copy, (const char *const[]){"--json", "check", NULL});
    j = parse_json(r.out);
    assert_true(json_is_true(json_object_get(j, "ok")));
    json_decref(j);
    ts_run_free(&r);
    assert_int_equal(count(copy, "SELECT count(*) FROM students WHERE given_name = 'Maya'"), 1);

    /* A second backup to the same file needs --force. */
    uint64_t before = ts_file_hash(copy);
    r = ts_admin(db, "backup", copy, NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "--force"));
    ts_run_free(&r);
    assert_true(ts_file_hash(copy) == before);
    ADMIN_OK(db, "student", "add", "--sis-id", "S2", "--given", "Dev", "--grade", "4");
    ADMIN_OK(db, "backup", copy, "--force");
    assert_int_equal(count(copy, "SELECT count(*) FROM students"), 2);
}

static void check_finds_a_row_pointing_at_a_missing_student(void **state)
{
    (void)state;
    const char *db = fresh_db("broken.db");
    ADMIN_OK(db, "class", "add", "--code", "C1", "--name", "Class one");
    sqlite3 *h = NULL;
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "PRAGMA foreign_keys = OFF; INSERT INTO enrollments VALUES (1, 999, '2025-01-01');",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(h);
    ts_run_result r = ts_admin(db, "check", NULL);
    assert_int_equal(r.exit_code, 1);
    assert_non_null(strstr(r.err, "enrollments"));
    ts_run_free(&r);
}

static void purge_removes_every_row_about_the_student_and_nothing_else(void **state)
{
    (void)state;
    const char *db = fresh_db("purge.db");
    ADMIN_OK(db, "staff", "add", "--code", "T1", "--given", "Ana");
    ADMIN_OK(db, "class", "add", "--code", "C1", "--name", "Class one", "--teacher", "T1");
    ADMIN_OK(db, "student", "add", "--sis-id", "GONE", "--given", "Maya", "--grade", "8", "--class", "C1");
    ADMIN_OK(db, "student", "add", "--sis-id", "STAYS", "--given", "Dev", "--grade", "8", "--class", "C1");
    /* Give both students data in every table that holds student data. */
    sqlite3 *h = ts_open(db);
    const char *sql =
        "INSERT INTO units(id, class_id, title, is_current) VALUES (1, 1, 'Argument writing', 1);"
        "INSERT INTO learning_targets(id, unit_id, position, statement) VALUES (1, 1, 1, 'I can state a claim');"
        "INSERT INTO milestones(student_id, class_id, statement, student_text, category, target, start_date, due_date, "
        "  created_at, updated_at) SELECT id, 1, 'Claim and evidence', 'I will write a claim', 'academic', 3, "
        "  '2025-01-01', '2025-02-15', 'now', 'now' FROM students;"
        "INSERT INTO milestone_revisions(milestone_id, changed_at, field, reason) SELECT id, 'now', 'target', 'raised' FROM milestones;"
        "INSERT INTO measurements(milestone_id, taken_on, value, created_at) SELECT id, '2025-01-10', 2, 'now' FROM milestones;"
        "INSERT INTO support_changes(milestone_id, changed_on, note) SELECT id, '2025-01-11', 'workshop' FROM milestones;"
        "INSERT INTO if_then_rules(milestone_id, if_text, then_text) SELECT id, 'below aim', 'add a session' FROM milestones;"
        "INSERT INTO kiosk_sessions(student_id, started_at) SELECT id, 'now' FROM students;"
        "INSERT INTO self_checks(student_id, milestone_id, created_at, scale, rating, kiosk_session_id) "
        "  SELECT m.student_id, m.id, 'now', 'faces3', 2, k.id FROM milestones m JOIN kiosk_sessions k ON k.student_id = m.student_id;"
        "INSERT INTO next_step_plans(student_id, milestone_id, change_text, created_at, kiosk_session_id) "
        "  SELECT m.student_id, m.id, 'Sentence stems', 'now', k.id FROM milestones m JOIN kiosk_sessions k ON k.student_id = m.student_id;"
        "INSERT INTO mastery_ratings(target_id, student_id, rater, rating, rated_at) SELECT 1, id, 'student', 3, 'now' FROM students;"
        "INSERT INTO celebrations(student_id, milestone_id, kind, message, created_at) "
        "  SELECT student_id, id, 'improvement', 'You improved', 'now' FROM milestones;"
        "INSERT INTO badges(token, student_id, issued_at) SELECT 'tok-0123456789abcdef-' || id, id, 'now' FROM students;";
    if (sqlite3_exec(h, sql, NULL, NULL, NULL) != SQLITE_OK)
        fail_msg("test data: %s", sqlite3_errmsg(h));
    sqlite3_close(h);

    /* Without --yes nothing happens. */
    uint64_t before = ts_file_hash(db);
    ts_run_result r = ts_admin(db, "student", "purge", "GONE", NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "--yes"));
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);

    r = run_ok(db, (const char *const[]){"--json", "student", "purge", "GONE", "--yes", NULL});
    json_t *j = parse_json(r.out);
    json_t *removed = json_object_get(j, "removed");
    assert_int_equal(json_integer_value(json_object_get(removed, "measurements")), 1);
    assert_int_equal(json_integer_value(json_object_get(removed, "badges")), 1);
    assert_int_equal(json_integer_value(json_object_get(removed, "next_step_plans")), 1);
    json_decref(j);
    ts_run_free(&r);

    static const char *const tables[] = {"enrollments", "milestones", "milestone_revisions", "measurements",
                                         "support_changes", "if_then_rules", "self_checks", "next_step_plans", "mastery_ratings",
                                         "celebrations", "badges", "kiosk_sessions"};
    h = ts_open(db);
    assert_int_equal(ts_query_int(h, "SELECT count(*) FROM students WHERE sis_id = 'GONE'"), 0);
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        char q[128];
        snprintf(q, sizeof q, "SELECT count(*) FROM %s", tables[i]);
        if (ts_query_int(h, q) != 1)
            fail_msg("after the purge %s should hold only the other student's row, has %lld", tables[i], ts_query_int(h, q));
    }
    assert_int_equal(ts_query_int(h, "SELECT count(*) FROM students WHERE sis_id = 'STAYS'"), 1);
    sqlite3_close(h);
    ADMIN_OK(db, "check");
}

int main(void)
{
    setenv("SIGNPOST_NOW", "2025-03-14", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_teacher_sets_up_a_class_and_looks_after_its_students),
        cmocka_unit_test(a_spreadsheet_roster_with_bom_crlf_and_quoted_values_imports_correctly),
        cmocka_unit_test(export_round_trips_accented_and_cyrillic_names),
        cmocka_unit_test(a_backup_is_a_sound_database_with_the_same_students),
        cmocka_unit_test(check_finds_a_row_pointing_at_a_missing_student),
        cmocka_unit_test(purge_removes_every_row_about_the_student_and_nothing_else),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
