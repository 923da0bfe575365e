/*
 * severity_int.h - internal to severity.c: the REML optimum of
 * docs/design.md rule 11 from the eigenvalues of the absorbed system (the
 * derivation is in severity.h). Not installed.
 */
#ifndef SW_SEVERITY_INT_H
#define SW_SEVERITY_INT_H

#include <stddef.h>

/* The profile of -2 log L_REML in theta = tau2 / sigma2, from C = H T H'
 * (LAPACK's tridiagonal reduction: H orthogonal, T tridiagonal with diagonal
 * d[0..n-1] and off-diagonal e[0..n-2]): mu[0..n-1] >= 0 the eigenvalues of
 * C (= T's), w = H'q, S0 and r = P - K as in severity.h. Since
 * q'(C + lambda I)^-1 q = theta w'(I + theta T)^-1 w, Q and its derivative
 * take one tridiagonal solve, O(n); the log-determinant and the trace take
 * the eigenvalues. */
struct sw_reml_profile {
    const double *mu;
    const double *d, *e, *w;
    double *x, *scratch;        /* n each: the solve's work */
    size_t n;
    double S0;
    double r;
};

/* Q(theta) = S0 - theta w'(I + theta T)^-1 w
 *          = S0 - sum_j g(j)^2 theta / (1 + theta mu(j)). */
double sw_reml_q(const struct sw_reml_profile *p, double theta);
/* F(theta) = r log Q(theta) + sum_j log(1 + theta mu(j)). */
double sw_reml_f(const struct sw_reml_profile *p, double theta);
/* F'(theta) = r Q'(theta) / Q(theta) + sum_j mu(j) / (1 + theta mu(j)), with
 * Q'(theta) = -|(I + theta T)^-1 w|^2. */
double sw_reml_df(const struct sw_reml_profile *p, double theta);
/* The theta >= 0 that minimises F (0 at the boundary), as severity.h says.
 * S0 must be > 0 and r > 0. */
double sw_reml_theta(const struct sw_reml_profile *p);

#endif
