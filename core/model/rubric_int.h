/*
 * rubric_int.h - internal to rubric.c and rubric_build.c: reading a rubric
 * (rubric.c) hands the validated tree to the model builder (rubric_build.c).
 * Not installed.
 */
#ifndef SW_RUBRIC_INT_H
#define SW_RUBRIC_INT_H

#include <libxml/tree.h>

#include "io/schema_once.h"
#include "rubric.h"

/* Fills r (zeroed, its arena ready) from root, a rubric the schema accepted,
 * reporting what the schema cannot check (unique ids, references, values on
 * the scale, docs/design.md) to errs against path, and marking in marks the
 * attributes so reported (io/schema_once.h). 0, or -1 when out of memory
 * (not reported). */
int sw_rubric_build(struct sw_rubric *r, xmlNodePtr root, const char *path,
                    struct sw_errors *errs, struct sw_attr_marks *marks);

/* qsort/bsearch comparison of two `const struct sw_question *` by id. */
int sw_question_by_id(const void *a, const void *b);

#endif
