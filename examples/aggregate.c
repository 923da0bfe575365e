/*
 * aggregate.c - libscorewheel example: read a requisition's scorecards and
 * print each candidate's overall score and decision, best first.
 *
 *     cc -o aggregate aggregate.c $(pkg-config --cflags --libs --static scorewheel)
 *     ./aggregate $(pkg-config --variable=rubricdir scorewheel)/tpm.xml FOLDER
 *
 * What `scorewheel compare` shows first, in a few library calls: load the
 * rubric, collect the *.xml files below FOLDER, add them to an aggregate,
 * finish it (docs/design.md rules 2 to 7), sort by overall.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <scorewheel/scorewheel.h>

/* Prints every error as FILE:LINE: error: MESSAGE; returns how many. */
static size_t print_errors(const struct sw_errors *errs)
{
    for (size_t i = 0; i < errs->count; i++) {
        const struct sw_error *e = &errs->items[i];
        fprintf(stderr, "%s:%d: error: %s\n", e->file ? e->file : "-", e->line, e->message);
    }
    return errs->count + errs->lost;
}

static void print_candidates(const struct sw_aggregate *a)
{
    size_t *order = malloc((a->n_candidates + 1) * sizeof *order);
    if (!order)
        return;
    sw_aggregate_sort(a, SW_SORT_OVERALL, order);
    for (size_t i = 0; i < a->n_candidates; i++) {
        const struct sw_candidate *c = &a->candidates[order[i]];
        char overall[16] = "-";    /* NaN: nothing assessed */
        if (!isnan(c->overall))
            snprintf(overall, sizeof overall, "%.2f", c->overall);
        printf("%-8s %5s  %-22s %s\n", c->id, overall, sw_decision_name(c->decision),
               c->name ? c->name : "");
    }
    free(order);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: aggregate RUBRIC FOLDER\n");
        return 2;
    }
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_paths paths;
    sw_paths_init(&paths);
    struct sw_rubric *rubric = sw_rubric_load(argv[1], &errs);
    struct sw_aggregate *a = rubric ? sw_aggregate_new(rubric) : NULL;
    if (a && sw_paths_collect(&paths, argv[2], &errs) == 0) {
        sw_aggregate_load(a, paths.items, paths.count, &errs);
        sw_aggregate_finish(a, -1, &errs);    /* -1: each candidate's level from the scorecards */
    }
    if (a && a->finished)
        print_candidates(a);
    int rc = print_errors(&errs) > 0 || !a || !a->finished;
    sw_aggregate_free(a);
    sw_rubric_free(rubric);
    sw_paths_release(&paths);
    sw_errors_release(&errs);
    sw_cleanup();
    return rc;
}
