/* cmd_calibrate.c - scorewheel calibrate: interviewer leniency and reliability. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "calibrate.h"
#include "cli.h"

static const char usage_text[] =
    "usage: scorewheel [--rubric FILE] calibrate [--format FORMAT] [--keep-going]\n"
    "                  PATH...\n"
    "\n"
    "Calibrates interviewers over every submitted scorecard under the PATHs:\n"
    "each interviewer's scorecards, observations (competency scores) and mean,\n"
    "leniency (how far above the other interviewers of the same candidate and\n"
    "competency they score, on average) and hire rate; then how far the panel\n"
    "agrees per competency: Krippendorff's alpha (interval) and, where every\n"
    "interviewer rated every candidate, Shrout & Fleiss's ICCs.\n"
    "\n"
    "  -f, --format FORMAT   table (default), json, csv (one row per interviewer) or\n"
    "                        csv-raw (text exactly as in the files)\n"
    "  -k, --keep-going      report invalid files, calibrate on the rest (exit 1)\n"
    "  -h, --help            this text\n";

int cmd_calibrate(int argc, char **argv)
{
    static const struct option options[] = {
        { "format", required_argument, NULL, 'f' },
        { "keep-going", no_argument, NULL, 'k' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *format = "table";
    int keep_going = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+:f:kh", options, NULL)) != -1) {
        switch (c) {
        case 'f': format = optarg; break;
        case 'k': keep_going = 1; break;
        case 'h': fputs(usage_text, stdout); return EXIT_OK;
        case ':': return diag_usage("calibrate", "option '%s' needs a value", argv[optind - 1]);
        default: return diag_usage("calibrate", "unknown option '%s'", argv[optind - 1]);
        }
    }
    enum cli_format fmt;
    int usage = cli_parse_format("calibrate", format, &fmt);
    if (usage != EXIT_OK)
        return usage;
    int json = fmt == CLI_JSON, csv = fmt >= CLI_CSV;

    struct cli_run run;
    int rc = cli_aggregate(&run, "calibrate", NULL, keep_going, argv + optind, argc - optind);
    struct sw_calibration *cal = rc == EXIT_OK ? sw_calibrate(run.aggregate) : NULL;
    if (rc == EXIT_OK) {
        struct sw_buf out = SW_BUF_INIT;
        out.failed = !cal;      /* sw_calibrate fails only for want of memory */
        int failed = !cal ? -1
                     : json ? sw_calibration_json(run.aggregate, cal, &out)
                     : csv ? sw_calibration_csv(run.aggregate, cal, CLI_CSV_MODE(fmt), &out)
                           : sw_calibration_table(run.aggregate, cal, cli_use_color(stdout), &out);
        rc = cli_finish_output(&run, &out, failed);
    }
    sw_calibration_free(cal);
    cli_run_release(&run);
    return rc;
}
