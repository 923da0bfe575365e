/*
 * form.h - the one entry engine for anything rated against the wheel: a
 * scorecard (rated question by question) or an assessment (rated competency
 * by competency) seen as one form that `score`, `assess` and the web forms
 * fill in the same way: item by item, a value and evidence each, then (on a
 * scorecard) the recommendation, the notes, and the submission.
 *
 * A form holds its document in entry order (entry.h, assessment.h
 * "entering an assessment"): items 0 .. n_items-1 are the interview's
 * questions, or the rubric's competencies, in rubric order. The form owns
 * the document (sw_form_release frees it). Functions returning int give 0,
 * or -1 when out of memory unless said otherwise.
 */
#ifndef SW_FORM_H
#define SW_FORM_H

#include <stddef.h>
#include <time.h>

#include "assessment.h"
#include "buf.h"
#include "error.h"
#include "rubric.h"
#include "scorecard.h"

enum sw_form_kind { SW_FORM_SCORECARD, SW_FORM_ASSESSMENT };

struct sw_form {
    enum sw_form_kind kind;
    const struct sw_rubric *r;
    struct sw_scorecard *s;     /* SW_FORM_SCORECARD: the scorecard in entry order */
    struct sw_assessment *a;    /* SW_FORM_ASSESSMENT: the assessment in entry order */
    size_t n_items;             /* questions of the interview, or competencies */
};

/* --- life cycle ---------------------------------------------------------- */

/* Makes f the form of s or a (already in entry order: sw_entry_blank,
 * sw_assessment_blank...); takes ownership. */
void sw_form_of_scorecard(struct sw_form *f, const struct sw_rubric *r, struct sw_scorecard *s);
void sw_form_of_assessment(struct sw_form *f, const struct sw_rubric *r, struct sw_assessment *a);
/* The one loader of a form: parses the document of `kind` in data (path
 * names it in errors), checks it against r, and puts it in entry order into
 * f. 0, or -1 with every problem in errs (f then holds nothing). */
int sw_form_parse(struct sw_form *f, const struct sw_rubric *r, enum sw_form_kind kind,
                  const char *data, size_t len, const char *path, struct sw_errors *errs);
/* Where the document goes when no file is named: sw_entry_default_path or
 * sw_assessment_default_path of its ids. Caller frees; NULL when out of memory. */
char *sw_form_default_path(const struct sw_form *f);
/* Frees the document; f holds nothing afterwards. Accepts an empty form. */
void sw_form_release(struct sw_form *f);

/* --- items --------------------------------------------------------------- */

/* Item i's value (NaN: unanswered), its evidence ("" when none), and the id
 * of what it rates (the question's or the competency's). */
double sw_form_value(const struct sw_form *f, size_t i);
const char *sw_form_evidence(const struct sw_form *f, size_t i);
const char *sw_form_item_id(const struct sw_form *f, size_t i);
/* Sets item i's value (NaN: unanswered) and, unless NULL, its evidence. */
int sw_form_rate(struct sw_form *f, size_t i, double value, const char *evidence);
/* How many items have a value. */
size_t sw_form_answered(const struct sw_form *f);
/* The score per competency this form gives (rule 1 for a scorecard, the
 * ratings themselves for an assessment); `scores` holds n_competencies. */
void sw_form_scores(const struct sw_form *f, double *scores);

/* --- the rest of the document -------------------------------------------- */

/* Whether the form asks for a recommendation (a scorecard). */
int sw_form_has_recommendation(const struct sw_form *f);
/* The notes, and the name of who is rated (candidate or person); "" when none. */
const char *sw_form_notes(const struct sw_form *f);
const char *sw_form_name(const struct sw_form *f);
int sw_form_set_notes(struct sw_form *f, const char *text);
int sw_form_set_name(struct sw_form *f, const char *text);
/* The level (a rubric index, -1 when none). */
long sw_form_level(const struct sw_form *f);
void sw_form_set_level(struct sw_form *f, long level);
/* Whether it is submitted, and when ("" when not). */
int sw_form_submitted(const struct sw_form *f);
const char *sw_form_submitted_at(const struct sw_form *f);
/* sw_entry_set_submitted, sw_entry_set_created for either kind. */
int sw_form_set_submitted(struct sw_form *f, time_t t);
int sw_form_set_created(struct sw_form *f, time_t t);

/* --- the steps of entering ------------------------------------------------
 * Step k < n_items is item k; then, on a scorecard, the recommendation; then
 * the notes; last the submission. */

enum sw_form_step { SW_STEP_ITEM, SW_STEP_RECOMMENDATION, SW_STEP_NOTES, SW_STEP_SUBMIT };

/* How many steps there are, and what step k is. */
size_t sw_form_steps(const struct sw_form *f);
enum sw_form_step sw_form_step_kind(const struct sw_form *f, size_t k);
/* Where a resumed draft goes on: after the last item with an answer (a value
 * or evidence); once every item has one, the first of the recommendation and
 * the notes still missing, else the submission. */
size_t sw_form_resume_step(const struct sw_form *f);

/* --- submitting (the rule: entry.h "submitting") -------------------------- */

/* Appends the ids of the items left unrated, ", " between them; returns how
 * many there are. */
size_t sw_form_unrated(const struct sw_form *f, struct sw_buf *ids);
/* 0 when f may be submitted (sw_entry_submit_check, or
 * sw_assessment_submit_check); else -1 with the reason appended to why. */
int sw_form_submit_check(const struct sw_form *f, struct sw_buf *why);

/* --- output -------------------------------------------------------------- */

/* Appends the document as XML with its guide comments (sw_entry_xml,
 * sw_assessment_xml). 0, or -1 with an error. */
int sw_form_xml(const struct sw_form *f, struct sw_buf *out, struct sw_errors *errs);

#endif
