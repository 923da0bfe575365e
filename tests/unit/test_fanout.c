/* test_fanout.c - one job of n items on several threads (core/util/fanout.c). */
#include "unit.h"

#include <stdatomic.h>
#include <string.h>

#include "util/fanout.h"

#define ITEMS 1000

static atomic_int runs[ITEMS];

static void count_run(void *ctx, size_t i)
{
    (void)ctx;
    atomic_fetch_add(&runs[i], 1);
}

/* Every item runs exactly once, however many threads are asked for. */
static void test_fanout_runs_each_item_once(void **state)
{
    (void)state;
    static const unsigned threads[] = { 0, 1, 2, 7, SW_MAX_THREADS, 1000 };
    static const size_t items[] = { 0, 1, 3, ITEMS };
    for (size_t t = 0; t < sizeof threads / sizeof threads[0]; t++) {
        for (size_t k = 0; k < sizeof items / sizeof items[0]; k++) {
            for (size_t i = 0; i < ITEMS; i++)
                atomic_store(&runs[i], 0);
            sw_fanout(items[k], threads[t], count_run, NULL);
            for (size_t i = 0; i < ITEMS; i++)
                assert_int_equal(i < items[k] ? 1 : 0, atomic_load(&runs[i]));
        }
    }
}

static void square(void *ctx, size_t i)
{
    long *out = ctx;
    out[i] = (long)(i * i);
}

/* Each item writes only its own slot: the results are in item order. */
static void test_fanout_items_own_their_slots(void **state)
{
    (void)state;
    long out[100];
    memset(out, 0, sizeof out);
    sw_fanout(100, 4, square, out);
    for (long i = 0; i < 100; i++)
        assert_int_equal(i * i, out[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fanout_runs_each_item_once),
        cmocka_unit_test(test_fanout_items_own_their_slots),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
