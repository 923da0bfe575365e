/* cmd_kit.c - scorewheel kit: the interviewer's kit for one interview. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "entry_args.h"
#include "kit.h"

static const char usage_text[] =
    "usage: scorewheel [--rubric FILE] kit --interview ID [--format text|md]\n"
    "\n"
    "Prints the interviewer's kit for one interview: its name and duration, the\n"
    "scale, every question with the competencies it measures and their weights,\n"
    "what each competency looks like at the scale's anchors, and space for the\n"
    "rating and notes. Print it, or keep it open beside the interview.\n"
    "\n"
    "  -i, --interview ID    the interview (see 'scorewheel rubric')\n"
    "  -f, --format FORMAT   text (default, 78 columns) or md (Markdown)\n"
    "  -h, --help            this text\n";

static int print_kit(const struct sw_rubric *r, const char *interview_id,
                     enum sw_kit_format format)
{
    struct entry_args a = { .interview = interview_id };
    size_t interview;
    long level;
    int rc = entry_resolve("kit", r, &a, &interview, &level);
    if (rc != EXIT_OK)
        return rc;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_buf out = SW_BUF_INIT;
    if (sw_kit(r, interview, format, &out, &errs) == 0)
        rc = cli_write_stdout(out.data, out.len);
    else
        diag_print(&errs), rc = diag_exit_code(&errs);
    sw_buf_release(&out);
    sw_errors_release(&errs);
    return rc;
}

int cmd_kit(int argc, char **argv)
{
    static const struct option options[] = {
        { "interview", required_argument, NULL, 'i' },
        { "format", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *interview = NULL, *format = "text";
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+:i:f:h", options, NULL)) != -1) {
        switch (c) {
        case 'i': interview = optarg; break;
        case 'f': format = optarg; break;
        case 'h': fputs(usage_text, stdout); return EXIT_OK;
        case ':': return diag_usage("kit", "option '%s' needs a value", argv[optind - 1]);
        default: return diag_usage("kit", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return diag_usage("kit", "unexpected argument '%s'", argv[optind]);
    if (!interview)
        return diag_usage("kit", "option '--interview ID' is required");
    int markdown = strcmp(format, "md") == 0 || strcmp(format, "markdown") == 0;
    if (!markdown && strcmp(format, "text") != 0)
        return diag_usage("kit", "unknown format '%s' (use text or md)", format);
    int rc;
    struct sw_rubric *r = cli_load_rubric(&rc);
    if (!r)
        return rc;
    rc = print_kit(r, interview, markdown ? SW_KIT_MARKDOWN : SW_KIT_TEXT);
    sw_rubric_free(r);
    return rc;
}
