/* entry_args.c - the options `new` and `score` share, and the checks of
 * every entry command. */
#include "entry_args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "entry.h"
#include "files.h"

int entry_parse_args(const struct cli_command *cmd, const struct entry_help *help, int argc,
                     char **argv, struct entry_args *a)
{
    memset(a, 0, sizeof *a);
    const struct cli_option options[] = {
        CLI_VALUE("interview", 'i', "ID", &a->interview, "@ids interviews",
                  "the interview (see 'scorewheel rubric')"),
        CLI_VALUE("candidate", 'c', "ID", &a->candidate, NULL,
                  "the candidate's id (letters, digits, '.', '_', '-')"),
        CLI_VALUE("interviewer", 'r', "ID", &a->interviewer, NULL, "your id"),
        CLI_VALUE("level", 'l', "ID", &a->level, "@ids levels", help->level),
        CLI_VALUE("name", 'n', "TEXT", &a->name, NULL, help->name),
        CLI_VALUE("output", 'o', "FILE", &a->output, "@files", help->output),
        CLI_FLAG("force", 'f', &a->force, help->force),
    };
    int first;
    return cli_parse(cmd, options, CLI_N(options), argc, argv, &first);
}

int entry_check_id(const char *cmd, const char *option, const char *id)
{
    if (!id)
        return diag_usage(cmd, "option '--%s ID' is required", option);
    if (!sw_entry_id_ok(id))
        return diag_usage(cmd, "--%s '%s' is not a valid id: use letters, digits, '.', '_' "
                          "and '-', not starting with '.' or '-'", option, id);
    return EXIT_OK;
}

int entry_check_ids(const char *cmd, const struct entry_args *a)
{
    int rc = entry_check_id(cmd, "interview", a->interview);
    if (rc == EXIT_OK)
        rc = entry_check_id(cmd, "candidate", a->candidate);
    if (rc == EXIT_OK)
        rc = entry_check_id(cmd, "interviewer", a->interviewer);
    return rc;
}

int entry_resolve(const char *cmd, const struct sw_rubric *r, const struct entry_args *a,
                  size_t *interview, long *level)
{
    long iv = sw_rubric_interview(r, a->interview);
    if (iv < 0) {
        struct sw_buf known = SW_BUF_INIT;
        for (size_t i = 0; i < r->n_interviews; i++)
            sw_buf_addf(&known, "%s%s", i ? ", " : "", r->interviews[i].id);
        diag_usage(cmd, "unknown interview '%s' (rubric '%s' has: %s)", a->interview, r->id,
                   sw_buf_str(&known));
        sw_buf_release(&known);
        return EXIT_USAGE;
    }
    *interview = (size_t)iv;
    return cli_level_index(r, cmd, a->level, level);
}

int entry_clean_name(const char *name, struct sw_buf *out)
{
    if (name && sw_entry_clean_text(name, strlen(name), out) == (size_t)-1)
        return diag_error(EXIT_SYSTEM, NULL, "out of memory");
    return EXIT_OK;
}

int entry_blank(const char *cmd, const struct sw_rubric *r, const struct entry_args *a,
                struct sw_form *f)
{
    size_t interview;
    long level;
    struct sw_buf name = SW_BUF_INIT;
    int rc = entry_resolve(cmd, r, a, &interview, &level);
    if (rc == EXIT_OK)
        rc = entry_clean_name(a->name, &name);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_scorecard *s = rc != EXIT_OK ? NULL
        : sw_entry_blank(r, interview, a->candidate, a->interviewer, level, sw_buf_str(&name),
                         &errs);
    sw_buf_release(&name);
    diag_print(&errs);
    sw_errors_release(&errs);
    if (!s)
        return rc != EXIT_OK ? rc : EXIT_SYSTEM;
    sw_form_of_scorecard(f, r, s);
    return EXIT_OK;
}

int entry_make_parent(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path)
        return EXIT_OK;
    char *folder = strndup(path, (size_t)(slash - path));
    struct sw_errors errs;
    sw_errors_init(&errs);
    if (!folder)
        sw_fail_oom(&errs, NULL);
    else
        sw_mkdirs(folder, &errs);
    free(folder);
    diag_print(&errs);
    int rc = diag_exit_code(&errs);
    sw_errors_release(&errs);
    return rc;
}
