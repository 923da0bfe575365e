/* entry_submit.c - when a scorecard may be submitted: the one rule that
 * `score`, `assess` and the web form share (entry.h, "submitting"). */
#include "entry.h"
#include "assessment.h"

#include <math.h>

size_t sw_entry_unrated(const struct sw_rubric *r, const struct sw_scorecard *s, size_t *out,
                        size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n_ratings; i++) {
        const struct sw_rating *g = &s->ratings[i];
        if (g->question < 0 || (size_t)g->question >= r->n_questions || !isnan(g->value))
            continue;
        if (n < cap)
            out[n] = (size_t)g->question;
        n++;
    }
    return n;
}

static int has_a_rating(const struct sw_scorecard *s)
{
    for (size_t i = 0; i < s->n_ratings; i++)
        if (!isnan(s->ratings[i].value))
            return 1;
    return 0;
}

int sw_entry_submit_check(const struct sw_scorecard *s, struct sw_buf *why)
{
    const char *reason = NULL;
    if (!has_a_rating(s))
        reason = SW_ENTRY_NO_RATING;
    else if (s->recommendation == SW_REC_NONE)
        reason = SW_ENTRY_NO_RECOMMENDATION;
    if (!reason)
        return 0;
    if (why)
        sw_buf_adds(why, reason);
    return -1;
}

/* An assessment: the same rule without a recommendation (assessment.h). */
size_t sw_assessment_unrated(const struct sw_assessment *a, size_t *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < a->n_ratings; i++) {
        if (!isnan(a->ratings[i].value))
            continue;
        if (n < cap)
            out[n] = a->ratings[i].competency;
        n++;
    }
    return n;
}

int sw_assessment_submit_check(const struct sw_assessment *a, struct sw_buf *why)
{
    for (size_t i = 0; i < a->n_ratings; i++)
        if (!isnan(a->ratings[i].value))
            return 0;
    if (why)
        sw_buf_adds(why, SW_ASSESSMENT_NO_RATING);
    return -1;
}
