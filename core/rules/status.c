/* status.c - loop status: docs/design.md rule 12. */
#include "status.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "timestamp.h"

#define END SIZE_MAX

int sw_status_born(const struct sw_card *card, double *t, struct sw_errors *errs)
{
    if (*card->created && sw_utc_parse(card->created, t) == 0)
        return 0;
    struct stat st;
    if (stat(card->path, &st) < 0)
        return sw_error_add(errs, SW_ESYSTEM, card->path, 0, "cannot read its time: %s",
                            strerror(errno));
    *t = (double)st.st_mtim.tv_sec + (double)st.st_mtim.tv_nsec / 1e9;
    return 0;
}

/* qsort context: C's qsort has none, and the cards sort by their aggregate's ids. */
static _Thread_local const struct sw_aggregate *sorting;

static int by_interview_then_interviewer(const void *x, const void *y)
{
    const struct sw_card *a = &sorting->cards[((const struct sw_status_card *)x)->card];
    const struct sw_card *b = &sorting->cards[((const struct sw_status_card *)y)->card];
    const struct sw_rubric *r = sorting->rubric;
    int c = strcmp(r->interviews[a->interview].id, r->interviews[b->interview].id);
    return c ? c : strcmp(sorting->interviewers[a->interviewer],
                          sorting->interviewers[b->interviewer]);
}

static int collect_cards(struct sw_status *s, struct sw_status_candidate *sc,
                         struct sw_errors *errs)
{
    const struct sw_aggregate *a = s->aggregate;
    const struct sw_candidate *cand = &a->candidates[sc->candidate];
    for (size_t i = cand->first_card; i != END; i = a->card_next[i])
        sc->n_cards++;
    sc->cards = calloc(sc->n_cards ? sc->n_cards : 1, sizeof *sc->cards);
    if (!sc->cards)
        return sw_fail_oom(errs, NULL);
    size_t k = 0;
    for (size_t i = cand->first_card; i != END; i = a->card_next[i]) {
        struct sw_status_card *c = &sc->cards[k++];
        c->card = i;
        c->age_hours = NAN;
        double born = NAN;
        if (a->cards[i].submitted)
            continue;
        if (sw_status_born(&a->cards[i], &born, errs) < 0)
            return -1;
        c->age_hours = (s->now - born) / 3600;
        c->overdue = c->age_hours >= s->overdue_hours;
        s->overdue += (size_t)c->overdue;
    }
    sorting = a;
    qsort(sc->cards, sc->n_cards, sizeof *sc->cards, by_interview_then_interviewer);
    sorting = NULL;
    return 0;
}

/* Marks in `probed` the competencies a question of interview iv measures. */
static void mark_probed(const struct sw_rubric *r, size_t iv, unsigned char *probed)
{
    const struct sw_interview *in = &r->interviews[iv];
    for (size_t q = in->first; q < in->first + in->count; q++)
        for (size_t m = 0; m < r->questions[q].n_measures; m++)
            probed[r->questions[q].measures[m].competency] = 1;
}

static int collect_needs(const struct sw_status *s, struct sw_status_candidate *sc,
                         unsigned char *probed, struct sw_errors *errs)
{
    const struct sw_aggregate *a = s->aggregate;
    const struct sw_rubric *r = a->rubric;
    const struct sw_candidate *cand = &a->candidates[sc->candidate];
    size_t min = r->policy.min_scorecards;
    sc->needs_scorecards = cand->scorecards < min ? min - cand->scorecards : 0;
    memset(probed, 0, r->n_competencies);
    for (size_t k = 0; k < sc->n_cards; k++)
        if (!a->cards[sc->cards[k].card].submitted)
            mark_probed(r, a->cards[sc->cards[k].card].interview, probed);
    sc->awaiting = malloc((r->n_competencies + 1) * sizeof *sc->awaiting);
    sc->uncovered = malloc((r->n_competencies + 1) * sizeof *sc->uncovered);
    if (!sc->awaiting || !sc->uncovered)
        return sw_fail_oom(errs, NULL);
    for (size_t c = 0; c < r->n_competencies; c++) {
        if (cand->competencies[c].n > 0)
            continue;
        if (probed[c])
            sc->awaiting[sc->n_awaiting++] = c;
        else
            sc->uncovered[sc->n_uncovered++] = c;
    }
    return 0;
}

struct sw_status *sw_status_new(const struct sw_aggregate *a, double now,
                                struct sw_errors *errs)
{
    if (!a->finished) {
        sw_error_add(errs, SW_ESYSTEM, NULL, 0, "the aggregate is not finished");
        return NULL;
    }
    struct sw_status *s = calloc(1, sizeof *s);
    unsigned char *probed = malloc(a->rubric->n_competencies + 1);
    if (s)
        s->candidates = calloc(a->n_candidates + 1, sizeof *s->candidates);
    if (!s || !probed || !s->candidates) {
        sw_fail_oom(errs, NULL);
        free(probed);
        sw_status_free(s);
        return NULL;
    }
    s->aggregate = a;
    s->now = now;
    s->overdue_hours = a->rubric->policy.overdue;
    s->n_candidates = a->n_candidates;
    int failed = 0;
    for (size_t k = 0; k < a->n_candidates && !failed; k++) {
        struct sw_status_candidate *sc = &s->candidates[k];
        sc->candidate = k;
        sc->submitted = a->candidates[k].scorecards;
        sc->pending = a->candidates[k].pending;
        failed = collect_cards(s, sc, errs) < 0 || collect_needs(s, sc, probed, errs) < 0;
    }
    free(probed);
    if (failed) {
        sw_status_free(s);
        return NULL;
    }
    return s;
}

void sw_status_free(struct sw_status *s)
{
    if (!s)
        return;
    for (size_t k = 0; k < s->n_candidates; k++) {
        free(s->candidates[k].cards);
        free(s->candidates[k].awaiting);
        free(s->candidates[k].uncovered);
    }
    free(s->candidates);
    free(s);
}
