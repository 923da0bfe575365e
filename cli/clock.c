/* clock.c - the time the program writes and measures against. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <time.h>

#include "cli.h"
#include "timestamp.h"

int cli_now(const char *cmd, time_t *t)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    *t = time(NULL);
    if (!epoch || !*epoch)
        return EXIT_OK;
    char *end;
    errno = 0;
    long long v = strtoll(epoch, &end, 10);
    if (*end || errno || v < 0)
        return diag_usage(cmd, "SOURCE_DATE_EPOCH '%s' is not a number of seconds", epoch);
    *t = (time_t)v;
    return EXIT_OK;
}

int cli_parse_now(const char *cmd, const char *text, double *now)
{
    time_t t;
    if (!text) {
        int rc = cli_now(cmd, &t);
        *now = (double)t;
        return rc;
    }
    if (sw_utc_parse(text, now) < 0)
        return diag_usage(cmd, "--now '%s' is not a UTC time such as 2026-11-29T12:00:00Z",
                          text);
    return EXIT_OK;
}
