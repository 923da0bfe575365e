/*
 * loadbench - times reading one document at a time (sw_document_load,
 * document.h) on one thread: the per-file cost that every command over
 * scorecards pays, without threads, aggregation or output (`make
 * bench-load`, issue #29).
 *
 *   loadbench --rubric FILE [--repeat N] PATH...
 *
 * Collects the .xml files under each PATH (as the commands do), then loads
 * each, N times over (default 1), as report does (rubrics and assessments
 * skipped). Prints one line of JSON: {"files", "loaded", "failed",
 * "cpu_seconds", "user_seconds", "system_seconds", "cpu_ms_per_1000"}: CPU
 * time of the loads only (not the listing); on a shared machine it is the
 * steadier measure. Compare with one process of xmllint over the same files:
 * `find PATH -name '*.xml' | sort | xargs /usr/bin/time xmllint --noout`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "document.h"
#include "files.h"
#include "rubric.h"

static double seconds(struct timeval t)
{
    return (double)t.tv_sec + (double)t.tv_usec / 1e6;
}

static int usage(void)
{
    fprintf(stderr, "usage: loadbench --rubric FILE [--repeat N] PATH...\n");
    return 2;
}

int main(int argc, char **argv)
{
    const char *rubric = NULL;
    long repeat = 1;
    int i = 1;
    for (; i + 1 < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
        if (strcmp(argv[i], "--rubric") == 0)
            rubric = argv[i + 1];
        else if (strcmp(argv[i], "--repeat") == 0 && (repeat = atol(argv[i + 1])) > 0)
            continue;
        else
            return usage();
    }
    if (!rubric || i >= argc)
        return usage();
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_rubric *r = sw_rubric_load(rubric, &errs);
    struct sw_paths paths;
    sw_paths_init(&paths);
    for (int k = i; r && k < argc; k++)
        if (sw_paths_collect(&paths, argv[k], &errs) < 0)
            break;
    if (!r || errs.count) {
        fprintf(stderr, "loadbench: %s\n", errs.count ? errs.items[0].message : "no rubric");
        return 1;
    }
    struct rusage before, after;
    getrusage(RUSAGE_SELF, &before);
    size_t loaded = 0, failed = 0;
    for (long n = 0; n < repeat; n++) {
        for (size_t k = 0; k < paths.count; k++) {
            struct sw_document d;
            if (sw_document_load(r, paths.items[k],
                                 SW_DOC_SKIP_RUBRICS | SW_DOC_SKIP_ASSESSMENTS, &d, &errs) == 0)
                loaded++;
            else
                failed++;
            sw_document_release(&d);
        }
    }
    getrusage(RUSAGE_SELF, &after);
    double user = seconds(after.ru_utime) - seconds(before.ru_utime);
    double sys = seconds(after.ru_stime) - seconds(before.ru_stime);
    size_t files = paths.count * (size_t)repeat;
    printf("{\"files\": %zu, \"loaded\": %zu, \"failed\": %zu, \"cpu_seconds\": %.3f, "
           "\"user_seconds\": %.3f, \"system_seconds\": %.3f, \"cpu_ms_per_1000\": %.2f}\n",
           files, loaded, failed, user + sys, user, sys,
           files ? (user + sys) * 1e6 / (double)files : 0.0);
    sw_paths_release(&paths);
    sw_rubric_free(r);
    sw_errors_release(&errs);
    sw_cleanup();
    return failed ? 1 : 0;
}
