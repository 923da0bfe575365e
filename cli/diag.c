/* diag.c - the one place where errors become text on the terminal. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void diag_print(const struct sw_errors *e)
{
    for (size_t i = 0; i < e->count; i++) {
        const struct sw_error *err = &e->items[i];
        if (err->file && err->line > 0)
            fprintf(stderr, "%s:%d: error: %s\n", err->file, err->line, err->message);
        else if (err->file)
            fprintf(stderr, "%s: error: %s\n", err->file, err->message);
        else
            fprintf(stderr, "scorewheel: error: %s\n", err->message);
    }
    if (e->lost)
        fprintf(stderr, "scorewheel: error: out of memory: %zu more errors lost\n", e->lost);
}

int diag_exit_code(const struct sw_errors *e)
{
    switch (sw_errors_worst(e)) {
    case SW_OK: return EXIT_OK;
    case SW_EINPUT: return EXIT_INPUT;
    default: return EXIT_SYSTEM;
    }
}

int diag_oom(void)
{
    return diag_error(EXIT_SYSTEM, NULL, "out of memory");
}

int diag_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "scorewheel%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'scorewheel%s%s --help'.\n", cmd ? " " : "", cmd ? cmd : "");
    return EXIT_USAGE;
}

int diag_error(int code, const char *file, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: error: ", file ? file : "scorewheel");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return code;
}

void diag_note(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "scorewheel %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_write_stdout(const char *data, size_t len)
{
    if ((len && fwrite(data, 1, len, stdout) != len) || fflush(stdout) != 0) {
        return diag_error(EXIT_SYSTEM, NULL, "cannot write output: %s", strerror(errno));
    }
    return EXIT_OK;
}

int cli_flush_stdout(void *ctx, struct sw_buf *out)
{
    (void)ctx;
    if (out->len && fwrite(out->data, 1, out->len, stdout) != out->len)
        return -1;
    sw_buf_reset(out);
    return 0;
}

int cli_use_color(FILE *f)
{
    const char *no_color = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    if (no_color && *no_color)
        return 0;
    if (term && strcmp(term, "dumb") == 0)
        return 0;
    return isatty(fileno(f));
}
