/*
 * promote.h - readiness for a level: docs/design.md "Rule 14: readiness",
 * over a finished growth set (growth.h).
 *
 * Rule 14, person p, level L, cycle y (default: p's latest), with
 * target(c) from L and gap(c) = others(c) - target(c), in this order:
 *   insufficient-evidence  when p has no cycle y, or its non-self assessors
 *                          < policy.min-assessors, or some competency has n = 0;
 *   not-ready              when a competency of an `individual` pillar has
 *                          gap < 0 (reason individual:ID for each), or overall
 *                          < L's hire-bar (reason overall), or more than
 *                          policy.max-gaps competencies of the other pillars
 *                          have gap <= -policy.gap (reason gaps);
 *   ready                  otherwise.
 * With cycles N > 1 a ready person stays ready only when each of their last
 * N cycles up to y is ready (fewer than N cycles, or one not ready:
 * not-ready with the single reason sustained).
 * Self ratings never count; thresholds allow 1e-9 like rule 6.
 */
#ifndef SW_PROMOTE_H
#define SW_PROMOTE_H

#include <stddef.h>

#include "buf.h"
#include "growth.h"
#include "report.h"

enum sw_readiness { SW_READY, SW_NOT_READY, SW_INSUFFICIENT_EVIDENCE };

/* Reasons other than individual:ID, a bit set. */
enum { SW_REASON_OVERALL = 1, SW_REASON_GAPS = 2, SW_REASON_SUSTAINED = 4 };

struct sw_promotion {
    const struct sw_growth_cycle *cycle;   /* NULL when the person lacks it */
    enum sw_readiness readiness;
    unsigned reasons;                      /* SW_REASON_* */
    /* Per competency: 1 when gap < 0 in an individual pillar (reason
     * individual:ID). Caller-provided, one per rubric competency. */
    unsigned char *individual;
};

/* Rule 14 for person p of finished growth set g and level index `level`:
 * on the cycle named `cycle` (NULL: p's latest), sustained over `cycles`
 * cycles (0 or 1: that one only). out->individual must point to one byte per
 * rubric competency. */
void sw_promote_person(const struct sw_growth *g, const struct sw_person *p, size_t level,
                       const char *cycle, size_t cycles, struct sw_promotion *out);

/* "ready", "not-ready", "insufficient-evidence". */
const char *sw_readiness_name(enum sw_readiness r);

/* The level after `level` on its track: the next in rubric order with the
 * same `track` (or none, when `level` has none), or -1 (none, or level -1). */
long sw_level_next(const struct sw_rubric *r, long level);

/* --- output: every function appends to out; 0, or -1 with the reason
 * recorded in errs (SW_ESYSTEM: out of memory, over SW_BUF_MAX, or the set
 * not finished). */

/* Which people to write: all (person -1) or one index. */

/* docs/design.md's growth JSON: {"people": [...]}. */
int sw_growth_json(const struct sw_growth *g, long person, struct sw_buf *out,
                   struct sw_errors *errs);
/* One row per person x cycle x competency, header first:
 * person,name,level,cycle,assessors,self_assessed,overall,pillar,competency,n,
 * others,self,self_gap,delta,flags (flags separated by ';'); text cells
 * guarded as `mode` says (report.h). */
int sw_growth_csv(const struct sw_growth *g, long person, enum sw_csv_mode mode,
                  struct sw_buf *out, struct sw_errors *errs);
/* Per person and cycle, fitting 80 columns: assessors, self, overall with its
 * change, pillar scores, then per competency n, others, self, self-gap, delta,
 * flags. */
int sw_growth_table(const struct sw_growth *g, long person, struct sw_buf *out,
                    struct sw_errors *errs);

/* docs/design.md's promote JSON: {"to": L, "people": [...]}, every person by id. */
int sw_promote_json(const struct sw_growth *g, size_t level, const char *cycle, size_t cycles,
                    struct sw_buf *out, struct sw_errors *errs);
/* One row per person x competency, header first:
 * to,person,name,cycle,assessors,overall,readiness,reasons,competency,half,n,
 * others,self,target,gap (reasons separated by ';'); text cells guarded as
 * `mode` says (report.h). */
int sw_promote_csv(const struct sw_growth *g, size_t level, const char *cycle, size_t cycles,
                   enum sw_csv_mode mode, struct sw_buf *out, struct sw_errors *errs);
/* Per person, fitting 80 columns: cycle, assessors, overall, readiness and
 * reasons, then per competency half, n, others, self, target, gap. */
int sw_promote_table(const struct sw_growth *g, size_t level, const char *cycle, size_t cycles,
                     struct sw_buf *out, struct sw_errors *errs);

#endif
