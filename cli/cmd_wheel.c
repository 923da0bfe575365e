/* cmd_wheel.c - scorewheel wheel: one candidate's competency wheel as SVG. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options.h"
#include "files.h"
#include "wheel.h"

static const struct cli_command wheel_command = {
    .name = "wheel",
    .synopsis = "--candidate ID [--level ID] -o FILE.svg\n"
                "[--keep-going] [--adjusted] PATH...\n"
                "(or) --person ID [--cycle ID] [--to LEVEL] -o FILE.svg PATH...",
    .about = "Draws one candidate's competency wheel as an SVG picture: a sector per\n"
             "pillar, a wedge per competency filled from the centre to its mean, the\n"
             "level's target as an outline, rings at the scale's anchors, unassessed\n"
             "wedges hatched. The file is replaced if it exists (it is derived output).\n"
             "With --person, a person's wheel from assessments: wedges filled to the\n"
             "others' mean, the self-assessment as a solid outline, the target of\n"
             "--to LEVEL (default: the level after the person's) dashed.\n",
    .min_operands = 1, .max_operands = -1,
    .operand_name = "PATH", .operand_complete = "@files",
};

static int draw(const struct sw_aggregate *a, const struct sw_candidate *c, const char *output,
                int adjusted)
{
    struct sw_wheel w;
    char title[512], subtitle[512];
    struct sw_buf svg = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    int rc = EXIT_OK;
    if (sw_wheel_of_candidate(a, c, &w, title, sizeof title, subtitle, sizeof subtitle,
                              &errs) < 0) {
        diag_print(&errs);
        sw_errors_release(&errs);
        return EXIT_SYSTEM;
    }
    if (adjusted)       /* the subtitle says so: the wheel keeps pointing at it */
        strncat(subtitle, " \u00b7 severity-adjusted", sizeof subtitle - strlen(subtitle) - 1);
    if (sw_wheel_svg(&w, &svg, &errs) < 0 ||
        (strcmp(output, "-") != 0 && sw_write_atomic(output, svg.data, svg.len, 1, &errs) < 0)) {
        diag_print(&errs);
        rc = EXIT_SYSTEM;
    } else if (strcmp(output, "-") == 0) {
        rc = cli_write_stdout(svg.data, svg.len);
    }
    sw_errors_release(&errs);
    sw_buf_release(&svg);
    sw_wheel_release(&w);
    return rc;
}

int cmd_wheel(int argc, char **argv)
{
    const char *candidate = NULL, *level = NULL, *output = NULL, *person = NULL, *cycle = NULL,
               *to = NULL;
    int keep_going = 0, adjusted = 0, first;
    const struct cli_option options[] = {
        CLI_VALUE("candidate", 'c', "ID", &candidate, NULL, "the candidate to draw"),
        CLI_VALUE("level", 'l', "ID", &level, "@ids levels",
                  "the level whose targets to draw (default: the\n"
                  "scorecards')"),
        CLI_VALUE("person", 'p', "ID", &person, NULL, "the person to draw (from assessments)"),
        CLI_VALUE("cycle", 'y', "ID", &cycle, NULL,
                  "the person's review cycle (default: the latest)"),
        CLI_VALUE("to", 't', "LEVEL", &to, "@ids levels",
                  "the level whose targets to draw for the person"),
        CLI_VALUE("output", 'o', "FILE", &output, "@files",
                  "the SVG file to write ('-' for standard output)"),
        CLI_OPT_KEEP_GOING(&keep_going, "draw from the rest"),
        CLI_OPT_ADJUSTED(&adjusted),
    };
    int rc = cli_parse(&wheel_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;
    if (!candidate == !person)
        return diag_usage("wheel", "give one of --candidate or --person");
    if (person && adjusted)
        return diag_usage("wheel", "--adjusted goes with --candidate");
    if (!output)
        return diag_usage("wheel", "no -o FILE.svg given");
    if (person)
        return cli_wheel_person(person, cycle, to, output, keep_going, argv + first,
                                argc - first);
    if (cycle || to)
        return diag_usage("wheel", "--cycle and --to go with --person");

    struct cli_run run;
    rc = cli_aggregate(&run, "wheel", level, keep_going, argv + first, argc - first);
    struct sw_severity *sev = NULL;
    if (rc == EXIT_OK && adjusted)
        rc = cli_adjust(run.aggregate, &sev);
    if (rc == EXIT_OK) {
        long k = sw_aggregate_candidate(run.aggregate, candidate);
        if (k < 0)
            rc = diag_error(EXIT_INPUT, NULL, "no scorecard for candidate '%s' under the given "
                            "paths", candidate);
        else
            rc = draw(run.aggregate, &run.aggregate->candidates[k], output, adjusted);
        if (rc == EXIT_OK)
            rc = run.exit_code;
    }
    sw_severity_free(sev);
    cli_run_release(&run);
    return rc;
}
