/*
 * termtable.h - terminal tables that fit a width (80 columns for the CLI),
 * whatever the rubric. A table that fits is written as it is; one that fits
 * with its text columns cut (ending in "~", termtext.h; the widest first)
 * but no shorter than their minimum is written so. Any other has its text
 * columns cut to 24 columns (or their minimum when larger) and its columns
 * dealt into blocks, one under the other, that fit: each repeats the first
 * (key) column, and gives cut columns back the room left over. A block of
 * the key and one column still too wide cuts its text columns down to their
 * minimum. Widths are display columns (utf8.h: CJK characters count two,
 * combining marks none). Column headers are never cut, so distinct headers
 * stay distinct.
 *
 *     struct sw_table t;
 *     sw_table_init(&t, columns, 3);
 *     sw_table_add(&t, "Ada", NULL);  ...one call per cell, row by row...
 *     sw_table_render(&t, 80, out);
 *     sw_table_release(&t);
 */
#ifndef SW_TERMTABLE_H
#define SW_TERMTABLE_H

#include <stddef.h>

#include "buf.h"

struct sw_table_column {
    const char *header;
    int right;          /* right-aligned (numbers) */
    size_t min;         /* a text column may be cut down to this width; 0: never cut */
};

struct sw_table {
    const struct sw_table_column *columns;   /* kept, not copied */
    size_t n_columns;
    char **cells;           /* row by row; owned */
    const char **colors;    /* each cell's ANSI colour or NULL; not owned */
    size_t n_cells, cap, cap_colors;
    int failed;
};

/* Starts an empty table of n columns (n >= 1). */
void sw_table_init(struct sw_table *t, const struct sw_table_column *columns, size_t n);
/* Appends the next cell (rows fill left to right); text is copied, control
 * characters are shown as spaces; color (a static ANSI code, or NULL) is
 * wrapped around the cell's text. 0, or -1 when out of memory. */
int sw_table_add(struct sw_table *t, const char *text, const char *color);
/* Appends the table laid out in `limit` columns: the headers, then one line
 * per row, two spaces between columns, no trailing spaces; blocks separated
 * by an empty line. 0, or -1 when out of memory. */
int sw_table_render(const struct sw_table *t, size_t limit, struct sw_buf *out);
/* Frees the cells. Accepts a table that was only initialised. */
void sw_table_release(struct sw_table *t);

#endif
