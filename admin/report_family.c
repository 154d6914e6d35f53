/* report_family.c — `signpost-admin report family`: the one-page family summary of a student or
 * of every student of a class, as a PDF (-o FILE.pdf) or as plain text on stdout.
 *
 * Students are loaded with the conference view model (conference.h), so a family sees exactly
 * what the student would show them at the kiosk and never a staff-only milestone. Every word
 * for the family is in the language asked for (default: the school's), teacher texts too where
 * the teacher gave them in it. The PDF goes through out_file.h, so a failed write leaves nothing
 * half-written behind. */
#include "admin.h"
#include "family_summary.h"
#include "report_family.h"

#include "i18n.h"
#include "languages.h"
#include "out_file.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

/* The languages a summary can be printed in: English (the source text) and every installed
 * catalog, listed from the catalog directory ("en, ar, es, vi, zh_CN"). */
static void available_languages(char *out, size_t len)
{
    snprintf(out, len, "en");
    const char *dir = sp_i18n_init();
    DIR *d = dir ? opendir(dir) : NULL;
    if (!d)
        return;
    char names[64][48];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 64) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "en") == 0 || strncmp(e->d_name, "xx", 2) == 0 ||
            strlen(e->d_name) >= sizeof names[0])
            continue;
        if (sp_i18n_has_catalog(e->d_name))
            snprintf(names[n++], sizeof names[0], "%s", e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof names[0], (int (*)(const void *, const void *))strcmp);
    for (size_t i = 0; i < n; i++) {
        size_t used = strlen(out), k = strlen(names[i]);
        if (used + 2 + k >= len)
            break;
        memcpy(out + used, ", ", 2);
        memcpy(out + used + 2, names[i], k + 1);
    }
}

/* The active students of a class, by family name. */
static int class_students(sp_admin *a, long long class_id, long long **ids, size_t *n)
{
    sqlite3_stmt *st = NULL;
    *ids = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(a->db,
                           "SELECT s.id FROM enrollments e JOIN students s ON s.id = e.student_id"
                           " WHERE e.class_id = ?1 AND s.archived = 0 ORDER BY s.family_name, s.given_name, s.id",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the class failed");
    sqlite3_bind_int64(st, 1, class_id);
    size_t cap = 0;
    int s;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 32;
            long long *m = realloc(*ids, cap * sizeof *m);
            if (!m) {
                sqlite3_finalize(st);
                return sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
            }
            *ids = m;
        }
        (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return s == SQLITE_DONE ? SP_EXIT_OK : sp_admin_fail_sql(a, "reading the class failed");
}

/* "no class with code 'X'; classes: A, B, C" */
static int unknown_class(sp_admin *a, const char *code)
{
    char list[1024] = "";
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "SELECT code FROM classes WHERE archived = 0 ORDER BY code", -1, &st, NULL) ==
        SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW) {
            size_t n = strlen(list);
            snprintf(list + n, sizeof list - n, "%s%s", n ? ", " : "", (const char *)sqlite3_column_text(st, 0));
        }
    }
    sqlite3_finalize(st);
    return sp_admin_fail(a, SP_EXIT_USAGE, "--class: no class with code '%s'; the classes are: %s", code,
                         *list ? list : "(none yet)");
}

/* Writes the PDF through out_file.h: a failed write leaves nothing behind and never replaces
 * an older summary. */
static int write_pdf(sp_admin *a, const char *path, const sp_conference *c, size_t n, const sp_family_opts *fo)
{
    sp_out_file out = {0};
    char err[600];
    if (!sp_out_open(&out, path, err, sizeof err))
        return sp_admin_fail(a, SP_EXIT_RUNTIME, "%s", err);
    if (sp_family_pdf(out.f, c, n, fo, err, sizeof err)) {
        sp_out_abort(&out);
        return sp_admin_fail(a, SP_EXIT_RUNTIME, "cannot write %s: %s (nothing was written)", path, err);
    }
    if (!sp_out_commit(&out, err, sizeof err))
        return sp_admin_fail(a, SP_EXIT_RUNTIME, "%s", err);
    return SP_EXIT_OK;
}

int sp_report_family(sp_admin *a, int argc, char **argv)
{
    enum { O_STUDENT, O_CLASS, O_LANG, O_PAPER, O_OUTPUT, O_COUNT };
    sp_opt o[O_COUNT] = {{"student", true, NULL}, {"class", true, NULL}, {"lang", true, NULL},
                         {"paper", true, NULL},   {"output", true, NULL}};
    /* -o FILE is the usual spelling; the option parser knows long names only. */
    char **args = calloc((size_t)argc + 1, sizeof *args);
    if (!args)
        return sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
    for (int i = 0; i < argc; i++)
        args[i] = strcmp(argv[i], "-o") == 0 ? (char *)"--output" : argv[i];
    int rc = sp_admin_parse(a, argc, args, o, O_COUNT, NULL, 0, NULL);
    free(args);
    if (rc)
        return rc;
    if (!o[O_STUDENT].value == !o[O_CLASS].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected exactly one of --student SIS or --class CODE (see --help)");
    sp_family_opts fo = {.paper = SP_PAPER_A4, .today = a->today};
    if (o[O_PAPER].value && !sp_paper_parse(o[O_PAPER].value, &fo.paper))
        return sp_admin_fail(a, SP_EXIT_USAGE, "--paper: expected a4 or letter, got '%s'", o[O_PAPER].value);
    sp_i18n_init();
    char school[SP_LANG_MAX];
    if (sp_school_language(a->db, school) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the school's language failed");
    const char *lang = o[O_LANG].value ? o[O_LANG].value : school;
    if (!sp_language_tag_ok(lang) || !sp_i18n_has_catalog(lang)) {
        char list[512];
        available_languages(list, sizeof list);
        return sp_admin_fail(a, SP_EXIT_USAGE, "--lang: no family summary in '%s'; the languages are: %s", lang, list);
    }
    const char *out = o[O_OUTPUT].value;
    if (out && !*out)
        return sp_admin_fail(a, SP_EXIT_USAGE, "-o: expected a file name such as family.pdf");
    sp_i18n_set_language(lang, school);
    fo.rtl = sp_i18n_is_rtl(lang);

    long long *ids = NULL, one = 0;
    size_t n = 0;
    if (o[O_STUDENT].value) {
        if ((rc = sp_admin_find_student(a, o[O_STUDENT].value, &one)))
            return rc;
    } else {
        long long class_id = 0;
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(a->db, "SELECT id FROM classes WHERE code = ?1", -1, &st, NULL) != SQLITE_OK)
            return sp_admin_fail_sql(a, "reading the class failed");
        sqlite3_bind_text(st, 1, o[O_CLASS].value, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            class_id = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        if (!class_id)
            return unknown_class(a, o[O_CLASS].value);
        if ((rc = class_students(a, class_id, &ids, &n)))
            return rc;
        if (n == 0) {
            free(ids);
            return sp_admin_fail(a, SP_EXIT_USAGE, "--class: class %s has no current students", o[O_CLASS].value);
        }
    }
    if (!ids) {
        ids = &one;
        n = 1;
    }

    char err[256];
    sp_goal_reader *r = sp_goal_reader_new(a->db, err, sizeof err);
    sp_conference *c = calloc(n, sizeof *c);
    size_t loaded = 0;
    if (!r || !c) {
        rc = r ? sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory") : sp_admin_fail(a, SP_EXIT_RUNTIME, "%s", err);
        goto done;
    }
    for (; loaded < n; loaded++) {
        int s = sp_conference_load(r, a->db, ids[loaded], lang, a->today, &c[loaded]);
        if (s == SQLITE_NOTFOUND) {
            rc = sp_admin_fail(a, SP_EXIT_USAGE, "--student: %s is archived; restore them first",
                               o[O_STUDENT].value ? o[O_STUDENT].value : "the student");
            goto done;
        }
        if (s != SQLITE_OK) {
            rc = sp_admin_fail_sql(a, "reading the summary failed");
            goto done;
        }
    }
    if (out) {
        rc = write_pdf(a, out, c, n, &fo);
        if (!rc)
            sp_admin_printf(a, "Wrote %zu family summar%s (%s) to %s\n", n, n == 1 ? "y" : "ies",
                            fo.paper == SP_PAPER_LETTER ? "Letter" : "A4", out);
    } else {
        for (size_t i = 0; i < n; i++) {
            if (i)
                fprintf(a->out, "\f\n"); /* a page break between students */
            sp_family_text(a->out, &c[i], &fo);
        }
        if (fflush(a->out) != 0 || ferror(a->out))
            rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "writing to standard output failed");
    }
done:
    for (size_t i = 0; i < loaded; i++)
        sp_conference_clear(&c[i]);
    free(c);
    sp_goal_reader_free(r);
    if (ids != &one)
        free(ids);
    return rc;
}
