/* cmd_growth.c - scorewheel growth: each person's wheel, cycle by cycle. */
#include <stdio.h>

#include "cli.h"
#include "growth_load.h"
#include "options.h"
#include "promote.h"

static const struct cli_command growth_command = {
    .name = "growth",
    .synopsis = "[--person ID] [--format FORMAT]\n"
                "[--keep-going] PATH...",
    .about = "Reads the assessments under PATH (scorecards and rubrics are skipped) and\n"
             "shows, per person and review cycle, the mean of the others' ratings per\n"
             "competency (self excluded), the self rating beside it, the gap between\n"
             "them (blind-spot: self higher by policy self-gap or more; hidden-strength:\n"
             "lower), the change since the previous cycle, and pillar and overall\n"
             "scores from the others' means. Drafts never count. People by id, cycles\n"
             "in order.\n",
    .min_operands = 1, .max_operands = -1, .operand_name = "PATH",
};

int cmd_growth(int argc, char **argv)
{
    const char *person_id = NULL, *format = "table";
    int keep_going = 0, first;
    const struct cli_option options[] = {
        CLI_VALUE("person", 'p', "ID", &person_id, NULL, "only this person"),
        CLI_OPT_FORMAT(&format),
        CLI_OPT_KEEP_GOING(&keep_going, "go on with the rest"),
    };
    int rc = cli_parse(&growth_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;
    enum cli_format fmt;
    if ((rc = cli_parse_format("growth", format, &fmt)) != EXIT_OK)
        return rc;
    struct cli_growth_run run;
    long person = -1;
    rc = cli_growth(&run, "growth", keep_going, argv + first, argc - first);
    if (rc == EXIT_OK)
        rc = cli_growth_person(&run, person_id, &person);
    if (rc == EXIT_OK) {
        struct sw_buf out = SW_BUF_INIT;
        struct sw_errors errs;
        sw_errors_init(&errs);
        const struct sw_growth *g = run.growth;
        int failed = fmt == CLI_JSON  ? sw_growth_json(g, person, &out, &errs)
                     : fmt >= CLI_CSV ? sw_growth_csv(g, person, CLI_CSV_MODE(fmt), &out, &errs)
                                      : sw_growth_table(g, person, &out, &errs);
        struct cli_run plain = { NULL, NULL, run.exit_code };
        rc = cli_finish_output(&plain, &out, failed, &errs);
    }
    cli_growth_release(&run);
    return rc;
}
