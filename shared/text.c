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

/* Ranges of East Asian wide and fullwidth characters and of emoji shown two columns wide. */
static bool wide(unsigned c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

/* Combining marks and zero-width characters: drawn on (or between) their neighbours. */
static bool zero_width(unsigned c)
{
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x0483 && c <= 0x0489) || (c >= 0x0591 && c <= 0x05BD) ||
           (c >= 0x064B && c <= 0x065F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x200B && c <= 0x200F) || (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0xFE20 && c <= 0xFE2F);
}

size_t sp_text_columns(const char *s)
{
    size_t w = 0;
    while (s && *s) {
        unsigned c = sp_utf8_next(&s);
        w += zero_width(c) ? 0 : wide(c) ? 2 : 1;
    }
    return w;
}

void sp_text_fold_lines(char *s)
{
    if (!s || !strpbrk(s, "\r\n"))
        return;
    char *o = s;
    for (const char *p = s; *p;) {
        if (*p == '\r' || *p == '\n') {
            while (o > s && (o[-1] == ' ' || o[-1] == '\t'))
                o--;
            while (*p == '\r' || *p == '\n' || *p == ' ' || *p == '\t')
                p++;
            if (o > s && *p)
                *o++ = ' ';
            continue;
        }
        *o++ = *p++;
    }
    *o = 0;
}
