/* analysis.c - the requisitions as the committee's pages read them; see analysis.h. */
#include "analysis.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web.h"
#include "wheel.h"

int web_analysis_init(struct web_server *srv, struct sw_errors *errs)
{
    struct web_index *x = &srv->index;
    srv->analysis = calloc(x->n_reqs ? x->n_reqs : 1, sizeof *srv->analysis);
    if (!srv->analysis)
        return sw_fail_oom(errs, NULL);
    for (size_t i = 0; i < x->n_reqs; i++) {
        srv->analysis[i] = sw_requisition_new(x->rubric, x->reqs[i].dir, 1);
        if (!srv->analysis[i])
            return sw_fail_oom(errs, x->reqs[i].dir);
    }
    return 0;
}

void web_analysis_release(struct web_server *srv)
{
    for (size_t i = 0; srv->analysis && i < srv->index.n_reqs; i++)
        sw_requisition_free(srv->analysis[i]);
    free(srv->analysis);
    srv->analysis = NULL;
}

struct sw_req_snapshot *web_snapshot(struct web_ctx *c)
{
    struct web_index *x = &c->srv->index;
    long i = -1;
    web_index_lock(x);
    const struct web_req *q = c->path.n > 1 ? web_index_req(x, c->path.seg[1]) : NULL;
    if (q)
        i = q - x->reqs;
    web_index_unlock(x);
    if (i < 0) {
        web_message(c, 404, "Not found", "There is no such page.");
        return NULL;
    }
    struct sw_errors errs;
    sw_errors_init(&errs);
    if (sw_requisition_refresh(c->srv->analysis[i], &errs) < 0)
        for (size_t k = 0; k < errs.count; k++)
            fprintf(stderr, "scorewheel serve: %s: error: %s\n",
                    errs.items[k].file ? errs.items[k].file : "requisition",
                    errs.items[k].message);
    sw_errors_release(&errs);
    struct sw_req_snapshot *s = sw_requisition_snapshot(c->srv->analysis[i]);
    if (!s)
        web_message(c, 500, "Cannot read", "This requisition's folder cannot be read now.");
    return s;
}

int web_set_number(struct sw_tpl_scope *s, const char *key, double v)
{
    return isnan(v) ? sw_tpl_set(s, key, "–") : sw_tpl_setf(s, key, "%.2f", v);
}

const char *web_candidate_label(const struct sw_candidate *cand, char *buf, size_t size)
{
    if (cand->name && *cand->name)
        snprintf(buf, size, "%s (%s)", cand->name, cand->id);
    else
        snprintf(buf, size, "%s", cand->id);
    return buf;
}

int web_wheel_field(const struct sw_aggregate *a, const struct sw_candidate *cand, unsigned px,
                    struct sw_tpl_scope *s, const char *key)
{
    char title[512], subtitle[512];
    struct sw_wheel w;
    struct sw_errors errs;
    sw_errors_init(&errs);
    if (sw_wheel_of_candidate(a, cand, &w, title, sizeof title, subtitle, sizeof subtitle,
                              &errs) < 0) {
        sw_errors_release(&errs);
        return -1;
    }
    struct sw_buf b = SW_BUF_INIT;
    int rc = px ? sw_wheel_thumbnail_svg(&w, px, &b, &errs) : sw_wheel_svg(&w, &b, &errs);
    const char *svg = rc == 0 ? strstr(sw_buf_str(&b), "<svg") : NULL;
    rc = svg ? sw_tpl_set(s, key, svg) : -1;
    sw_buf_release(&b);
    sw_wheel_release(&w);
    sw_errors_release(&errs);
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
    static const struct { const char *page, *label; } pages[] = {
        { "", "Dashboard" }, { "compare", "Compare" }, { "calibrate", "Calibration" },
        { "status", "Loop status" }, { "schedule", "Schedule" },
    };
    const char *req = c->path.seg[1];
    int recruits = c->me.role == WEB_RECRUITER || c->me.role == WEB_EVERYONE;
    int rc = sw_tpl_set(s, "req", req);
    for (size_t i = 0; i < sizeof pages / sizeof pages[0] && rc == 0; i++) {
        if (strcmp(pages[i].page, "schedule") == 0 && !recruits)
            continue;
        struct sw_tpl_scope *t = sw_tpl_add(s, "nav");
        rc = !t ? -1 : sw_tpl_setf(t, "url", "/r/%s%s%s", req, *pages[i].page ? "/" : "",
                                   pages[i].page)
                     | sw_tpl_set(t, "label", pages[i].label)
                     | sw_tpl_set(t, "current", strcmp(current, pages[i].page) == 0 ? "yes" : "");
    }
    return rc | sw_tpl_setf(s, "export_url", "/r/%s/export.xlsx", req);
}
