/* xlsx_audit.c - the workbook's Audit sheet (rule 16): the audit's tables and a
 * chart of the impact ratios against the four-fifths line. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "xlsx/xlsx_int.h"

#define AUDIT_SHEET "Audit"
#define LAST_COL 11
#define CHART_COL 13

static const char *const group_head[] = { "Group", "n", "Decided", "Selected",
                                          "Selection rate", "Selection impact ratio", "Scored",
                                          "Above median", "Scoring rate", "Scoring impact ratio",
                                          "Fisher p", "Note" };
static const char *const gap_head[] = { "Interviewer", "Dimension", "Group", "Pairs in group",
                                        "Pairs outside", "Gap", "Standard error", "Note" };

static const char *const reading =
    "Selection rate: the share of decided candidates (suggested decision hire or no-hire) whose "
    "suggested decision is hire. Scoring rate: the share of scored candidates whose overall is "
    "above the median. An impact ratio divides a group's rate by the highest rate of the groups "
    "compared; under 0.8 (the four-fifths rule) it is flagged: a signal to look closer, not a "
    "finding of discrimination. Groups under 2 % of the candidates are shown but not compared "
    "('small'); groups under the policy's min-cell, and as many more as keep their counts from "
    "being worked out, show no numbers ('hidden'). An interviewer gap compares an interviewer's "
    "residual scores (after rule 11's adjustment) for a group with those for everyone else; a "
    "flag at two standard errors is a reason to read that interviewer's scorecards, never a "
    "verdict; among many comparisons about one in twenty is flagged by chance alone.";

struct audit_sheet {
    struct xw *x;
    lxw_worksheet *ws;
    const struct sw_audit *au;
    lxw_format *rate, *flag, *p;
    lxw_row_t row;
};

static void head(struct audit_sheet *s, const char *const *names, size_t n)
{
    xw_row_lines(s->x, s->ws, s->row, 2);
    for (size_t i = 0; i < n; i++)
        xw_str(s->x, s->ws, s->row, (lxw_col_t)i, names[i], s->x->f.header);
    s->row++;
}

static void count(struct audit_sheet *s, lxw_col_t col, size_t v)
{
    if (v != SW_AUDIT_NULL)
        xw_num(s->x, s->ws, s->row, col, (double)v, s->x->f.count);
}

static void group_row(struct audit_sheet *s, const struct sw_audit_dimension *dim,
                      const struct sw_audit_group *g)
{
    struct xw *x = s->x;
    struct sw_buf label = SW_BUF_INIT;
    sw_audit_label(s->au, dim, g, " + ", &label);
    xw_str(x, s->ws, s->row, 0, label.failed ? "" : sw_buf_str(&label), NULL);
    sw_buf_release(&label);
    count(s, 1, g->n);
    count(s, 2, g->decided);
    count(s, 3, g->selected);
    xw_num(x, s->ws, s->row, 4, g->selection_rate, s->rate);
    xw_num(x, s->ws, s->row, 5, g->selection_impact, x->f.score);
    count(s, 6, g->scored);
    count(s, 7, g->above);
    xw_num(x, s->ws, s->row, 8, g->scoring_rate, s->rate);
    xw_num(x, s->ws, s->row, 9, g->scoring_impact, x->f.score);
    xw_num(x, s->ws, s->row, 10, g->fisher_p, s->p);
    const char *note = g->suppressed ? "hidden" : g->flag ? "FLAG: impact ratio under 0.8"
                       : g->excluded ? "small: not compared" : "";
    xw_str(x, s->ws, s->row, 11, note, g->flag && !g->suppressed ? s->flag : x->f.muted);
    s->row++;
}

static void grouping(struct audit_sheet *s, const struct sw_audit_dimension *dim)
{
    const struct sw_audit *au = s->au;
    char text[512];
    int len = 0;
    for (size_t k = 0; k < (dim->id ? 1 : au->n_dimensions) && len < 400; k++)
        len += snprintf(text + len, sizeof text - (size_t)len, "%s%s", k ? " \u00d7 " : "",
                        dim->id ? dim->id : au->dimensions[k].id);
    if (dim->withheld != SW_AUDIT_NULL)
        snprintf(text + len, sizeof text - (size_t)len,
                 " (%zu candidates withheld: hidden groups and unknown)", dim->withheld);
    else
        snprintf(text + len, sizeof text - (size_t)len, " (%zu candidates unknown)",
                 dim->unknown);
    xw_str(s->x, s->ws, s->row++, 0, text, s->x->f.heading);
    head(s, group_head, sizeof group_head / sizeof group_head[0]);
    for (size_t g = 0; g < dim->n_groups; g++)
        group_row(s, dim, &dim->groups[g]);
    s->row++;
}

static void gaps(struct audit_sheet *s)
{
    struct xw *x = s->x;
    xw_str(x, s->ws, s->row++, 0,
           s->au->fitted ? "Interviewer gaps (rule 11's residuals, every comparison with at "
                           "least 3 pairs in and out of the group)"
                         : "Interviewer gaps: none, rule 11's severity model could not be fitted",
           x->f.heading);
    if (!s->au->fitted) {
        s->row++;
        return;
    }
    head(s, gap_head, sizeof gap_head / sizeof gap_head[0]);
    for (size_t i = 0; i < s->au->n_gaps; i++, s->row++) {
        const struct sw_audit_gap *gap = &s->au->gaps[i];
        const struct sw_audit_dimension *dim = &s->au->dimensions[gap->dimension];
        xw_str(x, s->ws, s->row, 0, x->a->interviewers[gap->interviewer], NULL);
        xw_str(x, s->ws, s->row, 1, dim->id, NULL);
        xw_str(x, s->ws, s->row, 2, dim->groups[gap->group].values[0], NULL);
        count(s, 3, gap->n_in);
        count(s, 4, gap->n_out);
        xw_num(x, s->ws, s->row, 5, gap->gap, x->f.score);
        xw_num(x, s->ws, s->row, 6, gap->se, x->f.score);
        xw_str(x, s->ws, s->row, 7, gap->flag ? "FLAG: read this interviewer's scorecards" : "",
               gap->flag ? s->flag : NULL);
    }
    s->row++;
}

/* The chart's data: one row per compared group of every dimension; returns
 * how many rows, from first. */
static size_t chart_data(struct audit_sheet *s, lxw_row_t *first)
{
    struct xw *x = s->x;
    static const char *const names[] = { "Group", "Selection impact ratio",
                                         "Scoring impact ratio", "Four-fifths line" };
    xw_str(x, s->ws, s->row++, 0, "Chart data: the impact ratios of the groups compared",
           x->f.heading);
    head(s, names, 4);
    *first = s->row;
    size_t n = 0;
    for (size_t k = 0; k < s->au->n_dimensions; k++) {
        const struct sw_audit_dimension *dim = &s->au->dimensions[k];
        for (size_t g = 0; g < dim->n_groups; g++) {
            const struct sw_audit_group *gr = &dim->groups[g];
            if (isnan(gr->selection_impact) && isnan(gr->scoring_impact))
                continue;
            char label[256];
            snprintf(label, sizeof label, "%s: %s", dim->id, gr->values[0]);
            xw_str(x, s->ws, s->row, 0, label, NULL);
            xw_num(x, s->ws, s->row, 1, gr->selection_impact, x->f.score);
            xw_num(x, s->ws, s->row, 2, gr->scoring_impact, x->f.score);
            xw_num(x, s->ws, s->row, 3, 0.8, x->f.score);
            s->row++, n++;
        }
    }
    return n;
}

/* A series of the 0.8s with neither fill nor border: one before the bars and
 * one after keeps each category's pair of bars centred. */
static lxw_chart_series *hidden_series(struct xw *x, lxw_chart *chart, lxw_row_t first,
                                       lxw_row_t last)
{
    lxw_chart_series *ser = chart_add_series(chart, NULL, NULL);
    if (!ser) {
        xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "chart");
        return NULL;
    }
    chart_series_set_categories(ser, AUDIT_SHEET, first, 0, last, 0);
    chart_series_set_values(ser, AUDIT_SHEET, first, 3, last, 3);
    chart_series_set_name_range(ser, AUDIT_SHEET, first - 1, 3);
    lxw_chart_fill empty = { .none = 1 };
    lxw_chart_line no_line = { .none = 1 };
    chart_series_set_fill(ser, &empty);
    chart_series_set_line(ser, &no_line);
    return ser;
}

/* The 0.8 line: the linear trendline of a hidden series of 0.8s (this
 * libxlsxwriter cannot combine a line chart with columns), stretched half a
 * category past either end. */
static void four_fifths(lxw_chart_series *four)
{
    chart_series_set_trendline(four, LXW_CHART_TRENDLINE_TYPE_LINEAR, 0);
    chart_series_set_trendline_forecast(four, 0.5, 0.5);
    chart_series_set_trendline_name(four, "Four-fifths line (0.8)");
    lxw_chart_line red = { .color = 0xC00000, .width = 2.25,
                           .dash_type = LXW_CHART_LINE_DASH_DASH };
    chart_series_set_trendline_line(four, &red);
}

static void chart(struct audit_sheet *s, lxw_row_t first, size_t n)
{
    struct xw *x = s->x;
    lxw_chart *bars = workbook_add_chart(x->wb, LXW_CHART_COLUMN);
    if (!bars)
        return (void)xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "chart");
    lxw_row_t last = (lxw_row_t)(first + n - 1);
    lxw_chart_series *four = hidden_series(x, bars, first, last);
    if (!four)
        return;
    four_fifths(four);
    static const lxw_color_t colors[] = { 0x4472C4, 0xA5A5A5 };
    for (lxw_col_t c = 1; c <= 2; c++) {
        lxw_chart_series *ser = chart_add_series(bars, NULL, NULL);
        if (!ser)
            return (void)xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "chart");
        chart_series_set_categories(ser, AUDIT_SHEET, first, 0, last, 0);
        chart_series_set_values(ser, AUDIT_SHEET, first, c, last, c);
        chart_series_set_name_range(ser, AUDIT_SHEET, first - 1, c);
        lxw_chart_fill fill = { .color = colors[c - 1] };
        chart_series_set_fill(ser, &fill);
    }
    if (!hidden_series(x, bars, first, last))
        return;
    int16_t hidden[] = { 0, 3, -1 };
    xw_check(x, chart_legend_delete_series(bars, hidden), "chart");
    chart_set_series_gap(bars, 50);
    chart_title_set_name(bars, "Impact ratios by group (dashed: 0.8, the four-fifths line)");
    lxw_chart_font tf = { .size = 12, .bold = 1 };
    chart_title_set_name_font(bars, &tf);
    chart_axis_set_min(bars->y_axis, 0);
    chart_axis_set_major_unit(bars->y_axis, 0.2);
    chart_legend_set_position(bars, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options o = { .x_scale = 1.4, .y_scale = 1.4 };
    xw_check(x, worksheet_insert_chart_opt(s->ws, 3, CHART_COL, bars, &o), "chart");
}

static void title(struct audit_sheet *s)
{
    struct xw *x = s->x;
    const struct sw_audit *au = s->au;
    char line[512], median[32] = "none";
    if (!isnan(au->median_overall))
        snprintf(median, sizeof median, "%.2f", au->median_overall);
    worksheet_set_row(s->ws, 0, 24, NULL);
    xw_str(x, s->ws, 0, 0, "Adverse-impact audit (rule 16)", x->f.title);
    snprintf(line, sizeof line,
             "%zu candidates with a submitted scorecard, %zu with a suggested decision; median "
             "overall %s; groups under %zu candidates hidden; %zu people of the demographics "
             "file match no candidate.", au->population, au->decided, median, au->min_cell,
             au->unmatched);
    xw_str(x, s->ws, 1, 0, line, x->f.subtitle);
    xw_merged(x, s->ws, 2, 0, LAST_COL, reading, x->f.wrap);
    xw_row_lines(x, s->ws, 2, xw_lines(reading, 150));
    s->row = 4;
}

void xw_audit(struct xw *x)
{
    const struct sw_audit *au = x->opt->audit;
    struct audit_sheet s = { .x = x, .au = au };
    if (!au || !(s.ws = xw_sheet(x, AUDIT_SHEET, 0, -1)))
        return;
    s.rate = workbook_add_format(x->wb);
    s.flag = workbook_add_format(x->wb);
    s.p = workbook_add_format(x->wb);
    if (!s.rate || !s.flag || !s.p)
        return (void)xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "formats");
    format_set_num_format(s.rate, "0.0%");
    format_set_num_format(s.p, "[<0.001]0.0E+00;0.000");
    format_set_bold(s.flag);
    format_set_font_color(s.flag, 0x9C0006);
    format_set_bg_color(s.flag, 0xFFC7CE);
    xw_column(x, s.ws, 0, 0, 22);
    xw_column(x, s.ws, 1, 10, 11);
    xw_column(x, s.ws, LAST_COL, LAST_COL, 30);
    title(&s);
    for (size_t k = 0; k < au->n_dimensions; k++)
        grouping(&s, &au->dimensions[k]);
    if (au->n_dimensions > 1)
        grouping(&s, &au->intersections);
    gaps(&s);
    lxw_row_t first;
    size_t n = chart_data(&s, &first);
    if (n && !x->failed)
        chart(&s, first, n);
}
