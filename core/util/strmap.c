/* strmap.c - a map from strings to indices, open addressing with FNV-1a (strmap.h). */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void sw_strmap_init(struct sw_strmap *m)
{
    m->keys = NULL;
    m->values = NULL;
    m->cap = 0;
    m->count = 0;
}

void sw_strmap_release(struct sw_strmap *m)
{
    if (!m)
        return;
    free(m->keys);
    free(m->values);
    sw_strmap_init(m);
}

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* The slot holding key, or the empty slot where it would go. */
static size_t slot(const struct sw_strmap *m, const char *key)
{
    size_t i = (size_t)hash(key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & (m->cap - 1);
    return i;
}

long sw_strmap_get(const struct sw_strmap *m, const char *key)
{
    if (!m->cap)
        return -1;
    size_t i = slot(m, key);
    return m->keys[i] ? (long)m->values[i] : -1;
}

static int grow(struct sw_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    struct sw_strmap bigger = { calloc(cap, sizeof *m->keys), calloc(cap, sizeof *m->values),
                                cap, 0 };
    if (!bigger.keys || !bigger.values) {
        sw_strmap_release(&bigger);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (m->keys[i]) {
            size_t j = slot(&bigger, m->keys[i]);
            bigger.keys[j] = m->keys[i];
            bigger.values[j] = m->values[i];
            bigger.count++;
        }
    }
    free(m->keys);
    free(m->values);
    m->keys = bigger.keys;
    m->values = bigger.values;
    m->cap = bigger.cap;
    m->count = bigger.count;
    return 0;
}

int sw_strmap_put(struct sw_strmap *m, const char *key, size_t value)
{
    if ((m->count + 1) * 4 > m->cap * 3 && grow(m) < 0)
        return -1;
    size_t i = slot(m, key);
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->count++;
    }
    m->values[i] = value;
    return 0;
}
