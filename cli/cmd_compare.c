/* cmd_compare.c - scorewheel compare: candidates side by side, ranked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options.h"
#include "report.h"

static const struct cli_command compare_command = {
    .name = "compare",
    .synopsis = "[--level ID] [--sort KEY]\n"
                "[--format FORMAT] [--keep-going] [--adjusted] PATH...",
    .about = "One row per candidate: overall and pillar scores, shortfall against the\n"
             "level's targets, suggested decision, archetype, recommendation tally and\n"
             "the number of flags. Sorted by overall (highest first), shortfall (smallest\n"
             "first) or name; undefined values last, ties by id. JSON is report's object\n"
             "in this order. --adjusted takes each interviewer's severity (rule 11,\n"
             "see calibrate) out of their scores first.\n",
    .min_operands = 1, .max_operands = -1,
    .operand_name = "PATH", .operand_complete = "@files",
};

static int parse_sort(const char *s, enum sw_sort *sort)
{
    int k = sw_sort_key(s);
    if (k >= 0)
        *sort = sw_sort_keys[k].sort;
    return k < 0 ? -1 : 0;
}

static int write_compare(const struct sw_aggregate *a, const size_t *order, enum cli_format fmt,
                         int color, struct sw_buf *out, struct sw_errors *errs)
{
    if (fmt == CLI_JSON)
        return sw_report_json_parallel(a, order, out, cli_flush_stdout, NULL, cli_jobs, errs);
    if (fmt != CLI_TABLE)
        return sw_compare_csv(a, order, CLI_CSV_MODE(fmt), out, errs);
    return sw_compare_table(a, order, color, out, errs);
}

int cmd_compare(int argc, char **argv)
{
    const char *level = NULL, *format = "table", *sort_name = "overall";
    int keep_going = 0, adjusted = 0, first;
    const struct cli_option options[] = {
        CLI_OPT_LEVEL(&level),
        CLI_VALUE("sort", 's', "KEY", &sort_name, "overall shortfall name",
                  "overall (default), shortfall or name"),
        CLI_OPT_FORMAT(&format),
        CLI_OPT_KEEP_GOING(&keep_going, "compare the rest"),
        CLI_FLAG("adjusted", 0, &adjusted, "take each interviewer's severity out of their scores"),
    };
    int rc = cli_parse(&compare_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;
    enum sw_sort sort;
    if (parse_sort(sort_name, &sort) < 0)
        return diag_usage("compare", "unknown sort '%s' (use overall, shortfall or name)",
                          sort_name);
    const struct cli_output o = {
        .cmd = "compare", .level = level, .format = format, .keep_going = keep_going,
        .adjusted = adjusted, .sort = &sort, .write = write_compare,
    };
    return cli_aggregate_output(&o, argv + first, argc - first);
}
