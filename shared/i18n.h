/* i18n.h — marks the words students and families read so gettext can translate them.
 *
 * Write every student- or family-facing string as _("...") (translated where it is used) or
 * N_("...") (a table entry translated later with _(entry)); plurals go through ngettext().
 * Until a catalog is bound (textdomain "signpost"), gettext returns the English it was given,
 * so marked strings behave exactly like plain ones. Admin messages for teachers stay English. */
#ifndef SP_I18N_H
#define SP_I18N_H

#include <libintl.h>

#define SP_TEXT_DOMAIN "signpost"
#define _(s) dgettext(SP_TEXT_DOMAIN, s)
#define N_(s) (s)
#define sp_ngettext(one, many, n) dngettext(SP_TEXT_DOMAIN, one, many, n)

#endif
