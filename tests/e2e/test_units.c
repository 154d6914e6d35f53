/* test_units.c — a teacher sets up the mastery tracker with the real signpost-admin: a unit,
 * units with their targets from one CSV, "I can" learning targets one by one and from a CSV, assignments, and teacher ratings one by one,
 * as a class grid and as a list of ratings by student; bad files are refused whole and leave the
 * database byte-for-byte alone. */
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

static long long count(const char *db, const char *sql)
{
    sqlite3 *h = ts_open(db);
    long long n = ts_query_int(h, sql);
    sqlite3_close(h);
    return n;
}

/* A class with a teacher and three students. */
static const char *school(const char *name)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s", ts_path(name));
    ADMIN_OK(path, "init");
    ADMIN_OK(path, "staff", "add", "--code", "T01", "--given", "Ana", "--family", "Rivera");
    ADMIN_OK(path, "class", "add", "--code", "ELA8-2", "--name", "ELA 8, period 2", "--grade", "8", "--teacher", "T01");
    ADMIN_OK(path, "class", "add", "--code", "SS6-1", "--name", "Social studies 6", "--grade", "6");
    ADMIN_OK(path, "student", "add", "--sis-id", "S1", "--given", "Maya", "--grade", "8", "--class", "ELA8-2");
    ADMIN_OK(path, "student", "add", "--sis-id", "S2", "--given", "José", "--grade", "8", "--class", "ELA8-2");
    ADMIN_OK(path, "student", "add", "--sis-id", "S3", "--given", "Дмитрий", "--grade", "6", "--class", "SS6-1");
    return path;
}

static json_t *json_out(const char *db, const char *const *args)
{
    ts_run_result r = run_ok(db, args);
    json_error_t e;
    json_t *j = json_loads(r.out, 0, &e);
    if (!j)
        fail_msg("not JSON (%s): %s", e.text, r.out);
    ts_run_free(&r);
    return j;
}

static void a_teacher_builds_a_unit_with_targets_and_assignments(void **state)
{
    (void)state;
    const char *db = school("unit.db");
    ADMIN_OK(db, "unit", "add", "--class", "ELA8-2", "--title", "Argument writing", "--starts", "2025-02-03", "--ends",
             "+6w", "--current");
    /* A unit with no targets is allowed and says how to add them. */
    ts_run_result r = run_ok(db, (const char *const[]){"unit", "show", "1", NULL});
    assert_non_null(strstr(r.out, "Argument writing"));
    assert_non_null(strstr(r.out, "no learning targets yet"));
    ts_run_free(&r);

    ADMIN_OK(db, "target", "add", "--unit", "1", "--statement", "I can choose evidence that supports my claim.",
             "--standard", "W.8.1b");
    ADMIN_OK(db, "target", "add", "--unit", "1", "--statement", "I can write a claim that answers the question.",
             "--standard", "W.8.1a", "--position", "1");
    ADMIN_OK(db, "unit", "assignment", "1", "--title", "Evidence hunt: school start times");

    json_t *u = json_out(db, (const char *const[]){"--json", "unit", "show", "1", NULL});
    json_t *targets = json_object_get(u, "targets");
    assert_int_equal(json_array_size(targets), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(targets, 0), "statement")),
                        "I can write a claim that answers the question.");
    assert_int_equal(json_integer_value(json_object_get(json_array_get(targets, 1), "position")), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(targets, 1), "standard")), "W.8.1b");
    assert_int_equal(json_array_size(json_object_get(u, "assignments")), 1);
    assert_int_equal(json_integer_value(json_object_get(u, "current")), 1);
    json_decref(u);

    /* A second current unit takes over: one current unit per class. */
    ADMIN_OK(db, "unit", "add", "--class", "ELA8-2", "--title", "Poetry", "--current");
    assert_int_equal(count(db, "SELECT id FROM units WHERE is_current = 1"), 2);
    ADMIN_OK(db, "unit", "current", "1");
    assert_int_equal(count(db, "SELECT id FROM units WHERE is_current = 1"), 1);

    r = run_ok(db, (const char *const[]){"unit", "list", "--class", "ELA8-2", NULL});
    assert_non_null(strstr(r.out, "Poetry"));
    ts_run_free(&r);

    /* Bad input names the option and what was expected. */
    r = ts_admin(db, "unit", "add", "--class", "NOPE", "--title", "x", NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "NOPE"));
    ts_run_free(&r);
    r = ts_admin(db, "unit", "add", "--class", "ELA8-2", "--title", "x", "--starts", "2025-03-01", "--ends",
                 "2025-02-01", NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "--ends"));
    ts_run_free(&r);
    r = ts_admin(db, "target", "add", "--unit", "99", "--statement", "I can", NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "no unit with id 99"));
    ts_run_free(&r);
}

static void targets_come_in_from_a_spreadsheet_all_or_nothing(void **state)
{
    (void)state;
    const char *db = school("targets.db");
    ADMIN_OK(db, "unit", "add", "--class", "ELA8-2", "--title", "Argument writing", "--current");
    ADMIN_OK(db, "target", "add", "--unit", "1", "--statement", "I can write a claim.");

    /* Position 1 is taken, line 4 has no statement, line 5 repeats a position, line 6 is not a number. */
    const char bad[] = "\xEF\xBB\xBFposition,statement,standard_code\r\n"
                       "1,I can choose evidence.,W.8.1b\r\n"
                       "2,\"I can explain, in my words, how evidence supports a claim.\",W.8.1b\r\n"
                       "3,,W.8.1a\r\n"
                       "2,I can answer a counterclaim.,W.8.1a\r\n"
                       "two,I can use transitions.,W.8.1c\r\n";
    const char *csv = ts_write_file("bad-targets.csv", bad, sizeof bad - 1);
    uint64_t before = ts_file_hash(db);
    ts_run_result r = ts_admin(db, "target", "import", "--unit", "1", csv, NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "line 2, column position"));
    assert_non_null(strstr(r.err, "line 4, column statement"));
    assert_non_null(strstr(r.err, "line 5, column position"));
    assert_non_null(strstr(r.err, "first on line 3"));
    assert_non_null(strstr(r.err, "line 6, column position: expected a whole number"));
    assert_non_null(strstr(r.err, "4 bad lines"));
    assert_null(strstr(r.err, "line 3,"));
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);
    assert_int_equal(count(db, "SELECT count(*) FROM learning_targets"), 1);

    /* A good file: dry run first (nothing written), then for real. */
    const char good[] = "statement,position,standard_code\n"
                        "I can choose evidence.,,W.8.1b\n"
                        "\"I can explain, in my words, how evidence supports a claim.\",5,W.8.1b\n"
                        "I can answer a counterclaim.,,W.8.1a\n";
    csv = ts_write_file("targets.csv", good, sizeof good - 1);
    r = ts_admin(db, "target", "import", "--unit", "1", csv, "--dry-run", NULL);
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "dry run"));
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);
    r = ts_admin(db, "target", "import", "--unit", "1", csv, NULL);
    assert_int_equal(r.exit_code, 0);
    ts_run_free(&r);
    assert_int_equal(count(db, "SELECT count(*) FROM learning_targets WHERE unit_id = 1"), 4);
    assert_int_equal(count(db, "SELECT position FROM learning_targets WHERE statement = 'I can choose evidence.'"), 2);
    assert_int_equal(count(db, "SELECT position FROM learning_targets WHERE statement = 'I can answer a counterclaim.'"), 6);
}

static void teachers_rate_mastery_one_by_one_and_as_a_grid(void **state)
{
    (void)state;
    const char *db = school("mastery.db");
    ADMIN_OK(db, "unit", "add", "--class", "ELA8-2", "--title", "Argument writing", "--current");
    ADMIN_OK(db, "target", "add", "--unit", "1", "--statement", "I can write a claim.");
    ADMIN_OK(db, "target", "add", "--unit", "1", "--statement", "I can choose evidence.");

    ADMIN_OK(db, "mastery", "rate", "--student", "S1", "--target", "1", "--rating", "3", "--evidence",
             "claim paragraph", "--staff", "T01");
    assert_int_equal(count(db, "SELECT rating FROM mastery_ratings WHERE rater = 'teacher' AND staff_id = 1"), 3);
    ts_run_result r = ts_admin(db, "mastery", "rate", "--student", "S1", "--target", "1", "--rating", "5", NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "--rating: expected 1"));
    ts_run_free(&r);
    r = ts_admin(db, "mastery", "rate", "--student", "S9", "--target", "1", "--rating", "2", NULL);
    assert_int_equal(r.exit_code, 2);
    ts_run_free(&r);

    /* A grid with a rating out of range, an unknown student and a student of another class. */
    const char bad[] = "sis_id,1,#2\nS1,3,5\nS7,2,2\nS3,1,1\n";
    const char *csv = ts_write_file("bad-grid.csv", bad, sizeof bad - 1);
    uint64_t before = ts_file_hash(db);
    r = ts_admin(db, "mastery", "import", "--unit", "1", csv, NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "line 2, column #2: expected a rating 1-4"));
    assert_non_null(strstr(r.err, "line 3, column sis_id"));
    assert_non_null(strstr(r.err, "line 4, column sis_id: expected a student enrolled"));
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);

    /* A header naming a target the unit does not have. */
    const char bad_header[] = "sis_id,1,7\nS1,3,2\n";
    csv = ts_write_file("bad-header.csv", bad_header, sizeof bad_header - 1);
    r = ts_admin(db, "mastery", "import", "--unit", "1", csv, NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "header row, column 3"));
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);

    const char good[] = "sis_id,1,#2\nS1,4,2\nS2,,3\n";
    csv = ts_write_file("grid.csv", good, sizeof good - 1);
    r = ts_admin(db, "mastery", "import", "--unit", "1", csv, "--staff", "T01", NULL);
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "3 teacher ratings"));
    ts_run_free(&r);
    assert_int_equal(count(db, "SELECT count(*) FROM mastery_ratings"), 4);
    r = run_ok(db, (const char *const[]){"mastery", "grid", "--unit", "1", NULL});
    assert_non_null(strstr(r.out, "1:T4/S-"));
    assert_non_null(strstr(r.out, "2:T3/S-"));
    ts_run_free(&r);
}

static void teachers_rate_mastery_from_a_list_of_ratings_by_student(void **state)
{
    (void)state;
    const char *db = school("by-student.db");
    ADMIN_OK(db, "unit", "add", "--class", "ELA8-2", "--title", "Argument writing", "--current");
    ADMIN_OK(db, "target", "add", "--unit", "1", "--statement", "I can write a claim.");
    ADMIN_OK(db, "target", "add", "--unit", "1", "--statement", "I can choose evidence.");

    /* Each problem is named with its line and column; nothing is recorded. */
    const char bad[] = "\xEF\xBB\xBFsis_id,target,rating,evidence\r\n"
                       "S1,1,3,claim paragraph\r\n"
                       "S1,#1,2,\r\n"           /* the same student and target again */
                       "S3,2,2,\r\n"            /* not in the class */
                       "S2,9,2,\r\n"            /* no such target */
                       "S2,2,five,\r\n"
                       "S2,1,4,\"bad \xFF byte\"\r\n";
    const char *csv = ts_write_file("bad-ratings.csv", bad, sizeof bad - 1);
    uint64_t before = ts_file_hash(db);
    ts_run_result r = ts_admin(db, "mastery", "import", "--unit", "1", csv, NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "line 3, column target: expected one rating per student and target (the same pair "
                                  "is on line 2)"));
    assert_non_null(strstr(r.err, "line 4, column sis_id: expected a student enrolled in the unit's class"));
    assert_non_null(strstr(r.err, "line 5, column target: expected a learning target of unit 1"));
    assert_non_null(strstr(r.err, "line 6, column rating: expected a rating 1-4, got 'five'"));
    assert_non_null(strstr(r.err, "line 7, column evidence"));
    assert_non_null(strstr(r.err, "5 bad lines; nothing was imported"));
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);

    const char good[] = "sis_id,target,rating,evidence,next_step\n"
                        "S1,1,3,claim paragraph,add a second reason\n"
                        "S1,#2,2,,\n"
                        "S2,2,4,\"evidence chart, with quotes\",\n";
    csv = ts_write_file("ratings.csv", good, sizeof good - 1);
    r = ts_admin(db, "mastery", "import", "--unit", "1", csv, "--dry-run", NULL);
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "3 ratings checked"));
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);
    r = ts_admin(db, "--json", "mastery", "import", "--unit", "1", csv, "--staff", "T01", NULL);
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "\"by-student\""));
    ts_run_free(&r);
    assert_int_equal(count(db, "SELECT count(*) FROM mastery_ratings WHERE rater = 'teacher' AND staff_id = 1"), 3);
    assert_int_equal(count(db, "SELECT count(*) FROM mastery_ratings WHERE evidence = 'claim paragraph' AND next_step ="
                               " 'add a second reason' AND rating = 3 AND target_id = 1"),
                     1);
    assert_int_equal(count(db, "SELECT count(*) FROM mastery_ratings WHERE evidence = 'evidence chart, with quotes'"), 1);
    r = run_ok(db, (const char *const[]){"mastery", "grid", "--unit", "1", NULL});
    assert_non_null(strstr(r.out, "1:T3/S-"));
    assert_non_null(strstr(r.out, "2:T4/S-"));
    ts_run_free(&r);
}

static void units_and_their_targets_come_in_from_one_spreadsheet(void **state)
{
    (void)state;
    const char *db = school("unit-import.db");
    ADMIN_OK(db, "unit", "add", "--class", "ELA8-2", "--title", "Narrative writing", "--current");

    /* Every problem of the file is reported with its line; nothing is written. */
    const char bad[] = "class,unit,starts,ends,current,position,statement,standard_code\n"
                       "ELA8-2,Argument writing,2026-01-12,2026-02-20,yes,1,I can write a claim.,W.8.1a\n"
                       "ELA8-2,Argument writing,2026-01-13,,,1,I can choose evidence.,W.8.1b\n" /* date, position */
                       "ELA8-2,Research,,,yes,,,\n"                  /* a second current unit for ELA8-2 */
                       "HIST-9,Rome,,,,,I can read a map.,\n"         /* no such class */
                       "SS6-1,Rome,2026-03-10,2026-03-01,,,,\n"       /* ends before it starts */
                       "SS6-1,Maps,,,maybe,3,,\n"                     /* current flag; position without a target */
                       "SS6-1,Narrative writing,,,,,\"I can write, in order.\",\n"
                       "ELA8-2,Narrative writing,,,,,I can write a hook.,\n"; /* already exists */
    const char *csv = ts_write_file("bad-units.csv", bad, sizeof bad - 1);
    uint64_t before = ts_file_hash(db);
    ts_run_result r = ts_admin(db, "unit", "import", csv, NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "line 3, column starts: expected the same starts as line 2 for this unit"));
    assert_non_null(strstr(r.err, "line 3, column position: expected a position not used by another target of this "
                                  "unit (line 2)"));
    assert_non_null(strstr(r.err, "line 4, column current: expected one current unit per class (line 2"));
    assert_non_null(strstr(r.err, "line 5, column class: expected the code of a class"));
    assert_non_null(strstr(r.err, "line 6, column ends: expected a date on or after the unit's start"));
    assert_non_null(strstr(r.err, "line 7, column current: expected yes, no or nothing, got 'maybe'"));
    assert_non_null(strstr(r.err, "line 7, column position: expected nothing on a line without a statement"));
    assert_non_null(strstr(r.err, "line 9, column unit: expected a new unit title (ELA8-2 already has this unit, id 1"));
    assert_null(strstr(r.err, "line 8")); /* the same title in another class is fine */
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);

    /* What a spreadsheet writes: a byte-order mark, CRLF, a quoted statement with a comma. */
    const char good[] = "\xEF\xBB\xBF" "Class,Unit,Starts,Ends,Current,Position,Statement,Standard_Code\r\n"
                        "ELA8-2,Argument writing,2026-01-12,2026-02-20,yes,2,I can choose evidence.,W.8.1b\r\n"
                        "ELA8-2,Argument writing,,,,1,\"I can write a claim, then defend it.\",W.8.1a\r\n"
                        "ELA8-2,Argument writing,,,,,I can answer a counterclaim.,\r\n"
                        "SS6-1,Ancient Rome,,,,,,\r\n";
    csv = ts_write_file("units.csv", good, sizeof good - 1);
    r = ts_admin(db, "unit", "import", csv, "--dry-run", NULL);
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "2 units and 3 learning targets checked"));
    ts_run_free(&r);
    assert_true(ts_file_hash(db) == before);
    ADMIN_OK(db, "unit", "import", csv);
    assert_int_equal(count(db, "SELECT count(*) FROM units"), 3);
    assert_int_equal(count(db, "SELECT is_current FROM units WHERE title = 'Narrative writing'"), 0);
    assert_int_equal(count(db, "SELECT is_current FROM units WHERE title = 'Argument writing' AND starts_on = "
                               "'2026-01-12' AND ends_on = '2026-02-20'"),
                     1);
    assert_int_equal(count(db, "SELECT count(*) FROM learning_targets t JOIN units u ON u.id = t.unit_id WHERE"
                               " u.title = 'Argument writing' AND ((t.position = 1 AND t.statement = 'I can write a "
                               "claim, then defend it.' AND t.standard_code = 'W.8.1a') OR (t.position = 2 AND "
                               "t.statement = 'I can choose evidence.') OR (t.position = 3 AND t.statement = 'I can "
                               "answer a counterclaim.'))"),
                     3);
    assert_int_equal(count(db, "SELECT count(*) FROM learning_targets t JOIN units u ON u.id = t.unit_id WHERE"
                               " u.title = 'Ancient Rome'"),
                     0);
    json_t *j = json_out(db, (const char *const[]){"--json", "unit", "list", "--class", "SS6-1", NULL});
    assert_int_equal(json_array_size(j), 1);
    json_decref(j);
}

int main(void)
{
    setenv("SIGNPOST_NOW", "2025-03-14", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_teacher_builds_a_unit_with_targets_and_assignments),
        cmocka_unit_test(targets_come_in_from_a_spreadsheet_all_or_nothing),
        cmocka_unit_test(units_and_their_targets_come_in_from_one_spreadsheet),
        cmocka_unit_test(teachers_rate_mastery_one_by_one_and_as_a_grid),
        cmocka_unit_test(teachers_rate_mastery_from_a_list_of_ratings_by_student),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
