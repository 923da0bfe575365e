/* cmd_report.c - scorewheel report: one packet per candidate. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "options.h"
#include "report.h"

static const struct cli_command report_command = {
    .name = "report",
    .synopsis = "[--level ID] [--format FORMAT]\n"
                "[--keep-going] [--adjusted] PATH...",
    .about = "Aggregates every submitted scorecard under the PATHs (files, or folders read\n"
             "recursively for *.xml; rubric files are skipped) into one packet per\n"
             "candidate: each competency's n, mean, median, min, max, sd, the level's\n"
             "target and the gap, pillar and overall scores, flags, the recommendation\n"
             "tally, a suggested decision and the profile's archetype. Candidates are\n"
             "listed by id. Drafts count as pending.\n",
    .min_operands = 1, .max_operands = -1,
    .operand_name = "PATH", .operand_complete = "@files",
};

static int write_report(const struct sw_aggregate *a, const size_t *order, enum cli_format fmt,
                        int color, struct sw_buf *out, struct sw_errors *errs)
{
    if (fmt == CLI_JSON)
        return sw_report_json_parallel(a, order, out, cli_flush_stdout, NULL, cli_jobs, errs);
    if (fmt != CLI_TABLE)
        return sw_report_csv_stream(a, order, CLI_CSV_MODE(fmt), out, cli_flush_stdout, NULL,
                                    errs);
    return sw_report_table(a, order, color, out, errs);
}

int cmd_report(int argc, char **argv)
{
    const char *level = NULL, *format = "table";
    int keep_going = 0, adjusted = 0, first;
    const struct cli_option options[] = {
        CLI_OPT_LEVEL(&level),
        CLI_OPT_FORMAT(&format),
        CLI_OPT_KEEP_GOING(&keep_going, "aggregate the rest"),
        CLI_OPT_ADJUSTED(&adjusted),
    };
    int rc = cli_parse(&report_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;
    const struct cli_output o = {
        .cmd = "report", .level = level, .format = format, .keep_going = keep_going,
        .adjusted = adjusted, .write = write_report,
    };
    return cli_aggregate_output(&o, argv + first, argc - first);
}
