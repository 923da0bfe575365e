/* cmd_status.c - scorewheel status: who still owes which scorecard. */
#include <stdio.h>

#include "cli.h"
#include "options.h"
#include "status.h"

static const struct cli_command status_command = {
    .name = "status",
    .synopsis = "[--now TIME] [--format FORMAT]\n"
                "[--keep-going] PATH...",
    .about = "The loop of each candidate, drafts included: every scorecard with its\n"
             "status; each draft still owed with its age (from its created stamp, else\n"
             "the file's time), marked overdue past the rubric's policy overdue (48 h\n"
             "unless set); how many more submitted scorecards the decision needs; the\n"
             "competencies a draft's interview will cover (awaiting) and those no\n"
             "interview of the loop covers (not covered). Candidates by id.\n",
    .min_operands = 1, .max_operands = -1,
    .operand_name = "PATH", .operand_complete = "@files",
};

static int write_status(const struct cli_run *run, enum cli_format fmt, double now)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_status *s = sw_status_new(run->aggregate, now, &errs);
    struct sw_buf out = SW_BUF_INIT;
    int failed = !s ? -1
                 : fmt == CLI_JSON ? sw_status_json(s, &out, &errs)
                 : fmt >= CLI_CSV ? sw_status_csv(s, CLI_CSV_MODE(fmt), &out, &errs)
                                  : sw_status_table(s, cli_use_color(stdout), &out, &errs);
    int rc;
    if (failed < 0) {
        diag_print(&errs);
        rc = diag_exit_code(&errs);
        sw_buf_release(&out);
    } else {
        rc = cli_finish_output(run, &out, 0, &errs);
    }
    sw_status_free(s);
    sw_errors_release(&errs);
    return rc;
}

int cmd_status(int argc, char **argv)
{
    const char *now_text = NULL, *format = "table";
    int keep_going = 0, first;
    const struct cli_option options[] = {
        CLI_VALUE("now", 'n', "TIME", &now_text, NULL,
                  "measure ages at this UTC time (2026-11-29T12:00:00Z);\n"
                  "default: $SOURCE_DATE_EPOCH, else now"),
        CLI_OPT_FORMAT_ROWS(&format, "scorecard"),
        CLI_OPT_KEEP_GOING(&keep_going, "show the rest"),
    };
    int rc = cli_parse(&status_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;
    enum cli_format fmt;
    double now;
    if ((rc = cli_parse_format("status", format, &fmt)) != EXIT_OK ||
        (rc = cli_parse_now("status", now_text, &now)) != EXIT_OK)
        return rc;
    struct cli_run run;
    rc = cli_aggregate(&run, "status", NULL, keep_going, argv + first, argc - first);
    if (rc == EXIT_OK)
        rc = write_status(&run, fmt, now);
    cli_run_release(&run);
    return rc;
}
