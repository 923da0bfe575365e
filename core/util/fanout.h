/*
 * fanout.h - one job of n items on several threads (internal, not installed).
 *
 *     static void parse_one(void *ctx, size_t i) { ... item i ... }
 *     sw_fanout(n, threads, parse_one, ctx);
 *
 * Up to `threads` workers (the calling thread is one of them; at most
 * SW_MAX_THREADS, 0 counts as 1, never more than n) each take the next item
 * not yet taken, so a worker the system slows down holds up no other. A thread
 * that cannot be started is no failure: the others take its items. When
 * sw_fanout returns, f has run exactly once for every i in 0..n-1, in no
 * particular order; f must only touch what item i owns (or synchronise).
 */
#ifndef SW_FANOUT_H
#define SW_FANOUT_H

#include <stddef.h>

#include "load.h"    /* SW_MAX_THREADS */

typedef void (*sw_fanout_fn)(void *ctx, size_t i);

void sw_fanout(size_t n, unsigned threads, sw_fanout_fn f, void *ctx);

#endif
