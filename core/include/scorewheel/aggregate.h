/*
 * aggregate.h - every interviewer's scorecards for a candidate become one
 * packet: docs/design.md "Semantics", rules 1 to 7.
 *
 * Use: sw_aggregate_new(), then sw_aggregate_add() for each scorecard (or
 * sw_aggregate_load() for files), then sw_aggregate_finish(), then read the
 * candidates. The aggregate keeps per scorecard only its ids and its score per
 * competency, never its text, so memory grows with scorecards x competencies
 * and candidates x competencies, not with the size of the files.
 *
 * Numbers: "null" is NaN. Comparisons against policy thresholds allow 1e-9 for
 * the rounding of sums of halves (a gap of -0.9999999999 is a gap of -1).
 *
 * Ownership: the aggregate owns everything it points to and keeps a pointer
 * to the rubric, which must outlive it.
 */
#ifndef SW_AGGREGATE_H
#define SW_AGGREGATE_H

#include <stddef.h>

#include "arena.h"
#include "error.h"
#include "load.h"
#include "rubric.h"
#include "scorecard.h"
#include "strmap.h"

/* Rule 5 flags, a bit set. */
enum sw_flag {
    SW_FLAG_DISAGREEMENT = 1 << 0,   /* max - min >= policy.disagreement */
    SW_FLAG_BELOW_TARGET = 1 << 1,   /* gap <= -policy.gap */
    SW_FLAG_UNASSESSED = 1 << 2,     /* n = 0 */
};

/* Rule 6, in the order tested. */
enum sw_decision {
    SW_DECISION_NO_LEVEL,               /* no level known */
    SW_DECISION_INSUFFICIENT_EVIDENCE,  /* too few scorecards or competencies */
    SW_DECISION_NO_HIRE,                /* a veto, or below the bar, or too many gaps */
    SW_DECISION_HIRE,                   /* overall >= hire-bar, gaps <= max-gaps */
};

/* One scorecard as the aggregate keeps it. */
struct sw_card {
    const char *path;
    int line;
    size_t candidate;          /* index into candidates (final order after finish) */
    size_t interviewer;        /* index into interviewers (sorted by id after finish) */
    size_t interview;          /* rubric interview index */
    long level;                /* rubric level index, -1 when not given */
    int submitted;
    const char *created;       /* the `created` stamp as written, "" when absent */
    const char *scheduled;     /* the `scheduled` stamp as written, "" when absent */
    enum sw_recommendation recommendation;
    /* Rule 1: x(s,c) = sum(w * v) / sum(w) over the ratings of s that reach c; a
     * question rating reaches each competency its question measures with that
     * measure's weight, a direct rating reaches its competency with weight 1.
     * NaN where nothing reaches c (and for drafts, which count for nothing). */
    double *scores;
};

/* Rule 2, for one candidate and competency, over the submitted scorecards whose
 * x(s,c) is defined; rules 4 and 5 for target, gap and flags. */
struct sw_competency_stats {
    size_t n;
    double mean;
    double median;     /* mean of the two middle values when n is even */
    double min, max;
    double sd;         /* sample standard deviation (n - 1); NaN when n < 2 */
    double target;     /* the level's target; NaN when no level is known */
    double gap;        /* mean - target; NaN when either is */
    unsigned flags;    /* enum sw_flag */
};

struct sw_candidate {
    const char *id;
    const char *name;          /* the first candidate-name found; NULL when none */
    long level;                /* rule 4: --level, else the scorecards' (agreeing) level; -1 */
    size_t scorecards;         /* submitted */
    size_t pending;            /* drafts */
    size_t recommendations[SW_REC_COUNT];   /* tally over submitted scorecards */
    size_t *interviewers;      /* interviewer indices on submitted scorecards, by id */
    size_t n_interviewers;
    struct sw_competency_stats *competencies;   /* one per rubric competency */
    size_t assessed;           /* competencies with n >= 1 */
    size_t below_target;       /* competencies flagged below-target */
    /* Rule 3: a pillar's score is the mean of its competency means with n >= 1
     * (NaN if none); overall is the mean of all competency means with n >= 1. */
    double *pillars;
    double overall;
    /* Rule 4: sum over competencies of max(0, -gap) / assessed; NaN without a
     * level or when nothing is assessed. */
    double shortfall;
    enum sw_decision decision;
    /* Rule 7: p = pillar scores (NaN if any pillar is unassessed: no archetype);
     * d = p - mean(p); if max|d| < policy.balanced the first archetype without
     * emphasis, else the one whose centred emphasis vector has the highest cosine
     * similarity with d, ties to the first in document order. -1 when none. */
    long archetype;
    size_t first_card;         /* internal: the candidate's cards, chained */
    size_t last_card;          /* internal: the chain's end */
};

struct sw_aggregate {
    const struct sw_rubric *rubric;
    struct sw_candidate *candidates;   /* by id ascending after finish */
    size_t n_candidates;
    struct sw_card *cards;             /* in the order added */
    size_t n_cards;
    const char **interviewers;         /* ids, ascending after finish */
    size_t n_interviewers;
    int finished;                      /* 1 once sw_aggregate_finish() completed */
    /* internal */
    size_t *card_next;
    size_t *card_set;                  /* open addressing: card index + 1, 0 empty */
    size_t card_set_cap, card_set_used;
    size_t cap_candidates, cap_cards, cap_interviewers;
    struct sw_strmap candidate_ids, interviewer_ids;
    struct sw_arena arena;
};

/* Rule 1 for one scorecard, drafts included: scores[c] = sum(w v) / sum(w) over
 * the ratings of s that reach c, NaN where nothing reaches c. `scores` and
 * `weights` (scratch) hold one double per rubric competency each. */
void sw_scorecard_scores(const struct sw_rubric *r, const struct sw_scorecard *s, double *scores,
                         double *weights);

/* --- life cycle ---------------------------------------------------------- */

/* A new, empty aggregate over rubric r; NULL when out of memory. */
struct sw_aggregate *sw_aggregate_new(const struct sw_rubric *r);
void sw_aggregate_free(struct sw_aggregate *a);

/* Adds one scorecard read against the same rubric (the aggregate copies what
 * it needs; s may be freed afterwards). A second scorecard with the same
 * candidate, interview and interviewer and the same status is refused with an
 * error naming both files. 0 or -1. */
int sw_aggregate_add(struct sw_aggregate *a, const struct sw_scorecard *s,
                     struct sw_errors *errs);

/* Loads and adds each file (see files.h for collecting them), skipping rubric
 * files. Every problem of every file goes to errs; the valid files are added.
 * Returns the number of files that could not be added. */
size_t sw_aggregate_load(struct sw_aggregate *a, char *const *paths, size_t n,
                         struct sw_errors *errs);

/* The same with `threads` workers parsing files in parallel (1 parses in the
 * calling thread), through sw_load_files() (load.h): scorecards and errors
 * are added in path order, so the aggregate and the errors are the same
 * whatever the number of threads, and at most one batch of scorecards is held
 * at a time. `progress` (may be NULL) is called after each batch. */
size_t sw_aggregate_load_parallel(struct sw_aggregate *a, char *const *paths, size_t n,
                                  unsigned threads, sw_progress_fn progress, void *ctx,
                                  struct sw_errors *errs);

/* `level` for sw_aggregate_finish(): take no level and check none (for
 * uses of rules 1 to 3 only, such as team profiles). */
#define SW_LEVEL_IGNORE (-2)

/* Computes rules 2 to 7 for every candidate. `level` is the rubric index of
 * --level, or -1 to take each candidate's level from its submitted scorecards,
 * which must agree (else an error naming both files, and the candidate has no
 * level), or SW_LEVEL_IGNORE. Sorts candidates and interviewers by id. 0, or -1
 * with errors: after input errors (a level mismatch) the aggregate is still
 * complete and usable; out of memory it is not, `finished` stays 0, and the
 * readers (report.h, calibrate.h, team.h) refuse it. */
int sw_aggregate_finish(struct sw_aggregate *a, long level, struct sw_errors *errs);
/* 0 when `a` is finished; else -1 with an error recorded (SW_ESYSTEM: the
 * caller did not finish it, or finishing ran out of memory). What the
 * readers (report.h, calibrate.h, team.h, wheel.h) check first. */
int sw_aggregate_require_finished(const struct sw_aggregate *a, struct sw_errors *errs);

/* Subtracts shift[i] (one per interviewer, as a->interviewers) from every
 * submitted scorecard's x(s,c) of interviewer i, no clipping, and computes
 * rules 2 to 7 again with the levels found by sw_aggregate_finish(): the
 * adjusted scores of severity.h. 0, or -1 when out of memory or the aggregate
 * is not finished. */
int sw_aggregate_shift(struct sw_aggregate *a, const double *shift, struct sw_errors *errs);

/* --- queries ------------------------------------------------------------- */

/* Index of the candidate with that id, or -1. */
long sw_aggregate_candidate(const struct sw_aggregate *a, const char *id);
/* "no-level", "insufficient-evidence", "no-hire", "hire". */
const char *sw_decision_name(enum sw_decision d);
/* The decision called `name` (as sw_decision_name writes it), or -1. */
int sw_decision_parse(const char *name);
/* The flag's name: "disagreement", "below-target", "unassessed". */
const char *sw_flag_name(enum sw_flag f);

/* Orders for sw_aggregate_sort(). */
enum sw_sort { SW_SORT_ID, SW_SORT_OVERALL, SW_SORT_SHORTFALL, SW_SORT_NAME };
/* The orders a person may choose, by name, in the order front ends offer them
 * (the first is the default): "overall", "shortfall", "name", each with a
 * label for a page ("Overall"...). */
struct sw_sort_key {
    const char *name, *label;
    enum sw_sort sort;
};
#define SW_SORT_KEYS 3
extern const struct sw_sort_key sw_sort_keys[SW_SORT_KEYS];
/* The index in sw_sort_keys of the key called `name`, or -1. */
int sw_sort_key(const char *name);
/* Fills order[0..n_candidates-1] with candidate indices: SW_SORT_OVERALL
 * descending, SW_SORT_SHORTFALL ascending, SW_SORT_NAME ascending (by name,
 * the id when there is none), SW_SORT_ID ascending; nulls last, ties by id. */
void sw_aggregate_sort(const struct sw_aggregate *a, enum sw_sort sort, size_t *order);

#endif
