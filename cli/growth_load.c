/* growth_load.c - what the assessment commands do first: the rubric, the
 * files, the growth set (growth.h); errors printed, the exit code kept. */
#include <string.h>

#include "cli.h"
#include "files.h"
#include "growth_load.h"

static void load_files(struct sw_growth *g, const struct sw_paths *files,
                       struct sw_errors *errs)
{
    struct cli_progress p;
    cli_progress_start(&p, "read", "files", NULL);
    sw_growth_load_parallel(g, files->items, files->count, cli_jobs ? cli_jobs : 1,
                            p.enabled ? cli_progress_show : NULL, &p, errs);
    cli_progress_end(&p);
}

int cli_growth(struct cli_growth_run *run, const char *cmd, int keep_going, char **paths,
               int n_paths)
{
    int rc = EXIT_OK;
    memset(run, 0, sizeof *run);
    run->rubric = cli_load_rubric(&rc);
    if (!run->rubric)
        return rc;
    if (n_paths == 0)
        return diag_usage(cmd, "no PATH given: name assessment files or folders");
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_paths files;
    sw_paths_init(&files);
    for (int i = 0; i < n_paths; i++)
        sw_paths_collect(&files, paths[i], &errs);
    run->growth = sw_growth_new(run->rubric);
    if (!run->growth)
        sw_fail_oom(&errs, NULL);
    else
        load_files(run->growth, &files, &errs);
    sw_paths_release(&files);
    if (run->growth && sw_growth_finish(run->growth, &errs) < 0) {
        sw_growth_free(run->growth);
        run->growth = NULL;
    }
    diag_print(&errs);
    rc = diag_exit_code(&errs);
    sw_errors_release(&errs);
    run->exit_code = rc;
    if (rc != EXIT_OK && (!keep_going || !run->growth || rc == EXIT_SYSTEM))
        return rc;
    return EXIT_OK;
}

int cli_growth_person(const struct cli_growth_run *run, const char *id, long *person)
{
    *person = -1;
    if (!id)
        return EXIT_OK;
    *person = sw_growth_person(run->growth, id);
    if (*person >= 0)
        return EXIT_OK;
    return diag_error(EXIT_INPUT, NULL, "no assessment of person '%s' under the given paths",
                      id);
}

void cli_growth_release(struct cli_growth_run *run)
{
    sw_growth_free(run->growth);
    sw_rubric_free(run->rubric);
    memset(run, 0, sizeof *run);
}
