/* wheel_person.c - scorewheel wheel --person: one person's wheel in one
 * review cycle (others filled, self outlined, the target level dashed). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "files.h"
#include "growth_load.h"
#include "promote.h"
#include "wheel.h"

static int write_svg(const struct sw_wheel *w, const char *output)
{
    struct sw_buf svg = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    int rc = EXIT_OK;
    if (sw_wheel_svg(w, &svg, &errs) < 0) {
        diag_print(&errs);
        rc = EXIT_SYSTEM;
    } else if (strcmp(output, "-") == 0) {
        rc = cli_write_stdout(svg.data, svg.len);
    } else if (sw_write_atomic(output, svg.data, svg.len, 1, &errs) < 0) {
        diag_print(&errs);
        rc = EXIT_SYSTEM;
    }
    sw_errors_release(&errs);
    sw_buf_release(&svg);
    return rc;
}

/* The cycle to draw: --cycle, else the latest; NULL (printed) when none. */
static const struct sw_growth_cycle *chosen_cycle(const struct sw_person *p, const char *cycle)
{
    const struct sw_growth_cycle *y = cycle ? sw_growth_cycle_of(p, cycle)
                                    : p->n_cycles ? &p->cycles[p->n_cycles - 1] : NULL;
    if (y)
        return y;
    if (!p->n_cycles) {
        diag_error(EXIT_INPUT, NULL, "person '%s' has no submitted assessment yet", p->id);
        return NULL;
    }
    struct sw_buf cycles = SW_BUF_INIT;
    for (const struct sw_growth_cycle *c = p->cycles; c && c < p->cycles + p->n_cycles; c++)
        sw_buf_addf(&cycles, "%s %s", c > p->cycles ? "," : "", c->id);
    diag_error(EXIT_INPUT, NULL, "person '%s' has no submitted assessment in cycle '%s' "
               "(cycles:%s)", p->id, cycle, sw_buf_str(&cycles));
    sw_buf_release(&cycles);
    return NULL;
}

int cli_wheel_person(const char *person, const char *cycle, const char *to, const char *output,
                     int keep_going, char **paths, int n_paths)
{
    struct cli_growth_run run;
    long k = -1, level = -1;
    int rc = cli_growth(&run, "wheel", keep_going, paths, n_paths);
    if (rc == EXIT_OK)
        rc = cli_growth_person(&run, person, &k);
    if (rc == EXIT_OK && to)
        rc = cli_level_index(run.rubric, "wheel", to, &level);
    const struct sw_person *p = rc == EXIT_OK ? &run.growth->people[k] : NULL;
    const struct sw_growth_cycle *y = p ? chosen_cycle(p, cycle) : NULL;
    if (p && !y)
        rc = EXIT_INPUT;
    if (rc == EXIT_OK && p && y) {
        if (!to)
            level = sw_level_next(run.rubric, p->level);
        struct sw_wheel w;
        char title[512], subtitle[512];
        struct sw_errors errs;
        sw_errors_init(&errs);
        if (sw_wheel_of_person(run.growth, p, y, level, &w, title, sizeof title, subtitle,
                               sizeof subtitle, &errs) < 0) {
            diag_print(&errs);
            rc = EXIT_SYSTEM;
        } else {
            rc = write_svg(&w, output);
            sw_wheel_release(&w);
        }
        sw_errors_release(&errs);
        if (rc == EXIT_OK)
            rc = run.exit_code;
    }
    cli_growth_release(&run);
    return rc;
}
