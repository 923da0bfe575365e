/* scorecard_form.c - the fields of the scorecard form; see web.h. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analysis.h"
#include "entry.h"
#include "render/template.h"
#include "web.h"

static int value_text(const struct sw_rubric *r, double v, struct sw_tpl_scope *t)
{
    if (isnan(v))
        return sw_tpl_set(t, "value_text", "not rated");
    struct sw_buf b = SW_BUF_INIT;
    sw_entry_describe_point(&r->scale, v, &b);
    int rc = b.failed ? -1 : sw_tpl_set(t, "value_text", sw_buf_str(&b));
    sw_buf_release(&b);
    return rc;
}

/* The radio buttons of one rating: "not rated", then every point of the scale. */
static int add_points(const struct sw_rubric *r, double value, struct sw_tpl_scope *t)
{
    const struct sw_scale *sc = &r->scale;
    struct sw_tpl_scope *p = sw_tpl_add(t, "points");
    int rc = !p ? -1 : sw_tpl_set(p, "value", "") | sw_tpl_set(p, "label", "Not rated") |
                       sw_tpl_set(p, "checked", isnan(value) ? "yes" : "");
    long steps = lround((sc->max - sc->min) / sc->step);
    for (long k = 0; k <= steps && rc == 0; k++) {
        double v = sc->min + (double)k * sc->step;
        struct sw_buf label = SW_BUF_INIT;
        sw_entry_describe_point(sc, v, &label);
        p = sw_tpl_add(t, "points");
        rc = !p || label.failed ? -1
             : sw_tpl_set_number(p, "value", v) | sw_tpl_set(p, "label", sw_buf_str(&label)) |
               sw_tpl_set(p, "checked", !isnan(value) && fabs(value - v) < 1e-9 ? "yes" : "");
        sw_buf_release(&label);
    }
    return rc;
}

static int add_question(const struct sw_rubric *r, const struct sw_scorecard *s, size_t i,
                        struct sw_tpl_scope *top)
{
    const struct sw_rating *rt = &s->ratings[i];
    const struct sw_interview *iv = &r->interviews[s->interview];
    struct sw_tpl_scope *t = sw_tpl_add(top, "questions");
    if (!t)
        return -1;
    return sw_tpl_setf(t, "number", "%zu", i + 1) | sw_tpl_setf(t, "count", "%zu", iv->count)
         | sw_tpl_setf(t, "field", "v%zu", i) | sw_tpl_setf(t, "efield", "e%zu", i)
         | sw_tpl_set(t, "evidence", rt->evidence) | value_text(r, rt->value, t)
         | web_question_fields(r, (size_t)rt->question, t) | add_points(r, rt->value, t);
}

static int add_direct(const struct sw_rubric *r, const struct sw_rating *rt,
                      struct sw_tpl_scope *top)
{
    struct sw_tpl_scope *t = sw_tpl_add(top, "direct");
    return !t ? -1 : sw_tpl_set(t, "name", r->competencies[rt->competency].name) |
                     value_text(r, rt->value, t) | sw_tpl_set(top, "has_direct", "yes");
}

static int add_recs(const struct sw_scorecard *s, struct sw_tpl_scope *top)
{
    static const struct { enum sw_recommendation rec; const char *label; } recs[] = {
        { SW_REC_NONE, "None yet" }, { SW_REC_STRONG_NO_HIRE, "Strong no hire" },
        { SW_REC_NO_HIRE, "No hire" }, { SW_REC_HIRE, "Hire" },
        { SW_REC_STRONG_HIRE, "Strong hire" },
    };
    int rc = 0;
    for (size_t i = 0; i < sizeof recs / sizeof recs[0] && rc == 0; i++) {
        struct sw_tpl_scope *t = sw_tpl_add(top, "recs");
        rc = !t ? -1 : sw_tpl_set(t, "value", sw_recommendation_name(recs[i].rec)) |
                       sw_tpl_set(t, "label", recs[i].label) |
                       sw_tpl_set(t, "checked", s->recommendation == recs[i].rec ? "yes" : "");
        if (s->recommendation == recs[i].rec)
            rc |= sw_tpl_set(top, "rec_text", recs[i].label);
    }
    return rc;
}

int web_form_fields(const struct sw_rubric *r, const struct sw_scorecard *s,
                    const struct web_form *f, struct sw_tpl_scope *top)
{
    const struct sw_interview *iv = &r->interviews[s->interview];
    int rc = sw_tpl_set(top, "req", f->req) | sw_tpl_set(top, "interview", iv->id)
           | sw_tpl_set(top, "interview_name", iv->name)
           | web_set_who(top, "who", s->candidate_name, s->candidate)
           | sw_tpl_set(top, "interviewer", s->interviewer)
           | sw_tpl_set(top, "level_name", s->level >= 0 ? r->levels[s->level].name : "")
           | sw_tpl_set(top, "submitted_at", s->submitted ? s->submitted_at : "")
           | sw_tpl_setf(top, "action", "/r/%s/s/%s/%s/%s", f->req, s->candidate, iv->id,
                         s->interviewer)
           | sw_tpl_set(top, "version", f->version)
           | sw_tpl_set(top, "message", f->message ? f->message : "")
           | sw_tpl_set(top, "packet", f->packet ? f->packet : "")
           | sw_tpl_set(top, "saved", f->saved ? f->saved : "")
           | sw_tpl_set(top, "readonly", f->readonly ? "yes" : "")
           | sw_tpl_set(top, "notes", s->notes) | web_scale_field(r, top) | add_recs(s, top);
    for (size_t i = 0; i < s->n_ratings && rc == 0; i++)
        rc = s->ratings[i].question >= 0 ? add_question(r, s, i, top)
                                         : add_direct(r, &s->ratings[i], top);
    return rc;
}
