/*
 * workbook.c - libscorewheel example: write the hiring committee's workbook
 * for a requisition's scorecards, as `scorewheel export` does.
 *
 *     cc -o workbook workbook.c $(pkg-config --cflags --libs --static scorewheel)
 *     ./workbook $(pkg-config --variable=rubricdir scorewheel)/tpm.xml FOLDER packet.xlsx
 *
 * The workbook is titled with FOLDER's last name and the time of the export,
 * or $SOURCE_DATE_EPOCH when set: with the same time, the file is byte for
 * byte what `scorewheel export -o packet.xlsx FOLDER` writes. The file appears
 * only once complete; on failure an existing one is left as it was.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <scorewheel/scorewheel.h>

/* The last name of path: "docs/staff-tpm-2026/" -> "staff-tpm-2026" (at most
 * size - 1 bytes of it). */
static void last_name(const char *path, char *out, size_t size)
{
    size_t end = strlen(path);
    while (end > 1 && path[end - 1] == '/')
        end--;
    size_t start = end;
    while (start > 0 && path[start - 1] != '/')
        start--;
    snprintf(out, size, "%.*s", (int)(end - start), path + start);
}

/* Aggregates the scorecards below folder and writes the workbook. 0 or -1. */
static int write_workbook(const struct sw_rubric *rubric, const char *folder, const char *out,
                          struct sw_errors *errs)
{
    struct sw_aggregate *a = sw_aggregate_new(rubric);
    struct sw_paths paths;
    sw_paths_init(&paths);
    int rc = -1;
    if (a && sw_paths_collect(&paths, folder, errs) == 0
        && sw_aggregate_load(a, paths.items, paths.count, errs) == 0
        && sw_aggregate_finish(a, -1, errs) == 0) {
        char requisition[256];
        last_name(folder, requisition, sizeof requisition);
        const char *epoch = getenv("SOURCE_DATE_EPOCH");
        struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
        opt.requisition = requisition;
        opt.created = epoch && *epoch ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
        struct sw_xlsx_result res;
        rc = sw_xlsx_write(a, out, &opt, &res, errs);
        if (rc == 0)
            printf("wrote %s: %zu candidates, %zu scorecards, %zu sheets\n", out,
                   res.candidates, res.scorecards, res.sheets);
    }
    sw_paths_release(&paths);
    sw_aggregate_free(a);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: workbook RUBRIC FOLDER OUTPUT.xlsx\n");
        return 2;
    }
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_rubric *rubric = sw_rubric_load(argv[1], &errs);
    int rc = rubric ? write_workbook(rubric, argv[2], argv[3], &errs) : -1;
    for (size_t i = 0; i < errs.count; i++)
        fprintf(stderr, "%s:%d: error: %s\n", errs.items[i].file ? errs.items[i].file : "-",
                errs.items[i].line, errs.items[i].message);
    if (rc == 0 && errs.count + errs.lost > 0)
        rc = -1;
    sw_rubric_free(rubric);
    sw_errors_release(&errs);
    sw_cleanup();
    return rc < 0 ? 1 : 0;
}
