/* files_write.c - atomic writes (files.h): temporary files beside the
 * target, linked or renamed in only when complete, and folder creation. */
/* O_TMPFILE is a GNU extension of <fcntl.h>. */
#define _GNU_SOURCE
#include "files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "io/files_int.h"

/* The folder part of path with its slash ("" when none), and the name. */
static size_t folder_len(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? (size_t)(slash - path + 1) : 0;
}

/* ".NAME.tmp-PID-" beside path (the prefix of every temporary name of path). */
static int add_temp_prefix(struct sw_buf *b, const char *path, long pid)
{
    size_t dir = folder_len(path);
    sw_buf_add(b, path, dir);
    sw_buf_addf(b, ".%s.tmp-%ld-", path + dir, pid);
    return b->failed ? -1 : 0;
}

/* A fresh suffix for a temporary name: 8 letters from a process-wide counter
 * (atomic: the web app's threads write at once), spread by a multiplier
 * prime to 36, so the 36^8 draws of one process are all different; the pid
 * in the name's prefix tells processes apart. Uniqueness is still checked by
 * O_EXCL / EEXIST (a dead process's leftover under a reused pid). */
static void add_suffix(struct sw_buf *b)
{
    static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    static atomic_ulong counter;
    const unsigned long long names = 2821109907456ull;    /* 36^8 */
    /* 4999999 is prime to 36 and keeps the product below 2^64. */
    unsigned long long x = atomic_fetch_add(&counter, 1ul) % names * 4999999u % names;
    for (int i = 0; i < 8; i++, x /= 36)
        sw_buf_addc(b, letters[x % 36]);
}

char *sw_tmpfile_name(const char *path)
{
    struct sw_buf b = SW_BUF_INIT;
    if (add_temp_prefix(&b, path, (long)getpid()) == 0)
        add_suffix(&b);
    if (b.failed) {
        sw_buf_release(&b);
        return NULL;
    }
    return sw_buf_detach(&b, NULL);
}

/* Whether `name` is ".BASE.tmp-PID-SUFFIX" for a process that is gone. */
static int stale_temp(const char *name, const char *base)
{
    size_t n = strlen(base);
    if (name[0] != '.' || strncmp(name + 1, base, n) != 0 || strncmp(name + 1 + n, ".tmp-", 5))
        return 0;
    const char *p = name + 1 + n + 5;
    char *end;
    errno = 0;
    long pid = strtol(p, &end, 10);
    if (end == p || *end != '-' || errno || pid <= 0 || pid == (long)getpid())
        return 0;
    return kill((pid_t)pid, 0) < 0 && errno == ESRCH;
}

void sw_remove_stale_temps(const char *path)
{
    size_t dir_len = folder_len(path);
    const char *base = path + dir_len;
    char *dir = dir_len ? strndup(path, dir_len) : strdup(".");
    DIR *d = dir ? opendir(dir) : NULL;
    if (d) {
        for (struct dirent *e; (e = readdir(d));) {
            if (!stale_temp(e->d_name, base))
                continue;
            struct sw_buf b = SW_BUF_INIT;
            sw_buf_add(&b, path, dir_len);
            sw_buf_adds(&b, e->d_name);
            if (!b.failed)
                unlink(b.data);
            sw_buf_release(&b);
        }
        closedir(d);
    }
    free(dir);
}

#ifdef O_TMPFILE
/* The path that reopens descriptor fd ("/proc/self/fd/N"). */
static void fd_path(char *out, size_t size, int fd)
{
    snprintf(out, size, "/proc/self/fd/%d", fd);
}

/* An unnamed file in path's folder, reachable by t->open_path; -1 when the
 * system or the file system cannot (the caller then names one). */
static int open_unnamed(struct sw_tmpfile *t, const char *path)
{
    size_t dir_len = folder_len(path);
    char *dir = dir_len ? strndup(path, dir_len) : strdup(".");
    if (!dir)
        return -1;
    int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0666);
    free(dir);
    if (fd < 0)
        return -1;
    struct stat by_fd, by_path;
    fd_path(t->open_path, sizeof t->open_path, fd);
    if (fstat(fd, &by_fd) < 0 || stat(t->open_path, &by_path) < 0
        || by_fd.st_ino != by_path.st_ino || by_fd.st_dev != by_path.st_dev) {
        close(fd);    /* no /proc: linkat could not name it later */
        return -1;
    }
    t->fd = fd;
    return 0;
}
#endif

int sw_tmpfile_create(struct sw_tmpfile *t, const char *path, struct sw_errors *errs)
{
    t->fd = -1;
    t->name = NULL;
    t->open_path[0] = '\0';
    sw_remove_stale_temps(path);
#ifdef O_TMPFILE
    if (open_unnamed(t, path) == 0)
        return 0;
#endif
    for (int attempt = 0; attempt < 100; attempt++) {
        char *name = sw_tmpfile_name(path);
        if (!name)
            return sw_fail_oom(errs, path);
        int fd = open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            t->fd = fd;
            t->name = name;
            return 0;
        }
        int e = errno;
        free(name);
        if (e != EEXIST)
            return sw_error_add(errs, SW_ESYSTEM, path, 0, "cannot create: %s", strerror(e));
    }
    return sw_error_add(errs, SW_ESYSTEM, path, 0, "cannot create: %s", strerror(EEXIST));
}

const char *sw_tmpfile_path(const struct sw_tmpfile *t)
{
    return t->name ? t->name : t->open_path;
}

/* Links the unnamed file t to `to`; 0, or -1 with errno set. */
static int link_unnamed(const struct sw_tmpfile *t, const char *to)
{
    return linkat(AT_FDCWD, t->open_path, AT_FDCWD, to, AT_SYMLINK_FOLLOW);
}

/* Flushes the folder holding path, so that the new name survives a crash. */
static void sync_folder(const char *path)
{
    size_t dir_len = folder_len(path);
    char *dir = dir_len ? strndup(path, dir_len) : strdup(".");
    int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

/* Gives the unnamed file t a temporary name beside path (then renamed). */
static char *name_unnamed(const struct sw_tmpfile *t, const char *path)
{
    for (int attempt = 0; attempt < 100; attempt++) {
        char *name = sw_tmpfile_name(path);
        if (!name) {
            errno = ENOMEM;
            return NULL;
        }
        if (link_unnamed(t, name) == 0)
            return name;
        int e = errno;
        free(name);
        if (e != EEXIST) {
            errno = e;
            return NULL;
        }
    }
    errno = EEXIST;
    return NULL;
}

int sw_tmpfile_commit(struct sw_tmpfile *t, const char *path, int overwrite,
                      struct sw_errors *errs)
{
    int rc = -1, e = 0;
    if (fsync(t->fd) < 0) {
        e = errno;
    } else if (!overwrite) {
        /* link, never rename: an existing file is never replaced. */
        if ((t->name ? link(t->name, path) : link_unnamed(t, path)) == 0)
            rc = 0;
        else
            e = errno;
    } else if (t->name) {
        if (rename(t->name, path) == 0) {
            free(t->name);
            t->name = NULL;
            rc = 0;
        } else {
            e = errno;
        }
    } else {
        char *name = name_unnamed(t, path);
        if (!name) {
            e = errno;
        } else if (rename(name, path) == 0) {
            rc = 0;
        } else {
            e = errno;
            unlink(name);
        }
        free(name);
    }
    if (close(t->fd) < 0 && rc == 0) {
        rc = -1;      /* cannot happen after fsync on local files; say so if it does */
        e = errno;
    }
    t->fd = -1;
    if (rc == 0)
        sync_folder(path);
    sw_tmpfile_discard(t);
    if (rc < 0) {
        if (e == EEXIST)
            return sw_fail(errs, path, 0,
                           "already exists: not overwritten (use --force to replace it)");
        return sw_error_add(errs, SW_ESYSTEM, path, 0, "cannot write: %s", strerror(e));
    }
    return 0;
}

void sw_tmpfile_discard(struct sw_tmpfile *t)
{
    if (!t)
        return;
    if (t->fd >= 0)
        close(t->fd);
    t->fd = -1;
    if (t->name)
        unlink(t->name);
    free(t->name);
    t->name = NULL;
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

int sw_write_file(const char *path, const void *data, size_t len,
                  const struct sw_write_options *opt, struct sw_errors *errs)
{
    static const struct sw_write_options defaults;
    if (!opt)
        opt = &defaults;
    int lock = -1;
    if (opt->lock && (lock = sw_lock_folder(path, errs)) < 0)
        return -1;
    struct sw_tmpfile t;
    int rc = sw_tmpfile_create(&t, path, errs);
    if (rc == 0 && ((opt->mode && fchmod(t.fd, (mode_t)opt->mode) < 0)
                    || write_all(t.fd, data, len) < 0)) {
        rc = sw_error_add(errs, SW_ESYSTEM, path, 0, "cannot write: %s", strerror(errno));
        sw_tmpfile_discard(&t);
    } else if (rc == 0) {
        rc = sw_tmpfile_commit(&t, path, opt->overwrite, errs);
    }
    if (lock >= 0)
        close(lock);
    return rc;
}

int sw_write_atomic(const char *path, const void *data, size_t len, int overwrite,
                    struct sw_errors *errs)
{
    struct sw_write_options opt = {.overwrite = overwrite};
    return sw_write_file(path, data, len, &opt, errs);
}

/* Whether the file at path holds exactly old_len bytes equal to old. */
static int holds(const char *path, const void *old, size_t old_len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    char block[8192];
    size_t at = 0;
    int same = 1;
    for (;;) {
        ssize_t n = read(fd, block, sizeof block);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            same = same && n == 0 && at == old_len;
            break;
        }
        if (at + (size_t)n > old_len || memcmp(block, (const char *)old + at, (size_t)n) != 0) {
            same = 0;
            break;
        }
        at += (size_t)n;
    }
    close(fd);
    return same;
}

/* An exclusive lock on the folder holding path: a descriptor, or -1. */
static int lock_folder(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *folder = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path))
                         : strdup(".");
    int fd = folder ? open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    free(folder);
    while (fd >= 0 && flock(fd, LOCK_EX) < 0) {
        if (errno != EINTR) {
            close(fd);
            return -1;
        }
    }
    return fd;
}

int sw_lock_folder(const char *path, struct sw_errors *errs)
{
    int fd = lock_folder(path);
    if (fd < 0)
        sw_error_add(errs, SW_ESYSTEM, path, 0, "cannot lock its folder: %s", strerror(errno));
    return fd;
}

int sw_write_if_unchanged(const char *path, const void *data, size_t len, const void *old,
                          size_t old_len, struct sw_errors *errs)
{
    if (!old)
        return sw_write_atomic(path, data, len, 0, errs);
    int lock = sw_lock_folder(path, errs);
    if (lock < 0)
        return -1;
    int rc;
    if (!holds(path, old, old_len))
        rc = sw_fail(errs, path, 0, "changed on disk by someone else since this session read "
                     "it: not overwritten");
    else
        rc = sw_write_atomic(path, data, len, 1, errs);
    close(lock);
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
