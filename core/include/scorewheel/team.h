/*
 * team.h - team complement: which candidate would add most to a team's
 * competency profile. docs/design.md "Semantics", rule 10.
 *
 * Members' scorecards (from promotion, self or manager assessments) are
 * aggregated exactly like candidates' (rules 1 to 3: a member is whoever the
 * `candidate` attribute names), in an aggregate of their own.
 */
#ifndef SW_TEAM_H
#define SW_TEAM_H

#include <stddef.h>

#include "aggregate.h"
#include "buf.h"
#include "report.h"

struct sw_team {
    double bar;               /* --bar, default the middle of the scale */
    double *profile;          /* T(c): the highest member mean(c); NaN when no member has n >= 1 */
    unsigned char *gap;       /* 1 where T(c) is NaN or T(c) < bar */
    /* Per candidate (indices of the candidates' aggregate): gain(k) = sum over all
     * competencies of max(0, m(c) - T'(c)) / number of competencies, where T'(c)
     * is T(c), or the scale's minimum when T(c) is NaN, and the term is 0 where
     * m(c) is undefined. */
    double *gain;
    /* fills: the gap competencies with m(c) >= bar, fills[k * n_competencies + c]. */
    unsigned char *fills;
    size_t *rank;             /* candidate indices by gain, then overall, then id */
    size_t n_competencies, n_candidates;
};

/* Computes rule 10 for the finished aggregates of the members and the
 * candidates, over the same rubric; `bar` NaN means the default. NULL, with
 * the reason recorded in errs (SW_ESYSTEM), when out of memory or either
 * aggregate is not finished. Caller frees. */
struct sw_team *sw_team_new(const struct sw_aggregate *members,
                            const struct sw_aggregate *candidates, double bar,
                            struct sw_errors *errs);
void sw_team_free(struct sw_team *t);

/* Output; each appends to out and returns 0, or -1 with the reason recorded
 * in errs (sw_buf_fail: out of memory or over SW_BUF_MAX). */
/* docs/design.md's JSON: {"bar", "members", "profile": [{"id", "score", "gap"}],
 * "candidates": [{"id", "gain", "overall", "fills"}]} with candidates ranked. */
int sw_team_json(const struct sw_team *t, const struct sw_aggregate *members,
                 const struct sw_aggregate *candidates, struct sw_buf *out,
                 struct sw_errors *errs);
/* One row per candidate, ranked: rank,candidate,name,gain,overall,fills
 * (fills separated by ';'); text cells guarded as `mode` says (report.h). */
int sw_team_csv(const struct sw_team *t, const struct sw_aggregate *candidates,
                enum sw_csv_mode mode, struct sw_buf *out, struct sw_errors *errs);
/* The team's profile with its gaps marked, then the ranking. */
int sw_team_table(const struct sw_team *t, const struct sw_aggregate *members,
                  const struct sw_aggregate *candidates, int color, struct sw_buf *out,
                  struct sw_errors *errs);

#endif
