/* report_table.c - the report and compare tables of report.h. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report.h"
#include "termtext.h"

#define BAR 12          /* bar cells across the whole scale */

/* ANSI colours, used only when the caller asks for them. */
#define RED "\033[31m"
#define GREEN "\033[32m"
#define YELLOW "\033[33m"
#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RESET "\033[0m"

#define ORDER(order, i) ((order) ? (order)[i] : (i))

static void paint(struct sw_buf *b, int color, const char *code)
{
    if (color)
        sw_buf_adds(b, code);
}

static const char *decision_color(enum sw_decision d)
{
    return d == SW_DECISION_HIRE ? GREEN : d == SW_DECISION_NO_HIRE ? RED : YELLOW;
}

/* Position of v on a bar of `cells` cells, in eighths of a cell. */
static long bar_eighths(const struct sw_scale *s, double v, int cells)
{
    double f = (v - s->min) / (s->max - s->min);
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    return lround(f * cells * 8);
}

/* A bar across the scale filled to `mean` with eighth blocks, '|' at the target. */
static void add_bar(struct sw_buf *b, const struct sw_scale *s, double mean, double target)
{
    static const char *const eighths[] = { "", "\u258f", "\u258e", "\u258d", "\u258c",
                                           "\u258b", "\u258a", "\u2589" };
    long fill = isnan(mean) ? 0 : bar_eighths(s, mean, BAR);
    long mark = isnan(target) ? -1 : bar_eighths(s, target, BAR) / 8;
    if (mark >= BAR)
        mark = BAR - 1;
    for (long cell = 0; cell < BAR; cell++) {
        long in_cell = fill - cell * 8;
        if (cell == mark)
            sw_buf_addc(b, '|');
        else if (in_cell >= 8)
            sw_buf_adds(b, "\u2588");
        else if (in_cell > 0)
            sw_buf_adds(b, eighths[in_cell]);
        else
            sw_buf_adds(b, "\u00b7");
    }
}

/* The anchors' values placed over the bar's columns. */
static void add_bar_header(struct sw_buf *b, const struct sw_scale *s)
{
    char line[BAR + 1];
    memset(line, ' ', BAR);
    line[BAR] = '\0';
    for (size_t i = 0; i < s->n_anchors; i++) {
        char v[16];
        int len = snprintf(v, sizeof v, "%g", s->anchors[i].value);
        long at = bar_eighths(s, s->anchors[i].value, BAR) / 8;
        if (at + len > BAR)
            at = BAR - len;
        if (at >= 0 && len < BAR)
            memcpy(line + at, v, (size_t)len);
    }
    sw_buf_adds(b, line);
}

static void add_flags(struct sw_buf *b, unsigned flags, int color)
{
    if (!flags)
        return;
    sw_buf_addc(b, ' ');
    paint(b, color, (flags & SW_FLAG_UNASSESSED) ? DIM : RED);
    static const char *const words[] = { "split", "below", "unassessed" };
    for (unsigned f = 1, i = 0, first = 1; f <= SW_FLAG_UNASSESSED; f <<= 1, i++) {
        if (flags & f) {
            sw_buf_adds(b, first ? "" : ",");
            sw_buf_adds(b, words[i]);
            first = 0;
        }
    }
    paint(b, color, RESET);
}

/* The column where the next character of b would land. The last line is
 * found from the end: b holds every packet so far. */
static size_t current_column(const struct sw_buf *b)
{
    const char *text = sw_buf_str(b);
    size_t start = b->len;
    while (start > 0 && text[start - 1] != '\n')
        start--;
    return sw_text_width(text + start);
}

static void packet_header(struct sw_buf *b, const struct sw_aggregate *a,
                          const struct sw_candidate *c, int color)
{
    const struct sw_rubric *r = a->rubric;
    paint(b, color, BOLD);
    sw_text_add(b, c->name ? c->name : c->id, (size_t)-1);
    paint(b, color, RESET);
    if (c->name)
        sw_buf_addf(b, " (%s)", c->id);
    if (c->level >= 0)
        sw_buf_addf(b, " \u00b7 %s", r->levels[c->level].name);
    else
        sw_buf_adds(b, " \u00b7 no level");
    sw_buf_adds(b, "\n  decision: ");
    paint(b, color, decision_color(c->decision));
    sw_buf_adds(b, sw_decision_name(c->decision));
    paint(b, color, RESET);
    sw_buf_addf(b, " \u00b7 archetype: %s \u00b7 overall ",
                c->archetype >= 0 ? r->archetypes[c->archetype].name : "-");
    sw_text_number(b, c->overall, 2, 0, 0);
    sw_buf_adds(b, " \u00b7 shortfall ");
    sw_text_number(b, c->shortfall, 2, 0, 0);
    sw_buf_addf(b, "\n  %zu scorecard%s, %zu pending", c->scorecards,
                c->scorecards == 1 ? "" : "s", c->pending);
    struct sw_buf who = SW_BUF_INIT;
    for (size_t i = 0; i < c->n_interviewers; i++)
        sw_buf_addf(&who, "%s%s", i ? ", " : "", a->interviewers[c->interviewers[i]]);
    if (c->n_interviewers) {
        sw_buf_adds(b, "; by ");
        sw_text_wrap(b, sw_buf_str(&who), current_column(b), 4, 80);
    } else {
        sw_buf_addc(b, '\n');
    }
    sw_buf_release(&who);
    sw_buf_adds(b, "  recommendations:");
    for (int k = SW_REC_COUNT - 1; k >= 0; k--)
        sw_buf_addf(b, " %s %zu%s", sw_recommendation_name((enum sw_recommendation)k),
                    c->recommendations[k], k ? "," : "\n");
}

/* v with 2 decimals as printf rounds them (the mean column's rounding), trailing
 * zeros dropped: 4 -> "4", 4.125 -> "4.12", 3.5 -> "3.5". */
static const char *short_number(double v, char *text, size_t size)
{
    snprintf(text, size, "%.2f", v);
    char *end = text + strlen(text);
    while (end > text && end[-1] == '0')
        *--end = '\0';
    if (end > text && end[-1] == '.')
        *--end = '\0';
    return text;
}

static void competency_row(struct sw_buf *b, const struct sw_aggregate *a,
                           const struct sw_candidate *c, size_t k, int color)
{
    const struct sw_rubric *r = a->rubric;
    const struct sw_competency_stats *st = &c->competencies[k];
    sw_buf_adds(b, "  ");
    sw_text_cell(b, r->competencies[k].name, 22);
    sw_buf_addf(b, "%3zu", st->n);
    sw_text_number(b, st->mean, 2, 6, 0);
    char range[48] = "-";
    if (st->n) {
        char lo[20], hi[20];
        snprintf(range, sizeof range, "%s-%s", short_number(st->min, lo, sizeof lo),
                 short_number(st->max, hi, sizeof hi));
    }
    sw_text_cell_right(b, range, 10);
    sw_text_number(b, st->target, 2, 6, 0);
    if (color && (st->flags & SW_FLAG_BELOW_TARGET))
        sw_buf_adds(b, RED);
    sw_text_number(b, st->gap, 2, 7, 1);
    paint(b, color && (st->flags & SW_FLAG_BELOW_TARGET), RESET);
    sw_buf_addc(b, ' ');
    add_bar(b, &r->scale, st->mean, st->target);
    add_flags(b, st->flags, color);
    sw_buf_addc(b, '\n');
}

static void packet(struct sw_buf *b, const struct sw_aggregate *a, const struct sw_candidate *c,
                   int color)
{
    const struct sw_rubric *r = a->rubric;
    packet_header(b, a, c, color);
    sw_buf_adds(b, "\n");
    sw_text_cell(b, "", 24);
    sw_buf_adds(b, "  n  mean   min-max target   gap ");
    add_bar_header(b, &r->scale);
    sw_buf_adds(b, " flags\n");
    for (size_t p = 0; p < r->n_pillars; p++) {
        paint(b, color, BOLD);
        sw_text_cell(b, r->pillars[p].name, 27);
        paint(b, color, RESET);
        sw_text_number(b, c->pillars[p], 2, 6, 0);
        sw_buf_addc(b, '\n');
        for (size_t k = r->pillars[p].first; k < r->pillars[p].first + r->pillars[p].count; k++)
            competency_row(b, a, c, k, color);
    }
}

static void legend(struct sw_buf *b, const struct sw_rubric *r)
{
    sw_buf_addf(b, "Scale %g to %g", r->scale.min, r->scale.max);
    for (size_t i = 0; i < r->scale.n_anchors; i++)
        sw_buf_addf(b, "%s%g %s", i ? ", " : ": ", r->scale.anchors[i].value,
                    r->scale.anchors[i].label);
    sw_buf_addf(b, ".\nBars fill to the mean; | marks the level's target.\n"
                   "Flags: split = interviewers %g or more apart; below = %g or more under "
                   "target;\nunassessed = no submitted score.\n",
                r->policy.disagreement, r->policy.gap);
}

int sw_report_table(const struct sw_aggregate *a, const size_t *order, int color,
                    struct sw_buf *out)
{
    if (!a->finished)
        return -1;
    if (a->n_candidates == 0) {
        sw_buf_adds(out, "No scorecards found.\n");
        return out->failed ? -1 : 0;
    }
    legend(out, a->rubric);
    for (size_t i = 0; i < a->n_candidates; i++) {
        sw_buf_adds(out, "\n");
        for (int k = 0; k < 80; k++)
            sw_buf_adds(out, "\u2500");
        sw_buf_adds(out, "\n");
        packet(out, a, &a->candidates[ORDER(order, i)], color);
    }
    return out->failed ? -1 : 0;
}

/* --- compare --------------------------------------------------------------- */

/* A pillar's short name: the initials of its words ("Technical Acumen" -> "TA"). */
static void initials(const char *name, char *out, size_t size)
{
    size_t n = 0;
    for (const char *p = name; *p && n + 1 < size; p++)
        if ((p == name || p[-1] == ' ') && *p != ' ' && *p != '&' && (*p & 0x80) == 0)
            out[n++] = *p;
    out[n] = '\0';
}

int sw_compare_table(const struct sw_aggregate *a, const size_t *order, int color,
                     struct sw_buf *out)
{
    if (!a->finished)
        return -1;
    const struct sw_rubric *r = a->rubric;
    if (a->n_candidates == 0) {
        sw_buf_adds(out, "No scorecards found.\n");
        return out->failed ? -1 : 0;
    }
    sw_text_cell(out, "candidate", 24);
    sw_buf_adds(out, "overall");
    for (size_t p = 0; p < r->n_pillars; p++) {
        char short_name[8];
        initials(r->pillars[p].name, short_name, sizeof short_name);
        sw_text_cell_right(out, short_name, 6);
    }
    sw_buf_adds(out, "  short  decision      archetype      sn/n/h/sh flags\n");
    for (size_t i = 0; i < a->n_candidates; i++) {
        const struct sw_candidate *c = &a->candidates[ORDER(order, i)];
        char label[256];
        snprintf(label, sizeof label, "%s", c->name ? c->name : c->id);
        sw_text_cell(out, label, 23);
        sw_buf_addc(out, ' ');
        sw_text_number(out, c->overall, 2, 7, 0);
        for (size_t p = 0; p < r->n_pillars; p++)
            sw_text_number(out, c->pillars[p], 2, 6, 0);
        sw_text_number(out, c->shortfall, 2, 7, 0);
        sw_buf_adds(out, "  ");
        paint(out, color, decision_color(c->decision));
        sw_text_cell(out, c->decision == SW_DECISION_INSUFFICIENT_EVIDENCE ? "insufficient"
                                                                           : sw_decision_name(c->decision), 12);
        paint(out, color, RESET);
        sw_buf_addc(out, ' ');
        sw_text_cell(out, c->archetype >= 0 ? r->archetypes[c->archetype].name : "-", 14);
        char tally[48];
        snprintf(tally, sizeof tally, "%zu/%zu/%zu/%zu", c->recommendations[SW_REC_STRONG_NO_HIRE],
                 c->recommendations[SW_REC_NO_HIRE], c->recommendations[SW_REC_HIRE],
                 c->recommendations[SW_REC_STRONG_HIRE]);
        sw_text_cell_right(out, tally, 10);
        size_t flags = 0;
        for (size_t k = 0; k < r->n_competencies; k++)
            for (unsigned f = c->competencies[k].flags; f; f &= f - 1)
                flags++;
        sw_buf_addf(out, "%6zu\n", flags);
    }
    sw_buf_adds(out, "\nPillars:");
    for (size_t p = 0; p < r->n_pillars; p++) {
        char short_name[8];
        initials(r->pillars[p].name, short_name, sizeof short_name);
        sw_buf_addf(out, "%s %s = %s", p ? "," : "", short_name, r->pillars[p].name);
    }
    sw_buf_adds(out, ".\nshort = shortfall against the level's targets; sn/n/h/sh = "
                     "strong-no-hire,\nno-hire, hire, strong-hire recommendations.\n");
    return out->failed ? -1 : 0;
}
