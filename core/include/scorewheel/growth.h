/*
 * growth.h - assessments become each person's profile per review cycle:
 * docs/design.md "Rule 13: profile of a person" (promote.h has rule 14).
 *
 * Use: sw_growth_new(), then sw_growth_add() for each assessment (or
 * sw_growth_load_parallel() for files), then sw_growth_finish(), then read
 * the people. The growth set keeps per assessment only its ids and one value
 * per competency, never its text.
 *
 * Rule 13, person p in cycle y, competency c:
 *   others(c)   = mean of the values for c on the submitted assessments of p
 *                 in y whose relation is not self; n = how many (NaN when 0);
 *   self(c)     = the submitted self-assessment's value, else NaN;
 *   self_gap(c) = self(c) - others(c) (NaN unless both);
 *   flags       = blind-spot when self_gap >= policy.self-gap,
 *                 hidden-strength when self_gap <= -policy.self-gap;
 *   delta(c)    = others(c) - others(c) in the latest earlier cycle of p in
 *                 which it is defined (NaN when none);
 *   pillars and overall from the others means as in rule 3 (mean of the
 *   defined competency means of the pillar, of the whole rubric).
 * People are every id an assessment names as person (drafts included), by
 * id; a person's cycles are those with at least one submitted assessment of
 * them, in byte order of their ids; drafts never count. name = the first
 * person-name found; level = the first level written on a submitted
 * assessment of the person's latest cycle that has one (add order), else -1.
 * Thresholds allow 1e-9 for the rounding of sums of halves.
 *
 * Numbers: "null" is NaN. Ownership: the growth set owns everything it points
 * to and keeps a pointer to the rubric, which must outlive it.
 */
#ifndef SW_GROWTH_H
#define SW_GROWTH_H

#include <stddef.h>

#include "arena.h"
#include "assessment.h"
#include "error.h"
#include "load.h"
#include "rubric.h"
#include "strmap.h"

/* Rule 13 flags, a bit set. */
enum sw_growth_flag {
    SW_GROWTH_BLIND_SPOT = 1 << 0,        /* self - others >= policy.self-gap */
    SW_GROWTH_HIDDEN_STRENGTH = 1 << 1,   /* self - others <= -policy.self-gap */
};

struct sw_growth_stats {
    size_t n;           /* non-self submitted assessments rating c */
    double others;      /* their mean; NaN when n = 0 */
    double self;        /* NaN without a submitted self value */
    double self_gap;    /* self - others */
    double delta;       /* others - others in the latest earlier cycle defining it */
    unsigned flags;     /* enum sw_growth_flag */
};

struct sw_growth_cycle {
    const char *id;
    size_t assessors;   /* submitted non-self assessments */
    int self;           /* 1 when a submitted self-assessment exists */
    double *pillars;    /* one per rubric pillar */
    double overall;
    struct sw_growth_stats *competencies;   /* one per rubric competency */
};

struct sw_person {
    const char *id;
    const char *name;   /* NULL when no person-name was found */
    long level;         /* rubric level index, -1 when none */
    struct sw_growth_cycle *cycles;   /* in cycle order */
    size_t n_cycles;
    size_t first_entry, last_entry;   /* internal: the person's assessments, chained */
};

/* One assessment as the growth set keeps it (internal, readable). */
struct sw_growth_entry {
    const char *path;
    int line;
    size_t person;
    const char *assessor, *cycle;
    enum sw_relation relation;
    long level;
    int submitted;
    double *values;     /* per competency; NaN where unrated */
};

struct sw_growth {
    const struct sw_rubric *rubric;
    struct sw_person *people;       /* by id ascending after finish */
    size_t n_people;
    struct sw_growth_entry *entries;   /* in the order added */
    size_t n_entries;
    int finished;
    /* internal */
    size_t *entry_next;
    size_t cap_people, cap_entries, cap_next;
    struct sw_strmap person_ids, keys;
    struct sw_arena arena;
};

/* --- life cycle ---------------------------------------------------------- */

/* A new, empty growth set over rubric r; NULL when out of memory. */
struct sw_growth *sw_growth_new(const struct sw_rubric *r);
void sw_growth_free(struct sw_growth *g);

/* Adds one assessment read against the same rubric (copied; a may be freed
 * afterwards). A second assessment with the same person, assessor and cycle
 * (whatever their status) is refused with an error naming both files. 0 or -1. */
int sw_growth_add(struct sw_growth *g, const struct sw_assessment *a, struct sw_errors *errs);

/* Loads each file with `threads` workers (load.h), skipping rubrics and
 * scorecards, and adds the assessments in path order. Every problem goes to
 * errs; the valid assessments are added. Returns the number of files that
 * could not be added. */
size_t sw_growth_load_parallel(struct sw_growth *g, char *const *paths, size_t n,
                               unsigned threads, sw_progress_fn progress, void *ctx,
                               struct sw_errors *errs);

/* Sorts the people by id and computes rule 13 for each of their cycles.
 * 0, or -1 when out of memory (then `finished` stays 0). */
int sw_growth_finish(struct sw_growth *g, struct sw_errors *errs);

/* --- queries ------------------------------------------------------------- */

/* Index of the person with that id, or -1 (after finish). */
long sw_growth_person(const struct sw_growth *g, const char *id);
/* The person's cycle with that id, or NULL. */
const struct sw_growth_cycle *sw_growth_cycle_of(const struct sw_person *p, const char *id);
/* "blind-spot", "hidden-strength". */
const char *sw_growth_flag_name(enum sw_growth_flag f);

#endif
