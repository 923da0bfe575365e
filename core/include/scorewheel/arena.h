/*
 * arena.h - bump allocator: many small allocations, one release.
 *
 * Each loaded rubric and scorecard owns one arena holding all its strings and
 * arrays, so freeing a model is one call and a half-built model on an error
 * path needs no unwinding. Allocations are zeroed and aligned for any type.
 */
#ifndef SW_ARENA_H
#define SW_ARENA_H

#include <stddef.h>

struct sw_arena_chunk;

struct sw_arena {
    struct sw_arena_chunk *head;
};

#define SW_ARENA_INIT { NULL }

void sw_arena_init(struct sw_arena *a);
/* Frees every allocation. Accepts NULL. */
void sw_arena_release(struct sw_arena *a);
/* Zeroed memory for `count` objects of `size` bytes; NULL when out of memory or on overflow. */
void *sw_arena_calloc(struct sw_arena *a, size_t count, size_t size);
/* A copy of s (NULL gives NULL); NULL when out of memory. */
char *sw_arena_strdup(struct sw_arena *a, const char *s);

#endif
