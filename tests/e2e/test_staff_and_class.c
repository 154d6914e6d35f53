/* test_staff_and_class.c — the office looks after staff and classes over a school year with the
 * real signpost-admin: a teacher's details change (a new code, a title), a support teacher is
 * listed by role, a teacher who leaves is archived (their badge stops opening the teacher menu,
 * their classes and data are kept) and comes back; a class gets a room, loses its teacher and is
 * archived at the end of term. Every refusal says what was expected and changes nothing. */
#include "test_support.h"

#include "badge.h"

#include <jansson.h>
#include <stdio.h>
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

/* The command must fail with exit code 2 and this text on stderr, leaving the file untouched. */
#define ADMIN_REFUSED(db, words, ...)                                                                                  \
    do {                                                                                                               \
        uint64_t before_ = ts_file_hash(db);                                                                           \
        ts_run_result r_ = ts_admin_argv(db, (const char *const[]){__VA_ARGS__, NULL});                                \
        assert_int_equal(r_.exit_code, 2);                                                                             \
        if (!strstr(r_.err, words))                                                                                    \
            fail_msg("expected \"%s\" in: %s", words, r_.err);                                                         \
        ts_run_free(&r_);                                                                                              \
        assert_true(ts_file_hash(db) == before_);                                                                      \
    } while (0)

static json_t *admin_json(const char *db, const char *const *args)
{
    ts_run_result r = run_ok(db, args);
    json_error_t e;
    json_t *j = json_loads(r.out, 0, &e);
    if (!j)
        fail_msg("not JSON (%s): %s", e.text, r.out);
    ts_run_free(&r);
    return j;
}

static const char *str(json_t *o, const char *key) { return json_string_value(json_object_get(o, key)); }

static sp_badge_kind badge_kind(const char *db, const char *payload)
{
    char token[SP_BADGE_TOKEN_CHARS + 1];
    assert_int_equal(sp_badge_parse(payload, strlen(payload), token), SP_PAYLOAD_OK);
    sqlite3 *h = ts_open(db);
    sp_badge_identity id;
    assert_int_equal(sp_badge_lookup(h, token, &id), SQLITE_OK);
    sqlite3_close(h);
    return id.kind;
}

static int teardown(void **state)
{
    (void)state;
    ts_cleanup();
    return 0;
}

static const char *school(void)
{
    static char db[1024];
    snprintf(db, sizeof db, "%s", ts_path("school.db"));
    remove(db);
    ADMIN_OK(db, "init");
    ADMIN_OK(db, "staff", "add", "--code", "T01", "--given", "Ana", "--family", "Rivera", "--display", "Ms. Rivera");
    ADMIN_OK(db, "staff", "add", "--code", "T02", "--given", "Ben", "--family", "Okafor", "--role", "support");
    ADMIN_OK(db, "class", "add", "--code", "ELA8-2", "--name", "ELA 8, period 2", "--grade", "8", "--teacher", "T01");
    ADMIN_OK(db, "student", "add", "--sis-id", "S1001", "--given", "Zoë", "--family", "Martin", "--grade", "8");
    ADMIN_OK(db, "class", "enroll", "ELA8-2", "S1001");
    return db;
}

static void a_teacher_changes_code_and_title_and_keeps_their_class(void **state)
{
    (void)state;
    const char *db = school();
    ADMIN_OK(db, "staff", "edit", "T01", "--display", "Dr. Rivera", "--new-code", "T10", "--email", "ana@school.example");
    json_t *t = admin_json(db, (const char *const[]){"--json", "staff", "show", "T10", NULL});
    assert_string_equal(str(t, "display_name"), "Dr. Rivera");
    assert_string_equal(str(t, "email"), "ana@school.example");
    assert_string_equal(str(t, "role"), "teacher");
    assert_string_equal(str(json_array_get(json_object_get(t, "classes"), 0), "code"), "ELA8-2");
    json_decref(t);
    ADMIN_REFUSED(db, "no staff member with code 'T01'", "staff", "show", "T01");

    /* the list by role: only the support teacher */
    json_t *support = admin_json(db, (const char *const[]){"--json", "staff", "list", "--role", "support", NULL});
    assert_int_equal(json_array_size(support), 1);
    assert_string_equal(str(json_array_get(support, 0), "staff_code"), "T02");
    json_decref(support);
}

static void staff_refusals_say_what_was_expected_and_change_nothing(void **state)
{
    (void)state;
    const char *db = school();
    ADMIN_REFUSED(db, "no staff member with code 'T99'", "staff", "edit", "T99", "--given", "X");
    ADMIN_REFUSED(db, "expected teacher, support or admin, got 'janitor'", "staff", "edit", "T01", "--role", "janitor");
    ADMIN_REFUSED(db, "another staff member already has code 'T01'", "staff", "edit", "T02", "--new-code", "T01");
    ADMIN_REFUSED(db, "T01", "staff", "add", "--code", "T01", "--given", "Again");
    ADMIN_REFUSED(db, "--given", "staff", "add", "--code", "T03");
    ADMIN_REFUSED(db, "no staff member with code 'T99'", "staff", "archive", "T99");
}

static void a_teacher_who_leaves_is_archived_their_badge_stops_and_they_can_come_back(void **state)
{
    (void)state;
    const char *db = school();
    json_t *issued = admin_json(db, (const char *const[]){"--json", "badge", "issue", "--staff", "T01", "--show-payload", NULL});
    assert_int_equal(json_integer_value(json_object_get(issued, "issued")), 1);
    const char *p = str(json_array_get(json_object_get(issued, "badges"), 0), "payload");
    assert_non_null(p);
    char payload[SP_BADGE_PAYLOAD_MAX];
    snprintf(payload, sizeof payload, "%s", p);
    json_decref(issued);
    assert_int_equal(badge_kind(db, payload), SP_BADGE_TEACHER);

    ADMIN_OK(db, "staff", "archive", "T01");
    assert_int_equal(badge_kind(db, payload), SP_BADGE_REVOKED); /* no teacher menu for someone who left */
    json_t *active = admin_json(db, (const char *const[]){"--json", "staff", "list", NULL});
    assert_int_equal(json_array_size(active), 1); /* Ben only */
    json_decref(active);
    json_t *gone = admin_json(db, (const char *const[]){"--json", "staff", "list", "--archived", NULL});
    assert_int_equal(json_array_size(gone), 1);
    assert_string_equal(str(json_array_get(gone, 0), "staff_code"), "T01");
    json_decref(gone);
    json_t *c = admin_json(db, (const char *const[]){"--json", "class", "show", "ELA8-2", NULL});
    assert_int_equal(json_array_size(json_object_get(c, "students")), 1); /* the class is kept */
    json_decref(c);

    ADMIN_OK(db, "staff", "archive", "T01", "--undo");
    assert_int_equal(badge_kind(db, payload), SP_BADGE_TEACHER);
}

static void a_class_gets_a_room_loses_its_teacher_and_is_archived_at_the_end_of_term(void **state)
{
    (void)state;
    const char *db = school();
    ADMIN_OK(db, "class", "edit", "ELA8-2", "--room", "B12", "--no-teacher");
    json_t *c = admin_json(db, (const char *const[]){"--json", "class", "show", "ELA8-2", NULL});
    assert_string_equal(str(c, "room"), "B12");
    assert_true(json_is_null(json_object_get(c, "teacher")));
    json_decref(c);
    ADMIN_OK(db, "class", "edit", "ELA8-2", "--teacher", "T02", "--new-code", "ELA8-3");
    c = admin_json(db, (const char *const[]){"--json", "class", "show", "ELA8-3", NULL});
    char *teacher = json_dumps(json_object_get(c, "teacher"), JSON_ENCODE_ANY);
    assert_non_null(teacher);
    assert_non_null(strstr(teacher, "T02"));
    free(teacher);
    json_decref(c);

    ADMIN_REFUSED(db, "no staff member with code 'T77'", "class", "edit", "ELA8-3", "--teacher", "T77");
    ADMIN_REFUSED(db, "ELA8-2", "class", "edit", "ELA8-2", "--room", "B13");

    ADMIN_OK(db, "class", "archive", "ELA8-3");
    json_t *active = admin_json(db, (const char *const[]){"--json", "class", "list", NULL});
    assert_int_equal(json_array_size(active), 0);
    json_decref(active);
    json_t *archived = admin_json(db, (const char *const[]){"--json", "class", "list", "--archived", NULL});
    assert_int_equal(json_array_size(archived), 1);
    assert_string_equal(str(json_array_get(archived, 0), "code"), "ELA8-3");
    json_decref(archived);
    c = admin_json(db, (const char *const[]){"--json", "class", "show", "ELA8-3", NULL});
    assert_int_equal(json_array_size(json_object_get(c, "students")), 1); /* enrollments are kept */
    json_decref(c);
    ADMIN_OK(db, "class", "archive", "ELA8-3", "--undo");
    active = admin_json(db, (const char *const[]){"--json", "class", "list", NULL});
    assert_int_equal(json_array_size(active), 1);
    json_decref(active);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(a_teacher_changes_code_and_title_and_keeps_their_class, teardown),
        cmocka_unit_test_teardown(staff_refusals_say_what_was_expected_and_change_nothing, teardown),
        cmocka_unit_test_teardown(a_teacher_who_leaves_is_archived_their_badge_stops_and_they_can_come_back, teardown),
        cmocka_unit_test_teardown(a_class_gets_a_room_loses_its_teacher_and_is_archived_at_the_end_of_term, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
