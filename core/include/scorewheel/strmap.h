/*
 * strmap.h - a map from strings to indices (open addressing, FNV-1a).
 *
 * The map copies nothing: keys must outlive it (callers keep them in an arena).
 */
#ifndef SW_STRMAP_H
#define SW_STRMAP_H

#include <stddef.h>

struct sw_strmap {
    const char **keys;
    size_t *values;
    size_t cap;     /* a power of two, or 0 */
    size_t count;
};

void sw_strmap_init(struct sw_strmap *m);
/* Frees the table (not the keys). Accepts NULL. */
void sw_strmap_release(struct sw_strmap *m);
/* The value stored for key, or -1. */
long sw_strmap_get(const struct sw_strmap *m, const char *key);
/* Stores key -> value (replacing any earlier value). 0, or -1 when out of memory. */
int sw_strmap_put(struct sw_strmap *m, const char *key, size_t value);

#endif
