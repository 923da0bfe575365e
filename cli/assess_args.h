/*
 * assess_args.h - the options `new --assessment` and `assess` share: whose
 * assessment by whom in which cycle, and where it goes.
 */
#ifndef SW_CLI_ASSESS_ARGS_H
#define SW_CLI_ASSESS_ARGS_H

#include "assessment.h"
#include "form.h"
#include "options.h"
#include "rubric.h"

struct assess_args {
    const char *person, *assessor, *relation, *cycle, *level, *name, *output;
    int force, assessment;
};

/* The option table entries for a (see options.h), in help order; --force
 * is described by force_help. */
#define ASSESS_OPTIONS(a, force_help) \
    CLI_VALUE("person", 'p', "ID", &(a)->person, NULL, "the person assessed"), \
    CLI_VALUE("assessor", 'a', "ID", &(a)->assessor, NULL, \
              "who assesses (default: the person: a self-assessment)"), \
    CLI_VALUE("relation", 'r', "REL", &(a)->relation, "self manager peer report", \
              "self, manager, peer or report (a direct report)\n" \
              "(default: self when the assessor is the person)"), \
    CLI_VALUE("cycle", 'c', "ID", &(a)->cycle, NULL, \
              "the review cycle, named to sort in time: 2026-h2"), \
    CLI_VALUE("level", 'l', "ID", &(a)->level, "@ids levels", "the person's current level"), \
    CLI_VALUE("name", 'n', "TEXT", &(a)->name, NULL, "the person's name"), \
    CLI_VALUE("output", 'o', "FILE", &(a)->output, "@files", \
              "where to write (default: CYCLE/PERSON--ASSESSOR.xml)"), \
    CLI_FLAG("force", 'f', &(a)->force, (force_help))

/* Checks the ids (--person and --cycle required, all safe as file names) and
 * the relation (self exactly when the assessor is the person); fills in the
 * defaults. EXIT_OK or EXIT_USAGE (printed). */
int assess_check(const char *cmd, struct assess_args *a, enum sw_relation *relation);
/* The blank assessment of a (checked: assess_check) as form f: --level
 * resolved, --name cleaned. EXIT_OK, or the exit code (printed). */
int assess_blank(const char *cmd, const struct sw_rubric *r, const struct assess_args *a,
                 enum sw_relation relation, struct sw_form *f);

#endif
