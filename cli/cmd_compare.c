/* cmd_compare.c - scorewheel compare: candidates side by side, ranked. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "report.h"

static const char usage_text[] =
    "usage: scorewheel [--rubric FILE] compare [--level ID] [--sort overall|shortfall|name]\n"
    "                  [--format table|json|csv] [--keep-going] PATH...\n"
    "\n"
    "One row per candidate: overall and pillar scores, shortfall against the\n"
    "level's targets, suggested decision, archetype, recommendation tally and\n"
    "the number of flags. Sorted by overall (highest first), shortfall (smallest\n"
    "first) or name; undefined values last, ties by id. JSON is report's object\n"
    "in this order.\n"
    "\n"
    "  -l, --level ID        assess against this level (default: the scorecards')\n"
    "  -s, --sort KEY        overall (default), shortfall or name\n"
    "  -f, --format FORMAT   table (default), json or csv\n"
    "  -k, --keep-going      report invalid files, compare the rest (exit 1)\n"
    "  -h, --help            this text\n";

static int parse_sort(const char *s, enum sw_sort *sort)
{
    static const struct { const char *name; enum sw_sort sort; } sorts[] = {
        { "overall", SW_SORT_OVERALL }, { "shortfall", SW_SORT_SHORTFALL },
        { "name", SW_SORT_NAME },
    };
    for (size_t i = 0; i < sizeof sorts / sizeof sorts[0]; i++)
        if (strcmp(s, sorts[i].name) == 0) {
            *sort = sorts[i].sort;
            return 0;
        }
    return -1;
}

int cmd_compare(int argc, char **argv)
{
    static const struct option options[] = {
        { "level", required_argument, NULL, 'l' },
        { "sort", required_argument, NULL, 's' },
        { "format", required_argument, NULL, 'f' },
        { "keep-going", no_argument, NULL, 'k' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *level = NULL, *format = "table";
    enum sw_sort sort = SW_SORT_OVERALL;
    int keep_going = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+:l:s:f:kh", options, NULL)) != -1) {
        switch (c) {
        case 'l': level = optarg; break;
        case 's':
            if (parse_sort(optarg, &sort) < 0)
                return diag_usage("compare", "unknown sort '%s' (use overall, shortfall or "
                                             "name)", optarg);
            break;
        case 'f': format = optarg; break;
        case 'k': keep_going = 1; break;
        case 'h': fputs(usage_text, stdout); return EXIT_OK;
        case ':': return diag_usage("compare", "option '%s' needs a value", argv[optind - 1]);
        default: return diag_usage("compare", "unknown option '%s'", argv[optind - 1]);
        }
    }
    enum cli_format fmt;
    int usage = cli_parse_format("compare", format, &fmt);
    if (usage != EXIT_OK)
        return usage;
    int json = fmt == CLI_JSON, csv = fmt == CLI_CSV;

    struct cli_run run;
    int rc = cli_aggregate(&run, "compare", level, keep_going, argv + optind, argc - optind);
    size_t *order = rc == EXIT_OK ? malloc((run.aggregate->n_candidates + 1) * sizeof *order)
                                  : NULL;
    if (rc == EXIT_OK && !order) {
        fprintf(stderr, "scorewheel: error: out of memory\n");
        rc = EXIT_SYSTEM;
    }
    if (rc == EXIT_OK) {
        sw_aggregate_sort(run.aggregate, sort, order);
        struct sw_buf out = SW_BUF_INIT;
        struct sw_errors errs;
        sw_errors_init(&errs);
        int color = cli_use_color(stdout);
        int failed = json ? sw_report_json_parallel(run.aggregate, order, &out,
                                                    cli_flush_stdout, NULL, cli_jobs, &errs)
                     : csv ? sw_compare_csv(run.aggregate, order, &out, &errs)
                           : sw_compare_table(run.aggregate, order, color, &out, &errs);
        rc = cli_finish_output(&run, &out, failed, &errs);
    }
    free(order);
    cli_run_release(&run);
    return rc;
}
