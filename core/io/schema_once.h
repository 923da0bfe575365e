/*
 * schema_once.h - one message per mistake (internal to core): when the
 * schema and a check of meaning reject the same attribute (a `level` that
 * breaks the id pattern and so names no level, a `created` that is no
 * xs:dateTime and so no UTC time), the check's message is kept, since it
 * says what to do, and the schema's is dropped (docs/design.md "File
 * formats").
 *
 * A loader marks each attribute its own check reported (sw_attr_mark), then
 * drops the schema's messages on the marked attributes
 * (sw_attr_marks_drop) from the entries sw_xml_validate() added.
 */
#ifndef SW_SCHEMA_ONCE_H
#define SW_SCHEMA_ONCE_H

#include <stddef.h>

#include "error.h"

struct sw_attr_marks {
    struct sw_attr_mark {
        int line;               /* the element's line, as the schema reports it */
        const char *attr;       /* the attribute's name: a literal, not copied */
    } *items;
    size_t n, cap;
};

#define SW_ATTR_MARKS_INIT { NULL, 0, 0 }

/* Marks attribute `attr` (a literal) of the element on `line` as reported
 * by a check of meaning; m NULL marks nothing. Out of memory sets *oom (then
 * both messages stay). */
void sw_attr_mark(struct sw_attr_marks *m, int *oom, int line, const char *attr);
/* A check's own message about attribute `attr`, recorded as sw_fail() does
 * after marking the attribute: -1. */
#define sw_attr_fail(m, oom, errs, path, line, attr, ...)                                   \
    (sw_attr_mark((m), (oom), (line), (attr)), sw_fail((errs), (path), (line), __VA_ARGS__))
/* Removes from errs the entries [from, to) (the schema's) that are about a
 * marked attribute on its line, keeping the order of the others, then frees
 * the marks. libxml2 words such an entry "element 'E', attribute 'A': ...". */
void sw_attr_marks_drop(struct sw_attr_marks *m, struct sw_errors *errs, size_t from,
                        size_t to);

#endif
