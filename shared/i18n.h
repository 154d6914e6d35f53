/* i18n.h — the words students and families read, in their language (gettext), and the numbers
 * and dates among them.
 *
 * Write every student- or family-facing string as _("...") (translated where it is used) or
 * N_("...") (a table entry translated later with _(entry)); plurals go through sp_ngettext().
 * The catalogs are po/xx.po, compiled at build into <build>/locale and installed under the
 * system's locale directory (README, "Languages"). Until sp_i18n_init() has bound the text domain,
 * gettext returns the English it was given, so marked strings behave exactly like plain ones.
 * Admin messages for teachers stay English.
 *
 * The language in force is process state, as gettext's own is: sp_i18n_set_language() selects
 * it (through the LANGUAGE variable that GNU gettext reads on every lookup, and its catalog
 * counter so cached answers are dropped). Only the thread that draws calls it and _().
 *
 * Translated strings may name their values as {name} (sp_i18n_fill), so a translator can put
 * them in whatever order the language needs: "{month} {day}" is "{day} de {month}" in Spanish. */
#ifndef SP_I18N_H
#define SP_I18N_H

#include <libintl.h>
#include <stdbool.h>
#include <stddef.h>

#define SP_TEXT_DOMAIN "signpost"
#define _(s) dgettext(SP_TEXT_DOMAIN, s)
#define N_(s) (s)
#define sp_ngettext(one, many, n) dngettext(SP_TEXT_DOMAIN, one, many, n)

/* Binds the text domain to the first catalog directory that exists: $SIGNPOST_LOCALE_DIR, the
 * build tree's, the installed one. Sets the message locale to C.UTF-8 and the language to
 * English. Returns the directory used, NULL when none exists (every string then stays English).
 * Call once, before any thread starts. */
const char *sp_i18n_init(void);

/* Selects the language of _() for a language tag such as "es", "ar", "pt-BR", "zh-Hans" or
 * "xx-pseudo"; words missing from its catalog come from the fallback's catalog (the school's
 * language, may be NULL), then English. */
void sp_i18n_set_language(const char *tag, const char *fallback);
/* The tag given to the last sp_i18n_set_language ("en" at first). */
const char *sp_i18n_language(void);
/* True when a catalog for tag is installed (English always is: it is the source text). */
bool sp_i18n_has_catalog(const char *tag);
/* The installed catalogs' names, sorted, English first ("en", "ar", "es", ...; never the
 * pseudo-language): the languages a family can choose. Returns how many (at most max). */
size_t sp_i18n_catalogs(char names[][36], size_t max);
/* Writes tag's gettext catalog name (pt-BR → pt_BR, zh / zh-Hans / zh-CN → zh_CN). */
void sp_i18n_catalog_name(const char *tag, char *out, size_t len);

/* True for a language written right to left (Arabic, Hebrew, Persian, Urdu, ...). */
bool sp_i18n_is_rtl(const char *tag);

/* v with at most `decimals` decimals (trailing zeros dropped), in the current language's digits
 * and decimal sign: 2.5 is "2.5" in English, "2,5" in Spanish, "٢٫٥" in Arabic. */
void sp_i18n_number(double v, int decimals, char *out, size_t len);
/* Rewrites the ASCII digits of s (a message the kiosk formatted: "Step 2 of 4") in the current
 * language's digits, in place within cap bytes. Never for student or teacher text. */
void sp_i18n_digits(char *s, size_t cap);
/* A whole number in the current language's digits. */
void sp_i18n_int(long v, char *out, size_t len);
/* A day (days since 1970-01-01) as month and day in the current language: "March 5",
 * "5 de marzo", "٥ مارس", "3月5日". */
void sp_i18n_date(int day, char *out, size_t len);

/* Copies template to out with each {name} replaced by the value of that name (names[i] →
 * values[i]); an unknown {name} is copied as it is. Always terminates out. */
void sp_i18n_fill(char *out, size_t len, const char *template, size_t count, const char *const *names,
                  const char *const *values);

#endif
