/* log.c - serve's one printer: see log.h. */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>

/* Writes one whole line, prefix and message, under stderr's lock. */
static void emit(const char *prefix, const char *fmt, va_list ap)
{
    flockfile(stderr);
    fputs(prefix, stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    funlockfile(stderr);
}

static void emitf(const char *prefix, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void emitf(const char *prefix, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(prefix, fmt, ap);
    va_end(ap);
}

void web_log(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit("scorewheel serve: ", fmt, ap);
    va_end(ap);
}

void web_log_errors(const struct sw_errors *errs, const char *what)
{
    for (size_t i = 0; i < errs->count; i++) {
        const struct sw_error *e = &errs->items[i];
        const char *file = e->file ? e->file : what;
        if (e->line > 0)
            web_log("%s:%d: error: %s", file, e->line, e->message);
        else
            web_log("%s: error: %s", file, e->message);
    }
}

void web_log_request(const char *method, const char *path, int status, double ms,
                     const char *person, int cut)
{
    emitf("", "%s %s %d %.0f ms %s%s", method, path, status, ms, person,
          cut ? " (cut off)" : "");
}
