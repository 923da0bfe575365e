/* page_dashboard.c - /r/REQ: the committee's dashboard. One row per
 * candidate: the suggested decision, overall, shortfall, pillar scores, the
 * loop's submitted / pending / overdue scorecards (status.h) and a wheel
 * thumbnail; sorted by overall, shortfall or name and filtered by decision
 * through links (?sort=, ?decision=), so no script is needed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "status.h"
#include "web.h"

static const struct { const char *key, *label; enum sw_sort sort; } sorts[] = {
    { "overall", "Overall", SW_SORT_OVERALL },
    { "shortfall", "Shortfall", SW_SORT_SHORTFALL },
    { "name", "Name", SW_SORT_NAME },
};
static const char *const decisions[] = { "hire", "no-hire", "insufficient-evidence",
                                         "no-level" };

/* What the query asks for: a known sort (default overall), a known decision or "". */
struct view {
    size_t sort;
    const char *decision;
};

static struct view read_view(const struct web_ctx *c)
{
    struct view v = { 0, "" };
    const char *sort = web_param(&c->query, "sort"), *d = web_param(&c->query, "decision");
    for (size_t i = 0; sort && i < sizeof sorts / sizeof sorts[0]; i++)
        if (strcmp(sort, sorts[i].key) == 0)
            v.sort = i;
    for (size_t i = 0; d && i < sizeof decisions / sizeof decisions[0]; i++)
        if (strcmp(d, decisions[i]) == 0)
            v.decision = decisions[i];
    return v;
}

/* The links that change the sort or the filter, keeping the other. */
static int view_links(const struct web_ctx *c, struct view v, struct sw_tpl_scope *s)
{
    const char *req = c->path.seg[1];
    int rc = 0;
    for (size_t i = 0; i < sizeof sorts / sizeof sorts[0] && rc == 0; i++) {
        struct sw_tpl_scope *t = sw_tpl_add(s, "sorts");
        rc = !t ? -1 : sw_tpl_setf(t, "url", "/r/%s?sort=%s%s%s", req, sorts[i].key,
                                   *v.decision ? "&decision=" : "", v.decision)
                     | sw_tpl_set(t, "label", sorts[i].label)
                     | sw_tpl_set(t, "current", i == v.sort ? "yes" : "");
    }
    for (size_t i = 0; i <= sizeof decisions / sizeof decisions[0] && rc == 0; i++) {
        const char *d = i ? decisions[i - 1] : "";
        struct sw_tpl_scope *t = sw_tpl_add(s, "filters");
        rc = !t ? -1 : sw_tpl_setf(t, "url", "/r/%s?sort=%s%s%s", req, sorts[v.sort].key,
                                   *d ? "&decision=" : "", d)
                     | sw_tpl_set(t, "label", *d ? d : "all")
                     | sw_tpl_set(t, "current", strcmp(d, v.decision) == 0 ? "yes" : "");
    }
    return rc;
}

static int add_row(const struct web_ctx *c, const struct sw_aggregate *a, size_t k,
                   const struct sw_status_candidate *st, struct sw_tpl_scope *s)
{
    const struct sw_candidate *cand = &a->candidates[k];
    const struct sw_rubric *r = a->rubric;
    struct sw_tpl_scope *t = sw_tpl_add(s, "rows");
    char label[600];
    size_t overdue = 0;
    for (size_t i = 0; i < st->n_cards; i++)
        overdue += st->cards[i].overdue != 0;
    int rc = !t ? -1 : sw_tpl_setf(t, "url", "/r/%s/c/%s", c->path.seg[1], cand->id)
                     | sw_tpl_set(t, "label", web_candidate_label(cand, label, sizeof label))
                     | sw_tpl_set(t, "decision", sw_decision_name(cand->decision))
                     | web_set_number(t, "overall", cand->overall)
                     | web_set_number(t, "shortfall", cand->shortfall)
                     | sw_tpl_set(t, "level",
                                  cand->level >= 0 ? r->levels[cand->level].name : "–")
                     | sw_tpl_setf(t, "submitted", "%zu", st->submitted)
                     | sw_tpl_setf(t, "pending", "%zu", st->pending)
                     | sw_tpl_setf(t, "overdue", "%zu", overdue)
                     | sw_tpl_set(t, "is_overdue", overdue ? "yes" : "")
                     | web_wheel_field(a, cand, 64, t, "wheel");
    for (size_t p = 0; p < r->n_pillars && rc == 0; p++) {
        struct sw_tpl_scope *pt = sw_tpl_add(t, "pillars");
        rc = !pt ? -1 : web_set_number(pt, "score", cand->pillars[p])
                      | sw_tpl_set(pt, "name", r->pillars[p].name);
    }
    return rc;
}

static int dashboard_fields(struct web_ctx *c, struct web_view *page)
{
    const struct sw_req_snapshot *snap = page->snap;
    const struct sw_status *st = page->status;
    struct sw_tpl_scope *s = page->s;
    const struct sw_aggregate *a = snap->aggregate;
    struct view v = read_view(c);
    size_t *order = malloc((a->n_candidates ? a->n_candidates : 1) * sizeof *order);
    if (!order)
        return -1;
    sw_aggregate_sort(a, sorts[v.sort].sort, order);
    int rc = web_req_fields(c, s, "") | view_links(c, v, s) | web_problem_fields(snap, s);
    for (size_t p = 0; p < a->rubric->n_pillars && rc == 0; p++) {
        struct sw_tpl_scope *t = sw_tpl_add(s, "pillar_heads");
        rc = !t ? -1 : sw_tpl_set(t, "name", a->rubric->pillars[p].name);
    }
    size_t shown = 0;
    for (size_t i = 0; i < a->n_candidates && rc == 0; i++) {
        const struct sw_candidate *cand = &a->candidates[order[i]];
        if (*v.decision && strcmp(v.decision, sw_decision_name(cand->decision)) != 0)
            continue;
        rc = add_row(c, a, order[i], &st->candidates[order[i]], s);
        shown++;
    }
    free(order);
    return rc | sw_tpl_setf(s, "shown", "%zu", shown)
              | sw_tpl_setf(s, "total", "%zu", a->n_candidates)
              | sw_tpl_set(s, "has_rows", shown ? "yes" : "")
              | sw_tpl_set(s, "filtered", *v.decision ? v.decision : "");
}

void web_page_dashboard(struct web_ctx *c)
{
    static const struct web_analysis page = {
        .page = WEB_PAGE_DASHBOARD, .tpl = "dashboard.html", .status = 1,
        .fields = dashboard_fields,
    };
    web_analysis_page(c, &page);
}
