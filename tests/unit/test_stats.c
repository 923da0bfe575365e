#include "unit.h"

#include <stdlib.h>

#include "stats.h"

static void test_stats_mean_median_sd(void **state)
{
    (void)state;
    double odd[] = { 5, 1, 3 };
    double even[] = { 4, 1, 3, 2 };
    assert_close(3, sw_mean(odd, 3));
    assert_close(3, sw_median(odd, 3));
    assert_close(2.5, sw_median(even, 4));      /* (2 + 3) / 2 */
    assert_null_number(sw_mean(NULL, 0));
    assert_null_number(sw_median(NULL, 0));
    /* 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squares 9+1+1+1+0+0+4+16 = 32, sd sqrt(32/7) */
    double x[] = { 2, 4, 4, 4, 5, 5, 7, 9 };
    assert_close(2.1380899352993950, sw_sample_sd(x, 8));
    assert_null_number(sw_sample_sd(x, 1));
}

static void test_stats_two_pass_survives_large_offset(void **state)
{
    (void)state;
    /* 1e9 + {1, 2, 3}: a one-pass sum of squares loses every digit here. */
    double x[] = { 1e9 + 1, 1e9 + 2, 1e9 + 3 };
    assert_close(1e9 + 2, sw_mean(x, 3));
    assert_close(1, sw_sample_sd(x, 3));
}

/* Shrout & Fleiss (1979), "Intraclass correlations: uses in assessing rater
 * reliability", Psychological Bulletin 86(2), 420-428: Table 2's 6 targets x 4
 * judges; Table 4 reports .17 .29 .71 .44 .62 .91. The full-precision values are
 * from an independent two-way ANOVA (tests/recompute.py, icc_anova). */
static void test_stats_icc_shrout_fleiss_table2(void **state)
{
    (void)state;
    const double x[] = { 9, 2, 5, 8, 6, 1, 3, 2, 8, 4, 6, 8,
                         7, 1, 2, 6, 10, 5, 6, 9, 6, 2, 4, 7 };
    struct sw_icc actual;
    assert_int_equal(0, sw_icc(x, 6, 4, &actual));
    assert_close(0.1657417684054754, actual.icc11);
    assert_close(0.28976377952755905, actual.icc21);
    assert_close(0.7148407148407151, actual.icc31);
    assert_close(0.4427971336792686, actual.icc1k);
    assert_close(0.620050547598989, actual.icc2k);
    assert_close(0.9093155423770695, actual.icc3k);
    assert_close(0.17, round(actual.icc11 * 100) / 100);
    assert_close(0.91, round(actual.icc3k * 100) / 100);
}

static void test_stats_icc_needs_two_by_two_and_variation(void **state)
{
    (void)state;
    const double x[] = { 3, 3, 3, 3 };
    struct sw_icc actual;
    assert_int_equal(-1, sw_icc(x, 1, 4, &actual));
    assert_int_equal(-1, sw_icc(x, 4, 1, &actual));
    assert_int_equal(0, sw_icc(x, 2, 2, &actual));
    assert_null_number(actual.icc11);     /* every mean square is 0 */
    assert_null_number(actual.icc3k);
}

/* Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg
 * School for Communication, section C: 4 observers x 12 units with missing
 * values; interval alpha = 0.849. Unit 12 has one value: 11 pairable units. */
static void test_stats_alpha_krippendorff_2011(void **state)
{
    (void)state;
    const double values[] = { 1, 1, 1,  2, 2, 3, 2,  3, 3, 3, 3,  3, 3, 3, 3,
                              2, 2, 2, 2,  1, 2, 3, 4,  4, 4, 4, 4,  1, 1, 2, 1,
                              2, 2, 2, 2,  5, 5, 5,  1, 1,  3 };
    const size_t starts[] = { 0, 3, 7, 11, 15, 19, 23, 27, 31, 35, 38, 40, 41 };
    size_t pairable = 0;
    double actual = sw_alpha_interval(values, starts, 12, &pairable);
    assert_close(0.8491071428571428, actual);   /* coincidence matrix, tests/recompute.py */
    assert_close(0.849, round(actual * 1000) / 1000);
    assert_int_equal(11, pairable);
}

/* A second set, checked against the coincidence-matrix computation of
 * tests/recompute.py (alpha_coincidence): units (1,2,2) (3,4) (5,5,4) (2) (4,3,3). */
static void test_stats_alpha_cross_check(void **state)
{
    (void)state;
    const double values[] = { 1, 2, 2, 3, 4, 5, 5, 4, 2, 4, 3, 3 };
    const size_t starts[] = { 0, 3, 5, 8, 9, 12 };
    size_t pairable;
    assert_close(0.7752808988764045, sw_alpha_interval(values, starts, 5, &pairable));
    assert_int_equal(4, pairable);
}

static void test_stats_alpha_undefined_cases(void **state)
{
    (void)state;
    const double same[] = { 3, 3, 3, 3 };
    const size_t two_units[] = { 0, 2, 4 };
    const size_t singles[] = { 0, 1, 2 };
    size_t pairable = 99;
    assert_null_number(sw_alpha_interval(same, singles, 2, &pairable));
    assert_int_equal(0, pairable);
    assert_null_number(sw_alpha_interval(same, two_units, 2, &pairable));   /* D_e = 0 */
    const double agree[] = { 2, 2, 4, 4 };
    assert_close(1, sw_alpha_interval(agree, two_units, 2, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stats_mean_median_sd),
        cmocka_unit_test(test_stats_two_pass_survives_large_offset),
        cmocka_unit_test(test_stats_icc_shrout_fleiss_table2),
        cmocka_unit_test(test_stats_icc_needs_two_by_two_and_variation),
        cmocka_unit_test(test_stats_alpha_krippendorff_2011),
        cmocka_unit_test(test_stats_alpha_cross_check),
        cmocka_unit_test(test_stats_alpha_undefined_cases),
    };
    return cmocka_run_group_tests_name("stats", tests, NULL, NULL);
}
