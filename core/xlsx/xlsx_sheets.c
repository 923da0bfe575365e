/* xlsx_sheets.c - the workbook's shared sheets: Summary, Compare and
 * Interviewers (Data is in xlsx_data.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calibrate.h"
#include "xlsx_int.h"

/* These sheets start with a title, a subtitle, a blank row, then the header row. */
#define HEADER_ROW 3
/* Candidates per Compare chart, and its size in pixels. */
#define PER_CHART 8
#define COMPARE_WIDTH 860
#define COMPARE_HEIGHT 640

static const char *level_name(const struct xw *x, const struct sw_candidate *c)
{
    return c->level >= 0 ? x->r->levels[c->level].name : "";
}

static const char *archetype_name(const struct xw *x, const struct sw_candidate *c)
{
    return c->archetype >= 0 ? x->r->archetypes[c->archetype].name : "";
}

static size_t count_flags(const struct xw *x, const struct sw_candidate *c)
{
    size_t n = 0;
    for (size_t k = 0; k < x->r->n_competencies; k++)
        for (unsigned f = c->competencies[k].flags; f; f &= f - 1)
            n++;
    return n;
}

const char *xw_requisition(const struct xw *x)
{
    const char *req = x->opt->requisition;
    if (!req || !*req)
        return NULL;
    if (x->opt->anonymize)
        for (size_t i = 0; i < x->a->n_candidates; i++)
            if (sw_xlsx_mentions(req, x->a->candidates[i].name))
                return "requisition";
    return req;
}

static void title(struct xw *x, lxw_worksheet *ws, const char *text, const char *sub)
{
    xw_check(x, worksheet_set_row(ws, 0, 24, NULL), "row height");
    xw_str(x, ws, 0, 0, text, x->f.title);
    xw_str(x, ws, 1, 0, sub, x->f.subtitle);
}

static void header_row(struct xw *x, lxw_worksheet *ws, lxw_row_t row, const char *const *names,
                       size_t n, lxw_col_t first)
{
    for (size_t i = 0; i < n; i++)
        xw_str(x, ws, row, (lxw_col_t)(first + i), names[i], x->f.header);
}

/* A link to candidate ci's sheet showing its name; plain text when the
 * sheet's name would confuse libxlsxwriter's link parsing. */
static void candidate_link(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                           size_t ci)
{
    if (x->failed)
        return;
    const char *sheet = x->sheet[ci];
    if (!sheet || strchr(sheet, '#')) {
        xw_str(x, ws, row, col, x->shown[ci], x->f.text);
        return;
    }
    struct sw_buf url = SW_BUF_INIT;
    sw_buf_adds(&url, "internal:");
    sw_xlsx_quote_sheet(sheet, &url);
    sw_buf_adds(&url, "!A1");
    if (url.failed)
        xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "link");
    else
        xw_check(x, worksheet_write_url_opt(ws, row, col, url.data, x->f.link, x->shown[ci],
                                            NULL),
                 "link");
    sw_buf_release(&url);
}

/* --- Summary -------------------------------------------------------------------- */

/* Summary's columns after the fixed Candidate, Id, Level, Scorecards and
 * Pending: they move with the number of pillars and with --severity. */
struct summary_cols {
    lxw_col_t overall, pillar, shortfall, rec, decision, archetype, flags, last;
};

static struct summary_cols summary_cols(const struct xw *x)
{
    struct summary_cols c;
    c.overall = 5;
    c.pillar = 6;
    c.shortfall = (lxw_col_t)(6 + x->r->n_pillars);
    c.rec = (lxw_col_t)(c.shortfall + 1);
    c.decision = (lxw_col_t)(c.rec + SW_REC_COUNT);
    c.archetype = (lxw_col_t)(c.decision + 1);
    c.flags = (lxw_col_t)(c.archetype + 1);
    c.last = x->opt->severity ? (lxw_col_t)(c.flags + 1) : c.flags;
    return c;
}

/* Column widths fitted to the longest name, id, level, decision and archetype. */
static void summary_widths(struct xw *x, lxw_worksheet *ws, const struct summary_cols *col)
{
    const struct sw_aggregate *a = x->a;
    const struct sw_rubric *r = x->r;
    size_t w_name = 9, w_id = 4, w_level = 5, w_dec = 8, w_arch = 9;
    for (size_t i = 0; i < a->n_candidates; i++) {
        const struct sw_candidate *c = &a->candidates[i];
        size_t n;
        if ((n = xw_width(x->shown[i])) > w_name)
            w_name = n;
        if ((n = xw_width(x->shown_id[i])) > w_id)
            w_id = n;
        if ((n = xw_width(level_name(x, c))) > w_level)
            w_level = n;
        if ((n = strlen(sw_decision_name(c->decision))) > w_dec)
            w_dec = n;
        if ((n = xw_width(archetype_name(x, c))) > w_arch)
            w_arch = n;
    }
    xw_column(x, ws, 0, 0, xw_fit(w_name, 12, 40));
    xw_column(x, ws, 1, 1, xw_fit(w_id, 8, 24));
    xw_column(x, ws, 2, 2, xw_fit(w_level, 8, 24));
    xw_column(x, ws, 3, col->overall, 11);
    for (size_t p = 0; p < r->n_pillars; p++) {
        double w = xw_fit(xw_width(r->pillars[p].name) / 2 + 1, 11, 16);
        xw_column(x, ws, (lxw_col_t)(col->pillar + p), (lxw_col_t)(col->pillar + p), w);
    }
    xw_column(x, ws, col->shortfall, col->shortfall, 11);
    xw_column(x, ws, col->rec, (lxw_col_t)(col->decision - 1), 10);
    xw_column(x, ws, col->decision, col->decision, xw_fit(w_dec, 10, 24));
    xw_column(x, ws, col->archetype, col->archetype, xw_fit(w_arch, 11, 30));
    xw_column(x, ws, col->flags, col->flags, 8);
    if (x->opt->severity)
        xw_column(x, ws, col->last, col->last, 11);
}

/* The title (with the requisition) and the subtitle counting what was exported. */
static void summary_title(struct xw *x, lxw_worksheet *ws)
{
    const struct sw_aggregate *a = x->a;
    const struct sw_rubric *r = x->r;
    size_t submitted = 0;
    for (size_t i = 0; i < a->n_candidates; i++)
        submitted += a->candidates[i].scorecards;
    struct sw_buf t = SW_BUF_INIT, sub = SW_BUF_INIT;
    const char *req = xw_requisition(x);
    sw_buf_addf(&t, "Committee workbook%s%s", req ? ": " : "", req ? req : "");
    sw_buf_addf(&sub, "Rubric %s version %s (%s) · exported %s · %zu candidate%s, %zu submitted "
                "scorecard%s", r->id, r->version, r->name, x->when, a->n_candidates,
                a->n_candidates == 1 ? "" : "s", submitted, submitted == 1 ? "" : "s");
    if (x->with_sheets < a->n_candidates) {
        sw_buf_adds(&sub, " · ");
        sw_xlsx_say_sheets(x->with_sheets, &sub);
    }
    sw_buf_adds(&sub, " · decisions are suggestions to the committee, never binding");
    if (t.failed || sub.failed)
        xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "title");
    else
        title(x, ws, t.data, sub.data);
    sw_buf_release(&t);
    sw_buf_release(&sub);
}

static void summary_header(struct xw *x, lxw_worksheet *ws, const struct summary_cols *col)
{
    const struct sw_rubric *r = x->r;
    static const char *const fixed[] = { "Candidate", "Id", "Level", "Scorecards", "Pending",
                                         "Overall" };
    header_row(x, ws, HEADER_ROW, fixed, 6, 0);
    for (size_t p = 0; p < r->n_pillars; p++)
        xw_str(x, ws, HEADER_ROW, (lxw_col_t)(col->pillar + p), r->pillars[p].name,
               x->f.header);
    xw_str(x, ws, HEADER_ROW, col->shortfall, "Shortfall", x->f.header);
    for (int k = 0; k < SW_REC_COUNT; k++)
        xw_str(x, ws, HEADER_ROW, (lxw_col_t)(col->rec + k),
               sw_recommendation_name((enum sw_recommendation)k), x->f.header);
    static const char *const tail[] = { "Decision", "Archetype", "Flags" };
    header_row(x, ws, HEADER_ROW, tail, 3, col->decision);
    if (x->opt->severity)
        xw_str(x, ws, HEADER_ROW, col->last, "Adjusted overall", x->f.header);
}

/* Row i of the table: candidate x->order[i]; `adjusted` is scratch for the
 * severity-adjusted means (NULL without --severity). */
static void summary_row(struct xw *x, lxw_worksheet *ws, const struct summary_cols *col,
                        size_t i, double *adjusted)
{
    const struct sw_aggregate *a = x->a;
    size_t ci = x->order[i];
    const struct sw_candidate *c = &a->candidates[ci];
    lxw_row_t row = (lxw_row_t)(HEADER_ROW + 1 + i);
    candidate_link(x, ws, row, 0, ci);
    xw_str(x, ws, row, 1, x->shown_id[ci], NULL);
    xw_str(x, ws, row, 2, level_name(x, c), NULL);
    xw_num(x, ws, row, 3, (double)c->scorecards, x->f.centred);
    xw_num(x, ws, row, 4, (double)c->pending, x->f.centred);
    xw_num(x, ws, row, col->overall, c->overall, x->f.score);
    for (size_t p = 0; p < x->r->n_pillars; p++)
        xw_num(x, ws, row, (lxw_col_t)(col->pillar + p), c->pillars[p], x->f.score);
    xw_num(x, ws, row, col->shortfall, c->shortfall, x->f.score);
    for (int k = 0; k < SW_REC_COUNT; k++)
        xw_num(x, ws, row, (lxw_col_t)(col->rec + k), (double)c->recommendations[k],
               x->f.centred);
    xw_str(x, ws, row, col->decision, sw_decision_name(c->decision), x->f.decision[c->decision]);
    xw_str(x, ws, row, col->archetype, archetype_name(x, c), x->f.indent);
    xw_num(x, ws, row, col->flags, (double)count_flags(x, c), x->f.centred);
    if (adjusted) {
        double overall;
        sw_severity_means(a, x->opt->severity, ci, adjusted, &overall);
        xw_num(x, ws, row, col->last, overall, x->f.score);
    }
}

void xw_summary(struct xw *x)
{
    const struct sw_aggregate *a = x->a;
    struct summary_cols col = summary_cols(x);
    lxw_worksheet *ws = xw_sheet(x, "Summary", HEADER_ROW, HEADER_ROW);
    if (!ws)
        return;
    summary_widths(x, ws, &col);
    summary_title(x, ws);
    summary_header(x, ws, &col);
    double *adjusted = x->opt->severity
                           ? malloc((x->r->n_competencies + 1) * sizeof *adjusted) : NULL;
    if (x->opt->severity && !adjusted)
        xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "adjusted scores");
    xw_check(x, worksheet_set_row(ws, HEADER_ROW, XW_ROW_POINTS * 2 + 2, NULL), "row height");
    for (size_t i = 0; i < a->n_candidates; i++)
        summary_row(x, ws, &col, i, adjusted);
    free(adjusted);
    lxw_row_t last = (lxw_row_t)(HEADER_ROW + a->n_candidates);
    worksheet_freeze_panes(ws, HEADER_ROW + 1, 1);
    xw_check(x, worksheet_autofilter(ws, HEADER_ROW, 0, last, col.last), "filter");
    if (a->n_candidates > 0)
        xw_heat(x, ws, HEADER_ROW + 1, col.overall, last, (lxw_col_t)(col.shortfall - 1));
    worksheet_activate(ws);
}

/* --- Compare -------------------------------------------------------------------- */

static void compare_chart(struct xw *x, lxw_worksheet *ws, size_t first, size_t n,
                          lxw_col_t c_comp, size_t chart_no, lxw_row_t at)
{
    static const lxw_color_t colors[PER_CHART] = { 0x4472C4, 0xED7D31, 0x70AD47, 0x7030A0,
                                                   0xFFC000, 0x255E91, 0xC00000, 0x00B0F0 };
    size_t nc = x->r->n_competencies;
    lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_RADAR);
    if (!chart) {
        xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "chart");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        lxw_row_t row = (lxw_row_t)(HEADER_ROW + 1 + first + i);
        lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
        if (!s) {
            xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "chart");
            return;
        }
        chart_series_set_categories(s, "Compare", HEADER_ROW, c_comp, HEADER_ROW,
                                    (lxw_col_t)(c_comp + nc - 1));
        chart_series_set_values(s, "Compare", row, c_comp, row, (lxw_col_t)(c_comp + nc - 1));
        chart_series_set_name_range(s, "Compare", row, 0);
        lxw_chart_line line = { .color = colors[i], .width = 2.25 };
        chart_series_set_line(s, &line);
    }
    char name[64];
    snprintf(name, sizeof name, "Competency means: candidates %zu to %zu", first + 1, first + n);
    chart_title_set_name(chart, name);
    lxw_chart_font tf = { .size = 12, .bold = 1 };
    chart_title_set_name_font(chart, &tf);
    xw_radar_axis(x, chart);
    lxw_chart_options o = { .x_offset = (int32_t)(chart_no % 2) * (COMPARE_WIDTH + 20),
                            .y_offset = 4, .x_scale = (double)COMPARE_WIDTH / 480,
                            .y_scale = (double)COMPARE_HEIGHT / 288,
                            .description = name };
    xw_check(x, worksheet_insert_chart_opt(ws, at, 0, chart, &o), "chart");
}

void xw_compare(struct xw *x)
{
    const struct sw_aggregate *a = x->a;
    const struct sw_rubric *r = x->r;
    size_t np = r->n_pillars, nc = r->n_competencies;
    lxw_col_t c_pillar = 3, c_comp = (lxw_col_t)(3 + np);
    lxw_worksheet *ws = xw_sheet(x, "Compare", HEADER_ROW, HEADER_ROW);
    if (!ws)
        return;
    size_t w_name = 9;
    for (size_t i = 0; i < a->n_candidates; i++)
        if (xw_width(x->shown[i]) > w_name)
            w_name = xw_width(x->shown[i]);
    xw_column(x, ws, 0, 0, xw_fit(w_name, 12, 40));
    xw_column(x, ws, 1, 1, 12);
    xw_column(x, ws, 2, (lxw_col_t)(c_comp + nc - 1), XW_SCORE_WIDTH);
    title(x, ws, "Compare",
          "Pillar scores and competency means, candidates in Summary's order; the charts "
          "overlay the competency means, 8 candidates each");
    xw_str(x, ws, HEADER_ROW, 0, "Candidate", x->f.header);
    xw_str(x, ws, HEADER_ROW, 1, "Level", x->f.header);
    xw_str(x, ws, HEADER_ROW, 2, "Overall", x->f.header);
    size_t lines = 1;
    for (size_t p = 0; p < np; p++) {
        xw_str(x, ws, HEADER_ROW, (lxw_col_t)(c_pillar + p), r->pillars[p].name, x->f.header);
        size_t l = xw_lines(r->pillars[p].name, XW_SCORE_WIDTH - 1);
        lines = l > lines ? l : lines;
    }
    for (size_t k = 0; k < nc; k++) {
        xw_str(x, ws, HEADER_ROW, (lxw_col_t)(c_comp + k), r->competencies[k].name,
               x->f.header);
        size_t l = xw_lines(r->competencies[k].name, XW_SCORE_WIDTH - 1);
        lines = l > lines ? l : lines;
    }
    xw_row_lines(x, ws, HEADER_ROW, lines);
    for (size_t i = 0; i < a->n_candidates; i++) {
        size_t ci = x->order[i];
        const struct sw_candidate *c = &a->candidates[ci];
        lxw_row_t row = (lxw_row_t)(HEADER_ROW + 1 + i);
        xw_str(x, ws, row, 0, x->shown[ci], NULL);
        xw_str(x, ws, row, 1, level_name(x, c), NULL);
        xw_num(x, ws, row, 2, c->overall, x->f.score);
        for (size_t p = 0; p < np; p++)
            xw_num(x, ws, row, (lxw_col_t)(c_pillar + p), c->pillars[p], x->f.score);
        for (size_t k = 0; k < nc; k++)
            xw_num(x, ws, row, (lxw_col_t)(c_comp + k), c->competencies[k].mean, x->f.score);
    }
    lxw_row_t last = (lxw_row_t)(HEADER_ROW + a->n_candidates);
    if (a->n_candidates > 0)
        xw_heat(x, ws, HEADER_ROW + 1, 2, last, (lxw_col_t)(c_comp + nc - 1));
    worksheet_freeze_panes(ws, HEADER_ROW + 1, 1);
    /* Charts below the table, two side by side. */
    for (size_t first = 0, k = 0; first < a->n_candidates; first += PER_CHART, k++) {
        size_t n = a->n_candidates - first < PER_CHART ? a->n_candidates - first : PER_CHART;
        compare_chart(x, ws, first, n, c_comp, k,
                      (lxw_row_t)(last + 2 + (k / 2) * (COMPARE_HEIGHT / 20 + 2)));
    }
}

/* --- Interviewers --------------------------------------------------------------- */

/* Column widths, title and the per-interviewer table's header row. */
static void interviewers_head(struct xw *x, lxw_worksheet *ws)
{
    const struct sw_aggregate *a = x->a;
    const struct sw_rubric *r = x->r;
    size_t w_first = 12;
    for (size_t i = 0; i < a->n_interviewers; i++)
        if (xw_width(a->interviewers[i]) > w_first)
            w_first = xw_width(a->interviewers[i]);
    for (size_t k = 0; k < r->n_competencies; k++)
        if (xw_width(r->competencies[k].name) > w_first)
            w_first = xw_width(r->competencies[k].name);
    xw_column(x, ws, 0, 0, xw_fit(w_first, 14, 40));
    xw_column(x, ws, 1, 1, 18);
    xw_column(x, ws, 2, 13, 13);
    title(x, ws, "Interviewers",
          "Leniency: mean difference from the other interviewers' scores of the same candidate "
          "and competency (positive: rates higher). Hire rate: share of scorecards recommending "
          "hire or strong-hire.");
    static const char *const head[] = { "Interviewer", "Scorecards", "Observations", "Mean",
                                        "Leniency", "Compared", "Hire rate" };
    header_row(x, ws, HEADER_ROW, head, 7, 0);
    static const char *const sev_head[] = { "Adjustment", "Adjustment SE" };
    if (x->opt->severity)
        header_row(x, ws, HEADER_ROW, sev_head, 2, 7);
}

/* Blue to white to orange over leniency -1..1 in rows first..last of column 4. */
static void leniency_colours(struct xw *x, lxw_worksheet *ws, lxw_row_t first, lxw_row_t last)
{
    lxw_conditional_format cf;
    memset(&cf, 0, sizeof cf);
    cf.type = LXW_CONDITIONAL_3_COLOR_SCALE;
    cf.min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
    cf.min_value = -1;
    cf.min_color = 0x5B9BD5;
    cf.mid_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
    cf.mid_value = 0;
    cf.mid_color = 0xFFFFFF;
    cf.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
    cf.max_value = 1;
    cf.max_color = 0xF4B183;
    xw_check(x, worksheet_conditional_format_range(ws, first, 4, last, 4, &cf),
             "leniency colours");
}

/* One row per interviewer under the header; returns the row after the table. */
static lxw_row_t interviewer_rows(struct xw *x, lxw_worksheet *ws,
                                  const struct sw_calibration *cal)
{
    const struct sw_severity *sev = x->opt->severity;
    lxw_row_t row = HEADER_ROW + 1;
    for (size_t i = 0; i < cal->n_interviewers; i++, row++) {
        const struct sw_interviewer_stats *st = &cal->interviewers[i];
        xw_str(x, ws, row, 0, x->a->interviewers[i], NULL);
        xw_num(x, ws, row, 1, (double)st->scorecards, x->f.count);
        xw_num(x, ws, row, 2, (double)st->observations, x->f.count);
        xw_num(x, ws, row, 3, st->mean, x->f.score);
        xw_num(x, ws, row, 4, st->leniency, x->f.score);
        xw_num(x, ws, row, 5, (double)st->compared, x->f.count);
        xw_num(x, ws, row, 6, st->hire_rate, x->f.percent);
        if (sev) {
            xw_num(x, ws, row, 7, sev->adjustment[i], x->f.score);
            xw_num(x, ws, row, 8, sev->se[i], x->f.score);
        }
    }
    if (cal->n_interviewers > 0 && !x->failed)
        leniency_colours(x, ws, HEADER_ROW + 1, row - 1);
    return row;
}

/* The --severity note at `row` and a blank row; returns the row after them. */
static lxw_row_t severity_note(struct xw *x, lxw_worksheet *ws, lxw_row_t row)
{
    struct sw_buf note = SW_BUF_INIT;
    sw_severity_note(x->opt->severity, &note);
    sw_buf_adds(&note, "Adjustment: the interviewer's estimated offset (positive: rates "
                       "high), \u00b1 its standard error; adjusted scores subtract it.");
    if (note.failed)
        xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "note");
    else
        xw_str(x, ws, row++, 0, note.data, x->f.muted);
    sw_buf_release(&note);
    return row + 1;
}

/* The reliability table from `row`: one row per competency, then the pooled row. */
static void reliability_rows(struct xw *x, lxw_worksheet *ws, const struct sw_calibration *cal,
                             lxw_row_t row)
{
    const struct sw_rubric *r = x->r;
    xw_str(x, ws, row++, 0,
           "Reliability per competency: Krippendorff's alpha (interval) and Shrout & Fleiss "
           "ICCs where the candidates x interviewers matrix is complete", x->f.heading);
    static const char *const rhead[] = { "Competency", "Pillar", "Alpha", "Reading", "Units",
                                         "ICC n", "ICC k", "ICC(1,1)", "ICC(2,1)", "ICC(3,1)",
                                         "ICC(1,k)", "ICC(2,k)", "ICC(3,k)" };
    header_row(x, ws, row++, rhead, 13, 0);
    for (size_t k = 0; k < cal->n_competencies; k++, row++) {
        const struct sw_reliability *rel = &cal->competencies[k];
        xw_str(x, ws, row, 0, r->competencies[k].name, NULL);
        xw_str(x, ws, row, 1, r->pillars[r->competencies[k].pillar].name, NULL);
        xw_num(x, ws, row, 2, rel->alpha, x->f.score);
        xw_str(x, ws, row, 3, sw_alpha_reading(rel->alpha), x->f.indent);
        xw_num(x, ws, row, 4, (double)rel->units, x->f.count);
        if (rel->has_icc) {
            xw_num(x, ws, row, 5, (double)rel->icc_n, x->f.count);
            xw_num(x, ws, row, 6, (double)rel->icc_k, x->f.count);
            const double icc[] = { rel->icc.icc11, rel->icc.icc21, rel->icc.icc31,
                                   rel->icc.icc1k, rel->icc.icc2k, rel->icc.icc3k };
            for (int i = 0; i < 6; i++)
                xw_num(x, ws, row, (lxw_col_t)(7 + i), icc[i], x->f.score);
        }
    }
    xw_str(x, ws, row, 0, "All competencies (pooled)", x->f.label);
    xw_num(x, ws, row, 2, cal->alpha, x->f.score);
    xw_str(x, ws, row, 3, sw_alpha_reading(cal->alpha), x->f.indent);
    xw_num(x, ws, row, 4, (double)cal->units, x->f.count);
}

void xw_interviewers(struct xw *x)
{
    lxw_worksheet *ws = xw_sheet(x, "Interviewers", 0, 0);
    if (!ws)
        return;
    struct sw_calibration *cal = sw_calibrate(x->a, x->errs);
    if (!cal) {
        x->failed = 1;      /* sw_calibrate recorded why */
        return;
    }
    interviewers_head(x, ws);
    lxw_row_t row = interviewer_rows(x, ws, cal) + 1;
    if (x->opt->severity)
        row = severity_note(x, ws, row);
    reliability_rows(x, ws, cal, row);
    sw_calibration_free(cal);
}
