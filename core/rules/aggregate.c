/* aggregate.c - the aggregate (aggregate.h): adding scorecards, their
 * candidates and interviewers, and duplicates; rules 2 to 7 are in
 * aggregate_rules.c. */
#include "aggregate.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "util/vec.h"

#define END SIZE_MAX

static const char *const decision_names[] = {
    "no-level", "insufficient-evidence", "no-hire", "hire",
};

const char *sw_decision_name(enum sw_decision d)
{
    return decision_names[d];
}

int sw_decision_parse(const char *name)
{
    for (size_t d = 0; d < sizeof decision_names / sizeof decision_names[0]; d++)
        if (strcmp(name, decision_names[d]) == 0)
            return (int)d;
    return -1;
}

const char *sw_flag_name(enum sw_flag f)
{
    switch (f) {
    case SW_FLAG_DISAGREEMENT: return "disagreement";
    case SW_FLAG_BELOW_TARGET: return "below-target";
    case SW_FLAG_UNASSESSED: return "unassessed";
    }
    return "";
}

struct sw_aggregate *sw_aggregate_new(const struct sw_rubric *r)
{
    struct sw_aggregate *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->rubric = r;
    sw_strmap_init(&a->candidate_ids);
    sw_strmap_init(&a->interviewer_ids);
    sw_arena_init(&a->arena);
    return a;
}

void sw_aggregate_free(struct sw_aggregate *a)
{
    if (!a)
        return;
    free(a->candidates);
    free(a->cards);
    free(a->card_next);
    free(a->card_set);
    free(a->interviewers);
    sw_strmap_release(&a->candidate_ids);
    sw_strmap_release(&a->interviewer_ids);
    sw_arena_release(&a->arena);
    free(a);
}

static long candidate_index(struct sw_aggregate *a, const char *id)
{
    long i = sw_strmap_get(&a->candidate_ids, id);
    if (i >= 0)
        return i;
    if (SW_VEC_GROW(a->candidates, a->cap_candidates, a->n_candidates + 1, 64) < 0)
        return -1;
    struct sw_candidate *c = &a->candidates[a->n_candidates];
    memset(c, 0, sizeof *c);
    c->id = sw_arena_strdup(&a->arena, id);
    c->level = -1;
    c->first_card = END;
    c->last_card = END;
    if (!c->id || sw_strmap_put(&a->candidate_ids, c->id, a->n_candidates) < 0)
        return -1;
    return (long)a->n_candidates++;
}

static long interviewer_index(struct sw_aggregate *a, const char *id)
{
    long i = sw_strmap_get(&a->interviewer_ids, id);
    if (i >= 0)
        return i;
    if (SW_VEC_GROW(a->interviewers, a->cap_interviewers, a->n_interviewers + 1, 64) < 0)
        return -1;
    const char *copy = sw_arena_strdup(&a->arena, id);
    if (!copy || sw_strmap_put(&a->interviewer_ids, copy, a->n_interviewers) < 0)
        return -1;
    a->interviewers[a->n_interviewers] = copy;
    return (long)a->n_interviewers++;
}

void sw_scorecard_scores(const struct sw_rubric *r, const struct sw_scorecard *s, double *scores,
                         double *weights)
{
    for (size_t c = 0; c < r->n_competencies; c++)
        scores[c] = weights[c] = 0;
    for (size_t i = 0; i < s->n_ratings; i++) {
        const struct sw_rating *rt = &s->ratings[i];
        if (isnan(rt->value))
            continue;
        if (rt->competency >= 0) {
            scores[rt->competency] += rt->value;
            weights[rt->competency] += 1;
            continue;
        }
        const struct sw_question *q = &r->questions[rt->question];
        for (size_t m = 0; m < q->n_measures; m++) {
            scores[q->measures[m].competency] += q->measures[m].weight * rt->value;
            weights[q->measures[m].competency] += q->measures[m].weight;
        }
    }
    for (size_t c = 0; c < r->n_competencies; c++)
        scores[c] = weights[c] > 0 ? scores[c] / weights[c] : NAN;
}

/* --- duplicates --------------------------------------------------------------
 * Every card by candidate, interviewer, interview and status, in an
 * open-addressing set, so a candidate with thousands of scorecards is not
 * walked for each new one. Built again when the indices it hashed changed
 * (sw_aggregate_finish sorts them) or it fell behind. */

static size_t card_hash(size_t cand, size_t who, size_t interview, int submitted)
{
    uint64_t h = (uint64_t)cand * 0x9E3779B97F4A7C15u;
    h = (h ^ (h >> 29) ^ (uint64_t)who) * 0xBF58476D1CE4E5B9u;
    h = (h ^ (h >> 32) ^ ((uint64_t)interview << 1 | (uint64_t)(submitted != 0)))
        * 0x94D049BB133111EBu;
    return (size_t)(h ^ (h >> 31));
}

static int same_key(const struct sw_card *o, size_t cand, size_t who, size_t interview,
                    int submitted)
{
    return o->candidate == cand && o->interviewer == who && o->interview == interview &&
           o->submitted == submitted;
}

/* The slot holding the card with this key, or the empty slot where it goes. */
static size_t *card_slot(const struct sw_aggregate *a, size_t cand, size_t who, size_t interview,
                         int submitted)
{
    size_t mask = a->card_set_cap - 1;
    size_t i = card_hash(cand, who, interview, submitted) & mask;
    while (a->card_set[i] && !same_key(&a->cards[a->card_set[i] - 1], cand, who, interview,
                                       submitted))
        i = (i + 1) & mask;
    return &a->card_set[i];
}

/* Room in the set for every card plus one, at most half full. */
static int card_set_reserve(struct sw_aggregate *a)
{
    if (a->card_set_used == a->n_cards && 2 * (a->n_cards + 1) <= a->card_set_cap)
        return 0;
    size_t cap = a->card_set_cap ? a->card_set_cap : 64;
    while (cap < 2 * (a->n_cards + 1))
        cap *= 2;
    size_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    free(a->card_set);
    a->card_set = slots;
    a->card_set_cap = cap;
    for (size_t k = 0; k < a->n_cards; k++) {
        const struct sw_card *o = &a->cards[k];
        size_t *slot = card_slot(a, o->candidate, o->interviewer, o->interview, o->submitted);
        if (!*slot)
            *slot = k + 1;
    }
    a->card_set_used = a->n_cards;
    return 0;
}

/* Room for one more card in both parallel arrays; the capacity changes only
 * once both have grown, so a failure leaves them consistent. */
static int reserve_card(struct sw_aggregate *a)
{
    size_t cap_cards = a->cap_cards, cap_next = a->cap_cards;
    if (SW_VEC_GROW(a->cards, cap_cards, a->n_cards + 1, 64) < 0 ||
        SW_VEC_GROW(a->card_next, cap_next, a->n_cards + 1, 64) < 0)
        return -1;
    a->cap_cards = cap_cards;
    return 0;
}

int sw_aggregate_add(struct sw_aggregate *a, const struct sw_scorecard *s,
                     struct sw_errors *errs)
{
    const struct sw_rubric *r = a->rubric;
    long cand = candidate_index(a, s->candidate);
    long who = cand < 0 ? -1 : interviewer_index(a, s->interviewer);
    if (who < 0 || reserve_card(a) < 0 || card_set_reserve(a) < 0)
        return sw_fail_oom(errs, s->path);
    size_t *slot = card_slot(a, (size_t)cand, (size_t)who, s->interview, s->submitted);
    if (*slot)
        return sw_fail(errs, s->path, s->line,
                       "a second %s scorecard for candidate '%s', interview '%s', interviewer "
                       "'%s': the other is %s", s->submitted ? "submitted" : "draft",
                       s->candidate, r->interviews[s->interview].id, s->interviewer,
                       a->cards[*slot - 1].path);
    struct sw_card *card = &a->cards[a->n_cards];
    card->path = sw_arena_strdup(&a->arena, s->path);
    card->scores = sw_arena_calloc(&a->arena, 2 * r->n_competencies + 1, sizeof *card->scores);
    if (!card->path || !card->scores)
        return sw_fail_oom(errs, s->path);
    card->line = s->line;
    card->candidate = (size_t)cand;
    card->interviewer = (size_t)who;
    card->interview = s->interview;
    card->level = s->level;
    card->submitted = s->submitted;
    card->created = *s->created ? sw_arena_strdup(&a->arena, s->created) : "";
    card->scheduled = *s->scheduled ? sw_arena_strdup(&a->arena, s->scheduled) : "";
    if (!card->created || !card->scheduled)
        return sw_fail_oom(errs, s->path);
    card->recommendation = s->recommendation;
    sw_scorecard_scores(r, s, card->scores, card->scores + r->n_competencies);
    if (!s->submitted)
        for (size_t c = 0; c < r->n_competencies; c++)
            card->scores[c] = NAN;
    struct sw_candidate *c = &a->candidates[cand];
    if (!c->name && s->candidate_name[0]) {
        c->name = sw_arena_strdup(&a->arena, s->candidate_name);
        if (!c->name)
            return sw_fail_oom(errs, s->path);
    }
    /* Chained at the tail, so each candidate's cards stay in the order added. */
    a->card_next[a->n_cards] = END;
    if (c->last_card == END)
        c->first_card = a->n_cards;
    else
        a->card_next[c->last_card] = a->n_cards;
    c->last_card = a->n_cards;
    *slot = a->n_cards + 1;
    a->n_cards++;
    a->card_set_used++;
    return 0;
}

size_t sw_aggregate_load(struct sw_aggregate *a, char *const *paths, size_t n,
                         struct sw_errors *errs)
{
    return sw_aggregate_load_parallel(a, paths, n, 1, NULL, NULL, errs);
}

/* What sw_aggregate_load_parallel() carries to each file. */
struct adding {
    struct sw_aggregate *a;
    struct sw_errors *errs;
    size_t failed;
    sw_progress_fn progress;
    void *ctx;
};

static void add_loaded(void *ctx, const char *path, struct sw_document *doc, int failed,
                       struct sw_errors *errs)
{
    (void)path;
    struct adding *add = ctx;
    if (failed || (doc->scorecard && sw_aggregate_add(add->a, doc->scorecard, errs) < 0))
        add->failed++;
    sw_errors_move(add->errs, errs);
}

static void pass_progress(void *ctx, size_t done, size_t total)
{
    struct adding *add = ctx;
    if (add->progress)
        add->progress(add->ctx, done, total);
}

size_t sw_aggregate_load_parallel(struct sw_aggregate *a, char *const *paths, size_t n,
                                  unsigned threads, sw_progress_fn progress, void *ctx,
                                  struct sw_errors *errs)
{
    struct adding add = { a, errs, 0, progress, ctx };
    if (sw_load_files(a->rubric, paths, n, SW_DOC_SKIP_RUBRICS | SW_DOC_SKIP_ASSESSMENTS,
                      threads, add_loaded,
                      pass_progress, &add) < 0) {
        sw_fail_oom(errs, NULL);
        return n;
    }
    return add.failed;
}

/* --- queries --------------------------------------------------------------- */

long sw_aggregate_candidate(const struct sw_aggregate *a, const char *id)
{
    return sw_strmap_get(&a->candidate_ids, id);
}

int sw_aggregate_require_finished(const struct sw_aggregate *a, struct sw_errors *errs)
{
    if (a->finished)
        return 0;
    return sw_error_add(errs, SW_ESYSTEM, NULL, 0,
                        "the scorecards were not aggregated to the end (out of memory?)");
}
