/* class_patterns.c — the class report's rules (see class_patterns.h). */
#include "class_patterns.h"

#include <string.h>

sp_pattern_kind sp_pattern_of(const char *status, const sp_progress *p)
{
    if ((status && strcmp(status, "met") == 0) || p->met)
        return SP_PAT_MET;
    if (p->baselining)
        return SP_PAT_BASELINING;
    switch (p->light) {
    case SP_LIGHT_RED:
        return SP_PAT_RED;
    case SP_LIGHT_GREEN:
        return SP_PAT_GREEN;
    default:
        return SP_PAT_YELLOW;
    }
}

const char *sp_pattern_name(sp_pattern_kind k)
{
    static const char *const NAMES[SP_PAT_COUNT] = {"red", "yellow", "green", "met", "baselining"};
    return k >= 0 && k < SP_PAT_COUNT ? NAMES[k] : "";
}

bool sp_teaching_signal(int milestones, int red_or_yellow, int students_red_or_yellow)
{
    return milestones > 0 && students_red_or_yellow >= SP_SIGNAL_MIN_STUDENTS && red_or_yellow * 2 >= milestones;
}

const char *sp_teaching_signal_rule(void)
{
    return "at least 3 students, and at least half of the milestones red or yellow";
}
