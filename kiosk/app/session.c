/* session.c — writing kiosk_sessions and scan_events without blocking (see session.h).
 *
 * Queue discipline: an entry is inserted as soon as the database lets us (with its end if that
 * is already known), then updated when the session ends; an entry that is fully written leaves
 * the queue. Only "busy" and "locked" are retried: any other error (the student was purged
 * meanwhile, the file is gone) drops the entry, since retrying cannot succeed. When the queue
 * is full the oldest entry is given up so a long lock cannot grow memory. */
#include "app/session.h"
#include "dates.h"

#include <stdio.h>
#include <string.h>

void kiosk_iso_from_ms(uint64_t ms, char out[24])
{
    long long secs = (long long)(ms / 1000);
    int day = (int)(secs / 86400), rem = (int)(secs % 86400);
    int y, m, d;
    sp_ymd_from_day(day, &y, &m, &d);
    snprintf(out, 24, "%04d-%02d-%02dT%02d:%02d:%02dZ", y % 10000, m, d, rem / 3600, rem / 60 % 60, rem % 60);
}

void kiosk_log_init(kiosk_log *log, const char *kiosk_name)
{
    memset(log, 0, sizeof *log);
    snprintf(log->kiosk_name, sizeof log->kiosk_name, "%s", kiosk_name ? kiosk_name : "");
    log->next_key = 1;
}

static kiosk_log_entry *find(kiosk_log *log, long long key)
{
    for (size_t i = 0; i < log->n; i++)
        if (log->q[i].key == key)
            return &log->q[i];
    return NULL;
}

static bool retryable(int rc)
{
    rc &= 0xff;
    return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
    if (s[0])
        sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static void bind_id_or_null(sqlite3_stmt *st, int i, long long id)
{
    if (id > 0)
        sqlite3_bind_int64(st, i, id);
    else
        sqlite3_bind_null(st, i);
}

/* Writes one entry. Returns SQLITE_OK when it is complete (may leave the queue), SQLITE_ROW
 * when inserted and still open, a retryable code, or another error (give up). */
static int write_entry(const kiosk_log *log, sqlite3 *db, kiosk_log_entry *e)
{
    sqlite3_stmt *st = NULL;
    int rc;
    if (e->row_id == 0) {
        rc = sqlite3_prepare_v2(db,
                                "INSERT INTO kiosk_sessions (kiosk_name, student_id, staff_id, started_at, ended_at,"
                                " end_reason, conference) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                -1, &st, NULL);
        if (rc != SQLITE_OK)
            goto done;
        sqlite3_bind_text(st, 1, log->kiosk_name, -1, SQLITE_STATIC);
        bind_id_or_null(st, 2, e->student_id);
        bind_id_or_null(st, 3, e->staff_id);
        sqlite3_bind_text(st, 4, e->started_at, -1, SQLITE_STATIC);
        bind_text_or_null(st, 5, e->ended_at);
        bind_text_or_null(st, 6, e->end_reason);
        sqlite3_bind_int(st, 7, e->conference);
        rc = sqlite3_step(st);
        if (rc != SQLITE_DONE)
            goto done;
        e->row_id = sqlite3_last_insert_rowid(db);
        rc = e->ended_at[0] ? SQLITE_OK : SQLITE_ROW;
    } else if (e->ended_at[0]) {
        rc = sqlite3_prepare_v2(db, "UPDATE kiosk_sessions SET ended_at = ?1, end_reason = ?2, conference = ?4 WHERE id = ?3", -1, &st,
                                NULL);
        if (rc != SQLITE_OK)
            goto done;
        sqlite3_bind_text(st, 1, e->ended_at, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, e->end_reason, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, e->row_id);
        sqlite3_bind_int(st, 4, e->conference);
        rc = sqlite3_step(st);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    } else {
        rc = SQLITE_ROW;
    }
done:
    sqlite3_finalize(st);
    return rc;
}

bool kiosk_log_flush(kiosk_log *log, sqlite3 *db)
{
    if (!db)
        return log->n == 0;
    size_t keep = 0;
    bool blocked = false;
    for (size_t i = 0; i < log->n; i++) {
        kiosk_log_entry *e = &log->q[i];
        int rc = blocked ? SQLITE_BUSY : write_entry(log, db, e);
        if (retryable(rc))
            blocked = true; /* keep the order: later entries wait for this one */
        if (rc == SQLITE_ROW || retryable(rc))
            log->q[keep++] = *e;
    }
    log->n = keep;
    return !kiosk_log_waiting(log);
}

bool kiosk_log_waiting(const kiosk_log *log)
{
    for (size_t i = 0; i < log->n; i++)
        if (log->q[i].row_id == 0 || log->q[i].ended_at[0])
            return true;
    return false;
}

long long kiosk_log_start(kiosk_log *log, sqlite3 *db, long long student_id, long long staff_id, uint64_t now_ms)
{
    if (log->n == KIOSK_LOG_QUEUE) {
        memmove(&log->q[0], &log->q[1], (log->n - 1) * sizeof log->q[0]);
        log->n--;
    }
    kiosk_log_entry *e = &log->q[log->n++];
    memset(e, 0, sizeof *e);
    e->key = log->next_key++;
    e->student_id = student_id;
    e->staff_id = staff_id;
    kiosk_iso_from_ms(now_ms, e->started_at);
    kiosk_log_flush(log, db);
    return e->key;
}

void kiosk_log_end(kiosk_log *log, sqlite3 *db, long long key, const char *reason, uint64_t now_ms)
{
    kiosk_log_entry *e = find(log, key);
    if (!e)
        return;
    kiosk_iso_from_ms(now_ms, e->ended_at);
    snprintf(e->end_reason, sizeof e->end_reason, "%s", reason);
    kiosk_log_flush(log, db);
}

void kiosk_log_conference(kiosk_log *log, long long key)
{
    kiosk_log_entry *e = find(log, key);
    if (e)
        e->conference = true;
}

void kiosk_log_scan(const kiosk_log *log, sqlite3 *db, sp_scan_outcome outcome, uint64_t now_ms)
{
    char at[24];
    kiosk_iso_from_ms(now_ms, at);
    if (db)
        sp_scan_log(db, log->kiosk_name, outcome, at);
}

/* Copies at most max-1 bytes of s without splitting a UTF-8 sequence. */
static void copy_utf8(char *dst, size_t max, const char *s)
{
    size_t n = strlen(s);
    if (n >= max) {
        n = max - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, s, n);
    dst[n] = 0;
}

int kiosk_who_today(const kiosk_log *log, sqlite3 *db, uint64_t from_ms, uint64_t to_ms, int tz_offset_min,
                    kiosk_who *out, size_t max, size_t *n)
{
    sqlite3_stmt *st = NULL;
    char from[24], to[24];
    *n = 0;
    if (!db)
        return SQLITE_CANTOPEN;
    kiosk_iso_from_ms(from_ms, from);
    kiosk_iso_from_ms(to_ms, to);
    int rc = sqlite3_prepare_v2(db,
                                "SELECT k.started_at, coalesce(nullif(s.preferred_name, ''), s.given_name)"
                                " FROM kiosk_sessions k JOIN students s ON s.id = k.student_id"
                                " WHERE k.kiosk_name = ?1 AND k.started_at >= ?2 AND k.started_at < ?3"
                                " ORDER BY k.started_at DESC, k.id DESC LIMIT ?4",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        goto done;
    sqlite3_bind_text(st, 1, log->kiosk_name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, (long long)max);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
        const char *at = (const char *)sqlite3_column_text(st, 0);
        const char *name = (const char *)sqlite3_column_text(st, 1);
        int hh = 0, mm = 0;
        if (at && strlen(at) >= 16 && sscanf(at + 11, "%2d:%2d", &hh, &mm) == 2) {
            int minutes = ((hh * 60 + mm + tz_offset_min) % 1440 + 1440) % 1440;
            snprintf(out[*n].time, sizeof out[*n].time, "%02d:%02d", minutes / 60, minutes % 60);
        } else {
            snprintf(out[*n].time, sizeof out[*n].time, "--:--");
        }
        copy_utf8(out[*n].name, sizeof out[*n].name, name ? name : "");
        (*n)++;
    }
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        rc = SQLITE_OK;
done:
    sqlite3_finalize(st);
    return rc;
}
