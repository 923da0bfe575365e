/*
 * cli.h - what the command files share. Adding a command: write
 * cli/cmd_<name>.c exporting cmd_<name>(), add one line to the table in
 * main.c, a section in docs/scorewheel.1, and tests in tests/cli/.
 */
#ifndef SW_CLI_H
#define SW_CLI_H

#include <stdio.h>

#include "error.h"
#include "rubric.h"

/* Exit codes (DESIGN.md). */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_SYSTEM = 3 };

/* Set by main from the global --rubric option; NULL when not given. */
extern const char *cli_rubric_option;

/* The rubric path by DESIGN.md's order: --rubric, $SCOREWHEEL_RUBRIC, the
 * installed share/scorewheel/rubrics/tpm.xml, the in-tree rubrics/tpm.xml. */
const char *cli_rubric_path(void);
/* Loads that rubric; on failure prints its errors and returns NULL with
 * *exit_code set. */
struct sw_rubric *cli_load_rubric(int *exit_code);

/* Prints every error as "FILE:LINE: error: MESSAGE" on stderr. */
void diag_print(const struct sw_errors *e);
/* Prints "scorewheel CMD: MESSAGE" and "Try 'scorewheel CMD --help'." on
 * stderr; returns EXIT_USAGE. */
int diag_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The exit code for what errs holds (EXIT_OK when empty). */
int diag_exit_code(const struct sw_errors *e);

/* Writes len bytes to stdout; EXIT_OK or EXIT_SYSTEM (message printed). */
int cli_write_stdout(const char *data, size_t len);

/* Whether colour may be used on `f`: a terminal, NO_COLOR unset, TERM not "dumb". */
int cli_use_color(FILE *f);

int cmd_validate(int argc, char **argv);
int cmd_rubric(int argc, char **argv);

#endif
