/* timestamp.c - UTC time stamps, parsed and written. */
#include "timestamp.h"

#include <ctype.h>
#include <string.h>

/* Reads exactly `digits` decimal digits at *p; -1 when there are not. */
static long read_digits(const char **p, int digits)
{
    long v = 0;
    for (int i = 0; i < digits; i++, (*p)++) {
        if (!isdigit((unsigned char)**p))
            return -1;
        v = v * 10 + (**p - '0');
    }
    return v;
}

static int expect(const char **p, char c)
{
    return **p == c ? ((*p)++, 0) : -1;
}

static int days_in_month(long year, long month)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

/* The fraction of a second after the seconds, if any: ".250" -> 0.25. */
static double read_fraction(const char **p)
{
    double f = 0, scale = 0.1;
    if (**p != '.')
        return 0;
    (*p)++;
    if (!isdigit((unsigned char)**p))
        return -1;
    for (; isdigit((unsigned char)**p); (*p)++, scale /= 10)
        f += (**p - '0') * scale;
    return f;
}

int sw_utc_parse(const char *text, double *seconds)
{
    const char *p = text;
    long year = read_digits(&p, 4);
    long month = expect(&p, '-') ? -1 : read_digits(&p, 2);
    long day = expect(&p, '-') ? -1 : read_digits(&p, 2);
    long hour = expect(&p, 'T') ? -1 : read_digits(&p, 2);
    long minute = expect(&p, ':') ? -1 : read_digits(&p, 2);
    long second = expect(&p, ':') ? -1 : read_digits(&p, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 ||
        minute < 0 || minute > 59 || second < 0 || second > 59)
        return -1;
    if (day > days_in_month(year, month))
        return -1;
    double fraction = read_fraction(&p);
    if (fraction < 0 || expect(&p, 'Z') || *p)
        return -1;
    struct tm tm = { .tm_year = (int)(year - 1900), .tm_mon = (int)(month - 1),
                     .tm_mday = (int)day, .tm_hour = (int)hour, .tm_min = (int)minute,
                     .tm_sec = (int)second };
    time_t t = timegm(&tm);
    if (t == (time_t)-1 && !(year == 1969 && month == 12 && day == 31))
        return -1;
    *seconds = (double)t + fraction;
    return 0;
}

int sw_utc_stamp_ok(const char *text)
{
    double ignored;
    return sw_utc_parse(text, &ignored) == 0;
}

int sw_utc_format_as(time_t t, enum sw_utc_style style, char out[21])
{
    const char *format = style == SW_UTC_MINUTES ? "%Y-%m-%d %H:%M UTC" : "%Y-%m-%dT%H:%M:%SZ";
    struct tm tm;
    if (!gmtime_r(&t, &tm) || strftime(out, 21, format, &tm) != 20)
        return -1;
    return 0;
}

int sw_utc_format(time_t t, char out[21])
{
    return sw_utc_format_as(t, SW_UTC_STAMP, out);
}
