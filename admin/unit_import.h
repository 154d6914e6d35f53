/* unit_import.h — `signpost-admin unit import`: units with their learning targets from a CSV
 * (unit_import.c); the verb is listed with the other unit verbs in cmd_unit.c. */
#ifndef SP_UNIT_IMPORT_H
#define SP_UNIT_IMPORT_H

#include "admin.h"

int sp_unit_import(sp_admin *a, int argc, char **argv);

#endif
