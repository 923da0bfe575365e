/* cmd_new.c - scorewheel new: a blank draft scorecard to fill in an editor. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "entry.h"
#include "entry_args.h"
#include "files.h"

static const struct cli_command new_command = {
    .name = "new",
    .synopsis = "--interview ID --candidate ID\n"
                "--interviewer ID [--level ID] [--name TEXT]\n"
                "[-o FILE|-] [--force]",
    .about = "Writes a draft scorecard for one interview: one empty rating per question,\n"
             "each after a comment with the question and what the competencies it measures\n"
             "look like at the scale's anchors. Fill it in with an editor, set\n"
             "status=\"submitted\", and check it with 'scorewheel validate'. Prints the\n"
             "file's name. An existing file is never replaced without --force.\n"
             "\n"
             "'scorewheel new --assessment --person ID ...' writes a blank assessment\n"
             "instead: see 'scorewheel new --assessment --help'.\n",
};

static const struct entry_help new_help = {
    .level = "the level the candidate is considered for",
    .name = "the candidate's name",
    .output = "where to write ('-': standard output; default:\n"
              "CANDIDATE/INTERVIEW--INTERVIEWER.xml, folder created)",
    .force = "replace the file if it exists",
};

static int write_draft(const struct entry_args *a, const char *path, const struct sw_buf *xml)
{
    if (strcmp(path, "-") == 0)
        return cli_write_stdout(xml->data, xml->len);
    int rc = entry_make_parent(path);
    if (rc != EXIT_OK)
        return rc;
    struct sw_errors errs;
    sw_errors_init(&errs);
    if (sw_write_atomic(path, xml->data, xml->len, a->force, &errs) == 0)
        printf("%s\n", path);
    diag_print(&errs);
    rc = diag_exit_code(&errs);
    sw_errors_release(&errs);
    return rc;
}

static int make_draft(const struct sw_rubric *r, const struct entry_args *a)
{
    size_t interview;
    long level;
    int rc = entry_resolve("new", r, a, &interview, &level);
    if (rc != EXIT_OK)
        return rc;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_buf name = SW_BUF_INIT, xml = SW_BUF_INIT;
    if (a->name)
        sw_entry_clean_text(a->name, strlen(a->name), &name);
    struct sw_scorecard *s = sw_entry_blank(r, interview, a->candidate, a->interviewer, level,
                                            sw_buf_str(&name), &errs);
    char *path = NULL;
    time_t now;
    rc = cli_now("new", &now);
    if (rc != EXIT_OK) {
        sw_scorecard_free(s);
        sw_buf_release(&name);
        sw_errors_release(&errs);
        return rc;
    }
    if (s && sw_entry_set_created(s, now) < 0)
        sw_fail_oom(&errs, NULL);
    else if (s && !name.failed && sw_entry_xml(r, s, SW_ENTRY_GUIDE, &xml, &errs) == 0) {
        path = a->output ? strdup(a->output) : sw_entry_default_path(a->candidate, a->interview, a->interviewer);
        if (!path)
            sw_fail_oom(&errs, NULL);
    } else if (name.failed) {
        sw_fail_oom(&errs, NULL);
    }
    diag_print(&errs);
    rc = path ? write_draft(a, path, &xml) : diag_exit_code(&errs);
    free(path);
    sw_errors_release(&errs);
    sw_buf_release(&xml);
    sw_buf_release(&name);
    sw_scorecard_free(s);
    return rc;
}

int cmd_new(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--assessment") == 0)
            return cli_new_assessment(argc, argv);
    struct entry_args a;
    int rc = entry_parse_args(&new_command, &new_help, argc, argv, &a);
    if (rc != CLI_GO_ON)
        return rc;
    rc = entry_check_ids("new", &a);
    if (rc != EXIT_OK)
        return rc;
    struct sw_rubric *r = cli_load_rubric(&rc);
    if (!r)
        return rc;
    rc = make_draft(r, &a);
    sw_rubric_free(r);
    return rc;
}
