/* cmd_translate.c — `signpost-admin milestone translate` and `signpost-admin school language`:
 * the teacher texts of a milestone in more languages, and the school's own language.
 *
 * A milestone's student text, at-home text and support in the student's words are written in
 * the school's language; `translate` adds (or with an empty value removes) the same text in
 * another language, one milestone on the command line or many from a CSV file (milestone_id,
 * lang, field, text). The kiosk shows a student the text in their kiosk language when there is
 * one, else the school's (languages.h). A CSV file is checked whole first: any bad line is
 * reported with every other one and nothing is written. */
#include "admin.h"
#include "csv_read.h"
#include "languages.h"
#include "milestone_fields.h"
#include "table_out.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_MAX_CHARS 1000

static json_t *translations_json(sp_admin *a, long long id)
{
    json_t *arr = json_array();
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "SELECT lang, field, text, updated_at FROM milestone_texts WHERE milestone_id = ?1"
                                  " ORDER BY lang, field", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, id);
        while (sqlite3_step(st) == SQLITE_ROW)
            json_array_append_new(arr, sp_json_from_stmt(st));
    }
    sqlite3_finalize(st);
    json_t *o = json_object();
    json_object_set_new(o, "milestone_id", json_integer(id));
    json_object_set_new(o, "translations", arr);
    return o;
}

static void print_translations(sp_admin *a, long long id)
{
    if (a->json)
        return;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "SELECT lang, field, text FROM milestone_texts WHERE milestone_id = ?1"
                                  " ORDER BY lang, field", -1, &st, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_int64(st, 1, id);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        fprintf(a->out, "  %-6s %-13s %s\n", (const char *)sqlite3_column_text(st, 0),
                (const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2));
        n++;
    }
    if (!n)
        fprintf(a->out, "  (no translations: every reader sees the school's language)\n");
    sqlite3_finalize(st);
}

static int check_lang(sp_admin *a, const char *opt, const char *v)
{
    if (!v || !sp_language_tag_ok(v))
        return sp_admin_fail(a, SP_EXIT_USAGE, "%s: expected a language code such as es, ar or zh-Hans, got '%s'", opt,
                             v ? v : "nothing");
    return SP_EXIT_OK;
}

/* ---- CSV -------------------------------------------------------------------------------------- */

enum { T_ID, T_LANG, T_FIELD, T_TEXT, T_COUNT };
static const char *const T_COLUMNS[T_COUNT] = {"milestone_id", "lang", "field", "text"};

static int translate_csv(sp_admin *a, const char *path, bool dry_run)
{
    sp_csv_table t = {0};
    char err[300];
    if (!sp_csv_read_file(path, &t, err, sizeof err)) {
        sp_csv_free(&t);
        return sp_admin_fail(a, SP_EXIT_USAGE, "%s", err);
    }
    int col[T_COUNT];
    for (int k = 0; k < T_COUNT; k++) {
        col[k] = sp_csv_column(&t, T_COLUMNS[k]);
        if (t.columns && col[k] < 0)
            sp_csv_add_error(&t, t.header_line, "header row: expected a column named %s (the file needs "
                                                "milestone_id, lang, field and text)", T_COLUMNS[k]);
    }
    sqlite3_stmt *find = NULL;
    if (sqlite3_prepare_v2(a->db, "SELECT 1 FROM milestones WHERE id = ?1", -1, &find, NULL) != SQLITE_OK) {
        sp_csv_free(&t);
        return sp_admin_fail_sql(a, "reading milestones failed");
    }
    bool header_ok = t.columns && col[T_ID] >= 0 && col[T_LANG] >= 0 && col[T_FIELD] >= 0 && col[T_TEXT] >= 0;
    for (size_t i = 0; header_ok && i < t.nrecords; i++) {
        const sp_csv_record *r = &t.records[i];
        const char *id = sp_csv_value(r, col[T_ID]);
        char *end = NULL;
        long long mid = strtoll(id, &end, 10);
        sqlite3_reset(find);
        sqlite3_bind_int64(find, 1, mid);
        if (!*id || *end || mid <= 0)
            sp_ms_bad_field(&t, r->line, "milestone_id", "a milestone number (see `milestone list`)", id);
        else if (sqlite3_step(find) != SQLITE_ROW)
            sp_ms_bad_field(&t, r->line, "milestone_id", "an existing milestone number (see `milestone list`)", id);
        const char *lang = sp_csv_value(r, col[T_LANG]);
        if (!sp_language_tag_ok(lang))
            sp_ms_bad_field(&t, r->line, "lang", "a language code such as es, ar or zh-Hans", lang);
        const char *field = sp_csv_value(r, col[T_FIELD]);
        if (sp_text_field_parse(field) < 0)
            sp_ms_bad_field(&t, r->line, "field", "student_text, at_home or support", field);
        char why[160];
        const char *text = sp_csv_value(r, col[T_TEXT]);
        if (!sp_text_ok(text, TEXT_MAX_CHARS, true, why, sizeof why))
            sp_ms_bad_field(&t, r->line, "text", "text of at most 1000 characters in UTF-8 (empty removes it)", text);
    }
    sqlite3_finalize(find);
    if (t.nerrors) {
        int rc = sp_ms_report_csv(a, path, &t, dry_run);
        sp_csv_free(&t);
        return rc;
    }
    int rc = SP_EXIT_OK;
    size_t set = 0, removed = 0;
    for (size_t i = 0; !dry_run && i < t.nrecords; i++) {
        const sp_csv_record *r = &t.records[i];
        const char *text = sp_csv_value(r, col[T_TEXT]);
        if (sp_milestone_text_set(a->db, strtoll(sp_csv_value(r, col[T_ID]), NULL, 10),
                                  (sp_text_field)sp_text_field_parse(sp_csv_value(r, col[T_FIELD])),
                                  sp_csv_value(r, col[T_LANG]), text) != SQLITE_OK) {
            char what[80];
            snprintf(what, sizeof what, "line %ld: saving the translation failed", r->line);
            rc = sp_admin_fail_sql(a, what);
            break;
        }
        *text ? set++ : removed++;
    }
    if (rc == SP_EXIT_OK) {
        if (dry_run)
            sp_admin_printf(a, "%s: %zu translations checked, nothing written (--dry-run)\n", path, t.nrecords);
        else
            sp_admin_printf(a, "%s: %zu translations saved, %zu removed\n", path, set, removed);
        if (a->json) {
            a->result = json_object();
            json_object_set_new(a->result, "checked", json_integer((json_int_t)t.nrecords));
            json_object_set_new(a->result, "saved", json_integer((json_int_t)set));
            json_object_set_new(a->result, "removed", json_integer((json_int_t)removed));
            json_object_set_new(a->result, "dry_run", json_boolean(dry_run));
        }
    }
    sp_csv_free(&t);
    return rc;
}

/* ---- milestone translate ------------------------------------------------------------------------ */

int sp_cmd_milestone_translate(sp_admin *a, int argc, char **argv)
{
    enum { O_LANG, O_STUDENT, O_AT_HOME, O_SUPPORT, O_CSV, O_DRY, O_COUNT };
    sp_opt o[O_COUNT] = {{"lang", true, NULL},    {"student-text", true, NULL}, {"at-home", true, NULL},
                         {"support", true, NULL}, {"csv", true, NULL},          {"dry-run", false, NULL}};
    const char *pos[1];
    int npos = 0, rc;
    if ((rc = sp_admin_parse(a, argc, argv, o, O_COUNT, pos, 1, &npos)))
        return rc;
    if (o[O_CSV].value) {
        if (npos || o[O_LANG].value || o[O_STUDENT].value || o[O_AT_HOME].value || o[O_SUPPORT].value)
            return sp_admin_fail(a, SP_EXIT_USAGE, "--csv FILE: expected no milestone number and no --lang or text "
                                                   "options beside it (the file has them)");
        return translate_csv(a, o[O_CSV].value, o[O_DRY].value != NULL);
    }
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected a milestone number (see `milestone list`), or --csv FILE");
    long long id;
    if ((rc = sp_admin_find_milestone(a, pos[0], &id)))
        return rc;
    const char *values[SP_TEXT_FIELD_COUNT] = {o[O_STUDENT].value, o[O_AT_HOME].value, o[O_SUPPORT].value};
    static const char *const opts[SP_TEXT_FIELD_COUNT] = {"--student-text", "--at-home", "--support"};
    bool any = false;
    for (int f = 0; f < SP_TEXT_FIELD_COUNT; f++) {
        any = any || values[f];
        if (values[f] && (rc = sp_admin_check_text(a, opts[f], values[f], TEXT_MAX_CHARS, true)))
            return rc;
    }
    if (!any) { /* nothing to change: show what there is */
        sp_admin_printf(a, "Milestone %lld in other languages:\n", id);
        print_translations(a, id);
        if (a->json)
            a->result = translations_json(a, id);
        return SP_EXIT_OK;
    }
    if ((rc = check_lang(a, "--lang", o[O_LANG].value)))
        return rc;
    for (int f = 0; f < SP_TEXT_FIELD_COUNT; f++)
        if (values[f] && sp_milestone_text_set(a->db, id, (sp_text_field)f, o[O_LANG].value, values[f]) != SQLITE_OK)
            return sp_admin_fail_sql(a, "saving the translation failed");
    sp_admin_printf(a, "Milestone %lld in %s updated:\n", id, o[O_LANG].value);
    print_translations(a, id);
    if (a->json)
        a->result = translations_json(a, id);
    return SP_EXIT_OK;
}

const char sp_cmd_milestone_translate_help[] =
    "Usage: signpost-admin milestone translate ID --lang CODE [--student-text TEXT] [--at-home TEXT]\n"
    "                                         [--support TEXT]\n"
    "       signpost-admin milestone translate ID            (lists its translations)\n"
    "       signpost-admin milestone translate --csv FILE [--dry-run]\n\n"
    "The student text, the at-home text and the support in the student's words are written in the\n"
    "school's language. Give them in another language and a student whose kiosk language it is\n"
    "sees (and hears) them in it; everyone else keeps the school's words. An empty TEXT removes\n"
    "that translation.\n\n"
    "Options:\n"
    "  --lang CODE            the language of the texts given (es, ar, vi, zh-Hans, ...)\n"
    "  --student-text TEXT    the goal in the student's words (up to 1000 characters)\n"
    "  --at-home TEXT         what the family can do at home\n"
    "  --support TEXT         the support, in the student's words\n"
    "  --csv FILE             many at once: columns milestone_id, lang, field (student_text, at_home\n"
    "                         or support) and text; every bad line is reported and nothing is saved\n"
    "  --dry-run              with --csv: check the file, write nothing\n\n"
    "Examples:\n"
    "  signpost-admin milestone translate 12 --lang es --student-text \"Escribiré 3 párrafos con evidencia.\"\n"
    "  signpost-admin milestone translate --csv translations.csv --dry-run\n";

/* ---- school language -------------------------------------------------------------------------- */

static int school_language(sp_admin *a, int argc, char **argv)
{
    const char *pos[1];
    int npos = 0, rc;
    if ((rc = sp_admin_parse(a, argc, argv, NULL, 0, pos, 1, &npos)))
        return rc;
    char lang[SP_LANG_MAX];
    if (npos == 1) {
        if ((rc = check_lang(a, "language", pos[0])))
            return rc;
        if (sp_set_school_language(a->db, pos[0]) != SQLITE_OK)
            return sp_admin_fail_sql(a, "saving the school's language failed");
    }
    if (sp_school_language(a->db, lang) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the school's language failed");
    sp_admin_printf(a, npos ? "The school's language is now %s\n" : "The school's language is %s\n", lang);
    if (a->json) {
        a->result = json_object();
        json_object_set_new(a->result, "school_language", json_string(lang));
    }
    return SP_EXIT_OK;
}

static const sp_admin_verb SCHOOL_VERBS[] = {
    {"language", school_language, 0, "show or set the school's language",
     "Usage: signpost-admin school language [CODE]\n\n"
     "The school's language is the one teachers write in and the kiosk speaks to everyone without a\n"
     "kiosk language of their own (see `student edit --kiosk-language`). Without CODE, prints it.\n\n"
     "Examples:\n  signpost-admin school language\n  signpost-admin school language es\n"},
    {0}};

const sp_admin_noun sp_cmd_school = {"school", "the school's own settings (its language)", SCHOOL_VERBS};
