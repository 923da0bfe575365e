/*
 * rubric.h - the rubric model: scale, policy, pillars, competencies, levels,
 * archetypes and the interview loop, loaded from a rubric XML file
 * (namespace urn:scorewheel:rubric:1, schema rubrics/rubric.xsd; see
 * scorewheel-rubric(5)).
 *
 * Nothing here knows about TPMs: any number of pillars, competencies, levels,
 * archetypes and interviews, on any scale, works.
 *
 * Ownership: a struct sw_rubric owns everything it points to (one arena);
 * sw_rubric_free() releases it all. Indices (size_t) refer to the arrays of the
 * same rubric, in document order. Competencies are stored pillar by pillar, so
 * a pillar's competencies are [first, first + count).
 */
#ifndef SW_RUBRIC_H
#define SW_RUBRIC_H

#include <stddef.h>

#include "arena.h"
#include "error.h"

enum sw_recommendation {
    SW_REC_NONE = -1,
    SW_REC_STRONG_NO_HIRE = 0,
    SW_REC_NO_HIRE,
    SW_REC_HIRE,
    SW_REC_STRONG_HIRE,
    SW_REC_COUNT
};

enum sw_half { SW_HALF_NONE = 0, SW_HALF_INDIVIDUAL, SW_HALF_LEADERSHIP };

struct sw_anchor {
    double value;
    const char *label;
};

struct sw_scale {
    double min, max, step;
    struct sw_anchor *anchors;
    size_t n_anchors;
};

/* docs/design.md "File formats": every attribute optional; the defaults are
 * min-scorecards 3, min-coverage = every competency, disagreement 2, gap 1,
 * max-gaps 1, veto strong-no-hire, balanced 0.25, overdue 48 (hours); for
 * assessments (docs/design.md "Policy") min-assessors 2, self-gap 1; for the
 * adverse-impact audit (rule 16) min-cell 5. */
struct sw_policy {
    size_t min_scorecards;
    size_t min_coverage;
    double disagreement;
    double gap;
    size_t max_gaps;
    enum sw_recommendation veto;
    double balanced;
    double overdue;     /* hours after which a draft is overdue (rule 12) */
    size_t min_assessors;   /* rule 14: fewer non-self assessors: insufficient-evidence */
    double self_gap;        /* rule 13: |self - others| flagging a blind spot (> 0) */
    size_t min_cell;        /* rule 16: groups of fewer candidates are suppressed */
    double remind_after;    /* rule 15: hours from created to the first reminder (>= 0) */
    double remind_every;    /* rule 15: hours between reminders (> 0) */
    size_t remind_max;      /* rule 15: reminders per draft at most */
};

struct sw_indicator {
    double value;
    const char *text;
};

struct sw_competency {
    const char *id, *name, *description;   /* description "" when absent */
    size_t pillar;
    struct sw_indicator *indicators;
    size_t n_indicators;
};

struct sw_pillar {
    const char *id, *name;
    enum sw_half half;
    size_t first, count;
};

struct sw_level {
    const char *id, *name;
    double hire_bar;
    double *targets;    /* one per competency (the loader insists on all) */
    const char *track;  /* the ladder it belongs to (`track`), NULL: none */
};

struct sw_archetype {
    const char *id, *name, *description;
    double *emphasis;   /* one per pillar; unlisted pillars 0 */
    int has_emphasis;   /* 0: the balanced shape */
};

struct sw_measure {
    size_t competency;
    double weight;      /* > 0; default 1 */
};

struct sw_question {
    const char *id, *text;
    size_t interview;
    struct sw_measure *measures;
    size_t n_measures;
};

struct sw_interview {
    const char *id, *name, *description;
    int minutes;        /* 0 when not given */
    size_t first, count;    /* its questions: [first, first + count) */
};

struct sw_rubric {
    const char *path;
    const char *id, *version, *name;
    struct sw_scale scale;
    struct sw_policy policy;
    struct sw_pillar *pillars;
    size_t n_pillars;
    struct sw_competency *competencies;
    size_t n_competencies;
    struct sw_level *levels;
    size_t n_levels;
    struct sw_archetype *archetypes;
    size_t n_archetypes;
    struct sw_interview *interviews;
    size_t n_interviews;
    struct sw_question *questions;
    size_t n_questions;
    /* The questions sorted by id, for sw_rubric_question() in O(log n) (a
     * scorecard may rate thousands); NULL: searched in order. */
    const struct sw_question **questions_by_id;
    struct sw_arena arena;
};

/* --- life cycle ---------------------------------------------------------- */

/* Loads and checks the rubric at `path`: hardened parse, schema, then meaning
 * (duplicate ids, unknown references, scale and step, weights, levels missing
 * targets...). Returns the rubric (caller frees) or NULL with every problem of
 * the file recorded in errs. */
struct sw_rubric *sw_rubric_load(const char *path, struct sw_errors *errs);
/* The same from bytes in memory; `path` names the document in errors. */
struct sw_rubric *sw_rubric_parse(const char *data, size_t len, const char *path,
                                  struct sw_errors *errs);
void sw_rubric_free(struct sw_rubric *r);

/* --- queries ------------------------------------------------------------- */

/* Index of the element with that id, or -1. */
long sw_rubric_competency(const struct sw_rubric *r, const char *id);
long sw_rubric_pillar(const struct sw_rubric *r, const char *id);
long sw_rubric_level(const struct sw_rubric *r, const char *id);
long sw_rubric_interview(const struct sw_rubric *r, const char *id);
long sw_rubric_question(const struct sw_rubric *r, const char *id);

/* Whether v lies on the scale: min <= v <= max and on a whole step from min
 * (to 1e-9 of a step). */
int sw_scale_contains(const struct sw_scale *s, double v);
/* The label of the anchor at exactly v, or NULL. */
const char *sw_scale_anchor_label(const struct sw_scale *s, double v);

/* "strong-no-hire"... for a recommendation; "" for SW_REC_NONE. */
const char *sw_recommendation_name(enum sw_recommendation rec);
/* The recommendation named `name`, or SW_REC_NONE. */
enum sw_recommendation sw_recommendation_parse(const char *name);

#endif
