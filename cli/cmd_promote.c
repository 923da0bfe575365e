/* cmd_promote.c - scorewheel promote: who is ready for a level, and why. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "growth_load.h"
#include "options.h"
#include "promote.h"

static const struct cli_command promote_command = {
    .name = "promote",
    .synopsis = "--to LEVEL [--cycle ID] [--cycles N]\n"
                "[--format FORMAT] [--keep-going] PATH...",
    .about = "Readiness of every assessed person for level LEVEL, on their latest cycle\n"
             "(or --cycle): insufficient-evidence (fewer non-self assessors than policy\n"
             "min-assessors, or a competency nobody rated), not-ready (a competency of\n"
             "an individual pillar below its target, overall below the level's\n"
             "hire-bar, or more than policy max-gaps competencies of the other pillars\n"
             "a policy gap or more below target) or ready. With --cycles N, ready only\n"
             "when ready in each of the person's last N cycles. Self ratings are shown,\n"
             "never counted.\n",
    .min_operands = 1, .max_operands = -1, .operand_name = "PATH",
};

static int parse_cycles(const char *text, size_t *cycles)
{
    char *end;
    long n = text ? strtol(text, &end, 10) : 1;
    if (text && (*end || end == text || n < 1 || n > 1000))
        return diag_usage("promote", "--cycles takes a number from 1 to 1000, not '%s'", text);
    *cycles = (size_t)n;
    return EXIT_OK;
}

int cmd_promote(int argc, char **argv)
{
    const char *to = NULL, *cycle = NULL, *cycles_text = NULL, *format = "table";
    int keep_going = 0, first;
    const struct cli_option options[] = {
        CLI_VALUE("to", 't', "LEVEL", &to, "@ids levels", "the level to be ready for"),
        CLI_VALUE("cycle", 'c', "ID", &cycle, NULL,
                  "judge on this cycle (default: each person's latest)"),
        CLI_VALUE("cycles", 'n', "N", &cycles_text, NULL,
                  "ready only if ready in each of the last N cycles"),
        CLI_OPT_FORMAT(&format),
        CLI_OPT_KEEP_GOING(&keep_going, "go on with the rest"),
    };
    int rc = cli_parse(&promote_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;
    if (!to)
        return diag_usage("promote", "no --to LEVEL given");
    enum cli_format fmt;
    size_t cycles = 1;
    if ((rc = cli_parse_format("promote", format, &fmt)) != EXIT_OK ||
        (rc = parse_cycles(cycles_text, &cycles)) != EXIT_OK)
        return rc;
    struct cli_growth_run run;
    rc = cli_growth(&run, "promote", keep_going, argv + first, argc - first);
    long level = -1;
    if (rc == EXIT_OK)
        rc = cli_level_index(run.rubric, "promote", to, &level);
    if (rc == EXIT_OK) {
        struct sw_buf out = SW_BUF_INIT;
        size_t L = (size_t)level;
        struct sw_errors errs;
        sw_errors_init(&errs);
        const struct sw_growth *g = run.growth;
        int failed = fmt == CLI_JSON  ? sw_promote_json(g, L, cycle, cycles, &out, &errs)
                     : fmt >= CLI_CSV ? sw_promote_csv(g, L, cycle, cycles, CLI_CSV_MODE(fmt),
                                                       &out, &errs)
                                      : sw_promote_table(g, L, cycle, cycles, &out, &errs);
        struct cli_run plain = { NULL, NULL, run.exit_code };
        rc = cli_finish_output(&plain, &out, failed, &errs);
    }
    cli_growth_release(&run);
    return rc;
}
