/* promote.c - readiness for the next level, rule 14 (promote.h). */
#include "promote.h"

#include <math.h>
#include <string.h>

#define EPS 1e-9

const char *sw_readiness_name(enum sw_readiness r)
{
    static const char *const names[] = { "ready", "not-ready", "insufficient-evidence" };
    return r <= SW_INSUFFICIENT_EVIDENCE ? names[r] : "";
}

/* docs/design.md "Rubric": the next level stays on the
 * level's track (the next in rubric order with the same `track`, or with
 * none when the level has none). */
long sw_level_next(const struct sw_rubric *r, long level)
{
    if (level < 0 || (size_t)level >= r->n_levels)
        return -1;
    const char *track = r->levels[level].track;
    for (size_t i = (size_t)level + 1; i < r->n_levels; i++) {
        const char *t = r->levels[i].track;
        if (track ? t && strcmp(t, track) == 0 : !t)
            return (long)i;
    }
    return -1;
}

/* Rule 14 on one cycle, without --cycles. */
static enum sw_readiness readiness_of(const struct sw_rubric *r, const struct sw_growth_cycle *y,
                                      size_t level, unsigned *reasons,
                                      unsigned char *individual)
{
    const struct sw_level *L = &r->levels[level];
    *reasons = 0;
    memset(individual, 0, r->n_competencies);
    if (!y || y->assessors < r->policy.min_assessors)
        return SW_INSUFFICIENT_EVIDENCE;
    for (size_t c = 0; c < r->n_competencies; c++)
        if (y->competencies[c].n == 0)
            return SW_INSUFFICIENT_EVIDENCE;
    size_t gaps = 0;
    int any = 0;
    for (size_t c = 0; c < r->n_competencies; c++) {
        double gap = y->competencies[c].others - L->targets[c];
        if (r->pillars[r->competencies[c].pillar].half == SW_HALF_INDIVIDUAL) {
            if (gap < -EPS)
                individual[c] = 1, any = 1;
        } else if (gap <= -r->policy.gap + EPS) {
            gaps++;
        }
    }
    if (y->overall < L->hire_bar - EPS)
        *reasons |= SW_REASON_OVERALL;
    if (gaps > r->policy.max_gaps)
        *reasons |= SW_REASON_GAPS;
    return any || *reasons ? SW_NOT_READY : SW_READY;
}

void sw_promote_person(const struct sw_growth *g, const struct sw_person *p, size_t level,
                       const char *cycle, size_t cycles, struct sw_promotion *out)
{
    const struct sw_rubric *r = g->rubric;
    size_t k = p->n_cycles;    /* index of the chosen cycle, n_cycles when none */
    if (cycle) {
        for (size_t i = 0; i < p->n_cycles; i++)
            if (strcmp(p->cycles[i].id, cycle) == 0)
                k = i;
    } else if (p->n_cycles) {
        k = p->n_cycles - 1;
    }
    out->cycle = k < p->n_cycles ? &p->cycles[k] : NULL;
    out->readiness = readiness_of(r, out->cycle, level, &out->reasons, out->individual);
    if (out->readiness != SW_READY || cycles <= 1)
        return;
    int sustained = k + 1 >= cycles;
    unsigned reasons;
    for (size_t i = k + 1 - (sustained ? cycles : k + 1); sustained && i < k; i++)
        sustained = readiness_of(r, &p->cycles[i], level, &reasons, out->individual) ==
                    SW_READY;
    memset(out->individual, 0, r->n_competencies);
    if (!sustained) {
        out->readiness = SW_NOT_READY;
        out->reasons = SW_REASON_SUSTAINED;
    }
}
