/* audit_gaps.c - rule 16's interviewer gaps, from rule 11's residuals (audit.h). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "rules/audit_int.h"

/* The gaps need this many of an interviewer's pairs inside and outside a group. */
#define MIN_PAIRS 3

/* Rule 11's pairs of the aggregate's submitted scorecards. */
static int pairs_of(const struct sw_aggregate *a, struct sw_pair **pairs, size_t *n_pairs)
{
    size_t nk = a->rubric->n_competencies, n = 0;
    if (a->n_cards && nk > SIZE_MAX / a->n_cards / sizeof(struct sw_observation))
        return -1;
    struct sw_observation *obs = malloc((a->n_cards * nk + 1) * sizeof *obs);
    if (!obs)
        return -1;
    for (const struct sw_card *s = a->cards; s < a->cards + a->n_cards; s++)
        for (size_t c = 0; s->submitted && c < nk; c++)
            if (!isnan(s->scores[c]))
                obs[n++] = (struct sw_observation){ .candidate = s->candidate,
                                                    .interviewer = s->interviewer,
                                                    .competency = c, .x = s->scores[c] };
    struct sw_errors errs;
    sw_errors_init(&errs);
    int rc = sw_severity_pairs(obs, n, nk, pairs, n_pairs, &errs);
    sw_errors_release(&errs);
    free(obs);
    return rc;
}

/* e(k,i) = z - b(i) - f(k), f(k) the mean of z - b over k's pairs (pairs come
 * by candidate). */
static void residuals(const struct sw_severity *sev, const struct sw_pair *p, size_t n,
                      double *e)
{
    for (size_t j = 0, end; j < n; j = end) {
        double sum = 0;
        for (end = j; end < n && p[end].candidate == p[j].candidate; end++)
            sum += p[end].z - sev->adjustment[p[end].interviewer];
        double f = sum / (double)(end - j);
        for (size_t t = j; t < end; t++)
            e[t] = p[t].z - sev->adjustment[p[t].interviewer] - f;
    }
}

static int cmp_gap(const void *x, const void *y)
{
    const struct sw_audit_gap *a = x, *b = y;
    if (a->interviewer != b->interviewer)
        return a->interviewer < b->interviewer ? -1 : 1;
    if (a->dimension != b->dimension)
        return a->dimension < b->dimension ? -1 : 1;
    return (a->group > b->group) - (a->group < b->group);
}

/* The gaps of dimension k, appended to au->gaps (room for them is there). */
static int dimension_gaps(const struct audit_ctx *cx, struct sw_audit *au, size_t k,
                          const struct sw_pair *p, size_t n, const double *e)
{
    const struct sw_audit_dimension *dim = &au->dimensions[k];
    size_t ni = cx->a->n_interviewers, ng = dim->n_groups + 1;
    const size_t *group_of = cx->group_of + k * (cx->n_members + 1);
    size_t *cnt = calloc(ni * ng + 1, sizeof *cnt);
    double *sum = calloc(ni * ng + 1, sizeof *sum);
    if (!cnt || !sum) {
        free(cnt);
        free(sum);
        return -1;
    }
    for (size_t j = 0; j < n; j++) {
        size_t g = group_of[cx->member_of[p[j].candidate]];
        if (g == SIZE_MAX)
            continue;
        size_t i = p[j].interviewer;
        cnt[i * ng + g]++, sum[i * ng + g] += e[j];
        cnt[i * ng + ng - 1]++, sum[i * ng + ng - 1] += e[j];   /* known, all groups */
    }
    for (size_t i = 0; i < ni; i++)
        for (size_t g = 0; g + 1 < ng; g++) {
            size_t in = cnt[i * ng + g], out = cnt[i * ng + ng - 1] - in;
            if (dim->groups[g].suppressed || in < MIN_PAIRS || out < MIN_PAIRS)
                continue;
            struct sw_audit_gap *gap = &au->gaps[au->n_gaps++];
            double mean_in = sum[i * ng + g] / (double)in;
            double mean_out = (sum[i * ng + ng - 1] - sum[i * ng + g]) / (double)out;
            *gap = (struct sw_audit_gap){ .interviewer = i, .dimension = k, .group = g,
                                          .n_in = in, .n_out = out,
                                          .gap = mean_in - mean_out };
            gap->se = sqrt(au->sigma2 * (1.0 / (double)in + 1.0 / (double)out));
            gap->flag = fabs(gap->gap) >= 2 * gap->se;
        }
    free(cnt);
    free(sum);
    return 0;
}

int audit_gaps(const struct audit_ctx *cx, struct sw_audit *au)
{
    const struct sw_severity *sev = cx->sev;
    if (!sev || !sev->fitted)
        return 0;
    au->fitted = 1;
    au->sigma2 = sev->sigma2;
    struct sw_pair *pairs = NULL;
    size_t n = 0, room = 0;
    if (pairs_of(cx->a, &pairs, &n) < 0)
        return -1;
    for (size_t k = 0; k < au->n_dimensions; k++)
        room += au->dimensions[k].n_groups * cx->a->n_interviewers;
    double *e = malloc((n + 1) * sizeof *e);
    au->gaps = malloc((room + 1) * sizeof *au->gaps);
    int rc = e && au->gaps ? 0 : -1;
    if (rc == 0)
        residuals(sev, pairs, n, e);
    for (size_t k = 0; rc == 0 && k < au->n_dimensions; k++)
        rc = dimension_gaps(cx, au, k, pairs, n, e);
    if (rc == 0)
        qsort(au->gaps, au->n_gaps, sizeof *au->gaps, cmp_gap);
    free(e);
    free(pairs);
    return rc;
}
