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
 * Returns 0, or -1 when out of memory. */
int sw_rubric_json(const struct sw_rubric *r, struct sw_buf *out);

/* Appends a plain-text overview that fits 80 columns: the scale, the
 * competencies by pillar with each level's target, the levels' hire bars, the
 * policy, the interviews with what they probe, the archetypes. 0 or -1. */
int sw_rubric_table(const struct sw_rubric *r, struct sw_buf *out);

#endif
