/* stats.c - mean, median, sd, alpha and ICC on plain arrays, rules 2 and 9 (stats.h). */
#include "stats.h"

#include <math.h>
#include <stdlib.h>

double sw_mean(const double *x, size_t n)
{
    if (n == 0)
        return NAN;
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += x[i];
    double mean = sum / (double)n, residual = 0;
    for (size_t i = 0; i < n; i++)
        residual += x[i] - mean;
    return mean + residual / (double)n;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double sw_median(double *x, size_t n)
{
    if (n == 0)
        return NAN;
    qsort(x, n, sizeof *x, by_value);
    return n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
}

static double squares_about(const double *x, size_t n, double centre)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += (x[i] - centre) * (x[i] - centre);
    return sum;
}

double sw_sample_sd(const double *x, size_t n)
{
    if (n < 2)
        return NAN;
    return sqrt(squares_about(x, n, sw_mean(x, n)) / (double)(n - 1));
}

double sw_alpha_interval(const double *values, const size_t *unit_start, size_t n_units,
                         size_t *pairable)
{
    size_t units = 0, n = 0;
    double total = 0;
    for (size_t u = 0; u < n_units; u++) {
        size_t m = unit_start[u + 1] - unit_start[u];
        if (m < 2)
            continue;
        units++;
        n += m;
        for (size_t i = unit_start[u]; i < unit_start[u + 1]; i++)
            total += values[i];
    }
    if (pairable)
        *pairable = units;
    if (units == 0)
        return NAN;
    double grand = total / (double)n, observed = 0, expected = 0;
    for (size_t u = 0; u < n_units; u++) {
        size_t m = unit_start[u + 1] - unit_start[u];
        if (m < 2)
            continue;
        const double *v = values + unit_start[u];
        observed += 2.0 * (double)m * squares_about(v, m, sw_mean(v, m)) / (double)(m - 1);
        expected += squares_about(v, m, grand);
    }
    double d_o = observed / (double)n;
    double d_e = 2.0 * (double)n * expected / ((double)n * (double)(n - 1));
    if (!(d_e > 0))
        return NAN;
    return 1 - d_o / d_e;
}

static double ratio(double num, double den)
{
    return den != 0 ? num / den : NAN;
}

int sw_icc(const double *x, size_t n, size_t k, struct sw_icc *out)
{
    if (n < 2 || k < 2)
        return -1;
    double *row = calloc(n, sizeof *row), *col = calloc(k, sizeof *col);
    if (!row || !col) {
        free(row);
        free(col);
        return -1;
    }
    double grand = sw_mean(x, n * k);
    for (size_t i = 0; i < n; i++)
        row[i] = sw_mean(x + i * k, k);
    for (size_t j = 0; j < k; j++) {
        double sum = 0;
        for (size_t i = 0; i < n; i++)
            sum += x[i * k + j];
        col[j] = sum / (double)n;
    }
    double ss_rows = (double)k * squares_about(row, n, grand);
    double ss_cols = (double)n * squares_about(col, k, grand);
    double ss_within = 0, ss_error = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < k; j++) {
            double v = x[i * k + j];
            ss_within += (v - row[i]) * (v - row[i]);
            double e = v - row[i] - col[j] + grand;
            ss_error += e * e;
        }
    }
    free(row);
    free(col);
    double dn = (double)n, dk = (double)k;
    double bms = ss_rows / (dn - 1), wms = ss_within / (dn * (dk - 1));
    double jms = ss_cols / (dk - 1), ems = ss_error / ((dn - 1) * (dk - 1));
    out->icc11 = ratio(bms - wms, bms + (dk - 1) * wms);
    out->icc21 = ratio(bms - ems, bms + (dk - 1) * ems + dk * (jms - ems) / dn);
    out->icc31 = ratio(bms - ems, bms + (dk - 1) * ems);
    out->icc1k = ratio(bms - wms, bms);
    out->icc2k = ratio(bms - ems, bms + (jms - ems) / dn);
    out->icc3k = ratio(bms - ems, bms);
    return 0;
}
