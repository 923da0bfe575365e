/*
 * cli.h - what the command files share. Adding a command: write
 * cli/cmd_<name>.c exporting cmd_<name>(), its options in one table parsed by
 * cli_parse() (options.h: help and completion come from it), add one line to
 * the table in main.c, a section in docs/scorewheel.1 with every option
 * (tests/cli/t_man.sh holds it to the table), and tests in tests/cli/.
 */
#ifndef SW_CLI_H
#define SW_CLI_H

#include <stdio.h>
#include <time.h>

#include "aggregate.h"
#include "severity.h"
#include "buf.h"
#include "error.h"
#include "report.h"
#include "rubric.h"

/* Exit codes (docs/design.md). */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_SYSTEM = 3 };

/* The global options, set by main.c before the command runs; defined in
 * globals.c. The CLI has no other global state. */
extern const char *cli_rubric_option;   /* --rubric FILE; NULL when not given */
extern unsigned cli_jobs;               /* -j N (default: the cores, at most 16) */
extern int cli_quiet;                   /* -q: no progress line */

/* The rubric path by docs/design.md's order: --rubric, $SCOREWHEEL_RUBRIC, the
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
/* Prints "FILE: error: MESSAGE" ("scorewheel: error: MESSAGE" when file is
 * NULL) on stderr; returns code. */
int diag_error(int code, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Prints "scorewheel CMD: MESSAGE" on stderr: what a command says about its
 * state when it stops (not an error of the input). */
void diag_note(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The exit code for what errs holds (EXIT_OK when empty). */
int diag_exit_code(const struct sw_errors *e);
/* diag_error(EXIT_SYSTEM, NULL, "out of memory"). */
int diag_oom(void);

/* Writes len bytes to stdout; EXIT_OK or EXIT_SYSTEM (message printed). */
int cli_write_stdout(const char *data, size_t len);
/* An sw_flush_fn (report.h) writing the buffer to stdout and emptying it. */
int cli_flush_stdout(void *ctx, struct sw_buf *out);

/* The progress line of a long run, on stderr: only on a terminal, never
 * with --quiet, and once the run passes a second. "read 12000/20000 files
 * (9800/s)": VERB DONE/TOTAL UNIT (RATE). */
struct cli_progress {
    struct timespec start;
    double delay;
    int enabled, shown;
    const char *verb, *unit;
    const char *after;  /* shown at DONE == TOTAL, when more work follows */
};

/* Starts the clock. `after` (may be NULL) names what follows the last item:
 * "packing the workbook"; the line then stays open until cli_progress_end. */
void cli_progress_start(struct cli_progress *p, const char *verb, const char *unit,
                        const char *after);
/* An sw_progress_fn; ctx is a struct cli_progress. */
void cli_progress_show(void *ctx, size_t done, size_t total);
/* Ends the line if one was shown. */
void cli_progress_end(struct cli_progress *p);
/* A line on stderr that says what a run did ("wrote FILE: ..."): not an
 * error, so not diag's; callers leave it out under --quiet. */
void cli_progress_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The time written into files and measured against: $SOURCE_DATE_EPOCH
 * (seconds, for reproducible output), else now. EXIT_OK, or EXIT_USAGE
 * (printed, naming cmd) when the variable is malformed. */
int cli_now(const char *cmd, time_t *t);
/* --now TEXT as seconds since the epoch (a UTC stamp, timestamp.h), or
 * cli_now() when text is NULL. EXIT_OK or EXIT_USAGE (printed). */
int cli_parse_now(const char *cmd, const char *text, double *now);

/* Whether colour may be used on `f`: a terminal, NO_COLOR unset, TERM not "dumb". */
int cli_use_color(FILE *f);

/* A loaded rubric and aggregate, and the exit code the input earned. */
struct cli_run {
    struct sw_rubric *rubric;
    struct sw_aggregate *aggregate;
    int exit_code;      /* EXIT_INPUT when --keep-going skipped invalid files */
};

/* Resolves --level ID (NULL: none, *level = -1); EXIT_USAGE with a message
 * listing the rubric's levels when unknown. */
int cli_level_index(const struct sw_rubric *r, const char *cmd, const char *id, long *level);
/* Loads the rubric, reads every scorecard under paths, aggregates them with
 * --level (may be NULL). Prints every problem. Returns EXIT_OK when the caller
 * should write its output (all input valid, or keep_going), else the exit
 * code. Release run afterwards in every case. */
int cli_aggregate(struct cli_run *run, const char *cmd, const char *level_id, int keep_going,
                  char **paths, int n_paths);
/* The same with a loaded rubric and a resolved level: *out gets the aggregate
 * (free it in every case), *exit_code is raised to what the input earned. */
int cli_aggregate_paths(const struct sw_rubric *r, const char *cmd, long level, int keep_going,
                        char **paths, int n_paths, struct sw_aggregate **out, int *exit_code);
void cli_run_release(struct cli_run *run);
/* Loads a set of documents (an aggregate, a growth set) from files. */
typedef size_t (*cli_load_fn)(void *set, char *const *paths, size_t n, unsigned threads,
                              sw_progress_fn progress, void *ctx, struct sw_errors *errs);
/* Every file under paths into `set` with `load`, on cli_jobs threads, with
 * the progress line; set NULL (its creation failed): "out of memory". */
void cli_load_paths(cli_load_fn load, void *set, char **paths, int n_paths,
                    struct sw_errors *errs);
/* After loading: prints errs and releases it, raises *exit_code to what the
 * input earned; EXIT_OK when the caller should write its output (no error, or
 * keep_going with an output and no system error), else that exit code. */
int cli_input_verdict(struct sw_errors *errs, int keep_going, int have_output, int *exit_code);
/* --adjusted (docs/design.md rule 11): fits severity to the aggregate and
 * takes each interviewer's adjustment out of their scores, rules 2-7
 * recomputed. EXIT_OK with the fit in *fit (caller frees with
 * sw_severity_free), or the exit code after printing the errors. */
int cli_adjust(struct sw_aggregate *a, struct sw_severity **fit);

/* Output formats of the aggregating commands: csv guards text for spreadsheets,
 * csv-raw writes it exactly (report.h, enum sw_csv_mode). */
enum cli_format { CLI_TABLE, CLI_JSON, CLI_CSV, CLI_CSV_RAW };
/* The CSV mode of a format. */
#define CLI_CSV_MODE(fmt) ((fmt) == CLI_CSV_RAW ? SW_CSV_RAW : SW_CSV_SPREADSHEET)
/* Parses --format NAME; EXIT_USAGE with a message naming `cmd` when unknown. */
int cli_parse_format(const char *cmd, const char *name, enum cli_format *format);
/* What report and compare do: --format, the aggregate (with --level,
 * --keep-going), --adjusted (its note above a table), the order (sort NULL:
 * by id, order NULL), then `write` into the output, then cli_finish_output. */
struct cli_output {
    const char *cmd, *level, *format;
    int keep_going, adjusted;
    const enum sw_sort *sort;
    int (*write)(const struct sw_aggregate *a, const size_t *order, enum cli_format fmt,
                 int color, struct sw_buf *out, struct sw_errors *errs);
};
int cli_aggregate_output(const struct cli_output *o, char **paths, int n_paths);
/* Ends a command's output: a writer's result `failed` (0, or -1 with its
 * errors in `errs`, printed here), then the rest of `out` to stdout; releases
 * out and errs. Returns the exit code, the input's (run->exit_code) when all
 * was written. */
int cli_finish_output(const struct cli_run *run, struct sw_buf *out, int failed,
                      struct sw_errors *errs);

int cmd_assess(int argc, char **argv);
int cmd_audit(int argc, char **argv);
/* EXIT_OK when the demographics file lies outside every PATH; else says so on
 * stderr (naming `cmd`) and returns EXIT_INPUT: docs/design.md keeps it apart
 * from the requisition. */
int cli_demographics_apart(const char *cmd, const char *demographics, char *const *paths,
                           int n_paths);
int cmd_calibrate(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_export(int argc, char **argv);
/* `export --people` (cli/export_people.c); opt as export set it up. */
struct sw_xlsx_options;
int cli_export_people(const char *output, const struct sw_xlsx_options *opt, int keep_going,
                      int quiet, char **paths, int n_paths);
int cmd_growth(int argc, char **argv);
int cmd_kit(int argc, char **argv);
int cmd_new(int argc, char **argv);
/* `new --assessment` (cli/new_assessment.c). */
int cli_new_assessment(int argc, char **argv);
int cmd_promote(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_team(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_wheel(int argc, char **argv);
/* `wheel --person` (cli/wheel_person.c). */
int cli_wheel_person(const char *person, const char *cycle, const char *to, const char *output,
                     int keep_going, char **paths, int n_paths);
int cmd_rubric(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_people(int argc, char **argv);
int cmd_remind(int argc, char **argv);

#endif
