/*
 * rng.h - the generators' random numbers (gencards, genassess): xorshift64*,
 * deterministic by seed, so a seed always writes the same files. Header only:
 * each tool is one source file. Seed by setting rng_state (never 0).
 */
#ifndef SW_TOOLS_RNG_H
#define SW_TOOLS_RNG_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

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

#endif
