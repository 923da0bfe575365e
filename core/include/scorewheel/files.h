/*
 * files.h - finding input files and writing output files safely.
 */
#ifndef SW_FILES_H
#define SW_FILES_H

#include <stddef.h>

#include "buf.h"
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

/* The last name of `path`, trailing slashes ignored ("reqs/staff/" gives
 * "staff"): a pointer into path and its length in *len. */
const char *sw_path_base(const char *path, size_t *len);

/* --- the one whole-file read ---------------------------------------------- */

/* Reads the regular file `path` whole: a malloc'd copy with a NUL after the
 * last byte (caller frees), its length in *len. NULL with an error recorded:
 * SW_ESYSTEM "cannot open: ...", "cannot read: ...", "not a regular file";
 * SW_EINPUT at line 1 "file is X.X MiB, over the M MiB limit for WHAT" when it
 * holds more than `max` bytes (M is max in MiB). */
char *sw_read_file(const char *path, size_t max, const char *what, size_t *len,
                   struct sw_errors *errs);
/* The same into b (emptied first, then holding the bytes and a NUL; its
 * memory is kept for the next file): 0, or -1 with the same errors. */
int sw_read_file_into(const char *path, size_t max, const char *what, struct sw_buf *b,
                      struct sw_errors *errs);

/* --- the one atomic write -------------------------------------------------- */

/* How sw_write_file writes; all zero (or NULL) is the default. */
struct sw_write_options {
    /* Rename over an existing file; 0: link, so that an existing file, even
     * one created a moment ago by another process, is never replaced. */
    int overwrite;
    /* The file's permission bits exactly (0600 for a file of secrets), set
     * before a byte is written; 0: 0666 less the umask. */
    unsigned mode;
    /* Hold sw_lock_folder(path) from before the temporary file is created to
     * after the rename. Not with a lock of the caller's on the same folder
     * (flock locks of one process on two descriptors exclude each other). */
    int lock;
};

/* Writes `len` bytes to `path` atomically: a temporary file in the same
 * folder (sw_tmpfile_create), flushed to disk, then renamed over `path` or
 * linked to it, as opt says (NULL: the defaults). On any failure `path` is
 * untouched, the temporary file removed, and -1 returned with an error
 * (SW_EINPUT "already exists", else SW_ESYSTEM). */
int sw_write_file(const char *path, const void *data, size_t len,
                  const struct sw_write_options *opt, struct sw_errors *errs);
/* sw_write_file with options {overwrite} and no others. */
int sw_write_atomic(const char *path, const void *data, size_t len, int overwrite,
                    struct sw_errors *errs);
/* An exclusive lock (flock) on the folder holding `path`, which every writer
 * of that folder using it or sw_write_if_unchanged honours: a descriptor,
 * close() it to unlock; -1 with SW_ESYSTEM "cannot lock its folder: ...". */
int sw_lock_folder(const char *path, struct sw_errors *errs);

/* Replaces `path` atomically with `len` bytes (as sw_write_atomic), but only
 * while it still holds exactly the `old_len` bytes at `old`; with old NULL,
 * only while it does not exist. For a file that several processes may edit
 * (two sessions on one scorecard): writers using this function take turns
 * under a lock on the folder, held from the check to the rename, so none can
 * slip in between. -1 with SW_EINPUT "changed on disk..." (or "already
 * exists") when the file is not as expected, else as sw_write_atomic. */
int sw_write_if_unchanged(const char *path, const void *data, size_t len, const void *old,
                          size_t old_len, struct sw_errors *errs);

/* --- temporary files for atomic output ------------------------------------
 * A file written in full before it appears under its name. On Linux it is
 * created unnamed (O_TMPFILE) in the target's folder and only linked in at the
 * end, so a process killed meanwhile leaves nothing behind. Where that is not
 * possible (another system, a file system without O_TMPFILE, no /proc) it is a
 * hidden file ".NAME.tmp-PID-XXXXXXXX" beside the target; such files of
 * processes that no longer run are removed by the next sw_tmpfile_create() for
 * the same target (the only window for one to appear on Linux is between the
 * two system calls that link and rename an unnamed file over a target). */
struct sw_tmpfile {
    int fd;                 /* open for reading and writing */
    char *name;             /* the named file, NULL while unnamed */
    char open_path[32];     /* "/proc/self/fd/N" while unnamed */
};

/* Creates the temporary file for `path` (after sw_remove_stale_temps(path)).
 * 0, or -1 with an SW_ESYSTEM error ("cannot create: ..."). */
int sw_tmpfile_create(struct sw_tmpfile *t, const char *path, struct sw_errors *errs);
/* A path that opens the same file, for libraries that want a file name. */
const char *sw_tmpfile_path(const struct sw_tmpfile *t);
/* Flushes t (its descriptor: write through it or through sw_tmpfile_path()
 * and close that first), then gives it the name `path`: renamed over an
 * existing file with `overwrite`, else linked (SW_EINPUT "already exists" when
 * path exists). Closes and releases t in every case; on failure path is
 * untouched and -1 returned with an error. */
int sw_tmpfile_commit(struct sw_tmpfile *t, const char *path, int overwrite,
                      struct sw_errors *errs);
/* Closes t and removes it. Accepts NULL and a released t. */
void sw_tmpfile_discard(struct sw_tmpfile *t);
/* Removes the temporary files ".NAME.tmp-PID-*" left beside `path` by
 * processes that no longer run (killed, or crashed). Best effort, no errors. */
void sw_remove_stale_temps(const char *path);

/* Creates directory `path` and its missing parents (mode 0777 less umask).
 * 0, or -1 with an SW_ESYSTEM error. */
int sw_mkdirs(const char *path, struct sw_errors *errs);

#endif
