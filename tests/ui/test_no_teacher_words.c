/* test_no_teacher_words.c — the kiosk speaks only in the student's words: for every student of
 * the demo school, every page a student can reach (the goals, each goal's page to its end, the
 * self-check questions with every page of their choices, the four next-step questions) is
 * scanned for each of that student's milestones' teacher-only fields — the statement, the
 * method, the data source, the support plan, the baseline note, the support-change notes, the
 * if/then rules' conditions and "then" parts — and for the student's accommodations (IEP/504)
 * note. Any of them on screen, even as a part or with another capital letter, fails. */
#include "kiosk_driver.h"

#include "app/app_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define START_MS 1795424400000ull /* 2026-11-23T09:00:00Z, the demo school's Monday */
#define MAX_WORDS 256

static char db_path[1024];
static char *forbidden[MAX_WORDS]; /* the current student's teacher-only phrases */
static size_t nforbidden;
static int pages_checked;

static bool contains_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] && tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return true;
    }
    return false;
}

/* A teacher text and its parts (split as support plans are written: " + ", "; ", ", "), each at
 * least 12 characters, trimmed to its first 40. */
static void forbid(const char *text)
{
    if (!text)
        return;
    const char *p = text;
    while (*p && nforbidden < MAX_WORDS) {
        size_t len = strcspn(p, "+;,");
        while (len && isspace((unsigned char)p[len - 1]))
            len--;
        if (len >= 12) {
            char *s = strndup(p, len > 40 ? 40 : len);
            assert_non_null(s);
            forbidden[nforbidden++] = s;
        }
        p += strcspn(p, "+;,");
        while (*p == '+' || *p == ';' || *p == ',' || isspace((unsigned char)*p))
            p++;
    }
}

static void forget(void)
{
    for (size_t i = 0; i < nforbidden; i++)
        free(forbidden[i]);
    nforbidden = 0;
}

static void load_forbidden(sqlite3 *db, const char *sis)
{
    static const char *const SQL[] = {
        "SELECT statement, method, data_source, support, baseline_note FROM milestones m JOIN students s"
        " ON s.id = m.student_id WHERE s.sis_id = ?1",
        "SELECT c.note, NULL, NULL, NULL, NULL FROM support_changes c JOIN milestones m ON m.id = c.milestone_id"
        " JOIN students s ON s.id = m.student_id WHERE s.sis_id = ?1",
        "SELECT r.if_text, r.then_text, NULL, NULL, NULL FROM if_then_rules r JOIN milestones m ON m.id = r.milestone_id"
        " JOIN students s ON s.id = m.student_id WHERE s.sis_id = ?1",
        "SELECT accommodations, NULL, NULL, NULL, NULL FROM students WHERE sis_id = ?1",
    };
    forget();
    for (size_t q = 0; q < sizeof SQL / sizeof SQL[0]; q++) {
        sqlite3_stmt *st = NULL;
        assert_int_equal(sqlite3_prepare_v2(db, SQL[q], -1, &st, NULL), SQLITE_OK);
        sqlite3_bind_text(st, 1, sis, -1, SQLITE_TRANSIENT);
        while (sqlite3_step(st) == SQLITE_ROW)
            for (int c = 0; c < 5; c++)
                forbid((const char *)sqlite3_column_text(st, c));
        sqlite3_finalize(st);
    }
}

static void check_page(const char *sis, const char *where)
{
    const char *shown = kd_screen_text();
    for (size_t i = 0; i < nforbidden; i++)
        if (contains_nocase(shown, forbidden[i]))
            fail_msg("%s, %s (screen %s): the teacher's words \"%s\" are on the kiosk:\n%s", sis, where,
                     sp_app_screen_name(kd.app), forbidden[i], shown);
    pages_checked++;
}

/* The current chip page and the pages behind "More choices". */
static void check_choice_pages(const char *sis, const char *where)
{
    for (int page = 0; page < 4; page++) {
        check_page(sis, where);
        if (!kd_on_screen("More choices"))
            return;
        kd_tap_text("More choices");
    }
}

static void walk_goal(const char *sis, const char *text)
{
    kd_tap_text(text);
    kd_expect_screen("goal");
    check_page(sis, "goal page");
    kd_key(SP_KEY_END);
    check_page(sis, "goal page, scrolled to its end");
    kd_key(SP_KEY_HOME);

    kd_tap_text("How did it go?");
    kd_tap_text("Getting there");
    if (kd_on_screen("Did I use my strategy?"))
        kd_tap_text("Skip");
    check_choice_pages(sis, "what got in the way");
    kd_tap_text("Next");
    check_choice_pages(sis, "what will I try next");
    for (int i = 0; i < 4 && strcmp(sp_app_screen_name(kd.app), "goal") != 0; i++)
        kd_key(SP_KEY_ESCAPE);
    kd_expect_screen("goal");

    kd_tap_text("Set my next step");
    for (int q = 0; q < 4; q++) {
        check_choice_pages(sis, "set my next step");
        kd_tap_text("Skip");
    }
    check_page(sis, "my plan");
    for (int i = 0; i < 6 && strcmp(sp_app_screen_name(kd.app), "goal") != 0; i++)
        kd_key(SP_KEY_ESCAPE);
    kd_expect_screen("goal");
    kd_key(SP_KEY_ESCAPE);
    kd_expect_screen("goals");
}

static void no_demo_student_ever_sees_a_teachers_words(void **state)
{
    (void)state;
    sqlite3 *db = ts_open(db_path);
    sqlite3_stmt *students = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT DISTINCT s.sis_id FROM students s JOIN milestones m ON m.student_id = s.id"
                                        " WHERE m.visibility = 'kiosk' AND m.status IN ('active','baselining','met')"
                                        " AND s.archived = 0 ORDER BY s.sis_id",
                                        -1, &students, NULL),
                     SQLITE_OK);
    int nstudents = 0, ngoals = 0;
    while (sqlite3_step(students) == SQLITE_ROW) {
        char sis[32];
        snprintf(sis, sizeof sis, "%s", (const char *)sqlite3_column_text(students, 0));
        load_forbidden(db, sis);
        kd_sign_in(db, sis);
        nstudents++;
        check_page(sis, "my goals");
        kd_key(SP_KEY_END);
        check_page(sis, "my goals, scrolled to the end");
        kd_key(SP_KEY_HOME);
        sqlite3_stmt *goals = NULL;
        assert_int_equal(sqlite3_prepare_v2(db,
                                            "SELECT m.student_text FROM milestones m JOIN students s ON s.id = m.student_id"
                                            " WHERE s.sis_id = ?1 AND m.visibility = 'kiosk'"
                                            " AND m.status IN ('active','baselining','met') ORDER BY m.id",
                                            -1, &goals, NULL),
                         SQLITE_OK);
        sqlite3_bind_text(goals, 1, sis, -1, SQLITE_TRANSIENT);
        while (sqlite3_step(goals) == SQLITE_ROW) {
            char words[64];
            snprintf(words, sizeof words, "%.24s", (const char *)sqlite3_column_text(goals, 0));
            walk_goal(sis, words);
            ngoals++;
        }
        sqlite3_finalize(goals);
        kd_tap_text("I'm done");
        kd_wait_ms(3000);
        kd_expect_screen("scan");
    }
    sqlite3_finalize(students);
    sqlite3_close(db);
    forget();
    print_message("%d pages of %d goals of %d students checked\n", pages_checked, ngoals, nstudents);
    assert_true(nstudents >= 40);
    assert_true(ngoals >= 50);
}

/* The check itself can fail: the teacher's words put into a student text are found. */
static void the_scan_finds_teacher_words_when_they_are_shown(void **state)
{
    (void)state;
    sqlite3 *db = ts_open(db_path);
    load_forbidden(db, "M7003");
    assert_true(nforbidden > 3);
    bool found = false;
    for (size_t i = 0; i < nforbidden; i++)
        if (contains_nocase("Weekly unit quiz (accommodated version where the IEP says so)", forbidden[i]))
            found = true;
    assert_true(found);
    forget();
    sqlite3_close(db);
}

static int setup(void **state)
{
    (void)state;
    setenv("SIGNPOST_NOW", "2026-11-23T09:00:00Z", 1);
    snprintf(db_path, sizeof db_path, "%s", ts_path("demo.db"));
    kd_demo_school(db_path);
    if (kd_begin(db_path, "Room 210", START_MS) != 0)
        return -1;
    kd.fresh_frames = true;
    kd_start_app(1280, 800);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    kd_end();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_scan_finds_teacher_words_when_they_are_shown),
        cmocka_unit_test(no_demo_student_ever_sees_a_teachers_words),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
