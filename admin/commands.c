/* commands.c — the list of signpost-admin commands, in the order --help shows them.
 * Each noun is defined in its own cmd_<noun>.c. */
#include "admin.h"

extern const sp_admin_noun sp_cmd_init;
/* NOUN-DECLARATIONS (one extern line per noun) */

const sp_admin_noun *const sp_admin_nouns[] = {
    &sp_cmd_init,
    /* NOUN-TABLE (one line per noun) */
    NULL,
};
