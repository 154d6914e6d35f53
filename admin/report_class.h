/* report_class.h — `report class`: counts per template, category and learning target, the
 * students behind them and the teaching signal (report_class.c). */
#ifndef SP_REPORT_CLASS_H
#define SP_REPORT_CLASS_H

#include "admin.h"

int sp_report_class(sp_admin *a, int argc, char **argv);

#endif
