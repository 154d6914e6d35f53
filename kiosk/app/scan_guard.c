/* scan_guard.c — counting refused scans in a sliding one-minute window and the cool-down they
 * trigger. The window keeps only the last SP_GUARD_LIMIT times: the limit is reached exactly
 * when the oldest of them is less than a minute old. */
#include "scan_guard.h"

#include <string.h>

void sp_scan_guard_init(sp_scan_guard *g) { memset(g, 0, sizeof *g); }

bool sp_scan_guard_blocked(const sp_scan_guard *g, uint64_t now_ms)
{
    return g->cooldown_until != 0 && now_ms < g->cooldown_until;
}

bool sp_scan_guard_refused(sp_scan_guard *g, uint64_t now_ms)
{
    if (sp_scan_guard_blocked(g, now_ms))
        return false;
    if (g->cooldown_until != 0) { /* a cool-down has ended: start counting afresh */
        g->cooldown_until = 0;
        g->count = 0;
    }
    if (g->count == SP_GUARD_LIMIT) {
        memmove(g->refused_at, g->refused_at + 1, (SP_GUARD_LIMIT - 1) * sizeof g->refused_at[0]);
        g->count--;
    }
    g->refused_at[g->count++] = now_ms;
    if (g->count == SP_GUARD_LIMIT && now_ms - g->refused_at[0] < SP_GUARD_WINDOW_MS) {
        g->cooldown_until = now_ms + SP_GUARD_COOLDOWN_MS;
        if (g->cooldown_until == 0) /* a clock at the very end of its range */
            g->cooldown_until = 1;
        return true;
    }
    return false;
}

uint64_t sp_scan_guard_remaining_ms(const sp_scan_guard *g, uint64_t now_ms)
{
    return sp_scan_guard_blocked(g, now_ms) ? g->cooldown_until - now_ms : 0;
}

int sp_scan_guard_remaining_s(const sp_scan_guard *g, uint64_t now_ms)
{
    uint64_t ms = sp_scan_guard_remaining_ms(g, now_ms);
    return (int)((ms + 999) / 1000);
}
