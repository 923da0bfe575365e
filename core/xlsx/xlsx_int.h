/*
 * xlsx_int.h - internal to the workbook writer (core/xlsx/):
 * the state of one workbook being written, the cell helpers that record
 * the first libxlsxwriter error and then do nothing more, and the UTF-8
 * reading shared by sheet names and redaction.
 */
#ifndef SW_XLSX_INT_H
#define SW_XLSX_INT_H

#include <stdint.h>

#include <xlsxwriter.h>

#include "aggregate.h"
#include "xlsx.h"

/* Column widths are in characters of the default font; rows in points. */
#define XW_ROW_POINTS 15.0
#define XW_MAX_ROW_POINTS 409.0
#define XW_SCORE_WIDTH 12.0

enum xw_gap { XW_GAP_BELOW, XW_GAP_SHORT, XW_GAP_MET, XW_GAP_COUNT };

struct xw_formats {
    lxw_format *title, *subtitle, *heading, *header, *label, *muted, *text, *wrap,
        *count, *score, *percent, *band, *link, *indent, *centred, *left_score, *left_count,
        *question;
    lxw_format *gap[XW_GAP_COUNT];
    lxw_format *decision[4];    /* by enum sw_decision */
};

struct xw {
    lxw_workbook *wb;
    const struct sw_aggregate *a;
    const struct sw_rubric *r;
    const struct sw_xlsx_options *opt;
    struct sw_errors *errs;
    const char *path;           /* the output, for error messages */
    int constant_memory;
    int failed;                 /* an error is recorded: write nothing more */
    size_t *order;              /* candidate indices in Summary's order */
    size_t with_sheets;         /* candidates with a sheet: the first of order[] */
    size_t data_rows;           /* rows under each Data sheet's header */
    size_t data_sheets;         /* Data, Data 2...: enough for every row */
    size_t sheets_done, sheets; /* for opt->progress */
    char **sheet;               /* per candidate (id order): its sheet's name, NULL
                                 * when it has none */
    char **shown;               /* per candidate: its name, id or anonymous label */
    char **shown_id;            /* per candidate: its id, or its label when that names it */
    char **label;               /* per candidate: "Candidate A"... (anonymize only) */
    size_t *cards_at, *cards;   /* candidate i's cards: cards[cards_at[i] .. cards_at[i+1]),
                                 * submitted first, then by interview and interviewer */
    time_t created;             /* the export time */
    char when[32];              /* the same, "2026-11-20 15:04 UTC" */
    struct xw_formats f;
};

/* Records `e` (unless LXW_NO_ERROR or an error is recorded already): returns
 * 0 when e is LXW_NO_ERROR, else -1. */
int xw_check(struct xw *x, lxw_error e, const char *what);
/* The workbook's document properties: title, comments and keywords as given,
 * the rubric as subject, scorewheel as author, x->created. */
void xw_set_properties(struct xw *x, const char *title, const char *comments,
                       const char *keywords);
/* Sets x->created to `created` (0: now) and x->when to it for people. */
void xw_set_created(struct xw *x, time_t created);
/* A new worksheet named `name` (validated first), set up to print landscape,
 * one page wide, rows first..last repeated on every page (last < first: none). */
lxw_worksheet *xw_sheet(struct xw *x, const char *name, int repeat_first, int repeat_last);
/* Sets the width of columns first..last. */
void xw_column(struct xw *x, lxw_worksheet *ws, lxw_col_t first, lxw_col_t last, double width);
/* Text cell: always a string, cut to Excel's limit. */
void xw_str(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
            lxw_format *f);
/* Text over merged cells col..last_col of one row. */
void xw_merged(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_col_t last_col,
               const char *s, lxw_format *f);
/* Number cell; NaN gives an empty cell with the format. */
void xw_num(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v,
            lxw_format *f);
void xw_blank(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_format *f);
/* The 3-colour scale of the rubric's scale over a block of score cells. */
void xw_heat(struct xw *x, lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2,
             lxw_col_t c2);
/* Sets a row's height to fit `lines` lines. */
void xw_row_lines(struct xw *x, lxw_worksheet *ws, lxw_row_t row, size_t lines);
/* Lines that `s` takes wrapped in a column `width` characters wide (display
 * width, utf8.h: a CJK character counts two, a combining mark none). */
size_t xw_lines(const char *s, double width);
/* Display width (utf8.h) of the longest line of s. */
size_t xw_width(const char *s);
/* The radial axis of a radar chart: the rubric's scale. */
void xw_radar_axis(struct xw *x, lxw_chart *chart);
/* Width for a column whose widest text has n characters, within min..max. */
double xw_fit(size_t n, double min, double max);
/* Adds the formats to x->f. 0 or -1. */
int xw_formats(struct xw *x);
/* The requisition to show: NULL when none, "requisition" when anonymizing
 * and it names a candidate. */
const char *xw_requisition(const struct xw *x);

/* The sheets (xlsx_sheets.c). */
void xw_summary(struct xw *x);
void xw_compare(struct xw *x);
void xw_interviewers(struct xw *x);
/* The Audit sheet when opt->audit is set (xlsx_audit.c). */
void xw_audit(struct xw *x);
void xw_data(struct xw *x);
/* The name of Data sheet `part` (1: "Data", 2: "Data 2"...). */
void xw_data_name(size_t part, char *out, size_t size);
/* Counts a sheet as written, for opt->progress. */
void xw_sheet_done(struct xw *x);

/* The sheet of candidate `ci` (index in id order). 0 or -1 (errors recorded). */
int xw_candidate_sheet(struct xw *x, size_t ci);

/* Text is decoded with utf8.h (sw_utf8_next). Simple case folding of code point c (ASCII, Latin-1, Latin Extended-A,
 * Greek, Cyrillic; typographic apostrophes and hyphens to ASCII ones), for
 * comparing sheet names and finding names to redact. */
uint32_t xw_fold(uint32_t c);

#endif
