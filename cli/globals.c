/* globals.c - the program's global options, set by main.c before the command
 * runs (cli.h declares them). Every other piece of CLI state is local. */
#include "cli.h"

const char *cli_rubric_option;
unsigned cli_jobs;
int cli_quiet;
