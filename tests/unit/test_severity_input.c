/* test_severity_input.c - what rule 11's fit refuses (core/rules/severity.c). */
#include "unit.h"

#include <stdio.h>

#include "severity.h"

/* docs/design.md rule 11: a NaN or infinite score is an input error (it was
 * fitted around, answering "fitted 0"). */
static void test_severity_refuses_nan_and_inf(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_pair pairs[12];
    for (size_t k = 0; k < 12; k++)
        pairs[k] = (struct sw_pair){ k / 3, k % 4, 3.0 + (double)(k % 5) / 4, 1 };
    static const double bad[] = { NAN, INFINITY, -INFINITY };
    for (size_t k = 0; k < 3; k++) {
        pairs[4].z = bad[k];
        assert_null(sw_severity_fit_pairs(pairs, 12, 4, 4, &errs));
    }
    const struct sw_observation obs[] = { { 0, 0, 0, 3 }, { 0, 1, 1, NAN } };
    struct sw_pair *out;
    size_t n;
    assert_int_equal(-1, sw_severity_pairs(obs, 2, 2, &out, &n, &errs));
    assert_null(out);
    assert_null(sw_severity_fit_observations(obs, 2, 1, 2, 2, &errs));
    assert_int_equal(5, errs.count);
    static const char *const what[] = { "nan", "inf", "-inf" };
    for (size_t k = 0; k < 3; k++) {
        char want[128];
        snprintf(want, sizeof want, "pair 4 (candidate 1, interviewer 0) has the score %s; a "
                 "score must be a finite number", what[k]);
        assert_string_equal(want, errs.items[k].message);
    }
    assert_string_equal("observation 1 (candidate 0, interviewer 1, competency 1) has the "
                        "score nan; a score must be a finite number", errs.items[3].message);
    assert_int_equal(SW_EINPUT, errs.items[0].code);
    sw_errors_release(&errs);
}

static void test_severity_bad_pairs(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    const struct sw_pair twice[] = { { 0, 1, 3, 1 }, { 0, 1, 4, 1 } };
    assert_null(sw_severity_fit_pairs(twice, 2, 1, 2, &errs));
    const struct sw_pair out[] = { { 0, 2, 3, 1 } };
    assert_null(sw_severity_fit_pairs(out, 1, 1, 2, &errs));
    const struct sw_observation obs[] = { { 0, 0, 4, 3 } };
    struct sw_pair *pairs;
    size_t n;
    assert_int_equal(-1, sw_severity_pairs(obs, 1, 4, &pairs, &n, &errs));
    assert_int_equal(3, errs.count);
    assert_string_equal("candidate 0 and interviewer 1 are paired twice; a pair is one score",
                        errs.items[0].message);
    assert_string_equal("pair 0 names candidate 0 and interviewer 2 of 1 and 2",
                        errs.items[1].message);
    assert_string_equal("observation 0 names competency 4 of 4", errs.items[2].message);
    assert_int_equal(SW_EINPUT, errs.items[0].code);
    sw_errors_release(&errs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_severity_bad_pairs),
        cmocka_unit_test(test_severity_refuses_nan_and_inf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
