/* cmd_rubric.c - scorewheel rubric: show the rubric in use. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "rubric_text.h"

static const char usage_text[] =
    "usage: scorewheel [--rubric FILE] rubric [--format table|json]\n"
    "\n"
    "Shows the rubric in use: its scale, pillars and competencies with each\n"
    "level's target, the levels' hire bars, the decision policy, the interviews\n"
    "and what they probe, and the archetypes.\n"
    "\n"
    "  -f, --format FORMAT   table (default) or json\n"
    "  -h, --help            this text\n";

int cmd_rubric(int argc, char **argv)
{
    static const struct option options[] = {
        { "format", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *format = "table";
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+f:h", options, NULL)) != -1) {
        switch (c) {
        case 'f': format = optarg; break;
        case 'h': fputs(usage_text, stdout); return EXIT_OK;
        case ':': return diag_usage("rubric", "option '%s' needs a value", argv[optind - 1]);
        default: return diag_usage("rubric", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (strcmp(format, "table") != 0 && strcmp(format, "json") != 0)
        return diag_usage("rubric", "unknown format '%s' (use table or json)", format);
    if (optind < argc)
        return diag_usage("rubric", "unexpected argument '%s'", argv[optind]);

    int rc = EXIT_OK;
    struct sw_rubric *r = cli_load_rubric(&rc);
    if (!r)
        return rc;
    struct sw_buf out = SW_BUF_INIT;
    if ((strcmp(format, "json") == 0 ? sw_rubric_json(r, &out) : sw_rubric_table(r, &out)) < 0) {
        fprintf(stderr, "scorewheel: error: out of memory\n");
        rc = EXIT_SYSTEM;
    } else {
        rc = cli_write_stdout(out.data, out.len);
    }
    sw_buf_release(&out);
    sw_rubric_free(r);
    return rc;
}
