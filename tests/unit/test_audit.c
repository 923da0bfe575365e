#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"

/* --- Fisher's exact test ------------------------------------------------------ */

/* R's ?fisher.test, "A British woman claimed to be able to distinguish whether milk
 * or tea was added to the cup first": TeaTasting = [[3, 1], [1, 3]]. With the
 * margins 4/4, the tables x = 0..4 weigh 1, 16, 36, 16, 1 (of 70); the observed
 * x = 3 weighs 16, so p = (1 + 16 + 16 + 1) / 70 = 0.4857 (R prints 0.4857). */
static void test_audit_fisher_tea_tasting(void **state)
{
    (void)state;
    double expected = 34.0 / 70.0;
    assert_close(expected, sw_fisher_exact(3, 1, 1, 3));
}

/* R's ?fisher.test, Fisher (1962) "Convictions" of like-sex twins of criminals:
 * matrix(c(2, 10, 15, 3), nrow = 2) = [[2, 15], [10, 3]]; R prints
 * p-value = 0.0005367 for the two-sided test. The exact sum of binomial
 * products (tests/audit_ref.py, Python integers) is 0.0005367241191434358. */
static void test_audit_fisher_convictions(void **state)
{
    (void)state;
    double expected = 0.0005367241191434358, actual = sw_fisher_exact(2, 15, 10, 3);
    assert_true(fabs(actual - expected) <= 1e-9 * expected);
    assert_close(0.0005367, round(actual * 1e7) / 1e7);
}

/* A large table, where lgamma's rounding would show: the exact value from
 * Python's integers (audit_ref.fisher(500, 400, 450, 520)), to 1e-9 relative. */
static void test_audit_fisher_large_counts(void **state)
{
    (void)state;
    double expected = 8.276490183171897e-05, actual = sw_fisher_exact(500, 400, 450, 520);
    assert_true(fabs(actual - expected) <= 1e-9 * expected);
}

/* One table only (an empty row): p = 1, as R gives. */
static void test_audit_fisher_single_table(void **state)
{
    (void)state;
    assert_close(1.0, sw_fisher_exact(0, 0, 3, 4));
    assert_close(1.0, sw_fisher_exact(0, 5, 0, 7));
}

/* --- the audit over a hand-made aggregate ------------------------------------- */

struct fixture {
    struct sw_rubric rubric;
    struct sw_aggregate a;
    struct sw_candidate cands[128];
    char ids[128][16];
    struct sw_demographics d;
    struct sw_demo_person people[128];
    const char *values[128][1];
    const char *dims[1];
};

/* n candidates c-000.. in group `values[k]` (NULL: unknown), decision and overall
 * as given; policy min-cell `min_cell`. */
static void setup(struct fixture *f, size_t n, const char *const *values,
                  const enum sw_decision *decisions, const double *overall, size_t min_cell)
{
    memset(f, 0, sizeof *f);
    f->rubric.policy.min_cell = min_cell;
    f->a.rubric = &f->rubric;
    f->a.candidates = f->cands;
    f->a.n_candidates = n;
    f->a.finished = 1;
    sw_strmap_init(&f->a.candidate_ids);
    f->dims[0] = "g";
    f->d.dimensions = f->dims;
    f->d.n_dimensions = 1;
    f->d.people = f->people;
    f->d.n_people = n;
    for (size_t k = 0; k < n; k++) {
        snprintf(f->ids[k], sizeof f->ids[k], "c-%03zu", k);
        f->cands[k] = (struct sw_candidate){ .id = f->ids[k], .scorecards = 3,
                                             .decision = decisions[k], .overall = overall[k] };
        sw_strmap_put(&f->a.candidate_ids, f->ids[k], k);
        f->values[k][0] = values[k];
        f->people[k] = (struct sw_demo_person){ .id = f->ids[k], .line = (int)k + 3,
                                                .values = f->values[k] };
    }
}

static struct sw_audit *run_audit(struct fixture *f)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_audit *au = sw_audit_new(&f->a, &f->d, NULL, &errs);
    assert_non_null(au);
    assert_int_equal(0, errs.count);
    sw_errors_release(&errs);
    return au;
}

/* Four candidates scored 1, 2, 3, 4: the median of an even count is the mean of
 * the two middle values, 2.5; above it: 3 and 4. Group "a" holds 1 and 3. */
static void test_audit_median_even_count(void **state)
{
    (void)state;
    static struct fixture f;
    const char *values[] = { "a", "b", "a", "b" };
    enum sw_decision dec[] = { SW_DECISION_NO_HIRE, SW_DECISION_NO_HIRE, SW_DECISION_HIRE,
                               SW_DECISION_HIRE };
    double overall[] = { 1, 2, 3, 4 };
    setup(&f, 4, values, dec, overall, 1);
    struct sw_audit *au = run_audit(&f);
    assert_close(2.5, au->median_overall);
    const struct sw_audit_group *a = &au->dimensions[0].groups[0];
    assert_int_equal(2, a->scored);
    assert_int_equal(1, a->above);
    assert_close(0.5, a->scoring_rate);
    sw_audit_free(au);
    sw_strmap_release(&f.a.candidate_ids);
}

/* `count` candidates in group `value` (NULL: unknown), with that decision. */
struct run {
    const char *value;
    size_t count;
    enum sw_decision decision;
};

/* The fixture of the runs, one after the other, every overall 3 (so no scoring
 * rate can flag), audited. */
static struct sw_audit *audit_runs(struct fixture *f, const struct run *runs, size_t n_runs,
                                   size_t min_cell)
{
    static const char *values[128];
    static enum sw_decision dec[128];
    static double overall[128];
    size_t n = 0;
    for (size_t r = 0; r < n_runs; r++)
        for (size_t i = 0; i < runs[r].count && n < 128; i++, n++) {
            values[n] = runs[r].value;
            dec[n] = runs[r].decision;
            overall[n] = 3;
        }
    setup(f, n, values, dec, overall, min_cell);
    return run_audit(f);
}

static void done(struct fixture *f, struct sw_audit *au)
{
    sw_audit_free(au);
    sw_strmap_release(&f->a.candidate_ids);
}

/* 100 candidates, min-cell 1: "a" with 2 (exactly 2 %: kept in the comparison),
 * "b" with 1 (1 %: excluded), "c" with 97. */
static void test_audit_group_at_two_percent(void **state)
{
    (void)state;
    static struct fixture f;
    const struct run runs[] = { { "a", 2, SW_DECISION_HIRE }, { "b", 1, SW_DECISION_HIRE },
                                { "c", 97, SW_DECISION_HIRE } };
    struct sw_audit *au = audit_runs(&f, runs, 3, 1);
    const struct sw_audit_dimension *dim = &au->dimensions[0];
    assert_int_equal(0, dim->groups[0].excluded);
    assert_close(1.0, dim->groups[0].selection_impact);
    assert_int_equal(1, dim->groups[1].excluded);
    assert_null_number(dim->groups[1].selection_impact);
    assert_int_equal(1, dim->groups[1].n);
    done(&f, au);
}

/* min-cell 5: "b" with exactly 5 is shown, "c" with 4 is hidden; with 3
 * unknowns the withheld 7 reaches min-cell and nothing else is hidden. */
static void test_audit_group_at_min_cell(void **state)
{
    (void)state;
    static struct fixture f;
    const struct run runs[] = { { "b", 5, SW_DECISION_HIRE }, { "c", 4, SW_DECISION_NO_HIRE },
                                { NULL, 3, SW_DECISION_HIRE }, { "d", 48, SW_DECISION_HIRE } };
    struct sw_audit *au = audit_runs(&f, runs, 4, 5);
    const struct sw_audit_dimension *dim = &au->dimensions[0];
    assert_int_equal(3, dim->n_groups);
    assert_int_equal(5, dim->groups[0].n);
    assert_int_equal(0, dim->groups[0].suppressed);
    assert_int_equal(1, dim->groups[1].suppressed);
    assert_true(dim->groups[1].n == SW_AUDIT_NULL);
    assert_null_number(dim->groups[1].selection_rate);
    assert_null_number(dim->groups[1].fisher_p);
    assert_true(dim->unknown == SW_AUDIT_NULL);
    assert_int_equal(7, dim->withheld);
    done(&f, au);
}

/* Without unknowns the hidden "c" (4) leaves withheld 4 < 5: the smallest shown
 * group, "b" (5), is hidden too, so c's count cannot be had by subtraction. */
static void test_audit_complementary_suppression(void **state)
{
    (void)state;
    static struct fixture f;
    const struct run runs[] = { { "b", 5, SW_DECISION_HIRE }, { "c", 4, SW_DECISION_HIRE },
                                { "d", 51, SW_DECISION_HIRE } };
    struct sw_audit *au = audit_runs(&f, runs, 3, 5);
    const struct sw_audit_dimension *dim = &au->dimensions[0];
    assert_int_equal(1, dim->groups[0].suppressed);
    assert_int_equal(1, dim->groups[1].suppressed);
    assert_int_equal(0, dim->groups[2].suppressed);
    assert_int_equal(9, dim->withheld);
    done(&f, au);
}

/* Selection 4/5 against the best 5/5: the ratio is exactly 0.8, not flagged;
 * 3/5 is 0.6, flagged. Then nobody selected: the reference rate is 0, so no
 * impact ratio and no flag. */
static void test_audit_flag_exact_and_zero_reference(void **state)
{
    (void)state;
    static struct fixture f;
    const struct run runs[] = { { "a", 5, SW_DECISION_HIRE }, { "b", 4, SW_DECISION_HIRE },
                                { "b", 1, SW_DECISION_NO_HIRE }, { "c", 3, SW_DECISION_HIRE },
                                { "c", 2, SW_DECISION_NO_HIRE } };
    struct sw_audit *au = audit_runs(&f, runs, 5, 1);
    const struct sw_audit_dimension *dim = &au->dimensions[0];
    assert_close(0.8, dim->groups[1].selection_impact);
    assert_int_equal(0, dim->groups[1].flag);
    assert_close(0.6, dim->groups[2].selection_impact);
    assert_int_equal(1, dim->groups[2].flag);
    done(&f, au);
    const struct run none[] = { { "a", 5, SW_DECISION_NO_HIRE }, { "b", 5, SW_DECISION_NO_HIRE },
                                { "c", 5, SW_DECISION_NO_HIRE } };
    au = audit_runs(&f, none, 3, 1);
    dim = &au->dimensions[0];
    for (size_t g = 0; g < 3; g++) {
        assert_close(0.0, dim->groups[g].selection_rate);
        assert_null_number(dim->groups[g].selection_impact);
        assert_int_equal(0, dim->groups[g].flag);
    }
    done(&f, au);
}

/* --- the demographics file ---------------------------------------------------- */

static void expect_error(const char *xml, int line, const char *message)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_demographics *d = sw_demographics_parse(xml, strlen(xml), "d.xml", &errs);
    assert_null(d);
    assert_int_equal(1, errs.count);
    assert_int_equal(line, errs.items[0].line);
    assert_string_equal(message, errs.items[0].message);
    sw_errors_release(&errs);
}

#define HEAD "<demographics xmlns=\"urn:scorewheel:demographics:1\" dimensions=\"sex race\">\n"

static void test_audit_demographics_errors(void **state)
{
    (void)state;
    expect_error(HEAD "<candidate id=\"c-1\"><group dimension=\"age\" value=\"x\"/></candidate>\n"
                      "</demographics>",
                 2, "dimension 'age' is not declared: add it to the dimensions attribute");
    expect_error(HEAD "<candidate id=\"c-1\"/>\n<candidate id=\"c-1\"/>\n</demographics>", 3,
                 "candidate 'c-1' is listed twice (first on line 2)");
    expect_error(HEAD "<candidate id=\"c-1\"><group dimension=\"sex\" value=\"f\"/>\n"
                      "<group dimension=\"sex\" value=\"m\"/></candidate>\n</demographics>",
                 3, "candidate 'c-1' answers dimension 'sex' twice ('f', then 'm')");
    expect_error("<demographics xmlns=\"urn:scorewheel:demographics:1\" dimensions=\"a a\"/>", 1,
                 "dimension 'a' is declared twice");
}

/* A schema error does not hide the others (docs/design.md "File
 * formats"): a group without its value, a candidate without an id and a
 * stray element (schema), then the checks of meaning; the missing
 * attributes crash nothing and are not reported twice. */
static void test_audit_demographics_schema_error_hides_nothing(void **state)
{
    (void)state;
    const char *xml = HEAD "<candidate id=\"c-1\"><group dimension=\"age\" value=\"x\"/>"
                           "<group dimension=\"sex\"/></candidate>\n"
                           "<candidate id=\"c-1\"/>\n"
                           "<candidate><group dimension=\"sex\" value=\"f\"/></candidate>\n"
                           "<stray/>\n</demographics>";
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_null(sw_demographics_parse(xml, strlen(xml), "d.xml", &errs));
    assert_int_equal(5, errs.count);
    static const int lines[] = { 2, 4, 5, 2, 3 };
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(lines[i], errs.items[i].line);
    assert_non_null(strstr(errs.items[0].message, "'value' is required but missing"));
    assert_non_null(strstr(errs.items[1].message, "'id' is required but missing"));
    assert_non_null(strstr(errs.items[2].message, "'stray'"));
    assert_string_equal("dimension 'age' is not declared: add it to the dimensions attribute",
                        errs.items[3].message);
    assert_string_equal("candidate 'c-1' is listed twice (first on line 2)",
                        errs.items[4].message);
    sw_errors_release(&errs);
    sw_errors_init(&errs);
    const char *bare = "<demographics xmlns=\"urn:scorewheel:demographics:1\">\n"
                       "<candidate id=\"c-1\"><group dimension=\"sex\" value=\"f\"/>"
                       "</candidate>\n</demographics>";
    assert_null(sw_demographics_parse(bare, strlen(bare), "d.xml", &errs));
    assert_int_equal(1, errs.count);
    assert_non_null(strstr(errs.items[0].message, "'dimensions' is required but missing"));
    sw_errors_release(&errs);
}

static void test_audit_demographics_load(void **state)
{
    (void)state;
    const char *xml = HEAD "<candidate id=\"c-1\"><group dimension=\"race\" value=\"asian\"/>"
                           "</candidate>\n</demographics>";
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_demographics *d = sw_demographics_parse(xml, strlen(xml), "d.xml", &errs);
    assert_non_null(d);
    assert_int_equal(2, d->n_dimensions);
    assert_string_equal("race", d->dimensions[1]);
    assert_int_equal(1, d->n_people);
    assert_null(d->people[0].values[0]);
    assert_string_equal("asian", d->people[0].values[1]);
    sw_demographics_free(d);
    sw_errors_release(&errs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_audit_fisher_tea_tasting),
        cmocka_unit_test(test_audit_fisher_convictions),
        cmocka_unit_test(test_audit_fisher_large_counts),
        cmocka_unit_test(test_audit_fisher_single_table),
        cmocka_unit_test(test_audit_median_even_count),
        cmocka_unit_test(test_audit_group_at_two_percent),
        cmocka_unit_test(test_audit_group_at_min_cell),
        cmocka_unit_test(test_audit_complementary_suppression),
        cmocka_unit_test(test_audit_flag_exact_and_zero_reference),
        cmocka_unit_test(test_audit_demographics_errors),
        cmocka_unit_test(test_audit_demographics_schema_error_hides_nothing),
        cmocka_unit_test(test_audit_demographics_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
