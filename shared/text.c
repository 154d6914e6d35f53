/* text.c — UTF-8 validation and decoding for text fields (see text.h). */
#include "text.h"

#include <stdio.h>
#include <string.h>

/* Length of the sequence starting at p (valid UTF-8 only), or 0 if invalid. */
static size_t seq_len(const unsigned char *p, size_t left, unsigned *cp)
{
    unsigned c = p[0];
    size_t n;
    unsigned v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        n = 2, v = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3, v = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (left < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (p[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

long sp_utf8_length(const char *s, size_t nbytes)
{
    const unsigned char *p = (const unsigned char *)s;
    long count = 0;
    size_t i = 0;
    while (i < nbytes) {
        unsigned cp;
        size_t n = seq_len(p + i, nbytes - i, &cp);
        if (!n)
            return -1;
        i += n;
        count++;
    }
    return count;
}

bool sp_text_ok(const char *s, size_t max_chars, bool multiline, char *why, size_t whylen)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = strlen(s), i = 0, chars = 0;
    while (i < len) {
        unsigned cp;
        size_t n = seq_len(p + i, len - i, &cp);
        if (!n) {
            snprintf(why, whylen, "is not valid UTF-8 (bad byte 0x%02X at byte %zu)", p[i], i + 1);
            return false;
        }
        if ((cp < 0x20 && !(multiline && (cp == '\n' || cp == '\t' || cp == '\r'))) || cp == 0x7F) {
            snprintf(why, whylen, "contains a control character (U+%04X at byte %zu)", cp, i + 1);
            return false;
        }
        i += n;
        chars++;
    }
    if (chars > max_chars) {
        snprintf(why, whylen, "is too long (%zu characters; at most %zu)", chars, max_chars);
        return false;
    }
    return true;
}

unsigned sp_utf8_next(const char **s)
{
    const unsigned char *p = (const unsigned char *)*s;
    unsigned cp;
    size_t left = strnlen(*s, 4);
    size_t n = left ? seq_len(p, left, &cp) : 0;
    if (!n) {
        *s += left ? 1 : 0;
        return left ? 0xFFFD : 0;
    }
    *s += n;
    return cp;
}
