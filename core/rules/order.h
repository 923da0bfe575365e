/*
 * order.h - sorting for the aggregate (internal to core; the public
 * sw_aggregate_sort() is declared in aggregate.h).
 */
#ifndef SW_ORDER_H
#define SW_ORDER_H

#include <stddef.h>

#include "aggregate.h"

/* Compares items x and y: < 0 when x goes first, 0 when equal. */
typedef int (*sw_index_cmp)(const void *ctx, size_t x, size_t y);

/* Fills idx[0..n-1] with 0..n-1 sorted by cmp, stably (a merge sort: equal
 * items keep their order). 0, or -1 when out of memory (idx then holds
 * 0..n-1). */
int sw_order_indices(size_t *idx, size_t n, sw_index_cmp cmp, const void *ctx);

/* Puts a's interviewers and candidates in id order (strcmp), renumbers the
 * cards' candidate and interviewer indices and the candidate id map. Called
 * by sw_aggregate_finish(). 0, or -1 when out of memory (the order is then
 * unfinished, and so is the aggregate). */
int sw_aggregate_sort_ids(struct sw_aggregate *a);

#endif
