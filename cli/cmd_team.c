/* cmd_team.c - scorewheel team: complementary hiring against a team's profile. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "team.h"

static const char usage_text[] =
    "usage: scorewheel [--rubric FILE] team --members PATH [--members PATH...] [--bar VALUE]\n"
    "                  [--format FORMAT] [--keep-going] PATH...\n"
    "\n"
    "Ranks the candidates under the PATHs by what each would add to a team. The\n"
    "members' assessments (scorecards whose `candidate` names the member) are\n"
    "aggregated like candidates'; the team's profile is its best member score\n"
    "per competency, and a gap is a competency below the bar or not covered.\n"
    "A candidate's gain is how far their means rise above the team's profile,\n"
    "averaged over all competencies; fills names the gaps they would close.\n"
    "\n"
    "  -m, --members PATH    a member scorecard file or folder (repeatable)\n"
    "  -b, --bar VALUE       the bar for gaps (default: the middle of the scale)\n"
    "  -f, --format FORMAT   table (default), json, csv (one row per candidate) or\n"
    "                        csv-raw (text exactly as in the files)\n"
    "  -k, --keep-going      report invalid files, rank the rest (exit 1)\n"
    "  -h, --help            this text\n";

static int write_team(const struct sw_team *t, const struct sw_aggregate *members,
                      const struct sw_aggregate *candidates, enum cli_format fmt)
{
    struct sw_buf out = SW_BUF_INIT;
    int failed = fmt == CLI_JSON ? sw_team_json(t, members, candidates, &out)
                 : fmt >= CLI_CSV ? sw_team_csv(t, candidates, CLI_CSV_MODE(fmt), &out)
                 : sw_team_table(t, members, candidates, cli_use_color(stdout), &out);
    int rc = EXIT_SYSTEM;
    if (failed < 0)
        fprintf(stderr, "scorewheel: error: out of memory\n");
    else
        rc = cli_write_stdout(out.data, out.len);
    sw_buf_release(&out);
    return rc;
}

int cmd_team(int argc, char **argv)
{
    static const struct option options[] = {
        { "members", required_argument, NULL, 'm' },
        { "bar", required_argument, NULL, 'b' },
        { "format", required_argument, NULL, 'f' },
        { "keep-going", no_argument, NULL, 'k' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *format = "table";
    char **members = calloc((size_t)argc + 1, sizeof *members);
    int n_members = 0, keep_going = 0, c;
    double bar = NAN;
    if (!members)
        return EXIT_SYSTEM;
    optind = 1;
    opterr = 0;
    int rc = EXIT_OK;
    while (rc == EXIT_OK && (c = getopt_long(argc, argv, "+:m:b:f:kh", options, NULL)) != -1) {
        char *end;
        switch (c) {
        case 'm': members[n_members++] = optarg; break;
        case 'b':
            bar = strtod(optarg, &end);
            if (*optarg == '\0' || *end != '\0' || !isfinite(bar))
                rc = diag_usage("team", "--bar takes a number, not '%s'", optarg);
            break;
        case 'f': format = optarg; break;
        case 'k': keep_going = 1; break;
        case 'h': fputs(usage_text, stdout); free(members); return EXIT_OK;
        case ':': rc = diag_usage("team", "option '%s' needs a value", argv[optind - 1]); break;
        default: rc = diag_usage("team", "unknown option '%s'", argv[optind - 1]); break;
        }
    }
    enum cli_format fmt = CLI_TABLE;
    if (rc == EXIT_OK)
        rc = cli_parse_format("team", format, &fmt);
    if (rc == EXIT_OK && n_members == 0)
        rc = diag_usage("team", "no --members given: name the team's assessments");
    if (rc != EXIT_OK) {
        free(members);
        return rc;
    }

    struct cli_run run;
    struct sw_aggregate *team = NULL;
    rc = cli_aggregate(&run, "team", NULL, keep_going, argv + optind, argc - optind);
    if (rc == EXIT_OK && !isnan(bar) && (bar < run.rubric->scale.min || bar > run.rubric->scale.max))
        rc = diag_usage("team", "--bar %g is off the scale %g to %g", bar, run.rubric->scale.min,
                        run.rubric->scale.max);
    if (rc == EXIT_OK)
        rc = cli_aggregate_paths(run.rubric, "team", SW_LEVEL_IGNORE, keep_going, members,
                                 n_members, &team, &run.exit_code);
    if (rc == EXIT_OK) {
        struct sw_team *t = sw_team_new(team, run.aggregate, bar);
        if (!t) {
            fprintf(stderr, "scorewheel: error: out of memory\n");
            rc = EXIT_SYSTEM;
        } else {
            rc = write_team(t, team, run.aggregate, fmt);
        }
        sw_team_free(t);
        if (rc == EXIT_OK)
            rc = run.exit_code;
    }
    sw_aggregate_free(team);
    cli_run_release(&run);
    free(members);
    return rc;
}
