/* page_home.c - /: my scorecards to write (with when each was last saved),
 * what I submitted, and the kits of my interviews. In single-person mode,
 * every scorecard of every requisition. */
#include <stdio.h>
#include <string.h>

#include "analysis.h"
#include "render/template.h"
#include "status.h"
#include "web.h"

static int add_card(struct web_ctx *c, struct sw_tpl_scope *top, const struct web_req *q,
                    const struct sw_req_file *f)
{
    const struct sw_scorecard *e = f->scorecard;
    const char *interview = c->srv->index.rubric->interviews[e->interview].id;
    const char *name = e->candidate_name ? e->candidate_name : "";
    struct sw_tpl_scope *t = sw_tpl_add(top, e->submitted ? "submitted" : "drafts");
    char age[64];
    web_age(f->mtime.tv_sec, c->now, age, sizeof age);
    if (!t)
        return -1;
    int rc = sw_tpl_setf(t, "url", "/r/%s/s/%s/%s/%s", q->name, e->candidate, interview,
                         e->interviewer)
           | web_set_who(t, "who", name, e->candidate)
           | sw_tpl_set(t, "interview_name", c->srv->index.rubric->interviews[e->interview].name)
           | sw_tpl_set(t, "req", q->name) | sw_tpl_set(t, "interviewer", e->interviewer)
           | sw_tpl_set(t, "age", age);
    return rc | sw_tpl_set(top, e->submitted ? "has_submitted" : "has_drafts", "yes");
}

/* My scorecards in requisition q (everyone's in single-person mode). */
static int add_cards(struct web_ctx *c, struct sw_tpl_scope *top, struct web_req *q)
{
    struct sw_req_snapshot *snap = web_req_snapshot(q);
    const char *who = c->me.role == SW_ROLE_EVERYONE ? NULL : c->me.id;
    int rc = 0;
    for (size_t i = sw_req_snapshot_find(snap, 0, NULL, NULL, who); snap && i < snap->n_files &&
         rc == 0; i = sw_req_snapshot_find(snap, i + 1, NULL, NULL, who))
        rc = add_card(c, top, q, &snap->files[i]);
    sw_req_snapshot_release(snap);
    return rc;
}

static int add_kits(struct web_ctx *c, struct sw_tpl_scope *top)
{
    const struct sw_rubric *r = c->srv->index.rubric;
    int rc = 0;
    for (size_t i = 0; i < r->n_interviews && rc == 0; i++) {
        if (c->me.role == SW_ROLE_INTERVIEWER &&
            !web_index_has_interview(&c->srv->index, r->interviews[i].id, c->me.id, 0))
            continue;
        struct sw_tpl_scope *t = sw_tpl_add(top, "kits");
        rc = !t ? -1 : sw_tpl_set(t, "id", r->interviews[i].id) |
                       sw_tpl_set(t, "name", r->interviews[i].name) |
                       sw_tpl_set(top, "has_kits", "yes");
    }
    return rc;
}

/* Requisition q's work list, as its loop status page shows it. */
static int add_work(struct web_ctx *c, struct web_req *q, struct sw_tpl_scope *t)
{
    struct sw_req_snapshot *snap = web_req_snapshot(q);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_status *st = snap ? sw_status_new(snap->aggregate, (double)c->now, &errs) : NULL;
    int rc = !snap ? 0 : st ? web_work_fields(c, q->name, st, t) : -1;
    sw_status_free(st);
    sw_errors_release(&errs);
    sw_req_snapshot_release(snap);
    return rc;
}

/* The requisitions whose dashboard I may read (access.h), each with its
 * work list when I may read its loop status (the recruiter's home). */
static int add_reqs(struct web_ctx *c, struct sw_tpl_scope *top)
{
    if (!web_may_open(c, WEB_PAGE_DASHBOARD))
        return 0;
    int work = web_may_open(c, WEB_PAGE_STATUS);
    const struct web_index *x = &c->srv->index;
    int rc = sw_tpl_set(top, "has_reqs", x->n_reqs ? "yes" : "");
    for (size_t i = 0; i < x->n_reqs && rc == 0; i++) {
        struct sw_tpl_scope *t = sw_tpl_add(top, "reqs");
        rc = !t ? -1 : sw_tpl_set(t, "name", x->reqs[i].name)
                     | sw_tpl_set(t, "work", work ? "yes" : "")
                     | (work ? add_work(c, &x->reqs[i], t) : 0);
    }
    return rc;
}

void web_page_home(struct web_ctx *c)
{
    struct web_access a = { .role = c->me.role, .page = WEB_PAGE_HOME, .write = c->post };
    if (web_allow(c, &a) < 0)
        return;
    if (c->post) {
        web_message(c, 404, "Not found", "There is no such page.");
        return;
    }
    struct sw_arena arena = SW_ARENA_INIT;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    int rc = s ? sw_tpl_set(s, "everyone", c->me.role == SW_ROLE_EVERYONE ? "yes" : "") : -1;
    struct web_index *x = &c->srv->index;
    for (size_t i = 0; i < x->n_reqs && rc == 0; i++)
        rc = add_cards(c, s, &x->reqs[i]);
    if (rc == 0)
        rc = add_kits(c, s) | add_reqs(c, s);
    if (rc == 0)
        web_render(c, 200, "Your scorecards", "home.html", s, &arena);
    else
        web_message(c, 500, "Error", "Out of memory.");
    sw_arena_release(&arena);
}
