/* test_vec.c - growing arrays (core/util/vec.c). */
#include "unit.h"

#include <stdint.h>
#include <stdlib.h>

#include "util/vec.h"

static void test_vec_starts_at_first_then_doubles(void **state)
{
    (void)state;
    int *items = NULL;
    size_t cap = 0;
    assert_int_equal(0, SW_VEC_GROW(items, cap, 1, 4));
    assert_int_equal(4, cap);
    int *first = items;
    items[3] = 7;
    assert_int_equal(0, SW_VEC_GROW(items, cap, 4, 4));
    assert_int_equal(4, cap);    /* it holds 4 already: nothing moves */
    assert_ptr_equal(first, items);
    assert_int_equal(0, SW_VEC_GROW(items, cap, 5, 4));
    assert_int_equal(8, cap);
    assert_int_equal(0, SW_VEC_GROW(items, cap, 30, 4));
    assert_int_equal(32, cap);
    assert_int_equal(7, items[3]);
    free(items);
}

/* A byte count past SIZE_MAX fails and leaves the array as it was. */
static void test_vec_overflow_fails_unchanged(void **state)
{
    (void)state;
    double *items = NULL;
    size_t cap = 0;
    assert_int_equal(0, SW_VEC_GROW(items, cap, 2, 2));
    double *before = items;
    assert_int_equal(-1, SW_VEC_GROW(items, cap, SIZE_MAX / 4, 2));
    assert_ptr_equal(before, items);
    assert_int_equal(2, cap);
    assert_int_equal(-1, SW_VEC_GROW(items, cap, SIZE_MAX, 2));
    assert_int_equal(2, cap);
    free(items);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vec_starts_at_first_then_doubles),
        cmocka_unit_test(test_vec_overflow_fails_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
