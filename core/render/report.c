/* report.c - an aggregate as JSON and CSV, and the one CSV cell writer (report.h). */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/fanout.h"
#include "render/json.h"

#define ORDER(order, i) ((order) ? (order)[i] : (i))

static const char *level_id(const struct sw_aggregate *a, const struct sw_candidate *c)
{
    return c->level >= 0 ? a->rubric->levels[c->level].id : NULL;
}

static const char *archetype_id(const struct sw_aggregate *a, const struct sw_candidate *c)
{
    return c->archetype >= 0 ? a->rubric->archetypes[c->archetype].id : NULL;
}

static size_t count_flags(const struct sw_aggregate *a, const struct sw_candidate *c)
{
    size_t n = 0;
    for (size_t k = 0; k < a->rubric->n_competencies; k++)
        for (unsigned f = c->competencies[k].flags; f; f &= f - 1)
            n++;
    return n;
}

/* --- JSON ------------------------------------------------------------------ */

static void json_competency(struct sw_json *j, const struct sw_aggregate *a,
                            const struct sw_candidate *c, size_t k)
{
    const struct sw_rubric *r = a->rubric;
    const struct sw_competency_stats *st = &c->competencies[k];
    sw_json_begin_object(j);
    sw_json_put_string(j, "id", r->competencies[k].id);
    sw_json_put_string(j, "pillar", r->pillars[r->competencies[k].pillar].id);
    sw_json_put_integer(j, "n", (long long)st->n);
    static const char *const keys[] = { "mean", "median", "min", "max", "sd", "target", "gap" };
    const double values[] = { st->mean, st->median, st->min, st->max, st->sd, st->target,
                              st->gap };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        sw_json_key(j, keys[i]);
        sw_json_number(j, values[i]);
    }
    sw_json_key(j, "flags");
    sw_json_begin_array(j);
    for (unsigned f = 1; f <= SW_FLAG_UNASSESSED; f <<= 1)
        if (st->flags & f)
            sw_json_string(j, sw_flag_name((enum sw_flag)f));
    sw_json_end_array(j);
    sw_json_end_object(j);
}

static void json_candidate(struct sw_json *j, const struct sw_aggregate *a,
                           const struct sw_candidate *c)
{
    const struct sw_rubric *r = a->rubric;
    sw_json_begin_object(j);
    sw_json_put_string(j, "id", c->id);
    sw_json_put_string_or_null(j, "name", c->name);
    sw_json_put_string_or_null(j, "level", level_id(a, c));
    sw_json_put_integer(j, "scorecards", (long long)c->scorecards);
    sw_json_put_integer(j, "pending", (long long)c->pending);
    sw_json_key(j, "interviewers");
    sw_json_begin_array(j);
    for (size_t i = 0; i < c->n_interviewers; i++)
        sw_json_string(j, a->interviewers[c->interviewers[i]]);
    sw_json_end_array(j);
    sw_json_put_number(j, "overall", c->overall);
    sw_json_put_number(j, "shortfall", c->shortfall);
    sw_json_put_string(j, "decision", sw_decision_name(c->decision));
    sw_json_put_string_or_null(j, "archetype", archetype_id(a, c));
    sw_json_key(j, "recommendations");
    sw_json_begin_object(j);
    for (int k = 0; k < SW_REC_COUNT; k++) {
        sw_json_key(j, sw_recommendation_name((enum sw_recommendation)k));
        sw_json_integer(j, (long long)c->recommendations[k]);
    }
    sw_json_end_object(j);
    sw_json_put_pillars(j, r, c->pillars);
    sw_json_key(j, "competencies");
    sw_json_begin_array(j);
    for (size_t k = 0; k < r->n_competencies; k++)
        json_competency(j, a, c, k);
    sw_json_end_array(j);
    sw_json_end_object(j);
}

int sw_report_json(const struct sw_aggregate *a, const size_t *order, struct sw_buf *out,
                   struct sw_errors *errs)
{
    return sw_report_json_stream(a, order, out, NULL, NULL, errs);
}

int sw_report_json_stream(const struct sw_aggregate *a, const size_t *order, struct sw_buf *out,
                          sw_flush_fn flush, void *ctx, struct sw_errors *errs)
{
    return sw_report_json_parallel(a, order, out, flush, ctx, 1, errs);
}

/* Hands out to flush (unless NULL); -1 with why recorded when out has failed
 * or the flush did. */
static int flush_out(struct sw_buf *out, sw_flush_fn flush, void *ctx, struct sw_errors *errs,
                     const char *what)
{
    if (out->failed)
        return sw_buf_fail(out, errs, what);
    if (flush && flush(ctx, out) < 0)
        return sw_error_add(errs, SW_ESYSTEM, NULL, 0, "cannot write the %s", what);
    return 0;
}

#define CHUNK 64     /* candidates per thread and round */

/* Candidates [from, to) of the list, as the writer would put them inside
 * the "candidates" array (depth 2; a comma before all but the first). */
struct part {
    const struct sw_aggregate *a;
    const size_t *order;
    size_t from, to;
    struct sw_buf text;
};

static void write_part(void *ctx, size_t t)
{
    struct part *p = &((struct part *)ctx)[t];
    for (size_t i = p->from; i < p->to; i++) {
        struct sw_json j;
        sw_json_init(&j, &p->text);
        j.depth = 2;
        j.count[2] = i > 0;
        json_candidate(&j, p->a, &p->a->candidates[ORDER(p->order, i)]);
    }
}

/* The candidates, `threads` parts of CHUNK at a time formatted side by
 * side, then appended to out and flushed in order. */
static int write_candidates(const struct sw_aggregate *a, const size_t *order,
                            struct sw_buf *out, sw_flush_fn flush, void *ctx, unsigned threads,
                            struct sw_errors *errs)
{
    struct part parts[SW_MAX_THREADS];
    for (unsigned t = 0; t < threads; t++)
        sw_buf_init(&parts[t].text);
    int rc = 0;
    for (size_t first = 0; first < a->n_candidates && rc == 0; first += CHUNK * threads) {
        for (unsigned t = 0; t < threads; t++) {
            size_t from = first + t * CHUNK, to = from + CHUNK;
            parts[t].a = a;
            parts[t].order = order;
            parts[t].from = from < a->n_candidates ? from : a->n_candidates;
            parts[t].to = to < a->n_candidates ? to : a->n_candidates;
            sw_buf_reset(&parts[t].text);
        }
        sw_fanout(threads, threads, write_part, parts);
        for (unsigned t = 0; t < threads && rc == 0; t++) {
            if (parts[t].text.failed)
                rc = sw_buf_fail(&parts[t].text, errs, "report");
            else if (sw_buf_add(out, parts[t].text.data, parts[t].text.len) < 0 ||
                     flush_out(out, flush, ctx, errs, "report") < 0)
                rc = -1;
        }
    }
    for (unsigned t = 0; t < threads; t++)
        sw_buf_release(&parts[t].text);
    return rc;
}

int sw_report_json_parallel(const struct sw_aggregate *a, const size_t *order,
                            struct sw_buf *out, sw_flush_fn flush, void *ctx, unsigned threads,
                            struct sw_errors *errs)
{
    if (sw_aggregate_require_finished(a, errs) < 0)
        return -1;
    if (threads > SW_MAX_THREADS)
        threads = SW_MAX_THREADS;
    struct sw_json j;
    sw_json_init(&j, out);
    sw_json_begin_object(&j);
    sw_json_key(&j, "rubric");
    sw_json_begin_object(&j);
    sw_json_put_string(&j, "id", a->rubric->id);
    sw_json_put_string(&j, "version", a->rubric->version);
    sw_json_end_object(&j);
    sw_json_key(&j, "candidates");
    sw_json_begin_array(&j);
    if (threads > 1 && a->n_candidates > CHUNK) {
        if (write_candidates(a, order, out, flush, ctx, threads, errs) < 0)
            return -1;
        j.count[j.depth] = 1;    /* the array is not empty: its end goes on a new line */
    } else {
        for (size_t i = 0; i < a->n_candidates; i++) {
            json_candidate(&j, a, &a->candidates[ORDER(order, i)]);
            if (flush && flush_out(out, flush, ctx, errs, "report") < 0)
                return -1;
        }
    }
    sw_json_end_array(&j);
    sw_json_end_object(&j);
    return out->failed ? sw_buf_fail(out, errs, "report") : 0;
}

/* --- CSV ------------------------------------------------------------------- */

void sw_csv_field(struct sw_buf *out, const char *s, enum sw_csv_mode mode)
{
    if (!s)
        return;
    int guard = mode == SW_CSV_SPREADSHEET && *s && strchr("=+-@\t\r", *s);
    if (!strpbrk(s, ",\"\r\n")) {
        sw_buf_adds(out, guard ? "'" : "");
        sw_buf_adds(out, s);
        return;
    }
    sw_buf_adds(out, guard ? "\"'" : "\"");
    for (; *s; s++) {
        if (*s == '"')
            sw_buf_addc(out, '"');
        sw_buf_addc(out, *s);
    }
    sw_buf_addc(out, '"');
}

void sw_csv_number(struct sw_buf *out, double v)
{
    sw_buf_addc(out, ',');
    if (isfinite(v))
        sw_buf_add_double(out, v == 0 ? 0.0 : v);
}

void sw_csv_text(struct sw_buf *out, const char *s, enum sw_csv_mode mode)
{
    sw_buf_addc(out, ',');
    sw_csv_field(out, s, mode);
}

void sw_csv_count(struct sw_buf *out, size_t n)
{
    sw_buf_addf(out, ",%zu", n);
}

void sw_csv_join(struct sw_buf *out, const char *const *names, size_t n, enum sw_csv_mode mode)
{
    struct sw_buf cell = SW_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (i)
            sw_buf_addc(&cell, ';');
        sw_buf_adds(&cell, names[i]);
    }
    sw_csv_text(out, sw_buf_str(&cell), mode);
    if (cell.failed)
        out->failed = 1;
    sw_buf_release(&cell);
}

void sw_csv_end_row(struct sw_buf *out)
{
    sw_buf_adds(out, "\r\n");
}

static void csv_flags(struct sw_buf *out, unsigned flags, enum sw_csv_mode mode)
{
    const char *names[8];
    size_t n = 0;
    for (unsigned f = 1; f <= SW_FLAG_UNASSESSED && n < 8; f <<= 1)
        if (flags & f)
            names[n++] = sw_flag_name((enum sw_flag)f);
    sw_csv_join(out, names, n, mode);
}

int sw_report_csv(const struct sw_aggregate *a, const size_t *order, enum sw_csv_mode mode,
                  struct sw_buf *out, struct sw_errors *errs)
{
    return sw_report_csv_stream(a, order, mode, out, NULL, NULL, errs);
}

int sw_report_csv_stream(const struct sw_aggregate *a, const size_t *order,
                         enum sw_csv_mode mode, struct sw_buf *out, sw_flush_fn flush, void *ctx,
                         struct sw_errors *errs)
{
    if (sw_aggregate_require_finished(a, errs) < 0)
        return -1;
    const struct sw_rubric *r = a->rubric;
    sw_buf_adds(out, "candidate,name,level,decision,overall,shortfall,pillar,competency,n,mean,"
                     "median,min,max,sd,target,gap,flags\r\n");
    for (size_t i = 0; i < a->n_candidates; i++) {
        const struct sw_candidate *c = &a->candidates[ORDER(order, i)];
        for (size_t k = 0; k < r->n_competencies; k++) {
            const struct sw_competency_stats *st = &c->competencies[k];
            sw_csv_field(out, c->id, mode);
            sw_csv_text(out, c->name, mode);
            sw_csv_text(out, level_id(a, c), mode);
            sw_csv_text(out, sw_decision_name(c->decision), mode);
            sw_csv_number(out, c->overall);
            sw_csv_number(out, c->shortfall);
            sw_csv_text(out, r->pillars[r->competencies[k].pillar].id, mode);
            sw_csv_text(out, r->competencies[k].id, mode);
            sw_csv_count(out, st->n);
            sw_csv_number(out, st->mean);
            sw_csv_number(out, st->median);
            sw_csv_number(out, st->min);
            sw_csv_number(out, st->max);
            sw_csv_number(out, st->sd);
            sw_csv_number(out, st->target);
            sw_csv_number(out, st->gap);
            csv_flags(out, st->flags, mode);
            sw_csv_end_row(out);
        }
        if (flush && flush_out(out, flush, ctx, errs, "report") < 0)
            return -1;
    }
    return out->failed ? sw_buf_fail(out, errs, "report") : 0;
}

int sw_compare_csv(const struct sw_aggregate *a, const size_t *order, enum sw_csv_mode mode,
                   struct sw_buf *out, struct sw_errors *errs)
{
    if (sw_aggregate_require_finished(a, errs) < 0)
        return -1;
    const struct sw_rubric *r = a->rubric;
    sw_buf_adds(out, "candidate,name,level,scorecards,pending,overall");
    for (size_t p = 0; p < r->n_pillars; p++)
        sw_csv_text(out, r->pillars[p].id, mode);
    sw_buf_adds(out, ",shortfall,decision,archetype,strong-no-hire,no-hire,hire,strong-hire,"
                     "flags\r\n");
    for (size_t i = 0; i < a->n_candidates; i++) {
        const struct sw_candidate *c = &a->candidates[ORDER(order, i)];
        sw_csv_field(out, c->id, mode);
        sw_csv_text(out, c->name, mode);
        sw_csv_text(out, level_id(a, c), mode);
        sw_csv_count(out, c->scorecards);
        sw_csv_count(out, c->pending);
        sw_csv_number(out, c->overall);
        for (size_t p = 0; p < r->n_pillars; p++)
            sw_csv_number(out, c->pillars[p]);
        sw_csv_number(out, c->shortfall);
        sw_csv_text(out, sw_decision_name(c->decision), mode);
        sw_csv_text(out, archetype_id(a, c), mode);
        for (int k = 0; k < SW_REC_COUNT; k++)
            sw_csv_count(out, c->recommendations[k]);
        sw_csv_count(out, count_flags(a, c));
        sw_csv_end_row(out);
    }
    return out->failed ? sw_buf_fail(out, errs, "comparison") : 0;
}
