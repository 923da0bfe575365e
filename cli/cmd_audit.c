/* cmd_audit.c - scorewheel audit: adverse impact by group (docs/design.md rule 16). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "cli.h"
#include "options.h"

static const struct cli_command audit_command = {
    .name = "audit",
    .synopsis = "--demographics FILE [--level ID]\n"
                "[--format FORMAT] [--keep-going] PATH...",
    .about = "Audits the requisition for adverse impact (rule 16) against a demographics\n"
             "file of voluntary self-identification kept outside it: per group and per\n"
             "intersection of groups, the selection rate (suggested hire among hire and\n"
             "no-hire), the scoring rate (overall above the median), impact ratios against\n"
             "the best group with the four-fifths flag, Fisher's exact test, and each\n"
             "interviewer's gap between groups after rule 11's severity adjustment.\n"
             "No output lists a candidate; groups under the policy's min-cell are hidden.\n",
    .min_operands = 1, .max_operands = -1,
    .operand_name = "PATH", .operand_complete = "@files",
};

int cli_demographics_apart(const char *cmd, const char *demographics, char *const *paths,
                           int n_paths)
{
    char *file = realpath(demographics, NULL);
    int rc = EXIT_OK;
    for (int i = 0; file && i < n_paths && rc == EXIT_OK; i++) {
        char *dir = realpath(paths[i], NULL);
        size_t len = dir ? strlen(dir) : 0;
        if (dir && strncmp(file, dir, len) == 0 && (file[len] == '/' || !file[len]
                                                    || strcmp(dir, "/") == 0)) {
            rc = diag_error(EXIT_INPUT, demographics, "the demographics file is inside %s, "
                            "which %s reads: keep it outside the requisition", paths[i], cmd);
        }
        free(dir);
    }
    free(file);
    return rc;
}

/* The audit of run's aggregate against demographics d, written as fmt says. */
static int write_audit(struct cli_run *run, const struct sw_demographics *d,
                       enum cli_format fmt)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_severity *sev = sw_severity_fit(run->aggregate, &errs);
    struct sw_audit *au = sev ? sw_audit_new(run->aggregate, d, sev, &errs) : NULL;
    struct sw_buf out = SW_BUF_INIT;
    int failed = !au ? -1
                 : fmt == CLI_JSON ? sw_audit_json(au, run->aggregate, &out, &errs)
                 : fmt >= CLI_CSV  ? sw_audit_csv(au, run->aggregate, CLI_CSV_MODE(fmt), &out,
                                                 &errs)
                                   : sw_audit_table(au, run->aggregate, &out, &errs);
    int rc = cli_finish_output(run, &out, failed, &errs);
    sw_audit_free(au);
    sw_severity_free(sev);
    return rc;
}

int cmd_audit(int argc, char **argv)
{
    const char *demographics = NULL, *level = NULL, *format = "table";
    int keep_going = 0, first;
    const struct cli_option options[] = {
        CLI_VALUE("demographics", 'd', "FILE", &demographics, "@files",
                  "the demographics file, required\n(scorewheel-demographics(5))"),
        CLI_VALUE("level", 'l', "ID", &level, "@ids levels",
                  "decide against this level (default: the scorecards')"),
        CLI_VALUE("format", 'f', "FORMAT", &format, "table json csv csv-raw",
                  "table (default), json, csv (for spreadsheets) or csv-raw"),
        CLI_FLAG("keep-going", 'k', &keep_going,
                 "report invalid scorecards, audit the rest (exit 1)"),
    };
    int rc = cli_parse(&audit_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;
    if (!demographics)
        return diag_usage("audit", "--demographics FILE is required");
    enum cli_format fmt;
    int usage = cli_parse_format("audit", format, &fmt);
    if (usage != EXIT_OK)
        return usage;
    if ((rc = cli_demographics_apart("audit", demographics, argv + first, argc - first)))
        return rc;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_demographics *d = sw_demographics_load(demographics, &errs);
    if (!d) {
        diag_print(&errs);
        rc = diag_exit_code(&errs);
        sw_errors_release(&errs);
        return rc;
    }
    sw_errors_release(&errs);
    struct cli_run run;
    rc = cli_aggregate(&run, "audit", level, keep_going, argv + first, argc - first);
    if (rc == EXIT_OK)
        rc = write_audit(&run, d, fmt);
    cli_run_release(&run);
    sw_demographics_free(d);
    return rc;
}
