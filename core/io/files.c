/* files.c - collecting the .xml files under paths and reading one whole
 * (files.h); the atomic writes are in files_write.c. */
/* d_type and DT_* in <dirent.h> are extensions beyond C11's POSIX. */
#define _GNU_SOURCE
#include "files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "util/fanout.h"
#include "util/vec.h"

/* A top folder with this many subfolders is walked on every core, a subfolder
 * each (the candidates' folders of a requisition). */
#define SIDE_BY_SIDE 16

/* --- the one whole-file read ---------------------------------------------- */

/* Reads `size` bytes of fd into b: until that size, known beforehand, or
 * the end, whichever comes first. 0, or -1 out of memory. */
static int read_all(int fd, size_t size, struct sw_buf *b)
{
    if (sw_buf_grow(b, size) < 0)
        return -1;
    while (b->len < size) {
        ssize_t n = read(fd, b->data + b->len, size - b->len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        b->len += (size_t)n;
    }
    b->data[b->len] = '\0';
    return 0;
}

int sw_read_file_into(const char *path, size_t max, const char *what, struct sw_buf *b,
                      struct sw_errors *errs)
{
    sw_buf_reset(b);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return sw_error_add(errs, SW_ESYSTEM, path, 0, "cannot open: %s", strerror(errno));
    struct stat st;
    int rc = -1;
    if (fstat(fd, &st) < 0)
        sw_error_add(errs, SW_ESYSTEM, path, 0, "cannot read: %s", strerror(errno));
    else if (!S_ISREG(st.st_mode))
        sw_error_add(errs, SW_ESYSTEM, path, 0, "not a regular file");
    else if ((size_t)st.st_size > max)
        sw_fail(errs, path, 1, "file is %.1f MiB, over the %zu MiB limit for %s",
                (double)st.st_size / (1 << 20), max >> 20, what);
    else if (read_all(fd, (size_t)st.st_size, b) < 0)
        sw_error_add(errs, SW_ESYSTEM, path, 0, "cannot read: out of memory");
    else
        rc = 0;
    close(fd);
    return rc;
}

char *sw_read_file(const char *path, size_t max, const char *what, size_t *len,
                   struct sw_errors *errs)
{
    struct sw_buf b = SW_BUF_INIT;
    if (sw_read_file_into(path, max, what, &b, errs) < 0) {
        sw_buf_release(&b);
        return NULL;
    }
    char *data = sw_buf_detach(&b, len);
    if (!data)
        sw_error_add(errs, SW_ESYSTEM, path, 0, "cannot read: out of memory");
    return data;
}

/* --- collecting files ----------------------------------------------------- */

void sw_paths_init(struct sw_paths *p)
{
    p->items = NULL;
    p->count = 0;
    p->alloc = 0;
}

void sw_paths_release(struct sw_paths *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->count; i++)
        free(p->items[i]);
    free(p->items);
    sw_paths_init(p);
}

static int push(struct sw_paths *p, char *path, struct sw_errors *errs)
{
    if (!path)
        return sw_fail_oom(errs, NULL);
    if (SW_VEC_GROW(p->items, p->alloc, p->count + 1, 64) < 0) {
        free(path);
        return sw_fail_oom(errs, NULL);
    }
    p->items[p->count++] = path;
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ends_with_xml(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

static char *join(const char *dir, const char *name)
{
    struct sw_buf b = SW_BUF_INIT;
    sw_buf_adds(&b, dir);
    if (b.len && b.data[b.len - 1] != '/')
        sw_buf_addc(&b, '/');
    sw_buf_adds(&b, name);
    if (b.failed) {
        sw_buf_release(&b);
        return NULL;
    }
    return sw_buf_detach(&b, NULL);
}

/* A copy of the entry's name with its d_type in the byte after the NUL, so
 * that regular files and folders need no stat (one path walk each saved). */
static char *name_and_type(const struct dirent *e)
{
    size_t n = strlen(e->d_name);
    char *copy = malloc(n + 2);
    if (copy) {
        memcpy(copy, e->d_name, n + 1);
        copy[n + 1] = (char)e->d_type;
    }
    return copy;
}

static int collect_dir(struct sw_paths *p, const char *dir, int depth, struct sw_errors *errs);

/* One entry of `dir` (its name with the type after the NUL, name_and_type). */
static int collect_entry(struct sw_paths *p, const char *dir, const char *entry, int depth,
                         struct sw_errors *errs)
{
    char *path = join(dir, entry);
    unsigned char type = (unsigned char)entry[strlen(entry) + 1];
    struct stat lst, st;
    int rc = 0;
    if (!path) {
        return sw_fail_oom(errs, dir);
    } else if (type == DT_REG) {
        if (ends_with_xml(path))
            return push(p, path, errs);
    } else if (type == DT_DIR) {
        rc = collect_dir(p, path, depth + 1, errs);
    } else if (lstat(path, &lst) < 0 || stat(path, &st) < 0) {
        ;    /* a dangling link or an entry removed meanwhile */
    } else if (S_ISDIR(st.st_mode)) {
        if (!S_ISLNK(lst.st_mode))
            rc = collect_dir(p, path, depth + 1, errs);
    } else if (S_ISREG(st.st_mode) && ends_with_xml(path)) {
        return push(p, path, errs);
    }
    free(path);
    return rc;
}

/* The top folder's entries walked side by side, each into a list of its own,
 * then joined in order up to the first that failed (as a walk in one thread
 * would have stopped there). */
struct side {
    const char *dir;
    char **entries;
    struct sw_paths *found;
    struct sw_errors *errs;
    int *rc;
};

static void walk_one(void *ctx, size_t i)
{
    struct side *s = ctx;
    s->rc[i] = collect_entry(&s->found[i], s->dir, s->entries[i], 0, &s->errs[i]);
}

static int collect_side_by_side(struct sw_paths *p, const char *dir,
                                const struct sw_paths *entries, struct sw_errors *errs)
{
    size_t n = entries->count;
    struct sw_paths *found = calloc(n, sizeof *found);
    struct sw_errors *e = calloc(n, sizeof *e);
    int *rcs = calloc(n, sizeof *rcs);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int rc = 0;
    if (!found || !e || !rcs) {
        rc = sw_fail_oom(errs, dir);
        n = 0;
    }
    for (size_t i = 0; i < n; i++)
        sw_errors_init(&e[i]);
    struct side side = { dir, entries->items, found, e, rcs };
    sw_fanout(n, cores < 1 ? 1 : (unsigned)cores, walk_one, &side);
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < found[i].count; k++)
            if (rc == 0 && push(p, found[i].items[k], errs) < 0)
                rc = -1;
            else if (rc != 0)
                free(found[i].items[k]);
        if (rc == 0)
            sw_errors_move(errs, &e[i]);
        rc = rc ? rc : rcs[i];
        free(found[i].items);
        sw_errors_release(&e[i]);
    }
    free(found);
    free(e);
    free(rcs);
    return rc;
}

static int collect_dir(struct sw_paths *p, const char *dir, int depth, struct sw_errors *errs)
{
    if (depth > 64)
        return sw_error_add(errs, SW_ESYSTEM, dir, 0, "folders nested too deep (over 64)");
    DIR *d = opendir(dir);
    if (!d)
        return sw_error_add(errs, SW_ESYSTEM, dir, 0, "cannot read folder: %s",
                            strerror(errno));
    struct sw_paths entries;
    sw_paths_init(&entries);
    int rc = 0;
    size_t folders = 0;
    for (struct dirent *e; rc == 0 && (e = readdir(d));)
        if (e->d_name[0] != '.') {
            rc = push(&entries, name_and_type(e), errs);
            folders += e->d_type != DT_REG;
        }
    closedir(d);
    if (entries.count)
        qsort(entries.items, entries.count, sizeof *entries.items, by_name);
    if (rc == 0 && depth == 0 && folders >= SIDE_BY_SIDE)
        rc = collect_side_by_side(p, dir, &entries, errs);
    else
        for (size_t i = 0; rc == 0 && i < entries.count; i++)
            rc = collect_entry(p, dir, entries.items[i], depth, errs);
    sw_paths_release(&entries);
    return rc;
}

int sw_paths_collect(struct sw_paths *p, const char *path, struct sw_errors *errs)
{
    struct stat st;
    if (stat(path, &st) < 0)
        return sw_error_add(errs, SW_ESYSTEM, path, 0, "cannot read: %s", strerror(errno));
    if (S_ISDIR(st.st_mode))
        return collect_dir(p, path, 0, errs);
    return push(p, strdup(path), errs);
}

const char *sw_path_base(const char *path, size_t *len)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    size_t start = n;
    while (start > 0 && path[start - 1] != '/')
        start--;
    *len = n - start;
    return path + start;
}
