/* test_load.c - many documents on worker threads, handed over in path order (core/io/load.c). */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load.h"

/* More than two windows, and not a multiple of one. */
#define FILES (2 * SW_LOAD_BATCH + 77)

static char dir[64];
static char *paths[FILES];

/* File i: a rubric (tests/fixtures/rubrics/mini.xml with its id made
 * "r<i>"; skipped with SW_DOC_SKIP_RUBRICS) when i % 3 == 0, an element that
 * is no document of ours when i % 3 == 1, broken XML else. */
static int make_files(void **state)
{
    (void)state;
    char rubric[4096];
    FILE *mini = fopen("tests/fixtures/rubrics/mini.xml", "r");
    size_t len = mini ? fread(rubric, 1, sizeof rubric - 1, mini) : 0;
    if (mini)
        fclose(mini);
    rubric[len] = '\0';
    char *id = strstr(rubric, "id=\"mini\"");
    strcpy(dir, "/tmp/sw-load-XXXXXX");
    if (!id || !mkdtemp(dir))
        return -1;
    *id = '\0';
    for (size_t i = 0; i < FILES; i++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%05zu.xml", dir, i);
        FILE *f = fopen(path, "w");
        if (!f || !(paths[i] = strdup(path)))
            return -1;
        if (i % 3 == 0)
            fprintf(f, "%sid=\"r%zu\"%s", rubric, i, id + strlen("id=\"mini\""));
        else if (i % 3 == 1)
            fprintf(f, "<other%zu/>\n", i);
        else
            fputs("<broken\n", f);
        fclose(f);
    }
    return 0;
}

static int remove_files(void **state)
{
    (void)state;
    for (size_t i = 0; i < FILES; i++) {
        if (paths[i])
            remove(paths[i]);
        free(paths[i]);
    }
    return rmdir(dir);
}

/* What the callbacks saw, in the order they saw it. */
struct seen {
    size_t calls, progress_calls, last_done;
    size_t order_errors;
    int failed[FILES];
    char first_error[FILES][48];
};

static void each(void *ctx, const char *path, struct sw_document *doc, int failed,
                 struct sw_errors *errs)
{
    struct seen *s = ctx;
    if (s->calls >= FILES || strcmp(path, paths[s->calls]) != 0) {
        s->order_errors++;
        return;
    }
    s->failed[s->calls] = failed;
    if (!failed && doc->kind != SW_DOC_RUBRIC)
        s->order_errors++;
    snprintf(s->first_error[s->calls], sizeof s->first_error[0], "%s",
             errs->count ? errs->items[0].message : "");
    s->calls++;
}

static void progress(void *ctx, size_t done, size_t total)
{
    struct seen *s = ctx;
    if (total != FILES || done <= s->last_done ||
        (done % SW_LOAD_BATCH != 0 && done != FILES))
        s->order_errors++;
    s->last_done = done;
    s->progress_calls++;
}

/* Whatever the number of threads, every file is handed over once, in path
 * order, with its own result and errors, and progress after every
 * SW_LOAD_BATCH files and the last. */
static void test_load_in_path_order_whatever_the_threads(void **state)
{
    (void)state;
    static struct seen one, many;
    static const unsigned threads[] = { 0, 1, 2, 3, SW_MAX_THREADS + 5 };
    assert_int_equal(0, sw_load_files(NULL, paths, FILES, SW_DOC_SKIP_RUBRICS, 1, each,
                                      progress, &one));
    assert_int_equal(FILES, one.calls);
    assert_int_equal(0, one.order_errors);
    assert_int_equal(3, one.progress_calls);
    for (size_t i = 0; i < FILES; i++)
        assert_int_equal(i % 3 != 0, one.failed[i]);
    assert_string_equal("", one.first_error[0]);
    assert_non_null(strstr(one.first_error[1], "root element <other1>"));
    assert_string_not_equal("", one.first_error[2]);
    for (size_t t = 0; t < sizeof threads / sizeof threads[0]; t++) {
        memset(&many, 0, sizeof many);
        assert_int_equal(0, sw_load_files(NULL, paths, FILES, SW_DOC_SKIP_RUBRICS, threads[t],
                                          each, progress, &many));
        assert_int_equal(FILES, many.calls);
        assert_int_equal(0, many.order_errors);
        assert_int_equal(3, many.progress_calls);
        assert_memory_equal(one.failed, many.failed, sizeof one.failed);
        assert_memory_equal(one.first_error, many.first_error, sizeof one.first_error);
    }
}

/* No files: nothing is called. */
static void test_load_nothing(void **state)
{
    (void)state;
    static struct seen none;
    assert_int_equal(0, sw_load_files(NULL, paths, 0, 0, 2, each, progress, &none));
    assert_int_equal(0, none.calls);
    assert_int_equal(0, none.progress_calls);
}

/* What the callbacks saw when the callee takes documents and errors. */
struct taken {
    size_t calls, order_errors, rubrics, errors;
    size_t done[8], progress_calls;
    unsigned slow_every;         /* 0, or sleep 1 ms every that many files */
    char ids[FILES][8];          /* the id of the rubric taken, "" if none */
    struct sw_errors moved;
};

/* Takes every rubric (checking it is file i's) and moves away the errors of
 * every other failing file; sleeps now and then when asked, so that the
 * readers fill the window and wait for room. */
static void take(void *ctx, const char *path, struct sw_document *doc, int failed,
                 struct sw_errors *errs)
{
    struct taken *t = ctx;
    size_t i = t->calls++;
    if (i >= FILES || strcmp(path, paths[i]) != 0 || failed != (i % 3 != 0)) {
        t->order_errors++;
        return;
    }
    if (doc->rubric) {
        snprintf(t->ids[i], sizeof t->ids[i], "%s", doc->rubric->id);
        sw_rubric_free(doc->rubric);
        doc->rubric = NULL;
        t->rubrics++;
    }
    t->errors += errs->count;
    if (failed && i % 2 == 0)
        sw_errors_move(&t->moved, errs);
    if (t->slow_every && i % t->slow_every == 0)
        usleep(1000);
}

static void taken_progress(void *ctx, size_t done, size_t total)
{
    struct taken *t = ctx;
    if (total != FILES)
        t->order_errors++;
    if (t->progress_calls < 8)
        t->done[t->progress_calls] = done;
    t->progress_calls++;
}

/* With 1, 2, 4 and 16 threads, a consumer that keeps up and one that is
 * slow: every file once, in path order, with its own document (rubric r<i>
 * for file i) and errors; progress exactly after files 512, 1024 and 1101. */
static void test_load_takes_documents_in_order(void **state)
{
    (void)state;
    static struct taken t;
    static const unsigned threads[] = { 1, 2, 4, 16 };
    for (size_t k = 0; k < 2 * (sizeof threads / sizeof threads[0]); k++) {
        memset(&t, 0, sizeof t);
        sw_errors_init(&t.moved);
        t.slow_every = k % 2 ? 64 : 0;
        assert_int_equal(0, sw_load_files(NULL, paths, FILES, 0, threads[k / 2], take,
                                          taken_progress, &t));
        assert_int_equal(FILES, t.calls);
        assert_int_equal(0, t.order_errors);
        assert_int_equal((FILES + 2) / 3, t.rubrics);
        assert_int_equal(2 * FILES / 3, t.errors);
        assert_int_equal(3, t.progress_calls);
        assert_int_equal(SW_LOAD_BATCH, t.done[0]);
        assert_int_equal(2 * SW_LOAD_BATCH, t.done[1]);
        assert_int_equal(FILES, t.done[2]);
        for (size_t i = 0; i < FILES; i += 3) {
            char want[8];
            snprintf(want, sizeof want, "r%zu", i);
            assert_string_equal(want, t.ids[i]);
        }
        assert_int_equal(FILES / 3, t.moved.count);
        sw_errors_release(&t.moved);
    }
}

/* No progress function: the files are still all handed over. */
static void test_load_without_progress(void **state)
{
    (void)state;
    static struct taken t;
    memset(&t, 0, sizeof t);
    sw_errors_init(&t.moved);
    assert_int_equal(0, sw_load_files(NULL, paths, FILES, 0, 2, take, NULL, &t));
    assert_int_equal(FILES, t.calls);
    assert_int_equal(0, t.order_errors);
    assert_int_equal(0, t.progress_calls);
    sw_errors_release(&t.moved);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_in_path_order_whatever_the_threads),
        cmocka_unit_test(test_load_takes_documents_in_order),
        cmocka_unit_test(test_load_without_progress),
        cmocka_unit_test(test_load_nothing),
    };
    return cmocka_run_group_tests(tests, make_files, remove_files);
}
