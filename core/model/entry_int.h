/*
 * entry_int.h - internal to core/model: the editing helpers that a
 * scorecard's entry form (entry.c) and an assessment's (assessment_entry.c)
 * share. Not installed. Each returns 0, or -1 when out of memory.
 */
#ifndef SW_ENTRY_INT_H
#define SW_ENTRY_INT_H

#include <time.h>

#include "arena.h"

/* Sets *field to a copy of text ("" when NULL) made in arena a. */
int sw_entry_copy(struct sw_arena *a, const char **field, const char *text);
/* Sets *submitted and *at to submitted at time t (UTC), or to a draft (at
 * "") when t is (time_t)-1. */
int sw_entry_stamp_submitted(struct sw_arena *a, int *submitted, const char **at, time_t t);
/* Sets *created to time t (UTC) unless it holds a stamp already: a draft's
 * creation time is written once (docs/design.md rule 12). */
int sw_entry_stamp_created(struct sw_arena *a, const char **created, time_t t);

struct sw_buf;
struct sw_errors;
struct sw_tpl_scope;

struct sw_rubric;

/* Renders template `tpl` (SW_TPL_XML) from the scope that fill() builds of
 * document doc against r, with the guide comments when guide; the one way an
 * entry form becomes XML. 0, or -1 with the error in errs (out of memory:
 * named after path). */
int sw_entry_render(const char *tpl,
                    int (*fill)(struct sw_tpl_scope *top, const struct sw_rubric *r,
                                const void *doc, int guide),
                    const struct sw_rubric *r, const void *doc, int guide, const char *path,
                    struct sw_buf *out, struct sw_errors *errs);

#endif
