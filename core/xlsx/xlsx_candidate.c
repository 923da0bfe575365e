/* xlsx_candidate.c - one candidate's sheet of the committee workbook: its
 * figures, the competency table, the wheel, the interviewers' matrix and the
 * evidence, read again from its scorecard files. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx_int.h"

/* Columns of the competency table. */
enum { C_PILLAR, C_COMP, C_N, C_MEAN, C_MEDIAN, C_MIN, C_MAX, C_SD, C_TARGET, C_GAP, C_FLAGS };
#define C_CHART (C_FLAGS + 2)
#define C_ADJUSTED (C_FLAGS + 1)    /* with severity only: between Flags and the chart */
#define C_EVIDENCE C_N
#define KV_FIRST 3
#define CHART_WIDTH 640
#define CHART_HEIGHT 500
/* The numbers' columns, also the matrix's and the evidence's. */
#define NUM_WIDTH 10.0
#define ROW_PIXELS 20

struct cand {
    struct xw *x;
    size_t ci;
    const struct sw_candidate *c;
    lxw_worksheet *ws;
    struct sw_scorecard **cards;    /* loaded, parallel to x->cards[first..end) */
    size_t first, end, submitted;
    const char **names;             /* every candidate-name on its scorecards */
    size_t n_names;
    double w_pillar, w_comp, w_flags;
    struct sw_buf text;             /* scratch for shown_text */
};

/* `s` as the workbook may show it: with the candidate's names replaced by
 * its label when anonymizing. Owned by cd->text until the next call. */
static const char *shown_text(struct cand *cd, const char *s)
{
    if (!cd->x->opt->anonymize)
        return s;
    sw_buf_reset(&cd->text);
    if (sw_xlsx_redact_all(s, cd->names, cd->n_names, cd->c->id, cd->x->label[cd->ci],
                           &cd->text) < 0)
        xw_check(cd->x, LXW_ERROR_MEMORY_MALLOC_FAILED, "evidence");
    return sw_buf_str(&cd->text);
}

static int add_name(struct cand *cd, const char *name)
{
    if (!name || !*name)
        return 0;
    for (size_t i = 0; i < cd->n_names; i++)
        if (strcmp(cd->names[i], name) == 0)
            return 0;
    cd->names[cd->n_names++] = name;
    return 0;
}

/* Reads the candidate's scorecards again, checking each is still the one
 * aggregated. 0 or -1 (errors recorded). */
static int load_cards(struct cand *cd)
{
    struct xw *x = cd->x;
    const struct sw_aggregate *a = x->a;
    size_t n = cd->end - cd->first;
    cd->cards = calloc(n ? n : 1, sizeof *cd->cards);
    cd->names = calloc(n + 1, sizeof *cd->names);
    if (!cd->cards || !cd->names)
        return xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "scorecards");
    cd->n_names = 0;
    add_name(cd, cd->c->name);
    for (size_t j = 0; j < n; j++) {
        const struct sw_card *card = &a->cards[x->cards[cd->first + j]];
        struct sw_scorecard *s = sw_scorecard_load(x->r, card->path, x->errs);
        if (!s) {
            x->failed = 1;
            return -1;
        }
        cd->cards[j] = s;
        if (strcmp(s->candidate, cd->c->id) != 0
            || strcmp(s->interviewer, a->interviewers[card->interviewer]) != 0
            || s->interview != card->interview || s->submitted != card->submitted) {
            sw_fail(x->errs, card->path, s->line,
                    "the scorecard changed while the workbook was being written: export again");
            x->failed = 1;
            return -1;
        }
        add_name(cd, s->candidate_name);
        cd->submitted += (size_t)card->submitted;
    }
    return 0;
}

static const char *flags_text(unsigned flags, char *out, size_t size)
{
    out[0] = '\0';
    for (unsigned f = 1; f <= SW_FLAG_UNASSESSED; f <<= 1)
        if (flags & f)
            snprintf(out + strlen(out), size - strlen(out), "%s%s", out[0] ? ", " : "",
                     sw_flag_name((enum sw_flag)f));
    return out;
}

static void set_columns(struct cand *cd)
{
    struct xw *x = cd->x;
    const struct sw_rubric *r = x->r;
    size_t wp = 15, wc = 10, wf = 5;   /* "Recommendations", "Competency", "Flags" */
    char flags[64];
    for (size_t p = 0; p < r->n_pillars; p++)
        wp = xw_width(r->pillars[p].name) > wp ? xw_width(r->pillars[p].name) : wp;
    for (size_t k = 0; k < r->n_competencies; k++) {
        wc = xw_width(r->competencies[k].name) > wc ? xw_width(r->competencies[k].name) : wc;
        size_t n = strlen(flags_text(cd->c->competencies[k].flags, flags, sizeof flags));
        wf = n > wf ? n : wf;
    }
    cd->w_pillar = (double)(wp < 28 ? wp : 28) + 2;
    cd->w_comp = (double)(wc < 34 ? wc : 34) + 2;
    cd->w_flags = (double)(wf < 28 ? wf : 28) + 2;
    if (cd->w_flags < NUM_WIDTH)
        cd->w_flags = NUM_WIDTH;
    lxw_worksheet *ws = cd->ws;
    xw_column(cd->x, ws, C_PILLAR, C_PILLAR, cd->w_pillar);
    xw_column(cd->x, ws, C_COMP, C_COMP, cd->w_comp);
    xw_column(cd->x, ws, C_N, C_GAP, NUM_WIDTH);
    xw_column(cd->x, ws, C_FLAGS, C_FLAGS, cd->w_flags);
    /* The matrix may need more columns than the table: they sit under the chart. */
    if (cd->submitted + C_N > C_FLAGS + 1)
        xw_column(cd->x, ws, C_FLAGS + 1, (lxw_col_t)(C_N + cd->submitted - 1), NUM_WIDTH);
    else
        xw_column(cd->x, ws, C_FLAGS + 1, C_FLAGS + 1, x->opt->severity ? NUM_WIDTH + 3 : 2);
}

static void key_values(struct cand *cd)
{
    struct xw *x = cd->x;
    const struct sw_candidate *c = cd->c;
    const struct sw_rubric *r = x->r;
    lxw_worksheet *ws = cd->ws;
    lxw_row_t row = KV_FIRST;
    xw_str(x, ws, row, 0, "Decision", x->f.label);
    xw_str(x, ws, row, 1, sw_decision_name(c->decision), x->f.decision[c->decision]);
    xw_str(x, ws, row++, 2, "a suggestion to the committee, never binding", x->f.muted);
    xw_str(x, ws, row, 0, "Overall", x->f.label);
    xw_num(x, ws, row++, 1, c->overall, x->f.left_score);
    xw_str(x, ws, row, 0, "Shortfall", x->f.label);
    xw_num(x, ws, row++, 1, c->shortfall, x->f.left_score);
    xw_str(x, ws, row, 0, "Level", x->f.label);
    xw_str(x, ws, row++, 1, c->level >= 0 ? r->levels[c->level].name : "none known", NULL);
    xw_str(x, ws, row, 0, "Archetype", x->f.label);
    xw_str(x, ws, row++, 1, c->archetype >= 0 ? r->archetypes[c->archetype].name : "none",
           NULL);
    xw_str(x, ws, row, 0, "Scorecards", x->f.label);
    xw_num(x, ws, row++, 1, (double)c->scorecards, x->f.left_count);
    xw_str(x, ws, row, 0, "Pending", x->f.label);
    xw_num(x, ws, row++, 1, (double)c->pending, x->f.left_count);
    struct sw_buf b = SW_BUF_INIT;
    for (int k = 0; k < SW_REC_COUNT; k++)
        sw_buf_addf(&b, "%s%s %zu", k ? " · " : "",
                    sw_recommendation_name((enum sw_recommendation)k), c->recommendations[k]);
    xw_str(x, ws, row, 0, "Recommendations", x->f.label);
    xw_str(x, ws, row++, 1, sw_buf_str(&b), NULL);
    sw_buf_reset(&b);
    for (size_t i = 0; i < c->n_interviewers; i++)
        sw_buf_addf(&b, "%s%s", i ? ", " : "", x->a->interviewers[c->interviewers[i]]);
    xw_str(x, ws, row, 0, "Interviewers", x->f.label);
    xw_str(x, ws, row, 1, sw_buf_str(&b), NULL);
    if (b.failed)
        xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "text");
    sw_buf_release(&b);
}

static enum xw_gap gap_kind(const struct xw *x, double gap)
{
    if (gap <= -x->r->policy.gap + 1e-9)
        return XW_GAP_BELOW;
    return gap < -1e-9 ? XW_GAP_SHORT : XW_GAP_MET;
}

/* The competency table from row `at`; returns the row after it. */
static lxw_row_t competency_table(struct cand *cd, lxw_row_t at)
{
    struct xw *x = cd->x;
    const struct sw_rubric *r = x->r;
    lxw_worksheet *ws = cd->ws;
    xw_str(x, ws, at++, 0, "Competencies", x->f.heading);
    static const char *const head[] = { "Pillar", "Competency", "n", "Mean", "Median", "Min",
                                        "Max", "SD", "Target", "Gap", "Flags" };
    for (lxw_col_t col = 0; col <= C_FLAGS; col++)
        xw_str(x, ws, at, col, head[col], x->f.header);
    double *adjusted = NULL, overall;
    if (x->opt->severity) {
        xw_str(x, ws, at, C_ADJUSTED, "Adjusted mean", x->f.header);
        adjusted = malloc((r->n_competencies + 1) * sizeof *adjusted);
        if (!adjusted)
            xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "adjusted scores");
        else
            sw_severity_means(x->a, x->opt->severity, cd->ci, adjusted, &overall);
    }
    at++;
    char flags[64];
    for (size_t k = 0; k < r->n_competencies; k++, at++) {
        const struct sw_competency_stats *st = &cd->c->competencies[k];
        xw_str(x, ws, at, C_PILLAR, r->pillars[r->competencies[k].pillar].name, NULL);
        xw_str(x, ws, at, C_COMP, r->competencies[k].name, NULL);
        xw_num(x, ws, at, C_N, (double)st->n, x->f.count);
        const double v[] = { st->mean, st->median, st->min, st->max, st->sd, st->target };
        for (int i = 0; i < 6; i++)
            xw_num(x, ws, at, (lxw_col_t)(C_MEAN + i), v[i], x->f.score);
        xw_num(x, ws, at, C_GAP, st->gap, isnan(st->gap) ? NULL : x->f.gap[gap_kind(x, st->gap)]);
        xw_str(x, ws, at, C_FLAGS, flags_text(st->flags, flags, sizeof flags), x->f.indent);
        if (adjusted)
            xw_num(x, ws, at, C_ADJUSTED, adjusted[k], x->f.score);
    }
    free(adjusted);
    xw_heat(x, ws, at - (lxw_row_t)r->n_competencies, C_MEAN, at - 1, C_MAX);
    return at;
}

/* The wheel: the means (filled) against the target (outline), rows first..last. */
static void wheel(struct cand *cd, lxw_row_t first, lxw_row_t last)
{
    struct xw *x = cd->x;
    const char *sheet = x->sheet[cd->ci];
    lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_RADAR_FILLED);
    lxw_chart_series *mean = chart ? chart_add_series(chart, NULL, NULL) : NULL;
    lxw_chart_series *target = NULL;
    if (mean && cd->c->level >= 0)
        target = chart_add_series(chart, NULL, NULL);
    if (!mean || (cd->c->level >= 0 && !target)) {
        xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "chart");
        return;
    }
    chart_series_set_categories(mean, sheet, first, C_COMP, last, C_COMP);
    chart_series_set_values(mean, sheet, first, C_MEAN, last, C_MEAN);
    chart_series_set_name(mean, "Mean");
    lxw_chart_fill fill = { .color = 0x4472C4, .transparency = 45 };
    lxw_chart_line line = { .color = 0x2F5597, .width = 2 };
    chart_series_set_fill(mean, &fill);
    chart_series_set_line(mean, &line);
    if (target) {
        char target_name[160];
        chart_series_set_categories(target, sheet, first, C_COMP, last, C_COMP);
        chart_series_set_values(target, sheet, first, C_TARGET, last, C_TARGET);
        snprintf(target_name, sizeof target_name, "Target (%s)",
                 x->r->levels[cd->c->level].name);
        chart_series_set_name(target, target_name);
        lxw_chart_fill no_fill = { .none = 1 };
        lxw_chart_line dash = { .color = 0xC00000, .width = 2.25,
                                .dash_type = LXW_CHART_LINE_DASH_DASH };
        chart_series_set_fill(target, &no_fill);
        chart_series_set_line(target, &dash);
    }
    chart_title_set_name(chart, target ? "Competency wheel: means against the target"
                                       : "Competency wheel: means (no level, no target)");
    lxw_chart_font tf = { .size = 12, .bold = 1 };
    chart_title_set_name_font(chart, &tf);
    xw_radar_axis(x, chart);
    lxw_chart_options o = { .x_offset = 4, .y_offset = 4,
                            .x_scale = (double)CHART_WIDTH / 480,
                            .y_scale = (double)CHART_HEIGHT / 288,
                            .description = "Radar chart of the competency means against the "
                                           "level's target" };
    xw_check(x, worksheet_insert_chart_opt(cd->ws, KV_FIRST, C_CHART, chart, &o), "chart");
}

/* One column per submitted scorecard: who, which interview, what they
 * recommended, and x(s,c). Returns the row after it. */
static lxw_row_t matrix(struct cand *cd, lxw_row_t at)
{
    struct xw *x = cd->x;
    const struct sw_aggregate *a = x->a;
    const struct sw_rubric *r = x->r;
    lxw_worksheet *ws = cd->ws;
    xw_str(x, ws, at++, 0, "Scores by interviewer", x->f.heading);
    static const char *const labels[] = { "Interviewer", "Interview", "Recommendation" };
    size_t lines = 1;
    for (size_t j = 0; j < cd->submitted; j++) {
        const struct sw_card *card = &a->cards[x->cards[cd->first + j]];
        size_t l = xw_lines(r->interviews[card->interview].name, NUM_WIDTH - 1);
        lines = l > lines ? l : lines;
    }
    for (int i = 0; i < 3; i++, at++) {
        xw_str(x, ws, at, 0, labels[i], x->f.header);
        xw_blank(x, ws, at, 1, x->f.header);
        if (i == 1)
            xw_row_lines(x, ws, at, lines);
        for (size_t j = 0; j < cd->submitted; j++) {
            const struct sw_card *card = &a->cards[x->cards[cd->first + j]];
            const char *s = i == 0 ? a->interviewers[card->interviewer]
                            : i == 1 ? r->interviews[card->interview].name
                                     : sw_recommendation_name(card->recommendation);
            xw_str(x, ws, at, (lxw_col_t)(C_N + j), s, x->f.header);
        }
    }
    lxw_row_t first = at;
    for (size_t k = 0; k < r->n_competencies; k++, at++) {
        xw_str(x, ws, at, C_PILLAR, r->pillars[r->competencies[k].pillar].name, NULL);
        xw_str(x, ws, at, C_COMP, r->competencies[k].name, NULL);
        for (size_t j = 0; j < cd->submitted; j++) {
            const struct sw_card *card = &a->cards[x->cards[cd->first + j]];
            xw_num(x, ws, at, (lxw_col_t)(C_N + j), card->scores[k], x->f.score);
        }
    }
    if (cd->submitted > 0)
        xw_heat(x, ws, first, C_N, at - 1, (lxw_col_t)(C_N + cd->submitted - 1));
    return at;
}

/* What a rating rates: its question's competencies, or its competency. */
static void rated(const struct sw_rubric *r, const struct sw_rating *rt, struct sw_buf *out)
{
    if (rt->question < 0) {
        sw_buf_adds(out, r->competencies[rt->competency].name);
        return;
    }
    const struct sw_question *q = &r->questions[rt->question];
    for (size_t m = 0; m < q->n_measures; m++)
        sw_buf_addf(out, "%s%s", m ? ", " : "", r->competencies[q->measures[m].competency].name);
}

/* Evidence and notes of every submitted scorecard: per rating, what it
 * rates, its score and its question, then the evidence below the question.
 * Returns the row after. */
static lxw_row_t evidence(struct cand *cd, lxw_row_t at)
{
    struct xw *x = cd->x;
    const struct sw_aggregate *a = x->a;
    const struct sw_rubric *r = x->r;
    lxw_worksheet *ws = cd->ws;
    double wide = NUM_WIDTH * (C_GAP - C_EVIDENCE + 1) + cd->w_flags;
    xw_str(x, ws, at++, 0, "Evidence and notes", x->f.heading);
    xw_str(x, ws, at, 0, "Rated", x->f.header);
    xw_str(x, ws, at, 1, "Score", x->f.header);
    xw_merged(x, ws, at++, C_EVIDENCE, C_FLAGS, "Question, then the evidence", x->f.header);
    struct sw_buf what = SW_BUF_INIT, band = SW_BUF_INIT;
    for (size_t j = 0; j < cd->submitted && !x->failed; j++) {
        const struct sw_card *card = &a->cards[x->cards[cd->first + j]];
        const struct sw_scorecard *s = cd->cards[j];
        sw_buf_reset(&band);
        sw_buf_addf(&band, "%s · %s · %s", a->interviewers[card->interviewer],
                    r->interviews[card->interview].name,
                    card->recommendation == SW_REC_NONE
                        ? "no recommendation" : sw_recommendation_name(card->recommendation));
        if (*s->submitted_at)
            sw_buf_addf(&band, " · submitted %s", s->submitted_at);
        xw_str(x, ws, at, 0, sw_buf_str(&band), x->f.band);
        for (lxw_col_t col = 1; col <= C_FLAGS; col++)
            xw_blank(x, ws, at, col, x->f.band);
        at++;
        for (size_t i = 0; i < s->n_ratings; i++) {
            const struct sw_rating *rt = &s->ratings[i];
            if (isnan(rt->value) && !*rt->evidence)
                continue;
            sw_buf_reset(&what);
            rated(r, rt, &what);
            const char *question = rt->question >= 0 ? r->questions[rt->question].text
                                                     : "(rated directly)";
            size_t lines = xw_lines(sw_buf_str(&what), cd->w_pillar);
            size_t l = xw_lines(question, wide);
            xw_row_lines(x, ws, at, l > lines ? l : lines);
            xw_str(x, ws, at, 0, sw_buf_str(&what), x->f.wrap);
            xw_num(x, ws, at, 1, rt->value, x->f.left_score);
            xw_merged(x, ws, at++, C_EVIDENCE, C_FLAGS, question, x->f.question);
            if (*rt->evidence) {
                const char *ev = shown_text(cd, rt->evidence);
                xw_row_lines(x, ws, at, xw_lines(ev, wide));
                xw_merged(x, ws, at++, C_EVIDENCE, C_FLAGS, ev, x->f.wrap);
            }
        }
        if (*s->notes) {
            const char *notes = shown_text(cd, s->notes);
            xw_row_lines(x, ws, at, xw_lines(notes, wide));
            xw_str(x, ws, at, 0, "Notes", x->f.label);
            xw_merged(x, ws, at++, C_EVIDENCE, C_FLAGS, notes, x->f.wrap);
        }
        at++;
    }
    if (what.failed || band.failed)
        xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "evidence");
    sw_buf_release(&what);
    sw_buf_release(&band);
    return at;
}

int xw_candidate_sheet(struct xw *x, size_t ci)
{
    struct cand cd;
    memset(&cd, 0, sizeof cd);
    cd.x = x;
    cd.ci = ci;
    cd.c = &x->a->candidates[ci];
    cd.first = x->cards_at[ci];
    cd.end = x->cards_at[ci + 1];
    sw_buf_init(&cd.text);
    if (load_cards(&cd) == 0 && (cd.ws = xw_sheet(x, x->sheet[ci], 0, 0)) != NULL) {
        const struct sw_rubric *r = x->r;
        set_columns(&cd);
        struct sw_buf sub = SW_BUF_INIT;
        sw_buf_addf(&sub, "Id %s · level %s · rubric %s version %s · exported %s",
                    x->shown_id[ci], cd.c->level >= 0 ? r->levels[cd.c->level].name : "unknown",
                    r->id, r->version, x->when);
        xw_check(x, worksheet_set_row(cd.ws, 0, 24, NULL), "row height");
        xw_str(x, cd.ws, 0, 0, x->shown[ci], x->f.title);
        xw_str(x, cd.ws, 1, 0, sw_buf_str(&sub), x->f.subtitle);
        sw_buf_release(&sub);
        key_values(&cd);
        lxw_row_t table = KV_FIRST + 10;
        lxw_row_t after = competency_table(&cd, table);
        if (r->n_competencies > 0)
            wheel(&cd, table + 2, after - 1);
        lxw_row_t chart_end = KV_FIRST + CHART_HEIGHT / ROW_PIXELS + 1;
        after = matrix(&cd, (after > chart_end ? after : chart_end) + 1);
        /* In constant-memory mode libxlsxwriter holds a sheet's last row until
         * the workbook closes: end with a small one, not a long note. */
        xw_blank(x, cd.ws, evidence(&cd, after + 1), 0, x->f.text);
    }
    for (size_t j = 0; cd.cards && j < cd.end - cd.first; j++)
        sw_scorecard_free(cd.cards[j]);
    free(cd.cards);
    free(cd.names);
    sw_buf_release(&cd.text);
    return x->failed ? -1 : 0;
}
