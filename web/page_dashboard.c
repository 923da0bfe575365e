/* page_dashboard.c - /r/REQ: the committee's dashboard. One row per
 * candidate: the suggested decision, overall, shortfall, pillar scores, the
 * loop's submitted / pending / overdue scorecards (status.h) and a wheel
 * thumbnail (an image at its own URL: page_thumb.c); sorted by overall,
 * shortfall or name, filtered by decision and paged PAGE_ROWS at a time
 * through links (?sort=, ?decision=, ?page=), so no script is needed, and
 * a big requisition is a page of a few rows, not all of them. */
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
static const struct { const char *key; enum sw_decision d; } decisions[] = {
    { "hire", SW_DECISION_HIRE }, { "no-hire", SW_DECISION_NO_HIRE },
    { "insufficient-evidence", SW_DECISION_INSUFFICIENT_EVIDENCE },
    { "no-level", SW_DECISION_NO_LEVEL },
};

/* Rows on one page of the dashboard. */
#define PAGE_ROWS 50

/* What the query asks for: a known sort (default overall), a known decision
 * or "", the page (from 1), the adjusted scores. */
struct view {
    size_t sort;
    const char *decision;
    enum sw_decision filter;     /* the decision's, when there is one */
    size_t page;
    int adjusted;
};

static struct view read_view(const struct web_ctx *c)
{
    struct view v = { 0, "", SW_DECISION_NO_LEVEL, 1, 0 };
    const char *sort = web_param(&c->query, "sort"), *d = web_param(&c->query, "decision");
    const char *page = web_param(&c->query, "page"), *adj = web_param(&c->query, "adjusted");
    char *end = NULL;
    unsigned long n = page ? strtoul(page, &end, 10) : 0;
    if (n > 0 && n < 1000000 && end && !*end)
        v.page = n;
    v.adjusted = adj && strcmp(adj, "1") == 0;
    for (size_t i = 0; sort && i < sizeof sorts / sizeof sorts[0]; i++)
        if (strcmp(sort, sorts[i].key) == 0)
            v.sort = i;
    for (size_t i = 0; d && i < sizeof decisions / sizeof decisions[0]; i++)
        if (strcmp(d, decisions[i].key) == 0)
            v.decision = decisions[i].key, v.filter = decisions[i].d;
    return v;
}

/* Sets `key` to the dashboard's URL for view v. */
static int set_url(const struct web_ctx *c, struct view v, struct sw_tpl_scope *t,
                   const char *key)
{
    char page[32] = "";
    if (v.page > 1)
        snprintf(page, sizeof page, "&page=%zu", v.page);
    return sw_tpl_setf(t, key, "/r/%s?sort=%s%s%s%s%s", c->path.seg[1], sorts[v.sort].key,
                       *v.decision ? "&decision=" : "", v.decision, page,
                       v.adjusted ? "&adjusted=1" : "");
}

/* The links that change the sort, the filter or the page, keeping the rest. */
static int view_links(const struct web_ctx *c, struct view v, size_t pages,
                      struct sw_tpl_scope *s)
{
    int rc = 0;
    for (size_t i = 0; i < sizeof sorts / sizeof sorts[0] && rc == 0; i++) {
        struct sw_tpl_scope *t = sw_tpl_add(s, "sorts");
        struct view w = { i, v.decision, v.filter, 1, v.adjusted };
        rc = !t ? -1 : set_url(c, w, t, "url") | sw_tpl_set(t, "label", sorts[i].label)
                     | sw_tpl_set(t, "current", i == v.sort ? "yes" : "");
    }
    for (size_t i = 0; i <= sizeof decisions / sizeof decisions[0] && rc == 0; i++) {
        struct view w = { v.sort, i ? decisions[i - 1].key : "",
                          i ? decisions[i - 1].d : SW_DECISION_NO_LEVEL, 1, v.adjusted };
        struct sw_tpl_scope *t = sw_tpl_add(s, "filters");
        rc = !t ? -1 : set_url(c, w, t, "url")
                     | sw_tpl_set(t, "label", i ? web_decision_words(w.filter) : "All")
                     | sw_tpl_set(t, "current", strcmp(w.decision, v.decision) == 0 ? "yes" : "");
    }
    struct view prev = v, next = v;
    prev.page--, next.page++;
    return rc | (v.page > 1 ? set_url(c, prev, s, "prev_url") : 0)
              | (v.page < pages ? set_url(c, next, s, "next_url") : 0)
              | sw_tpl_setf(s, "page", "%zu", v.page) | sw_tpl_setf(s, "pages", "%zu", pages)
              | sw_tpl_set(s, "paged", pages > 1 ? "yes" : "");
}

/* The level a candidate was scheduled at, while no scorecard is submitted:
 * the first of their scorecards that names one. */
static const char *level_name(const struct sw_req_snapshot *snap, const struct sw_candidate *cand,
                              char *buf, size_t size)
{
    const struct sw_rubric *r = snap->aggregate->rubric;
    if (cand->level >= 0)
        return r->levels[cand->level].name;
    for (size_t i = sw_req_snapshot_find(snap, 0, cand->id, NULL, NULL); i < snap->n_files;
         i = sw_req_snapshot_find(snap, i + 1, cand->id, NULL, NULL))
        if (snap->files[i].scorecard->level >= 0) {
            snprintf(buf, size, "%s (scheduled)", r->levels[snap->files[i].scorecard->level].name);
            return buf;
        }
    return "–";
}

static int add_row(const struct web_ctx *c, const struct web_view *page, size_t k,
                   const struct sw_status_candidate *st, struct sw_tpl_scope *s)
{
    const struct sw_aggregate *a = page->aggregate;
    char level[300];
    const struct sw_candidate *cand = &a->candidates[k];
    const struct sw_rubric *r = a->rubric;
    struct sw_tpl_scope *t = sw_tpl_add(s, "rows");
    size_t overdue = 0;
    for (size_t i = 0; i < st->n_cards; i++)
        overdue += st->cards[i].overdue != 0;
    int rc = !t ? -1 : sw_tpl_setf(t, "url", "/r/%s/c/%s", c->path.seg[1], cand->id)
                     | web_set_candidate(t, "who", cand)
                     | sw_tpl_set(t, "decision", sw_decision_name(cand->decision))
                     | sw_tpl_set(t, "decision_words", web_decision_words(cand->decision))
                     | sw_tpl_setf(t, "wheel", "/r/%s/c/%s/wheel.svg", c->path.seg[1], cand->id)
                     | web_set_number(t, "overall", cand->overall)
                     | web_set_number(t, "shortfall", cand->shortfall)
                     | sw_tpl_set(t, "level", level_name(page->snap, cand, level, sizeof level))
                     | sw_tpl_setf(t, "submitted", "%zu", st->submitted)
                     | sw_tpl_setf(t, "pending", "%zu", st->pending)
                     | sw_tpl_setf(t, "overdue", "%zu", overdue)
                     | sw_tpl_set(t, "is_overdue", overdue ? "yes" : "");
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
    const struct sw_aggregate *a = page->aggregate;
    struct view v = read_view(c);
    size_t *order = malloc((a->n_candidates ? a->n_candidates : 1) * sizeof *order);
    if (!order)
        return -1;
    sw_aggregate_sort(a, sorts[v.sort].sort, order);
    int rc = web_req_fields(c, s, "") | web_problem_fields(snap, s);
    for (size_t p = 0; p < a->rubric->n_pillars && rc == 0; p++) {
        struct sw_tpl_scope *t = sw_tpl_add(s, "pillar_heads");
        rc = !t ? -1 : sw_tpl_set(t, "name", a->rubric->pillars[p].name);
    }
    size_t shown = 0, first = (v.page - 1) * PAGE_ROWS;
    for (size_t i = 0; i < a->n_candidates && rc == 0; i++) {
        const struct sw_candidate *cand = &a->candidates[order[i]];
        if (*v.decision && cand->decision != v.filter)
            continue;
        if (shown >= first && shown < first + PAGE_ROWS)
            rc = add_row(c, page, order[i], &st->candidates[order[i]], s);
        shown++;
    }
    free(order);
    size_t pages = shown ? (shown + PAGE_ROWS - 1) / PAGE_ROWS : 1;
    if (v.page > pages)
        v.page = pages;
    rc |= view_links(c, v, pages, s)
          | sw_tpl_setf(s, "first", "%zu", shown ? first + 1 : 0)
          | sw_tpl_setf(s, "last", "%zu", first + PAGE_ROWS < shown ? first + PAGE_ROWS : shown);
    return rc | sw_tpl_setf(s, "shown", "%zu", shown)
              | sw_tpl_setf(s, "total", "%zu", a->n_candidates)
              | sw_tpl_set(s, "has_rows", shown > first ? "yes" : "")
              | sw_tpl_set(s, "filtered", *v.decision ? web_decision_words(v.filter) : "");
}

void web_page_dashboard(struct web_ctx *c)
{
    static const struct web_analysis page = {
        .page = WEB_PAGE_DASHBOARD, .tpl = "dashboard.html", .status = 1, .adjustable = 1,
        .fields = dashboard_fields,
    };
    web_analysis_page(c, &page);
}
