/* page_packet.c - /r/REQ/c/CAND: one candidate's packet for the committee:
 * the wheel (inline SVG), the competency table with its flags, pillar
 * scores, the recommendation tally and every submitted scorecard with its
 * evidence and notes. The stylesheet's print rules make the browser's Print
 * a clean PDF packet. An interviewer sees it only once their own scorecard
 * for the candidate is submitted (access.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analysis.h"
#include "entry.h"
#include "web.h"

static int flags_text(unsigned flags, struct sw_tpl_scope *t)
{
    char text[128] = "";
    for (unsigned f = SW_FLAG_DISAGREEMENT; f <= SW_FLAG_UNASSESSED; f <<= 1)
        if (flags & f)
            snprintf(text + strlen(text), sizeof text - strlen(text), "%s%s",
                     *text ? ", " : "", web_flag_words((enum sw_flag)f));
    return sw_tpl_set(t, "flags", text);
}

static int competency_rows(const struct sw_aggregate *a, const struct sw_candidate *cand,
                           struct sw_tpl_scope *s)
{
    const struct sw_rubric *r = a->rubric;
    int rc = 0;
    for (size_t k = 0; k < r->n_competencies && rc == 0; k++) {
        const struct sw_competency_stats *cs = &cand->competencies[k];
        struct sw_tpl_scope *t = sw_tpl_add(s, "competencies");
        rc = !t ? -1 : sw_tpl_set(t, "name", r->competencies[k].name)
                     | sw_tpl_set(t, "pillar", r->pillars[r->competencies[k].pillar].name)
                     | sw_tpl_setf(t, "n", "%zu", cs->n)
                     | web_set_number(t, "mean", cs->mean) | web_set_number(t, "median", cs->median)
                     | web_set_number(t, "min", cs->min) | web_set_number(t, "max", cs->max)
                     | web_set_number(t, "sd", cs->sd) | web_set_number(t, "target", cs->target)
                     | web_set_number(t, "gap", cs->gap) | flags_text(cs->flags, t)
                     | sw_tpl_set(t, "flagged", cs->flags ? "yes" : "");
    }
    for (size_t p = 0; p < r->n_pillars && rc == 0; p++) {
        struct sw_tpl_scope *t = sw_tpl_add(s, "pillars");
        rc = !t ? -1 : sw_tpl_set(t, "name", r->pillars[p].name)
                     | web_set_number(t, "score", cand->pillars[p]);
    }
    for (int i = 0; i < SW_REC_COUNT && rc == 0; i++) {
        struct sw_tpl_scope *t = sw_tpl_add(s, "recommendations");
        rc = !t ? -1 : sw_tpl_set(t, "name", web_recommendation_words((enum sw_recommendation)i))
                     | sw_tpl_setf(t, "count", "%zu", cand->recommendations[i]);
    }
    return rc;
}

/* One rating of a scorecard: what it rates, the value, the evidence. */
static int rating_fields(const struct sw_rubric *r, const struct sw_rating *g,
                         struct sw_tpl_scope *t)
{
    struct sw_buf value = SW_BUF_INIT;
    if (isnan(g->value))
        sw_buf_adds(&value, "not rated");
    else
        sw_entry_describe_point(&r->scale, g->value, &value);
    int rc = value.failed ? -1
             : sw_tpl_set(t, "what", g->question >= 0 ? r->questions[g->question].text
                                                      : r->competencies[g->competency].name)
               | sw_tpl_set(t, "value", sw_buf_str(&value))
               | sw_tpl_set(t, "evidence", g->evidence);
    sw_buf_release(&value);
    return rc;
}

static int card_fields(struct web_ctx *c, const struct sw_rubric *r,
                       const struct sw_scorecard *sc, struct sw_tpl_scope *s)
{
    struct sw_tpl_scope *t = sw_tpl_add(s, sc->submitted ? "cards" : "drafts");
    if (!t)
        return -1;
    int rc = sw_tpl_set(t, "interview", r->interviews[sc->interview].name)
           | web_set_person(c, t, "interviewer", sc->interviewer)
           | web_time_fields(t, "submitted_iso", "submitted_text", sc->submitted_at)
           | sw_tpl_set(t, "recommendation", web_recommendation_words(sc->recommendation))
           | sw_tpl_set(t, "notes", sc->notes);
    for (size_t i = 0; sc->submitted && i < sc->n_ratings && rc == 0; i++) {
        struct sw_tpl_scope *g = sw_tpl_add(t, "ratings");
        rc = g ? rating_fields(r, &sc->ratings[i], g) : -1;
    }
    return rc;
}

static int packet_fields(struct web_ctx *c, const struct web_view *v, long k,
                         struct sw_tpl_scope *s)
{
    const struct sw_req_snapshot *snap = v->snap;
    const struct sw_aggregate *a = v->aggregate;
    const struct sw_rubric *r = a->rubric;
    const struct sw_candidate *cand = &a->candidates[k];
    int rc = web_req_fields(c, s, "c")
           | web_set_candidate(s, "who", cand)
           | sw_tpl_set(s, "level", cand->level >= 0 ? r->levels[cand->level].name : "none")
           | sw_tpl_set(s, "decision", sw_decision_name(cand->decision))
           | sw_tpl_set(s, "decision_words", web_decision_words(cand->decision))
           | sw_tpl_set(s, "archetype", cand->archetype >= 0 ? r->archetypes[cand->archetype].name
                                                             : "none")
           | web_set_number(s, "overall", cand->overall)
           | web_set_number(s, "shortfall", cand->shortfall)
           | sw_tpl_setf(s, "scorecards", "%zu", cand->scorecards)
           | sw_tpl_setf(s, "pending", "%zu", cand->pending)
           | web_wheel_field(a, cand, 0, s, "wheel") | competency_rows(a, cand, s);
    for (size_t i = 0; i < snap->n_files && rc == 0; i++) {
        const struct sw_scorecard *sc = snap->files[i].scorecard;
        if (sc && snap->files[i].added && strcmp(sc->candidate, cand->id) == 0)
            rc = card_fields(c, r, sc, s);
    }
    return rc;
}

static int packet_view(struct web_ctx *c, struct web_view *v)
{
    long k = sw_aggregate_candidate(v->aggregate, c->path.seg[3]);
    if (k < 0)
        return WEB_NOT_FOUND;
    web_candidate_label(&v->aggregate->candidates[k], v->title, sizeof v->title);
    return packet_fields(c, v, k, v->s);
}

void web_page_packet(struct web_ctx *c)
{
    static const struct web_analysis page = {
        .page = WEB_PAGE_PACKET, .tpl = "packet.html", .candidate = 1, .adjustable = 1,
        .fields = packet_view,
    };
    web_analysis_page(c, &page);
}
