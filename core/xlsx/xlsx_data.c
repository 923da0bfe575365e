/* xlsx_data.c - the workbook's Data sheets: one row per submitted score,
 * split over several sheets when the rows exceed a sheet's limit. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xlsx_int.h"

void xw_data_name(size_t part, char *out, size_t size)
{
    if (part <= 1)
        snprintf(out, size, "Data");
    else
        snprintf(out, size, "Data %zu", part);
}

static const char *const data_head[] = { "Candidate", "Id", "Interviewer", "Interview",
                                         "Pillar", "Competency", "Score", "Recommendation" };

/* Column widths for the Data sheets, in characters. */
static void data_widths(const struct xw *x, double width[8])
{
    const struct sw_aggregate *a = x->a;
    const struct sw_rubric *r = x->r;
    size_t w[8] = { 9, 4, 11, 9, 6, 10, 6, 14 };
    for (size_t i = 0; i < a->n_candidates; i++) {
        if (xw_width(x->shown[i]) > w[0])
            w[0] = xw_width(x->shown[i]);
        if (xw_width(x->shown_id[i]) > w[1])
            w[1] = xw_width(x->shown_id[i]);
    }
    for (size_t i = 0; i < a->n_interviewers; i++)
        if (xw_width(a->interviewers[i]) > w[2])
            w[2] = xw_width(a->interviewers[i]);
    for (size_t i = 0; i < r->n_interviews; i++)
        if (xw_width(r->interviews[i].name) > w[3])
            w[3] = xw_width(r->interviews[i].name);
    for (size_t i = 0; i < r->n_pillars; i++)
        if (xw_width(r->pillars[i].name) > w[4])
            w[4] = xw_width(r->pillars[i].name);
    for (size_t i = 0; i < r->n_competencies; i++)
        if (xw_width(r->competencies[i].name) > w[5])
            w[5] = xw_width(r->competencies[i].name);
    for (int col = 0; col < 8; col++)
        width[col] = xw_fit(w[col], 8, 40) + 2;
}

/* Data sheet `part` with its header row. */
static lxw_worksheet *data_sheet(struct xw *x, size_t part, const double width[8])
{
    char name[32];
    xw_data_name(part, name, sizeof name);
    lxw_worksheet *ws = xw_sheet(x, name, 0, 0);
    if (!ws)
        return NULL;
    for (lxw_col_t col = 0; col < 8; col++)
        xw_column(x, ws, col, col, width[col]);
    for (lxw_col_t col = 0; col < 8; col++)
        xw_str(x, ws, 0, col, data_head[col], x->f.header);
    return ws;
}

/* Ends Data sheet `part`, rows 1..rows under the header: frozen header, and
 * a table over it (a filter when streamed, or empty). */
static void data_end(struct xw *x, lxw_worksheet *ws, size_t part, lxw_row_t rows)
{
    if (!ws)
        return;
    worksheet_freeze_panes(ws, 1, 0);
    if (x->failed)
        return;
    if (x->constant_memory || rows == 0) {
        xw_check(x, worksheet_autofilter(ws, 0, 0, rows, 7), "filter");
        xw_sheet_done(x);
        return;
    }
    lxw_table_column cols[8], *colp[9];
    memset(cols, 0, sizeof cols);
    for (int i = 0; i < 8; i++) {
        cols[i].header = (char *)data_head[i];
        cols[i].header_format = x->f.header;
        colp[i] = &cols[i];
    }
    colp[8] = NULL;
    char table[32];
    if (part <= 1)
        snprintf(table, sizeof table, "Scores");
    else
        snprintf(table, sizeof table, "Scores_%zu", part);
    lxw_table_options o;
    memset(&o, 0, sizeof o);
    o.name = table;
    o.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
    o.style_type_number = 9;
    o.columns = colp;
    xw_check(x, worksheet_add_table(ws, 0, 0, rows, 7, &o), "table");
    xw_sheet_done(x);
}

void xw_data(struct xw *x)
{
    const struct sw_aggregate *a = x->a;
    const struct sw_rubric *r = x->r;
    double width[8];
    data_widths(x, width);
    size_t part = 1;
    lxw_worksheet *ws = data_sheet(x, part, width);
    lxw_row_t row = 0;    /* the last row written */
    for (size_t i = 0; i < a->n_candidates && ws; i++) {
        size_t ci = x->order[i];
        for (size_t j = x->cards_at[ci]; j < x->cards_at[ci + 1]; j++) {
            const struct sw_card *card = &a->cards[x->cards[j]];
            for (size_t k = 0; card->submitted && k < r->n_competencies && ws; k++) {
                if (isnan(card->scores[k]))
                    continue;
                if (row == x->data_rows) {
                    data_end(x, ws, part, row);
                    ws = data_sheet(x, ++part, width);
                    row = 0;
                }
                row++;
                xw_str(x, ws, row, 0, x->shown[ci], NULL);
                xw_str(x, ws, row, 1, x->shown_id[ci], NULL);
                xw_str(x, ws, row, 2, a->interviewers[card->interviewer], NULL);
                xw_str(x, ws, row, 3, r->interviews[card->interview].name, NULL);
                xw_str(x, ws, row, 4, r->pillars[r->competencies[k].pillar].name, NULL);
                xw_str(x, ws, row, 5, r->competencies[k].name, NULL);
                xw_num(x, ws, row, 6, card->scores[k], x->f.score);
                xw_str(x, ws, row, 7, sw_recommendation_name(card->recommendation),
                       x->f.indent);
            }
        }
    }
    data_end(x, ws, part, row);
}
