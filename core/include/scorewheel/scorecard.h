/*
 * scorecard.h - one interviewer's scorecard for one candidate and one interview
 * (namespace urn:scorewheel:scorecard:1, schema rubrics/scorecard.xsd; see
 * scorewheel-scorecard(5)).
 *
 * A scorecard is always read against a rubric: its ids are resolved to the
 * rubric's indices and its values checked against the rubric's scale.
 * Ownership: a struct sw_scorecard owns everything it points to (one arena);
 * sw_scorecard_free() releases it.
 */
#ifndef SW_SCORECARD_H
#define SW_SCORECARD_H

#include <stddef.h>

#include "arena.h"
#include "error.h"
#include "rubric.h"

struct sw_rating {
    long question;       /* rubric question index, or -1 for a direct competency rating */
    long competency;     /* rubric competency index, or -1 for a question rating */
    double value;        /* NaN: not answered yet (a rating with no value) */
    const char *evidence;    /* "" when none */
    int line;
};

struct sw_scorecard {
    const char *path;
    int line;                    /* line of the <scorecard> element */
    const char *rubric;          /* rubric id */
    const char *candidate;
    const char *interviewer;
    size_t interview;            /* rubric interview index */
    long level;                  /* rubric level index, or -1 when not given */
    int submitted;               /* status: 1 submitted, 0 draft */
    const char *submitted_at;    /* the `submitted` time stamp, "" when absent */
    /* The `created` time stamp (docs/design.md rule 12): set when a draft is
     * first written, never changed; "" when absent. Always UTC, ending in 'Z'. */
    const char *created;
    /* The `scheduled` time stamp: when the interview is planned, as the
     * schedule page wrote it; "" when absent. Always UTC, ending in 'Z'. */
    const char *scheduled;
    const char *candidate_name;  /* "" when absent */
    struct sw_rating *ratings;
    size_t n_ratings;
    enum sw_recommendation recommendation;   /* SW_REC_NONE when absent */
    const char *notes;           /* "" when absent */
    struct sw_arena arena;
};

/* Loads and checks the scorecard at `path` against rubric r: hardened parse,
 * schema, then meaning (rubric id, unknown interview/level/question/competency,
 * a question outside the interview, a rating naming both or neither of question
 * and competency, two ratings of one question or competency, values off the
 * scale or its step). Returns the scorecard (caller frees) or NULL with every
 * problem of the file recorded in errs. */
struct sw_scorecard *sw_scorecard_load(const struct sw_rubric *r, const char *path,
                                       struct sw_errors *errs);
/* The same from bytes in memory; `path` names the document in errors.
 * Both first stream the document (SAX, the schema checked during the parse,
 * no tree: see sw_scorecard_stream() in document.h); a document that is not
 * plainly valid is then parsed as a tree, which reports every problem. */
struct sw_scorecard *sw_scorecard_parse(const struct sw_rubric *r, const char *data,
                                        size_t len, const char *path, struct sw_errors *errs);
void sw_scorecard_free(struct sw_scorecard *s);

#endif
