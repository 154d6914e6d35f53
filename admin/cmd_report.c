/* cmd_report.c — `signpost-admin report`: what students said about their own learning, beside
 * what the teacher measured.
 *
 * `report reflections` walks one student's goals. For each it prints the teacher's side first
 * (the traffic light from the goal reader, its reason, the latest measurements against baseline
 * and target), then the student's side: every self-check (date, scale, rating in words, whether
 * they used their strategy, what got in the way, what they will try next) and every next-step
 * plan. The two sides are never combined into one number. The student's current mastery-tracker
 * ratings follow, teacher and student side by side.
 *
 * `report mastery` counts, per learning target of a class's unit, the students' latest
 * self-ratings 1-4 and the teacher's latest ratings 1-4, and flags the teaching signal (SPEC §3):
 * when at least SIGNAL_MIN_RATED students rated themselves on a target and at least half of them
 * chose 1 or 2, the target is probably one to reteach rather than a handful of students to worry
 * about. The window query keeps one latest row per student, target and rater, so the report is
 * one pass over the unit's ratings. */
#include "admin.h"
#include "dates.h"
#include "goals.h"
#include "milestone_fields.h"
#include "planned.h"
#include "reflect.h"
#include "report_class.h"
#include "report_family.h"
#include "table_out.h"

#include <stdlib.h>
#include <string.h>

/* The teaching signal fires when at least this many students rated a target... */
#define SIGNAL_MIN_RATED 3
/* ...and at least half of them (low * 2 >= rated) rated themselves 1 or 2. */

#define LATEST_POINTS 3

static const char RULE[] = "\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80"; /* ─── */
static const char DASH[] = "\xE2\x80\x94";                          /* — */

/* ---- report reflections ---------------------------------------------------------------------- */

static const char *scale_label(const char *db_name) { return strcmp(db_name, "faces3") == 0 ? "faces" : "1-4"; }

static sp_scale scale_of(const char *db_name)
{
    return strcmp(db_name, "faces3") == 0 ? SP_SCALE_FACES3 : SP_SCALE_SCALE4;
}

static const char *or_dash(const char *s) { return s && *s ? s : DASH; }

/* The student's self-checks of one goal, oldest first, as a table and as JSON. */
static int self_checks(sp_admin *a, sqlite3_stmt *st, long long goal, json_t *out)
{
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, goal);
    sp_table *t = sp_table_new(6, (const char *[]){"Date", "Scale", "Rating", "Used strategy", "Got in the way",
                                                    "Will try next"});
    int s, n = 0;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        const char *at = (const char *)sqlite3_column_text(st, 0);
        const char *scale = (const char *)sqlite3_column_text(st, 1);
        int rating = sqlite3_column_int(st, 2);
        int used = sqlite3_column_type(st, 3) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 3);
        const char *obstacle = (const char *)sqlite3_column_text(st, 4);
        const char *next = (const char *)sqlite3_column_text(st, 5);
        const char *words = sp_scale_words(scale_of(scale), rating);
        char date[11], rating_text[64];
        snprintf(date, sizeof date, "%.10s", at);
        snprintf(rating_text, sizeof rating_text, "%d %s", rating, words);
        sp_table_add(t, (const char *[]){date, scale_label(scale), rating_text,
                                         used < 0 ? DASH : used ? "yes" : "no", or_dash(obstacle), or_dash(next)});
        json_t *row = json_pack("{s:s, s:s, s:i, s:s, s:s, s:s}", "at", at, "scale", scale, "rating", rating, "words",
                                words, "obstacle", obstacle, "next_step", next);
        json_object_set_new(row, "used_strategy", used < 0 ? json_null() : json_boolean(used));
        json_array_append_new(out, row);
        n++;
    }
    if (s != SQLITE_DONE) {
        sp_table_free(t);
        return sp_admin_fail_sql(a, "reading self-checks failed");
    }
    sp_admin_printf(a, "Student's self-checks (%d):\n", n);
    if (!a->json)
        sp_table_print(t, a->out, "  none yet");
    sp_table_free(t);
    return SP_EXIT_OK;
}

static int plans(sp_admin *a, sqlite3_stmt *st, long long goal, json_t *out)
{
    static const char *const QUESTIONS[] = {"What's getting in the way", "Which change would help most",
                                            "How we will know", "What support first"};
    static const char *const KEYS[] = {"in_the_way", "change", "how_we_know", "support_first"};
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, goal);
    int s, n = 0;
    json_t *rows = json_array();
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        const char *at = (const char *)sqlite3_column_text(st, 0);
        json_t *row = json_pack("{s:s}", "at", at);
        if (!n)
            sp_admin_printf(a, "Next-step plans:\n");
        sp_admin_printf(a, "  %.10s\n", at);
        for (int q = 0; q < 4; q++) {
            const char *answer = (const char *)sqlite3_column_text(st, 1 + q);
            json_object_set_new(row, KEYS[q], json_string(answer));
            if (*answer)
                sp_admin_printf(a, "    %s? %s\n", QUESTIONS[q], answer);
        }
        json_array_append_new(rows, row);
        n++;
    }
    if (s != SQLITE_DONE) {
        json_decref(rows);
        return sp_admin_fail_sql(a, "reading next-step plans failed");
    }
    if (!n)
        sp_admin_printf(a, "Next-step plans: none yet\n");
    json_array_extend(out, rows);
    json_decref(rows);
    return SP_EXIT_OK;
}

/* The teacher's side of one goal: light, reason, latest points against baseline and target. */
static json_t *teacher_side(sp_admin *a, const sp_goal_view *v)
{
    const sp_progress *p = &v->progress;
    char reason[256], line[512] = "";
    sp_ms_reason_text(v, reason, sizeof reason);
    json_t *latest = json_array();
    size_t used = 0;
    for (size_t i = v->npoints, k = 0; i > 0 && k < LATEST_POINTS; i--, k++) {
        char date[11];
        sp_date_format(v->points[i - 1].day, date);
        used += (size_t)snprintf(line + used, sizeof line - used, "%s%s %g", k ? ", " : "", date, v->points[i - 1].value);
        if (used >= sizeof line)
            used = sizeof line - 1;
        json_array_append_new(latest, json_pack("{s:s, s:f}", "date", date, "value", v->points[i - 1].value));
    }
    const char *light = sp_light_name(p->light);
    if (p->met)
        sp_admin_printf(a, "Teacher data: met (%s)\n", reason);
    else if (p->light == SP_LIGHT_NONE)
        sp_admin_printf(a, "Teacher data: no light yet (%s)\n", reason);
    else
        sp_admin_printf(a, "Teacher data: %s light (%s)\n", light, reason);
    if (v->npoints)
        sp_admin_printf(a, "  latest checks%s%s%s: %s\n", v->unit_label[0] ? " (" : "", v->unit_label,
                        v->unit_label[0] ? ")" : "", line);
    else
        sp_admin_printf(a, "  no measurements yet\n");
    char base[64] = "not set yet";
    if (p->has_baseline)
        snprintf(base, sizeof base, "%g", p->baseline);
    sp_admin_printf(a, "  baseline %s, target %g (%s is better)\n", base, v->goal.target,
                    v->goal.direction == SP_LOWER_IS_BETTER ? "lower" : "higher");
    json_t *j = json_pack("{s:s, s:s, s:b, s:f, s:s, s:o}", "light", light, "reason", reason, "met", p->met, "target",
                          v->goal.target, "unit", v->unit_label, "latest", latest);
    json_object_set_new(j, "baseline", p->has_baseline ? json_real(p->baseline) : json_null());
    return j;
}

/* The planned responses whose time has come (the if/then rules that hold today). */
static int planned_side(sp_admin *a, sp_planner *planner, const sp_goal_view *v, json_t *goal)
{
    sp_planned *rules = NULL;
    size_t n = 0, ndue = 0;
    json_t *arr = json_array();
    int rc = sp_ms_status_open(v->status) ? sp_planned_load(a, planner, v, &rules, &n, &ndue) : SP_EXIT_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        if (!rules[i].holds)
            continue;
        char sentence[700];
        sp_planned_sentence(&rules[i], sentence, sizeof sentence);
        sp_admin_printf(a, "  planned response now: %s\n", sentence);
        json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s?}", "rule_id", (json_int_t)rules[i].id, "if_text",
                                             rules[i].if_text, "then_text", rules[i].then_text, "decided_on",
                                             *rules[i].decided_on ? rules[i].decided_on : NULL));
    }
    sp_planned_free(rules, n);
    json_object_set_new(goal, "planned_responses", arr);
    return rc;
}

/* The student's current mastery-tracker ratings, teacher's beside. */
static int mastery_section(sp_admin *a, long long student, json_t *out)
{
    sp_mastery_unit *u = NULL;
    size_t n = 0;
    int rc = sp_mastery_load(a->db, student, &u, &n);
    if (rc != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the mastery tracker failed");
    sp_admin_printf(a, "\n%s Mastery tracker (current unit) %s\n", RULE, RULE);
    if (!n)
        sp_admin_printf(a, "No current unit in the student's classes.\n");
    for (size_t i = 0; i < n; i++) {
        sp_admin_printf(a, "%s %s %s\n", u[i].class_name, DASH, u[i].title);
        sp_table *t = sp_table_new(5, (const char *[]){"#", "I can ...", "Student", "Teacher", "Student's next step"});
        json_t *targets = json_array();
        for (size_t k = 0; k < u[i].ntargets; k++) {
            const sp_mastery_target *m = &u[i].targets[k];
            char pos[16], self[48], teacher[48];
            snprintf(pos, sizeof pos, "%d", m->position);
            if (m->student_rating)
                snprintf(self, sizeof self, "%d %s", m->student_rating, sp_mastery_words(m->student_rating));
            else
                snprintf(self, sizeof self, "%s", DASH);
            if (m->teacher_rating)
                snprintf(teacher, sizeof teacher, "%d", m->teacher_rating);
            else
                snprintf(teacher, sizeof teacher, "%s", DASH);
            char statement[200];
            sp_ms_shorten(m->statement, 50, statement, sizeof statement);
            sp_table_add(t, (const char *[]){pos, statement, self, teacher, or_dash(m->student_next)});
            json_t *row = json_pack("{s:I, s:i, s:s, s:s, s:s}", "target_id", (json_int_t)m->target_id, "position",
                                    m->position, "statement", m->statement, "student_evidence", m->student_evidence,
                                    "student_next_step", m->student_next);
            json_object_set_new(row, "student_rating", m->student_rating ? json_integer(m->student_rating) : json_null());
            json_object_set_new(row, "teacher_rating", m->teacher_rating ? json_integer(m->teacher_rating) : json_null());
            json_array_append_new(targets, row);
        }
        if (!a->json)
            sp_table_print(t, a->out, "This unit has no learning targets yet.");
        sp_table_free(t);
        json_array_append_new(out, json_pack("{s:I, s:s, s:s, s:o}", "unit_id", (json_int_t)u[i].unit_id, "class",
                                             u[i].class_name, "title", u[i].title, "targets", targets));
    }
    sp_mastery_units_free(u, n);
    return SP_EXIT_OK;
}

static int report_reflections(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"student", true, NULL}, {"all", false, NULL}, {"goal", true, NULL}};
    int rc;
    long long student, only = 0;
    if ((rc = sp_admin_parse(a, argc, argv, o, 3, NULL, 0, NULL)))
        return rc;
    if (!o[0].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--student is required (the student's SIS id; see --help)");
    if ((rc = sp_admin_find_student(a, o[0].value, &student)))
        return rc;
    if (o[2].value && (rc = sp_admin_find_milestone(a, o[2].value, &only)))
        return rc;
    bool all = o[1].value != NULL || only;
    char name[256], sis[80];
    if ((rc = sp_ms_student_label(a, student, name, sizeof name, sis, sizeof sis)))
        return rc;

    sqlite3_stmt *goals = NULL, *checks = NULL, *plan = NULL;
    sp_goal_reader *r = NULL;
    sp_planner *planner = NULL;
    json_t *jgoals = json_array(), *jmastery = json_array();
    if (sqlite3_prepare_v2(a->db,
                           "SELECT id FROM milestones WHERE student_id = ?1 AND (?2 = 0 OR id = ?2)"
                           " AND (?3 OR (visibility = 'kiosk' AND status NOT IN ('retired', 'revised')))"
                           " ORDER BY category, id",
                           -1, &goals, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(a->db,
                           "SELECT created_at, scale, rating, used_strategy, obstacle, next_step FROM self_checks"
                           " WHERE milestone_id = ?1 ORDER BY created_at, id",
                           -1, &checks, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(a->db,
                           "SELECT created_at, in_the_way, change_text, how_we_know, support_first FROM next_step_plans"
                           " WHERE milestone_id = ?1 ORDER BY created_at, id",
                           -1, &plan, NULL) != SQLITE_OK) {
        rc = sp_admin_fail_sql(a, "reading reflections failed");
        goto done;
    }
    if (only) {
        long long owner = 0;
        sqlite3_stmt *q = NULL;
        if (sqlite3_prepare_v2(a->db, "SELECT student_id FROM milestones WHERE id = ?1", -1, &q, NULL) == SQLITE_OK) {
            sqlite3_bind_int64(q, 1, only);
            if (sqlite3_step(q) == SQLITE_ROW)
                owner = sqlite3_column_int64(q, 0);
        }
        sqlite3_finalize(q);
        if (owner != student) {
            rc = sp_admin_fail(a, SP_EXIT_USAGE, "--goal: milestone %lld is not one of %s's goals (see `milestone list "
                                                 "--student %s`)",
                               only, sis, sis);
            goto done;
        }
    }
    if ((rc = sp_ms_reader(a, &r)) || (rc = sp_planner_new(a, &planner)))
        goto done;
    sp_admin_printf(a, "Reflections of %s (%s)\n", name, sis);
    sp_admin_printf(a, "%s\n", all ? "All goals, including those the student does not see at the kiosk."
                                   : "Goals the student sees at the kiosk (--all for every goal).");
    sp_admin_printf(a, "The student's own ratings are shown beside the teacher's data, never averaged into it.\n");
    sqlite3_bind_int64(goals, 1, student);
    sqlite3_bind_int64(goals, 2, only);
    sqlite3_bind_int(goals, 3, all);
    int s, ngoals = 0;
    while ((s = sqlite3_step(goals)) == SQLITE_ROW) {
        sp_goal_view v;
        long long id = sqlite3_column_int64(goals, 0);
        if ((rc = sp_ms_load(a, r, id, &v)))
            goto done;
        sp_admin_printf(a, "\n%s Goal %lld %s %s, %s, %s %s\n", RULE, id, DASH, v.category, v.status, v.visibility,
                        RULE);
        sp_admin_printf(a, "\"%s\"\n", v.student_text);
        json_t *g = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s}", "milestone_id", (json_int_t)id, "category", v.category,
                              "status", v.status, "visibility", v.visibility, "student_text", v.student_text,
                              "statement", v.statement);
        json_object_set_new(g, "teacher", teacher_side(a, &v));
        rc = planned_side(a, planner, &v, g);
        sp_goal_view_clear(&v);
        if (rc) {
            json_decref(g);
            goto done;
        }
        json_t *jc = json_array(), *jp = json_array();
        json_object_set_new(g, "self_checks", jc);
        json_object_set_new(g, "next_step_plans", jp);
        json_array_append_new(jgoals, g);
        if ((rc = self_checks(a, checks, id, jc)) || (rc = plans(a, plan, id, jp)))
            goto done;
        ngoals++;
    }
    if (s != SQLITE_DONE) {
        rc = sp_admin_fail_sql(a, "reading goals failed");
        goto done;
    }
    if (!ngoals)
        sp_admin_printf(a, "\n%s has no goals %s.\n", name, all ? "yet" : "they can see at the kiosk (try --all)");
    if (!only && (rc = mastery_section(a, student, jmastery)))
        goto done;
    if (a->json) {
        a->result = json_pack("{s:s, s:s, s:b, s:O, s:O}", "sis_id", sis, "name", name, "all_goals", all, "goals",
                              jgoals, "mastery", jmastery);
    }
    rc = SP_EXIT_OK;
done:
    json_decref(jgoals);
    json_decref(jmastery);
    sqlite3_finalize(goals);
    sqlite3_finalize(checks);
    sqlite3_finalize(plan);
    sp_goal_reader_free(r);
    sp_planner_free(planner);
    return rc;
}

/* ---- report mastery ------------------------------------------------------------------------- */

/* Latest rating per student, target and rater, for the enrolled, active students of the class;
 * then the counts per target. */
static const char SQL_MASTERY[] =
    "WITH roster AS (SELECT e.student_id AS id FROM enrollments e JOIN students s ON s.id = e.student_id"
    "   AND s.archived = 0 WHERE e.class_id = ?2),"
    " ranked AS (SELECT r.target_id, r.rater, r.rating, row_number() OVER (PARTITION BY r.target_id, r.student_id,"
    "   r.rater ORDER BY r.rated_at DESC, r.id DESC) AS n"
    "   FROM learning_targets t JOIN mastery_ratings r ON r.target_id = t.id"
    "   WHERE t.unit_id = ?1 AND r.student_id IN (SELECT id FROM roster))"
    " SELECT t.id, t.position, t.statement, t.standard_code,"
    "  count(CASE WHEN l.rater = 'student' AND l.rating = 1 THEN 1 END),"
    "  count(CASE WHEN l.rater = 'student' AND l.rating = 2 THEN 1 END),"
    "  count(CASE WHEN l.rater = 'student' AND l.rating = 3 THEN 1 END),"
    "  count(CASE WHEN l.rater = 'student' AND l.rating = 4 THEN 1 END),"
    "  count(CASE WHEN l.rater = 'teacher' AND l.rating = 1 THEN 1 END),"
    "  count(CASE WHEN l.rater = 'teacher' AND l.rating = 2 THEN 1 END),"
    "  count(CASE WHEN l.rater = 'teacher' AND l.rating = 3 THEN 1 END),"
    "  count(CASE WHEN l.rater = 'teacher' AND l.rating = 4 THEN 1 END)"
    " FROM learning_targets t LEFT JOIN ranked l ON l.target_id = t.id AND l.n = 1"
    " WHERE t.unit_id = ?1 GROUP BY t.id ORDER BY t.position";

static json_t *counts_json(const int c[4], int not_rated)
{
    return json_pack("{s:i, s:i, s:i, s:i, s:i}", "1", c[0], "2", c[1], "3", c[2], "4", c[3], "not_rated", not_rated);
}

static int report_mastery(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"class", true, NULL}, {"unit", true, NULL}};
    int rc;
    long long class_id, unit = 0;
    if ((rc = sp_admin_parse(a, argc, argv, o, 2, NULL, 0, NULL)))
        return rc;
    if (!o[0].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--class is required (the class code; see --help)");
    if ((rc = sp_admin_find_class(a, o[0].value, &class_id)))
        return rc;
    const char *code = o[0].value;
    if (o[1].value) {
        char *end = NULL;
        const char *u = o[1].value[0] == '#' ? o[1].value + 1 : o[1].value;
        unit = strtoll(u, &end, 10);
        if (!*u || *end || unit <= 0)
            return sp_admin_fail(a, SP_EXIT_USAGE, "--unit: expected a unit id (a number, see `unit list --class %s`), "
                                                   "got '%s'",
                                 code, o[1].value);
    }
    /* The unit: the one asked for, which must be this class's, or the class's current unit. */
    sqlite3_stmt *st = NULL;
    char title[256] = "", owner[80] = "", class_name[256] = "";
    int current = 0, students = 0;
    long long unit_class = 0;
    if (sqlite3_prepare_v2(a->db,
                           "SELECT u.id, u.title, u.is_current, u.class_id, c.code FROM units u"
                           " JOIN classes c ON c.id = u.class_id"
                           " WHERE (?1 > 0 AND u.id = ?1) OR (?1 = 0 AND u.class_id = ?2 AND u.is_current = 1)",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the unit failed");
    sqlite3_bind_int64(st, 1, unit);
    sqlite3_bind_int64(st, 2, class_id);
    int s = sqlite3_step(st);
    if (s == SQLITE_ROW) {
        unit = sqlite3_column_int64(st, 0);
        snprintf(title, sizeof title, "%s", (const char *)sqlite3_column_text(st, 1));
        current = sqlite3_column_int(st, 2);
        unit_class = sqlite3_column_int64(st, 3);
        snprintf(owner, sizeof owner, "%s", (const char *)sqlite3_column_text(st, 4));
    }
    sqlite3_finalize(st);
    if (s != SQLITE_ROW && s != SQLITE_DONE)
        return sp_admin_fail_sql(a, "reading the unit failed");
    if (s == SQLITE_DONE && o[1].value)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--unit: no unit with id %lld (see `unit list --class %s`)", unit, code);
    if (s == SQLITE_DONE)
        return sp_admin_fail(a, SP_EXIT_USAGE,
                             "class %s has no current unit; pick one with --unit ID (see `unit list --class %s`) or "
                             "make one current with `unit current ID`",
                             code, code);
    if (unit_class != class_id)
        return sp_admin_fail(a, SP_EXIT_USAGE, "--unit: unit %lld belongs to class %s, not %s (see `unit list --class %s`)",
                             unit, owner, code, code);

    if (sqlite3_prepare_v2(a->db,
                           "SELECT c.name, (SELECT count(*) FROM enrollments e JOIN students s ON s.id = e.student_id"
                           " AND s.archived = 0 WHERE e.class_id = c.id) FROM classes c WHERE c.id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the class failed");
    sqlite3_bind_int64(st, 1, class_id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        snprintf(class_name, sizeof class_name, "%s", (const char *)sqlite3_column_text(st, 0));
        students = sqlite3_column_int(st, 1);
    }
    sqlite3_finalize(st);

    if (sqlite3_prepare_v2(a->db, SQL_MASTERY, -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading ratings failed");
    sqlite3_bind_int64(st, 1, unit);
    sqlite3_bind_int64(st, 2, class_id);
    sp_admin_printf(a, "Mastery: %s (%s) %s %s%s\n", class_name, code, DASH, title, current ? " (current unit)" : "");
    sp_admin_printf(a, "%d student%s enrolled. Counts are each student's latest rating: 1 just starting, 2 getting "
                       "there,\n3 got it, 4 can teach it. Teacher ratings are shown beside, never averaged.\n",
                    students, students == 1 ? "" : "s");
    json_t *targets = json_array();
    int ntargets = 0, nsignals = 0;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        int self[4], teacher[4], rated = 0, trated = 0;
        for (int i = 0; i < 4; i++) {
            self[i] = sqlite3_column_int(st, 4 + i);
            teacher[i] = sqlite3_column_int(st, 8 + i);
            rated += self[i];
            trated += teacher[i];
        }
        int low = self[0] + self[1], tlow = teacher[0] + teacher[1];
        bool signal = rated >= SIGNAL_MIN_RATED && low * 2 >= rated;
        const char *statement = (const char *)sqlite3_column_text(st, 2);
        const char *standard = (const char *)sqlite3_column_text(st, 3);
        int position = sqlite3_column_int(st, 1);
        char signal_text[200] = "";
        if (signal)
            snprintf(signal_text, sizeof signal_text,
                     "Teaching signal: %d of %d students rate themselves 1 or 2 on this target", low, rated);
        sp_admin_printf(a, "\n%d. %s%s%s%s\n", position, statement, *standard ? "  [" : "", standard,
                        *standard ? "]" : "");
        sp_admin_printf(a, "   Students:  1: %-3d 2: %-3d 3: %-3d 4: %-3d not rated: %d\n", self[0], self[1], self[2],
                        self[3], students - rated);
        sp_admin_printf(a, "   Teacher:   1: %-3d 2: %-3d 3: %-3d 4: %-3d not rated: %d\n", teacher[0], teacher[1],
                        teacher[2], teacher[3], students - trated);
        if (signal) {
            sp_admin_printf(a, "   %s", signal_text);
            if (trated)
                sp_admin_printf(a, " (teacher: %d of %d rated 1 or 2)", tlow, trated);
            sp_admin_printf(a, "\n");
            nsignals++;
        }
        json_t *row = json_pack("{s:I, s:i, s:s, s:s, s:o, s:o, s:b}", "target_id",
                                (json_int_t)sqlite3_column_int64(st, 0), "position", position, "statement", statement,
                                "standard_code", standard, "students", counts_json(self, students - rated), "teacher",
                                counts_json(teacher, students - trated), "teaching_signal", signal);
        json_object_set_new(row, "signal_text", signal ? json_string(signal_text) : json_null());
        json_array_append_new(targets, row);
        ntargets++;
    }
    sqlite3_finalize(st);
    if (s != SQLITE_DONE) {
        json_decref(targets);
        return sp_admin_fail_sql(a, "reading ratings failed");
    }
    if (!ntargets)
        sp_admin_printf(a, "\nThis unit has no learning targets yet (add them with `target add` or `target import`).\n");
    else
        sp_admin_printf(a, "\n%d of %d target%s show%s the teaching signal (at least %d students rated themselves and "
                           "at least half chose 1 or 2).\n",
                        nsignals, ntargets, ntargets == 1 ? "" : "s", ntargets == 1 ? "s" : "", SIGNAL_MIN_RATED);
    if (a->json)
        a->result = json_pack("{s:s, s:s, s:{s:I, s:s, s:b}, s:i, s:{s:i, s:s}, s:o}", "class", code, "class_name",
                              class_name, "unit", "id", (json_int_t)unit, "title", title, "current", current,
                              "students", students, "signal_rule", "min_rated", SIGNAL_MIN_RATED, "low_share",
                              "at least half rate 1 or 2", "targets", targets);
    else
        json_decref(targets);
    return SP_EXIT_OK;
}

/* ---- the noun ------------------------------------------------------------------------------- */

static const sp_admin_verb REPORT_VERBS[] = {
    {"reflections", report_reflections, SP_VERB_READONLY, "a student's self-checks and plans beside teacher data",
     "Usage: signpost-admin report reflections --student SIS_ID [--all] [--goal ID]\n\n"
     "For each goal: the student's own words, the teacher's data (traffic light, why, the latest\n"
     "measurements, baseline and target), then the student's self-checks (date, scale, rating in\n"
     "words, whether they used their strategy, what got in the way, what they will try next) and\n"
     "their \"Set my next step\" plans. Then the current unit's mastery ratings, the student's and\n"
     "the teacher's side by side. Self-ratings are never averaged into the teacher's data.\n\n"
     "Options:\n"
     "  --student SIS_ID   the student (required)\n"
     "  --all              every goal, also those shown only in conferences or to staff, and closed ones\n"
     "                     (default: the goals the student sees at the kiosk)\n"
     "  --goal ID          one goal only (see `milestone list --student SIS_ID`)\n\n"
     "Examples:\n"
     "  signpost-admin report reflections --student E8001\n"
     "  signpost-admin report reflections --student H1002 --all\n"
     "  signpost-admin --json report reflections --student E8001 --goal 27\n"},
    {"class", sp_report_class, SP_VERB_READONLY, "class patterns: red/yellow/green/met per template, category, target",
     "Usage: signpost-admin report class --class CODE [--json | --csv]\n\n"
     "The mirror for instruction. For the class's current milestones, grouped by milestone template,\n"
     "by category and by learning target (standard code): how many are red, yellow, green, met and\n"
     "baselining, and which students are behind each count. Teaching signal: when at least 3\n"
     "students, and at least half of a group's milestones, are red or yellow, the group is flagged\n"
     "(\"many students miss claim-evidence \xE2\x80\x94 look at instruction\") with the rule that fired.\n\n"
     "Options:\n"
     "  --class CODE   the class (required; see `class list`)\n"
     "  --csv          one CSV row per group, students joined by \"; \" (for a spreadsheet)\n\n"
     "Examples:\n"
     "  signpost-admin report class --class ELA8-2\n"
     "  signpost-admin report class --class ELA8-2 --csv > ela8-2-patterns.csv\n"
     "  signpost-admin --json report class --class ELA8-2\n"},
    {"mastery", report_mastery, SP_VERB_READONLY, "per learning target: students' self-ratings against the teacher's",
     "Usage: signpost-admin report mastery --class CODE [--unit ID]\n\n"
     "For each learning target of the unit, in order: how many students rate themselves 1, 2, 3 or 4\n"
     "(each student's latest rating), how many the teacher rated 1-4, and how many have not rated.\n"
     "Teaching signal: when at least 3 students rated themselves on a target and at least half of them\n"
     "chose 1 or 2, the target is flagged, e.g. \"Teaching signal: 7 of 12 students rate themselves 1 or 2\n"
     "on this target\": a mirror for instruction, not a label for students.\n\n"
     "Options:\n"
     "  --class CODE   the class (required; see `class list`)\n"
     "  --unit ID      a unit of that class (default: its current unit; see `unit list --class CODE`)\n\n"
     "Examples:\n"
     "  signpost-admin report mastery --class ELA8-2\n"
     "  signpost-admin report mastery --class ELA8-2 --unit 1\n"
     "  signpost-admin --json report mastery --class MATH7-1\n"},
    {"family", sp_report_family, SP_VERB_READONLY, "one-page family summaries (PDF, or text on stdout)",
     "Usage: signpost-admin report family (--student SIS_ID | --class CODE) [--lang LANG]\n"
     "                                   [--paper a4|letter] [-o FILE.pdf]\n\n"
     "One page per student for the family: each goal the student shares (kiosk or conference\n"
     "visibility, never staff-only ones) with where they started, where they are now, the goal and\n"
     "its date, the light in words, a small chart, the support, what the family can do at home\n"
     "(`milestone edit ID --at-home TEXT`), recent celebrations, and how to reach the teacher and\n"
     "the school (settings school_name and school_contact). Without -o the summary is printed as\n"
     "plain text. Text is laid out with Pango, so every script is shaped and right-to-left\n"
     "languages get a mirrored page.\n\n"
     "Options:\n"
     "  --student SIS_ID   one student\n"
     "  --class CODE       every current student of the class, one page each\n"
     "  --lang LANG        the family's language (default en; an unknown one lists those available)\n"
     "  --paper P          a4 (default) or letter\n"
     "  -o FILE.pdf        write a PDF (readable by you only); without it, text on stdout\n\n"
     "Examples:\n"
     "  signpost-admin report family --class ELA8-2 -o ela8-2-families.pdf\n"
     "  signpost-admin report family --student E8003 --lang ar --paper letter -o layla.pdf\n"
     "  signpost-admin report family --student E8001\n"},
    {0}};

const sp_admin_noun sp_cmd_report = {"report", "reflections and mastery reports for teachers", REPORT_VERBS};
