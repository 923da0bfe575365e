/* test_termtable.c - tables fitted to a width: as they are, cut, in blocks. */
#include "unit.h"

#include <string.h>

#include "render/termtable.h"

static const struct sw_table_column columns[] = {
    { "name", 0, 6 }, { "score", 1, 0 }, { "note", 0, 4 },
};

static void fill(struct sw_table *t)
{
    sw_table_init(t, columns, 3);
    static const char *const cells[] = { "Ada Lovelace", "4.50", "first programmer",
                                         "\xE6\x9D\x8E\xE4\xBC\x9F", "3", "-" };
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(0, sw_table_add(t, cells[i], NULL));
}

static void test_termtable_fits_as_it_is(void **state)
{
    (void)state;
    struct sw_table t;
    struct sw_buf actual = SW_BUF_INIT;
    fill(&t);
    assert_int_equal(0, sw_table_render(&t, 80, &actual));
    assert_string_equal("name          score  note\n"
                        "Ada Lovelace   4.50  first programmer\n"
                        "\xE6\x9D\x8E\xE4\xBC\x9F              3  -\n", sw_buf_str(&actual));
    sw_table_release(&t);
    sw_buf_release(&actual);
}

/* 30 columns: the widest text column is cut first, a column at a time; at
 * 20 both are at their minimum (6, and the header's 4 plus room). */
static void test_termtable_cuts_text_columns(void **state)
{
    (void)state;
    struct sw_table t;
    struct sw_buf actual = SW_BUF_INIT;
    fill(&t);
    assert_int_equal(0, sw_table_render(&t, 30, &actual));
    assert_string_equal("name        score  note\n"
                        "Ada Lovel~   4.50  first prog~\n"
                        "\xE6\x9D\x8E\xE4\xBC\x9F            3  -\n", sw_buf_str(&actual));
    sw_buf_reset(&actual);
    assert_int_equal(0, sw_table_render(&t, 20, &actual));
    assert_string_equal("name    score  note\n"
                        "Ada L~   4.50  firs~\n"
                        "\xE6\x9D\x8E\xE4\xBC\x9F        3  -\n", sw_buf_str(&actual));
    sw_table_release(&t);
    sw_buf_release(&actual);
}

/* 17 columns: even at their minimum the columns do not fit; they go into
 * blocks that repeat the key column, each given back the room it has. */
static void test_termtable_deals_columns_into_blocks(void **state)
{
    (void)state;
    struct sw_table t;
    struct sw_buf actual = SW_BUF_INIT;
    fill(&t);
    assert_int_equal(0, sw_table_render(&t, 17, &actual));
    assert_string_equal("name        score\n"
                        "Ada Lovel~   4.50\n"
                        "\xE6\x9D\x8E\xE4\xBC\x9F            3\n"
                        "\n"
                        "name     note\n"
                        "Ada Lo~  first p~\n"
                        "\xE6\x9D\x8E\xE4\xBC\x9F     -\n", sw_buf_str(&actual));
    sw_table_release(&t);
    sw_buf_release(&actual);
}

/* Control characters in cells are shown as spaces, colours wrap the cell. */
static void test_termtable_cleans_and_colours_cells(void **state)
{
    (void)state;
    static const struct sw_table_column one[] = { { "x", 0, 0 }, { "y", 1, 0 } };
    struct sw_table t;
    struct sw_buf actual = SW_BUF_INIT;
    sw_table_init(&t, one, 2);
    sw_table_add(&t, "a\033[2Jb", NULL);
    sw_table_add(&t, "1", "\033[31m");
    assert_int_equal(0, sw_table_render(&t, 80, &actual));
    assert_string_equal("x       y\na [2Jb  \033[31m1\033[0m\n", sw_buf_str(&actual));
    sw_table_release(&t);
    sw_buf_release(&actual);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_termtable_fits_as_it_is),
        cmocka_unit_test(test_termtable_cuts_text_columns),
        cmocka_unit_test(test_termtable_deals_columns_into_blocks),
        cmocka_unit_test(test_termtable_cleans_and_colours_cells),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
