/* screen_mastery.c — _("My learning targets"): the current unit of the student's class with its
 * learning targets in order, each an "I can …" card showing the student's latest rating and,
 * when a teacher has rated the target, the teacher's rating beside it. The two are never
 * combined into one number: a self-rating is a reflection, not a grade.
 *
 * The units are read when the screen is opened from "My goals" (sp_mastery_load) and kept in
 * kiosk_person until Back or the end of the session; coming back from a save or from the
 * timeout warning shows them again without a second read. A student in several classes with a
 * current unit gets one tab per class. The list scrolls like the goal list: its layout is a
 * pure function of the window and the unit, shared by drawing, scrolling and keeping the
 * focused card in view. A footer offers _("Start rating") (the first target not rated yet) or,
 * after a save, _("Next target"), so a student can go through the whole unit in one go.
 *
 * No class, no current unit, a unit with no targets and a database that cannot be read each
 * get a plain sentence under the header instead of an empty page. */
#include "app/app_internal.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ACT_NEXT = KIOSK_ACT_SCREEN + 1, ACT_START = KIOSK_ACT_SCREEN + 2, ACT_RETRY = KIOSK_ACT_SCREEN + 3,
       ACT_GOALS = KIOSK_ACT_SCREEN + 4, ACT_TAB = KIOSK_ACT_SCREEN + 100 };

#define MAX_TABS 12 /* classes shown as tabs (a student has a handful at most) */

/* ---- shared with screen_mastery_target.c -------------------------------------------------- */

static void wipe(char *s)
{
    if (s)
        memset(s, 0, strlen(s));
}

void kiosk_mastery_free(kiosk_mastery *m)
{
    /* The student's own words are overwritten before they go back to the allocator. */
    for (size_t u = 0; m->units && u < m->nunits; u++)
        for (size_t i = 0; i < m->units[u].ntargets; i++) {
            wipe(m->units[u].targets[i].student_evidence);
            wipe(m->units[u].targets[i].student_next);
        }
    if (m->units)
        sp_mastery_units_free(m->units, m->nunits);
    memset(m, 0, sizeof *m); /* also wipes the draft's typed text */
}

const sp_mastery_unit *kiosk_mastery_unit(const sp_app *app)
{
    const kiosk_mastery *m = &app->person.mastery;
    if (!m->loaded || m->unit < 0 || (size_t)m->unit >= m->nunits)
        return NULL;
    return &m->units[m->unit];
}

sp_mastery_target *kiosk_mastery_target(sp_app *app)
{
    kiosk_mastery *m = &app->person.mastery;
    const sp_mastery_unit *u = kiosk_mastery_unit(app);
    if (!u || !m->rating_open || m->target < 0 || (size_t)m->target >= u->ntargets)
        return NULL;
    return &u->targets[m->target];
}

void kiosk_mastery_steps(sp_ui *ui, sp_rect r, int rating, sp_color fill, sp_color empty)
{
    if (!sp_ui_visible(ui, r) || r.w < 8 || r.h < 4)
        return;
    int gap = r.w / 12 > 1 ? r.w / 12 : 1;
    int bw = (r.w - 3 * gap) / 4;
    for (int i = 0; i < 4; i++) {
        int h = r.h * (i + 1) / 4;
        sp_rect b = {r.x + i * (bw + gap), r.y + r.h - h, bw, h};
        sp_draw_rect(ui->dl, b, i < rating ? fill : empty, bw / 4);
    }
}

const char *kiosk_mastery_title(const sp_app *app, const char *long_title, const char *short_title)
{
    const kiosk_theme *t = &app->theme;
    int room = kiosk_header_title_room(app, true, true);
    int w = app->metrics.text_width(app->metrics.user, long_title, strlen(long_title), t->title_size, SP_FONT_BOLD);
    return w <= room ? long_title : short_title;
}

/* ---- loading ------------------------------------------------------------------------------ */

/* Whether the student is in any class at all (sp_mastery_load finds no unit either way). */
static int in_a_class(sqlite3 *db, long long student_id, bool *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT EXISTS (SELECT 1 FROM enrollments e JOIN classes c ON c.id = e.class_id"
                                " WHERE e.student_id = ?1 AND c.archived = 0)",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, student_id);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int(st, 0) != 0;
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    return rc;
}

static void load(sp_app *app, uint64_t now)
{
    kiosk_mastery *m = &app->person.mastery;
    kiosk_mastery_free(m);
    m->loaded = true;
    if (!app->db && !kiosk_db_try_open(app)) {
        kiosk_db_lost(app, app->db_error, now);
        return;
    }
    int rc = sp_mastery_load(app->db, app->person.holder_id, &m->units, &m->nunits);
    if (rc == SQLITE_OK && m->nunits == 0)
        rc = in_a_class(app->db, app->person.holder_id, &m->enrolled);
    if (rc != SQLITE_OK) {
        if (m->units)
            sp_mastery_units_free(m->units, m->nunits);
        m->units = NULL;
        m->nunits = 0;
    }
    m->load_rc = rc;
    int basic = rc & 0xff;
    if (rc != SQLITE_OK && basic != SQLITE_BUSY && basic != SQLITE_LOCKED)
        kiosk_db_lost(app, sqlite3_errstr(rc), now);
}

static void enter(sp_app *app, uint64_t now)
{
    if (!app->person.mastery.loaded)
        load(app, now);
}

/* ---- layout ------------------------------------------------------------------------------- */

typedef struct {
    sp_rect content;        /* under the header */
    sp_rect tabs[MAX_TABS]; /* one per unit when there are several */
    int ntabs;
    int title_lines;
    sp_rect heading;        /* unit title and class */
    sp_rect view;           /* visible part of the target list */
    sp_rect footer;
    int columns, card_w, card_h, gap;
    int text_lines;         /* lines of the "I can" statement on a card */
    int content_h, max_scroll;
} mastery_layout;

static sp_rect content_rect(const sp_app *app)
{
    const kiosk_theme *t = &app->theme;
    int top = t->margin + t->button_h + t->gap; /* as kiosk_header */
    return (sp_rect){t->margin, top, t->w - 2 * t->margin, t->h - top - t->margin};
}

static int text_w(const sp_app *app, const char *s, int size, sp_font_style style)
{
    return app->metrics.text_width(app->metrics.user, s, strlen(s), size, style);
}

static const char *tab_words(const sp_mastery_unit *u)
{
    return u->class_name && u->class_name[0] ? u->class_name : u->title ? u->title : "";
}

static mastery_layout layout(const sp_app *app)
{
    const kiosk_theme *t = &app->theme;
    const kiosk_mastery *m = &app->person.mastery;
    const sp_mastery_unit *u = kiosk_mastery_unit(app);
    mastery_layout L;
    memset(&L, 0, sizeof L);
    L.content = content_rect(app);
    L.gap = t->gap;
    int x = L.content.x, y = L.content.y, right = L.content.x + L.content.w;

    /* Tabs flow left to right and wrap; each is as wide as its class name (at most a row). */
    if (m->nunits > 1) {
        int pad = t->ui.pad;
        for (size_t i = 0; i < m->nunits && i < MAX_TABS; i++) {
            int w = text_w(app, tab_words(&m->units[i]), t->ui.button_text_size, SP_FONT_BOLD) + 2 * pad;
            if (w < t->button_w)
                w = t->button_w;
            if (w > L.content.w)
                w = L.content.w;
            if (x > L.content.x && x + w > right) {
                x = L.content.x;
                y += t->button_h + t->small_gap;
            }
            L.tabs[L.ntabs++] = (sp_rect){x, y, w, t->button_h};
            x += w + t->small_gap;
        }
        y += t->button_h + t->gap;
    }

    int body = kiosk_line_h(&app->metrics, t->body_size), lbl = kiosk_line_h(&app->metrics, t->label_size);
    L.title_lines = 1;
    if (u && u->title) {
        sp_ui_line lines[2];
        int n = sp_ui_wrap(&app->metrics, u->title, t->body_size, SP_FONT_BOLD, L.content.w, 2, lines);
        L.title_lines = n > 0 ? n : 1;
    }
    L.heading = (sp_rect){L.content.x, y, L.content.w, L.title_lines * body + lbl};
    y += L.heading.h + t->gap;

    int bottom = L.content.y + L.content.h;
    L.footer = (sp_rect){L.content.x, bottom - t->button_h, L.content.w, t->button_h};
    L.view = (sp_rect){L.content.x, y, L.content.w, L.footer.y - t->gap - y};
    if (L.view.h < 0)
        L.view.h = 0;

    L.columns = t->portrait ? 1 : 2;
    L.card_w = (L.view.w - (L.columns - 1) * L.gap) / L.columns;
    int pad = t->ui.pad, text_w_px = L.card_w - 2 * pad;
    L.text_lines = 1;
    for (size_t i = 0; u && i < u->ntargets; i++) {
        sp_ui_line lines[3];
        const char *s = u->targets[i].statement ? u->targets[i].statement : "";
        int n = sp_ui_wrap(&app->metrics, s, t->card_text_size, SP_FONT_BOLD, text_w_px, 3, lines);
        if (n > L.text_lines)
            L.text_lines = n;
    }
    /* pad | statement | gap | "Me" / "Teacher" | rating line | pad */
    L.card_h = 2 * pad + L.text_lines * kiosk_line_h(&app->metrics, t->card_text_size) + t->small_gap + 2 * lbl;
    if (L.card_h < KIOSK_MIN_TOUCH)
        L.card_h = KIOSK_MIN_TOUCH;
    int n = u ? (int)u->ntargets : 0;
    int rows = (n + L.columns - 1) / L.columns;
    L.content_h = rows > 0 ? rows * L.card_h + (rows - 1) * L.gap : 0;
    L.max_scroll = L.content_h > L.view.h ? L.content_h - L.view.h : 0;
    return L;
}

static sp_rect card_rect(const mastery_layout *L, int i, int scroll)
{
    int col = i % L->columns, row = i / L->columns;
    return (sp_rect){L->view.x + col * (L->card_w + L->gap), L->view.y + row * (L->card_h + L->gap) - scroll,
                     L->card_w, L->card_h};
}

static void clamp_scroll(sp_app *app, const mastery_layout *L)
{
    int *s = &app->person.mastery.scroll;
    if (*s > L->max_scroll)
        *s = L->max_scroll;
    if (*s < 0)
        *s = 0;
}

static void show_card(sp_app *app, const mastery_layout *L, int i)
{
    int *s = &app->person.mastery.scroll;
    int top = i / L->columns * (L->card_h + L->gap);
    if (top < *s)
        *s = top;
    else if (top + L->card_h > *s + L->view.h)
        *s = top + L->card_h - L->view.h;
    clamp_scroll(app, L);
}

/* ---- drawing ------------------------------------------------------------------------------ */

/* "Me" or "Your teacher" over the rating as a picture and in words: the student's own rating in
 * the first person ("2 I'm getting there"), the teacher's in the third ("2 Getting there"). */
static void rating_block(sp_app *app, sp_ui *ui, sp_rect r, const char *who, int rating, sp_color fill, bool teacher)
{
    const kiosk_theme *t = &app->theme;
    int lbl = kiosk_line_h(&app->metrics, t->label_size);
    sp_ui_label(ui, (sp_rect){r.x, r.y, r.w, lbl}, who, t->label_size, SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted,
                SP_ROLE_LABEL);
    int y = r.y + lbl;
    if (rating < 1 || rating > 4) {
        sp_ui_label(ui, (sp_rect){r.x, y, r.w, lbl}, _("Not rated yet"), t->label_size, SP_FONT_REGULAR, SP_ALIGN_LEFT,
                    t->muted, SP_ROLE_LABEL);
        return;
    }
    int pic_h = lbl * 3 / 4, pic_w = lbl * 5 / 4;
    kiosk_mastery_steps(ui, (sp_rect){r.x, y + (lbl - pic_h) / 2, pic_w, pic_h}, rating, fill, t->track);
    char words[64];
    snprintf(words, sizeof words, "%d %s", rating,
             teacher ? _(sp_scale_words(SP_SCALE_SCALE4, rating)) : _(sp_mastery_words(rating)));
    int off = pic_w + t->small_gap;
    sp_ui_label(ui, (sp_rect){r.x + off, y, r.w - off, lbl}, words, t->label_size, SP_FONT_BOLD, SP_ALIGN_LEFT, t->text,
                SP_ROLE_STUDENT);
}

static void card(sp_app *app, sp_ui *ui, const mastery_layout *L, int i, sp_rect r, const sp_mastery_target *tg,
                 bool just_saved)
{
    const kiosk_theme *t = &app->theme;
    int pad = t->ui.pad;
    sp_ui_card(ui, KIOSK_ACT_CARD + i, r, t->ui.card_bg, just_saved ? t->green : t->ui.card_border,
               just_saved ? 4 : 2);
    int x = r.x + pad, w = r.w - 2 * pad, y = r.y + pad;
    int th = L->text_lines * kiosk_line_h(&app->metrics, t->card_text_size);
    sp_ui_text(ui, (sp_rect){x, y, w, th}, tg->statement ? tg->statement : "", t->card_text_size, SP_FONT_BOLD,
               SP_ALIGN_LEFT, t->text, SP_ROLE_BODY, L->text_lines);
    y += th + t->small_gap;
    int half = (w - t->gap) / 2;
    int lbl = kiosk_line_h(&app->metrics, t->label_size);
    rating_block(app, ui, (sp_rect){x, y, half, 2 * lbl}, _("Me"), tg->student_rating, t->accent, false);
    if (tg->teacher_rating >= 1 && tg->teacher_rating <= 4)
        rating_block(app, ui, (sp_rect){x + half + t->gap, y, w - half - t->gap, 2 * lbl}, _("Your teacher"),
                     tg->teacher_rating, t->text, true);
}

/* A sentence in place of the list: no class, no unit, no targets, or a read that failed. */
static void note(sp_app *app, sp_ui *ui, sp_rect r, const char *title, const char *body, const char *button, int id)
{
    const kiosk_theme *t = &app->theme;
    int th = kiosk_line_h(&app->metrics, t->title_size), bh = kiosk_line_h(&app->metrics, t->body_size);
    int w = r.w;
    if (w > (int)(1000 * t->scale))
        w = (int)(1000 * t->scale);
    int x = r.x + (r.w - w) / 2, y = r.y + t->gap;
    y += sp_ui_text(ui, (sp_rect){x, y, w, 2 * th}, title, t->title_size, SP_FONT_BOLD, SP_ALIGN_CENTER, t->text,
                    SP_ROLE_TITLE, 2);
    y += t->gap;
    y += sp_ui_text(ui, (sp_rect){x, y, w, 3 * bh}, body, t->body_size, SP_FONT_REGULAR, SP_ALIGN_CENTER, t->text,
                    SP_ROLE_BODY, 3);
    if (button) {
        y += 2 * t->gap;
        int bw = t->wide_button_w < w ? t->wide_button_w : w;
        if (y + t->button_h > r.y + r.h)
            y = r.y + r.h - t->button_h;
        sp_ui_button(ui, id, (sp_rect){x + (w - bw) / 2, y, bw, t->button_h}, button, SP_BUTTON_PRIMARY, NULL);
    }
}

static int first_unrated(const sp_mastery_unit *u)
{
    for (size_t i = 0; i < u->ntargets; i++)
        if (u->targets[i].student_rating == 0)
            return (int)i;
    return 0;
}

static void footer(sp_app *app, sp_ui *ui, const mastery_layout *L, const sp_mastery_unit *u)
{
    const kiosk_theme *t = &app->theme;
    const kiosk_mastery *m = &app->person.mastery;
    sp_rect f = L->footer;
    int bw = t->button_w;
    const char *words, *button;
    int id;
    sp_text_role role = SP_ROLE_LABEL;
    sp_color c = t->muted;
    if (m->saved && m->saved_target + 1 < (int)u->ntargets) {
        words = _("Saved. Ready for the next one?");
        button = _("Next target");
        id = ACT_NEXT;
        role = SP_ROLE_STATUS;
        c = t->green;
    } else if (m->saved) {
        words = _("Saved. That was the last target in this unit. Well done!");
        button = _("My goals");
        id = ACT_GOALS;
        role = SP_ROLE_STATUS;
        c = t->green;
    } else {
        words = _("Tap a target to say how well you can do it.");
        button = _("Start rating");
        id = ACT_START;
    }
    sp_ui_button(ui, id, (sp_rect){f.x + f.w - bw, f.y, bw, f.h}, button, SP_BUTTON_PRIMARY, NULL);
    /* Body size when the words fit beside the button, else the smaller label size. */
    int tw = f.w - bw - t->gap;
    int size = t->body_size, lh = 0, lines = 0, n = 0;
    for (int pass = 0; pass < 2; pass++) {
        size = pass == 0 ? t->body_size : t->label_size;
        lh = kiosk_line_h(&app->metrics, size);
        lines = f.h / lh < 1 ? 1 : f.h / lh > 3 ? 3 : f.h / lh;
        sp_ui_line tmp[4];
        n = sp_ui_wrap(&app->metrics, words, size, SP_FONT_BOLD, tw, lines + 1, tmp);
        if (n <= lines)
            break;
    }
    if (n > lines)
        n = lines;
    sp_ui_text(ui, (sp_rect){f.x, f.y + (f.h - n * lh) / 2, tw, n * lh}, words, size, SP_FONT_BOLD, SP_ALIGN_LEFT, c,
               role, lines);
}

static void frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    const kiosk_theme *t = &app->theme;
    kiosk_mastery *m = &app->person.mastery;
    const sp_mastery_unit *u = kiosk_mastery_unit(app);
    mastery_layout L = layout(app);

    if (m->load_rc != SQLITE_OK) {
        note(app, ui, L.content, _("Your learning targets can't open right now."),
             _("The computer is busy for a moment. Please try again."), _("Try again"), ACT_RETRY);
    } else if (m->nunits == 0 && !m->enrolled) {
        note(app, ui, L.content, _("You're not in a class here yet."),
             _("When your teacher adds you to a class, its learning targets will show here."), _("Back to my goals"),
             ACT_GOALS);
    } else if (m->nunits == 0) {
        note(app, ui, L.content, _("No unit is going on right now."),
             _("When your class starts a new unit, its learning targets will show here."), _("Back to my goals"), ACT_GOALS);
    } else if (u) {
        for (int i = 0; i < L.ntabs; i++) {
            bool on = i == m->unit;
            sp_ui_button(ui, ACT_TAB + i, L.tabs[i], tab_words(&m->units[i]), on ? SP_BUTTON_PRIMARY : SP_BUTTON_NORMAL,
                         NULL);
        }
        int body = kiosk_line_h(&app->metrics, t->body_size), lbl = kiosk_line_h(&app->metrics, t->label_size);
        sp_ui_text(ui, (sp_rect){L.heading.x, L.heading.y, L.heading.w, L.title_lines * body}, u->title ? u->title : "",
                   t->body_size, SP_FONT_BOLD, SP_ALIGN_LEFT, t->text, SP_ROLE_BODY, L.title_lines);
        sp_ui_label(ui, (sp_rect){L.heading.x, L.heading.y + L.title_lines * body, L.heading.w, lbl},
                    u->class_name ? u->class_name : "", t->label_size, SP_FONT_REGULAR, SP_ALIGN_LEFT, t->muted,
                    SP_ROLE_LABEL);
        if (u->ntargets == 0) {
            note(app, ui, L.view, _("No learning targets yet"),
                 _("Your teacher hasn't added learning targets for this unit yet."), NULL, 0);
        } else {
            int focus = ui->focus_visible ? ui->focus_id - KIOSK_ACT_CARD : -1;
            if (focus >= 0 && focus < (int)u->ntargets)
                show_card(app, &L, focus);
            else if (m->reveal && m->saved && m->saved_target < (int)u->ntargets)
                show_card(app, &L, m->saved_target);
            m->reveal = false;
            clamp_scroll(app, &L);
            sp_ui_clip(ui, L.view);
            for (size_t i = 0; i < u->ntargets; i++) {
                sp_rect r = card_rect(&L, (int)i, m->scroll);
                if (!sp_rect_intersect(r, L.view).w) {
                    sp_ui_target_add(ui, KIOSK_ACT_CARD + (int)i, r, false);
                    continue;
                }
                card(app, ui, &L, (int)i, r, &u->targets[i], m->saved && m->saved_target == (int)i);
            }
            sp_ui_clip(ui, (sp_rect){0, 0, 0, 0});
            if (L.max_scroll > 0) {
                int thumb = L.view.h * L.view.h / (L.content_h > 0 ? L.content_h : 1);
                int ty = L.view.y + (L.view.h - thumb) * m->scroll / L.max_scroll;
                int sw = t->small_gap / 2 > 3 ? t->small_gap / 2 : 3;
                sp_draw_rect(ui->dl, (sp_rect){t->w - t->margin / 2 - sw / 2, ty, sw, thumb}, t->grid, sw / 2);
            }
            footer(app, ui, &L, u);
        }
    }
    /* The header last: the focus order is the tabs and targets first, then Back and "I'm done". */
    kiosk_header(app, ui, kiosk_mastery_title(app, _("My learning targets"), _("My targets")), true, true);
}

/* ---- input -------------------------------------------------------------------------------- */

static void back(sp_app *app, uint64_t now)
{
    kiosk_mastery_free(&app->person.mastery); /* read again next time: a teacher may have rated since */
    kiosk_go(app, KIOSK_SCREEN_GOALS, now);
}

static void action(sp_app *app, int id, uint64_t now)
{
    kiosk_mastery *m = &app->person.mastery;
    const sp_mastery_unit *u = kiosk_mastery_unit(app);
    if (id == KIOSK_ACT_BACK || id == ACT_GOALS) {
        back(app, now);
    } else if (id == KIOSK_ACT_DONE) {
        kiosk_end_session(app, "done", now);
        kiosk_go(app, KIOSK_SCREEN_DONE, now);
    } else if (id == ACT_RETRY) {
        load(app, now);
        app->redraw = true;
    } else if (id >= ACT_TAB && id < ACT_TAB + (int)m->nunits) {
        m->unit = id - ACT_TAB;
        m->scroll = 0;
        m->saved = false;
    } else if (!u) {
        return;
    } else if (id == ACT_START) {
        kiosk_mastery_rate(app, first_unrated(u), now);
    } else if (id == ACT_NEXT && m->saved && m->saved_target + 1 < (int)u->ntargets) {
        kiosk_mastery_rate(app, m->saved_target + 1, now);
    } else if (id >= KIOSK_ACT_CARD && id < KIOSK_ACT_CARD + (int)u->ntargets) {
        kiosk_mastery_rate(app, id - KIOSK_ACT_CARD, now);
    }
}

static void scroll(sp_app *app, int dy)
{
    mastery_layout L = layout(app);
    app->person.mastery.scroll += dy;
    clamp_scroll(app, &L);
}

static bool key(sp_app *app, sp_app_key k, uint64_t now)
{
    (void)now;
    mastery_layout L = layout(app);
    return kiosk_page_key(&app->person.mastery.scroll, L.max_scroll, L.view.h - L.card_h / 2, k);
}

const kiosk_screen kiosk_screen_mastery = {
    .name = "mastery",
    .in_session = true,
    .enter = enter,
    .frame = frame,
    .action = action,
    .back = back,
    .key = key,
    .scroll = scroll,
};
