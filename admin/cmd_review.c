/* cmd_review.c — `signpost-admin review`: who needs attention?
 *
 * Every current milestone in scope (a class, a student, or the whole school) is read and
 * evaluated through the goal reader, then sorted into the lists a teacher acts on, in this order:
 * red (the four-point rule says: change the support), yellow (watch; includes "no new data"),
 * due for review (by its cadence), raise-the-goal suggestions and milestones still finding their
 * starting point. Last comes the teaching signal: when at least 3 students of a class, and at
 * least half of that class's milestones sharing a template, are red or yellow, the milestone is
 * a mirror for instruction rather than for those students. */
#include "admin.h"
#include "class_patterns.h"
#include "dates.h"
#include "milestone_fields.h"
#include "planned.h"
#include "table_out.h"

#include <stdlib.h>
#include <string.h>

enum { G_RED, G_PLANNED, G_YELLOW, G_DUE, G_RAISE, G_BASELINING, G_COUNT };

static const char *const GROUP_KIND[G_COUNT] = {"red", "planned-response", "yellow", "due-for-review", "raise-the-goal",
                                                "baselining"};
static const char *const GROUP_TITLE[G_COUNT] = {
    "Red \xE2\x80\x94 time to change the support",
    "Planned responses \xE2\x80\x94 decided in advance, their time has come", "Yellow \xE2\x80\x94 watch", "Due for review",
    "Raise the goal?", "Finding the starting point"};

typedef struct {
    int group;
    long long id;
    char sis[80];
    char name[256];
    char text[200];     /* shortened student text */
    char *full_text;    /* owned */
    char light[8];
    char reason[768];
    long long rule_id;  /* planned responses: the rule */
    char class_code[80];
    char template_key[128];
    int misses;
} item;

typedef struct {
    char class_code[80];
    char template_key[128];
    int total, flagged;
    long long students[64]; /* distinct flagged students (enough to count to 3) */
    int nstudents;
} signal;

typedef struct {
    item *items;
    size_t n, cap;
    signal *signals;
    size_t nsig, capsig;
} review;

static int push_item(review *rv, const item *it)
{
    if (rv->n == rv->cap) {
        size_t cap = rv->cap ? rv->cap * 2 : 16;
        item *ni = realloc(rv->items, cap * sizeof *ni);
        if (!ni)
            return -1;
        rv->items = ni;
        rv->cap = cap;
    }
    rv->items[rv->n] = *it;
    rv->items[rv->n].full_text = strdup(it->full_text ? it->full_text : "");
    if (!rv->items[rv->n].full_text)
        return -1;
    rv->n++;
    return 0;
}

static signal *find_signal(review *rv, const char *cls, const char *key)
{
    for (size_t i = 0; i < rv->nsig; i++)
        if (strcmp(rv->signals[i].class_code, cls) == 0 && strcmp(rv->signals[i].template_key, key) == 0)
            return &rv->signals[i];
    if (rv->nsig == rv->capsig) {
        size_t cap = rv->capsig ? rv->capsig * 2 : 8;
        signal *ns = realloc(rv->signals, cap * sizeof *ns);
        if (!ns)
            return NULL;
        rv->signals = ns;
        rv->capsig = cap;
    }
    signal *s = &rv->signals[rv->nsig++];
    memset(s, 0, sizeof *s);
    snprintf(s->class_code, sizeof s->class_code, "%s", cls);
    snprintf(s->template_key, sizeof s->template_key, "%s", key);
    return s;
}

static void count_signal(signal *s, long long student, bool flagged)
{
    s->total++;
    if (!flagged)
        return;
    s->flagged++;
    for (int i = 0; i < s->nstudents; i++)
        if (s->students[i] == student)
            return;
    if (s->nstudents < (int)(sizeof s->students / sizeof s->students[0]))
        s->students[s->nstudents++] = student;
}

static bool signal_fires(const signal *s) { return sp_teaching_signal(s->total, s->flagged, s->nstudents); }

static int by_group(const void *x, const void *y)
{
    const item *a = x, *b = y;
    if (a->group != b->group)
        return a->group - b->group;
    if (a->misses != b->misses)
        return b->misses - a->misses;
    int c = strcmp(a->name, b->name);
    if (c)
        return c;
    return (a->id > b->id) - (a->id < b->id);
}

static void review_free(review *rv)
{
    for (size_t i = 0; i < rv->n; i++)
        free(rv->items[i].full_text);
    free(rv->items);
    free(rv->signals);
}

/* Sorts one evaluated milestone into the lists. */
static int classify(sp_admin *a, review *rv, sp_planner *planner, const sp_goal_view *v, const char *sis,
                    const char *name, const char *cls, const char *key)
{
    item it;
    memset(&it, 0, sizeof it);
    it.id = v->id;
    snprintf(it.sis, sizeof it.sis, "%s", sis);
    snprintf(it.name, sizeof it.name, "%s", name);
    snprintf(it.class_code, sizeof it.class_code, "%s", cls);
    snprintf(it.template_key, sizeof it.template_key, "%s", key);
    snprintf(it.light, sizeof it.light, "%s", sp_light_name(v->progress.light));
    sp_ms_shorten(v->student_text, 40, it.text, sizeof it.text);
    it.full_text = v->student_text;
    it.misses = v->progress.misses_in_a_row;
    const sp_progress *p = &v->progress;
    bool open = sp_ms_status_open(v->status);
    bool flagged = open && (p->light == SP_LIGHT_RED || p->light == SP_LIGHT_YELLOW);
    if (*cls && *key) {
        signal *s = find_signal(rv, cls, key);
        if (!s)
            return sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
        count_signal(s, v->student_id, flagged);
    }
    if (!open)
        return SP_EXIT_OK;
    char cadence[32];
    sp_ms_cadence_words(v->goal.cadence_days, cadence, sizeof cadence);
    if (p->light == SP_LIGHT_RED || p->light == SP_LIGHT_YELLOW) {
        it.group = p->light == SP_LIGHT_RED ? G_RED : G_YELLOW;
        sp_ms_reason_text(v, it.reason, sizeof it.reason);
        if (push_item(rv, &it))
            return sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
    } else if (v->due_for_review && !p->baselining) {
        it.group = G_DUE;
        snprintf(it.reason, sizeof it.reason, "due for its %s review", cadence);
        if (push_item(rv, &it))
            return sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
    }
    sp_planned *rules = NULL;
    size_t nrules = 0, ndue = 0;
    int rc = sp_planned_load(a, planner, v, &rules, &nrules, &ndue);
    for (size_t i = 0; !rc && i < nrules; i++) {
        if (!rules[i].holds)
            continue;
        it.group = G_PLANNED;
        it.rule_id = rules[i].id;
        char sentence[700];
        sp_planned_sentence(&rules[i], sentence, sizeof sentence);
        snprintf(it.reason, sizeof it.reason, "rule %lld: %s", rules[i].id, sentence);
        if (push_item(rv, &it))
            rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
    }
    it.rule_id = 0;
    sp_planned_free(rules, nrules);
    if (rc)
        return rc;
    if (p->raise_goal) {
        it.group = G_RAISE;
        snprintf(it.reason, sizeof it.reason,
                 "last 4 checks above the aim line and at the target, before the due date");
        if (push_item(rv, &it))
            return sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
    }
    if (p->baselining) {
        it.group = G_BASELINING;
        snprintf(it.light, sizeof it.light, "none");
        snprintf(it.reason, sizeof it.reason, "finding the starting point (%zu of 3 checks so far)", v->npoints);
        if (push_item(rv, &it))
            return sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
    }
    return SP_EXIT_OK;
}

static int collect(sp_admin *a, review *rv, long long class_id, long long student)
{
    sqlite3_stmt *st = NULL;
    sp_goal_reader *r = NULL;
    sp_planner *planner = NULL;
    int rc, s;
    if ((rc = sp_ms_reader(a, &r)))
        return rc;
    if ((rc = sp_planner_new(a, &planner))) {
        sp_goal_reader_free(r);
        return rc;
    }
    /* The filters are added only when given, so each one can use its index (an "?1 = 0 OR ..."
     * condition would make SQLite scan every milestone of the district). A class's milestones are
     * those written for the class, and its students' milestones that belong to no class. */
    char sql[1400];
    snprintf(sql, sizeof sql,
             "SELECT m.id, s.sis_id,"
             " CASE WHEN s.preferred_name <> '' THEN s.preferred_name ELSE s.given_name END"
             "   || CASE WHEN s.family_name <> '' THEN ' ' || s.family_name ELSE '' END,"
             " coalesce(c.code, ''), coalesce(m.template_key, '')"
             " FROM milestones m JOIN students s ON s.id = m.student_id"
             " LEFT JOIN classes c ON c.id = m.class_id"
             " WHERE s.archived = 0 AND m.status IN ('active', 'baselining', 'met')%s%s"
             " ORDER BY s.family_name, s.given_name, s.sis_id, m.id",
             class_id ? " AND m.id IN (SELECT id FROM milestones WHERE class_id = ?1"
                        " UNION ALL SELECT mm.id FROM enrollments e JOIN milestones mm ON mm.student_id = e.student_id"
                        " WHERE e.class_id = ?1 AND mm.class_id IS NULL)"
                      : "",
             student ? " AND m.student_id = ?2" : "");
    if (sqlite3_prepare_v2(a->db, sql, -1, &st, NULL) != SQLITE_OK) {
        sp_goal_reader_free(r);
        sp_planner_free(planner);
        return sp_admin_fail_sql(a, "reading milestones failed");
    }
    sqlite3_bind_int64(st, 1, class_id);
    sqlite3_bind_int64(st, 2, student);
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        sp_goal_view v;
        if ((rc = sp_ms_load(a, r, sqlite3_column_int64(st, 0), &v)))
            break;
        rc = classify(a, rv, planner, &v, (const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2),
                      (const char *)sqlite3_column_text(st, 3), (const char *)sqlite3_column_text(st, 4));
        sp_goal_view_clear(&v);
        if (rc)
            break;
    }
    if (!rc && s != SQLITE_DONE)
        rc = sp_admin_fail_sql(a, "reading milestones failed");
    sqlite3_finalize(st);
    sp_goal_reader_free(r);
    sp_planner_free(planner);
    return rc;
}

static void signal_message(const signal *s, char *out, size_t len)
{
    snprintf(out, len, "Many students in %s miss %s: look at instruction (%d of %d milestones red or yellow, %d students)",
             s->class_code, s->template_key, s->flagged, s->total, s->nstudents);
}

static void print_text(sp_admin *a, const review *rv, const char *scope, bool signals)
{
    FILE *f = a->out;
    char today[11];
    sp_date_format(a->today, today);
    fprintf(f, "Who needs attention \xE2\x80\x94 %s, %s\n", scope, today);
    if (!rv->n)
        fprintf(f, "\nNobody needs attention right now: every milestone is on track and reviewed.\n");
    size_t i = 0;
    for (int g = 0; g < G_COUNT; g++) {
        sp_table *t = sp_table_new(5, (const char *const[]){"Student", "SIS ID", "ID", "Milestone", "Why"});
        for (; i < rv->n && rv->items[i].group == g; i++) {
            const item *it = &rv->items[i];
            char id[24];
            snprintf(id, sizeof id, "%lld", it->id);
            sp_table_add(t, (const char *const[]){it->name, it->sis, id, it->text, it->reason});
        }
        if (sp_table_rows(t)) {
            fprintf(f, "\n%s%s\n", GROUP_TITLE[g], g == G_RAISE ? "" : ":");
            sp_table_print(t, f, "");
        }
        sp_table_free(t);
    }
    if (!signals)
        return;
    bool any = false;
    char msg[400];
    for (size_t k = 0; k < rv->nsig; k++) {
        if (!signal_fires(&rv->signals[k]))
            continue;
        if (!any)
            fprintf(f, "\nTeaching signal:\n");
        any = true;
        signal_message(&rv->signals[k], msg, sizeof msg);
        fprintf(f, "  %s\n", msg);
    }
}

static json_t *as_json(const review *rv, bool signals)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < rv->n; i++) {
        const item *it = &rv->items[i];
        json_array_append_new(arr, json_pack("{s:s, s:I, s:s, s:s, s:s, s:s, s:s, s:s?, s:s?}", "kind",
                                             GROUP_KIND[it->group], "milestone_id", (json_int_t)it->id, "student",
                                             it->sis, "student_name", it->name, "student_text", it->full_text, "light",
                                             it->light, "reason", it->reason, "class",
                                             *it->class_code ? it->class_code : NULL, "template_key",
                                             *it->template_key ? it->template_key : NULL));
        if (it->rule_id)
            json_object_set_new(json_array_get(arr, json_array_size(arr) - 1), "rule_id", json_integer(it->rule_id));
    }
    char msg[400];
    for (size_t k = 0; signals && k < rv->nsig; k++) {
        const signal *s = &rv->signals[k];
        if (!signal_fires(s))
            continue;
        signal_message(s, msg, sizeof msg);
        json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:i, s:i, s:i, s:s}", "kind", "teaching-signal", "class",
                                             s->class_code, "template_key", s->template_key, "milestones", s->total,
                                             "red_or_yellow", s->flagged, "students", s->nstudents, "reason", msg));
    }
    return arr;
}

static int review_run(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"class", true, NULL}, {"student", true, NULL}};
    int rc;
    long long class_id = 0, student = 0;
    if ((rc = sp_admin_parse(a, argc, argv, o, 2, NULL, 0, NULL)) ||
        (o[0].value && (rc = sp_admin_find_class(a, o[0].value, &class_id))) ||
        (o[1].value && (rc = sp_admin_find_student(a, o[1].value, &student))))
        return rc;
    review rv = {0};
    if ((rc = collect(a, &rv, class_id, student))) {
        review_free(&rv);
        return rc;
    }
    qsort(rv.items, rv.n, sizeof *rv.items, by_group);
    bool signals = !student; /* a pattern across students says nothing about one student */
    char scope[200];
    if (o[1].value)
        snprintf(scope, sizeof scope, "student %s", o[1].value);
    else if (o[0].value)
        snprintf(scope, sizeof scope, "class %s", o[0].value);
    else
        snprintf(scope, sizeof scope, "all classes");
    if (a->json)
        a->result = as_json(&rv, signals);
    else
        print_text(a, &rv, scope, signals);
    review_free(&rv);
    return SP_EXIT_OK;
}

static const sp_admin_verb REVIEW_VERBS[] = {
    {NULL, review_run, SP_VERB_READONLY, "who needs attention, red first",
     "Usage: signpost-admin review [--class CODE] [--student SIS] [--json]\n\n"
     "Lists the milestones that need a teacher, most urgent first:\n"
     "  red             the last 4 checks all missed the aim line: time to change the support\n"
     "  planned         an if/then rule's condition holds: the response decided in advance, with\n"
     "                  the date it was decided (`rule acted RULE` when it is done)\n"
     "  yellow          below the aim line, or no new data for two review periods\n"
     "  due for review  on track, but its review cadence has come round\n"
     "  raise the goal? the last 4 checks beat the aim line and reached the target early\n"
     "  baselining      still finding the starting point\n"
     "Then the teaching signal: when at least 3 students and at least half of a class's milestones\n"
     "from one template are red or yellow, it says \"Many students in CLASS miss TEMPLATE: look at\n"
     "instruction\". --json prints the same as an array of objects with a \"kind\".\n\n"
     "Examples:\n  signpost-admin review --class ELA8-2\n  signpost-admin --json review --student S1001\n"},
    {0}};

const sp_admin_noun sp_cmd_review = {"review", "who needs attention? red first, then yellow, then due", REVIEW_VERBS};
