/* arena.c - bump allocator: many small allocations, one release (arena.h). */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_SIZE 8192
#define ALIGN _Alignof(max_align_t)

struct sw_arena_chunk {
    struct sw_arena_chunk *next;
    size_t used;
    size_t size;
    _Alignas(max_align_t) unsigned char data[];
};

void sw_arena_init(struct sw_arena *a)
{
    a->head = NULL;
}

void sw_arena_release(struct sw_arena *a)
{
    if (!a)
        return;
    struct sw_arena_chunk *c = a->head;
    while (c) {
        struct sw_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}

static struct sw_arena_chunk *new_chunk(struct sw_arena *a, size_t need)
{
    size_t size = need > CHUNK_SIZE ? need : CHUNK_SIZE;
    struct sw_arena_chunk *c = malloc(sizeof *c + size);
    if (!c)
        return NULL;
    c->used = 0;
    c->size = size;
    /* A large block gets a chunk of its own behind the current one, so the
     * current chunk's free space stays in use. */
    if (a->head && need > CHUNK_SIZE) {
        c->next = a->head->next;
        a->head->next = c;
    } else {
        c->next = a->head;
        a->head = c;
    }
    return c;
}

void *sw_arena_calloc(struct sw_arena *a, size_t count, size_t size)
{
    if (size && count > (SIZE_MAX / 2) / size)
        return NULL;
    size_t need = (count * size + ALIGN - 1) / ALIGN * ALIGN;
    if (need == 0)
        need = ALIGN;
    struct sw_arena_chunk *c = a->head;
    if (!c || c->size - c->used < need) {
        c = new_chunk(a, need);
        if (!c)
            return NULL;
    }
    void *p = c->data + c->used;
    c->used += need;
    memset(p, 0, need);
    return p;
}

char *sw_arena_strdup(struct sw_arena *a, const char *s)
{
    if (!s)
        return NULL;
    size_t len = strlen(s) + 1;
    char *copy = sw_arena_calloc(a, len, 1);
    if (copy)
        memcpy(copy, s, len);
    return copy;
}
