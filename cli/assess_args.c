/* assess_args.c - the options `new --assessment` and `assess` share. */
#include "assess_args.h"

#include <string.h>

#include "cli.h"
#include "entry.h"

static int check_id(const char *cmd, const char *option, const char *id)
{
    if (!id)
        return diag_usage(cmd, "option '--%s ID' is required", option);
    if (!sw_entry_id_ok(id))
        return diag_usage(cmd, "--%s '%s' is not a valid id: use letters, digits, '.', '_' "
                          "and '-', not starting with '.' or '-'", option, id);
    return EXIT_OK;
}

int assess_check(const char *cmd, struct assess_args *a, enum sw_relation *relation)
{
    int rc = check_id(cmd, "person", a->person);
    if (rc == EXIT_OK && !a->assessor)
        a->assessor = a->person;
    if (rc == EXIT_OK)
        rc = check_id(cmd, "assessor", a->assessor);
    if (rc == EXIT_OK)
        rc = check_id(cmd, "cycle", a->cycle);
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
