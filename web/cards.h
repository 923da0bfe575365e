/*
 * cards.h - the scorecards of the requisitions `serve` works on, as pages
 * need them: who wrote which, and whether it is submitted.
 *
 * A requisition (REQ) is a folder; pages name it by its base name. The index
 * remembers every scorecard file below each folder with the file's identity
 * (device, inode, size, modification time): a refresh walks the folders and
 * reads again only the files that changed, so pages reflect what others (the
 * CLI, another server) write, without parsing everything per request
 * (docs/design.md, "The web app"). Invalid files are left out.
 * Thread-safe by one lock: take it with web_index_lock() around a refresh and
 * the lookups whose results are used, and copy out what must outlive it.
 */
#ifndef SW_WEB_CARDS_H
#define SW_WEB_CARDS_H

#include <pthread.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "access.h"
#include "error.h"
#include "rubric.h"

struct web_card_entry {
    char *path;
    char *candidate, *interview, *interviewer, *name;   /* NULL: not a scorecard */
    int submitted;
    time_t mtime;
    dev_t dev;
    ino_t ino;
    off_t size;
    long mtime_ns;
    int moved;      /* during a refresh: taken over by the new list */
};

struct web_req {
    char *name;     /* the folder's base name: /r/NAME */
    char *dir;      /* the folder as given */
    struct web_card_entry *cards;   /* sorted by path */
    size_t n;
};

struct web_index {
    const struct sw_rubric *rubric;
    struct web_req *reqs;
    size_t n_reqs;
    pthread_mutex_t lock;
    struct timespec refreshed;
    int stale;      /* refresh at the next chance, whatever the time */
};

/* Sets up the index of folders dirs[0..n-1] (not read yet). Two folders with
 * the same base name, or a base name that is not an id, are refused:
 * -1 with an SW_EINPUT error. */
int web_index_init(struct web_index *x, const struct sw_rubric *r, char **dirs, size_t n,
                   struct sw_errors *errs);
void web_index_release(struct web_index *x);

void web_index_lock(struct web_index *x);
void web_index_unlock(struct web_index *x);
/* With the lock held: brings the index up to date with the folders, unless
 * it was refreshed less than WEB_REFRESH_MS ago and is not marked stale. */
#define WEB_REFRESH_MS 250
void web_index_refresh(struct web_index *x);
/* Records a write of ours to the scorecard at `path` (as the index names
 * it): its new identity and state, so that no refresh reads it again.
 * Takes the lock itself. */
void web_index_note_write(struct web_index *x, const char *path, int submitted);

/* With the lock held: the requisition named `name`, or NULL. */
struct web_req *web_index_req(struct web_index *x, const char *name);
/* The scorecard of (candidate, interview, interviewer) in req, or NULL. */
const struct web_card_entry *web_req_card(const struct web_req *q, const char *candidate,
                                          const char *interview, const char *interviewer);
/* The state of `who`'s own scorecards for `candidate`: SUBMITTED when any is
 * submitted, DRAFT when there is one, else NONE. */
enum web_card web_req_mine(const struct web_req *q, const char *candidate, const char *who);
/* Whether `who` has a scorecard for interview `interview` in any requisition. */
int web_index_has_interview(const struct web_index *x, const char *interview, const char *who);

#endif
