/* pickers.c - what the schedule form offers to pick from (datalists): the
 * requisition's known candidates with their names and levels, and the
 * interviewers, from the people file (with --people) and from the
 * scorecards already written. Typed values stay free text: the POST checks
 * them as before. */
#include <string.h>

#include "analysis.h"
#include "strmap.h"
#include "web.h"

static int add_interviewer(struct sw_strmap *seen, struct sw_tpl_scope *s, const char *id,
                           const char *label)
{
    if (sw_strmap_get(seen, id) >= 0)
        return 0;
    struct sw_tpl_scope *t = sw_tpl_add(s, "pick_interviewers");
    return !t || sw_strmap_put(seen, id, 0) < 0 ? -1
           : sw_tpl_set(t, "id", id) | sw_tpl_set(t, "label", label);
}

static int interviewers(struct web_ctx *c, const struct sw_aggregate *a, struct sw_tpl_scope *s)
{
    struct sw_strmap seen;
    sw_strmap_init(&seen);
    int rc = 0;
    pthread_mutex_lock(&c->srv->people_lock);
    for (size_t i = 0; i < c->srv->people.n && rc == 0; i++) {
        const struct sw_people_person *p = &c->srv->people.items[i];
        if (p->roles & SW_ROLE_BIT(SW_ROLE_INTERVIEWER))
            rc = add_interviewer(&seen, s, p->id, *p->name ? p->name : p->id);
    }
    pthread_mutex_unlock(&c->srv->people_lock);
    sw_strmap_release(&seen);   /* it held the people's ids: not past the lock */
    /* Without a people file, the interviewers of the scorecards written. */
    for (size_t i = 0; a && c->srv->single && i < a->n_interviewers && rc == 0; i++) {
        struct sw_tpl_scope *t = sw_tpl_add(s, "pick_interviewers");
        rc = !t ? -1 : sw_tpl_set(t, "id", a->interviewers[i])
                     | sw_tpl_set(t, "label", a->interviewers[i]);
    }
    return rc;
}

int web_picker_fields(struct web_ctx *c, struct sw_tpl_scope *s)
{
    struct web_req *q = web_index_req(&c->srv->index, c->path.seg[1]);
    struct sw_req_snapshot *snap = q ? web_req_snapshot(q) : NULL;
    const struct sw_aggregate *a = snap ? snap->aggregate : NULL;
    int rc = interviewers(c, a, s);
    for (size_t k = 0; a && k < a->n_candidates && rc == 0; k++) {
        const struct sw_candidate *cand = &a->candidates[k];
        struct sw_tpl_scope *t = sw_tpl_add(s, "pick_candidates");
        char label[600];
        rc = !t ? -1 : sw_tpl_set(t, "id", cand->id)
                     | sw_tpl_set(t, "label", web_candidate_label(cand, label, sizeof label));
    }
    sw_req_snapshot_release(snap);
    return rc;
}
