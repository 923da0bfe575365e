/* main.c - the scorewheel program: global options, then one command. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "xml.h"

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
};

static const struct command commands[] = {
    { "kit", cmd_kit, "the interviewer's kit for one interview (text or Markdown)" },
    { "new", cmd_new, "write a blank draft scorecard to fill in an editor" },
    { "score", cmd_score, "enter a scorecard question by question, saved as you go" },
    { "validate", cmd_validate, "check rubrics and scorecards (schema and meaning)" },
    { "report", cmd_report, "one packet per candidate: scores, gaps, flags, decision" },
    { "compare", cmd_compare, "candidates side by side, ranked" },
    { "calibrate", cmd_calibrate, "interviewer leniency and inter-rater reliability" },
    { "export", cmd_export, "the hiring committee's workbook (XLSX) with wheel charts" },
    { "team", cmd_team, "rank candidates by what they add to a team's profile" },
    { "wheel", cmd_wheel, "draw one candidate's competency wheel as SVG" },
    { "serve", cmd_serve, "the web app: scorecards in the browser, sign-in, roles" },
    { "people", cmd_people, "who may sign in to serve: add, revoke, list" },
    { "rubric", cmd_rubric, "show the rubric: pillars, competencies, levels, interviews" },
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *f)
{
    fprintf(f, "usage: scorewheel [--rubric FILE] [-j N] [-q] COMMAND [OPTIONS] [PATH...]\n"
               "\n"
               "Competency-based interview scorecards: validate, aggregate, compare,\n"
               "calibrate and export for the hiring committee.\n"
               "\n"
               "Commands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\n"
               "Options:\n"
               "  --rubric FILE  the rubric to use (default: $SCOREWHEEL_RUBRIC, else the\n"
               "                 installed or in-tree rubrics/tpm.xml)\n"
               "  -j, --jobs N   read files with N threads (default: the number of cores)\n"
               "  -q, --quiet    no progress line on the terminal\n"
               "  --help         this text; 'scorewheel COMMAND --help' for a command\n"
               "  --version      the program's version\n"
               "\n"
               "Exit status: 0 success, 1 invalid input data, 2 usage error, 3 I/O or\n"
               "system error. See scorewheel(1).\n");
}

static const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

int main(int argc, char **argv)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(stdout);
            return EXIT_OK;
        }
        if (strcmp(arg, "--version") == 0) {
            printf("scorewheel %s\n", SW_VERSION);
            return EXIT_OK;
        }
        if (strncmp(arg, "-j", 2) == 0 || strcmp(arg, "--jobs") == 0 ||
            strncmp(arg, "--jobs=", 7) == 0) {
            const char *value = strncmp(arg, "--jobs=", 7) == 0 ? arg + 7
                                : strcmp(arg, "--jobs") != 0 && arg[2] ? arg + 2
                                : i + 1 < argc ? argv[++i] : NULL;
            char *end;
            long n = value ? strtol(value, &end, 10) : 0;
            if (!value || *end || n < 1 || n > 16)
                return diag_usage(NULL, "-j takes a number of threads from 1 to 16");
            cli_jobs = (unsigned)n;
        } else if (strcmp(arg, "-q") == 0 || strcmp(arg, "--quiet") == 0) {
            cli_quiet = 1;
        } else if (strcmp(arg, "--rubric") == 0) {
            if (i + 1 >= argc)
                return diag_usage(NULL, "option '--rubric' needs a FILE");
            cli_rubric_option = argv[++i];
        } else if (strncmp(arg, "--rubric=", 9) == 0) {
            cli_rubric_option = arg + 9;
        } else {
            return diag_usage(NULL, "unknown option '%s'", arg);
        }
    }
    if (cli_jobs == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        cli_jobs = cores < 1 ? 1 : cores > 16 ? 16 : (unsigned)cores;
    }
    if (i >= argc) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const struct command *cmd = find_command(argv[i]);
    if (!cmd)
        return diag_usage(NULL, "'%s' is not a command", argv[i]);
    int rc = cmd->run(argc - i, argv + i);
    if (fflush(stdout) != 0 && rc == EXIT_OK) {
        perror("scorewheel: error: cannot write output");
        rc = EXIT_SYSTEM;
    }
    sw_xml_cleanup();
    return rc;
}
