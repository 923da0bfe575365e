/*
 * scorecard_int.h - internal to scorecard.c and scorecard_stream.c: the
 * loading state and the checks both ways in share (the tree walk in
 * scorecard.c, the streaming parse in scorecard_stream.c), so that both
 * report the same problems. Not installed.
 */
#ifndef SW_SCORECARD_INT_H
#define SW_SCORECARD_INT_H

#include "model/entry_load.h"
#include "scorecard.h"

/* The scorecard element's attributes (NULL when absent). */
struct header {
    const char *rubric, *candidate, *interviewer, *status, *submitted, *level, *interview;
    const char *created, *scheduled;
};

/* Copies the header into L->s and checks it (docs/design.md); returns -1
 * when the rubric or the interview is wrong, since the ratings cannot be
 * checked without them. */
int sw_scorecard_check_header(struct sw_load *L, const struct header *h);

/* Resolves and checks rating rt (its line set) from its attributes question,
 * competency and value (NULL when absent). */
void sw_scorecard_check_rating(struct sw_load *L, struct sw_rating *rt, const char *qid,
                               const char *cid, const char *raw);

#endif
