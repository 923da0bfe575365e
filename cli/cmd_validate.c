/* cmd_validate.c - scorewheel validate: check rubrics and scorecards. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "document.h"
#include "files.h"
#include "load.h"

static const char usage_text[] =
    "usage: scorewheel [--rubric FILE] validate [--quiet] PATH...\n"
    "\n"
    "Checks each rubric and scorecard: well-formed, hardened XML (no DOCTYPE,\n"
    "at most 16 MiB), the schema, then the meaning (ids, references, values on\n"
    "the scale and its step). Scorecards are checked against the rubric in use.\n"
    "A folder is read recursively for *.xml files. Every problem is printed as\n"
    "FILE:LINE: error: MESSAGE, then a summary line.\n"
    "\n"
    "  -q, --quiet   print problems only, no summary\n"
    "  -h, --help    this text\n"
    "\n"
    "Exit status: 0 all valid, 1 some file invalid, 2 usage, 3 I/O error.\n";

/* What validate has found so far. */
struct checked {
    size_t invalid;
    int worst;      /* exit code */
};

/* Prints a file's problems as they come, in path order (load.h). */
static void report_file(void *ctx, const char *path, struct sw_document *doc, int failed,
                        struct sw_errors *errs)
{
    (void)path;
    (void)doc;
    struct checked *c = ctx;
    if (!failed)
        return;
    c->invalid++;
    diag_print(errs);
    int code = diag_exit_code(errs);
    c->worst = code > c->worst ? code : c->worst;
}

int cmd_validate(int argc, char **argv)
{
    static const struct option options[] = {
        { "quiet", no_argument, NULL, 'q' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int quiet = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+qh", options, NULL)) != -1) {
        switch (c) {
        case 'q': quiet = 1; break;
        case 'h': fputs(usage_text, stdout); return EXIT_OK;
        default: return diag_usage("validate", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return diag_usage("validate", "no PATH given");

    int rc = EXIT_OK;
    struct sw_rubric *rubric = cli_load_rubric(&rc);
    if (!rubric)
        return rc;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_paths paths;
    sw_paths_init(&paths);
    for (int i = optind; i < argc; i++)
        sw_paths_collect(&paths, argv[i], &errs);
    diag_print(&errs);
    int worst = diag_exit_code(&errs);
    sw_errors_release(&errs);

    struct checked checked = { 0, worst };
    if (sw_load_files(rubric, paths.items, paths.count, 0, cli_jobs ? cli_jobs : 1, report_file,
                      NULL, &checked) < 0) {
        fputs("scorewheel: error: out of memory\n", stderr);
        checked.worst = EXIT_SYSTEM;
    }
    size_t invalid = checked.invalid;
    worst = checked.worst;
    if (!quiet)
        printf("%zu file%s, %zu invalid\n", paths.count, paths.count == 1 ? "" : "s", invalid);
    sw_paths_release(&paths);
    sw_rubric_free(rubric);
    return worst;
}
