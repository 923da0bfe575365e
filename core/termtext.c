#include "termtext.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

size_t sw_text_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += (*s & 0xC0) != 0x80;
    return w;
}

/* Bytes of s that make at most `cols` columns. */
static size_t prefix_bytes(const char *s, size_t cols)
{
    size_t i = 0;
    while (s[i] && cols) {
        i++;
        while ((s[i] & 0xC0) == 0x80)
            i++;
        cols--;
    }
    return i;
}

static void pad(struct sw_buf *b, size_t n)
{
    while (n--)
        sw_buf_addc(b, ' ');
}

/* Bytes of the control character at s (at most len): C0, DEL, C1 (U+0080 to
 * U+009F) and the bidirectional embeddings, overrides and isolates (U+202A to
 * U+202E, U+2066 to U+2069), which could reorder or drive what a terminal
 * shows; 0 when s starts with anything else. */
static size_t control_at(const unsigned char *s, size_t len)
{
    if (s[0] < 0x20 || s[0] == 0x7f)
        return 1;
    if (len >= 2 && s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F)
        return 2;
    if (len >= 3 && s[0] == 0xE2 && ((s[1] == 0x80 && s[2] >= 0xAA && s[2] <= 0xAE) ||
                                     (s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9)))
        return 3;
    return 0;
}

void sw_text_add(struct sw_buf *b, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len && p[i];) {
        size_t n = control_at(p + i, len - i);
        sw_buf_addc(b, n ? ' ' : s[i]);
        i += n ? n : 1;
    }
}

void sw_text_cell(struct sw_buf *b, const char *s, size_t width)
{
    size_t w = sw_text_width(s);
    if (w > width) {
        if (width == 0)
            return;
        sw_text_add(b, s, prefix_bytes(s, width - 1));
        sw_buf_addc(b, '~');
        return;
    }
    sw_text_add(b, s, (size_t)-1);
    pad(b, width - w);
}

void sw_text_cell_right(struct sw_buf *b, const char *s, size_t width)
{
    size_t w = sw_text_width(s);
    if (width == 0) {
        sw_text_add(b, s, (size_t)-1);
        return;
    }
    if (w >= width) {
        sw_text_cell(b, s, width);
        return;
    }
    pad(b, width - w);
    sw_text_add(b, s, (size_t)-1);
}

void sw_text_number(struct sw_buf *b, double v, int decimals, size_t width, int sign)
{
    char text[64];
    if (isnan(v))
        snprintf(text, sizeof text, "-");
    else
        snprintf(text, sizeof text, sign ? "%+.*f" : "%.*f", decimals,
                 fabs(v) < 0.5 * pow(10, -decimals) ? 0.0 : v);
    sw_text_cell_right(b, text, width);
}

void sw_text_wrap(struct sw_buf *b, const char *text, size_t col, size_t indent, size_t limit)
{
    size_t start = col;
    const char *p = text;
    while (*p) {
        const char *end = p;
        while (*end && *end != ' ' && *end != '\n')
            end++;
        size_t w = sw_text_width(p) - sw_text_width(end);
        if (col > start && col + 1 + w > limit) {
            sw_buf_addc(b, '\n');
            pad(b, indent);
            col = start = indent;
        } else if (col > start) {
            sw_buf_addc(b, ' ');
            col++;
        }
        sw_buf_add(b, p, (size_t)(end - p));
        col += w;
        p = *end ? end + 1 : end;
    }
    sw_buf_addc(b, '\n');
}
