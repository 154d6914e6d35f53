/* demo_family.c — the family half of the demo school: what a family can do at home for each
 * milestone template, a few "Set my next step" plans, and how to reach the school.
 *
 * Runs inside sp_demo_build's savepoint after the milestones exist, so the texts follow the
 * templates (every student with the template gets its at-home text) and the plans belong to
 * students whose milestones were just written. */
#include "demo_school.h"

#include <stdio.h>
#include <string.h>

/* Written for families: short, concrete, something to do this week at the kitchen table. */
static const struct {
    const char *template_key, *at_home;
} AT_HOME[] = {
    {"ela8-claim-evidence", "Ask me what my claim is in something I am writing, and which 2 facts back it up."},
    {"ss6-off-task", "Ask me how many reminders I needed today, and cheer when it is 2 or fewer."},
    {"hr10-coping", "When I look stressed, ask me which calm-down strategy I want to use, and try it with me."},
    {"math7-unit-quiz", "Have me explain one worked example from my notes to you before each Friday quiz."},
    {"attendance-95", "Help me get to school on time every day; call the office if I have to miss a day."},
    {"alg9-c-or-better", "Check my missing-work list with me on Monday evenings and ask about homework club."},
    {"fafsa-steps", "Come to FAFSA night with me and keep your tax papers ready for the form."},
    {"engagement-discussion", "At dinner, ask me one question about what we discussed in class today."},
    {"k-sight-words", "Play with my take-home word ring: read 5 words with me every evening."},
    {"fafsa-fsa-id", "Sit with me while we make my FSA ID together."},
};

/* Plans students made with "Set my next step" (the conference's "What's next"). */
static const struct {
    const char *sis_id, *template_key, *in_the_way, *change, *how_we_know, *support_first;
    int days_ago;
} PLANS[] = {
    {"E8001", "ela8-claim-evidence", "I forget to add my second piece of evidence",
     "Check my paragraph for 2 facts before I hand it in", "My rubric score for evidence goes up", "The claim checklist",
     3},
    {"E8003", "ela8-claim-evidence", "I run out of time", "Start with the sentence stems",
     "I finish all 3 paragraphs", "The writing group on Tuesday", 5},
};

static const struct {
    const char *key, *value;
} SETTINGS[] = {
    {"school_name", "Riverside Community School"},
    {"school_contact", "School office: (555) 010-2400 · office@riverside.example.org"},
};

static int step_done(sqlite3 *db, sqlite3_stmt *st, const char *what, char *err, size_t errlen)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc == SQLITE_DONE)
        return SQLITE_OK;
    snprintf(err, errlen, "demo school: %s failed: %s", what, sqlite3_errmsg(db));
    return rc;
}

int sp_demo_add_family(sqlite3 *db, int today, char *err, size_t errlen)
{
    sqlite3_stmt *at_home = NULL, *plan = NULL, *setting = NULL;
    int rc = sqlite3_prepare_v2(db, "UPDATE milestones SET at_home = ?2 WHERE template_key = ?1", -1, &at_home, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db,
                                "INSERT INTO next_step_plans(student_id, milestone_id, in_the_way, change_text,"
                                " how_we_know, support_first, created_at)"
                                " SELECT m.student_id, m.id, ?3, ?4, ?5, ?6, strftime('%Y-%m-%dT15:20:00Z', ?7)"
                                " FROM milestones m JOIN students s ON s.id = m.student_id"
                                " WHERE s.sis_id = ?1 AND m.template_key = ?2",
                                -1, &plan, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO settings(key, value) VALUES (?1, ?2)", -1, &setting, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "demo school: preparing the family texts failed: %s", sqlite3_errmsg(db));
        goto done;
    }
    for (size_t i = 0; i < sizeof AT_HOME / sizeof AT_HOME[0] && rc == SQLITE_OK; i++) {
        sqlite3_bind_text(at_home, 1, AT_HOME[i].template_key, -1, SQLITE_STATIC);
        sqlite3_bind_text(at_home, 2, AT_HOME[i].at_home, -1, SQLITE_STATIC);
        rc = step_done(db, at_home, "at-home text", err, errlen);
    }
    for (size_t i = 0; i < sizeof PLANS / sizeof PLANS[0] && rc == SQLITE_OK; i++) {
        sqlite3_bind_text(plan, 1, PLANS[i].sis_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(plan, 2, PLANS[i].template_key, -1, SQLITE_STATIC);
        sqlite3_bind_text(plan, 3, PLANS[i].in_the_way, -1, SQLITE_STATIC);
        sqlite3_bind_text(plan, 4, PLANS[i].change, -1, SQLITE_STATIC);
        sqlite3_bind_text(plan, 5, PLANS[i].how_we_know, -1, SQLITE_STATIC);
        sqlite3_bind_text(plan, 6, PLANS[i].support_first, -1, SQLITE_STATIC);
        /* day numbers count from 1970-01-01 (dates.h); julianday('1970-01-01') is 2440587.5 */
        sqlite3_bind_double(plan, 7, 2440587.5 + (double)(today - PLANS[i].days_ago));
        rc = step_done(db, plan, "next-step plan", err, errlen);
    }
    for (size_t i = 0; i < sizeof SETTINGS / sizeof SETTINGS[0] && rc == SQLITE_OK; i++) {
        sqlite3_bind_text(setting, 1, SETTINGS[i].key, -1, SQLITE_STATIC);
        sqlite3_bind_text(setting, 2, SETTINGS[i].value, -1, SQLITE_STATIC);
        rc = step_done(db, setting, "school contact", err, errlen);
    }
done:
    sqlite3_finalize(at_home);
    sqlite3_finalize(plan);
    sqlite3_finalize(setting);
    return rc;
}
