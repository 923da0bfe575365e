/*
 * fuzz_report.c - libFuzzer harness for the whole aggregating path. The bytes
 * are documents separated by FUZZ_SEP lines: a rubric first if it loads (else
 * the rubric the input names, fuzz.h), then scorecards, invalid ones skipped
 * (like --keep-going). Candidates whose id starts with 'm' form a team; every
 * writer of report, compare, calibrate, team and wheel runs on the result and
 * its output is checked: valid UTF-8, JSON that parses, CSV per RFC 4180,
 * well-formed SVG (check.h); the aggregates must obey rules 2 to 6.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "calibrate.h"
#include "check.h"
#include "fuzz.h"
#include "report.h"
#include "scorecard.h"
#include "team.h"
#include "wheel.h"

#define FUZZ_SEP "\n---\n"
#define FUZZ_MAX_CARDS 32
#define FUZZ_MAX_WHEELS 4

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_load_rubrics();
    return 0;
}

FUZZ_PLAIN static void check_text(const struct sw_buf *b)
{
    fuzz_assert(!b->failed);
    fuzz_assert(b->len == 0 || strlen(b->data) == b->len);
    fuzz_assert(fuzz_utf8_ok(b->data, b->len));
}

static void check_json(struct sw_buf *b, int rc)
{
    fuzz_assert(rc == 0);
    check_text(b);
    fuzz_assert(fuzz_json_ok(b->data, b->len));
    sw_buf_reset(b);
}

static void check_csv(struct sw_buf *b, int rc)
{
    fuzz_assert(rc == 0);
    check_text(b);
    fuzz_assert(fuzz_csv_ok(b->data, b->len));
    sw_buf_reset(b);
}

static void check_table(struct sw_buf *b, int rc)
{
    fuzz_assert(rc == 0);
    check_text(b);
    sw_buf_reset(b);
}

static int near(double x, double y, double scale)
{
    return fabs(x - y) <= 1e-9 * (1 + fabs(scale));
}

/* docs/design.md's rules 2 to 6 as facts any aggregate must show. */
static void check_rules(const struct sw_aggregate *a, long level)
{
    const struct sw_rubric *r = a->rubric;
    for (size_t i = 0; i < a->n_candidates; i++) {
        const struct sw_candidate *c = &a->candidates[i];
        fuzz_assert(i == 0 || strcmp(a->candidates[i - 1].id, c->id) < 0);
        fuzz_assert(c->n_interviewers <= c->scorecards);
        size_t assessed = 0, below = 0;
        double sum = 0;
        for (size_t k = 0; k < r->n_competencies; k++) {
            const struct sw_competency_stats *st = &c->competencies[k];
            double big = fmax(fabs(st->min), fabs(st->max));
            fuzz_assert(st->n <= c->scorecards);
            fuzz_assert((st->n == 0) == !!(st->flags & SW_FLAG_UNASSESSED));
            fuzz_assert((st->n < 2) == isnan(st->sd));
            if (st->n) {
                assessed++;
                sum += st->mean;
                fuzz_assert(st->min <= st->median && st->median <= st->max);
                fuzz_assert(st->mean >= st->min - 1e-9 * (1 + big) &&
                            st->mean <= st->max + 1e-9 * (1 + big));
                fuzz_assert(isnan(st->sd) || st->sd >= 0);
                fuzz_assert(!!(st->flags & SW_FLAG_DISAGREEMENT) ==
                            (st->max - st->min >= r->policy.disagreement - 1e-9));
            }
            if (c->level >= 0)
                fuzz_assert(st->target == r->levels[c->level].targets[k]);
            else
                fuzz_assert(isnan(st->target) && isnan(st->gap));
            below += (st->flags & SW_FLAG_BELOW_TARGET) != 0;
        }
        fuzz_assert(assessed == c->assessed && below == c->below_target);
        fuzz_assert(assessed ? near(c->overall, sum / (double)assessed, sum) : isnan(c->overall));
        if (level >= 0)
            fuzz_assert(c->level == level);
        fuzz_assert((c->level < 0) == (c->decision == SW_DECISION_NO_LEVEL));
        if (c->decision == SW_DECISION_HIRE)
            fuzz_assert(c->scorecards >= r->policy.min_scorecards &&
                        c->assessed >= r->policy.min_coverage &&
                        c->below_target <= r->policy.max_gaps &&
                        (r->policy.veto == SW_REC_NONE ||
                         c->recommendations[r->policy.veto] == 0));
        size_t tally = 0;
        for (int k = 0; k < SW_REC_COUNT; k++)
            tally += c->recommendations[k];
        fuzz_assert(tally <= c->scorecards);
        fuzz_assert(c->archetype < (long)r->n_archetypes);
    }
}

/* What the writers record: they must not fail on any input. */
static struct sw_errors ferrs;

/* Streaming writers hand over each candidate's text: collect it all. */
static int collect(void *ctx, struct sw_buf *out)
{
    struct sw_buf *all = ctx;
    sw_buf_add(all, out->data, out->len);
    sw_buf_reset(out);
    return all->failed ? -1 : 0;
}

/* Every writer on a; `all` 0: only the main ones (for a second aggregate). */
static void write_reports(const struct sw_aggregate *a, int all_writers)
{
    struct sw_buf out = SW_BUF_INIT, all = SW_BUF_INIT;
    size_t *order = calloc(a->n_candidates + 1, sizeof *order);
    fuzz_assert(order);

    check_json(&out, sw_report_json(a, NULL, &out, &ferrs));
    check_csv(&out, sw_report_csv(a, NULL, SW_CSV_SPREADSHEET, &out, &ferrs));
    check_table(&out, sw_report_table(a, NULL, 0, &out, &ferrs));
    if (!all_writers) {
        sw_aggregate_sort(a, SW_SORT_OVERALL, order);
        check_table(&out, sw_compare_table(a, order, 0, &out, &ferrs));
        free(order);
        sw_buf_release(&out);
        return;
    }
    check_table(&out, sw_report_table(a, NULL, 1, &out, &ferrs));
    int rc = sw_report_json_stream(a, NULL, &out, collect, &all, &ferrs);
    sw_buf_add(&all, out.data, out.len);
    sw_buf_reset(&out);
    check_json(&all, rc);
    rc = sw_report_csv_stream(a, NULL, SW_CSV_RAW, &out, collect, &all, &ferrs);
    sw_buf_add(&all, out.data, out.len);
    sw_buf_reset(&out);
    check_csv(&all, rc);

    static const enum sw_sort sorts[] = { SW_SORT_ID, SW_SORT_OVERALL, SW_SORT_SHORTFALL,
                                          SW_SORT_NAME };
    for (size_t s = 0; s < sizeof sorts / sizeof sorts[0]; s++) {
        sw_aggregate_sort(a, sorts[s], order);
        /* order must be a permutation of the candidates */
        unsigned char *seen = calloc(a->n_candidates + 1, 1);
        fuzz_assert(seen);
        for (size_t i = 0; i < a->n_candidates; i++) {
            fuzz_assert(order[i] < a->n_candidates && !seen[order[i]]);
            seen[order[i]] = 1;
        }
        free(seen);
        if (sorts[s] == SW_SORT_OVERALL)   /* compare --format json: the same writer */
            check_json(&out, sw_report_json(a, order, &out, &ferrs));
        check_csv(&out, sw_compare_csv(a, order, (enum sw_csv_mode)(s & 1), &out, &ferrs));
        check_table(&out, sw_compare_table(a, order, s & 1, &out, &ferrs));
    }

    struct sw_calibration *cal = sw_calibrate(a, &ferrs);
    fuzz_assert(cal);
    check_json(&out, sw_calibration_json(a, cal, &out, &ferrs));
    check_csv(&out, sw_calibration_csv(a, cal, SW_CSV_SPREADSHEET, &out, &ferrs));
    check_table(&out, sw_calibration_table(a, cal, 0, &out, &ferrs));
    check_table(&out, sw_calibration_table(a, cal, 1, &out, &ferrs));
    sw_calibration_free(cal);

    for (size_t i = 0; i < a->n_candidates; i++)
        fuzz_assert(sw_aggregate_candidate(a, a->candidates[i].id) == (long)i);

    free(order);
    sw_buf_release(&out);
    sw_buf_release(&all);
    fuzz_assert(ferrs.count == 0);
}

static void write_team(const struct sw_aggregate *members, const struct sw_aggregate *cands,
                       double bar)
{
    struct sw_buf out = SW_BUF_INIT;
    struct sw_team *t = sw_team_new(members, cands, bar, &ferrs);
    fuzz_assert(t);
    for (size_t i = 0; i < t->n_candidates; i++)
        fuzz_assert(t->rank[i] < cands->n_candidates);
    check_json(&out, sw_team_json(t, members, cands, &out, &ferrs));
    check_csv(&out, sw_team_csv(t, cands, SW_CSV_SPREADSHEET, &out, &ferrs));
    check_table(&out, sw_team_table(t, members, cands, 0, &out, &ferrs));
    check_table(&out, sw_team_table(t, members, cands, 1, &out, &ferrs));
    sw_team_free(t);
    sw_buf_release(&out);
}

/* The wheel as `scorewheel wheel` draws it. */
static void draw_wheel(const struct sw_aggregate *a, const struct sw_candidate *c)
{
    struct sw_wheel w;
    char title[512], subtitle[512];
    fuzz_assert(sw_wheel_of_candidate(a, c, &w, title, sizeof title, subtitle,
                                      sizeof subtitle, &ferrs) == 0);
    struct sw_buf svg = SW_BUF_INIT;
    fuzz_assert(sw_wheel_svg(&w, &svg, &ferrs) == 0);
    check_text(&svg);
    fuzz_assert(fuzz_xml_ok(svg.data, svg.len));
    sw_buf_release(&svg);
    sw_wheel_release(&w);
}

/* A rubric as the first part, when it loads, is the rubric for the rest. */
static struct sw_rubric *inline_rubric(const uint8_t **data, size_t *size)
{
    const char *p = (const char *)*data;
    const char *sep = fuzz_memmem(p, *size, FUZZ_SEP);
    size_t len = sep ? (size_t)(sep - p) : *size;
    if (!fuzz_memmem(p, len, SW_NS_RUBRIC))
        return NULL;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_rubric *r = sw_rubric_parse(p, len, "rubric.xml", &errs);
    sw_errors_release(&errs);
    if (r) {
        size_t skip = sep ? len + strlen(FUZZ_SEP) : len;
        *data += skip;
        *size -= skip;
    }
    return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct sw_rubric *own = inline_rubric(&data, &size);
    const struct sw_rubric *r = own ? own : fuzz_rubric_for(data, size);
    struct sw_aggregate *cands = sw_aggregate_new(r), *members = sw_aggregate_new(r);
    struct sw_aggregate *leveled = sw_aggregate_new(r);
    fuzz_assert(cands && members && leveled);
    struct sw_errors errs;
    sw_errors_init(&errs);

    const char *p = (const char *)data, *end = p + size;
    size_t n_cards = 0;
    while (p <= end && n_cards < FUZZ_MAX_CARDS) {
        const char *sep = fuzz_memmem(p, (size_t)(end - p), FUZZ_SEP);
        const char *stop = sep ? sep : end;
        struct sw_scorecard *s = sw_scorecard_parse(r, p, (size_t)(stop - p), "fuzz.xml", &errs);
        if (s) {
            n_cards++;
            struct sw_aggregate *to = s->candidate[0] == 'm' ? members : cands;
            sw_aggregate_add(to, s, &errs);
            if (to == cands)
                sw_aggregate_add(leveled, s, &errs);
            sw_scorecard_free(s);
        }
        if (!sep)
            break;
        p = sep + strlen(FUZZ_SEP);
    }

    /* Each candidate's own level; then a --level for all (rule 4). */
    sw_aggregate_finish(cands, -1, &errs);
    sw_aggregate_finish(members, SW_LEVEL_IGNORE, &errs);
    long level = r->n_levels ? (long)(n_cards % r->n_levels) : -1;
    sw_aggregate_finish(leveled, level, &errs);
    fuzz_assert(cands->finished && members->finished && leveled->finished);
    check_rules(cands, -1);
    check_rules(leveled, level);

    write_reports(cands, 1);
    write_reports(leveled, 0);
    double bar = n_cards % 2 ? NAN : r->scale.min + r->scale.step;
    write_team(members, cands, bar);
    for (size_t i = 0; i < cands->n_candidates && i < FUZZ_MAX_WHEELS; i++)
        draw_wheel(cands, &cands->candidates[i]);

    sw_errors_release(&errs);
    sw_aggregate_free(cands);
    sw_aggregate_free(members);
    sw_aggregate_free(leveled);
    sw_rubric_free(own);
    return 0;
}
