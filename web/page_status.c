/* page_status.c - /r/REQ/status: loop status (docs/design.md rule 12,
 * status.h) as a work list for whoever chases scorecards: the overdue
 * drafts first, oldest first, then the other pending drafts, oldest first,
 * then the candidates who still need a scorecard nobody is writing, and
 * last the candidates whose loop is complete, collapsed (<details>). Ages
 * read in days and hours. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "status.h"
#include "web.h"

/* One draft of the work list. */
struct owed {
    size_t candidate;          /* index into st->candidates */
    size_t card;               /* index into its cards */
    double age;                /* hours */
};

static int oldest_first(const void *x, const void *y)
{
    const struct owed *a = x, *b = y;
    return a->age < b->age ? 1 : a->age > b->age ? -1
           : a->candidate < b->candidate ? -1 : a->candidate > b->candidate;
}

static int names(const struct sw_rubric *r, const size_t *ks, size_t n, struct sw_tpl_scope *t,
                 const char *key)
{
    char text[4096] = "";
    for (size_t i = 0; i < n; i++)
        snprintf(text + strlen(text), sizeof text - strlen(text), "%s%s", i ? ", " : "",
                 r->competencies[ks[i]].name);
    return sw_tpl_set(t, key, text);
}

/* The candidate's link and what its packet still lacks, on t. */
static int candidate_fields(const char *req, const struct sw_status *st, size_t i,
                            struct sw_tpl_scope *t)
{
    const struct sw_aggregate *a = st->aggregate;
    const struct sw_status_candidate *sc = &st->candidates[i];
    const struct sw_candidate *cand = &a->candidates[sc->candidate];
    return web_set_candidate(t, "who", cand)
           | sw_tpl_setf(t, "url", "/r/%s/c/%s", req, cand->id)
           | sw_tpl_setf(t, "submitted", "%zu", sc->submitted)
           | sw_tpl_setf(t, "pending", "%zu", sc->pending)
           | (sc->needs_scorecards ? sw_tpl_setf(t, "needs", "%zu more scorecard%s",
                                                 sc->needs_scorecards,
                                                 sc->needs_scorecards == 1 ? "" : "s")
                                   : sw_tpl_set(t, "needs", ""))
           | names(a->rubric, sc->awaiting, sc->n_awaiting, t, "awaiting")
           | names(a->rubric, sc->uncovered, sc->n_uncovered, t, "uncovered");
}

static int owed_row(struct web_ctx *c, const char *req, const struct sw_status *st,
                    const struct owed *o, struct sw_tpl_scope *s)
{
    const struct sw_aggregate *a = st->aggregate;
    const struct sw_status_card *k = &st->candidates[o->candidate].cards[o->card];
    const struct sw_card *card = &a->cards[k->card];
    struct sw_tpl_scope *t = sw_tpl_add(s, "cards");
    char age[64], when[32] = "";
    web_duration(o->age, age, sizeof age);
    if (strlen(card->scheduled) >= 16)   /* YYYY-MM-DDTHH:MM..., UTC */
        snprintf(when, sizeof when, "%.10s %.5s UTC", card->scheduled, card->scheduled + 11);
    return !t ? -1 : candidate_fields(req, st, o->candidate, t)
                     | sw_tpl_set(t, "interview", a->rubric->interviews[card->interview].name)
                     | web_set_person(c, t, "interviewer", a->interviewers[card->interviewer])
                     | sw_tpl_set(t, "age", age) | sw_tpl_set(t, "scheduled", when);
}

/* The drafts, overdue ones first, each group oldest first. */
static int owed_rows(struct web_ctx *c, const char *req, const struct sw_status *st,
                     struct sw_tpl_scope *s)
{
    size_t n = 0, m = 0;
    for (size_t i = 0; i < st->n_candidates; i++)
        n += st->candidates[i].n_cards;
    struct owed *list = malloc((n ? n : 1) * sizeof *list);
    if (!list)
        return -1;
    for (size_t i = 0; i < st->n_candidates; i++)
        for (size_t k = 0; k < st->candidates[i].n_cards; k++)
            if (!isnan(st->candidates[i].cards[k].age_hours))
                list[m++] = (struct owed){ i, k, st->candidates[i].cards[k].age_hours };
    qsort(list, m, sizeof *list, oldest_first);
    static const char *const groups[2][3] = {
        { "overdue", "Overdue", "No draft is overdue." },
        { "pending", "Pending", "No other draft is waiting." },
    };
    struct sw_tpl_scope *g[2];
    size_t count[2] = { 0, 0 };
    int rc = 0;
    for (int i = 0; i < 2 && rc == 0; i++)
        rc = !(g[i] = sw_tpl_add(s, "groups")) ? -1
             : sw_tpl_set(g[i], "id", groups[i][0]) | sw_tpl_set(g[i], "title", groups[i][1])
               | sw_tpl_set(g[i], "empty", groups[i][2]) | sw_tpl_set(g[i], "req", req)
               | sw_tpl_set(g[i], "flagged", i == 0 ? "yes" : "");
    for (size_t i = 0; i < m && rc == 0; i++) {
        int late = st->candidates[list[i].candidate].cards[list[i].card].overdue != 0;
        rc = owed_row(c, req, st, &list[i], g[late ? 0 : 1]);
        count[late ? 0 : 1]++;
    }
    free(list);
    for (int i = 0; i < 2 && rc == 0; i++)
        rc = sw_tpl_set(g[i], "has", count[i] ? "yes" : "");
    return rc;
}

int web_work_fields(struct web_ctx *c, const char *req, const struct sw_status *st,
                    struct sw_tpl_scope *s)
{
    size_t waiting = 0, complete = 0;
    int rc = sw_tpl_set(s, "req", req) | owed_rows(c, req, st, s)
           | sw_tpl_setf(s, "overdue_days", "%.0f", st->overdue_hours / 24)
           | sw_tpl_setf(s, "overdue", "%zu", st->overdue);
    for (size_t i = 0; i < st->n_candidates && rc == 0; i++) {
        const struct sw_status_candidate *sc = &st->candidates[i];
        if (sc->pending)
            continue;
        int done = !sc->needs_scorecards && !sc->n_awaiting && !sc->n_uncovered;
        struct sw_tpl_scope *t = sw_tpl_add(s, done ? "complete" : "unscheduled");
        rc = t ? candidate_fields(req, st, i, t) : -1;
        done ? complete++ : waiting++;
    }
    return rc | sw_tpl_setf(s, "n_complete", "%zu", complete)
              | sw_tpl_set(s, "has_complete", complete ? "yes" : "")
              | sw_tpl_set(s, "has_unscheduled", waiting ? "yes" : "");
}

static int status_fields(struct web_ctx *c, struct web_view *v)
{
    return web_req_fields(c, v->s, "status") | web_work_fields(c, c->path.seg[1], v->status, v->s);
}

void web_page_status(struct web_ctx *c)
{
    static const struct web_analysis page = {
        .page = WEB_PAGE_STATUS, .tpl = "status.html", .title = "Loop status", .status = 1,
        .fields = status_fields,
    };
    web_analysis_page(c, &page);
}
