/* new_assessment.c - scorewheel new --assessment: a blank draft assessment
 * to fill in an editor. */
#include <stdlib.h>
#include <string.h>

#include "assess_args.h"
#include "cli.h"
#include "entry.h"
#include "entry_args.h"

static const struct cli_command new_assessment_command = {
    .name = "new",
    .synopsis = "--assessment --person ID [--assessor ID]\n"
                "[--relation REL] --cycle ID [--level ID] [--name TEXT]\n"
                "[-o FILE|-] [--force]",
    .about = "Writes a draft assessment of one person for one review cycle: one empty\n"
             "rating per competency of the rubric, each after a comment with its\n"
             "description and what it looks like at the scale's anchors. Fill it in\n"
             "with an editor, set status=\"submitted\", and check it with 'scorewheel\n"
             "validate'. Prints the file's name. An existing file is never replaced\n"
             "without --force. 'scorewheel assess' asks the same one competency at a\n"
             "time.\n",
    .min_operands = 0, .max_operands = 0, .operand_name = NULL,
};

static int make_draft(const struct sw_rubric *r, const struct assess_args *a,
                      enum sw_relation relation)
{
    struct sw_form f;
    int rc = assess_blank("new", r, a, relation, &f);
    return rc == EXIT_OK ? entry_write_new(&f, a->output, a->force) : rc;
}

int cli_new_assessment(int argc, char **argv)
{
    struct assess_args a;
    memset(&a, 0, sizeof a);
    const struct cli_option options[] = {
        CLI_FLAG("assessment", 0, &a.assessment, "an assessment, not a scorecard"),
        ASSESS_OPTIONS(&a, "replace the file if it exists"),
    };
    int first;
    int rc = cli_parse(&new_assessment_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;
    enum sw_relation relation;
    if ((rc = assess_check("new", &a, &relation)) != EXIT_OK)
        return rc;
    struct sw_rubric *r = cli_load_rubric(&rc);
    if (!r)
        return rc;
    rc = make_draft(r, &a, relation);
    sw_rubric_free(r);
    return rc;
}
