/* languages.c — school language, kiosk languages and teacher texts per language (languages.h).
 * Plain prepare → bind → step → finalize; the first error wins. */
#include "languages.h"

#include "db.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool sp_language_tag_ok(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n < 2 || n > 35 || !isalpha((unsigned char)s[0]))
        return false;
    for (const char *p = s; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '-')
            return false;
    return true;
}

int sp_school_language(sqlite3 *db, char out[SP_LANG_MAX])
{
    snprintf(out, SP_LANG_MAX, "en");
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT value FROM settings WHERE key = 'school_language'", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        if (v && sp_language_tag_ok(v))
            snprintf(out, SP_LANG_MAX, "%s", v);
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

int sp_set_school_language(sqlite3 *db, const char *tag)
{
    if (!sp_language_tag_ok(tag))
        return SQLITE_CONSTRAINT;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "INSERT INTO settings(key, value) VALUES ('school_language', ?1)"
                                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, tag, -1, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
    }
    sqlite3_finalize(st);
    return rc;
}

static const char *const FIELD_NAMES[SP_TEXT_FIELD_COUNT] = {"student_text", "at_home", "support"};

const char *sp_text_field_name(sp_text_field f)
{
    return (unsigned)f < SP_TEXT_FIELD_COUNT ? FIELD_NAMES[f] : "";
}

int sp_text_field_parse(const char *s)
{
    static const char *const ALIASES[SP_TEXT_FIELD_COUNT] = {"student-text", "at-home", "support"};
    for (int i = 0; s && i < SP_TEXT_FIELD_COUNT; i++)
        if (strcmp(s, FIELD_NAMES[i]) == 0 || strcmp(s, ALIASES[i]) == 0)
            return i;
    return -1;
}

int sp_milestone_text_get(sqlite3 *db, long long milestone_id, sp_text_field field, const char *lang, char **out)
{
    *out = NULL;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT text FROM milestone_texts WHERE milestone_id = ?1 AND field = ?2"
                                    " AND lang = ?3 COLLATE NOCASE", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int64(st, 1, milestone_id);
    sqlite3_bind_text(st, 2, sp_text_field_name(field), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, lang ? lang : "", -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        *out = strdup(t ? t : "");
        rc = *out ? SQLITE_OK : SQLITE_NOMEM;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

int sp_milestone_text_set(sqlite3 *db, long long milestone_id, sp_text_field field, const char *lang,
                          const char *text)
{
    bool remove = !text || !*text;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                remove ? "DELETE FROM milestone_texts WHERE milestone_id = ?1 AND field = ?2 AND lang = ?3"
                                       : "INSERT INTO milestone_texts(milestone_id, field, lang, text, updated_at)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(milestone_id, field, lang)"
                                         " DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    char now[32];
    sp_now_iso(now);
    sqlite3_bind_int64(st, 1, milestone_id);
    sqlite3_bind_text(st, 2, sp_text_field_name(field), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, lang, -1, SQLITE_STATIC);
    if (!remove) {
        sqlite3_bind_text(st, 4, text, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
    }
    rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
    sqlite3_finalize(st);
    return rc;
}

int sp_milestone_text_for(sqlite3 *db, long long milestone_id, sp_text_field field, const char *want,
                          const char *school, const char *base, char **shown, char shown_lang[SP_LANG_MAX])
{
    *shown = NULL;
    snprintf(shown_lang, SP_LANG_MAX, "%s", school && *school ? school : "en");
    int rc = SQLITE_OK;
    if (want && *want && (!school || strcasecmp(want, school) != 0)) {
        rc = sp_milestone_text_get(db, milestone_id, field, want, shown);
        if (rc == SQLITE_OK && *shown) {
            snprintf(shown_lang, SP_LANG_MAX, "%s", want);
            return SQLITE_OK;
        }
    }
    if (rc != SQLITE_OK)
        return rc;
    *shown = strdup(base ? base : "");
    return *shown ? SQLITE_OK : SQLITE_NOMEM;
}
