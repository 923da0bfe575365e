/*
 * kit.h - the interviewer's kit for one interview: its name and duration, the
 * scale, every question with the competencies it measures and their weights,
 * what each competency looks like at the scale's anchors (the rubric's
 * indicators), and blank space for ratings and notes. Rendered through the
 * templates templates/kit.txt (text, wrapped at 78 columns) and
 * templates/kit.md (Markdown).
 */
#ifndef SW_KIT_H
#define SW_KIT_H

#include <stddef.h>

#include "buf.h"
#include "error.h"
#include "rubric.h"

enum sw_kit_format { SW_KIT_TEXT, SW_KIT_MARKDOWN };

/* Appends the kit of interview `interview` (a rubric index) to out. 0, or -1
 * with an error (out of memory). */
int sw_kit(const struct sw_rubric *r, size_t interview, enum sw_kit_format format,
           struct sw_buf *out, struct sw_errors *errs);

#endif
