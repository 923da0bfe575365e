/* team.c - team complement, rule 10, and its JSON, CSV and table (team.h). */
#include "team.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/json.h"
#include "rules/order.h"
#include "report.h"
#include "termtext.h"

struct rank_ctx {
    const struct sw_team *team;
    const struct sw_aggregate *candidates;
};

/* Gain descending, overall descending (nulls last), id ascending. */
static int by_rank(const void *ctx, size_t i, size_t j)
{
    const struct rank_ctx *rc = ctx;
    double gi = rc->team->gain[i], gj = rc->team->gain[j];
    if (gi != gj)
        return gi > gj ? -1 : 1;
    double oi = rc->candidates->candidates[i].overall, oj = rc->candidates->candidates[j].overall;
    if (isnan(oi) != isnan(oj))
        return isnan(oi) ? 1 : -1;
    if (!isnan(oi) && oi != oj)
        return oi > oj ? -1 : 1;
    return strcmp(rc->candidates->candidates[i].id, rc->candidates->candidates[j].id);
}

static void profile(struct sw_team *t, const struct sw_aggregate *members)
{
    for (size_t c = 0; c < t->n_competencies; c++) {
        double best = NAN;
        for (size_t m = 0; m < members->n_candidates; m++) {
            const struct sw_competency_stats *st = &members->candidates[m].competencies[c];
            if (st->n > 0 && (isnan(best) || st->mean > best))
                best = st->mean;
        }
        t->profile[c] = best;
        t->gap[c] = isnan(best) || best < t->bar;
    }
}

static void gains(struct sw_team *t, const struct sw_aggregate *cands, double scale_min)
{
    size_t nc = t->n_competencies;
    for (size_t k = 0; k < cands->n_candidates; k++) {
        double sum = 0;
        for (size_t c = 0; c < nc; c++) {
            const struct sw_competency_stats *st = &cands->candidates[k].competencies[c];
            if (st->n == 0)
                continue;
            double floor_ = isnan(t->profile[c]) ? scale_min : t->profile[c];
            if (st->mean > floor_)
                sum += st->mean - floor_;
            t->fills[k * nc + c] = t->gap[c] && st->mean >= t->bar;
        }
        t->gain[k] = sum / (double)nc;
    }
}

struct sw_team *sw_team_new(const struct sw_aggregate *members,
                            const struct sw_aggregate *candidates, double bar,
                            struct sw_errors *errs)
{
    const struct sw_rubric *r = candidates->rubric;
    size_t nc = r->n_competencies, nk = candidates->n_candidates;
    if (sw_aggregate_require_finished(members, errs) < 0 ||
        sw_aggregate_require_finished(candidates, errs) < 0)
        return NULL;
    struct sw_team *t = calloc(1, sizeof *t);
    if (!t) {
        sw_fail_oom(errs, NULL);
        return NULL;
    }
    t->n_competencies = nc;
    t->n_candidates = nk;
    t->bar = isnan(bar) ? (r->scale.min + r->scale.max) / 2 : bar;
    t->profile = calloc(nc + 1, sizeof *t->profile);
    t->gap = calloc(nc + 1, 1);
    t->gain = calloc(nk + 1, sizeof *t->gain);
    t->fills = calloc(nk * nc + 1, 1);
    t->rank = calloc(nk + 1, sizeof *t->rank);
    if (!t->profile || !t->gap || !t->gain || !t->fills || !t->rank) {
        sw_team_free(t);
        sw_fail_oom(errs, NULL);
        return NULL;
    }
    profile(t, members);
    gains(t, candidates, r->scale.min);
    struct rank_ctx ctx = { t, candidates };
    if (sw_order_indices(t->rank, nk, by_rank, &ctx) < 0) {
        sw_team_free(t);
        sw_fail_oom(errs, NULL);
        return NULL;
    }
    return t;
}

void sw_team_free(struct sw_team *t)
{
    if (!t)
        return;
    free(t->profile);
    free(t->gap);
    free(t->gain);
    free(t->fills);
    free(t->rank);
    free(t);
}

int sw_team_json(const struct sw_team *t, const struct sw_aggregate *members,
                 const struct sw_aggregate *candidates, struct sw_buf *out,
                 struct sw_errors *errs)
{
    const struct sw_rubric *r = candidates->rubric;
    struct sw_json j;
    sw_json_init(&j, out);
    sw_json_begin_object(&j);
    sw_json_put_number(&j, "bar", t->bar);
    sw_json_key(&j, "members");
    sw_json_begin_array(&j);
    for (size_t m = 0; m < members->n_candidates; m++)
        sw_json_string(&j, members->candidates[m].id);
    sw_json_end_array(&j);
    sw_json_key(&j, "profile");
    sw_json_begin_array(&j);
    for (size_t c = 0; c < t->n_competencies; c++) {
        sw_json_begin_object(&j);
        sw_json_put_string(&j, "id", r->competencies[c].id);
        sw_json_put_number(&j, "score", t->profile[c]);
        sw_json_put_bool(&j, "gap", t->gap[c]);
        sw_json_end_object(&j);
    }
    sw_json_end_array(&j);
    sw_json_key(&j, "candidates");
    sw_json_begin_array(&j);
    for (size_t i = 0; i < t->n_candidates; i++) {
        size_t k = t->rank[i];
        sw_json_begin_object(&j);
        sw_json_put_string(&j, "id", candidates->candidates[k].id);
        sw_json_put_number(&j, "gain", t->gain[k]);
        sw_json_put_number(&j, "overall", candidates->candidates[k].overall);
        sw_json_key(&j, "fills");
        sw_json_begin_array(&j);
        for (size_t c = 0; c < t->n_competencies; c++)
            if (t->fills[k * t->n_competencies + c])
                sw_json_string(&j, r->competencies[c].id);
        sw_json_end_array(&j);
        sw_json_end_object(&j);
    }
    sw_json_end_array(&j);
    sw_json_end_object(&j);
    return out->failed ? sw_buf_fail(out, errs, "team ranking") : 0;
}

/* A comma, then the ids of the gaps candidate k fills, separated by ';', as
 * one CSV field. */
static void csv_fills(const struct sw_team *t, const struct sw_rubric *r, size_t k,
                      enum sw_csv_mode mode, struct sw_buf *out)
{
    struct sw_buf fills = SW_BUF_INIT;
    for (size_t c = 0; c < t->n_competencies; c++)
        if (t->fills[k * t->n_competencies + c])
            sw_buf_addf(&fills, "%s%s", fills.len ? ";" : "", r->competencies[c].id);
    if (fills.failed)
        out->failed = 1;
    sw_csv_text(out, fills.data, mode);
    sw_buf_release(&fills);
}

int sw_team_csv(const struct sw_team *t, const struct sw_aggregate *candidates,
                enum sw_csv_mode mode, struct sw_buf *out, struct sw_errors *errs)
{
    const struct sw_rubric *r = candidates->rubric;
    sw_buf_adds(out, "rank,candidate,name,gain,overall,fills\r\n");
    for (size_t i = 0; i < t->n_candidates; i++) {
        size_t k = t->rank[i];
        const struct sw_candidate *c = &candidates->candidates[k];
        sw_buf_addf(out, "%zu", i + 1);
        sw_csv_text(out, c->id, mode);
        sw_csv_text(out, c->name, mode);
        sw_csv_number(out, t->gain[k]);
        sw_csv_number(out, c->overall);
        csv_fills(t, r, k, mode, out);
        sw_csv_end_row(out);
    }
    return out->failed ? sw_buf_fail(out, errs, "team ranking") : 0;
}

int sw_team_table(const struct sw_team *t, const struct sw_aggregate *members,
                  const struct sw_aggregate *candidates, int color, struct sw_buf *out,
                  struct sw_errors *errs)
{
    const struct sw_rubric *r = candidates->rubric;
    sw_buf_addf(out, "Team of %zu: best member score per competency (bar %g)\n",
                members->n_candidates, t->bar);
    for (size_t p = 0; p < r->n_pillars; p++) {
        sw_buf_addf(out, "%s\n", r->pillars[p].name);
        for (size_t c = r->pillars[p].first; c < r->pillars[p].first + r->pillars[p].count; c++) {
            sw_buf_adds(out, "  ");
            sw_text_cell(out, r->competencies[c].name, 26);
            sw_text_number(out, t->profile[c], 2, 6, 0);
            if (t->gap[c])
                sw_buf_adds(out, color ? "  \033[31mgap\033[0m" : "  gap");
            sw_buf_addc(out, '\n');
        }
    }
    sw_buf_addf(out, "\nCandidates by gain to the team\n");
    sw_text_cell(out, "  candidate", 28);
    sw_buf_adds(out, "  gain overall  fills\n");
    for (size_t i = 0; i < t->n_candidates; i++) {
        size_t k = t->rank[i];
        const struct sw_candidate *c = &candidates->candidates[k];
        char label[256];
        snprintf(label, sizeof label, "%zu. %s", i + 1, c->name ? c->name : c->id);
        sw_buf_adds(out, "  ");
        sw_text_cell(out, label, 26);
        sw_text_number(out, t->gain[k], 2, 6, 0);
        sw_text_number(out, c->overall, 2, 8, 0);
        struct sw_buf fills = SW_BUF_INIT;
        for (size_t k2 = 0; k2 < t->n_competencies; k2++)
            if (t->fills[k * t->n_competencies + k2])
                sw_buf_addf(&fills, "%s%s", fills.len ? ", " : "", r->competencies[k2].name);
        sw_buf_adds(out, "  ");
        sw_text_wrap(out, fills.len ? sw_buf_str(&fills) : "-", 44, 44, 80);
        sw_buf_release(&fills);
    }
    sw_buf_adds(out, "\ngain = how much the candidate raises the team's best score, averaged "
                     "over all\ncompetencies; fills = gaps where the candidate reaches the bar.\n");
    return out->failed ? sw_buf_fail(out, errs, "team ranking") : 0;
}
