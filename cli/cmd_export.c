/* cmd_export.c - scorewheel export: the hiring committee's workbook (XLSX). */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "audit.h"
#include "cli.h"
#include "options.h"
#include "xlsx.h"

static const struct cli_command export_command = {
    .name = "export",
    .synopsis = "-o FILE.xlsx [--level ID] [--anonymize]\n"
                "[--sheets N] [--keep-going] [--adjusted] [--demographics FILE]\n"
                "[--quiet] PATH...",
    .about = "Writes the hiring committee's workbook: Summary (one row per candidate,\n"
             "ranked by overall), one sheet per candidate (competency table, wheel chart\n"
             "against the level's target, each interviewer's scores, the evidence and\n"
             "notes), Compare (wheels overlaid), Interviewers (calibration, reliability)\n"
             "and Data (long format for pivot tables). The file is replaced atomically.\n"
             "With --demographics, an Audit sheet too: the tables of 'scorewheel audit'\n"
             "(rule 16) and a chart of the impact ratios against the 0.8 line.\n"
             "With --people, the people workbook from assessments instead: Summary (each\n"
             "person's latest cycle, readiness for the next level, blind spots), a sheet\n"
             "per person (the rule-13 table of every cycle, a radar of others, self and\n"
             "the next level's target, a line chart across cycles) and Data.\n"
             "\n"
             "SOURCE_DATE_EPOCH, when set, is the export time shown and stored (for\n"
             "reproducible files); TMPDIR, when set, holds the scratch files, else /tmp\n"
             "does. The workbook is written beside FILE.xlsx and appears only complete.\n",
    .min_operands = 1, .max_operands = -1,
    .operand_name = "PATH", .operand_complete = "@files",
};

/* The name of the folder of PATH (PATH itself when it is a folder); NULL
 * when it cannot be resolved. Caller frees. */
static char *requisition_of(const char *path)
{
    char *full = realpath(path, NULL);
    if (!full)
        return NULL;
    struct stat st;
    if (stat(full, &st) == 0 && !S_ISDIR(st.st_mode)) {
        char *slash = strrchr(full, '/');
        if (slash && slash != full)
            *slash = '\0';
    }
    char *name = strdup(basename(full));
    free(full);
    return name;
}

/* A count: decimal digits only (no sign, no spaces), at most max. 0 or -1. */
static int parse_count(const char *s, unsigned long long max, unsigned long long *v)
{
    char *end;
    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    *v = strtoull(s, &end, 10);
    return *end || errno || *v > max ? -1 : 0;
}

/* The export time: $SOURCE_DATE_EPOCH, else now. EXIT_USAGE when malformed. */
static int export_time(time_t *t)
{
    return cli_now("export", t);
}

/* $SCOREWHEEL_DATA_ROWS: rows per Data sheet (default and most: a sheet's). */
static int data_rows(size_t *n)
{
    const char *s = getenv("SCOREWHEEL_DATA_ROWS");
    unsigned long long v;
    *n = 0;
    if (!s || !*s)
        return EXIT_OK;
    if (parse_count(s, SW_XLSX_DATA_ROWS, &v) < 0 || v == 0)
        return diag_usage("export", "SCOREWHEEL_DATA_ROWS '%s' is not a number of rows from 1 "
                          "to %zu", s, SW_XLSX_DATA_ROWS);
    *n = (size_t)v;
    return EXIT_OK;
}

/* --sheets: a count, or "all". */
static int parse_sheets(const char *s, size_t *n)
{
    unsigned long long v;
    if (strcmp(s, "all") == 0) {
        *n = SW_XLSX_EVERY_CANDIDATE;
        return EXIT_OK;
    }
    if (parse_count(s, SW_XLSX_EVERY_CANDIDATE - 1, &v) < 0)
        return diag_usage("export", "--sheets '%s' is not a number of sheets (or 'all')", s);
    *n = (size_t)v;
    return EXIT_OK;
}

/* Large requisitions stream one temporary file per sheet: allow what the
 * system allows. */
static void raise_open_files(void)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
}

/* libxlsxwriter's constant-memory mode callocs a 128 KiB row buffer per
 * sheet and uses one page of it. glibc raises its mmap threshold after the
 * first large free, and the buffers then come zeroed from the heap: 2,000
 * candidates cost 260 MB instead of 8. Pinning the threshold before loading
 * keeps them mapped lazily, and large parse buffers off the heap. */
static void keep_large_blocks_mapped(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

static void say_written(const char *output, const struct sw_xlsx_result *res)
{
    struct sw_buf note = SW_BUF_INIT;
    if (res->candidate_sheets < res->candidates) {
        sw_buf_adds(&note, " (");
        sw_xlsx_say_sheets(res->candidate_sheets, &note);
        sw_buf_addc(&note, ')');
    }
    cli_progress_note("wrote %s: %zu candidate%s, %zu scorecard%s%s", output, res->candidates,
                      res->candidates == 1 ? "" : "s", res->scorecards,
                      res->scorecards == 1 ? "" : "s", sw_buf_str(&note));
    sw_buf_release(&note);
}

/* --sheets, -o, the export time, $TMPDIR and $SCOREWHEEL_DATA_ROWS into
 * opt, checked in that order. EXIT_OK or the exit code, said. */
static int export_settings(struct sw_xlsx_options *opt, const char *output, const char *sheets)
{
    if (parse_sheets(sheets, &opt->candidate_sheets) != EXIT_OK)
        return EXIT_USAGE;
    if (!output || !*output)
        return diag_usage("export", "no output file: give -o FILE.xlsx");
    if (strcmp(output, "-") == 0)
        return diag_usage("export", "a workbook cannot go to standard output: give -o FILE.xlsx");
    int rc = export_time(&opt->created);
    if (rc != EXIT_OK)
        return rc;
    const char *tmpdir = getenv("TMPDIR");
    opt->tmpdir = tmpdir && *tmpdir ? tmpdir : NULL;
    return data_rows(&opt->data_rows);
}

/* Writes run's committee workbook to output with the options `base`, named
 * after the folder of `path`, with a progress line; says where unless quiet.
 * Returns the exit code: the run's when written, else the error's (said). */
static int write_workbook(const struct cli_run *run, const char *output, const char *path,
                          const struct sw_xlsx_options *base, int quiet,
                          struct sw_errors *errs)
{
    int rc;
    struct sw_xlsx_options opt = *base;
    char *req = requisition_of(path);
    opt.requisition = req;
    raise_open_files();
    struct sw_xlsx_result res;
    struct cli_progress progress;
    cli_progress_start(&progress, "wrote", "sheets", "packing the workbook");
    opt.progress = progress.enabled ? cli_progress_show : NULL;
    opt.progress_ctx = &progress;
    int failed = sw_xlsx_write(run->aggregate, output, &opt, &res, errs) < 0;
    cli_progress_end(&progress);
    if (failed) {
        diag_print(errs);
        rc = diag_exit_code(errs);
        if (rc == EXIT_OK)
            rc = EXIT_SYSTEM;
    } else {
        if (!quiet)
            say_written(output, &res);
        rc = run->exit_code;
    }
    free(req);
    return rc;
}

/* --demographics: rule 16 over run's aggregate into opt->audit (with the
 * severity fit it needs in *sev when --adjusted did not make one). EXIT_OK
 * or the exit code, said. */
static int audit_for_export(const struct cli_run *run, const char *path,
                            struct sw_demographics **d, struct sw_severity **sev,
                            struct sw_audit **au, struct sw_errors *errs)
{
    if (!path)
        return EXIT_OK;
    *d = sw_demographics_load(path, errs);
    if (*d && !*sev)
        *sev = sw_severity_fit(run->aggregate, errs);
    if (*d && *sev)
        *au = sw_audit_new(run->aggregate, *d, *sev, errs);
    if (*au)
        return EXIT_OK;
    diag_print(errs);
    return diag_exit_code(errs);
}

int cmd_export(int argc, char **argv)
{
    const char *output = NULL, *level = NULL, *sheets = "all", *demographics = NULL;
    int keep_going = 0, quiet = 0, adjusted = 0, people = 0, first;
    struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
    const struct cli_option options[] = {
        CLI_VALUE("output", 'o', "FILE", &output, "@files", "the workbook to write (required)"),
        CLI_OPT_LEVEL(&level),
        CLI_FLAG("anonymize", 'a', &opt.anonymize,
                 "Candidate A, B... instead of names, names in the\n"
                 "evidence replaced too"),
        CLI_FLAG("people", 'p', &people,
                 "the people workbook (assessments), not the committee's"),
        CLI_VALUE("sheets", 's', "N", &sheets, NULL,
                  "candidate sheets for the first N candidates of\n"
                  "Summary only (default: all); the others keep their\n"
                  "rows in Summary, Compare and Data"),
        CLI_OPT_KEEP_GOING(&keep_going, "export the rest"),
        CLI_FLAG("adjusted", 0, &adjusted,
                 "add severity-adjusted scores beside the raw ones\n"
                 "(rule 11): Summary's adjusted overall, each sheet's\n"
                 "adjusted means, each interviewer's adjustment +- SE"),
        CLI_VALUE("demographics", 'd', "FILE", &demographics, "@files",
                  "add the Audit sheet (rule 16) from this demographics\n"
                  "file (scorewheel-demographics(5))"),
        CLI_FLAG("quiet", 'q', &quiet,
                 "do not say where the workbook was written (as the\n"
                 "global -q)"),
    };
    int rc = cli_parse(&export_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;
    if ((rc = export_settings(&opt, output, sheets)) != EXIT_OK)
        return rc;
    if (people && (level || opt.anonymize || adjusted || demographics ||
                   opt.candidate_sheets != SW_XLSX_EVERY_CANDIDATE))
        return diag_usage("export", "--people takes no --level, --anonymize, --adjusted, "
                                    "--demographics or --sheets");
    if (people)
        return cli_export_people(output, &opt, keep_going, quiet || cli_quiet, argv + first,
                                 argc - first);

    if (demographics &&
        (rc = cli_demographics_apart("export", demographics, argv + first, argc - first)))
        return rc;
    keep_large_blocks_mapped();
    struct cli_run run;
    rc = cli_aggregate(&run, "export", level, keep_going, argv + first, argc - first);
    struct sw_severity *sev = NULL;
    struct sw_errors errs;
    sw_errors_init(&errs);
    if (rc == EXIT_OK && adjusted && !(sev = sw_severity_fit(run.aggregate, &errs))) {
        diag_print(&errs);
        rc = diag_exit_code(&errs);
    }
    opt.severity = sev;
    struct sw_demographics *demo = NULL;
    struct sw_audit *au = NULL;
    if (rc == EXIT_OK)
        rc = audit_for_export(&run, demographics, &demo, &sev, &au, &errs);
    opt.audit = au;
    if (rc == EXIT_OK)
        rc = write_workbook(&run, output, argv[first], &opt, quiet || cli_quiet, &errs);
    sw_errors_release(&errs);
    sw_audit_free(au);
    sw_demographics_free(demo);
    sw_severity_free(sev);
    cli_run_release(&run);
    return rc;
}
