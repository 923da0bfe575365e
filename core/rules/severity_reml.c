/* severity_reml.c - the REML optimum of rule 11 from C's eigenvalues
 * (severity.h derives the profile; severity_int.h declares these). */
#include "rules/severity_int.h"

#include <math.h>

/* Grid points per unit of ln theta, and the span of theta mu around 1. */
#define GRID_STEP 0.25
#define GRID_SPAN 1e12
#define BISECTIONS 400

/* Solves (I + theta T) x = w into p->x (T symmetric positive semi-definite,
 * so the elimination needs no pivoting); returns w'x. */
static double solve_shifted(const struct sw_reml_profile *p, double theta)
{
    size_t n = p->n;
    double *x = p->x, *c = p->scratch;
    if (n == 0)
        return 0;
    double pivot = 1 + theta * p->d[0];
    x[0] = p->w[0] / pivot;
    for (size_t i = 1; i < n; i++) {
        c[i - 1] = theta * p->e[i - 1] / pivot;
        pivot = 1 + theta * p->d[i] - theta * p->e[i - 1] * c[i - 1];
        x[i] = (p->w[i] - theta * p->e[i - 1] * x[i - 1]) / pivot;
    }
    for (size_t i = n - 1; i > 0; i--)
        x[i - 1] -= c[i - 1] * x[i];
    double wx = 0;
    for (size_t i = 0; i < n; i++)
        wx += p->w[i] * x[i];
    return wx;
}

double sw_reml_q(const struct sw_reml_profile *p, double theta)
{
    return p->S0 - theta * solve_shifted(p, theta);
}

double sw_reml_f(const struct sw_reml_profile *p, double theta)
{
    double q = sw_reml_q(p, theta), logdet = 0;
    if (!(q > 0))
        q = p->S0 * 1e-300;     /* a perfect fit: the lowest value there is */
    for (size_t j = 0; j < p->n; j++)
        logdet += log1p(theta * p->mu[j]);
    return p->r * log(q) + logdet;
}

double sw_reml_df(const struct sw_reml_profile *p, double theta)
{
    double q = sw_reml_q(p, theta), xx = 0, trace = 0;
    for (size_t i = 0; i < p->n; i++)
        xx += p->x[i] * p->x[i];
    for (size_t j = 0; j < p->n; j++)
        trace += p->mu[j] / (1 + theta * p->mu[j]);
    return trace - p->r * xx / q;
}

/* The least and greatest positive eigenvalue (0, 0 when none). */
static void mu_range(const struct sw_reml_profile *p, double *lo, double *hi)
{
    *lo = 0;
    *hi = 0;
    for (size_t j = 0; j < p->n; j++) {
        if (p->mu[j] <= 0)
            continue;
        *lo = *lo == 0 || p->mu[j] < *lo ? p->mu[j] : *lo;
        *hi = p->mu[j] > *hi ? p->mu[j] : *hi;
    }
}

/* The root of F' between a (F' < 0) and b (F' > 0), bisected until the two
 * ends are neighbouring doubles: geometric midpoints once a > 0. */
static double bisect_root(const struct sw_reml_profile *p, double a, double b)
{
    for (int k = 0; k < BISECTIONS; k++) {
        double m = a > 0 ? sqrt(a) * sqrt(b) : b / 16;
        if (!(m > a && m < b))
            m = a + (b - a) / 2;
        if (!(m > a && m < b))
            break;
        if (sw_reml_df(p, m) < 0)
            a = m;
        else
            b = m;
    }
    return sw_reml_f(p, a) <= sw_reml_f(p, b) ? a : b;
}

/* Golden-section search of F on [a, b], for a bracket whose ends F' does not
 * separate (F' changes sign more than once there). */
static double golden(const struct sw_reml_profile *p, double a, double b)
{
    const double r = (sqrt(5.0) - 1) / 2;
    double x1 = b - r * (b - a), x2 = a + r * (b - a);
    double f1 = sw_reml_f(p, x1), f2 = sw_reml_f(p, x2);
    for (int k = 0; k < BISECTIONS && b - a > 1e-15 * b; k++) {
        if (f1 <= f2) {
            b = x2;
            x2 = x1;
            f2 = f1;
            x1 = b - r * (b - a);
            f1 = sw_reml_f(p, x1);
        } else {
            a = x1;
            x1 = x2;
            f1 = f2;
            x2 = a + r * (b - a);
            f2 = sw_reml_f(p, x2);
        }
    }
    return f1 <= f2 ? x1 : x2;
}

double sw_reml_theta(const struct sw_reml_profile *p)
{
    double lo, hi;
    mu_range(p, &lo, &hi);
    if (hi <= 0)
        return 0;       /* C = 0: nothing tells interviewers apart */
    double t_lo = log(1 / (GRID_SPAN * hi)), t_hi = log(GRID_SPAN / lo);
    size_t points = (size_t)ceil((t_hi - t_lo) / GRID_STEP) + 1, best = 0;
    double best_f = INFINITY;
    for (size_t k = 0; k < points; k++) {
        double f = sw_reml_f(p, exp(t_lo + GRID_STEP * (double)k));
        if (f < best_f) {
            best_f = f;
            best = k;
        }
    }
    double a = best == 0 ? 0 : exp(t_lo + GRID_STEP * (double)(best - 1));
    double b = exp(t_lo + GRID_STEP * (double)(best + 1 < points ? best + 1 : best));
    double theta;
    if (best + 1 == points)
        theta = b;      /* still falling at theta mu = 1e12: sigma2 is all but 0 */
    else if (sw_reml_df(p, a) < 0 && sw_reml_df(p, b) > 0)
        theta = bisect_root(p, a, b);
    else
        theta = golden(p, a, b);
    /* The boundary: the likelihood falls from tau2 = 0 (F'(0) >= 0) and no
     * theta found does better there. */
    if (sw_reml_df(p, 0) >= 0 && sw_reml_f(p, 0) <= sw_reml_f(p, theta))
        return 0;
    return theta;
}
