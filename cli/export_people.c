/* export_people.c - scorewheel export --people: the people workbook. */
#include <stdio.h>

#include "cli.h"
#include "growth_load.h"
#include "xlsx.h"

int cli_export_people(const char *output, const struct sw_xlsx_options *opt, int keep_going,
                      int quiet, char **paths, int n_paths)
{
    struct cli_growth_run run;
    int rc = cli_growth(&run, "export", keep_going, paths, n_paths);
    if (rc == EXIT_OK) {
        struct sw_errors errs;
        sw_errors_init(&errs);
        if (sw_xlsx_write_people(run.growth, output, opt, &errs) < 0) {
            diag_print(&errs);
            rc = diag_exit_code(&errs);
            if (rc == EXIT_OK)
                rc = EXIT_SYSTEM;
        } else {
            if (!quiet)
                cli_progress_note("wrote %s: %zu %s, %zu assessment%s", output,
                                  run.growth->n_people,
                                  run.growth->n_people == 1 ? "person" : "people",
                                  run.growth->n_entries, run.growth->n_entries == 1 ? "" : "s");
            rc = run.exit_code;
        }
        sw_errors_release(&errs);
    }
    cli_growth_release(&run);
    return rc;
}
