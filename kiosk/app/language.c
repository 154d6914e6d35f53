/* language.c — the kiosk speaks the signed-in student's language (SPEC section 9).
 *
 * At sign-in and sign-out kiosk_apply_look() calls kiosk_apply_language(): the language is the
 * student's kiosk language when one is set and its catalog is installed, else the school's (also
 * for the scan screen, teachers and everyone signed out). In conference mode the family's choice
 * (kiosk_language_for_family) comes first, until the session ends. Words missing from the student's
 * catalog come from the school's, then English (sp_i18n_set_language). Switching only changes
 * which mapped catalog gettext reads, so it costs nothing a student could see; the screen is
 * drawn again and the text cache purged (a line without letters takes the new direction). */
#include "app/app_internal.h"

#include <stdio.h>
#include <string.h>

void kiosk_apply_language(sp_app *app)
{
    const kiosk_person *p = &app->person;
    const char *school = app->school_language[0] ? app->school_language : "en";
    const char *want = school;
    if (p->active && !p->teacher && p->profile.family_language[0])
        want = p->profile.family_language;
    else if (p->active && !p->teacher && p->profile.kiosk_language[0])
        want = p->profile.kiosk_language;
    const char *lang = sp_i18n_has_catalog(want) ? want : sp_i18n_has_catalog(school) ? school : "en";
    sp_i18n_set_language(lang, school);
    if (strcmp(app->language, lang) == 0)
        return;
    snprintf(app->language, sizeof app->language, "%s", lang);
    app->rtl = sp_i18n_is_rtl(lang);
    app->purge = true;
    app->redraw = true;
}

void kiosk_language_for_family(sp_app *app, const char *tag)
{
    kiosk_person *p = &app->person;
    if (!p->active || p->teacher)
        return;
    snprintf(p->profile.family_language, sizeof p->profile.family_language, "%s", tag ? tag : "");
    kiosk_apply_language(app);
}

const char *sp_app_language(const sp_app *app) { return app->language; }

bool sp_app_rtl(const sp_app *app) { return app->rtl; }
