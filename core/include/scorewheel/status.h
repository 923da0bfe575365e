/*
 * status.h - loop status (`status`): who still owes which scorecard, for how
 * long, and what the packet still lacks. docs/design.md rule 12, over a
 * finished aggregate (aggregate.h), drafts included:
 *
 *   cards      one entry per scorecard of the candidate, sorted by interview
 *              id, then interviewer id (both as bytes);
 *   age_hours  drafts only: (now - created) / 3600, where created is the
 *              card's `created` stamp, else the file's modification time;
 *              NaN for submitted cards;
 *   overdue    a draft whose age_hours >= policy.overdue;
 *   needs.scorecards  max(0, policy.min-scorecards - submitted);
 *   awaiting   the competencies with n = 0 (rule 2) that a question of some
 *              draft's interview measures (a draft's direct ratings do not
 *              count), in rubric order;
 *   uncovered  the other competencies with n = 0, in rubric order.
 *
 * Ownership: a struct sw_status owns its arrays and keeps a pointer to the
 * aggregate, which must outlive it. Writers append to `out` and return 0 or
 * -1 (out of memory, recorded in errs).
 */
#ifndef SW_STATUS_H
#define SW_STATUS_H

#include <stddef.h>

#include "aggregate.h"
#include "buf.h"
#include "error.h"
#include "report.h"

struct sw_status_card {
    size_t card;            /* index into the aggregate's cards */
    double age_hours;       /* NaN for a submitted card */
    int overdue;
};

struct sw_status_candidate {
    size_t candidate;       /* index into the aggregate's candidates (id order) */
    size_t submitted, pending;
    struct sw_status_card *cards;
    size_t n_cards;
    size_t needs_scorecards;
    size_t *awaiting, n_awaiting;      /* rubric competency indices */
    size_t *uncovered, n_uncovered;
};

struct sw_status {
    const struct sw_aggregate *aggregate;
    double now;             /* seconds since the epoch */
    double overdue_hours;   /* the rubric's policy.overdue */
    struct sw_status_candidate *candidates;    /* one per aggregate candidate */
    size_t n_candidates;
    size_t overdue;         /* overdue drafts, over all candidates */
};

/* Rule 12 for every candidate of the finished aggregate a at time `now`
 * (seconds since the epoch). A draft without `created` is aged by its file's
 * modification time; a file that cannot be stat'ed is an I/O error naming it.
 * Returns the status (caller frees) or NULL with errors recorded. */
struct sw_status *sw_status_new(const struct sw_aggregate *a, double now,
                                struct sw_errors *errs);
void sw_status_free(struct sw_status *s);
/* The time the card was first written (rule 12): its created stamp, else its
 * file's modification time, in seconds since the epoch. 0, or -1 with an
 * SW_ESYSTEM error naming the file. */
int sw_status_born(const struct sw_card *card, double *t, struct sw_errors *errs);

/* docs/design.md's JSON: {"now", "overdue_hours", "candidates": [{"id",
 * "name", "submitted", "pending", "cards": [{"interview", "interviewer",
 * "status", "created", "age_hours", "overdue"}], "needs": {"scorecards",
 * "awaiting", "uncovered"}}]}. */
int sw_status_json(const struct sw_status *s, struct sw_buf *out, struct sw_errors *errs);
/* One row per card: candidate,name,interview,interviewer,status,created,
 * age_hours,overdue,needs_scorecards,awaiting,uncovered (the lists separated
 * by ';', repeated on each row of the candidate; a candidate without cards
 * cannot occur); text cells guarded as `mode` says (report.h). */
int sw_status_csv(const struct sw_status *s, enum sw_csv_mode mode, struct sw_buf *out,
                  struct sw_errors *errs);
/* Per candidate, within 80 columns: a header line (name, id, submitted,
 * pending, what the decision still needs), each draft still owed with its
 * interviewer and age (OVERDUE marked), then the awaited and uncovered
 * competencies by name, wrapped. `color`: ANSI colour for overdue drafts. */
int sw_status_table(const struct sw_status *s, int color, struct sw_buf *out,
                    struct sw_errors *errs);

#endif
