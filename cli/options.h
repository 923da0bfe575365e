/*
 * options.h - one option table per command. The table drives parsing, the
 * --help text and shell completion (`scorewheel COMMAND --list-options`), so
 * the three can never drift apart; tests/cli holds each man page section to it.
 *
 * A command declares its options once, pointing each at a local:
 *
 *     const char *level = NULL, *format = "table";
 *     int keep_going = 0;
 *     const struct cli_option options[] = {
 *         CLI_VALUE("level", 'l', "ID", &level, "@ids levels",
 *                   "assess against this level (default: the scorecards')"),
 *         CLI_VALUE("format", 'f', "FORMAT", &format, "table json csv",
 *                   "table (default), json or csv"),
 *         CLI_FLAG("keep-going", 'k', &keep_going,
 *                  "report invalid files, go on with the rest (exit 1)"),
 *     };
 *     int first;
 *     int rc = cli_parse(&compare_command, options, CLI_N(options), argc, argv, &first);
 *     if (rc != CLI_GO_ON)
 *         return rc;
 *     // argv[first..argc) are the operands
 *
 * -h/--help and --list-options are implicit: never list them in a table.
 * An option whose help is NULL is hidden: parsed, but shown neither by --help
 * nor by --list-options (the global --list-commands, for completion).
 */
#ifndef SW_CLI_OPTIONS_H
#define SW_CLI_OPTIONS_H

#include <stddef.h>
#include <stdio.h>

/* What an option does with its value. */
enum cli_option_kind {
    CLI_OPT_FLAG,   /* no value; sets *(int *)target to 1 */
    CLI_OPT_VALUE,  /* one value; *(const char **)target = the last one given */
    CLI_OPT_LIST,   /* repeatable value; appended to *(struct cli_list *)target */
};

/* The values of a repeatable option, in the order given (pointers into
 * argv). Release with cli_list_release(). */
struct cli_list {
    char **items;
    size_t n, cap;
};

struct cli_option {
    const char *name;       /* long name without dashes: "level" */
    char letter;            /* short form, or 0 for none */
    const char *arg;        /* the value's name in help ("ID"); NULL for a flag */
    enum cli_option_kind kind;
    void *target;
    /* For completion: a word list ("table json csv"), "@files", "@dirs",
     * "@ids KIND" (ids of the rubric in use, as `rubric --ids KIND` lists),
     * or NULL (free text, or a flag). */
    const char *complete;
    /* Help: one line, or several separated by '\n' (each is indented);
     * NULL hides the option. */
    const char *help;
};

#define CLI_FLAG(name, letter, target, help) \
    { (name), (letter), NULL, CLI_OPT_FLAG, (target), NULL, (help) }
#define CLI_VALUE(name, letter, arg, target, complete, help) \
    { (name), (letter), (arg), CLI_OPT_VALUE, (target), (complete), (help) }
#define CLI_LIST(name, letter, arg, target, complete, help) \
    { (name), (letter), (arg), CLI_OPT_LIST, (target), (complete), (help) }
/* Options several commands share, spelled once. */
#define CLI_OPT_LEVEL(target)                                                            \
    CLI_VALUE("level", 'l', "ID", (target), "@ids levels",                               \
              "assess against this level (default: the scorecards')")
#define CLI_OPT_FORMAT(target)                                                           \
    CLI_VALUE("format", 'f', "FORMAT", (target), "table json csv csv-raw",               \
              "table (default), json, csv (for spreadsheets) or csv-raw")
/* --format whose CSV has one row per `rows` ("interviewer"). */
#define CLI_OPT_FORMAT_ROWS(target, rows)                                                \
    CLI_VALUE("format", 'f', "FORMAT", (target), "table json csv csv-raw",               \
              "table (default), json, csv (one row per " rows ") or\n"                    \
              "csv-raw (text exactly as in the files)")
/* --keep-going: "report invalid files, " then what the command does with the rest. */
#define CLI_OPT_KEEP_GOING(target, rest)                                                 \
    CLI_FLAG("keep-going", 'k', (target), "report invalid files, " rest " (exit 1)")
#define CLI_OPT_ADJUSTED(target)                                                         \
    CLI_FLAG("adjusted", 0, (target),                                                    \
             "take each interviewer's severity out of their scores\n"                    \
             "(rule 11; see calibrate)")
#define CLI_N(array) (sizeof (array) / sizeof (array)[0])

/* A command as --help shows it. */
struct cli_command {
    /* "compare"; NULL for the program itself (the global options). */
    const char *name;
    /* What follows "scorewheel [--rubric FILE] NAME" on the usage line
     * ("scorewheel" alone when name is NULL): "[--level ID] [--sort KEY]
     * PATH...". Lines after the first, separated by '\n', are aligned under
     * the first. */
    const char *synopsis;
    const char *about;      /* paragraphs, each line ending in '\n' */
    /* Prints more paragraphs after about (the program's list of commands);
     * may be NULL. */
    void (*more_help)(FILE *f);
    /* How many operands: min_operands..max_operands (-1: no limit); none
     * when both are left out. */
    int min_operands, max_operands;
    const char *operand_name;   /* "PATH" in messages; NULL when none are taken */
    /* How the operands complete, as cli_option.complete ("@files"). */
    const char *operand_complete;
    /* The options end at the first operand (the program's options end at the
     * command's name); else options and operands may be mixed. */
    int options_first;
};

/* cli_parse()'s result when the command should go on. */
#define CLI_GO_ON (-1)

/* Parses argv (argv[0] is the command's name) by the table. Options and
 * operands may be mixed (unless cmd->options_first); "--" ends the options. On success returns CLI_GO_ON
 * with the operands moved to argv[*first..argc). Returns EXIT_OK after
 * printing --help or --list-options to stdout, EXIT_USAGE after printing a
 * usage error (unknown option, missing value, wrong number of operands), or
 * EXIT_SYSTEM when out of memory. */
int cli_parse(const struct cli_command *cmd, const struct cli_option *options, size_t n,
              int argc, char **argv, int *first);

/* The --help text: usage, about, the options (with -h, --help) and the
 * exit-status line. */
void cli_print_help(FILE *f, const struct cli_command *cmd, const struct cli_option *options,
                    size_t n);

/* The table for completion, one option a line, fields separated by a tab:
 * --LONG, -L or "-", ARG or "-", COMPLETE or "-". --help comes next; last,
 * when the command takes operands, a line for them: NAME (no dash), "-",
 * "-", COMPLETE or "-". */
void cli_print_option_list(FILE *f, const struct cli_command *cmd,
                           const struct cli_option *options, size_t n);

void cli_list_release(struct cli_list *list);

#endif
