/* audit.c - rule 16: selection and scoring rates by group, impact ratios (audit.h). */
#include "audit.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules/audit_int.h"

/* --- the population -------------------------------------------------------- */

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* The median overall of the population (NaN when none has one). */
static double median_overall(const struct audit_ctx *cx)
{
    double *v = malloc((cx->n_members + 1) * sizeof *v);
    if (!v)
        return NAN;
    size_t n = 0;
    for (size_t p = 0; p < cx->n_members; p++)
        if (cx->members[p].scored)
            v[n++] = cx->members[p].overall;
    qsort(v, n, sizeof *v, cmp_double);
    double m = n == 0 ? NAN : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    free(v);
    return m;
}

/* Fills cx->members from the aggregate and the demographics; counts unmatched. */
static int gather(struct audit_ctx *cx, struct sw_audit *au)
{
    const struct sw_aggregate *a = cx->a;
    cx->members = calloc(a->n_candidates + 1, sizeof *cx->members);
    cx->member_of = malloc((a->n_candidates + 1) * sizeof *cx->member_of);
    if (!cx->members || !cx->member_of)
        return -1;
    for (size_t k = 0; k < a->n_candidates; k++) {
        const struct sw_candidate *c = &a->candidates[k];
        cx->member_of[k] = SIZE_MAX;
        if (c->scorecards == 0)
            continue;
        struct audit_member *m = &cx->members[cx->n_members];
        cx->member_of[k] = cx->n_members++;
        m->decided = c->decision == SW_DECISION_HIRE || c->decision == SW_DECISION_NO_HIRE;
        m->selected = c->decision == SW_DECISION_HIRE;
        m->scored = !isnan(c->overall);
        m->overall = c->overall;
        au->decided += m->decided;
    }
    for (size_t p = 0; p < cx->d->n_people; p++) {
        const struct sw_demo_person *person = &cx->d->people[p];
        long k = sw_aggregate_candidate(a, person->id);
        if (k < 0)
            au->unmatched++;
        else if (cx->member_of[k] != SIZE_MAX)
            cx->members[cx->member_of[k]].values = person->values;
    }
    au->population = cx->n_members;
    au->median_overall = median_overall(cx);
    for (size_t p = 0; p < cx->n_members; p++) {
        struct audit_member *m = &cx->members[p];
        m->above = m->scored && m->overall > au->median_overall;
    }
    return 0;
}

/* --- groups of one dimension, or of the intersections ------------------------ */

/* The dimensions a grouping looks at: [first, first + count). */
struct grouping {
    const struct audit_ctx *cx;
    size_t first, count;
};

static _Thread_local const struct grouping *sorting;

static int known(const struct grouping *gr, const struct audit_member *m)
{
    if (!m->values)
        return 0;
    for (size_t i = 0; i < gr->count; i++)
        if (!m->values[gr->first + i])
            return 0;
    return 1;
}

static int cmp_key(const struct grouping *gr, size_t p, size_t q)
{
    const struct audit_member *a = &gr->cx->members[p], *b = &gr->cx->members[q];
    for (size_t i = 0; i < gr->count; i++) {
        int r = strcmp(a->values[gr->first + i], b->values[gr->first + i]);
        if (r)
            return r;
    }
    return 0;
}

static int cmp_members(const void *x, const void *y)
{
    return cmp_key(sorting, *(const size_t *)x, *(const size_t *)y);
}

/* Splits the known members into groups in key order; group_of[p] = each
 * member's group (SIZE_MAX when unknown). */
static int split(const struct grouping *gr, struct sw_audit *au, struct sw_audit_dimension *dim,
                 size_t *group_of)
{
    const struct audit_ctx *cx = gr->cx;
    size_t *idx = malloc((cx->n_members + 1) * sizeof *idx), n = 0;
    if (!idx)
        return -1;
    for (size_t p = 0; p < cx->n_members; p++) {
        group_of[p] = SIZE_MAX;
        if (known(gr, &cx->members[p]))
            idx[n++] = p;
    }
    sorting = gr;
    qsort(idx, n, sizeof *idx, cmp_members);
    dim->unknown = cx->n_members - n;
    dim->groups = sw_arena_calloc(&au->arena, n + 1, sizeof *dim->groups);
    if (!dim->groups) {
        free(idx);
        return -1;
    }
    for (size_t j = 0; j < n; j++) {
        const struct audit_member *m = &cx->members[idx[j]];
        if (j == 0 || cmp_key(gr, idx[j - 1], idx[j]) != 0)
            dim->groups[dim->n_groups++].values = m->values + gr->first;
        struct sw_audit_group *g = &dim->groups[dim->n_groups - 1];
        group_of[idx[j]] = dim->n_groups - 1;
        g->n++;
        g->decided += m->decided;
        g->selected += m->selected;
        g->scored += m->scored;
        g->above += m->above;
    }
    free(idx);
    return 0;
}

/* Primary, then complementary suppression (audit.h). */
static void suppress(struct sw_audit_dimension *dim, size_t min_cell)
{
    size_t withheld = dim->unknown, suppressed = 0;
    for (size_t j = 0; j < dim->n_groups; j++)
        if (dim->groups[j].n < min_cell) {
            dim->groups[j].suppressed = 1;
            withheld += dim->groups[j].n;
            suppressed++;
        }
    if (!suppressed) {
        dim->withheld = SW_AUDIT_NULL;
        return;
    }
    while (withheld < min_cell) {
        struct sw_audit_group *least = NULL;
        for (size_t j = 0; j < dim->n_groups; j++)
            if (!dim->groups[j].suppressed && (!least || dim->groups[j].n < least->n))
                least = &dim->groups[j];
        if (!least)
            break;
        least->suppressed = 1;
        withheld += least->n;
    }
    dim->unknown = SW_AUDIT_NULL;
    dim->withheld = withheld;
}

/* Whether a/b < c/d exactly (b, d > 0). */
static int less(size_t a, size_t b, size_t c, size_t d)
{
    return (unsigned long long)a * d < (unsigned long long)c * b;
}

/* Which rate: selection (selected over decided) or scoring (above over scored). */
enum which { SELECTION, SCORING };

static size_t num_of(const struct sw_audit_group *g, enum which w)
{
    return w == SELECTION ? g->selected : g->above;
}

static size_t den_of(const struct sw_audit_group *g, enum which w)
{
    return w == SELECTION ? g->decided : g->scored;
}

/* Impact ratios and flags of one rate. */
static void impact(struct sw_audit_dimension *dim, enum which w)
{
    const struct sw_audit_group *best = NULL;
    for (size_t j = 0; j < dim->n_groups; j++) {
        const struct sw_audit_group *g = &dim->groups[j];
        if (g->excluded || g->suppressed || den_of(g, w) == 0)
            continue;
        if (!best || less(num_of(best, w), den_of(best, w), num_of(g, w), den_of(g, w)))
            best = g;
    }
    for (size_t j = 0; j < dim->n_groups; j++) {
        struct sw_audit_group *g = &dim->groups[j];
        double *out = w == SELECTION ? &g->selection_impact : &g->scoring_impact;
        *out = NAN;
        if (!best || num_of(best, w) == 0 || g->excluded || g->suppressed || den_of(g, w) == 0)
            continue;
        size_t a = num_of(g, w), b = den_of(g, w), c = num_of(best, w), d = den_of(best, w);
        *out = ((double)a / (double)b) / ((double)c / (double)d);
        if (5ULL * a * d < 4ULL * b * c)
            g->flag = 1;
    }
}

static double rate(size_t num, size_t den)
{
    return den ? (double)num / (double)den : NAN;
}

/* Rates, exclusion, suppression, impact ratios and Fisher's test of one grouping. */
static void measure(struct sw_audit *au, struct sw_audit_dimension *dim)
{
    size_t decided = 0, selected = 0;
    for (size_t j = 0; j < dim->n_groups; j++) {
        struct sw_audit_group *g = &dim->groups[j];
        decided += g->decided;
        selected += g->selected;
        g->excluded = 50 * g->n < au->population;
        g->selection_rate = rate(g->selected, g->decided);
        g->scoring_rate = rate(g->above, g->scored);
    }
    suppress(dim, au->min_cell);
    impact(dim, SELECTION);
    impact(dim, SCORING);
    for (size_t j = 0; j < dim->n_groups; j++) {
        struct sw_audit_group *g = &dim->groups[j];
        if (g->suppressed) {
            g->n = g->decided = g->selected = g->scored = g->above = SW_AUDIT_NULL;
            g->selection_rate = g->scoring_rate = g->fisher_p = NAN;
            g->flag = 0;
            continue;
        }
        size_t rest_sel = selected - g->selected, rest_dec = decided - g->decided;
        g->fisher_p = sw_fisher_exact(g->selected, g->decided - g->selected, rest_sel,
                                      rest_dec - rest_sel);
    }
}

static int audit_grouping(struct audit_ctx *cx, struct sw_audit *au,
                          struct sw_audit_dimension *dim, size_t first, size_t count,
                          size_t *group_of)
{
    struct grouping gr = { cx, first, count };
    if (split(&gr, au, dim, group_of) < 0)
        return -1;
    measure(au, dim);
    return 0;
}

/* --- the audit -------------------------------------------------------------- */

static int run(struct audit_ctx *cx, struct sw_audit *au)
{
    const struct sw_demographics *d = cx->d;
    if (gather(cx, au) < 0)
        return -1;
    au->n_dimensions = d->n_dimensions;
    au->dimensions = sw_arena_calloc(&au->arena, d->n_dimensions + 1, sizeof *au->dimensions);
    cx->group_of = calloc((d->n_dimensions + 1) * (cx->n_members + 1), sizeof *cx->group_of);
    if (!au->dimensions || !cx->group_of)
        return -1;
    for (size_t k = 0; k < d->n_dimensions; k++) {
        au->dimensions[k].id = d->dimensions[k];
        if (audit_grouping(cx, au, &au->dimensions[k], k, 1,
                           cx->group_of + k * (cx->n_members + 1)) < 0)
            return -1;
    }
    if (audit_grouping(cx, au, &au->intersections, 0, d->n_dimensions,
                       cx->group_of + d->n_dimensions * (cx->n_members + 1)) < 0)
        return -1;
    return audit_gaps(cx, au);
}

struct sw_audit *sw_audit_new(const struct sw_aggregate *a, const struct sw_demographics *d,
                              const struct sw_severity *sev, struct sw_errors *errs)
{
    if (sw_aggregate_require_finished(a, errs) < 0)
        return NULL;
    struct sw_audit *au = calloc(1, sizeof *au);
    if (!au) {
        sw_fail_oom(errs, NULL);
        return NULL;
    }
    sw_arena_init(&au->arena);
    au->min_cell = a->rubric->policy.min_cell;
    au->sigma2 = NAN;
    struct audit_ctx cx = { .a = a, .d = d, .sev = sev };
    int rc = run(&cx, au);
    free(cx.members);
    free(cx.member_of);
    free(cx.group_of);
    if (rc < 0) {
        sw_fail_oom(errs, NULL);
        sw_audit_free(au);
        return NULL;
    }
    return au;
}

void sw_audit_free(struct sw_audit *au)
{
    if (!au)
        return;
    free(au->gaps);
    sw_arena_release(&au->arena);
    free(au);
}
