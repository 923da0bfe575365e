/* audit_table.c - the audit (rule 16) as tables for people: sw_audit_table (audit.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "render/termtable.h"
#include "termtext.h"

#define WIDTH 80

static const struct sw_table_column group_columns[] = {
    { "Group", 0, 12 }, { "n", 1, 0 },    { "Sel", 1, 0 },   { "Sel%", 1, 0 },
    { "SelIR", 1, 0 },  { "Abv", 1, 0 },  { "Abv%", 1, 0 },  { "AbvIR", 1, 0 },
    { "p", 1, 0 },      { "Note", 0, 0 },
};

static void add_count(struct sw_table *t, size_t v)
{
    char text[32];
    if (v == SW_AUDIT_NULL)
        snprintf(text, sizeof text, "-");
    else
        snprintf(text, sizeof text, "%zu", v);
    sw_table_add(t, text, NULL);
}

static void add_ratio(struct sw_table *t, size_t num, size_t den)
{
    char text[64];
    if (num == SW_AUDIT_NULL)
        snprintf(text, sizeof text, "-");
    else
        snprintf(text, sizeof text, "%zu/%zu", num, den);
    sw_table_add(t, text, NULL);
}

static void add_number(struct sw_table *t, double v, double scale, int decimals)
{
    char text[64];
    if (isnan(v))
        snprintf(text, sizeof text, "-");
    else
        snprintf(text, sizeof text, "%.*f", decimals, v * scale);
    sw_table_add(t, text, NULL);
}

static void add_p(struct sw_table *t, double p)
{
    char text[32];
    if (isnan(p))
        snprintf(text, sizeof text, "-");
    else if (p < 0.001)
        snprintf(text, sizeof text, "<0.001");
    else
        snprintf(text, sizeof text, "%.3f", p);
    sw_table_add(t, text, NULL);
}

static const char *note(const struct sw_audit_group *g)
{
    return g->suppressed ? "hidden" : g->flag ? "FLAG" : g->excluded ? "small" : "";
}

static void grouping_table(const struct sw_audit *au, const struct sw_audit_dimension *dim,
                           struct sw_buf *out)
{
    struct sw_buf title = SW_BUF_INIT;
    for (size_t k = 0; k < (dim->id ? 1 : au->n_dimensions); k++)
        sw_buf_addf(&title, "%s%s", k ? " x " : "", dim->id ? dim->id : au->dimensions[k].id);
    sw_buf_addf(out, "\n%s: ", sw_buf_str(&title));
    sw_buf_release(&title);
    if (dim->withheld != SW_AUDIT_NULL)
        sw_buf_addf(out, "%zu candidates withheld (hidden groups and unknown)\n",
                    dim->withheld);
    else
        sw_buf_addf(out, "%zu candidates unknown\n", dim->unknown);
    if (!dim->n_groups) {
        sw_buf_adds(out, "(no groups)\n");
        return;
    }
    struct sw_table t;
    sw_table_init(&t, group_columns, sizeof group_columns / sizeof group_columns[0]);
    for (size_t i = 0; i < dim->n_groups; i++) {
        const struct sw_audit_group *g = &dim->groups[i];
        struct sw_buf label = SW_BUF_INIT;
        sw_audit_label(au, dim, g, "+", &label);
        sw_table_add(&t, sw_buf_str(&label), NULL);
        sw_buf_release(&label);
        add_count(&t, g->n);
        add_ratio(&t, g->selected, g->decided);
        add_number(&t, g->selection_rate, 100, 1);
        add_number(&t, g->selection_impact, 1, 2);
        add_ratio(&t, g->above, g->scored);
        add_number(&t, g->scoring_rate, 100, 1);
        add_number(&t, g->scoring_impact, 1, 2);
        add_p(&t, g->fisher_p);
        sw_table_add(&t, note(g), NULL);
    }
    if (t.failed || sw_table_render(&t, WIDTH, out) < 0)
        out->failed = 1;
    sw_table_release(&t);
}

static const struct sw_table_column gap_columns[] = {
    { "Interviewer", 0, 8 }, { "Dimension", 0, 6 }, { "Group", 0, 6 }, { "In", 1, 0 },
    { "Out", 1, 0 },         { "Gap", 1, 0 },       { "SE", 1, 0 },
};

static void gaps_table(const struct sw_audit *au, const struct sw_aggregate *a,
                       struct sw_buf *out)
{
    if (!au->fitted) {
        sw_buf_adds(out, "\nInterviewer gaps: none computed, as rule 11's severity model "
                         "could not be fitted\nto these scorecards (see calibrate).\n");
        return;
    }
    size_t flagged = 0;
    struct sw_table t;
    sw_table_init(&t, gap_columns, sizeof gap_columns / sizeof gap_columns[0]);
    for (size_t i = 0; i < au->n_gaps; i++) {
        const struct sw_audit_gap *gap = &au->gaps[i];
        if (!gap->flag)
            continue;
        const struct sw_audit_dimension *dim = &au->dimensions[gap->dimension];
        flagged++;
        sw_table_add(&t, a->interviewers[gap->interviewer], NULL);
        sw_table_add(&t, dim->id, NULL);
        sw_table_add(&t, dim->groups[gap->group].values[0], NULL);
        add_count(&t, gap->n_in);
        add_count(&t, gap->n_out);
        add_number(&t, gap->gap, 1, 2);
        add_number(&t, gap->se, 1, 2);
    }
    struct sw_buf say = SW_BUF_INIT;
    sw_buf_addf(&say, "Interviewer gaps: %zu comparisons of an interviewer's scores for a group "
                      "with their scores for the others; %zu flagged%s", au->n_gaps, flagged,
                flagged ? ":" : ".");
    sw_buf_addc(out, '\n');
    sw_text_wrap(out, say.failed ? "" : sw_buf_str(&say), 0, 0, WIDTH);
    out->failed |= say.failed;
    sw_buf_release(&say);
    if (flagged && (t.failed || sw_table_render(&t, WIDTH, out) < 0))
        out->failed = 1;
    sw_table_release(&t);
}

static const char *const reading =
    "How to read this. Sel counts the candidates whose suggested decision (rule 6) is "
    "hire among those decided (hire or no-hire), Sel% is that rate; Abv counts those whose "
    "overall is above the median among those scored, Abv% is that rate. SelIR and AbvIR, the "
    "impact ratios, divide a group's rate by the highest rate of the groups compared. FLAG "
    "marks a ratio under 0.8 (the four-fifths rule): a signal to look closer at how this "
    "step treats the group, not a finding of discrimination. p, Fisher's exact test of the "
    "selection rate against everyone else's, is the chance of a split at least this uneven "
    "if selection did not depend on the group. 'small' groups (under 2 % of candidates) are shown but not "
    "compared; 'hidden' groups (under the policy's min-cell, or hidden so that no hidden "
    "count can be worked out) show no numbers. An interviewer gap is the mean, after rule "
    "11's adjustment, of an interviewer's residual scores for a group minus those for "
    "everyone else, flagged at two standard errors: a reason to read that interviewer's "
    "scorecards, never a verdict; among many comparisons about one in twenty is flagged by "
    "chance alone.";

int sw_audit_table(const struct sw_audit *au, const struct sw_aggregate *a, struct sw_buf *out,
                   struct sw_errors *errs)
{
    char median[32] = "none";
    if (!isnan(au->median_overall))
        snprintf(median, sizeof median, "%.2f", au->median_overall);
    sw_buf_addf(out,
                "Adverse-impact audit (rule 16): %zu candidates with a submitted scorecard,\n"
                "%zu with a suggested decision; median overall %s; groups under %zu hidden.\n",
                au->population, au->decided, median, au->min_cell);
    if (au->unmatched)
        sw_buf_addf(out, "%zu people in the demographics file match no candidate here.\n",
                    au->unmatched);
    for (size_t k = 0; k < au->n_dimensions; k++)
        grouping_table(au, &au->dimensions[k], out);
    if (au->n_dimensions > 1)
        grouping_table(au, &au->intersections, out);
    gaps_table(au, a, out);
    sw_buf_addc(out, '\n');
    sw_text_wrap(out, reading, 0, 0, WIDTH);
    return out->failed ? sw_buf_fail(out, errs, "audit") : 0;
}
