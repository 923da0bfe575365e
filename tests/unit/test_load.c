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

/* File i: a rubric (skipped, so loaded with nothing kept) when i % 3 == 0, an
 * element that is no document of ours when i % 3 == 1, broken XML else. */
static int make_files(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/sw-load-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    for (size_t i = 0; i < FILES; i++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%05zu.xml", dir, i);
        FILE *f = fopen(path, "w");
        if (!f || !(paths[i] = strdup(path)))
            return -1;
        if (i % 3 == 0)
            fputs("<rubric xmlns=\"urn:scorewheel:rubric:1\"/>\n", f);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_in_path_order_whatever_the_threads),
        cmocka_unit_test(test_load_nothing),
    };
    return cmocka_run_group_tests(tests, make_files, remove_files);
}
