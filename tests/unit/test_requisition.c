#include "unit.h"
#include "mini.h"
#include "req_fixture.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "aggregate.h"
#include "files.h"
#include "requisition.h"

static long refresh(struct sw_requisition *q)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    long parsed = sw_requisition_refresh(q, &errs);
    assert_int_equal(0, errs.count);
    sw_errors_release(&errs);
    return parsed;
}

static double design_mean(const struct sw_req_snapshot *s, const char *candidate)
{
    long c = sw_aggregate_candidate(s->aggregate, candidate);
    assert_true(c >= 0);
    return s->aggregate->candidates[c].competencies[0].mean;
}

/* Three files, then: no change (nothing parsed, the same snapshot), one
 * changed, one new, one deleted; a snapshot taken earlier stays as it was. */
static void test_requisition_reparses_only_what_changed(void **state)
{
    (void)state;
    write_card("a.xml", "c1", "bob", "4", 1000, 1);
    write_card("b.xml", "c1", "amy", "2", 1000, 2);
    write_card("c.xml", "c2", "bob", "3", 1000, 3);
    struct sw_requisition *q = fresh();
    assert_null(sw_requisition_snapshot(q));
    assert_int_equal(3, refresh(q));
    struct sw_req_snapshot *first = sw_requisition_snapshot(q);
    assert_int_equal(1, first->generation);
    assert_int_equal(3, first->n_files);
    assert_int_equal(3, first->parsed);
    assert_int_equal(2, first->aggregate->n_candidates);
    assert_close(3, design_mean(first, "c1"));

    assert_int_equal(0, refresh(q));
    struct sw_req_snapshot *same = sw_requisition_snapshot(q);
    assert_ptr_equal(first, same);
    sw_req_snapshot_release(same);

    write_card("b.xml", "c1", "amy", "5", 1000, 4);
    assert_int_equal(1, refresh(q));
    struct sw_req_snapshot *second = sw_requisition_snapshot(q);
    assert_int_equal(2, second->generation);
    assert_int_equal(1, second->parsed);
    assert_close(4.5, design_mean(second, "c1"));
    assert_close(3, design_mean(first, "c1"));    /* the old one is untouched */
    sw_req_snapshot_release(first);

    write_card("d.xml", "c3", "amy", "1", 1000, 5);
    assert_int_equal(1, refresh(q));
    char path[128];
    path_of(path, sizeof path, "a.xml");
    assert_int_equal(0, unlink(path));
    assert_int_equal(0, refresh(q));
    struct sw_req_snapshot *last = sw_requisition_snapshot(q);
    assert_int_equal(4, last->generation);
    assert_int_equal(3, last->n_files);
    assert_null(sw_req_snapshot_file(last, path));
    path_of(path, sizeof path, "d.xml");
    assert_string_equal("said 1", sw_req_snapshot_file(last, path)->scorecard->ratings[0].evidence);
    assert_close(5, design_mean(last, "c1"));
    assert_int_equal(3, last->aggregate->n_candidates);
    sw_req_snapshot_release(last);
    sw_req_snapshot_release(second);
    sw_requisition_free(q);
}

/* The same bytes with a modification time one nanosecond later are parsed
 * again; the same identity is not. */
static void test_requisition_sees_a_nanosecond(void **state)
{
    (void)state;
    write_card("a.xml", "c1", "bob", "4", 2000, 7);
    struct sw_requisition *q = fresh();
    assert_int_equal(1, refresh(q));
    write_card("a.xml", "c1", "bob", "4", 2000, 7);
    assert_int_equal(0, refresh(q));
    write_card("a.xml", "c1", "bob", "4", 2000, 8);
    assert_int_equal(1, refresh(q));
    sw_requisition_free(q);
}

/* A file written just now is parsed again by the next refresh, whatever
 * its identity, until its time is 2 seconds old. */
static void test_requisition_rereads_a_racy_file(void **state)
{
    (void)state;
    long now = (long)time(NULL);
    write_card("a.xml", "c1", "bob", "4", now, 0);
    write_card("b.xml", "c1", "amy", "4", 6000, 0);
    struct sw_requisition *q = fresh();
    assert_int_equal(2, refresh(q));
    assert_int_equal(1, refresh(q));
    assert_int_equal(1, refresh(q));
    write_card("a.xml", "c1", "bob", "4", now - 3, 0);
    assert_int_equal(1, refresh(q));
    assert_int_equal(0, refresh(q));
    sw_requisition_free(q);
}

/* An invalid file is recorded against itself and hides nothing; a second
 * card for the same candidate, interview and interviewer is refused by the
 * aggregate; a rubric in the folder is skipped. Fixing the file heals it. */
static void test_requisition_records_problems_per_file(void **state)
{
    (void)state;
    write_card("a.xml", "c1", "bob", "4", 3000, 1);
    write_card("b.xml", "c1", "amy", "4.25", 3000, 2);
    write_card("c.xml", "c1", "bob", "2", 3000, 3);
    write_card("d.xml", "c2", "amy", "3", 3000, 4);
    write_file("mini.xml", "<rubric xmlns='urn:scorewheel:rubric:1' id='x'/>\n", 3000, 5);
    struct sw_requisition *q = fresh();
    assert_int_equal(5, refresh(q));
    struct sw_req_snapshot *s = sw_requisition_snapshot(q);
    assert_int_equal(5, s->n_files);
    assert_int_equal(2, s->n_invalid);
    assert_int_equal(2, s->errors.count);
    char expected[256];
    const struct sw_req_file *b = &s->files[1];
    assert_null(b->scorecard);
    assert_false(b->added);
    assert_int_equal(0, b->first_error);
    assert_int_equal(1, b->n_errors);
    path_of(expected, sizeof expected, "b.xml");
    assert_string_equal(expected, s->errors.items[0].file);
    assert_int_equal(1, s->errors.items[0].line);
    assert_string_equal("value '4.25' is off the scale's step 0.5",
                        s->errors.items[0].message);
    const struct sw_req_file *c = &s->files[2];
    assert_non_null(c->scorecard);
    assert_false(c->added);
    assert_int_equal(1, c->first_error);
    assert_int_equal(1, c->n_errors);
    path_of(expected, sizeof expected, "a.xml");
    assert_non_null(strstr(s->errors.items[1].message, expected));
    assert_true(s->files[0].added);
    assert_true(s->files[3].added);
    assert_null(s->files[4].scorecard);        /* the rubric */
    assert_int_equal(0, s->files[4].n_errors);
    assert_int_equal(2, s->aggregate->n_cards);
    sw_req_snapshot_release(s);

    write_card("b.xml", "c1", "amy", "4.5", 3000, 6);
    assert_int_equal(1, refresh(q));
    s = sw_requisition_snapshot(q);
    assert_int_equal(1, s->n_invalid);
    assert_true(s->files[1].added);
    assert_close(4.25, design_mean(s, "c1"));
    sw_req_snapshot_release(s);
    sw_requisition_free(q);
}

/* The snapshot's aggregate is the one the aggregating commands make from
 * the same folder: the same candidates, cards and numbers. */
static void test_requisition_agrees_with_a_full_load(void **state)
{
    (void)state;
    char sub[128];
    path_of(sub, sizeof sub, "x");
    assert_int_equal(0, mkdir(sub, 0777));
    write_card("x/1.xml", "c1", "bob", "4", 4000, 1);
    write_card("x-1.xml", "c1", "amy", "2.5", 4000, 2);
    write_card("x/2.xml", "c2", "bob", "3.5", 4000, 3);
    write_card("x/3.xml", "c2", "amy", "5", 4000, 4);
    struct sw_requisition *q = fresh();
    assert_int_equal(4, refresh(q));
    write_card("x/3.xml", "c2", "amy", "1", 4000, 5);
    assert_int_equal(1, refresh(q));
    struct sw_req_snapshot *s = sw_requisition_snapshot(q);

    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_paths paths;
    sw_paths_init(&paths);
    assert_int_equal(0, sw_paths_collect(&paths, dir, &errs));
    struct sw_aggregate *expected = sw_aggregate_new(mini);
    assert_int_equal(0, sw_aggregate_load(expected, paths.items, paths.count, &errs));
    assert_int_equal(0, sw_aggregate_finish(expected, -1, &errs));
    const struct sw_aggregate *actual = s->aggregate;
    assert_int_equal(expected->n_candidates, actual->n_candidates);
    assert_int_equal(expected->n_cards, actual->n_cards);
    for (size_t i = 0; i < expected->n_cards; i++)
        assert_string_equal(expected->cards[i].path, actual->cards[i].path);
    for (size_t i = 0; i < expected->n_candidates; i++) {
        assert_string_equal(expected->candidates[i].id, actual->candidates[i].id);
        assert_string_equal(expected->candidates[i].name, actual->candidates[i].name);
        assert_close(expected->candidates[i].overall, actual->candidates[i].overall);
        assert_close(expected->candidates[i].shortfall, actual->candidates[i].shortfall);
        assert_int_equal(expected->candidates[i].decision, actual->candidates[i].decision);
    }
    sw_aggregate_free(expected);
    sw_paths_release(&paths);
    sw_errors_release(&errs);
    sw_req_snapshot_release(s);
    sw_requisition_free(q);
}

static void test_requisition_refuses_a_missing_folder(void **state)
{
    (void)state;
    struct sw_requisition *q = sw_requisition_new(mini, "/nonexistent/req", 1);
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(-1, sw_requisition_refresh(q, &errs));
    assert_int_equal(1, errs.count);
    assert_int_equal(SW_ESYSTEM, errs.items[0].code);
    assert_string_equal("/nonexistent/req", errs.items[0].file);
    assert_string_equal("cannot read: No such file or directory", errs.items[0].message);
    assert_null(sw_requisition_snapshot(q));
    sw_errors_release(&errs);
    sw_requisition_free(q);
}

/* Readers on two threads take and read snapshots while the main thread
 * changes a file and refreshes: every snapshot a reader holds stays
 * consistent (one card per file, a mean that is one of the values written). */
struct reader {
    struct sw_requisition *q;
    atomic_int *stop;
    long reads, bad;
};

static void *read_snapshots(void *arg)
{
    struct reader *r = arg;
    while (!atomic_load(r->stop)) {
        struct sw_req_snapshot *s = sw_requisition_snapshot(r->q);
        double mean = design_mean(s, "c1");
        if (s->n_files != 2 || s->aggregate->n_cards != 2 || (mean != 3 && mean != 3.5))
            r->bad++;
        r->reads++;
        sw_req_snapshot_release(s);
    }
    return NULL;
}

static void test_requisition_serves_readers_while_refreshing(void **state)
{
    (void)state;
    write_card("a.xml", "c1", "bob", "4", 5000, 0);
    write_card("b.xml", "c1", "amy", "2", 5000, 0);
    struct sw_requisition *q = fresh();
    assert_int_equal(2, refresh(q));
    atomic_int stop;
    atomic_init(&stop, 0);
    struct reader readers[2] = { { q, &stop, 0, 0 }, { q, &stop, 0, 0 } };
    pthread_t threads[2];
    for (int i = 0; i < 2; i++)
        assert_int_equal(0, pthread_create(&threads[i], NULL, read_snapshots, &readers[i]));
    for (long i = 1; i <= 50; i++) {
        write_card("b.xml", "c1", "amy", i % 2 ? "3" : "2", 5000, i);
        assert_int_equal(1, refresh(q));
    }
    atomic_store(&stop, 1);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(0, pthread_join(threads[i], NULL));
        assert_true(readers[i].reads > 0);
        assert_int_equal(0, readers[i].bad);
    }
    struct sw_req_snapshot *s = sw_requisition_snapshot(q);
    assert_int_equal(51, s->generation);
    sw_req_snapshot_release(s);
    sw_requisition_free(q);
}

/* value of the only rating of the scorecard at dir/name in s */
static double value_in(const struct sw_req_snapshot *s, const char *name)
{
    char path[128];
    path_of(path, sizeof path, name);
    const struct sw_req_file *f = sw_req_snapshot_file(s, path);
    assert_non_null(f);
    assert_non_null(f->scorecard);
    return f->scorecard->ratings[0].value;
}

/* Candidates c-1 and c-1-b: "c-1-b/x.xml" sorts before "c-1/x.xml" by
 * strcmp but after it in the walk, which made serve's former index (a
 * binary search over the walk's order) miss them: both were parsed again at
 * every refresh, and a note of a write to them was lost. Writes both, with
 * paths p1 and p2, and reads them once. */
static struct sw_requisition *c1_beside_c1b(char *p1, char *p2, size_t size)
{
    path_of(p1, size, "c-1");
    path_of(p2, size, "c-1-b");
    assert_int_equal(0, mkdir(p1, 0700));
    assert_int_equal(0, mkdir(p2, 0700));
    write_card("c-1/x.xml", "c-1", "bob", "4", 3000, 1);
    write_card("c-1-b/x.xml", "c-1-b", "bob", "2", 3000, 2);
    path_of(p1, size, "c-1/x.xml");
    path_of(p2, size, "c-1-b/x.xml");
    struct sw_requisition *q = fresh();
    assert_int_equal(2, refresh(q));
    return q;
}

/* Neither is parsed again while unchanged; finding by candidate, interview
 * and interviewer; an editor's read of one is the cache's parse. */
static void test_requisition_c1_beside_c1b_unchanged(void **state)
{
    (void)state;
    char p1[128], p2[128];
    struct sw_requisition *q = c1_beside_c1b(p1, p2, sizeof p1);
    assert_int_equal(0, refresh(q));
    assert_int_equal(0, refresh(q));
    assert_int_equal(2, sw_requisition_parses(q));

    struct sw_req_snapshot *s = sw_requisition_snapshot(q);
    assert_string_equal(p1, s->files[0].path);      /* the walk's order */
    assert_int_equal(0, sw_req_snapshot_find(s, 0, "c-1", "tech", "bob"));
    assert_int_equal(1, sw_req_snapshot_find(s, 0, "c-1-b", NULL, NULL));
    assert_int_equal(1, sw_req_snapshot_find(s, 1, NULL, NULL, "bob"));
    assert_int_equal(2, sw_req_snapshot_find(s, 0, "c-1", "tech", "amy"));
    assert_int_equal(2, sw_req_snapshot_find(s, 0, NULL, "lead", NULL));
    assert_int_equal(3000, s->files[1].mtime.tv_sec);
    assert_int_equal(2, s->files[1].mtime.tv_nsec);
    sw_req_snapshot_release(s);

    struct sw_buf bytes = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_scorecard *sc = sw_requisition_card(q, p2, &bytes, &errs);
    assert_non_null(sc);
    assert_int_equal(0, errs.count);
    assert_close(2, sc->ratings[0].value);
    assert_non_null(strstr(sw_buf_str(&bytes), "candidate='c-1-b' "));
    assert_int_equal(2, sw_requisition_parses(q));

    /* An invalid file: NULL with its problem, parsed for the purpose. */
    write_file("c-1/x.xml", "<scorecard/>", 3000, 6);
    sw_buf_reset(&bytes);
    assert_null(sw_requisition_card(q, p1, &bytes, &errs));
    assert_true(errs.count > 0);
    assert_int_equal(3, sw_requisition_parses(q));
    sw_scorecard_free(sc);
    sw_buf_release(&bytes);
    sw_errors_release(&errs);
    sw_requisition_free(q);
}

/* A save in one is seen by the next refresh, and only it is parsed. */
static void test_requisition_c1_beside_c1b_saved(void **state)
{
    (void)state;
    char p1[128], p2[128];
    struct sw_requisition *q = c1_beside_c1b(p1, p2, sizeof p1);
    struct sw_buf bytes = SW_BUF_INIT, next = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_scorecard *sc = sw_requisition_card(q, p1, &bytes, &errs);
    assert_non_null(sc);
    /* As the scorecard page saves: a new file renamed over the old. */
    const char *v = strstr(sw_buf_str(&bytes), "value='4'");
    assert_non_null(v);
    sw_buf_add(&next, bytes.data, (size_t)(v - bytes.data));
    sw_buf_adds(&next, "value='5'");
    sw_buf_adds(&next, v + strlen("value='4'"));
    assert_int_equal(0, sw_write_if_unchanged(p1, next.data, next.len, bytes.data, bytes.len,
                                              &errs));
    sw_requisition_forget(q, p1);
    assert_int_equal(1, refresh(q));
    assert_int_equal(3, sw_requisition_parses(q));
    struct sw_req_snapshot *s = sw_requisition_snapshot(q);
    assert_close(5, value_in(s, "c-1/x.xml"));
    assert_close(2, value_in(s, "c-1-b/x.xml"));
    sw_req_snapshot_release(s);
    struct timespec old[2] = { { 3000, 5 }, { 3000, 5 } };
    assert_int_equal(0, utimensat(AT_FDCWD, p1, old, 0));
    assert_int_equal(1, refresh(q));
    assert_int_equal(0, refresh(q));

    /* A save in c-1-b that kept size, time and inode: only the note of the
     * write makes the next refresh read it, and only it. */
    write_card("c-1-b/x.xml", "c-1-b", "bob", "3", 3000, 2);
    assert_int_equal(0, refresh(q));
    sw_requisition_forget(q, p2);
    assert_int_equal(1, refresh(q));
    assert_int_equal(0, refresh(q));
    assert_int_equal(5, sw_requisition_parses(q));
    s = sw_requisition_snapshot(q);
    assert_close(5, value_in(s, "c-1/x.xml"));
    assert_close(3, value_in(s, "c-1-b/x.xml"));
    sw_req_snapshot_release(s);
    sw_scorecard_free(sc);
    sw_buf_release(&bytes);
    sw_buf_release(&next);
    sw_errors_release(&errs);
    sw_requisition_free(q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_requisition_reparses_only_what_changed, make_dir,
                                        remove_dir),
        cmocka_unit_test_setup_teardown(test_requisition_sees_a_nanosecond, make_dir,
                                        remove_dir),
        cmocka_unit_test_setup_teardown(test_requisition_rereads_a_racy_file, make_dir,
                                        remove_dir),
        cmocka_unit_test_setup_teardown(test_requisition_records_problems_per_file, make_dir,
                                        remove_dir),
        cmocka_unit_test_setup_teardown(test_requisition_agrees_with_a_full_load, make_dir,
                                        remove_dir),
        cmocka_unit_test(test_requisition_refuses_a_missing_folder),
        cmocka_unit_test_setup_teardown(test_requisition_c1_beside_c1b_unchanged, make_dir,
                                        remove_dir),
        cmocka_unit_test_setup_teardown(test_requisition_c1_beside_c1b_saved, make_dir,
                                        remove_dir),
        cmocka_unit_test_setup_teardown(test_requisition_serves_readers_while_refreshing,
                                        make_dir, remove_dir),
    };
    return cmocka_run_group_tests(tests, mini_setup, mini_teardown);
}
