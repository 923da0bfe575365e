/* cmd_calibrate.c - scorewheel calibrate: interviewer leniency and reliability. */
#include <stdio.h>
#include <string.h>

#include "calibrate.h"
#include "cli.h"
#include "options.h"

static const struct cli_command calibrate_command = {
    .name = "calibrate",
    .synopsis = "[--format FORMAT]\n"
                "[--keep-going] PATH...",
    .about = "Calibrates interviewers over every submitted scorecard under the PATHs:\n"
             "each interviewer's scorecards, observations (competency scores) and mean,\n"
             "leniency (how far above the other interviewers of the same candidate and\n"
             "competency they score, on average) and hire rate; then how far the panel\n"
             "agrees per competency: Krippendorff's alpha (interval) and, where every\n"
             "interviewer rated every candidate, Shrout & Fleiss's ICCs; and each\n"
             "interviewer's severity adjustment with its standard error (rule 11: the\n"
             "offset a mixed model estimates, which --adjusted takes out of scores).\n",
    .min_operands = 1, .max_operands = -1,
    .operand_name = "PATH", .operand_complete = "@files",
};

int cmd_calibrate(int argc, char **argv)
{
    const char *format = "table";
    int keep_going = 0, first;
    const struct cli_option options[] = {
        CLI_OPT_FORMAT_ROWS(&format, "interviewer"),
        CLI_OPT_KEEP_GOING(&keep_going, "calibrate on the rest"),
    };
    int rc = cli_parse(&calibrate_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;
    enum cli_format fmt;
    int usage = cli_parse_format("calibrate", format, &fmt);
    if (usage != EXIT_OK)
        return usage;
    int json = fmt == CLI_JSON, csv = fmt >= CLI_CSV;

    struct cli_run run;
    rc = cli_aggregate(&run, "calibrate", NULL, keep_going, argv + first, argc - first);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_calibration *cal = rc == EXIT_OK ? sw_calibrate(run.aggregate, &errs) : NULL;
    if (cal && sw_calibration_severity(cal, run.aggregate, &errs) < 0) {
        diag_print(&errs);
        rc = diag_exit_code(&errs);
        sw_calibration_free(cal);
        cal = NULL;
    }
    if (rc == EXIT_OK) {
        struct sw_buf out = SW_BUF_INIT;
        int color = cli_use_color(stdout);
        int failed = !cal ? -1
                     : json ? sw_calibration_json(run.aggregate, cal, &out, &errs)
                     : csv ? sw_calibration_csv(run.aggregate, cal, CLI_CSV_MODE(fmt), &out, &errs)
                           : sw_calibration_table(run.aggregate, cal, color, &out, &errs);
        rc = cli_finish_output(&run, &out, failed, &errs);
    }
    sw_errors_release(&errs);
    sw_calibration_free(cal);
    cli_run_release(&run);
    return rc;
}
