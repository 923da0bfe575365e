/* schema_once.c - one message per mistake: drops a repeated schema message (schema_once.h). */
#include "io/schema_once.h"

#include <stdlib.h>
#include <string.h>

#include "util/vec.h"

void sw_attr_mark(struct sw_attr_marks *m, int *oom, int line, const char *attr)
{
    if (!m)
        return;
    if (SW_VEC_GROW(m->items, m->cap, m->n + 1, 8) < 0)
        *oom = 1;
    else
        m->items[m->n++] = (struct sw_attr_mark){ line, attr };
}

/* Whether schema message e is about an attribute marked in m. */
static int marked(const struct sw_error *e, const struct sw_attr_marks *m)
{
    const char *a = strncmp(e->message, "element '", 9) == 0 ? strchr(e->message + 9, '\'')
                                                             : NULL;
    if (!a || strncmp(a, "', attribute '", 14) != 0)
        return 0;
    a += 14;
    for (size_t i = 0; i < m->n; i++) {
        size_t len = strlen(m->items[i].attr);
        if (m->items[i].line == e->line && strncmp(a, m->items[i].attr, len) == 0 &&
            strncmp(a + len, "':", 2) == 0)
            return 1;
    }
    return 0;
}

void sw_attr_marks_drop(struct sw_attr_marks *m, struct sw_errors *errs, size_t from,
                        size_t to)
{
    size_t kept = from;
    for (size_t i = from; i < errs->count; i++) {
        if (i < to && marked(&errs->items[i], m)) {
            free(errs->items[i].file);
            free(errs->items[i].message);
        } else {
            errs->items[kept++] = errs->items[i];
        }
    }
    errs->count = kept;
    free(m->items);
    *m = (struct sw_attr_marks)SW_ATTR_MARKS_INIT;
}
