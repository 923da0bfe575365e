/* growth_load.h - loading assessments for growth, promote, wheel --person
 * and export --people. */
#ifndef SW_CLI_GROWTH_LOAD_H
#define SW_CLI_GROWTH_LOAD_H

#include "growth.h"
#include "rubric.h"

/* A loaded rubric and growth set, and the exit code the input earned. */
struct cli_growth_run {
    struct sw_rubric *rubric;
    struct sw_growth *growth;
    int exit_code;      /* EXIT_INPUT when --keep-going skipped invalid files */
};

/* Loads the rubric, reads every assessment under paths (scorecards and
 * rubrics skipped), finishes the growth set. Prints every problem. Returns
 * EXIT_OK when the caller should write its output (all input valid, or
 * keep_going), else the exit code. Release run afterwards in every case. */
int cli_growth(struct cli_growth_run *run, const char *cmd, int keep_going, char **paths,
               int n_paths);
/* Resolves --person ID (NULL: every person, *person = -1); EXIT_INPUT with a
 * message when nobody by that id was assessed. */
int cli_growth_person(const struct cli_growth_run *run, const char *id, long *person);
void cli_growth_release(struct cli_growth_run *run);

#endif
