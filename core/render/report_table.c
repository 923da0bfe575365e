/* report_table.c - the report and compare tables of report.h. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "render/termtable.h"
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

/* The flags' words, "split,below"; returns their width. */
static size_t flag_words(struct sw_buf *b, unsigned flags)
{
    static const char *const words[] = { "split", "below", "unassessed" };
    size_t start = b->len;
    for (unsigned f = 1, i = 0; f <= SW_FLAG_UNASSESSED; f <<= 1, i++)
        if (flags & f)
            sw_buf_addf(b, "%s%s", b->len > start ? "," : "", words[i]);
    return b->len - start;
}

static void add_flags(struct sw_buf *b, unsigned flags, int color)
{
    if (!flags)
        return;
    paint(b, color, (flags & SW_FLAG_UNASSESSED) ? DIM : RED);
    flag_words(b, flags);
    paint(b, color, RESET);
}

/* The packet's first lines, each wrapped at 80 columns: name (id) and
 * level; decision, archetype, overall, shortfall; the scorecards and who
 * wrote them; the recommendation tally. */
static void packet_header(struct sw_buf *b, const struct sw_aggregate *a,
                          const struct sw_candidate *c, int color)
{
    const struct sw_rubric *r = a->rubric;
    struct sw_buf t = SW_BUF_INIT;
    paint(b, color, BOLD);
    size_t col = sw_text_flow(b, c->name ? c->name : c->id, 0, 2, 80);
    paint(b, color, RESET);
    if (c->name)
        sw_buf_addf(&t, " (%s)", c->id);
    sw_buf_addf(&t, " \u00b7 %s", c->level >= 0 ? r->levels[c->level].name : "no level");
    sw_text_wrap(b, sw_buf_str(&t), col, 2, 80);
    sw_buf_adds(b, "  decision: ");
    paint(b, color, decision_color(c->decision));
    sw_buf_adds(b, sw_decision_name(c->decision));
    paint(b, color, RESET);
    sw_buf_reset(&t);
    sw_buf_addf(&t, " \u00b7 archetype: %s \u00b7 overall ",
                c->archetype >= 0 ? r->archetypes[c->archetype].name : "-");
    sw_text_number(&t, c->overall, 2, 0, 0);
    sw_buf_adds(&t, " \u00b7 shortfall ");
    sw_text_number(&t, c->shortfall, 2, 0, 0);
    sw_text_wrap(b, sw_buf_str(&t), 12 + strlen(sw_decision_name(c->decision)), 4, 80);
    sw_buf_reset(&t);
    sw_buf_addf(&t, "%zu scorecard%s, %zu pending", c->scorecards,
                c->scorecards == 1 ? "" : "s", c->pending);
    for (size_t i = 0; i < c->n_interviewers; i++)
        sw_buf_addf(&t, "%s%s", i ? ", " : "; by ", a->interviewers[c->interviewers[i]]);
    sw_buf_adds(b, "  ");
    sw_text_wrap(b, sw_buf_str(&t), 2, 4, 80);
    sw_buf_reset(&t);
    sw_buf_adds(&t, "recommendations:");
    for (int k = SW_REC_COUNT - 1; k >= 0; k--)
        sw_buf_addf(&t, " %s %zu%s", sw_recommendation_name((enum sw_recommendation)k),
                    c->recommendations[k], k ? "," : "");
    sw_buf_adds(b, "  ");
    sw_text_wrap(b, sw_buf_str(&t), 2, 4, 80);
    b->failed |= t.failed;
    sw_buf_release(&t);
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

/* A competency row's columns after the name: n, mean, min-max, target, gap,
 * a space and the bar. */
#define ROW_FIXED (3 + 6 + 10 + 6 + 7 + 1 + BAR)
#define NAME_WIDTH 22       /* the name column when the flags leave room */
#define NAME_MIN 10         /* narrower than this, the flags go on a line of their own */

/* The name column's width for candidate c: NAME_WIDTH, less what the
 * widest flags need to end by column 80; 0 when that would pass NAME_MIN. */
static size_t name_width(const struct sw_aggregate *a, const struct sw_candidate *c)
{
    size_t widest = 0;
    struct sw_buf words = SW_BUF_INIT;
    for (size_t k = 0; k < a->rubric->n_competencies; k++) {
        sw_buf_reset(&words);
        size_t w = flag_words(&words, c->competencies[k].flags);
        widest = w > widest ? w : widest;
    }
    sw_buf_release(&words);
    size_t need = 2 + NAME_WIDTH + ROW_FIXED + (widest ? 1 + widest : 0);
    if (need <= 80)
        return NAME_WIDTH;
    return need - 80 <= NAME_WIDTH - NAME_MIN ? NAME_WIDTH - (need - 80) : 0;
}

static void competency_row(struct sw_buf *b, const struct sw_aggregate *a,
                           const struct sw_candidate *c, size_t k, size_t name_w, int color)
{
    const struct sw_rubric *r = a->rubric;
    const struct sw_competency_stats *st = &c->competencies[k];
    sw_buf_adds(b, "  ");
    sw_text_cell(b, r->competencies[k].name, name_w ? name_w : NAME_MIN);
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
    if (st->flags)
        sw_buf_adds(b, name_w ? " " : "\n    flags: ");
    add_flags(b, st->flags, color);
    sw_buf_addc(b, '\n');
}

static void packet(struct sw_buf *b, const struct sw_aggregate *a, const struct sw_candidate *c,
                   int color)
{
    const struct sw_rubric *r = a->rubric;
    size_t name_w = name_width(a, c), shown = name_w ? name_w : NAME_MIN;
    packet_header(b, a, c, color);
    sw_buf_adds(b, "\n");
    sw_text_cell(b, "", shown + 2);
    sw_buf_adds(b, "  n  mean   min-max target   gap ");
    add_bar_header(b, &r->scale);
    sw_buf_adds(b, name_w ? " flags\n" : "\n");
    for (size_t p = 0; p < r->n_pillars; p++) {
        paint(b, color, BOLD);
        sw_text_cell(b, r->pillars[p].name, shown + 5);
        paint(b, color, RESET);
        sw_text_number(b, c->pillars[p], 2, 6, 0);
        sw_buf_addc(b, '\n');
        for (size_t k = r->pillars[p].first; k < r->pillars[p].first + r->pillars[p].count; k++)
            competency_row(b, a, c, k, name_w, color);
    }
}

static void legend(struct sw_buf *b, const struct sw_rubric *r)
{
    struct sw_buf t = SW_BUF_INIT;
    sw_buf_addf(&t, "Scale %g to %g", r->scale.min, r->scale.max);
    for (size_t i = 0; i < r->scale.n_anchors; i++)
        sw_buf_addf(&t, "%s%g %s", i ? ", " : ": ", r->scale.anchors[i].value,
                    r->scale.anchors[i].label);
    sw_buf_adds(&t, ".");
    sw_text_wrap(b, sw_buf_str(&t), 0, 0, 80);
    sw_buf_adds(b, "Bars fill to the mean; | marks the level's target.\n");
    sw_buf_reset(&t);
    sw_buf_addf(&t, "Flags: split = interviewers %g or more apart; below = %g or more under "
                    "target; unassessed = no submitted score.",
                r->policy.disagreement, r->policy.gap);
    sw_text_wrap(b, sw_buf_str(&t), 0, 0, 80);
    b->failed |= t.failed;
    sw_buf_release(&t);
}

int sw_report_table(const struct sw_aggregate *a, const size_t *order, int color,
                    struct sw_buf *out, struct sw_errors *errs)
{
    if (sw_aggregate_require_finished(a, errs) < 0)
        return -1;
    if (a->n_candidates == 0) {
        sw_buf_adds(out, "No scorecards found.\n");
        return out->failed ? sw_buf_fail(out, errs, "report") : 0;
    }
    legend(out, a->rubric);
    for (size_t i = 0; i < a->n_candidates; i++) {
        sw_buf_adds(out, "\n");
        for (int k = 0; k < 80; k++)
            sw_buf_adds(out, "\u2500");
        sw_buf_adds(out, "\n");
        packet(out, a, &a->candidates[ORDER(order, i)], color);
    }
    return out->failed ? sw_buf_fail(out, errs, "report") : 0;
}

/* --- compare --------------------------------------------------------------- */

/* Pillars' short names for column headers, 24 bytes each: the
 * first letter of each word ("Technical Acumen" -> "TA"; any script), at
 * most 4 columns. When two would be the same, or one is empty, every pillar
 * is P1, P2... instead, so no two columns ever share a header. */
static void short_names(const struct sw_rubric *r, char (*out)[24])
{
    int clash = 0;
    for (size_t p = 0; p < r->n_pillars; p++) {
        struct sw_buf b = SW_BUF_INIT;
        const char *name = r->pillars[p].name;
        for (const char *q = name; *q; q++) {
            unsigned char ch = (unsigned char)*q;
            if ((q != name && q[-1] != ' ') || ch == ' ' || (ch < 0x80 && !isalnum(ch)))
                continue;
            size_t n = sw_text_fit(q, (size_t)-1, 1);
            n = n ? n : sw_text_fit(q, (size_t)-1, 2);
            if (n == 0 || sw_text_width(sw_buf_str(&b)) + sw_text_width(q) - sw_text_width(q + n) > 4)
                break;
            sw_buf_add(&b, q, n);
        }
        snprintf(out[p], 24, "%s", b.failed ? "" : sw_buf_str(&b));
        sw_buf_release(&b);
        clash |= out[p][0] == '\0';
        for (size_t q = 0; q < p; q++)
            clash |= strcmp(out[p], out[q]) == 0;
    }
    for (size_t p = 0; clash && p < r->n_pillars; p++)
        snprintf(out[p], 24, "P%zu", p + 1);
}

static const char *number(double v, int decimals, char *text, size_t size)
{
    if (isnan(v))
        snprintf(text, size, "-");
    else
        snprintf(text, size, "%.*f", decimals, fabs(v) < 0.005 ? 0.0 : v);
    return text;
}

/* One row of the compare table. */
static void compare_row(struct sw_table *t, const struct sw_aggregate *a,
                        const struct sw_candidate *c, int color)
{
    const struct sw_rubric *r = a->rubric;
    char text[96];
    sw_table_add(t, c->id, NULL);
    sw_table_add(t, c->name ? c->name : "-", NULL);
    sw_table_add(t, number(c->overall, 2, text, sizeof text), NULL);
    for (size_t p = 0; p < r->n_pillars; p++)
        sw_table_add(t, number(c->pillars[p], 2, text, sizeof text), NULL);
    sw_table_add(t, number(c->shortfall, 2, text, sizeof text), NULL);
    sw_table_add(t, c->decision == SW_DECISION_INSUFFICIENT_EVIDENCE
                    ? "insufficient" : sw_decision_name(c->decision),
                 color ? decision_color(c->decision) : NULL);
    sw_table_add(t, c->archetype >= 0 ? r->archetypes[c->archetype].name : "-", NULL);
    snprintf(text, sizeof text, "%zu/%zu/%zu/%zu", c->recommendations[SW_REC_STRONG_NO_HIRE],
             c->recommendations[SW_REC_NO_HIRE], c->recommendations[SW_REC_HIRE],
             c->recommendations[SW_REC_STRONG_HIRE]);
    sw_table_add(t, text, NULL);
    size_t flags = 0;
    for (size_t k = 0; k < r->n_competencies; k++)
        for (unsigned f = c->competencies[k].flags; f; f &= f - 1)
            flags++;
    snprintf(text, sizeof text, "%zu", flags);
    sw_table_add(t, text, NULL);
}

/* The legend under the compare table: what the short headers stand for. */
static void compare_legend(struct sw_buf *out, const struct sw_rubric *r, char (*names)[24])
{
    struct sw_buf text = SW_BUF_INIT;
    sw_buf_adds(&text, "Pillars:");
    for (size_t p = 0; p < r->n_pillars; p++) {
        sw_buf_addf(&text, "%s %s = ", p ? "," : "", names[p]);
        sw_text_add(&text, r->pillars[p].name, (size_t)-1);
    }
    sw_buf_adds(&text, ". short = shortfall against the level's targets; sn/n/h/sh = "
                         "strong-no-hire, no-hire, hire, strong-hire recommendations.");
    sw_buf_addc(out, '\n');
    sw_text_wrap(out, text.failed ? "" : sw_buf_str(&text), 0, 0, 80);
    out->failed |= text.failed;
    sw_buf_release(&text);
}

int sw_compare_table(const struct sw_aggregate *a, const size_t *order, int color,
                     struct sw_buf *out, struct sw_errors *errs)
{
    if (sw_aggregate_require_finished(a, errs) < 0)
        return -1;
    const struct sw_rubric *r = a->rubric;
    if (a->n_candidates == 0) {
        sw_buf_adds(out, "No scorecards found.\n");
        return out->failed ? sw_buf_fail(out, errs, "comparison") : 0;
    }
    size_t n = r->n_pillars + 8;
    struct sw_table_column *cols = calloc(n, sizeof *cols);
    char (*names)[24] = calloc(r->n_pillars + 1, sizeof *names);
    if (!cols || !names) {
        free(cols);
        free(names);
        out->failed = 1;
        return sw_buf_fail(out, errs, "comparison");
    }
    short_names(r, names);
    /* The id leads (and leads each block): two long names cut alike stay
     * apart. */
    cols[0] = (struct sw_table_column){ "id", 0, 0 };
    cols[1] = (struct sw_table_column){ "candidate", 0, 12 };
    cols[2] = (struct sw_table_column){ "overall", 1, 0 };
    for (size_t p = 0; p < r->n_pillars; p++)
        cols[3 + p] = (struct sw_table_column){ names[p], 1, 0 };
    cols[n - 5] = (struct sw_table_column){ "short", 1, 0 };
    cols[n - 4] = (struct sw_table_column){ "decision", 0, 0 };
    cols[n - 3] = (struct sw_table_column){ "archetype", 0, 10 };
    cols[n - 2] = (struct sw_table_column){ "sn/n/h/sh", 1, 0 };
    cols[n - 1] = (struct sw_table_column){ "flags", 1, 0 };
    struct sw_table t;
    sw_table_init(&t, cols, n);
    for (size_t i = 0; i < a->n_candidates; i++)
        compare_row(&t, a, &a->candidates[ORDER(order, i)], color);
    int rc = sw_table_render(&t, 80, out);
    sw_table_release(&t);
    if (rc == 0)
        compare_legend(out, r, names);
    free(cols);
    free(names);
    if (rc < 0)
        out->failed = 1;
    return out->failed ? sw_buf_fail(out, errs, "comparison") : 0;
}
