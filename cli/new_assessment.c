/* new_assessment.c - scorewheel new --assessment: a blank draft assessment
 * to fill in an editor. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess_args.h"
#include "cli.h"
#include "entry.h"
#include "entry_args.h"
#include "files.h"

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

static int write_draft(const char *path, int force, const struct sw_buf *xml)
{
    if (strcmp(path, "-") == 0)
        return cli_write_stdout(xml->data, xml->len);
    int rc = entry_make_parent(path);
    if (rc != EXIT_OK)
        return rc;
    struct sw_errors errs;
    sw_errors_init(&errs);
    if (sw_write_atomic(path, xml->data, xml->len, force, &errs) == 0)
        printf("%s\n", path);
    diag_print(&errs);
    rc = diag_exit_code(&errs);
    sw_errors_release(&errs);
    return rc;
}

static int make_draft(const struct sw_rubric *r, const struct assess_args *a,
                      enum sw_relation relation)
{
    long level;
    int rc = cli_level_index(r, "new", a->level, &level);
    if (rc != EXIT_OK)
        return rc;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_buf name = SW_BUF_INIT, xml = SW_BUF_INIT;
    if (a->name)
        sw_entry_clean_text(a->name, strlen(a->name), &name);
    struct sw_assessment *s = name.failed ? NULL
        : sw_assessment_blank(r, a->person, a->assessor, relation, a->cycle, level,
                              sw_buf_str(&name), &errs);
    char *path = NULL;
    time_t now;
    if ((rc = cli_now("new", &now)) != EXIT_OK) {
        sw_assessment_free(s);
        sw_buf_release(&name);
        sw_errors_release(&errs);
        return rc;
    }
    if (s && sw_assessment_set_created(s, now) < 0) {
        sw_fail_oom(&errs, NULL);
    } else if (s && sw_assessment_xml(r, s, SW_ASSESSMENT_GUIDE, &xml, &errs) == 0) {
        path = a->output ? strdup(a->output)
                         : sw_assessment_default_path(a->cycle, a->person, a->assessor);
        if (!path)
            sw_fail_oom(&errs, NULL);
    } else if (!s && name.failed) {
        sw_fail_oom(&errs, NULL);
    }
    diag_print(&errs);
    rc = path ? write_draft(path, a->force, &xml) : diag_exit_code(&errs);
    free(path);
    sw_errors_release(&errs);
    sw_buf_release(&xml);
    sw_buf_release(&name);
    sw_assessment_free(s);
    return rc;
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
