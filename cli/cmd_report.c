/* cmd_report.c - scorewheel report: one packet per candidate. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "report.h"

static const char usage_text[] =
    "usage: scorewheel [--rubric FILE] report [--level ID] [--format FORMAT]\n"
    "                  [--keep-going] PATH...\n"
    "\n"
    "Aggregates every submitted scorecard under the PATHs (files, or folders read\n"
    "recursively for *.xml; rubric files are skipped) into one packet per\n"
    "candidate: each competency's n, mean, median, min, max, sd, the level's\n"
    "target and the gap, pillar and overall scores, flags, the recommendation\n"
    "tally, a suggested decision and the profile's archetype. Candidates are\n"
    "listed by id. Drafts count as pending.\n"
    "\n"
    "  -l, --level ID        assess against this level (default: the scorecards')\n"
    "  -f, --format FORMAT   table (default), json, csv (for spreadsheets) or csv-raw\n"
    "  -k, --keep-going      report invalid files, aggregate the rest (exit 1)\n"
    "  -h, --help            this text\n"
    "\n"
    "Exit status: 0 done, 1 invalid input, 2 usage, 3 I/O error.\n";

int cmd_report(int argc, char **argv)
{
    static const struct option options[] = {
        { "level", required_argument, NULL, 'l' },
        { "format", required_argument, NULL, 'f' },
        { "keep-going", no_argument, NULL, 'k' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *level = NULL, *format = "table";
    int keep_going = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+:l:f:kh", options, NULL)) != -1) {
        switch (c) {
        case 'l': level = optarg; break;
        case 'f': format = optarg; break;
        case 'k': keep_going = 1; break;
        case 'h': fputs(usage_text, stdout); return EXIT_OK;
        case ':': return diag_usage("report", "option '%s' needs a value", argv[optind - 1]);
        default: return diag_usage("report", "unknown option '%s'", argv[optind - 1]);
        }
    }
    enum cli_format fmt;
    int usage = cli_parse_format("report", format, &fmt);
    if (usage != EXIT_OK)
        return usage;
    int json = fmt == CLI_JSON, csv = fmt >= CLI_CSV;

    struct cli_run run;
    int rc = cli_aggregate(&run, "report", level, keep_going, argv + optind, argc - optind);
    if (rc == EXIT_OK) {
        struct sw_buf out = SW_BUF_INIT;
        int failed = json ? sw_report_json_parallel(run.aggregate, NULL, &out,
                                                    cli_flush_stdout, NULL, cli_jobs)
                     : csv ? sw_report_csv_stream(run.aggregate, NULL, CLI_CSV_MODE(fmt), &out, cli_flush_stdout,
                                                  NULL)
                           : sw_report_table(run.aggregate, NULL, cli_use_color(stdout), &out);
        rc = cli_finish_output(&run, &out, failed);
    }
    cli_run_release(&run);
    return rc;
}
