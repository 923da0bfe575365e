/* page_status.c - /r/REQ/status: loop status (docs/design.md rule 12,
 * status.h): per candidate, each scorecard still owed with its age (overdue
 * ones marked), and what the packet still lacks. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analysis.h"
#include "status.h"
#include "web.h"

static int names(const struct sw_rubric *r, const size_t *ks, size_t n, struct sw_tpl_scope *t,
                 const char *key)
{
    char text[4096] = "";
    for (size_t i = 0; i < n; i++)
        snprintf(text + strlen(text), sizeof text - strlen(text), "%s%s", i ? ", " : "",
                 r->competencies[ks[i]].name);
    return sw_tpl_set(t, key, text);
}

static int candidate_fields(const struct web_ctx *c, const struct sw_status *st, size_t i,
                            struct sw_tpl_scope *s)
{
    const struct sw_aggregate *a = st->aggregate;
    const struct sw_status_candidate *sc = &st->candidates[i];
    const struct sw_candidate *cand = &a->candidates[sc->candidate];
    struct sw_tpl_scope *t = sw_tpl_add(s, "candidates");
    char label[600];
    int rc = !t ? -1 : sw_tpl_set(t, "label", web_candidate_label(cand, label, sizeof label))
                     | sw_tpl_setf(t, "url", "/r/%s/c/%s", c->path.seg[1], cand->id)
                     | sw_tpl_setf(t, "submitted", "%zu", sc->submitted)
                     | sw_tpl_setf(t, "pending", "%zu", sc->pending)
                     | sw_tpl_setf(t, "needs", "%zu", sc->needs_scorecards)
                     | names(a->rubric, sc->awaiting, sc->n_awaiting, t, "awaiting")
                     | names(a->rubric, sc->uncovered, sc->n_uncovered, t, "uncovered");
    for (size_t k = 0; k < sc->n_cards && rc == 0; k++) {
        const struct sw_card *card = &a->cards[sc->cards[k].card];
        struct sw_tpl_scope *ct = sw_tpl_add(t, "cards");
        rc = !ct ? -1 : sw_tpl_set(ct, "interview", a->rubric->interviews[card->interview].name)
                      | sw_tpl_set(ct, "interviewer", a->interviewers[card->interviewer])
                      | sw_tpl_set(ct, "status", card->submitted ? "submitted" : "draft")
                      | (isnan(sc->cards[k].age_hours) ? sw_tpl_set(ct, "age", "")
                         : sw_tpl_setf(ct, "age", "%.0f h", sc->cards[k].age_hours))
                      | sw_tpl_set(ct, "overdue", sc->cards[k].overdue ? "yes" : "");
    }
    return rc;
}

static int status_fields(struct web_ctx *c, struct web_view *v)
{
    const struct sw_status *st = v->status;
    int rc = web_req_fields(c, v->s, "status")
           | sw_tpl_setf(v->s, "overdue_hours", "%.0f", st->overdue_hours)
           | sw_tpl_setf(v->s, "overdue", "%zu", st->overdue);
    for (size_t i = 0; i < st->n_candidates && rc == 0; i++)
        rc = candidate_fields(c, st, i, v->s);
    return rc;
}

void web_page_status(struct web_ctx *c)
{
    static const struct web_analysis page = {
        .page = WEB_PAGE_STATUS, .tpl = "status.html", .title = "Loop status", .status = 1,
        .fields = status_fields,
    };
    web_analysis_page(c, &page);
}
