/*
 * files.h - finding input files and writing output files safely.
 */
#ifndef SW_FILES_H
#define SW_FILES_H

#include <stddef.h>

#include "error.h"

struct sw_paths {
    char **items;
    size_t count;
    size_t alloc;
};

void sw_paths_init(struct sw_paths *p);
/* Frees every path. Accepts NULL. */
void sw_paths_release(struct sw_paths *p);
/* Appends `path` if it is a file, or every `*.xml` file below it if it is a
 * directory, recursively, in byte order of their names; hidden entries (".*")
 * and symbolic links to directories are skipped. 0, or -1 with an SW_ESYSTEM
 * error when a path cannot be read. */
int sw_paths_collect(struct sw_paths *p, const char *path, struct sw_errors *errs);

/* Writes `len` bytes to `path` atomically: a hidden temporary file in the same
 * folder, flushed to disk, then renamed over `path` (with `overwrite`) or linked
 * to it (without, so that an existing file, even one created a moment ago by
 * another process, is never replaced). On any failure `path` is untouched, the
 * temporary file removed, and -1 returned with an error (SW_EINPUT "already
 * exists", else SW_ESYSTEM). */
int sw_write_atomic(const char *path, const void *data, size_t len, int overwrite,
                    struct sw_errors *errs);

/* Creates directory `path` and its missing parents (mode 0777 less umask).
 * 0, or -1 with an SW_ESYSTEM error. */
int sw_mkdirs(const char *path, struct sw_errors *errs);

#endif
