/* progress.c - the progress line long runs show on stderr. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"

void cli_progress_note(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* The line appears once a run passes this long; SCOREWHEEL_PROGRESS_DELAY
 * (seconds) changes it, so tests can see it without a slow run. */
#define PROGRESS_DELAY 1.0

static double seconds_since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static double progress_delay(void)
{
    const char *s = getenv("SCOREWHEEL_PROGRESS_DELAY");
    if (!s || !*s)
        return PROGRESS_DELAY;
    char *end;
    double d = strtod(s, &end);
    return *end || !(d >= 0) ? PROGRESS_DELAY : d;
}

void cli_progress_start(struct cli_progress *p, const char *verb, const char *unit,
                        const char *after)
{
    clock_gettime(CLOCK_MONOTONIC, &p->start);
    p->enabled = !cli_quiet && isatty(STDERR_FILENO);
    p->delay = progress_delay();
    p->shown = 0;
    p->verb = verb;
    p->unit = unit;
    p->after = after;
}

void cli_progress_show(void *ctx, size_t done, size_t total)
{
    struct cli_progress *p = ctx;
    if (!p->enabled)
        return;
    double elapsed = seconds_since(&p->start);
    if (elapsed < p->delay && !p->shown)
        return;
    fprintf(stderr, "\r%s %zu/%zu %s (%.0f/s)", p->verb, done, total, p->unit,
            elapsed > 0 ? (double)done / elapsed : 0.0);
    if (done == total && p->after)
        fprintf(stderr, ", %s...", p->after);
    fflush(stderr);
    p->shown = 1;
    if (done == total && !p->after)
        cli_progress_end(p);
}

void cli_progress_end(struct cli_progress *p)
{
    if (p->shown)
        fputs("\n", stderr);
    p->shown = 0;
}
