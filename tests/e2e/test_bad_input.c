/* test_bad_input.c — bad input gets a clear error, exit code 2, and leaves the database file
 * byte-for-byte as it was: broken roster lines, invalid UTF-8, huge fields, unknown ids. */
#include "test_support.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static char db[1024];

/* A small school: one class, one student. */
static int setup(void **state)
{
    (void)state;
    static int n;
    char name[64];
    snprintf(name, sizeof name, "school-%d.db", n++);
    snprintf(db, sizeof db, "%s", ts_path(name));
    const char *const steps[][12] = {
        {"init", NULL},
        {"class", "add", "--code", "ELA8-2", "--name", "ELA 8", NULL},
        {"student", "add", "--sis-id", "S1", "--given", "Maya", "--grade", "8", "--class", "ELA8-2", NULL},
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        ts_run_result r = ts_admin_argv(db, steps[i]);
        if (r.exit_code != 0)
            fail_msg("setting up: %s", r.err);
        ts_run_free(&r);
    }
    return 0;
}

/* Runs a command that must be refused with exit 2 and a message containing each of the
 * NULL-terminated `expect` strings, and checks that the database file did not change. */
static void refused(const char *const *args, const char *const *expect)
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
        fail_msg("the database file changed although the command was refused");
}

#define REFUSED(args, ...) refused((const char *const[]){args, NULL}, (const char *const[]){__VA_ARGS__, NULL})
#define ARGS(...) __VA_ARGS__

static long long student_count(void)
{
    sqlite3 *h = ts_open(db);
    long long n = ts_query_int(h, "SELECT count(*) FROM students");
    sqlite3_close(h);
    return n;
}

/* Two good lines and three bad ones: the whole file must be refused. */
static const char BAD_ROSTER[] = "sis_id,given_name,family_name,grade,class\r\n"
                                 "S10,Ana,Diaz,7,ELA8-2\r\n"
                                 "S11,Ben,Okafor,13,ELA8-2\r\n"    /* line 3: grade out of range */
                                 "S12,,Lee,6,\r\n"                 /* line 4: no given name */
                                 "S13,Cleo,Park,5,\r\n"
                                 "S14,Dan,Ruiz,4,SCIENCE9\r\n";    /* line 6: unknown class */

static void a_roster_with_three_bad_lines_is_refused_whole_and_every_bad_line_is_reported(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s", ts_write_file("bad-roster.csv", BAD_ROSTER, sizeof BAD_ROSTER - 1));
    REFUSED(ARGS("student", "import", path), "line 3, column grade: expected K or 1-12, got '13'",
            "line 4, column given_name: expected", "line 6, column class: expected", "SCIENCE9", "3 bad lines",
            "nothing was imported");
    assert_int_equal(student_count(), 1);
}

static void a_dry_run_shows_the_same_report_and_changes_nothing(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s", ts_write_file("bad-roster.csv", BAD_ROSTER, sizeof BAD_ROSTER - 1));
    REFUSED(ARGS("student", "import", path, "--dry-run"), "line 3, column grade", "line 4, column given_name",
            "line 6, column class", "3 bad lines", "dry run");

    /* Scripts get the same report as JSON. */
    uint64_t before = ts_file_hash(db);
    ts_run_result r = ts_admin(db, "--json", "student", "import", path, "--dry-run", NULL);
    assert_int_equal(r.exit_code, 2);
    json_error_t e;
    json_t *j = json_loads(r.out, 0, &e);
    assert_non_null(j);
    assert_int_equal(json_integer_value(json_object_get(j, "bad_lines")), 3);
    json_t *errors = json_object_get(j, "errors");
    assert_int_equal(json_array_size(errors), 3);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(errors, 0), "line")), 3);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(errors, 2), "line")), 6);
    json_decref(j);
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);

    /* A good file on a dry run is checked and reported, but still nothing is written. */
    static const char good[] = "sis_id,given_name,grade\nS20,Eve,3\nS1,Maya,9\n";
    snprintf(path, sizeof path, "%s", ts_write_file("good.csv", good, sizeof good - 1));
    r = ts_admin(db, "student", "import", path, "--dry-run", NULL);
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "add 1 and update 1"));
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);
}

static void a_roster_with_an_unclosed_quote_or_a_repeated_student_is_refused(void **state)
{
    (void)state;
    static const char broken[] = "sis_id,given_name,grade\nS30,\"Fay,3\nS31,Gus,4\n";
    char path[1024];
    snprintf(path, sizeof path, "%s", ts_write_file("broken.csv", broken, sizeof broken - 1));
    REFUSED(ARGS("student", "import", path), "line 2", "never closed");
    static const char twice[] = "sis_id,given_name,grade\nS30,Fay,3\nS31,Gus,4\nS30,Fay,3\n";
    snprintf(path, sizeof path, "%s", ts_write_file("twice.csv", twice, sizeof twice - 1));
    REFUSED(ARGS("student", "import", path), "line 4, column sis_id", "first on line 2");
    static const char no_header[] = "id,name\n1,x\n";
    snprintf(path, sizeof path, "%s", ts_write_file("noheader.csv", no_header, sizeof no_header - 1));
    REFUSED(ARGS("student", "import", path), "expected a column named sis_id");
    REFUSED(ARGS("student", "import", ts_path("does-not-exist.csv")), "cannot open");
}

static void invalid_utf8_in_a_name_is_refused(void **state)
{
    (void)state;
    REFUSED(ARGS("student", "add", "--sis-id", "S40", "--given", "Jos\xC3", "--grade", "4"), "--given",
            "not valid UTF-8");
    REFUSED(ARGS("student", "edit", "S1", "--family", "\xFF\xFEsmith"), "--family", "not valid UTF-8");
    static const char csv[] = "sis_id,given_name,grade\nS41,Ren\xE9,4\n"; /* Latin-1, not UTF-8 */
    char path[1024];
    snprintf(path, sizeof path, "%s", ts_write_file("latin1.csv", csv, sizeof csv - 1));
    REFUSED(ARGS("student", "import", path), "line 2, column given_name", "not valid UTF-8");
}

static void a_100000_character_field_gets_a_clear_error(void **state)
{
    (void)state;
    char *huge = malloc(100001);
    memset(huge, 'a', 100000);
    huge[100000] = 0;
    REFUSED(ARGS("student", "add", "--sis-id", "S50", "--given", huge, "--grade", "4"), "--given", "too long",
            "100000 characters; at most 200");
    REFUSED(ARGS("class", "add", "--code", "X1", "--name", huge), "--name", "too long");
    REFUSED(ARGS("staff", "add", "--code", "T9", "--given", "Al", "--email", huge), "--email", "too long");
    size_t n = strlen("sis_id,given_name,grade\nS51,") + 100000 + 8;
    char *csv = malloc(n);
    snprintf(csv, n, "sis_id,given_name,grade\nS51,%s,4\n", huge);
    char path[1024];
    snprintf(path, sizeof path, "%s", ts_write_file("huge.csv", csv, strlen(csv)));
    /* the message quotes an excerpt, not all 100,000 characters */
    uint64_t before = ts_file_hash(db);
    ts_run_result r = ts_admin(db, "student", "import", path, NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "line 2, column given_name"));
    assert_non_null(strstr(r.err, "(100000 characters)"));
    assert_true(strlen(r.err) < 2000);
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);
    free(csv);
    free(huge);
}

static void unknown_students_and_classes_are_named_and_nothing_changes(void **state)
{
    (void)state;
    /* One unknown id among good ones: the good ones are not enrolled either. */
    REFUSED(ARGS("class", "enroll", "ELA8-2", "S1", "NOBODY"), "no student with SIS id 'NOBODY'");
    REFUSED(ARGS("class", "enroll", "SCIENCE9", "S1"), "no class with code 'SCIENCE9'");
    REFUSED(ARGS("student", "add", "--sis-id", "S60", "--given", "Hal", "--grade", "4", "--class", "SCIENCE9"),
            "no class with code 'SCIENCE9'");
    REFUSED(ARGS("student", "show", "NOBODY"), "no student with SIS id 'NOBODY'");
    REFUSED(ARGS("student", "purge", "NOBODY", "--yes"), "no student with SIS id 'NOBODY'");
    REFUSED(ARGS("class", "add", "--code", "X2", "--name", "X", "--teacher", "T404"), "no staff member with code 'T404'");
    REFUSED(ARGS("student", "list", "--class", "SCIENCE9"), "no class with code 'SCIENCE9'");
}

static void other_bad_values_say_what_was_expected(void **state)
{
    (void)state;
    REFUSED(ARGS("student", "add", "--sis-id", "S70", "--given", "Ivy", "--grade", "13"), "--grade: expected K or 1-12, got '13'");
    REFUSED(ARGS("student", "add", "--sis-id", "S1", "--given", "Ivy", "--grade", "3"), "already exists");
    REFUSED(ARGS("student", "add", "--given", "Ivy", "--grade", "3"), "--sis-id: expected");
    REFUSED(ARGS("student", "add", "--sis-id", "S71", "--given", "Ivy", "--grade", "3", "--language", "english!"),
            "--language: expected a language code");
    REFUSED(ARGS("staff", "add", "--code", "T1", "--given", "Al", "--role", "boss"), "--role: expected teacher, support or admin");
    REFUSED(ARGS("student", "add", "--sis-id", "S72", "--given", "Ivy", "--grade", "3", "--bogus"), "unknown option '--bogus'");
    REFUSED(ARGS("export", "--table", "secrets"), "--table: expected one of");
    REFUSED(ARGS("export", "--format", "xml", "--table", "students"), "--format: expected csv or json");
    REFUSED(ARGS("student", "edit", "S1"), "nothing to change");
}

int main(void)
{
    setenv("SIGNPOST_NOW", "2025-03-14", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(a_roster_with_three_bad_lines_is_refused_whole_and_every_bad_line_is_reported, setup),
        cmocka_unit_test_setup(a_dry_run_shows_the_same_report_and_changes_nothing, setup),
        cmocka_unit_test_setup(a_roster_with_an_unclosed_quote_or_a_repeated_student_is_refused, setup),
        cmocka_unit_test_setup(invalid_utf8_in_a_name_is_refused, setup),
        cmocka_unit_test_setup(a_100000_character_field_gets_a_clear_error, setup),
        cmocka_unit_test_setup(unknown_students_and_classes_are_named_and_nothing_changes, setup),
        cmocka_unit_test_setup(other_bad_values_say_what_was_expected, setup),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
