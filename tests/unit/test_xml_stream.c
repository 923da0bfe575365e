/* What core/io/xml_stream.c keeps per thread besides the parser: the file
 * read into a kept buffer (sw_xml_read_kept) and the scratch buffers. The
 * kept read must give the very bytes sw_xml_slurp gives, and give up on
 * whatever sw_xml_slurp reports. */
#include "unit.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "document.h"
#include "io/xml.h"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/sw-xml-stream-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    sw_xml_cleanup();
    return system(cmd) == 0 ? 0 : -1;
}

/* Writes n bytes (a pattern, so that offsets show) to dir/name; its path. */
static const char *put(const char *name, size_t n)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    for (size_t i = 0; i < n; i++)
        assert_int_equal('a' + (int)(i % 26), fputc('a' + (int)(i % 26), f));
    assert_int_equal(0, fclose(f));
    return path;
}

/* The kept read gives what sw_xml_slurp gives: the same length and bytes. */
static void assert_reads_as_slurp(const char *path)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    size_t len = 0;
    char *slurped = sw_xml_slurp(path, &len, &errs);
    assert_non_null(slurped);
    struct sw_buf *kept = sw_xml_read_kept(path);
    assert_non_null(kept);
    assert_int_equal(len, kept->len);
    assert_memory_equal(slurped, kept->data, len + 1);    /* the NUL too */
    sw_xml_scratch_done(kept);
    free(slurped);
    sw_errors_release(&errs);
}

/* Small, then larger than the buffer holds, then small again, then empty. */
static void test_read_kept_any_size(void **state)
{
    (void)state;
    assert_reads_as_slurp(put("small.xml", 100));
    assert_reads_as_slurp(put("large.xml", 300000));
    assert_reads_as_slurp(put("small2.xml", 7));
    assert_reads_as_slurp(put("empty.xml", 0));
    struct sw_buf *kept = sw_xml_read_kept(put("empty2.xml", 0));
    assert_non_null(kept);
    assert_int_equal(0, kept->len);
    assert_string_equal("", kept->data);
    sw_xml_scratch_done(kept);
}

/* A file holding more than its size says when it is read (it grew after
 * the size was taken; /proc shows the same at any time, with size 0): both
 * reads stop at the size taken. */
static void test_read_kept_stops_at_size_taken(void **state)
{
    (void)state;
    struct stat st;
    assert_int_equal(0, stat("/proc/self/status", &st));
    assert_int_equal(0, st.st_size);
    assert_reads_as_slurp("/proc/self/status");
}

/* What sw_xml_slurp reports, the kept read leaves to it: NULL and nothing
 * else, whatever was kept before. */
static void test_read_kept_gives_up(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/missing.xml", dir);
    assert_null(sw_xml_read_kept(path));
    assert_null(sw_xml_read_kept(dir));    /* a folder */
    snprintf(path, sizeof path, "%s/huge.xml", dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0);
    assert_int_equal(0, ftruncate(fd, (off_t)SW_XML_MAX_BYTES + 1));    /* sparse */
    assert_int_equal(0, close(fd));
    assert_null(sw_xml_read_kept(path));
    struct sw_errors errs;
    sw_errors_init(&errs);
    size_t len;
    assert_null(sw_xml_slurp(path, &len, &errs));
    assert_int_equal(1, errs.count);
    sw_errors_release(&errs);
    /* exactly the limit is read */
    assert_int_equal(0, truncate(path, (off_t)SW_XML_MAX_BYTES));
    struct sw_buf *kept = sw_xml_read_kept(path);
    assert_non_null(kept);
    assert_int_equal(SW_XML_MAX_BYTES, kept->len);
    sw_xml_scratch_done(kept);
}

/* A buffer that grew past 1 MiB is let go when done; a smaller one kept. */
static void test_read_kept_lets_large_go(void **state)
{
    (void)state;
    struct sw_buf *kept = sw_xml_read_kept(put("two.xml", 2 << 20));
    assert_non_null(kept);
    assert_int_equal(2 << 20, kept->len);
    sw_xml_scratch_done(kept);
    assert_null(kept->data);
    assert_int_equal(0, kept->cap);
    kept = sw_xml_read_kept(put("half.xml", 1 << 19));
    assert_non_null(kept);
    sw_xml_scratch_done(kept);
    assert_non_null(kept->data);
    assert_int_equal(0, kept->len);
    assert_true(kept->cap > 1 << 19);
}

/* Scratch buffers: one per k, emptied when taken, none out of range. */
static void test_scratch(void **state)
{
    (void)state;
    struct sw_buf *a = sw_xml_stream_scratch(0);
    struct sw_buf *b = sw_xml_stream_scratch(SW_XML_SCRATCH - 1);
    assert_non_null(a);
    assert_non_null(b);
    assert_ptr_not_equal(a, b);
    assert_int_equal(0, sw_buf_adds(a, "left over"));
    assert_ptr_equal(a, sw_xml_stream_scratch(0));
    assert_int_equal(0, a->len);
    assert_string_equal("", sw_buf_str(a));
    assert_null(sw_xml_stream_scratch(-1));
    assert_null(sw_xml_stream_scratch(SW_XML_SCRATCH));
    sw_xml_scratch_done(a);
    sw_xml_scratch_done(b);
    sw_xml_scratch_done(NULL);
    sw_xml_stream_release_thread();    /* and made anew on next use */
    assert_non_null(sw_xml_stream_scratch(0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_kept_any_size),
        cmocka_unit_test(test_read_kept_stops_at_size_taken),
        cmocka_unit_test(test_read_kept_gives_up),
        cmocka_unit_test(test_read_kept_lets_large_go),
        cmocka_unit_test(test_scratch),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
