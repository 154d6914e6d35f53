/* badge_key.h — the secret that makes badge tokens useless to anyone holding only the database.
 *
 * The database never stores a badge token as it is printed. It keeps, per badge:
 *   token  = hex(BLAKE2b keyed with the lookup key, over the 26 token characters): what a scan is
 *            looked up by; one-way, and without the key it cannot even be checked against a guess;
 *   sealed = hex(nonce || XSalsa20-Poly1305 of the token under the seal key): lets
 *            `badge print` reprint the same card, but only with the key.
 * Both keys are derived (libsodium crypto_kdf) from one 32-byte secret in a key file outside the
 * database: $SIGNPOST_BADGE_KEY if set, else "<database path>.key", created owner-only (0600).
 * A copy of the database file alone (a backup, an export, a lost USB stick) can neither make a
 * payload nor test one; a copied database plus its key file can, so keep the key as carefully as
 * the badges and back it up once on its own (it never changes).
 *
 * sp_badge_key_attach() gives a database connection SQL functions bound to the key:
 * sp_badge_hash(token), sp_badge_seal(token), sp_badge_unseal(sealed), and sp_badge_key_ready()
 * (1 once the key is there, creating it if allowed; an error otherwise), which issuing calls first. The key file is read
 * when the connection is opened; it is created only when a badge is sealed and no sealed badge
 * exists yet (a new database, or the migration that hashes the tokens of an older file). When the
 * key is missing but sealed badges exist, sealing and unsealing fail with a sentence that names
 * the file, and lookups find nothing. */
#ifndef SP_BADGE_KEY_H
#define SP_BADGE_KEY_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#define SP_BADGE_HASH_HEX 64

typedef struct {
    unsigned char lookup[32]; /* BLAKE2b key for token hashes */
    unsigned char seal[32];   /* secretbox key for sealed tokens */
} sp_badge_key;

/* Where the key of the database at db_path lives (see above). Writes into out; returns out. */
const char *sp_badge_key_path(const char *db_path, char *out, size_t outlen);

typedef enum { SP_KEY_LOADED = 0, SP_KEY_MISSING, SP_KEY_UNREADABLE } sp_key_status;

/* Reads the key file; with create, makes a new one (0600) when there is none. On anything but
 * SP_KEY_LOADED writes a sentence into err. */
sp_key_status sp_badge_key_load(const char *path, bool create, sp_badge_key *key, char *err, size_t errlen);

/* The lookup hash of a token (26 characters) as 64 hex digits + NUL. */
void sp_badge_key_hash(const sp_badge_key *key, const char *token, char out[SP_BADGE_HASH_HEX + 1]);

/* Registers sp_badge_hash / sp_badge_seal / sp_badge_unseal on db for the key of db_path.
 * may_create: the key file may be created on first seal (no sealed badge exists yet). Returns
 * SQLITE_OK or the error of registering. */
int sp_badge_key_attach(sqlite3 *db, const char *db_path, bool may_create);

#endif
