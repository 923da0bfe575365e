/* page_calibrate.c - /r/REQ/calibrate: interviewer calibration and
 * reliability (docs/design.md rules 8 and 9, calibrate.h). */
#include <math.h>
#include <stdio.h>

#include "analysis.h"
#include "calibrate.h"
#include "web.h"

static int interviewer_rows(struct web_ctx *c, const struct sw_aggregate *a,
                            const struct sw_calibration *cal, struct sw_tpl_scope *s)
{
    int rc = 0;
    for (size_t i = 0; i < cal->n_interviewers && rc == 0; i++) {
        const struct sw_interviewer_stats *st = &cal->interviewers[i];
        struct sw_tpl_scope *t = sw_tpl_add(s, "interviewers");
        rc = !t ? -1 : web_set_person(c, t, "who", a->interviewers[i])
                     | sw_tpl_setf(t, "scorecards", "%zu", st->scorecards)
                     | sw_tpl_setf(t, "observations", "%zu", st->observations)
                     | web_set_number(t, "mean", st->mean)
                     | web_set_number(t, "leniency", st->leniency)
                     | sw_tpl_setf(t, "compared", "%zu", st->compared)
                     | web_set_number(t, "hire_rate", st->hire_rate);
    }
    return rc;
}

static int reliability_rows(const struct sw_aggregate *a, const struct sw_calibration *cal,
                            struct sw_tpl_scope *s)
{
    int rc = web_set_number(s, "alpha", cal->alpha) | sw_tpl_setf(s, "units", "%zu", cal->units)
           | sw_tpl_set(s, "reading", sw_alpha_reading(cal->alpha));
    for (size_t k = 0; k < cal->n_competencies && rc == 0; k++) {
        const struct sw_reliability *rel = &cal->competencies[k];
        struct sw_tpl_scope *t = sw_tpl_add(s, "competencies");
        rc = !t ? -1 : sw_tpl_set(t, "name", a->rubric->competencies[k].name)
                     | web_set_number(t, "alpha", rel->alpha)
                     | sw_tpl_setf(t, "units", "%zu", rel->units)
                     | web_set_number(t, "icc21", rel->has_icc ? rel->icc.icc21 : NAN)
                     | web_set_number(t, "icc2k", rel->has_icc ? rel->icc.icc2k : NAN);
    }
    return rc;
}

static int calibrate_fields(struct web_ctx *c, struct web_view *v)
{
    struct sw_calibration *cal = sw_calibrate(v->snap->aggregate, &v->errs);
    int rc = !cal ? -1 : web_req_fields(c, v->s, "calibrate")
                       | interviewer_rows(c, v->snap->aggregate, cal, v->s)
                       | reliability_rows(v->snap->aggregate, cal, v->s);
    sw_calibration_free(cal);
    return rc;
}

void web_page_calibrate(struct web_ctx *c)
{
    static const struct web_analysis page = {
        .page = WEB_PAGE_CALIBRATE, .tpl = "calibrate.html", .title = "Calibration",
        .fields = calibrate_fields,
    };
    web_analysis_page(c, &page);
}
