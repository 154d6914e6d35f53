/* report_class.c — `signpost-admin report class --class CODE`: the mirror for instruction.
 *
 * Every current milestone of the class (written for the class, or belonging to one of its
 * students and to no class) is read and evaluated once through the goal reader, then counted in
 * three groupings: by milestone template, by category and by learning target (standard code).
 * Each group gets its counts (red, yellow, green, met, baselining), the students behind each
 * count, and the teaching signal of class_patterns.h with the rule that fired. Text, --json or
 * --csv (one row per group; cells that a spreadsheet would read as a formula start with '). */
#include "admin.h"
#include "class_patterns.h"
#include "dates.h"
#include "milestone_fields.h"
#include "report_class.h"
#include "table_out.h"

#include <stdlib.h>
#include <string.h>

enum { DIM_TEMPLATE, DIM_CATEGORY, DIM_TARGET, DIM_COUNT };
static const char *const DIM_KEY[DIM_COUNT] = {"template", "category", "learning_target"};
static const char *const DIM_TITLE[DIM_COUNT] = {"By milestone template", "By category", "By learning target"};
static const char *const DIM_NONE[DIM_COUNT] = {"(no template)", "", "(no learning target)"};

typedef struct {
    long long milestone;
    long long student;
    int student_index; /* into the report's student names */
} member;

typedef struct {
    int dim;
    char key[128];
    int count[SP_PAT_COUNT];
    member *members[SP_PAT_COUNT];
    size_t nmembers[SP_PAT_COUNT], cap[SP_PAT_COUNT];
    int flagged_students; /* distinct students with a red or yellow milestone in the group */
} group;

typedef struct {
    group *groups;
    size_t n, cap;
    char **names; /* "Maya Lopez (S1)" per student index */
    size_t nnames, capnames;
    long long last_student;
    int milestones, students;
} report;

static group *find_group(report *r, int dim, const char *key)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->groups[i].dim == dim && strcmp(r->groups[i].key, key) == 0)
            return &r->groups[i];
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        group *ng = realloc(r->groups, cap * sizeof *ng);
        if (!ng)
            return NULL;
        r->groups = ng;
        r->cap = cap;
    }
    group *g = &r->groups[r->n++];
    memset(g, 0, sizeof *g);
    g->dim = dim;
    snprintf(g->key, sizeof g->key, "%s", key);
    return g;
}

static int add_member(group *g, sp_pattern_kind k, member m)
{
    if (g->nmembers[k] == g->cap[k]) {
        size_t cap = g->cap[k] ? g->cap[k] * 2 : 8;
        member *nm = realloc(g->members[k], cap * sizeof *nm);
        if (!nm)
            return -1;
        g->members[k] = nm;
        g->cap[k] = cap;
    }
    /* a student counts once towards the signal, however many of their milestones are flagged */
    if (k == SP_PAT_RED || k == SP_PAT_YELLOW) {
        bool seen = false;
        for (int kk = SP_PAT_RED; kk <= SP_PAT_YELLOW && !seen; kk++)
            for (size_t i = 0; i < g->nmembers[kk] && !seen; i++)
                seen = g->members[kk][i].student == m.student;
        if (!seen)
            g->flagged_students++;
    }
    g->members[k][g->nmembers[k]++] = m;
    g->count[k]++;
    return 0;
}

static void report_free(report *r)
{
    for (size_t i = 0; i < r->n; i++)
        for (int k = 0; k < SP_PAT_COUNT; k++)
            free(r->groups[i].members[k]);
    free(r->groups);
    for (size_t i = 0; i < r->nnames; i++)
        free(r->names[i]);
    free(r->names);
}

static int group_total(const group *g)
{
    int t = 0;
    for (int k = 0; k < SP_PAT_COUNT; k++)
        t += g->count[k];
    return t;
}

static bool group_signal(const group *g)
{
    return sp_teaching_signal(group_total(g), g->count[SP_PAT_RED] + g->count[SP_PAT_YELLOW], g->flagged_students);
}

static int by_dim_then_key(const void *x, const void *y)
{
    const group *a = x, *b = y;
    if (a->dim != b->dim)
        return a->dim - b->dim;
    return strcmp(a->key, b->key);
}

static int push_name(report *r, const char *name, const char *sis)
{
    if (r->nnames == r->capnames) {
        size_t cap = r->capnames ? r->capnames * 2 : 32;
        char **nn = realloc(r->names, cap * sizeof *nn);
        if (!nn)
            return -1;
        r->names = nn;
        r->capnames = cap;
    }
    size_t len = strlen(name) + strlen(sis) + 4;
    char *s = malloc(len);
    if (!s)
        return -1;
    snprintf(s, len, "%s (%s)", name, sis);
    r->names[r->nnames++] = s;
    return 0;
}

static int collect(sp_admin *a, report *r, long long class_id)
{
    sqlite3_stmt *st = NULL;
    sp_goal_reader *reader = NULL;
    int rc, s;
    if ((rc = sp_ms_reader(a, &reader)))
        return rc;
    sp_goal_reader_lights_only(reader);
    if (sqlite3_prepare_v2(a->db,
                           "SELECT m.id, s.id, s.sis_id,"
                           " CASE WHEN s.preferred_name <> '' THEN s.preferred_name ELSE s.given_name END"
                           "   || CASE WHEN s.family_name <> '' THEN ' ' || s.family_name ELSE '' END,"
                           " coalesce(m.template_key, ''), m.category, m.standard_code"
                           " FROM milestones m JOIN students s ON s.id = m.student_id"
                           " WHERE s.archived = 0 AND m.status IN ('active', 'baselining', 'met')"
                           " AND m.id IN (SELECT id FROM milestones WHERE class_id = ?1"
                           "   UNION ALL SELECT mm.id FROM enrollments e JOIN milestones mm ON mm.student_id = e.student_id"
                           "   WHERE e.class_id = ?1 AND mm.class_id IS NULL)"
                           " ORDER BY s.family_name, s.given_name, s.sis_id, m.id",
                           -1, &st, NULL) != SQLITE_OK) {
        sp_goal_reader_free(reader);
        return sp_admin_fail_sql(a, "reading the class's milestones failed");
    }
    sqlite3_bind_int64(st, 1, class_id);
    r->last_student = -1;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        long long mid = sqlite3_column_int64(st, 0), student = sqlite3_column_int64(st, 1);
        if (student != r->last_student) {
            if (push_name(r, (const char *)sqlite3_column_text(st, 3), (const char *)sqlite3_column_text(st, 2))) {
                rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
                break;
            }
            r->last_student = student;
            r->students++;
        }
        sp_goal_view v;
        if ((rc = sp_ms_load(a, reader, mid, &v)))
            break;
        sp_pattern_kind k = sp_pattern_of(v.status, &v.progress);
        sp_goal_view_clear(&v);
        const char *keys[DIM_COUNT] = {(const char *)sqlite3_column_text(st, 4),
                                       (const char *)sqlite3_column_text(st, 5),
                                       (const char *)sqlite3_column_text(st, 6)};
        member m = {mid, student, (int)r->nnames - 1};
        for (int d = 0; d < DIM_COUNT && !rc; d++) {
            group *g = find_group(r, d, *keys[d] ? keys[d] : DIM_NONE[d]);
            if (!g || add_member(g, k, m))
                rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
        }
        if (rc)
            break;
        r->milestones++;
    }
    if (!rc && s != SQLITE_DONE)
        rc = sp_admin_fail_sql(a, "reading the class's milestones failed");
    sqlite3_finalize(st);
    sp_goal_reader_free(reader);
    return rc;
}

static void signal_words(const group *g, char *out, size_t len)
{
    snprintf(out, len,
             "Teaching signal: many students miss %s \xE2\x80\x94 look at instruction (%d of %d milestones red or "
             "yellow, %d students; rule: %s)",
             g->key, g->count[SP_PAT_RED] + g->count[SP_PAT_YELLOW], group_total(g), g->flagged_students,
             sp_teaching_signal_rule());
}

static void print_text(sp_admin *a, const report *r, const char *code, const char *name)
{
    FILE *f = a->out;
    char today[11], sig[600];
    sp_date_format(a->today, today);
    fprintf(f, "Class patterns \xE2\x80\x94 %s (%s), %s\n", code, name, today);
    fprintf(f, "%d student%s, %d current milestone%s. Counts say where instruction may need to change, not who\n"
               "is to blame: the milestone is a mirror for instruction.\n",
            r->students, r->students == 1 ? "" : "s", r->milestones, r->milestones == 1 ? "" : "s");
    if (!r->milestones) {
        fprintf(f, "\nNo current milestones in this class yet.\n");
        return;
    }
    for (int d = 0; d < DIM_COUNT; d++) {
        fprintf(f, "\n%s:\n", DIM_TITLE[d]);
        sp_table *t = sp_table_new(8, (const char *const[]){"Group", "Milestones", "Red", "Yellow", "Green", "Met",
                                                             "Baselining", "Signal"});
        for (size_t i = 0; i < r->n; i++) {
            const group *g = &r->groups[i];
            if (g->dim != d)
                continue;
            char c[SP_PAT_COUNT][16], tot[16];
            for (int k = 0; k < SP_PAT_COUNT; k++)
                snprintf(c[k], sizeof c[k], "%d", g->count[k]);
            snprintf(tot, sizeof tot, "%d", group_total(g));
            sp_table_add(t, (const char *const[]){g->key, tot, c[0], c[1], c[2], c[3], c[4],
                                                  group_signal(g) ? "yes" : "-"});
        }
        sp_table_print(t, f, "");
        sp_table_free(t);
        for (size_t i = 0; i < r->n; i++) {
            const group *g = &r->groups[i];
            if (g->dim != d)
                continue;
            fprintf(f, "  %s\n", g->key);
            if (group_signal(g)) {
                signal_words(g, sig, sizeof sig);
                fprintf(f, "    %s\n", sig);
            }
            for (int k = 0; k < SP_PAT_COUNT; k++) {
                if (!g->nmembers[k])
                    continue;
                fprintf(f, "    %s:", sp_pattern_name((sp_pattern_kind)k));
                for (size_t m = 0; m < g->nmembers[k]; m++)
                    fprintf(f, "%s %s #%lld", m ? "," : "", r->names[g->members[k][m].student_index],
                            g->members[k][m].milestone);
                fputc('\n', f);
            }
        }
    }
}

static json_t *as_json(const report *r, const char *code, const char *name, const char *today)
{
    json_t *dims = json_object();
    for (int d = 0; d < DIM_COUNT; d++)
        json_object_set_new(dims, DIM_KEY[d], json_array());
    char sig[600];
    for (size_t i = 0; i < r->n; i++) {
        const group *g = &r->groups[i];
        json_t *counts = json_object(), *students = json_object();
        for (int k = 0; k < SP_PAT_COUNT; k++) {
            json_object_set_new(counts, sp_pattern_name((sp_pattern_kind)k), json_integer(g->count[k]));
            json_t *list = json_array();
            for (size_t m = 0; m < g->nmembers[k]; m++)
                json_array_append_new(list, json_pack("{s:s, s:I}", "student", r->names[g->members[k][m].student_index],
                                                      "milestone_id", (json_int_t)g->members[k][m].milestone));
            json_object_set_new(students, sp_pattern_name((sp_pattern_kind)k), list);
        }
        bool fires = group_signal(g);
        if (fires)
            signal_words(g, sig, sizeof sig);
        json_array_append_new(json_object_get(dims, DIM_KEY[g->dim]),
                              json_pack("{s:s, s:i, s:o, s:o, s:{s:b, s:s, s:s?}}", "group", g->key, "milestones",
                                        group_total(g), "counts", counts, "students", students, "teaching_signal",
                                        "fires", fires, "rule", sp_teaching_signal_rule(), "message",
                                        fires ? sig : NULL));
    }
    return json_pack("{s:s, s:s, s:s, s:i, s:i, s:o}", "class", code, "name", name, "date", today, "students",
                     r->students, "milestones", r->milestones, "groups", dims);
}

/* One CSV cell, quoted; text a spreadsheet would run as a formula is kept as text. */
static void csv_cell(FILE *f, const char *s, bool first)
{
    if (!first)
        fputc(',', f);
    fputc('"', f);
    if (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r')
        fputc('\'', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static void print_csv(sp_admin *a, const report *r)
{
    FILE *f = a->out;
    static const char *const HEAD[] = {"grouping", "group", "milestones", "red", "yellow", "green", "met",
                                       "baselining", "teaching_signal", "red_students", "yellow_students",
                                       "green_students", "met_students", "baselining_students"};
    for (size_t i = 0; i < sizeof HEAD / sizeof HEAD[0]; i++)
        csv_cell(f, HEAD[i], i == 0);
    fputs("\r\n", f);
    for (size_t i = 0; i < r->n; i++) {
        const group *g = &r->groups[i];
        char num[16];
        csv_cell(f, DIM_KEY[g->dim], true);
        csv_cell(f, g->key, false);
        snprintf(num, sizeof num, "%d", group_total(g));
        csv_cell(f, num, false);
        for (int k = 0; k < SP_PAT_COUNT; k++) {
            snprintf(num, sizeof num, "%d", g->count[k]);
            csv_cell(f, num, false);
        }
        csv_cell(f, group_signal(g) ? "yes" : "no", false);
        for (int k = 0; k < SP_PAT_COUNT; k++) {
            size_t len = 1;
            for (size_t m = 0; m < g->nmembers[k]; m++)
                len += strlen(r->names[g->members[k][m].student_index]) + 2;
            char *list = malloc(len);
            if (!list)
                continue;
            list[0] = 0;
            for (size_t m = 0; m < g->nmembers[k]; m++) {
                if (m)
                    strcat(list, "; ");
                strcat(list, r->names[g->members[k][m].student_index]);
            }
            csv_cell(f, list, false);
            free(list);
        }
        fputs("\r\n", f);
    }
}

int sp_report_class(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"class", true, NULL}, {"csv", false, NULL}};
    int rc;
    long long class_id;
    if ((rc = sp_admin_parse(a, argc, argv, o, 2, NULL, 0, NULL)))
        return rc;
    if (!o[0].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--class is required (the class code; see `class list`)");
    if (o[1].value && a->json)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--csv and --json: choose one output format");
    if ((rc = sp_admin_find_class(a, o[0].value, &class_id)))
        return rc;
    char name[256] = "";
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "SELECT name FROM classes WHERE id = ?1", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, class_id);
        if (sqlite3_step(st) == SQLITE_ROW)
            snprintf(name, sizeof name, "%s", (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    report r = {0};
    if ((rc = collect(a, &r, class_id))) {
        report_free(&r);
        return rc;
    }
    qsort(r.groups, r.n, sizeof *r.groups, by_dim_then_key);
    char today[11];
    sp_date_format(a->today, today);
    if (a->json)
        a->result = as_json(&r, o[0].value, name, today);
    else if (o[1].value)
        print_csv(a, &r);
    else
        print_text(a, &r, o[0].value, name);
    report_free(&r);
    return SP_EXIT_OK;
}
