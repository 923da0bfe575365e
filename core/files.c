#include "files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

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
    if (p->count == p->alloc) {
        size_t alloc = p->alloc ? p->alloc * 2 : 64;
        char **items = realloc(p->items, alloc * sizeof *items);
        if (!items) {
            free(path);
            return sw_fail_oom(errs, NULL);
        }
        p->items = items;
        p->alloc = alloc;
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
            rc = push(&entries, strdup(e->d_name), errs);
    closedir(d);
    if (entries.count)
        qsort(entries.items, entries.count, sizeof *entries.items, by_name);
    for (size_t i = 0; rc == 0 && i < entries.count; i++) {
        char *path = join(dir, entries.items[i]);
        struct stat lst, st;
        if (!path) {
            rc = sw_fail_oom(errs, dir);
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

/* --- writing ------------------------------------------------------------- */

static char *temp_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    struct sw_buf b = SW_BUF_INIT;
    if (slash)
        sw_buf_add(&b, path, (size_t)(slash - path + 1));
    sw_buf_addf(&b, ".%s.tmp-XXXXXX", slash ? slash + 1 : path);
    if (b.failed) {
        sw_buf_release(&b);
        return NULL;
    }
    return sw_buf_detach(&b, NULL);
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

int sw_write_atomic(const char *path, const void *data, size_t len, int overwrite,
                    struct sw_errors *errs)
{
    char *tmp = temp_name(path);
    if (!tmp)
        return sw_fail_oom(errs, path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        sw_error_add(errs, SW_ESYSTEM, path, 0, "cannot create: %s", strerror(errno));
        free(tmp);
        return -1;
    }
    int rc = -1;
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) < 0 || write_all(fd, data, len) < 0 || fsync(fd) < 0) {
        sw_error_add(errs, SW_ESYSTEM, path, 0, "cannot write: %s", strerror(errno));
    } else if (close(fd) < 0) {
        fd = -1;
        sw_error_add(errs, SW_ESYSTEM, path, 0, "cannot write: %s", strerror(errno));
    } else if (fd = -1, overwrite ? rename(tmp, path) < 0 : link(tmp, path) < 0) {
        if (errno == EEXIST)
            sw_fail(errs, path, 0, "already exists: not overwritten (use --force to replace it)");
        else
            sw_error_add(errs, SW_ESYSTEM, path, 0, "cannot write: %s", strerror(errno));
    } else {
        rc = 0;
    }
    if (fd >= 0)
        close(fd);
    if (rc < 0 || !overwrite)
        unlink(tmp);
    free(tmp);
    return rc;
}

int sw_mkdirs(const char *path, struct sw_errors *errs)
{
    if (!*path)
        return 0;
    char *copy = strdup(path);
    if (!copy)
        return sw_fail_oom(errs, path);
    int rc = 0;
    for (char *p = copy + 1; rc == 0; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        if (mkdir(copy, 0777) < 0 && errno != EEXIST)
            rc = sw_error_add(errs, SW_ESYSTEM, copy, 0, "cannot create folder: %s",
                              strerror(errno));
        *p = saved;
        if (saved == '\0')
            break;
    }
    free(copy);
    return rc;
}
