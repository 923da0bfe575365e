/* order.c - putting an aggregate's candidates and interviewers in order. */
#include "rules/order.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Stable merge sort of idx[0..n-1] by cmp. */
static void sort_indices(size_t *idx, size_t *tmp, size_t n, sw_index_cmp cmp, const void *ctx)
{
    if (n < 2)
        return;
    size_t half = n / 2;
    sort_indices(idx, tmp, half, cmp, ctx);
    sort_indices(idx + half, tmp, n - half, cmp, ctx);
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n)
        tmp[k++] = cmp(ctx, idx[j], idx[i]) < 0 ? idx[j++] : idx[i++];
    while (i < half)
        tmp[k++] = idx[i++];
    while (j < n)
        tmp[k++] = idx[j++];
    memcpy(idx, tmp, n * sizeof *idx);
}

int sw_order_indices(size_t *idx, size_t n, sw_index_cmp cmp, const void *ctx)
{
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    size_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
    if (!tmp)
        return -1;
    sort_indices(idx, tmp, n, cmp, ctx);
    free(tmp);
    return 0;
}

static int by_interviewer_id(const void *ctx, size_t x, size_t y)
{
    const struct sw_aggregate *a = ctx;
    return strcmp(a->interviewers[x], a->interviewers[y]);
}

static int by_candidate_id(const void *ctx, size_t x, size_t y)
{
    const struct sw_aggregate *a = ctx;
    return strcmp(a->candidates[x].id, a->candidates[y].id);
}

int sw_aggregate_sort_ids(struct sw_aggregate *a)
{
    size_t n = a->n_interviewers > a->n_candidates ? a->n_interviewers : a->n_candidates;
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    size_t *rank = malloc((n ? n : 1) * sizeof *rank);
    void *copy = malloc((n ? n : 1) * sizeof(struct sw_candidate));
    int rc = -1;
    if (!order || !rank || !copy ||
        sw_order_indices(order, a->n_interviewers, by_interviewer_id, a) < 0)
        goto done;
    const char **ids = copy;
    for (size_t i = 0; i < a->n_interviewers; i++) {
        ids[i] = a->interviewers[order[i]];
        rank[order[i]] = i;
    }
    if (a->n_interviewers)
        memcpy(a->interviewers, ids, a->n_interviewers * sizeof *ids);
    for (size_t k = 0; k < a->n_cards; k++)
        a->cards[k].interviewer = rank[a->cards[k].interviewer];
    for (size_t i = 0; i < a->n_interviewers; i++)
        sw_strmap_put(&a->interviewer_ids, a->interviewers[i], i);

    if (sw_order_indices(order, a->n_candidates, by_candidate_id, a) < 0)
        goto done;
    struct sw_candidate *cands = copy;
    for (size_t i = 0; i < a->n_candidates; i++) {
        cands[i] = a->candidates[order[i]];
        rank[order[i]] = i;
    }
    if (a->n_candidates)
        memcpy(a->candidates, cands, a->n_candidates * sizeof *cands);
    for (size_t k = 0; k < a->n_cards; k++)
        a->cards[k].candidate = rank[a->cards[k].candidate];
    for (size_t i = 0; i < a->n_candidates; i++)
        sw_strmap_put(&a->candidate_ids, a->candidates[i].id, i);
    rc = 0;
done:
    free(order);
    free(rank);
    free(copy);
    return rc;
}

struct sort_ctx {
    const struct sw_aggregate *a;
    enum sw_sort sort;
};

/* Compares two values that may be null (NaN): nulls last; `descending` flips
 * the order of defined values only. */
static int cmp_nullable(double x, double y, int descending)
{
    if (isnan(x) || isnan(y))
        return isnan(x) - isnan(y);
    if (x == y)
        return 0;
    return (x < y) == !descending ? -1 : 1;
}

static int by_sort(const void *ctx, size_t x, size_t y)
{
    const struct sort_ctx *s = ctx;
    const struct sw_candidate *cx = &s->a->candidates[x], *cy = &s->a->candidates[y];
    int rc = 0;
    switch (s->sort) {
    case SW_SORT_OVERALL: rc = cmp_nullable(cx->overall, cy->overall, 1); break;
    case SW_SORT_SHORTFALL: rc = cmp_nullable(cx->shortfall, cy->shortfall, 0); break;
    case SW_SORT_NAME:
        rc = (!cx->name) - (!cy->name);
        if (rc == 0 && cx->name)
            rc = strcmp(cx->name, cy->name);
        break;
    case SW_SORT_ID: break;
    }
    return rc ? rc : strcmp(cx->id, cy->id);
}

const struct sw_sort_key sw_sort_keys[SW_SORT_KEYS] = {
    { "overall", "Overall", SW_SORT_OVERALL },
    { "shortfall", "Shortfall", SW_SORT_SHORTFALL },
    { "name", "Name", SW_SORT_NAME },
};

int sw_sort_key(const char *name)
{
    for (int i = 0; i < SW_SORT_KEYS; i++)
        if (strcmp(name, sw_sort_keys[i].name) == 0)
            return i;
    return -1;
}

void sw_aggregate_sort(const struct sw_aggregate *a, enum sw_sort sort, size_t *order)
{
    struct sort_ctx ctx = { a, sort };
    if (sw_order_indices(order, a->n_candidates, by_sort, &ctx) < 0) {
        for (size_t i = 0; i < a->n_candidates; i++)
            order[i] = i;    /* out of memory: id order, already the stored order */
    }
}
