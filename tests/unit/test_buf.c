#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"

static void test_buf_addf_appends(void **state)
{
    (void)state;
    struct sw_buf b = SW_BUF_INIT;
    sw_buf_adds(&b, "n=");
    sw_buf_addf(&b, "%d/%s", 42, "x");
    assert_string_equal("n=42/x", sw_buf_str(&b));
    assert_int_equal(6, b.len);
    sw_buf_release(&b);
}

static void test_buf_xml_escapes_every_special(void **state)
{
    (void)state;
    struct sw_buf b = SW_BUF_INIT;
    sw_buf_add_xml(&b, "a<b & \"c\" 'd'>");
    assert_string_equal("a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;", sw_buf_str(&b));
    sw_buf_release(&b);
}

static void test_buf_double_is_shortest_round_trip(void **state)
{
    (void)state;
    struct sw_buf b = SW_BUF_INIT;
    sw_buf_add_double(&b, 3.85);
    sw_buf_addc(&b, ' ');
    sw_buf_add_double(&b, 0.1 + 0.2);
    sw_buf_addc(&b, ' ');
    sw_buf_add_double(&b, 4.0);
    assert_string_equal("3.85 0.30000000000000004 4", sw_buf_str(&b));
    sw_buf_release(&b);
}

/* The same text as the plain search: the fewest of 15, 16, 17 significant
 * digits ("%g") that read back exactly. */
static void reference_double(double v, char *text, size_t size)
{
    for (int precision = 15; precision <= 17; precision++) {
        snprintf(text, size, "%.*g", precision, v);
        if (strtod(text, NULL) == v)
            return;
    }
}

static void assert_double_text(double v)
{
    char expected[32];
    reference_double(v, expected, sizeof expected);
    struct sw_buf b = SW_BUF_INIT;
    sw_buf_add_double(&b, v);
    assert_string_equal(expected, sw_buf_str(&b));
    sw_buf_release(&b);
}

/* Exact fast paths for 15, 16 and 17 digits: means of values on a 0.5 step,
 * their standard deviations and gaps, both signs, and the edges of the range
 * where the fast paths give way to printf (1e-4, 1e15, exponents). */
static void test_buf_double_fast_paths_match_printf(void **state)
{
    (void)state;
    static const double edges[] = {
        0.0, -0.0, 1e-4, 9.999999999999999e-5, 1e-5, 1.5e-7, 1e15, 999999999999999.0,
        999999999999999.9, 123456789012345.6, 1e22, 5e-324, 1.7976931348623157e308,
        0.1, 0.2, 0.3, 2.675, 1.005, 9007199254740993.0, 0.30000000000000004,
    };
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++) {
        assert_double_text(edges[i]);
        assert_double_text(-edges[i]);
    }
    for (int den = 1; den <= 60; den++) {
        for (int num = -400; num <= 400; num++) {
            double v = num / (2.0 * den);    /* a mean of den values on a 0.5 step */
            assert_double_text(v);
            assert_double_text(sqrt(fabs(v)));
            assert_double_text(v - 3.75);
            assert_double_text(v * 1e-3);
            assert_double_text(v * 1e12);
        }
    }
}

static void test_buf_detach_empties(void **state)
{
    (void)state;
    struct sw_buf b = SW_BUF_INIT;
    size_t len = 99;
    char *s = sw_buf_detach(&b, &len);
    assert_string_equal("", s);
    assert_int_equal(0, len);
    assert_null(b.data);
    free(s);
}

static void test_error_add_records_and_worst(void **state)
{
    (void)state;
    struct sw_errors e;
    sw_errors_init(&e);
    assert_int_equal(SW_OK, sw_errors_worst(&e));
    assert_int_equal(-1, sw_fail(&e, "a.xml", 7, "value '%s' is off the scale", "9"));
    assert_int_equal(SW_EINPUT, sw_errors_worst(&e));
    sw_error_add(&e, SW_ESYSTEM, NULL, 0, "disk full");
    assert_int_equal(2, e.count);
    assert_string_equal("a.xml", e.items[0].file);
    assert_int_equal(7, e.items[0].line);
    assert_string_equal("value '9' is off the scale", e.items[0].message);
    assert_null(e.items[1].file);
    assert_int_equal(SW_ESYSTEM, sw_errors_worst(&e));
    sw_errors_release(&e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_addf_appends),
        cmocka_unit_test(test_buf_xml_escapes_every_special),
        cmocka_unit_test(test_buf_double_is_shortest_round_trip),
        cmocka_unit_test(test_buf_double_fast_paths_match_printf),
        cmocka_unit_test(test_buf_detach_empties),
        cmocka_unit_test(test_error_add_records_and_worst),
    };
    return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
