/* badge_key.c — the badge key file and the SQL functions that use it (see badge_key.h).
 *
 * The key file is one line, "signpost-badge-key-1 " and 64 hex digits. It is written to a
 * temporary name and linked into place, so two programs creating it at once agree on one key
 * and never read half a file. Each connection gets its own copy of the derived keys (freed with
 * the connection), so there is no process-wide key. */
#include "badge_key.h"
#include "badge.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define KEY_MAGIC "signpost-badge-key-1 "
#define KDF_CONTEXT "SPbadge1"
#define SEALED_BYTES (crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + SP_BADGE_TOKEN_CHARS)

const char *sp_badge_key_path(const char *db_path, char *out, size_t outlen)
{
    const char *env = getenv("SIGNPOST_BADGE_KEY");
    if (env && *env)
        snprintf(out, outlen, "%s", env);
    else
        snprintf(out, outlen, "%s.key", db_path);
    return out;
}

static void derive(const unsigned char master[32], sp_badge_key *key)
{
    crypto_kdf_derive_from_key(key->lookup, sizeof key->lookup, 1, KDF_CONTEXT, master);
    crypto_kdf_derive_from_key(key->seal, sizeof key->seal, 2, KDF_CONTEXT, master);
}

static sp_key_status read_key(const char *path, sp_badge_key *key, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT) {
            snprintf(err, errlen, "the badge key file %s is missing", path);
            return SP_KEY_MISSING;
        }
        snprintf(err, errlen, "cannot read the badge key file %s: %s", path, strerror(errno));
        return SP_KEY_UNREADABLE;
    }
    char line[160] = "";
    size_t n = fread(line, 1, sizeof line - 1, f);
    fclose(f);
    line[n] = 0;
    unsigned char master[32];
    size_t bin = 0;
    const char *hex = line + strlen(KEY_MAGIC);
    if (n < strlen(KEY_MAGIC) + 64 || strncmp(line, KEY_MAGIC, strlen(KEY_MAGIC)) != 0 ||
        sodium_hex2bin(master, sizeof master, hex, 64, NULL, &bin, NULL) != 0 || bin != sizeof master) {
        snprintf(err, errlen, "the badge key file %s is not a Signpost badge key (expected one line \"%s\" and 64 hex "
                 "digits)", path, KEY_MAGIC);
        return SP_KEY_UNREADABLE;
    }
    derive(master, key);
    sodium_memzero(master, sizeof master);
    return SP_KEY_LOADED;
}

static sp_key_status create_key(const char *path, sp_badge_key *key, char *err, size_t errlen)
{
    unsigned char master[32];
    char hex[65], tmp[4200], text[128];
    randombytes_buf(master, sizeof master);
    sodium_bin2hex(hex, sizeof hex, master, sizeof master);
    snprintf(text, sizeof text, KEY_MAGIC "%s\n", hex);
    snprintf(tmp, sizeof tmp, "%s.XXXXXX", path);
    sodium_memzero(master, sizeof master);
    sodium_memzero(hex, sizeof hex);
    int fd = mkstemp(tmp); /* mode 0600 */
    if (fd < 0) {
        snprintf(err, errlen, "cannot create the badge key file %s: %s", path, strerror(errno));
        return SP_KEY_UNREADABLE;
    }
    size_t len = strlen(text);
    bool ok = write(fd, text, len) == (ssize_t)len && fsync(fd) == 0;
    int saved = errno;
    ok = close(fd) == 0 && ok;
    sodium_memzero(text, sizeof text);
    /* link() refuses an existing name: if another program made the key meanwhile, use theirs. */
    if (ok && link(tmp, path) != 0 && errno != EEXIST) {
        saved = errno;
        ok = false;
    }
    unlink(tmp);
    if (!ok) {
        snprintf(err, errlen, "cannot create the badge key file %s: %s", path, strerror(saved));
        return SP_KEY_UNREADABLE;
    }
    return read_key(path, key, err, errlen);
}

sp_key_status sp_badge_key_load(const char *path, bool create, sp_badge_key *key, char *err, size_t errlen)
{
    if (sodium_init() < 0) {
        snprintf(err, errlen, "the cryptography library could not start");
        return SP_KEY_UNREADABLE;
    }
    sp_key_status s = read_key(path, key, err, errlen);
    if (s == SP_KEY_MISSING && create)
        s = create_key(path, key, err, errlen);
    return s;
}

void sp_badge_key_hash(const sp_badge_key *key, const char *token, char out[SP_BADGE_HASH_HEX + 1])
{
    unsigned char h[32];
    crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), key->lookup, sizeof key->lookup);
    sodium_bin2hex(out, SP_BADGE_HASH_HEX + 1, h, sizeof h);
}

/* ---- the SQL functions ---------------------------------------------------------------------- */

typedef struct {
    sp_badge_key key;
    sp_key_status status;
    bool may_create;
    char path[4096];
    char err[4400];
} key_ctx;

static void key_ctx_free(void *p)
{
    if (p)
        sodium_memzero(p, sizeof(key_ctx));
    free(p);
}

/* The key for sealing (may create it) or unsealing; NULL with the error set on ctx. */
static const sp_badge_key *need_key(sqlite3_context *ctx, bool sealing)
{
    key_ctx *k = sqlite3_user_data(ctx);
    if (k->status != SP_KEY_LOADED) /* another program may have made it since we opened */
        k->status = sp_badge_key_load(k->path, sealing && k->may_create, &k->key, k->err, sizeof k->err);
    if (k->status == SP_KEY_LOADED)
        return &k->key;
    char msg[4600];
    snprintf(msg, sizeof msg, "%s%s", k->err,
             k->status == SP_KEY_MISSING
                 ? "; the badges of this database cannot be checked or printed without it (restore it from where "
                   "you keep it, or move the database back beside it)"
                 : "");
    sqlite3_result_error(ctx, msg, -1);
    return NULL;
}

static const char *token_arg(sqlite3_value *v)
{
    const char *t = (const char *)sqlite3_value_text(v);
    return t && strlen(t) == SP_BADGE_TOKEN_CHARS ? t : NULL;
}

static void fn_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    key_ctx *k = sqlite3_user_data(ctx);
    const char *token = token_arg(argv[0]);
    if (!token) {
        sqlite3_result_error(ctx, "sp_badge_hash: expected a 26-character badge token", -1);
        return;
    }
    if (k->status != SP_KEY_LOADED)
        k->status = sp_badge_key_load(k->path, false, &k->key, k->err, sizeof k->err);
    if (k->status != SP_KEY_LOADED) {
        /* No key and nothing sealed yet: no stored hash can match, so nothing is found. */
        if (k->status == SP_KEY_MISSING && k->may_create)
            sqlite3_result_null(ctx);
        else
            need_key(ctx, false);
        return;
    }
    char hex[SP_BADGE_HASH_HEX + 1];
    sp_badge_key_hash(&k->key, token, hex);
    sqlite3_result_text(ctx, hex, SP_BADGE_HASH_HEX, SQLITE_TRANSIENT);
}

static void fn_seal(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *token = token_arg(argv[0]);
    if (!token) {
        sqlite3_result_error(ctx, "sp_badge_seal: expected a 26-character badge token", -1);
        return;
    }
    const sp_badge_key *key = need_key(ctx, true);
    if (!key)
        return;
    unsigned char box[SEALED_BYTES];
    char hex[2 * SEALED_BYTES + 1];
    randombytes_buf(box, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(box + crypto_secretbox_NONCEBYTES, (const unsigned char *)token, SP_BADGE_TOKEN_CHARS, box,
                          key->seal);
    sodium_bin2hex(hex, sizeof hex, box, sizeof box);
    sqlite3_result_text(ctx, hex, -1, SQLITE_TRANSIENT);
}

static void fn_unseal(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *hex = (const char *)sqlite3_value_text(argv[0]);
    if (!hex) {
        sqlite3_result_null(ctx);
        return;
    }
    const sp_badge_key *key = need_key(ctx, false);
    if (!key)
        return;
    unsigned char box[SEALED_BYTES];
    char token[SP_BADGE_TOKEN_CHARS + 1];
    size_t bin = 0;
    if (sodium_hex2bin(box, sizeof box, hex, strlen(hex), NULL, &bin, NULL) != 0 || bin != sizeof box ||
        crypto_secretbox_open_easy((unsigned char *)token, box + crypto_secretbox_NONCEBYTES,
                                   SEALED_BYTES - crypto_secretbox_NONCEBYTES, box, key->seal) != 0) {
        key_ctx *k = sqlite3_user_data(ctx);
        char msg[4400];
        snprintf(msg, sizeof msg, "a badge was sealed with another key than %s (was the key file replaced?)", k->path);
        sqlite3_result_error(ctx, msg, -1);
        return;
    }
    token[SP_BADGE_TOKEN_CHARS] = 0;
    sqlite3_result_text(ctx, token, SP_BADGE_TOKEN_CHARS, SQLITE_TRANSIENT);
    sodium_memzero(token, sizeof token);
}

static void fn_key_ready(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    if (need_key(ctx, true))
        sqlite3_result_int(ctx, 1);
}

int sp_badge_key_attach(sqlite3 *db, const char *db_path, bool may_create)
{
    key_ctx *k = calloc(1, sizeof *k);
    if (!k)
        return SQLITE_NOMEM;
    sp_badge_key_path(db_path, k->path, sizeof k->path);
    k->may_create = may_create;
    k->status = sp_badge_key_load(k->path, false, &k->key, k->err, sizeof k->err);
    const int flags = SQLITE_UTF8 | SQLITE_DIRECTONLY;
    int rc = sqlite3_create_function_v2(db, "sp_badge_hash", 1, flags | SQLITE_DETERMINISTIC, k, fn_hash, NULL, NULL,
                                        key_ctx_free);
    if (rc != SQLITE_OK)
        return rc; /* SQLite called key_ctx_free already */
    rc = sqlite3_create_function_v2(db, "sp_badge_seal", 1, flags, k, fn_seal, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db, "sp_badge_key_ready", 0, flags, k, fn_key_ready, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db, "sp_badge_unseal", 1, flags | SQLITE_DETERMINISTIC, k, fn_unseal, NULL,
                                        NULL, NULL);
    return rc;
}
