/* fuzz_badge_parse.c — fuzz target for everything a scanner's bytes pass through before the
 * database: the payload parser (sp_badge_parse), the keyboard-layout normaliser and the scan
 * detector's state machine.
 *
 * Invariants checked on every input: the parser never reads past len and returns a known code;
 * an accepted payload yields 26 alphabet characters whose canonical payload parses back to the
 * same token; the normaliser only ever produces canonical payloads; the detector gives back
 * every byte it was fed, as text or inside a raw scan, unless it recognised a badge.
 *
 * Outcome (for the seeds' expected results): the parser's verdict and the layout the normaliser
 * recognised, e.g. "bad-check layout=none" or "wrong-prefix layout=azerty".
 *
 * Built two ways: with clang -fsanitize=fuzzer (run_fuzz.sh, the libFuzzer session) and, with
 * replay_main.c, as a plain program that replays the seed corpus under any compiler. */
#include "badge.h"
#include "fuzz_target.h"

#include "../../kiosk/platform/scan_wedge.c"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef SP_FUZZ_STANDALONE
/* The parser never touches the database; this keeps the libFuzzer build free of db.c. */
void sp_now_iso(char out[32]) { memcpy(out, "2026-01-01T00:00:00Z", 21); }
#endif

static void check_parse(const uint8_t *data, size_t size)
{
    char token[SP_BADGE_TOKEN_CHARS + 1];
    memset(token, 0x55, sizeof token);
    sp_payload_error e = sp_badge_parse((const char *)data, size, token);
    if (e < SP_PAYLOAD_OK || e > SP_PAYLOAD_BAD_CHECK || !sp_payload_error_words(e))
        abort();
    if (e != SP_PAYLOAD_OK)
        return;
    if (strlen(token) != SP_BADGE_TOKEN_CHARS)
        abort();
    for (int i = 0; i < SP_BADGE_TOKEN_CHARS; i++)
        if (!strchr("0123456789ABCDEFGHJKMNPQRSTVWXYZ", token[i]) || !token[i])
            abort();
    char payload[SP_BADGE_PAYLOAD_MAX], again[SP_BADGE_TOKEN_CHARS + 1];
    sp_badge_payload(token, payload);
    if (sp_badge_parse(payload, strlen(payload), again) != SP_PAYLOAD_OK || strcmp(token, again) != 0)
        abort();
}

static void check_normalise(const uint8_t *data, size_t size)
{
    char payload[48], token[SP_BADGE_TOKEN_CHARS + 1];
    if (size > SP_WEDGE_BUF)
        size = SP_WEDGE_BUF;
    const char *layout = sp_wedge_normalise((const char *)data, size, payload);
    if (layout && (strlen(payload) != SP_BADGE_PAYLOAD_CHARS ||
                   sp_badge_parse(payload, strlen(payload), token) != SP_PAYLOAD_OK))
        abort();
}

/* Bytes in pairs: a key (0x0D is Enter, 0 a tick) and the milliseconds since the last one. */
static void check_detector(const uint8_t *data, size_t size)
{
    sp_wedge w;
    sp_wedge_init(&w, NULL);
    sp_wedge_out out[SP_WEDGE_MAX_OUT];
    uint64_t t = 1000;
    size_t fed = 0, given_back = 0;
    int badges = 0;
    for (size_t i = 0; i + 1 < size; i += 2) {
        t += data[i + 1];
        int n;
        if (data[i] == 0x0D) {
            n = sp_wedge_enter(&w, t, out);
        } else if (data[i] == 0) {
            n = sp_wedge_tick(&w, t, out);
        } else {
            char ch[2] = {(char)data[i], 0};
            n = sp_wedge_char(&w, ch, t, out);
            fed++;
        }
        if (n < 0 || n > SP_WEDGE_MAX_OUT)
            abort();
        for (int k = 0; k < n; k++) {
            if (out[k].kind == SP_WEDGE_TEXT || (out[k].kind == SP_WEDGE_SCAN && strcmp(out[k].layout, "raw") == 0))
                given_back += strlen(out[k].text);
            else if (out[k].kind == SP_WEDGE_SCAN)
                badges++;
        }
    }
    int n = sp_wedge_tick(&w, t + 100000, out);
    for (int k = 0; k < n; k++) {
        if (out[k].kind == SP_WEDGE_TEXT || (out[k].kind == SP_WEDGE_SCAN && strcmp(out[k].layout, "raw") == 0))
            given_back += strlen(out[k].text);
        else if (out[k].kind == SP_WEDGE_SCAN)
            badges++;
    }
    if (sp_wedge_holding(&w) || given_back > fed || (badges == 0 && given_back != fed && !w.have_last_scan))
        abort();
}

static const char *verdict_name(sp_payload_error e)
{
    switch (e) {
    case SP_PAYLOAD_OK: return "ok";
    case SP_PAYLOAD_EMPTY: return "empty";
    case SP_PAYLOAD_WRONG_PREFIX: return "wrong-prefix";
    case SP_PAYLOAD_UNKNOWN_VERSION: return "unknown-version";
    case SP_PAYLOAD_WRONG_LENGTH: return "wrong-length";
    case SP_PAYLOAD_BAD_CHARACTER: return "bad-character";
    case SP_PAYLOAD_BAD_CHECK: return "bad-check";
    }
    return "unrecognised";
}

void sp_fuzz_outcome(const uint8_t *data, size_t size, char *out, size_t outlen)
{
    char token[SP_BADGE_TOKEN_CHARS + 1], payload[48];
    sp_payload_error e = sp_badge_parse((const char *)data, size, token);
    const char *layout = sp_wedge_normalise((const char *)data, size < SP_WEDGE_BUF ? size : SP_WEDGE_BUF, payload);
    snprintf(out, outlen, "%s layout=%s", verdict_name(e), layout ? layout : "none");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    SP_FUZZ_INJECTED_CRASH(size);
    /* A copy exactly size bytes long, so reading one byte too far is caught by ASan. */
    uint8_t *copy = malloc(size ? size : 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    check_parse(copy, size);
    check_normalise(copy, size);
    check_detector(copy, size);
    free(copy);
    return 0;
}
