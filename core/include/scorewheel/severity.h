/*
 * severity.h - severity-adjusted scores: docs/design.md rule 11.
 *
 * Some interviewers rate high, some low, and each candidate meets a few of
 * them. Rule 11 estimates each interviewer's offset b(i) with a mixed model
 * and lets the scores be read with it removed.
 *
 * Observations: (candidate k, interviewer i, competency c, x) for every
 * submitted scorecard s and competency with x = x(s,c) defined (rule 1).
 *   ybar   = mean of every observation's x
 *   d(c)   = mean of x over competency c's observations - ybar
 *   z(k,i) = mean of x - d(c) over the observations of candidate k by
 *            interviewer i (all its scorecards pooled, a flat mean): a pair.
 * Model, over the P pairs of K candidates and I interviewers (only those with a
 * pair count):  z(k,i) = f(k) + b(i) + e,  f fixed, b ~ N(0, tau2),
 * e ~ N(0, sigma2), independent.
 *
 * The candidates absorbed: with m(k) = the number of k's interviewers,
 * zbar(k) = the mean of k's pair scores, n(i) = i's pairs,
 *   C(i,i) = n(i) - sum over i's candidates k of 1 / m(k)
 *   C(i,j) = - sum over the candidates k that i and j share of 1 / m(k)
 *   q(i)   = sum over i's candidates k of (z(k,i) - zbar(k))
 *   S0     = sum over the pairs of (z(k,i) - zbar(k))^2
 * (C = Z'MZ and q = Z'Mz, M the projection off the candidates' columns X).
 *
 * REML. With r = P - K and L an orthonormal basis of the residual space of X
 * (LL' = M), REML is the likelihood of w = L'z ~ N(0, sigma2 I + tau2 AA'),
 * A = L'Z, A'A = C. Write theta = tau2 / sigma2 = 1 / lambda and take
 * C = U diag(mu) U' (mu >= 0, U orthonormal), g = U'q. AA' (r x r) has the
 * nonzero mu and zeros, so
 *   log |V_w| = r log sigma2 + sum_j log(1 + theta mu(j))
 * and by Woodbury, (sigma2 I + tau2 AA')^-1 = (I - A (C + lambda I)^-1 A') / sigma2,
 * with A'w = q and w'w = S0:
 *   w' V_w^-1 w = Q(theta) / sigma2,
 *   Q(theta) = S0 - q'(C + lambda I)^-1 q = S0 - sum_j g(j)^2 theta / (1 + theta mu(j)).
 * So -2 log L_REML = r log sigma2 + sum_j log(1 + theta mu(j)) + Q(theta) / sigma2
 * (+ a constant). Its minimum over sigma2 is at sigma2 = Q(theta) / r, leaving
 *   F(theta) = r log Q(theta) + sum_j log(1 + theta mu(j))     (+ constants)
 *   F'(theta) = -r sum_j g(j)^2 / (1 + theta mu(j))^2 / Q(theta)
 *               + sum_j mu(j) / (1 + theta mu(j))
 * each O(I) per theta once C is reduced, once per fit: LAPACK's dsytrd gives
 * C = H T H' (T tridiagonal), dsterf T's eigenvalues (= mu), and since
 * sum_j g(j)^2 theta / (1 + theta mu(j)) = theta w'(I + theta T)^-1 w with
 * w = H'q, Q and Q' = -|(I + theta T)^-1 w|^2 take one tridiagonal solve
 * (severity_int.h): U itself is never formed.
 * F'(0) = trace(C) - r |q|^2 / S0: when it is negative the likelihood rises
 * from tau2 = 0 and the optimum is inside; when it is >= 0 and no theta > 0
 * does better than F(0), the REML tau2 is 0.
 * The optimum: F on a grid of log theta (4 points per unit of ln theta, from
 * theta mu_max = 1e-12 to theta mu_min = 1e12, mu_min the least positive mu),
 * then the root of F' bisected to the last bit between the best point's
 * neighbours, then kept only if it beats theta = 0.
 *   sigma2 = Q(theta) / r,   tau2 = theta sigma2
 *
 * BLUP and standard errors, given them (lambda = sigma2 / tau2):
 *   b(i)  = [(C + lambda I)^-1 q](i)  = sum_j U(i,j) g(j) / (mu(j) + lambda)
 *   se(i) = sqrt(sigma2 [(C + lambda I)^-1](i,i))
 *         = sqrt(sigma2 sum_j U(i,j)^2 / (mu(j) + lambda))
 * computed from one Cholesky factorisation R'R = C + lambda I (dpotrf, dpotrs)
 * and R^-1 (dtrtri): the diagonal of R^-1 R^-T is the row sums of squares of
 * R^-1. Cost: about 2 I^3 flops per fit (dsytrd 4/3, dpotrf 1/3, dtrtri 1/3),
 * against about 5 I^3 for a full eigen-decomposition with vectors. C has no
 * entry between interviewers of different components: numbered component by
 * component it is block-diagonal, and each block is reduced and factorised
 * alone (T's off-diagonal is 0 between blocks), so a fit costs the sum of
 * the cubes of the components' interviewer counts.
 * `adjustment`(i) = b(i): positive means i rates high.
 *
 * No fit (`fitted` 0, adjustments 0, standard errors null): when
 * P - K < 10 or fewer than 3 interviewers have pairs (sigma2 and tau2 null),
 * or when the REML tau2 < 1e-8 (sigma2 and tau2 hold the REML values), or
 * when S0 = 0 (no residual at all: sigma2 = tau2 = 0).
 * `components` = the connected components of the graph whose nodes are the
 * candidates and interviewers with pairs and whose edges are the pairs.
 * An interviewer without pairs has null adjustment and se and counts 0 where
 * scores are adjusted.
 *
 * Numbers: "null" is NaN. Every function returns NULL or -1 with the reason
 * in errs (out of memory, a LAPACK failure, a bad index or a score that is
 * NaN or infinite in the plain-array entry points); the caller frees what sw_severity_*() returns with
 * sw_severity_free().
 */
#ifndef SW_SEVERITY_H
#define SW_SEVERITY_H

#include <stddef.h>

#include "aggregate.h"
#include "buf.h"
#include "error.h"

/* One observation: candidate, interviewer and competency indices and x(s,c). */
struct sw_observation {
    size_t candidate, interviewer, competency;
    double x;
};

/* One pair: z(k,i) over `observations` observations. */
struct sw_pair {
    size_t candidate, interviewer;
    double z;
    size_t observations;
};

struct sw_severity {
    int fitted;
    double sigma2, tau2;        /* REML estimates; NaN when too few pairs */
    size_t observations;        /* observations used */
    size_t pairs;               /* P */
    size_t candidates;          /* K: candidates with a pair */
    size_t rated;               /* interviewers with a pair */
    size_t components;          /* G */
    size_t n_interviewers;      /* the length of the two arrays below */
    double *adjustment;         /* b(i); 0 when not fitted; NaN without a pair */
    double *se;                 /* se(i); NaN when not fitted or without a pair */
};

/* --- fitting ---------------------------------------------------------------- */

/* Rule 11 over a finished aggregate: its submitted scorecards' observations,
 * one per competency with x(s,c) defined; interviewers as a->interviewers. */
struct sw_severity *sw_severity_fit(const struct sw_aggregate *a, struct sw_errors *errs);

/* The same from plain observations (any order), with candidate indices below
 * n_candidates, interviewer indices below n_interviewers and competency
 * indices below n_competencies (else an input error). */
struct sw_severity *sw_severity_fit_observations(const struct sw_observation *obs, size_t n,
                                                 size_t n_candidates, size_t n_interviewers,
                                                 size_t n_competencies,
                                                 struct sw_errors *errs);

/* The pairs of the observations, by candidate then interviewer, with the
 * competency centring d(c) above. *pairs is malloc'ed (caller frees); 0 or -1. */
int sw_severity_pairs(const struct sw_observation *obs, size_t n, size_t n_competencies,
                      struct sw_pair **pairs, size_t *n_pairs, struct sw_errors *errs);

/* The model fitted to given pair scores (the `observations` fields are only
 * summed). A candidate and interviewer given twice is an input error. */
struct sw_severity *sw_severity_fit_pairs(const struct sw_pair *pairs, size_t n_pairs,
                                          size_t n_candidates, size_t n_interviewers,
                                          struct sw_errors *errs);

void sw_severity_free(struct sw_severity *s);

/* --- adjusted scores --------------------------------------------------------- */

/* What interviewer i's scores lose when adjusted: b(i), 0 without a pair. */
double sw_severity_shift(const struct sw_severity *s, size_t interviewer);

/* Replaces every submitted x(s,c) of the finished aggregate a (whose
 * interviewers s was fitted to) by x(s,c) - sw_severity_shift(s, i(s)), no
 * clipping, and computes rules 2 to 7 again (levels unchanged). 0 or -1. */
int sw_aggregate_adjust(struct sw_aggregate *a, const struct sw_severity *s,
                        struct sw_errors *errs);

/* Candidate `cand`'s adjusted competency means (rule 2's mean of the adjusted
 * x, NaN where n = 0) in means[0..n_competencies-1] and rule 3's overall of
 * them, leaving the aggregate as it is. */
void sw_severity_means(const struct sw_aggregate *a, const struct sw_severity *s, size_t cand,
                       double *means, double *overall);

/* Appends the line a table of adjusted scores starts with: "Scores adjusted
 * for interviewer severity (rule 11: sigma2 0.132, tau2 0.078, 302 pairs, 1
 * component)." or, without a fit, that the scores are as rated and why. */
void sw_severity_note(const struct sw_severity *s, struct sw_buf *out);

#endif
