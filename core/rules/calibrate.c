/* calibrate.c - interviewer calibration and reliability, rules 8 and 9 (calibrate.h). */
#include "calibrate.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define END SIZE_MAX

/* One candidate's observations of one competency, per interviewer. */
struct unit {
    size_t *who;      /* interviewer indices, distinct */
    size_t *slot;     /* by interviewer index: its position in who, END if absent */
    double *sum;      /* their values' sum */
    size_t *count;    /* and count */
    size_t n;         /* distinct interviewers */
    double total;     /* every observation's sum */
    size_t observations;
};

/* The position of interviewer `who` among the unit's, or u->n when absent. */
static size_t slot_of(const struct unit *u, size_t who)
{
    size_t j = u->slot[who];
    return j == END ? u->n : j;
}

/* From card i on in a candidate's list, the first submitted card that rated
 * competency k (its score in *x), or END. */
static size_t next_rated(const struct sw_aggregate *a, size_t i, size_t k, double *x)
{
    for (; i != END; i = a->card_next[i]) {
        *x = a->cards[i].scores[k];
        if (a->cards[i].submitted && !isnan(*x))
            return i;
    }
    return END;
}

/* Each submitted card of candidate `cand` that rated competency k, its score in x. */
#define EACH_RATED(a, cand, k, i, x)                                                     \
    for (size_t i = next_rated(a, (a)->candidates[cand].first_card, k, &(x)); i != END; \
         i = next_rated(a, (a)->card_next[i], k, &(x)))

/* Gathers candidate `cand`'s observations of competency k into u (arrays sized
 * by the caller for the candidate's card count). */
static void gather(const struct sw_aggregate *a, size_t cand, size_t k, struct unit *u)
{
    for (size_t j = 0; j < u->n; j++)
        u->slot[u->who[j]] = END;
    u->n = 0;
    u->total = 0;
    u->observations = 0;
    double x;
    EACH_RATED(a, cand, k, i, x) {
        const struct sw_card *card = &a->cards[i];
        size_t j = slot_of(u, card->interviewer);
        if (j == u->n) {
            u->slot[card->interviewer] = u->n;
            u->who[u->n] = card->interviewer;
            u->sum[u->n] = 0;
            u->count[u->n++] = 0;
        }
        u->sum[j] += x;
        u->count[j]++;
        u->total += x;
        u->observations++;
    }
}

/* Rule 8's leniency terms: for each of the unit's interviewers, every one of
 * its observations compared with the mean of the others' observations. */
static void add_leniency(const struct sw_aggregate *a, size_t cand, size_t k,
                         const struct unit *u, double *diff_sum)
{
    double x;
    EACH_RATED(a, cand, k, i, x) {
        const struct sw_card *card = &a->cards[i];
        size_t j = slot_of(u, card->interviewer);
        size_t others = u->observations - u->count[j];
        if (others == 0)
            continue;
        double others_mean = (u->total - u->sum[j]) / (double)others;
        diff_sum[card->interviewer] += x - others_mean;
    }
}

struct work {
    struct unit u;
    double *values;         /* per-interviewer means of every unit, for alpha */
    size_t *starts;         /* unit boundaries in values */
    double *diff_sum;       /* per interviewer: sum of leniency terms */
    size_t *compared;
    double *obs_sum;        /* per interviewer: sum of x */
};

/* 0, or -1 when out of memory. */
static int interviewer_counts(const struct sw_aggregate *a, struct sw_calibration *cal,
                              struct work *w)
{
    size_t *with_rec = calloc(a->n_interviewers + 1, sizeof *with_rec);
    size_t *hires = calloc(a->n_interviewers + 1, sizeof *hires);
    if (!with_rec || !hires) {
        free(with_rec);
        free(hires);
        return -1;
    }
    for (size_t i = 0; i < a->n_cards; i++) {
        const struct sw_card *card = &a->cards[i];
        if (!card->submitted)
            continue;
        struct sw_interviewer_stats *st = &cal->interviewers[card->interviewer];
        st->scorecards++;
        for (size_t k = 0; k < a->rubric->n_competencies; k++) {
            if (!isnan(card->scores[k])) {
                st->observations++;
                w->obs_sum[card->interviewer] += card->scores[k];
            }
        }
        if (card->recommendation != SW_REC_NONE) {
            with_rec[card->interviewer]++;
            hires[card->interviewer] += card->recommendation == SW_REC_HIRE ||
                                        card->recommendation == SW_REC_STRONG_HIRE;
        }
    }
    for (size_t i = 0; i < a->n_interviewers; i++) {
        struct sw_interviewer_stats *st = &cal->interviewers[i];
        st->mean = st->observations ? w->obs_sum[i] / (double)st->observations : NAN;
        st->hire_rate = with_rec[i] ? (double)hires[i] / (double)with_rec[i] : NAN;
    }
    free(with_rec);
    free(hires);
    return 0;
}

/* The ICC matrix of competency k: candidates and interviewers with any value;
 * complete or not. Returns 0, with rel->has_icc set when the ICCs apply (at
 * least 2 x 2, complete), or -1 when out of memory. */
static int icc_for(const struct sw_aggregate *a, size_t k, struct work *w,
                   struct sw_reliability *rel)
{
    size_t ni = a->n_interviewers, nc = 0, nk = 0;
    unsigned char *rater = calloc(ni + 1, 1);
    double *cells = NULL;
    int rc = 0;
    if (!rater)
        return -1;
    for (size_t c = 0; c < a->n_candidates; c++) {
        gather(a, c, k, &w->u);
        nc += w->u.n > 0;
        for (size_t j = 0; j < w->u.n; j++)
            rater[w->u.who[j]] = 1;
    }
    for (size_t i = 0; i < ni; i++)
        nk += rater[i];
    if (nc < 2 || nk < 2)
        goto done;
    cells = nc <= SIZE_MAX / nk / sizeof *cells ? malloc(nc * nk * sizeof *cells) : NULL;
    if (!cells) {
        rc = -1;
        goto done;
    }
    size_t row = 0;
    for (size_t c = 0; c < a->n_candidates; c++) {
        gather(a, c, k, &w->u);
        if (w->u.n == 0)
            continue;
        if (w->u.n != nk)
            goto done;      /* a missing cell: the matrix is not complete */
        for (size_t j = 0, col = 0; j < ni; j++) {
            if (!rater[j])
                continue;
            size_t m = slot_of(&w->u, j);
            cells[row * nk + col++] = w->u.sum[m] / (double)w->u.count[m];
        }
        row++;
    }
    if (sw_icc(cells, nc, nk, &rel->icc) < 0) {
        rc = -1;    /* n and k are at least 2: out of memory */
        goto done;
    }
    rel->has_icc = 1;
    rel->icc_n = nc;
    rel->icc_k = nk;
done:
    free(rater);
    free(cells);
    return rc;
}

/* Appends competency k's units (per-interviewer means) for every candidate
 * to w->values from unit index *n_units on; updates the leniency sums. */
static void units_of(const struct sw_aggregate *a, size_t k, struct work *w, size_t *n_units,
                     size_t *n_values)
{
    for (size_t c = 0; c < a->n_candidates; c++) {
        gather(a, c, k, &w->u);
        if (w->u.n == 0)
            continue;
        add_leniency(a, c, k, &w->u, w->diff_sum);
        for (size_t i = a->candidates[c].first_card; i != END; i = a->card_next[i]) {
            const struct sw_card *card = &a->cards[i];
            if (!card->submitted || isnan(card->scores[k]))
                continue;
            size_t j = slot_of(&w->u, card->interviewer);
            w->compared[card->interviewer] += w->u.observations > w->u.count[j];
        }
        w->starts[*n_units] = *n_values;
        for (size_t j = 0; j < w->u.n; j++)
            w->values[(*n_values)++] = w->u.sum[j] / (double)w->u.count[j];
        (*n_units)++;
        w->starts[*n_units] = *n_values;
    }
}

static int work_init(struct work *w, const struct sw_aggregate *a)
{
    size_t most = 1;
    for (size_t c = 0; c < a->n_candidates; c++) {
        size_t n = 0;
        for (size_t i = a->candidates[c].first_card; i != END; i = a->card_next[i])
            n++;
        most = n > most ? n : most;
    }
    size_t nk = a->rubric->n_competencies, ni = a->n_interviewers + 1;
    memset(w, 0, sizeof *w);
    w->u.who = malloc(most * sizeof *w->u.who);
    w->u.sum = malloc(most * sizeof *w->u.sum);
    w->u.count = malloc(most * sizeof *w->u.count);
    w->u.slot = malloc(ni * sizeof *w->u.slot);
    for (size_t i = 0; w->u.slot && i < ni; i++)
        w->u.slot[i] = END;
    w->values = malloc((a->n_cards * nk + 1) * sizeof *w->values);
    w->starts = malloc((a->n_candidates * nk + 2) * sizeof *w->starts);
    w->diff_sum = calloc(ni, sizeof *w->diff_sum);
    w->compared = calloc(ni, sizeof *w->compared);
    w->obs_sum = calloc(ni, sizeof *w->obs_sum);
    return w->u.who && w->u.sum && w->u.count && w->u.slot && w->values && w->starts &&
                   w->diff_sum && w->compared && w->obs_sum ? 0 : -1;
}

static void work_release(struct work *w)
{
    free(w->u.who);
    free(w->u.sum);
    free(w->u.count);
    free(w->u.slot);
    free(w->values);
    free(w->starts);
    free(w->diff_sum);
    free(w->compared);
    free(w->obs_sum);
}

struct sw_calibration *sw_calibrate(const struct sw_aggregate *a, struct sw_errors *errs)
{
    size_t nk = a->rubric->n_competencies;
    if (sw_aggregate_require_finished(a, errs) < 0)
        return NULL;
    struct sw_calibration *cal = calloc(1, sizeof *cal);
    struct work w;
    memset(&w, 0, sizeof w);
    if (!cal || work_init(&w, a) < 0) {
        free(cal);
        work_release(&w);
        sw_fail_oom(errs, NULL);
        return NULL;
    }
    cal->interviewers = calloc(a->n_interviewers + 1, sizeof *cal->interviewers);
    cal->competencies = calloc(nk + 1, sizeof *cal->competencies);
    if (!cal->interviewers || !cal->competencies) {
        work_release(&w);
        sw_calibration_free(cal);
        sw_fail_oom(errs, NULL);
        return NULL;
    }
    cal->n_interviewers = a->n_interviewers;
    cal->n_competencies = nk;
    int rc = interviewer_counts(a, cal, &w);
    /* Units of every competency one after another: each competency's alpha
     * reads its own stretch, the pooled alpha reads them all. */
    size_t n_units = 0, n_values = 0;
    w.starts[0] = 0;
    for (size_t k = 0; k < nk && rc == 0; k++) {
        size_t first = n_units;
        units_of(a, k, &w, &n_units, &n_values);
        struct sw_reliability *rel = &cal->competencies[k];
        rel->alpha = sw_alpha_interval(w.values, w.starts + first, n_units - first, &rel->units);
        rc = icc_for(a, k, &w, rel);
    }
    if (rc < 0) {
        work_release(&w);
        sw_calibration_free(cal);
        sw_fail_oom(errs, NULL);
        return NULL;
    }
    cal->alpha = sw_alpha_interval(w.values, w.starts, n_units, &cal->units);
    for (size_t i = 0; i < a->n_interviewers; i++) {
        cal->interviewers[i].compared = w.compared[i];
        cal->interviewers[i].leniency = w.compared[i] ? w.diff_sum[i] / (double)w.compared[i]
                                                      : NAN;
    }
    work_release(&w);
    return cal;
}

void sw_calibration_free(struct sw_calibration *c)
{
    if (!c)
        return;
    free(c->interviewers);
    free(c->competencies);
    sw_severity_free(c->severity);
    free(c);
}

int sw_calibration_severity(struct sw_calibration *c, const struct sw_aggregate *a,
                            struct sw_errors *errs)
{
    sw_severity_free(c->severity);
    c->severity = sw_severity_fit(a, errs);
    return c->severity ? 0 : -1;
}

const char *sw_alpha_reading(double alpha)
{
    if (isnan(alpha))
        return "undefined";
    return alpha >= 0.8 ? "reliable" : alpha >= 0.667 ? "tentative" : "unreliable";
}
