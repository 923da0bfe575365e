/*
 * termtext.h - terminal text helpers (not the *_text.c writers of reports):
 * display widths of UTF-8 text in terminal columns (utf8.h: East Asian wide
 * characters take two, combining marks and zero-width characters none; a
 * control character is shown as one space, an invalid byte takes one),
 * cells cut or padded to a width, numbers rounded for people.
 */
#ifndef SW_TERMTEXT_H
#define SW_TERMTEXT_H

#include <stddef.h>

#include "buf.h"

/* Display columns of UTF-8 text s, as sw_text_add shows it. */
size_t sw_text_width(const char *s);
/* Bytes of the longest start of s[0..len) (ending at a NUL) that fits in
 * `cols` columns; never cuts a character, and keeps the zero-width
 * characters (combining marks) that follow the last one. */
size_t sw_text_fit(const char *s, size_t len, size_t cols);
/* Appends at most len bytes of s with every control character shown as one
 * space: C0 (newlines, escapes that could drive the terminal), DEL, C1 and
 * the bidirectional overrides and isolates that could reorder a line. */
void sw_text_add(struct sw_buf *b, const char *s, size_t len);
/* Appends s cut (ending in "~") or padded with spaces to exactly `width`
 * columns (a wide character that does not fit before the "~" leaves a space). */
void sw_text_cell(struct sw_buf *b, const char *s, size_t width);
/* Like sw_text_cell, right-aligned; width 0 appends s as it is. */
void sw_text_cell_right(struct sw_buf *b, const char *s, size_t width);
/* Appends v with `decimals` decimals right-aligned in `width` columns, or "-"
 * when v is NaN; `sign` forces a '+' on positive values. */
void sw_text_number(struct sw_buf *b, double v, int decimals, size_t width, int sign);
/* Appends the words of `text` (separated by spaces or newlines; control
 * characters shown as spaces) so that no line passes column `limit`: from
 * column `col`, each next line starting with `indent` spaces. Words are
 * joined by one space, and the first one follows a space when text starts
 * with one; a word that does not fit after others starts the next line, a
 * word wider than a whole line is broken over lines. Adds no final newline;
 * returns the column where the text ends. */
size_t sw_text_flow(struct sw_buf *b, const char *text, size_t col, size_t indent, size_t limit);
/* Joins two words that wrapping must keep on one line (a label and its
 * value: "overall" SW_TEXT_GLUE "3.50"); shown as a space, as every control
 * character is. */
#define SW_TEXT_GLUE "\037"
/* sw_text_flow, then a newline. */
void sw_text_wrap(struct sw_buf *b, const char *text, size_t col, size_t indent, size_t limit);

#endif
