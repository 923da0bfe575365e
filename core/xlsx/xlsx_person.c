/* xlsx_person.c - one person's sheet of the people workbook (xlsx_people.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xlsx_people.h"

enum { C_CYCLE, C_PILLAR, C_COMP, C_N, C_OTHERS, C_SELF, C_GAP, C_DELTA, C_FLAGS, C_TARGET,
       C_CHART = C_TARGET + 2 };
#define T_HEAD 4            /* the rule 13 table's header row */
#define CHART_ROWS 20       /* rows each chart covers */

static void subtitle(struct xw_people *xp, lxw_worksheet *ws, size_t i, struct sw_promotion *pr,
                     long next)
{
    struct xw *x = &xp->x;
    const struct sw_rubric *r = x->r;
    const struct sw_person *p = &xp->g->people[i];
    const struct sw_growth_cycle *y = &p->cycles[p->n_cycles - 1];
    struct sw_buf b = SW_BUF_INIT, reasons = SW_BUF_INIT;
    sw_buf_addf(&b, "Level %s \u00b7 latest cycle %s \u00b7 %zu assessor%s \u00b7 overall ",
                p->level >= 0 ? r->levels[p->level].name : "unknown", y->id, y->assessors,
                y->assessors == 1 ? "" : "s");
    if (isnan(y->overall))
        sw_buf_adds(&b, "-");
    else
        sw_buf_addf(&b, "%.2f", y->overall);
    if (next >= 0) {
        xp_reasons(r, pr, &reasons);
        sw_buf_addf(&b, " \u00b7 readiness for %s: %s%s%s%s", r->levels[next].name,
                    sw_readiness_name(pr->readiness), reasons.len ? " (" : "",
                    sw_buf_str(&reasons), reasons.len ? ")" : "");
    }
    xw_merged(x, ws, 1, 0, C_TARGET, sw_buf_str(&b), x->f.subtitle);
    if (b.failed || reasons.failed)
        xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "subtitle");
    sw_buf_release(&b);
    sw_buf_release(&reasons);
}

/* The rule 13 table, latest cycle first; returns the row after it. */
static lxw_row_t rule13(struct xw_people *xp, lxw_worksheet *ws, size_t i, long next)
{
    struct xw *x = &xp->x;
    const struct sw_rubric *r = x->r;
    const struct sw_person *p = &xp->g->people[i];
    xw_str(x, ws, T_HEAD - 1, 0, "Competencies per cycle: the others' mean (self excluded), "
           "self beside it", x->f.heading);
    static const char *const head[] = { "Cycle", "Pillar", "Competency", "n", "Others", "Self",
                                        "Self-gap", "Delta", "Flags" };
    for (lxw_col_t c = 0; c <= C_FLAGS; c++)
        xw_str(x, ws, T_HEAD, c, head[c], x->f.header);
    char target[160];
    snprintf(target, sizeof target, "Target (%s)", next >= 0 ? r->levels[next].name : "none");
    xw_str(x, ws, T_HEAD, C_TARGET, target, x->f.header);
    lxw_row_t row = T_HEAD + 1;
    for (size_t k = p->n_cycles; k-- > 0;) {
        const struct sw_growth_cycle *y = &p->cycles[k];
        for (size_t c = 0; c < r->n_competencies; c++, row++) {
            const struct sw_growth_stats *s = &y->competencies[c];
            char flags[64] = "";
            snprintf(flags, sizeof flags, "%s%s%s",
                     s->flags & SW_GROWTH_BLIND_SPOT ? "blind-spot" : "",
                     s->flags == (SW_GROWTH_BLIND_SPOT | SW_GROWTH_HIDDEN_STRENGTH) ? ", " : "",
                     s->flags & SW_GROWTH_HIDDEN_STRENGTH ? "hidden-strength" : "");
            xw_str(x, ws, row, C_CYCLE, y->id, x->f.text);
            xw_str(x, ws, row, C_PILLAR, r->pillars[r->competencies[c].pillar].name, x->f.text);
            xw_str(x, ws, row, C_COMP, r->competencies[c].name, x->f.text);
            xw_num(x, ws, row, C_N, (double)s->n, x->f.count);
            xw_num(x, ws, row, C_OTHERS, s->others, x->f.score);
            xw_num(x, ws, row, C_SELF, s->self, x->f.score);
            xw_num(x, ws, row, C_GAP, s->self_gap, x->f.score);
            xw_num(x, ws, row, C_DELTA, s->delta, x->f.score);
            xw_str(x, ws, row, C_FLAGS, flags, x->f.text);
            xw_num(x, ws, row, C_TARGET, next >= 0 ? r->levels[next].targets[c] : NAN,
                   x->f.score);
        }
    }
    xw_heat(x, ws, T_HEAD + 1, C_OTHERS, row - 1, C_SELF);
    return row;
}

/* The widths xp_person_sheet() gives the columns (characters). */
static double column_width(lxw_col_t c)
{
    return c == C_CYCLE ? 12 : c <= C_COMP ? 24 : c == C_N ? 6 : c <= C_DELTA ? 10
           : c <= C_TARGET ? 18 : 8.43;
}

/* One row per cycle in order: assessors, self, overall, pillars. The
 * header row is as tall as its longest wrapped name, so that no header runs
 * into its neighbours or the numbers below (LibreOffice keeps a row's
 * stored height). */
static lxw_row_t cycles(struct xw_people *xp, lxw_worksheet *ws, size_t i, lxw_row_t head)
{
    struct xw *x = &xp->x;
    const struct sw_rubric *r = x->r;
    const struct sw_person *p = &xp->g->people[i];
    xw_str(x, ws, head - 1, 0, "Across cycles", x->f.heading);
    static const char *const names[] = { "Cycle", "Assessors", "Self-assessed", "Overall" };
    for (lxw_col_t c = 0; c < 4; c++)
        xw_str(x, ws, head, c, names[c], x->f.header);
    size_t lines = 1;
    for (size_t k = 0; k < r->n_pillars; k++) {
        lxw_col_t c = (lxw_col_t)(4 + k);
        xw_str(x, ws, head, c, r->pillars[k].name, x->f.header);
        size_t n = xw_lines(r->pillars[k].name, column_width(c));
        lines = n > lines ? n : lines;
    }
    for (lxw_col_t c = 0; c < 4; c++) {
        size_t n = xw_lines(names[c], column_width(c));
        lines = n > lines ? n : lines;
    }
    xw_row_lines(x, ws, head, lines);
    lxw_row_t row = head + 1;
    for (size_t k = 0; k < p->n_cycles; k++, row++) {
        const struct sw_growth_cycle *y = &p->cycles[k];
        xw_str(x, ws, row, 0, y->id, x->f.text);
        xw_num(x, ws, row, 1, (double)y->assessors, x->f.count);
        xw_str(x, ws, row, 2, y->self ? "yes" : "no", x->f.text);
        xw_num(x, ws, row, 3, y->overall, x->f.score);
        for (size_t q = 0; q < r->n_pillars; q++)
            xw_num(x, ws, row, (lxw_col_t)(4 + q), y->pillars[q], x->f.score);
    }
    return row;
}

static lxw_chart_series *series(struct xw *x, lxw_chart *chart, const char *sheet,
                                lxw_row_t first, lxw_row_t last, lxw_col_t cats,
                                lxw_col_t values, const char *name)
{
    lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
    if (!s) {
        xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "chart");
        return NULL;
    }
    chart_series_set_categories(s, sheet, first, cats, last, cats);
    chart_series_set_values(s, sheet, first, values, last, values);
    chart_series_set_name(s, name);
    return s;
}

/* The radar of the latest cycle: others filled, self and target as lines. */
static void radar(struct xw_people *xp, lxw_worksheet *ws, size_t i, long next)
{
    struct xw *x = &xp->x;
    const char *sheet = xp->sheet[i];
    lxw_row_t first = T_HEAD + 1, last = (lxw_row_t)(T_HEAD + x->r->n_competencies);
    lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_RADAR_FILLED);
    lxw_chart_series *others = chart ? series(x, chart, sheet, first, last, C_COMP, C_OTHERS,
                                              "Others") : NULL;
    lxw_chart_series *self = others ? series(x, chart, sheet, first, last, C_COMP, C_SELF,
                                             "Self") : NULL;
    lxw_chart_series *target = self && next >= 0
        ? series(x, chart, sheet, first, last, C_COMP, C_TARGET, "Next level's target") : NULL;
    if (!self || (next >= 0 && !target))
        return;
    lxw_chart_fill fill = { .color = 0x4472C4, .transparency = 45 };
    lxw_chart_fill no_fill = { .none = 1 };
    lxw_chart_line blue = { .color = 0x2F5597, .width = 2 };
    lxw_chart_line red = { .color = 0xCC0033, .width = 2.5 };
    /* libxlsxwriter reads colour 0 as "not set": black is LXW_COLOR_BLACK.
     * As 0x000000 the target's line was written without a colour, so
     * LibreOffice drew neither the line nor its legend sample. */
    lxw_chart_line dash = { .color = LXW_COLOR_BLACK, .width = 2,
                            .dash_type = LXW_CHART_LINE_DASH_DASH };
    chart_series_set_fill(others, &fill);
    chart_series_set_line(others, &blue);
    chart_series_set_fill(self, &no_fill);
    chart_series_set_line(self, &red);
    if (target) {
        chart_series_set_fill(target, &no_fill);
        chart_series_set_line(target, &dash);
    }
    chart_title_set_name(chart, "Latest cycle: others, self and the next level's target");
    lxw_chart_font tf = { .size = 12, .bold = 1 };
    chart_title_set_name_font(chart, &tf);
    xw_radar_axis(x, chart);
    lxw_chart_options o = { .x_offset = 4, .y_offset = 4, .x_scale = 1.3, .y_scale = 1.35,
                            .description = "Radar chart of the others' means, the self "
                                           "ratings and the next level's target" };
    xw_check(x, worksheet_insert_chart_opt(ws, T_HEAD - 1, C_CHART, chart, &o), "chart");
}

/* Overall and pillar scores across cycles, rows first..last of the cycles table. */
static void growth_chart(struct xw_people *xp, lxw_worksheet *ws, size_t i, lxw_row_t first,
                         lxw_row_t last)
{
    struct xw *x = &xp->x;
    const struct sw_rubric *r = x->r;
    lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_LINE);
    if (!chart || !series(x, chart, xp->sheet[i], first, last, 0, 3, "Overall"))
        return;
    for (size_t q = 0; q < r->n_pillars; q++)
        if (!series(x, chart, xp->sheet[i], first, last, 0, (lxw_col_t)(4 + q),
                    r->pillars[q].name))
            return;
    chart_title_set_name(chart, "Overall and pillar scores across cycles");
    lxw_chart_font tf = { .size = 12, .bold = 1 };
    chart_title_set_name_font(chart, &tf);
    chart_axis_set_min(chart->y_axis, r->scale.min);
    chart_axis_set_max(chart->y_axis, r->scale.max);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options o = { .x_offset = 4, .y_offset = 4, .x_scale = 1.3, .y_scale = 1.1,
                            .description = "Line chart of the overall and pillar scores "
                                           "across review cycles" };
    xw_check(x, worksheet_insert_chart_opt(ws, T_HEAD - 1 + CHART_ROWS + 2, C_CHART, chart, &o),
             "chart");
}

void xp_person_sheet(struct xw_people *xp, size_t i, struct sw_promotion *pr)
{
    struct xw *x = &xp->x;
    const struct sw_person *p = &xp->g->people[i];
    lxw_worksheet *ws = xw_sheet(x, xp->sheet[i], T_HEAD, T_HEAD);
    if (!ws)
        return;
    char title[512];
    snprintf(title, sizeof title, "%s (%s)", xp->shown[i], p->id);
    xw_merged(x, ws, 0, 0, C_TARGET, title, x->f.title);
    worksheet_set_column(ws, C_CYCLE, C_CYCLE, 12, NULL);
    worksheet_set_column(ws, C_PILLAR, C_COMP, 24, NULL);
    worksheet_set_column(ws, C_N, C_N, 6, NULL);
    worksheet_set_column(ws, C_OTHERS, C_DELTA, 10, NULL);
    worksheet_set_column(ws, C_FLAGS, C_FLAGS, 18, NULL);
    worksheet_set_column(ws, C_TARGET, C_TARGET, 18, NULL);
    if (!p->n_cycles) {
        xw_str(x, ws, 1, 0, "No submitted assessment yet.", x->f.subtitle);
        return;
    }
    long next;
    xp_readiness(xp, i, pr, &next);
    subtitle(xp, ws, i, pr, next);
    lxw_row_t after = rule13(xp, ws, i, next);
    lxw_row_t chart_end = T_HEAD + 2 * CHART_ROWS + 4;
    lxw_row_t head = (after > chart_end ? after : chart_end) + 2;
    lxw_row_t end = cycles(xp, ws, i, head);
    radar(xp, ws, i, next);
    growth_chart(xp, ws, i, head + 1, end - 1);
}
