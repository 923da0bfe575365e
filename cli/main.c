/* main.c - the scorewheel program: global options, then one command. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "document.h"
#include "options.h"

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
    { "audit", cmd_audit, "adverse impact by group: rates, impact ratios, interviewer gaps" },
    { "export", cmd_export, "the hiring committee's workbook (XLSX) with wheel charts" },
    { "status", cmd_status, "who still owes which scorecard, and for how long" },
    { "remind", cmd_remind, "mail due reminders, digests and complete packets (cron)" },
    { "team", cmd_team, "rank candidates by what they add to a team's profile" },
    { "wheel", cmd_wheel, "draw one candidate's competency wheel as SVG" },
    { "assess", cmd_assess, "enter an assessment competency by competency, saved as you go" },
    { "growth", cmd_growth, "each person's wheel per review cycle: self, others, change" },
    { "promote", cmd_promote, "who is ready for a level, with the reasons" },
    { "serve", cmd_serve, "the web app: scorecards in the browser, sign-in, roles" },
    { "people", cmd_people, "who may sign in to serve: add, revoke, list" },
    { "rubric", cmd_rubric, "show the rubric: pillars, competencies, levels, interviews" },
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

/* OpenBLAS starts a pool of threads, one per core, as it loads (before main),
 * and they spin for a while on the cores the file readers want, though the fit
 * runs its BLAS on the calling thread (core/rules/severity.c). The pool's stop
 * is missing from OpenBLAS's headers and from its serial and OpenMP builds:
 * a weak reference, NULL there. */
extern int blas_thread_shutdown_(void) __attribute__((weak));

static void stop_blas_pool(void)
{
    if (blas_thread_shutdown_)
        blas_thread_shutdown_();
}

/* What --version and --list-commands printed reached stdout: else exit 3. */
static int printed(void)
{
    if (fflush(stdout) != 0 || ferror(stdout))
        return diag_error(EXIT_SYSTEM, NULL, "cannot write output: %s", strerror(errno));
    return EXIT_OK;
}

/* The commands as the program's --help lists them. */
static void print_commands(FILE *f)
{
    fputs("\nCommands:\n", f);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
}

static const struct cli_command program = {
    .name = NULL,
    .synopsis = "[--rubric FILE] [-j N] [-q] COMMAND [OPTIONS] [PATH...]",
    .about = "Competency-based interview scorecards: validate, aggregate, compare,\n"
             "calibrate and export for the hiring committee. 'scorewheel COMMAND --help'\n"
             "describes a command; scorewheel(1) is the manual.\n",
    .more_help = print_commands,
    .min_operands = 0, .max_operands = -1, .options_first = 1,
};

/* -j N: 1 to 16 threads; without it, the number of cores (at most 16). */
static int set_jobs(const char *value)
{
    if (value) {
        char *end;
        long n = strtol(value, &end, 10);
        if (!*value || *end || n < 1 || n > 16)
            return diag_usage(NULL, "-j takes a number of threads from 1 to 16, not '%s'",
                              value);
        cli_jobs = (unsigned)n;
    } else {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        cli_jobs = cores < 1 ? 1 : cores > 16 ? 16 : (unsigned)cores;
    }
    return EXIT_OK;
}

static const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int run_command(int argc, char **argv)
{
    const struct command *cmd = find_command(argv[0]);
    if (!cmd)
        return diag_usage(NULL, "'%s' is not a command", argv[0]);
    int rc = cmd->run(argc, argv);
    if (fflush(stdout) != 0 && rc == EXIT_OK)
        rc = diag_error(EXIT_SYSTEM, NULL, "cannot write output: %s", strerror(errno));
    return rc;
}

int main(int argc, char **argv)
{
    stop_blas_pool();
    const char *jobs = NULL;
    int version = 0, list_commands = 0, first;
    const struct cli_option options[] = {
        CLI_VALUE("rubric", 0, "FILE", &cli_rubric_option, "@files",
                  "the rubric to use (default: $SCOREWHEEL_RUBRIC, else the\n"
                  "installed or in-tree rubrics/tpm.xml)"),
        CLI_VALUE("jobs", 'j', "N", &jobs, NULL,
                  "read files with N threads, 1 to 16 (default: the cores)"),
        CLI_FLAG("quiet", 'q', &cli_quiet, "no progress line on the terminal"),
        CLI_FLAG("version", 0, &version, "the program's version"),
        /* For completion: each command and its summary, tab-separated. */
        CLI_FLAG("list-commands", 0, &list_commands, NULL),
    };
    int rc = cli_parse(&program, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;
    if (version) {
        printf("scorewheel %s\n", SW_VERSION);
        return printed();
    }
    if (list_commands) {
        for (size_t i = 0; i < N_COMMANDS; i++)
            printf("%s\t%s\n", commands[i].name, commands[i].summary);
        return printed();
    }
    if ((rc = set_jobs(jobs)) != EXIT_OK)
        return rc;
    if (first >= argc) {
        cli_print_help(stderr, &program, options, CLI_N(options));
        return EXIT_USAGE;
    }
    rc = run_command(argc - first, argv + first);
    sw_cleanup();
    return rc;
}
