/* languages.h — the languages of people and of teacher texts (SPEC section 9).
 *
 * The school has one language (settings 'school_language', 'en' in a new file): teacher texts are
 * written in it and the kiosk speaks it to anyone without a language of their own. A student may
 * have a kiosk language (students.kiosk_language, '' = the school's). A teacher text — a
 * milestone's student text, at-home text or support in the student's words — may be given in
 * more languages (milestone_texts); a reader gets it in their language when it exists, else in
 * the school's, and always learns which language it got (read-aloud speaks it in that voice). */
#ifndef SP_LANGUAGES_H
#define SP_LANGUAGES_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#define SP_LANG_MAX 36 /* a tag of at most 35 bytes and its terminator */

/* A language tag such as en, es, pt-BR or zh-Hant: 2..35 letters, digits and hyphens, starting
 * with a letter. */
bool sp_language_tag_ok(const char *tag);

/* The school's language ("en" when the file has none). Returns an SQLite code. */
int sp_school_language(sqlite3 *db, char out[SP_LANG_MAX]);
int sp_set_school_language(sqlite3 *db, const char *tag);

/* The teacher texts that may be given per language. */
typedef enum { SP_TEXT_STUDENT, SP_TEXT_AT_HOME, SP_TEXT_SUPPORT, SP_TEXT_FIELD_COUNT } sp_text_field;
/* "student_text", "at_home", "support" */
const char *sp_text_field_name(sp_text_field f);
/* The field named s (also "student-text", "at-home"); -1 when there is none. */
int sp_text_field_parse(const char *s);

/* The milestone's text of field in lang, if one was given: *out is a new string (NULL when there
 * is none). Returns an SQLite code. */
int sp_milestone_text_get(sqlite3 *db, long long milestone_id, sp_text_field field, const char *lang, char **out);
/* Sets (text non-empty) or removes (text NULL or "") the milestone's text of field in lang. */
int sp_milestone_text_set(sqlite3 *db, long long milestone_id, sp_text_field field, const char *lang,
                          const char *text);

/* Chooses what a reader sees: the text in want when given, else `base` (the text as the teacher
 * wrote it, in the school's language). *shown is a new string; shown_lang says its language.
 * Returns an SQLite code. */
int sp_milestone_text_for(sqlite3 *db, long long milestone_id, sp_text_field field, const char *want,
                          const char *school, const char *base, char **shown, char shown_lang[SP_LANG_MAX]);

#endif
