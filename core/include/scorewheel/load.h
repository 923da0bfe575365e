/*
 * load.h - reading many documents on several threads, handing them over in
 * path order (what the aggregating commands and `validate` do first).
 *
 * `threads` threads read the files, the calling thread among them (libxml2
 * is initialised once, before any other starts): each takes the next path
 * not yet taken, and the calling thread hands the documents to the caller's
 * function one file at a time, in the order of `paths`, parsing one itself
 * whenever the next to hand over is not ready. No thread reads more than
 * SW_LOAD_BATCH files ahead of the file being handed over, so at most that
 * many documents wait to be handed over; a handed-over document is released
 * soon after by the thread that read it (up to 64 per thread may wait for
 * that). A thread sleeps only when it cannot go on and is woken only then.
 * With one thread the calling thread parses each file and hands it over.
 * What the caller sees, documents and errors alike, is the same whatever
 * the number of threads.
 */
#ifndef SW_LOAD_H
#define SW_LOAD_H

#include <stddef.h>

#include "document.h"
#include "error.h"
#include "rubric.h"

#define SW_LOAD_BATCH 512
/* The most threads any function of the library runs at once. */
#define SW_MAX_THREADS 16

/* Called after every SW_LOAD_BATCH files handed over, and after the last,
 * with how many files are done of how many. */
typedef void (*sw_progress_fn)(void *ctx, size_t done, size_t total);

/* Called for each file, in path order, with what sw_document_load() made
 * of it: `failed` when it returned -1, the document (the callee may take
 * its rubric or scorecard, setting the pointer to NULL; the rest is
 * released after the call) and the file's errors (the callee may move them
 * away with sw_errors_move; what is left is released). */
typedef void (*sw_load_fn)(void *ctx, const char *path, struct sw_document *doc, int failed,
                           struct sw_errors *errs);

/* Loads paths[0..n-1] with sw_document_load(r, path, flags, ...) on
 * `threads` threads (at most SW_MAX_THREADS; 0 counts as 1) and calls `each` for every
 * file and `progress` (may be NULL) as said above, both on the calling thread with ctx.
 * Returns 0, or -1 when out of memory before anything was read (then
 * nothing was called). */
int sw_load_files(const struct sw_rubric *r, char *const *paths, size_t n, unsigned flags,
                  unsigned threads, sw_load_fn each, sw_progress_fn progress, void *ctx);

#endif
