/*
 * entry.h - entering a scorecard: the blank draft that `new` writes, the
 * editable form that `score` works on, and the XML both write (through the
 * template templates/scorecard.xml).
 *
 * The editable form is a struct sw_scorecard (scorecard.h) in "entry order":
 * one rating per question of its interview, in the rubric's order, followed
 * by any direct competency ratings the file held, as they were. Nothing of a
 * loaded scorecard is dropped on the way: values, evidence, name,
 * recommendation and notes all come back out of sw_entry_xml() byte for byte.
 * Edits allocate from the scorecard's arena (freed with the scorecard).
 */
#ifndef SW_ENTRY_H
#define SW_ENTRY_H

#include <stddef.h>
#include <time.h>

#include "buf.h"
#include "error.h"
#include "rubric.h"
#include "scorecard.h"

/* A blank draft for interview `interview` (a rubric index): one unanswered
 * rating per question. `level` is a rubric level index or -1; `name` the
 * candidate's name or NULL. The ids are copied; they must match
 * [A-Za-z0-9_][A-Za-z0-9._-]* (see sw_entry_id_ok). Caller frees; NULL when out of memory
 * (recorded in errs). */
struct sw_scorecard *sw_entry_blank(const struct sw_rubric *r, size_t interview,
                                    const char *candidate, const char *interviewer, long level,
                                    const char *name, struct sw_errors *errs);

/* A copy of a loaded scorecard in entry order (see above). Caller frees; NULL
 * when out of memory. */
struct sw_scorecard *sw_entry_from(const struct sw_rubric *r, const struct sw_scorecard *s,
                                   struct sw_errors *errs);

/* Whether `id` is a valid id ([A-Za-z0-9_][A-Za-z0-9._-]*) that is also safe as a file
 * name: not starting with '.' (".", "..", and hidden files, which reading a
 * folder skips) nor '-' (taken for an option by other tools). */
int sw_entry_id_ok(const char *id);

/* The draft's file name under the current folder: "CANDIDATE/INTERVIEW--INTERVIEWER.xml".
 * Caller frees; NULL when out of memory. */
char *sw_entry_default_path(const char *candidate, const char *interview,
                            const char *interviewer);

/* --- editing (0, or -1 when out of memory) ------------------------------- */

/* Sets rating i's value (NaN: unanswered) and, unless `evidence` is NULL, its
 * evidence (copied). */
int sw_entry_set_rating(struct sw_scorecard *s, size_t i, double value, const char *evidence);
/* Replaces *field (one of s's text fields: notes, candidate_name...) with a copy of text. */
int sw_entry_set_text(struct sw_scorecard *s, const char **field, const char *text);
/* Marks s submitted at time t (UTC, "YYYY-MM-DDTHH:MM:SSZ"), or back to a draft
 * when t is (time_t)-1. */
int sw_entry_set_submitted(struct sw_scorecard *s, time_t t);
/* Stamps s `created` at time t (UTC) unless it already has a stamp: a draft's
 * creation time is written once, when the draft is first written, and never
 * changed (docs/design.md rule 12). 0 or -1 (out of memory). */
int sw_entry_set_created(struct sw_scorecard *s, time_t t);

/* --- reading answers ----------------------------------------------------- */

/* Reads what a person typed for a value: a number on the scale and its step,
 * or an anchor's label in any case with any spacing ("on track"). 0 with *value
 * set; -1 when it is neither. */
int sw_entry_parse_value(const struct sw_scale *sc, const char *text, double *value);
/* Appends the scale for people: "1 to 5 in steps of 0.5; anchors: 1 Needs
 * Focus, 3 On Track, 5 Outperform" (anchors only when the scale has some). */
int sw_entry_describe_scale(const struct sw_scale *sc, struct sw_buf *out);
/* Appends a point of the scale for people: "3 On Track" at an anchor, "3.5"
 * elsewhere. */
int sw_entry_describe_point(const struct sw_scale *sc, double v, struct sw_buf *out);
/* Appends `len` bytes of typed text to out made safe to keep in XML: each
 * invalid UTF-8 byte becomes U+FFFD, control characters other than tab and
 * newline are dropped (CR included: a terminal's line end). Returns how many
 * bytes were replaced or dropped, or (size_t)-1 when out of memory. */
size_t sw_entry_clean_text(const char *text, size_t len, struct sw_buf *out);

/* --- submitting --------------------------------------------------------- */

/* Submitting is deliberate (docs/design.md "score"): every front
 * end lists the questions left unrated before it asks, and refuses a card with
 * no rating or no recommendation, with these words. */
#define SW_ENTRY_NO_RATING "nothing is rated yet: rate at least one question before submitting"
#define SW_ENTRY_NO_RECOMMENDATION "no recommendation yet: choose one before submitting"

/* The questions of s left unrated (a question rating without a value), as
 * rubric question indices in s's order: the first `cap` of them go to out.
 * Returns how many there are (which may exceed cap). */
size_t sw_entry_unrated(const struct sw_rubric *r, const struct sw_scorecard *s, size_t *out,
                        size_t cap);
/* 0 when s may be submitted: at least one rating with a value and a
 * recommendation. Else -1, with the reason (SW_ENTRY_NO_RATING or
 * SW_ENTRY_NO_RECOMMENDATION) appended to `why` unless it is NULL. */
int sw_entry_submit_check(const struct sw_scorecard *s, struct sw_buf *why);

/* --- output -------------------------------------------------------------- */

enum { SW_ENTRY_GUIDE = 1 };   /* comments with the questions and indicators */

/* Appends s as scorecard XML (the template templates/scorecard.xml). With
 * SW_ENTRY_GUIDE, every question is preceded by a comment holding its text
 * and the indicators at the anchors of the competencies it measures. 0, or -1
 * with an error. */
int sw_entry_xml(const struct sw_rubric *r, const struct sw_scorecard *s, unsigned flags,
                 struct sw_buf *out, struct sw_errors *errs);

#endif
