/* test_rules.c — if/then rules the library evaluates, on the worked examples: the teacher's own
 * words are read into the small vocabulary (or kept as free text), and the planned response comes
 * due exactly when the data says so — and not again after the teacher acted on it until new data
 * calls for it. */
#include "test_support.h"
#include "dates.h"
#include "rules.h"

#include <string.h>

static int day0(void) { return sp_day_from_ymd(2026, 1, 12); }
static sp_point pt(int offset, double value) { return (sp_point){day0() + offset, value}; }

/* 8th grade ELA: claim + evidence from 1.5 to 3 rubric points in 6 weeks, 4 of 5 responses. */
static sp_goal ela(void)
{
    return (sp_goal){.has_baseline = true, .baseline = 1.5, .target = 3, .direction = SP_HIGHER_IS_BETTER,
                     .target_k = 4, .target_m = 5, .start_day = day0(), .due_day = day0() + 42, .cadence_days = 7};
}

/* Attendance: keep 95% over 9 weeks; "if below 92%, family meeting". */
static sp_goal attendance(void)
{
    return (sp_goal){.has_baseline = true, .baseline = 93, .target = 95, .direction = SP_HIGHER_IS_BETTER,
                     .target_k = 3, .target_m = 3, .start_day = day0(), .due_day = day0() + 63, .cadence_days = 7};
}

static void words_of(const char *text, const char *expected)
{
    sp_condition c = sp_condition_parse(text);
    char w[80];
    sp_condition_words(&c, w, sizeof w);
    if (strcmp(w, expected) != 0)
        fail_msg("'%s' was read as '%s', expected '%s'", text, w, expected);
}

static void teachers_words_are_read_into_the_vocabulary(void **state)
{
    (void)state;
    words_of("below aim 2 checks in a row", "below aim 2 checks in a row");
    words_of("If below the aim line for 2 checks in a row", "below aim 2 checks in a row");
    words_of("two checks in a row below aim", "below aim 2 checks in a row");
    words_of("3 consecutive checks below aim", "below aim 3 checks in a row");
    words_of("below aim", "below aim at the latest check");
    words_of("red", "red");
    words_of("the light is red", "red");
    words_of("no data for 10 days", "no data for 10 days");
    words_of("no new data for 2 weeks", "no data for 14 days");
    words_of("below 92%", "latest check below 92");
    words_of("attendance below 92%", "latest check below 92");
    words_of("less than 2 rubric points", "latest check below 2");
    words_of("above 6 prompts a day", "latest check above 6");
    words_of("past due", "past due");
    words_of("Past the due date.", "past due");
}

static void anything_else_stays_free_text_for_the_teacher_to_judge(void **state)
{
    (void)state;
    words_of("she seems tired in the mornings", "free text");
    words_of("below 2 for 3 checks", "free text");         /* a second number says more than the vocabulary */
    words_of("not below 3", "free text");
    words_of("below aim 80 checks in a row", "free text"); /* more checks than a milestone keeps in its rule */
    words_of("no data for 2 years", "free text");
    words_of("", "free text");
    assert_int_equal(sp_condition_parse(NULL).kind, SP_COND_FREE_TEXT);
    sp_condition c = sp_condition_parse("she seems tired");
    sp_goal g = ela();
    sp_point p[] = {pt(7, 1.0)};
    assert_false(sp_condition_holds(&c, &g, p, 1, false, -1, day0() + 10));
}

static void ela_below_aim_two_checks_in_a_row_fires_on_the_second_miss(void **state)
{
    (void)state;
    sp_goal g = ela();
    sp_condition c = sp_condition_parse("below aim 2 checks in a row");
    /* aim climbs 0.25 a week from 1.5: week 1 aim 1.75, week 2 aim 2.0, week 3 aim 2.25 */
    sp_point p[] = {pt(7, 2.0), pt(14, 1.75), pt(21, 2.0)};
    assert_false(sp_condition_holds(&c, &g, p, 1, false, -1, day0() + 7));  /* met aim */
    assert_false(sp_condition_holds(&c, &g, p, 2, false, -1, day0() + 14)); /* one miss */
    assert_true(sp_condition_holds(&c, &g, p, 3, false, -1, day0() + 21));  /* two misses */
}

static void acting_on_a_rule_waits_for_new_misses_before_asking_again(void **state)
{
    (void)state;
    sp_goal g = ela();
    sp_condition c = sp_condition_parse("below aim 2 checks in a row");
    sp_point p[] = {pt(7, 1.5), pt(14, 1.5), pt(21, 1.6), pt(28, 1.6)};
    int acted = day0() + 15; /* the teacher added the 20-minute session after the second miss */
    assert_true(sp_condition_holds(&c, &g, p, 2, false, -1, day0() + 15));
    assert_false(sp_condition_holds(&c, &g, p, 2, false, acted, day0() + 15));
    assert_false(sp_condition_holds(&c, &g, p, 3, false, acted, day0() + 21)); /* one new miss */
    assert_true(sp_condition_holds(&c, &g, p, 4, false, acted, day0() + 28));  /* two new misses */
}

static void red_fires_with_the_four_point_rule(void **state)
{
    (void)state;
    sp_goal g = ela();
    sp_condition c = sp_condition_parse("red");
    sp_point p[] = {pt(7, 1.5), pt(14, 1.5), pt(21, 1.5), pt(28, 1.5)};
    assert_false(sp_condition_holds(&c, &g, p, 3, false, -1, day0() + 21));
    assert_true(sp_condition_holds(&c, &g, p, 4, false, -1, day0() + 28));
    assert_false(sp_condition_holds(&c, &g, p, 4, false, day0() + 22, day0() + 28));
}

static void attendance_below_92_percent_calls_the_family_meeting(void **state)
{
    (void)state;
    sp_goal g = attendance();
    sp_condition c = sp_condition_parse("below 92%");
    sp_point p[] = {pt(7, 94), pt(14, 91.5), pt(21, 93)};
    assert_false(sp_condition_holds(&c, &g, p, 1, false, -1, day0() + 7));
    assert_true(sp_condition_holds(&c, &g, p, 2, false, -1, day0() + 14));
    assert_false(sp_condition_holds(&c, &g, p, 3, false, -1, day0() + 21)); /* back above */
    sp_point exactly[] = {pt(7, 92)};
    assert_false(sp_condition_holds(&c, &g, exactly, 1, false, -1, day0() + 7)); /* 92 is not below 92 */
    sp_condition above = sp_condition_parse("above 6 prompts a day");
    sp_point prompts[] = {pt(3, 7)};
    assert_true(sp_condition_holds(&above, &g, prompts, 1, false, -1, day0() + 3));
}

static void no_data_for_ten_days_counts_from_the_last_check_or_the_start(void **state)
{
    (void)state;
    sp_goal g = ela();
    sp_condition c = sp_condition_parse("no data for 10 days");
    assert_false(sp_condition_holds(&c, &g, NULL, 0, false, -1, day0() + 9));
    assert_true(sp_condition_holds(&c, &g, NULL, 0, false, -1, day0() + 10));
    sp_point p[] = {pt(7, 2)};
    assert_false(sp_condition_holds(&c, &g, p, 1, false, -1, day0() + 16));
    assert_true(sp_condition_holds(&c, &g, p, 1, false, -1, day0() + 17));
    assert_false(sp_condition_holds(&c, &g, p, 1, false, day0() + 17, day0() + 20)); /* teacher called home */
}

static void past_due_fires_after_the_due_date_unless_met_or_decided(void **state)
{
    (void)state;
    sp_goal g = ela();
    sp_condition c = sp_condition_parse("past due");
    assert_false(sp_condition_holds(&c, &g, NULL, 0, false, -1, day0() + 42)); /* the due date itself */
    assert_true(sp_condition_holds(&c, &g, NULL, 0, false, -1, day0() + 43));
    assert_false(sp_condition_holds(&c, &g, NULL, 0, true, -1, day0() + 43));
    assert_false(sp_condition_holds(&c, &g, NULL, 0, false, day0() + 43, day0() + 50));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(teachers_words_are_read_into_the_vocabulary),
        cmocka_unit_test(anything_else_stays_free_text_for_the_teacher_to_judge),
        cmocka_unit_test(ela_below_aim_two_checks_in_a_row_fires_on_the_second_miss),
        cmocka_unit_test(acting_on_a_rule_waits_for_new_misses_before_asking_again),
        cmocka_unit_test(red_fires_with_the_four_point_rule),
        cmocka_unit_test(attendance_below_92_percent_calls_the_family_meeting),
        cmocka_unit_test(no_data_for_ten_days_counts_from_the_last_check_or_the_start),
        cmocka_unit_test(past_due_fires_after_the_due_date_unless_met_or_decided),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
