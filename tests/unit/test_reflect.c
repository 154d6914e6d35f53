/* test_reflect.c — students' reflections on the demo school: the scale each age gets, the
 * words beside a rating, typed answers, saving a self-check, a next-step plan and a mastery
 * rating and reading them back, refused input and a locked database leaving nothing behind,
 * choice chips drawn from a goal's support, the mastery tracker with the teacher's rating beside
 * the student's, and an old database gaining the next-step table in place. */
#include "test_support.h"
#include "dates.h"
#include "db.h"
#include "db_schema.h"
#include "demo_school.h"
#include "reflect.h"

#include <stdio.h>
#include <string.h>

#define NOW "2026-03-02T10:15:00Z"

static sqlite3 *demo_db(const char *name)
{
    char err[512];
    sqlite3 *db = sp_db_open(ts_path(name), SP_OPEN_CREATE, err, sizeof err);
    if (!db)
        fail_msg("%s", err);
    if (sp_demo_build(db, sp_day_from_ymd(2026, 3, 2), NULL, err, sizeof err) != SQLITE_OK)
        fail_msg("demo: %s", err);
    return db;
}

static long long id_of(sqlite3 *db, const char *sql, const char *a, const char *b)
{
    sqlite3_stmt *st = NULL;
    long long id = 0;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
    if (b)
        sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (!id)
        fail_msg("no row for %s %s", a, b ? b : "");
    return id;
}

static long long student(sqlite3 *db, const char *sis)
{
    return id_of(db, "SELECT id FROM students WHERE sis_id = ?1", sis, NULL);
}

static long long goal(sqlite3 *db, const char *sis, const char *template_key)
{
    return id_of(db,
                 "SELECT m.id FROM milestones m JOIN students s ON s.id = m.student_id"
                 " WHERE s.sis_id = ?1 AND m.template_key = ?2 ORDER BY m.id LIMIT 1",
                 sis, template_key);
}

static long long target_at(sqlite3 *db, const char *class_code, int position, bool current)
{
    char sql[400], pos[16];
    snprintf(pos, sizeof pos, "%d", position);
    snprintf(sql, sizeof sql,
             "SELECT t.id FROM learning_targets t JOIN units u ON u.id = t.unit_id JOIN classes c ON c.id = u.class_id"
             " WHERE c.code = ?1 AND t.position = CAST(?2 AS INTEGER) AND u.is_current = %d",
             current ? 1 : 0);
    return id_of(db, sql, class_code, pos);
}

/* Rows of every reflection table: "nothing written" means this does not change. */
static long long reflection_rows(sqlite3 *db)
{
    return ts_query_int(db, "SELECT (SELECT count(*) FROM self_checks) + (SELECT count(*) FROM next_step_plans)"
                            " + (SELECT count(*) FROM mastery_ratings)");
}

static bool has_chip(char list[][SP_CHIP_BYTES], size_t n, const char *want)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], want) == 0)
            return true;
    return false;
}

/* ---- scales and words ---------------------------------------------------------------------- */

static void young_students_and_read_aloud_users_get_faces_older_students_the_1_to_4_scale(void **state)
{
    (void)state;
    assert_int_equal(sp_self_check_scale(0, false), SP_SCALE_FACES3); /* kindergarten */
    assert_int_equal(sp_self_check_scale(1, false), SP_SCALE_FACES3);
    assert_int_equal(sp_self_check_scale(2, false), SP_SCALE_FACES3);
    assert_int_equal(sp_self_check_scale(3, false), SP_SCALE_SCALE4);
    assert_int_equal(sp_self_check_scale(8, false), SP_SCALE_SCALE4);
    assert_int_equal(sp_self_check_scale(8, true), SP_SCALE_FACES3); /* read-aloud support */
    assert_int_equal(sp_self_check_scale(12, true), SP_SCALE_FACES3);
    assert_string_equal(sp_scale_db_name(SP_SCALE_FACES3), "faces3");
    assert_string_equal(sp_scale_db_name(SP_SCALE_SCALE4), "scale4");
}

static void every_rating_has_student_friendly_words_and_out_of_range_has_none(void **state)
{
    (void)state;
    assert_string_equal(sp_scale_words(SP_SCALE_FACES3, 1), "Not yet");
    assert_string_equal(sp_scale_words(SP_SCALE_FACES3, 2), "Getting there");
    assert_string_equal(sp_scale_words(SP_SCALE_FACES3, 3), "It went well");
    assert_string_equal(sp_scale_words(SP_SCALE_FACES3, 4), "");
    assert_string_equal(sp_scale_words(SP_SCALE_SCALE4, 1), "Just starting");
    assert_string_equal(sp_scale_words(SP_SCALE_SCALE4, 4), "Can teach it");
    assert_string_equal(sp_scale_words(SP_SCALE_SCALE4, 0), "");
    assert_string_equal(sp_mastery_words(1), "I'm just starting");
    assert_string_equal(sp_mastery_words(2), "I'm getting there");
    assert_string_equal(sp_mastery_words(3), "I've got it");
    assert_string_equal(sp_mastery_words(4), "I can teach it");
    assert_string_equal(sp_mastery_words(5), "");
    assert_string_equal(sp_mastery_words(-1), "");
}

static void typed_answers_are_one_line_of_valid_utf8_of_at_most_120_characters(void **state)
{
    (void)state;
    char err[200], text[SP_ANSWER_MAX_BYTES + 8];
    assert_true(sp_answer_valid("", err, sizeof err));
    assert_true(sp_answer_valid(NULL, err, sizeof err));
    assert_true(sp_answer_valid("Ask Ms. Rivera for the sentence stems — ¿y tú?", err, sizeof err));
    assert_int_equal(sp_answer_chars("señal 😀"), 7);

    memset(text, 'a', 120);
    text[120] = 0;
    assert_true(sp_answer_valid(text, err, sizeof err));
    text[120] = 'a', text[121] = 0;
    assert_false(sp_answer_valid(text, err, sizeof err));
    assert_string_equal(err, "at most 120 characters (this answer has 121)");

    /* 120 four-byte characters are allowed: 480 bytes, inside the 500-byte columns */
    text[0] = 0;
    for (int i = 0; i < 120; i++)
        strcat(text, "\xF0\x9F\x98\x80");
    assert_true(sp_answer_valid(text, err, sizeof err));
    assert_int_equal(sp_answer_chars(text), 120);

    assert_false(sp_answer_valid("caf\xC3", err, sizeof err));
    assert_string_equal(err, "expected valid UTF-8 text");
    assert_false(sp_answer_valid("\xED\xA0\x80", err, sizeof err)); /* a surrogate */
    assert_false(sp_answer_valid("two\nlines", err, sizeof err));
    assert_string_equal(err, "expected one line of text without control characters");
}

/* ---- saving -------------------------------------------------------------------------------- */

static void a_self_check_is_saved_and_reads_back_as_given(void **state)
{
    (void)state;
    sqlite3 *db = demo_db("selfcheck.db");
    long long maya = student(db, "E8001"), g = goal(db, "E8001", "ela8-claim-evidence");
    long long before = ts_query_int(db, "SELECT count(*) FROM self_checks");
    char err[200] = "x";
    long long id = 0;
    sp_self_check in = {.student_id = maya, .milestone_id = g, .scale = SP_SCALE_SCALE4, .rating = 3,
                        .used_strategy = -1, .obstacle = "I ran out of time", .next_step = "Sentence stems",
                        .created_at = NOW};
    assert_int_equal(sp_self_check_save(db, &in, &id, err, sizeof err), SQLITE_OK);
    assert_true(id > 0);
    assert_string_equal(err, "");
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM self_checks"), before + 1);
    assert_int_equal(sqlite3_get_autocommit(db), 1); /* committed, not left open */

    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT student_id, milestone_id, created_at, scale, rating, used_strategy IS NULL,"
                                        " obstacle, next_step, kiosk_session_id IS NULL FROM self_checks WHERE id = ?1",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_int64(st, 1, id);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int64(st, 0), maya);
    assert_int_equal(sqlite3_column_int64(st, 1), g);
    assert_string_equal((const char *)sqlite3_column_text(st, 2), NOW);
    assert_string_equal((const char *)sqlite3_column_text(st, 3), "scale4");
    assert_int_equal(sqlite3_column_int(st, 4), 3);
    assert_int_equal(sqlite3_column_int(st, 5), 1); /* "did I use my strategy" was not asked */
    assert_string_equal((const char *)sqlite3_column_text(st, 6), "I ran out of time");
    assert_string_equal((const char *)sqlite3_column_text(st, 7), "Sentence stems");
    assert_int_equal(sqlite3_column_int(st, 8), 1);
    sqlite3_finalize(st);

    /* a kindergartner's faces, and a coping goal's "yes, I used my strategy" inside a kiosk session */
    long long zoe = student(db, "K0001");
    sp_self_check k = {.student_id = zoe, .milestone_id = goal(db, "K0001", "k-sight-words"),
                       .scale = SP_SCALE_FACES3, .rating = 3, .used_strategy = -1, .created_at = NOW};
    assert_int_equal(sp_self_check_save(db, &k, &id, err, sizeof err), SQLITE_OK);
    long long marcus = student(db, "H1002");
    char sql[200];
    snprintf(sql, sizeof sql, "INSERT INTO kiosk_sessions (student_id, started_at) VALUES (%lld, '%s')", marcus, NOW);
    assert_int_equal(sp_db_exec(db, sql), SQLITE_OK);
    long long session = sqlite3_last_insert_rowid(db);
    sp_self_check sel = {.student_id = marcus, .milestone_id = goal(db, "H1002", "hr10-coping"), .session_id = session,
                         .scale = SP_SCALE_SCALE4, .rating = 2, .used_strategy = 1, .obstacle = "I felt stressed",
                         .next_step = "I choose: walk and breathe", .created_at = NOW};
    assert_int_equal(sp_self_check_save(db, &sel, &id, err, sizeof err), SQLITE_OK);
    snprintf(sql, sizeof sql, "SELECT used_strategy * 10 + (kiosk_session_id = %lld) FROM self_checks WHERE id = %lld",
             session, id);
    assert_int_equal(ts_query_int(db, sql), 11);
    sp_db_close(db);
}

static void a_next_step_plan_and_a_mastery_rating_are_saved_and_read_back(void **state)
{
    (void)state;
    sqlite3 *db = demo_db("plan.db");
    long long dev = student(db, "E8004"), g = goal(db, "E8004", "ela8-claim-evidence");
    char err[200];
    long long id = 0;
    sp_next_step_plan plan = {.student_id = dev, .milestone_id = g, .in_the_way = "I don't know how to start",
                              .change = "", .how_we_know = "My rubric score goes up", .support_first = NULL,
                              .created_at = NOW};
    assert_int_equal(sp_next_step_save(db, &plan, &id, err, sizeof err), SQLITE_OK);
    char sql[400];
    snprintf(sql, sizeof sql,
             "SELECT (in_the_way = 'I don''t know how to start') + (change_text = '') * 2"
             " + (how_we_know = 'My rubric score goes up') * 4 + (support_first = '') * 8"
             " + (created_at = '" NOW "') * 16 + (kiosk_session_id IS NULL) * 32 FROM next_step_plans WHERE id = %lld",
             id);
    assert_int_equal(ts_query_int(db, sql), 63);

    /* the longest allowed answer in four-byte characters fits the plan's byte limit */
    char longest[SP_ANSWER_MAX_BYTES] = "";
    for (int i = 0; i < SP_ANSWER_MAX_CHARS; i++)
        strcat(longest, "\xF0\x9F\x98\x80");
    plan.change = longest;
    assert_int_equal(sp_next_step_save(db, &plan, &id, err, sizeof err), SQLITE_OK);

    long long target = target_at(db, "ELA8-2", 4, true);
    sp_mastery_self_rating r = {.student_id = dev, .target_id = target, .rating = 2,
                                .evidence = "Evidence hunt: school start times", .next_step = "Ask for feedback",
                                .rated_at = NOW};
    assert_int_equal(sp_mastery_save(db, &r, &id, err, sizeof err), SQLITE_OK);
    snprintf(sql, sizeof sql,
             "SELECT (rater = 'student') + (rating = 2) * 2 + (evidence = 'Evidence hunt: school start times') * 4"
             " + (next_step = 'Ask for feedback') * 8 + (staff_id IS NULL) * 16 FROM mastery_ratings WHERE id = %lld",
             id);
    assert_int_equal(ts_query_int(db, sql), 31);
    sp_db_close(db);
}

static void refused_answers_say_why_and_change_nothing(void **state)
{
    (void)state;
    sqlite3 *db = demo_db("refused.db");
    long long maya = student(db, "E8001"), mine = goal(db, "E8001", "ela8-claim-evidence");
    long long other = goal(db, "E8002", "ela8-claim-evidence");
    long long before = reflection_rows(db);
    char err[200], toolong[200];
    memset(toolong, 'x', 121);
    toolong[121] = 0;

    sp_self_check sc = {.student_id = maya, .milestone_id = other, .scale = SP_SCALE_SCALE4, .rating = 3,
                        .used_strategy = -1, .created_at = NOW};
    assert_int_equal(sp_self_check_save(db, &sc, NULL, err, sizeof err), SQLITE_CONSTRAINT);
    assert_string_equal(err, "this goal is not one of this student's goals");
    sc.milestone_id = mine;
    sc.scale = SP_SCALE_FACES3, sc.rating = 4;
    assert_int_equal(sp_self_check_save(db, &sc, NULL, err, sizeof err), SQLITE_CONSTRAINT);
    assert_string_equal(err, "rating: expected 1 to 3 on the faces, got 4");
    sc.scale = SP_SCALE_SCALE4, sc.rating = 0;
    assert_int_equal(sp_self_check_save(db, &sc, NULL, err, sizeof err), SQLITE_CONSTRAINT);
    assert_string_equal(err, "rating: expected 1 to 4, got 0");
    sc.rating = 3, sc.used_strategy = 2;
    assert_int_equal(sp_self_check_save(db, &sc, NULL, err, sizeof err), SQLITE_CONSTRAINT);
    sc.used_strategy = 0, sc.obstacle = toolong;
    assert_int_equal(sp_self_check_save(db, &sc, NULL, err, sizeof err), SQLITE_CONSTRAINT);
    assert_string_equal(err, "what got in the way: at most 120 characters (this answer has 121)");
    sc.obstacle = "", sc.next_step = "bad \xFF byte";
    assert_int_equal(sp_self_check_save(db, &sc, NULL, err, sizeof err), SQLITE_CONSTRAINT);
    assert_string_equal(err, "what I will try next: expected valid UTF-8 text");
    sc.next_step = "", sc.created_at = "yesterday";
    assert_int_equal(sp_self_check_save(db, &sc, NULL, err, sizeof err), SQLITE_CONSTRAINT);
    assert_non_null(strstr(err, "YYYY-MM-DDTHH:MM:SSZ"));
    sc.created_at = NOW, sc.session_id = 999999;
    assert_int_equal(sp_self_check_save(db, &sc, NULL, err, sizeof err), SQLITE_CONSTRAINT);
    assert_string_equal(err, "the kiosk session is not this student's");
    /* a retired goal takes no more reflections */
    sc.session_id = 0;
    char sql[120];
    snprintf(sql, sizeof sql, "UPDATE milestones SET status = 'retired' WHERE id = %lld", mine);
    assert_int_equal(sp_db_exec(db, sql), SQLITE_OK);
    assert_int_equal(sp_self_check_save(db, &sc, NULL, err, sizeof err), SQLITE_CONSTRAINT);
    assert_string_equal(err, "this goal was retired; it takes no more reflections");
    snprintf(sql, sizeof sql, "UPDATE milestones SET status = 'active' WHERE id = %lld", mine);
    assert_int_equal(sp_db_exec(db, sql), SQLITE_OK);

    sp_next_step_plan plan = {.student_id = maya, .milestone_id = mine, .in_the_way = "", .change = NULL,
                              .how_we_know = "", .support_first = "", .created_at = NOW};
    assert_int_equal(sp_next_step_save(db, &plan, NULL, err, sizeof err), SQLITE_CONSTRAINT);
    assert_string_equal(err, "answer at least one of the four questions");
    plan.support_first = "Writing workshop", plan.milestone_id = other;
    assert_int_equal(sp_next_step_save(db, &plan, NULL, err, sizeof err), SQLITE_CONSTRAINT);
    plan.milestone_id = mine, plan.how_we_know = "line\x01";
    assert_int_equal(sp_next_step_save(db, &plan, NULL, err, sizeof err), SQLITE_CONSTRAINT);
    assert_string_equal(err, "how we will know: expected one line of text without control characters");

    sp_mastery_self_rating r = {.student_id = maya, .target_id = target_at(db, "MATH7-1", 1, true), .rating = 3,
                                .rated_at = NOW};
    assert_int_equal(sp_mastery_save(db, &r, NULL, err, sizeof err), SQLITE_CONSTRAINT); /* another class */
    assert_string_equal(err, "this learning target is not in a current unit of the student's classes");
    r.target_id = target_at(db, "ELA8-2", 1, false); /* last unit, no longer current */
    assert_int_equal(sp_mastery_save(db, &r, NULL, err, sizeof err), SQLITE_CONSTRAINT);
    r.target_id = target_at(db, "ELA8-2", 1, true), r.rating = 5;
    assert_int_equal(sp_mastery_save(db, &r, NULL, err, sizeof err), SQLITE_CONSTRAINT);
    assert_string_equal(err, "rating: expected 1 to 4, got 5");
    r.rating = 3, r.evidence = toolong;
    assert_int_equal(sp_mastery_save(db, &r, NULL, err, sizeof err), SQLITE_CONSTRAINT);
    r.evidence = "", r.student_id = student(db, "E8002"), r.session_id = 0;
    snprintf(sql, sizeof sql, "DELETE FROM enrollments WHERE student_id = %lld", r.student_id);
    assert_int_equal(sp_db_exec(db, sql), SQLITE_OK); /* a student who left the class */
    assert_int_equal(sp_mastery_save(db, &r, NULL, err, sizeof err), SQLITE_CONSTRAINT);

    assert_int_equal(reflection_rows(db), before);
    assert_int_equal(sqlite3_get_autocommit(db), 1);
    sp_db_close(db);
}

static void a_locked_database_returns_busy_with_nothing_written_and_a_retry_saves(void **state)
{
    (void)state;
    sqlite3 *db = demo_db("busy.db");
    sqlite3_busy_timeout(db, 0); /* no waiting in a test */
    char err[200];
    sqlite3 *other = sp_db_open(ts_path("busy.db"), 0, err, sizeof err);
    assert_non_null(other);
    long long maya = student(db, "E8001"), g = goal(db, "E8001", "ela8-claim-evidence");
    long long before = reflection_rows(db);
    sp_self_check sc = {.student_id = maya, .milestone_id = g, .scale = SP_SCALE_SCALE4, .rating = 2,
                        .used_strategy = -1, .created_at = NOW};
    sp_next_step_plan plan = {.student_id = maya, .milestone_id = g, .change = "Sentence stems", .created_at = NOW};
    sp_mastery_self_rating r = {.student_id = maya, .target_id = target_at(db, "ELA8-2", 2, true), .rating = 2,
                                .rated_at = NOW};

    assert_int_equal(sp_db_exec(other, "BEGIN IMMEDIATE"), SQLITE_OK); /* the admin tool is writing */
    long long id = -1;
    assert_int_equal(sp_self_check_save(db, &sc, &id, err, sizeof err), SQLITE_BUSY);
    assert_string_equal(err, "the database is busy; try again");
    assert_int_equal(id, -1);
    assert_int_equal(sp_next_step_save(db, &plan, &id, err, sizeof err), SQLITE_BUSY);
    assert_int_equal(sp_mastery_save(db, &r, &id, err, sizeof err), SQLITE_BUSY);
    assert_int_equal(sqlite3_get_autocommit(db), 1);
    assert_int_equal(sp_db_exec(other, "COMMIT"), SQLITE_OK);
    assert_int_equal(reflection_rows(db), before);

    /* once the lock is gone the same answers save */
    assert_int_equal(sp_self_check_save(db, &sc, &id, err, sizeof err), SQLITE_OK);
    assert_int_equal(sp_next_step_save(db, &plan, &id, err, sizeof err), SQLITE_OK);
    assert_int_equal(sp_mastery_save(db, &r, &id, err, sizeof err), SQLITE_OK);
    assert_int_equal(reflection_rows(other), before + 3);
    sp_db_close(other);
    sp_db_close(db);
}

/* ---- chips --------------------------------------------------------------------------------- */

static void chips_are_the_students_own_words_never_the_teachers(void **state)
{
    (void)state;
    sqlite3 *db = demo_db("chips.db");
    sp_chips c;
    assert_int_equal(sp_self_check_chips(db, goal(db, "E8001", "ela8-claim-evidence"), &c), SQLITE_OK);
    /* obstacles: the milestone's student choices first, then plain words for its category */
    assert_string_equal(c.obstacle[0], "I didn't know how to start");
    assert_string_equal(c.obstacle[1], "I couldn't find evidence");
    assert_true(has_chip(c.obstacle, c.nobstacle, "I ran out of time"));
    assert_true(has_chip(c.obstacle, c.nobstacle, "Nothing got in the way")); /* none dropped */
    /* next steps: the student's choice of the if/then rule, never its "then" or the support plan */
    assert_string_equal(c.next[0], "Ask for a writing conference on Friday");
    assert_false(has_chip(c.next, c.nnext, "Add a 20-minute writing conference on Fridays"));
    assert_false(has_chip(c.next, c.nnext, "Small-group writing workshop twice weekly"));
    assert_false(has_chip(c.next, c.nnext, "Sentence stems"));
    /* supports: the student's "my support" and general ones; distinct from the next steps */
    assert_true(has_chip(c.support, c.nsupport, "Help from my teacher"));
    for (size_t i = 0; i < c.nsupport; i++)
        assert_false(has_chip(c.next, c.nnext, c.support[i]));

    assert_int_equal(sp_self_check_chips(db, goal(db, "H1002", "hr10-coping"), &c), SQLITE_OK);
    assert_string_equal(c.next[0], "Walk and breathe");
    assert_false(has_chip(c.next, c.nnext, "Breathing card"));
    assert_false(has_chip(c.next, c.nnext, "Meet the counselor to pick a new strategy"));
    assert_string_equal(c.obstacle[0], "I didn't notice I was stressed");
    assert_true(has_chip(c.obstacle, c.nobstacle, "I forgot my strategy"));
    assert_false(has_chip(c.obstacle, c.nobstacle, "It was too hard"));

    /* "we hold a family meeting" is the adults' step; the student's choice is their own */
    assert_int_equal(sp_self_check_chips(db, goal(db, "A9008", "attendance-95"), &c), SQLITE_OK);
    assert_string_equal(c.next[0], "Tell an adult when mornings are hard");
    assert_false(has_chip(c.next, c.nnext, "We hold a family meeting"));
    sp_db_close(db);
}

static void a_goal_with_no_support_text_still_offers_chips_and_long_parts_are_shortened(void **state)
{
    (void)state;
    sqlite3 *db = demo_db("bare.db");
    long long g = goal(db, "E8003", "ela8-claim-evidence");
    char sql[300];
    snprintf(sql, sizeof sql, "UPDATE milestones SET student_support = '', student_obstacles = '' WHERE id = %lld;"
                              " DELETE FROM if_then_rules WHERE milestone_id = %lld", g, g);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sp_chips c;
    assert_int_equal(sp_self_check_chips(db, g, &c), SQLITE_OK);
    assert_true(c.nnext >= 1);
    assert_true(c.nobstacle >= 1);
    assert_string_equal(c.next[0], "Ask for help sooner");
    for (size_t i = 0; i < c.nnext; i++)
        assert_true(c.next[i][0] != 0);

    /* an obstacle choice longer than a chip holds is cut at a word with an ellipsis, in whole characters */
    snprintf(sql, sizeof sql,
             "UPDATE milestones SET student_obstacles = 'I had a check-in with the reading specialist before the "
             "first bell at the café|word ring' WHERE id = %lld",
             g);
    assert_int_equal(sp_db_exec(db, sql), SQLITE_OK);
    assert_int_equal(sp_self_check_chips(db, g, &c), SQLITE_OK);
    assert_string_equal(c.obstacle[0], "I had a check-in with the reading specialist…");
    assert_string_equal(c.obstacle[1], "Word ring");
    for (size_t i = 0; i < c.nobstacle; i++) {
        char why[100];
        assert_true(sp_answer_valid(c.obstacle[i], why, sizeof why)); /* a chip is also a valid saved answer */
        assert_true(sp_answer_chars(c.obstacle[i]) <= 48);
    }
    for (size_t i = 0; i < c.nnext; i++) {
        char why[100];
        assert_true(sp_answer_valid(c.next[i], why, sizeof why)); /* a chip is also a valid saved answer */
        assert_true(sp_answer_chars(c.next[i]) <= 48);
    }

    /* a goal that is gone: no chips from it, but the general ones are still there */
    assert_int_equal(sp_self_check_chips(db, 987654, &c), SQLITE_NOTFOUND);
    assert_true(c.nnext >= 1 && c.nobstacle >= 1);
    sp_db_close(db);
}

/* Migration 4: a version 2 file keeps its milestones, which gain empty student wording (so the
 * kiosk shows none of their parts until a teacher writes them). */
static void a_version_2_database_gains_student_wording_that_starts_empty(void **state)
{
    (void)state;
    const char *path = ts_path("v2.db");
    char err[512];
    sqlite3 *raw = NULL;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(sp_db_migrate_to(raw, 2, err, sizeof err), SP_OK);
    assert_int_equal(sp_db_exec(raw, "INSERT INTO students (sis_id, given_name, grade, created_at) VALUES"
                                     " ('E1', 'Maya', 8, '2026-01-05T08:00:00Z');"
                                     "INSERT INTO milestones (student_id, statement, student_text, category, target,"
                                     " start_date, due_date, support, created_at, updated_at) VALUES (1, 's',"
                                     " 'I will write', 'academic', 3, '2026-01-12', '2026-02-23', 'workshop', 'x', 'x');"
                                     "INSERT INTO support_changes (milestone_id, changed_on, note) VALUES"
                                     " (1, '2026-01-20', 'added stems')"),
                     SQLITE_OK);
    sqlite3_close(raw);
    sqlite3 *db = sp_db_open(path, 0, err, sizeof err);
    if (!db)
        fail_msg("%s", err);
    assert_true(sp_db_user_version(db) >= 4);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM milestones WHERE support = 'workshop' AND"
                                      " student_support = '' AND student_know = '' AND student_obstacles = ''"),
                     1);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM support_changes WHERE student_note = ''"), 1);
    /* the chips of such a goal are general ones, never the teacher's support */
    sp_chips c;
    assert_int_equal(sp_self_check_chips(db, 1, &c), SQLITE_OK);
    assert_false(has_chip(c.next, c.nnext, "Workshop"));
    assert_false(has_chip(c.support, c.nsupport, "Workshop"));
    sp_db_close(db);
}

/* ---- mastery tracker ----------------------------------------------------------------------- */

static void the_tracker_lists_the_current_unit_with_the_teachers_rating_beside_the_students(void **state)
{
    (void)state;
    sqlite3 *db = demo_db("mastery.db");
    long long dev = student(db, "E8004");
    sp_mastery_unit *u = NULL;
    size_t n = 0;
    assert_int_equal(sp_mastery_load(db, dev, &u, &n), SQLITE_OK);
    assert_int_equal(n, 1);
    assert_string_equal(u[0].title, "Unit 3: Argument writing — claims and evidence");
    assert_string_equal(u[0].class_name, "8th grade ELA, period 2");
    assert_int_equal(u[0].ntargets, 5);
    for (size_t i = 0; i < u[0].ntargets; i++)
        assert_int_equal(u[0].targets[i].position, (int)i + 1);
    assert_string_equal(u[0].targets[0].statement, "I can write a claim that answers the question.");
    assert_string_equal(u[0].targets[1].standard_code, "CCSS.ELA-LITERACY.W.8.1b");
    assert_int_equal(u[0].nassignments, 3);
    assert_string_equal(u[0].assignments[1], "Evidence hunt: school start times");
    /* the demo teacher rated the first three targets; the tracker shows the latest of each */
    char sql[400];
    for (int i = 0; i < 3; i++) {
        snprintf(sql, sizeof sql,
                 "SELECT rating FROM mastery_ratings WHERE target_id = %lld AND student_id = %lld AND rater = 'teacher'"
                 " ORDER BY rated_at DESC, id DESC LIMIT 1",
                 u[0].targets[i].target_id, dev);
        assert_int_equal(u[0].targets[i].teacher_rating, ts_query_int(db, sql));
        assert_true(u[0].targets[i].teacher_rating >= 1);
    }
    assert_int_equal(u[0].targets[3].teacher_rating, 0);
    assert_int_equal(u[0].targets[3].student_rating, 0);
    assert_string_equal(u[0].targets[3].student_evidence, "");
    long long t4 = u[0].targets[3].target_id;
    sp_mastery_units_free(u, n);

    /* the student rates target 4 twice, then the teacher rates it: the latest of each shows, apart */
    char err[200];
    sp_mastery_self_rating r = {.student_id = dev, .target_id = t4, .rating = 1, .evidence = "Claim-building warm-up",
                                .next_step = "Ask for help", .rated_at = "2026-03-01T09:00:00Z"};
    assert_int_equal(sp_mastery_save(db, &r, NULL, err, sizeof err), SQLITE_OK);
    r.rating = 2, r.next_step = "Reread the counterclaim model", r.rated_at = NOW;
    assert_int_equal(sp_mastery_save(db, &r, NULL, err, sizeof err), SQLITE_OK);
    snprintf(sql, sizeof sql,
             "INSERT INTO mastery_ratings (target_id, student_id, rater, rating, rated_at) VALUES (%lld, %lld,"
             " 'teacher', 4, '2026-03-02T11:00:00Z')",
             t4, dev);
    assert_int_equal(sp_db_exec(db, sql), SQLITE_OK);
    assert_int_equal(sp_mastery_load(db, dev, &u, &n), SQLITE_OK);
    assert_int_equal(u[0].targets[3].student_rating, 2);
    assert_string_equal(u[0].targets[3].student_evidence, "Claim-building warm-up");
    assert_string_equal(u[0].targets[3].student_next, "Reread the counterclaim model");
    assert_int_equal(u[0].targets[3].teacher_rating, 4);
    sp_mastery_units_free(u, n);

    /* a kindergartner's unit */
    assert_int_equal(sp_mastery_load(db, student(db, "K0001"), &u, &n), SQLITE_OK);
    assert_int_equal(n, 1);
    assert_string_equal(u[0].title, "Letters and sounds");
    assert_int_equal(u[0].ntargets, 3);
    sp_mastery_units_free(u, n);
    sp_db_close(db);
}

static void a_student_in_no_class_has_no_units_and_a_unit_without_targets_is_still_listed(void **state)
{
    (void)state;
    sqlite3 *db = demo_db("empty.db");
    sp_mastery_unit *u = NULL;
    size_t n = 9;
    long long jay = student(db, "S6001"); /* social studies has no unit in the demo */
    assert_int_equal(sp_mastery_load(db, jay, &u, &n), SQLITE_OK);
    assert_int_equal(n, 0);
    assert_null(u);

    char sql[300];
    long long olivia = student(db, "A9001");
    snprintf(sql, sizeof sql, "DELETE FROM enrollments WHERE student_id = %lld", olivia);
    assert_int_equal(sp_db_exec(db, sql), SQLITE_OK);
    assert_int_equal(sp_mastery_load(db, olivia, &u, &n), SQLITE_OK);
    assert_int_equal(n, 0);

    assert_int_equal(sp_db_exec(db, "INSERT INTO units (class_id, title, is_current) SELECT id, 'Unit 1: Rome',"
                                    " 1 FROM classes WHERE code = 'SS6-1'"),
                     SQLITE_OK);
    assert_int_equal(sp_mastery_load(db, jay, &u, &n), SQLITE_OK);
    assert_int_equal(n, 1);
    assert_string_equal(u[0].title, "Unit 1: Rome");
    assert_int_equal(u[0].ntargets, 0);
    assert_int_equal(u[0].nassignments, 0);
    sp_mastery_units_free(u, n);

    /* an archived class's unit is not shown */
    assert_int_equal(sp_db_exec(db, "UPDATE classes SET archived = 1 WHERE code = 'SS6-1'"), SQLITE_OK);
    assert_int_equal(sp_mastery_load(db, jay, &u, &n), SQLITE_OK);
    assert_int_equal(n, 0);
    sp_db_close(db);
}

/* ---- schema -------------------------------------------------------------------------------- */

static void a_version_1_database_gains_the_next_step_table_in_place_and_keeps_its_rows(void **state)
{
    (void)state;
    const char *path = ts_path("v1.db");
    char err[512];
    sqlite3 *raw = NULL;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(sp_db_migrate_to(raw, 1, err, sizeof err), SP_OK);
    assert_int_equal(sp_db_user_version(raw), 1);
    assert_int_equal(ts_query_int(raw, "SELECT count(*) FROM sqlite_schema WHERE name = 'next_step_plans'"), 0);
    assert_int_equal(sp_db_exec(raw, "INSERT INTO students (sis_id, given_name, grade, created_at) VALUES"
                                     " ('E1', 'Maya', 8, '2026-01-05T08:00:00Z');"
                                     "INSERT INTO milestones (student_id, statement, student_text, category, target,"
                                     " start_date, due_date, created_at, updated_at) VALUES (1, 's', 'I will write',"
                                     " 'academic', 3, '2026-01-12', '2026-02-23', 'x', 'x');"
                                     "INSERT INTO self_checks (student_id, milestone_id, created_at, scale, rating)"
                                     " VALUES (1, 1, '2026-02-01T10:00:00Z', 'scale4', 2)"),
                     SQLITE_OK);
    sqlite3_close(raw);

    /* a program that may not migrate says so and leaves the file at version 1 */
    assert_null(sp_db_open(path, SP_OPEN_NO_MIGRATE, err, sizeof err));
    assert_non_null(strstr(err, "schema version 1"));

    sqlite3 *db = sp_db_open(path, 0, err, sizeof err);
    if (!db)
        fail_msg("%s", err);
    assert_int_equal(sp_db_user_version(db), SP_SCHEMA_VERSION); /* every later migration ran too */
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM students"), 1);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM self_checks"), 1);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'next_step_plans_by_student'"),
                     1);
    sp_next_step_plan plan = {.student_id = 1, .milestone_id = 1, .in_the_way = "I forget the steps",
                              .created_at = NOW};
    long long id = 0;
    assert_int_equal(sp_next_step_save(db, &plan, &id, err, sizeof err), SQLITE_OK);

    /* the table's own checks hold for any writer: 251 characters of 502 bytes, all empty, an unknown goal */
    assert_int_equal(sp_db_exec(db, "INSERT INTO next_step_plans (student_id, milestone_id, in_the_way, created_at)"
                                    " VALUES (1, 1, replace(hex(zeroblob(251)), '00', 'é'), 'x')") & 0xFF,
                     SQLITE_CONSTRAINT);
    assert_int_equal(sp_db_exec(db, "INSERT INTO next_step_plans (student_id, milestone_id, created_at)"
                                    " VALUES (1, 1, 'x')") & 0xFF,
                     SQLITE_CONSTRAINT);
    assert_int_equal(sp_db_exec(db, "INSERT INTO next_step_plans (student_id, milestone_id, how_we_know, created_at)"
                                    " VALUES (1, 77, 'a', 'x')") & 0xFF,
                     SQLITE_CONSTRAINT);
    /* deleting the student deletes their plans */
    assert_int_equal(sp_db_exec(db, "DELETE FROM students"), SQLITE_OK);
    assert_int_equal(ts_query_int(db, "SELECT count(*) FROM next_step_plans"), 0);
    sp_db_close(db);
}

static int cleanup(void **state)
{
    (void)state;
    ts_cleanup();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(young_students_and_read_aloud_users_get_faces_older_students_the_1_to_4_scale),
        cmocka_unit_test(every_rating_has_student_friendly_words_and_out_of_range_has_none),
        cmocka_unit_test(typed_answers_are_one_line_of_valid_utf8_of_at_most_120_characters),
        cmocka_unit_test(a_self_check_is_saved_and_reads_back_as_given),
        cmocka_unit_test(a_next_step_plan_and_a_mastery_rating_are_saved_and_read_back),
        cmocka_unit_test(refused_answers_say_why_and_change_nothing),
        cmocka_unit_test(a_locked_database_returns_busy_with_nothing_written_and_a_retry_saves),
        cmocka_unit_test(chips_are_the_students_own_words_never_the_teachers),
        cmocka_unit_test(a_version_2_database_gains_student_wording_that_starts_empty),
        cmocka_unit_test(a_goal_with_no_support_text_still_offers_chips_and_long_parts_are_shortened),
        cmocka_unit_test(the_tracker_lists_the_current_unit_with_the_teachers_rating_beside_the_students),
        cmocka_unit_test(a_student_in_no_class_has_no_units_and_a_unit_without_targets_is_still_listed),
        cmocka_unit_test(a_version_1_database_gains_the_next_step_table_in_place_and_keeps_its_rows),
    };
    return cmocka_run_group_tests(tests, NULL, cleanup);
}
