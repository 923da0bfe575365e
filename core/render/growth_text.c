/* growth_text.c - the growth writers of promote.h: JSON, CSV and a table. */
#include <math.h>
#include <string.h>

#include "render/json.h"
#include "promote.h"
#include "report.h"
#include "termtext.h"

#define NAME_WIDTH 24

static int done(const struct sw_buf *out)
{
    return out->failed ? -1 : 0;
}

/* The people to write: [*first, *end). */
static void span(const struct sw_growth *g, long person, size_t *first, size_t *end)
{
    *first = person >= 0 ? (size_t)person : 0;
    *end = person >= 0 ? (size_t)person + 1 : g->n_people;
}

static void json_string_or_null(struct sw_json *j, const char *s)
{
    if (s)
        sw_json_string(j, s);
    else
        sw_json_null(j);
}

static void json_flags(struct sw_json *j, unsigned flags)
{
    sw_json_begin_array(j);
    for (unsigned f = SW_GROWTH_BLIND_SPOT; f <= SW_GROWTH_HIDDEN_STRENGTH; f <<= 1)
        if (flags & f)
            sw_json_string(j, sw_growth_flag_name((enum sw_growth_flag)f));
    sw_json_end_array(j);
}

static void json_cycle(struct sw_json *j, const struct sw_rubric *r,
                       const struct sw_growth_cycle *y)
{
    sw_json_begin_object(j);
    sw_json_put_string(j, "id", y->id);
    sw_json_put_integer(j, "assessors", (long long)y->assessors);
    sw_json_put_bool(j, "self", y->self);
    sw_json_put_number(j, "overall", y->overall);
    sw_json_put_pillars(j, r, y->pillars);
    sw_json_key(j, "competencies");
    sw_json_begin_array(j);
    for (size_t c = 0; c < r->n_competencies; c++) {
        const struct sw_growth_stats *s = &y->competencies[c];
        sw_json_begin_object(j);
        sw_json_put_string(j, "id", r->competencies[c].id);
        sw_json_put_integer(j, "n", (long long)s->n);
        sw_json_put_number(j, "others", s->others);
        sw_json_put_number(j, "self", s->self);
        sw_json_put_number(j, "self_gap", s->self_gap);
        sw_json_put_number(j, "delta", s->delta);
        sw_json_key(j, "flags");
        json_flags(j, s->flags);
        sw_json_end_object(j);
    }
    sw_json_end_array(j);
    sw_json_end_object(j);
}

static int growth_json(const struct sw_growth *g, long person, struct sw_buf *out)
{
    const struct sw_rubric *r = g->rubric;
    if (!g->finished)
        return -1;
    struct sw_json j;
    sw_json_init(&j, out);
    sw_json_begin_object(&j);
    sw_json_key(&j, "people");
    sw_json_begin_array(&j);
    size_t first, end;
    span(g, person, &first, &end);
    for (size_t i = first; i < end; i++) {
        const struct sw_person *p = &g->people[i];
        sw_json_begin_object(&j);
        sw_json_put_string(&j, "id", p->id);
        sw_json_key(&j, "name");
        json_string_or_null(&j, p->name);
        sw_json_key(&j, "level");
        json_string_or_null(&j, p->level >= 0 ? r->levels[p->level].id : NULL);
        sw_json_key(&j, "cycles");
        sw_json_begin_array(&j);
        for (size_t k = 0; k < p->n_cycles; k++)
            json_cycle(&j, r, &p->cycles[k]);
        sw_json_end_array(&j);
        sw_json_end_object(&j);
    }
    sw_json_end_array(&j);
    sw_json_end_object(&j);
    sw_buf_addc(out, '\n');
    return done(out);
}

/* The flags' names separated by ';'. */
static void flag_names(struct sw_buf *out, unsigned flags)
{
    if (flags & SW_GROWTH_BLIND_SPOT)
        sw_buf_adds(out, "blind-spot");
    if (flags == (SW_GROWTH_BLIND_SPOT | SW_GROWTH_HIDDEN_STRENGTH))
        sw_buf_addc(out, ';');
    if (flags & SW_GROWTH_HIDDEN_STRENGTH)
        sw_buf_adds(out, "hidden-strength");
}

static void csv_flags(struct sw_buf *out, unsigned flags, enum sw_csv_mode mode)
{
    const char *names[2];
    size_t n = 0;
    for (unsigned f = SW_GROWTH_BLIND_SPOT; f <= SW_GROWTH_HIDDEN_STRENGTH; f <<= 1)
        if (flags & f)
            names[n++] = sw_growth_flag_name((enum sw_growth_flag)f);
    sw_csv_join(out, names, n, mode);
}

static int growth_csv(const struct sw_growth *g, long person, enum sw_csv_mode mode,
                  struct sw_buf *out)
{
    const struct sw_rubric *r = g->rubric;
    if (!g->finished)
        return -1;
    sw_buf_adds(out, "person,name,level,cycle,assessors,self_assessed,overall,pillar,"
                     "competency,n,others,self,self_gap,delta,flags\r\n");
    size_t first, end;
    span(g, person, &first, &end);
    for (size_t i = first; i < end; i++) {
        const struct sw_person *p = &g->people[i];
        for (size_t k = 0; k < p->n_cycles; k++) {
            const struct sw_growth_cycle *y = &p->cycles[k];
            for (size_t c = 0; c < r->n_competencies; c++) {
                const struct sw_growth_stats *s = &y->competencies[c];
                sw_csv_field(out, p->id, mode);
                sw_csv_text(out, p->name ? p->name : "", mode);
                sw_csv_text(out, p->level >= 0 ? r->levels[p->level].id : "", mode);
                sw_csv_text(out, y->id, mode);
                sw_csv_count(out, y->assessors);
                sw_csv_text(out, y->self ? "true" : "false", mode);
                sw_csv_number(out, y->overall);
                sw_csv_text(out, r->pillars[r->competencies[c].pillar].id, mode);
                sw_csv_text(out, r->competencies[c].id, mode);
                sw_csv_count(out, s->n);
                sw_csv_number(out, s->others);
                sw_csv_number(out, s->self);
                sw_csv_number(out, s->self_gap);
                sw_csv_number(out, s->delta);
                csv_flags(out, s->flags, mode);
                sw_csv_end_row(out);
            }
        }
    }
    return done(out);
}

/* "NAME (ID) · level L", made safe for a terminal, then wrapped. */
static void person_title(struct sw_buf *out, const struct sw_rubric *r, const struct sw_person *p)
{
    struct sw_buf t = SW_BUF_INIT;
    if (p->name) {
        sw_text_add(&t, p->name, (size_t)-1);
        sw_buf_adds(&t, " (");
    }
    sw_text_add(&t, p->id, (size_t)-1);
    sw_buf_adds(&t, p->name ? ")" : "");
    sw_buf_adds(&t, " \u00b7 level" SW_TEXT_GLUE);
    sw_text_add(&t, p->level >= 0 ? r->levels[p->level].id : "unknown", (size_t)-1);
    sw_buf_adds(&t, p->n_cycles ? "" : " \u00b7 no submitted assessment yet");
    sw_text_wrap(out, sw_buf_str(&t), 0, 2, 80);
    if (t.failed)
        out->failed = 1;
    sw_buf_release(&t);
}

static void table_cycle(struct sw_buf *out, const struct sw_rubric *r,
                        const struct sw_growth_cycle *y)
{
    struct sw_buf t = SW_BUF_INIT;
    sw_buf_adds(&t, "cycle ");
    sw_text_add(&t, y->id, (size_t)-1);
    sw_buf_addf(&t, " \u00b7 %zu" SW_TEXT_GLUE "assessor%s \u00b7 %s \u00b7 overall" SW_TEXT_GLUE,
                y->assessors,
                y->assessors == 1 ? "" : "s", y->self ? "self-assessed" : "no self-assessment");
    sw_text_number(&t, y->overall, 2, 0, 0);
    for (size_t p = 0; p < r->n_pillars; p++) {
        sw_buf_adds(&t, p ? " \u00b7 " : "\n");
        sw_text_add(&t, r->pillars[p].name, (size_t)-1);
        sw_buf_adds(&t, SW_TEXT_GLUE);
        sw_text_number(&t, y->pillars[p], 2, 0, 0);
    }
    sw_buf_adds(out, "\n  ");
    const char *text = sw_buf_str(&t), *nl = strchr(text, '\n');
    struct sw_buf head = SW_BUF_INIT;
    sw_buf_add(&head, text, (size_t)(nl - text));
    sw_text_wrap(out, sw_buf_str(&head), 2, 2, 80);
    sw_buf_adds(out, "  ");
    sw_text_wrap(out, nl + 1, 2, 2, 80);
    if (t.failed || head.failed)
        out->failed = 1;
    sw_buf_release(&t);
    sw_buf_release(&head);
    sw_buf_adds(out, "  competency                n  others   self  self-gap   delta  flags\n");
    for (size_t c = 0; c < r->n_competencies; c++) {
        const struct sw_growth_stats *s = &y->competencies[c];
        sw_buf_adds(out, "  ");
        sw_text_cell(out, r->competencies[c].name, NAME_WIDTH);
        sw_buf_addf(out, "%3zu", s->n);
        sw_text_number(out, s->others, 2, 8, 0);
        sw_text_number(out, s->self, 2, 7, 0);
        sw_text_number(out, s->self_gap, 2, 10, 1);
        sw_text_number(out, s->delta, 2, 8, 1);
        if (s->flags) {
            sw_buf_adds(out, "  ");
            flag_names(out, s->flags);
        }
        sw_buf_addc(out, '\n');
    }
}

static int growth_table(const struct sw_growth *g, long person, struct sw_buf *out)
{
    const struct sw_rubric *r = g->rubric;
    if (!g->finished)
        return -1;
    size_t first, end;
    span(g, person, &first, &end);
    for (size_t i = first; i < end; i++) {
        const struct sw_person *p = &g->people[i];
        sw_buf_adds(out, i > first ? "\n" : "");
        person_title(out, r, p);
        for (size_t k = 0; k < p->n_cycles; k++)
            table_cycle(out, r, &p->cycles[k]);
    }
    if (g->n_people == 0)
        sw_buf_adds(out, "no assessments\n");
    return done(out);
}

/* Records why a writer failed: the set unfinished, else the buffer's reason. */
static int growth_failed(const struct sw_growth *g, const struct sw_buf *out,
                         struct sw_errors *errs)
{
    if (!g->finished)
        return sw_error_add(errs, SW_ESYSTEM, NULL, 0, "the growth set is not finished");
    return sw_buf_fail(out, errs, "growth report");
}

int sw_growth_json(const struct sw_growth *g, long person, struct sw_buf *out,
                   struct sw_errors *errs)
{
    return growth_json(g, person, out) < 0 ? growth_failed(g, out, errs) : 0;
}

int sw_growth_csv(const struct sw_growth *g, long person, enum sw_csv_mode mode,
                  struct sw_buf *out, struct sw_errors *errs)
{
    return growth_csv(g, person, mode, out) < 0 ? growth_failed(g, out, errs) : 0;
}

int sw_growth_table(const struct sw_growth *g, long person, struct sw_buf *out,
                    struct sw_errors *errs)
{
    return growth_table(g, person, out) < 0 ? growth_failed(g, out, errs) : 0;
}
