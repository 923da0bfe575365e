/*
 * report.h - an aggregate as text: the committee's packets (`report`) and the
 * side-by-side ranking (`compare`), each as a table for people, JSON
 * (docs/design.md's shape) or CSV (RFC 4180: CRLF line ends, fields quoted when they
 * hold a comma, quote, CR or LF, quotes doubled). CSV text is written for
 * spreadsheets unless the caller asks for SW_CSV_RAW (see sw_csv_field).
 *
 * Every function appends to `out` and returns 0, or -1 with the reason
 * recorded in `errs` (all SW_ESYSTEM, no file): the aggregate is not finished
 * (sw_aggregate_require_finished), out of memory or over SW_BUF_MAX
 * (sw_buf_fail), or a flush failed ("cannot write the report").
 * Numbers are written at full precision in JSON and CSV (null / empty for
 * undefined), rounded to 2 decimals in tables. `order` lists the candidate
 * indices to write, in that order (see sw_aggregate_sort()); NULL means id order.
 */
#ifndef SW_REPORT_H
#define SW_REPORT_H

#include "aggregate.h"
#include "buf.h"
#include "error.h"

/* How CSV writes a text cell (an id, a name, free text; never a number).
 * SW_CSV_SPREADSHEET: a cell starting with '=', '+', '-', '@', tab or CR gets
 * a leading "'", so Excel and LibreOffice show it as text and never run it as
 * a formula (OWASP "CSV injection"); "=SUM(A1)" is written '=SUM(A1).
 * SW_CSV_RAW: the text exactly as in the files, for programs. */
enum sw_csv_mode { SW_CSV_SPREADSHEET, SW_CSV_RAW };

/* Called by the writers below after each candidate with the text so far;
 * returns 0 to go on (having emptied `out`, e.g. by writing it and calling
 * sw_buf_reset), or -1 to stop. Lets a caller stream large outputs. */
typedef int (*sw_flush_fn)(void *ctx, struct sw_buf *out);

/* docs/design.md's JSON object: {"rubric": {...}, "candidates": [...]}. */
int sw_report_json(const struct sw_aggregate *a, const size_t *order, struct sw_buf *out,
                   struct sw_errors *errs);
/* The same, calling flush (unless NULL) after each candidate. */
int sw_report_json_stream(const struct sw_aggregate *a, const size_t *order, struct sw_buf *out,
                          sw_flush_fn flush, void *ctx, struct sw_errors *errs);
/* The same with `threads` threads (at most SW_MAX_THREADS; 0 or 1: this one only)
 * formatting the candidates: a round of 64 candidates per thread is
 * formatted side by side, then appended to out in order with a flush
 * (unless NULL) after each thread's 64. The text is the same whatever the
 * number of threads. */
int sw_report_json_parallel(const struct sw_aggregate *a, const size_t *order,
                            struct sw_buf *out, sw_flush_fn flush, void *ctx, unsigned threads,
                            struct sw_errors *errs);

/* One row per candidate x competency, header first:
 * candidate,name,level,decision,overall,shortfall,pillar,competency,n,mean,median,
 * min,max,sd,target,gap,flags (flags separated by ';'). */
int sw_report_csv(const struct sw_aggregate *a, const size_t *order, enum sw_csv_mode mode,
                  struct sw_buf *out, struct sw_errors *errs);
/* The same, calling flush (unless NULL) after each candidate. */
int sw_report_csv_stream(const struct sw_aggregate *a, const size_t *order,
                         enum sw_csv_mode mode, struct sw_buf *out, sw_flush_fn flush, void *ctx,
                         struct sw_errors *errs);

/* One packet per candidate, fitting 80 columns: header (name, id, level,
 * scorecards, pending, interviewers, decision, archetype, overall, shortfall,
 * recommendations), then per pillar its competencies with n, mean, min-max,
 * target, gap, a bar on the scale with the target marked, and the flags.
 * `color`: ANSI colours for decisions, gaps and flags. */
int sw_report_table(const struct sw_aggregate *a, const size_t *order, int color,
                    struct sw_buf *out, struct sw_errors *errs);

/* One row per candidate: name/id, overall, each pillar score, shortfall,
 * decision, archetype, the recommendation tally, the number of flags. */
int sw_compare_table(const struct sw_aggregate *a, const size_t *order, int color,
                     struct sw_buf *out, struct sw_errors *errs);

/* The same as CSV: candidate,name,level,scorecards,pending,overall,<pillar ids...>,
 * shortfall,decision,archetype,strong-no-hire,no-hire,hire,strong-hire,flags. */
int sw_compare_csv(const struct sw_aggregate *a, const size_t *order, enum sw_csv_mode mode,
                   struct sw_buf *out, struct sw_errors *errs);

/* --- the one CSV writer ------------------------------------------------------
 * Every CSV text of the library is written with these: a row is its first
 * cell (sw_csv_field, or a header literal), then sw_csv_text / sw_csv_number /
 * sw_csv_count (each writes the comma before its cell), then sw_csv_end_row.
 * No writer adds a comma or a quote of its own. */

/* Appends text s as one RFC 4180 CSV field, guarded as `mode` says; NULL
 * appends nothing (an empty field). */
void sw_csv_field(struct sw_buf *out, const char *s, enum sw_csv_mode mode);
/* A comma, then number v at full precision (nothing when NaN: an empty field;
 * never "-0"). */
void sw_csv_number(struct sw_buf *out, double v);
/* A comma, then sw_csv_field(out, s, mode). */
void sw_csv_text(struct sw_buf *out, const char *s, enum sw_csv_mode mode);
/* A comma, then count n in decimal. */
void sw_csv_count(struct sw_buf *out, size_t n);
/* A comma, then names[0..n-1] joined by ';' as one field (flags, ids). */
void sw_csv_join(struct sw_buf *out, const char *const *names, size_t n, enum sw_csv_mode mode);
/* The end of a row: CRLF. */
void sw_csv_end_row(struct sw_buf *out);

#endif
