/* cmd_new.c - scorewheel new: a blank draft scorecard to fill in an editor. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "entry.h"
#include "entry_args.h"
#include "files.h"
#include "form.h"

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

/* Writes xml to path ("-": standard output) unless it exists (and not force). */
static int write_draft(const char *path, const struct sw_buf *xml, int force,
                       struct sw_errors *errs)
{
    if (strcmp(path, "-") == 0)
        return cli_write_stdout(xml->data, xml->len);
    int rc = entry_make_parent(path);
    if (rc == EXIT_OK && sw_write_atomic(path, xml->data, xml->len, force, errs) == 0)
        printf("%s\n", path);
    return rc;
}

int entry_write_new(struct sw_form *f, const char *output, int force)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_buf xml = SW_BUF_INIT;
    time_t now;
    int rc = cli_now("new", &now);
    char *path = output ? strdup(output) : sw_form_default_path(f);
    if (rc == EXIT_OK && (!path || sw_form_set_created(f, now) < 0))
        rc = diag_error(EXIT_SYSTEM, NULL, "out of memory");
    if (rc == EXIT_OK && path && sw_form_xml(f, &xml, &errs) == 0)
        rc = write_draft(path, &xml, force, &errs);
    sw_form_release(f);
    diag_print(&errs);
    if (rc == EXIT_OK)
        rc = diag_exit_code(&errs);
    sw_errors_release(&errs);
    sw_buf_release(&xml);
    free(path);
    return rc;
}

static int make_draft(const struct sw_rubric *r, const struct entry_args *a)
{
    struct sw_form f;
    int rc = entry_blank("new", r, a, &f);
    return rc == EXIT_OK ? entry_write_new(&f, a->output, a->force) : rc;
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
