/* dates.h — calendar dates as day numbers (days since 1970-01-01), parsing and formatting.
 *
 * Progress rules work on day numbers; the database stores 'YYYY-MM-DD'. Teachers may write
 * relative dates: +6w, +10d, -3d, today. */
#ifndef SP_DATES_H
#define SP_DATES_H

#include <stdbool.h>

/* Day number of a proleptic Gregorian date. */
int sp_day_from_ymd(int y, int m, int d);
void sp_ymd_from_day(int day, int *y, int *m, int *d);

/* Parses exactly 'YYYY-MM-DD' (a real calendar date). */
bool sp_date_parse(const char *s, int *day);

/* Parses 'YYYY-MM-DD', 'today', or '+N'/'-N' followed by d (days) or w (weeks), relative to
 * `base` (a day number). */
bool sp_date_parse_relative(const char *s, int base, int *day);

/* Writes 'YYYY-MM-DD' (11 bytes with the NUL). */
void sp_date_format(int day, char out[11]);

/* Today's day number in UTC; $SIGNPOST_NOW ('YYYY-MM-DD...') overrides it for tests and demos. */
int sp_today(void);

#endif
