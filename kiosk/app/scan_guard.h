/* scan_guard.h — the kiosk's brake on guessing: five refused scans (unknown badge, or not a
 * badge at all) within one minute start a 30-second cool-down during which scans are not looked
 * up. Pure: the caller passes the time in (ms, any monotonic clock), so tests run in virtual
 * time. Revoked badges and good badges do not count and do not reset the count (an attacker
 * could otherwise mix their own badge in between guesses). */
#ifndef SP_SCAN_GUARD_H
#define SP_SCAN_GUARD_H

#include <stdbool.h>
#include <stdint.h>

#define SP_GUARD_LIMIT 5
#define SP_GUARD_WINDOW_MS 60000u
#define SP_GUARD_COOLDOWN_MS 30000u

typedef struct {
    uint64_t refused_at[SP_GUARD_LIMIT]; /* times of the most recent refused scans, oldest first */
    int count;                           /* how many of refused_at are in use */
    uint64_t cooldown_until;             /* 0, or when the current cool-down ends */
} sp_scan_guard;

void sp_scan_guard_init(sp_scan_guard *g);

/* True while a cool-down is running: the scan must be refused without a lookup. */
bool sp_scan_guard_blocked(const sp_scan_guard *g, uint64_t now_ms);

/* Records a refused scan at now_ms; returns true when it starts a cool-down. Scans refused
 * during a cool-down are not counted. */
bool sp_scan_guard_refused(sp_scan_guard *g, uint64_t now_ms);

/* Milliseconds left in the cool-down (0 when none), and whole seconds rounded up for the
 * countdown on screen. */
uint64_t sp_scan_guard_remaining_ms(const sp_scan_guard *g, uint64_t now_ms);
int sp_scan_guard_remaining_s(const sp_scan_guard *g, uint64_t now_ms);

#endif
