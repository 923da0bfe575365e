/*
 * timestamp.h - the UTC time stamps scorecards carry (`submitted`, `created`):
 * "YYYY-MM-DDTHH:MM:SSZ", optionally with a fraction of a second before the
 * 'Z' ("2026-11-20T15:04:00.250Z"). Other time zones are not accepted: the
 * files are written in UTC so that ages compare across offices.
 */
#ifndef SW_TIMESTAMP_H
#define SW_TIMESTAMP_H

#include <time.h>

/* Parses a UTC stamp into seconds since the epoch (the fraction is kept in
 * *seconds). 0, or -1 when `text` is not such a stamp or names no real date
 * (2026-02-30). */
int sw_utc_parse(const char *text, double *seconds);
/* Whether sw_utc_parse() accepts text. */
int sw_utc_stamp_ok(const char *text);
/* The one UTC formatter: the ways a time is written. */
enum sw_utc_style {
    SW_UTC_STAMP,       /* "2026-11-20T15:04:00Z": the files' stamps */
    SW_UTC_MINUTES      /* "2026-11-20 15:04 UTC": for people (workbook titles) */
};
/* Writes t in `style` into out (at least 21 bytes); 0, or -1 when t has no
 * such form (a year before 0 or after 9999). */
int sw_utc_format_as(time_t t, enum sw_utc_style style, char out[21]);
/* sw_utc_format_as(t, SW_UTC_STAMP, out). */
int sw_utc_format(time_t t, char out[21]);

#endif
