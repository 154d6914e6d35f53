/* reflect.c — students' reflections: self-checks, next-step plans and mastery ratings (reflect.h).
 *
 * A save checks what it can without the database (ranges, answer text), then takes the write
 * lock with BEGIN IMMEDIATE, checks what needs the database (the goal is the student's and not
 * retired, the target is in a current unit of one of the student's classes), inserts one row and
 * commits. Any failure rolls back, so a refused or locked save leaves no trace. Locks surface as
 * SQLITE_BUSY (never an extended code) so that the kiosk's retry logic has one value to test.
 *
 * Chips are built from the goal itself: its support text split into parts, then its if/then
 * rules' student choices and "then" parts (except the adults' own "we ..." steps), then a few
 * general next steps so the list is never short; obstacle chips are fixed lists of plain words per goal category. */
#include "reflect.h"

#include "i18n.h"
#include "text.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- answers and words --------------------------------------------------------------------- */

bool sp_answer_valid(const char *text, char *err, size_t errlen)
{
    char why[160];
    if (!text || !*text)
        return true;
    if (sp_text_ok(text, SP_ANSWER_MAX_CHARS, false, why, sizeof why))
        return true;
    if (err && errlen) {
        if (strstr(why, "UTF-8"))
            snprintf(err, errlen, "expected valid UTF-8 text");
        else if (strstr(why, "control"))
            snprintf(err, errlen, "expected one line of text without control characters");
        else
            snprintf(err, errlen, "at most %d characters (this answer has %zu)", SP_ANSWER_MAX_CHARS,
                     sp_answer_chars(text));
    }
    return false;
}

size_t sp_answer_chars(const char *text)
{
    size_t n = 0;
    if (!text)
        return 0;
    while (*text) {
        sp_utf8_next(&text); /* a bad byte counts as one character */
        n++;
    }
    return n;
}

sp_scale sp_self_check_scale(int grade, bool read_aloud)
{
    return (grade <= 2 || read_aloud) ? SP_SCALE_FACES3 : SP_SCALE_SCALE4;
}

const char *sp_scale_db_name(sp_scale s) { return s == SP_SCALE_FACES3 ? "faces3" : "scale4"; }

const char *sp_scale_words(sp_scale s, int rating)
{
    static const char *const FACES[] = {N_("Not yet"), N_("Getting there"), N_("It went well")};
    static const char *const SCALE[] = {N_("Just starting"), N_("Getting there"), N_("Got it"), N_("Can teach it")};
    if (s == SP_SCALE_FACES3)
        return rating >= 1 && rating <= 3 ? _(FACES[rating - 1]) : "";
    if (s == SP_SCALE_SCALE4)
        return rating >= 1 && rating <= 4 ? _(SCALE[rating - 1]) : "";
    return "";
}

const char *sp_mastery_words(int rating)
{
    static const char *const WORDS[] = {N_("I'm just starting"), N_("I'm getting there"), N_("I've got it"), N_("I can teach it")};
    return rating >= 1 && rating <= 4 ? _(WORDS[rating - 1]) : "";
}

/* ---- saving -------------------------------------------------------------------------------- */

static int refuse(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int refuse(char *err, size_t errlen, const char *fmt, ...)
{
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return SQLITE_CONSTRAINT;
}

/* "YYYY-MM-DDTHH:MM:SSZ", the form every timestamp in the database has. */
static bool iso_time_ok(const char *t)
{
    static const char SHAPE[] = "dddd-dd-ddTdd:dd:ddZ";
    if (!t || strlen(t) != sizeof SHAPE - 1)
        return false;
    for (size_t i = 0; SHAPE[i]; i++)
        if (SHAPE[i] == 'd' ? !isdigit((unsigned char)t[i]) : t[i] != SHAPE[i])
            return false;
    return true;
}

static int check_answer(const char *what, const char *text, char *err, size_t errlen)
{
    char why[200];
    if (sp_answer_valid(text, why, sizeof why))
        return SQLITE_OK;
    if (err && errlen)
        snprintf(err, errlen, "%s: %s", what, why);
    return SQLITE_CONSTRAINT;
}

static int plain_code(int rc)
{
    int primary = rc & 0xFF;
    return (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) ? SQLITE_BUSY : primary;
}

/* Runs a query with integer parameters that answers one integer (0 when there is no row). */
static int query_int(sqlite3 *db, const char *sql, long long a, long long b, long long *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    *out = 0;
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, a);
        sqlite3_bind_int64(st, 2, b);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int64(st, 0);
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    return rc;
}

/* Inside the transaction: the goal is the student's and still open for reflection, and the
 * kiosk session (if any) is the student's. */
static int check_goal(sqlite3 *db, long long student_id, long long milestone_id, long long session_id, char *err,
                      size_t errlen)
{
    long long status = 0;
    int rc = query_int(db,
                       "SELECT CASE WHEN m.status = 'retired' THEN 2 ELSE 1 END FROM milestones m"
                       " WHERE m.id = ?1 AND m.student_id = ?2",
                       milestone_id, student_id, &status);
    if (rc != SQLITE_OK)
        return rc;
    if (status == 0)
        return refuse(err, errlen, "this goal is not one of this student's goals");
    if (status == 2)
        return refuse(err, errlen, "this goal was retired; it takes no more reflections");
    if (session_id) {
        long long mine = 0;
        rc = query_int(db, "SELECT count(*) FROM kiosk_sessions WHERE id = ?1 AND student_id = ?2", session_id,
                       student_id, &mine);
        if (rc != SQLITE_OK)
            return rc;
        if (!mine)
            return refuse(err, errlen, "the kiosk session is not this student's");
    }
    return SQLITE_OK;
}

static void bind_text_or_empty(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_STATIC);
}

static void bind_id_or_null(sqlite3_stmt *st, int i, long long id)
{
    if (id)
        sqlite3_bind_int64(st, i, id);
    else
        sqlite3_bind_null(st, i);
}

/* Begins the write transaction; SQLITE_BUSY when another writer holds the lock. */
static int begin_write(sqlite3 *db, char *err, size_t errlen)
{
    int rc = plain_code(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL));
    if (rc != SQLITE_OK && err && errlen)
        snprintf(err, errlen, rc == SQLITE_BUSY ? "the database is busy; try again" : "cannot save: %s",
                 sqlite3_errmsg(db));
    return rc;
}

/* Steps a prepared insert and commits. Rolls back on any failure. */
static int insert_and_commit(sqlite3 *db, sqlite3_stmt *st, long long *id_out, char *err, size_t errlen)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) {
        long long id = sqlite3_last_insert_rowid(db);
        rc = plain_code(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL));
        if (rc == SQLITE_OK && id_out)
            *id_out = id;
    } else {
        rc = plain_code(rc);
    }
    if (rc != SQLITE_OK) {
        if (err && errlen)
            snprintf(err, errlen, rc == SQLITE_BUSY ? "the database is busy; try again" : "cannot save: %s",
                     sqlite3_errmsg(db));
        if (!sqlite3_get_autocommit(db))
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    }
    return rc;
}

static int finish_refused(sqlite3 *db, sqlite3_stmt *st, int rc, char *err, size_t errlen)
{
    sqlite3_finalize(st);
    if (rc != SQLITE_CONSTRAINT && err && errlen)
        snprintf(err, errlen, rc == SQLITE_BUSY ? "the database is busy; try again" : "cannot save: %s",
                 sqlite3_errmsg(db));
    if (!sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return plain_code(rc);
}

int sp_self_check_save(sqlite3 *db, const sp_self_check *in, long long *id_out, char *err, size_t errlen)
{
    int rc;
    if (err && errlen)
        err[0] = 0;
    if (!db || !in)
        return refuse(err, errlen, "nothing to save");
    if (in->scale != SP_SCALE_FACES3 && in->scale != SP_SCALE_SCALE4)
        return refuse(err, errlen, "unknown rating scale");
    int top = in->scale == SP_SCALE_FACES3 ? 3 : 4;
    if (in->rating < 1 || in->rating > top) {
        return refuse(err, errlen, "rating: expected 1 to %d%s, got %d", top,
                      in->scale == SP_SCALE_FACES3 ? " on the faces" : "", in->rating);
    }
    if (in->used_strategy < -1 || in->used_strategy > 1)
        return refuse(err, errlen, "used strategy: expected yes, no or not asked");
    if ((rc = check_answer("what got in the way", in->obstacle, err, errlen)) ||
        (rc = check_answer("what I will try next", in->next_step, err, errlen)))
        return rc;
    if (!iso_time_ok(in->created_at))
        return refuse(err, errlen, "time: expected YYYY-MM-DDTHH:MM:SSZ, got '%.40s'",
                      in->created_at ? in->created_at : "");

    if ((rc = begin_write(db, err, errlen)) != SQLITE_OK)
        return rc;
    sqlite3_stmt *st = NULL;
    if ((rc = check_goal(db, in->student_id, in->milestone_id, in->session_id, err, errlen)) != SQLITE_OK)
        return finish_refused(db, st, rc, err, errlen);
    rc = sqlite3_prepare_v2(db,
                            "INSERT INTO self_checks (student_id, milestone_id, created_at, scale, rating, "
                            "used_strategy, obstacle, next_step, kiosk_session_id) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                            -1, &st, NULL);
    if (rc != SQLITE_OK)
        return finish_refused(db, st, rc, err, errlen);
    sqlite3_bind_int64(st, 1, in->student_id);
    sqlite3_bind_int64(st, 2, in->milestone_id);
    sqlite3_bind_text(st, 3, in->created_at, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, sp_scale_db_name(in->scale), -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 5, in->rating);
    if (in->used_strategy >= 0)
        sqlite3_bind_int(st, 6, in->used_strategy);
    else
        sqlite3_bind_null(st, 6);
    bind_text_or_empty(st, 7, in->obstacle);
    bind_text_or_empty(st, 8, in->next_step);
    bind_id_or_null(st, 9, in->session_id);
    rc = insert_and_commit(db, st, id_out, err, errlen);
    sqlite3_finalize(st);
    return rc;
}

int sp_next_step_save(sqlite3 *db, const sp_next_step_plan *in, long long *id_out, char *err, size_t errlen)
{
    int rc;
    if (err && errlen)
        err[0] = 0;
    if (!db || !in)
        return refuse(err, errlen, "nothing to save");
    if ((rc = check_answer("what's getting in the way", in->in_the_way, err, errlen)) ||
        (rc = check_answer("which change would help most", in->change, err, errlen)) ||
        (rc = check_answer("how we will know", in->how_we_know, err, errlen)) ||
        (rc = check_answer("what support first", in->support_first, err, errlen)))
        return rc;
    const char *answers[] = {in->in_the_way, in->change, in->how_we_know, in->support_first};
    bool any = false;
    for (size_t i = 0; i < 4; i++)
        any = any || (answers[i] && *answers[i]);
    if (!any)
        return refuse(err, errlen, "answer at least one of the four questions");
    if (!iso_time_ok(in->created_at))
        return refuse(err, errlen, "time: expected YYYY-MM-DDTHH:MM:SSZ, got '%.40s'",
                      in->created_at ? in->created_at : "");

    if ((rc = begin_write(db, err, errlen)) != SQLITE_OK)
        return rc;
    sqlite3_stmt *st = NULL;
    if ((rc = check_goal(db, in->student_id, in->milestone_id, in->session_id, err, errlen)) != SQLITE_OK)
        return finish_refused(db, st, rc, err, errlen);
    rc = sqlite3_prepare_v2(db,
                            "INSERT INTO next_step_plans (student_id, milestone_id, in_the_way, change_text, "
                            "how_we_know, support_first, created_at, kiosk_session_id) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                            -1, &st, NULL);
    if (rc != SQLITE_OK)
        return finish_refused(db, st, rc, err, errlen);
    sqlite3_bind_int64(st, 1, in->student_id);
    sqlite3_bind_int64(st, 2, in->milestone_id);
    for (int i = 0; i < 4; i++)
        bind_text_or_empty(st, 3 + i, answers[i]);
    sqlite3_bind_text(st, 7, in->created_at, -1, SQLITE_STATIC);
    bind_id_or_null(st, 8, in->session_id);
    rc = insert_and_commit(db, st, id_out, err, errlen);
    sqlite3_finalize(st);
    return rc;
}

int sp_mastery_save(sqlite3 *db, const sp_mastery_self_rating *in, long long *id_out, char *err, size_t errlen)
{
    int rc;
    if (err && errlen)
        err[0] = 0;
    if (!db || !in)
        return refuse(err, errlen, "nothing to save");
    if (in->rating < 1 || in->rating > 4) {
        return refuse(err, errlen, "rating: expected 1 to 4, got %d", in->rating);
    }
    if ((rc = check_answer("evidence", in->evidence, err, errlen)) ||
        (rc = check_answer("next step", in->next_step, err, errlen)))
        return rc;
    if (!iso_time_ok(in->rated_at))
        return refuse(err, errlen, "time: expected YYYY-MM-DDTHH:MM:SSZ, got '%.40s'", in->rated_at ? in->rated_at : "");

    if ((rc = begin_write(db, err, errlen)) != SQLITE_OK)
        return rc;
    sqlite3_stmt *st = NULL;
    long long ok = 0;
    rc = query_int(db,
                   "SELECT count(*) FROM learning_targets t JOIN units u ON u.id = t.unit_id AND u.is_current = 1"
                   " JOIN classes c ON c.id = u.class_id AND c.archived = 0"
                   " JOIN enrollments e ON e.class_id = c.id AND e.student_id = ?2"
                   " JOIN students s ON s.id = e.student_id WHERE t.id = ?1",
                   in->target_id, in->student_id, &ok);
    if (rc == SQLITE_OK && !ok)
        rc = refuse(err, errlen, "this learning target is not in a current unit of the student's classes");
    if (rc == SQLITE_OK && in->session_id) {
        rc = query_int(db, "SELECT count(*) FROM kiosk_sessions WHERE id = ?1 AND student_id = ?2", in->session_id,
                       in->student_id, &ok);
        if (rc == SQLITE_OK && !ok)
            rc = refuse(err, errlen, "the kiosk session is not this student's");
    }
    if (rc != SQLITE_OK)
        return finish_refused(db, st, rc, err, errlen);
    rc = sqlite3_prepare_v2(db,
                            "INSERT INTO mastery_ratings (target_id, student_id, rater, rating, evidence, next_step, "
                            "rated_at, kiosk_session_id) VALUES (?1, ?2, 'student', ?3, ?4, ?5, ?6, ?7)",
                            -1, &st, NULL);
    if (rc != SQLITE_OK)
        return finish_refused(db, st, rc, err, errlen);
    sqlite3_bind_int64(st, 1, in->target_id);
    sqlite3_bind_int64(st, 2, in->student_id);
    sqlite3_bind_int(st, 3, in->rating);
    bind_text_or_empty(st, 4, in->evidence);
    bind_text_or_empty(st, 5, in->next_step);
    sqlite3_bind_text(st, 6, in->rated_at, -1, SQLITE_STATIC);
    bind_id_or_null(st, 7, in->session_id);
    rc = insert_and_commit(db, st, id_out, err, errlen);
    sqlite3_finalize(st);
    return rc;
}

/* ---- chips --------------------------------------------------------------------------------- */

/* Longest chip text in characters: a big chip holds about this much on two lines. */
#define CHIP_CHARS 48

static const char *const OBSTACLES_ACADEMIC[] = {N_("It was too hard"),  N_("I ran out of time"),     N_("I got distracted"),
                                                 N_("I didn't ask for help"), N_("I didn't understand the task"),
                                                 N_("I was tired"),      N_("Nothing got in the way")};
static const char *const OBSTACLES_BEHAVIOR[] = {N_("I got distracted"), N_("It was noisy"),        N_("I forgot my plan"),
                                                 N_("Something upset me"), N_("I was tired"),       N_("I didn't ask for a break"),
                                                 N_("Nothing got in the way")};
static const char *const OBSTACLES_SEL[] = {N_("I felt stressed"),       N_("I forgot my strategy"), N_("It happened too fast"),
                                            N_("I didn't want to stop"), N_("I was tired"),          N_("Something upset me"),
                                            N_("Nothing got in the way")};
static const char *const OBSTACLES_FUTURE[] = {N_("I ran out of time"),        N_("I didn't know the next step"),
                                               N_("I needed a form or paper"), N_("I need help from my family"),
                                               N_("I forgot"),                 N_("Nothing got in the way")};
static const char *const NEXT_GENERAL[] = {N_("Ask for help sooner"), N_("Keep going"), N_("Try a new strategy"),
                                           N_("Practice a little every day")};
static const char *const SUPPORT_GENERAL[] = {N_("Help from my teacher"), N_("A quiet place to work"), N_("Working with a friend"),
                                              N_("A reminder card on my desk")};

/* Copies a phrase into a chip: trimmed, first letter capitalised, cut at a word boundary with
 * "…" when longer than CHIP_CHARS characters. Returns false for an empty phrase. */
static bool chip_from(char out[SP_CHIP_BYTES], const char *s, size_t len)
{
    while (len && isspace((unsigned char)*s))
        s++, len--;
    while (len && (isspace((unsigned char)s[len - 1]) || s[len - 1] == '.'))
        len--;
    if (!len)
        return false;
    /* Count characters (not bytes) so that a cut never splits one. */
    size_t chars = 0, cut = len, last_space = 0;
    for (const char *p = s; (size_t)(p - s) < len; chars++) {
        if (chars == CHIP_CHARS - 1)
            cut = (size_t)(p - s);
        if (*p == ' ' && chars < CHIP_CHARS - 1)
            last_space = (size_t)(p - s);
        sp_utf8_next(&p);
    }
    if (chars <= CHIP_CHARS)
        cut = len;
    bool shortened = cut < len;
    if (shortened && last_space > CHIP_CHARS / 2)
        cut = last_space;
    if (cut > SP_CHIP_BYTES - 4)
        cut = SP_CHIP_BYTES - 4;
    while (cut && ((unsigned char)s[cut] & 0xC0) == 0x80) /* never end inside a character */
        cut--;
    snprintf(out, SP_CHIP_BYTES, "%.*s%s", (int)cut, s, shortened ? "\xE2\x80\xA6" : "");
    if (out[0] >= 'a' && out[0] <= 'z')
        out[0] = (char)(out[0] - 'a' + 'A');
    return true;
}

static void add_chip(char list[][SP_CHIP_BYTES], size_t *n, const char *s, size_t len)
{
    char chip[SP_CHIP_BYTES];
    if (*n >= SP_CHIP_MAX || !chip_from(chip, s, len))
        return;
    for (size_t i = 0; i < *n; i++)
        if (strcasecmp(list[i], chip) == 0)
            return;
    memcpy(list[(*n)++], chip, SP_CHIP_BYTES);
}

/* Splits the student's obstacle choices ("I didn't know how to start|I ran out of time"). */
static void add_choices(char list[][SP_CHIP_BYTES], size_t *n, const char *text)
{
    const char *p = text;
    while (p && *p) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        add_chip(list, n, p, len);
        p = bar ? bar + 1 : NULL;
    }
}

static void add_list(char list[][SP_CHIP_BYTES], size_t *n, const char *const *words, size_t count)
{
    for (size_t i = 0; i < count; i++) /* in the kiosk language: the student reads and picks them */
        add_chip(list, n, _(words[i]), strlen(_(words[i])));
}

int sp_self_check_chips(sqlite3 *db, long long milestone_id, sp_chips *out)
{
    memset(out, 0, sizeof *out);
    char category[24] = "";
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT category, student_obstacles, student_support FROM milestones WHERE id = ?1",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, milestone_id);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            snprintf(category, sizeof category, "%s", (const char *)sqlite3_column_text(st, 0));
            add_choices(out->obstacle, &out->nobstacle, (const char *)sqlite3_column_text(st, 1));
            const char *support = (const char *)sqlite3_column_text(st, 2);
            if (support && strlen(support) < CHIP_CHARS)
                add_chip(out->support, &out->nsupport, support, strlen(support));
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            rc = SQLITE_NOTFOUND;
        }
    }
    sqlite3_finalize(st);
    st = NULL;
    if (rc == SQLITE_OK) {
        /* Only the student's choice of a rule: its "then" part is the adults' plan. */
        rc = sqlite3_prepare_v2(db, "SELECT student_choice FROM if_then_rules WHERE milestone_id = ?1 ORDER BY id", -1,
                                &st, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_int64(st, 1, milestone_id);
            while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                const char *s = (const char *)sqlite3_column_text(st, 0);
                if (s && *s)
                    add_chip(out->next, &out->nnext, s, strlen(s));
            }
            rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
        sqlite3_finalize(st);
    }
    /* A few general steps and supports, so every goal offers a choice. */
    add_list(out->next, &out->nnext, NEXT_GENERAL, sizeof NEXT_GENERAL / sizeof NEXT_GENERAL[0]);
    add_list(out->support, &out->nsupport, SUPPORT_GENERAL, sizeof SUPPORT_GENERAL / sizeof SUPPORT_GENERAL[0]);

#define ADD_OBSTACLES(list) add_list(out->obstacle, &out->nobstacle, list, sizeof list / sizeof list[0])
    if (strcmp(category, "behavior") == 0)
        ADD_OBSTACLES(OBSTACLES_BEHAVIOR);
    else if (strcmp(category, "social-emotional") == 0)
        ADD_OBSTACLES(OBSTACLES_SEL);
    else if (strcmp(category, "future-readiness") == 0)
        ADD_OBSTACLES(OBSTACLES_FUTURE);
    else
        ADD_OBSTACLES(OBSTACLES_ACADEMIC);
#undef ADD_OBSTACLES
    return plain_code(rc);
}

/* ---- mastery tracker ----------------------------------------------------------------------- */

static char *dup_col(sqlite3_stmt *st, int col)
{
    const char *s = (const char *)sqlite3_column_text(st, col);
    return strdup(s ? s : "");
}

static void unit_clear(sp_mastery_unit *u)
{
    free(u->title);
    free(u->class_name);
    for (size_t i = 0; i < u->ntargets; i++) {
        free(u->targets[i].statement);
        free(u->targets[i].student_evidence);
        free(u->targets[i].student_next);
    }
    free(u->targets);
    for (size_t i = 0; i < u->nassignments; i++)
        free(u->assignments[i]);
    free(u->assignments);
    memset(u, 0, sizeof *u);
}

void sp_mastery_units_free(sp_mastery_unit *u, size_t n)
{
    if (!u)
        return;
    for (size_t i = 0; i < n; i++)
        unit_clear(&u[i]);
    free(u);
}

static const char SQL_UNITS[] = "SELECT u.id, u.title, c.name FROM enrollments e"
                                " JOIN classes c ON c.id = e.class_id AND c.archived = 0"
                                " JOIN units u ON u.class_id = c.id AND u.is_current = 1"
                                " WHERE e.student_id = ?1 ORDER BY c.code, u.id";
/* Latest rating per rater; ties on the same second go to the later row. */
static const char SQL_TARGETS[] =
    "SELECT t.id, t.position, t.statement, t.standard_code,"
    " s.rating, s.evidence, s.next_step,"
    " (SELECT r.rating FROM mastery_ratings r WHERE r.target_id = t.id AND r.student_id = ?2 AND r.rater = 'teacher'"
    "  ORDER BY r.rated_at DESC, r.id DESC LIMIT 1)"
    " FROM learning_targets t"
    " LEFT JOIN mastery_ratings s ON s.id = (SELECT r.id FROM mastery_ratings r WHERE r.target_id = t.id"
    "  AND r.student_id = ?2 AND r.rater = 'student' ORDER BY r.rated_at DESC, r.id DESC LIMIT 1)"
    " WHERE t.unit_id = ?1 ORDER BY t.position";
static const char SQL_ASSIGNMENTS[] = "SELECT title FROM unit_assignments WHERE unit_id = ?1 ORDER BY id";

static int load_unit(sqlite3 *db, sqlite3_stmt *targets, sqlite3_stmt *assignments, long long student_id,
                     sp_mastery_unit *u)
{
    int rc;
    size_t cap = 0;
    sqlite3_bind_int64(targets, 1, u->unit_id);
    sqlite3_bind_int64(targets, 2, student_id);
    while ((rc = sqlite3_step(targets)) == SQLITE_ROW) {
        if (u->ntargets == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            sp_mastery_target *t = realloc(u->targets, ncap * sizeof *t);
            if (!t)
                return SQLITE_NOMEM;
            u->targets = t, cap = ncap;
        }
        sp_mastery_target *t = &u->targets[u->ntargets];
        memset(t, 0, sizeof *t);
        u->ntargets++;
        t->target_id = sqlite3_column_int64(targets, 0);
        t->position = sqlite3_column_int(targets, 1);
        t->statement = dup_col(targets, 2);
        snprintf(t->standard_code, sizeof t->standard_code, "%s", (const char *)sqlite3_column_text(targets, 3));
        t->student_rating = sqlite3_column_int(targets, 4);
        t->student_evidence = dup_col(targets, 5);
        t->student_next = dup_col(targets, 6);
        t->teacher_rating = sqlite3_column_int(targets, 7);
        if (!t->statement || !t->student_evidence || !t->student_next)
            return SQLITE_NOMEM;
    }
    sqlite3_reset(targets);
    if (rc != SQLITE_DONE)
        return rc;
    cap = 0;
    sqlite3_bind_int64(assignments, 1, u->unit_id);
    while ((rc = sqlite3_step(assignments)) == SQLITE_ROW) {
        if (u->nassignments == cap) {
            size_t ncap = cap ? cap * 2 : 4;
            char **a = realloc(u->assignments, ncap * sizeof *a);
            if (!a)
                return SQLITE_NOMEM;
            u->assignments = a, cap = ncap;
        }
        if (!(u->assignments[u->nassignments] = dup_col(assignments, 0)))
            return SQLITE_NOMEM;
        u->nassignments++;
    }
    sqlite3_reset(assignments);
    (void)db;
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int sp_mastery_load(sqlite3 *db, long long student_id, sp_mastery_unit **out, size_t *n)
{
    sqlite3_stmt *units = NULL, *targets = NULL, *assignments = NULL;
    sp_mastery_unit *list = NULL;
    size_t count = 0, cap = 0;
    *out = NULL;
    *n = 0;
    /* One read transaction, so the units and their ratings are one consistent state. */
    bool own_txn = sqlite3_get_autocommit(db) != 0;
    int rc = own_txn ? sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) : SQLITE_OK;
    if (rc != SQLITE_OK)
        return plain_code(rc);
    if ((rc = sqlite3_prepare_v2(db, SQL_UNITS, -1, &units, NULL)) != SQLITE_OK ||
        (rc = sqlite3_prepare_v2(db, SQL_TARGETS, -1, &targets, NULL)) != SQLITE_OK ||
        (rc = sqlite3_prepare_v2(db, SQL_ASSIGNMENTS, -1, &assignments, NULL)) != SQLITE_OK)
        goto done;
    sqlite3_bind_int64(units, 1, student_id);
    while ((rc = sqlite3_step(units)) == SQLITE_ROW) {
        if (count == cap) {
            size_t ncap = cap ? cap * 2 : 2;
            sp_mastery_unit *l = realloc(list, ncap * sizeof *l);
            if (!l) {
                rc = SQLITE_NOMEM;
                goto done;
            }
            list = l, cap = ncap;
        }
        sp_mastery_unit *u = &list[count++];
        memset(u, 0, sizeof *u);
        u->unit_id = sqlite3_column_int64(units, 0);
        u->title = dup_col(units, 1);
        u->class_name = dup_col(units, 2);
        if (!u->title || !u->class_name) {
            rc = SQLITE_NOMEM;
            goto done;
        }
        if ((rc = load_unit(db, targets, assignments, student_id, u)) != SQLITE_OK)
            goto done;
    }
    if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
done:
    sqlite3_finalize(units);
    sqlite3_finalize(targets);
    sqlite3_finalize(assignments);
    if (own_txn)
        sqlite3_exec(db, rc == SQLITE_OK ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        sp_mastery_units_free(list, count);
        return plain_code(rc);
    }
    *out = list;
    *n = count;
    return SQLITE_OK;
}
