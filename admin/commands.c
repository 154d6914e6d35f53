/* commands.c — the list of signpost-admin commands, in the order --help shows them.
 * Each noun is defined in its own cmd_<noun>.c. */
#include "admin.h"

extern const sp_admin_noun sp_cmd_init;
/* NOUN-DECLARATIONS (one extern line per noun) */
extern const sp_admin_noun sp_cmd_report;
extern const sp_admin_noun sp_cmd_badge;
extern const sp_admin_noun sp_cmd_milestone;
extern const sp_admin_noun sp_cmd_measurement;
extern const sp_admin_noun sp_cmd_support;
extern const sp_admin_noun sp_cmd_rule;
extern const sp_admin_noun sp_cmd_shoutout;
extern const sp_admin_noun sp_cmd_celebration;
extern const sp_admin_noun sp_cmd_review;
extern const sp_admin_noun sp_cmd_kiosk;
extern const sp_admin_noun sp_cmd_demo;
extern const sp_admin_noun sp_cmd_unit;
extern const sp_admin_noun sp_cmd_target;
extern const sp_admin_noun sp_cmd_mastery;
extern const sp_admin_noun sp_cmd_student;
extern const sp_admin_noun sp_cmd_class;
extern const sp_admin_noun sp_cmd_staff;
extern const sp_admin_noun sp_cmd_export;
extern const sp_admin_noun sp_cmd_backup;
extern const sp_admin_noun sp_cmd_check;
extern const sp_admin_noun sp_cmd_school;

const sp_admin_noun *const sp_admin_nouns[] = {
    &sp_cmd_init,
    /* NOUN-TABLE (one line per noun) */
    &sp_cmd_badge,
    &sp_cmd_milestone,
    &sp_cmd_measurement,
    &sp_cmd_support,
    &sp_cmd_rule,
    &sp_cmd_shoutout,
    &sp_cmd_celebration,
    &sp_cmd_review,
    &sp_cmd_kiosk,
    &sp_cmd_report,
    &sp_cmd_demo,
    &sp_cmd_unit,
    &sp_cmd_target,
    &sp_cmd_mastery,
    &sp_cmd_student,
    &sp_cmd_class,
    &sp_cmd_staff,
    &sp_cmd_export,
    &sp_cmd_backup,
    &sp_cmd_check,
    &sp_cmd_school,
    NULL,
};
