/* session.h — the kiosk's audit trail (kiosk_sessions, scan_events) and the teacher's
 * "Who signed in today" list.
 *
 * Writes must never block the screen: the kiosk's connection has a busy timeout of a few
 * milliseconds, so while signpost-admin holds a write lock an insert fails with SQLITE_BUSY.
 * Each sign-in is therefore an entry in a small queue that remembers what still has to be
 * written (the row, then its end); kiosk_log_flush() writes what it can and keeps the rest for
 * the next tick. Timestamps come from the caller's clock (Unix ms), never from the system. */
#ifndef KIOSK_SESSION_H
#define KIOSK_SESSION_H

#include "badge.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KIOSK_LOG_QUEUE 32
#define KIOSK_WHO_MAX 200

typedef struct {
    long long key;          /* caller's handle for this sign-in */
    long long row_id;       /* kiosk_sessions.id once inserted; 0 before */
    long long student_id;   /* exactly one of student_id, staff_id is set */
    long long staff_id;
    char started_at[24];
    char ended_at[24];      /* "" while the session is open */
    char end_reason[16];
    bool conference;        /* the student showed their family ("Show my family") */
} kiosk_log_entry;

typedef struct {
    char kiosk_name[101];
    kiosk_log_entry q[KIOSK_LOG_QUEUE]; /* sign-ins not yet fully written, oldest first */
    size_t n;
    long long next_key;
} kiosk_log;

typedef struct {
    char time[8];    /* local HH:MM */
    char name[64];   /* preferred (or given) name, cut to fit */
} kiosk_who;

void kiosk_log_init(kiosk_log *log, const char *kiosk_name);
/* Queues a sign-in and tries to write it; returns its key. */
long long kiosk_log_start(kiosk_log *log, sqlite3 *db, long long student_id, long long staff_id, uint64_t now_ms);
/* Records the end ("done", "timeout", "switched", "teacher-exit", "closed") and tries to write it. */
void kiosk_log_end(kiosk_log *log, sqlite3 *db, long long key, const char *reason, uint64_t now_ms);
/* Marks the sign-in as a student-led conference; written with its end. */
void kiosk_log_conference(kiosk_log *log, long long key);
/* Writes what it can. Returns true when nothing is left to write. */
bool kiosk_log_flush(kiosk_log *log, sqlite3 *db);
/* True when entries are waiting for the database (open sessions already written do not count). */
bool kiosk_log_waiting(const kiosk_log *log);

/* Records a refused scan in scan_events through sp_scan_log (badge.h: never the payload) at the
 * caller's time. Best effort: a locked database skips the entry. */
void kiosk_log_scan(const kiosk_log *log, sqlite3 *db, sp_scan_outcome outcome, uint64_t now_ms);

/* Students who signed in at this kiosk between from_ms and to_ms (newest first). */
int kiosk_who_today(const kiosk_log *log, sqlite3 *db, uint64_t from_ms, uint64_t to_ms, int tz_offset_min,
                    kiosk_who *out, size_t max, size_t *n);

/* "YYYY-MM-DDTHH:MM:SSZ" for a Unix time in ms. */
void kiosk_iso_from_ms(uint64_t ms, char out[24]);

#endif
