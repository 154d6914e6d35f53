/* progress.c — the progress rules of SPEC section 3 (see progress.h).
 *
 * Everything here is a pure function of a goal, its points (ascending by day) and "today".
 *
 * The aim line runs straight from (start, baseline) to (due, target) and is flat outside that
 * window. When the goal has no baseline, the median of the first 3 points (or of all points in
 * the first 14 days after the first one, when there are more than 3 there) becomes the baseline
 * and the aim line starts from it at the start date.
 *
 * sp_progress_evaluate() decides the traffic light with this precedence, first match wins:
 *   1. met        the k-of-m target rule holds           light NONE,   reason MET
 *   2. baselining no baseline and none can be set yet    light NONE,   reason BASELINING
 *   (no points yet, but a baseline                       light YELLOW, reason NO_DATA)
 *   3. stale      no data for 2 review periods           light YELLOW, reason STALE
 *                 (2 * cadence days; cadence 0 means 7) — even when the last point was good,
 *                 because an old good point says nothing about today
 *   4. red        the last 4 points in a row missed aim  light RED,    reason FOUR_BELOW_AIM
 *                 (the four-point rule wins over a hopeful trend: four misses call for a change)
 *   5. green      the latest point meets aim             light GREEN,  reason LATEST_MEETS_AIM
 *                 or the least-squares trend of the last (up to) 6 points, at least 3 of them,
 *                 evaluated today is on the good side of aim today   reason TREND_MEETS_AIM
 *   6. yellow     anything else                          light YELLOW, reason BELOW_AIM
 * A trend needs 3 points: two points draw a line through any noise.
 *
 * A new phase (a revision of target, timeframe or method) moves the aim line's start to the
 * phase's first day and level; from then on only the phase's own checks are judged, so the light
 * speaks about the current plan. Current value and stale data still look at every check.
 *
 * Raise-the-goal is reported beside the light: the last 4 points are all strictly better than
 * aim and at or better than the target, and the due date has not come yet. */
#include "progress.h"

#include "i18n.h"

#include <math.h>

#define TREND_POINTS 6
#define MISSES_FOR_RED 4
#define POINTS_TO_RAISE 4
#define BASELINE_POINTS 3
#define BASELINE_WINDOW_DAYS 14

/* Values come from people and from a straight line through two of them; a tolerance keeps a
 * point that sits exactly on the line (3.0 against 2.9999999999) on the good side. */
static double tolerance(double line) { return 1e-9 * (fabs(line) > 1.0 ? fabs(line) : 1.0); }

static int cadence_of(const sp_goal *g) { return g->cadence_days > 0 ? g->cadence_days : 7; }

double sp_aim_at(const sp_goal *g, double baseline, int day)
{
    int start = g->has_phase ? g->phase_day : g->start_day;
    double from = g->has_phase ? g->phase_value : baseline;
    if (g->due_day <= start || day >= g->due_day)
        return day < start ? from : g->target;
    if (day <= start)
        return from;
    double f = (double)(day - start) / (double)(g->due_day - start);
    return from + (g->target - from) * f;
}

bool sp_meets_value(sp_direction dir, double value, double line)
{
    if (dir == SP_LOWER_IS_BETTER)
        return value <= line + tolerance(line);
    return value >= line - tolerance(line);
}

/* Strictly on the good side (raise-the-goal wants points "above" aim, not on it). */
static bool beats_value(sp_direction dir, double value, double line)
{
    if (dir == SP_LOWER_IS_BETTER)
        return value < line - tolerance(line);
    return value > line + tolerance(line);
}

bool sp_meets_aim(const sp_goal *g, double baseline, sp_point p)
{
    return sp_meets_value(g->direction, p.value, sp_aim_at(g, baseline, p.day));
}

bool sp_meets_target(const sp_goal *g, double value) { return sp_meets_value(g->direction, value, g->target); }

bool sp_target_rule_holds(const sp_goal *g, const sp_point *pts, size_t n)
{
    int k = g->target_k > 1 ? g->target_k : 1;
    int m = g->target_m > k ? g->target_m : k;
    if (n == 0)
        return false;
    size_t from = n > (size_t)m ? n - (size_t)m : 0;
    int hits = 0;
    for (size_t i = from; i < n; i++)
        if (sp_meets_target(g, pts[i].value))
            hits++;
    return hits >= k;
}

/* Median of a few values (insertion sort on a copy; callers pass small windows). */
static double median(const sp_point *pts, size_t n)
{
    double v[64];
    if (n > sizeof v / sizeof v[0])
        n = sizeof v / sizeof v[0];
    for (size_t i = 0; i < n; i++) {
        double x = pts[i].value;
        size_t j = i;
        for (; j > 0 && v[j - 1] > x; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

bool sp_baseline_from_data(const sp_point *pts, size_t n, int today, double *out)
{
    if (n == 0)
        return false;
    int window_end = pts[0].day + BASELINE_WINDOW_DAYS; /* first day after the first two weeks */
    size_t in_window = 0;
    while (in_window < n && pts[in_window].day < window_end)
        in_window++;
    if (in_window > BASELINE_POINTS) {
        *out = median(pts, in_window);
        return true;
    }
    if (n >= BASELINE_POINTS) {
        *out = median(pts, BASELINE_POINTS);
        return true;
    }
    if (today >= window_end) {
        *out = median(pts, n);
        return true;
    }
    return false;
}

bool sp_trend(const sp_point *pts, size_t n, double *a, double *b)
{
    if (n < 2)
        return false;
    /* Centred sums: day numbers are large, their spread is small. */
    double mx = 0, my = 0;
    for (size_t i = 0; i < n; i++) {
        mx += pts[i].day;
        my += pts[i].value;
    }
    mx /= (double)n;
    my /= (double)n;
    double sxx = 0, sxy = 0;
    for (size_t i = 0; i < n; i++) {
        double dx = pts[i].day - mx;
        sxx += dx * dx;
        sxy += dx * (pts[i].value - my);
    }
    if (sxx <= 0)
        return false;
    *b = sxy / sxx;
    *a = my - *b * mx;
    return true;
}

bool sp_due_for_review(const sp_goal *g, int last_review_day, int today)
{
    int from = last_review_day >= 0 ? last_review_day : g->start_day;
    return today - from >= cadence_of(g);
}

bool sp_phase_start_value(const sp_point *pts, size_t n, int day, bool has_baseline, double baseline, double *out)
{
    while (n > 0 && pts[n - 1].day > day)
        n--;
    if (n == 0) {
        *out = baseline;
        return has_baseline;
    }
    size_t k = n < BASELINE_POINTS ? n : BASELINE_POINTS;
    *out = median(pts + (n - k), k);
    return true;
}

sp_progress sp_progress_evaluate(const sp_goal *g, const sp_point *all, size_t nall, int today)
{
    sp_progress p = {0};
    p.days_since_data = -1;
    p.baseline_day = g->has_phase ? g->phase_day : g->start_day;
    p.aim_today = g->target;
    /* in a phase, only its own checks are judged */
    while (g->has_phase && p.phase_from < nall && all[p.phase_from].day < g->phase_day)
        p.phase_from++;
    const sp_point *pts = all + p.phase_from;
    size_t n = nall - p.phase_from;

    if (g->has_baseline) {
        p.has_baseline = true;
        p.baseline = g->baseline;
    } else if (sp_baseline_from_data(all, nall, today, &p.baseline)) {
        p.has_baseline = true;
    } else {
        p.baselining = true;
    }

    p.aim_start = g->has_phase ? g->phase_value : p.baseline;
    if (nall > 0) {
        p.has_current = true;
        p.current = all[nall - 1].value;
        p.days_since_data = today - all[nall - 1].day;
        if (p.days_since_data < 0)
            p.days_since_data = 0;
    }
    p.met = sp_target_rule_holds(g, pts, n);

    if (p.has_baseline) {
        p.aim_today = sp_aim_at(g, p.baseline, today);
        for (size_t i = n; i > 0 && !sp_meets_aim(g, p.baseline, pts[i - 1]); i--)
            p.misses_in_a_row++;
        if (n >= POINTS_TO_RAISE && today < g->due_day) {
            bool raise = true;
            for (size_t i = n - POINTS_TO_RAISE; i < n && raise; i++)
                raise = beats_value(g->direction, pts[i].value, sp_aim_at(g, p.baseline, pts[i].day)) &&
                        sp_meets_target(g, pts[i].value);
            p.raise_goal = raise;
        }
    }

    if (p.met) {
        p.light = SP_LIGHT_NONE;
        p.reason = SP_REASON_MET;
    } else if (p.baselining) {
        p.light = SP_LIGHT_NONE;
        p.reason = SP_REASON_BASELINING;
    } else if (n == 0) {
        p.light = SP_LIGHT_YELLOW;
        p.reason = SP_REASON_NO_DATA;
    } else if (p.days_since_data >= 2 * cadence_of(g)) {
        p.light = SP_LIGHT_YELLOW;
        p.reason = SP_REASON_STALE;
    } else if (p.misses_in_a_row >= MISSES_FOR_RED) {
        p.light = SP_LIGHT_RED;
        p.reason = SP_REASON_FOUR_BELOW_AIM;
    } else if (p.misses_in_a_row == 0) {
        p.light = SP_LIGHT_GREEN;
        p.reason = SP_REASON_LATEST_MEETS_AIM;
    } else {
        size_t k = n < TREND_POINTS ? n : TREND_POINTS;
        double a, b;
        if (k >= 3 && sp_trend(pts + (n - k), k, &a, &b) &&
            sp_meets_value(g->direction, a + b * today, p.aim_today)) {
            p.light = SP_LIGHT_GREEN;
            p.reason = SP_REASON_TREND_MEETS_AIM;
        } else {
            p.light = SP_LIGHT_YELLOW;
            p.reason = SP_REASON_BELOW_AIM;
        }
    }
    return p;
}

const char *sp_light_name(sp_light l)
{
    switch (l) {
    case SP_LIGHT_GREEN:
        return "green";
    case SP_LIGHT_YELLOW:
        return "yellow";
    case SP_LIGHT_RED:
        return "red";
    case SP_LIGHT_NONE:
        break;
    }
    return "none";
}

const char *sp_light_student_words(sp_light l)
{
    switch (l) {
    case SP_LIGHT_GREEN:
        return _("On track");
    case SP_LIGHT_YELLOW:
        return _("Keep going \xE2\x80\x94 let's watch this");
    case SP_LIGHT_RED:
        return _("Let's change the plan together");
    case SP_LIGHT_NONE:
        break;
    }
    return "";
}

const char *sp_reason_words(sp_reason r)
{
    switch (r) {
    case SP_REASON_LATEST_MEETS_AIM:
        return "the latest check met the aim line";
    case SP_REASON_TREND_MEETS_AIM:
        return "the trend of the recent checks is on track to meet the aim line";
    case SP_REASON_FOUR_BELOW_AIM:
        return "the last 4 checks were all below the aim line";
    case SP_REASON_BELOW_AIM:
        return "the latest check was below the aim line";
    case SP_REASON_STALE:
        return "no new data for 2 review periods";
    case SP_REASON_NO_DATA:
        return "no data yet";
    case SP_REASON_BASELINING:
        return "still finding the starting point";
    case SP_REASON_MET:
        return "the target was met";
    case SP_REASON_NONE:
        break;
    }
    return "";
}
