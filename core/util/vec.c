/* vec.c - growing an array by doubling (vec.h). */
#include "util/vec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int sw_vec_grow(void *arrayp, size_t size, size_t *cap, size_t need, size_t first)
{
    /* The pointer is read and written through memcpy: arrayp points to a
     * `T *`, which need not be a `void *` object. */
    void *old;
    memcpy(&old, arrayp, sizeof old);
    if (old && need <= *cap)
        return 0;
    size_t n = old && *cap ? *cap : first ? first : 1;
    while (n < need)
        n = n > SIZE_MAX / 2 ? need : n * 2;
    if (size == 0 || n > SIZE_MAX / size)
        return -1;
    void *bigger = realloc(old, n * size);
    if (!bigger)
        return -1;
    memcpy(arrayp, &bigger, sizeof bigger);
    *cap = n;
    return 0;
}
