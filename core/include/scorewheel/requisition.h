/*
 * requisition.h - a requisition folder kept parsed in memory, fresh without
 * waste: what a long-running front end (`serve`) reads on every request.
 *
 * A requisition is a folder of scorecards (the PATH the other commands read).
 * sw_requisition_refresh() walks it as sw_paths_collect() does, stats every
 * file and parses again only the files that are new or whose identity
 * changed (device, inode, size, modification time to the nanosecond); it
 * drops the files that are gone, keeps the rest parsed, and, when anything
 * changed, rebuilds the aggregate (docs/design.md rules 1 to 7, every
 * candidate's level from its scorecards) from the kept scorecards in the
 * order of the walk, so the numbers are those of `report` on the folder.
 * A file modified less than 2 seconds before it was stat'ed is parsed again
 * at the next refresh whatever its identity: a rewrite in place within one
 * tick of the file system's clock may keep both its size and its time.
 * "Pages reflect files changed on disk by others (re-read what changed; no
 * full re-parse per request)": docs/design.md, "The web app".
 *
 * Each refresh that changed something publishes a new snapshot: the finished
 * aggregate, the files with their parsed scorecards (evidence and notes
 * included, which the aggregate does not keep) and every problem found. A
 * snapshot is immutable and reference counted: a reader takes the current
 * one with sw_requisition_snapshot(), reads it without any lock for as long
 * as it likes, and releases it; a refresh meanwhile publishes a new one and
 * never touches the old. Refreshes are serialised by a lock of their own, so
 * readers never wait for a parse. Every function here is safe to call from
 * several threads at once, except sw_requisition_free(), which must be the
 * last use of the requisition (its snapshots may outlive it).
 *
 * An invalid file never hides the others: its problems are recorded against
 * it, and the valid files are aggregated.
 *
 * Ownership: the requisition keeps a pointer to the rubric, which must
 * outlive it and every snapshot; everything else is owned by the requisition
 * or the snapshot.
 */
#ifndef SW_REQUISITION_H
#define SW_REQUISITION_H

#include <stddef.h>
#include <time.h>

#include "aggregate.h"
#include "buf.h"
#include "error.h"
#include "rubric.h"
#include "scorecard.h"

/* One file of a snapshot. */
struct sw_req_file {
    const char *path;
    /* The parsed scorecard; NULL when the file is invalid or is a rubric
     * (skipped, as the aggregating commands skip rubric files). */
    const struct sw_scorecard *scorecard;
    int added;          /* 1 when it counts in the aggregate */
    struct timespec mtime;   /* its modification time, stat'ed before the parse */
    /* Its problems: snapshot->errors.items[first_error .. +n_errors], the
     * file's own (parse, schema, meaning), then the aggregate's refusal (a
     * second scorecard with the same candidate, interview and interviewer). */
    size_t first_error, n_errors;
};

struct sw_req_snapshot {
    const char *dir;                     /* the folder as given */
    const struct sw_aggregate *aggregate;    /* finished (level -1) */
    const struct sw_req_file *files;     /* in the walk's order (files.h) */
    size_t n_files;
    size_t n_invalid;                    /* files with problems */
    /* Every problem: the files' in file order, then the aggregate's own
     * (scorecards of one candidate disagreeing on the level). */
    struct sw_errors errors;
    size_t parsed;             /* files parsed by the refresh that made it */
    unsigned long generation;  /* 1 for the first snapshot, +1 for each new one */
};

/* --- life cycle ---------------------------------------------------------- */

/* A requisition over folder `dir` (copied), read against rubric r, parsing
 * changed files on `threads` workers (load.h; 0 counts as 1). Nothing is
 * read yet: call sw_requisition_refresh(). NULL when out of memory. */
struct sw_requisition *sw_requisition_new(const struct sw_rubric *r, const char *dir,
                                          unsigned threads);
/* Frees the requisition and its reference to the current snapshot (others'
 * references stay valid). Accepts NULL. */
void sw_requisition_free(struct sw_requisition *q);

/* --- refreshing ------------------------------------------------------------ */

/* Brings the requisition up to date with its folder (see the top). Returns
 * how many files it parsed (0 when nothing changed: then no new snapshot is
 * made), or -1 with errors recorded in errs when the folder cannot be read or
 * memory runs out; the current snapshot then stays as it was. Problems of
 * single files are not failures: they are in the snapshot. */
long sw_requisition_refresh(struct sw_requisition *q, struct sw_errors *errs);
/* sw_requisition_refresh(), unless the last refresh began less than
 * max_age_ms milliseconds ago (monotonic clock) and no
 * sw_requisition_forget() came since: then nothing is read and 0 returned.
 * Callers arriving while a refresh runs wait for it and then share it. A
 * change on disk made at time t is thus seen by every call from
 * t + max_age_ms on (a refresh reused then began after t); a writer that
 * calls sw_requisition_forget() sees its own change at the next call. What a
 * front end calls per request; max_age_ms <= 0 always refreshes. */
long sw_requisition_refresh_recent(struct sw_requisition *q, long max_age_ms,
                                   struct sw_errors *errs);

/* --- reading --------------------------------------------------------------- */

/* The current snapshot with one more reference (release it with
 * sw_req_snapshot_release), or NULL before the first successful refresh. */
struct sw_req_snapshot *sw_requisition_snapshot(struct sw_requisition *q);
/* Drops one reference; the last frees the snapshot. Accepts NULL. */
void sw_req_snapshot_release(struct sw_req_snapshot *s);

/* The file at `path` (as the walk names it) in s, or NULL. */
const struct sw_req_file *sw_req_snapshot_file(const struct sw_req_snapshot *s,
                                               const char *path);
/* The index of the first file at or after index `from` whose scorecard is
 * of `candidate`, interview `interview` (its id) and `interviewer`; a NULL
 * field matches any. s->n_files when there is none. Files without a
 * scorecard never match; files the aggregate refused do. */
size_t sw_req_snapshot_find(const struct sw_req_snapshot *s, size_t from, const char *candidate,
                            const char *interview, const char *interviewer);

/* --- editing ---------------------------------------------------------------- */

/* The scorecard in the file at `path` as an editor needs it: the file's
 * bytes appended to `bytes` and the scorecard those very bytes hold, in
 * entry order (entry.h), for the caller to change and free (with
 * sw_scorecard_free). It is parsed only when the cache does not hold the
 * file as it is now (same identity, as a refresh decides); else it is a
 * copy of the cached parse. NULL with the problems in errs when the file
 * cannot be read or is not a valid scorecard. Hand `bytes` to
 * sw_write_if_unchanged() to write back only over what was shown. */
struct sw_scorecard *sw_requisition_card(struct sw_requisition *q, const char *path,
                                         struct sw_buf *bytes, struct sw_errors *errs);
/* Notes that the file at `path` was just written: the next refresh parses
 * it again whatever its identity (a writer's own change is then seen at
 * once, even one that kept size and time), and the next
 * sw_requisition_refresh_recent() refreshes whatever its age (so a new file
 * the writer made shows at once too). */
void sw_requisition_forget(struct sw_requisition *q, const char *path);
/* How many files this requisition has parsed since it was made: by its
 * refreshes and by sw_requisition_card(). */
unsigned long sw_requisition_parses(struct sw_requisition *q);

#endif
