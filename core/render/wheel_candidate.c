/* wheel_candidate.c - one candidate of an aggregate as a wheel to draw. */
#include <stdio.h>
#include <stdlib.h>

#include "wheel.h"

int sw_wheel_of_candidate(const struct sw_aggregate *a, const struct sw_candidate *c,
                          struct sw_wheel *w, char *title, size_t title_size, char *subtitle,
                          size_t subtitle_size, struct sw_errors *errs)
{
    const struct sw_rubric *r = a->rubric;
    struct sw_wheel_pillar *pillars = calloc(r->n_pillars + 1, sizeof *pillars);
    struct sw_wheel_anchor *anchors = calloc(r->scale.n_anchors + 1, sizeof *anchors);
    const char **names = calloc(r->n_competencies + 1, sizeof *names);
    double *means = calloc(r->n_competencies + 1, sizeof *means);
    double *targets = c->level >= 0 ? calloc(r->n_competencies + 1, sizeof *targets) : NULL;
    if (!pillars || !anchors || !names || !means || (c->level >= 0 && !targets)) {
        free(pillars);
        free(anchors);
        free(names);
        free(means);
        free(targets);
        return sw_fail_oom(errs, NULL);
    }
    for (size_t p = 0; p < r->n_pillars; p++)
        pillars[p] = (struct sw_wheel_pillar){ r->pillars[p].name,
                                               (int)r->pillars[p].half,
                                               r->pillars[p].first, r->pillars[p].count };
    for (size_t i = 0; i < r->scale.n_anchors; i++)
        anchors[i] = (struct sw_wheel_anchor){ r->scale.anchors[i].value,
                                               r->scale.anchors[i].label };
    for (size_t k = 0; k < r->n_competencies; k++) {
        names[k] = r->competencies[k].name;
        means[k] = c->competencies[k].mean;
        if (targets)
            targets[k] = c->competencies[k].target;
    }
    if (c->name)
        snprintf(title, title_size, "%s (%s)", c->name, c->id);
    else
        snprintf(title, title_size, "%s", c->id);
    char overall[32] = "-";
    if (c->assessed)
        snprintf(overall, sizeof overall, "%.2f", c->overall);
    snprintf(subtitle, subtitle_size, "%s \u00b7 overall %s \u00b7 %s",
             c->level >= 0 ? r->levels[c->level].name : "no level", overall,
             sw_decision_name(c->decision));
    *w = (struct sw_wheel){ title, subtitle, r->scale.min, r->scale.max, anchors,
                            r->scale.n_anchors, pillars, r->n_pillars, names, means, targets,
                            r->n_competencies, NULL, NULL, NULL, NULL };
    return 0;
}

void sw_wheel_release(struct sw_wheel *w)
{
    if (!w)
        return;
    free((void *)w->pillars);
    free((void *)w->anchors);
    free((void *)w->competencies);
    free((void *)w->means);
    free((void *)w->targets);
    free((void *)w->outline);
}
