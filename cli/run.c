/* run.c - the run of an aggregating command (struct cli_run): the rubric,
 * the level, the files, the aggregate, errors printed and the exit code
 * remembered; then --format and the end of the output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "files.h"
#include "rubric_text.h"

int cli_level_index(const struct sw_rubric *r, const char *cmd, const char *id, long *level)
{
    *level = -1;
    if (!id)
        return EXIT_OK;
    *level = sw_rubric_level(r, id);
    if (*level >= 0)
        return EXIT_OK;
    struct sw_buf known = SW_BUF_INIT;
    sw_rubric_ids(r, SW_IDS_LEVELS, ", ", &known);
    diag_usage(cmd, "unknown level '%s' (rubric '%s' has: %s)", id, r->id, sw_buf_str(&known));
    sw_buf_release(&known);
    return EXIT_USAGE;
}

void cli_load_paths(cli_load_fn load, void *set, char **paths, int n_paths,
                    struct sw_errors *errs)
{
    struct sw_paths files;
    sw_paths_init(&files);
    for (int i = 0; i < n_paths; i++)
        sw_paths_collect(&files, paths[i], errs);
    if (set) {
        struct cli_progress p;
        cli_progress_start(&p, "read", "files", NULL);
        load(set, files.items, files.count, cli_jobs ? cli_jobs : 1,
             p.enabled ? cli_progress_show : NULL, &p, errs);
        cli_progress_end(&p);
    } else {
        sw_fail_oom(errs, NULL);
    }
    sw_paths_release(&files);
}

int cli_input_verdict(struct sw_errors *errs, int keep_going, int have_output, int *exit_code)
{
    diag_print(errs);
    int rc = diag_exit_code(errs);
    sw_errors_release(errs);
    if (rc > *exit_code)
        *exit_code = rc;
    if (rc != EXIT_OK && (!keep_going || !have_output || rc == EXIT_SYSTEM))
        return rc;
    return EXIT_OK;
}

static size_t load_scorecards(void *a, char *const *paths, size_t n, unsigned threads,
                              sw_progress_fn progress, void *ctx, struct sw_errors *errs)
{
    return sw_aggregate_load_parallel(a, paths, n, threads, progress, ctx, errs);
}

int cli_aggregate_paths(const struct sw_rubric *r, const char *cmd, long level, int keep_going,
                        char **paths, int n_paths, struct sw_aggregate **out, int *exit_code)
{
    *out = NULL;
    if (n_paths == 0) {
        diag_usage(cmd, "no PATH given: name scorecard files or folders");
        return EXIT_USAGE;
    }
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_aggregate *a = sw_aggregate_new(r);
    cli_load_paths(load_scorecards, a, paths, n_paths, &errs);
    if (a)
        sw_aggregate_finish(a, level, &errs);
    *out = a;
    return cli_input_verdict(&errs, keep_going, a != NULL, exit_code);
}

int cli_aggregate(struct cli_run *run, const char *cmd, const char *level_id, int keep_going,
                  char **paths, int n_paths)
{
    int rc = EXIT_OK;
    memset(run, 0, sizeof *run);
    run->rubric = cli_load_rubric(&rc);
    if (!run->rubric)
        return rc == EXIT_OK ? EXIT_SYSTEM : rc;   /* EXIT_OK promises an aggregate */
    long level;
    if ((rc = cli_level_index(run->rubric, cmd, level_id, &level)) != EXIT_OK)
        return rc;
    return cli_aggregate_paths(run->rubric, cmd, level, keep_going, paths, n_paths,
                               &run->aggregate, &run->exit_code);
}

void cli_run_release(struct cli_run *run)
{
    sw_aggregate_free(run->aggregate);
    sw_rubric_free(run->rubric);
    memset(run, 0, sizeof *run);
}

int cli_adjust(struct sw_aggregate *a, struct sw_severity **fit)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    *fit = sw_severity_fit(a, &errs);
    if (*fit)
        sw_aggregate_adjust(a, *fit, &errs);
    int rc = diag_exit_code(&errs);
    diag_print(&errs);
    sw_errors_release(&errs);
    if (rc != EXIT_OK) {
        sw_severity_free(*fit);
        *fit = NULL;
    }
    return rc;
}

int cli_parse_format(const char *cmd, const char *name, enum cli_format *format)
{
    static const char *const names[] = { "table", "json", "csv", "csv-raw" };
    for (int i = 0; i < 4; i++)
        if (strcmp(name, names[i]) == 0) {
            *format = (enum cli_format)i;
            return EXIT_OK;
        }
    return diag_usage(cmd, "unknown format '%s' (use table, json, csv or csv-raw)", name);
}

int cli_finish_output(const struct cli_run *run, struct sw_buf *out, int failed,
                      struct sw_errors *errs)
{
    int rc;
    if (failed < 0) {
        diag_print(errs);
        rc = EXIT_SYSTEM;
    } else {
        rc = cli_write_stdout(out->data, out->len);
    }
    sw_buf_release(out);
    sw_errors_release(errs);
    return rc == EXIT_OK ? run->exit_code : rc;
}

/* The candidates' order for `sort` (NULL: by id, no order array). */
static int sort_order(const struct sw_aggregate *a, const enum sw_sort *sort, size_t **order)
{
    *order = NULL;
    if (!sort)
        return EXIT_OK;
    *order = malloc((a->n_candidates + 1) * sizeof **order);
    if (!*order)
        return diag_oom();
    sw_aggregate_sort(a, *sort, *order);
    return EXIT_OK;
}

int cli_aggregate_output(const struct cli_output *o, char **paths, int n_paths)
{
    enum cli_format fmt = CLI_TABLE;
    int rc = cli_parse_format(o->cmd, o->format, &fmt);
    if (rc != EXIT_OK)
        return rc;
    struct cli_run run;
    rc = cli_aggregate(&run, o->cmd, o->level, o->keep_going, paths, n_paths);
    struct sw_severity *sev = NULL;
    if (rc == EXIT_OK && o->adjusted)
        rc = cli_adjust(run.aggregate, &sev);
    size_t *order = NULL;
    if (rc == EXIT_OK)
        rc = sort_order(run.aggregate, o->sort, &order);
    if (rc == EXIT_OK) {
        struct sw_buf out = SW_BUF_INIT;
        struct sw_errors errs;
        sw_errors_init(&errs);
        if (sev && fmt == CLI_TABLE)
            sw_severity_note(sev, &out);
        int failed = o->write(run.aggregate, order, fmt, cli_use_color(stdout), &out, &errs);
        rc = cli_finish_output(&run, &out, failed, &errs);
    }
    free(order);
    sw_severity_free(sev);
    cli_run_release(&run);
    return rc;
}
