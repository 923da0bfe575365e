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
/* Writes t as "YYYY-MM-DDTHH:MM:SSZ" into out (at least 21 bytes); 0 or -1. */
int sw_utc_format(time_t t, char out[21]);

#endif
