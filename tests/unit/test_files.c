#include "unit.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "files.h"
#include "io/files_int.h"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/sw-files-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

static void put(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *slurp(const char *name)
{
    static char text[256];
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    return text;
}

static size_t count_entries(void)
{
    size_t n = 0;
    DIR *d = opendir(dir);
    for (struct dirent *e; (e = readdir(d));)
        n += e->d_name[0] != '.' || (e->d_name[1] && strcmp(e->d_name, "..") != 0);
    closedir(d);
    return n;
}

static void test_files_collect_sorted_recursive(void **state)
{
    (void)state;
    char sub[128];
    snprintf(sub, sizeof sub, "%s/b", dir);
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(0, sw_mkdirs(sub, &errs));
    put("c.xml", "x");
    put("a.xml", "x");
    put("b/z.xml", "x");
    put("notes.txt", "x");
    put(".hidden.xml", "x");
    struct sw_paths p;
    sw_paths_init(&p);
    assert_int_equal(0, sw_paths_collect(&p, dir, &errs));
    assert_int_equal(3, p.count);
    char expected[128];
    snprintf(expected, sizeof expected, "%s/a.xml", dir);
    assert_string_equal(expected, p.items[0]);
    snprintf(expected, sizeof expected, "%s/b/z.xml", dir);
    assert_string_equal(expected, p.items[1]);
    snprintf(expected, sizeof expected, "%s/c.xml", dir);
    assert_string_equal(expected, p.items[2]);
    assert_int_equal(-1, sw_paths_collect(&p, "/no/such/path", &errs));
    assert_int_equal(SW_ESYSTEM, errs.items[0].code);
    assert_string_equal("cannot read: No such file or directory", errs.items[0].message);
    sw_paths_release(&p);
    sw_errors_release(&errs);
}

/* A top folder of 20 subfolders is walked side by side (files.c): the order
 * and, on an error, what was found before it are those of one thread. */
static void test_files_collect_many_folders_in_order(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    char path[512], top[128];
    snprintf(top, sizeof top, "%s/many", dir);
    for (int i = 0; i < 20; i++) {
        snprintf(path, sizeof path, "%s/d%02d/sub", top, i);
        assert_int_equal(0, sw_mkdirs(path, &errs));
        snprintf(path, sizeof path, "many/d%02d/x.xml", i);
        put(path, "x");
        snprintf(path, sizeof path, "many/d%02d/y.txt", i);
        put(path, "x");
        snprintf(path, sizeof path, "many/d%02d/sub/z.xml", i);
        put(path, "x");
    }
    put("many/a.xml", "x");
    put("many/zz.xml", "x");
    struct sw_paths p;
    sw_paths_init(&p);
    assert_int_equal(0, sw_paths_collect(&p, top, &errs));
    assert_int_equal(42, p.count);
    snprintf(path, sizeof path, "%s/a.xml", top);
    assert_string_equal(path, p.items[0]);
    for (int i = 0; i < 20; i++) {
        snprintf(path, sizeof path, "%s/d%02d/sub/z.xml", top, i);
        assert_string_equal(path, p.items[1 + 2 * i]);
        snprintf(path, sizeof path, "%s/d%02d/x.xml", top, i);
        assert_string_equal(path, p.items[2 + 2 * i]);
    }
    snprintf(path, sizeof path, "%s/zz.xml", top);
    assert_string_equal(path, p.items[41]);
    sw_paths_release(&p);
    /* 66 folders deep under d05: the walk stops there, as in one thread. */
    int n = snprintf(path, sizeof path, "%s/d05", top);
    for (int k = 0; k < 66; k++)
        n += snprintf(path + n, sizeof path - (size_t)n, "/n");
    assert_int_equal(0, sw_mkdirs(path, &errs));
    assert_int_equal(-1, sw_paths_collect(&p, top, &errs));
    assert_int_equal(11, p.count);
    snprintf(path, sizeof path, "%s/d04/x.xml", top);
    assert_string_equal(path, p.items[10]);
    assert_int_equal(1, errs.count);
    assert_string_equal("folders nested too deep (over 64)", errs.items[0].message);
    sw_paths_release(&p);
    sw_errors_release(&errs);
}

static void test_files_write_atomic_no_clobber(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/out.xml", dir);
    struct sw_errors errs;
    sw_errors_init(&errs);
    size_t before = count_entries();
    assert_int_equal(0, sw_write_atomic(path, "first", 5, 0, &errs));
    assert_string_equal("first", slurp("out.xml"));
    assert_int_equal(-1, sw_write_atomic(path, "second", 6, 0, &errs));
    assert_string_equal("first", slurp("out.xml"));
    assert_int_equal(SW_EINPUT, errs.items[0].code);
    assert_string_equal("already exists: not overwritten (use --force to replace it)",
                        errs.items[0].message);
    assert_int_equal(0, sw_write_atomic(path, "third", 5, 1, &errs));
    assert_string_equal("third", slurp("out.xml"));
    assert_int_equal(before + 1, count_entries());   /* no temporary file left */
    sw_errors_release(&errs);
}

static void test_files_write_into_missing_folder_fails_cleanly(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(-1, sw_write_atomic("/no/such/folder/x.xml", "x", 1, 1, &errs));
    assert_int_equal(SW_ESYSTEM, errs.items[0].code);
    assert_string_equal("cannot create: No such file or directory", errs.items[0].message);
    sw_errors_release(&errs);
}

/* The temporary file has no name until commit (O_TMPFILE, on ext4 or tmpfs),
 * so a process killed before it leaves nothing in the folder; where the file
 * system cannot, it is the hidden ".unnamed.txt.tmp-PID-XXXXXXXX". */
static void test_files_tmpfile_unnamed_until_commit(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/unnamed.txt", dir);
    struct sw_errors errs;
    sw_errors_init(&errs);
    size_t before = count_entries();
    struct sw_tmpfile t;
    assert_int_equal(0, sw_tmpfile_create(&t, path, &errs));
    size_t during = before;
    if (t.name) {
        char prefix[128];
        snprintf(prefix, sizeof prefix, "%s/.unnamed.txt.tmp-%ld-", dir, (long)getpid());
        assert_int_equal(0, strncmp(prefix, t.name, strlen(prefix)));
        during = before + 1;
    }
    assert_int_equal(during, count_entries());
    FILE *f = fopen(sw_tmpfile_path(&t), "wb");   /* as libxlsxwriter opens it */
    assert_non_null(f);
    fputs("whole", f);
    assert_int_equal(0, fclose(f));
    assert_int_equal(during, count_entries());
    assert_int_equal(0, sw_tmpfile_commit(&t, path, 1, &errs));
    assert_string_equal("whole", slurp("unnamed.txt"));
    assert_int_equal(before + 1, count_entries());
    assert_int_equal(0, errs.count);
    sw_errors_release(&errs);
}

/* A discarded temporary file never appears; the target is untouched. */
static void test_files_tmpfile_discard(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/kept.txt", dir);
    put("kept.txt", "before");
    size_t before = count_entries();
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_tmpfile t;
    assert_int_equal(0, sw_tmpfile_create(&t, path, &errs));
    assert_int_equal(5, write(t.fd, "after", 5));
    sw_tmpfile_discard(&t);
    sw_tmpfile_discard(&t);
    sw_tmpfile_discard(NULL);
    assert_string_equal("before", slurp("kept.txt"));
    assert_int_equal(before, count_entries());
    sw_errors_release(&errs);
}

/* Leftovers of dead processes for the same target go; a live process's
 * (this one's parent's pid), another target's, and other names stay. */
static void test_files_stale_temps_removed(void **state)
{
    (void)state;
    char path[128], live[64];
    snprintf(path, sizeof path, "%s/stale.xlsx", dir);
    snprintf(live, sizeof live, ".stale.xlsx.tmp-%ld-abcdefgh", (long)getppid());
    put(".stale.xlsx.tmp-999999999-abcdefgh", "dead");
    put(live, "live");
    put(".other.xlsx.tmp-999999999-abcdefgh", "other target");
    put(".stale.xlsx.tmp-abcdef", "no pid");
    put("stale.xlsx", "target");
    sw_remove_stale_temps(path);
    assert_null(slurp(".stale.xlsx.tmp-999999999-abcdefgh"));
    assert_string_equal("live", slurp(live));
    assert_string_equal("other target", slurp(".other.xlsx.tmp-999999999-abcdefgh"));
    assert_string_equal("no pid", slurp(".stale.xlsx.tmp-abcdef"));
    assert_string_equal("target", slurp("stale.xlsx"));
}

static void test_files_arena_zeroed_and_strdup(void **state)
{
    (void)state;
    struct sw_arena a = SW_ARENA_INIT;
    int *n = sw_arena_calloc(&a, 100, sizeof *n);
    assert_non_null(n);
    for (int i = 0; i < 100; i++)
        assert_int_equal(0, n[i]);
    char *big = sw_arena_calloc(&a, 100000, 1);   /* larger than a chunk */
    assert_non_null(big);
    assert_string_equal("hello", sw_arena_strdup(&a, "hello"));
    assert_null(sw_arena_strdup(&a, NULL));
    assert_null(sw_arena_calloc(&a, (size_t)-1, 16));
    sw_arena_release(&a);
}

static void test_files_write_if_unchanged(void **state)
{
    (void)state;
    char path[256];
    snprintf(path, sizeof path, "%s/card.xml", dir);
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(0, sw_write_if_unchanged(path, "one", 3, NULL, 0, &errs));
    assert_string_equal("one", slurp("card.xml"));
    assert_int_equal(-1, sw_write_if_unchanged(path, "two", 3, NULL, 0, &errs));
    assert_int_equal(SW_EINPUT, errs.items[0].code);
    assert_int_equal(0, sw_write_if_unchanged(path, "two", 3, "one", 3, &errs));
    assert_string_equal("two", slurp("card.xml"));
    /* someone else wrote "two": a session that last saw "one" must not win */
    assert_int_equal(-1, sw_write_if_unchanged(path, "three", 5, "one", 3, &errs));
    assert_string_equal("two", slurp("card.xml"));
    /* a prefix of the file is not the file */
    assert_int_equal(-1, sw_write_if_unchanged(path, "three", 5, "tw", 2, &errs));
    assert_int_equal(3, errs.count);
    assert_int_equal(SW_EINPUT, errs.items[2].code);
    assert_string_equal("changed on disk by someone else since this session read it: "
                        "not overwritten", errs.items[2].message);
    assert_string_equal("two", slurp("card.xml"));
    sw_errors_release(&errs);
}

/* sw_write_file's mode is exact (umask or not) and set before the rename. */
static void test_files_write_file_mode(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/people.xml", dir);
    struct sw_errors errs;
    sw_errors_init(&errs);
    mode_t old = umask(022);
    struct sw_write_options secret = {.overwrite = 1, .mode = 0600};
    assert_int_equal(0, sw_write_file(path, "<p/>", 4, &secret, &errs));
    struct stat st;
    assert_int_equal(0, stat(path, &st));
    assert_int_equal(0600, st.st_mode & 0777);
    assert_string_equal("<p/>", slurp("people.xml"));
    assert_int_equal(0, sw_write_file(path, "<q/>", 4, &(struct sw_write_options){.overwrite = 1},
                                      &errs));
    assert_int_equal(0, stat(path, &st));
    assert_int_equal(0644, st.st_mode & 0777);
    assert_int_equal(-1, sw_write_file(path, "<r/>", 4, NULL, &errs));   /* no overwrite */
    assert_string_equal("<q/>", slurp("people.xml"));
    umask(old);
    assert_int_equal(SW_EINPUT, errs.items[0].code);
    sw_errors_release(&errs);
}

struct locked_write {
    char path[128];
    int rc;
};

static void *write_locked(void *arg)
{
    struct locked_write *w = arg;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_write_options opt = {.lock = 1};
    w->rc = sw_write_file(w->path, "late", 4, &opt, &errs);
    sw_errors_release(&errs);
    return NULL;
}

/* With .lock, the write waits for another holder of the folder's lock. */
static void test_files_write_file_waits_for_lock(void **state)
{
    (void)state;
    struct locked_write w = {.rc = -2};
    snprintf(w.path, sizeof w.path, "%s/locked.xml", dir);
    struct sw_errors errs;
    sw_errors_init(&errs);
    int lock = sw_lock_folder(w.path, &errs);
    assert_true(lock >= 0);
    pthread_t thread;
    assert_int_equal(0, pthread_create(&thread, NULL, write_locked, &w));
    usleep(200 * 1000);
    assert_null(slurp("locked.xml"));     /* still waiting for the lock */
    close(lock);
    assert_int_equal(0, pthread_join(thread, NULL));
    assert_int_equal(0, w.rc);
    assert_string_equal("late", slurp("locked.xml"));
    sw_errors_release(&errs);
}

#define NAME_THREADS 8
#define NAMES_EACH 2000

static void *draw_names(void *arg)
{
    char **names = arg;
    for (int i = 0; i < NAMES_EACH; i++)
        names[i] = sw_tmpfile_name("dir/out.xml");
    return NULL;
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Temporary names drawn by many threads at once are all different (the
 * counter behind them was a plain static, raced by the web app's threads). */
static void test_files_temp_names_unique_across_threads(void **state)
{
    (void)state;
    static char *names[NAME_THREADS * NAMES_EACH];
    pthread_t threads[NAME_THREADS];
    for (int t = 0; t < NAME_THREADS; t++)
        assert_int_equal(0, pthread_create(&threads[t], NULL, draw_names, names + t * NAMES_EACH));
    for (int t = 0; t < NAME_THREADS; t++)
        assert_int_equal(0, pthread_join(threads[t], NULL));
    char prefix[64];
    snprintf(prefix, sizeof prefix, "dir/.out.xml.tmp-%ld-", (long)getpid());
    for (size_t i = 0; i < NAME_THREADS * NAMES_EACH; i++) {
        assert_non_null(names[i]);
        assert_int_equal(0, strncmp(names[i], prefix, strlen(prefix)));
        assert_int_equal(strlen(prefix) + 8, strlen(names[i]));
    }
    qsort(names, NAME_THREADS * NAMES_EACH, sizeof *names, by_string);
    for (size_t i = 1; i < NAME_THREADS * NAMES_EACH; i++)
        assert_string_not_equal(names[i - 1], names[i]);
    for (size_t i = 0; i < NAME_THREADS * NAMES_EACH; i++)
        free(names[i]);
}

/* The one whole-file read: the bytes with a NUL after them, or the reason. */
static void test_files_read_file(void **state)
{
    (void)state;
    char path[128];
    put("in.txt", "a\nb");
    snprintf(path, sizeof path, "%s/in.txt", dir);
    struct sw_errors errs;
    sw_errors_init(&errs);
    size_t len = 9;
    char *data = sw_read_file(path, 16, "a test", &len, &errs);
    assert_non_null(data);
    assert_int_equal(3, len);
    assert_string_equal("a\nb", data);
    free(data);
    assert_null(sw_read_file(path, 2, "a test", &len, &errs));
    assert_int_equal(SW_EINPUT, errs.items[0].code);
    assert_int_equal(1, errs.items[0].line);
    assert_string_equal("file is 0.0 MiB, over the 0 MiB limit for a test", errs.items[0].message);
    assert_null(sw_read_file(dir, 16, "a test", &len, &errs));
    assert_string_equal("not a regular file", errs.items[1].message);
    snprintf(path, sizeof path, "%s/none.txt", dir);
    assert_null(sw_read_file(path, 16, "a test", &len, &errs));
    assert_string_equal("cannot open: No such file or directory", errs.items[2].message);
    assert_int_equal(SW_ESYSTEM, errs.items[2].code);
    sw_errors_release(&errs);
}

/* The same read into a kept buffer: emptied first, memory kept, the same
 * reasons; what a failed read leaves is an empty buffer. */
static void test_files_read_file_into(void **state)
{
    (void)state;
    char path[128];
    put("long.txt", "0123456789");
    put("short.txt", "ab");
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_buf b = SW_BUF_INIT;
    snprintf(path, sizeof path, "%s/long.txt", dir);
    assert_int_equal(0, sw_read_file_into(path, 16, "a test", &b, &errs));
    assert_int_equal(10, b.len);
    assert_string_equal("0123456789", b.data);
    char *kept = b.data;
    snprintf(path, sizeof path, "%s/short.txt", dir);
    assert_int_equal(0, sw_read_file_into(path, 16, "a test", &b, &errs));
    assert_ptr_equal(kept, b.data);
    assert_int_equal(2, b.len);
    assert_string_equal("ab", b.data);
    assert_int_equal(-1, sw_read_file_into(dir, 16, "a test", &b, &errs));
    assert_int_equal(0, b.len);
    assert_int_equal(1, errs.count);
    assert_string_equal("not a regular file", errs.items[0].message);
    snprintf(path, sizeof path, "%s/long.txt", dir);
    assert_int_equal(-1, sw_read_file_into(path, 4, "a test", &b, &errs));
    assert_string_equal("file is 0.0 MiB, over the 0 MiB limit for a test", errs.items[1].message);
    sw_buf_release(&b);
    sw_errors_release(&errs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_files_collect_sorted_recursive),
        cmocka_unit_test(test_files_collect_many_folders_in_order),
        cmocka_unit_test(test_files_write_atomic_no_clobber),
        cmocka_unit_test(test_files_write_if_unchanged),
        cmocka_unit_test(test_files_write_into_missing_folder_fails_cleanly),
        cmocka_unit_test(test_files_tmpfile_unnamed_until_commit),
        cmocka_unit_test(test_files_tmpfile_discard),
        cmocka_unit_test(test_files_stale_temps_removed),
        cmocka_unit_test(test_files_arena_zeroed_and_strdup),
        cmocka_unit_test(test_files_read_file),
        cmocka_unit_test(test_files_read_file_into),
        cmocka_unit_test(test_files_write_file_mode),
        cmocka_unit_test(test_files_write_file_waits_for_lock),
        cmocka_unit_test(test_files_temp_names_unique_across_threads),
    };
    return cmocka_run_group_tests_name("files", tests, setup, teardown);
}
