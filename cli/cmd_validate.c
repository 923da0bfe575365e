/* cmd_validate.c - scorewheel validate: check rubrics and scorecards. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "document.h"
#include "files.h"
#include "load.h"
#include "options.h"

static const struct cli_command validate_command = {
    .name = "validate",
    .synopsis = "[--quiet] PATH...",
    .about = "Checks each rubric and scorecard: well-formed, hardened XML (no DOCTYPE,\n"
             "at most 16 MiB), the schema, then the meaning (ids, references, values on\n"
             "the scale and its step). Scorecards are checked against the rubric in use.\n"
             "A folder is read recursively for *.xml files. Every problem is printed as\n"
             "FILE:LINE: error: MESSAGE, then a summary line.\n",
    .min_operands = 1, .max_operands = -1,
    .operand_name = "PATH", .operand_complete = "@files",
};

/* What validate has found so far. */
struct checked {
    size_t invalid;
    int worst;      /* exit code */
};

/* Prints a file's problems as they come, in path order (load.h). */
static void report_file(void *ctx, const char *path, struct sw_document *doc, int failed,
                        struct sw_errors *errs)
{
    (void)path;
    (void)doc;
    struct checked *c = ctx;
    if (!failed)
        return;
    c->invalid++;
    diag_print(errs);
    int code = diag_exit_code(errs);
    c->worst = code > c->worst ? code : c->worst;
}

int cmd_validate(int argc, char **argv)
{
    int quiet = 0, first;
    const struct cli_option options[] = {
        CLI_FLAG("quiet", 'q', &quiet, "print problems only, no summary"),
    };
    int rc = cli_parse(&validate_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;

    rc = EXIT_OK;
    struct sw_rubric *rubric = cli_load_rubric(&rc);
    if (!rubric)
        return rc;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_paths paths;
    sw_paths_init(&paths);
    for (int i = first; i < argc; i++)
        sw_paths_collect(&paths, argv[i], &errs);
    diag_print(&errs);
    int worst = diag_exit_code(&errs);
    sw_errors_release(&errs);

    struct checked checked = { 0, worst };
    if (sw_load_files(rubric, paths.items, paths.count, 0, cli_jobs ? cli_jobs : 1, report_file,
                      NULL, &checked) < 0) {
        fputs("scorewheel: error: out of memory\n", stderr);
        checked.worst = EXIT_SYSTEM;
    }
    size_t invalid = checked.invalid;
    worst = checked.worst;
    if (!quiet)
        printf("%zu file%s, %zu invalid\n", paths.count, paths.count == 1 ? "" : "s", invalid);
    sw_paths_release(&paths);
    sw_rubric_free(rubric);
    return worst;
}
