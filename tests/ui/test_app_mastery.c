/* test_app_mastery.c — "My learning targets" at the kiosk, driven in virtual time on the demo
 * school: an 8th-grade ELA student goes through the whole unit (rating, evidence from an
 * assignment or typed, a next step), a teacher's rating shows beside the student's and is never
 * averaged, students with no class, no current unit or a unit without targets get a plain
 * sentence, walking away mid-rating leaves nothing behind, and every page fits 1280x800,
 * 800x1280 and 1920x1080 with touch targets of at least 64 px.
 *
 * Each test builds the demo school in a scratch database (sp_demo_build, "today" from the
 * virtual clock), gives every student a badge with plain SQL, and changes the data for its case
 * with SQL on that copy. Text is measured by a fixed-width fake (half the pixel size per
 * character), so no SDL is needed. */
#include "kiosk_driver.h"

#include "dates.h"
#include "db.h"
#include "demo_school.h"
#include "reflect.h"
#include "ui/draw_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- the school and the app -------------------------------------------------------------- */

#define UNIT_TITLE "Unit 3: Argument writing"
#define TARGET_1 "I can write a claim that answers the question."
#define TARGET_2 "I can choose evidence that supports my claim."
#define TARGET_3 "I can explain how my evidence supports my claim."
#define TARGET_4 "I can answer a counterclaim with respect."
#define TARGET_5 "I can use transitions to link my claim, reasons and evidence."
#define ASSIGNMENT "Evidence hunt: school start times"

static void exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
        fail_msg("%s\n  in: %s", err, sql);
}

static void sql(const char *statement)
{
    sqlite3 *db = ts_open(kd.db_path);
    exec(db, statement);
    sqlite3_close(db);
}

static long long query_int(const char *q)
{
    sqlite3 *db = ts_open(kd.db_path);
    long long v = ts_query_int(db, q);
    sqlite3_close(db);
    return v;
}

static int setup(void **state)
{
    (void)state;
    char err[256];
    uint64_t start = ((uint64_t)sp_day_from_ymd(2026, 11, 23) * 86400 + 9 * 3600) * 1000;
    if (kd_begin(ts_path("mastery.db"), "Room 210", start) != 0)
        return -1;
    unlink(kd.db_path);
    sqlite3 *db = sp_db_open(kd.db_path, SP_OPEN_CREATE, err, sizeof err);
    if (!db)
        fail_msg("%s", err);
    if (sp_demo_build(db, (int)(kd.now / 86400000), NULL, err, sizeof err) != SQLITE_OK)
        fail_msg("demo: %s", err);
    /* A badge for every student: D + the student id in 25 digits (all in the badge alphabet). */
    exec(db, "SELECT sp_badge_key_ready(); INSERT INTO badges (token, sealed, student_id, issued_at) SELECT sp_badge_hash(t), sp_badge_seal(t), id,"
             " '2026-01-05T08:00:00Z' FROM (SELECT id, 'D' || substr('0000000000000000000000000' || id, -25) AS t"
             " FROM students WHERE archived = 0)");
    sp_db_close(db);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    if (kd.dl)
        assert_false(kd.dl->overflow);
    kd_end();
    return 0;
}

static long long student_id(const char *sis)
{
    char q[128];
    snprintf(q, sizeof q, "SELECT id FROM students WHERE sis_id = '%s'", sis);
    return query_int(q);
}

static void scan_student(const char *sis)
{
    char token[32];
    snprintf(token, sizeof token, "D%025lld", student_id(sis));
    kd_scan_token(token);
}

static const sp_draw_cmd *find_exact(const char *text)
{
    for (size_t i = 0; i < kd.dl->count; i++)
        if (kd.dl->cmds[i].kind == SP_CMD_TEXT && strcmp(kd.dl->cmds[i].text, text) == 0)
            return &kd.dl->cmds[i];
    return NULL;
}

/* Taps the text that reads exactly `text` (a button, a choice, a chip). */
static void tap_exact(const char *text)
{
    const sp_draw_cmd *c = find_exact(text);
    if (!c)
        fail_msg("no text \"%s\" on the %s screen; it shows: %s", text, sp_app_screen_name(kd.app), kd_screen_text());
    kd_tap(c->rect.x + c->rect.w / 2, c->rect.y + c->rect.h / 2);
}

/* Taps a target's card by the start of its statement (a card wraps it over several lines). */
static void tap_statement(const char *statement)
{
    char head[24];
    size_t n = strlen(statement) < sizeof head - 1 ? strlen(statement) : sizeof head - 1;
    memcpy(head, statement, n);
    head[n] = 0;
    kd_tap_text(head);
}

/* Signs the student in and opens "My learning targets" from "My goals". */
static void open_targets(const char *sis)
{
    scan_student(sis);
    kd_expect_screen("welcome");
    kd_tap(1, 1);
    kd_past_celebrations();
    kd_expect_screen("goals");
    tap_exact("My learning targets");
    kd_expect_screen("mastery");
}

/* Every touch target at least 64 px both ways; every text inside the window and its rect. */
static void check_layout(const char *where, int w, int h)
{
    sp_rect targets[256];
    size_t n = sp_app_touch_targets(kd.app, targets, 256);
    assert_false(kd.dl->overflow);
    for (size_t i = 0; i < n; i++)
        if (targets[i].h < 64 || targets[i].w < 64)
            fail_msg("%s at %dx%d: a touch target is only %dx%d px", where, w, h, targets[i].w, targets[i].h);
    for (size_t i = 0; i < kd.dl->count; i++) {
        const sp_draw_cmd *c = &kd.dl->cmds[i];
        if (c->kind != SP_CMD_TEXT)
            continue;
        if (c->rect.x < 0 || c->rect.y < 0 || c->rect.x + c->rect.w > w || c->rect.y + c->rect.h > h)
            fail_msg("%s at %dx%d: \"%s\" at %d,%d %dx%d leaves the window", where, w, h, c->text, c->rect.x,
                     c->rect.y, c->rect.w, c->rect.h);
        int tw = kd_fake_width(NULL, c->text, strlen(c->text), c->size, c->style);
        if (tw > c->rect.w)
            fail_msg("%s at %dx%d: \"%s\" is %d px wide in a %d px rect", where, w, h, c->text, tw, c->rect.w);
    }
}

/* Saves through the saving screen: "Saved" shows, then the unit page. */
static void save_and_return(void)
{
    tap_exact("Save");
    kd_expect_screen("saving");
    kd_expect_text("Saved");
    kd_wait_ms(2000);
    kd_expect_screen("mastery");
}

/* ---- tests ------------------------------------------------------------------------------- */

static void an_ela_student_sees_the_five_targets_of_the_current_unit_as_i_can_statements(void **state)
{
    (void)state;
    kd_start_app(1280, 800);
    open_targets("E8005");
    kd_expect_text(UNIT_TITLE);
    kd_expect_text("8th grade ELA, period 2");
    kd_expect_text(TARGET_1);
    kd_expect_text(TARGET_2);
    kd_expect_text(TARGET_3);
    kd_expect_no_text("Unit 2: Narrative writing"); /* only the current unit */
    /* The list scrolls to the last one. */
    kd_key(SP_KEY_END);
    kd_expect_text(TARGET_5);
    kd_key(SP_KEY_HOME);
    kd_expect_text(TARGET_1);
    /* Every statement on a card is one of the unit's five, in order, all "I can ...". */
    kd_event((sp_app_event){.kind = SP_EV_SCROLL, .y = 5000});
    const sp_draw_cmd *c4 = sp_draw_find_text(kd.dl, "I can answer a counterclaim");
    const sp_draw_cmd *c5 = sp_draw_find_text(kd.dl, "I can use transitions");
    assert_non_null(c4);
    assert_non_null(c5);
    assert_true(c5->rect.y > c4->rect.y || c5->rect.x > c4->rect.x);
    assert_int_equal(query_int("SELECT count(*) FROM learning_targets t JOIN units u ON u.id = t.unit_id"
                               " JOIN classes c ON c.id = u.class_id WHERE c.code = 'ELA8-2' AND u.is_current = 1"
                               " AND t.statement LIKE 'I can %'"),
                     5);
    tap_exact("Back");
    kd_expect_screen("goals");
}

/* Rates the open target: a rating, then the evidence page and the next-step page. */
static void rate(const char *words)
{
    kd_expect_screen("mastery-target");
    kd_expect_text("How well can I do this?");
    tap_exact(words);
    kd_expect_text("What shows it?");
}

static void a_student_goes_through_the_whole_unit_and_every_rating_is_saved(void **state)
{
    (void)state;
    long long sid = student_id("E8005");
    char q[2048];
    snprintf(q, sizeof q, "SELECT count(*) FROM mastery_ratings WHERE student_id = %lld AND rater = 'student'", sid);
    long long before = query_int(q);
    kd_start_app(1280, 800);
    open_targets("E8005");

    /* 1: evidence from one of the unit's assignments, a next step from the chips. */
    tap_statement(TARGET_1);
    kd_expect_text(TARGET_1);
    kd_expect_text("Target 1 of 5");
    rate("I can teach it");
    kd_expect_text(ASSIGNMENT);
    kd_expect_text("3-paragraph response: should phones be allowed in class?");
    kd_expect_text("Type my own");
    tap_exact(ASSIGNMENT);
    tap_exact("Next");
    kd_expect_text("My next step");
    kd_expect_text("Ask my teacher for help");
    kd_expect_text("Teach a friend");
    tap_exact("Practice with a partner");
    save_and_return();
    kd_expect_text("4 I can teach it");
    kd_expect_text("Saved");

    /* 2: typed evidence on the on-screen keyboard's screen. */
    tap_exact("Next target");
    kd_expect_text(TARGET_2);
    kd_expect_text("Target 2 of 5");
    rate("I've got it");
    tap_exact("Type my own");
    kd_expect_screen("type-answer");
    kd_type_text("My claim chart from Tuesday");
    tap_exact("Use this");
    kd_expect_screen("mastery-target");
    kd_expect_text("What shows it?");
    kd_expect_text("My claim chart from Tuesday"); /* the typed answer is the chosen chip */
    tap_exact("Next");
    tap_exact("Look at my notes");
    save_and_return();

    /* 3-5: skipping is fine too. */
    static const char *const WORDS[] = {"I'm getting there", "I'm just starting", "I've got it"};
    static const char *const STEPS[] = {"Ask my teacher for help", "Try a harder problem", "Teach a friend"};
    for (int i = 0; i < 3; i++) {
        tap_exact("Next target");
        char where[32];
        snprintf(where, sizeof where, "Target %d of 5", i + 3);
        kd_expect_text(where);
        rate(WORDS[i]);
        tap_exact("Skip");
        kd_expect_text("My next step");
        tap_exact(STEPS[i]);
        save_and_return();
    }
    kd_expect_text("That was the last target");
    kd_expect_no_text("Next target");
    kd_expect_text("1 I'm just starting");

    /* All five rows are there, as the student's, with what was picked. */
    assert_int_equal(query_int(q), before + 5);
    snprintf(q, sizeof q,
             "SELECT count(*) FROM mastery_ratings r JOIN learning_targets t ON t.id = r.target_id"
             " WHERE r.student_id = %lld AND r.rater = 'student' AND r.kiosk_session_id IS NOT NULL AND ("
             " (t.position = 1 AND r.rating = 4 AND r.evidence = '" ASSIGNMENT "'"
             "  AND r.next_step = 'Practice with a partner') OR"
             " (t.position = 2 AND r.rating = 3 AND r.evidence = 'My claim chart from Tuesday'"
             "  AND r.next_step = 'Look at my notes') OR"
             " (t.position = 3 AND r.rating = 2 AND r.evidence = '' AND r.next_step = 'Ask my teacher for help') OR"
             " (t.position = 4 AND r.rating = 1 AND r.evidence = '' AND r.next_step = 'Try a harder problem') OR"
             " (t.position = 5 AND r.rating = 3 AND r.evidence = '' AND r.next_step = 'Teach a friend'))",
             sid);
    assert_int_equal(query_int(q), 5);
    snprintf(q, sizeof q, "SELECT count(*) FROM mastery_ratings WHERE student_id = %lld AND rater = 'teacher'"
                          " AND rated_at >= '2026-11-23T09'", sid);
    assert_int_equal(query_int(q), 0); /* nothing written as the teacher's */

    /* Read again from the database, the tracker shows the new ratings. */
    tap_exact("My goals");
    kd_expect_screen("goals");
    tap_exact("My learning targets");
    kd_expect_text("4 I can teach it");
    kd_expect_no_text("Saved");
}

static void start_rating_begins_at_the_first_target_not_rated_yet(void **state)
{
    (void)state;
    long long sid = student_id("E8006");
    char q[1024];
    snprintf(q, sizeof q, "DELETE FROM mastery_ratings WHERE student_id = %lld AND rater = 'student'", sid);
    sql(q);
    snprintf(q, sizeof q,
             "INSERT INTO mastery_ratings (target_id, student_id, rater, rating, rated_at) SELECT t.id, %lld,"
             " 'student', 2, '2026-11-20T10:00:00Z' FROM learning_targets t JOIN units u ON u.id = t.unit_id"
             " JOIN classes c ON c.id = u.class_id WHERE c.code = 'ELA8-2' AND u.is_current = 1 AND t.position <= 2",
             sid);
    sql(q);
    kd_start_app(1280, 800);
    open_targets("E8006");
    tap_exact("Start rating");
    kd_expect_text("Target 3 of 5");
    kd_expect_text(TARGET_3);
    /* Back on the first page leaves without saving anything. */
    tap_exact("Back");
    kd_expect_screen("mastery");
    snprintf(q, sizeof q, "SELECT count(*) FROM mastery_ratings WHERE student_id = %lld AND rater = 'student'", sid);
    assert_int_equal(query_int(q), 2);
}

static void the_teachers_rating_shows_beside_the_students_and_is_never_averaged(void **state)
{
    (void)state;
    long long sid = student_id("E8005");
    char q[2048];
    /* Target 4: the student says 4, the teacher says 1 (their mean would be 2.5). */
    snprintf(q, sizeof q,
             "DELETE FROM mastery_ratings WHERE student_id = %lld;"
             "INSERT INTO mastery_ratings (target_id, student_id, rater, rating, evidence, rated_at, staff_id)"
             " SELECT t.id, %lld, 'teacher', 1, '', '2026-11-20T10:00:00Z',"
             " (SELECT id FROM staff WHERE staff_code = 'T-RIVERA')"
             " FROM learning_targets t JOIN units u ON u.id = t.unit_id JOIN classes c ON c.id = u.class_id"
             " WHERE c.code = 'ELA8-2' AND u.is_current = 1 AND t.position = 4;"
             "INSERT INTO mastery_ratings (target_id, student_id, rater, rating, evidence, rated_at)"
             " SELECT t.id, %lld, 'student', 4, 'my essay', '2026-11-21T10:00:00Z'"
             " FROM learning_targets t JOIN units u ON u.id = t.unit_id JOIN classes c ON c.id = u.class_id"
             " WHERE c.code = 'ELA8-2' AND u.is_current = 1 AND t.position IN (1, 4);",
             sid, sid, sid);
    sql(q);
    kd_start_app(1280, 800);
    open_targets("E8005");
    kd_key(SP_KEY_END);
    const sp_draw_cmd *me = NULL, *teacher = NULL;
    const sp_draw_cmd *target4 = sp_draw_find_text(kd.dl, "I can answer a counterclaim");
    assert_non_null(target4);
    for (size_t i = 0; i < kd.dl->count; i++) {
        const sp_draw_cmd *c = &kd.dl->cmds[i];
        if (c->kind != SP_CMD_TEXT || c->rect.y < target4->rect.y)
            continue;
        if (!me && strcmp(c->text, "4 I can teach it") == 0)
            me = c;
        if (!teacher && strcmp(c->text, "1 Just starting") == 0) /* the teacher's, in the third person */
            teacher = c;
    }
    if (!me || !teacher)
        fail_msg("both ratings of target 4 should show; the screen shows: %s", kd_screen_text());
    /* Side by side: the same line of the same card, the student's first. */
    assert_int_equal(me->rect.y, teacher->rect.y);
    assert_true(teacher->rect.x > me->rect.x);
    kd_expect_text("Me");
    kd_expect_text("Your teacher");
    kd_expect_no_text("Teacher: 1 I'm"); /* never the teacher's rating in the student's voice */
    /* Nothing is combined into one number. */
    kd_expect_no_text("2.5");
    kd_expect_no_text("verage");
    for (size_t i = 0; i < kd.dl->count; i++)
        if (kd.dl->cmds[i].kind == SP_CMD_TEXT && kd.dl->cmds[i].text[0] == '2' && kd.dl->cmds[i].rect.y == me->rect.y)
            fail_msg("a \"%s\" appears on the line of the two ratings", kd.dl->cmds[i].text);
    /* Target 1 has no teacher rating now: only the student's shows there. */
    kd_key(SP_KEY_HOME);
    const sp_draw_cmd *t1 = sp_draw_find_text(kd.dl, "I can write a claim");
    assert_non_null(t1);
    int teachers = 0;
    for (size_t i = 0; i < kd.dl->count; i++)
        if (kd.dl->cmds[i].kind == SP_CMD_TEXT && strcmp(kd.dl->cmds[i].text, "Your teacher") == 0 &&
            kd.dl->cmds[i].rect.x < t1->rect.x + 400 && kd.dl->cmds[i].rect.y < t1->rect.y + 200)
            teachers++;
    assert_int_equal(teachers, 0);
    /* A teacher rating added while the student is elsewhere shows when the tracker opens again. */
    snprintf(q, sizeof q,
             "INSERT INTO mastery_ratings (target_id, student_id, rater, rating, rated_at)"
             " SELECT t.id, %lld, 'teacher', 3, '2026-11-23T08:00:00Z'"
             " FROM learning_targets t JOIN units u ON u.id = t.unit_id JOIN classes c ON c.id = u.class_id"
             " WHERE c.code = 'ELA8-2' AND u.is_current = 1 AND t.position = 1;",
             sid);
    sql(q);
    tap_exact("Back");
    tap_exact("My learning targets");
    kd_expect_text("3 Got it"); /* the teacher's new rating, in the third person */
}

static void a_student_in_no_class_gets_a_friendly_page(void **state)
{
    (void)state;
    sql("INSERT INTO students (sis_id, given_name, grade, created_at) VALUES ('NEW01', 'Robin', 7,"
        " '2026-11-01T08:00:00Z');"
        "SELECT sp_badge_key_ready(); INSERT INTO badges (token, sealed, student_id, issued_at) SELECT sp_badge_hash(t), sp_badge_seal(t), id,"
        " '2026-11-01T08:00:00Z' FROM (SELECT id, 'D' || substr('0000000000000000000000000' || id, -25) AS t"
        " FROM students WHERE sis_id = 'NEW01')");
    static const int SIZES[][2] = {{1280, 800}, {800, 1280}, {1920, 1080}};
    for (size_t s = 0; s < 3; s++) {
        sp_app_free(kd.app);
        kd_start_app(SIZES[s][0], SIZES[s][1]);
        open_targets("NEW01");
        kd_expect_text("You're not in a class here yet.");
        kd_expect_text("When your teacher adds you to a class");
        check_layout("no class", SIZES[s][0], SIZES[s][1]);
        tap_exact("Back to my goals");
        kd_expect_screen("goals");
    }
}

static void a_class_with_no_current_unit_gets_a_friendly_page(void **state)
{
    (void)state;
    sql("UPDATE units SET is_current = 0 WHERE class_id = (SELECT id FROM classes WHERE code = 'ELA8-2')");
    kd_start_app(800, 1280);
    open_targets("E8001");
    kd_expect_text("No unit is going on right now.");
    kd_expect_no_text("I can");
    check_layout("no unit", 800, 1280);
    tap_exact("I'm done");
    kd_expect_screen("done");
}

static void a_unit_with_no_targets_yet_says_so(void **state)
{
    (void)state;
    sql("DELETE FROM learning_targets WHERE unit_id = (SELECT u.id FROM units u JOIN classes c ON c.id = u.class_id"
        " WHERE c.code = 'ELA8-2' AND u.is_current = 1)");
    static const int SIZES[][2] = {{1280, 800}, {800, 1280}, {1920, 1080}};
    for (size_t s = 0; s < 3; s++) {
        sp_app_free(kd.app);
        kd_start_app(SIZES[s][0], SIZES[s][1]);
        open_targets("E8001");
        kd_expect_text(UNIT_TITLE);
        kd_expect_text("Your teacher hasn't added learning targets for this unit yet");
        kd_expect_no_text("Start rating");
        check_layout("no targets", SIZES[s][0], SIZES[s][1]);
        tap_exact("Back");
        kd_expect_screen("goals");
    }
}

static void a_student_in_two_classes_chooses_the_unit_by_class(void **state)
{
    (void)state;
    sql("INSERT INTO enrollments (class_id, student_id, enrolled_on) SELECT c.id, s.id, '2026-09-01'"
        " FROM classes c, students s WHERE c.code = 'MATH7-1' AND s.sis_id = 'E8001'");
    kd_start_app(1280, 800);
    open_targets("E8001");
    kd_expect_text("8th grade ELA, period 2");
    kd_expect_text("7th grade math, period 1");
    kd_expect_text(TARGET_1);
    tap_exact("7th grade math, period 1");
    kd_expect_text("Proportional relationships");
    kd_expect_text("I can find a unit rate, including with fractions.");
    kd_expect_no_text(TARGET_1);
    check_layout("two classes", 1280, 800);
    kd_tap_text("I can find a unit rate");
    kd_expect_text("Target 1 of 4");
    rate("I'm getting there");
    kd_expect_text("Unit rate stations"); /* evidence from the math unit's assignments */
    tap_exact("Unit rate stations");
    tap_exact("Next");
    tap_exact("Ask my teacher for help");
    save_and_return();
    kd_expect_text("Proportional relationships"); /* still on the math unit */
    kd_expect_text("2 I'm getting there");
    char q[1024];
    snprintf(q, sizeof q,
             "SELECT count(*) FROM mastery_ratings r JOIN learning_targets t ON t.id = r.target_id"
             " WHERE r.student_id = %lld AND r.rater = 'student' AND t.statement LIKE 'I can find a unit rate%%'"
             " AND r.evidence = 'Unit rate stations'",
             student_id("E8001"));
    assert_int_equal(query_int(q), 1);
}

static void walking_away_mid_rating_leaves_no_trace_and_writes_nothing(void **state)
{
    (void)state;
    long long sid = student_id("E8005");
    char q[1024];
    snprintf(q, sizeof q, "SELECT count(*) FROM mastery_ratings WHERE student_id = %lld", sid);
    long long before = query_int(q);
    long long total = query_int("SELECT count(*) FROM mastery_ratings");
    kd_start_app(1280, 800);
    open_targets("E8005");
    tap_statement(TARGET_2);
    rate("I can teach it");
    tap_exact("Type my own");
    kd_type_text("SECRET draft evidence");
    tap_exact("Use this");
    kd_expect_text("SECRET draft evidence");
    tap_exact("Next");
    tap_exact("Teach a friend");
    kd_expect_text("Teach a friend");
    (void)sp_app_take_purge_request(kd.app);
    /* No input for a minute: the warning, then the scan screen. */
    kd_wait_ms(50000);
    kd_expect_screen("timeout-warning");
    kd_expect_no_text("SECRET");
    kd_expect_no_text("I can");
    kd_wait_ms(10000);
    kd_expect_screen("scan");
    kd_draw();
    kd_expect_no_text("SECRET");
    kd_expect_no_text("Teach a friend");
    kd_expect_no_text("I can");
    kd_expect_no_text("Siobh");
    for (size_t i = 0; i < kd.dl->count; i++)
        if (kd.dl->cmds[i].kind == SP_CMD_TEXT)
            assert_int_not_equal(kd.dl->cmds[i].role, SP_ROLE_STUDENT);
    assert_true(sp_app_take_purge_request(kd.app)); /* the renderer drops its cached texts */
    assert_int_equal(query_int(q), before);
    assert_int_equal(query_int("SELECT count(*) FROM mastery_ratings"), total);
    /* Signing in again starts clean: no draft, the old rating still shown. */
    open_targets("E8005");
    tap_statement(TARGET_2);
    kd_expect_text("How well can I do this?");
    tap_exact("I've got it");
    kd_expect_no_text("SECRET");
    kd_expect_text("Type my own");
}

static void im_done_mid_rating_writes_nothing(void **state)
{
    (void)state;
    long long total = query_int("SELECT count(*) FROM mastery_ratings");
    kd_start_app(1280, 800);
    open_targets("E8002");
    tap_statement(TARGET_1);
    rate("I've got it");
    tap_exact(ASSIGNMENT);
    tap_exact("Next");
    tap_exact("Teach a friend");
    tap_exact("I'm done");
    kd_expect_screen("done");
    kd_expect_no_text("Teach a friend");
    assert_int_equal(query_int("SELECT count(*) FROM mastery_ratings"), total);
}

static void back_steps_through_the_questions_and_keeps_the_answers(void **state)
{
    (void)state;
    kd_start_app(1280, 800);
    open_targets("E8005");
    tap_statement(TARGET_3);
    rate("I'm getting there");
    tap_exact(ASSIGNMENT);
    tap_exact("Next");
    kd_expect_text("My next step");
    kd_key(SP_KEY_ESCAPE);
    kd_expect_text("What shows it?");
    /* The chosen chip is still chosen: a second tap takes it back. */
    bool filled = false;
    const sp_draw_cmd *chip = find_exact(ASSIGNMENT);
    assert_non_null(chip);
    for (size_t i = 0; i < kd.dl->count; i++)
        if (kd.dl->cmds[i].kind == SP_CMD_ICON && strcmp(kd.dl->cmds[i].icon, "check") == 0 &&
            kd.dl->cmds[i].rect.y < chip->rect.y + chip->rect.h &&
            kd.dl->cmds[i].rect.y + kd.dl->cmds[i].rect.h > chip->rect.y)
            filled = true;
    assert_true(filled);
    tap_exact("Back");
    kd_expect_text("How well can I do this?");
    tap_exact("Back");
    kd_expect_screen("mastery");
}

/* The first text inside the focus ring (the ring is the only orange frame); NULL if none. */
static const char *focused_text(void)
{
    for (size_t i = 0; i < kd.dl->count; i++) {
        const sp_draw_cmd *f = &kd.dl->cmds[i];
        if (f->kind != SP_CMD_FRAME || f->color.r != 240 || f->color.g != 120 || f->color.b != 0)
            continue;
        for (size_t j = 0; j < kd.dl->count; j++) {
            const sp_draw_cmd *c = &kd.dl->cmds[j];
            if (c->kind == SP_CMD_TEXT && c->rect.x >= f->rect.x && c->rect.y >= f->rect.y &&
                c->rect.x + c->rect.w <= f->rect.x + f->rect.w && c->rect.y + c->rect.h <= f->rect.y + f->rect.h)
                return c->text;
        }
    }
    return NULL;
}

/* Tabs until the focus ring holds a text starting with `text`, then presses Enter. */
static void tab_to_and_enter(const char *text)
{
    for (int i = 0; i < 60; i++) {
        kd_key(SP_KEY_TAB);
        const char *f = focused_text();
        if (f && strncmp(f, text, strlen(text)) == 0) {
            kd_key(SP_KEY_ENTER);
            return;
        }
    }
    fail_msg("Tab never reached \"%s\" on the %s screen", text, sp_app_screen_name(kd.app));
}

static void the_tracker_works_with_the_keyboard_alone(void **state)
{
    (void)state;
    long long sid = student_id("E8008");
    char q[1024];
    snprintf(q, sizeof q, "SELECT count(*) FROM mastery_ratings WHERE student_id = %lld AND rater = 'student'", sid);
    long long before = query_int(q);
    kd_start_app(1280, 800);
    scan_student("E8008");
    kd_tap(1, 1);
    kd_past_celebrations();
    kd_expect_screen("goals");
    tab_to_and_enter("My learning targets");
    kd_expect_screen("mastery");
    int frames = kd_count_kind(SP_CMD_FRAME);
    kd_key(SP_KEY_TAB); /* the first target first */
    assert_true(kd_count_kind(SP_CMD_FRAME) > frames);
    assert_non_null(focused_text());
    assert_int_equal(strncmp(focused_text(), "I can write a claim", 19), 0);
    kd_key(SP_KEY_ENTER);
    kd_expect_screen("mastery-target");
    kd_expect_text(TARGET_1);
    tab_to_and_enter("3");
    kd_expect_text("What shows it?");
    tab_to_and_enter(ASSIGNMENT);
    tab_to_and_enter("Next");
    kd_expect_text("My next step");
    tab_to_and_enter("Look at my notes");
    tab_to_and_enter("Save");
    kd_expect_screen("saving");
    kd_wait_ms(2000);
    kd_expect_screen("mastery");
    assert_int_equal(query_int(q), before + 1);
    tab_to_and_enter("Next target");
    kd_expect_text("Target 2 of 5");
    kd_key(SP_KEY_ESCAPE);
    kd_expect_screen("mastery");
    kd_key(SP_KEY_ESCAPE);
    kd_expect_screen("goals");
}

static void every_page_fits_each_window_with_big_touch_targets(void **state)
{
    (void)state;
    /* A very long statement must wrap and be cut, never overflow. */
    char long_sql[2048];
    int n = snprintf(long_sql, sizeof long_sql, "UPDATE learning_targets SET statement = 'I can");
    while (n < 480) /* the longest statement the schema takes is 500 characters */
        n += snprintf(long_sql + n, sizeof long_sql - (size_t)n, " explain every single step of my thinking");
    snprintf(long_sql + n, sizeof long_sql - (size_t)n,
             "' WHERE position = 3 AND unit_id = (SELECT u.id FROM units u JOIN classes c ON c.id = u.class_id"
             " WHERE c.code = 'ELA8-2' AND u.is_current = 1)");
    sql(long_sql);
    static const int SIZES[][2] = {{1280, 800}, {800, 1280}, {1920, 1080}};
    for (size_t s = 0; s < 3; s++) {
        int w = SIZES[s][0], h = SIZES[s][1];
        sp_app_free(kd.app);
        kd_start_app(w, h);
        scan_student("E8003");
        kd_tap(1, 1);
        check_layout("goals", w, h);
        tap_exact(find_exact("My learning targets") ? "My learning targets" : "My targets");
        kd_expect_screen("mastery");
        check_layout("mastery", w, h);
        kd_key(SP_KEY_END);
        check_layout("mastery (end)", w, h);
        kd_expect_text("\xE2\x80\xA6"); /* the long statement was cut with an ellipsis */
        kd_tap_text("I can explain every single step");
        kd_expect_screen("mastery-target");
        check_layout("rating", w, h);
        tap_exact("I've got it");
        check_layout("evidence", w, h);
        tap_exact("Next");
        check_layout("next step", w, h);
        tap_exact("Teach a friend");
        save_and_return();
        check_layout("saved", w, h);
        kd_expect_text("Next target");
        kd_event((sp_app_event){.kind = SP_EV_RESIZE, .w = h, .h = w}); /* turned on its side */
        check_layout("mastery (turned)", h, w);
        sp_app_free(kd.app);
        kd.app = NULL;
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(an_ela_student_sees_the_five_targets_of_the_current_unit_as_i_can_statements,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_student_goes_through_the_whole_unit_and_every_rating_is_saved, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(start_rating_begins_at_the_first_target_not_rated_yet, setup, teardown),
        cmocka_unit_test_setup_teardown(the_teachers_rating_shows_beside_the_students_and_is_never_averaged, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_student_in_no_class_gets_a_friendly_page, setup, teardown),
        cmocka_unit_test_setup_teardown(a_class_with_no_current_unit_gets_a_friendly_page, setup, teardown),
        cmocka_unit_test_setup_teardown(a_unit_with_no_targets_yet_says_so, setup, teardown),
        cmocka_unit_test_setup_teardown(a_student_in_two_classes_chooses_the_unit_by_class, setup, teardown),
        cmocka_unit_test_setup_teardown(walking_away_mid_rating_leaves_no_trace_and_writes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(im_done_mid_rating_writes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(back_steps_through_the_questions_and_keeps_the_answers, setup, teardown),
        cmocka_unit_test_setup_teardown(the_tracker_works_with_the_keyboard_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(every_page_fits_each_window_with_big_touch_targets, setup, teardown),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
