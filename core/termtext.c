#include "termtext.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

/* Characters a terminal could be driven by, shown as one space each: C0
 * (newlines, escapes), DEL, C1 (U+0080 to U+009F) and the bidirectional
 * embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069),
 * which could reorder a line. */
static int is_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* Bytes of the character at s (at most len), and in *cols its columns as
 * sw_text_add shows it: a control is one space, an invalid byte one column
 * (copied as it is), anything else its display width (utf8.h). */
static size_t char_at(const char *s, size_t len, size_t *cols, int *control)
{
    uint32_t cp;
    size_t n = sw_utf8_decode(s, len, &cp);
    *control = n && is_control(cp);
    *cols = !n || *control ? 1 : (size_t)sw_utf8_cp_width(cp);
    return n ? n : 1;
}

/* Columns of s[0..len), stopping at a NUL. */
static size_t width_n(const char *s, size_t len)
{
    size_t w = 0, cols;
    int control;
    for (size_t i = 0; i < len && s[i]; w += cols)
        i += char_at(s + i, len - i, &cols, &control);
    return w;
}

size_t sw_text_width(const char *s)
{
    return width_n(s, (size_t)-1);
}

size_t sw_text_fit(const char *s, size_t len, size_t cols)
{
    size_t i = 0, w = 0, c;
    int control;
    while (i < len && s[i]) {
        size_t n = char_at(s + i, len - i, &c, &control);
        if (w + c > cols)
            break;
        w += c;
        i += n;
    }
    return i;
}

static void pad(struct sw_buf *b, size_t n)
{
    while (n--)
        sw_buf_addc(b, ' ');
}

void sw_text_add(struct sw_buf *b, const char *s, size_t len)
{
    size_t cols;
    int control;
    for (size_t i = 0; i < len && s[i];) {
        size_t n = char_at(s + i, len - i, &cols, &control);
        if (control)
            sw_buf_addc(b, ' ');
        else
            sw_buf_add(b, s + i, n);
        i += n;
    }
}

void sw_text_cell(struct sw_buf *b, const char *s, size_t width)
{
    size_t w = sw_text_width(s);
    if (w > width) {
        if (width == 0)
            return;
        size_t cut = sw_text_fit(s, (size_t)-1, width - 1);
        sw_text_add(b, s, cut);
        sw_buf_addc(b, '~');
        pad(b, width - 1 - width_n(s, cut));   /* a wide character did not fit */
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
