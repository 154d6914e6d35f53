/* test_progress.c — the progress rules of SPEC section 3 on the worked examples of section 7:
 * aim line, meeting aim and target in both directions, the k-of-m target rule, the traffic light
 * (four-point rule, trend, stale data), raise-the-goal, baselining and review dates. */
#include "test_support.h"
#include "dates.h"
#include "progress.h"

#include <string.h>

#define EPS 1e-9

static int day0(void) { return sp_day_from_ymd(2026, 1, 12); }

/* 8th grade ELA: claim + evidence from 1.5 to 3 rubric points, in 4 of 5 responses, 6 weeks. */
static sp_goal ela(void)
{
    return (sp_goal){.has_baseline = true, .baseline = 1.5, .target = 3, .direction = SP_HIGHER_IS_BETTER,
                     .target_k = 4, .target_m = 5, .start_day = day0(), .due_day = day0() + 42, .cadence_days = 7};
}

/* 6th grade behavior: 7 off-task prompts a day down to 2 or fewer, 4 weeks. */
static sp_goal behavior(void)
{
    return (sp_goal){.has_baseline = true, .baseline = 7, .target = 2, .direction = SP_LOWER_IS_BETTER,
                     .target_k = 1, .target_m = 1, .start_day = day0(), .due_day = day0() + 28, .cadence_days = 7};
}

/* Math: unit quiz from 52% to 65% in 6 weeks (1 of 1). */
static sp_goal math(void)
{
    return (sp_goal){.has_baseline = true, .baseline = 52, .target = 65, .direction = SP_HIGHER_IS_BETTER,
                     .start_day = day0(), .due_day = day0() + 42, .cadence_days = 7};
}

/* Attendance: from 93% up to and keeping 95% over 9 weeks. */
static sp_goal attendance(void)
{
    return (sp_goal){.has_baseline = true, .baseline = 93, .target = 95, .direction = SP_HIGHER_IS_BETTER,
                     .target_k = 3, .target_m = 3, .start_day = day0(), .due_day = day0() + 63, .cadence_days = 7};
}

static sp_point pt(int offset, double value) { return (sp_point){day0() + offset, value}; }

static void ela_aim_line_climbs_from_1_5_to_3_over_six_weeks_and_is_flat_outside(void **state)
{
    (void)state;
    sp_goal g = ela();
    assert_float_equal(sp_aim_at(&g, 1.5, day0()), 1.5, EPS);
    assert_float_equal(sp_aim_at(&g, 1.5, day0() + 21), 2.25, EPS); /* half way: 3 weeks */
    assert_float_equal(sp_aim_at(&g, 1.5, day0() + 14), 2.0, EPS);
    assert_float_equal(sp_aim_at(&g, 1.5, day0() + 42), 3.0, EPS);
    /* clamped: before the start it is the baseline, after the due date the target */
    assert_float_equal(sp_aim_at(&g, 1.5, day0() - 30), 1.5, EPS);
    assert_float_equal(sp_aim_at(&g, 1.5, day0() + 100), 3.0, EPS);
}

static void behavior_aim_line_falls_from_7_prompts_to_2_and_fewer_prompts_is_better(void **state)
{
    (void)state;
    sp_goal g = behavior();
    assert_float_equal(sp_aim_at(&g, 7, day0() + 14), 4.5, EPS);
    assert_float_equal(sp_aim_at(&g, 7, day0() + 60), 2.0, EPS);
    assert_true(sp_meets_aim(&g, 7, pt(14, 4)));   /* 4 prompts by week 2: under the aim line */
    assert_true(sp_meets_aim(&g, 7, pt(14, 4.5))); /* on the line counts */
    assert_false(sp_meets_aim(&g, 7, pt(14, 5)));
    assert_true(sp_meets_target(&g, 2));
    assert_true(sp_meets_target(&g, 1));
    assert_false(sp_meets_target(&g, 3));
    assert_true(sp_meets_value(SP_LOWER_IS_BETTER, 2, 2.5));
    assert_false(sp_meets_value(SP_LOWER_IS_BETTER, 3, 2.5));
}

static void math_quiz_meets_aim_on_or_above_the_line_and_target_at_65(void **state)
{
    (void)state;
    sp_goal g = math();
    assert_float_equal(sp_aim_at(&g, 52, day0() + 21), 58.5, EPS);
    assert_true(sp_meets_aim(&g, 52, pt(21, 58.5)));
    assert_true(sp_meets_aim(&g, 52, pt(21, 60)));
    assert_false(sp_meets_aim(&g, 52, pt(21, 58)));
    assert_true(sp_meets_target(&g, 65));
    assert_false(sp_meets_target(&g, 64.9));
    assert_true(sp_meets_value(SP_HIGHER_IS_BETTER, 3, 3));
    assert_false(sp_meets_value(SP_HIGHER_IS_BETTER, 2.9, 3));
}

static void ela_is_met_with_3_points_in_4_of_the_last_5_responses(void **state)
{
    (void)state;
    sp_goal g = ela();
    sp_point four_of_five[] = {pt(3, 1.5), pt(10, 3), pt(17, 3), pt(24, 2), pt(31, 3), pt(38, 4)};
    assert_true(sp_target_rule_holds(&g, four_of_five, 6));
    sp_point three_of_five[] = {pt(10, 3), pt(17, 2), pt(24, 3), pt(31, 2.5), pt(38, 3)};
    assert_false(sp_target_rule_holds(&g, three_of_five, 5));
    /* older hits outside the last 5 do not count */
    sp_point old_hits[] = {pt(3, 3), pt(10, 3), pt(17, 2), pt(24, 3), pt(31, 2), pt(38, 3), pt(40, 3)};
    assert_false(sp_target_rule_holds(&g, old_hits, 7));
    /* with only 3 responses so far all at 3, 4 hits are still needed */
    sp_point only_three[] = {pt(10, 3), pt(17, 3), pt(24, 3)};
    assert_false(sp_target_rule_holds(&g, only_three, 3));
    assert_false(sp_target_rule_holds(&g, NULL, 0));

    sp_progress p = sp_progress_evaluate(&g, four_of_five, 6, day0() + 39);
    assert_true(p.met);
    assert_int_equal(p.light, SP_LIGHT_NONE);
    assert_int_equal(p.reason, SP_REASON_MET);
}

static void math_is_met_by_default_when_the_latest_quiz_reaches_65(void **state)
{
    (void)state;
    sp_goal g = math();
    sp_point reached[] = {pt(7, 55), pt(14, 60), pt(21, 65)};
    assert_true(sp_target_rule_holds(&g, reached, 3));
    sp_point dropped[] = {pt(7, 55), pt(14, 66), pt(21, 60)};
    assert_false(sp_target_rule_holds(&g, dropped, 3)); /* 1 of 1: only the latest counts */
    g.target_k = 0, g.target_m = 0;                   /* unset means 1 of 1 too */
    assert_true(sp_target_rule_holds(&g, reached, 3));
    assert_false(sp_target_rule_holds(&g, dropped, 3));
}

static void behavior_is_met_at_2_prompts_or_fewer(void **state)
{
    (void)state;
    sp_goal g = behavior();
    sp_point pts[] = {pt(2, 7), pt(9, 5), pt(16, 2)};
    sp_progress p = sp_progress_evaluate(&g, pts, 3, day0() + 17);
    assert_true(p.met);
    assert_int_equal(p.reason, SP_REASON_MET);
    pts[2].value = 3;
    p = sp_progress_evaluate(&g, pts, 3, day0() + 17);
    assert_false(p.met);
}

static void four_math_quizzes_below_the_aim_line_turn_the_light_red(void **state)
{
    (void)state;
    sp_goal g = math();
    /* aim: 56.3 on day 14, 58.5 on day 21, 60.7 on day 28, 62.8 on day 35 */
    sp_point pts[] = {pt(14, 53), pt(21, 54), pt(28, 55), pt(35, 56)};
    sp_progress p = sp_progress_evaluate(&g, pts, 4, day0() + 36);
    assert_int_equal(p.misses_in_a_row, 4);
    assert_int_equal(p.light, SP_LIGHT_RED);
    assert_int_equal(p.reason, SP_REASON_FOUR_BELOW_AIM);
    assert_non_null(strstr(sp_reason_words(p.reason), "4"));
    assert_non_null(strstr(sp_reason_words(p.reason), "aim line"));
    assert_string_equal(sp_light_name(p.light), "red");
}

static void three_misses_in_a_row_are_yellow_not_yet_red(void **state)
{
    (void)state;
    sp_goal g = math();
    /* on track at week 1, then three falling quizzes under the line */
    sp_point pts[] = {pt(7, 56), pt(14, 55), pt(21, 54), pt(28, 53)};
    sp_progress p = sp_progress_evaluate(&g, pts, 4, day0() + 29);
    assert_int_equal(p.misses_in_a_row, 3);
    assert_int_equal(p.light, SP_LIGHT_YELLOW);
    assert_int_equal(p.reason, SP_REASON_BELOW_AIM);
}

static void four_behavior_checks_above_the_falling_aim_line_turn_the_light_red(void **state)
{
    (void)state;
    sp_goal g = behavior();
    /* aim: 7 - 5*d/28; 7 prompts every week misses it each time */
    sp_point pts[] = {pt(4, 7), pt(8, 7), pt(12, 6), pt(16, 6)};
    sp_progress p = sp_progress_evaluate(&g, pts, 4, day0() + 17);
    assert_int_equal(p.light, SP_LIGHT_RED);
    assert_int_equal(p.misses_in_a_row, 4);
}

static void latest_quiz_on_the_aim_line_is_green(void **state)
{
    (void)state;
    sp_goal g = math();
    sp_point pts[] = {pt(7, 53), pt(14, 53), pt(21, 53), pt(28, 61)}; /* aim(28) = 60.67 */
    sp_progress p = sp_progress_evaluate(&g, pts, 4, day0() + 30);
    assert_int_equal(p.light, SP_LIGHT_GREEN);
    assert_int_equal(p.reason, SP_REASON_LATEST_MEETS_AIM);
    assert_int_equal(p.misses_in_a_row, 0);
    assert_true(p.has_current);
    assert_float_equal(p.current, 61, EPS);
    assert_int_equal(p.days_since_data, 2);
    assert_float_equal(p.aim_today, 52 + 13.0 * 30 / 42, 1e-6);
    assert_string_equal(sp_light_student_words(p.light), "On track");
}

static void a_dip_below_aim_stays_green_when_the_trend_is_on_track(void **state)
{
    (void)state;
    sp_goal g = math();
    /* strong climb, then one quiz just under the line: the trend today is still above aim */
    sp_point pts[] = {pt(7, 55), pt(14, 58), pt(21, 62), pt(28, 60)}; /* aim(28) = 60.67 */
    assert_false(sp_meets_aim(&g, 52, pts[3]));
    sp_progress p = sp_progress_evaluate(&g, pts, 4, day0() + 29);
    assert_int_equal(p.light, SP_LIGHT_GREEN);
    assert_int_equal(p.reason, SP_REASON_TREND_MEETS_AIM);

    /* the same dip after a flat run is only yellow */
    sp_point flat[] = {pt(7, 55), pt(14, 56), pt(21, 59), pt(28, 56)};
    p = sp_progress_evaluate(&g, flat, 4, day0() + 29);
    assert_int_equal(p.light, SP_LIGHT_YELLOW);
    assert_int_equal(p.reason, SP_REASON_BELOW_AIM);
    assert_string_equal(sp_light_student_words(p.light), "Keep going \xE2\x80\x94 let's watch this");
}

static void the_trend_uses_only_the_last_six_points(void **state)
{
    (void)state;
    sp_goal g = math();
    /* a very low early quiz would pull a whole-history trend up steeply; the last 6 are flat */
    sp_point pts[] = {pt(0, 10), pt(5, 56), pt(10, 56), pt(15, 56), pt(20, 60), pt(25, 56), pt(30, 56)};
    /* aim(30) = 61.3: the latest misses, and the recent trend is flat around 56.5 */
    sp_progress p = sp_progress_evaluate(&g, pts, 7, day0() + 31);
    assert_int_equal(p.light, SP_LIGHT_YELLOW);
    assert_int_equal(p.reason, SP_REASON_BELOW_AIM);
}

static void two_checks_are_too_few_to_call_a_trend(void **state)
{
    (void)state;
    sp_goal g = math();
    /* a big jump between two quizzes: the line through them is above aim tomorrow, but two points
     * are not a trend, and the latest quiz is still under the aim line (56.3) */
    sp_point pts[] = {pt(7, 50), pt(14, 56)};
    sp_progress p = sp_progress_evaluate(&g, pts, 2, day0() + 15);
    assert_int_equal(p.light, SP_LIGHT_YELLOW);
    assert_int_equal(p.reason, SP_REASON_BELOW_AIM);
}

static void four_misses_are_red_even_when_the_trend_looks_hopeful(void **state)
{
    (void)state;
    sp_goal g = math();
    g.cadence_days = 14;
    sp_point pts[] = {pt(30, 50), pt(31, 51), pt(32, 52), pt(33, 53)};
    double a, b;
    assert_true(sp_trend(pts, 4, &a, &b));
    assert_true(a + b * (day0() + 50) >= 65); /* the trend would reach the target today */
    sp_progress p = sp_progress_evaluate(&g, pts, 4, day0() + 50);
    assert_int_equal(p.light, SP_LIGHT_RED);
}

static void least_squares_trend_through_points(void **state)
{
    (void)state;
    double a, b;
    sp_point line[] = {{100, 1}, {101, 3}, {102, 5}};
    assert_true(sp_trend(line, 3, &a, &b));
    assert_float_equal(b, 2, EPS);
    assert_float_equal(a + b * 100, 1, 1e-6);
    sp_point scatter[] = {{0, 1}, {1, 2}, {2, 2}, {3, 4}};
    assert_true(sp_trend(scatter, 4, &a, &b));
    assert_float_equal(b, 0.9, EPS);
    assert_float_equal(a, 0.9, EPS);
    assert_false(sp_trend(line, 1, &a, &b));
    sp_point same_day[] = {{5, 1}, {5, 3}};
    assert_false(sp_trend(same_day, 2, &a, &b));
}

static void no_data_for_two_review_periods_is_yellow_even_after_a_good_point(void **state)
{
    (void)state;
    sp_goal g = math();
    sp_point pts[] = {pt(7, 56), pt(14, 60)}; /* both on track */
    sp_progress p = sp_progress_evaluate(&g, pts, 2, day0() + 14 + 13);
    assert_int_equal(p.light, SP_LIGHT_GREEN);
    p = sp_progress_evaluate(&g, pts, 2, day0() + 14 + 15);
    assert_int_equal(p.light, SP_LIGHT_YELLOW);
    assert_int_equal(p.reason, SP_REASON_STALE);
    assert_int_equal(p.days_since_data, 15);
    assert_non_null(strstr(sp_reason_words(p.reason), "2 review periods"));
    /* cadence 0 means weekly */
    g.cadence_days = 0;
    p = sp_progress_evaluate(&g, pts, 2, day0() + 14 + 14);
    assert_int_equal(p.reason, SP_REASON_STALE);
    /* a monthly review gives two months */
    g.cadence_days = 30;
    p = sp_progress_evaluate(&g, pts, 2, day0() + 14 + 40);
    assert_int_equal(p.light, SP_LIGHT_GREEN);
}

static void stale_also_wins_over_four_misses(void **state)
{
    (void)state;
    sp_goal g = math();
    sp_point pts[] = {pt(7, 52), pt(14, 52), pt(21, 52), pt(28, 52)};
    sp_progress p = sp_progress_evaluate(&g, pts, 4, day0() + 28 + 20);
    assert_int_equal(p.light, SP_LIGHT_YELLOW);
    assert_int_equal(p.reason, SP_REASON_STALE);
}

static void a_goal_with_a_baseline_and_no_data_yet_is_yellow(void **state)
{
    (void)state;
    sp_goal g = attendance();
    sp_progress p = sp_progress_evaluate(&g, NULL, 0, day0() + 3);
    assert_int_equal(p.light, SP_LIGHT_YELLOW);
    assert_int_equal(p.reason, SP_REASON_NO_DATA);
    assert_false(p.has_current);
    assert_int_equal(p.days_since_data, -1);
    assert_true(p.has_baseline);
    assert_float_equal(p.baseline, 93, EPS);
    assert_int_equal(p.baseline_day, day0());
}

static void attendance_above_aim_and_at_95_four_weeks_running_suggests_raising_the_goal(void **state)
{
    (void)state;
    sp_goal g = attendance();
    g.target_k = 5, g.target_m = 5; /* not yet met: needs 5 weeks at 95 */
    sp_point pts[] = {pt(7, 96), pt(14, 97), pt(21, 96), pt(28, 98)};
    sp_progress p = sp_progress_evaluate(&g, pts, 4, day0() + 29);
    assert_true(p.raise_goal);
    assert_false(p.met);
    assert_int_equal(p.light, SP_LIGHT_GREEN);
    /* only three weeks at 95 or better: not yet */
    p = sp_progress_evaluate(&g, pts + 1, 3, day0() + 29);
    assert_false(p.raise_goal);
    /* one week under 95 (though above aim) breaks the run */
    sp_point dip[] = {pt(7, 96), pt(14, 94.5), pt(21, 96), pt(28, 98)};
    p = sp_progress_evaluate(&g, dip, 4, day0() + 29);
    assert_false(p.raise_goal);
    /* after the due date there is nothing left to raise */
    p = sp_progress_evaluate(&g, pts, 4, day0() + 63);
    assert_false(p.raise_goal);
}

static void behavior_at_one_prompt_four_checks_running_suggests_raising_the_goal(void **state)
{
    (void)state;
    sp_goal g = behavior();
    sp_point pts[] = {pt(3, 2), pt(6, 1), pt(9, 1), pt(12, 0)};
    sp_progress p = sp_progress_evaluate(&g, pts, 4, day0() + 13);
    assert_true(p.raise_goal);
    assert_true(p.met);
    sp_point above[] = {pt(3, 2), pt(6, 1), pt(9, 3), pt(12, 0)};
    p = sp_progress_evaluate(&g, above, 4, day0() + 13);
    assert_false(p.raise_goal);
}

static void without_a_baseline_the_first_three_checks_set_it_as_their_median(void **state)
{
    (void)state;
    sp_goal g = behavior();
    g.has_baseline = false;
    sp_point pts[] = {pt(0, 6), pt(1, 8), pt(2, 7), pt(20, 3)};

    sp_progress p = sp_progress_evaluate(&g, pts, 2, day0() + 2);
    assert_true(p.baselining);
    assert_false(p.has_baseline);
    assert_int_equal(p.light, SP_LIGHT_NONE);
    assert_int_equal(p.reason, SP_REASON_BASELINING);

    p = sp_progress_evaluate(&g, pts, 3, day0() + 3);
    assert_false(p.baselining);
    assert_true(p.has_baseline);
    assert_float_equal(p.baseline, 7, EPS);
    /* the aim line starts from the baseline the data set */
    assert_float_equal(sp_aim_at(&g, p.baseline, g.start_day), 7, EPS);
    assert_float_equal(p.aim_today, 7 - 5.0 * 3 / 28, 1e-6);
    assert_int_equal(p.baseline_day, g.start_day);
    assert_int_not_equal(p.light, SP_LIGHT_NONE);

    /* a later point does not move it */
    double b;
    assert_true(sp_baseline_from_data(pts, 4, day0() + 21, &b));
    assert_float_equal(b, 7, EPS);
}

static void without_a_baseline_all_checks_of_the_first_two_weeks_set_it(void **state)
{
    (void)state;
    double b;
    /* five checks in the first two weeks: their median, not the first three's */
    sp_point busy[] = {pt(0, 8), pt(3, 9), pt(6, 8.5), pt(9, 3), pt(13, 2), pt(14, 1)};
    assert_true(sp_baseline_from_data(busy, 6, day0() + 15, &b));
    assert_float_equal(b, 8, EPS);
    /* two checks, the two weeks not over yet: still finding the starting point */
    sp_point sparse[] = {pt(0, 6), pt(10, 8)};
    assert_false(sp_baseline_from_data(sparse, 2, day0() + 13, &b));
    /* two weeks over with only two checks: their median */
    assert_true(sp_baseline_from_data(sparse, 2, day0() + 14, &b));
    assert_float_equal(b, 7, EPS);
    assert_false(sp_baseline_from_data(NULL, 0, day0() + 100, &b));
}

static void a_met_goal_shows_no_light_even_while_baselining_or_stale(void **state)
{
    (void)state;
    sp_goal g = math();
    g.has_baseline = false;
    sp_point pts[] = {pt(0, 66)};
    sp_progress p = sp_progress_evaluate(&g, pts, 1, day0() + 1);
    assert_true(p.met);
    assert_true(p.baselining);
    assert_int_equal(p.reason, SP_REASON_MET);
    g.has_baseline = true;
    p = sp_progress_evaluate(&g, pts, 1, day0() + 60);
    assert_int_equal(p.reason, SP_REASON_MET);
    assert_int_equal(p.light, SP_LIGHT_NONE);
}

static void baselining_wins_over_stale(void **state)
{
    (void)state;
    sp_goal g = ela();
    g.has_baseline = false;
    g.due_day = day0() + 120;
    sp_point pts[] = {pt(0, 1), pt(1, 2)};
    g.cadence_days = 3; /* 9 days without data: stale by the cadence */
    sp_progress p = sp_progress_evaluate(&g, pts, 2, day0() + 10);
    assert_int_equal(p.reason, SP_REASON_BASELINING);
}

static void weekly_goal_is_due_for_review_a_week_after_the_start_or_the_last_review(void **state)
{
    (void)state;
    sp_goal g = ela();
    assert_false(sp_due_for_review(&g, -1, day0() + 6));
    assert_true(sp_due_for_review(&g, -1, day0() + 7));
    assert_false(sp_due_for_review(&g, day0() + 10, day0() + 16));
    assert_true(sp_due_for_review(&g, day0() + 10, day0() + 17));
    g.cadence_days = 0; /* weekly */
    assert_true(sp_due_for_review(&g, -1, day0() + 7));
    g.cadence_days = 30; /* monthly review */
    assert_false(sp_due_for_review(&g, -1, day0() + 29));
    assert_true(sp_due_for_review(&g, -1, day0() + 30));
}

static void lights_and_reasons_have_kind_plain_words(void **state)
{
    (void)state;
    assert_string_equal(sp_light_name(SP_LIGHT_GREEN), "green");
    assert_string_equal(sp_light_name(SP_LIGHT_YELLOW), "yellow");
    assert_string_equal(sp_light_name(SP_LIGHT_NONE), "none");
    assert_string_equal(sp_light_student_words(SP_LIGHT_RED), "Let's change the plan together");
    for (int r = SP_REASON_LATEST_MEETS_AIM; r <= SP_REASON_MET; r++)
        assert_true(strlen(sp_reason_words((sp_reason)r)) > 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ela_aim_line_climbs_from_1_5_to_3_over_six_weeks_and_is_flat_outside),
        cmocka_unit_test(behavior_aim_line_falls_from_7_prompts_to_2_and_fewer_prompts_is_better),
        cmocka_unit_test(math_quiz_meets_aim_on_or_above_the_line_and_target_at_65),
        cmocka_unit_test(ela_is_met_with_3_points_in_4_of_the_last_5_responses),
        cmocka_unit_test(math_is_met_by_default_when_the_latest_quiz_reaches_65),
        cmocka_unit_test(behavior_is_met_at_2_prompts_or_fewer),
        cmocka_unit_test(four_math_quizzes_below_the_aim_line_turn_the_light_red),
        cmocka_unit_test(three_misses_in_a_row_are_yellow_not_yet_red),
        cmocka_unit_test(four_behavior_checks_above_the_falling_aim_line_turn_the_light_red),
        cmocka_unit_test(latest_quiz_on_the_aim_line_is_green),
        cmocka_unit_test(a_dip_below_aim_stays_green_when_the_trend_is_on_track),
        cmocka_unit_test(the_trend_uses_only_the_last_six_points),
        cmocka_unit_test(two_checks_are_too_few_to_call_a_trend),
        cmocka_unit_test(four_misses_are_red_even_when_the_trend_looks_hopeful),
        cmocka_unit_test(least_squares_trend_through_points),
        cmocka_unit_test(no_data_for_two_review_periods_is_yellow_even_after_a_good_point),
        cmocka_unit_test(stale_also_wins_over_four_misses),
        cmocka_unit_test(a_goal_with_a_baseline_and_no_data_yet_is_yellow),
        cmocka_unit_test(attendance_above_aim_and_at_95_four_weeks_running_suggests_raising_the_goal),
        cmocka_unit_test(behavior_at_one_prompt_four_checks_running_suggests_raising_the_goal),
        cmocka_unit_test(without_a_baseline_the_first_three_checks_set_it_as_their_median),
        cmocka_unit_test(without_a_baseline_all_checks_of_the_first_two_weeks_set_it),
        cmocka_unit_test(a_met_goal_shows_no_light_even_while_baselining_or_stale),
        cmocka_unit_test(baselining_wins_over_stale),
        cmocka_unit_test(weekly_goal_is_due_for_review_a_week_after_the_start_or_the_last_review),
        cmocka_unit_test(lights_and_reasons_have_kind_plain_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
