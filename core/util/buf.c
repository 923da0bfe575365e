/* buf.c - growable text buffer, always NUL-terminated, with a size cap (buf.h). */
#include "buf.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "util/vec.h"

void sw_buf_init(struct sw_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->failed = 0;
}

void sw_buf_release(struct sw_buf *b)
{
    if (!b)
        return;
    free(b->data);
    sw_buf_init(b);
}

void sw_buf_reset(struct sw_buf *b)
{
    b->len = 0;
    b->failed = 0;
    if (b->data)
        b->data[0] = '\0';
}

int sw_buf_grow(struct sw_buf *b, size_t extra)
{
    if (extra > SW_BUF_MAX - b->len) {
        b->failed = SW_BUF_OVER;
        return -1;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    if (SW_VEC_GROW(b->data, b->cap, need, 64) < 0) {
        b->failed = 1;
        return -1;
    }
    b->data[b->len] = '\0';
    return 0;
}

int sw_buf_add(struct sw_buf *b, const void *data, size_t len)
{
    /* room already (the usual case), or grow */
    if (!(len < b->cap - b->len && len <= SW_BUF_MAX - b->len) && sw_buf_grow(b, len) < 0)
        return -1;
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

int sw_buf_adds(struct sw_buf *b, const char *s)
{
    return sw_buf_add(b, s, strlen(s));
}

int sw_buf_addc(struct sw_buf *b, char c)
{
    if (!(b->len + 1 < b->cap && b->len < SW_BUF_MAX) && sw_buf_grow(b, 1) < 0)
        return -1;
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return 0;
}

int sw_buf_addf(struct sw_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || sw_buf_grow(b, (size_t)n) < 0) {
        if (!b->failed)
            b->failed = 1;
        return -1;
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

int sw_buf_add_xml(struct sw_buf *b, const char *s)
{
    for (; *s; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&apos;"; break;
        default: break;
        }
        if ((rep ? sw_buf_adds(b, rep) : sw_buf_addc(b, *s)) < 0)
            return -1;
    }
    return 0;
}

static const double powers_of_ten[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* Writes the decimal digits of n (n > 0) with `fraction` of them after the point
 * (leading "0." and zeros as needed), trailing fraction zeros dropped, after a
 * '-' when `negative`. Returns the length. */
static int put_decimal(char *text, unsigned long long n, int fraction, int negative)
{
    char digits[24];
    int len = 0;
    for (; n; n /= 10)
        digits[len++] = (char)('0' + n % 10);
    int skip = 0;
    while (skip < fraction && skip < len && digits[skip] == '0')
        skip++;    /* trailing zeros of the fraction */
    while (len <= fraction)
        digits[len++] = '0';
    int out = 0;
    if (negative)
        text[out++] = '-';
    for (int i = len - 1; i >= skip; i--) {
        text[out++] = digits[i];
        if (i == fraction && i > skip)
            text[out++] = '.';
    }
    return out;
}

/* The text of v when some decimal of at most 15 significant digits reads back
 * as exactly v and "%g" would print it without an exponent (1e-4 <= |v| <
 * 1e15): the one with the fewest fraction digits, which is what "%.15g" prints.
 * Found with exact arithmetic: n < 2^53 and 10^d (d <= 22) are exact doubles,
 * so n / 10^d is the double nearest the decimal n * 10^-d, as strtod's result
 * is. Returns the length written to text, or 0 when there is no such decimal
 * (or v is outside that range). */
static int short_decimal(double v, char *text)
{
    double a = fabs(v);
    if (!(a >= 1e-4 && a < 1e15))
        return 0;
    for (int d = 0; d < (int)(sizeof powers_of_ten / sizeof powers_of_ten[0]); d++) {
        double scaled = a * powers_of_ten[d];
        if (scaled >= 1e15)
            return 0;
        double n = nearbyint(scaled);
        if (n < 1e15 && n / powers_of_ten[d] == a)
            return put_decimal(text, (unsigned long long)n, d, v < 0);
    }
    return 0;
}

/* What "%.<digits>g" (16 or 17 digits) prints for v (1e-4 <= |v| < 1e15)
 * when that text reads back as exactly v; -1 when it does not; 0 when that
 * cannot be decided exactly here. v * 10^k (k >= 1) is split into a double p
 * and its exact remainder (fma), rounded to the nearest integer N of `digits`
 * digits in 64-bit arithmetic (exact ties are left to printf); 17 digits
 * always read back, 16 are checked as in short_decimal() (so N < 2^53). */
static int long_decimal(double v, int digits, char *text)
{
    double a = fabs(v), low = digits == 16 ? 1e15 : 1e16;
    int k = 1;
    while (k < 22 && a * powers_of_ten[k] < low)
        k++;
    double p = a * powers_of_ten[k];
    if (p < low || p >= 10 * low)
        return 0;
    double rest = fma(a, powers_of_ten[k], -p);     /* a * 10^k = p + rest exactly */
    double whole = nearbyint(p);
    double t = (p - whole) + rest;
    double step = nearbyint(t);
    if (fabs(t - step) == 0.5)
        return 0;                /* a tie, or too close to tell */
    long long n = (long long)whole + (long long)step;
    if ((double)n < low || (double)n >= 10 * low)
        return 0;
    if (digits == 16) {
        if (n >= 9007199254740992LL)
            return 0;
        if ((double)n / powers_of_ten[k] != a)
            return -1;
    }
    return put_decimal(text, (unsigned long long)n, k, v < 0);
}

int sw_buf_add_double(struct sw_buf *b, double v)
{
    char text[32];
    int in_range = v != 0 && isfinite(v) && fabs(v) >= 1e-4 && fabs(v) < 1e15;
    int len = in_range ? short_decimal(v, text) : 0;
    if (len == 0 && in_range)
        len = long_decimal(v, 16, text);
    if (len < 0) {
        int len17 = long_decimal(v, 17, text);
        len = len17 > 0 ? len17 : -1;
    }
    if (len > 0)
        return sw_buf_add(b, text, (size_t)len);
    /* %g drops trailing zeros, and every decimal of up to DBL_DIG (15)
     * significant digits reads back as the double nearest it, so 15 digits
     * already give the shortest text for every value that has one that short;
     * in their range short_decimal() ruled those out and long_decimal() decided
     * 16 digits when it could. 17 digits always read back. */
    int precision = len < 0 ? 17 : in_range ? 16 : 15;
    for (; precision < 17; precision++) {
        snprintf(text, sizeof text, "%.*g", precision, v);
        if (strtod(text, NULL) == v)
            return sw_buf_adds(b, text);
    }
    snprintf(text, sizeof text, "%.17g", v);
    return sw_buf_adds(b, text);
}

char *sw_buf_detach(struct sw_buf *b, size_t *len)
{
    if (!b->data && sw_buf_grow(b, 0) < 0)
        return NULL;
    char *data = b->data;
    if (len)
        *len = b->len;
    sw_buf_init(b);
    return data;
}

const char *sw_buf_str(const struct sw_buf *b)
{
    return b->data ? b->data : "";
}

int sw_buf_fail(const struct sw_buf *b, struct sw_errors *errs, const char *what)
{
    if (b->failed == SW_BUF_OVER)
        return sw_error_add(errs, SW_ESYSTEM, NULL, 0,
                            "the %s is over 1 GiB, the most one output may hold", what);
    return sw_error_add(errs, SW_ESYSTEM, NULL, 0, "out of memory writing the %s", what);
}
