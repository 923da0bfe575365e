/* page_compare.c - /r/REQ/compare: the candidates side by side, as
 * `compare` orders them (?sort=overall|shortfall|name): competency means
 * in rubric order, pillar scores, overall, shortfall, archetype. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "web.h"

static const struct { const char *key, *label; enum sw_sort sort; } sorts[] = {
    { "overall", "Overall", SW_SORT_OVERALL },
    { "shortfall", "Shortfall", SW_SORT_SHORTFALL },
    { "name", "Name", SW_SORT_NAME },
};

static int heads(const struct sw_rubric *r, struct sw_tpl_scope *s)
{
    int rc = 0;
    for (size_t k = 0; k < r->n_competencies && rc == 0; k++) {
        struct sw_tpl_scope *t = sw_tpl_add(s, "heads");
        rc = !t ? -1 : sw_tpl_set(t, "name", r->competencies[k].name)
                     | sw_tpl_setf(t, "n", "%zu", k + 1);
    }
    return rc;
}

static int row(const struct web_ctx *c, const struct sw_aggregate *a, size_t i,
               struct sw_tpl_scope *s)
{
    const struct sw_candidate *cand = &a->candidates[i];
    const struct sw_rubric *r = a->rubric;
    struct sw_tpl_scope *t = sw_tpl_add(s, "rows");
    int rc = !t ? -1 : sw_tpl_setf(t, "url", "/r/%s/c/%s", c->path.seg[1], cand->id)
                     | web_set_candidate(t, "who", cand)
                     | web_set_number(t, "overall", cand->overall)
                     | web_set_number(t, "shortfall", cand->shortfall)
                     | sw_tpl_set(t, "decision", sw_decision_name(cand->decision))
                     | sw_tpl_set(t, "decision_words", web_decision_words(cand->decision))
                     | sw_tpl_set(t, "archetype", cand->archetype >= 0
                                  ? r->archetypes[cand->archetype].name : "–");
    for (size_t k = 0; k < r->n_competencies && rc == 0; k++) {
        struct sw_tpl_scope *m = sw_tpl_add(t, "means");
        rc = !m ? -1 : web_set_number(m, "mean", cand->competencies[k].mean)
                     | sw_tpl_set(m, "name", r->competencies[k].name)
                     | sw_tpl_set(m, "below", cand->competencies[k].flags & SW_FLAG_BELOW_TARGET
                                  ? "yes" : "");
    }
    return rc;
}

static int compare_fields(struct web_ctx *c, struct web_view *v)
{
    const struct sw_aggregate *a = v->aggregate;
    const char *adj = web_param(&c->query, "adjusted");
    int adjusted = adj && strcmp(adj, "1") == 0;
    struct sw_tpl_scope *s = v->s;
    const char *want = web_param(&c->query, "sort");
    size_t sort = 0;
    for (size_t i = 0; want && i < sizeof sorts / sizeof sorts[0]; i++)
        if (strcmp(want, sorts[i].key) == 0)
            sort = i;
    int rc = web_req_fields(c, s, "compare") | heads(a->rubric, s);
    for (size_t i = 0; i < sizeof sorts / sizeof sorts[0] && rc == 0; i++) {
        struct sw_tpl_scope *t = sw_tpl_add(s, "sorts");
        rc = !t ? -1 : sw_tpl_setf(t, "url", "/r/%s/compare?sort=%s%s", c->path.seg[1],
                                   sorts[i].key, adjusted ? "&adjusted=1" : "")
                     | sw_tpl_set(t, "label", sorts[i].label)
                     | sw_tpl_set(t, "current", i == sort ? "yes" : "");
    }
    size_t *order = malloc((a->n_candidates ? a->n_candidates : 1) * sizeof *order);
    if (!order)
        return -1;
    sw_aggregate_sort(a, sorts[sort].sort, order);
    for (size_t i = 0; i < a->n_candidates && rc == 0; i++)
        rc = row(c, a, order[i], s);
    free(order);
    return rc;
}

void web_page_compare(struct web_ctx *c)
{
    static const struct web_analysis page = {
        .page = WEB_PAGE_COMPARE, .tpl = "compare.html", .title = "Compare",
        .adjustable = 1, .fields = compare_fields,
    };
    web_analysis_page(c, &page);
}
