/* cmd_student.c — `signpost-admin student`: add, list, show, edit, archive, import, purge.
 *
 * Students are keyed by their SIS id. Every verb runs inside the one transaction main.c opens,
 * so a refused command changes nothing. `import` reads a roster CSV (csv_read.h), checks every
 * line before writing anything, and either reports every bad line and writes nothing, or
 * upserts the whole file by SIS id; `--dry-run` stops after the report. `purge` removes a student
 * and, through the schema's ON DELETE CASCADE rules, everything recorded about them. */
#include "admin.h"
#include "csv_read.h"
#include "dates.h"
#include "db.h"
#include "languages.h"
#include "milestone_fields.h"
#include "table_out.h"
#include "text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NAME_MAX_CHARS 200
#define SIS_MAX_CHARS 64
#define ACCOMMODATIONS_MAX_CHARS 4000

/* ---- small parsers shared by the verbs ---------------------------------------------------- */

/* K (or KG, 0) and 1..12, leading zeros allowed as SIS exports write them ("08"). */
static bool grade_parse(const char *s, int *grade)
{
    if (!s)
        return false;
    if (strcasecmp(s, "K") == 0 || strcasecmp(s, "KG") == 0) {
        *grade = 0;
        return true;
    }
    if (!*s || strlen(s) > 3)
        return false;
    int g = 0;
    for (const char *p = s; *p; p++) {
        if (!isdigit((unsigned char)*p))
            return false;
        g = g * 10 + (*p - '0');
    }
    if (g > 12)
        return false;
    *grade = g;
    return true;
}

static const char *grade_text(int grade, char buf[4])
{
    if (grade == 0)
        return "K";
    snprintf(buf, 4, "%d", grade);
    return buf;
}

/* yes/no in the ways spreadsheets and people write it; empty means no. */
static bool flag_parse(const char *s, int *out)
{
    static const char *const yes[] = {"yes", "y", "true", "1", "x", "on"};
    static const char *const no[] = {"no", "n", "false", "0", "", "off"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (strcasecmp(s, yes[i]) == 0)
            return *out = 1, true;
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (strcasecmp(s, no[i]) == 0)
            return *out = 0, true;
    return false;
}

/* A language tag such as en, es, pt-BR or zh-Hant: 2..35 letters, digits and hyphens. */
static bool language_ok(const char *s) { return sp_language_tag_ok(s); }

/* A kiosk language: a language tag, or "school" (stored as '') for the school's language. */
static bool kiosk_language_ok(const char *s) { return strcmp(s, "school") == 0 || sp_language_tag_ok(s); }

static const char *kiosk_language_value(const char *s) { return strcmp(s, "school") == 0 ? "" : s; }

static int check_required(sp_admin *a, const char *opt, const char *value, size_t max, const char *what)
{
    if (!value || !*value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "%s: expected %s (1 to %zu characters), got nothing", opt, what, max);
    return sp_admin_check_text(a, opt, value, max, false);
}

static bool sis_exists(sp_admin *a, const char *sis)
{
    sqlite3_stmt *st = NULL;
    bool exists = false;
    if (sqlite3_prepare_v2(a->db, "SELECT 1 FROM students WHERE sis_id = ?1", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, sis, -1, SQLITE_STATIC);
        exists = sqlite3_step(st) == SQLITE_ROW;
    }
    sqlite3_finalize(st);
    return exists;
}

static void today_text(sp_admin *a, char out[11]) { sp_date_format(a->today, out); }

/* Enrolls a student in each class named in a list separated by commas, semicolons or spaces.
 * With check_only, only checks that the classes exist. Counts new enrollments in *added. */
static int enroll_list(sp_admin *a, long long student_id, const char *list, bool check_only, int *added)
{
    char *copy = strdup(list ? list : ""), *save = NULL, date[11];
    int rc = SP_EXIT_OK;
    sqlite3_stmt *st = NULL;
    if (!copy)
        return sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
    today_text(a, date);
    if (!check_only &&
        sqlite3_prepare_v2(a->db, "INSERT OR IGNORE INTO enrollments(class_id, student_id, enrolled_on) VALUES (?1, ?2, ?3)",
                           -1, &st, NULL) != SQLITE_OK) {
        free(copy);
        return sp_admin_fail_sql(a, "enrolling failed");
    }
    for (char *code = strtok_r(copy, ",; ", &save); code && rc == SP_EXIT_OK; code = strtok_r(NULL, ",; ", &save)) {
        long long class_id;
        if ((rc = sp_admin_check_text(a, "--class", code, 64, false)) || (rc = sp_admin_find_class(a, code, &class_id)))
            break;
        if (check_only)
            continue;
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, class_id);
        sqlite3_bind_int64(st, 2, student_id);
        sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = sp_admin_fail_sql(a, "enrolling failed");
        else if (added)
            *added += sqlite3_changes(a->db);
    }
    sqlite3_finalize(st);
    free(copy);
    return rc;
}

/* The student's row as JSON, with the codes of their classes. */
static json_t *student_json(sp_admin *a, long long id)
{
    sqlite3_stmt *st = NULL;
    json_t *o = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "SELECT id, sis_id, given_name, family_name, preferred_name, "
                           "CASE grade WHEN 0 THEN 'K' ELSE CAST(grade AS TEXT) END AS grade, home_language, "
                           "CASE kiosk_language WHEN '' THEN coalesce((SELECT value FROM settings "
                           "WHERE key = 'school_language'), 'en') ELSE kiosk_language END AS kiosk_language, "
                           "CASE kiosk_language WHEN '' THEN 'school' ELSE 'student' END AS kiosk_language_from, "
                           "read_aloud, dyslexia_font, large_text, high_contrast, accommodations, archived, created_at "
                           "FROM students WHERE id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW)
        o = sp_json_from_stmt(st);
    sqlite3_finalize(st);
    if (!o)
        return NULL;
    json_t *classes = json_array();
    if (sqlite3_prepare_v2(a->db,
                           "SELECT c.code, c.name, e.enrolled_on FROM enrollments e JOIN classes c ON c.id = e.class_id "
                           "WHERE e.student_id = ?1 ORDER BY c.code",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, id);
        while (sqlite3_step(st) == SQLITE_ROW)
            json_array_append_new(classes, sp_json_from_stmt(st));
    }
    sqlite3_finalize(st);
    json_object_set_new(o, "classes", classes);
    return o;
}

/* ---- add / edit --------------------------------------------------------------------------- */

enum { O_SIS, O_GIVEN, O_FAMILY, O_PREFERRED, O_GRADE, O_LANGUAGE, O_READ_ALOUD, O_DYSLEXIA, O_LARGE, O_CONTRAST,
       O_ACCOMMODATIONS, O_CLASS, O_KIOSK_LANGUAGE, O_NO_READ_ALOUD, O_NO_DYSLEXIA, O_NO_LARGE, O_NO_CONTRAST, O_NEW_SIS, O_COUNT };

static void student_opts(sp_opt o[O_COUNT])
{
    static const char *const names[O_COUNT] = {"sis-id", "given", "family", "preferred", "grade", "language",
                                               "read-aloud", "dyslexia-font", "large-text", "high-contrast",
                                               "accommodations", "class", "kiosk-language", "no-read-aloud", "no-dyslexia-font",
                                               "no-large-text", "no-high-contrast", "new-sis-id"};
    for (int i = 0; i < O_COUNT; i++) {
        o[i].name = names[i];
        o[i].value = NULL;
        o[i].takes_value = !(i >= O_READ_ALOUD && i <= O_CONTRAST) && !(i >= O_NO_READ_ALOUD && i <= O_NO_CONTRAST);
    }
}

/* Checks the optional fields common to add and edit. */
static int check_common(sp_admin *a, const sp_opt *o, int *grade)
{
    int rc;
    if ((rc = sp_admin_check_text(a, "--family", o[O_FAMILY].value, NAME_MAX_CHARS, false)) ||
        (rc = sp_admin_check_text(a, "--preferred", o[O_PREFERRED].value, NAME_MAX_CHARS, false)) ||
        (rc = sp_admin_check_text(a, "--accommodations", o[O_ACCOMMODATIONS].value, ACCOMMODATIONS_MAX_CHARS, true)) ||
        (rc = sp_admin_check_text(a, "--language", o[O_LANGUAGE].value, 35, false)))
        return rc;
    if (o[O_LANGUAGE].value && !language_ok(o[O_LANGUAGE].value))
        return sp_admin_fail(a, SP_EXIT_USAGE, "--language: expected a language code such as en, es or pt-BR, got '%s'",
                             o[O_LANGUAGE].value);
    if (o[O_KIOSK_LANGUAGE].value && !kiosk_language_ok(o[O_KIOSK_LANGUAGE].value))
        return sp_admin_fail(a, SP_EXIT_USAGE,
                             "--kiosk-language: expected a language code such as en, es or ar, or 'school' for the "
                             "school's language, got '%s'", o[O_KIOSK_LANGUAGE].value);
    if (o[O_GRADE].value && !grade_parse(o[O_GRADE].value, grade)) {
        char ex[128];
        return sp_admin_fail(a, SP_EXIT_USAGE, "--grade: expected K or 1-12, got '%s'",
                             sp_excerpt(o[O_GRADE].value, ex, sizeof ex));
    }
    return SP_EXIT_OK;
}

static int student_add(sp_admin *a, int argc, char **argv)
{
    sp_opt o[O_COUNT];
    student_opts(o);
    int rc, grade = -1;
    if ((rc = sp_admin_parse(a, argc, argv, o, O_NEW_SIS, NULL, 0, NULL)))
        return rc;
    if ((rc = check_required(a, "--sis-id", o[O_SIS].value, SIS_MAX_CHARS, "the student's SIS id")) ||
        (rc = check_required(a, "--given", o[O_GIVEN].value, NAME_MAX_CHARS, "the student's given name")) ||
        (rc = check_common(a, o, &grade)))
        return rc;
    if (!o[O_GRADE].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--grade: expected K or 1-12, got nothing");
    long long id;
    sqlite3_stmt *st = NULL;
    if (sis_exists(a, o[O_SIS].value))
        return sp_admin_fail(a, SP_EXIT_USAGE,
                             "--sis-id: a student with SIS id '%s' already exists (use `student edit` to change them)",
                             o[O_SIS].value);
    if (o[O_CLASS].value && (rc = enroll_list(a, 0, o[O_CLASS].value, true, NULL)))
        return rc;
    char now[32];
    sp_now_iso(now);
    if (sqlite3_prepare_v2(a->db,
                           "INSERT INTO students(sis_id, given_name, family_name, preferred_name, grade, home_language, "
                           "read_aloud, dyslexia_font, large_text, high_contrast, accommodations, created_at, "
                           "kiosk_language) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "adding the student failed");
    sqlite3_bind_text(st, 1, o[O_SIS].value, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, o[O_GIVEN].value, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, o[O_FAMILY].value ? o[O_FAMILY].value : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, o[O_PREFERRED].value ? o[O_PREFERRED].value : "", -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 5, grade);
    sqlite3_bind_text(st, 6, o[O_LANGUAGE].value ? o[O_LANGUAGE].value : "en", -1, SQLITE_STATIC);
    for (int i = 0; i < 4; i++)
        sqlite3_bind_int(st, 7 + i, o[O_READ_ALOUD + i].value != NULL);
    sqlite3_bind_text(st, 11, o[O_ACCOMMODATIONS].value ? o[O_ACCOMMODATIONS].value : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 12, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 13, o[O_KIOSK_LANGUAGE].value ? kiosk_language_value(o[O_KIOSK_LANGUAGE].value) : "", -1,
                      SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) {
        sqlite3_finalize(st);
        return sp_admin_fail_sql(a, "adding the student failed");
    }
    sqlite3_finalize(st);
    id = sqlite3_last_insert_rowid(a->db);
    int enrolled = 0;
    if (o[O_CLASS].value && (rc = enroll_list(a, id, o[O_CLASS].value, false, &enrolled)))
        return rc;
    char gb[4];
    sp_admin_printf(a, "Added student %s: %s %s (grade %s)%s%s\n", o[O_SIS].value, o[O_GIVEN].value,
                    o[O_FAMILY].value ? o[O_FAMILY].value : "", grade_text(grade, gb),
                    o[O_CLASS].value ? ", enrolled in " : "", o[O_CLASS].value ? o[O_CLASS].value : "");
    if (a->json)
        a->result = student_json(a, id);
    return SP_EXIT_OK;
}

static int student_edit(sp_admin *a, int argc, char **argv)
{
    sp_opt o[O_COUNT];
    student_opts(o);
    const char *pos[1];
    int npos = 0, rc, grade = -1;
    if ((rc = sp_admin_parse(a, argc, argv, o, O_COUNT, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the SIS id of the student to edit (see --help)");
    if (o[O_SIS].value || o[O_CLASS].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "%s cannot be changed here: %s",
                             o[O_SIS].value ? "--sis-id" : "--class",
                             o[O_SIS].value ? "use --new-sis-id NEW" : "use `class enroll` and `class unenroll`");
    if ((o[O_GIVEN].value && (rc = check_required(a, "--given", o[O_GIVEN].value, NAME_MAX_CHARS, "the student's given name"))) ||
        (o[O_NEW_SIS].value && (rc = check_required(a, "--new-sis-id", o[O_NEW_SIS].value, SIS_MAX_CHARS, "a SIS id"))) ||
        (rc = check_common(a, o, &grade)))
        return rc;
    for (int i = 0; i < 4; i++)
        if (o[O_READ_ALOUD + i].value && o[O_NO_READ_ALOUD + i].value)
            return sp_admin_fail(a, SP_EXIT_USAGE, "--%s and --%s contradict each other", o[O_READ_ALOUD + i].name,
                                 o[O_NO_READ_ALOUD + i].name);
    bool any = false;
    for (int i = 0; i < O_COUNT; i++)
        any = any || o[i].value;
    if (!any)
        return sp_admin_fail(a, SP_EXIT_USAGE, "nothing to change: give at least one option such as --given or --grade");
    long long id;
    if ((rc = sp_admin_find_student(a, pos[0], &id)))
        return rc;
    if (o[O_NEW_SIS].value && strcmp(o[O_NEW_SIS].value, pos[0]) != 0 && sis_exists(a, o[O_NEW_SIS].value))
        return sp_admin_fail(a, SP_EXIT_USAGE, "--new-sis-id: another student already has SIS id '%s'",
                                 o[O_NEW_SIS].value);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db,
                           "UPDATE students SET sis_id = coalesce(?1, sis_id), given_name = coalesce(?2, given_name), "
                           "family_name = coalesce(?3, family_name), preferred_name = coalesce(?4, preferred_name), "
                           "grade = coalesce(?5, grade), home_language = coalesce(?6, home_language), "
                           "read_aloud = coalesce(?7, read_aloud), dyslexia_font = coalesce(?8, dyslexia_font), "
                           "large_text = coalesce(?9, large_text), high_contrast = coalesce(?10, high_contrast), "
                           "accommodations = coalesce(?11, accommodations), "
                           "kiosk_language = coalesce(?13, kiosk_language) WHERE id = ?12",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "editing the student failed");
    const int text_opts[] = {O_NEW_SIS, O_GIVEN, O_FAMILY, O_PREFERRED};
    for (int i = 0; i < 4; i++)
        if (o[text_opts[i]].value)
            sqlite3_bind_text(st, 1 + i, o[text_opts[i]].value, -1, SQLITE_STATIC);
    if (grade >= 0)
        sqlite3_bind_int(st, 5, grade);
    if (o[O_LANGUAGE].value)
        sqlite3_bind_text(st, 6, o[O_LANGUAGE].value, -1, SQLITE_STATIC);
    for (int i = 0; i < 4; i++)
        if (o[O_READ_ALOUD + i].value || o[O_NO_READ_ALOUD + i].value)
            sqlite3_bind_int(st, 7 + i, o[O_READ_ALOUD + i].value != NULL);
    if (o[O_ACCOMMODATIONS].value)
        sqlite3_bind_text(st, 11, o[O_ACCOMMODATIONS].value, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 12, id);
    if (o[O_KIOSK_LANGUAGE].value)
        sqlite3_bind_text(st, 13, kiosk_language_value(o[O_KIOSK_LANGUAGE].value), -1, SQLITE_STATIC);
    rc = sqlite3_step(st) == SQLITE_DONE ? SP_EXIT_OK : sp_admin_fail_sql(a, "editing the student failed");
    sqlite3_finalize(st);
    if (rc)
        return rc;
    sp_admin_printf(a, "Updated student %s\n", o[O_NEW_SIS].value ? o[O_NEW_SIS].value : pos[0]);
    if (a->json)
        a->result = student_json(a, id);
    return SP_EXIT_OK;
}

/* ---- list / show -------------------------------------------------------------------------- */

static int student_list(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"class", true, NULL}, {"archived", false, NULL}, {"search", true, NULL}};
    int rc;
    long long class_id = 0;
    if ((rc = sp_admin_parse(a, argc, argv, o, 3, NULL, 0, NULL)) ||
        (rc = sp_admin_check_text(a, "--search", o[2].value, 200, false)))
        return rc;
    if (o[0].value && (rc = sp_admin_find_class(a, o[0].value, &class_id)))
        return rc;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(
            a->db,
            "SELECT s.sis_id, s.given_name, s.family_name, s.preferred_name, "
            "CASE s.grade WHEN 0 THEN 'K' ELSE CAST(s.grade AS TEXT) END AS grade, s.home_language, "
            "coalesce((SELECT group_concat(code, ' ') FROM (SELECT c.code FROM enrollments e JOIN classes c "
            "ON c.id = e.class_id WHERE e.student_id = s.id ORDER BY c.code)), '') AS classes, s.archived "
            "FROM students s WHERE s.archived = ?1 "
            "AND (?2 = 0 OR EXISTS (SELECT 1 FROM enrollments e WHERE e.student_id = s.id AND e.class_id = ?2)) "
            "AND (?3 IS NULL OR instr(lower(s.sis_id || ' ' || s.given_name || ' ' || s.family_name || ' ' || "
            "s.preferred_name), lower(?3)) > 0) "
            "ORDER BY s.family_name, s.given_name, s.sis_id",
            -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "listing students failed");
    sqlite3_bind_int(st, 1, o[1].value != NULL);
    sqlite3_bind_int64(st, 2, class_id);
    if (o[2].value)
        sqlite3_bind_text(st, 3, o[2].value, -1, SQLITE_STATIC);
    sp_table *t = sp_table_new(7, (const char *[]){"SIS ID", "Given", "Family", "Preferred", "Grade", "Lang", "Classes"});
    json_t *arr = json_array();
    int s;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        sp_table_add_stmt(t, st);
        json_array_append_new(arr, sp_json_from_stmt(st));
    }
    sqlite3_finalize(st);
    if (s != SQLITE_DONE) {
        sp_table_free(t);
        json_decref(arr);
        return sp_admin_fail_sql(a, "listing students failed");
    }
    if (!a->json)
        sp_table_print(t, a->out, o[1].value ? "No archived students." : "No students match.");
    sp_table_free(t);
    if (a->json)
        a->result = arr;
    else
        json_decref(arr);
    return SP_EXIT_OK;
}

static int student_show(sp_admin *a, int argc, char **argv)
{
    const char *pos[1];
    int npos = 0, rc;
    long long id;
    if ((rc = sp_admin_parse(a, argc, argv, NULL, 0, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the SIS id of the student to show (see --help)");
    if ((rc = sp_admin_find_student(a, pos[0], &id)))
        return rc;
    json_t *o = student_json(a, id);
    if (!o)
        return sp_admin_fail_sql(a, "reading the student failed");
    /* Milestones by status, and the badge. */
    json_t *ms = json_object();
    json_int_t total = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "SELECT status, count(*) FROM milestones WHERE student_id = ?1 GROUP BY status ORDER BY status",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, id);
        while (sqlite3_step(st) == SQLITE_ROW) {
            json_object_set_new(ms, (const char *)sqlite3_column_text(st, 0), json_integer(sqlite3_column_int64(st, 1)));
            total += sqlite3_column_int64(st, 1);
        }
    }
    sqlite3_finalize(st);
    json_object_set_new(ms, "total", json_integer(total));
    json_object_set_new(o, "milestones", ms);
    json_t *badge = json_object();
    if (sqlite3_prepare_v2(a->db,
                           "SELECT (SELECT issued_at FROM badges WHERE student_id = ?1 AND revoked_at IS NULL), "
                           "(SELECT count(*) FROM badges WHERE student_id = ?1 AND revoked_at IS NOT NULL)",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, id);
        if (sqlite3_step(st) == SQLITE_ROW) {
            const char *issued = (const char *)sqlite3_column_text(st, 0);
            json_object_set_new(badge, "status", json_string(issued ? "active" : "none"));
            json_object_set_new(badge, "issued_at", issued ? json_string(issued) : json_null());
            json_object_set_new(badge, "revoked", json_integer(sqlite3_column_int64(st, 1)));
        }
    }
    sqlite3_finalize(st);
    json_object_set_new(o, "badge", badge);

    if (a->json) {
        a->result = o;
        return SP_EXIT_OK;
    }
    FILE *f = a->out;
    const char *pref = json_string_value(json_object_get(o, "preferred_name"));
    fprintf(f, "%s %s%s%s%s\n", json_string_value(json_object_get(o, "given_name")),
            json_string_value(json_object_get(o, "family_name")), pref && *pref ? " (prefers " : "",
            pref && *pref ? pref : "", pref && *pref ? ")" : "");
    fprintf(f, "  SIS id:         %s%s\n", json_string_value(json_object_get(o, "sis_id")),
            json_integer_value(json_object_get(o, "archived")) ? "  [archived]" : "");
    fprintf(f, "  Grade:          %s\n", json_string_value(json_object_get(o, "grade")));
    fprintf(f, "  Home language:  %s\n", json_string_value(json_object_get(o, "home_language")));
    bool from_school = strcmp(json_string_value(json_object_get(o, "kiosk_language_from")), "school") == 0;
    fprintf(f, "  Kiosk language: %s%s\n", json_string_value(json_object_get(o, "kiosk_language")),
            from_school ? " (the school's)" : "");
    static const char *const supports[][2] = {{"read_aloud", "read aloud"}, {"dyslexia_font", "dyslexia-friendly font"},
                                              {"large_text", "large text"}, {"high_contrast", "high contrast"}};
    fprintf(f, "  Supports:      ");
    int nsup = 0;
    for (int i = 0; i < 4; i++)
        if (json_integer_value(json_object_get(o, supports[i][0])))
            fprintf(f, "%s%s", nsup++ ? ", " : " ", supports[i][1]);
    fprintf(f, "%s\n", nsup ? "" : " none");
    const char *acc = json_string_value(json_object_get(o, "accommodations"));
    if (acc && *acc) {
        fprintf(f, "  Accommodations: ");
        for (const char *p = acc; *p; p++) /* keep a multi-line note inside its column */
            fputs(*p == '\n' ? "\n                  " : (char[]){*p, 0}, f);
        fputc('\n', f);
    }
    json_t *classes = json_object_get(o, "classes");
    fprintf(f, "  Classes:        ");
    if (!json_array_size(classes))
        fprintf(f, "none");
    for (size_t i = 0; i < json_array_size(classes); i++)
        fprintf(f, "%s%s (%s)", i ? ", " : "", json_string_value(json_object_get(json_array_get(classes, i), "code")),
                json_string_value(json_object_get(json_array_get(classes, i), "name")));
    fprintf(f, "\n  Milestones:     %lld", (long long)total);
    const char *key;
    json_t *val;
    int first = 1;
    json_object_foreach(ms, key, val)
    {
        if (strcmp(key, "total") == 0)
            continue;
        fprintf(f, "%s%s %lld", first ? " (" : ", ", key, (long long)json_integer_value(val));
        first = 0;
    }
    fprintf(f, "%s\n", first ? "" : ")");
    const char *bstat = json_string_value(json_object_get(badge, "status"));
    if (bstat && strcmp(bstat, "active") == 0)
        fprintf(f, "  Badge:          active, issued %s\n", json_string_value(json_object_get(badge, "issued_at")));
    else
        fprintf(f, "  Badge:          none (issue one with `badge issue`)\n");
    json_decref(o);
    return SP_EXIT_OK;
}

/* ---- archive ------------------------------------------------------------------------------ */

static int student_archive(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"undo", false, NULL}};
    const char *pos[1];
    int npos = 0, rc;
    long long id;
    if ((rc = sp_admin_parse(a, argc, argv, o, 1, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the SIS id of the student to archive (see --help)");
    if ((rc = sp_admin_find_student(a, pos[0], &id)))
        return rc;
    bool undo = o[0].value != NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "UPDATE students SET archived = ?1 WHERE id = ?2", -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "archiving failed");
    sqlite3_bind_int(st, 1, !undo);
    sqlite3_bind_int64(st, 2, id);
    rc = sqlite3_step(st) == SQLITE_DONE ? SP_EXIT_OK : sp_admin_fail_sql(a, "archiving failed");
    sqlite3_finalize(st);
    if (rc)
        return rc;
    sp_admin_printf(a, undo ? "Student %s is active again\n" : "Archived student %s (their data is kept; `--undo` restores them)\n",
                    pos[0]);
    if (a->json)
        a->result = student_json(a, id);
    return SP_EXIT_OK;
}

/* ---- import ------------------------------------------------------------------------------- */

enum { C_SIS, C_GIVEN, C_FAMILY, C_PREFERRED, C_GRADE, C_LANGUAGE, C_CLASS, C_READ_ALOUD, C_DYSLEXIA, C_LARGE,
       C_CONTRAST, C_ACCOMMODATIONS, C_KIOSK_LANGUAGE, C_COUNT };
static const char *const COLUMN_NAMES[C_COUNT] = {"sis_id", "given_name", "family_name", "preferred_name",
                                                  "grade", "home_language", "class", "read_aloud",
                                                  "dyslexia_font", "large_text", "high_contrast", "accommodations",
                                                  "kiosk_language"};

typedef struct {
    sp_admin *a;
    sp_csv_table *t;
    int col[C_COUNT];
    sqlite3_stmt *find_class;
} import_ctx;

static void bad(import_ctx *c, const sp_csv_record *r, int column, const char *expected, const char *why)
{
    char ex[200];
    sp_excerpt(sp_csv_value(r, c->col[column]), ex, sizeof ex);
    sp_csv_add_error(c->t, r->line, "column %s: expected %s, got '%s'%s%s%s", COLUMN_NAMES[column], expected, ex,
                     why ? " (" : "", why ? why : "", why ? ")" : "");
}

static void check_text_column(import_ctx *c, const sp_csv_record *r, int column, size_t min, size_t max, bool multiline)
{
    const char *v = sp_csv_value(r, c->col[column]);
    char why[160], expected[96];
    if (min && !*v) {
        snprintf(expected, sizeof expected, "a value (1 to %zu characters)", max);
        bad(c, r, column, expected, NULL);
    } else if (!sp_text_ok(v, max, multiline, why, sizeof why)) {
        snprintf(expected, sizeof expected, "text of at most %zu characters in UTF-8", max);
        bad(c, r, column, expected, strncmp(why, "is ", 3) == 0 ? why + 3 : why);
    }
}

/* Checks one record; every problem goes into the table's error list. */
static void check_record(import_ctx *c, const sp_csv_record *r)
{
    int g, flag;
    /* --help promises quoted values may hold line breaks: in a name they become spaces. */
    static const int NAME_COLUMNS[] = {C_GIVEN, C_FAMILY, C_PREFERRED};
    for (size_t k = 0; k < sizeof NAME_COLUMNS / sizeof NAME_COLUMNS[0]; k++)
        if (c->col[NAME_COLUMNS[k]] >= 0 && c->col[NAME_COLUMNS[k]] < r->nfields)
            sp_text_fold_lines(r->fields[c->col[NAME_COLUMNS[k]]]);
    check_text_column(c, r, C_SIS, 1, SIS_MAX_CHARS, false);
    check_text_column(c, r, C_GIVEN, 1, NAME_MAX_CHARS, false);
    check_text_column(c, r, C_FAMILY, 0, NAME_MAX_CHARS, false);
    check_text_column(c, r, C_PREFERRED, 0, NAME_MAX_CHARS, false);
    check_text_column(c, r, C_ACCOMMODATIONS, 0, ACCOMMODATIONS_MAX_CHARS, true);
    if (!grade_parse(sp_csv_value(r, c->col[C_GRADE]), &g))
        bad(c, r, C_GRADE, "K or 1-12", NULL);
    const char *lang = sp_csv_value(r, c->col[C_LANGUAGE]);
    if (*lang && !language_ok(lang))
        bad(c, r, C_LANGUAGE, "a language code such as en, es or pt-BR (or nothing for en)", NULL);
    const char *kiosk = sp_csv_value(r, c->col[C_KIOSK_LANGUAGE]);
    if (*kiosk && !kiosk_language_ok(kiosk))
        bad(c, r, C_KIOSK_LANGUAGE, "a language code such as en, es or ar, or school (or nothing to keep it)", NULL);
    for (int k = C_READ_ALOUD; k <= C_CONTRAST; k++)
        if (c->col[k] >= 0 && !flag_parse(sp_csv_value(r, c->col[k]), &flag))
            bad(c, r, k, "yes or no (or nothing for no)", NULL);
    const char *classes = sp_csv_value(r, c->col[C_CLASS]);
    if (*classes) {
        char *copy = strdup(classes), *save = NULL;
        for (char *code = copy ? strtok_r(copy, ",; ", &save) : NULL; code; code = strtok_r(NULL, ",; ", &save)) {
            sqlite3_reset(c->find_class);
            sqlite3_bind_text(c->find_class, 1, code, -1, SQLITE_STATIC);
            if (sqlite3_step(c->find_class) != SQLITE_ROW) {
                char expected[300], ex[120];
                snprintf(expected, sizeof expected, "existing class codes separated by ';' (no class '%s'; see `class list`)",
                         sp_excerpt(code, ex, sizeof ex));
                bad(c, r, C_CLASS, expected, NULL);
                break;
            }
        }
        sqlite3_reset(c->find_class);
        free(copy);
    }
}

static int by_sis_then_line(const void *x, const void *y)
{
    const sp_csv_record *a = *(const sp_csv_record *const *)x, *b = *(const sp_csv_record *const *)y;
    int k = strcmp(a->fields[0], b->fields[0]);
    return k ? k : (a->line > b->line) - (a->line < b->line);
}

/* Reports each SIS id that appears on more than one line. Records are copied shallowly with the
 * SIS id as field 0 so the sort needs no context. */
static void check_duplicates(import_ctx *c)
{
    size_t n = c->t->nrecords;
    sp_csv_record *keys = malloc((n ? n : 1) * sizeof *keys);
    const sp_csv_record **order = malloc((n ? n : 1) * sizeof *order);
    char **fields = malloc((n ? n : 1) * sizeof *fields);
    if (!keys || !order || !fields)
        goto done;
    for (size_t i = 0; i < n; i++) {
        fields[i] = (char *)sp_csv_value(&c->t->records[i], c->col[C_SIS]);
        keys[i] = (sp_csv_record){c->t->records[i].line, 1, &fields[i]};
        order[i] = &keys[i];
    }
    qsort(order, n, sizeof *order, by_sis_then_line);
    for (size_t i = 1; i < n; i++)
        if (order[i]->fields[0][0] && strcmp(order[i]->fields[0], order[i - 1]->fields[0]) == 0) {
            size_t first = i - 1;
            while (first > 0 && strcmp(order[first - 1]->fields[0], order[i]->fields[0]) == 0)
                first--;
            char ex[200];
            sp_csv_add_error(c->t, order[i]->line, "column sis_id: expected each student once in the file, got '%s' again "
                             "(first on line %ld)", sp_excerpt(order[i]->fields[0], ex, sizeof ex), order[first]->line);
        }
done:
    free(keys);
    free(order);
    free(fields);
}

/* Binds a CSV value, or NULL when the column is absent so the UPDATE keeps the stored value. */
static void bind_opt_text(sqlite3_stmt *st, int i, const sp_csv_record *r, int col)
{
    if (col < 0)
        sqlite3_bind_null(st, i);
    else
        sqlite3_bind_text(st, i, sp_csv_value(r, col), -1, SQLITE_STATIC);
}

static int write_records(import_ctx *c, int *added, int *updated, int *enrolled)
{
    sp_admin *a = c->a;
    sqlite3_stmt *find = NULL, *ins = NULL, *upd = NULL;
    int rc = SP_EXIT_OK;
    char now[32];
    sp_now_iso(now);
    if (sqlite3_prepare_v2(a->db, "SELECT id FROM students WHERE sis_id = ?1", -1, &find, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(a->db,
                           "INSERT INTO students(sis_id, given_name, family_name, preferred_name, grade, home_language, "
                           "read_aloud, dyslexia_font, large_text, high_contrast, accommodations, created_at, "
                           "kiosk_language) VALUES "
                           "(?1, ?2, coalesce(?3, ''), coalesce(?4, ''), ?5, coalesce(?6, 'en'), coalesce(?7, 0), "
                           "coalesce(?8, 0), coalesce(?9, 0), coalesce(?10, 0), coalesce(?11, ''), ?12, coalesce(?13, ''))",
                           -1, &ins, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(a->db,
                           "UPDATE students SET given_name = ?2, family_name = coalesce(?3, family_name), "
                           "preferred_name = coalesce(?4, preferred_name), grade = ?5, "
                           "home_language = coalesce(?6, home_language), read_aloud = coalesce(?7, read_aloud), "
                           "dyslexia_font = coalesce(?8, dyslexia_font), large_text = coalesce(?9, large_text), "
                           "high_contrast = coalesce(?10, high_contrast), "
                           "accommodations = coalesce(?11, accommodations), "
                           "kiosk_language = coalesce(?13, kiosk_language) WHERE id = ?1",
                           -1, &upd, NULL) != SQLITE_OK) {
        rc = sp_admin_fail_sql(a, "importing failed");
        goto done;
    }
    for (size_t i = 0; i < c->t->nrecords && rc == SP_EXIT_OK; i++) {
        const sp_csv_record *r = &c->t->records[i];
        const char *sis = sp_csv_value(r, c->col[C_SIS]);
        int grade = 0;
        grade_parse(sp_csv_value(r, c->col[C_GRADE]), &grade);
        sqlite3_reset(find);
        sqlite3_bind_text(find, 1, sis, -1, SQLITE_STATIC);
        long long id = sqlite3_step(find) == SQLITE_ROW ? sqlite3_column_int64(find, 0) : 0;
        sqlite3_reset(find);
        sqlite3_stmt *st = id ? upd : ins;
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        if (id)
            sqlite3_bind_int64(st, 1, id);
        else
            sqlite3_bind_text(st, 1, sis, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, sp_csv_value(r, c->col[C_GIVEN]), -1, SQLITE_STATIC);
        bind_opt_text(st, 3, r, c->col[C_FAMILY]);
        bind_opt_text(st, 4, r, c->col[C_PREFERRED]);
        sqlite3_bind_int(st, 5, grade);
        const char *lang = sp_csv_value(r, c->col[C_LANGUAGE]);
        if (*lang)
            sqlite3_bind_text(st, 6, lang, -1, SQLITE_STATIC);
        for (int k = 0; k < 4; k++) {
            int flag = 0;
            if (c->col[C_READ_ALOUD + k] >= 0 && flag_parse(sp_csv_value(r, c->col[C_READ_ALOUD + k]), &flag))
                sqlite3_bind_int(st, 7 + k, flag);
        }
        bind_opt_text(st, 11, r, c->col[C_ACCOMMODATIONS]);
        const char *kiosk = sp_csv_value(r, c->col[C_KIOSK_LANGUAGE]);
        if (*kiosk)
            sqlite3_bind_text(st, 13, kiosk_language_value(kiosk), -1, SQLITE_STATIC);
        if (!id)
            sqlite3_bind_text(st, 12, now, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE) {
            char what[80];
            snprintf(what, sizeof what, "line %ld: saving the student failed", r->line);
            rc = sp_admin_fail_sql(a, what);
            break;
        }
        if (!id) {
            id = sqlite3_last_insert_rowid(a->db);
            (*added)++;
        } else {
            (*updated)++;
        }
        const char *classes = sp_csv_value(r, c->col[C_CLASS]);
        if (*classes)
            rc = enroll_list(a, id, classes, false, enrolled);
    }
done:
    sqlite3_finalize(find);
    sqlite3_finalize(ins);
    sqlite3_finalize(upd);
    return rc;
}

static int count_existing(import_ctx *c, int *added, int *updated)
{
    sqlite3_stmt *find = NULL;
    if (sqlite3_prepare_v2(c->a->db, "SELECT 1 FROM students WHERE sis_id = ?1", -1, &find, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(c->a, "reading students failed");
    for (size_t i = 0; i < c->t->nrecords; i++) {
        sqlite3_reset(find);
        sqlite3_bind_text(find, 1, sp_csv_value(&c->t->records[i], c->col[C_SIS]), -1, SQLITE_STATIC);
        if (sqlite3_step(find) == SQLITE_ROW)
            (*updated)++;
        else
            (*added)++;
    }
    sqlite3_finalize(find);
    return SP_EXIT_OK;
}

static int student_import(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"dry-run", false, NULL}};
    const char *pos[1];
    int npos = 0, rc;
    if ((rc = sp_admin_parse(a, argc, argv, o, 1, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the path of a CSV file (see --help)");
    bool dry_run = o[0].value != NULL;
    const char *path = pos[0];
    sp_csv_table t = {0};
    char err[512];
    if (!sp_csv_read_file(path, &t, err, sizeof err)) {
        sp_csv_free(&t);
        return sp_admin_fail(a, SP_EXIT_USAGE, "%s", err);
    }
    import_ctx c = {.a = a, .t = &t};
    for (int k = 0; k < C_COUNT; k++)
        c.col[k] = sp_csv_column(&t, COLUMN_NAMES[k]);
    if (t.columns) {
        const int required[] = {C_SIS, C_GIVEN, C_GRADE};
        for (size_t k = 0; k < sizeof required / sizeof required[0]; k++)
            if (c.col[required[k]] < 0)
                sp_csv_add_error(&t, t.header_line,
                                 "header row: expected a column named %s (the roster needs sis_id, given_name and grade; "
                                 "family_name, preferred_name, home_language, class, read_aloud, dyslexia_font, "
                                 "large_text, high_contrast, accommodations and kiosk_language are optional)",
                                 COLUMN_NAMES[required[k]]);
        for (int i = 0; i < t.ncols; i++) {
            bool known = false;
            for (int k = 0; k < C_COUNT; k++)
                known = known || c.col[k] == i;
            if (!known && t.columns[i][0]) {
                char ex[120];
                fprintf(a->err, "signpost-admin %s: %s: ignoring column '%s' (not a roster column)\n", a->command, path,
                        sp_excerpt(t.columns[i], ex, sizeof ex));
            }
        }
    }
    bool header_ok = t.columns && c.col[C_SIS] >= 0 && c.col[C_GIVEN] >= 0 && c.col[C_GRADE] >= 0;
    if (header_ok) {
        if (sqlite3_prepare_v2(a->db, "SELECT id FROM classes WHERE code = ?1", -1, &c.find_class, NULL) != SQLITE_OK) {
            sp_csv_free(&t);
            return sp_admin_fail_sql(a, "reading classes failed");
        }
        for (size_t i = 0; i < t.nrecords; i++)
            check_record(&c, &t.records[i]);
        sqlite3_finalize(c.find_class);
        check_duplicates(&c);
    }
    if (t.nerrors) {
        rc = sp_ms_report_csv(a, path, &t, dry_run);
        sp_csv_free(&t);
        return rc;
    }
    int added = 0, updated = 0, enrolled = 0;
    rc = dry_run ? count_existing(&c, &added, &updated) : write_records(&c, &added, &updated, &enrolled);
    if (rc == SP_EXIT_OK) {
        if (dry_run)
            sp_admin_printf(a, "%s: %zu students checked, no problems found. Importing would add %d and update %d. "
                               "Nothing was written (dry run).\n",
                            path, t.nrecords, added, updated);
        else
            sp_admin_printf(a, "%s: imported %zu students: %d added, %d updated, %d new enrollments.\n", path,
                            t.nrecords, added, updated, enrolled);
        if (a->json) {
            a->result = json_pack("{s:s, s:b, s:b, s:I, s:i, s:i}", "file", path, "ok", 1, "dry_run", dry_run, "students",
                                  (json_int_t)t.nrecords, "added", added, "updated", updated);
            if (!dry_run)
                json_object_set_new(a->result, "enrolled", json_integer(enrolled));
        }
    }
    sp_csv_free(&t);
    return rc;
}

/* ---- purge -------------------------------------------------------------------------------- */

/* What purging a student removes, counted before the delete so the report is exact. The rows go
 * through the schema's ON DELETE CASCADE rules when the student row is deleted. */
static const char *const PURGE_COUNTS[][2] = {
    {"enrollments", "SELECT count(*) FROM enrollments WHERE student_id = ?1"},
    {"milestones", "SELECT count(*) FROM milestones WHERE student_id = ?1"},
    {"milestone_revisions", "SELECT count(*) FROM milestone_revisions WHERE milestone_id IN "
                            "(SELECT id FROM milestones WHERE student_id = ?1)"},
    {"measurements", "SELECT count(*) FROM measurements WHERE milestone_id IN (SELECT id FROM milestones WHERE student_id = ?1)"},
    {"support_changes", "SELECT count(*) FROM support_changes WHERE milestone_id IN "
                        "(SELECT id FROM milestones WHERE student_id = ?1)"},
    {"if_then_rules", "SELECT count(*) FROM if_then_rules WHERE milestone_id IN (SELECT id FROM milestones WHERE student_id = ?1)"},
    {"self_checks", "SELECT count(*) FROM self_checks WHERE student_id = ?1"},
    {"next_step_plans", "SELECT count(*) FROM next_step_plans WHERE student_id = ?1"},
    {"mastery_ratings", "SELECT count(*) FROM mastery_ratings WHERE student_id = ?1"},
    {"celebrations", "SELECT count(*) FROM celebrations WHERE student_id = ?1"},
    {"badges", "SELECT count(*) FROM badges WHERE student_id = ?1"},
    {"kiosk_sessions", "SELECT count(*) FROM kiosk_sessions WHERE student_id = ?1"},
};

static int student_purge(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"yes", false, NULL}};
    const char *pos[1];
    int npos = 0, rc;
    long long id;
    if ((rc = sp_admin_parse(a, argc, argv, o, 1, pos, 1, &npos)))
        return rc;
    if (npos != 1)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected the SIS id of the student to purge (see --help)");
    if ((rc = sp_admin_find_student(a, pos[0], &id)))
        return rc;
    json_t *removed = json_object();
    size_t n = sizeof PURGE_COUNTS / sizeof PURGE_COUNTS[0];
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(a->db, PURGE_COUNTS[i][1], -1, &st, NULL) != SQLITE_OK) {
            json_decref(removed);
            return sp_admin_fail_sql(a, "counting the student's data failed");
        }
        sqlite3_bind_int64(st, 1, id);
        long long count = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_finalize(st);
        json_object_set_new(removed, PURGE_COUNTS[i][0], json_integer(count));
    }
    if (!o[0].value) {
        fprintf(a->err, "signpost-admin %s: purging %s would permanently delete the student and:", a->command, pos[0]);
        for (size_t i = 0; i < n; i++)
            fprintf(a->err, "%s %lld %s", i ? "," : "",
                    (long long)json_integer_value(json_object_get(removed, PURGE_COUNTS[i][0])), PURGE_COUNTS[i][0]);
        fprintf(a->err, "\nsignpost-admin %s: nothing was removed; add --yes to purge (consider `student archive`)\n",
                a->command);
        json_decref(removed);
        return SP_EXIT_USAGE;
    }
    /* Freed pages are overwritten so the student's data does not linger in the file. */
    sp_db_exec(a->db, "PRAGMA secure_delete = ON");
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "DELETE FROM students WHERE id = ?1", -1, &st, NULL) != SQLITE_OK) {
        json_decref(removed);
        return sp_admin_fail_sql(a, "purging failed");
    }
    sqlite3_bind_int64(st, 1, id);
    rc = sqlite3_step(st) == SQLITE_DONE ? SP_EXIT_OK : sp_admin_fail_sql(a, "purging failed");
    sqlite3_finalize(st);
    if (rc) {
        json_decref(removed);
        return rc;
    }
    sp_admin_printf(a, "Purged student %s and all their data:\n", pos[0]);
    for (size_t i = 0; i < n; i++)
        sp_admin_printf(a, "  %-20s %lld\n", PURGE_COUNTS[i][0],
                        (long long)json_integer_value(json_object_get(removed, PURGE_COUNTS[i][0])));
    if (a->json)
        a->result = json_pack("{s:s, s:o}", "purged", pos[0], "removed", removed);
    else
        json_decref(removed);
    return SP_EXIT_OK;
}

/* ---- the noun ----------------------------------------------------------------------------- */

static const sp_admin_verb STUDENT_VERBS[] = {
    {"add", student_add, 0, "add a student (optionally enrolling them in classes)",
     "Usage: signpost-admin student add --sis-id ID --given NAME --grade K|1..12 [OPTIONS]\n\n"
     "Adds one student. The SIS id must be new (use `student edit` to change a student).\n\n"
     "Options:\n"
     "  --sis-id ID            the student information system id (1-64 characters, unique)\n"
     "  --given NAME           given name (1-200 characters)\n"
     "  --family NAME          family name (up to 200 characters)\n"
     "  --preferred NAME       the name the kiosk greets them with (default: the given name)\n"
     "  --grade K|1..12        grade level (K for kindergarten)\n"
     "  --language CODE        home language, such as en, es, pt-BR (default en)\n"
     "  --kiosk-language CODE  the language of the kiosk's words for this student, such as es or ar\n"
     "                         (default: the school's language; 'school' to go back to it)\n"
     "  --read-aloud           read every screen aloud\n"
     "  --dyslexia-font        use the dyslexia-friendly font\n"
     "  --large-text           use large text\n"
     "  --high-contrast        use high contrast colours\n"
     "  --accommodations TEXT  IEP/504 accommodations note (up to 4000 characters)\n"
     "  --class CODES          enroll in these classes (codes separated by commas)\n\n"
     "Examples:\n"
     "  signpost-admin student add --sis-id S1001 --given Maya --family Lopez --grade 8 --class ELA8-2\n"
     "  signpost-admin student add --sis-id S1002 --given Zoë --grade K --language fr --read-aloud\n"},
    {"list", student_list, SP_VERB_READONLY, "list students (by class, search, archived)",
     "Usage: signpost-admin student list [--class CODE] [--search TEXT] [--archived]\n\n"
     "Lists active students, sorted by family name.\n\n"
     "Options:\n"
     "  --class CODE    only students enrolled in this class\n"
     "  --search TEXT   only students whose SIS id or names contain TEXT (case-insensitive)\n"
     "  --archived      list archived students instead of active ones\n\n"
     "Examples:\n"
     "  signpost-admin student list --class ELA8-2\n"
     "  signpost-admin --json student list --search lopez\n"},
    {"show", student_show, SP_VERB_READONLY, "a student's profile, classes, milestones and badge",
     "Usage: signpost-admin student show SIS_ID\n\n"
     "Shows the profile, reading supports, classes, milestone counts by status and badge status.\n\n"
     "Example:\n  signpost-admin student show S1001\n"},
    {"edit", student_edit, 0, "change a student's details",
     "Usage: signpost-admin student edit SIS_ID [OPTIONS]\n\n"
     "Changes only the fields given.\n\n"
     "Options:\n"
     "  --given NAME, --family NAME, --preferred NAME, --grade K|1..12, --language CODE,\n"
     "  --accommodations TEXT, --kiosk-language CODE|school   as for `student add`\n"
     "  --read-aloud / --no-read-aloud, --dyslexia-font / --no-dyslexia-font,\n"
     "  --large-text / --no-large-text, --high-contrast / --no-high-contrast\n"
     "                         turn a reading support on or off\n"
     "  --new-sis-id ID          change the SIS id\n\n"
     "Examples:\n"
     "  signpost-admin student edit S1001 --preferred Mia --large-text\n"
     "  signpost-admin student edit S1001 --grade 9 --no-read-aloud\n"
     "  signpost-admin student edit S1001 --kiosk-language es\n"},
    {"archive", student_archive, 0, "archive a student who left (or --undo)",
     "Usage: signpost-admin student archive SIS_ID [--undo]\n\n"
     "Hides a student from lists and rosters while keeping all their data. --undo restores them.\n"
     "To delete everything about a student, see `student purge`.\n\n"
     "Examples:\n  signpost-admin student archive S1001\n  signpost-admin student archive S1001 --undo\n"},
    {"import", student_import, 0, "add or update students from a roster CSV",
     "Usage: signpost-admin student import FILE.csv [--dry-run]\n\n"
     "Reads a roster exported from a spreadsheet or SIS (UTF-8, with or without BOM, CRLF or LF,\n"
     "quoted values may hold commas and line breaks; a line break in a name becomes a space). The\n"
     "first row names the columns (any case):\n"
     "  sis_id, given_name, grade                     required\n"
     "  family_name, preferred_name, home_language    optional\n"
     "  class                                         class codes to enroll in, separated by ';'\n"
     "  read_aloud, dyslexia_font, large_text, high_contrast   yes/no\n"
     "  accommodations                                note (up to 4000 characters)\n"
     "  kiosk_language                                the kiosk's language for them (es, ar, ... or school)\n"
     "Students are matched by sis_id: new ones are added, existing ones updated (a missing optional\n"
     "column leaves their stored value alone). If any line is bad, every bad line is reported as\n"
     "`line N, column NAME: expected ..., got '...'` and nothing is imported.\n\n"
     "Options:\n"
     "  --dry-run   check the file and report what would happen; write nothing\n\n"
     "Examples:\n"
     "  signpost-admin student import roster.csv --dry-run\n"
     "  signpost-admin student import roster.csv\n"},
    {"purge", student_purge, 0, "delete a student and all their data (needs --yes)",
     "Usage: signpost-admin student purge SIS_ID --yes\n\n"
     "Permanently deletes the student and everything recorded about them: enrollments, milestones\n"
     "with their measurements, revisions, supports and rules, self-checks, next-step plans, mastery ratings,\n"
     "celebrations, badges and kiosk sessions. Without --yes it only reports what would be removed.\n\n"
     "Examples:\n  signpost-admin student purge S1001          (shows what would be removed)\n"
     "  signpost-admin student purge S1001 --yes\n"},
    {0}};

const sp_admin_noun sp_cmd_student = {"student", "add, list, import and look after students", STUDENT_VERBS};
