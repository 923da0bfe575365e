#include "unit.h"
#include "mini.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "scorecard.h"
#include "severity.h"
#include "rules/severity_int.h"

/* The hand-worked design: 4 candidates (rows) x 4 interviewers A-D (columns),
 * one pair score each, complete and balanced:
 *
 *          A  B  C  D   zbar(k)
 *     k1   4  3  3  2    3
 *     k2   3  3  2  2    5/2
 *     k3   5  4  4  3    4
 *     k4   4  2  3  3    3
 *  mean    4  3  3  5/2  grand 25/8
 *
 * m(k) = 4, n(i) = 4: C(i,i) = 4 - 4/4 = 3, C(i,j) = -4/4 = -1, so C = 4 (I - J/4),
 * eigenvalues 4 (x3) and 0 (the constant vector: one component).
 * q(i) = sum_k (z(k,i) - zbar(k)) = 4 (column mean - grand mean) = (7/2, -1/2, -1/2, -5/2).
 * S0 = sum (z - zbar(k))^2 = 7; P = 16, K = 4, r = 12.
 * Balanced and complete, the REML optimum is the two-way ANOVA one (severity.h's
 * F'(theta) = 0 at 1 + 4 theta = MS_int / MSE, checked in the derivation):
 *   SS_int = 4 sum (column mean - 25/8)^2 = 4 (49 + 1 + 1 + 25) / 64 = 19/4, MS_int = 19/12
 *   SSE = S0 - SS_int = 9/4 on (4-1)(4-1) = 9 df, MSE = 1/4
 *   sigma2 = MSE = 1/4, tau2 = (MS_int - MSE) / 4 = 1/3, lambda = 3/4.
 * q is orthogonal to the constant, so b = q / (4 + 3/4) = q * 4/19
 *   = (14/19, -2/19, -2/19, -10/19).
 * [(C + lambda I)^-1](i,i) = (3/4) / (4 + 3/4) + (1/4) / (3/4) = 3/19 + 1/3 = 28/57,
 * se(i)^2 = sigma2 28/57 = 7/57, se = 0.35043832202523123. */
static const double hand_z[4][4] = { { 4, 3, 3, 2 }, { 3, 3, 2, 2 }, { 5, 4, 4, 3 },
                                     { 4, 2, 3, 3 } };
static const double hand_b[4] = { 14.0 / 19, -2.0 / 19, -2.0 / 19, -10.0 / 19 };

static void assert_hand_fit(const struct sw_severity *s)
{
    assert_true(s->fitted);
    assert_close(0.25, s->sigma2);
    assert_close(1.0 / 3.0, s->tau2);
    assert_int_equal(4, s->rated);
    assert_int_equal(1, s->components);
    for (size_t i = 0; i < 4; i++) {
        assert_close(hand_b[i], s->adjustment[i]);
        assert_close(sqrt(7.0 / 57.0), s->se[i]);
    }
}

/* Two observations per pair: design = z - 1/2 and coding = z + 1/2, so
 * ybar = 25/8, d(design) = -1/2, d(coding) = +1/2 and each pair's flat mean
 * of x - d(c) is z again. Interviewer 4 (E) has no observation. */
static void test_severity_hand_worked_observations(void **state)
{
    (void)state;
    struct sw_observation obs[32];
    size_t n = 0;
    for (size_t k = 0; k < 4; k++)
        for (size_t i = 0; i < 4; i++) {
            obs[n++] = (struct sw_observation){ k, i, 1, hand_z[k][i] + 0.5 };
            obs[n++] = (struct sw_observation){ k, i, 0, hand_z[k][i] - 0.5 };
        }
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_severity *s = sw_severity_fit_observations(obs, n, 4, 5, 2, &errs);
    assert_non_null(s);
    assert_hand_fit(s);
    assert_int_equal(16, s->pairs);
    assert_int_equal(32, s->observations);
    assert_int_equal(4, s->candidates);
    assert_null_number(s->adjustment[4]);
    assert_null_number(s->se[4]);
    assert_close(0, sw_severity_shift(s, 4));
    assert_close(14.0 / 19, sw_severity_shift(s, 0));
    sw_severity_free(s);
    sw_errors_release(&errs);
}

/* Centring and flat means: observations (k, i, c, x) = (0,0,0,4), (0,0,1,2),
 * (0,0,1,3), (1,1,0,2). ybar = 11/4; mean(c0) = 3, d(c0) = 1/4; mean(c1) = 5/2,
 * d(c1) = -1/4. z(0,0) = (4 - 1/4 + 2 + 1/4 + 3 + 1/4) / 3 = 37/12 over 3
 * observations; z(1,1) = 2 - 1/4 = 7/4. */
static void test_severity_pairs_centre_and_pool(void **state)
{
    (void)state;
    const struct sw_observation obs[] = { { 1, 1, 0, 2 }, { 0, 0, 1, 2 }, { 0, 0, 0, 4 },
                                          { 0, 0, 1, 3 } };
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_pair *pairs;
    size_t n;
    assert_int_equal(0, sw_severity_pairs(obs, 4, 2, &pairs, &n, &errs));
    assert_int_equal(2, n);
    assert_int_equal(0, pairs[0].candidate);
    assert_int_equal(0, pairs[0].interviewer);
    assert_close(37.0 / 12.0, pairs[0].z);
    assert_int_equal(3, pairs[0].observations);
    assert_int_equal(1, pairs[1].candidate);
    assert_close(7.0 / 4.0, pairs[1].z);
    free(pairs);
    sw_errors_release(&errs);
}

/* Adds a submitted scorecard rating design and coding directly. */
static void add_card(struct sw_aggregate *a, const char *cand, const char *who, double design,
                     double coding, const char *status)
{
    char text[1024], path[64];
    snprintf(path, sizeof path, "%s-%s.xml", cand, who);
    snprintf(text, sizeof text,
             "<scorecard xmlns='urn:scorewheel:scorecard:1' rubric='mini' candidate='%s' "
             "interview='tech' interviewer='%s' level='mid' status='%s'>\n"
             "<rating competency='design' value='%g'/><rating competency='coding' "
             "value='%g'/>\n</scorecard>", cand, who, status, design, coding);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_scorecard *s = sw_scorecard_parse(mini, text, strlen(text), path, &errs);
    assert_non_null(s);
    assert_int_equal(0, sw_aggregate_add(a, s, &errs));
    sw_scorecard_free(s);
    sw_errors_release(&errs);
}

/* The hand-worked design as scorecards: design = z - 1, coding = z, so
 * d(design) = -1/2, d(coding) = 1/2 and every pair score is z - 1/2 (a shift
 * the candidates absorb: the same fit). Candidate k5 has one card, by A, with
 * design 3 and coding 4: one pair adds 1 to P and to K, nothing to C, q or S0.
 * E has a draft only. Adjusted, k5's design is 3 - 14/19 and its overall
 * (3 + 4) / 2 - 14/19. */
static void test_severity_aggregate_and_adjust(void **state)
{
    (void)state;
    static const char *const who[] = { "A", "B", "C", "D" };
    struct sw_aggregate *a = sw_aggregate_new(mini);
    char cand[8];
    for (size_t k = 0; k < 4; k++)
        for (size_t i = 0; i < 4; i++) {
            snprintf(cand, sizeof cand, "k%zu", k + 1);
            add_card(a, cand, who[i], hand_z[k][i] - 1, hand_z[k][i], "submitted");
        }
    add_card(a, "k5", "A", 3, 4, "submitted");
    add_card(a, "k5", "E", 1, 1, "draft");
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(0, sw_aggregate_finish(a, -1, &errs));
    struct sw_severity *s = sw_severity_fit(a, &errs);
    assert_non_null(s);
    assert_hand_fit(s);
    assert_int_equal(17, s->pairs);
    assert_int_equal(5, s->candidates);
    assert_null_number(s->adjustment[4]);
    double means[4], overall;
    sw_severity_means(a, s, 4, means, &overall);
    assert_close(3 - 14.0 / 19, means[0]);
    assert_close(3.5 - 14.0 / 19, overall);
    assert_null_number(means[2]);
    assert_int_equal(0, sw_aggregate_adjust(a, s, &errs));
    const struct sw_candidate *k5 = &a->candidates[4];
    assert_close(3 - 14.0 / 19, k5->competencies[0].mean);
    assert_close(4 - 14.0 / 19, k5->competencies[1].max);
    assert_close(3.5 - 14.0 / 19, k5->overall);
    assert_int_equal(SW_DECISION_INSUFFICIENT_EVIDENCE, k5->decision);
    /* k1's design, z(1,i) - 1 - b(i): 3 - 14/19, 2 + 2/19, 2 + 2/19, 1 + 10/19;
     * mean 2 (b sums to 0), max 3 - 14/19, min 1 + 10/19. */
    assert_close(2, a->candidates[0].competencies[0].mean);
    assert_close(3 - 14.0 / 19, a->candidates[0].competencies[0].max);
    assert_close(1 + 10.0 / 19, a->candidates[0].competencies[0].min);
    assert_int_equal(0, errs.count);
    sw_severity_free(s);
    sw_aggregate_free(a);
    sw_errors_release(&errs);
}

/* lme4's Penicillin data (Bates, Maechler, Bolker & Walker, R package lme4,
 * data set Penicillin, from Davies & Goldsmith 1972): 24 plates x 6 samples,
 * one diameter each. Plates as candidates, samples as interviewers, one
 * competency: lmer's published REML fit has residual SD 0.5499 and sample SD
 * 1.9316 (the plates fixed leave them unchanged: the design is balanced). The
 * full-precision values are tests/severity_ref.py's direct REML maximisation
 * (sigma2 0.30241545893719823, tau2 3.730917874396168, A's b 2.187057967431201,
 * every se 0.7951634032100213). */
static void test_severity_penicillin_published(void **state)
{
    (void)state;
    FILE *f = fopen("tests/fixtures/published/penicillin.csv", "r");
    assert_non_null(f);
    struct sw_pair pairs[144];
    char line[128], plate, sample;
    double diameter;
    size_t n = 0;
    assert_non_null(fgets(line, sizeof line, f));      /* header */
    while (fgets(line, sizeof line, f) && n < 144) {
        assert_int_equal(3, sscanf(line, "%c,%c,%lf", &plate, &sample, &diameter));
        pairs[n++] = (struct sw_pair){ (size_t)(plate - 'a'), (size_t)(sample - 'A'), diameter,
                                       1 };
    }
    fclose(f);
    assert_int_equal(144, n);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_severity *s = sw_severity_fit_pairs(pairs, n, 24, 6, &errs);
    assert_non_null(s);
    assert_true(s->fitted);
    assert_close(0.5499, round(sqrt(s->sigma2) * 1e4) / 1e4);
    assert_close(1.9316, round(sqrt(s->tau2) * 1e4) / 1e4);
    assert_close(0.30241545893719823, s->sigma2);
    assert_close(3.730917874396168, s->tau2);
    assert_close(2.187057967431201, s->adjustment[0]);
    assert_close(-3.003744170456116, s->adjustment[5]);
    assert_close(0.7951634032100213, s->se[2]);
    assert_int_equal(1, s->components);
    sw_severity_free(s);
    sw_errors_release(&errs);
}

/* Fits the pairs z[k][i] of `rows` candidates x `cols` interviewers (NaN: no pair). */
static struct sw_severity *fit_grid(const double *z, size_t rows, size_t cols)
{
    struct sw_pair pairs[256];
    size_t n = 0;
    for (size_t k = 0; k < rows; k++)
        for (size_t i = 0; i < cols; i++)
            if (!isnan(z[k * cols + i]))
                pairs[n++] = (struct sw_pair){ k, i, z[k * cols + i], 1 };
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_severity *s = sw_severity_fit_pairs(pairs, n, rows, cols, &errs);
    assert_non_null(s);
    sw_errors_release(&errs);
    return s;
}

static void assert_not_fitted(const struct sw_severity *s, size_t rated)
{
    assert_false(s->fitted);
    for (size_t i = 0; i < rated; i++) {
        assert_close(0, s->adjustment[i]);
        assert_null_number(s->se[i]);
    }
}

/* 4 candidates x 3 interviewers: P - K = 12 - 4 = 8 < 10; 12 candidates x 2
 * interviewers: P - K = 12 but 2 < 3 interviewers. sigma2, tau2 null. */
static void test_severity_no_fit_too_few(void **state)
{
    (void)state;
    double z[24];
    for (size_t k = 0; k < 24; k++)
        z[k] = (double)(k % 5);
    struct sw_severity *s = fit_grid(z, 4, 3);
    assert_not_fitted(s, 3);
    assert_null_number(s->sigma2);
    assert_null_number(s->tau2);
    assert_int_equal(12, s->pairs);
    sw_severity_free(s);
    s = fit_grid(z, 12, 2);
    assert_not_fitted(s, 2);
    assert_null_number(s->tau2);
    sw_severity_free(s);
}

/* Equal interviewer means: q = 0, so F'(0) = trace(C) = 12 > 0 and F only rises:
 * tau2 = 0, sigma2 = S0 / r. Rows (1,2,3,4), (4,3,2,1), (2,2,3,3), (3,3,2,2):
 * column means all 5/2; S0 = 5 + 5 + 1 + 1 = 12, r = 12: sigma2 = 1. */
static void test_severity_no_fit_tau2_zero(void **state)
{
    (void)state;
    const double z[] = { 1, 2, 3, 4, 4, 3, 2, 1, 2, 2, 3, 3, 3, 3, 2, 2 };
    struct sw_severity *s = fit_grid(z, 4, 4);
    assert_not_fitted(s, 4);
    assert_close(1, s->sigma2);
    assert_close(0, s->tau2);
    sw_severity_free(s);
    /* MS_int < MSE, tau2's ANOVA estimate negative: REML stops at 0 too.
     * Rows (1,2,3,4), (4,3,2,1), (2,1,4,3), (3,4,1,2) + a column offset
     * (0.1, 0, 0, -0.1) - column means 2.6, 2.5, 2.5, 2.4. */
    double w[16] = { 1, 2, 3, 4, 4, 3, 2, 1, 2, 1, 4, 3, 3, 4, 1, 2 };
    for (size_t k = 0; k < 4; k++) {
        w[k * 4] += 0.1;
        w[k * 4 + 3] -= 0.1;
    }
    s = fit_grid(w, 4, 4);
    assert_not_fitted(s, 4);
    assert_close(0, s->tau2);
    /* Every row's mean stays 5/2, so S0 = sum (w - 5/2)^2 and sigma2 = S0 / 12. */
    double S0 = 0;
    for (size_t k = 0; k < 16; k++) {
        double r = w[k] - 2.5;
        S0 += r * r;
    }
    assert_close(S0 / 12, s->sigma2);
    sw_severity_free(s);
}

/* Two blocks with no interviewer in common: the hand-worked design on
 * interviewers 0-3 and again + 10 on interviewers 4-7. Components = 2; pooled,
 * SS_int, SSE, their df and r all double, so sigma2 = 1/4, tau2 = 1/3 and each
 * block's b is the hand-worked one. */
static void test_severity_disconnected_components(void **state)
{
    (void)state;
    double z[8 * 8];
    for (size_t k = 0; k < 8; k++)
        for (size_t i = 0; i < 8; i++)
            z[k * 8 + i] = (k < 4) == (i < 4) ? hand_z[k % 4][i % 4] + (k < 4 ? 0 : 10) : NAN;
    struct sw_severity *s = fit_grid(z, 8, 8);
    assert_int_equal(2, s->components);
    assert_true(s->fitted);
    assert_close(0.25, s->sigma2);
    assert_close(1.0 / 3.0, s->tau2);
    for (size_t i = 0; i < 8; i++)
        assert_close(hand_b[i % 4], s->adjustment[i]);
    sw_severity_free(s);
}

/* The REML profile with one eigenvalue mu = m and w = g (T = [m]): with
 * G = g^2/m, E = S0 - G and u = 1 + theta m, Q = E + G/u and
 * F = r log(E + G/u) + log u, whose derivative in u vanishes at
 * u = (r - 1) G / E. m = 2, g = 3, S0 = 10, r = 10: G = 4.5, E = 5.5,
 * u = 81/11, theta = (u - 1)/2 = 35/11. With S0 = 100 and g = 1 instead,
 * F'(0) = m - r g^2 / S0 = 1.9 > 0 and (r - 1) G = 4.5 < E = 99.5: the optimum
 * is the boundary, theta exactly 0, not a small positive number. */
static void test_severity_reml_profile_optimum_and_boundary(void **state)
{
    (void)state;
    double mu = 2, d = 2, e = 0, w = 3, x, scratch;
    struct sw_reml_profile p = { &mu, &d, &e, &w, &x, &scratch, 1, 10, 10 };
    assert_close(10 - 9.0 * 3 / 7, sw_reml_q(&p, 3));      /* S0 - g^2 theta/(1 + theta m) */
    double theta = sw_reml_theta(&p);
    assert_true(fabs(theta - 35.0 / 11.0) <= 1e-12 * 35.0 / 11.0);
    assert_true(fabs(sw_reml_df(&p, theta)) < 1e-12);
    w = 1;
    p.S0 = 100;
    assert_close(1.9, sw_reml_df(&p, 0));
    assert_true(sw_reml_theta(&p) == 0);
}

static uint64_t rng_state = 88172645463325252u;

static double uniform(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return ((double)(rng_state >> 11) + 0.5) / 9007199254740992.0;
}

static double normal(void)
{
    return sqrt(-2 * log(uniform())) * cos(2 * M_PI * uniform());
}

#define REC_K 300
#define REC_I 40
#define REC_C 3
#define REC_PANEL 4

static double correlation(const double *x, const double *y, size_t n)
{
    double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < n; i++) {
        mx += x[i] / (double)n;
        my += y[i] / (double)n;
    }
    for (size_t i = 0; i < n; i++) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / sqrt(sxx * syy);
}

/* Recovery: 300 candidates with ability ~ N(3, 0.5^2), 40 interviewers with
 * offsets ~ N(0, 0.4^2), panels of 4 distinct interviewers, 3 competencies
 * with effects (-0.2, 0, 0.2), noise ~ N(0, 0.5^2). The truth of a candidate
 * is what an average interviewer would give: ability + mean offset. The
 * adjustments correlate with the offsets at >= 0.8, and adjusted overall
 * scores are closer to the truth than raw ones on average. */
static void test_severity_recovers_known_offsets(void **state)
{
    (void)state;
    double offset[REC_I], ability[REC_K], mean_offset = 0;
    for (size_t i = 0; i < REC_I; i++) {
        offset[i] = 0.4 * normal();
        mean_offset += offset[i] / REC_I;
    }
    static struct sw_observation obs[REC_K * REC_PANEL * REC_C];
    size_t n = 0;
    for (size_t k = 0; k < REC_K; k++) {
        ability[k] = 3 + 0.5 * normal();
        size_t panel[REC_PANEL];
        for (size_t j = 0; j < REC_PANEL; j++) {
            int again;
            do {
                panel[j] = (size_t)(uniform() * REC_I);
                again = 0;
                for (size_t l = 0; l < j; l++)
                    again |= panel[l] == panel[j];
            } while (again);
            for (size_t c = 0; c < REC_C; c++)
                obs[n++] = (struct sw_observation){ k, panel[j], c,
                    ability[k] + 0.2 * ((double)c - 1) + offset[panel[j]] + 0.5 * normal() };
        }
    }
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_severity *s = sw_severity_fit_observations(obs, n, REC_K, REC_I, REC_C, &errs);
    assert_non_null(s);
    assert_true(s->fitted);
    double r = correlation(s->adjustment, offset, REC_I);
    double raw_err = 0, adj_err = 0, raw[REC_K] = { 0 }, adj[REC_K] = { 0 };
    for (size_t k = 0; k < n; k++) {
        raw[obs[k].candidate] += obs[k].x / (REC_PANEL * REC_C);
        adj[obs[k].candidate] += (obs[k].x - s->adjustment[obs[k].interviewer]) /
                                 (REC_PANEL * REC_C);
    }
    for (size_t k = 0; k < REC_K; k++) {
        raw_err += fabs(raw[k] - ability[k] - mean_offset) / REC_K;
        adj_err += fabs(adj[k] - ability[k] - mean_offset) / REC_K;
    }
    print_message("recovery: r(adjustment, offset) = %.4f; mean |score - truth| raw %.4f, "
                  "adjusted %.4f; sigma2 %.4f (0.25 generated / 3), tau2 %.4f (0.16)\n", r,
                  raw_err, adj_err, s->sigma2, s->tau2);
    assert_true(r >= 0.8);
    assert_true(adj_err < raw_err);
    sw_severity_free(s);
    sw_errors_release(&errs);
}

/* Components fitted block by block (severity.c): interviewers of two
 * components interleaved, and a third whose one interviewer alone meets its
 * candidates, give the fit of the same design numbered component by component. */
static void test_severity_components_in_any_order(void **state)
{
    (void)state;
    static const double offset[7] = { 0.5, -0.4, 0.2, -0.3, 0.1, 0.6, 0 };
    static const size_t contiguous[7] = { 0, 3, 1, 4, 2, 5, 6 };
    struct sw_pair a[38], b[38];
    size_t n = 0;
    for (size_t k = 0; k < 12; k++)
        for (size_t j = 0; j < 3; j++) {
            size_t i = 2 * j + (k >= 6);        /* 0, 2, 4 or 1, 3, 5 */
            double z = 3 + offset[i] + 0.3 * sin((double)(7 * k + 3 * i));
            a[n] = (struct sw_pair){ k, i, z, 1 };
            b[n] = (struct sw_pair){ k, contiguous[i], z, 1 };
            n++;
        }
    for (size_t k = 12; k < 14; k++, n++) {
        a[n] = (struct sw_pair){ k, 6, 3.5 + (double)k / 10, 1 };
        b[n] = a[n];
    }
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_severity *x = sw_severity_fit_pairs(a, n, 14, 7, &errs);
    struct sw_severity *y = sw_severity_fit_pairs(b, n, 14, 7, &errs);
    assert_non_null(x);
    assert_non_null(y);
    assert_int_equal(3, x->components);
    assert_true(x->fitted);
    assert_close(y->sigma2, x->sigma2);
    assert_close(y->tau2, x->tau2);
    for (size_t i = 0; i < 7; i++) {
        assert_close(y->adjustment[contiguous[i]], x->adjustment[i]);
        assert_close(y->se[contiguous[i]], x->se[i]);
    }
    assert_true(x->adjustment[5] > x->adjustment[1]);
    sw_severity_free(x);
    sw_severity_free(y);
    sw_errors_release(&errs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_severity_hand_worked_observations),
        cmocka_unit_test(test_severity_pairs_centre_and_pool),
        cmocka_unit_test(test_severity_aggregate_and_adjust),
        cmocka_unit_test(test_severity_penicillin_published),
        cmocka_unit_test(test_severity_no_fit_too_few),
        cmocka_unit_test(test_severity_no_fit_tau2_zero),
        cmocka_unit_test(test_severity_disconnected_components),
        cmocka_unit_test(test_severity_components_in_any_order),
        cmocka_unit_test(test_severity_reml_profile_optimum_and_boundary),
        cmocka_unit_test(test_severity_recovers_known_offsets),
    };
    return cmocka_run_group_tests(tests, mini_setup, mini_teardown);
}
