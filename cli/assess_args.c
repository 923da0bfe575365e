/* assess_args.c - the options `new --assessment` and `assess` share. */
#include "assess_args.h"

#include <string.h>

#include "cli.h"
#include "entry.h"
#include "entry_args.h"

int assess_check(const char *cmd, struct assess_args *a, enum sw_relation *relation)
{
    int rc = entry_check_id(cmd, "person", a->person);
    if (rc == EXIT_OK && !a->assessor)
        a->assessor = a->person;
    if (rc == EXIT_OK)
        rc = entry_check_id(cmd, "assessor", a->assessor);
    if (rc == EXIT_OK)
        rc = entry_check_id(cmd, "cycle", a->cycle);
    if (rc != EXIT_OK)
        return rc;
    int self = strcmp(a->person, a->assessor) == 0;
    if (!a->relation && !self)
        return diag_usage(cmd, "option '--relation REL' is required when the assessor is not "
                          "the person (manager, peer or report)");
    *relation = a->relation ? sw_relation_parse(a->relation) : SW_REL_SELF;
    if (*relation == SW_REL_COUNT)
        return diag_usage(cmd, "unknown relation '%s' (use self, manager, peer or report)",
                          a->relation);
    if ((*relation == SW_REL_SELF) != self)
        return diag_usage(cmd, self ? "the assessor is the person: the relation is self, not '%s'"
                                    : "relation '%s' needs the assessor to be the person",
                          a->relation);
    return EXIT_OK;
}

int assess_blank(const char *cmd, const struct sw_rubric *r, const struct assess_args *a,
                 enum sw_relation relation, struct sw_form *f)
{
    long level;
    struct sw_buf name = SW_BUF_INIT;
    int rc = cli_level_index(r, cmd, a->level, &level);
    if (rc == EXIT_OK)
        rc = entry_clean_name(a->name, &name);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_assessment *made = rc != EXIT_OK ? NULL
        : sw_assessment_blank(r, a->person, a->assessor, relation, a->cycle, level,
                              sw_buf_str(&name), &errs);
    sw_buf_release(&name);
    diag_print(&errs);
    sw_errors_release(&errs);
    if (made)
        sw_form_of_assessment(f, r, made);
    return made ? EXIT_OK : rc != EXIT_OK ? rc : EXIT_SYSTEM;
}
