/*
 * reqbench - times a requisition's refreshes (requisition.h) in-process.
 *
 *   reqbench RUBRIC DIR RUNS
 *
 * Refreshes DIR once cold (every file parsed), then RUNS times warm (no file
 * changed) and RUNS times after one file changed (its modification time set
 * one second on, so it is parsed again and the aggregate rebuilt). Prints one
 * JSON object: {"files", "cold", "warm": [s...], "changed": [s...],
 * "parsed_warm", "parsed_changed"} (seconds; parsed_* the files parsed over
 * all runs of that kind: 0 and RUNS when nothing is wasted). Used by `make
 * bench` (tests/bench/bench.py). Exit 0, or 1 with a message on stderr.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include "document.h"
#include "error.h"
#include "requisition.h"
#include "rubric.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* One refresh: its time in seconds, the files parsed added to *parsed. */
static double timed_refresh(struct sw_requisition *q, long *parsed)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    double start = now();
    long n = sw_requisition_refresh(q, &errs);
    double elapsed = now() - start;
    if (n < 0) {
        fprintf(stderr, "reqbench: %s: %s\n", errs.count ? errs.items[0].file : "?",
                errs.count ? errs.items[0].message : "refresh failed");
        exit(1);
    }
    sw_errors_release(&errs);
    *parsed += n;
    return elapsed;
}

/* Sets the modification time of `path` one second after what it is. */
static void touch_later(const char *path)
{
    struct stat st;
    if (stat(path, &st) < 0) {
        perror(path);
        exit(1);
    }
    struct timespec times[2] = { st.st_atim, st.st_mtim };
    times[1].tv_sec++;
    if (utimensat(AT_FDCWD, path, times, 0) < 0) {
        perror(path);
        exit(1);
    }
}

static void print_times(const char *name, const double *t, int n)
{
    printf(", \"%s\": [", name);
    for (int i = 0; i < n; i++)
        printf("%s%.9f", i ? ", " : "", t[i]);
    printf("]");
}

int main(int argc, char **argv)
{
    if (argc != 4 || atoi(argv[3]) < 1) {
        fprintf(stderr, "usage: reqbench RUBRIC DIR RUNS\n");
        return 1;
    }
    int runs = atoi(argv[3]);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_rubric *r = sw_rubric_load(argv[1], &errs);
    if (!r) {
        fprintf(stderr, "reqbench: %s: cannot load the rubric\n", argv[1]);
        return 1;
    }
    struct sw_requisition *q = sw_requisition_new(r, argv[2], 1);
    double *warm = calloc((size_t)runs, sizeof *warm);
    double *changed = calloc((size_t)runs, sizeof *changed);
    if (!q || !warm || !changed) {
        fprintf(stderr, "reqbench: out of memory\n");
        free(warm);
        free(changed);
        sw_requisition_free(q);
        sw_rubric_free(r);
        return 1;
    }
    long parsed_cold = 0, parsed_warm = 0, parsed_changed = 0;
    double cold = timed_refresh(q, &parsed_cold);
    struct sw_req_snapshot *s = sw_requisition_snapshot(q);
    size_t files = s->n_files;
    const char *victim = s->n_files ? s->aggregate->cards[0].path : NULL;
    for (int i = 0; i < runs; i++)
        warm[i] = timed_refresh(q, &parsed_warm);
    for (int i = 0; victim && i < runs; i++) {
        touch_later(victim);
        changed[i] = timed_refresh(q, &parsed_changed);
    }
    printf("{\"files\": %zu, \"cold\": %.9f", files, cold);
    print_times("warm", warm, runs);
    print_times("changed", changed, runs);
    printf(", \"parsed_warm\": %ld, \"parsed_changed\": %ld}\n", parsed_warm, parsed_changed);
    sw_req_snapshot_release(s);
    sw_requisition_free(q);
    sw_rubric_free(r);
    sw_errors_release(&errs);
    free(warm);
    free(changed);
    sw_cleanup();
    return 0;
}
