/* test_badge.c — badge tokens, the payload and its check symbol, lookups, the scan log, and the
 * `badge` commands (issue, reissue, revoke, list) run through the real signpost-admin. */
#include "test_support.h"

#include "badge.h"
#include "badge_sheet.h"
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/* ---- tokens and payloads ----------------------------------------------------------------- */

static void tokens_are_26_characters_of_the_alphabet_and_never_repeat(void **state)
{
    (void)state;
    enum { N = 2000 };
    static char seen[N][SP_BADGE_TOKEN_CHARS + 1];
    int counts[32] = {0};
    for (int i = 0; i < N; i++) {
        assert_true(sp_badge_new_token(seen[i]));
        assert_int_equal(strlen(seen[i]), SP_BADGE_TOKEN_CHARS);
        for (int k = 0; k < SP_BADGE_TOKEN_CHARS; k++) {
            const char *p = strchr(ALPHABET, seen[i][k]);
            assert_non_null(p);
            counts[p - ALPHABET]++;
        }
        for (int j = 0; j < i; j++)
            assert_string_not_equal(seen[i], seen[j]);
    }
    /* 52,000 symbols: each of the 32 should appear about 1,625 times */
    for (int s = 0; s < 32; s++)
        assert_true(counts[s] > 1300 && counts[s] < 1950);
}

static void a_payload_is_prefix_version_token_and_check_in_qr_alphanumeric(void **state)
{
    (void)state;
    char p[SP_BADGE_PAYLOAD_MAX], token[SP_BADGE_TOKEN_CHARS + 1];
    sp_badge_payload("ABCDEFGHJKMNPQRSTVWXYZ0123", p);
    assert_int_equal(strlen(p), SP_BADGE_PAYLOAD_CHARS);
    assert_memory_equal(p, "SP1:ABCDEFGHJKMNPQRSTVWXYZ0123", 30);
    for (const char *c = p; *c; c++)
        assert_non_null(strchr("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:", *c));
    assert_int_equal(sp_badge_parse(p, strlen(p), token), SP_PAYLOAD_OK);
    assert_string_equal(token, "ABCDEFGHJKMNPQRSTVWXYZ0123");
    int w = 0;
    unsigned char *m = sp_badge_qr_matrix(p, &w);
    assert_non_null(m);
    assert_int_equal(w, 25); /* QR version 2: small enough for 1.1 mm modules on a card */
    free(m);
}

/* Known answers for the check symbol, worked out independently from the published description of
 * ISO/IEC 7064 MOD 37-2 (pure system, modulus 37, radix 2: the check value c makes
 * sum(a_i * 2^(n+1-i)) + c = 1 (mod 37) over the 26 token values a_1..a_26), with the token
 * alphabet's values 0-31 and the check symbols '*', 'I', 'L', 'O', 'U' for 32-36 as badge.h
 * defines them. They were computed with a one-off Python expression of that formula (not the
 * project's code), so a change to the check-symbol code that gives printed badges a different
 * symbol fails here. The last five cover the five extra check symbols. */
static const struct {
    const char *token;
    char check;
} CHECK_VECTORS[] = {
    {"ABCDEFGHJKMNPQRSTVWXYZ0123", '7'},
    {"YZAQWM0123456789BCDEFGHJKN", 'H'},
    {"00000000000000000000000000", '1'},
    {"ZZZZZZZZZZZZZZZZZZZZZZZZZZ", 'S'},
    {"0000000000000000000000000Z", 'D'},
    {"10000000000000000000000000", 'O'},
    {"7Q2M9XKD4TVRB0HC8NWJ3ZPY5G", '7'},
    {"0123456789ABCDEFGHJKMNPQRS", 'C'},
    {"00000000000000000000000003", '*'},
    {"0000000000000000000000000N", 'I'},
    {"00000000000000000000000002", 'L'},
    {"0000000000000000000000000M", 'O'},
    {"00000000000000000000000001", 'U'},
};

static void the_check_symbol_matches_known_answers_of_iso_7064_mod_37_2(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof CHECK_VECTORS / sizeof CHECK_VECTORS[0]; i++) {
        char payload[SP_BADGE_PAYLOAD_MAX], want[SP_BADGE_PAYLOAD_MAX], token[SP_BADGE_TOKEN_CHARS + 1];
        assert_int_equal(sp_badge_check_symbol(CHECK_VECTORS[i].token), CHECK_VECTORS[i].check);
        /* the whole payload, all 31 characters, as printed on the badge */
        snprintf(want, sizeof want, "SP1:%s%c", CHECK_VECTORS[i].token, CHECK_VECTORS[i].check);
        sp_badge_payload(CHECK_VECTORS[i].token, payload);
        assert_string_equal(payload, want);
        assert_int_equal(sp_badge_parse(want, strlen(want), token), SP_PAYLOAD_OK);
        assert_string_equal(token, CHECK_VECTORS[i].token);
    }
    /* the seed payloads the fuzz corpus and older tests use, whole */
    char token[SP_BADGE_TOKEN_CHARS + 1];
    assert_int_equal(sp_badge_parse("SP1:ABCDEFGHJKMNPQRSTVWXYZ01237", 31, token), SP_PAYLOAD_OK);
    assert_int_equal(sp_badge_parse("SP1:ABCDEFGHJKMNPQRSTVWXYZ0123A", 31, token), SP_PAYLOAD_BAD_CHECK);
}

static void the_parser_says_why_it_refuses(void **state)
{
    (void)state;
    char good[SP_BADGE_PAYLOAD_MAX], t[SP_BADGE_TOKEN_CHARS + 1], buf[80];
    sp_badge_payload("ZZZZZZZZZZZZZZZZZZZZZZZZZ1", good);
    assert_int_equal(sp_badge_parse("", 0, t), SP_PAYLOAD_EMPTY);
    assert_int_equal(sp_badge_parse(" \r\n", 3, t), SP_PAYLOAD_EMPTY);
    assert_int_equal(sp_badge_parse(NULL, 0, t), SP_PAYLOAD_EMPTY);
    assert_int_equal(sp_badge_parse("9780306406157", 13, t), SP_PAYLOAD_WRONG_PREFIX);
    assert_int_equal(sp_badge_parse("S-1001", 6, t), SP_PAYLOAD_WRONG_PREFIX);
    assert_int_equal(sp_badge_parse("SP:ABC", 6, t), SP_PAYLOAD_WRONG_PREFIX);
    assert_int_equal(sp_badge_parse("SP1", 3, t), SP_PAYLOAD_WRONG_PREFIX);
    snprintf(buf, sizeof buf, "SP2:%s", good + 4);
    assert_int_equal(sp_badge_parse(buf, strlen(buf), t), SP_PAYLOAD_UNKNOWN_VERSION);
    snprintf(buf, sizeof buf, "SP12:%s", good + 4);
    assert_int_equal(sp_badge_parse(buf, strlen(buf), t), SP_PAYLOAD_UNKNOWN_VERSION);
    assert_int_equal(sp_badge_parse(good, strlen(good) - 1, t), SP_PAYLOAD_WRONG_LENGTH);
    snprintf(buf, sizeof buf, "%sA", good);
    assert_int_equal(sp_badge_parse(buf, strlen(buf), t), SP_PAYLOAD_WRONG_LENGTH);
    snprintf(buf, sizeof buf, "%s", good);
    buf[7] = 'I'; /* I, L, O and U are not token characters */
    assert_int_equal(sp_badge_parse(buf, strlen(buf), t), SP_PAYLOAD_BAD_CHARACTER);
    buf[7] = '#';
    assert_int_equal(sp_badge_parse(buf, strlen(buf), t), SP_PAYLOAD_BAD_CHARACTER);
    snprintf(buf, sizeof buf, "%s", good);
    buf[7] = 'Y';
    assert_int_equal(sp_badge_parse(buf, strlen(buf), t), SP_PAYLOAD_BAD_CHECK);
    for (int e = SP_PAYLOAD_OK; e <= SP_PAYLOAD_BAD_CHECK; e++)
        assert_true(strlen(sp_payload_error_words((sp_payload_error)e)) > 5);
}

static void surrounding_space_a_trailing_newline_and_lowercase_are_accepted(void **state)
{
    (void)state;
    char good[SP_BADGE_PAYLOAD_MAX], buf[80], t[SP_BADGE_TOKEN_CHARS + 1];
    sp_badge_payload("ABCDEFGHJKMNPQRSTVWXYZ0123", good);
    snprintf(buf, sizeof buf, "  %s\r\n", good);
    assert_int_equal(sp_badge_parse(buf, strlen(buf), t), SP_PAYLOAD_OK);
    for (char *c = buf; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c - 'A' + 'a');
    assert_int_equal(sp_badge_parse(buf, strlen(buf), t), SP_PAYLOAD_OK);
    assert_string_equal(t, "ABCDEFGHJKMNPQRSTVWXYZ0123");
    /* the parser reads only the bytes it is given */
    assert_int_equal(sp_badge_parse(good, 4, t), SP_PAYLOAD_WRONG_LENGTH);
}

static void every_single_misread_and_every_neighbour_swap_fails_the_check(void **state)
{
    (void)state;
    for (int round = 0; round < 40; round++) {
        char token[SP_BADGE_TOKEN_CHARS + 1], p[SP_BADGE_PAYLOAD_MAX], q[SP_BADGE_PAYLOAD_MAX];
        char t[SP_BADGE_TOKEN_CHARS + 1];
        assert_true(sp_badge_new_token(token));
        sp_badge_payload(token, p);
        for (int i = 4; i < SP_BADGE_PAYLOAD_CHARS - 1; i++) {
            for (int s = 0; s < 32; s++) {
                if (ALPHABET[s] == p[i])
                    continue;
                memcpy(q, p, sizeof q);
                q[i] = ALPHABET[s];
                assert_int_equal(sp_badge_parse(q, strlen(q), t), SP_PAYLOAD_BAD_CHECK);
            }
            if (i + 1 < SP_BADGE_PAYLOAD_CHARS - 1 && p[i] != p[i + 1]) {
                memcpy(q, p, sizeof q);
                q[i] = p[i + 1];
                q[i + 1] = p[i];
                assert_int_equal(sp_badge_parse(q, strlen(q), t), SP_PAYLOAD_BAD_CHECK);
            }
        }
    }
}

static void a_student_id_is_never_a_badge(void **state)
{
    (void)state;
    static const char *const ids[] = {"S-1001", "1001", "SP1:S-1001", "SP1:1001", "SP1:000000000000000000000000000"};
    char t[SP_BADGE_TOKEN_CHARS + 1];
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        assert_int_not_equal(sp_badge_parse(ids[i], strlen(ids[i]), t), SP_PAYLOAD_OK);
}

/* ---- lookups and the scan log ------------------------------------------------------------ */

static sqlite3 *school(const char *path)
{
    char err[256];
    sqlite3 *db = sp_db_open(path, SP_OPEN_CREATE, err, sizeof err);
    if (!db)
        fail_msg("%s", err);
    assert_int_equal(sp_db_exec(db,
                                "INSERT INTO staff (id, staff_code, given_name, display_name, created_at) VALUES"
                                " (1, 'T-RIVERA', 'Ana', 'Ms. Rivera', 'x'), (2, 'T-GONE', 'Old', '', 'x');"
                                "UPDATE staff SET archived = 1 WHERE id = 2;"
                                "INSERT INTO classes (id, code, name) VALUES (1, 'ELA8-2', 'English 8');"
                                "INSERT INTO students (id, sis_id, given_name, preferred_name, grade, created_at) VALUES"
                                " (1, 'S-1001', 'Zoe', 'Zoë', 8, 'x'), (2, 'S-1002', 'Malik', '', 8, 'x'),"
                                " (3, 'S-1003', 'Ada', '', 8, 'x'), (4, 'S-1004', 'Lin', '', 8, 'x');"
                                "UPDATE students SET archived = 1 WHERE id = 3;"
                                "INSERT INTO enrollments SELECT 1, id, '2026-01-05' FROM students;"),
                     SQLITE_OK);
    return db;
}

static void lookups_tell_student_teacher_revoked_and_unknown_apart(void **state)
{
    (void)state;
    ts_tmpdir();
    sqlite3 *db = school(ts_path("lookup.db"));
    char zoe[SP_BADGE_TOKEN_CHARS + 1], ada[SP_BADGE_TOKEN_CHARS + 1], teacher[SP_BADGE_TOKEN_CHARS + 1];
    char gone[SP_BADGE_TOKEN_CHARS + 1], old[SP_BADGE_TOKEN_CHARS + 1], unknown[SP_BADGE_TOKEN_CHARS + 1];
    long long zoe_badge = 0;
    assert_int_equal(sp_badge_issue(db, SP_HOLDER_STUDENT, 1, old, NULL), SQLITE_OK);
    assert_int_equal(sp_badge_issue(db, SP_HOLDER_STUDENT, 1, zoe, NULL), SQLITE_CONSTRAINT); /* one at a time */
    int n = 0;
    assert_int_equal(sp_badge_revoke_holder(db, SP_HOLDER_STUDENT, 1, "lost", &n), SQLITE_OK);
    assert_int_equal(n, 1);
    assert_int_equal(sp_badge_issue(db, SP_HOLDER_STUDENT, 1, zoe, &zoe_badge), SQLITE_OK);
    assert_int_equal(sp_badge_issue(db, SP_HOLDER_STUDENT, 3, ada, NULL), SQLITE_OK);
    assert_int_equal(sp_badge_issue(db, SP_HOLDER_STAFF, 1, teacher, NULL), SQLITE_OK);
    assert_int_equal(sp_badge_issue(db, SP_HOLDER_STAFF, 2, gone, NULL), SQLITE_OK);
    assert_true(sp_badge_new_token(unknown));

    sp_badge_identity id;
    assert_int_equal(sp_badge_lookup(db, zoe, &id), SQLITE_OK);
    assert_int_equal(id.kind, SP_BADGE_STUDENT);
    assert_int_equal(id.holder_id, 1);
    assert_int_equal(id.badge_id, zoe_badge);
    assert_int_equal(sp_badge_lookup(db, teacher, &id), SQLITE_OK);
    assert_int_equal(id.kind, SP_BADGE_TEACHER);
    assert_int_equal(id.holder_id, 1);
    assert_int_equal(sp_badge_lookup(db, old, &id), SQLITE_OK);
    assert_int_equal(id.kind, SP_BADGE_REVOKED);
    assert_int_equal(sp_badge_lookup(db, ada, &id), SQLITE_OK); /* archived student */
    assert_int_equal(id.kind, SP_BADGE_REVOKED);
    assert_int_equal(sp_badge_lookup(db, gone, &id), SQLITE_OK); /* archived staff member */
    assert_int_equal(id.kind, SP_BADGE_REVOKED);
    assert_int_equal(sp_badge_lookup(db, unknown, &id), SQLITE_OK);
    assert_int_equal(id.kind, SP_BADGE_UNKNOWN);

    char active[SP_BADGE_TOKEN_CHARS + 1];
    assert_int_equal(sp_badge_active_token(db, SP_HOLDER_STUDENT, 1, active), SQLITE_OK);
    assert_string_equal(active, zoe);
    assert_int_equal(sp_badge_active_token(db, SP_HOLDER_STUDENT, 2, active), SQLITE_DONE);
    sqlite3_close(db);
    ts_cleanup();
}

static void the_kiosk_has_kind_words_for_every_outcome(void **state)
{
    (void)state;
    assert_non_null(strstr(sp_badge_kind_student_words(SP_BADGE_REVOKED), "teacher"));
    assert_non_null(strstr(sp_badge_kind_student_words(SP_BADGE_UNKNOWN), "teacher"));
    assert_string_equal(sp_badge_kind_name(SP_BADGE_REVOKED), "revoked");
    assert_string_equal(sp_badge_kind_name(SP_BADGE_TEACHER), "teacher");
}

static void refused_scans_are_logged_without_what_was_scanned(void **state)
{
    (void)state;
    ts_tmpdir();
    sqlite3 *db = school(ts_path("log.db"));
    assert_int_equal(sp_scan_log(db, "Room 12", SP_SCAN_UNKNOWN, "2026-03-16T09:00:00Z"), SQLITE_OK);
    assert_int_equal(sp_scan_log(db, "Room 12", SP_SCAN_REVOKED, NULL), SQLITE_OK);
    assert_int_equal(sp_scan_log(db, NULL, SP_SCAN_MALFORMED, NULL), SQLITE_OK);
    assert_int_equal(sp_scan_log(db, "Room 12", SP_SCAN_COOLDOWN, NULL), SQLITE_OK);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM scan_events"), 4);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM scan_events WHERE at = '2026-03-16T09:00:00Z'"), 1);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM scan_events WHERE outcome = 'revoked'"
                                      " AND kiosk_name = 'Room 12' AND at GLOB '20[0-9][0-9]-*Z'"),
                     1);
    /* the table has nowhere to put a payload, and nothing else was written */
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM pragma_table_info('scan_events')"), 4);
    sqlite3_close(db);
    ts_cleanup();
}

/* ---- the badge commands ------------------------------------------------------------------ */

static const char *cmd_db;

static void admin_school(void)
{
    ts_tmpdir();
    static char path[600];
    snprintf(path, sizeof path, "%s", ts_path("admin.db"));
    cmd_db = path;
    sqlite3 *db = school(cmd_db);
    sqlite3_close(db);
}

static ts_run_result run(const char *const *args) { return ts_admin_argv(cmd_db, args); }

static void issuing_a_class_gives_each_active_student_one_badge(void **state)
{
    (void)state;
    admin_school();
    ts_run_result r = run((const char *[]){"badge", "issue", "--class", "ELA8-2", NULL});
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "3 badges issued"));
    assert_null(strstr(r.out, "SP1:"));
    ts_run_free(&r);
    r = run((const char *[]){"badge", "issue", "--class", "ELA8-2", NULL});
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "0 badges issued; 3 already had one"));
    ts_run_free(&r);
    r = run((const char *[]){"badge", "issue", "--student", "S-1001", NULL});
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "reissue"));
    ts_run_free(&r);
    r = run((const char *[]){"badge", "issue", "--student", "S-1003", NULL});
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "archived"));
    ts_run_free(&r);
    r = run((const char *[]){"badge", "issue", NULL});
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "exactly one of"));
    ts_run_free(&r);
    sqlite3 *db = ts_open(cmd_db);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM badges"), 3);
    sqlite3_close(db);
    ts_cleanup();
}

static void all_missing_and_teacher_badges(void **state)
{
    (void)state;
    admin_school();
    ts_run_result r = run((const char *[]){"badge", "issue", "--student", "S-1002", NULL});
    assert_int_equal(r.exit_code, 0);
    ts_run_free(&r);
    r = run((const char *[]){"--json", "badge", "issue", "--all-missing", NULL});
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "\"issued\": 2"));
    assert_null(strstr(r.out, "payload"));
    ts_run_free(&r);
    r = run((const char *[]){"badge", "issue", "--staff", "T-RIVERA", "--show-payload", NULL});
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "SP1:"));
    ts_run_free(&r);
    r = run((const char *[]){"badge", "issue", "--staff", "T-GONE", NULL});
    assert_int_equal(r.exit_code, 2);
    ts_run_free(&r);
    sqlite3 *db = ts_open(cmd_db);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM badges WHERE staff_id = 1"), 1);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM badges WHERE student_id IS NOT NULL"), 3);
    sqlite3_close(db);
    ts_cleanup();
}

static void reissue_revokes_the_old_badge_and_revoke_stops_it(void **state)
{
    (void)state;
    admin_school();
    ts_run_result r = run((const char *[]){"badge", "issue", "--student", "S-1001", NULL});
    assert_int_equal(r.exit_code, 0);
    ts_run_free(&r);
    sqlite3 *db = ts_open(cmd_db);
    char old[SP_BADGE_TOKEN_CHARS + 1], now[SP_BADGE_TOKEN_CHARS + 1];
    assert_int_equal(sp_badge_active_token(db, SP_HOLDER_STUDENT, 1, old), SQLITE_OK);
    sqlite3_close(db);

    r = run((const char *[]){"badge", "reissue", "--student", "S-1001", "--reason", "lost on the bus", NULL});
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "revoked"));
    ts_run_free(&r);
    db = ts_open(cmd_db);
    assert_int_equal(sp_badge_active_token(db, SP_HOLDER_STUDENT, 1, now), SQLITE_OK);
    assert_string_not_equal(old, now);
    sp_badge_identity id;
    assert_int_equal(sp_badge_lookup(db, old, &id), SQLITE_OK);
    assert_int_equal(id.kind, SP_BADGE_REVOKED);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM badges WHERE revoke_reason = 'lost on the bus'"), 1);
    sqlite3_close(db);

    r = run((const char *[]){"badge", "revoke", "--student", "S-1001", NULL});
    assert_int_equal(r.exit_code, 0);
    ts_run_free(&r);
    r = run((const char *[]){"badge", "revoke", "--student", "S-1001", NULL});
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "no active badge"));
    ts_run_free(&r);
    r = run((const char *[]){"badge", "revoke", "--class", "ELA8-2", NULL});
    assert_int_equal(r.exit_code, 2);
    ts_run_free(&r);
    db = ts_open(cmd_db);
    assert_int_equal(sp_badge_lookup(db, now, &id), SQLITE_OK);
    assert_int_equal(id.kind, SP_BADGE_REVOKED);
    sqlite3_close(db);
    ts_cleanup();
}

static void the_list_shows_holders_and_dates_but_tokens_only_when_asked(void **state)
{
    (void)state;
    admin_school();
    ts_run_result r = run((const char *[]){"badge", "issue", "--class", "ELA8-2", NULL});
    ts_run_free(&r);
    r = run((const char *[]){"badge", "reissue", "--student", "S-1002", NULL});
    ts_run_free(&r);
    sqlite3 *db = ts_open(cmd_db);
    char tok[SP_BADGE_TOKEN_CHARS + 1];
    assert_int_equal(sp_badge_active_token(db, SP_HOLDER_STUDENT, 1, tok), SQLITE_OK);
    assert_int_equal(sp_badge_issue(db, SP_HOLDER_STUDENT, 3, NULL, NULL), SQLITE_OK); /* before Ada left */
    sqlite3_close(db);

    r = run((const char *[]){"badge", "list", "--class", "ELA8-2", NULL});
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "Zoë"));
    assert_non_null(strstr(r.out, "Issued"));
    assert_non_null(strstr(r.out, "Revoked"));
    assert_non_null(strstr(r.out, "(holder archived)"));
    assert_null(strstr(r.out, tok));
    assert_null(strstr(r.out, "SP1:"));
    ts_run_free(&r);
    r = run((const char *[]){"--json", "badge", "list", "--active", NULL});
    assert_int_equal(r.exit_code, 0);
    assert_null(strstr(r.out, tok));
    assert_non_null(strstr(r.out, "\"active\": true"));
    ts_run_free(&r);
    r = run((const char *[]){"badge", "list", "--show-payload", NULL});
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, tok));
    ts_run_free(&r);
    ts_cleanup();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tokens_are_26_characters_of_the_alphabet_and_never_repeat),
        cmocka_unit_test(a_payload_is_prefix_version_token_and_check_in_qr_alphanumeric),
        cmocka_unit_test(the_check_symbol_matches_known_answers_of_iso_7064_mod_37_2),
        cmocka_unit_test(the_parser_says_why_it_refuses),
        cmocka_unit_test(surrounding_space_a_trailing_newline_and_lowercase_are_accepted),
        cmocka_unit_test(every_single_misread_and_every_neighbour_swap_fails_the_check),
        cmocka_unit_test(a_student_id_is_never_a_badge),
        cmocka_unit_test(lookups_tell_student_teacher_revoked_and_unknown_apart),
        cmocka_unit_test(the_kiosk_has_kind_words_for_every_outcome),
        cmocka_unit_test(refused_scans_are_logged_without_what_was_scanned),
        cmocka_unit_test(issuing_a_class_gives_each_active_student_one_badge),
        cmocka_unit_test(all_missing_and_teacher_badges),
        cmocka_unit_test(reissue_revokes_the_old_badge_and_revoke_stops_it),
        cmocka_unit_test(the_list_shows_holders_and_dates_but_tokens_only_when_asked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
