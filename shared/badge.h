/* badge.h — badge tokens, the QR payload format and badge lookups.
 *
 * Payload (QR alphanumeric mode: 0-9 A-Z space $ % * + - . / :):
 *     SP1:<26 base-32 characters of token><1 check symbol>
 * "SP" is the prefix, "1" the format version. The token is 130 random bits from libsodium,
 * written in Crockford-style base-32 without I, L, O, U (uppercase). The check symbol is a
 * mod-37 checksum over the token characters (ISO 7064 pure system, radix 2: every single
 * substitution and every swap of two neighbours changes it), drawn from the same alphabet plus
 * '*', 'I', 'L', 'O', 'U' for the values 32..36, so a misread character is caught before any
 * database lookup. A student id or name is never part of the payload.
 *
 * The payload is 31 characters, which QR alphanumeric mode fits into a version 2 symbol
 * (25x25 modules) at error correction level M.
 *
 * Tokens are stored only as keyed hashes with a sealed copy (see badge_key.h): every function
 * here that touches the badges table needs a connection from sp_db_open(). */
#ifndef SP_BADGE_H
#define SP_BADGE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#define SP_BADGE_TOKEN_CHARS 26
#define SP_BADGE_PAYLOAD_MAX 48

typedef enum {
    SP_PAYLOAD_OK = 0,
    SP_PAYLOAD_EMPTY,
    SP_PAYLOAD_WRONG_PREFIX,
    SP_PAYLOAD_UNKNOWN_VERSION,
    SP_PAYLOAD_WRONG_LENGTH,
    SP_PAYLOAD_BAD_CHARACTER,
    SP_PAYLOAD_BAD_CHECK,
} sp_payload_error;

/* Makes a new random token (26 chars + NUL). Returns false only if the system RNG fails. */
bool sp_badge_new_token(char token[SP_BADGE_TOKEN_CHARS + 1]);

/* Builds the payload for a token: "SP1:" + token + check symbol. */
void sp_badge_payload(const char *token, char out[SP_BADGE_PAYLOAD_MAX]);

/* Parses a scanned payload (len bytes, need not be NUL-terminated; surrounding whitespace and a
 * trailing CR/LF are ignored, lowercase letters accepted). On success writes the token. */
sp_payload_error sp_badge_parse(const char *payload, size_t len, char token[SP_BADGE_TOKEN_CHARS + 1]);
const char *sp_payload_error_words(sp_payload_error e);

typedef enum {
    SP_BADGE_UNKNOWN = 0,
    SP_BADGE_STUDENT,  /* active badge of an active (not archived) student */
    SP_BADGE_TEACHER,  /* active badge of an active staff member */
    SP_BADGE_REVOKED,  /* the token existed but was revoked (or its holder archived) */
} sp_badge_kind;

typedef struct {
    sp_badge_kind kind;
    long long holder_id; /* students.id or staff.id */
    long long badge_id;
} sp_badge_identity;

/* Looks a token up. Returns SQLITE_OK (with kind UNKNOWN when not found) or a SQLite error. */
int sp_badge_lookup(sqlite3 *db, const char *token, sp_badge_identity *out);

/* ---- additions: check symbol, holders, issuing, the scan log ------------------------------- */

#define SP_BADGE_PAYLOAD_CHARS 31 /* "SP1:" + 26 + 1 */

/* The check symbol for 26 token characters (uppercase alphabet assumed), or 0 if a character is
 * outside the token alphabet. */
char sp_badge_check_symbol(const char *token);

/* Words a student (or a teacher) reads on the kiosk for a badge of this kind: what happened and
 * what to do. Never blames the student. */
const char *sp_badge_kind_student_words(sp_badge_kind kind);
/* One word for lists and logs: "student", "teacher", "revoked", "unknown". */
const char *sp_badge_kind_name(sp_badge_kind kind);

typedef enum { SP_HOLDER_STUDENT = 0, SP_HOLDER_STAFF = 1 } sp_badge_holder;

/* Issues a new badge to a student or staff member: a fresh token, issued now. Fails with
 * SQLITE_CONSTRAINT when the holder already has an active badge (revoke it first). On success
 * writes the token (may be NULL) and the badge id (may be NULL). */
int sp_badge_issue(sqlite3 *db, sp_badge_holder holder, long long holder_id,
                   char token[SP_BADGE_TOKEN_CHARS + 1], long long *badge_id);

/* Revokes the holder's active badge, if any, with a reason ("reissued", "lost", ...). Writes
 * how many badges were revoked (0 or 1) into *count when count is not NULL. */
int sp_badge_revoke_holder(sqlite3 *db, sp_badge_holder holder, long long holder_id, const char *reason,
                           int *count);

/* The holder's active badge token, unsealed with the badge key. Returns SQLITE_OK and the token,
 * SQLITE_DONE when the holder has no active badge, or a SQLite error (the key is missing, ...). */
int sp_badge_active_token(sqlite3 *db, sp_badge_holder holder, long long holder_id,
                          char token[SP_BADGE_TOKEN_CHARS + 1]);

typedef enum {
    SP_SCAN_UNKNOWN = 0, /* well-formed payload, no such badge */
    SP_SCAN_REVOKED,     /* a revoked badge, or one whose holder is archived */
    SP_SCAN_MALFORMED,   /* not a badge payload at all */
    SP_SCAN_COOLDOWN,    /* refused because the kiosk is cooling down */
} sp_scan_outcome;

/* Records a refused scan in scan_events (time, kiosk name, outcome). The scanned text is never
 * stored: a guessed or copied token must not end up in a log. `at` is the caller's time as
 * "YYYY-MM-DDTHH:MM:SSZ" (NULL: now). Returns SQLITE_OK or the error. */
int sp_scan_log(sqlite3 *db, const char *kiosk_name, sp_scan_outcome outcome, const char *at);
const char *sp_scan_outcome_name(sp_scan_outcome outcome);

#endif
