/* cmd_wheel.c - scorewheel wheel: one candidate's competency wheel as SVG. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "files.h"
#include "wheel.h"

static const char usage_text[] =
    "usage: scorewheel [--rubric FILE] wheel --candidate ID [--level ID] -o FILE.svg\n"
    "                  [--keep-going] PATH...\n"
    "       scorewheel [--rubric FILE] wheel --person ID [--cycle ID] [--to LEVEL]\n"
    "                  -o FILE.svg [--keep-going] PATH...\n"
    "\n"
    "Draws one candidate's competency wheel as an SVG picture: a sector per\n"
    "pillar, a wedge per competency filled from the centre to its mean, the\n"
    "level's target as an outline, rings at the scale's anchors, unassessed\n"
    "wedges hatched. The file is replaced if it exists (it is derived output).\n"
    "With --person, a person's wheel from assessments: wedges filled to the\n"
    "others' mean, the self-assessment as a solid outline, the target of\n"
    "--to LEVEL (default: the level after the person's) dashed.\n"
    "\n"
    "  -c, --candidate ID    the candidate to draw\n"
    "  -l, --level ID        the level whose targets to draw (default: the scorecards')\n"
    "  -p, --person ID       the person to draw (from assessments)\n"
    "  -y, --cycle ID        the person's review cycle (default: the latest)\n"
    "  -t, --to LEVEL        the level whose targets to draw for the person\n"
    "  -o, --output FILE     the SVG file to write ('-' for standard output)\n"
    "  -k, --keep-going      report invalid files, draw from the rest (exit 1)\n"
    "  -h, --help            this text\n";

static int draw(const struct sw_aggregate *a, const struct sw_candidate *c, const char *output)
{
    struct sw_wheel w;
    char title[512], subtitle[512];
    struct sw_buf svg = SW_BUF_INIT;
    if (sw_wheel_of_candidate(a, c, &w, title, sizeof title, subtitle, sizeof subtitle) < 0) {
        fprintf(stderr, "scorewheel: error: out of memory\n");
        return EXIT_SYSTEM;
    }
    int rc = EXIT_OK;
    if (sw_wheel_svg(&w, &svg) < 0) {
        fprintf(stderr, "scorewheel: error: out of memory\n");
        rc = EXIT_SYSTEM;
    } else if (strcmp(output, "-") == 0) {
        rc = cli_write_stdout(svg.data, svg.len);
    } else {
        struct sw_errors errs;
        sw_errors_init(&errs);
        if (sw_write_atomic(output, svg.data, svg.len, 1, &errs) < 0) {
            diag_print(&errs);
            rc = EXIT_SYSTEM;
        }
        sw_errors_release(&errs);
    }
    sw_buf_release(&svg);
    sw_wheel_release(&w);
    return rc;
}

int cmd_wheel(int argc, char **argv)
{
    static const struct option options[] = {
        { "candidate", required_argument, NULL, 'c' },
        { "level", required_argument, NULL, 'l' },
        { "person", required_argument, NULL, 'p' },
        { "cycle", required_argument, NULL, 'y' },
        { "to", required_argument, NULL, 't' },
        { "output", required_argument, NULL, 'o' },
        { "keep-going", no_argument, NULL, 'k' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *candidate = NULL, *level = NULL, *output = NULL, *person = NULL, *cycle = NULL,
               *to = NULL;
    int keep_going = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+:c:l:p:y:t:o:kh", options, NULL)) != -1) {
        switch (c) {
        case 'c': candidate = optarg; break;
        case 'l': level = optarg; break;
        case 'p': person = optarg; break;
        case 'y': cycle = optarg; break;
        case 't': to = optarg; break;
        case 'o': output = optarg; break;
        case 'k': keep_going = 1; break;
        case 'h': fputs(usage_text, stdout); return EXIT_OK;
        case ':': return diag_usage("wheel", "option '%s' needs a value", argv[optind - 1]);
        default: return diag_usage("wheel", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (!candidate == !person)
        return diag_usage("wheel", "give one of --candidate or --person");
    if (!output)
        return diag_usage("wheel", "no -o FILE.svg given");
    if (person)
        return cli_wheel_person(person, cycle, to, output, keep_going, argv + optind,
                                argc - optind);
    if (cycle || to)
        return diag_usage("wheel", "--cycle and --to go with --person");

    struct cli_run run;
    int rc = cli_aggregate(&run, "wheel", level, keep_going, argv + optind, argc - optind);
    if (rc == EXIT_OK) {
        long k = sw_aggregate_candidate(run.aggregate, candidate);
        if (k < 0) {
            fprintf(stderr, "scorewheel: error: no scorecard for candidate '%s' under the "
                            "given paths\n", candidate);
            rc = EXIT_INPUT;
        } else {
            rc = draw(run.aggregate, &run.aggregate->candidates[k], output);
        }
        if (rc == EXIT_OK)
            rc = run.exit_code;
    }
    cli_run_release(&run);
    return rc;
}
