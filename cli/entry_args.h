/*
 * entry_args.h - the options `new` and `score` share: who is interviewed in
 * which interview by whom, and where the scorecard goes.
 */
#ifndef SW_CLI_ENTRY_ARGS_H
#define SW_CLI_ENTRY_ARGS_H

#include <stddef.h>

#include "options.h"
#include "rubric.h"

struct entry_args {
    const char *interview, *candidate, *interviewer, *level, *name, *output;
    int force;
};

/* The help lines of the options whose meaning differs between new and score. */
struct entry_help {
    const char *level, *name, *output, *force;
};

/* Parses argv into a by the shared option table (cli_parse), with help's
 * lines for the options that differ. Returns CLI_GO_ON to go on, else the
 * exit code to return. */
int entry_parse_args(const struct cli_command *cmd, const struct entry_help *help, int argc,
                     char **argv, struct entry_args *a);
/* Checks that --interview, --candidate and --interviewer are all given, and
 * that every id is valid and safe as a file name; EXIT_OK or EXIT_USAGE. */
int entry_check_ids(const char *cmd, const struct entry_args *a);
/* Resolves --interview (required) and --level (optional, -1) in rubric r;
 * EXIT_OK, or EXIT_USAGE with a message listing what the rubric has. */
int entry_resolve(const char *cmd, const struct sw_rubric *r, const struct entry_args *a,
                  size_t *interview, long *level);
/* Creates the folders leading to file `path`; EXIT_OK or EXIT_SYSTEM (printed). */
int entry_make_parent(const char *path);

#endif
