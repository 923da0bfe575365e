/*
 * vec.h - growing an array by doubling (internal, not installed).
 *
 *     struct tok *toks = NULL;
 *     size_t n = 0, cap = 0;
 *     if (SW_VEC_GROW(toks, cap, n + 1, 64) < 0)
 *         return -1;               (out of memory: toks and cap are unchanged)
 *     toks[n++] = t;
 *
 * The capacity starts at `first` and doubles until it holds `need` items; a
 * size in bytes that would not fit a size_t fails like a failed allocation.
 */
#ifndef SW_VEC_H
#define SW_VEC_H

#include <stddef.h>

/* Makes *arrayp (a pointer to an array of `size`-byte items, *cap of them)
 * hold at least `need` items, moving it with realloc. 0 (the array is then
 * never NULL), or -1 with *arrayp and *cap unchanged. `arrayp` is the address
 * of any object pointer. */
int sw_vec_grow(void *arrayp, size_t size, size_t *cap, size_t need, size_t first);

/* sw_vec_grow for a typed array `array` with capacity `cap` (lvalues). */
#define SW_VEC_GROW(array, cap, need, first)                                             \
    ((need) <= (cap) ? 0 : sw_vec_grow(&(array), sizeof *(array), &(cap), (need), (first)))

#endif
