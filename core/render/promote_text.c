/* promote_text.c - the promote writers of promote.h: JSON, CSV and a table. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render/json.h"
#include "promote.h"
#include "report.h"
#include "termtext.h"

#define NAME_WIDTH 24

static const char *half_name(enum sw_half h)
{
    return h == SW_HALF_INDIVIDUAL ? "individual" : h == SW_HALF_LEADERSHIP ? "leadership" : NULL;
}

/* One person's figures: rule 14 and, per competency, the cycle's values. */
struct row {
    struct sw_promotion pr;
    const struct sw_person *p;
};

/* The reasons in docs/design.md's order, each passed to `emit`. */
static void each_reason(const struct sw_rubric *r, const struct sw_promotion *pr,
                        void (*emit)(void *ctx, const char *prefix, const char *id), void *ctx)
{
    for (size_t c = 0; c < r->n_competencies; c++)
        if (pr->individual[c])
            emit(ctx, "individual:", r->competencies[c].id);
    if (pr->reasons & SW_REASON_OVERALL)
        emit(ctx, "", "overall");
    if (pr->reasons & SW_REASON_GAPS)
        emit(ctx, "", "gaps");
    if (pr->reasons & SW_REASON_SUSTAINED)
        emit(ctx, "", "sustained");
}

static double value_or_null(const struct sw_growth_cycle *y, size_t c, int which)
{
    if (!y)
        return NAN;
    const struct sw_growth_stats *s = &y->competencies[c];
    return which == 0 ? s->others : s->self;
}

static void json_reason(void *ctx, const char *prefix, const char *id)
{
    struct sw_json *j = ctx;
    struct sw_buf b = SW_BUF_INIT;
    sw_buf_adds(&b, prefix);
    sw_buf_adds(&b, id);
    sw_json_string(j, sw_buf_str(&b));
    sw_buf_release(&b);
}

static void json_person(struct sw_json *j, const struct sw_rubric *r, size_t level,
                        const struct row *row)
{
    const struct sw_growth_cycle *y = row->pr.cycle;
    sw_json_begin_object(j);
    sw_json_put_string(j, "id", row->p->id);
    sw_json_key(j, "name");
    if (row->p->name)
        sw_json_string(j, row->p->name);
    else
        sw_json_null(j);
    sw_json_key(j, "cycle");
    if (y)
        sw_json_string(j, y->id);
    else
        sw_json_null(j);
    sw_json_put_integer(j, "assessors", y ? (long long)y->assessors : 0);
    sw_json_put_number(j, "overall", y ? y->overall : NAN);
    sw_json_put_string(j, "readiness", sw_readiness_name(row->pr.readiness));
    sw_json_key(j, "reasons");
    sw_json_begin_array(j);
    each_reason(r, &row->pr, json_reason, j);
    sw_json_end_array(j);
    sw_json_key(j, "competencies");
    sw_json_begin_array(j);
    for (size_t c = 0; c < r->n_competencies; c++) {
        double others = value_or_null(y, c, 0), target = r->levels[level].targets[c];
        const char *half = half_name(r->pillars[r->competencies[c].pillar].half);
        sw_json_begin_object(j);
        sw_json_put_string(j, "id", r->competencies[c].id);
        sw_json_key(j, "half");
        if (half)
            sw_json_string(j, half);
        else
            sw_json_null(j);
        sw_json_put_integer(j, "n", y ? (long long)y->competencies[c].n : 0);
        sw_json_put_number(j, "others", others);
        sw_json_put_number(j, "self", value_or_null(y, c, 1));
        sw_json_put_number(j, "target", target);
        sw_json_put_number(j, "gap", others - target);
        sw_json_end_object(j);
    }
    sw_json_end_array(j);
    sw_json_end_object(j);
}

/* Calls write(ctx, row) for every person in id order; -1 when out of memory
 * (out->failed set) or the set is not finished. */
static int each_person(const struct sw_growth *g, size_t level, const char *cycle, size_t cycles,
                       void (*write)(void *ctx, const struct row *row), void *ctx,
                       struct sw_buf *out)
{
    if (!g->finished)
        return -1;
    struct row row;
    row.pr.individual = calloc(g->rubric->n_competencies + 1, 1);
    if (!row.pr.individual) {
        out->failed = 1;
        return -1;
    }
    for (size_t i = 0; i < g->n_people; i++) {
        row.p = &g->people[i];
        sw_promote_person(g, row.p, level, cycle, cycles, &row.pr);
        write(ctx, &row);
    }
    free(row.pr.individual);
    return 0;
}

struct writing {
    const struct sw_rubric *r;
    size_t level;
    struct sw_json j;
    struct sw_buf *out;
    enum sw_csv_mode mode;   /* CSV only */
};

static void write_json(void *ctx, const struct row *row)
{
    struct writing *w = ctx;
    json_person(&w->j, w->r, w->level, row);
}

static int promote_json(const struct sw_growth *g, size_t level, const char *cycle, size_t cycles,
                    struct sw_buf *out)
{
    struct writing w = { g->rubric, level, { 0 }, out, SW_CSV_SPREADSHEET };
    sw_json_init(&w.j, out);
    sw_json_begin_object(&w.j);
    sw_json_put_string(&w.j, "to", g->rubric->levels[level].id);
    sw_json_key(&w.j, "people");
    sw_json_begin_array(&w.j);
    int rc = each_person(g, level, cycle, cycles, write_json, &w, out);
    sw_json_end_array(&w.j);
    sw_json_end_object(&w.j);
    sw_buf_addc(out, '\n');
    return rc < 0 || out->failed ? -1 : 0;
}

/* Appends "PREFIXID" after a separator (none before the first). */
static void list_reason(void *ctx, const char *prefix, const char *id)
{
    struct sw_buf *b = ctx;
    if (b->len)
        sw_buf_addc(b, ';');
    sw_buf_adds(b, prefix);
    sw_buf_adds(b, id);
}

static void write_csv(void *ctx, const struct row *row)
{
    struct writing *w = ctx;
    const struct sw_rubric *r = w->r;
    const struct sw_growth_cycle *y = row->pr.cycle;
    struct sw_buf reasons = SW_BUF_INIT;
    each_reason(r, &row->pr, list_reason, &reasons);
    for (size_t c = 0; c < r->n_competencies; c++) {
        double others = value_or_null(y, c, 0), target = r->levels[w->level].targets[c];
        sw_csv_field(w->out, r->levels[w->level].id, w->mode);
        sw_csv_text(w->out, row->p->id, w->mode);
        sw_csv_text(w->out, row->p->name, w->mode);
        sw_csv_text(w->out, y ? y->id : "", w->mode);
        sw_csv_count(w->out, y ? y->assessors : 0);
        sw_csv_number(w->out, y ? y->overall : NAN);
        sw_csv_text(w->out, sw_readiness_name(row->pr.readiness), w->mode);
        sw_csv_text(w->out, sw_buf_str(&reasons), w->mode);
        sw_csv_text(w->out, r->competencies[c].id, w->mode);
        sw_csv_text(w->out, half_name(r->pillars[r->competencies[c].pillar].half), w->mode);
        sw_csv_count(w->out, y ? y->competencies[c].n : 0);
        sw_csv_number(w->out, others);
        sw_csv_number(w->out, value_or_null(y, c, 1));
        sw_csv_number(w->out, target);
        sw_csv_number(w->out, others - target);
        sw_csv_end_row(w->out);
    }
    if (reasons.failed)
        w->out->failed = 1;
    sw_buf_release(&reasons);
}

static int promote_csv(const struct sw_growth *g, size_t level, const char *cycle, size_t cycles,
                   enum sw_csv_mode mode, struct sw_buf *out)
{
    struct writing w = { g->rubric, level, { 0 }, out, mode };
    sw_buf_adds(out, "to,person,name,cycle,assessors,overall,readiness,reasons,competency,half,"
                     "n,others,self,target,gap\r\n");
    int rc = each_person(g, level, cycle, cycles, write_csv, &w, out);
    return rc < 0 || out->failed ? -1 : 0;
}

/* Appends ", PREFIXID" (": " before the first). */
static void table_reason(void *ctx, const char *prefix, const char *id)
{
    struct sw_buf *b = ctx;
    sw_buf_adds(b, b->len ? ", " : "reasons: ");
    sw_buf_adds(b, prefix);
    sw_text_add(b, id, (size_t)-1);
}

static void write_table(void *ctx, const struct row *row)
{
    struct writing *w = ctx;
    const struct sw_rubric *r = w->r;
    const struct sw_growth_cycle *y = row->pr.cycle;
    struct sw_buf t = SW_BUF_INIT;
    if (row->p->name) {
        sw_text_add(&t, row->p->name, (size_t)-1);
        sw_buf_adds(&t, " (");
    }
    sw_text_add(&t, row->p->id, (size_t)-1);
    sw_buf_adds(&t, row->p->name ? ") \u00b7 cycle " : " \u00b7 cycle ");
    sw_text_add(&t, y ? y->id : "none", (size_t)-1);
    sw_buf_addf(&t, " \u00b7 %zu assessor%s \u00b7 overall ", y ? y->assessors : 0,
                y && y->assessors == 1 ? "" : "s");
    sw_text_number(&t, y ? y->overall : NAN, 2, 0, 0);
    sw_buf_addf(&t, " \u00b7 %s", sw_readiness_name(row->pr.readiness));
    sw_buf_adds(w->out, "\n");
    sw_text_wrap(w->out, sw_buf_str(&t), 0, 2, 80);
    sw_buf_adds(w->out,
                "  competency               half         n  others   self  target     gap\n");
    for (size_t c = 0; c < r->n_competencies; c++) {
        double others = value_or_null(y, c, 0), target = r->levels[w->level].targets[c];
        const char *half = half_name(r->pillars[r->competencies[c].pillar].half);
        sw_buf_adds(w->out, "  ");
        sw_text_cell(w->out, r->competencies[c].name, NAME_WIDTH);
        sw_buf_addc(w->out, ' ');
        sw_text_cell(w->out, half ? half : "-", 11);
        sw_buf_addf(w->out, "%3zu", y ? y->competencies[c].n : 0);
        sw_text_number(w->out, others, 2, 8, 0);
        sw_text_number(w->out, value_or_null(y, c, 1), 2, 7, 0);
        sw_text_number(w->out, target, 2, 8, 0);
        sw_text_number(w->out, others - target, 2, 8, 1);
        sw_buf_addc(w->out, '\n');
    }
    sw_buf_reset(&t);
    each_reason(r, &row->pr, table_reason, &t);
    if (t.len) {
        sw_buf_adds(w->out, "  ");
        sw_text_wrap(w->out, sw_buf_str(&t), 2, 4, 80);
    }
    if (t.failed)
        w->out->failed = 1;
    sw_buf_release(&t);
}

static int promote_table(const struct sw_growth *g, size_t level, const char *cycle, size_t cycles,
                     struct sw_buf *out)
{
    const struct sw_level *L = &g->rubric->levels[level];
    struct writing w = { g->rubric, level, { 0 }, out, SW_CSV_SPREADSHEET };
    struct sw_buf title = SW_BUF_INIT;   /* wrapped within 80 columns */
    sw_buf_adds(&title, "Readiness for ");
    sw_text_add(&title, L->name, (size_t)-1);
    sw_buf_adds(&title, " (");
    sw_text_add(&title, L->id, (size_t)-1);
    sw_buf_addf(&title, "), hire-bar" SW_TEXT_GLUE "%.2f", L->hire_bar);
    if (cycles > 1)
        sw_buf_addf(&title, ", sustained over" SW_TEXT_GLUE "%zu" SW_TEXT_GLUE "cycles", cycles);
    sw_text_wrap(out, sw_buf_str(&title), 0, 2, 80);
    if (title.failed)
        out->failed = 1;
    sw_buf_release(&title);
    int rc = each_person(g, level, cycle, cycles, write_table, &w, out);
    if (g->n_people == 0)
        sw_buf_adds(out, "no assessments\n");
    return rc < 0 || out->failed ? -1 : 0;
}

/* Records why a writer failed: the set unfinished, else the buffer's reason. */
static int promote_failed(const struct sw_growth *g, const struct sw_buf *out,
                          struct sw_errors *errs)
{
    if (!g->finished)
        return sw_error_add(errs, SW_ESYSTEM, NULL, 0, "the growth set is not finished");
    return sw_buf_fail(out, errs, "readiness report");
}

int sw_promote_json(const struct sw_growth *g, size_t level, const char *cycle, size_t cycles,
                    struct sw_buf *out, struct sw_errors *errs)
{
    return promote_json(g, level, cycle, cycles, out) < 0 ? promote_failed(g, out, errs) : 0;
}

int sw_promote_csv(const struct sw_growth *g, size_t level, const char *cycle, size_t cycles,
                   enum sw_csv_mode mode, struct sw_buf *out, struct sw_errors *errs)
{
    return promote_csv(g, level, cycle, cycles, mode, out) < 0 ? promote_failed(g, out, errs)
                                                               : 0;
}

int sw_promote_table(const struct sw_growth *g, size_t level, const char *cycle, size_t cycles,
                     struct sw_buf *out, struct sw_errors *errs)
{
    return promote_table(g, level, cycle, cycles, out) < 0 ? promote_failed(g, out, errs) : 0;
}
