#include "unit.h"

#include <stdio.h>
#include <string.h>

#include "files.h"
#include "growth.h"
#include "mini.h"
#include "promote.h"

/* mini: craft (individual) = design, coding; people (leadership) = mentoring,
 * influence. senior: targets 4, 4, 3.5, 3.5, hire-bar 3.5; policy gap 1,
 * max-gaps 1, min-assessors 2, self-gap 1. */
enum { DESIGN, CODING, MENTORING, INFLUENCE };

static struct sw_growth *load_fixtures(void)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_paths paths;
    sw_paths_init(&paths);
    sw_paths_collect(&paths, "tests/fixtures/growth", &errs);
    struct sw_growth *g = sw_growth_new(mini);
    assert_int_equal(0, sw_growth_load_parallel(g, paths.items, paths.count, 2, NULL, NULL,
                                                &errs));
    assert_int_equal(0, sw_growth_finish(g, &errs));
    assert_int_equal(0, errs.count);
    sw_paths_release(&paths);
    sw_errors_release(&errs);
    return g;
}

/* Adds an assessment by `assessor` of `person` in `cycle`: values for design,
 * coding, mentoring, influence (NaN: not rated). */
static void add(struct sw_growth *g, const char *person, const char *assessor,
                const char *cycle, const char *status, const double v[4])
{
    static const char *const ids[] = { "design", "coding", "mentoring", "influence" };
    char text[2048], path[256];
    int len = snprintf(text, sizeof text,
                       "<assessment xmlns='urn:scorewheel:assessment:1' rubric='mini' "
                       "person='%s' assessor='%s' relation='%s' cycle='%s' status='%s'>",
                       person, assessor, strcmp(person, assessor) ? "peer" : "self", cycle,
                       status);
    for (int c = 0; c < 4; c++)
        if (!isnan(v[c]))
            len += snprintf(text + len, sizeof text - (size_t)len,
                            "<rating competency='%s' value='%g'/>", ids[c], v[c]);
    snprintf(text + len, sizeof text - (size_t)len, "</assessment>");
    snprintf(path, sizeof path, "%s/%s--%s.xml", cycle, person, assessor);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_assessment *a = sw_assessment_parse(mini, text, strlen(text), path, &errs);
    assert_non_null(a);
    assert_int_equal(0, sw_growth_add(g, a, &errs));
    sw_assessment_free(a);
    sw_errors_release(&errs);
}

static void finish(struct sw_growth *g)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(0, sw_growth_finish(g, &errs));
    sw_errors_release(&errs);
}

/* Ann, 2026-h1: self 4 4 3 3; manager 3 3.5 2.5 3; peer 3 3 3 -.
 * others = 3, 3.25, 2.75, 3 (n 2 2 2 1); self_gap = 1 (blind-spot), 0.75,
 * 0.25, 0; craft (3 + 3.25) / 2 = 3.125, people 2.875, overall 12 / 4 = 3.
 * 2026-h2: self 4.5 4.5 4.5 2; manager 4 4.5 3.5 3; peer 4.5 4 3 3.5; a
 * draft peer 1 1 1 1 that never counts. others = 4.25 4.25 3.25 3.25;
 * self_gap 0.25 0.25 1.25 (blind-spot) -1.25 (hidden-strength); delta 1.25,
 * 1, 0.5, 0.25; overall 3.75. */
static void test_growth_rule13_hand_worked(void **state)
{
    (void)state;
    struct sw_growth *g = load_fixtures();
    assert_int_equal(4, g->n_people);
    assert_string_equal("p-ann", g->people[0].id);
    assert_string_equal("p-dee", g->people[3].id);
    const struct sw_person *ann = &g->people[0];
    assert_string_equal("Ann", ann->name);
    assert_int_equal(0, ann->level);    /* mid */
    assert_int_equal(2, ann->n_cycles);
    const struct sw_growth_cycle *h1 = &ann->cycles[0], *h2 = &ann->cycles[1];
    assert_string_equal("2026-h1", h1->id);
    assert_int_equal(2, h1->assessors);
    assert_int_equal(1, h1->self);
    assert_close(3.0, h1->competencies[DESIGN].others);
    assert_close(3.25, h1->competencies[CODING].others);
    assert_close(2.75, h1->competencies[MENTORING].others);
    assert_close(3.0, h1->competencies[INFLUENCE].others);
    assert_int_equal(1, h1->competencies[INFLUENCE].n);
    assert_close(1.0, h1->competencies[DESIGN].self_gap);
    assert_int_equal(SW_GROWTH_BLIND_SPOT, h1->competencies[DESIGN].flags);
    assert_int_equal(0, h1->competencies[CODING].flags);
    assert_null_number(h1->competencies[DESIGN].delta);
    assert_close(3.125, h1->pillars[0]);
    assert_close(2.875, h1->pillars[1]);
    assert_close(3.0, h1->overall);
    assert_int_equal(2, h2->assessors);
    assert_close(4.25, h2->competencies[DESIGN].others);
    assert_close(3.25, h2->competencies[INFLUENCE].others);
    assert_close(2.0, h2->competencies[INFLUENCE].self);
    assert_close(-1.25, h2->competencies[INFLUENCE].self_gap);
    assert_int_equal(SW_GROWTH_HIDDEN_STRENGTH, h2->competencies[INFLUENCE].flags);
    assert_int_equal(SW_GROWTH_BLIND_SPOT, h2->competencies[MENTORING].flags);
    assert_close(1.25, h2->competencies[DESIGN].delta);
    assert_close(1.0, h2->competencies[CODING].delta);
    assert_close(0.5, h2->competencies[MENTORING].delta);
    assert_close(0.25, h2->competencies[INFLUENCE].delta);
    assert_close(3.75, h2->overall);
    /* Cy: the self-assessment is a draft, so no self at all. */
    const struct sw_growth_cycle *cy = &g->people[2].cycles[0];
    assert_int_equal(0, cy->self);
    assert_null_number(cy->competencies[DESIGN].self);
    assert_close(4.75, cy->competencies[CODING].others);
    /* Dee: only a draft: listed, named, no cycle, no level. */
    assert_string_equal("Dee", g->people[3].name);
    assert_int_equal(0, g->people[3].n_cycles);
    assert_int_equal(-1, g->people[3].level);
    sw_growth_free(g);
}

static void test_growth_duplicate_names_both_files(void **state)
{
    (void)state;
    const double v[4] = { 3, 3, 3, 3 };
    struct sw_growth *g = sw_growth_new(mini);
    add(g, "p-a", "p-b", "y1", "submitted", v);
    const char *text = "<assessment xmlns='urn:scorewheel:assessment:1' rubric='mini' "
                       "person='p-a' assessor='p-b' relation='manager' cycle='y1' "
                       "status='draft'/>";
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_assessment *a = sw_assessment_parse(mini, text, strlen(text), "other.xml", &errs);
    assert_int_equal(-1, sw_growth_add(g, a, &errs));
    assert_int_equal(1, errs.count);
    assert_string_equal("other.xml", errs.items[0].file);
    assert_string_equal("a second assessment of person 'p-a' by assessor 'p-b' in cycle 'y1': "
                        "the other is y1/p-a--p-b.xml", errs.items[0].message);
    sw_assessment_free(a);
    sw_errors_release(&errs);
    sw_growth_free(g);
}

/* delta compares with the latest earlier cycle where others(c) is defined:
 * influence is 2 in y1, unrated in y2, 3.5 in y3: delta 1.5. */
static void test_growth_delta_skips_undefined_cycles(void **state)
{
    (void)state;
    struct sw_growth *g = sw_growth_new(mini);
    add(g, "p-a", "p-b", "y1", "submitted", (double[]){ 3, 3, 3, 2 });
    add(g, "p-a", "p-b", "y2", "submitted", (double[]){ 4, 3, 3, NAN });
    add(g, "p-a", "p-b", "y3", "submitted", (double[]){ 4, 3, 2.5, 3.5 });
    finish(g);
    const struct sw_person *p = &g->people[0];
    assert_int_equal(3, p->n_cycles);
    assert_null_number(p->cycles[1].competencies[INFLUENCE].delta);
    assert_close(1.5, p->cycles[2].competencies[INFLUENCE].delta);
    assert_close(0.0, p->cycles[2].competencies[DESIGN].delta);
    assert_close(-0.5, p->cycles[2].competencies[MENTORING].delta);
    sw_growth_free(g);
}

static void promote(const struct sw_growth *g, size_t person, const char *cycle, size_t cycles,
                    struct sw_promotion *pr)
{
    static unsigned char individual[8];
    pr->individual = individual;
    sw_promote_person(g, &g->people[person], 1, cycle, cycles, pr);
}

static void test_promote_fixtures(void **state)
{
    (void)state;
    struct sw_growth *g = load_fixtures();
    struct sw_promotion pr;
    promote(g, 0, NULL, 1, &pr);        /* Ann on 2026-h2: every individual gap >= 0 */
    assert_int_equal(SW_READY, pr.readiness);
    assert_string_equal("2026-h2", pr.cycle->id);
    promote(g, 0, "2026-h1", 1, &pr);   /* gaps -1, -0.75; overall 3 < 3.5 */
    assert_int_equal(SW_NOT_READY, pr.readiness);
    assert_int_equal(1, pr.individual[DESIGN]);
    assert_int_equal(1, pr.individual[CODING]);
    assert_int_equal(SW_REASON_OVERALL, pr.reasons);
    promote(g, 0, NULL, 2, &pr);        /* ready on h2, not on h1 */
    assert_int_equal(SW_NOT_READY, pr.readiness);
    assert_int_equal(SW_REASON_SUSTAINED, pr.reasons);
    assert_int_equal(0, pr.individual[DESIGN]);
    promote(g, 1, NULL, 1, &pr);        /* Bob: one non-self assessor */
    assert_int_equal(SW_INSUFFICIENT_EVIDENCE, pr.readiness);
    assert_int_equal(0, pr.reasons);
    promote(g, 2, NULL, 1, &pr);        /* Cy: mentoring and influence both at -1 */
    assert_int_equal(SW_NOT_READY, pr.readiness);
    assert_int_equal(SW_REASON_GAPS, pr.reasons);
    promote(g, 3, NULL, 1, &pr);        /* Dee: no cycle */
    assert_int_equal(SW_INSUFFICIENT_EVIDENCE, pr.readiness);
    assert_null(pr.cycle);
    promote(g, 0, "2027-h1", 1, &pr);   /* a cycle Ann lacks */
    assert_int_equal(SW_INSUFFICIENT_EVIDENCE, pr.readiness);
    assert_null(pr.cycle);
    sw_growth_free(g);
}

/* The individual half gates: overall (3.5 + 4 + 2.5 + 5) / 4 = 3.75 is over the
 * bar and one leadership gap of exactly -1 is allowed (max-gaps 1), but
 * design at 3.5 < 4 is not: not-ready, reason individual:design only. Coding
 * exactly on its target (gap 0) is no reason. */
static void test_promote_individual_half_gate(void **state)
{
    (void)state;
    struct sw_growth *g = sw_growth_new(mini);
    add(g, "p-a", "p-b", "y1", "submitted", (double[]){ 3.5, 4, 2.5, 5 });
    add(g, "p-a", "p-c", "y1", "submitted", (double[]){ 3.5, 4, 2.5, 5 });
    add(g, "p-a", "p-a", "y1", "submitted", (double[]){ 5, 5, 5, 5 });
    finish(g);
    struct sw_promotion pr;
    promote(g, 0, NULL, 1, &pr);
    assert_close(3.75, g->people[0].cycles[0].overall);
    assert_int_equal(SW_NOT_READY, pr.readiness);
    assert_int_equal(1, pr.individual[DESIGN]);
    assert_int_equal(0, pr.individual[CODING]);
    assert_int_equal(0, pr.reasons);
    sw_growth_free(g);
}

/* --cycles N: ready in y2 and y3 but not in y1. N = 2 on y3: ready; N = 3:
 * not-ready (sustained); N = 2 on y2 (y1 not ready): sustained; N = 4 with
 * three cycles: sustained. A chosen cycle that is itself not ready keeps its
 * own reasons. */
static void test_promote_sustained_cycles(void **state)
{
    (void)state;
    struct sw_growth *g = sw_growth_new(mini);
    const double low[4] = { 3, 3, 3, 3 }, high[4] = { 4.5, 4.5, 4, 4 };
    add(g, "p-a", "p-b", "y1", "submitted", low);
    add(g, "p-a", "p-c", "y1", "submitted", low);
    add(g, "p-a", "p-b", "y2", "submitted", high);
    add(g, "p-a", "p-c", "y2", "submitted", high);
    add(g, "p-a", "p-b", "y3", "submitted", high);
    add(g, "p-a", "p-c", "y3", "submitted", high);
    finish(g);
    struct sw_promotion pr;
    promote(g, 0, NULL, 2, &pr);
    assert_int_equal(SW_READY, pr.readiness);
    promote(g, 0, NULL, 3, &pr);
    assert_int_equal(SW_NOT_READY, pr.readiness);
    assert_int_equal(SW_REASON_SUSTAINED, pr.reasons);
    promote(g, 0, "y2", 2, &pr);
    assert_int_equal(SW_REASON_SUSTAINED, pr.reasons);
    promote(g, 0, NULL, 4, &pr);
    assert_int_equal(SW_REASON_SUSTAINED, pr.reasons);
    promote(g, 0, "y1", 2, &pr);
    assert_int_equal(SW_NOT_READY, pr.readiness);
    assert_int_equal(SW_REASON_OVERALL, pr.reasons);
    assert_int_equal(1, pr.individual[DESIGN]);
    sw_growth_free(g);
}

/* No assessment at all: no person, and every writer says so (qsort of an
 * empty set was given a NULL array: UBSan stopped growth on an empty folder). */
static void test_growth_empty_set(void **state)
{
    (void)state;
    struct sw_growth *g = sw_growth_new(mini);
    finish(g);
    assert_int_equal(0, g->n_people);
    assert_int_equal(-1, sw_growth_person(g, "p-a"));
    struct sw_buf out = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(0, sw_growth_table(g, -1, &out, &errs));
    assert_string_equal("no assessments\n", sw_buf_str(&out));
    sw_buf_reset(&out);
    assert_int_equal(0, sw_promote_csv(g, 1, NULL, 1, SW_CSV_SPREADSHEET, &out, &errs));
    assert_string_equal("to,person,name,cycle,assessors,overall,readiness,reasons,competency,"
                        "half,n,others,self,target,gap\r\n", sw_buf_str(&out));
    assert_int_equal(0, errs.count);
    sw_errors_release(&errs);
    sw_buf_release(&out);
    sw_growth_free(g);
}

/* A writer refused an unfinished set and said why (docs/design.md's error
 * contract: every failure is recorded). */
static void test_growth_writer_on_unfinished_set_says_why(void **state)
{
    (void)state;
    struct sw_growth *g = sw_growth_new(mini);
    struct sw_buf out = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(-1, sw_growth_json(g, -1, &out, &errs));
    assert_int_equal(-1, sw_promote_table(g, 0, NULL, 1, &out, &errs));
    assert_int_equal(2, errs.count);
    assert_int_equal(SW_ESYSTEM, errs.items[0].code);
    assert_string_equal("the growth set is not finished", errs.items[0].message);
    assert_string_equal("the growth set is not finished", errs.items[1].message);
    sw_errors_release(&errs);
    sw_buf_release(&out);
    sw_growth_free(g);
}

static void test_promote_names_and_next_level(void **state)
{
    (void)state;
    assert_string_equal("insufficient-evidence", sw_readiness_name(SW_INSUFFICIENT_EVIDENCE));
    assert_string_equal("hidden-strength", sw_growth_flag_name(SW_GROWTH_HIDDEN_STRENGTH));
    assert_int_equal(1, sw_level_next(mini, 0));
    assert_int_equal(-1, sw_level_next(mini, 1));
    assert_int_equal(-1, sw_level_next(mini, -1));
}

/* Two ladders in one rubric (docs/design.md "Rubric": `track`): levels in
 * the order d1 d2 d3 tpm1 d4 tpm2 d5 tpm3 d6 d7 tpm4; the next level stays
 * on the level's track, and the last of a track has none even when levels
 * of another track follow it. */
static void test_next_level_stays_on_its_track(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_rubric *r = sw_rubric_load("tests/fixtures/ladders/ja-two-ladders.xml", &errs);
    assert_non_null(r);
    assert_string_equal("dev", r->levels[2].track);
    assert_int_equal(4, sw_level_next(r, 2));     /* d3 -> d4, not tpm1 */
    assert_int_equal(5, sw_level_next(r, 3));     /* tpm1 -> tpm2, not d4 */
    assert_int_equal(-1, sw_level_next(r, 9));    /* d7: the last developer */
    assert_int_equal(-1, sw_level_next(r, 10));   /* tpm4 */
    assert_null(mini->levels[0].track);
    sw_rubric_free(r);
    sw_errors_release(&errs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_growth_rule13_hand_worked),
        cmocka_unit_test(test_next_level_stays_on_its_track),
        cmocka_unit_test(test_growth_duplicate_names_both_files),
        cmocka_unit_test(test_growth_delta_skips_undefined_cycles),
        cmocka_unit_test(test_promote_fixtures),
        cmocka_unit_test(test_promote_individual_half_gate),
        cmocka_unit_test(test_promote_sustained_cycles),
        cmocka_unit_test(test_growth_empty_set),
        cmocka_unit_test(test_growth_writer_on_unfinished_set_says_why),
        cmocka_unit_test(test_promote_names_and_next_level),
    };
    return cmocka_run_group_tests(tests, mini_setup, mini_teardown);
}
