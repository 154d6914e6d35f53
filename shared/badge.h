/* badge.h — badge tokens, the QR payload format and badge lookups.
 *
 * Payload (QR alphanumeric mode: 0-9 A-Z space $ % * + - . / :):
 *     SP1:<26 base-32 characters of token><1 check symbol>
 * "SP" is the prefix, "1" the format version. The token is 130 random bits from libsodium,
 * written in Crockford-style base-32 without I, L, O, U (uppercase). The check symbol is a
 * mod-37 checksum over the token characters (ISO 7064 style), drawn from the same alphabet plus
 * '*', so a misread character is caught before any database lookup. A student id or name is
 * never part of the payload. */
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

#endif
