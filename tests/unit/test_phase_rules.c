/* test_phases.c — a revision starts a new phase (SPEC §9): when Maya's ELA goal (1.5 → 3 rubric
 * points in 6 weeks) is raised to 3.5 after four weeks, the new aim line starts on the revision
 * date at the level she reached, and only checks from then on are judged against it. */
#include "test_support.h"
#include "dates.h"
#include "progress.h"

#define EPS 1e-9

static int day0(void) { return sp_day_from_ymd(2026, 1, 12); }
static sp_point pt(int offset, double value) { return (sp_point){day0() + offset, value}; }

static sp_goal ela(void)
{
    return (sp_goal){.has_baseline = true, .baseline = 1.5, .target = 3, .direction = SP_HIGHER_IS_BETTER,
                     .target_k = 1, .target_m = 1, .start_day = day0(), .due_day = day0() + 42, .cadence_days = 7};
}

/* Weekly checks 2, 2.5, 2.5, 3 (met on day 28); the teacher raises the goal to 3.5 on day 29,
 * due two weeks later. */
static sp_goal raised(const sp_point *p, size_t n)
{
    sp_goal g = ela();
    double level;
    assert_true(sp_phase_start_value(p, n, day0() + 29, g.has_baseline, g.baseline, &level));
    g.has_phase = true;
    g.phase_day = day0() + 29;
    g.phase_value = level;
    g.target = 3.5;
    g.due_day = day0() + 43;
    return g;
}

static void the_new_phase_starts_from_the_median_of_the_last_three_checks(void **state)
{
    (void)state;
    sp_point p[] = {pt(7, 2), pt(14, 2.5), pt(21, 2.5), pt(28, 3)};
    double level;
    assert_true(sp_phase_start_value(p, 4, day0() + 29, true, 1.5, &level));
    assert_float_equal(level, 2.5, EPS); /* median of 2.5, 2.5, 3 */
    assert_true(sp_phase_start_value(p, 1, day0() + 29, true, 1.5, &level));
    assert_float_equal(level, 2, EPS);
    assert_true(sp_phase_start_value(NULL, 0, day0() + 29, true, 1.5, &level));
    assert_float_equal(level, 1.5, EPS); /* no checks yet: the baseline */
    assert_false(sp_phase_start_value(NULL, 0, day0() + 29, false, 0, &level));
    /* checks after the revision date do not count */
    assert_true(sp_phase_start_value(p, 4, day0() + 15, true, 1.5, &level));
    assert_float_equal(level, 2.25, EPS);
}

static void a_raised_goal_draws_its_aim_line_from_the_revision_date(void **state)
{
    (void)state;
    sp_point p[] = {pt(7, 2), pt(14, 2.5), pt(21, 2.5), pt(28, 3)};
    sp_goal g = raised(p, 4);
    assert_float_equal(sp_aim_at(&g, 1.5, day0() + 29), 2.5, EPS);     /* starts at the level reached */
    assert_float_equal(sp_aim_at(&g, 1.5, day0() + 36), 3.0, EPS);     /* half way to 3.5 */
    assert_float_equal(sp_aim_at(&g, 1.5, day0() + 43), 3.5, EPS);
    sp_progress pr = sp_progress_evaluate(&g, p, 4, day0() + 29);
    assert_int_equal(pr.baseline_day, day0() + 29);
    assert_float_equal(pr.aim_start, 2.5, EPS);
    assert_float_equal(pr.baseline, 1.5, EPS); /* where she started stays where she started */
    assert_false(pr.met);                      /* 3 met the old target, not the raised one */
    assert_int_equal(pr.phase_from, 4);        /* no check of the new phase yet */
    assert_int_equal(pr.light, SP_LIGHT_YELLOW);
    assert_int_equal(pr.reason, SP_REASON_NO_DATA);
    assert_true(pr.has_current);
    assert_float_equal(pr.current, 3, EPS);
}

static void only_checks_of_the_new_phase_are_judged(void **state)
{
    (void)state;
    /* three misses against the old line, then the raise: the old misses never make the new phase red */
    sp_point p[] = {pt(7, 1.5), pt(14, 1.5), pt(21, 1.5), pt(28, 3), pt(31, 2.9), pt(35, 3.2)};
    sp_goal g = raised(p, 4); /* level: median of 1.5, 1.5, 3 = 1.5 */
    assert_float_equal(g.phase_value, 1.5, EPS);
    sp_progress pr = sp_progress_evaluate(&g, p, 6, day0() + 35);
    assert_int_equal(pr.phase_from, 4);
    assert_int_equal(pr.misses_in_a_row, 0);
    assert_int_equal(pr.light, SP_LIGHT_GREEN);
    sp_point late[] = {pt(28, 3), pt(36, 3.5)};
    sp_goal g2 = raised(late, 1);
    assert_true(sp_progress_evaluate(&g2, late, 2, day0() + 36).met);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_new_phase_starts_from_the_median_of_the_last_three_checks),
        cmocka_unit_test(a_raised_goal_draws_its_aim_line_from_the_revision_date),
        cmocka_unit_test(only_checks_of_the_new_phase_are_judged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
