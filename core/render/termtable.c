/* termtable.c - tables fitted to a terminal's width; see termtable.h. */
#include "render/termtable.h"

#include <stdlib.h>
#include <string.h>

#include "termtext.h"
#include "util/vec.h"

#define GAP 2   /* spaces between columns */
#define CAP 24  /* the widest a text column stays in a table too wide for one block */

void sw_table_init(struct sw_table *t, const struct sw_table_column *columns, size_t n)
{
    memset(t, 0, sizeof *t);
    t->columns = columns;
    t->n_columns = n;
}

int sw_table_add(struct sw_table *t, const char *text, const char *color)
{
    if (t->failed)
        return -1;
    if (SW_VEC_GROW(t->cells, t->cap, t->n_cells + 1, 16) < 0
        || SW_VEC_GROW(t->colors, t->cap_colors, t->n_cells + 1, 16) < 0) {
        t->failed = 1;
        return -1;
    }
    struct sw_buf b = SW_BUF_INIT;
    sw_text_add(&b, text, (size_t)-1);
    char *copy = b.failed ? NULL : sw_buf_detach(&b, NULL);
    if (!copy) {
        t->failed = 1;
        return -1;
    }
    t->cells[t->n_cells] = copy;
    t->colors[t->n_cells++] = color;
    return 0;
}

void sw_table_release(struct sw_table *t)
{
    for (size_t i = 0; i < t->n_cells; i++)
        free(t->cells[i]);
    free(t->cells);
    free(t->colors);
    memset(t, 0, sizeof *t);
}

/* The widest of column i's header and cells. */
static size_t natural_width(const struct sw_table *t, size_t i)
{
    size_t w = sw_text_width(t->columns[i].header);
    for (size_t k = i; k < t->n_cells; k += t->n_columns) {
        size_t cw = sw_text_width(t->cells[k]);
        w = cw > w ? cw : w;
    }
    return w;
}

/* The narrowest column i may be: its header, and its minimum when cut. */
static size_t narrowest(const struct sw_table *t, size_t i, size_t natural)
{
    size_t h = sw_text_width(t->columns[i].header), m = t->columns[i].min;
    if (m == 0 || m >= natural)
        return natural;
    return m > h ? m : h;
}

/* Widths of the n columns listed in cols, cut (widest text column first)
 * until they fit `limit`; returns their total, which may still pass it. */
static size_t fit(const struct sw_table *t, const size_t *cols, size_t n, size_t limit,
                  const size_t *natural, size_t *w)
{
    size_t total = GAP * (n - 1);
    for (size_t j = 0; j < n; j++)
        total += w[j] = natural[cols[j]];
    while (total > limit) {   /* one column at a time, so cut columns stay even */
        size_t widest = n;
        for (size_t j = 0; j < n; j++)
            if (w[j] > narrowest(t, cols[j], natural[cols[j]]) && (widest == n || w[j] > w[widest]))
                widest = j;
        if (widest == n)
            break;
        w[widest]--;
        total--;
    }
    return total;
}

/* One cell in width w; the last column of a line is not padded. */
static void cell(struct sw_buf *b, const char *text, const char *color, size_t w, int right,
                 int last)
{
    if (color)
        sw_buf_adds(b, color);
    if (right)
        sw_text_cell_right(b, text, w);
    else if (last && sw_text_width(text) <= w)
        sw_text_add(b, text, (size_t)-1);
    else
        sw_text_cell(b, text, w);
    if (color)
        sw_buf_adds(b, "\033[0m");
}

/* Row `row` (-1: the headers) of the block of columns cols[0..n). */
static void line(const struct sw_table *t, long row, const size_t *cols, size_t n,
                 const size_t *w, struct sw_buf *out)
{
    size_t start = out->len;
    for (size_t j = 0; j < n; j++) {
        const struct sw_table_column *c = &t->columns[cols[j]];
        size_t k = (size_t)row * t->n_columns + cols[j];
        if (j)
            sw_buf_adds(out, "  ");
        cell(out, row < 0 ? c->header : t->cells[k], row < 0 ? NULL : t->colors[k], w[j],
             c->right, j + 1 == n);
    }
    while (out->len > start && out->data[out->len - 1] == ' ')
        out->data[--out->len] = '\0';
    sw_buf_addc(out, '\n');
}

/* Writes the block of columns cols[0..n): widths fitted to limit, then
 * columns cut to CAP given back what room is left, up to their full width. */
static void block(const struct sw_table *t, const size_t *cols, size_t n, size_t limit,
                  const size_t *natural, const size_t *full, size_t *w, struct sw_buf *out)
{
    size_t total = fit(t, cols, n, limit, natural, w);
    for (int grew = 1; grew && total < limit;) {   /* a column at a time: evenly */
        grew = 0;
        for (size_t j = 0; j < n && total < limit; j++)
            if (w[j] < full[cols[j]])
                w[j]++, total++, grew = 1;
    }
    size_t rows = t->n_columns ? t->n_cells / t->n_columns : 0;
    for (long r = -1; r < (long)rows; r++)
        line(t, r, cols, n, w, out);
}

int sw_table_render(const struct sw_table *t, size_t limit, struct sw_buf *out)
{
    size_t n = t->n_columns;
    size_t *natural = calloc(4 * n + 4, sizeof *natural);
    if (!natural || t->failed) {
        free(natural);
        out->failed = 1;
        return -1;
    }
    size_t *cols = natural + n, *w = cols + n, *full = w + n, count = 1;
    for (size_t i = 0; i < n; i++)
        full[i] = natural[i] = natural_width(t, i);
    /* Fits with text columns cut no shorter than their minimum: one block.
     * Else text columns give up what passes CAP, and the columns are dealt
     * into blocks that fit as they are. */
    for (size_t i = 0; i < n; i++)
        cols[i] = i;
    size_t total = fit(t, cols, n, limit, natural, w);
    if (total <= limit) {
        block(t, cols, n, limit, natural, full, w, out);
        free(natural);
        return out->failed ? -1 : 0;
    }
    /* total > limit here: text columns give up what passes CAP. */
    for (size_t i = 0; i < n; i++)
        if (t->columns[i].min && natural[i] > CAP)
            natural[i] = t->columns[i].min > CAP ? t->columns[i].min : CAP;
    cols[0] = 0;
    total = natural[0];
    for (size_t i = 1; i < n; i++) {
        if (count == 1 || total + GAP + natural[i] <= limit) {
            cols[count++] = i;
            total += GAP + natural[i];
            continue;
        }
        block(t, cols, count, limit, natural, full, w, out);   /* i starts the next one */
        sw_buf_addc(out, '\n');
        cols[1] = i;
        count = 2;
        total = natural[0] + GAP + natural[i];
    }
    block(t, cols, count, limit, natural, full, w, out);
    free(natural);
    return out->failed ? -1 : 0;
}
