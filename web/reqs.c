/* reqs.c - the requisitions serve serves, read through core's model; see reqs.h. */
#include "reqs.h"

#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "files.h"
#include "log.h"

int web_index_init(struct web_index *x, const struct sw_rubric *r, char **dirs, size_t n,
                   struct sw_errors *errs)
{
    memset(x, 0, sizeof *x);
    x->rubric = r;
    x->reqs = calloc(n ? n : 1, sizeof *x->reqs);
    if (!x->reqs)
        return sw_fail_oom(errs, NULL);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *base = sw_path_base(dirs[i], &len);
        struct web_req *q = &x->reqs[x->n_reqs];
        q->name = strndup(base, len);
        q->dir = strdup(dirs[i]);
        q->model = sw_requisition_new(r, dirs[i], 1);
        x->n_reqs++;
        if (!q->name || !q->dir || !q->model)
            return sw_fail_oom(errs, dirs[i]);
        if (!sw_entry_id_ok(q->name))
            return sw_fail(errs, dirs[i], 0, "the folder's name '%s' cannot name a requisition "
                           "in a URL (use [A-Za-z0-9._-]+)", q->name);
        for (size_t j = 0; j < i; j++)
            if (strcmp(x->reqs[j].name, q->name) == 0)
                return sw_fail(errs, dirs[i], 0, "two requisitions named '%s' (%s and %s)",
                               q->name, x->reqs[j].dir, dirs[i]);
    }
    return 0;
}

void web_index_release(struct web_index *x)
{
    for (size_t i = 0; x->reqs && i < x->n_reqs; i++) {
        sw_requisition_free(x->reqs[i].model);
        free(x->reqs[i].name);
        free(x->reqs[i].dir);
    }
    free(x->reqs);
    memset(x, 0, sizeof *x);
}

struct web_req *web_index_req(const struct web_index *x, const char *name)
{
    for (size_t i = 0; i < x->n_reqs; i++)
        if (strcmp(x->reqs[i].name, name) == 0)
            return &x->reqs[i];
    return NULL;
}

struct sw_req_snapshot *web_req_snapshot(struct web_req *q)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    if (sw_requisition_refresh_recent(q->model, WEB_FRESH_MS, &errs) < 0)
        web_log_errors(&errs, q->dir);
    sw_errors_release(&errs);
    return sw_requisition_snapshot(q->model);
}

const struct sw_req_file *web_snap_card(const struct sw_req_snapshot *s, const char *candidate,
                                        const char *interview, const char *interviewer)
{
    const struct sw_req_file *found = NULL;
    for (size_t i = sw_req_snapshot_find(s, 0, candidate, interview, interviewer);
         i < s->n_files; i = sw_req_snapshot_find(s, i + 1, candidate, interview, interviewer)) {
        const struct sw_req_file *f = &s->files[i];
        if (!found || (!f->scorecard->submitted && found->scorecard->submitted))
            found = f;   /* a draft beside a submitted one is the one to edit */
    }
    return found;
}

enum web_card web_snap_mine(const struct sw_req_snapshot *s, const char *candidate,
                            const char *who)
{
    enum web_card state = WEB_CARD_NONE;
    for (size_t i = sw_req_snapshot_find(s, 0, candidate, NULL, who); i < s->n_files;
         i = sw_req_snapshot_find(s, i + 1, candidate, NULL, who))
        state = !s->files[i].scorecard->submitted || state == WEB_CARD_DRAFT
                ? WEB_CARD_DRAFT : WEB_CARD_SUBMITTED;
    return state;
}

int web_index_has_interview(const struct web_index *x, const char *interview, const char *who,
                            int fresh)
{
    int found = 0;
    for (size_t i = 0; i < x->n_reqs && !found; i++) {
        struct web_req *q = &x->reqs[i];
        struct sw_req_snapshot *s = fresh ? web_req_snapshot(q) : sw_requisition_snapshot(q->model);
        found = s && sw_req_snapshot_find(s, 0, NULL, interview, who) < s->n_files;
        sw_req_snapshot_release(s);
    }
    return found;
}
