/* files.c - collecting the .xml files under paths (files.h); the atomic
 * writes are in files_write.c. */
/* d_type and DT_* in <dirent.h> are extensions beyond C11's POSIX. */
#define _GNU_SOURCE
#include "files.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "util/vec.h"

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
    for (struct dirent *e; rc == 0 && (e = readdir(d));)
        if (e->d_name[0] != '.')
            rc = push(&entries, name_and_type(e), errs);
    closedir(d);
    if (entries.count)
        qsort(entries.items, entries.count, sizeof *entries.items, by_name);
    for (size_t i = 0; rc == 0 && i < entries.count; i++) {
        char *path = join(dir, entries.items[i]);
        unsigned char type = (unsigned char)entries.items[i][strlen(entries.items[i]) + 1];
        struct stat lst, st;
        if (!path) {
            rc = sw_fail_oom(errs, dir);
        } else if (type == DT_REG) {
            if (ends_with_xml(path))
                rc = push(p, path, errs);
            else
                free(path);
        } else if (type == DT_DIR) {
            rc = collect_dir(p, path, depth + 1, errs);
            free(path);
        } else if (lstat(path, &lst) < 0 || stat(path, &st) < 0) {
            free(path);    /* a dangling link or an entry removed meanwhile */
        } else if (S_ISDIR(st.st_mode)) {
            if (!S_ISLNK(lst.st_mode))
                rc = collect_dir(p, path, depth + 1, errs);
            free(path);
        } else if (S_ISREG(st.st_mode) && ends_with_xml(path)) {
            rc = push(p, path, errs);
        } else {
            free(path);
        }
    }
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
