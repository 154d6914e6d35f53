/* cmd_celebration.c — `signpost-admin celebration`: the celebrations students have waiting or
 * have seen (list), and a printed certificate for a met goal (certificate.c). */
#include "admin.h"
#include "celebrations.h"
#include "milestone_fields.h"
#include "table_out.h"

#include <stdlib.h>
#include <string.h>


static json_t *row_json(const sp_celebration_row *c, const char *sis)
{
    json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s}", "id", (json_int_t)c->id, "student", sis, "kind",
                          sp_celebration_kind_name(c->kind), "message", c->message, "created_at", c->created_at);
    json_object_set_new(o, "milestone", c->milestone_id ? json_integer(c->milestone_id) : json_null());
    json_object_set_new(o, "measurement", c->measurement_id ? json_integer(c->measurement_id) : json_null());
    json_object_set_new(o, "seen_at", *c->seen_at ? json_string(c->seen_at) : json_null());
    json_object_set_new(o, "withdrawn_at", *c->withdrawn_at ? json_string(c->withdrawn_at) : json_null());
    json_object_set_new(o, "by", *c->by_name ? json_string(c->by_name) : json_null());
    if (c->parent_id) {
        json_object_set_new(o, "step", json_pack("{s:i, s:i}", "number", c->step_no, "of", c->step_count));
        json_object_set_new(o, "long_term_goal", json_string(c->parent_text));
    }
    return o;
}

static int celebration_list(sp_admin *a, int argc, char **argv)
{
    sp_opt o[] = {{"student", true, NULL}, {"unseen", false, NULL}, {"withdrawn", false, NULL}};
    int rc;
    long long student = 0;
    if ((rc = sp_admin_parse(a, argc, argv, o, 3, NULL, 0, NULL)) ||
        (o[0].value && (rc = sp_admin_find_student(a, o[0].value, &student))))
        return rc;
    sp_celebration_query q = {.student_id = student, .unseen_only = o[1].value != NULL,
                              .include_withdrawn = o[2].value != NULL, .vis_mask = SP_VIS_ALL};
    sp_celebration_row *rows = NULL;
    size_t n = 0;
    if (sp_celebrations_list(a->db, &q, &rows, &n) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading celebrations failed");
    sp_table *t = sp_table_new(7, (const char *const[]){"ID", "Student", "Kind", "Created", "Seen", "By", "Message"});
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        const sp_celebration_row *c = &rows[i];
        char id[24], name[256], sis[80], msg[200], seen[40];
        snprintf(id, sizeof id, "%lld", c->id);
        if ((rc = sp_ms_student_label(a, c->student_id, name, sizeof name, sis, sizeof sis)))
            break;
        sp_ms_shorten(c->message, 60, msg, sizeof msg);
        snprintf(seen, sizeof seen, "%s", *c->withdrawn_at ? "withdrawn" : *c->seen_at ? c->seen_at : "not yet");
        sp_table_add(t, (const char *const[]){id, sis, sp_celebration_kind_name(c->kind), c->created_at, seen,
                                              c->by_name, msg});
        json_array_append_new(arr, row_json(c, sis));
    }
    sp_celebration_rows_free(rows, n);
    if (!rc && !a->json)
        sp_table_print(t, a->out, o[1].value ? "  (nothing waiting to be seen)" : "  (no celebrations yet)");
    sp_table_free(t);
    if (!rc && a->json)
        a->result = arr;
    else
        json_decref(arr);
    return rc;
}

static const sp_admin_verb CELEBRATION_VERBS[] = {
    {"list", celebration_list, SP_VERB_READONLY, "celebrations and shout-outs, newest first",
     "Usage: signpost-admin celebration list [--student SIS] [--unseen] [--withdrawn]\n\n"
     "Lists celebrations (goal met, step reached, improvement, streak, raise the goal, shout-out),\n"
     "newest first, with when the student saw them at the kiosk. --unseen: only those still\n"
     "waiting for the student's next scan. --withdrawn: include the withdrawn ones (a shout-out\n"
     "taken back, or a data point corrected so that it no longer earns its celebration).\n\n"
     "Examples:\n  signpost-admin celebration list --student E8001 --unseen\n"
     "  signpost-admin --json celebration list --unseen\n"},
    {0}};

const sp_admin_noun sp_cmd_celebration = {"celebration", "celebrations students see at the kiosk, and certificates",
                                          CELEBRATION_VERBS};
