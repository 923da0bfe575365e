/* utf8.c - UTF-8 decoding, encoding and display width; see utf8.h. */
#include "util/utf8.h"

#include "util/utf8_tables.h"

size_t sw_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    *cp = SW_UTF8_REPLACEMENT;
    if (len == 0)
        return 0;
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    /* C0, C1 would be overlong; F5..FF would pass U+10FFFF. */
    size_t n = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 ? 2 : 0;
    if (n == 0 || n > len || p[0] > 0xF4)
        return 0;
    uint32_t c = p[0] & (0x7Fu >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (p[i] & 0x3Fu);
    }
    static const uint32_t least[] = { 0, 0, 0x80, 0x800, 0x10000 };
    if (c < least[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

uint32_t sw_utf8_next(const char **p)
{
    const char *s = *p;
    if (!*s)
        return 0;
    size_t avail = 1;
    while (avail < 4 && s[avail])
        avail++;
    uint32_t cp;
    size_t n = sw_utf8_decode(s, avail, &cp);
    *p += n ? n : 1;
    return cp;
}

size_t sw_utf8_encode(uint32_t c, char out[4])
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
        return 0;
    size_t n = c < 0x10000 ? 3 : 4;
    for (size_t i = n - 1; i > 0; i--, c >>= 6)
        out[i] = (char)(0x80 | (c & 0x3F));
    out[0] = (char)((n == 3 ? 0xE0 : 0xF0) | c);
    return n;
}

int sw_utf8_valid(const char *s, size_t len)
{
    uint32_t cp;
    for (size_t i = 0, n; i < len; i += n)
        if ((n = sw_utf8_decode(s + i, len - i, &cp)) == 0)
            return 0;
    return 1;
}

size_t sw_utf8_count(const char *s, size_t len)
{
    size_t count = 0;
    uint32_t cp;
    for (size_t i = 0, n; i < len; i += n ? n : 1, count++)
        n = sw_utf8_decode(s + i, len - i, &cp);
    return count;
}

static int in_table(const uint32_t (*t)[2], size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < t[mid][0])
            hi = mid;
        else if (cp > t[mid][1])
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

#define COUNT(t) (sizeof(t) / sizeof((t)[0]))

int sw_utf8_cp_width(uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        return 0;
    if (cp < 0x300)
        return 1;
    if (in_table(sw_utf8_zero_width, COUNT(sw_utf8_zero_width), cp))
        return 0;
    if (cp >= sw_utf8_double_width[0][0] &&
        in_table(sw_utf8_double_width, COUNT(sw_utf8_double_width), cp))
        return 2;
    return 1;
}

size_t sw_utf8_width(const char *s, size_t len)
{
    size_t w = 0;
    uint32_t cp;
    for (size_t i = 0, n; i < len && s[i]; i += n ? n : 1)
        w += (n = sw_utf8_decode(s + i, len - i, &cp)) ? (size_t)sw_utf8_cp_width(cp) : 1;
    return w;
}

const char *sw_utf8_unicode_version(void)
{
    return SW_UTF8_UNICODE_VERSION;
}
