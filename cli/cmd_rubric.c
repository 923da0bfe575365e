/* cmd_rubric.c - scorewheel rubric: show the rubric in use. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "options.h"
#include "rubric_text.h"

static const struct cli_command rubric_command = {
    .name = "rubric",
    .synopsis = "[--format table|json | --ids KIND]",
    .about = "Shows the rubric in use: its scale, pillars and competencies with each\n"
             "level's target, the levels' hire bars, the decision policy, the interviews\n"
             "and what they probe, and the archetypes.\n",
};

int cmd_rubric(int argc, char **argv)
{
    const char *format = NULL, *ids = NULL;
    int first;
    const struct cli_option options[] = {
        CLI_VALUE("format", 'f', "FORMAT", &format, "table json", "table (default) or json"),
        CLI_VALUE("ids", 0, "KIND", &ids, "pillars competencies levels interviews questions "
                  "archetypes",
                  "only the ids of one kind, one per line, in rubric\n"
                  "order (for scripts and shell completion); KIND is\n"
                  "pillars, competencies, levels, interviews,\n"
                  "questions or archetypes"),
    };
    int rc = cli_parse(&rubric_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;
    if (format && ids)
        return diag_usage("rubric", "--ids and --format cannot be combined");
    if (!format)
        format = "table";
    if (strcmp(format, "table") != 0 && strcmp(format, "json") != 0)
        return diag_usage("rubric", "unknown format '%s' (use table or json)", format);
    int kind = ids ? sw_id_kind_parse(ids) : -1;
    if (ids && kind < 0)
        return diag_usage("rubric", "unknown kind '%s' for --ids (use pillars, competencies, "
                          "levels, interviews, questions or archetypes)", ids);

    rc = EXIT_OK;
    struct sw_rubric *r = cli_load_rubric(&rc);
    if (!r)
        return rc;
    struct sw_buf out = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    if (ids && sw_rubric_ids(r, (enum sw_id_kind)kind, "\n", &out) == 0 && out.len)
        sw_buf_addc(&out, '\n');
    int failed = ids ? (out.failed ? sw_buf_fail(&out, &errs, "list") : 0)
                 : strcmp(format, "json") == 0 ? sw_rubric_json(r, &out, &errs)
                 : sw_rubric_table(r, &out, &errs);
    if (failed < 0) {
        diag_print(&errs);
        rc = EXIT_SYSTEM;
    } else {
        rc = cli_write_stdout(out.data, out.len);
    }
    sw_errors_release(&errs);
    sw_buf_release(&out);
    sw_rubric_free(r);
    return rc;
}
