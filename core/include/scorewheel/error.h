/*
 * error.h - errors are values.
 *
 * Core functions never print. They return 0 on success and -1 on failure (or
 * NULL), and append what went wrong to a caller-owned struct sw_errors: a code,
 * the input file, its line (0 when no line applies) and a message that starts
 * lowercase, quotes the offending value and says what would be valid.
 *
 * The codes are the CLI's exit codes: SW_EINPUT (invalid input data) is 1,
 * SW_ESYSTEM (I/O, memory, anything outside the data) is 3.
 */
#ifndef SW_ERROR_H
#define SW_ERROR_H

#include <stddef.h>

enum sw_code {
    SW_OK = 0,
    SW_EINPUT = 1,
    SW_ESYSTEM = 3,
};

struct sw_error {
    int code;
    char *file;    /* may be NULL */
    int line;      /* 0: no line */
    char *message;
};

struct sw_errors {
    struct sw_error *items;
    size_t count;
    size_t alloc;
    size_t lost;   /* errors that could not be recorded for lack of memory */
};

void sw_errors_init(struct sw_errors *e);
/* Frees every entry. Accepts NULL. */
void sw_errors_release(struct sw_errors *e);
/* Records one error; always returns -1 so that `return sw_error_add(...)` fails. */
int sw_error_add(struct sw_errors *e, int code, const char *file, int line,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Moves every entry of `from` to the end of `to`; `from` is left empty. */
void sw_errors_move(struct sw_errors *to, struct sw_errors *from);
/* The most severe code recorded: SW_OK when none, SW_ESYSTEM if any was lost. */
int sw_errors_worst(const struct sw_errors *e);

/* Invalid input data at file:line. */
#define sw_fail(errs, file, line, ...) sw_error_add((errs), SW_EINPUT, (file), (line), __VA_ARGS__)
/* Out of memory: recorded as a system error. */
#define sw_fail_oom(errs, file) sw_error_add((errs), SW_ESYSTEM, (file), 0, "out of memory")

#endif
