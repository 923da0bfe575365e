/*
 * entry_args.h - the options `new` and `score` share: who is interviewed in
 * which interview by whom, and where the scorecard goes; and what every
 * entry command (new, score, assess) does with ids, names and folders.
 */
#ifndef SW_CLI_ENTRY_ARGS_H
#define SW_CLI_ENTRY_ARGS_H

#include <stddef.h>

#include "buf.h"
#include "form.h"
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
/* The blank scorecard of a (ids checked) as form f: --interview and --level
 * resolved, --name cleaned. EXIT_OK, or the exit code (printed). */
int entry_blank(const char *cmd, const struct sw_rubric *r, const struct entry_args *a,
                struct sw_form *f);

/* --- what new, score and assess share ---------------------------------- */

/* Checks one id option: given, valid and safe as a file name (sw_entry_id_ok).
 * EXIT_OK or EXIT_USAGE (printed). */
int entry_check_id(const char *cmd, const char *option, const char *id);
/* Appends --name's text, cleaned for XML (sw_entry_clean_text), to out
 * (nothing when name is NULL). EXIT_OK or EXIT_SYSTEM (printed). */
int entry_clean_name(const char *name, struct sw_buf *out);
/* Creates the folders leading to file `path`; EXIT_OK or EXIT_SYSTEM (printed). */
int entry_make_parent(const char *path);
/* `new` for either kind (cli/cmd_new.c): stamps f created and writes its
 * XML to output ("-": standard output; NULL: sw_form_default_path), never
 * replacing a file unless force; prints the path written. Releases f.
 * Returns the exit code. */
int entry_write_new(struct sw_form *f, const char *output, int force);

#endif
