#include "unit.h"

#include "timestamp.h"

static void test_timestamp_parse_utc(void **state)
{
    (void)state;
    double actual;
    assert_int_equal(0, sw_utc_parse("1970-01-01T00:00:00Z", &actual));
    assert_close(0, actual);
    /* date -u -d 2026-11-26T09:00:00Z +%s */
    assert_int_equal(0, sw_utc_parse("2026-11-26T09:00:00Z", &actual));
    assert_close(1795683600, actual);
    assert_int_equal(0, sw_utc_parse("2024-02-29T23:59:59.5Z", &actual));
    assert_close(1709251199.5, actual);
}

static void test_timestamp_refuses_other_forms(void **state)
{
    (void)state;
    static const char *bad[] = {
        "", "2026-11-26", "2026-11-26T09:00:00", "2026-11-26T09:00:00+01:00",
        "2026-11-26 09:00:00Z", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-11-31T00:00:00Z", "2026-11-26T24:00:00Z", "2026-11-26T09:60:00Z",
        "2026-11-26T09:00:00.Z", "2026-11-26T09:00:00Zjunk", "26-11-26T09:00:00Z",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_false(sw_utc_stamp_ok(bad[i]));
}

static void test_timestamp_format(void **state)
{
    (void)state;
    char actual[21];
    assert_int_equal(0, sw_utc_format(1795683600, actual));
    assert_string_equal("2026-11-26T09:00:00Z", actual);
    assert_int_equal(0, sw_utc_format_as(1795683659, SW_UTC_MINUTES, actual));
    assert_string_equal("2026-11-26 09:00 UTC", actual);
    /* Year 10000: no 20-character form; refused, not cut. */
    assert_int_equal(-1, sw_utc_format((time_t)253402300800, actual));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_timestamp_parse_utc),
        cmocka_unit_test(test_timestamp_refuses_other_forms),
        cmocka_unit_test(test_timestamp_format),
    };
    return cmocka_run_group_tests_name("timestamp", tests, NULL, NULL);
}
