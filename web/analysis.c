/* analysis.c - the requisitions as the committee's pages read them; see analysis.h. */
#include "analysis.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "severity.h"
#include "status.h"
#include "web.h"
#include "wheel.h"

struct sw_req_snapshot *web_snapshot(struct web_ctx *c)
{
    struct web_req *q = c->path.n > 1 ? web_index_req(&c->srv->index, c->path.seg[1]) : NULL;
    if (!q) {
        web_message(c, 404, "Not found", "There is no such page.");
        return NULL;
    }
    struct sw_req_snapshot *s = web_req_snapshot(q);
    if (!s)
        web_message(c, 500, "Cannot read", "This requisition's folder cannot be read now.");
    return s;
}

/* The toggle between the scores as given and rule 11's adjusted scores:
 * the page's own path with or without ?adjusted=1. */
static int adjust_fields(struct web_ctx *c, struct sw_tpl_scope *s, int adjusted)
{
    struct sw_buf url = SW_BUF_INIT;
    for (size_t i = 0; i < c->path.n; i++)
        sw_buf_addf(&url, "/%s", c->path.seg[i]);
    if (!adjusted)
        sw_buf_adds(&url, "?adjusted=1");
    int rc = url.failed ? -1
             : sw_tpl_set(s, "adjusted", adjusted ? "yes" : "")
               | sw_tpl_set(s, "adjust_url", sw_buf_str(&url))
               | sw_tpl_set(s, "adjust_label", adjusted ? "Show the scores as given"
                                                        : "Adjust for interviewer severity");
    sw_buf_release(&url);
    return rc;
}

/* The page's own part, with the snapshot taken. */
static void serve_view(struct web_ctx *c, const struct web_analysis *p,
                       const struct sw_req_snapshot *snap)
{
    struct web_view v = { .snap = snap, .aggregate = snap->aggregate };
    sw_errors_init(&v.errs);
    const char *adj = p->adjustable ? web_param(&c->query, "adjusted") : NULL;
    struct sw_aggregate *adjusted = adj && strcmp(adj, "1") == 0 ? web_adjusted(snap, &v.errs)
                                                                 : NULL;
    if (adjusted)
        v.aggregate = adjusted;
    snprintf(v.title, sizeof v.title, "%s", p->title ? p->title : c->path.seg[1]);
    struct sw_status *st = p->status ? sw_status_new(snap->aggregate, (double)c->now, &v.errs)
                                     : NULL;
    v.status = st;
    struct sw_arena arena = SW_ARENA_INIT;
    v.s = sw_tpl_scope_new(&arena);
    int rc = v.s && (st || !p->status) && (!adj || adjusted) ? p->fields(c, &v) : -1;
    if (rc == 0 && p->adjustable)
        rc = adjust_fields(c, v.s, adjusted != NULL);
    if (rc == 0)
        web_render(c, 200, v.title, p->tpl, v.s, &arena);
    else if (rc == WEB_NOT_FOUND)
        web_message(c, 404, "Not found", "There is no such page.");
    else
        web_message(c, 500, "Error", v.errs.count ? v.errs.items[0].message : "Out of memory.");
    sw_arena_release(&arena);
    sw_status_free(st);
    sw_errors_release(&v.errs);
    sw_aggregate_free(adjusted);
}

void web_analysis_page(struct web_ctx *c, const struct web_analysis *p)
{
    struct web_access a = { .role = c->me.role, .page = p->page, .write = c->post };
    struct sw_req_snapshot *snap = NULL;
    if (p->candidate && c->path.n > 3) {
        struct web_req *q = web_index_req(&c->srv->index, c->path.seg[1]);
        snap = q ? web_req_snapshot(q) : NULL;
        a.mine = snap ? web_snap_mine(snap, c->path.seg[3], c->me.id) : WEB_CARD_NONE;
    }
    if (web_allow(c, &a) < 0) {
        sw_req_snapshot_release(snap);
        return;
    }
    if (c->post) {
        sw_req_snapshot_release(snap);
        web_message(c, 404, "Not found", "There is no such page.");
        return;
    }
    if (!snap && !(snap = web_snapshot(c)))
        return;
    if (p->reply)
        p->reply(c, snap);
    else
        serve_view(c, p, snap);
    sw_req_snapshot_release(snap);
}

int web_set_number(struct sw_tpl_scope *s, const char *key, double v)
{
    /* The template keeps its keys' pointers: the exact keys are literals. */
    static const char *const exact[][2] = {
        { "overall", "overall_value" }, { "shortfall", "shortfall_value" },
        { "score", "score_value" }, { "mean", "mean_value" }, { "gap", "gap_value" },
    };
    int rc = isnan(v) ? sw_tpl_set(s, key, "–") : sw_tpl_setf(s, key, "%.2f", v);
    for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++)
        if (strcmp(key, exact[i][0]) == 0)
            rc |= sw_tpl_set_number(s, exact[i][1], v);
    return rc;
}

int web_set_who(struct sw_tpl_scope *t, const char *key, const char *name, const char *id)
{
    struct sw_tpl_scope *w = sw_tpl_add(t, key);
    return !w ? -1 : sw_tpl_set(w, "name", name ? name : "") | sw_tpl_set(w, "id", id);
}

int web_set_candidate(struct sw_tpl_scope *t, const char *key, const struct sw_candidate *cand)
{
    return web_set_who(t, key, cand->name, cand->id);
}

int web_set_person(struct web_ctx *c, struct sw_tpl_scope *t, const char *key, const char *id)
{
    pthread_mutex_lock(&c->srv->people_lock);
    const struct sw_people_person *p = sw_people_find(&c->srv->people, id);
    int rc = web_set_who(t, key, p ? p->name : "", id);
    pthread_mutex_unlock(&c->srv->people_lock);
    return rc;
}

const char *web_candidate_label(const struct sw_candidate *cand, char *buf, size_t size)
{
    if (cand->name && *cand->name)
        snprintf(buf, size, "%s (%s)", cand->name, cand->id);
    else
        snprintf(buf, size, "%s", cand->id);
    return buf;
}

int web_wheel_svg(const struct sw_aggregate *a, const struct sw_candidate *cand, unsigned px,
                  struct sw_buf *out)
{
    char title[512], subtitle[512];
    struct sw_wheel w;
    struct sw_errors errs;
    sw_errors_init(&errs);
    int rc = sw_wheel_of_candidate(a, cand, &w, title, sizeof title, subtitle, sizeof subtitle,
                                   &errs);
    char *token = strrchr(subtitle, ' ');   /* "LEVEL · overall X · DECISION" */
    if (rc == 0 && token && strcmp(token + 1, sw_decision_name(cand->decision)) == 0)
        snprintf(token + 1, sizeof subtitle - (size_t)(token + 1 - subtitle), "%s",
                 web_decision_words(cand->decision));   /* people's words, not the token */
    if (rc == 0) {
        rc = px ? sw_wheel_thumbnail_svg(&w, px, out, &errs) : sw_wheel_svg(&w, out, &errs);
        sw_wheel_release(&w);
    }
    sw_errors_release(&errs);
    return rc < 0 || out->failed ? -1 : 0;
}

int web_wheel_field(const struct sw_aggregate *a, const struct sw_candidate *cand, unsigned px,
                    struct sw_tpl_scope *s, const char *key)
{
    struct sw_buf b = SW_BUF_INIT;
    int rc = web_wheel_svg(a, cand, px, &b);
    const char *svg = rc == 0 ? strstr(sw_buf_str(&b), "<svg") : NULL;
    rc = svg ? sw_tpl_set(s, key, svg) : -1;
    sw_buf_release(&b);
    return rc;
}

int web_problem_fields(const struct sw_req_snapshot *snap, struct sw_tpl_scope *s)
{
    int rc = sw_tpl_set(s, "has_problems", snap->errors.count ? "yes" : "");
    for (size_t i = 0; i < snap->errors.count && rc == 0; i++) {
        const struct sw_error *e = &snap->errors.items[i];
        struct sw_tpl_scope *t = sw_tpl_add(s, "problems");
        rc = !t ? -1 : sw_tpl_set(t, "file", e->file ? e->file : "")
                     | sw_tpl_setf(t, "line", "%d", e->line)
                     | sw_tpl_set(t, "message", e->message);
    }
    return rc;
}

int web_req_fields(struct web_ctx *c, struct sw_tpl_scope *s, const char *current)
{
    static const struct { const char *page, *label; enum web_page id; } pages[] = {
        { "", "Dashboard", WEB_PAGE_DASHBOARD }, { "compare", "Compare", WEB_PAGE_COMPARE },
        { "calibrate", "Calibration", WEB_PAGE_CALIBRATE },
        { "status", "Loop status", WEB_PAGE_STATUS }, { "schedule", "Schedule", WEB_PAGE_SCHEDULE },
    };
    const char *req = c->path.seg[1];
    int rc = sw_tpl_set(s, "req", req);
    for (size_t i = 0; i < sizeof pages / sizeof pages[0] && rc == 0; i++) {
        if (!web_may_open(c, pages[i].id))
            continue;   /* the navigation lists only pages the person may open */
        struct sw_tpl_scope *t = sw_tpl_add(s, "nav");
        rc = !t ? -1 : sw_tpl_setf(t, "url", "/r/%s%s%s", req, *pages[i].page ? "/" : "",
                                   pages[i].page)
                     | sw_tpl_set(t, "label", pages[i].label)
                     | sw_tpl_set(t, "current", strcmp(current, pages[i].page) == 0 ? "yes" : "");
    }
    return rc | sw_tpl_setf(s, "export_url", "/r/%s/export.xlsx", req)
              | sw_tpl_set(s, "workbook", !*current && web_may_open(c, WEB_PAGE_EXPORT) ? "yes"
                                                                                       : "");
}

int web_may_open(const struct web_ctx *c, enum web_page page)
{
    struct web_access a = { .role = c->me.role, .page = page };
    return web_access_check(&a) == WEB_ALLOW;
}

const char *web_decision_words(enum sw_decision d)
{
    static const char *const words[] = { "No level yet", "Insufficient evidence", "No hire",
                                         "Hire" };
    return (unsigned)d < sizeof words / sizeof words[0] ? words[d] : "";
}

const char *web_recommendation_words(enum sw_recommendation r)
{
    static const char *const words[] = { "Strong no hire", "No hire", "Hire", "Strong hire" };
    return r >= 0 && r < SW_REC_COUNT ? words[r] : "None yet";
}

const char *web_flag_words(enum sw_flag f)
{
    return f == SW_FLAG_DISAGREEMENT ? "Interviewers disagree"
           : f == SW_FLAG_BELOW_TARGET ? "Below target" : "Not assessed";
}

struct sw_aggregate *web_adjusted(const struct sw_req_snapshot *snap, struct sw_errors *errs)
{
    struct sw_aggregate *a = sw_aggregate_new(snap->aggregate->rubric);
    int rc = a ? 0 : -1;
    for (size_t i = 0; i < snap->n_files && rc == 0; i++)
        if (snap->files[i].added)
            rc = sw_aggregate_add(a, snap->files[i].scorecard, errs);
    struct sw_errors mismatch;   /* the snapshot has listed them already */
    sw_errors_init(&mismatch);
    if (rc == 0)
        sw_aggregate_finish(a, -1, &mismatch);
    sw_errors_release(&mismatch);
    struct sw_severity *fit = rc == 0 && a->finished ? sw_severity_fit(a, errs) : NULL;
    rc = fit ? sw_aggregate_adjust(a, fit, errs) : -1;
    sw_severity_free(fit);
    if (rc < 0) {
        sw_aggregate_free(a);
        return NULL;
    }
    return a;
}
