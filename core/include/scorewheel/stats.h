/*
 * stats.h - the statistics behind docs/design.md rules 2 and 9, on plain arrays.
 *
 * "null" is NaN. Every sum is taken about a mean computed first (two-pass), so
 * large counts or values far from zero do not cancel catastrophically.
 */
#ifndef SW_STATS_H
#define SW_STATS_H

#include <stddef.h>

/* Mean of x[0..n-1]; NaN when n == 0. Two-pass: the mean, then a correction by
 * the mean residual. */
double sw_mean(const double *x, size_t n);
/* Median; sorts x in place; the mean of the two middle values when n is even;
 * NaN when n == 0. */
double sw_median(double *x, size_t n);
/* Sample standard deviation sqrt(sum (x - mean)^2 / (n - 1)); NaN when n < 2. */
double sw_sample_sd(const double *x, size_t n);

/* Krippendorff's alpha, interval metric (rule 9). Unit u holds the values
 * values[unit_start[u] .. unit_start[u+1]-1] (one per coder; the caller has
 * averaged a coder's several values for a unit). Units with fewer than 2 values
 * are not pairable and are ignored; *pairable (if not NULL) gets the number of
 * units with 2 or more. With n the number of pairable values, m_u a unit's count:
 *   D_o = (1/n) sum_u [ 2 m_u sum_i (v_ui - mean_u)^2 / (m_u - 1) ]
 *   D_e = 2 n sum (v - grand mean)^2 / (n (n - 1))
 *   alpha = 1 - D_o / D_e
 * (the coincidence-matrix definition of Krippendorff 2011, summed per pair:
 * sum over ordered pairs i != j of (v_i - v_j)^2 = 2 m sum (v_i - mean)^2).
 * NaN when no unit is pairable or D_e is 0. */
double sw_alpha_interval(const double *values, const size_t *unit_start, size_t n_units,
                         size_t *pairable);

/* Shrout & Fleiss (1979) intraclass correlations. */
struct sw_icc {
    double icc11, icc21, icc31, icc1k, icc2k, icc3k;
};

/* ICCs of a complete n targets x k judges matrix x[i*k + j], from the mean
 * squares BMS (between targets), WMS (within targets), JMS (between judges) and
 * EMS (residual):
 *   ICC(1,1) = (BMS - WMS) / (BMS + (k-1) WMS)
 *   ICC(2,1) = (BMS - EMS) / (BMS + (k-1) EMS + k (JMS - EMS) / n)
 *   ICC(3,1) = (BMS - EMS) / (BMS + (k-1) EMS)
 *   ICC(1,k) = (BMS - WMS) / BMS
 *   ICC(2,k) = (BMS - EMS) / (BMS + (JMS - EMS) / n)
 *   ICC(3,k) = (BMS - EMS) / BMS
 * A form whose denominator is 0 is NaN. Returns 0, or -1 (out untouched) when
 * n < 2 or k < 2 or out of memory. */
int sw_icc(const double *x, size_t n, size_t k, struct sw_icc *out);

#endif
