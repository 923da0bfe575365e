/* xlsx_cells.c - the workbook's cells, formats and chart axes: every
 * libxlsxwriter call that can fail goes through here and records its error. */
#include <math.h>
#include <string.h>

#include "util/utf8.h"
#include "xlsx_int.h"

static const lxw_color_t heat_colors[3] = { 0xF8696B, 0xFFEB84, 0x63BE7B };

int xw_check(struct xw *x, lxw_error e, const char *what)
{
    if (e == LXW_NO_ERROR)
        return 0;
    if (!x->failed)
        sw_error_add(x->errs, SW_ESYSTEM, x->path, 0, "cannot write the workbook (%s): %s",
                     what, lxw_strerror(e));
    x->failed = 1;
    return -1;
}

lxw_worksheet *xw_sheet(struct xw *x, const char *name, int repeat_first, int repeat_last)
{
    if (x->failed)
        return NULL;
    lxw_error e = workbook_validate_sheet_name(x->wb, name);
    if (e != LXW_NO_ERROR) {
        sw_error_add(x->errs, SW_ESYSTEM, x->path, 0, "cannot name a sheet '%s': %s", name,
                     lxw_strerror(e));
        x->failed = 1;
        return NULL;
    }
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
    if (!ws) {
        sw_error_add(x->errs, SW_ESYSTEM, x->path, 0,
                     "cannot add the sheet '%s' (out of memory, or no temporary file in '%s')",
                     name, x->opt->tmpdir ? x->opt->tmpdir : "the temporary folder");
        x->failed = 1;
        return NULL;
    }
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.5);
    xw_check(x, worksheet_set_footer(ws, "&L&A&RPage &P of &N"), "page footer");
    if (repeat_last >= repeat_first)
        xw_check(x, worksheet_repeat_rows(ws, (lxw_row_t)repeat_first, (lxw_row_t)repeat_last),
                 "print titles");
    return ws;
}

void xw_column(struct xw *x, lxw_worksheet *ws, lxw_col_t first, lxw_col_t last, double width)
{
    if (x->failed || !ws)
        return;
    xw_check(x, worksheet_set_column(ws, first, last, width, NULL), "column width");
}

void xw_str(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
            lxw_format *f)
{
    if (x->failed || !ws)
        return;
    if (strlen(s) <= SW_XLSX_MAX_TEXT) {
        xw_check(x, worksheet_write_string(ws, row, col, s, f), "text cell");
        return;
    }
    struct sw_buf b = SW_BUF_INIT;
    if (sw_xlsx_cell_text(s, &b) < 0)
        xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "text cell");
    else
        xw_check(x, worksheet_write_string(ws, row, col, b.data, f), "text cell");
    sw_buf_release(&b);
}

void xw_merged(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_col_t last_col,
               const char *s, lxw_format *f)
{
    if (x->failed || !ws)
        return;
    struct sw_buf b = SW_BUF_INIT;
    if (sw_xlsx_cell_text(s, &b) < 0)
        xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "merged cells");
    else
        xw_check(x, worksheet_merge_range(ws, row, col, row, last_col, sw_buf_str(&b), f),
                 "merged cells");
    sw_buf_release(&b);
}

void xw_num(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v,
            lxw_format *f)
{
    if (x->failed || !ws)
        return;
    if (isnan(v))
        xw_blank(x, ws, row, col, f);
    else
        xw_check(x, worksheet_write_number(ws, row, col, v, f), "number cell");
}

void xw_blank(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_format *f)
{
    if (x->failed || !ws || !f)
        return;
    xw_check(x, worksheet_write_blank(ws, row, col, f), "empty cell");
}

void xw_heat(struct xw *x, lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2,
             lxw_col_t c2)
{
    if (x->failed || !ws || r2 < r1 || c2 < c1)
        return;
    const struct sw_scale *s = &x->r->scale;
    lxw_conditional_format cf;
    memset(&cf, 0, sizeof cf);
    cf.type = LXW_CONDITIONAL_3_COLOR_SCALE;
    cf.min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
    cf.min_value = s->min;
    cf.min_color = heat_colors[0];
    cf.mid_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
    cf.mid_value = (s->min + s->max) / 2;
    cf.mid_color = heat_colors[1];
    cf.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
    cf.max_value = s->max;
    cf.max_color = heat_colors[2];
    xw_check(x, worksheet_conditional_format_range(ws, r1, c1, r2, c2, &cf), "heat map");
}

void xw_row_lines(struct xw *x, lxw_worksheet *ws, lxw_row_t row, size_t lines)
{
    if (x->failed || !ws || lines <= 1)
        return;
    double points = XW_ROW_POINTS * (double)lines + 2;
    if (points > XW_MAX_ROW_POINTS)
        points = XW_MAX_ROW_POINTS;
    xw_check(x, worksheet_set_row(ws, row, points, NULL), "row height");
}

size_t xw_lines(const char *s, double width)
{
    /* Prose averages about 1.2 characters per unit of width (the width of
     * a '0'); word wrapping wastes the end of most lines. */
    size_t per_line = width > 2 ? (size_t)(width * 1.15) : 1;
    size_t lines = 0;
    for (;;) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        size_t n = sw_utf8_width(s, len);
        lines += n == 0 ? 1 : (n + per_line - 1) / per_line;
        if (!nl)
            break;
        s = nl + 1;
    }
    return lines;
}

size_t xw_width(const char *s)
{
    size_t widest = 0;
    for (;;) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        size_t n = sw_utf8_width(s, len);
        if (n > widest)
            widest = n;
        if (!nl)
            return widest;
        s = nl + 1;
    }
}

void xw_radar_axis(struct xw *x, lxw_chart *chart)
{
    const struct sw_scale *s = &x->r->scale;
    double range = s->max - s->min, unit = s->step > 0 ? s->step : 1;
    static const double nice[] = { 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100 };
    for (size_t i = 0; i < sizeof nice / sizeof nice[0] && range / unit > 5; i++)
        if (nice[i] > unit)
            unit = nice[i];
    chart_axis_set_min(chart->y_axis, s->min);
    chart_axis_set_max(chart->y_axis, s->max);
    chart_axis_set_major_unit(chart->y_axis, unit);
    chart_axis_set_num_format(chart->y_axis, "0.#");
    lxw_chart_font small = { .size = 8, .color = 0x595959 };
    chart_axis_set_num_font(chart->y_axis, &small);
    lxw_chart_font names = { .size = 9 };
    chart_axis_set_num_font(chart->x_axis, &names);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
}

/* Width for a column whose widest text has n characters. */
double xw_fit(size_t n, double min, double max)
{
    double w = (double)n + 2;
    return w < min ? min : w > max ? max : w;
}

/* --- formats -------------------------------------------------------------------- */

static lxw_format *fmt(struct xw *x)
{
    lxw_format *f = workbook_add_format(x->wb);
    if (!f)
        xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "formats");
    return f;
}

int xw_formats(struct xw *x)
{
    struct xw_formats *f = &x->f;
    if (!(f->title = fmt(x)) || !(f->subtitle = fmt(x)) || !(f->heading = fmt(x))
        || !(f->header = fmt(x)) || !(f->label = fmt(x)) || !(f->muted = fmt(x))
        || !(f->text = fmt(x)) || !(f->wrap = fmt(x)) || !(f->count = fmt(x))
        || !(f->score = fmt(x)) || !(f->percent = fmt(x)) || !(f->band = fmt(x))
        || !(f->link = fmt(x)) || !(f->indent = fmt(x)) || !(f->centred = fmt(x))
        || !(f->left_score = fmt(x)) || !(f->left_count = fmt(x)) || !(f->question = fmt(x)))
        return -1;
    for (int i = 0; i < XW_GAP_COUNT; i++)
        if (!(f->gap[i] = fmt(x)))
            return -1;
    for (int i = 0; i < 4; i++)
        if (!(f->decision[i] = fmt(x)))
            return -1;
    format_set_bold(f->title);
    format_set_font_size(f->title, 16);
    format_set_font_color(f->title, 0x1F3864);
    format_set_italic(f->subtitle);
    format_set_font_color(f->subtitle, 0x595959);
    format_set_bold(f->heading);
    format_set_font_size(f->heading, 12);
    format_set_font_color(f->heading, 0x1F3864);
    format_set_bold(f->header);
    format_set_text_wrap(f->header);
    format_set_align(f->header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(f->header, 0xDDEBF7);
    format_set_bottom(f->header, LXW_BORDER_THIN);
    format_set_bold(f->label);
    format_set_align(f->label, LXW_ALIGN_VERTICAL_TOP);
    format_set_italic(f->muted);
    format_set_font_color(f->muted, 0x7F7F7F);
    format_set_align(f->text, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(f->wrap);
    format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_num_format(f->count, "0");
    format_set_align(f->count, LXW_ALIGN_VERTICAL_TOP);
    format_set_num_format(f->score, "0.00");
    format_set_align(f->score, LXW_ALIGN_VERTICAL_TOP);
    format_set_num_format(f->percent, "0%");
    format_set_bold(f->band);
    format_set_bg_color(f->band, 0xF2F2F2);
    format_set_top(f->band, LXW_BORDER_THIN);
    format_set_indent(f->indent, 1);
    format_set_num_format(f->centred, "0");
    format_set_align(f->centred, LXW_ALIGN_CENTER);
    format_set_num_format(f->left_score, "0.00");
    format_set_align(f->left_score, LXW_ALIGN_LEFT);
    format_set_align(f->left_score, LXW_ALIGN_VERTICAL_TOP);
    format_set_num_format(f->left_count, "0");
    format_set_align(f->left_count, LXW_ALIGN_LEFT);
    format_set_italic(f->question);
    format_set_font_color(f->question, 0x595959);
    format_set_text_wrap(f->question);
    format_set_align(f->question, LXW_ALIGN_VERTICAL_TOP);
    format_set_underline(f->link, LXW_UNDERLINE_SINGLE);
    format_set_font_color(f->link, 0x0563C1);
    static const lxw_color_t gap_bg[] = { 0xFFC7CE, 0xFFEB9C, 0xC6EFCE };
    static const lxw_color_t gap_fg[] = { 0x9C0006, 0x9C5700, 0x006100 };
    for (int i = 0; i < XW_GAP_COUNT; i++) {
        format_set_num_format(f->gap[i], "+0.00;-0.00;0.00");
        format_set_bg_color(f->gap[i], gap_bg[i]);
        format_set_font_color(f->gap[i], gap_fg[i]);
    }
    /* no-level, insufficient-evidence, no-hire, hire */
    static const lxw_color_t dec_bg[] = { 0xEDEDED, 0xFFEB9C, 0xFFC7CE, 0xC6EFCE };
    static const lxw_color_t dec_fg[] = { 0x595959, 0x9C5700, 0x9C0006, 0x006100 };
    for (int i = 0; i < 4; i++) {
        format_set_bold(f->decision[i]);
        format_set_indent(f->decision[i], 1);
        format_set_bg_color(f->decision[i], dec_bg[i]);
        format_set_font_color(f->decision[i], dec_fg[i]);
    }
    return 0;
}

