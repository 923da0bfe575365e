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

#endif
