/*
 * rubric_text.h - the rubric as text for people (a table) and for programs (JSON).
 */
#ifndef SW_RUBRIC_TEXT_H
#define SW_RUBRIC_TEXT_H

#include "buf.h"
#include "rubric.h"

/* Appends the rubric as a JSON object:
 * {"id", "version", "name",
 *  "scale": {"min", "max", "step", "anchors": [{"value", "label"}]},
 *  "policy": {"min-scorecards", "min-coverage", "disagreement", "gap", "max-gaps",
 *             "veto", "balanced"},
 *  "pillars": [{"id", "name", "half" (or null), "competencies": [{"id", "name",
 *               "description", "indicators": [{"value", "text"}]}]}],
 *  "levels": [{"id", "name", "hire-bar", "targets": {COMPETENCY: value}}],
 *  "archetypes": [{"id", "name", "description", "emphasis": {PILLAR: value}}],
 *  "interviews": [{"id", "name", "minutes" (or null), "description",
 *                  "questions": [{"id", "text", "measures": [{"competency", "weight"}]}]}]}
 * Returns 0, or -1 with the reason recorded in errs (sw_buf_fail: out of
 * memory or over SW_BUF_MAX). */
int sw_rubric_json(const struct sw_rubric *r, struct sw_buf *out, struct sw_errors *errs);

/* Appends a plain-text overview that fits 80 columns: the scale, the
 * competencies by pillar with each level's target, the levels' hire bars, the
 * policy, the interviews with what they probe, the archetypes. 0, or -1 as
 * sw_rubric_json. */
int sw_rubric_table(const struct sw_rubric *r, struct sw_buf *out, struct sw_errors *errs);

/* --- ids ------------------------------------------------------------------ */

/* The kinds of ids a rubric defines, in `rubric --ids` order. */
enum sw_id_kind {
    SW_IDS_PILLARS, SW_IDS_COMPETENCIES, SW_IDS_LEVELS, SW_IDS_INTERVIEWS, SW_IDS_QUESTIONS,
    SW_IDS_ARCHETYPES
};
#define SW_ID_KINDS 6
/* The kind's name ("pillars", "competencies", "levels", "interviews",
 * "questions", "archetypes"). */
const char *sw_id_kind_name(enum sw_id_kind k);
/* The kind called `name`, or -1. */
int sw_id_kind_parse(const char *name);
/* Appends every id of kind k in rubric order with `sep` between them (", "
 * for a message, "\n" for a list): the one list of known ids, never cut.
 * 0, or -1 when out of memory (out->failed). */
int sw_rubric_ids(const struct sw_rubric *r, enum sw_id_kind k, const char *sep,
                  struct sw_buf *out);

#endif
