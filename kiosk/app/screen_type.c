/* screen_type.c — "type your answer": the question, the answer box with its counter, the
 * on-screen keyboard, "Use this" and Back.
 *
 * Any flow opens it with kiosk_type_answer() and names the text it edits and the screen to
 * return to. Typing works on the on-screen keys and on a physical keyboard alike (SP_EV_TEXT,
 * Backspace, Enter to use the text, Escape to go back); text that is not valid UTF-8 or holds
 * control characters is ignored, and the box stops at SP_ANSWER_MAX_CHARS characters. The draft
 * lives in kiosk_person.typing, so the idle timeout wipes it with the rest of the student. */
#include "app/app_internal.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

enum { ACT_KEY_BASE = KIOSK_ACT_SCREEN };

static kiosk_typing *typing(sp_app *app) { return &app->person.typing; }

void kiosk_type_answer(sp_app *app, const char *question, char *dest, size_t dest_cap, kiosk_screen_id back_to,
                       uint64_t now)
{
    if (!app->person.active || !dest || dest_cap == 0)
        return;
    kiosk_typing *t = typing(app);
    sp_answer_field_clear(&t->field);
    sp_answer_field_set(&t->field, dest); /* an invalid start (never expected) starts empty */
    sp_keyboard_init(&t->kb);
    snprintf(t->question, sizeof t->question, "%s", question ? question : "");
    t->dest = dest;
    t->dest_cap = dest_cap < SP_ANSWER_MAX_BYTES ? dest_cap : SP_ANSWER_MAX_BYTES;
    t->back_to = (int)back_to;
    kiosk_go(app, KIOSK_SCREEN_TYPE, now);
}

static void leave(sp_app *app, uint64_t now)
{
    kiosk_typing *t = typing(app);
    int to = t->back_to;
    sp_answer_field_clear(&t->field);
    memset(t->question, 0, sizeof t->question);
    t->dest = NULL;
    t->dest_cap = 0;
    kiosk_go(app, (kiosk_screen_id)to, now);
}

/* "Use this": the text without spaces at either end, cut at a character boundary if dest is
 * smaller than an answer can be. */
static void use_text(sp_app *app, uint64_t now)
{
    kiosk_typing *t = typing(app);
    if (t->dest && t->dest_cap > 0) {
        const char *s = t->field.text;
        size_t len = t->field.len;
        while (len > 0 && *s == ' ') {
            s++;
            len--;
        }
        while (len > 0 && s[len - 1] == ' ')
            len--;
        if (len >= t->dest_cap) {
            len = t->dest_cap - 1;
            while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
                len--;
        }
        memset(t->dest, 0, t->dest_cap);
        memcpy(t->dest, s, len);
    }
    leave(app, now);
}

static void frame(sp_app *app, sp_ui *ui, uint64_t now)
{
    (void)now;
    const kiosk_theme *t = &app->theme;
    kiosk_typing *ty = typing(app);
    int m = t->margin, bh = t->button_h, bw = t->button_w;
    /* Narrow windows: the two buttons hug their words, so the title keeps its room. */
    if (bw * 2 + 3 * t->gap > t->w - 2 * m - 2 * t->button_w) {
        int snug = 0;
        const char *words[2] = {_("Back"), _("Use this")};
        for (int i = 0; i < 2; i++) {
            int need = sp_ui_text_width(ui, words[i], t->ui.button_text_size, SP_FONT_BOLD) +
                       t->ui.button_text_size + t->ui.pad / 2 + 2 * t->ui.pad;
            if (need > snug)
                snug = need;
        }
        if (snug < bw)
            bw = snug;
    }

    /* Header: Back, the title, and "Use this" where other screens have "I'm done". */
    sp_ui_button(ui, KIOSK_ACT_BACK, (sp_rect){m, m, bw, bh}, _("Back"), SP_BUTTON_SECONDARY, "back");
    sp_ui_button(ui, KIOSK_ACT_OK, (sp_rect){t->w - m - bw, m, bw, bh}, _("Use this"), SP_BUTTON_PRIMARY, "check");
    int left = m + bw + t->gap, right = t->w - m - bw - t->gap;
    kiosk_header_title(app, ui, (sp_rect){left, m, right - left, bh}, _("Type my answer"), SP_ALIGN_LEFT);
    int y = m + bh + t->gap;
    int w = t->w - 2 * m;

    int body = kiosk_line_h(&app->metrics, t->body_size), lbl = kiosk_line_h(&app->metrics, t->label_size);
    y += sp_ui_text(ui, (sp_rect){m, y, w, 2 * body}, ty->question, t->body_size, SP_FONT_BOLD, SP_ALIGN_LEFT,
                    t->text, SP_ROLE_BODY, 2);
    y += t->small_gap;

    sp_answer_style as = {
        .text_size = t->body_size,
        .counter_size = t->label_size,
        .pad = t->ui.pad / 2 + 4,
        .radius = t->ui.radius / 2,
        .border = t->ui.focus_thickness > 3 ? t->ui.focus_thickness - 1 : 2,
        .bg = t->ui.card_bg,
        .border_color = t->accent,
        .text = t->text,
        .placeholder = t->muted,
        .cursor = t->accent,
        .counter = t->muted,
        .warning = t->red,
    };
    int lines = t->portrait ? 5 : 3;
    int box_h = lines * body + 2 * as.pad;
    sp_answer_field_draw(ui, &ty->field, (sp_rect){m, y, w, box_h}, (sp_rect){m, y + box_h + 4, w, lbl},
                         _("Type here"), &as);
    y += box_h + 4 + lbl + t->small_gap;

    /* The keyboard takes the rest, keys between 64 px and about 100 px (scaled) tall. */
    int kgap = t->small_gap * 3 / 4 > 4 ? t->small_gap * 3 / 4 : 4;
    int max_key_h = (int)((t->portrait ? 110 : 96) * t->scale);
    int rest = t->h - m - y;
    int key_h = (rest - 3 * kgap) / 4;
    if (key_h > max_key_h)
        key_h = max_key_h;
    if (key_h < SP_KB_MIN_KEY)
        key_h = SP_KB_MIN_KEY;
    int kb_h = 4 * key_h + 3 * kgap;
    sp_kb_style ks = {
        .text_size = t->body_size,
        .gap = kgap,
        .max_key_h = max_key_h,
        .max_key_w = (int)(120 * t->scale),
        .key_bg = t->ui.card_bg,
        .key_text = t->text,
        .special_bg = t->grid,
        .special_text = t->text,
        .active_bg = t->accent,
        .active_text = t->ui.accent_text,
    };
    sp_rect area = {m, t->h - m - kb_h, w, kb_h};
    sp_draw_rect(ui->dl, (sp_rect){0, area.y - t->small_gap, t->w, t->h - area.y + t->small_gap}, t->track, 0);
    sp_keyboard_draw(ui, &ty->kb, area, ACT_KEY_BASE, &ks);
}

static void back(sp_app *app, uint64_t now) { leave(app, now); }

static void action(sp_app *app, int id, uint64_t now)
{
    kiosk_typing *t = typing(app);
    if (id == KIOSK_ACT_BACK) {
        leave(app, now);
        return;
    }
    if (id == KIOSK_ACT_OK) {
        use_text(app, now);
        return;
    }
    sp_kb_edit e = sp_keyboard_edit(&t->kb, ACT_KEY_BASE, id);
    switch (e.kind) {
    case SP_KB_EDIT_INSERT:
        sp_answer_field_insert(&t->field, e.text);
        break;
    case SP_KB_EDIT_BACKSPACE:
        sp_answer_field_backspace(&t->field);
        break;
    case SP_KB_EDIT_DONE:
        use_text(app, now);
        return;
    case SP_KB_EDIT_SHIFT:
    case SP_KB_EDIT_LAYER:
    case SP_KB_EDIT_NONE:
        break;
    }
    sp_keyboard_apply(&t->kb, &e, now);
}

static bool key(sp_app *app, sp_app_key k, uint64_t now)
{
    switch (k) {
    case SP_KEY_BACKSPACE:
        sp_answer_field_backspace(&typing(app)->field);
        return true;
    case SP_KEY_ENTER:
        /* Enter presses a key the focus ring is on; otherwise it uses the text. */
        if (app->ui.focus_visible && app->ui.focus_id)
            return false;
        use_text(app, now);
        return true;
    default:
        return false;
    }
}

static void text(sp_app *app, const char *utf8, uint64_t now)
{
    (void)now;
    sp_answer_field_insert(&typing(app)->field, utf8);
}

const kiosk_screen kiosk_screen_type = {
    .name = "type-answer",
    .in_session = true,
    .frame = frame,
    .action = action,
    .back = back,
    .key = key,
    .text = text,
};
