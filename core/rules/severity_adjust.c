/* severity_adjust.c - rule 11 over an aggregate: its observations, and the
 * scores with each interviewer's adjustment taken out (severity.h). */
#include "severity.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "termtext.h"

#define END SIZE_MAX

struct sw_severity *sw_severity_fit(const struct sw_aggregate *a, struct sw_errors *errs)
{
    size_t nk = a->rubric->n_competencies, n = 0;
    if (a->n_cards && nk > SIZE_MAX / a->n_cards / sizeof(struct sw_observation)) {
        sw_fail_oom(errs, NULL);
        return NULL;
    }
    struct sw_observation *obs = malloc((a->n_cards * nk + 1) * sizeof *obs);
    if (!obs) {
        sw_fail_oom(errs, NULL);
        return NULL;
    }
    for (size_t k = 0; k < a->n_cards; k++) {
        const struct sw_card *card = &a->cards[k];
        if (!card->submitted)
            continue;
        for (size_t c = 0; c < nk; c++)
            if (!isnan(card->scores[c]))
                obs[n++] = (struct sw_observation){ card->candidate, card->interviewer, c,
                                                    card->scores[c] };
    }
    struct sw_severity *sev = sw_severity_fit_observations(obs, n, a->n_candidates,
                                                           a->n_interviewers, nk, errs);
    free(obs);
    return sev;
}

double sw_severity_shift(const struct sw_severity *s, size_t interviewer)
{
    if (interviewer >= s->n_interviewers || isnan(s->adjustment[interviewer]))
        return 0;
    return s->adjustment[interviewer];
}

int sw_aggregate_adjust(struct sw_aggregate *a, const struct sw_severity *s,
                        struct sw_errors *errs)
{
    double *shift = malloc((a->n_interviewers + 1) * sizeof *shift);
    if (!shift)
        return sw_fail_oom(errs, NULL);
    for (size_t i = 0; i < a->n_interviewers; i++)
        shift[i] = sw_severity_shift(s, i);
    int rc = sw_aggregate_shift(a, shift, errs);
    free(shift);
    return rc;
}

void sw_severity_means(const struct sw_aggregate *a, const struct sw_severity *s, size_t cand,
                       double *means, double *overall)
{
    const struct sw_candidate *c = &a->candidates[cand];
    size_t nk = a->rubric->n_competencies, assessed = 0;
    double sum_means = 0;
    for (size_t k = 0; k < nk; k++) {
        double sum = 0;
        size_t n = 0;
        for (size_t i = c->first_card; i != END; i = a->card_next[i]) {
            const struct sw_card *card = &a->cards[i];
            if (!card->submitted || isnan(card->scores[k]))
                continue;
            sum += card->scores[k] - sw_severity_shift(s, card->interviewer);
            n++;
        }
        means[k] = n ? sum / (double)n : NAN;
        if (n) {
            sum_means += means[k];
            assessed++;
        }
    }
    *overall = assessed ? sum_means / (double)assessed : NAN;
}

void sw_severity_note(const struct sw_severity *s, struct sw_buf *out)
{
    struct sw_buf line = SW_BUF_INIT;
    if (!s->fitted)
        sw_buf_addf(&line, "Scores adjusted for interviewer severity (rule 11): no fit (%s), "
                           "so every score is as rated.", isnan(s->sigma2)
                           ? "too few pairs or interviewers" : "no offset beyond the noise");
    else
        sw_buf_addf(&line, "Scores adjusted for interviewer severity (rule 11: sigma2 %.3f, "
                           "tau2 %.3f, %zu pairs, %zu component%s).", s->sigma2, s->tau2,
                    s->pairs, s->components, s->components == 1 ? "" : "s");
    out->failed |= line.failed;
    if (!line.failed)
        sw_text_wrap(out, line.data, 0, 0, 80);
    sw_buf_release(&line);
}
