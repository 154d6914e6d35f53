/* test_roster_import.c — a school's IT person brings a whole school in from three SIS exports
 * (staff, classes, students) with the real signpost-admin: spreadsheet files import, a second
 * import updates instead of duplicating, a file with bad lines is refused whole with every bad
 * line named, and a dry run writes nothing. */
#include "test_support.h"

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

static const char *write_csv(const char *name, const char *text)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s", ts_write_file(name, text, strlen(text)));
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

/* What a spreadsheet saves: a byte-order mark, CRLF line ends, header names in any case, a
 * quoted value holding a comma. */
static const char STAFF_CSV[] = "\xEF\xBB\xBF"
                                "Staff_Code,Given_Name,Family_Name,Display_Name,Email,Role\r\n"
                                "T01,Ana,Rivera,\"Rivera, Ms.\",ana.rivera@school.org,Teacher\r\n"
                                "T02,Kwame,Mensah,Mr. Mensah,,teacher\r\n"
                                "A01,Zoë,Ødegaard,,zoe@school.org,admin\r\n";

static const char CLASSES_CSV[] = "\xEF\xBB\xBF"
                                  "CODE,Name,Subject,Grade,Teacher,Room\r\n"
                                  "ELA8-2,\"ELA 8, period 2\",ELA,08,T01,B12\r\n"
                                  "MATH8,Math 8,Math,8,T02,\r\n"
                                  "KART,Kindergarten art,Art,K,,Studio\r\n";

static const char STUDENTS_CSV[] = "sis_id,given_name,family_name,grade,class\r\n"
                                   "S1,Maya,Lopez,8,ELA8-2;MATH8\r\n"
                                   "S2,Dev,Patel,8,ELA8-2\r\n"
                                   "S3,Lina,Haddad,K,KART\r\n";

static void import_school(const char *db)
{
    ts_run_result r = run_ok(db, (const char *const[]){"--json", "staff", "import", write_csv("staff.csv", STAFF_CSV), NULL});
    json_t *j = parse_json(r.out);
    assert_true(json_is_true(json_object_get(j, "ok")));
    assert_int_equal(json_integer_value(json_object_get(j, "staff")), 3);
    assert_int_equal(json_integer_value(json_object_get(j, "added")), 3);
    json_decref(j);
    ts_run_free(&r);

    r = run_ok(db, (const char *const[]){"--json", "class", "import", write_csv("classes.csv", CLASSES_CSV), NULL});
    j = parse_json(r.out);
    assert_int_equal(json_integer_value(json_object_get(j, "classes")), 3);
    assert_int_equal(json_integer_value(json_object_get(j, "added")), 3);
    assert_int_equal(json_integer_value(json_object_get(j, "updated")), 0);
    json_decref(j);
    ts_run_free(&r);

    ADMIN_OK(db, "student", "import", write_csv("students.csv", STUDENTS_CSV));
}

static void a_whole_school_comes_in_from_three_spreadsheet_files(void **state)
{
    (void)state;
    const char *db = fresh_db("school.db");
    import_school(db);

    sqlite3 *h = ts_open(db);
    assert_int_equal(ts_query_int(h, "SELECT count(*) FROM staff WHERE staff_code = 'T01' AND given_name = 'Ana' "
                                     "AND display_name = 'Rivera, Ms.' AND email = 'ana.rivera@school.org' "
                                     "AND role = 'teacher'"),
                     1);
    assert_int_equal(ts_query_int(h, "SELECT count(*) FROM staff WHERE staff_code = 'A01' AND given_name = 'Zoë' "
                                     "AND family_name = 'Ødegaard' AND role = 'admin'"),
                     1);
    assert_int_equal(ts_query_int(h, "SELECT count(*) FROM classes c JOIN staff s ON s.id = c.teacher_id "
                                     "WHERE c.code = 'ELA8-2' AND c.name = 'ELA 8, period 2' AND c.grade = 8 "
                                     "AND c.room = 'B12' AND s.staff_code = 'T01'"),
                     1);
    assert_int_equal(ts_query_int(h, "SELECT count(*) FROM classes WHERE code = 'KART' AND grade = 0 "
                                     "AND teacher_id IS NULL AND room = 'Studio'"),
                     1);
    /* The students' class column enrolled them in the imported classes. */
    assert_int_equal(ts_query_int(h, "SELECT count(*) FROM enrollments"), 4);
    assert_int_equal(ts_query_int(h, "SELECT count(*) FROM enrollments e JOIN classes c ON c.id = e.class_id "
                                     "JOIN students s ON s.id = e.student_id WHERE c.code = 'ELA8-2'"),
                     2);
    sqlite3_close(h);

    /* The teacher's class list and the roster show what came in. */
    ts_run_result r = run_ok(db, (const char *const[]){"class", "list", "--teacher", "T01", NULL});
    assert_non_null(strstr(r.out, "ELA 8, period 2"));
    ts_run_free(&r);
    r = run_ok(db, (const char *const[]){"class", "show", "ELA8-2", NULL});
    assert_non_null(strstr(r.out, "Maya"));
    assert_non_null(strstr(r.out, "Patel"));
    ts_run_free(&r);
    ADMIN_OK(db, "check");
}

static void importing_again_updates_by_code_and_leaves_missing_columns_alone(void **state)
{
    (void)state;
    const char *db = fresh_db("again.db");
    import_school(db);

    /* New term: Ana changes her display name, Kwame becomes support, a new teacher arrives. The
     * file has no email column, and Zoë's role cell is empty: both keep their stored values. */
    static const char staff2[] = "staff_code,given_name,display_name,role\n"
                                 "T01,Ana,Dr. Rivera,\n"
                                 "T02,Kwame,Mr. Mensah,support\n"
                                 "T03,Ines,Ms. Costa,\n"
                                 "A01,Zoë,,\n";
    ts_run_result r = run_ok(db, (const char *const[]){"staff", "import", write_csv("staff2.csv", staff2), NULL});
    assert_non_null(strstr(r.out, "1 added, 3 updated"));
    ts_run_free(&r);
    assert_int_equal(count(db, "SELECT count(*) FROM staff"), 4);
    assert_int_equal(count(db, "SELECT count(*) FROM staff WHERE staff_code = 'T01' AND display_name = 'Dr. Rivera' "
                               "AND email = 'ana.rivera@school.org' AND family_name = 'Rivera' AND role = 'teacher'"),
                     1);
    assert_int_equal(count(db, "SELECT count(*) FROM staff WHERE staff_code = 'T02' AND role = 'support'"), 1);
    assert_int_equal(count(db, "SELECT count(*) FROM staff WHERE staff_code = 'T03' AND role = 'teacher'"), 1);
    assert_int_equal(count(db, "SELECT count(*) FROM staff WHERE staff_code = 'A01' AND role = 'admin' "
                               "AND display_name = ''"),
                     1);

    /* ELA8-2 gets the new teacher; KART's teacher cell stays empty; no room column, so rooms stay. */
    static const char classes2[] = "code,name,teacher\n"
                                   "ELA8-2,\"ELA 8, period 2\",T03\n"
                                   "MATH8,Math 8 (advanced),T02\n";
    r = run_ok(db, (const char *const[]){"--json", "class", "import", write_csv("classes2.csv", classes2), NULL});
    json_t *j = parse_json(r.out);
    assert_int_equal(json_integer_value(json_object_get(j, "added")), 0);
    assert_int_equal(json_integer_value(json_object_get(j, "updated")), 2);
    json_decref(j);
    ts_run_free(&r);
    assert_int_equal(count(db, "SELECT count(*) FROM classes"), 3);
    assert_int_equal(count(db, "SELECT count(*) FROM classes c JOIN staff s ON s.id = c.teacher_id "
                               "WHERE c.code = 'ELA8-2' AND s.staff_code = 'T03' AND c.room = 'B12' AND c.grade = 8"),
                     1);
    assert_int_equal(count(db, "SELECT count(*) FROM classes WHERE code = 'MATH8' AND name = 'Math 8 (advanced)' "
                               "AND subject = 'Math'"),
                     1);
    /* The students' enrollments are untouched by re-importing their classes. */
    assert_int_equal(count(db, "SELECT count(*) FROM enrollments"), 4);

    /* An empty teacher cell in a file with a teacher column takes the teacher off the class. */
    static const char classes3[] = "code,name,teacher\nMATH8,Math 8 (advanced),\n";
    ADMIN_OK(db, "class", "import", write_csv("classes3.csv", classes3));
    assert_int_equal(count(db, "SELECT count(*) FROM classes WHERE code = 'MATH8' AND teacher_id IS NULL"), 1);
}

/* Runs an import that must be refused with exit 2, every expected text in its messages, and
 * the database file byte-for-byte as it was. */
static void refused(const char *db, const char *const *args, const char *const *expect)
{
    uint64_t before = ts_file_hash(db);
    ts_run_result r = ts_admin_argv(db, args);
    if (r.exit_code != 2)
        fail_msg("expected exit 2 from %s %s, got %d (stderr: %s)", args[0], args[1], r.exit_code, r.err);
    for (int i = 0; expect[i]; i++)
        if (!strstr(r.err, expect[i]))
            fail_msg("expected the message to mention \"%s\"; it said:\n%s", expect[i], r.err);
    ts_run_free(&r);
    if (ts_file_hash(db) != before)
        fail_msg("the database file changed although the import was refused");
}

#define REFUSED(db, args, ...) refused(db, (const char *const[]){args, NULL}, (const char *const[]){__VA_ARGS__, NULL})
#define ARGS(...) __VA_ARGS__

static void a_class_file_with_several_bad_lines_is_refused_whole(void **state)
{
    (void)state;
    const char *db = fresh_db("bad-classes.db");
    ADMIN_OK(db, "staff", "add", "--code", "T01", "--given", "Ana");
    char long_name[400];
    memset(long_name, 'x', 300);
    long_name[300] = 0;
    char csv[2048];
    snprintf(csv, sizeof csv,
             "code,name,grade,teacher\r\n"
             "GOOD1,Fine class,7,T01\r\n"
             "BAD2,Science 7,13,T99\r\n"  /* line 3: grade out of range and an unknown teacher */
             "GOOD1,Again,7,\r\n"         /* line 4: code already on line 2 */
             "BAD4,,K,\r\n"               /* line 5: no name */
             "BAD5,Caf\xE9,5,\r\n"        /* line 6: Latin-1, not UTF-8 */
             "BAD6,%s,5,\r\n"             /* line 7: a name over 200 characters */
             "GOOD2,\"Art, period 3\",K,\r\n",
             long_name);
    const char *path = write_csv("bad-classes.csv", csv);
    REFUSED(db, ARGS("class", "import", path), "line 3, column grade: expected K or 1-12", "got '13'",
            "line 3, column teacher: expected the code of a staff member", "got 'T99'",
            "line 4, column code: expected each code only once in the file (first on line 2), got 'GOOD1'",
            "line 5, column name: expected a value", "line 6, column name", "not valid UTF-8",
            "line 7, column name", "too long (300 characters; at most 200)", "5 bad lines", "nothing was imported");
    assert_int_equal(count(db, "SELECT count(*) FROM classes"), 0);

    /* Scripts get the same report as JSON, line by line. */
    ts_run_result r = ts_admin(db, "--json", "class", "import", path, NULL);
    assert_int_equal(r.exit_code, 2);
    json_t *j = parse_json(r.out);
    assert_false(json_is_true(json_object_get(j, "ok")));
    assert_int_equal(json_integer_value(json_object_get(j, "bad_lines")), 5);
    json_t *errors = json_object_get(j, "errors");
    assert_int_equal(json_array_size(errors), 6);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(errors, 0), "line")), 3);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(errors, 5), "line")), 7);
    json_decref(j);
    ts_run_free(&r);

    /* A header without a required column is refused too. */
    REFUSED(db, ARGS("class", "import", write_csv("no-code.csv", "name,teacher\nArt,T01\n")),
            "line 1: header row: expected a column named code");
}

static void a_staff_file_with_several_bad_lines_is_refused_whole(void **state)
{
    (void)state;
    const char *db = fresh_db("bad-staff.db");
    ADMIN_OK(db, "staff", "add", "--code", "T01", "--given", "Ana", "--role", "admin");
    static const char csv[] = "staff_code,given_name,email,role\n"
                              "T01,Ana,ana@school.org,teacher\n"
                              "T02,Ben,not-an-address,teacher\n" /* line 3 */
                              "T03,,c@school.org,principal\n"    /* line 4: no name, unknown role */
                              "T02,Ben,,\n"                      /* line 5: T02 twice */
                              ",Nobody,,\n";                     /* line 6: no staff code */
    const char *path = write_csv("bad-staff.csv", csv);
    REFUSED(db, ARGS("staff", "import", path), "line 3, column email: expected an address",
            "line 4, column given_name: expected a value", "line 4, column role: expected teacher, support or admin",
            "got 'principal'", "line 5, column staff_code: expected each staff_code only once", "first on line 3",
            "line 6, column staff_code: expected a value", "4 bad lines", "nothing was imported");
    /* The good first line was not written either: Ana is still an admin. */
    assert_int_equal(count(db, "SELECT count(*) FROM staff WHERE staff_code = 'T01' AND role = 'admin'"), 1);
    assert_int_equal(count(db, "SELECT count(*) FROM staff"), 1);
}

static void a_dry_run_reports_what_would_happen_and_writes_nothing(void **state)
{
    (void)state;
    const char *db = fresh_db("dry.db");
    ADMIN_OK(db, "staff", "add", "--code", "T01", "--given", "Ana");
    uint64_t before = ts_file_hash(db);

    ts_run_result r = run_ok(db, (const char *const[]){"staff", "import", write_csv("staff.csv", STAFF_CSV), "--dry-run", NULL});
    assert_non_null(strstr(r.out, "add 2 and update 1"));
    assert_non_null(strstr(r.out, "dry run"));
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);

    /* Only staff already in the database count as teachers: the dry run above added nobody. */
    static const char classes[] = "code,name,teacher\nELA8-2,ELA 8,T01\nART,Art,\n";
    r = run_ok(db, (const char *const[]){"--json", "class", "import", write_csv("dry-classes.csv", classes), "--dry-run",
                                         NULL});
    json_t *j = parse_json(r.out);
    assert_true(json_is_true(json_object_get(j, "dry_run")));
    assert_int_equal(json_integer_value(json_object_get(j, "added")), 2);
    json_decref(j);
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);

    /* A bad file on a dry run gets the full report and still writes nothing. */
    REFUSED(db, ARGS("class", "import", write_csv("classes.csv", CLASSES_CSV), "--dry-run"),
            "line 3, column teacher", "got 'T02'", "this was a dry run");
    assert_int_equal(count(db, "SELECT count(*) FROM classes"), 0);
}

static void both_imports_have_help_with_examples_in_their_nouns_verb_lists(void **state)
{
    (void)state;
    const char *db = fresh_db("help.db");
    const char *const nouns[] = {"class", "staff"};
    for (int i = 0; i < 2; i++) {
        ts_run_result r = run_ok(db, (const char *const[]){nouns[i], "--help", NULL});
        assert_non_null(strstr(r.out, "import"));
        ts_run_free(&r);
        r = run_ok(db, (const char *const[]){nouns[i], "import", "--help", NULL});
        assert_non_null(strstr(r.out, "Usage:"));
        assert_non_null(strstr(r.out, "--dry-run"));
        assert_non_null(strstr(r.out, "Examples:"));
        ts_run_free(&r);
    }
}

int main(void)
{
    setenv("SIGNPOST_NOW", "2025-09-02", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_whole_school_comes_in_from_three_spreadsheet_files),
        cmocka_unit_test(importing_again_updates_by_code_and_leaves_missing_columns_alone),
        cmocka_unit_test(a_class_file_with_several_bad_lines_is_refused_whole),
        cmocka_unit_test(a_staff_file_with_several_bad_lines_is_refused_whole),
        cmocka_unit_test(a_dry_run_reports_what_would_happen_and_writes_nothing),
        cmocka_unit_test(both_imports_have_help_with_examples_in_their_nouns_verb_lists),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
