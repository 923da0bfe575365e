/* wheel_person.c - one person's cycle of a growth set as a wheel to draw. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "growth.h"
#include "wheel.h"

int sw_wheel_of_person(const struct sw_growth *g, const struct sw_person *p,
                       const struct sw_growth_cycle *y, long to, struct sw_wheel *w,
                       char *title, size_t title_size, char *subtitle, size_t subtitle_size,
                       struct sw_errors *errs)
{
    const struct sw_rubric *r = g->rubric;
    size_t n = r->n_competencies;
    struct sw_wheel_pillar *pillars = calloc(r->n_pillars + 1, sizeof *pillars);
    struct sw_wheel_anchor *anchors = calloc(r->scale.n_anchors + 1, sizeof *anchors);
    const char **names = calloc(n + 1, sizeof *names);
    double *means = calloc(n + 1, sizeof *means), *self = calloc(n + 1, sizeof *self);
    double *targets = to >= 0 ? calloc(n + 1, sizeof *targets) : NULL;
    if (!pillars || !anchors || !names || !means || !self || (to >= 0 && !targets)) {
        free(pillars);
        free(anchors);
        free(names);
        free(means);
        free(self);
        free(targets);
        return sw_fail_oom(errs, NULL);
    }
    for (size_t i = 0; i < r->n_pillars; i++)
        pillars[i] = (struct sw_wheel_pillar){ r->pillars[i].name,
                                               (int)r->pillars[i].half,
                                               r->pillars[i].first, r->pillars[i].count };
    for (size_t i = 0; i < r->scale.n_anchors; i++)
        anchors[i] = (struct sw_wheel_anchor){ r->scale.anchors[i].value,
                                               r->scale.anchors[i].label };
    for (size_t k = 0; k < n; k++) {
        names[k] = r->competencies[k].name;
        means[k] = y ? y->competencies[k].others : NAN;
        self[k] = y ? y->competencies[k].self : NAN;
        if (targets)
            targets[k] = r->levels[to].targets[k];
    }
    if (p->name)
        snprintf(title, title_size, "%s (%s)", p->name, p->id);
    else
        snprintf(title, title_size, "%s", p->id);
    char overall[32] = "-";
    if (y && !isnan(y->overall))
        snprintf(overall, sizeof overall, "%.2f", y->overall);
    snprintf(subtitle, subtitle_size, "cycle %s \u00b7 %zu assessor%s \u00b7 overall %s%s%s",
             y ? y->id : "none", y ? y->assessors : 0, y && y->assessors == 1 ? "" : "s",
             overall, to >= 0 ? " \u00b7 target " : "", to >= 0 ? r->levels[to].name : "");
    *w = (struct sw_wheel){ title, subtitle, r->scale.min, r->scale.max, anchors,
                            r->scale.n_anchors, pillars, r->n_pillars, names, means, targets, n,
                            self, "the others' mean (self excluded)", "self-assessment",
                            to >= 0 ? r->levels[to].name : NULL };
    return 0;
}
