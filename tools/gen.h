/*
 * gen.h - what the generators (gencards, genassess) share: random numbers
 * (xorshift64*, deterministic by seed, so a seed always writes the same files;
 * seed by setting rng_state, never 0) and writing one generated file. Header
 * only: each tool is one source file.
 */
#ifndef SW_TOOLS_GEN_H
#define SW_TOOLS_GEN_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "error.h"
#include "files.h"

static uint64_t rng_state;

static inline uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717u;
}

/* Uniform in [0, 1). */
static inline double uniform(void)
{
    return (double)(rng() >> 11) / 9007199254740992.0;
}

/* Standard normal (Box-Muller). */
static inline double normal(void)
{
    double u = uniform(), v = uniform();
    return sqrt(-2 * log(u + 1e-300)) * cos(2 * M_PI * v);
}

/* 0..n-1; 0 when n is 0. */
static inline size_t pick(size_t n)
{
    return n ? (size_t)(rng() % n) : 0;
}

/* Writes b's text to path (creating dir first), atomically, then releases b;
 * problems on stderr as "TOOL: FILE: MESSAGE". 0 or -1. */
static inline int gen_write(const char *tool, const char *dir, const char *path,
                            struct sw_buf *b)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    int rc = b->failed || sw_mkdirs(dir, &errs) < 0 ||
             sw_write_atomic(path, b->data, b->len, 1, &errs) < 0 ? -1 : 0;
    for (size_t i = 0; i < errs.count; i++)
        fprintf(stderr, "%s: %s: %s\n", tool, errs.items[i].file ? errs.items[i].file : "",
                errs.items[i].message);
    sw_errors_release(&errs);
    sw_buf_release(b);
    return rc;
}

#endif
