/* cmd_badge.c — `signpost-admin badge`: issue, reissue, revoke, list and print badges.
 *
 * Every verb first resolves whom it is about (one student by SIS id, a class's active
 * students, every active student without a badge, or one staff member) into a list of holders,
 * then acts on each in the command's one transaction. Printing issues a badge to any holder
 * who has none yet, in that same transaction, so a sheet never shows a code the database does
 * not know. Tokens are never printed unless --show-payload asks for them; cards carry only the
 * QR code. */
#include "admin.h"
#include "badge.h"
#include "badge_sheet.h"
#include "table_out.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    sp_badge_holder kind;
    long long id;
    char *key;   /* SIS id or staff code */
    char *name;  /* preferred name, else given name (staff: display name) */
    char *line2; /* class name, or the staff role */
    char token[SP_BADGE_TOKEN_CHARS + 1];
    bool has_badge;
} holder;

typedef struct {
    holder *v;
    size_t n, cap;
} holder_list;

static void holders_free(holder_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].key);
        free(l->v[i].name);
        free(l->v[i].line2);
    }
    free(l->v);
    memset(l, 0, sizeof *l);
}

static char *dup_col(sqlite3_stmt *st, int col)
{
    const char *s = (const char *)sqlite3_column_text(st, col);
    return strdup(s ? s : "");
}

/* Runs a query whose rows are (id, key, name, line2) and appends them as holders of kind. */
static int holders_from(sp_admin *a, holder_list *l, sp_badge_holder kind, const char *sql, const char *bind)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, sql, -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "reading the holders failed");
    if (bind)
        sqlite3_bind_text(st, 1, bind, -1, SQLITE_STATIC);
    int s, rc = SP_EXIT_OK;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        if (l->n == l->cap) {
            size_t cap = l->cap ? l->cap * 2 : 32;
            holder *v = realloc(l->v, cap * sizeof *v);
            if (!v) {
                rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
                break;
            }
            l->v = v;
            l->cap = cap;
        }
        holder *h = &l->v[l->n++];
        memset(h, 0, sizeof *h);
        h->kind = kind;
        h->id = sqlite3_column_int64(st, 0);
        h->key = dup_col(st, 1);
        h->name = dup_col(st, 2);
        h->line2 = dup_col(st, 3);
    }
    if (rc == SP_EXIT_OK && s != SQLITE_DONE)
        rc = sp_admin_fail_sql(a, "reading the holders failed");
    sqlite3_finalize(st);
    for (size_t i = 0; rc == SP_EXIT_OK && i < l->n; i++) {
        int r = sp_badge_active_token(a->db, l->v[i].kind, l->v[i].id, l->v[i].token);
        if (r == SQLITE_OK)
            l->v[i].has_badge = true;
        else if (r != SQLITE_DONE)
            rc = sp_admin_fail_sql(a, "reading badges failed");
    }
    return rc;
}

#define STUDENT_NAME "CASE WHEN s.preferred_name <> '' THEN s.preferred_name ELSE s.given_name END"
#define FIRST_CLASS                                                                                  \
    "COALESCE((SELECT c.name FROM enrollments e JOIN classes c ON c.id = e.class_id"                 \
    " WHERE e.student_id = s.id AND c.archived = 0 ORDER BY c.code LIMIT 1), '')"

enum { T_STUDENT, T_CLASS, T_ALL_MISSING, T_STAFF, T_COUNT };

/* Resolves --student / --class / --all-missing / --staff (exactly one must be given unless
 * allow[] says otherwise) into holders. */
static int resolve(sp_admin *a, const char *student, const char *class_code, bool all_missing, const char *staff,
                   const bool allow[T_COUNT], holder_list *l)
{
    int given = (student != NULL) + (class_code != NULL) + all_missing + (staff != NULL);
    if (given != 1) {
        const char *choices = allow[T_ALL_MISSING] ? "--student SIS, --class CODE, --all-missing or --staff CODE"
                              : allow[T_CLASS]     ? "--student SIS, --class CODE or --staff CODE"
                                                   : "--student SIS or --staff CODE";
        return sp_admin_fail(a, SP_EXIT_USAGE, "expected exactly one of %s (see --help)", choices);
    }
    if ((class_code && !allow[T_CLASS]) || (all_missing && !allow[T_ALL_MISSING]))
        return sp_admin_fail(a, SP_EXIT_USAGE, "this verb works on one holder: use --student SIS or --staff CODE");
    long long id;
    int rc;
    if (student) {
        if ((rc = sp_admin_find_student(a, student, &id)))
            return rc;
        rc = holders_from(a, l, SP_HOLDER_STUDENT,
                          "SELECT s.id, s.sis_id, " STUDENT_NAME ", " FIRST_CLASS ", s.archived"
                          " FROM students s WHERE s.sis_id = ?1",
                          student);
        if (rc == SP_EXIT_OK && l->n == 1) {
            sqlite3_stmt *st = NULL;
            bool archived = false;
            if (sqlite3_prepare_v2(a->db, "SELECT archived FROM students WHERE id = ?1", -1, &st, NULL) == SQLITE_OK) {
                sqlite3_bind_int64(st, 1, id);
                archived = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
            }
            sqlite3_finalize(st);
            if (archived)
                return sp_admin_fail(a, SP_EXIT_USAGE, "student '%s' is archived; restore them before giving a badge",
                                     student);
        }
        return rc;
    }
    if (class_code) {
        if ((rc = sp_admin_find_class(a, class_code, &id)))
            return rc;
        return holders_from(a, l, SP_HOLDER_STUDENT,
                            "SELECT s.id, s.sis_id, " STUDENT_NAME ", CASE WHEN c.name <> '' THEN c.name ELSE c.code END"
                            " FROM enrollments e JOIN students s ON s.id = e.student_id"
                            " JOIN classes c ON c.id = e.class_id"
                            " WHERE c.code = ?1 AND s.archived = 0"
                            " ORDER BY s.family_name, s.given_name, s.sis_id",
                            class_code);
    }
    if (all_missing)
        return holders_from(a, l, SP_HOLDER_STUDENT,
                            "SELECT s.id, s.sis_id, " STUDENT_NAME ", " FIRST_CLASS " FROM students s"
                            " WHERE s.archived = 0 AND NOT EXISTS (SELECT 1 FROM badges b"
                            " WHERE b.student_id = s.id AND b.revoked_at IS NULL)"
                            " ORDER BY s.family_name, s.given_name, s.sis_id",
                            NULL);
    if ((rc = sp_admin_find_staff(a, staff, &id)))
        return rc;
    rc = holders_from(a, l, SP_HOLDER_STAFF,
                      "SELECT t.id, t.staff_code,"
                      " CASE WHEN t.display_name <> '' THEN t.display_name ELSE t.given_name END,"
                      " CASE t.role WHEN 'teacher' THEN 'Teacher' WHEN 'support' THEN 'Support staff' ELSE 'Staff' END"
                      " FROM staff t WHERE t.staff_code = ?1 AND t.archived = 0",
                      staff);
    if (rc == SP_EXIT_OK && l->n == 0)
        return sp_admin_fail(a, SP_EXIT_USAGE, "staff member '%s' is archived; restore them before giving a badge",
                             staff);
    return rc;
}

static int issue_one(sp_admin *a, holder *h)
{
    int rc = sp_badge_issue(a->db, h->kind, h->id, h->token, NULL);
    if (rc != SQLITE_OK)
        return sp_admin_fail_sql(a, "issuing a badge failed");
    h->has_badge = true;
    return SP_EXIT_OK;
}

static json_t *holder_json(const holder *h, bool show_payload)
{
    json_t *o = json_pack("{s:s, s:s, s:s}", "holder", h->kind == SP_HOLDER_STAFF ? "staff" : "student",
                          h->kind == SP_HOLDER_STAFF ? "staff_code" : "sis_id", h->key, "name", h->name);
    if (show_payload && h->has_badge) {
        char p[SP_BADGE_PAYLOAD_MAX];
        sp_badge_payload(h->token, p);
        json_object_set_new(o, "payload", json_string(p));
    }
    return o;
}

static void print_holder_line(sp_admin *a, const char *verb, const holder *h, bool show_payload)
{
    char p[SP_BADGE_PAYLOAD_MAX];
    sp_badge_payload(h->token, p);
    sp_admin_printf(a, "%s %s %s (%s)%s%s\n", verb, h->kind == SP_HOLDER_STAFF ? "staff" : "student", h->key,
                    h->name, show_payload ? "  " : "", show_payload ? p : "");
}

/* ---- issue ----------------------------------------------------------------------------- */

enum { I_STUDENT, I_CLASS, I_ALL, I_STAFF, I_SHOW, I_COUNT };

static int issue_run(sp_admin *a, int argc, char **argv)
{
    sp_opt o[I_COUNT] = {{"student", true, NULL}, {"class", true, NULL}, {"all-missing", false, NULL},
                         {"staff", true, NULL},   {"show-payload", false, NULL}};
    int rc = sp_admin_parse(a, argc, argv, o, I_COUNT, NULL, 0, NULL);
    if (rc)
        return rc;
    static const bool allow[T_COUNT] = {true, true, true, true};
    holder_list l = {0};
    bool show = o[I_SHOW].value != NULL;
    if ((rc = resolve(a, o[I_STUDENT].value, o[I_CLASS].value, o[I_ALL].value != NULL, o[I_STAFF].value, allow, &l)))
        goto done;
    bool one = o[I_STUDENT].value || o[I_STAFF].value;
    if (one && l.v[0].has_badge) {
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "%s already has an active badge; use `badge reissue` to replace it",
                           l.v[0].key);
        goto done;
    }
    json_t *list = json_array();
    int issued = 0, kept = 0;
    for (size_t i = 0; i < l.n; i++) {
        if (l.v[i].has_badge) {
            kept++;
            continue;
        }
        if ((rc = issue_one(a, &l.v[i]))) {
            json_decref(list);
            goto done;
        }
        issued++;
        print_holder_line(a, "issued", &l.v[i], show);
        json_array_append_new(list, holder_json(&l.v[i], show));
    }
    sp_admin_printf(a, "%d badge%s issued%s", issued, issued == 1 ? "" : "s", kept ? "" : "\n");
    if (kept)
        sp_admin_printf(a, "; %d already had one\n", kept);
    if (a->json)
        a->result = json_pack("{s:i, s:i, s:o}", "issued", issued, "already_had_one", kept, "badges", list);
    else
        json_decref(list);
done:
    holders_free(&l);
    return rc;
}

/* ---- reissue and revoke --------------------------------------------------------------------- */

enum { R_STUDENT, R_STAFF, R_REASON, R_SHOW, R_COUNT };

static int revoke_common(sp_admin *a, int argc, char **argv, bool reissue)
{
    sp_opt o[R_COUNT] = {{"student", true, NULL}, {"staff", true, NULL}, {"reason", true, NULL},
                         {"show-payload", false, NULL}};
    int rc = sp_admin_parse(a, argc, argv, o, reissue ? R_COUNT : R_SHOW, NULL, 0, NULL);
    if (rc)
        return rc;
    const char *reason = o[R_REASON].value ? o[R_REASON].value : reissue ? "reissued" : "revoked";
    if ((rc = sp_admin_check_text(a, "--reason", reason, 200, false)))
        return rc;
    static const bool allow[T_COUNT] = {true, false, false, true};
    holder_list l = {0};
    if ((rc = resolve(a, o[R_STUDENT].value, NULL, false, o[R_STAFF].value, allow, &l)))
        goto done;
    holder *h = &l.v[0];
    int count = 0;
    if (sp_badge_revoke_holder(a->db, h->kind, h->id, reason, &count) != SQLITE_OK) {
        rc = sp_admin_fail_sql(a, "revoking the badge failed");
        goto done;
    }
    if (!reissue && count == 0) {
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "%s has no active badge to revoke", h->key);
        goto done;
    }
    h->has_badge = false;
    if (count)
        sp_admin_printf(a, "revoked the badge of %s (%s): %s\n", h->key, h->name, reason);
    if (reissue) {
        if ((rc = issue_one(a, h)))
            goto done;
        print_holder_line(a, "issued", h, o[R_SHOW].value != NULL);
        sp_admin_printf(a, "Print the new badge with `signpost-admin badge print --%s %s -o badge.pdf`\n",
                        h->kind == SP_HOLDER_STAFF ? "staff" : "student", h->key);
    }
    if (a->json) {
        a->result = holder_json(h, reissue && o[R_SHOW].value);
        json_object_set_new(a->result, "revoked", json_integer(count));
        json_object_set_new(a->result, "issued", json_integer(reissue ? 1 : 0));
    }
done:
    holders_free(&l);
    return rc;
}

static int reissue_run(sp_admin *a, int argc, char **argv) { return revoke_common(a, argc, argv, true); }
static int revoke_run(sp_admin *a, int argc, char **argv) { return revoke_common(a, argc, argv, false); }

/* ---- list ------------------------------------------------------------------------------- */

enum { L_CLASS, L_ACTIVE, L_SHOW, L_COUNT };

static int list_run(sp_admin *a, int argc, char **argv)
{
    sp_opt o[L_COUNT] = {{"class", true, NULL}, {"active", false, NULL}, {"show-payload", false, NULL}};
    int rc = sp_admin_parse(a, argc, argv, o, L_COUNT, NULL, 0, NULL);
    if (rc)
        return rc;
    long long class_id = 0;
    if (o[L_CLASS].value && (rc = sp_admin_find_class(a, o[L_CLASS].value, &class_id)))
        return rc;
    bool show = o[L_SHOW].value != NULL;
    const char *sql =
        "SELECT CASE WHEN b.student_id IS NOT NULL THEN 'student' ELSE 'staff' END,"
        "       COALESCE(s.sis_id, t.staff_code),"
        "       COALESCE(CASE WHEN s.preferred_name <> '' THEN s.preferred_name ELSE s.given_name END"
        "                || CASE WHEN s.family_name <> '' THEN ' ' || s.family_name ELSE '' END,"
        "                CASE WHEN t.display_name <> '' THEN t.display_name ELSE t.given_name END),"
        "       substr(b.issued_at, 1, 10), COALESCE(substr(b.revoked_at, 1, 10), ''), b.revoke_reason,"
        "       CASE WHEN ?3 THEN sp_badge_unseal(b.sealed) END,"
        "       COALESCE(s.archived, t.archived, 0)"
        "  FROM badges b LEFT JOIN students s ON s.id = b.student_id LEFT JOIN staff t ON t.id = b.staff_id"
        " WHERE (?1 = 0 OR b.student_id IN (SELECT student_id FROM enrollments WHERE class_id = ?1))"
        "   AND (?2 = 0 OR b.revoked_at IS NULL)"
        " ORDER BY 1 DESC, COALESCE(s.family_name, t.family_name), 3, 2, b.issued_at, b.id";
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, sql, -1, &st, NULL) != SQLITE_OK)
        return sp_admin_fail_sql(a, "listing badges failed");
    sqlite3_bind_int64(st, 1, class_id);
    sqlite3_bind_int(st, 2, o[L_ACTIVE].value ? 1 : 0);
    sqlite3_bind_int(st, 3, show); /* only then is the badge key needed */
    static const char *const head[] = {"Holder", "ID", "Name", "Issued", "Revoked", "Payload"};
    sp_table *t = sp_table_new(show ? 6 : 5, head);
    json_t *arr = json_array();
    int s;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        char payload[SP_BADGE_PAYLOAD_MAX] = "";
        const char *revoked = (const char *)sqlite3_column_text(st, 4);
        bool archived = sqlite3_column_int(st, 7);
        char revoked_cell[64];
        snprintf(revoked_cell, sizeof revoked_cell, "%s%s", revoked ? revoked : "",
                 (!revoked || !*revoked) && archived ? "(holder archived)" : "");
        if (show && sqlite3_column_bytes(st, 6) == SP_BADGE_TOKEN_CHARS)
            sp_badge_payload((const char *)sqlite3_column_text(st, 6), payload);
        const char *cells[6] = {(const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
                                (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
                                revoked_cell, payload};
        sp_table_add(t, cells);
        json_t *row = json_pack("{s:s, s:s, s:s, s:s, s:b}", "holder", cells[0], "id", cells[1], "name",
                                cells[2] ? cells[2] : "", "issued", cells[3], "active",
                                !(revoked && *revoked) && !archived);
        if (revoked && *revoked) {
            json_object_set_new(row, "revoked", json_string(revoked));
            json_object_set_new(row, "reason", json_string((const char *)sqlite3_column_text(st, 5)));
        }
        if (show)
            json_object_set_new(row, "payload", json_string(payload));
        json_array_append_new(arr, row);
    }
    if (s != SQLITE_DONE)
        rc = sp_admin_fail_sql(a, "listing badges failed");
    sqlite3_finalize(st);
    if (rc == SP_EXIT_OK && !a->json)
        sp_table_print(t, a->out, "No badges yet. Issue them with `signpost-admin badge issue --class CODE`.\n");
    sp_table_free(t);
    if (rc == SP_EXIT_OK && a->json)
        a->result = arr;
    else
        json_decref(arr);
    return rc;
}

/* ---- print ------------------------------------------------------------------------------ */

enum { P_STUDENT, P_CLASS, P_STAFF, P_PAPER, P_OUTPUT, P_PNG, P_COUNT };

static int print_run(sp_admin *a, int argc, char **argv)
{
    /* -o FILE is the usual spelling; the option parser knows long names only. */
    char **args = calloc((size_t)argc + 1, sizeof *args);
    if (!args)
        return sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
    for (int i = 0; i < argc; i++)
        args[i] = strcmp(argv[i], "-o") == 0 ? (char *)"--output" : argv[i];
    sp_opt o[P_COUNT] = {{"student", true, NULL}, {"class", true, NULL}, {"staff", true, NULL},
                         {"paper", true, NULL},   {"output", true, NULL}, {"png", true, NULL}};
    holder_list l = {0};
    sp_badge_card *cards = NULL;
    int rc = sp_admin_parse(a, argc, args, o, P_COUNT, NULL, 0, NULL);
    if (rc)
        goto done;
    sp_paper paper = SP_PAPER_A4;
    if (o[P_PAPER].value && !sp_paper_parse(o[P_PAPER].value, &paper)) {
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "--paper: expected a4 or letter, got '%s'", o[P_PAPER].value);
        goto done;
    }
    const char *pdf = o[P_OUTPUT].value, *png = o[P_PNG].value;
    if (!pdf && !png) {
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "expected -o FILE.pdf for a sheet or --png FILE.png for one badge");
        goto done;
    }
    if (png && o[P_CLASS].value) {
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "--png draws one badge: use it with --student SIS or --staff CODE");
        goto done;
    }
    static const bool allow[T_COUNT] = {true, true, false, true};
    if ((rc = resolve(a, o[P_STUDENT].value, o[P_CLASS].value, false, o[P_STAFF].value, allow, &l)))
        goto done;
    if (l.n == 0) {
        rc = sp_admin_fail(a, SP_EXIT_USAGE, "class '%s' has no active students to print badges for",
                           o[P_CLASS].value);
        goto done;
    }
    int issued = 0;
    for (size_t i = 0; i < l.n; i++)
        if (!l.v[i].has_badge) {
            if ((rc = issue_one(a, &l.v[i])))
                goto done;
            issued++;
        }
    cards = calloc(l.n, sizeof *cards);
    char (*payloads)[SP_BADGE_PAYLOAD_MAX] = calloc(l.n, SP_BADGE_PAYLOAD_MAX);
    if (!cards || !payloads) {
        free(payloads);
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < l.n; i++) {
        sp_badge_payload(l.v[i].token, payloads[i]);
        cards[i] = (sp_badge_card){l.v[i].name, l.v[i].line2, payloads[i], l.v[i].kind == SP_HOLDER_STAFF};
    }
    char err[512], footer[200];
    snprintf(footer, sizeof footer, "%s%s", o[P_CLASS].value ? "Class " : "",
             o[P_CLASS].value ? o[P_CLASS].value : "");
    if (pdf && sp_badge_sheet_pdf(pdf, paper, cards, l.n, o[P_CLASS].value ? footer : NULL, err, sizeof err))
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "%s", err);
    if (rc == SP_EXIT_OK && png && sp_badge_card_png(png, &cards[0], 300, err, sizeof err))
        rc = sp_admin_fail(a, SP_EXIT_RUNTIME, "%s", err);
    free(payloads);
    if (rc)
        goto done;
    size_t pages = (l.n + SP_CARDS_PER_PAGE - 1) / SP_CARDS_PER_PAGE;
    if (pdf)
        sp_admin_printf(a, "Wrote %zu badge%s on %zu %s page%s to %s", l.n, l.n == 1 ? "" : "s", pages,
                        paper == SP_PAPER_LETTER ? "Letter" : "A4", pages == 1 ? "" : "s", pdf);
    if (png)
        sp_admin_printf(a, "%sWrote the badge of %s to %s", pdf ? "; " : "", l.v[0].key, png);
    sp_admin_printf(a, issued ? " (%d new badge%s issued)\n" : "\n", issued, issued == 1 ? "" : "s");
    if (a->json)
        a->result = json_pack("{s:i, s:i, s:i, s:s?, s:s?}", "badges", (int)l.n, "issued", issued, "pages",
                              pdf ? (int)pages : 0, "pdf", pdf, "png", png);
done:
    free(cards);
    holders_free(&l);
    free(args);
    return rc;
}

static const sp_admin_verb BADGE_VERBS[] = {
    {"issue", issue_run, 0, "give badges to students or a teacher who have none",
     "Usage: signpost-admin badge issue (--student SIS | --class CODE | --all-missing | --staff CODE)\n"
     "                                  [--show-payload]\n\n"
     "Gives a new badge (a random 130-bit token) to each holder who has no active badge. With\n"
     "--student or --staff the holder must not have one already (use `badge reissue`). --class takes\n"
     "the class's active students; --all-missing every active student without a badge.\n"
     "--show-payload prints the QR payloads (keep them private: a payload is a key).\n\n"
     "Examples:\n"
     "  signpost-admin badge issue --class ELA8-2\n"
     "  signpost-admin badge issue --staff T-RIVERA\n"},
    {"reissue", reissue_run, 0, "replace a badge: revoke the old one, issue a new one",
     "Usage: signpost-admin badge reissue (--student SIS | --staff CODE) [--reason TEXT] [--show-payload]\n\n"
     "Revokes the holder's active badge (reason 'reissued' unless given) and issues a new one. The\n"
     "old card stops working at once; the kiosk says it has been replaced.\n\n"
     "Example:\n  signpost-admin badge reissue --student S-1001 --reason lost\n"
     "  signpost-admin badge print --student S-1001 -o new-badge.pdf\n"},
    {"revoke", revoke_run, 0, "stop a badge from working",
     "Usage: signpost-admin badge revoke (--student SIS | --staff CODE) [--reason TEXT]\n\n"
     "Revokes the holder's active badge. Scanning it afterwards shows a friendly 'this badge has been\n"
     "replaced' message and is recorded in the kiosk log without the badge's code.\n\n"
     "Example:\n  signpost-admin badge revoke --student S-1001 --reason \"left the school\"\n"},
    {"list", list_run, SP_VERB_READONLY, "list badges: holder, issued, revoked",
     "Usage: signpost-admin badge list [--class CODE] [--active] [--show-payload]\n\n"
     "Lists badges with their holder, the date issued and the date revoked (badges of archived\n"
     "holders count as revoked). --active leaves out revoked badges. Payloads are shown only with\n"
     "--show-payload.\n\n"
     "Examples:\n  signpost-admin badge list --class ELA8-2\n  signpost-admin --json badge list --active\n"},
    {"print", print_run, 0, "print a PDF sheet of badge cards, or one badge as PNG",
     "Usage: signpost-admin badge print (--class CODE | --student SIS | --staff CODE)\n"
     "                                  [--paper a4|letter] (-o FILE.pdf | --png FILE.png)\n\n"
     "Draws cut-out cards (85 x 50 mm, ten to a page, dashed cut lines) with the name, the class and\n"
     "the QR code, ready for an ordinary office printer at 100% scale. Holders without a badge get\n"
     "one issued in the same step. --png writes one card at 300 dpi. The default paper is A4.\n\n"
     "Examples:\n"
     "  signpost-admin badge print --class ELA8-2 -o ela8-2-badges.pdf\n"
     "  signpost-admin badge print --class ELA8-2 --paper letter -o sheet.pdf\n"
     "  signpost-admin badge print --student S-1001 --png zoe.png\n"},
    {0}};

const sp_admin_noun sp_cmd_badge = {"badge", "issue, reissue, revoke, list and print QR badges", BADGE_VERBS};
