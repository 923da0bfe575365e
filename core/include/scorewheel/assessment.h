/*
 * assessment.h - one assessor's assessment of one person in one review cycle
 * (namespace urn:scorewheel:assessment:1, schema rubrics/assessment.xsd; see
 * scorewheel-assessment(5) and docs/design.md "Assessment").
 *
 * An assessment rates competencies directly on the rubric's scale. It is
 * always read against a rubric: competency and level ids are resolved to the
 * rubric's indices, values checked against the scale and its step.
 * Ownership: a struct sw_assessment owns everything it points to (one arena);
 * sw_assessment_free() releases it.
 */
#ifndef SW_ASSESSMENT_H
#define SW_ASSESSMENT_H

#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "error.h"
#include "rubric.h"

/* Who the assessor is to the person. */
enum sw_relation { SW_REL_SELF, SW_REL_MANAGER, SW_REL_PEER, SW_REL_REPORT, SW_REL_COUNT };

struct sw_assessment_rating {
    size_t competency;      /* rubric competency index */
    double value;           /* NaN: not answered yet */
    const char *evidence;   /* "" when none */
    int line;
};

struct sw_assessment {
    const char *path;
    int line;                   /* line of the <assessment> element */
    const char *rubric;         /* rubric id */
    const char *person;
    const char *assessor;
    enum sw_relation relation;
    const char *cycle;
    long level;                 /* rubric level index, or -1 when not given */
    int submitted;              /* status: 1 submitted, 0 draft */
    const char *submitted_at;   /* "" when absent */
    const char *created;        /* "" when absent */
    const char *person_name;    /* "" when absent */
    struct sw_assessment_rating *ratings;   /* in document order */
    size_t n_ratings;
    const char *notes;          /* "" when absent */
    struct sw_arena arena;
};

/* Loads and checks the assessment at `path` against rubric r: hardened parse
 * (xml.h), schema, then meaning: the rubric id, relation "self" exactly when
 * assessor = person, an unknown level or competency, a competency rated twice,
 * values off the scale or its step. Returns the assessment (caller frees) or
 * NULL with every problem of the file recorded in errs. */
struct sw_assessment *sw_assessment_load(const struct sw_rubric *r, const char *path,
                                         struct sw_errors *errs);
/* The same from bytes in memory; `path` names the document in errors. */
struct sw_assessment *sw_assessment_parse(const struct sw_rubric *r, const char *data,
                                          size_t len, const char *path,
                                          struct sw_errors *errs);
void sw_assessment_free(struct sw_assessment *a);

/* --- entering an assessment (core/assessment_entry.c) ---------------------
 * The editable form that `new --assessment` and `assess` work on is a
 * struct sw_assessment in "entry order": one rating per rubric competency,
 * in rubric order (ratings[c] is competency c). Edits allocate from the
 * assessment's arena. Functions returning int give 0, or -1 when out of memory. */

/* A blank draft: one unanswered rating per competency. `level` is a rubric
 * level index or -1, `name` the person's name or NULL. Ids are copied.
 * Caller frees; NULL when out of memory (recorded in errs). */
struct sw_assessment *sw_assessment_blank(const struct sw_rubric *r, const char *person,
                                          const char *assessor, enum sw_relation relation,
                                          const char *cycle, long level, const char *name,
                                          struct sw_errors *errs);
/* A copy of a loaded assessment in entry order; nothing it holds is dropped.
 * Caller frees; NULL when out of memory. */
struct sw_assessment *sw_assessment_entry(const struct sw_rubric *r,
                                          const struct sw_assessment *from,
                                          struct sw_errors *errs);
/* Sets competency c's value (NaN: unanswered) and, unless NULL, its evidence. */
int sw_assessment_set_rating(struct sw_assessment *a, size_t c, double value,
                             const char *evidence);
/* Replaces *field (one of a's text fields) with a copy of text. */
int sw_assessment_set_text(struct sw_assessment *a, const char **field, const char *text);
/* Marks a submitted at time t (UTC), or back to a draft when t is (time_t)-1. */
int sw_assessment_set_submitted(struct sw_assessment *a, time_t t);
/* Sets `created` to time t (UTC) unless it is set already: written once,
 * when the draft is first written, never changed afterwards. */
int sw_assessment_set_created(struct sw_assessment *a, time_t t);
/* "CYCLE/PERSON--ASSESSOR.xml"; caller frees; NULL when out of memory. */
char *sw_assessment_default_path(const char *cycle, const char *person, const char *assessor);

/* Submitting (docs/design.md "assess", the rule of entry.h
 * "submitting" without a recommendation): the competencies left unrated, as
 * rubric competency indices, the first `cap` of them to out; returns how many
 * there are. */
size_t sw_assessment_unrated(const struct sw_assessment *a, size_t *out, size_t cap);
#define SW_ASSESSMENT_NO_RATING \
    "nothing is rated yet: rate at least one competency before submitting"
/* 0 when a may be submitted (at least one rating with a value); else -1 with
 * SW_ASSESSMENT_NO_RATING appended to why unless it is NULL. */
int sw_assessment_submit_check(const struct sw_assessment *a, struct sw_buf *why);

enum { SW_ASSESSMENT_GUIDE = 1 };   /* comments with descriptions and indicators */

/* Appends a as assessment XML (the template templates/assessment.xml); with
 * SW_ASSESSMENT_GUIDE each competency is preceded by a comment holding its
 * description and its indicators at the scale's anchors. 0, or -1 with an
 * error. */
int sw_assessment_xml(const struct sw_rubric *r, const struct sw_assessment *a, unsigned flags,
                      struct sw_buf *out, struct sw_errors *errs);

/* "self", "manager", "peer", "report". */
const char *sw_relation_name(enum sw_relation rel);
/* The relation named `name`, or SW_REL_COUNT when none is. */
enum sw_relation sw_relation_parse(const char *name);

#endif
