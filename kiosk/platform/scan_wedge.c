/* scan_wedge.c — the keyboard-wedge scan detector (rules in scan_wedge.h).
 *
 * State is one held run of characters and the time of its last key. Every input first settles
 * a run whose time is up (the same decision tick would have made), so a caller that ticks late
 * or never gets the same answers. A run is judged once: SCAN, or TEXT given back exactly as
 * typed. Layout maps say, for each character a US-keyed scanner produces on that layout, which
 * character it meant; characters a map does not know pass through unchanged. */
#include "scan_wedge.h"

#include "badge.h"

#include <string.h>

/* ---- layouts ----------------------------------------------------------------------------- */

static uint32_t swap_yz(uint32_t c)
{
    switch (c) {
    case 'Y': return 'Z';
    case 'Z': return 'Y';
    case 'y': return 'z';
    case 'z': return 'y';
    }
    return c;
}

static uint32_t map_qwertz(uint32_t c)
{
    if (c == 0xD6 || c == 0xF6) /* Ö ö: the key where US has ; and : */
        return ':';
    if (c == '(') /* Shift+8 */
        return '*';
    return swap_yz(c);
}

static uint32_t map_qwertz_ch(uint32_t c)
{
    if (c == 0xE9 || c == 0xC9) /* é: Shift on the Swiss ö key */
        return ':';
    if (c == '(')
        return '*';
    return swap_yz(c);
}

static uint32_t map_azerty(uint32_t c)
{
    switch (c) {
    case 'A': return 'Q';
    case 'Q': return 'A';
    case 'a': return 'q';
    case 'q': return 'a';
    case 'W': return 'Z';
    case 'Z': return 'W';
    case 'w': return 'z';
    case 'z': return 'w';
    case '?': return 'M'; /* US M is AZERTY's comma key */
    case ',': return 'm';
    case 'M': return ':'; /* US ; is AZERTY's M key */
    case '&': return '1';
    case 0xE9: return '2'; /* é */
    case '"': return '3';
    case '\'': return '4';
    case '(': return '5';
    case '-': return '6';
    case 0xE8: return '7'; /* è */
    case '_': return '8';
    case 0xE7: return '9'; /* ç */
    case 0xE0: return '0'; /* à */
    case '8': return '*';  /* Shift+8 types the digit on AZERTY */
    }
    return c;
}

typedef struct {
    const char *name;
    uint32_t (*map)(uint32_t);
} layout;

static const layout LAYOUTS[] = {
    {"qwertz", map_qwertz},
    {"qwertz-ch", map_qwertz_ch},
    {"azerty", map_azerty},
};

/* Decodes one UTF-8 character (invalid bytes come back as 0xFFFD, one byte each). */
static uint32_t next_cp(const char **p, const char *end)
{
    const unsigned char *s = (const unsigned char *)*p;
    uint32_t c = s[0];
    if (c < 0x80) {
        (*p)++;
        return c;
    }
    int n = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
    if (n < 0 || end - (const char *)s <= n) {
        (*p)++;
        return 0xFFFD;
    }
    c &= n == 1 ? 0x1F : n == 2 ? 0x0F : 0x07;
    for (int i = 1; i <= n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            (*p)++;
            return 0xFFFD;
        }
        c = (c << 6) | (s[i] & 0x3F);
    }
    *p += n + 1;
    return c;
}

static int count_chars(const char *s, size_t len)
{
    int n = 0;
    for (const char *p = s, *end = s + len; p < end; n++)
        next_cp(&p, end);
    return n;
}

const char *sp_wedge_normalise(const char *text, size_t len, char payload[48])
{
    char token[SP_BADGE_TOKEN_CHARS + 1];
    if (sp_badge_parse(text, len, token) == SP_PAYLOAD_OK) {
        sp_badge_payload(token, payload);
        return "us";
    }
    for (size_t k = 0; k < sizeof LAYOUTS / sizeof LAYOUTS[0]; k++) {
        char mapped[SP_WEDGE_BUF + 1];
        size_t m = 0;
        bool ok = true;
        for (const char *p = text, *end = text + len; p < end && ok;) {
            uint32_t c = LAYOUTS[k].map(next_cp(&p, end));
            if (c >= 0x80 || m >= SP_WEDGE_BUF)
                ok = false;
            else
                mapped[m++] = (char)c;
        }
        if (ok && sp_badge_parse(mapped, m, token) == SP_PAYLOAD_OK) {
            sp_badge_payload(token, payload);
            return LAYOUTS[k].name;
        }
    }
    return NULL;
}

/* ---- the detector ------------------------------------------------------------------------ */

void sp_wedge_init(sp_wedge *w, const sp_wedge_config *cfg)
{
    memset(w, 0, sizeof *w);
    w->cfg = cfg ? *cfg : (sp_wedge_config){.max_gap_ms = 35, .min_chars = 10, .flush_ms = 100, .repeat_ms = 2000};
}

bool sp_wedge_holding(const sp_wedge *w) { return w->len > 0; }

uint64_t sp_wedge_deadline(const sp_wedge *w)
{
    if (!w->len)
        return 0;
    return w->last_at + (uint64_t)(w->chars < w->cfg.min_chars ? w->cfg.max_gap_ms : w->cfg.flush_ms);
}

static void put(sp_wedge_out *out, int *n, sp_wedge_kind kind, const char *text, size_t len, const char *layout)
{
    if (*n >= SP_WEDGE_MAX_OUT)
        return;
    sp_wedge_out *o = &out[(*n)++];
    o->kind = kind;
    if (len > SP_WEDGE_BUF)
        len = SP_WEDGE_BUF;
    memcpy(o->text, text, len);
    o->text[len] = 0;
    o->layout = layout;
}

/* Passes a scan on unless it repeats the last one within repeat_ms of last seeing it. */
static void scan_out(sp_wedge *w, const char *text, const char *layout, uint64_t now, sp_wedge_out *out, int *n)
{
    bool same = w->have_last_scan && strncmp(w->last_scan, text, sizeof w->last_scan) == 0;
    bool repeat = same && now - w->last_scan_at < (uint64_t)w->cfg.repeat_ms;
    if (!same) {
        size_t k = strnlen(text, sizeof w->last_scan - 1);
        memcpy(w->last_scan, text, k);
        w->last_scan[k] = 0;
        w->have_last_scan = true;
    }
    w->last_scan_at = now;
    if (!repeat)
        put(out, n, SP_WEDGE_SCAN, text, strlen(text), layout);
}

/* Decides the held run: with_enter says an Enter ended it in time. */
static void judge(sp_wedge *w, bool with_enter, uint64_t now, sp_wedge_out *out, int *n)
{
    if (!w->len)
        return;
    bool long_enough = w->chars >= w->cfg.min_chars;
    char payload[48];
    const char *layout = long_enough ? sp_wedge_normalise(w->buf, w->len, payload) : NULL;
    if (layout)
        scan_out(w, payload, layout, now, out, n);
    else if (long_enough && with_enter)
        scan_out(w, w->buf, "raw", now, out, n); /* a scanner read something that is not a badge */
    else {
        put(out, n, SP_WEDGE_TEXT, w->buf, w->len, NULL);
        if (with_enter)
            put(out, n, SP_WEDGE_ENTER, "", 0, NULL);
    }
    w->len = 0;
    w->chars = 0;
    w->buf[0] = 0;
}

int sp_wedge_tick(sp_wedge *w, uint64_t now_ms, sp_wedge_out out[SP_WEDGE_MAX_OUT])
{
    int n = 0;
    if (w->len && now_ms >= sp_wedge_deadline(w))
        judge(w, false, now_ms, out, &n);
    return n;
}

int sp_wedge_char(sp_wedge *w, const char *utf8, uint64_t now_ms, sp_wedge_out out[SP_WEDGE_MAX_OUT])
{
    int n = 0;
    size_t k = utf8 ? strlen(utf8) : 0;
    if (!k)
        return 0;
    /* A key after a gap ends the run before it, as the tick would have. */
    if (w->len && now_ms - w->last_at > (uint64_t)w->cfg.max_gap_ms)
        judge(w, false, now_ms, out, &n);
    if (w->len + k > SP_WEDGE_BUF) { /* far longer than any badge: it is text */
        put(out, &n, SP_WEDGE_TEXT, w->buf, w->len, NULL);
        w->len = 0;
        w->chars = 0;
        if (k > SP_WEDGE_BUF) {
            put(out, &n, SP_WEDGE_TEXT, utf8, k, NULL);
            return n;
        }
    }
    memcpy(w->buf + w->len, utf8, k);
    w->len += k;
    w->buf[w->len] = 0;
    w->chars += count_chars(utf8, k);
    w->last_at = now_ms;
    return n;
}

int sp_wedge_enter(sp_wedge *w, uint64_t now_ms, sp_wedge_out out[SP_WEDGE_MAX_OUT])
{
    int n = 0;
    if (w->len && now_ms - w->last_at <= (uint64_t)w->cfg.flush_ms &&
        (w->chars >= w->cfg.min_chars || now_ms - w->last_at <= (uint64_t)w->cfg.max_gap_ms)) {
        judge(w, true, now_ms, out, &n);
        return n;
    }
    judge(w, false, now_ms, out, &n);
    /* An Enter just after a scan that was already passed on (its Enter came late) is the
     * scanner's, not the person's. */
    bool after_scan = n == 0 && w->have_last_scan && now_ms - w->last_scan_at <= 3u * (uint64_t)w->cfg.flush_ms;
    if (n > 0 && out[n - 1].kind == SP_WEDGE_SCAN)
        after_scan = true;
    if (!after_scan)
        put(out, &n, SP_WEDGE_ENTER, "", 0, NULL);
    return n;
}
