/* dates.c — day-number arithmetic (civil calendar algorithm by days from civil). */
#include "dates.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int sp_day_from_ymd(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void sp_ymd_from_day(int z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp + (mp < 10 ? 3 : -9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : dm[m - 1];
}

bool sp_date_parse(const char *s, int *day)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
            return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return false;
    *day = sp_day_from_ymd(y, m, d);
    return true;
}

bool sp_date_parse_relative(const char *s, int base, int *day)
{
    if (!s)
        return false;
    if (strcmp(s, "today") == 0) {
        *day = base;
        return true;
    }
    if (s[0] == '+' || s[0] == '-') {
        size_t n = strlen(s);
        if (n < 3 || n > 6)
            return false;
        char unit = s[n - 1];
        if (unit != 'd' && unit != 'w')
            return false;
        int v = 0;
        for (size_t i = 1; i + 1 < n; i++) {
            if (!isdigit((unsigned char)s[i]))
                return false;
            v = v * 10 + (s[i] - '0');
        }
        if (unit == 'w')
            v *= 7;
        *day = base + (s[0] == '-' ? -v : v);
        return true;
    }
    return sp_date_parse(s, day);
}

void sp_date_format(int day, char out[11])
{
    int y, m, d;
    sp_ymd_from_day(day, &y, &m, &d);
    if (y < 0 || y > 9999)
        y = y < 0 ? 0 : 9999;
    out[0] = (char)('0' + y / 1000), out[1] = (char)('0' + y / 100 % 10), out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10), out[4] = '-', out[5] = (char)('0' + m / 10), out[6] = (char)('0' + m % 10);
    out[7] = '-', out[8] = (char)('0' + d / 10), out[9] = (char)('0' + d % 10), out[10] = 0;
}

int sp_today(void)
{
    const char *fixed = getenv("SIGNPOST_NOW");
    int day;
    if (fixed && strlen(fixed) >= 10) {
        char buf[11];
        memcpy(buf, fixed, 10);
        buf[10] = 0;
        if (sp_date_parse(buf, &day))
            return day;
    }
    return (int)(time(NULL) / 86400);
}
