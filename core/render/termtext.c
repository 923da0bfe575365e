/* termtext.c - terminal text helpers: display width, fitting, cells and numbers (termtext.h). */
#include "termtext.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/utf8.h"

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

/* Appends the first `len` bytes of a word that starts a line at column col
 * and is too wide for it: pieces that fill each line, the next lines starting
 * at `indent`. Returns the column after the last piece. */
static size_t break_word(struct sw_buf *b, const char *p, size_t len, size_t col, size_t indent,
                         size_t limit)
{
    for (;;) {
        size_t cut = sw_text_fit(p, len, limit > col ? limit - col : 0);
        if (cut == 0 && col > indent) {
            sw_buf_addc(b, '\n');
            pad(b, indent);
            col = indent;
            continue;
        }
        if (cut == 0) {   /* not one character fits a whole line: one anyway */
            uint32_t cp;
            size_t n = sw_utf8_decode(p, len, &cp);
            cut = n ? n : 1;
        }
        sw_text_add(b, p, cut);
        col += width_n(p, cut);
        p += cut;
        len -= cut;
        if (!len)
            return col;
        sw_buf_addc(b, '\n');
        pad(b, indent);
        col = indent;
    }
}

size_t sw_text_flow(struct sw_buf *b, const char *text, size_t col, size_t indent, size_t limit)
{
    int line_start = 1;   /* no word of this call on the current line yet */
    int space = *text == ' ';
    const char *p = text;
    for (;;) {
        while (*p == ' ' || *p == '\n')
            p++;
        if (!*p)
            return col;
        size_t len = strcspn(p, " \n");
        size_t w = width_n(p, len), sep = !line_start || space;
        if (col > indent && col + sep + w > limit) {
            sw_buf_addc(b, '\n');
            pad(b, indent);
            col = indent;
        } else if (sep) {
            sw_buf_addc(b, ' ');
            col++;
        }
        if (col + w > limit)
            col = break_word(b, p, len, col, indent, limit);
        else {
            sw_text_add(b, p, len);
            col += w;
        }
        line_start = 0;
        p += len;
    }
}

void sw_text_wrap(struct sw_buf *b, const char *text, size_t col, size_t indent, size_t limit)
{
    sw_text_flow(b, text, col, indent, limit);
    sw_buf_addc(b, '\n');
}
