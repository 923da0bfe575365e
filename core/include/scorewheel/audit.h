/*
 * audit.h - the adverse-impact audit: docs/design.md rule 16, and the
 * demographics file it reads (scorewheel-demographics(5)).
 *
 *     struct sw_demographics *d = sw_demographics_load("demo.xml", &errs);
 *     struct sw_severity *sev = sw_severity_fit(a, &errs);    (may be NULL)
 *     struct sw_audit *au = sw_audit_new(a, d, sev, &errs);
 *     sw_audit_table(au, a, &out, &errs);
 *
 * Demographics: voluntary self-identification, one <candidate> per person,
 * one <group dimension=".." value=".."/> per dimension it answers; a
 * dimension it does not answer is `unknown`. Ids of dimensions and values
 * are [a-z0-9-]+. Loading validates the schema, then: every dimension used
 * is declared, a dimension is declared once, a candidate is listed once and
 * answers a dimension once (each an error at the file and line).
 *
 * Rule 16, over the population (the aggregate's candidates with at least one
 * submitted scorecard); for dimension D and value v, group G = the
 * population's candidates with D = v:
 *   selection_rate = selected / decided   (decided: rule 6 hire or no-hire;
 *                                          selected: hire)
 *   scoring_rate   = above / scored       (scored: with an overall; above:
 *                                          overall > M, M the population's
 *                                          median overall)
 *   excluded   n < 2 % of the population  (50 n < population, exact)
 *   suppressed n < policy.min-cell, then complementary suppression: while the
 *              dimension's withheld (suppressed groups' n + unknown) is below
 *              min-cell and a shown group remains, the smallest shown group
 *              (by n, then value) is suppressed too
 *   impact     rate / the highest rate of the groups neither excluded nor
 *              suppressed (NaN for those, and when that rate is 0)
 *   flag       selection or scoring impact < 0.8, from the counts: a/b over
 *              c/d is below 0.8 exactly when 5 a d < 4 b c
 *   fisher_p   sw_fisher_exact of G's selected / not selected against the
 *              rest of the decided candidates with a known D; NaN suppressed
 * Intersections: the same with each combination of values of every declared
 * dimension as a group (candidates unknown in any dimension are their
 * `unknown`), in the order of their values, dimension by dimension.
 * Interviewer gaps (only when sev is fitted): for pair (k, i) of rule 11,
 * e(k,i) = z(k,i) - b(i) - f(k), f(k) = the mean over k's pairs of z - b;
 * for interviewer i and a group G not suppressed, with n_in >= 3 of i's pairs
 * in G and n_out >= 3 with a known D outside it:
 *   gap = mean e in G - mean e outside,  se = sqrt(sigma2 (1/n_in + 1/n_out)),
 *   flag when |gap| >= 2 se.
 * No output lists a candidate id; a suppressed group shows no count or rate.
 *
 * Numbers: "null" is NaN, a null count is SW_AUDIT_NULL. Functions return
 * NULL or -1 with the reason in errs; what sw_*_new/_load return is freed
 * with the matching _free (which accepts NULL).
 */
#ifndef SW_AUDIT_H
#define SW_AUDIT_H

#include <stddef.h>

#include "aggregate.h"
#include "arena.h"
#include "buf.h"
#include "error.h"
#include "report.h"
#include "severity.h"

/* --- demographics ----------------------------------------------------------- */

struct sw_demo_person {
    const char *id;
    int line;
    const char **values;     /* one per dimension; NULL: unknown */
};

struct sw_demographics {
    const char *path;
    const char **dimensions; /* as declared */
    size_t n_dimensions;
    struct sw_demo_person *people;   /* in file order */
    size_t n_people;
    struct sw_arena arena;
};

struct sw_demographics *sw_demographics_load(const char *path, struct sw_errors *errs);
/* The same from `len` bytes; `path` names them in errors. */
struct sw_demographics *sw_demographics_parse(const char *data, size_t len, const char *path,
                                              struct sw_errors *errs);
void sw_demographics_free(struct sw_demographics *d);

/* --- Fisher's exact test ----------------------------------------------------- */

/* Two-sided p of the 2 x 2 table [[a, b], [c, d]] as R's fisher.test: the sum
 * of the hypergeometric probabilities (margins fixed) of the tables no more
 * probable than the observed one times 1 + 1e-7. The probabilities are taken
 * relative to the mode by the ratio of successive terms, never through
 * log-factorials, so they stay exact to rounding for any counts. */
double sw_fisher_exact(size_t a, size_t b, size_t c, size_t d);

/* --- the audit ---------------------------------------------------------------- */

#define SW_AUDIT_NULL ((size_t)-1)

struct sw_audit_group {
    const char **values;     /* a dimension's group: 1 value; an intersection: one per dimension */
    size_t n, decided, selected, scored, above;   /* SW_AUDIT_NULL when suppressed */
    double selection_rate, selection_impact;
    double scoring_rate, scoring_impact;
    double fisher_p;
    int excluded, suppressed, flag;
};

/* A dimension, or (id NULL) the intersections. */
struct sw_audit_dimension {
    const char *id;
    size_t unknown;          /* SW_AUDIT_NULL when a group is suppressed */
    size_t withheld;         /* SW_AUDIT_NULL when none is */
    struct sw_audit_group *groups;
    size_t n_groups;
};

struct sw_audit_gap {
    size_t interviewer;      /* index into the aggregate's interviewers */
    size_t dimension, group;
    size_t n_in, n_out;
    double gap, se;
    int flag;
};

struct sw_audit {
    size_t population, decided, unmatched, min_cell;
    double median_overall;
    struct sw_audit_dimension *dimensions;
    size_t n_dimensions;
    struct sw_audit_dimension intersections;
    int fitted;              /* rule 11 fitted: gaps computed */
    double sigma2;
    struct sw_audit_gap *gaps;   /* by interviewer, dimension, value */
    size_t n_gaps;
    struct sw_arena arena;
};

/* Rule 16 over the finished aggregate a, demographics d (kept: it must
 * outlive the audit) and rule 11's fit sev (NULL or not fitted: no gaps). */
struct sw_audit *sw_audit_new(const struct sw_aggregate *a, const struct sw_demographics *d,
                              const struct sw_severity *sev, struct sw_errors *errs);
void sw_audit_free(struct sw_audit *au);

/* --- output (audit_text.c) ------------------------------------------------------
 * Each appends to out; 0, or -1 (out of memory) with errs set. */

/* docs/design.md's JSON object. */
int sw_audit_json(const struct sw_audit *au, const struct sw_aggregate *a, struct sw_buf *out,
                  struct sw_errors *errs);
/* One row per group, then per intersection:
 * dimension,value,n,decided,selected,selection_rate,selection_impact,scored,above,
 * scoring_rate,scoring_impact,fisher_p,excluded,suppressed,flag
 * (an intersection's dimension and value join its parts with '+'), then a
 * blank line and one row per interviewer gap:
 * interviewer,dimension,value,n_in,n_out,gap,se,flag. */
int sw_audit_csv(const struct sw_audit *au, const struct sw_aggregate *a, enum sw_csv_mode mode,
                 struct sw_buf *out, struct sw_errors *errs);
/* The tables for people in 80 columns, with what the numbers mean and do not. */
int sw_audit_table(const struct sw_audit *au, const struct sw_aggregate *a, struct sw_buf *out,
                   struct sw_errors *errs);
/* A group's label: its value, or an intersection's values joined by "sep". */
void sw_audit_label(const struct sw_audit *au, const struct sw_audit_dimension *dim,
                    const struct sw_audit_group *g, const char *sep, struct sw_buf *out);

#endif
