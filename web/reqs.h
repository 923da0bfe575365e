/*
 * reqs.h - the requisitions `serve` serves, as pages find them: each folder
 * by its base name (/r/NAME), read through core's requisition model
 * (requisition.h), the one reader of the folders. A page takes a snapshot,
 * refreshed now or at most WEB_FRESH_MS ago (only changed files are parsed
 * again, so pages reflect what others write: docs/design.md, "The web
 * app"), reads it without a lock and
 * releases it. A page that writes a scorecard tells the model
 * (sw_requisition_forget), so that the next snapshot has the change.
 */
#ifndef SW_WEB_REQS_H
#define SW_WEB_REQS_H

#include <stddef.h>

#include "access.h"
#include "error.h"
#include "requisition.h"
#include "rubric.h"

struct web_req {
    char *name;                      /* the folder's base name: /r/NAME */
    char *dir;                       /* the folder as given */
    struct sw_requisition *model;
};

/* Set up once, read-only afterwards: no lock. */
struct web_index {
    const struct sw_rubric *rubric;
    struct web_req *reqs;
    size_t n_reqs;
};

/* Sets up the requisitions of folders dirs[0..n-1] (not read yet). Two
 * folders with the same base name, or a base name that is not an id, are
 * refused: -1 with an SW_EINPUT error (SW_ESYSTEM out of memory). */
int web_index_init(struct web_index *x, const struct sw_rubric *r, char **dirs, size_t n,
                   struct sw_errors *errs);
void web_index_release(struct web_index *x);

/* The requisition named `name`, or NULL. */
struct web_req *web_index_req(const struct web_index *x, const char *name);
/* How recent a refresh a page may reuse, in milliseconds: a change others
 * make on disk shows on every page asked for from this long after it
 * (docs/design.md "The web app"); the server's own writes show at once. */
#define WEB_FRESH_MS 250
/* q's snapshot, refreshed now (or by a refresh begun less than WEB_FRESH_MS
 * ago, which requests arriving meanwhile share: requisition.h); release with
 * sw_req_snapshot_release(). NULL (logged) when its folder cannot be read
 * and none was read before. */
struct sw_req_snapshot *web_req_snapshot(struct web_req *q);

/* The file of the scorecard of (candidate, interview, interviewer) in s, or
 * NULL; a draft beside a submitted one is the one to edit. */
const struct sw_req_file *web_snap_card(const struct sw_req_snapshot *s, const char *candidate,
                                        const char *interview, const char *interviewer);
/* The state of `who`'s own scorecards for `candidate` in s: SUBMITTED when
 * every one is submitted, DRAFT when one is not, NONE when there is none
 * (independent scoring is per card). */
enum web_card web_snap_mine(const struct sw_req_snapshot *s, const char *candidate,
                            const char *who);
/* Whether `who` has a scorecard for interview `interview` in any
 * requisition: in the snapshots refreshed now when `fresh`, else in the
 * current ones (for a page that has just refreshed them all). */
int web_index_has_interview(const struct web_index *x, const char *interview, const char *who,
                            int fresh);

#endif
