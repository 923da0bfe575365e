/* page_calibrate.c - /r/REQ/calibrate: interviewer calibration and
 * reliability (docs/design.md rules 8 and 9, calibrate.h). */
#include <math.h>
#include <stdio.h>

#include "analysis.h"
#include "calibrate.h"
#include "web.h"

static int interviewer_rows(const struct sw_aggregate *a, const struct sw_calibration *cal,
                            struct sw_tpl_scope *s)
{
    int rc = 0;
    for (size_t i = 0; i < cal->n_interviewers && rc == 0; i++) {
        const struct sw_interviewer_stats *st = &cal->interviewers[i];
        struct sw_tpl_scope *t = sw_tpl_add(s, "interviewers");
        rc = !t ? -1 : sw_tpl_set(t, "id", a->interviewers[i])
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

void web_page_calibrate(struct web_ctx *c)
{
    struct web_access a = { .role = c->me.role, .page = WEB_PAGE_CALIBRATE, .write = c->post };
    if (web_allow(c, &a) < 0)
        return;
    struct sw_req_snapshot *snap = c->post ? NULL : web_snapshot(c);
    if (c->post)
        web_message(c, 404, "Not found", "There is no such page.");
    if (!snap)
        return;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_calibration *cal = sw_calibrate(snap->aggregate, &errs);
    struct sw_arena arena = SW_ARENA_INIT;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    if (cal && s && (web_req_fields(c, s, "calibrate")
                     | interviewer_rows(snap->aggregate, cal, s)
                     | reliability_rows(snap->aggregate, cal, s)) == 0)
        web_render(c, 200, "Calibration", "calibrate.html", s, &arena);
    else
        web_message(c, 500, "Error", "Out of memory.");
    sw_arena_release(&arena);
    sw_calibration_free(cal);
    sw_errors_release(&errs);
    sw_req_snapshot_release(snap);
}
