/* test_celebrate.c — which celebrations a new data point earns, on the worked examples of SPEC
 * section 7: a met goal, a reached step (the FAFSA FSA ID step of "finish all 5 FAFSA steps"), a
 * clear gain over the baseline (ELA rubric up, off-task prompts down), a streak of checks on the
 * aim line, raise-the-goal once per milestone, and never the same celebration twice. */
#include "test_support.h"
#include "celebrate.h"
#include "dates.h"

#include <string.h>

static int day0(void) { return sp_day_from_ymd(2026, 1, 12); }
static sp_point pt(int offset, double value) { return (sp_point){day0() + offset, value}; }

static sp_goal ela(void)
{
    return (sp_goal){.has_baseline = true, .baseline = 1.5, .target = 3, .direction = SP_HIGHER_IS_BETTER,
                     .target_k = 4, .target_m = 5, .start_day = day0(), .due_day = day0() + 42, .cadence_days = 7};
}

static sp_goal math(void)
{
    return (sp_goal){.has_baseline = true, .baseline = 52, .target = 65, .direction = SP_HIGHER_IS_BETTER,
                     .start_day = day0(), .due_day = day0() + 42, .cadence_days = 7};
}

static sp_goal behavior(void)
{
    return (sp_goal){.has_baseline = true, .baseline = 7, .target = 2, .direction = SP_LOWER_IS_BETTER,
                     .target_k = 1, .target_m = 1, .start_day = day0(), .due_day = day0() + 28, .cadence_days = 7};
}

/* Runs the rules for the last point of pts arriving after the others. */
static size_t earn(const sp_celebrate_ctx *c, const sp_point *pts, size_t n, sp_celebration out[SP_CELEBRATE_MAX])
{
    return sp_celebrate(c, pts, n - 1, pts, n, pts[n - 1], out);
}

static bool has_kind(const sp_celebration *c, size_t n, sp_celebration_kind k)
{
    for (size_t i = 0; i < n; i++)
        if (c[i].kind == k)
            return true;
    return false;
}

static void math_quiz_reaching_65_celebrates_the_met_goal_in_the_students_words(void **state)
{
    (void)state;
    sp_goal g = math();
    sp_celebrate_ctx c = {.goal = &g, .unit_label = "%", .student_text = "I will get 65% on my unit quizzes."};
    sp_point pts[] = {pt(7, 55), pt(14, 60), pt(21, 66)};
    sp_celebration out[SP_CELEBRATE_MAX];
    assert_int_equal(earn(&c, pts, 3, out), 1); /* met alone: one clear message */
    assert_int_equal(out[0].kind, SP_CELEBRATION_MET);
    assert_string_equal(out[0].message, "You did it! You met your goal: I will get 65% on my unit quizzes.");
    assert_string_equal(sp_celebration_kind_name(out[0].kind), "milestone-met");
}

static void a_met_goal_is_celebrated_once_even_when_it_dips_and_comes_back(void **state)
{
    (void)state;
    sp_goal g = math();
    sp_celebrate_ctx c = {.goal = &g, .unit_label = "%", .student_text = "I will get 65% on my unit quizzes.",
                          .met_before = true};
    sp_point pts[] = {pt(7, 66), pt(14, 60), pt(21, 67)}; /* met, dipped, met again */
    sp_celebration out[SP_CELEBRATE_MAX];
    size_t n = earn(&c, pts, 3, out);
    assert_false(has_kind(out, n, SP_CELEBRATION_MET));
}

static void the_fsa_id_step_is_a_step_reached_not_a_goal_met(void **state)
{
    (void)state;
    sp_goal g = {.has_baseline = true, .baseline = 0, .target = 1, .start_day = day0(), .due_day = day0() + 21};
    sp_celebrate_ctx c = {.goal = &g, .unit_label = "steps done", .student_text = "I will make my FSA ID.",
                          .is_step = true};
    sp_point pts[] = {pt(10, 1)};
    sp_celebration out[SP_CELEBRATE_MAX];
    assert_int_equal(earn(&c, pts, 1, out), 1);
    assert_int_equal(out[0].kind, SP_CELEBRATION_STEP);
    assert_string_equal(sp_celebration_kind_name(out[0].kind), "step-reached");
    assert_string_equal(out[0].message, "You did it! You finished a step: I will make my FSA ID.");
    c.met_before = true; /* the step was already celebrated */
    size_t n = earn(&c, pts, 1, out);
    assert_false(has_kind(out, n, SP_CELEBRATION_STEP));
}

static void ela_rubric_up_from_1_5_to_2_is_a_clear_gain_but_2_1_after_it_is_not(void **state)
{
    (void)state;
    sp_goal g = ela();
    sp_celebrate_ctx c = {.goal = &g, .unit_label = "rubric points"};
    sp_celebration out[SP_CELEBRATE_MAX];
    /* a clear gain is a fifth of the way from 1.5 to 3: 0.3 rubric points */
    sp_point up[] = {pt(3, 2)};
    size_t n = earn(&c, up, 1, out);
    assert_true(has_kind(out, n, SP_CELEBRATION_IMPROVEMENT));
    assert_string_equal(out[0].message, "You improved from 1.5 to 2 rubric points!");
    sp_point noise[] = {pt(3, 2), pt(10, 2.1)};
    n = earn(&c, noise, 2, out);
    assert_false(has_kind(out, n, SP_CELEBRATION_IMPROVEMENT));
    sp_point small_from_start[] = {pt(3, 1.7)};
    n = earn(&c, small_from_start, 1, out);
    assert_false(has_kind(out, n, SP_CELEBRATION_IMPROVEMENT));
}

static void off_task_prompts_down_from_7_to_4_celebrates_bringing_it_down(void **state)
{
    (void)state;
    sp_goal g = behavior();
    sp_celebrate_ctx c = {.goal = &g, .unit_label = "prompts a day"};
    sp_point pts[] = {pt(2, 4)};
    sp_celebration out[SP_CELEBRATE_MAX];
    size_t n = earn(&c, pts, 1, out);
    assert_true(has_kind(out, n, SP_CELEBRATION_IMPROVEMENT));
    assert_string_equal(out[0].message, "You brought it down from 7 to 4 prompts a day!");
}

static void a_back_dated_point_does_not_celebrate_the_past_as_news(void **state)
{
    (void)state;
    sp_goal g = ela();
    sp_celebrate_ctx c = {.goal = &g, .unit_label = "rubric points"};
    sp_point before[] = {pt(10, 1.5)};
    sp_point after[] = {pt(3, 2.5), pt(10, 1.5)};
    sp_celebration out[SP_CELEBRATE_MAX];
    assert_int_equal(sp_celebrate(&c, before, 1, after, 2, pt(3, 2.5), out), 0);
}

static void three_checks_in_a_row_on_the_aim_line_make_a_streak_and_two_do_not(void **state)
{
    (void)state;
    sp_goal g = ela(); /* aim: 1.75 on day 7, 2 on day 14, 2.25 on day 21 */
    sp_celebrate_ctx c = {.goal = &g, .unit_label = "rubric points"};
    sp_celebration out[SP_CELEBRATE_MAX];
    sp_point two[] = {pt(7, 2), pt(14, 2)};
    size_t n = earn(&c, two, 2, out);
    assert_false(has_kind(out, n, SP_CELEBRATION_STREAK));
    sp_point three[] = {pt(7, 2), pt(14, 2), pt(21, 2.5)};
    n = earn(&c, three, 3, out);
    assert_true(has_kind(out, n, SP_CELEBRATION_STREAK));
    for (size_t i = 0; i < n; i++)
        if (out[i].kind == SP_CELEBRATION_STREAK)
            assert_string_equal(out[i].message, "3 checks in a row on track \xE2\x80\x94 keep it up!");
    /* one below the aim line breaks the run: the fourth point does not make a new streak of 3 */
    sp_point broken[] = {pt(7, 2), pt(14, 1.5), pt(21, 2.5), pt(28, 2.5)};
    n = earn(&c, broken, 4, out);
    assert_false(has_kind(out, n, SP_CELEBRATION_STREAK));
}

static void four_weeks_at_the_behavior_goal_suggest_a_bigger_goal_once_per_milestone(void **state)
{
    (void)state;
    sp_goal g = behavior();
    sp_celebrate_ctx c = {.goal = &g, .unit_label = "prompts a day", .met_before = true};
    sp_point pts[] = {pt(3, 2), pt(6, 1), pt(9, 1), pt(12, 0)};
    sp_celebration out[SP_CELEBRATE_MAX];
    size_t n = earn(&c, pts, 4, out);
    assert_true(has_kind(out, n, SP_CELEBRATION_RAISE_GOAL));
    for (size_t i = 0; i < n; i++)
        if (out[i].kind == SP_CELEBRATION_RAISE_GOAL)
            assert_string_equal(out[i].message,
                                "You're ready for a bigger goal \xE2\x80\x94 talk with your teacher!");
    c.raise_before = true;
    n = earn(&c, pts, 4, out);
    assert_false(has_kind(out, n, SP_CELEBRATION_RAISE_GOAL));
}

static void kinds_read_back_from_their_stored_names(void **state)
{
    (void)state;
    const char *names[] = {"milestone-met", "step-reached", "improvement", "streak", "raise-goal", "shout-out"};
    for (size_t i = 0; i < 6; i++) {
        sp_celebration_kind k;
        assert_true(sp_celebration_kind_parse(names[i], &k));
        assert_string_equal(sp_celebration_kind_name(k), names[i]);
    }
    sp_celebration_kind k;
    assert_false(sp_celebration_kind_parse("party", &k));
    assert_false(sp_celebration_kind_parse(NULL, &k));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(math_quiz_reaching_65_celebrates_the_met_goal_in_the_students_words),
        cmocka_unit_test(a_met_goal_is_celebrated_once_even_when_it_dips_and_comes_back),
        cmocka_unit_test(the_fsa_id_step_is_a_step_reached_not_a_goal_met),
        cmocka_unit_test(ela_rubric_up_from_1_5_to_2_is_a_clear_gain_but_2_1_after_it_is_not),
        cmocka_unit_test(off_task_prompts_down_from_7_to_4_celebrates_bringing_it_down),
        cmocka_unit_test(a_back_dated_point_does_not_celebrate_the_past_as_news),
        cmocka_unit_test(three_checks_in_a_row_on_the_aim_line_make_a_streak_and_two_do_not),
        cmocka_unit_test(four_weeks_at_the_behavior_goal_suggest_a_bigger_goal_once_per_milestone),
        cmocka_unit_test(kinds_read_back_from_their_stored_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
