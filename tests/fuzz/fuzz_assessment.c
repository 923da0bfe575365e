/*
 * fuzz_assessment.c - libFuzzer harness for assessments and what is made of
 * them. The bytes are documents separated by FUZZ_SEP lines, read as
 * assessments against the rubric the input names (fuzz.h); each is checked
 * (loaded only without errors, ids resolved, values on the scale, relation
 * self exactly when assessor = person, no competency twice), the valid ones
 * go into a growth set, and rules 13 and 14 are checked on the result
 * (docs/design.md "Rule 13: profile of a person"): others within the scale, self-gap
 * = self - others, flags as the policy says, readiness reasons only for
 * not-ready. Every writer of growth and promote runs and its output must be
 * UTF-8, JSON that parses, CSV per RFC 4180, well-formed SVG.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assessment.h"
#include "check.h"
#include "fuzz.h"
#include "growth.h"
#include "promote.h"
#include "wheel.h"

#define FUZZ_SEP "\n---\n"
#define FUZZ_MAX_DOCS 32

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_load_rubrics();
    return 0;
}

static void check_loaded(const struct sw_rubric *r, const struct sw_assessment *a)
{
    fuzz_assert(a->relation < SW_REL_COUNT && a->level < (long)r->n_levels);
    fuzz_assert((a->relation == SW_REL_SELF) == (strcmp(a->person, a->assessor) == 0));
    fuzz_assert(*a->cycle && strspn(a->cycle, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                              "0123456789._-") == strlen(a->cycle));
    for (size_t i = 0; i < a->n_ratings; i++) {
        fuzz_assert(a->ratings[i].competency < r->n_competencies);
        fuzz_assert(isnan(a->ratings[i].value) || sw_scale_contains(&r->scale, a->ratings[i].value));
        for (size_t j = 0; j < i; j++)
            fuzz_assert(a->ratings[j].competency != a->ratings[i].competency);
    }
}

FUZZ_PLAIN static void check_out(struct sw_buf *b, int rc, int kind)
{
    fuzz_assert(rc == 0 && !b->failed);
    fuzz_assert(b->len == 0 || strlen(b->data) == b->len);
    fuzz_assert(fuzz_utf8_ok(b->data, b->len));
    if (kind == 'j')
        fuzz_assert(fuzz_json_ok(b->data, b->len));
    else if (kind == 'c')
        fuzz_assert(fuzz_csv_ok(b->data, b->len));
    else if (kind == 's')
        fuzz_assert(fuzz_xml_ok(b->data, b->len));
    sw_buf_reset(b);
}

/* Rule 13 on every cycle of every person. */
static void check_rule13(const struct sw_growth *g)
{
    const struct sw_rubric *r = g->rubric;
    for (size_t i = 0; i < g->n_people; i++) {
        const struct sw_person *p = &g->people[i];
        fuzz_assert(i == 0 || strcmp(g->people[i - 1].id, p->id) < 0);
        for (size_t k = 0; k < p->n_cycles; k++) {
            const struct sw_growth_cycle *y = &p->cycles[k];
            fuzz_assert(k == 0 || strcmp(p->cycles[k - 1].id, y->id) < 0);
            for (size_t c = 0; c < r->n_competencies; c++) {
                const struct sw_growth_stats *s = &y->competencies[c];
                fuzz_assert(s->n <= y->assessors);
                fuzz_assert(s->n ? s->others >= r->scale.min - 1e-9 &&
                                   s->others <= r->scale.max + 1e-9 : isnan(s->others));
                fuzz_assert(y->self || isnan(s->self));
                if (!isnan(s->self_gap)) {
                    fuzz_assert(fabs(s->self_gap - (s->self - s->others)) < 1e-12);
                    fuzz_assert(!!(s->flags & SW_GROWTH_BLIND_SPOT) ==
                                (s->self_gap >= r->policy.self_gap - 1e-9));
                } else {
                    fuzz_assert(s->flags == 0);
                }
                fuzz_assert(isnan(s->delta) || (s->n && k > 0));
            }
            int any = 0;
            for (size_t c = 0; c < r->n_competencies; c++)
                any |= y->competencies[c].n > 0;
            fuzz_assert(isnan(y->overall) == !any);
        }
    }
}

static void check_promote(const struct sw_growth *g, unsigned char *individual)
{
    const struct sw_rubric *r = g->rubric;
    for (size_t l = 0; l < r->n_levels; l++)
        for (size_t i = 0; i < g->n_people; i++)
            for (size_t n = 1; n <= 3; n++) {
                struct sw_promotion pr = { NULL, SW_READY, 0, individual };
                sw_promote_person(g, &g->people[i], l, NULL, n, &pr);
                int any = 0;
                for (size_t c = 0; c < r->n_competencies; c++)
                    any |= individual[c];
                if (pr.readiness != SW_NOT_READY)
                    fuzz_assert(!any && pr.reasons == 0);
                else
                    fuzz_assert(any || pr.reasons);
                if (pr.reasons & SW_REASON_SUSTAINED)
                    fuzz_assert(pr.reasons == SW_REASON_SUSTAINED && !any && n > 1);
                fuzz_assert(pr.cycle || pr.readiness == SW_INSUFFICIENT_EVIDENCE);
            }
}

static void write_all(const struct sw_growth *g)
{
    const struct sw_rubric *r = g->rubric;
    struct sw_buf out = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    check_out(&out, sw_growth_json(g, -1, &out, &errs), 'j');
    check_out(&out, sw_growth_csv(g, -1, SW_CSV_SPREADSHEET, &out, &errs), 'c');
    check_out(&out, sw_growth_table(g, -1, &out, &errs), 't');
    for (size_t l = 0; l < r->n_levels; l++) {
        check_out(&out, sw_promote_json(g, l, NULL, 2, &out, &errs), 'j');
        check_out(&out, sw_promote_csv(g, l, "c1", 1, SW_CSV_RAW, &out, &errs), 'c');
        check_out(&out, sw_promote_table(g, l, NULL, 1, &out, &errs), 't');
    }
    for (size_t i = 0; i < g->n_people && i < 4; i++) {
        const struct sw_person *p = &g->people[i];
        if (!p->n_cycles)
            continue;
        struct sw_wheel w;
        char title[512], subtitle[512];
        fuzz_assert(sw_wheel_of_person(g, p, &p->cycles[p->n_cycles - 1],
                                       sw_level_next(r, p->level), &w, title, sizeof title,
                                       subtitle, sizeof subtitle, &errs) == 0);
        struct sw_errors werrs;
        sw_errors_init(&werrs);
        check_out(&out, sw_wheel_svg(&w, &out, &werrs), 's');
        sw_errors_release(&werrs);
        sw_wheel_release(&w);
    }
    sw_errors_release(&errs);
    sw_buf_release(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct sw_rubric *r = fuzz_rubric_for(data, size);
    struct sw_growth *g = sw_growth_new(r);
    unsigned char *individual = calloc(r->n_competencies + 1, 1);
    fuzz_assert(g && individual);
    struct sw_errors errs;
    sw_errors_init(&errs);
    const char *p = (const char *)data, *end = p + size;
    for (size_t n = 0; p <= end && n < FUZZ_MAX_DOCS; n++) {
        const char *sep = fuzz_memmem(p, (size_t)(end - p), FUZZ_SEP);
        const char *stop = sep ? sep : end;
        size_t before = errs.count + errs.lost;
        struct sw_assessment *a = sw_assessment_parse(r, p, (size_t)(stop - p), "fuzz.xml",
                                                      &errs);
        fuzz_assert((a != NULL) == (errs.count + errs.lost == before));
        if (a) {
            check_loaded(r, a);
            sw_growth_add(g, a, &errs);
            sw_assessment_free(a);
        }
        if (!sep)
            break;
        p = sep + strlen(FUZZ_SEP);
    }
    fuzz_assert(sw_growth_finish(g, &errs) == 0);
    check_rule13(g);
    check_promote(g, individual);
    write_all(g);
    free(individual);
    sw_growth_free(g);
    sw_errors_release(&errs);
    return 0;
}
