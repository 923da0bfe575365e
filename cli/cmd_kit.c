/* cmd_kit.c - scorewheel kit: the interviewer's kit for one interview. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "entry_args.h"
#include "kit.h"
#include "options.h"

static const struct cli_command kit_command = {
    .name = "kit",
    .synopsis = "--interview ID [--format text|md]",
    .about = "Prints the interviewer's kit for one interview: its name and duration, the\n"
             "scale, every question with the competencies it measures and their weights,\n"
             "what each competency looks like at the scale's anchors, and space for the\n"
             "rating and notes. Print it, or keep it open beside the interview.\n",
};

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
    const char *interview = NULL, *format = "text";
    const struct cli_option options[] = {
        CLI_VALUE("interview", 'i', "ID", &interview, "@ids interviews",
                  "the interview (see 'scorewheel rubric')"),
        CLI_VALUE("format", 'f', "FORMAT", &format, "text md",
                  "text (default, 78 columns) or md (Markdown)"),
    };
    int first;
    int rc = cli_parse(&kit_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;
    if (!interview)
        return diag_usage("kit", "option '--interview ID' is required");
    int markdown = strcmp(format, "md") == 0 || strcmp(format, "markdown") == 0;
    if (!markdown && strcmp(format, "text") != 0)
        return diag_usage("kit", "unknown format '%s' (use text or md)", format);
    struct sw_rubric *r = cli_load_rubric(&rc);
    if (!r)
        return rc;
    rc = print_kit(r, interview, markdown ? SW_KIT_MARKDOWN : SW_KIT_TEXT);
    sw_rubric_free(r);
    return rc;
}
