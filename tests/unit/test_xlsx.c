/* test_xlsx.c - writing the committee workbook (core/xlsx/);
 * its pure helpers are tested in test_xlsx_names.c. */
#include "unit.h"
#include "mini.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aggregate.h"
#include "files.h"
#include "xlsx.h"

static char dir[64];

static int setup(void **state)
{
    strcpy(dir, "/tmp/sw-xlsx-XXXXXX");
    return mini_setup(state) == 0 && mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    mini_teardown(state);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

/* --- writing --------------------------------------------------------------------- */

static struct sw_aggregate *load_report(void)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_paths files;
    sw_paths_init(&files);
    assert_int_equal(0, sw_paths_collect(&files, "tests/fixtures/report", &errs));
    struct sw_aggregate *a = sw_aggregate_new(mini);
    sw_aggregate_load(a, files.items, files.count, &errs);
    sw_paths_release(&files);
    sw_aggregate_finish(a, -1, &errs);
    assert_int_equal(0, errs.count);
    sw_errors_release(&errs);
    return a;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct sw_buf b = SW_BUF_INIT;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sw_buf_add(&b, chunk, n);
    fclose(f);
    sw_buf_adds(&b, "");
    return sw_buf_detach(&b, len);
}

/* Entries of dir whose name starts with '.'. */
static int hidden_entries(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        n += e->d_name[0] == '.' && strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static void test_xlsx_write_is_byte_stable(void **state)
{
    (void)state;
    struct sw_aggregate *a = load_report();
    struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
    opt.created = 1790000000;
    opt.requisition = "report";
    char one[128], two[128];
    snprintf(one, sizeof one, "%s/one.xlsx", dir);
    snprintf(two, sizeof two, "%s/two.xlsx", dir);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_xlsx_result res;
    assert_int_equal(0, sw_xlsx_write(a, one, &opt, &res, &errs));
    assert_int_equal(0, sw_xlsx_write(a, two, &opt, NULL, &errs));
    assert_int_equal(0, errs.count);
    assert_int_equal(3, res.candidates);
    assert_int_equal(6, res.scorecards);
    assert_int_equal(7, res.sheets);
    assert_int_equal(0, res.constant_memory);
    size_t n1, n2;
    char *b1 = slurp(one, &n1), *b2 = slurp(two, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(b1, b2, n1);
    assert_memory_equal("PK", b1, 2);
    assert_int_equal(0, hidden_entries());
    free(b1);
    free(b2);
    sw_errors_release(&errs);
    sw_aggregate_free(a);
}

struct progress_calls {
    size_t calls, last_done, total;
    int in_order;
};

static void record_progress(void *ctx, size_t done, size_t total)
{
    struct progress_calls *p = ctx;
    if (done != p->last_done + 1 || (p->calls && total != p->total))
        p->in_order = 0;
    p->calls++;
    p->last_done = done;
    p->total = total;
}

/* Writes a's workbook to path with opt, progress recorded: no error, one
 * call per sheet written, in order, each with the total. The progress hook
 * goes into a copy of opt, so no pointer to `calls` outlives this call. */
static void write_counting(const struct sw_aggregate *a, const char *path,
                           const struct sw_xlsx_options *opt, struct sw_xlsx_result *res)
{
    struct progress_calls calls = { 0, 0, 0, 1 };
    struct sw_xlsx_options counted = *opt;
    counted.progress = record_progress;
    counted.progress_ctx = &calls;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(0, sw_xlsx_write(a, path, &counted, res, &errs));
    assert_int_equal(0, errs.count);
    assert_int_equal(res->sheets, calls.calls);
    assert_int_equal(res->sheets, calls.last_done);
    assert_int_equal(res->sheets, calls.total);
    assert_true(calls.in_order);
    sw_errors_release(&errs);
}

/* One call per sheet: Summary, 3 candidates, Compare, Interviewers, Data. */
static void test_xlsx_write_reports_each_sheet(void **state)
{
    (void)state;
    struct sw_aggregate *a = load_report();
    struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
    char path[128];
    snprintf(path, sizeof path, "%s/progress.xlsx", dir);
    struct sw_xlsx_result res;
    write_counting(a, path, &opt, &res);
    assert_int_equal(7, res.sheets);
    sw_aggregate_free(a);
}

static void test_xlsx_write_constant_memory(void **state)
{
    (void)state;
    struct sw_aggregate *a = load_report();
    struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
    opt.memory = SW_XLSX_MEMORY_CONSTANT;
    opt.anonymize = 1;
    char path[128];
    snprintf(path, sizeof path, "%s/streamed.xlsx", dir);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_xlsx_result res;
    assert_int_equal(0, sw_xlsx_write(a, path, &opt, &res, &errs));
    assert_int_equal(0, errs.count);
    assert_int_equal(1, res.constant_memory);
    assert_int_equal(0, hidden_entries());
    sw_errors_release(&errs);
    sw_aggregate_free(a);
}

/* A file size limit makes libxlsxwriter fail while it writes the zip. */
static void test_xlsx_write_failure_leaves_the_file(void **state)
{
    (void)state;
    struct sw_aggregate *a = load_report();
    char path[128];
    snprintf(path, sizeof path, "%s/kept.xlsx", dir);
    FILE *f = fopen(path, "w");
    fputs("previous", f);
    fclose(f);
    struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
    opt.tmpdir = dir;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct rlimit saved, small;
    assert_int_equal(0, getrlimit(RLIMIT_FSIZE, &saved));
    small = saved;
    small.rlim_cur = 2048;
    void (*old)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(0, setrlimit(RLIMIT_FSIZE, &small));
    int rc = sw_xlsx_write(a, path, &opt, NULL, &errs);
    assert_int_equal(0, setrlimit(RLIMIT_FSIZE, &saved));
    signal(SIGXFSZ, old);
    assert_int_equal(-1, rc);
    assert_int_equal(1, errs.count);
    assert_int_equal(SW_ESYSTEM, errs.items[0].code);
    assert_string_equal(path, errs.items[0].file);
    assert_non_null(strstr(errs.items[0].message, "cannot write the workbook: "));
    size_t n;
    char *text = slurp(path, &n);
    assert_string_equal("previous", text);
    free(text);
    assert_int_equal(0, hidden_entries());
    sw_errors_release(&errs);
    sw_aggregate_free(a);
}

static void test_xlsx_write_needs_a_folder(void **state)
{
    (void)state;
    struct sw_aggregate *a = load_report();
    char path[128];
    snprintf(path, sizeof path, "%s/no-such-folder/x.xlsx", dir);
    struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(-1, sw_xlsx_write(a, path, &opt, NULL, &errs));
    assert_int_equal(1, errs.count);
    assert_string_equal(path, errs.items[0].file);
    assert_string_equal("cannot create: No such file or directory", errs.items[0].message);
    sw_errors_release(&errs);
    sw_aggregate_free(a);
}

/* The aggregate keeps no text: a scorecard read again must be the same one. */
static void test_xlsx_write_refuses_a_changed_scorecard(void **state)
{
    (void)state;
    char card[128], path[128];
    snprintf(card, sizeof card, "%s/tech--ann.xml", dir);
    snprintf(path, sizeof path, "%s/changed.xlsx", dir);
    size_t n;
    char *text = slurp("tests/fixtures/report/c-2/tech--ann.xml", &n);
    char *who = strstr(text, "interviewer=\"ann\"");
    for (int mode = SW_XLSX_MEMORY_NORMAL; mode <= SW_XLSX_MEMORY_CONSTANT; mode++) {
        memcpy(who, "interviewer=\"ann\"", 17);
        FILE *f = fopen(card, "w");
        fputs(text, f);
        fclose(f);
        struct sw_errors errs;
        sw_errors_init(&errs);
        struct sw_aggregate *a = sw_aggregate_new(mini);
        char *files[] = { card };
        assert_int_equal(0, sw_aggregate_load(a, files, 1, &errs));
        sw_aggregate_finish(a, -1, &errs);
        memcpy(who, "interviewer=\"zed\"", 17);
        f = fopen(card, "w");
        fputs(text, f);
        fclose(f);
        struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
        opt.memory = (enum sw_xlsx_memory)mode;
        assert_int_equal(-1, sw_xlsx_write(a, path, &opt, NULL, &errs));
        assert_int_equal(1, errs.count);
        assert_int_equal(SW_EINPUT, errs.items[0].code);
        assert_string_equal(card, errs.items[0].file);
        assert_int_equal(2, errs.items[0].line);
        assert_string_equal("the scorecard changed while the workbook was being written: "
                            "export again", errs.items[0].message);
        assert_int_equal(-1, access(path, F_OK));
        assert_int_equal(0, hidden_entries());
        sw_errors_release(&errs);
        sw_aggregate_free(a);
    }
    unlink(card);
    free(text);
}

/* The first candidates of Summary get a sheet; progress counts the sheets
 * written. */
static void test_xlsx_write_fewer_candidate_sheets(void **state)
{
    (void)state;
    struct sw_aggregate *a = load_report();
    char path[128];
    snprintf(path, sizeof path, "%s/fewer.xlsx", dir);
    for (size_t want = 0; want <= 4; want++) {
        struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
        opt.candidate_sheets = want;
        struct sw_xlsx_result res;
        write_counting(a, path, &opt, &res);
        size_t expected = want < 3 ? want : 3;
        assert_int_equal(3, res.candidates);
        assert_int_equal(expected, res.candidate_sheets);
        assert_int_equal(expected + 4, res.sheets);
    }
    sw_aggregate_free(a);
}

/* 14 Data rows: 7 per sheet make Data and Data 2, 4 make four sheets (the
 * last with 2), 14 and more one; progress counts them all. */
static void test_xlsx_write_data_over_several_sheets(void **state)
{
    (void)state;
    struct sw_aggregate *a = load_report();
    char path[128];
    snprintf(path, sizeof path, "%s/parts.xlsx", dir);
    static const size_t rows[] = { 7, 4, 14, 15, 1, 0 };
    static const size_t sheets[] = { 2, 4, 1, 1, 14, 1 };
    for (size_t t = 0; t < sizeof rows / sizeof rows[0]; t++) {
        for (int streamed = 0; streamed <= 1; streamed++) {
            struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
            opt.data_rows = rows[t];
            opt.memory = streamed ? SW_XLSX_MEMORY_CONSTANT : SW_XLSX_MEMORY_NORMAL;
            struct sw_xlsx_result res;
            write_counting(a, path, &opt, &res);
            assert_int_equal(sheets[t], res.data_sheets);
            assert_int_equal(3 + 3 + sheets[t], res.sheets);
        }
    }
    sw_aggregate_free(a);
}

/* Streaming keeps a file open per sheet: a limit too low is said up front. */
static void test_xlsx_write_constant_memory_needs_open_files(void **state)
{
    (void)state;
    struct sw_aggregate *a = load_report();
    char path[128];
    snprintf(path, sizeof path, "%s/files.xlsx", dir);
    struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
    opt.memory = SW_XLSX_MEMORY_CONSTANT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct rlimit saved, small;
    assert_int_equal(0, getrlimit(RLIMIT_NOFILE, &saved));
    small = saved;
    small.rlim_cur = 30;
    assert_int_equal(0, setrlimit(RLIMIT_NOFILE, &small));
    int rc = sw_xlsx_write(a, path, &opt, NULL, &errs);
    /* With two candidate sheets of three, 38 open files are enough. */
    small.rlim_cur = 38;
    assert_int_equal(0, setrlimit(RLIMIT_NOFILE, &small));
    int rc_fewer = -1;
    struct sw_errors fewer_errs;
    sw_errors_init(&fewer_errs);
    opt.candidate_sheets = 2;
    rc_fewer = sw_xlsx_write(a, path, &opt, NULL, &fewer_errs);
    assert_int_equal(0, setrlimit(RLIMIT_NOFILE, &saved));
    assert_int_equal(-1, rc);
    assert_int_equal(1, errs.count);
    assert_string_equal("a workbook of 7 sheets needs 39 open files, the limit is 30 "
                        "(raise it with 'ulimit -n', or write fewer candidate sheets with "
                        "--sheets N)", errs.items[0].message);
    assert_int_equal(0, rc_fewer);
    assert_int_equal(0, fewer_errs.count);
    assert_int_equal(0, access(path, F_OK));
    sw_errors_release(&fewer_errs);
    sw_errors_release(&errs);
    sw_aggregate_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xlsx_write_is_byte_stable),
        cmocka_unit_test(test_xlsx_write_reports_each_sheet),
        cmocka_unit_test(test_xlsx_write_fewer_candidate_sheets),
        cmocka_unit_test(test_xlsx_write_data_over_several_sheets),
        cmocka_unit_test(test_xlsx_write_constant_memory),
        cmocka_unit_test(test_xlsx_write_failure_leaves_the_file),
        cmocka_unit_test(test_xlsx_write_needs_a_folder),
        cmocka_unit_test(test_xlsx_write_refuses_a_changed_scorecard),
        cmocka_unit_test(test_xlsx_write_constant_memory_needs_open_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
