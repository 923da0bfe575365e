/* fisher.c - Fisher's exact test of a 2 x 2 table, as R's fisher.test (audit.h). */
#include "audit.h"

#include <math.h>
#include <stdlib.h>

/*
 * With the margins fixed, the table is decided by x = its top-left cell:
 * m = a + c (first column), n = b + d (second), k = a + b (first row); x
 * runs from lo = max(0, k - n) to hi = min(k, m) with probability
 * proportional to choose(m, x) choose(n, k - x), whose successive terms have
 * the ratio
 *   w(x + 1) / w(x) = (k - x)(m - x) / ((x + 1)(n - k + x + 1)).
 * Starting from w = 1 at the mode and multiplying ratios outwards keeps every
 * weight within one rounding per step of its exact value (weights too small
 * for a double become 0, where they cannot change the sum), with no
 * factorial ever formed; lgamma would lose about |log w| x 1e-16 absolute
 * in the logarithm, which for large tables is more than R's tolerance.
 * R (fisher.test, two-sided): p = sum of d(y) over d(y) <= d(x) (1 + 1e-7).
 * Worked example: R's ?fisher.test, TeaTasting [[3, 1], [1, 3]]: p = 0.4857
 * (= 34/70).
 */
double sw_fisher_exact(size_t a, size_t b, size_t c, size_t d)
{
    double m = (double)a + (double)c, n = (double)b + (double)d, k = (double)a + (double)b;
    double lo = k - n > 0 ? k - n : 0, hi = k < m ? k : m, x = (double)a;
    if (hi <= lo)
        return 1;
    double mode = floor((k + 1) * (m + 1) / (m + n + 2));
    if (mode < lo)
        mode = lo;
    if (mode > hi)
        mode = hi;
    /* The observed table's weight first, by the same walk from the mode. */
    double wx = 1;
    for (double y = mode; y < x; y++)
        wx *= (k - y) * (m - y) / ((y + 1) * (n - k + y + 1));
    for (double y = mode; y > x; y--)
        wx *= y * (n - k + y) / ((k - y + 1) * (m - y + 1));
    double limit = wx * (1 + 1e-7), total = 1, tail = 1 <= limit ? 1 : 0, w = 1;
    for (double y = mode; y < hi && w > 0; y++) {
        w *= (k - y) * (m - y) / ((y + 1) * (n - k + y + 1));
        total += w;
        if (w <= limit)
            tail += w;
    }
    w = 1;
    for (double y = mode; y > lo && w > 0; y--) {
        w *= y * (n - k + y) / ((k - y + 1) * (m - y + 1));
        total += w;
        if (w <= limit)
            tail += w;
    }
    double p = tail / total;
    return p > 1 ? 1 : p;
}
