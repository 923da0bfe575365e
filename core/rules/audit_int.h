/* audit_int.h - what audit.c and audit_gaps.c share (rule 16, audit.h). */
#ifndef SW_AUDIT_INT_H
#define SW_AUDIT_INT_H

#include <stddef.h>

#include "audit.h"

/* One candidate of the population. */
struct audit_member {
    const char **values;     /* the person's values (NULL: not in the file) */
    double overall;
    int decided, selected, scored, above;
};

struct audit_ctx {
    const struct sw_aggregate *a;
    const struct sw_demographics *d;
    const struct sw_severity *sev;
    struct audit_member *members;
    size_t n_members;
    size_t *member_of;       /* per aggregate candidate: member index, SIZE_MAX if none */
    /* per grouping g (dimensions, then the intersections) and member p:
     * group_of[g * (n_members + 1) + p], the group index or SIZE_MAX */
    size_t *group_of;
};

/* The interviewer gaps of rule 16 into au->gaps (none unless cx->sev is
 * fitted). 0, or -1 when out of memory. */
int audit_gaps(const struct audit_ctx *cx, struct sw_audit *au);

#endif
