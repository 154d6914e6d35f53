/* read_aloud.c — "Read to me": the header button, and the words of the screen as sentences
 * for the platform to speak (SPEC section 2, reading supports).
 *
 * The words come from the draw list of the frame drawn after the tap, so what is spoken is
 * exactly what is on screen, and only that (a list scrolled out of view is not read). Reading
 * order: the header's title first, then every other text in the order the screen drew it —
 * screens draw each card and section top to bottom, and the goal list draws its header last.
 * Lines that wrap one paragraph (same role, face, size and column, one under the other) are
 * joined with a space; separate texts become separate sentences, so the voice pauses between
 * "On track" and "Start 2". A "…" that cut a text off is left out, with the piece of a word
 * before it.
 *
 * What is not read: the clock, and every text on a button (Back, I'm done, Read to me, How did
 * it go?, keyboard keys): they say what the student can do, not what the screen says. The
 * words of answer choices are read, though — chips and the faces of a self-check are cards,
 * not buttons, and a student who needs read-aloud needs to hear the choices to pick one.
 *
 * Languages: the words come out as parts, each in one language, so each is spoken with its own
 * voice: the kiosk's words in the kiosk language, a goal text in the language it is written in
 * (the student's language when the teacher gave it, else the school's; kiosk_person.goal_lang).
 * A student text on screen belongs to the goal whose text contains it (wrapped lines are pieces
 * of it). When the kiosk language has no voice, the button says so and reads nothing; a teacher
 * text in a language without a voice is left out rather than read by another language's voice.
 *
 * Privacy: the words wait in the app only from that frame until sp_app_take_speech copies them
 * out, which wipes them; a session end or another screen wipes them too and asks the platform
 * to stop speaking. */
#include "app/app_internal.h"

#include <stdio.h>
#include <string.h>

static const char ELLIPSIS[] = "\xE2\x80\xA6";

bool kiosk_read_aloud_offered(const sp_app *app)
{
    const kiosk_person *p = &app->person;
    return app->speech_available && p->active && !p->teacher && p->profile.read_aloud;
}

/* Asks the platform once per language (finding a voice reads espeak-ng's files) and remembers;
 * the memo is the only thing written through a const app. */
static bool has_voice(const sp_app *shown, const char *lang)
{
    sp_app *app = (sp_app *)shown;
    if (!app->has_voice)
        return true;
    size_t n = sizeof app->voice_known / sizeof *app->voice_known;
    for (size_t i = 0; i < n; i++)
        if (app->voice_known[i].lang[0] && strcmp(app->voice_known[i].lang, lang) == 0)
            return app->voice_known[i].yes;
    size_t slot = app->voice_next++ % n;
    snprintf(app->voice_known[slot].lang, sizeof app->voice_known[slot].lang, "%s", lang);
    app->voice_known[slot].yes = app->has_voice(app->voice_user, lang);
    return app->voice_known[slot].yes;
}

/* The button's words: what it does, or that there is no voice for the kiosk language. */
static const char *read_label(const sp_app *app)
{
    return has_voice(app, app->language) ? _("Read to me") : _("No voice in my language");
}

void sp_app_set_voices(sp_app *app, bool (*fn)(void *user, const char *lang), void *user)
{
    app->has_voice = fn;
    app->voice_user = user;
    memset(app->voice_known, 0, sizeof app->voice_known);
    app->redraw = true;
}

static int compact_w(const sp_app *app) { return app->theme.button_h > KIOSK_MIN_TOUCH ? app->theme.button_h : KIOSK_MIN_TOUCH; }

int kiosk_read_button_w(const sp_app *app, const char *title, int room)
{
    if (!kiosk_read_aloud_offered(app))
        return 0;
    const kiosk_theme *t = &app->theme;
    const sp_text_metrics *m = &app->metrics;
    /* as sp_ui_button lays out an icon and its words */
    const char *label = read_label(app);
    int words = m->text_width(m->user, label, strlen(label), t->ui.button_text_size, SP_FONT_BOLD);
    int labelled = 2 * t->ui.pad + t->ui.button_text_size + t->ui.pad / 2 + words;
    int tw = title ? m->text_width(m->user, title, strlen(title), t->title_size, SP_FONT_BOLD) : 0;
    return tw + labelled + t->gap <= room ? labelled : compact_w(app);
}

void kiosk_read_button(sp_app *app, sp_ui *ui, sp_rect r)
{
    if (r.w > compact_w(app)) {
        sp_ui_button(ui, KIOSK_ACT_READ, r, read_label(app), SP_BUTTON_NORMAL, "speaker");
        return;
    }
    /* The speaker alone, centred (sp_ui_button leaves room for words beside an icon). */
    const sp_ui_style *st = &ui->style;
    bool focused = sp_ui_target_add(ui, KIOSK_ACT_READ, r, true);
    sp_draw_rect(ui->dl, r, st->button_bg, st->radius);
    int is = r.h * 11 / 20;
    sp_draw_icon(ui->dl, (sp_rect){r.x + (r.w - is) / 2, r.y + (r.h - is) / 2, is, is}, "speaker", st->button_text);
    if (focused)
        sp_ui_focus_ring(ui, r);
}

void kiosk_read_aloud_request(sp_app *app)
{
    if (!kiosk_read_aloud_offered(app) || !has_voice(app, app->language))
        return;
    app->speech_wanted = true;
    app->redraw = true;
}

static void forget_words(sp_app *app)
{
    explicit_bzero(app->speech_text, sizeof app->speech_text);
    explicit_bzero(app->speech_part, sizeof app->speech_part);
    app->speech_nparts = 0;
    app->speech_ready = false;
    app->speech_wanted = false;
}

void kiosk_read_aloud_stop(sp_app *app)
{
    forget_words(app);
    if (app->speaking) {
        app->speech_stop = true;
        app->speaking = false;
    }
}

void kiosk_read_aloud_frame(sp_app *app, const sp_draw_list *dl)
{
    if (!app->speech_wanted)
        return;
    app->speech_wanted = false;
    if (!kiosk_read_aloud_offered(app))
        return;
    int header_bottom = app->theme.margin + app->theme.button_h;
    if (kiosk_screen_words(app, dl, header_bottom) == 0)
        return;
    app->speech_ready = true;
}

/* ---- the words of a frame ---------------------------------------------------------------- */

typedef struct {
    sp_app *app;
    char *out;
    size_t cap, len;
    bool full;
    const sp_draw_cmd *prev; /* the last text written */
    const char *lang;        /* the language of the part being written, NULL before the first */
} words;

static bool on_a_button(const sp_ui *ui, sp_rect r)
{
    int cx = r.x + r.w / 2, cy = r.y + r.h / 2;
    for (size_t i = 0; i < ui->ntargets; i++)
        if (ui->targets[i].button && sp_rect_contains(ui->targets[i].full, cx, cy))
            return true;
    return false;
}

static bool next_line(const sp_draw_cmd *a, const sp_draw_cmd *b)
{
    return a && a->role == b->role && a->size == b->size && a->style == b->style && a->rect.x == b->rect.x &&
           a->rect.w == b->rect.w && a->rect.y + a->rect.h == b->rect.y;
}

static void put(words *w, const char *s, size_t n)
{
    if (w->full)
        return;
    if (w->len + n + 1 > w->cap) {
        /* cut at the last space that fits, so no word (or UTF-8 sequence) is split */
        size_t room = w->cap - w->len - 1, cut = room;
        while (cut > 0 && s[cut] != ' ')
            cut--;
        memcpy(w->out + w->len, s, cut);
        w->len += cut;
        w->full = true;
        return;
    }
    memcpy(w->out + w->len, s, n);
    w->len += n;
}

/* Ends the sentence so far with a full stop unless it already has punctuation (or there is none). */
static void end_sentence(words *w)
{
    if (w->len == 0 || w->full || w->out[w->len - 1] == '\0')
        return;
    char last = w->out[w->len - 1];
    if (!strchr(".!?:;", last))
        put(w, ".", 1);
}

/* The language a drawn text is in: a goal's text is in the language it was given in; everything
 * else is the kiosk's words. */
static const char *language_of(const sp_app *app, const sp_draw_cmd *c, const char *s, size_t n)
{
    const kiosk_person *p = &app->person;
    if (c->role == SP_ROLE_STUDENT && p->goal_lang && n > 0) {
        for (size_t i = 0; i < p->ngoals; i++) {
            const char *t = p->goals[i].student_text;
            if (!t || strcmp(p->goal_lang[i], app->language) == 0)
                continue;
            for (const char *at = strchr(t, s[0]); at; at = strchr(at + 1, s[0]))
                if (strncmp(at, s, n) == 0)
                    return p->goal_lang[i];
        }
    }
    return app->language;
}

/* Starts a new part (a NUL ends the one before) when the language changes. */
static void switch_language(words *w, const char *lang)
{
    sp_app *app = w->app;
    if (w->lang && strcmp(w->lang, lang) == 0)
        return;
    if (app->speech_nparts == SP_APP_SPEECH_PARTS || w->full || w->len + 2 > w->cap) {
        w->full = true;
        return;
    }
    if (w->lang) {
        end_sentence(w);
        w->out[w->len++] = '\0';
    }
    app->speech_part[app->speech_nparts].start = w->len;
    snprintf(app->speech_part[app->speech_nparts].lang, sizeof app->speech_part[0].lang, "%s", lang);
    app->speech_nparts++;
    w->lang = lang;
    w->prev = NULL;
}

static void add(words *w, const sp_draw_cmd *c)
{
    const char *s = c->text;
    size_t n = strlen(s);
    size_t e = sizeof ELLIPSIS - 1;
    if (n >= e && memcmp(s + n - e, ELLIPSIS, e) == 0) {
        n -= e; /* and the piece of a word the cut may have left, which would be read as nonsense */
        size_t k = n;
        while (k > 0 && s[k - 1] != ' ')
            k--;
        if (k > 0)
            n = k;
    }
    while (n > 0 && s[n - 1] == ' ')
        n--;
    while (n > 0 && *s == ' ') {
        s++;
        n--;
    }
    if (n == 0)
        return;
    const char *lang = language_of(w->app, c, s, n);
    switch_language(w, lang);
    if (w->full)
        return;
    if (!next_line(w->prev, c))
        end_sentence(w);
    if (w->len > w->app->speech_part[w->app->speech_nparts - 1].start)
        put(w, " ", 1);
    put(w, s, n);
    w->prev = c;
}

static bool spoken(const sp_ui *ui, const sp_draw_cmd *c)
{
    return c->kind == SP_CMD_TEXT && c->text && c->role != SP_ROLE_CLOCK && !on_a_button(ui, c->rect);
}

size_t kiosk_screen_words(sp_app *app, const sp_draw_list *dl, int header_bottom)
{
    forget_words(app);
    words w = {app, app->speech_text, sizeof app->speech_text, 0, false, NULL, NULL};
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < dl->count; i++) {
            const sp_draw_cmd *c = &dl->cmds[i];
            bool header = c->rect.y + c->rect.h <= header_bottom;
            if (header == (pass == 0) && spoken(&app->ui, c))
                add(&w, c);
        }
    }
    end_sentence(&w);
    if (w.len >= w.cap)
        w.len = w.cap - 1;
    app->speech_text[w.len] = '\0';
    /* parts in a language without a voice are left out */
    size_t kept = 0;
    for (size_t i = 0; i < app->speech_nparts; i++)
        if (has_voice(app, app->speech_part[i].lang))
            app->speech_part[kept++] = app->speech_part[i];
    app->speech_nparts = kept;
    return kept;
}

/* ---- public API ---------------------------------------------------------------------------- */

void sp_app_set_read_aloud(sp_app *app, bool available)
{
    if (app->speech_available == available)
        return;
    app->speech_available = available;
    if (!available)
        forget_words(app);
    app->redraw = true; /* the button comes or goes */
}

size_t sp_app_take_speech(sp_app *app, char *out, size_t cap, sp_app_speech_part *parts, size_t max)
{
    if (!app->speech_ready)
        return 0;
    size_t n = 0, len = 0;
    for (size_t i = 0; i < app->speech_nparts && n < max && len + 1 < cap; i++) {
        const char *text = app->speech_text + app->speech_part[i].start;
        words w = {app, out + len, cap - len, 0, false, NULL, NULL};
        put(&w, text, strlen(text));
        out[len + w.len] = '\0';
        parts[n].text = out + len;
        memcpy(parts[n].lang, app->speech_part[i].lang, sizeof parts[n].lang);
        n++;
        len += w.len + 1;
    }
    forget_words(app);
    app->speaking = n > 0;
    return n;
}

bool sp_app_take_speech_stop(sp_app *app)
{
    bool stop = app->speech_stop;
    app->speech_stop = false;
    return stop;
}
