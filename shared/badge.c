/* badge.c — badge tokens, the QR payload "SP1:<token><check>", and badge lookups.
 *
 * A token is 130 bits from libsodium's randombytes_buf written as 26 base-32 characters. The
 * payload parser is strict and total: it reads any bytes, never more than it was given, and
 * either returns the token or names the first thing that is wrong (prefix, version, length,
 * character, check symbol), so the kiosk can tell a garbled scan from an unknown badge without
 * touching the database. The check symbol is ISO 7064 MOD 37-2: the weights are powers of two
 * modulo the prime 37, all different over 27 positions, so one wrong character or two swapped
 * characters always fail the check. Lookups and issuing use prepared statements only.
 *
 * The database holds no token as printed: lookups compare keyed hashes and issuing stores a hash
 * and a sealed copy, through the SQL functions of badge_key.h that sp_db_open() registers. */
#include "badge.h"
#include "db.h"

#include <sodium.h>
#include <string.h>

static const char TOKEN_ALPHABET[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
static const char CHECK_ALPHABET[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ*ILOU";
#define PREFIX "SP1:"
#define PREFIX_LEN 4

/* Value of c in alphabet (n symbols), or -1. */
static int symbol_value(const char *alphabet, int n, char c)
{
    for (int i = 0; i < n; i++)
        if (alphabet[i] == c)
            return i;
    return -1;
}

static int token_value(char c) { return symbol_value(TOKEN_ALPHABET, 32, c); }
static int check_value(char c) { return symbol_value(CHECK_ALPHABET, 37, c); }

static char upper(char c) { return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c; }
static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool sp_badge_new_token(char token[SP_BADGE_TOKEN_CHARS + 1])
{
    unsigned char raw[17]; /* 136 bits, of which the first 130 are used */
    if (sodium_init() < 0)
        return false;
    randombytes_buf(raw, sizeof raw);
    for (int i = 0; i < SP_BADGE_TOKEN_CHARS; i++) {
        int bit = i * 5, v = 0;
        for (int k = 0; k < 5; k++, bit++)
            v = (v << 1) | ((raw[bit / 8] >> (7 - bit % 8)) & 1);
        token[i] = TOKEN_ALPHABET[v];
    }
    token[SP_BADGE_TOKEN_CHARS] = 0;
    sodium_memzero(raw, sizeof raw);
    return true;
}

char sp_badge_check_symbol(const char *token)
{
    int p = 0;
    for (int i = 0; i < SP_BADGE_TOKEN_CHARS; i++) {
        int v = token_value(token[i]);
        if (v < 0)
            return 0;
        p = ((p + v) * 2) % 37;
    }
    return CHECK_ALPHABET[(38 - p) % 37];
}

void sp_badge_payload(const char *token, char out[SP_BADGE_PAYLOAD_MAX])
{
    char check = sp_badge_check_symbol(token);
    memcpy(out, PREFIX, PREFIX_LEN);
    memcpy(out + PREFIX_LEN, token, SP_BADGE_TOKEN_CHARS);
    out[PREFIX_LEN + SP_BADGE_TOKEN_CHARS] = check ? check : '?';
    out[PREFIX_LEN + SP_BADGE_TOKEN_CHARS + 1] = 0;
}

sp_payload_error sp_badge_parse(const char *payload, size_t len, char token[SP_BADGE_TOKEN_CHARS + 1])
{
    if (!payload)
        return SP_PAYLOAD_EMPTY;
    size_t a = 0, b = len;
    while (a < b && is_space(payload[a]))
        a++;
    while (b > a && is_space(payload[b - 1]))
        b--;
    if (a == b)
        return SP_PAYLOAD_EMPTY;
    const char *s = payload + a;
    size_t n = b - a;
    if (n < 2 || upper(s[0]) != 'S' || upper(s[1]) != 'P')
        return SP_PAYLOAD_WRONG_PREFIX;
    size_t i = 2, digits = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        i++;
        digits++;
    }
    if (digits == 0 || i >= n || s[i] != ':')
        return SP_PAYLOAD_WRONG_PREFIX;
    if (digits != 1 || s[2] != '1')
        return SP_PAYLOAD_UNKNOWN_VERSION;
    i++;
    if (n - i != SP_BADGE_TOKEN_CHARS + 1)
        return SP_PAYLOAD_WRONG_LENGTH;
    int p = 0;
    for (size_t k = 0; k < SP_BADGE_TOKEN_CHARS; k++) {
        int v = token_value(upper(s[i + k]));
        if (v < 0)
            return SP_PAYLOAD_BAD_CHARACTER;
        p = ((p + v) * 2) % 37;
    }
    int c = check_value(upper(s[i + SP_BADGE_TOKEN_CHARS]));
    if (c < 0)
        return SP_PAYLOAD_BAD_CHARACTER;
    if ((p + c) % 37 != 1)
        return SP_PAYLOAD_BAD_CHECK;
    if (token) {
        for (size_t k = 0; k < SP_BADGE_TOKEN_CHARS; k++)
            token[k] = upper(s[i + k]);
        token[SP_BADGE_TOKEN_CHARS] = 0;
    }
    return SP_PAYLOAD_OK;
}

const char *sp_payload_error_words(sp_payload_error e)
{
    switch (e) {
    case SP_PAYLOAD_OK: return "a valid badge payload";
    case SP_PAYLOAD_EMPTY: return "empty scan";
    case SP_PAYLOAD_WRONG_PREFIX: return "does not start with SP<version>: (not a Signpost badge)";
    case SP_PAYLOAD_UNKNOWN_VERSION: return "a badge format version this Signpost does not know";
    case SP_PAYLOAD_WRONG_LENGTH: return "wrong length (expected 26 token characters and a check symbol)";
    case SP_PAYLOAD_BAD_CHARACTER: return "a character outside the badge alphabet";
    case SP_PAYLOAD_BAD_CHECK: return "the check symbol does not match (misread or mistyped)";
    }
    return "unrecognised";
}

int sp_badge_lookup(sqlite3 *db, const char *token, sp_badge_identity *out)
{
    static const char *sql =
        "SELECT b.id, b.revoked_at IS NOT NULL, b.student_id, b.staff_id,"
        "       COALESCE(s.archived, t.archived, 1)"
        "  FROM badges b LEFT JOIN students s ON s.id = b.student_id"
        "                LEFT JOIN staff t ON t.id = b.staff_id"
        " WHERE b.token = sp_badge_hash(?1)";
    sqlite3_stmt *st = NULL;
    memset(out, 0, sizeof *out);
    out->kind = SP_BADGE_UNKNOWN;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_text(st, 1, token ? token : "", -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        bool student = sqlite3_column_type(st, 2) != SQLITE_NULL;
        out->badge_id = sqlite3_column_int64(st, 0);
        out->holder_id = sqlite3_column_int64(st, student ? 2 : 3);
        if (sqlite3_column_int(st, 1) || sqlite3_column_int(st, 4))
            out->kind = SP_BADGE_REVOKED;
        else
            out->kind = student ? SP_BADGE_STUDENT : SP_BADGE_TEACHER;
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

const char *sp_badge_kind_student_words(sp_badge_kind kind)
{
    switch (kind) {
    case SP_BADGE_STUDENT: return "Welcome!";
    case SP_BADGE_TEACHER: return "Teacher menu";
    case SP_BADGE_REVOKED:
        return "This badge has been replaced by a new one. Please ask your teacher for your new badge.";
    case SP_BADGE_UNKNOWN: break;
    }
    return "We don't know this badge. Please ask your teacher.";
}

const char *sp_badge_kind_name(sp_badge_kind kind)
{
    switch (kind) {
    case SP_BADGE_STUDENT: return "student";
    case SP_BADGE_TEACHER: return "teacher";
    case SP_BADGE_REVOKED: return "revoked";
    case SP_BADGE_UNKNOWN: break;
    }
    return "unknown";
}

int sp_badge_active_token(sqlite3 *db, sp_badge_holder holder, long long holder_id,
                          char token[SP_BADGE_TOKEN_CHARS + 1])
{
    const char *sql = holder == SP_HOLDER_STAFF
                          ? "SELECT sp_badge_unseal(sealed) FROM badges WHERE staff_id = ?1 AND revoked_at IS NULL"
                          : "SELECT sp_badge_unseal(sealed) FROM badges WHERE student_id = ?1 AND revoked_at IS NULL";
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int64(st, 1, holder_id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        size_t n = t ? strlen(t) : 0;
        if (n != SP_BADGE_TOKEN_CHARS) { /* a badge from before sealing that lost its copy */
            sqlite3_finalize(st);
            return SQLITE_CORRUPT;
        }
        if (n > SP_BADGE_TOKEN_CHARS)
            n = SP_BADGE_TOKEN_CHARS;
        memcpy(token, t ? t : "", n);
        token[n] = 0;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

int sp_badge_issue(sqlite3 *db, sp_badge_holder holder, long long holder_id,
                   char token[SP_BADGE_TOKEN_CHARS + 1], long long *badge_id)
{
    char fresh[SP_BADGE_TOKEN_CHARS + 1], now[32];
    sqlite3_stmt *st = NULL;
    /* The key must exist before anything is sealed (it is created here for the first badge). */
    int rc = sqlite3_exec(db, "SELECT sp_badge_key_ready()", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_prepare_v2(db,
                                holder == SP_HOLDER_STAFF
                                    ? "SELECT 1 FROM badges WHERE staff_id = ?1 AND revoked_at IS NULL"
                                    : "SELECT 1 FROM badges WHERE student_id = ?1 AND revoked_at IS NULL",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int64(st, 1, holder_id);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return SQLITE_CONSTRAINT; /* one active badge per holder */
    if (rc != SQLITE_DONE)
        return rc;
    const char *sql = holder == SP_HOLDER_STAFF
                          ? "INSERT INTO badges (token, sealed, staff_id, issued_at)"
                            " VALUES (sp_badge_hash(?1), sp_badge_seal(?1), ?2, ?3)"
                          : "INSERT INTO badges (token, sealed, student_id, issued_at)"
                            " VALUES (sp_badge_hash(?1), sp_badge_seal(?1), ?2, ?3)";
    rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sp_now_iso(now);
    /* A repeated 130-bit token will not happen; the retry only keeps the UNIQUE rule honest. */
    for (int attempt = 0; attempt < 3; attempt++) {
        if (!sp_badge_new_token(fresh)) {
            rc = SQLITE_ERROR;
            break;
        }
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, fresh, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, holder_id);
        sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_DONE) {
            rc = SQLITE_OK;
            if (token)
                memcpy(token, fresh, sizeof fresh);
            if (badge_id)
                *badge_id = sqlite3_last_insert_rowid(db);
            break;
        }
        if (sqlite3_extended_errcode(db) != SQLITE_CONSTRAINT_UNIQUE)
            break;
    }
    sqlite3_finalize(st);
    return rc;
}

int sp_badge_revoke_holder(sqlite3 *db, sp_badge_holder holder, long long holder_id, const char *reason,
                           int *count)
{
    const char *sql = holder == SP_HOLDER_STAFF
                          ? "UPDATE badges SET revoked_at = ?2, revoke_reason = ?3"
                            " WHERE staff_id = ?1 AND revoked_at IS NULL"
                          : "UPDATE badges SET revoked_at = ?2, revoke_reason = ?3"
                            " WHERE student_id = ?1 AND revoked_at IS NULL";
    char now[32];
    sqlite3_stmt *st = NULL;
    if (count)
        *count = 0;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sp_now_iso(now);
    sqlite3_bind_int64(st, 1, holder_id);
    sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, reason ? reason : "", -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
        if (count)
            *count = sqlite3_changes(db);
    }
    sqlite3_finalize(st);
    return rc;
}

const char *sp_scan_outcome_name(sp_scan_outcome outcome)
{
    switch (outcome) {
    case SP_SCAN_UNKNOWN: return "unknown";
    case SP_SCAN_REVOKED: return "revoked";
    case SP_SCAN_MALFORMED: return "malformed";
    case SP_SCAN_COOLDOWN: return "cooldown";
    }
    return "unknown";
}

int sp_scan_log(sqlite3 *db, const char *kiosk_name, sp_scan_outcome outcome, const char *at)
{
    char now[32];
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "INSERT INTO scan_events (at, kiosk_name, outcome) VALUES (?1, ?2, ?3)", -1,
                                &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    if (at)
        snprintf(now, sizeof now, "%s", at);
    else
        sp_now_iso(now);
    sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, kiosk_name ? kiosk_name : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, sp_scan_outcome_name(outcome), -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}
