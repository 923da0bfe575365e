#include "unit.h"
#include "mini.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "aggregate.h"
#include "calibrate.h"
#include "files.h"
#include "report.h"
#include "strmap.h"
#include "team.h"
#include "termtext.h"


/* Aggregates the scorecards under paths (files or folders), with `level`. */
static struct sw_aggregate *load_level(const char *const *paths, size_t n, long level)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_paths files;
    sw_paths_init(&files);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(0, sw_paths_collect(&files, paths[i], &errs));
    struct sw_aggregate *a = sw_aggregate_new(mini);
    assert_int_equal(0, sw_aggregate_load(a, files.items, files.count, &errs));
    sw_paths_release(&files);
    sw_aggregate_finish(a, level, &errs);
    assert_int_equal(0, errs.count);
    sw_errors_release(&errs);
    return a;
}

static struct sw_aggregate *load(const char *const *paths, size_t n)
{
    return load_level(paths, n, -1);
}

static void test_report_csv_field_quoting(void **state)
{
    (void)state;
    struct sw_buf b = SW_BUF_INIT;
    sw_csv_field(&b, "plain", SW_CSV_SPREADSHEET);
    sw_buf_addc(&b, '|');
    sw_csv_field(&b, "a,b \"c\"\nd", SW_CSV_SPREADSHEET);
    assert_string_equal("plain|\"a,b \"\"c\"\"\nd\"", sw_buf_str(&b));
    sw_buf_release(&b);
}

/* OWASP "CSV injection": text a spreadsheet would run as a formula gets a
 * leading quote; anything else, and every cell in raw mode, stays as it is. */
static void test_report_csv_field_guards_formulas(void **state)
{
    (void)state;
    static const char *const cells[] = { "=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx",
                                         "=HYPERLINK(\"x\",\"y\")", "a=1", " =1", "", "'q" };
    struct sw_buf b = SW_BUF_INIT, raw = SW_BUF_INIT;
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        sw_csv_field(&b, cells[i], SW_CSV_SPREADSHEET);
        sw_buf_addc(&b, '|');
        sw_csv_field(&raw, cells[i], SW_CSV_RAW);
        sw_buf_addc(&raw, '|');
    }
    sw_csv_field(&b, NULL, SW_CSV_SPREADSHEET);
    const char *expected = "'=1+1|'+1|'-2|'@SUM(A1)|'\tx|\"'\rx\"|"
                           "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"|a=1| =1||'q|";
    assert_string_equal(expected, sw_buf_str(&b));
    const char *expected_raw = "=1+1|+1|-2|@SUM(A1)|\tx|\"\rx\"|"
                               "\"=HYPERLINK(\"\"x\"\",\"\"y\"\")\"|a=1| =1||'q|";
    assert_string_equal(expected_raw, sw_buf_str(&raw));
    sw_buf_release(&b);
    sw_buf_release(&raw);
}

static void test_report_text_cells_hide_control_characters(void **state)
{
    (void)state;
    struct sw_buf b = SW_BUF_INIT;
    sw_text_cell(&b, "a\nb\033[31m", 10);
    sw_buf_addc(&b, '|');
    sw_text_cell(&b, "Nguy\xe1\xbb\x85n Mai", 6);     /* 6 columns of UTF-8 */
    sw_buf_addc(&b, '|');
    sw_text_number(&b, -0.001, 2, 6, 1);
    assert_string_equal("a b [31m  |Nguy\xe1\xbb\x85~| +0.00", sw_buf_str(&b));
    sw_buf_release(&b);
}

static void test_report_strmap_grows(void **state)
{
    (void)state;
    static char keys[500][8];
    struct sw_strmap m;
    sw_strmap_init(&m);
    for (size_t i = 0; i < 500; i++) {
        snprintf(keys[i], sizeof keys[i], "k%zu", i);
        assert_int_equal(0, sw_strmap_put(&m, keys[i], i));
    }
    assert_int_equal(500, m.count);
    assert_int_equal(377, sw_strmap_get(&m, "k377"));
    assert_int_equal(-1, sw_strmap_get(&m, "k500"));
    sw_strmap_release(&m);
}

static void test_report_json_nulls_and_flags(void **state)
{
    (void)state;
    const char *paths[] = { "tests/fixtures/report/c-3/tech--cy.xml" };
    struct sw_aggregate *a = load(paths, 1);
    struct sw_buf b = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(0, sw_report_json(a, NULL, &b, &errs));
    assert_int_equal(0, errs.count);
    const char *text = sw_buf_str(&b);
    assert_non_null(strstr(text, "\"name\": \"=HYPERLINK(\\\"x\\\")\""));
    assert_non_null(strstr(text, "\"archetype\": null"));
    assert_non_null(strstr(text, "\"decision\": \"insufficient-evidence\""));
    /* design 3 against senior's 4: gap -1 is below target (gap <= -1) */
    assert_non_null(strstr(text, "\"gap\": -1,\n          \"flags\": [\n            "
                                 "\"below-target\"\n          ]"));
    assert_non_null(strstr(text, "\"sd\": null"));
    sw_buf_release(&b);
    sw_aggregate_free(a);
}

/* tests/fixtures/leniency: plus rates 1 above ann and bob; solo is alone. */
static void test_report_calibration_leniency(void **state)
{
    (void)state;
    const char *paths[] = { "tests/fixtures/leniency" };
    struct sw_aggregate *a = load(paths, 1);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_calibration *c = sw_calibrate(a, &errs);
    assert_non_null(c);
    assert_int_equal(0, errs.count);
    /* interviewers by id: ann bob plus solo */
    assert_close(-0.5, c->interviewers[0].leniency);      /* 3 - (3 + 4) / 2 */
    assert_int_equal(2, c->interviewers[0].compared);
    assert_close(1, c->interviewers[2].leniency);         /* 4 - (3 + 3) / 2 */
    assert_close(1, c->interviewers[2].hire_rate);
    assert_close(0.5, c->interviewers[0].hire_rate);
    assert_null_number(c->interviewers[3].leniency);
    assert_int_equal(0, c->interviewers[3].compared);
    assert_close(2, c->interviewers[3].mean);
    /* design: units (3,3,4) twice: D_o 2/3, D_e 8/15: alpha -0.25; c3 is not pairable */
    assert_close(-0.25, c->competencies[0].alpha);
    assert_int_equal(2, c->competencies[0].units);
    assert_int_equal(0, c->competencies[0].has_icc);      /* solo's c3 has no ann/bob/plus */
    assert_null_number(c->competencies[1].alpha);
    assert_string_equal("reliable", sw_alpha_reading(0.8));
    assert_string_equal("tentative", sw_alpha_reading(0.667));
    assert_string_equal("unreliable", sw_alpha_reading(0.6669));
    assert_string_equal("undefined", sw_alpha_reading(NAN));
    sw_calibration_free(c);
    sw_aggregate_free(a);
}

/* tests/fixtures/team/README has the arithmetic. */
static void test_report_team_gain_fills_rank(void **state)
{
    (void)state;
    const char *m[] = { "tests/fixtures/team/members" };
    const char *k[] = { "tests/fixtures/team/candidates" };
    struct sw_aggregate *members = load_level(m, 1, SW_LEVEL_IGNORE);
    struct sw_aggregate *cands = load_level(k, 1, SW_LEVEL_IGNORE);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_team *t = sw_team_new(members, cands, NAN, &errs);
    assert_non_null(t);
    assert_close(3, t->bar);
    assert_close(4, t->profile[0]);
    assert_null_number(t->profile[3]);
    assert_int_equal(1, t->gap[2]);
    assert_int_equal(1, t->gap[3]);
    /* candidates by id: k0 k1 k2 k3 */
    assert_close(0.75, t->gain[2]);
    assert_close(0.625, t->gain[3]);
    size_t rank[] = { 2, 3, 0, 1 };
    assert_memory_equal(rank, t->rank, sizeof rank);
    assert_int_equal(1, t->fills[2 * 4 + 3]);     /* k2 fills influence */
    assert_int_equal(0, t->fills[2 * 4 + 2]);
    sw_team_free(t);
    t = sw_team_new(members, cands, 2.5, &errs);
    assert_int_equal(0, t->gap[2]);                /* mentoring 2.5 is not below 2.5 */
    assert_int_equal(0, t->fills[0 * 4 + 2]);
    assert_int_equal(0, errs.count);
    sw_team_free(t);
    sw_aggregate_free(members);
    sw_aggregate_free(cands);
}

/* An aggregate not finished: every reader refuses it and says why. */
static void test_report_unfinished_aggregate_is_an_error(void **state)
{
    (void)state;
    struct sw_aggregate *a = sw_aggregate_new(mini);
    struct sw_buf b = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(-1, sw_report_json(a, NULL, &b, &errs));
    assert_int_equal(-1, sw_report_csv(a, NULL, SW_CSV_SPREADSHEET, &b, &errs));
    assert_int_equal(-1, sw_report_table(a, NULL, 0, &b, &errs));
    assert_int_equal(-1, sw_compare_csv(a, NULL, SW_CSV_SPREADSHEET, &b, &errs));
    assert_int_equal(-1, sw_compare_table(a, NULL, 0, &b, &errs));
    assert_null(sw_calibrate(a, &errs));
    assert_null(sw_team_new(a, a, NAN, &errs));
    assert_int_equal(7, errs.count);
    for (size_t i = 0; i < errs.count; i++) {
        assert_int_equal(SW_ESYSTEM, errs.items[i].code);
        assert_null(errs.items[i].file);
        assert_string_equal("the scorecards were not aggregated to the end (out of memory?)",
                            errs.items[i].message);
    }
    sw_errors_release(&errs);
    sw_buf_release(&b);
    sw_aggregate_free(a);
}

/* A flush that fails stops the writer, which says so. */
static int refuse(void *ctx, struct sw_buf *out)
{
    (void)ctx;
    (void)out;
    return -1;
}

static void test_report_failed_flush_is_an_error(void **state)
{
    (void)state;
    const char *paths[] = { "tests/fixtures/report" };
    struct sw_aggregate *a = load(paths, 1);
    struct sw_buf b = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(-1, sw_report_json_stream(a, NULL, &b, refuse, NULL, &errs));
    assert_int_equal(-1, sw_report_csv_stream(a, NULL, SW_CSV_RAW, &b, refuse, NULL, &errs));
    assert_int_equal(2, errs.count);
    assert_int_equal(SW_ESYSTEM, errs.items[0].code);
    assert_string_equal("cannot write the report", errs.items[0].message);
    assert_string_equal("cannot write the report", errs.items[1].message);
    sw_errors_release(&errs);
    sw_buf_release(&b);
    sw_aggregate_free(a);
}

/* A row through the one writer: every comma, count, list and row end. */
static void test_report_csv_row(void **state)
{
    (void)state;
    struct sw_buf b = SW_BUF_INIT;
    static const char *const flags[] = { "disagreement", "=x" };
    sw_csv_field(&b, "c-1", SW_CSV_SPREADSHEET);
    sw_csv_count(&b, 12);
    sw_csv_number(&b, -0.0);
    sw_csv_number(&b, NAN);
    sw_csv_join(&b, flags, 2, SW_CSV_SPREADSHEET);
    sw_csv_join(&b, flags, 0, SW_CSV_SPREADSHEET);
    sw_csv_join(&b, flags + 1, 1, SW_CSV_SPREADSHEET);
    sw_csv_end_row(&b);
    assert_string_equal("c-1,12,0,,disagreement;=x,,'=x\r\n", sw_buf_str(&b));
    sw_buf_release(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_csv_field_quoting),
        cmocka_unit_test(test_report_csv_row),
        cmocka_unit_test(test_report_csv_field_guards_formulas),
        cmocka_unit_test(test_report_text_cells_hide_control_characters),
        cmocka_unit_test(test_report_strmap_grows),
        cmocka_unit_test(test_report_json_nulls_and_flags),
        cmocka_unit_test(test_report_calibration_leniency),
        cmocka_unit_test(test_report_team_gain_fills_rank),
        cmocka_unit_test(test_report_unfinished_aggregate_is_an_error),
        cmocka_unit_test(test_report_failed_flush_is_an_error),
    };
    return cmocka_run_group_tests_name("report", tests, mini_setup, mini_teardown);
}
