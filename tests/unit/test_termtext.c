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

/* Wide characters take two columns, combining marks none: cells stay
 * exactly as wide as asked, a wide character that does not fit before the
 * "~" leaves a space. */
static void test_text_cell_counts_wide_and_combining(void **state)
{
    (void)state;
    static const char li_wei_ming[] = "\xE6\x9D\x8E\xE4\xBC\x9F\xE6\x98\x8E";   /* 6 columns */
    static const char cafe[] = "cafe\xCC\x81";                                   /* 4 columns */
    struct sw_buf actual = SW_BUF_INIT;
    assert_int_equal(6, sw_text_width(li_wei_ming));
    assert_int_equal(4, sw_text_width(cafe));
    assert_int_equal(1, sw_text_width("\x1b"));          /* shown as one space */
    sw_text_cell(&actual, li_wei_ming, 4);
    sw_buf_addc(&actual, '|');
    sw_text_cell(&actual, li_wei_ming, 5);
    sw_buf_addc(&actual, '|');
    sw_text_cell(&actual, cafe, 5);
    sw_buf_addc(&actual, '|');
    sw_text_cell(&actual, cafe, 4);
    sw_buf_addc(&actual, '|');
    sw_text_cell_right(&actual, li_wei_ming, 8);
    assert_string_equal("\xE6\x9D\x8E~ |\xE6\x9D\x8E\xE4\xBC\x9F~|cafe\xCC\x81 |cafe\xCC\x81|"
                        "  \xE6\x9D\x8E\xE4\xBC\x9F\xE6\x98\x8E", sw_buf_str(&actual));
    sw_buf_release(&actual);
}

/* sw_text_fit never splits a character and keeps trailing combining marks. */
static void test_text_fit_by_columns(void **state)
{
    (void)state;
    assert_int_equal(3, sw_text_fit("\xE6\x9D\x8E\xE4\xBC\x9F", (size_t)-1, 3));
    assert_int_equal(6, sw_text_fit("\xE6\x9D\x8E\xE4\xBC\x9F", (size_t)-1, 4));
    assert_int_equal(6, sw_text_fit("cafe\xCC\x81" "x", (size_t)-1, 4));
    assert_int_equal(2, sw_text_fit("ab", (size_t)-1, 9));
    assert_int_equal(1, sw_text_fit("ab", 1, 9));
    assert_int_equal(0, sw_text_fit("\xE6\x9D\x8E", (size_t)-1, 1));
}

/* Words flow from a column, wrap to the indent, and a word wider than a
 * line is broken over lines; no line passes the limit. */
static void test_text_flow_wraps_and_breaks(void **state)
{
    (void)state;
    struct sw_buf actual = SW_BUF_INIT;
    size_t col = sw_text_flow(&actual, "one two three", 6, 2, 12);
    assert_int_equal(11, col);
    sw_buf_addc(&actual, '|');
    col = sw_text_flow(&actual, " abcdefghijklmnopqrstuvwxyz", 0, 2, 12);
    assert_int_equal(7, col);
    sw_buf_addc(&actual, '|');
    sw_text_wrap(&actual, "\xE6\x9D\x8E\xE4\xBC\x9F\xE6\x98\x8E", 0, 0, 5);
    assert_string_equal("one\n  two three| abcdefghijk\n  lmnopqrstu\n  vwxyz|"
                        "\xE6\x9D\x8E\xE4\xBC\x9F\n\xE6\x98\x8E\n", sw_buf_str(&actual));
    sw_buf_release(&actual);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_add_blanks_every_control),
        cmocka_unit_test(test_text_add_keeps_other_text),
        cmocka_unit_test(test_text_add_stops_at_len),
        cmocka_unit_test(test_text_cell_cuts_and_pads_by_columns),
        cmocka_unit_test(test_text_cell_counts_wide_and_combining),
        cmocka_unit_test(test_text_fit_by_columns),
        cmocka_unit_test(test_text_flow_wraps_and_breaks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
