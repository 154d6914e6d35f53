/* i18n.c — binding the message catalogs, switching language, and language-aware numbers and
 * dates (see i18n.h).
 *
 * A language switch writes LANGUAGE (a list such as "pt_BR:pt:es" — the student's catalog, its
 * primary language, then the school's) and bumps _nl_msg_cat_cntr, GNU gettext's documented
 * counter that drops its cache of earlier answers; catalogs are opened once and stay mapped, so a
 * switch at sign-in costs microseconds. LANGUAGE is honoured only when the message locale is not
 * "C": C.UTF-8 is built into glibc, so no locale has to be installed for it. LANGUAGE is set once
 * in sp_i18n_init before any thread starts, so later switches replace a value and never grow the
 * environment under another thread's getenv. */
#include "i18n.h"

#include "dates.h"

#include <ctype.h>
#include <dirent.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

extern int _nl_msg_cat_cntr; /* GNU gettext: bumped whenever catalogs or LANGUAGE change */

static struct {
    char dir[1024];     /* where the catalogs are, "" when none */
    char language[36];  /* the tag in force */
} state = {"", "en"};

static bool is_dir(const char *p)
{
    struct stat st;
    return p && *p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *sp_i18n_init(void)
{
    setlocale(LC_MESSAGES, "C.UTF-8");
    setenv("LANGUAGE", "en", 1);
    const char *dirs[] = {getenv("SIGNPOST_LOCALE_DIR"), SIGNPOST_BUILD_LOCALE_DIR, SIGNPOST_LOCALE_DIR};
    state.dir[0] = '\0';
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        if (is_dir(dirs[i])) {
            snprintf(state.dir, sizeof state.dir, "%s", dirs[i]);
            break;
        }
    }
    if (!state.dir[0])
        return NULL;
    bindtextdomain(SP_TEXT_DOMAIN, state.dir);
    bind_textdomain_codeset(SP_TEXT_DOMAIN, "UTF-8");
    return state.dir;
}

/* The primary subtag of tag, lower case, letters only. */
static void primary_of(const char *tag, char *out, size_t len)
{
    size_t n = 0;
    for (const char *p = tag ? tag : ""; *p && isalpha((unsigned char)*p) && n + 1 < len; p++)
        out[n++] = (char)tolower((unsigned char)*p);
    out[n] = '\0';
}

void sp_i18n_catalog_name(const char *tag, char *out, size_t len)
{
    char primary[16];
    primary_of(tag, primary, sizeof primary);
    const char *rest = tag ? tag + strlen(primary) : "";
    if (strcmp(primary, "zh") == 0) {
        bool traditional = strstr(rest, "Hant") || strstr(rest, "hant") || strstr(rest, "TW") || strstr(rest, "tw") ||
                           strstr(rest, "HK") || strstr(rest, "hk");
        snprintf(out, len, "%s", traditional ? "zh_TW" : "zh_CN");
        return;
    }
    /* a two-letter region: ll_RR; anything else (a script, "pseudo") keeps its hyphen */
    if ((rest[0] == '-' || rest[0] == '_') && strlen(rest) == 3 && isalpha((unsigned char)rest[1]) &&
        isalpha((unsigned char)rest[2])) {
        snprintf(out, len, "%s_%c%c", primary, toupper((unsigned char)rest[1]), toupper((unsigned char)rest[2]));
        return;
    }
    if (rest[0] == '-' && rest[1]) {
        snprintf(out, len, "%s-", primary);
        size_t n = strlen(out);
        for (const char *p = rest + 1; *p && n + 1 < len; p++)
            if (isalnum((unsigned char)*p) || *p == '-')
                out[n++] = (char)tolower((unsigned char)*p);
        out[n] = '\0';
        return;
    }
    snprintf(out, len, "%s", primary);
}

/* Appends tag's catalog name and, when different, its primary language to a LANGUAGE list. */
static void append_language(char *list, size_t len, const char *tag)
{
    if (!tag || !*tag)
        return;
    char name[48], primary[16];
    sp_i18n_catalog_name(tag, name, sizeof name);
    primary_of(tag, primary, sizeof primary);
    const char *add[2] = {name, primary};
    for (int i = 0; i < 2; i++) {
        if (!add[i][0] || (i == 1 && (strcmp(primary, "zh") == 0 || strcmp(name, primary) == 0)))
            continue;
        size_t n = strlen(list);
        snprintf(list + n, len - n, "%s%s", n ? ":" : "", add[i]);
    }
}

void sp_i18n_set_language(const char *tag, const char *fallback)
{
    char list[160] = "";
    append_language(list, sizeof list, tag && *tag ? tag : "en");
    append_language(list, sizeof list, fallback);
    append_language(list, sizeof list, "en");
    snprintf(state.language, sizeof state.language, "%s", tag && *tag ? tag : "en");
    const char *now = getenv("LANGUAGE");
    if (now && strcmp(now, list) == 0)
        return;
    setenv("LANGUAGE", list, 1);
    ++_nl_msg_cat_cntr;
}

const char *sp_i18n_language(void) { return state.language; }

bool sp_i18n_has_catalog(const char *tag)
{
    char primary[16];
    primary_of(tag, primary, sizeof primary);
    if (strcmp(primary, "en") == 0)
        return true;
    if (!state.dir[0])
        return false;
    char name[48], path[1200];
    sp_i18n_catalog_name(tag, name, sizeof name);
    snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", state.dir, name, SP_TEXT_DOMAIN);
    struct stat st;
    return stat(path, &st) == 0;
}

static int by_name(const void *a, const void *b) { return strcmp((const char *)a, (const char *)b); }

size_t sp_i18n_catalogs(char names[][36], size_t max)
{
    size_t n = 0;
    if (max == 0)
        return 0;
    snprintf(names[n++], 36, "en");
    DIR *d = state.dir[0] ? opendir(state.dir) : NULL;
    for (struct dirent *e = d ? readdir(d) : NULL; e && n < max; e = readdir(d)) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "en") == 0 || strstr(e->d_name, "pseudo") ||
            strlen(e->d_name) >= 36)
            continue;
        char path[1400];
        snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", state.dir, e->d_name, SP_TEXT_DOMAIN);
        struct stat st;
        if (stat(path, &st) == 0)
            snprintf(names[n++], 36, "%s", e->d_name);
    }
    if (d)
        closedir(d);
    qsort(names + 1, n - 1, sizeof names[0], by_name);
    return n;
}

bool sp_i18n_is_rtl(const char *tag)
{
    static const char *const RTL[] = {"ar", "he", "iw", "fa", "ur", "ps", "yi", "dv", "sd", "ug", "ckb"};
    char primary[16];
    primary_of(tag, primary, sizeof primary);
    for (size_t i = 0; i < sizeof RTL / sizeof *RTL; i++)
        if (strcmp(primary, RTL[i]) == 0)
            return true;
    return false;
}

/* ---- numbers and dates ---------------------------------------------------------------------- */

typedef struct {
    const char *decimal; /* the decimal sign */
    const char *digits;  /* "0".."9" written in the language's digits, 10 UTF-8 strings back to back */
    int digit_bytes;     /* bytes per digit */
} numerals;

static numerals numerals_for(const char *tag)
{
    static const char *const COMMA[] = {"es", "fr", "de", "it", "pt", "ru", "pl", "ro", "tr", "vi", "sv", "nb",
                                        "nn", "da", "fi", "nl", "cs", "sk", "hu", "uk", "id", "el", "bg", "hr"};
    char primary[16];
    primary_of(tag, primary, sizeof primary);
    if (strcmp(primary, "ar") == 0)
        return (numerals){"\xD9\xAB", "\xD9\xA0\xD9\xA1\xD9\xA2\xD9\xA3\xD9\xA4\xD9\xA5\xD9\xA6\xD9\xA7\xD9\xA8\xD9\xA9", 2};
    for (size_t i = 0; i < sizeof COMMA / sizeof *COMMA; i++)
        if (strcmp(primary, COMMA[i]) == 0)
            return (numerals){",", "0123456789", 1};
    return (numerals){".", "0123456789", 1};
}

/* Rewrites an ASCII number ("-12.5") in the language's digits and decimal sign. */
static void localize(const char *ascii, char *out, size_t len)
{
    numerals nu = numerals_for(state.language);
    size_t n = 0;
    for (const char *p = ascii; *p; p++) {
        const char *piece = p;
        size_t k = 1;
        if (*p >= '0' && *p <= '9') {
            piece = nu.digits + (*p - '0') * nu.digit_bytes;
            k = (size_t)nu.digit_bytes;
        } else if (*p == '.') {
            piece = nu.decimal;
            k = strlen(nu.decimal);
        }
        if (n + k + 1 > len)
            break;
        memcpy(out + n, piece, k);
        n += k;
    }
    if (len)
        out[n] = '\0';
}

void sp_i18n_number(double v, int decimals, char *out, size_t len)
{
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    char ascii[64];
    snprintf(ascii, sizeof ascii, "%.*f", decimals, v);
    if (strchr(ascii, '.')) {
        size_t n = strlen(ascii);
        while (n > 0 && ascii[n - 1] == '0')
            ascii[--n] = '\0';
        if (n > 0 && ascii[n - 1] == '.')
            ascii[--n] = '\0';
    }
    if (strcmp(ascii, "-0") == 0)
        snprintf(ascii, sizeof ascii, "0");
    localize(ascii, out, len);
}

void sp_i18n_digits(char *s, size_t cap)
{
    numerals nu = numerals_for(state.language);
    if (nu.digit_bytes == 1 || !s || cap == 0)
        return;
    char *copy = strdup(s);
    if (!copy)
        return;
    size_t n = 0;
    for (const char *p = copy; *p; p++) {
        bool digit = *p >= '0' && *p <= '9';
        size_t k = digit ? (size_t)nu.digit_bytes : 1;
        if (n + k + 1 > cap)
            break;
        if (digit)
            memcpy(s + n, nu.digits + (*p - '0') * nu.digit_bytes, k);
        else
            s[n] = *p;
        n += k;
    }
    s[n] = '\0';
    free(copy);
}

void sp_i18n_int(long v, char *out, size_t len)
{
    char ascii[32];
    snprintf(ascii, sizeof ascii, "%ld", v);
    localize(ascii, out, len);
}

static const char *const MONTHS[] = {
    N_("January"), N_("February"), N_("March"),     N_("April"),   N_("May"),      N_("June"),
    N_("July"),    N_("August"),   N_("September"), N_("October"), N_("November"), N_("December"),
};

void sp_i18n_date(int day, char *out, size_t len)
{
    int y, m, d;
    sp_ymd_from_day(day, &y, &m, &d);
    char dn[16];
    sp_i18n_int(d, dn, sizeof dn);
    const char *names[] = {"month", "day"};
    const char *values[] = {_(MONTHS[(m - 1 + 12) % 12]), dn};
    /* TRANSLATORS: a date without the year; {month} is a month name from this catalog, {day}
     * the day of the month in digits. Spanish: "{day} de {month}". */
    sp_i18n_fill(out, len, _("{month} {day}"), 2, names, values);
}

void sp_i18n_fill(char *out, size_t len, const char *template, size_t count, const char *const *names,
                  const char *const *values)
{
    if (len == 0)
        return;
    size_t n = 0;
    for (const char *p = template; *p;) {
        const char *piece = p;
        size_t k = 1, skip = 1;
        if (*p == '{') {
            const char *close = strchr(p, '}');
            for (size_t i = 0; close && i < count; i++) {
                size_t nl = strlen(names[i]);
                if ((size_t)(close - p - 1) == nl && memcmp(p + 1, names[i], nl) == 0) {
                    piece = values[i] ? values[i] : "";
                    k = strlen(piece);
                    skip = nl + 2;
                    break;
                }
            }
        }
        if (n + k + 1 > len) {
            /* never end in the middle of a UTF-8 sequence */
            size_t room = len - 1 - n;
            while (room > 0 && (piece[room] & 0xC0) == 0x80)
                room--;
            memcpy(out + n, piece, room);
            n += room;
            break;
        }
        memcpy(out + n, piece, k);
        n += k;
        p += skip;
    }
    out[n] = '\0';
}
