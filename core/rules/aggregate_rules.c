/* aggregate_rules.c - sw_aggregate_finish and sw_aggregate_shift
 * (aggregate.h): docs/design.md rules 2 to 7 over the cards that
 * aggregate.c collected, per candidate. */
#include "aggregate.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules/order.h"
#include "stats.h"

#define EPS 1e-9
#define END SIZE_MAX    /* the end of a candidate's chain of cards */

/* Rule 4: the level of candidate c from its submitted scorecards. */
static long resolve_level(const struct sw_aggregate *a, const struct sw_candidate *c,
                          struct sw_errors *errs)
{
    const struct sw_card *first = NULL;
    for (size_t k = c->first_card; k != END; k = a->card_next[k]) {
        const struct sw_card *card = &a->cards[k];
        if (!card->submitted || card->level < 0)
            continue;
        if (!first) {
            first = card;
        } else if (card->level != first->level) {
            sw_fail(errs, card->path, card->line,
                    "candidate '%s' is assessed for level '%s' here but '%s' in %s "
                    "(choose one with --level)", c->id, a->rubric->levels[card->level].id,
                    a->rubric->levels[first->level].id, first->path);
            return -1;
        }
    }
    return first ? first->level : -1;
}

static void competency_stats(const struct sw_aggregate *a, struct sw_candidate *cand, size_t c,
                             double *values)
{
    const struct sw_rubric *r = a->rubric;
    struct sw_competency_stats *st = &cand->competencies[c];
    size_t n = 0;
    for (size_t k = cand->first_card; k != END; k = a->card_next[k])
        if (a->cards[k].submitted && !isnan(a->cards[k].scores[c]))
            values[n++] = a->cards[k].scores[c];
    st->n = n;
    st->mean = sw_mean(values, n);
    st->sd = sw_sample_sd(values, n);
    st->median = sw_median(values, n);     /* sorts values */
    st->min = n ? values[0] : NAN;
    st->max = n ? values[n - 1] : NAN;
    st->target = cand->level >= 0 ? r->levels[cand->level].targets[c] : NAN;
    st->gap = st->mean - st->target;
    st->flags = 0;
    if (n == 0)
        st->flags |= SW_FLAG_UNASSESSED;
    if (n > 0 && st->max - st->min >= r->policy.disagreement - EPS)
        st->flags |= SW_FLAG_DISAGREEMENT;
    if (!isnan(st->gap) && st->gap <= -r->policy.gap + EPS)
        st->flags |= SW_FLAG_BELOW_TARGET;
}

/* Rule 3, and rule 4's shortfall. */
static void pillar_scores(const struct sw_rubric *r, struct sw_candidate *cand, double *buf)
{
    size_t all = 0;
    double gaps = 0;
    for (size_t p = 0; p < r->n_pillars; p++) {
        size_t n = 0;
        for (size_t c = r->pillars[p].first; c < r->pillars[p].first + r->pillars[p].count; c++)
            if (cand->competencies[c].n > 0)
                buf[n++] = cand->competencies[c].mean;
        cand->pillars[p] = sw_mean(buf, n);
    }
    for (size_t c = 0; c < r->n_competencies; c++) {
        const struct sw_competency_stats *st = &cand->competencies[c];
        if (st->n == 0)
            continue;
        buf[all++] = st->mean;
        if (!isnan(st->gap) && st->gap < 0)
            gaps += -st->gap;
        cand->below_target += (st->flags & SW_FLAG_BELOW_TARGET) != 0;
    }
    cand->assessed = all;
    cand->overall = sw_mean(buf, all);
    cand->shortfall = cand->level >= 0 && all > 0 ? gaps / (double)all : NAN;
}

/* Rule 6. */
static enum sw_decision decide(const struct sw_rubric *r, const struct sw_candidate *c)
{
    const struct sw_policy *p = &r->policy;
    if (c->level < 0)
        return SW_DECISION_NO_LEVEL;
    if (c->scorecards < p->min_scorecards || c->assessed < p->min_coverage)
        return SW_DECISION_INSUFFICIENT_EVIDENCE;
    if (p->veto != SW_REC_NONE && c->recommendations[p->veto] > 0)
        return SW_DECISION_NO_HIRE;
    if (c->overall >= r->levels[c->level].hire_bar - EPS && c->below_target <= p->max_gaps)
        return SW_DECISION_HIRE;
    return SW_DECISION_NO_HIRE;
}

/* Rule 7. */
static long archetype(const struct sw_rubric *r, const struct sw_candidate *c, double *d)
{
    size_t np = r->n_pillars;
    for (size_t p = 0; p < np; p++)
        if (isnan(c->pillars[p]))
            return -1;
    double centre = sw_mean(c->pillars, np), spread = 0;
    for (size_t p = 0; p < np; p++) {
        d[p] = c->pillars[p] - centre;
        spread = fmax(spread, fabs(d[p]));
    }
    if (spread < r->policy.balanced) {
        for (size_t k = 0; k < r->n_archetypes; k++)
            if (!r->archetypes[k].has_emphasis)
                return (long)k;
        return -1;
    }
    long best = -1;
    double best_cos = -INFINITY;
    for (size_t k = 0; k < r->n_archetypes; k++) {
        const double *e = r->archetypes[k].emphasis;
        double e_centre = sw_mean(e, np), dot = 0, ee = 0, dd = 0;
        for (size_t p = 0; p < np; p++) {
            double ec = e[p] - e_centre;
            dot += ec * d[p];
            ee += ec * ec;
            dd += d[p] * d[p];
        }
        if (ee <= 0 || dd <= 0)
            continue;    /* no shape to compare: the balanced one, or uniform emphasis */
        double cosine = dot / sqrt(ee * dd);
        if (cosine > best_cos + 1e-12) {
            best_cos = cosine;
            best = (long)k;
        }
    }
    return best;
}

static void tally(const struct sw_aggregate *a, struct sw_candidate *c, unsigned char *seen)
{
    memset(seen, 0, a->n_interviewers ? a->n_interviewers : 1);
    for (size_t k = c->first_card; k != END; k = a->card_next[k]) {
        const struct sw_card *card = &a->cards[k];
        if (!card->submitted) {
            c->pending++;
            continue;
        }
        c->scorecards++;
        if (card->recommendation != SW_REC_NONE)
            c->recommendations[card->recommendation]++;
        if (!seen[card->interviewer]) {
            seen[card->interviewer] = 1;
            c->n_interviewers++;
        }
    }
}

static int finish_candidate(struct sw_aggregate *a, struct sw_candidate *c, long level,
                            double *values, unsigned char *seen, struct sw_errors *errs)
{
    const struct sw_rubric *r = a->rubric;
    tally(a, c, seen);
    c->interviewers = sw_arena_calloc(&a->arena, c->n_interviewers + 1, sizeof *c->interviewers);
    c->competencies = sw_arena_calloc(&a->arena, r->n_competencies, sizeof *c->competencies);
    c->pillars = sw_arena_calloc(&a->arena, r->n_pillars, sizeof *c->pillars);
    if (!c->interviewers || !c->competencies || !c->pillars)
        return sw_fail_oom(errs, NULL);
    for (size_t i = 0, n = 0; i < a->n_interviewers; i++)
        if (seen[i])
            c->interviewers[n++] = i;     /* ascending index = ascending id */
    c->level = level >= 0 ? level : level == SW_LEVEL_IGNORE ? -1 : resolve_level(a, c, errs);
    for (size_t k = 0; k < r->n_competencies; k++)
        competency_stats(a, c, k, values);
    pillar_scores(r, c, values);
    c->decision = decide(r, c);
    c->archetype = archetype(r, c, values);
    return 0;
}

int sw_aggregate_finish(struct sw_aggregate *a, long level, struct sw_errors *errs)
{
    size_t before = errs->count + errs->lost;
    if (sw_aggregate_sort_ids(a) < 0)
        return sw_fail_oom(errs, NULL);
    a->card_set_used = 0;    /* its hashes hold the indices from before the sort */
    size_t most = a->rubric->n_competencies + a->rubric->n_pillars;
    for (size_t i = 0; i < a->n_candidates; i++) {
        size_t n = 0;
        for (size_t k = a->candidates[i].first_card; k != END; k = a->card_next[k])
            n++;
        most = n > most ? n : most;
    }
    double *values = malloc((most + 1) * sizeof *values);
    unsigned char *seen = malloc(a->n_interviewers + 1);
    if (!values || !seen) {
        free(values);
        free(seen);
        return sw_fail_oom(errs, NULL);
    }
    int complete = 1;
    for (size_t i = 0; i < a->n_candidates && complete; i++)
        complete = finish_candidate(a, &a->candidates[i], level, values, seen, errs) == 0;
    free(values);
    free(seen);
    a->finished = complete;
    return errs->count + errs->lost > before ? -1 : 0;
}

/* Rules 2 to 7 again for one candidate whose scores changed (level kept). */
static void rescore_candidate(struct sw_aggregate *a, struct sw_candidate *c, double *values)
{
    const struct sw_rubric *r = a->rubric;
    c->below_target = 0;
    for (size_t k = 0; k < r->n_competencies; k++)
        competency_stats(a, c, k, values);
    pillar_scores(r, c, values);
    c->decision = decide(r, c);
    c->archetype = archetype(r, c, values);
}

int sw_aggregate_shift(struct sw_aggregate *a, const double *shift, struct sw_errors *errs)
{
    const struct sw_rubric *r = a->rubric;
    if (!a->finished)
        return sw_error_add(errs, SW_ESYSTEM, NULL, 0, "the aggregate is not finished");
    size_t most = r->n_competencies + r->n_pillars;
    for (size_t i = 0; i < a->n_candidates; i++)
        most = a->candidates[i].scorecards > most ? a->candidates[i].scorecards : most;
    double *values = malloc((most + 1) * sizeof *values);
    if (!values)
        return sw_fail_oom(errs, NULL);
    for (size_t k = 0; k < a->n_cards; k++) {
        struct sw_card *card = &a->cards[k];
        for (size_t c = 0; card->submitted && c < r->n_competencies; c++)
            card->scores[c] -= shift[card->interviewer];
    }
    for (size_t i = 0; i < a->n_candidates; i++)
        rescore_candidate(a, &a->candidates[i], values);
    free(values);
    return 0;
}
