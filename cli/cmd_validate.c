/* cmd_validate.c - scorewheel validate: check rubrics and scorecards. */
#include <stdio.h>
#include <string.h>

#include "aggregate.h"
#include "cli.h"
#include "document.h"
#include "files.h"
#include "growth.h"
#include "load.h"
#include "options.h"

static const struct cli_command validate_command = {
    .name = "validate",
    .synopsis = "[--quiet] PATH...",
    .about = "Checks each rubric and scorecard: well-formed, hardened XML (no DOCTYPE,\n"
             "at most 16 MiB), the schema, then the meaning (ids, references, values on\n"
             "the scale and its step). Scorecards are checked against the rubric in use.\n"
             "Then the checks across files that report, growth and the others apply:\n"
             "two scorecards of one interviewer for one interview and candidate, two\n"
             "assessments of one person by one assessor in one cycle, a candidate's\n"
             "cards naming different levels (each naming both files).\n"
             "A folder is read recursively for *.xml files. Every problem is printed as\n"
             "FILE:LINE: error: MESSAGE, then a summary line.\n",
    .min_operands = 1, .max_operands = -1,
    .operand_name = "PATH", .operand_complete = "@files",
};

/* What validate has found so far: the valid scorecards and assessments go
 * into an aggregate and a growth set, which apply the checks across files
 * (docs/design.md "Rubric"). */
struct checked {
    size_t invalid;
    int worst;      /* exit code */
    struct sw_aggregate *aggregate;
    struct sw_growth *growth;
};

static void print_errors(struct checked *c, struct sw_errors *errs)
{
    diag_print(errs);
    int code = diag_exit_code(errs);
    c->worst = code > c->worst ? code : c->worst;
}

/* Prints a file's problems as they come, in path order (load.h); adds a
 * valid one to the cross-file checks (a file they refuse counts invalid). */
static void report_file(void *ctx, const char *path, struct sw_document *doc, int failed,
                        struct sw_errors *errs)
{
    (void)path;
    struct checked *c = ctx;
    if (!failed) {
        struct sw_errors cross;
        sw_errors_init(&cross);
        int rc = 0;
        if (doc->kind == SW_DOC_SCORECARD && c->aggregate)
            rc = sw_aggregate_add(c->aggregate, doc->scorecard, &cross);
        else if (doc->kind == SW_DOC_ASSESSMENT && c->growth)
            rc = sw_growth_add(c->growth, doc->assessment, &cross);
        if (rc < 0) {
            c->invalid++;
            print_errors(c, &cross);
        }
        sw_errors_release(&cross);
        return;
    }
    c->invalid++;
    print_errors(c, errs);
}

/* The checks that need every file: a candidate's levels must agree. */
static void check_across(struct checked *c)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    if (!c->aggregate || !c->growth)
        sw_fail_oom(&errs, NULL);
    else if (sw_aggregate_finish(c->aggregate, -1, &errs) < 0 && errs.count)
        c->invalid += errs.count;
    print_errors(c, &errs);
    sw_errors_release(&errs);
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

    struct checked checked = { 0, worst, sw_aggregate_new(rubric), sw_growth_new(rubric) };
    if (sw_load_files(rubric, paths.items, paths.count, 0, cli_jobs ? cli_jobs : 1, report_file,
                      NULL, &checked) < 0)
        checked.worst = diag_oom();
    check_across(&checked);
    sw_aggregate_free(checked.aggregate);
    sw_growth_free(checked.growth);
    size_t invalid = checked.invalid;
    worst = checked.worst;
    if (!quiet)
        printf("%zu file%s, %zu invalid\n", paths.count, paths.count == 1 ? "" : "s", invalid);
    sw_paths_release(&paths);
    sw_rubric_free(rubric);
    return worst;
}
