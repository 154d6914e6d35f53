/* test_badge_key.c — badges that a copied database cannot forge (badge_key.h): the database file
 * never holds a token as printed; a copy of it without the key file can neither make a payload
 * nor check one, for students and teachers alike; an older file with tokens in clear is migrated
 * so every badge already printed keeps working and reprints the same card; the key file is
 * owner-only and a missing key is named as what it is. */
#include "test_support.h"

#include "badge.h"
#include "badge_key.h"
#include "db.h"
#include "db_schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static sqlite3 *open_db(const char *path)
{
    char err[600];
    sqlite3 *db = sp_db_open(path, SP_OPEN_CREATE, err, sizeof err);
    if (!db)
        fail_msg("%s", err);
    return db;
}

static void exec(sqlite3 *db, const char *sql)
{
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
}

/* One student (id 1) and one teacher (id 1). */
static void add_people(sqlite3 *db)
{
    exec(db, "INSERT INTO students (id, sis_id, given_name, grade, created_at) VALUES (1, 'S1', 'Zoe', 7, 'now');"
             "INSERT INTO staff (id, staff_code, given_name, created_at) VALUES (1, 'T1', 'Ms Rivera', 'now')");
}

/* Does the file at path (after a checkpoint) contain text anywhere in its bytes? */
static bool file_contains(const char *path, const char *text)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    bool found = false;
    size_t len = strlen(text);
    for (long i = 0; !found && i + (long)len <= n; i++)
        found = memcmp(buf + i, text, len) == 0;
    free(buf);
    return found;
}

static void copy_file(const char *from, const char *to)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", from, to);
    assert_int_equal(system(cmd), 0);
}

static void a_copied_database_cannot_make_or_check_a_student_or_teacher_payload(void **state)
{
    (void)state;
    const char *path = ts_path("school.db");
    char student[SP_BADGE_TOKEN_CHARS + 1], teacher[SP_BADGE_TOKEN_CHARS + 1], keypath[700];
    sqlite3 *db = open_db(path);
    add_people(db);
    assert_int_equal(sp_badge_issue(db, SP_HOLDER_STUDENT, 1, student, NULL), SQLITE_OK);
    assert_int_equal(sp_badge_issue(db, SP_HOLDER_STAFF, 1, teacher, NULL), SQLITE_OK);
    /* the stored token column is a 64-digit hash, not the printed token */
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM badges WHERE length(token) = 64 AND length(sealed) > 100"), 2);
    exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    sp_db_close(db);
    assert_false(file_contains(path, student));
    assert_false(file_contains(path, teacher));

    /* the key lives beside the database, owner-only */
    struct stat st;
    assert_int_equal(stat(sp_badge_key_path(path, keypath, sizeof keypath), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);

    /* the real database with its key knows both badges */
    sp_badge_identity id;
    db = open_db(path);
    assert_int_equal(sp_badge_lookup(db, student, &id), SQLITE_OK);
    assert_int_equal(id.kind, SP_BADGE_STUDENT);
    assert_int_equal(sp_badge_lookup(db, teacher, &id), SQLITE_OK);
    assert_int_equal(id.kind, SP_BADGE_TEACHER);
    sp_db_close(db);

    /* a copy of the file alone: no payload comes out, and a real payload is not recognised */
    const char *copy = ts_path("stolen.db");
    copy_file(path, copy);
    db = open_db(copy);
    char token[SP_BADGE_TOKEN_CHARS + 1];
    assert_int_not_equal(sp_badge_active_token(db, SP_HOLDER_STUDENT, 1, token), SQLITE_OK);
    assert_non_null(strstr(sqlite3_errmsg(db), "badge key file"));
    assert_int_not_equal(sp_badge_active_token(db, SP_HOLDER_STAFF, 1, token), SQLITE_OK);
    int rc = sp_badge_lookup(db, teacher, &id);
    assert_true(rc != SQLITE_OK || id.kind == SP_BADGE_UNKNOWN);
    sp_db_close(db);
    /* and nothing made a new key for the copy behind the user's back */
    assert_int_not_equal(stat(sp_badge_key_path(copy, keypath, sizeof keypath), &st), 0);

    ts_run_result r = ts_admin(copy, "badge", "list", "--show-payload", NULL);
    assert_int_equal(r.exit_code, 1);
    assert_non_null(strstr(r.err, "badge key file"));
    assert_null(strstr(r.out, "SP1:"));
    ts_run_free(&r);
    r = ts_admin(copy, "badge", "print", "--staff", "T1", "-o", ts_path("forged.pdf"), NULL);
    assert_int_equal(r.exit_code, 1);
    assert_non_null(strstr(r.err, "badge key file"));
    ts_run_free(&r);
    ts_cleanup();
}

static void an_older_file_with_tokens_in_clear_is_migrated_and_every_printed_badge_keeps_working(void **state)
{
    (void)state;
    const char *path = ts_path("old.db");
    static const char *STUDENT = "ABCDEFGHJKMNPQRSTVWXYZ0123", *TEACHER = "0123456789ABCDEFGHJKMNPQRS",
                      *REVOKED = "ZYXWVTSRQPNMKJHGFEDCBA9876";
    sqlite3 *raw = NULL;
    char err[600];
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(sp_db_migrate_to(raw, SP_SCHEMA_SEALED_BADGES - 1, err, sizeof err), SP_OK);
    add_people(raw);
    char sql[600];
    snprintf(sql, sizeof sql,
             "INSERT INTO badges (token, student_id, issued_at) VALUES ('%s', 1, 'then');"
             "INSERT INTO badges (token, staff_id, issued_at) VALUES ('%s', 1, 'then');"
             "INSERT INTO badges (token, student_id, issued_at, revoked_at) VALUES ('%s', 1, 'before', 'then')",
             STUDENT, TEACHER, REVOKED);
    exec(raw, sql);
    sqlite3_close(raw);
    assert_true(file_contains(path, STUDENT));

    sqlite3 *db = open_db(path); /* migrates */
    assert_int_equal(sp_db_user_version(db), SP_SCHEMA_VERSION);
    sp_badge_identity id;
    assert_int_equal(sp_badge_lookup(db, STUDENT, &id), SQLITE_OK);
    assert_int_equal(id.kind, SP_BADGE_STUDENT);
    assert_int_equal(sp_badge_lookup(db, TEACHER, &id), SQLITE_OK);
    assert_int_equal(id.kind, SP_BADGE_TEACHER);
    assert_int_equal(sp_badge_lookup(db, REVOKED, &id), SQLITE_OK);
    assert_int_equal(id.kind, SP_BADGE_REVOKED);
    /* reprinting gives the very same card */
    char token[SP_BADGE_TOKEN_CHARS + 1];
    assert_int_equal(sp_badge_active_token(db, SP_HOLDER_STUDENT, 1, token), SQLITE_OK);
    assert_string_equal(token, STUDENT);
    assert_int_equal(sp_badge_active_token(db, SP_HOLDER_STAFF, 1, token), SQLITE_OK);
    assert_string_equal(token, TEACHER);
    exec(db, "PRAGMA wal_checkpoint(TRUNCATE); VACUUM");
    sp_db_close(db);
    assert_false(file_contains(path, STUDENT));
    assert_false(file_contains(path, TEACHER));
    char keypath[700];
    struct stat st;
    assert_int_equal(stat(sp_badge_key_path(path, keypath, sizeof keypath), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    ts_cleanup();
}

static void a_lost_key_is_named_and_never_silently_replaced(void **state)
{
    (void)state;
    const char *path = ts_path("school.db");
    char keypath[700], token[SP_BADGE_TOKEN_CHARS + 1];
    sqlite3 *db = open_db(path);
    add_people(db);
    assert_int_equal(sp_badge_issue(db, SP_HOLDER_STUDENT, 1, token, NULL), SQLITE_OK);
    sp_db_close(db);
    sp_badge_key_path(path, keypath, sizeof keypath);
    assert_int_equal(rename(keypath, ts_path("elsewhere.key")), 0);
    /* issuing another badge would need a new key that breaks every printed card: refused */
    db = open_db(path);
    assert_int_not_equal(sp_badge_issue(db, SP_HOLDER_STAFF, 1, NULL, NULL), SQLITE_OK);
    assert_non_null(strstr(sqlite3_errmsg(db), "is missing"));
    assert_non_null(strstr(sqlite3_errmsg(db), keypath));
    sp_db_close(db);
    struct stat st;
    assert_int_not_equal(stat(keypath, &st), 0);
    /* putting the key back brings every badge back */
    assert_int_equal(rename(ts_path("elsewhere.key"), keypath), 0);
    db = open_db(path);
    sp_badge_identity id;
    assert_int_equal(sp_badge_lookup(db, token, &id), SQLITE_OK);
    assert_int_equal(id.kind, SP_BADGE_STUDENT);
    sp_db_close(db);
    ts_cleanup();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_copied_database_cannot_make_or_check_a_student_or_teacher_payload),
        cmocka_unit_test(an_older_file_with_tokens_in_clear_is_migrated_and_every_printed_badge_keeps_working),
        cmocka_unit_test(a_lost_key_is_named_and_never_silently_replaced),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
