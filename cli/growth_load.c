/* growth_load.c - what the assessment commands do first: the rubric, the
 * files, the growth set (growth.h); errors printed, the exit code kept. */
#include <string.h>

#include "cli.h"
#include "files.h"
#include "growth_load.h"

static size_t load_assessments(void *g, char *const *paths, size_t n, unsigned threads,
                               sw_progress_fn progress, void *ctx, struct sw_errors *errs)
{
    return sw_growth_load_parallel(g, paths, n, threads, progress, ctx, errs);
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
    run->growth = sw_growth_new(run->rubric);
    cli_load_paths(load_assessments, run->growth, paths, n_paths, &errs);
    if (run->growth && sw_growth_finish(run->growth, &errs) < 0) {
        sw_growth_free(run->growth);
        run->growth = NULL;
    }
    return cli_input_verdict(&errs, keep_going, run->growth != NULL, &run->exit_code);
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
