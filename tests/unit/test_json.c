#include "unit.h"

#include "render/json.h"

static void test_json_nesting_and_commas(void **state)
{
    (void)state;
    struct sw_buf b = SW_BUF_INIT;
    struct sw_json j;
    sw_json_init(&j, &b);
    sw_json_begin_object(&j);
    sw_json_key(&j, "a");
    sw_json_integer(&j, 5);
    sw_json_key(&j, "list");
    sw_json_begin_array(&j);
    sw_json_number(&j, 3.85);
    sw_json_null(&j);
    sw_json_end_array(&j);
    sw_json_key(&j, "empty");
    sw_json_begin_array(&j);
    sw_json_end_array(&j);
    sw_json_key(&j, "ok");
    sw_json_bool(&j, 1);
    sw_json_end_object(&j);
    const char *expected = "{\n  \"a\": 5,\n  \"list\": [\n    3.85,\n    null\n  ],\n"
                           "  \"empty\": [],\n  \"ok\": true\n}\n";
    assert_string_equal(expected, sw_buf_str(&b));
    sw_buf_release(&b);
}

static void test_json_numbers_full_precision_nan_null(void **state)
{
    (void)state;
    struct sw_buf b = SW_BUF_INIT;
    struct sw_json j;
    sw_json_init(&j, &b);
    sw_json_begin_array(&j);
    sw_json_number(&j, 1.0 / 3.0);
    sw_json_number(&j, NAN);
    sw_json_number(&j, -0.0);
    sw_json_number(&j, 4);
    sw_json_end_array(&j);
    assert_string_equal("[\n  0.3333333333333333,\n  null,\n  0,\n  4\n]\n", sw_buf_str(&b));
    sw_buf_release(&b);
}

static void test_json_string_escapes(void **state)
{
    (void)state;
    struct sw_buf b = SW_BUF_INIT;
    sw_json_add_string(&b, "a\"b\\c\nd\te\x01 \xc3\xa9");
    assert_string_equal("\"a\\\"b\\\\c\\nd\\te\\u0001 \xc3\xa9\"", sw_buf_str(&b));
    sw_buf_release(&b);
}

/* Members in one call write what key-then-value writes. */
static void test_json_members(void **state)
{
    (void)state;
    struct sw_buf b = SW_BUF_INIT;
    struct sw_json j;
    sw_json_init(&j, &b);
    sw_json_begin_object(&j);
    sw_json_put_string(&j, "s", NULL);
    sw_json_put_string_or_null(&j, "name", NULL);
    sw_json_put_string_or_null(&j, "id", "c-1");
    sw_json_put_integer(&j, "n", 3);
    sw_json_put_number(&j, "x", -0.0);
    sw_json_put_bool(&j, "self", 0);
    sw_json_end_object(&j);
    assert_string_equal("{\n  \"s\": \"\",\n  \"name\": null,\n  \"id\": \"c-1\",\n"
                        "  \"n\": 3,\n  \"x\": 0,\n  \"self\": false\n}\n", sw_buf_str(&b));
    sw_buf_release(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_nesting_and_commas),
        cmocka_unit_test(test_json_numbers_full_precision_nan_null),
        cmocka_unit_test(test_json_string_escapes),
        cmocka_unit_test(test_json_members),
    };
    return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
