/* error.c - errors are values: the caller-owned error list (error.h). */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/vec.h"

void sw_errors_init(struct sw_errors *e)
{
    e->items = NULL;
    e->count = 0;
    e->alloc = 0;
    e->lost = 0;
}

void sw_errors_release(struct sw_errors *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->count; i++) {
        free(e->items[i].file);
        free(e->items[i].message);
    }
    free(e->items);
    sw_errors_init(e);
}

static char *vformat(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

static int reserve(struct sw_errors *e)
{
    return SW_VEC_GROW(e->items, e->alloc, e->count + 1, 8);
}

int sw_error_add(struct sw_errors *e, int code, const char *file, int line,
                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *message = vformat(fmt, ap);
    va_end(ap);
    char *path = file ? strdup(file) : NULL;
    if (!message || (file && !path) || reserve(e) < 0) {
        free(message);
        free(path);
        e->lost++;
        return -1;
    }
    e->items[e->count++] = (struct sw_error){ code, path, line, message };
    return -1;
}

void sw_errors_move(struct sw_errors *to, struct sw_errors *from)
{
    for (size_t i = 0; i < from->count; i++) {
        if (reserve(to) < 0) {
            free(from->items[i].file);
            free(from->items[i].message);
            to->lost++;
            continue;
        }
        to->items[to->count++] = from->items[i];
    }
    to->lost += from->lost;
    free(from->items);
    sw_errors_init(from);
}

int sw_errors_worst(const struct sw_errors *e)
{
    int worst = e->lost ? SW_ESYSTEM : SW_OK;
    for (size_t i = 0; i < e->count; i++)
        if (e->items[i].code > worst)
            worst = e->items[i].code;
    return worst;
}
