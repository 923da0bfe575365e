/* test_requisition_recent.c - sw_requisition_refresh_recent(): a recent
 * refresh reused, shared by concurrent callers, bypassed by a forget. */
#include "unit.h"
#include "mini.h"
#include "req_fixture.h"

#include <pthread.h>

#define LONG_AGO_MS 60000L   /* a bound no test outlives: the refresh is reused */

static long recent(struct sw_requisition *q, long max_age_ms)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    long parsed = sw_requisition_refresh_recent(q, max_age_ms, &errs);
    assert_int_equal(0, errs.count);
    sw_errors_release(&errs);
    return parsed;
}

static unsigned long generation(struct sw_requisition *q)
{
    struct sw_req_snapshot *s = sw_requisition_snapshot(q);
    assert_non_null(s);
    unsigned long g = s->generation;
    sw_req_snapshot_release(s);
    return g;
}

/* A change by another program is not read within the bound and is read
 * once the last refresh is older than it (docs/design.md "The web app"). */
static void test_recent_sees_others_within_the_bound(void **state)
{
    (void)state;
    write_card("a.xml", "c1", "bob", "4", 1000, 1);
    write_card("b.xml", "c1", "amy", "2", 1000, 2);
    struct sw_requisition *q = fresh();
    assert_int_equal(2, recent(q, LONG_AGO_MS));
    write_card("b.xml", "c1", "amy", "5", 1000, 3);
    assert_int_equal(0, recent(q, LONG_AGO_MS));
    assert_int_equal(1, generation(q));
    struct timespec pause = { 0, 60 * 1000000L };
    nanosleep(&pause, NULL);
    assert_int_equal(1, recent(q, 50));
    assert_int_equal(2, generation(q));
    assert_int_equal(3, sw_requisition_parses(q));
    sw_requisition_free(q);
}

/* The writer's own change, and a new file it made, show at the next call
 * whatever the bound; the call after that reuses again. */
static void test_recent_sees_a_forgotten_write_at_once(void **state)
{
    (void)state;
    write_card("a.xml", "c1", "bob", "4", 1000, 1);
    struct sw_requisition *q = fresh();
    assert_int_equal(1, recent(q, LONG_AGO_MS));
    char path[128];
    write_card("a.xml", "c1", "bob", "3", 1000, 2);
    path_of(path, sizeof path, "a.xml");
    sw_requisition_forget(q, path);
    assert_int_equal(1, recent(q, LONG_AGO_MS));
    write_card("b.xml", "c2", "amy", "2", 1000, 3);
    path_of(path, sizeof path, "b.xml");
    sw_requisition_forget(q, path);
    assert_int_equal(1, recent(q, LONG_AGO_MS));
    struct sw_req_snapshot *s = sw_requisition_snapshot(q);
    assert_int_equal(3, s->generation);
    assert_int_equal(2, s->n_files);
    assert_int_equal(2, s->aggregate->n_candidates);
    sw_req_snapshot_release(s);
    /* nothing pending now: reused; a.xml twice and b.xml once in all */
    assert_int_equal(0, recent(q, LONG_AGO_MS));
    assert_int_equal(3, sw_requisition_parses(q));
    sw_requisition_free(q);
}

struct caller {
    struct sw_requisition *q;
    pthread_barrier_t *start;
    long parsed;
};

static void *call_recent(void *arg)
{
    struct caller *c = arg;
    pthread_barrier_wait(c->start);
    struct sw_errors errs;
    sw_errors_init(&errs);
    c->parsed = sw_requisition_refresh_recent(c->q, LONG_AGO_MS, &errs);
    sw_errors_release(&errs);
    return NULL;
}

/* Callers at once share one refresh: the folder is parsed once in all. */
static void test_recent_callers_share_one_refresh(void **state)
{
    (void)state;
    write_card("a.xml", "c1", "bob", "4", 1000, 1);
    write_card("b.xml", "c1", "amy", "2", 1000, 2);
    write_card("c.xml", "c2", "bob", "3", 1000, 3);
    struct sw_requisition *q = fresh();
    enum { N = 4 };
    pthread_barrier_t start;
    assert_int_equal(0, pthread_barrier_init(&start, NULL, N));
    struct caller callers[N];
    pthread_t threads[N];
    for (int i = 0; i < N; i++) {
        callers[i] = (struct caller){ q, &start, -2 };
        assert_int_equal(0, pthread_create(&threads[i], NULL, call_recent, &callers[i]));
    }
    long total = 0, walked = 0;
    for (int i = 0; i < N; i++) {
        assert_int_equal(0, pthread_join(threads[i], NULL));
        total += callers[i].parsed;
        walked += callers[i].parsed > 0;
    }
    pthread_barrier_destroy(&start);
    assert_int_equal(3, total);
    assert_int_equal(1, walked);
    assert_int_equal(3, sw_requisition_parses(q));
    assert_int_equal(1, generation(q));
    sw_requisition_free(q);
}

/* A failed refresh is not reused: the next call tries again. */
static void test_recent_retries_after_a_failure(void **state)
{
    (void)state;
    struct sw_requisition *q = sw_requisition_new(mini, "/nonexistent/sw-req", 1);
    assert_non_null(q);
    for (int i = 0; i < 2; i++) {
        struct sw_errors errs;
        sw_errors_init(&errs);
        assert_int_equal(-1, sw_requisition_refresh_recent(q, LONG_AGO_MS, &errs));
        assert_int_equal(1, errs.count);
        sw_errors_release(&errs);
    }
    sw_requisition_free(q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_recent_sees_others_within_the_bound, make_dir,
                                        remove_dir),
        cmocka_unit_test_setup_teardown(test_recent_sees_a_forgotten_write_at_once, make_dir,
                                        remove_dir),
        cmocka_unit_test_setup_teardown(test_recent_callers_share_one_refresh, make_dir,
                                        remove_dir),
        cmocka_unit_test(test_recent_retries_after_a_failure),
    };
    return cmocka_run_group_tests(tests, mini_setup, mini_teardown);
}
