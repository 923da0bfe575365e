#include "unit.h"

#include <string.h>

#include "termtext.h"

static void test_text_add_blanks_every_control(void **state)
{
    (void)state;
    /* ESC [ 2 J, a newline, DEL, C1 CSI (U+009B), RLO (U+202E), RLI (U+2067) */
    static const char input[] = "a\x1b[2Jb\nc\x7f" "d\xC2\x9B" "e\xE2\x80\xAE" "f\xE2\x81\xA7g";
    struct sw_buf actual = SW_BUF_INIT;
    sw_text_add(&actual, input, (size_t)-1);
    assert_string_equal("a [2Jb c d e f g", sw_buf_str(&actual));
    sw_buf_release(&actual);
}

static void test_text_add_keeps_other_text(void **state)
{
    (void)state;
    /* é (C3 A9), U+00A0 (C2 A0, just past C1), U+2029 (E2 80 A9, just before
     * the overrides), Hebrew, an emoji */
    static const char input[] = "\xC3\xA9\xC2\xA0\xE2\x80\xA9\xD7\xA9\xF0\x9F\x9A\x80";
    struct sw_buf actual = SW_BUF_INIT;
    sw_text_add(&actual, input, (size_t)-1);
    assert_string_equal(input, sw_buf_str(&actual));
    sw_buf_release(&actual);
}

static void test_text_add_stops_at_len(void **state)
{
    (void)state;
    struct sw_buf actual = SW_BUF_INIT;
    sw_text_add(&actual, "ab\xC2\x9B", 3);   /* a cut C1 sequence is not read past len */
    assert_int_equal(3, actual.len);
    assert_int_equal(0, memcmp("ab\xC2", actual.data, 3));
    sw_buf_release(&actual);
}

static void test_text_cell_cuts_and_pads_by_columns(void **state)
{
    (void)state;
    struct sw_buf actual = SW_BUF_INIT;
    sw_text_cell(&actual, "Z\xC3\xB6" "e", 5);
    sw_text_cell(&actual, "abcdef", 4);
    assert_string_equal("Z\xC3\xB6" "e  abc~", sw_buf_str(&actual));
    sw_buf_release(&actual);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_add_blanks_every_control),
        cmocka_unit_test(test_text_add_keeps_other_text),
        cmocka_unit_test(test_text_add_stops_at_len),
        cmocka_unit_test(test_text_cell_cuts_and_pads_by_columns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
