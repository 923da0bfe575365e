/* entry_form.c - the one entry engine: a scorecard or an assessment as one
 * form to fill in item by item (form.h). */
#include "form.h"

#include <math.h>
#include <stdlib.h>

#include "aggregate.h"
#include "entry.h"

void sw_form_of_scorecard(struct sw_form *f, const struct sw_rubric *r, struct sw_scorecard *s)
{
    *f = (struct sw_form){ .kind = SW_FORM_SCORECARD, .r = r, .s = s,
                           .n_items = r->interviews[s->interview].count };
}

void sw_form_of_assessment(struct sw_form *f, const struct sw_rubric *r, struct sw_assessment *a)
{
    *f = (struct sw_form){ .kind = SW_FORM_ASSESSMENT, .r = r, .a = a,
                           .n_items = r->n_competencies };
}

int sw_form_parse(struct sw_form *f, const struct sw_rubric *r, enum sw_form_kind kind,
                  const char *data, size_t len, const char *path, struct sw_errors *errs)
{
    *f = (struct sw_form){ .kind = kind, .r = r };
    if (kind == SW_FORM_SCORECARD) {
        struct sw_scorecard *loaded = sw_scorecard_parse(r, data, len, path, errs);
        struct sw_scorecard *s = loaded ? sw_entry_from(r, loaded, errs) : NULL;
        sw_scorecard_free(loaded);
        if (s)
            sw_form_of_scorecard(f, r, s);
    } else {
        struct sw_assessment *loaded = sw_assessment_parse(r, data, len, path, errs);
        if (loaded)
            sw_form_of_assessment(f, r, sw_assessment_entry(r, loaded, errs));
        sw_assessment_free(loaded);
    }
    return f->s || f->a ? 0 : -1;
}

char *sw_form_default_path(const struct sw_form *f)
{
    if (f->s)
        return sw_entry_default_path(f->s->candidate, f->r->interviews[f->s->interview].id,
                                     f->s->interviewer);
    return sw_assessment_default_path(f->a->cycle, f->a->person, f->a->assessor);
}

void sw_form_release(struct sw_form *f)
{
    sw_scorecard_free(f->s);
    sw_assessment_free(f->a);
    f->s = NULL;
    f->a = NULL;
    f->n_items = 0;
}

/* --- items --------------------------------------------------------------- */

double sw_form_value(const struct sw_form *f, size_t i)
{
    return f->s ? f->s->ratings[i].value : f->a->ratings[i].value;
}

const char *sw_form_evidence(const struct sw_form *f, size_t i)
{
    return f->s ? f->s->ratings[i].evidence : f->a->ratings[i].evidence;
}

const char *sw_form_item_id(const struct sw_form *f, size_t i)
{
    return f->s ? f->r->questions[f->s->ratings[i].question].id
                : f->r->competencies[f->a->ratings[i].competency].id;
}

int sw_form_rate(struct sw_form *f, size_t i, double value, const char *evidence)
{
    return f->s ? sw_entry_set_rating(f->s, i, value, evidence)
                : sw_assessment_set_rating(f->a, i, value, evidence);
}

size_t sw_form_answered(const struct sw_form *f)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n_items; i++)
        n += !isnan(sw_form_value(f, i));
    return n;
}

void sw_form_scores(const struct sw_form *f, double *scores)
{
    if (f->a) {
        for (size_t c = 0; c < f->r->n_competencies; c++)
            scores[c] = f->a->ratings[c].value;
        return;
    }
    double *weights = calloc(f->r->n_competencies + 1, sizeof *weights);
    if (weights)
        sw_scorecard_scores(f->r, f->s, scores, weights);
    else
        for (size_t c = 0; c < f->r->n_competencies; c++)
            scores[c] = NAN;
    free(weights);
}

/* --- the rest of the document -------------------------------------------- */

int sw_form_has_recommendation(const struct sw_form *f)
{
    return f->kind == SW_FORM_SCORECARD;
}

const char *sw_form_notes(const struct sw_form *f)
{
    return f->s ? f->s->notes : f->a->notes;
}

const char *sw_form_name(const struct sw_form *f)
{
    return f->s ? f->s->candidate_name : f->a->person_name;
}

int sw_form_set_notes(struct sw_form *f, const char *text)
{
    return f->s ? sw_entry_set_text(f->s, &f->s->notes, text)
                : sw_assessment_set_text(f->a, &f->a->notes, text);
}

int sw_form_set_name(struct sw_form *f, const char *text)
{
    return f->s ? sw_entry_set_text(f->s, &f->s->candidate_name, text)
                : sw_assessment_set_text(f->a, &f->a->person_name, text);
}

long sw_form_level(const struct sw_form *f)
{
    return f->s ? f->s->level : f->a->level;
}

void sw_form_set_level(struct sw_form *f, long level)
{
    if (f->s)
        f->s->level = level;
    else
        f->a->level = level;
}

int sw_form_submitted(const struct sw_form *f)
{
    return f->s ? f->s->submitted : f->a->submitted;
}

const char *sw_form_submitted_at(const struct sw_form *f)
{
    return f->s ? f->s->submitted_at : f->a->submitted_at;
}

int sw_form_set_submitted(struct sw_form *f, time_t t)
{
    return f->s ? sw_entry_set_submitted(f->s, t) : sw_assessment_set_submitted(f->a, t);
}

int sw_form_set_created(struct sw_form *f, time_t t)
{
    return f->s ? sw_entry_set_created(f->s, t) : sw_assessment_set_created(f->a, t);
}

/* --- steps --------------------------------------------------------------- */

size_t sw_form_steps(const struct sw_form *f)
{
    return f->n_items + 2 + (size_t)sw_form_has_recommendation(f);
}

enum sw_form_step sw_form_step_kind(const struct sw_form *f, size_t k)
{
    if (k < f->n_items)
        return SW_STEP_ITEM;
    if (!sw_form_has_recommendation(f))
        k++;
    return k == f->n_items ? SW_STEP_RECOMMENDATION
         : k == f->n_items + 1 ? SW_STEP_NOTES : SW_STEP_SUBMIT;
}

size_t sw_form_resume_step(const struct sw_form *f)
{
    size_t k = 0;
    for (size_t i = 0; i < f->n_items; i++)
        if (!isnan(sw_form_value(f, i)) || *sw_form_evidence(f, i))
            k = i + 1;
    if (k < f->n_items)
        return k;
    if (sw_form_has_recommendation(f)) {
        if (f->s->recommendation == SW_REC_NONE)
            return k;
        k++;
    }
    return *sw_form_notes(f) ? k + 1 : k;
}

/* --- submitting ---------------------------------------------------------- */

size_t sw_form_unrated(const struct sw_form *f, struct sw_buf *ids)
{
    size_t *which = calloc(f->n_items + 1, sizeof *which);
    if (!which) {
        ids->failed = 1;
        return 0;
    }
    size_t n = f->s ? sw_entry_unrated(f->r, f->s, which, f->n_items)
                    : sw_assessment_unrated(f->a, which, f->n_items);
    for (size_t k = 0; k < n && k < f->n_items; k++)
        sw_buf_addf(ids, "%s%s", k ? ", " : "",
                    f->s ? f->r->questions[which[k]].id : f->r->competencies[which[k]].id);
    free(which);
    return n;
}

int sw_form_submit_check(const struct sw_form *f, struct sw_buf *why)
{
    return f->s ? sw_entry_submit_check(f->s, why) : sw_assessment_submit_check(f->a, why);
}

int sw_form_xml(const struct sw_form *f, struct sw_buf *out, struct sw_errors *errs)
{
    return f->s ? sw_entry_xml(f->r, f->s, SW_ENTRY_GUIDE, out, errs)
                : sw_assessment_xml(f->r, f->a, SW_ASSESSMENT_GUIDE, out, errs);
}
