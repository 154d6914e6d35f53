/* report_family.h — the `report family` verb (report_family.c), listed in cmd_report.c. */
#ifndef SP_REPORT_FAMILY_H
#define SP_REPORT_FAMILY_H

#include "admin.h"

int sp_report_family(sp_admin *a, int argc, char **argv);

#endif
