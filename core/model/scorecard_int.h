/*
 * scorecard_int.h - internal to scorecard.c and scorecard_stream.c: the
 * loading state and the checks both ways in share (the tree walk in
 * scorecard.c, the streaming parse in scorecard_stream.c), so that both
 * report the same problems. Not installed.
 */
#ifndef SW_SCORECARD_INT_H
#define SW_SCORECARD_INT_H

#include "scorecard.h"

/* A scorecard being loaded against rubric r from path; errors go to errs. */
struct loader {
    const struct sw_rubric *r;
    struct sw_scorecard *s;
    const char *path;
    struct sw_errors *errs;
    int oom;
    /* The line of the first rating of each question, then of each competency
     * (0: none yet), made on the first rating: repeats are found in linear time. */
    int *first_line;
};

/* The scorecard element's attributes (NULL when absent). */
struct header {
    const char *rubric, *candidate, *interviewer, *status, *submitted, *level, *interview;
    const char *created;
};

/* A copy of v ("" when NULL) in the scorecard's arena; "" and L->oom set when
 * out of memory. */
const char *sw_scorecard_copy(struct loader *L, const char *v);

/* Copies the header into L->s and checks it (docs/design.md); returns -1
 * when the rubric or the interview is wrong, since the ratings cannot be
 * checked without them. */
int sw_scorecard_check_header(struct loader *L, const struct header *h);

/* Resolves and checks rating rt (its line set) from its attributes question,
 * competency and value (NULL when absent). */
void sw_scorecard_check_rating(struct loader *L, struct sw_rating *rt, const char *qid,
                               const char *cid, const char *raw);

#endif
