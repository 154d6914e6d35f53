/* roster_fields.h — the field rules of classes and staff, shared by their verbs (cmd_class.c,
 * cmd_staff.c) and their CSV imports (class_import.c, staff_import.c), so a value the command
 * line refuses is refused in a file too, with the same limits. The limits match the CHECK
 * constraints of the schema (db_schema.c). */
#ifndef SP_ROSTER_FIELDS_H
#define SP_ROSTER_FIELDS_H

#include "admin.h"

#define SP_CODE_MAX 64      /* class codes and staff codes */
#define SP_NAME_MAX 200     /* class names, subjects, staff names */
#define SP_ROOM_MAX 100
#define SP_EMAIL_MAX 320

/* K (or KG) and 0..12, leading zeros allowed ("08"); 0 is kindergarten. */
bool sp_class_grade_parse(const char *s, int *grade);

/* teacher, support or admin (exactly, lower case). */
bool sp_staff_role_ok(const char *role);

/* Empty, or a plausible address: one '@' with something on both sides and no spaces. */
bool sp_staff_email_ok(const char *email);

/* `class import FILE.csv [--dry-run]` and `staff import FILE.csv [--dry-run]`. */
int sp_class_import(sp_admin *a, int argc, char **argv);
int sp_staff_import(sp_admin *a, int argc, char **argv);

#endif
