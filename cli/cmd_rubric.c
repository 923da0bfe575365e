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

static const char *const id_kinds[] = {
    "pillars", "competencies", "levels", "interviews", "questions", "archetypes",
};
#define N_ID_KINDS (sizeof id_kinds / sizeof id_kinds[0])

static int id_kind(const char *name)
{
    for (size_t i = 0; i < N_ID_KINDS; i++)
        if (strcmp(name, id_kinds[i]) == 0)
            return (int)i;
    return -1;
}

/* The id of item i of kind k; NULL past the last. */
static const char *id_at(const struct sw_rubric *r, int k, size_t i)
{
    switch (k) {
    case 0: return i < r->n_pillars ? r->pillars[i].id : NULL;
    case 1: return i < r->n_competencies ? r->competencies[i].id : NULL;
    case 2: return i < r->n_levels ? r->levels[i].id : NULL;
    case 3: return i < r->n_interviews ? r->interviews[i].id : NULL;
    case 4: return i < r->n_questions ? r->questions[i].id : NULL;
    default: return i < r->n_archetypes ? r->archetypes[i].id : NULL;
    }
}

static int add_ids(const struct sw_rubric *r, int kind, struct sw_buf *out)
{
    const char *id;
    for (size_t i = 0; (id = id_at(r, kind, i)); i++) {
        sw_buf_adds(out, id);
        sw_buf_addc(out, '\n');
    }
    return out->failed ? -1 : 0;
}

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
    int kind = ids ? id_kind(ids) : -1;
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
    int failed = ids ? (add_ids(r, kind, &out) < 0 ? sw_buf_fail(&out, &errs, "list") : 0)
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
