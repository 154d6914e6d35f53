/* kiosk_driver.c — see kiosk_driver.h. The ui tests share this one driver so that a tap, a
 * scan or "wait a minute" means the same in every test file. */
#include "i18n.h"
#include "kiosk_driver.h"

#include "badge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

kd_driver kd;

int kd_fake_width(void *user, const char *text, size_t len, int size, sp_font_style style)
{
    (void)user;
    (void)style;
    int cps = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            cps++;
    return cps * size / 2;
}

static int fake_line_height(void *user, int size)
{
    (void)user;
    return size * 5 / 4;
}

const sp_text_metrics kd_metrics = {NULL, kd_fake_width, fake_line_height};

/* ---- the app and its clock --------------------------------------------------------------- */

int kd_begin(const char *db_path, const char *kiosk_name, uint64_t now)
{
    kd = (kd_driver){.db_path = db_path, .kiosk_name = kiosk_name, .now = now};
    kd.dl = calloc(1, sizeof *kd.dl);
    return kd.dl ? 0 : -1;
}

void kd_end(void)
{
    kd_stop_app();
    free(kd.dl);
    kd.dl = NULL;
}

void kd_start_app(int w, int h)
{
    sp_app_config cfg = {.db_path = kd.db_path, .kiosk_name = kd.kiosk_name, .width = w, .height = h};
    sp_i18n_init();
    kd.app = sp_app_new(&cfg, &kd_metrics, kd.now);
    assert_non_null(kd.app);
    kd_draw();
}

void kd_stop_app(void)
{
    sp_app_free(kd.app);
    kd.app = NULL;
}

/* ---- gestures ---------------------------------------------------------------------------- */

void kd_draw(void) { sp_app_frame(kd.app, kd.dl, kd.now); }

void kd_event(sp_app_event ev)
{
    sp_app_handle(kd.app, &ev, kd.now);
    if (sp_app_needs_redraw(kd.app, kd.now))
        kd_draw();
}

void kd_tap(int x, int y)
{
    kd.now += kd.tap_ms;
    kd_event((sp_app_event){.kind = SP_EV_POINTER, .x = x, .y = y});
}

void kd_key(sp_app_key k) { kd_event((sp_app_event){.kind = SP_EV_KEY, .key = k}); }

void kd_type_text(const char *s)
{
    sp_app_event ev = {.kind = SP_EV_TEXT};
    snprintf(ev.text, sizeof ev.text, "%s", s);
    kd_event(ev);
}

void kd_type_chars(const char *s)
{
    while (*s) {
        size_t n = 1;
        while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
            n++;
        sp_app_event ev = {.kind = SP_EV_TEXT};
        memcpy(ev.text, s, n);
        kd_event(ev);
        s += n;
    }
}

void kd_wait_ms(uint64_t ms)
{
    uint64_t until = kd.now + ms;
    while (kd.now < until) {
        uint64_t d = sp_app_next_deadline(kd.app, kd.now);
        kd.now = d > kd.now && d < until ? d : until;
        kd_event((sp_app_event){.kind = SP_EV_TICK});
    }
}

void kd_scan_token(const char *token)
{
    char payload[SP_BADGE_PAYLOAD_MAX];
    sp_badge_payload(token, payload);
    kd_scan_raw(payload);
}

void kd_scan_raw(const char *text)
{
    sp_app_event ev = {.kind = SP_EV_SCAN};
    snprintf(ev.text, sizeof ev.text, "%s", text);
    kd_event(ev);
}

void kd_sign_in(sqlite3 *db, const char *sis)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT sp_badge_unseal(b.sealed) FROM badges b JOIN students s ON s.id = b.student_id"
                                        " WHERE s.sis_id = ?1 AND b.revoked_at IS NULL",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, sis, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    char payload[SP_BADGE_PAYLOAD_MAX];
    sp_badge_payload((const char *)sqlite3_column_text(st, 0), payload);
    sqlite3_finalize(st);
    kd_scan_raw(payload);
    kd_wait_ms(1500); /* the welcome, then any celebration moments, then "My goals" */
    kd_past_celebrations();
    kd_expect_screen("goals");
}

/* ---- looks at the frame ------------------------------------------------------------------ */

static void look(void)
{
    if (kd.fresh_frames)
        kd_draw();
}

const char *kd_screen_text(void)
{
    static char all[SP_DRAW_TEXT_ARENA * 2];
    size_t n = 0;
    for (size_t i = 0; i < kd.dl->count; i++) {
        if (kd.dl->cmds[i].kind != SP_CMD_TEXT)
            continue;
        size_t len = strlen(kd.dl->cmds[i].text);
        if (n + len + 2 > sizeof all)
            break;
        memcpy(all + n, kd.dl->cmds[i].text, len);
        n += len;
        all[n++] = ' ';
    }
    all[n] = 0;
    return all;
}

void kd_past_celebrations(void)
{
    for (int i = 0; i < 8 && strcmp(sp_app_screen_name(kd.app), "celebration") == 0; i++) {
        look();
        sp_rect t[8];
        size_t n = sp_app_touch_targets(kd.app, t, 8); /* "Next" is the last, in any language */
        assert_true(n > 0 && n <= 8);
        kd_tap(t[n - 1].x + t[n - 1].w / 2, t[n - 1].y + t[n - 1].h / 2);
    }
}

bool kd_on_screen(const char *needle)
{
    look();
    return sp_draw_contains_text(kd.dl, needle);
}

void kd_tap_text(const char *needle)
{
    look();
    const sp_draw_cmd *c = sp_draw_find_text(kd.dl, needle);
    if (!c)
        fail_msg("no text containing \"%s\" on the %s screen; it shows: %s", needle, sp_app_screen_name(kd.app),
                 kd_screen_text());
    kd_tap(c->rect.x + c->rect.w / 2, c->rect.y + c->rect.h / 2);
}

void kd_expect_screen(const char *name) { assert_string_equal(sp_app_screen_name(kd.app), name); }

void kd_expect_text(const char *needle)
{
    look();
    if (!strstr(kd_screen_text(), needle))
        fail_msg("expected \"%s\" on the %s screen; it shows: %s", needle, sp_app_screen_name(kd.app),
                 kd_screen_text());
}

void kd_expect_no_text(const char *needle)
{
    look();
    if (strstr(kd_screen_text(), needle))
        fail_msg("did not expect \"%s\" on the %s screen; it shows: %s", needle, sp_app_screen_name(kd.app),
                 kd_screen_text());
}

int kd_count_kind(sp_cmd_kind kind)
{
    int n = 0;
    for (size_t i = 0; i < kd.dl->count; i++)
        n += kd.dl->cmds[i].kind == kind;
    return n;
}

bool kd_bytes_contain(const void *mem, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    const char *p = mem;
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(p + i, needle, k) == 0)
            return true;
    return false;
}

/* ---- the demo school --------------------------------------------------------------------- */

void kd_demo_school(const char *db_path)
{
    ts_run_result r = ts_admin(db_path, "demo", NULL);
    if (r.exit_code != 0)
        fail_msg("demo: %s", r.err);
    ts_run_free(&r);
    r = ts_admin(db_path, "badge", "issue", "--all-missing", NULL);
    if (r.exit_code != 0)
        fail_msg("badge issue: %s", r.err);
    ts_run_free(&r);
}

long long kd_student_id(sqlite3 *db, const char *sis)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT id FROM students WHERE sis_id = '%s'", sis);
    return ts_query_int(db, sql);
}

long long kd_goal_id(sqlite3 *db, const char *sis, const char *template_key)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT m.id FROM milestones m JOIN students s ON s.id = m.student_id WHERE s.sis_id = '%s'"
             " AND m.template_key = '%s' AND m.visibility = 'kiosk' ORDER BY m.id LIMIT 1",
             sis, template_key);
    return ts_query_int(db, sql);
}
