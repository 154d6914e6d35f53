/* celebrate.c — which celebrations a new data point earns (see celebrate.h).
 *
 * A clear gain for an improvement: a fifth of the way from the baseline to the target (or,
 * without a baseline, a fifth of the way from the first point to the target), so that noise of a
 * tenth of a point on a 4-point rubric does not flood a student's screen with praise. The point
 * must also be the newest one: a back-dated entry does not celebrate the past as news. */
#include "celebrate.h"
#include "i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MET_TEXT_BYTES 300

const char *sp_celebration_kind_name(sp_celebration_kind k)
{
    switch (k) {
    case SP_CELEBRATION_MET:
        return "milestone-met";
    case SP_CELEBRATION_STEP:
        return "step-reached";
    case SP_CELEBRATION_IMPROVEMENT:
        return "improvement";
    case SP_CELEBRATION_STREAK:
        return "streak";
    case SP_CELEBRATION_RAISE_GOAL:
        return "raise-goal";
    case SP_CELEBRATION_SHOUT_OUT:
        break;
    }
    return "shout-out";
}

bool sp_celebration_kind_parse(const char *name, sp_celebration_kind *out)
{
    static const sp_celebration_kind ALL[] = {SP_CELEBRATION_MET,    SP_CELEBRATION_STEP,      SP_CELEBRATION_IMPROVEMENT,
                                              SP_CELEBRATION_STREAK, SP_CELEBRATION_SHOUT_OUT, SP_CELEBRATION_RAISE_GOAL};
    for (size_t i = 0; name && i < sizeof ALL / sizeof ALL[0]; i++)
        if (strcmp(name, sp_celebration_kind_name(ALL[i])) == 0) {
            *out = ALL[i];
            return true;
        }
    return false;
}

void sp_format_value(double v, char out[32])
{
    if (fabs(v) < 5e-5)
        v = 0; /* no "-0" */
    snprintf(out, 32, "%.4f", v);
    char *dot = strchr(out, '.');
    if (!dot)
        return;
    char *end = out + strlen(out);
    while (end > dot + 1 && end[-1] == '0')
        *--end = 0;
    if (end == dot + 1)
        *dot = 0;
}

static bool better(sp_direction dir, double a, double b) { return dir == SP_LOWER_IS_BETTER ? a < b : a > b; }

/* True when `added` is not older than any point that was there before it. */
static bool is_newest(const sp_point *before, size_t nbefore, sp_point added)
{
    for (size_t i = 0; i < nbefore; i++)
        if (before[i].day > added.day)
            return false;
    return true;
}

/* "3 rubric points", "65%", "4" */
static void with_unit(double v, const char *unit, char *out, size_t outlen)
{
    char num[32];
    sp_format_value(v, num);
    if (!unit || !*unit)
        snprintf(out, outlen, "%s", num);
    else if (strcmp(unit, "%") == 0)
        snprintf(out, outlen, "%s%%", num);
    else
        snprintf(out, outlen, "%s %s", num, unit);
}

static bool improvement(const sp_celebrate_ctx *c, const sp_point *before, size_t nbefore, sp_point added,
                        sp_celebration *out)
{
    const sp_goal *g = c->goal;
    double from, best;
    if (g->has_baseline) {
        from = best = g->baseline;
    } else if (nbefore > 0) {
        from = best = before[0].value;
    } else {
        return false;
    }
    for (size_t i = 0; i < nbefore; i++)
        if (better(g->direction, before[i].value, best))
            best = before[i].value;
    double step = fabs(g->target - from) * SP_CELEBRATE_STEP;
    if (step <= 0)
        step = 1e-9;
    double gain = g->direction == SP_LOWER_IS_BETTER ? best - added.value : added.value - best;
    if (gain + 1e-9 < step)
        return false;
    char a[32], b[96];
    sp_format_value(from, a);
    with_unit(added.value, c->unit_label, b, sizeof b);
    out->kind = SP_CELEBRATION_IMPROVEMENT;
    if (g->direction == SP_LOWER_IS_BETTER)
        snprintf(out->message, sizeof out->message, _("You brought it down from %s to %s!"), a, b);
    else
        snprintf(out->message, sizeof out->message, _("You improved from %s to %s!"), a, b);
    return true;
}

static bool streak(const sp_celebrate_ctx *c, const sp_point *after, size_t nafter, sp_point added,
                   sp_celebration *out)
{
    const sp_goal *g = c->goal;
    if (!g->has_baseline || nafter == 0 || after[nafter - 1].day != added.day ||
        after[nafter - 1].value != added.value)
        return false;
    size_t run = 0;
    for (size_t i = nafter; i > 0 && sp_meets_aim(g, g->baseline, after[i - 1]); i--)
        run++;
    if (run < SP_CELEBRATE_STREAK || run % SP_CELEBRATE_STREAK != 0)
        return false;
    out->kind = SP_CELEBRATION_STREAK;
    snprintf(out->message, sizeof out->message,
             sp_ngettext("%zu check in a row on track \xE2\x80\x94 keep it up!",
                         "%zu checks in a row on track \xE2\x80\x94 keep it up!", run),
             run);
    return true;
}

/* Copies at most max bytes of s, cut at a character boundary, with "…" when cut. */
static void shorten(const char *s, size_t max, char *out, size_t outlen)
{
    size_t n = strlen(s);
    if (n <= max && n < outlen) {
        memcpy(out, s, n + 1);
        return;
    }
    if (max + 4 > outlen)
        max = outlen - 4;
    n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    memcpy(out, s, n);
    memcpy(out + n, "\xE2\x80\xA6", 4);
}

/* The raise-the-goal rule of SPEC section 3, judged on the day of the newest point. */
static bool raise_goal(const sp_celebrate_ctx *c, const sp_point *after, size_t nafter, sp_celebration *out)
{
    if (c->raise_before || nafter == 0 || !c->goal->has_baseline)
        return false;
    sp_progress p = sp_progress_evaluate(c->goal, after, nafter, after[nafter - 1].day);
    if (!p.raise_goal)
        return false;
    out->kind = SP_CELEBRATION_RAISE_GOAL;
    snprintf(out->message, sizeof out->message, "%s",
             _("You're ready for a bigger goal \xE2\x80\x94 talk with your teacher!"));
    return true;
}

size_t sp_celebrate(const sp_celebrate_ctx *c, const sp_point *before, size_t nbefore, const sp_point *after,
                    size_t nafter, sp_point added, sp_celebration out[SP_CELEBRATE_MAX])
{
    const sp_goal *g = c->goal;
    size_t n = 0;
    if (!c->met_before && !sp_target_rule_holds(g, before, nbefore) && sp_target_rule_holds(g, after, nafter)) {
        out[n].kind = c->is_step ? SP_CELEBRATION_STEP : SP_CELEBRATION_MET;
        if (c->student_text && *c->student_text) {
            char text[MET_TEXT_BYTES + 4];
            shorten(c->student_text, MET_TEXT_BYTES, text, sizeof text);
            snprintf(out[n].message, sizeof out[n].message,
                     c->is_step ? _("You did it! You finished a step: %s") : _("You did it! You met your goal: %s"),
                     text);
        } else {
            snprintf(out[n].message, sizeof out[n].message, "%s",
                     c->is_step ? _("You did it! You finished a step!") : _("You did it! You met your goal!"));
        }
        return 1;
    }
    if (!is_newest(before, nbefore, added))
        return 0;
    if (improvement(c, before, nbefore, added, &out[n]))
        n++;
    if (streak(c, after, nafter, added, &out[n]))
        n++;
    if (raise_goal(c, after, nafter, &out[n]))
        n++;
    return n;
}
