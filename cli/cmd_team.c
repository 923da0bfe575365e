/* cmd_team.c - scorewheel team: complementary hiring against a team's profile. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options.h"
#include "team.h"

static const struct cli_command team_command = {
    .name = "team",
    .synopsis = "--members PATH [--members PATH...]\n"
                "[--bar VALUE] [--format FORMAT] [--keep-going]\n"
                "[--adjusted] PATH...",
    .about = "Ranks the candidates under the PATHs by what each would add to a team. The\n"
             "members' assessments (scorecards whose `candidate` names the member) are\n"
             "aggregated like candidates'; the team's profile is its best member score\n"
             "per competency, and a gap is a competency below the bar or not covered.\n"
             "A candidate's gain is how far their means rise above the team's profile,\n"
             "averaged over all competencies; fills names the gaps they would close.\n",
    .min_operands = 1, .max_operands = -1,
    .operand_name = "PATH", .operand_complete = "@files",
};

static int write_team(const struct sw_team *t, const struct sw_aggregate *members,
                      const struct sw_aggregate *candidates, enum cli_format format,
                      const struct sw_severity *sev, struct sw_errors *errs)
{
    struct sw_buf out = SW_BUF_INIT;
    if (sev && format == CLI_TABLE)
        sw_severity_note(sev, &out);
    int color = cli_use_color(stdout);
    int failed = format == CLI_JSON ? sw_team_json(t, members, candidates, &out, errs)
                 : format >= CLI_CSV ? sw_team_csv(t, candidates, CLI_CSV_MODE(format), &out, errs)
                 : sw_team_table(t, members, candidates, color, &out, errs);
    int rc = EXIT_SYSTEM;
    if (failed < 0)
        diag_print(errs);
    else
        rc = cli_write_stdout(out.data, out.len);
    sw_buf_release(&out);
    return rc;
}

/* --bar VALUE: a finite number (the scale is checked once the rubric is read). */
static int parse_bar(const char *s, double *bar)
{
    char *end;
    *bar = NAN;
    if (!s)
        return EXIT_OK;
    *bar = strtod(s, &end);
    if (*s == '\0' || *end != '\0' || !isfinite(*bar))
        return diag_usage("team", "--bar takes a number, not '%s'", s);
    return EXIT_OK;
}

/* What team's command line says. */
struct team_args {
    struct cli_list members;
    double bar;                 /* NAN: the middle of the scale */
    enum cli_format format;
    int keep_going;
    int adjusted;               /* --adjusted: rule 11 over the candidates */
    int first;                  /* the first PATH in argv */
};

/* Parses argv into a; CLI_GO_ON, else the exit code. */
static int parse_team(int argc, char **argv, struct team_args *a)
{
    const char *bar = NULL, *format = "table";
    const struct cli_option options[] = {
        CLI_LIST("members", 'm', "PATH", &a->members, "@files",
                 "a member scorecard file or folder (repeatable)"),
        CLI_VALUE("bar", 'b', "VALUE", &bar, NULL,
                  "the bar for gaps (default: the middle of the scale)"),
        CLI_OPT_FORMAT_ROWS(&format, "candidate"),
        CLI_OPT_KEEP_GOING(&a->keep_going, "rank the rest"),
        CLI_FLAG("adjusted", 0, &a->adjusted,
                 "take each interviewer's severity out of the\n"
                 "candidates' scores (rule 11, fitted over the candidates)"),
    };
    int rc = cli_parse(&team_command, options, CLI_N(options), argc, argv, &a->first);
    if (rc != CLI_GO_ON)
        return rc;
    if ((rc = parse_bar(bar, &a->bar)) != EXIT_OK ||
        (rc = cli_parse_format("team", format, &a->format)) != EXIT_OK)
        return rc;
    if (a->members.n == 0)
        return diag_usage("team", "no --members given: name the team's assessments");
    return CLI_GO_ON;
}

int cmd_team(int argc, char **argv)
{
    struct team_args a = { .bar = NAN };
    int rc = parse_team(argc, argv, &a);
    if (rc != CLI_GO_ON) {
        cli_list_release(&a.members);
        return rc;
    }

    struct cli_run run;
    struct sw_aggregate *team = NULL;
    rc = cli_aggregate(&run, "team", NULL, a.keep_going, argv + a.first, argc - a.first);
    const struct sw_scale *scale = rc == EXIT_OK ? &run.rubric->scale : NULL;
    if (scale && !isnan(a.bar) && (a.bar < scale->min || a.bar > scale->max))
        rc = diag_usage("team", "--bar %g is off the scale %g to %g", a.bar, scale->min,
                        scale->max);
    struct sw_severity *sev = NULL;
    if (rc == EXIT_OK && a.adjusted)
        rc = cli_adjust(run.aggregate, &sev);
    if (rc == EXIT_OK)
        rc = cli_aggregate_paths(run.rubric, "team", SW_LEVEL_IGNORE, a.keep_going,
                                 a.members.items, (int)a.members.n, &team, &run.exit_code);
    if (rc == EXIT_OK) {
        struct sw_errors errs;
        sw_errors_init(&errs);
        struct sw_team *t = sw_team_new(team, run.aggregate, a.bar, &errs);
        if (!t) {
            diag_print(&errs);
            rc = EXIT_SYSTEM;
        } else {
            rc = write_team(t, team, run.aggregate, a.format, sev, &errs);
        }
        sw_team_free(t);
        sw_errors_release(&errs);
        if (rc == EXIT_OK)
            rc = run.exit_code;
    }
    sw_aggregate_free(team);
    sw_severity_free(sev);
    cli_run_release(&run);
    cli_list_release(&a.members);
    return rc;
}
