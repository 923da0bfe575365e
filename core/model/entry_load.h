/*
 * entry_load.h - internal to core/model: what loading a scorecard and an
 * assessment share (scorecard.c, scorecard_stream.c, assessment.c): the
 * loading state, the skeleton from a parsed document to a checked one, and
 * the checks both kinds make of a rating, so that both report alike. Not
 * installed.
 */
#ifndef SW_ENTRY_LOAD_H
#define SW_ENTRY_LOAD_H

#include <stddef.h>

#include <libxml/tree.h>

#include "arena.h"
#include "assessment.h"
#include "document.h"
#include "error.h"
#include "io/schema_once.h"
#include "rubric.h"
#include "scorecard.h"

/* A document being loaded against rubric r from path; errors go to errs. */
struct sw_load {
    const struct sw_rubric *r;
    union {                     /* the document being filled in */
        void *doc;
        struct sw_scorecard *s;
        struct sw_assessment *a;
    };
    struct sw_arena *arena;     /* the document's arena */
    const char *path;
    struct sw_errors *errs;
    int oom;
    /* The line of the first rating of each rated thing (0: none yet), made
     * on the first rating: repeats are found in linear time. */
    int *first_line;
    /* The attributes our own checks reported (sw_load_fail_attr), so that
     * sw_load_doc drops the schema's message on the same one; NULL where
     * nobody drops (scorecard_stream.c gives up on any error). */
    struct sw_attr_marks *marks;
};

/* One kind of document: its root element, its schema, its struct, and how
 * its tree is read into that struct. */
struct sw_doc_type {
    enum sw_doc_kind kind;
    const char *what;           /* "a scorecard" */
    const char *element;        /* "a <scorecard>" */
    const char *ns;             /* its namespace */
    const char *xsd;            /* "scorecard.xsd" */
    size_t size;                /* sizeof its struct */
    size_t arena;               /* offsetof its struct sw_arena */
    /* Reads and checks the root element into L->doc (L->path copied) and
     * makes room for its ratings (sw_load_ratings); -1 when the children
     * cannot be read (a wrong rubric, out of memory). */
    int (*header)(struct sw_load *L, xmlNodePtr root);
    /* Reads one child element of the root (a rating, the notes...). */
    void (*child)(struct sw_load *L, xmlNodePtr c);
    /* A quicker way for a plainly valid document, or NULL: the tree is then
     * the way that reports every problem. */
    void *(*fast)(const struct sw_rubric *r, const char *data, size_t len, const char *path);
};

/* The document of type t in doc: its root checked, validated against the
 * schema, built and checked (also after a schema error, so that one run
 * reports every problem). NULL with every problem in errs. Caller frees. */
void *sw_load_doc(const struct sw_rubric *r, xmlDocPtr doc, const struct sw_doc_type *t,
                  const char *path, struct sw_errors *errs);
/* The same from bytes (t->fast first), and from the file at path. */
void *sw_load_parse(const struct sw_rubric *r, const char *data, size_t len,
                    const struct sw_doc_type *t, const char *path, struct sw_errors *errs);
void *sw_load_file(const struct sw_rubric *r, const struct sw_doc_type *t, const char *path,
                   struct sw_errors *errs);

/* Room in the document's arena for as many ratings of `size` bytes as root
 * has <rating> children (at least one); NULL with L->oom set when out of
 * memory. */
void *sw_load_ratings(struct sw_load *L, xmlNodePtr root, size_t size);
/* Defines the public life cycle of a kind over type t, as its header
 * declares it: T *PREFIX_from_doc(r, doc, path, errs) (sw_load_doc),
 * T *PREFIX_parse(r, data, len, path, errs) (sw_load_parse),
 * T *PREFIX_load(r, path, errs) (sw_load_file) and void PREFIX_free(T *)
 * (its arena, then itself; NULL accepted). */
#define SW_LOAD_FUNCTIONS(T, PREFIX, t)                                                       \
    T *PREFIX##_from_doc(const struct sw_rubric *r, xmlDocPtr doc, const char *path,        \
                         struct sw_errors *errs)                                            \
    {                                                                                       \
        return sw_load_doc(r, doc, &(t), path, errs);                                       \
    }                                                                                       \
    T *PREFIX##_parse(const struct sw_rubric *r, const char *data, size_t len,              \
                      const char *path, struct sw_errors *errs)                             \
    {                                                                                       \
        return sw_load_parse(r, data, len, &(t), path, errs);                               \
    }                                                                                       \
    T *PREFIX##_load(const struct sw_rubric *r, const char *path, struct sw_errors *errs)   \
    {                                                                                       \
        return sw_load_file(r, &(t), path, errs);                                           \
    }                                                                                       \
    void PREFIX##_free(T *doc)                                                              \
    {                                                                                       \
        if (doc)                                                                            \
            sw_arena_release(&doc->arena);                                                  \
        free(doc);                                                                          \
    }

/* A copy of v ("" when NULL) in the document's arena; "" and L->oom set when
 * out of memory. */
const char *sw_load_copy(struct sw_load *L, const char *v);
/* The text of element n in the document's arena; "" and L->oom likewise. */
const char *sw_load_text(struct sw_load *L, xmlNodePtr n);
/* The text of a rating element's <evidence> child, "" when it has none. */
const char *sw_load_evidence(struct sw_load *L, xmlNodePtr rating);
/* Whether raw is an xs:decimal as the schemas take it: [+-]digits[.digits],
 * at least one digit, blanks around it allowed (no INF, NaN, exponent). */
int sw_load_is_number(const char *raw);
/* Checks value v (typed as raw) on line `line` against the scale and its
 * step; says nothing of a raw that is no number (the schema reports it). */
void sw_load_check_value(struct sw_load *L, double v, const char *raw, int line);
/* One message per mistake: our own message about attribute `attr` (a
 * literal) of the element on `line`, recorded as sw_fail does. Where the
 * schema also rejected that attribute (an id that breaks the id pattern
 * and names nothing in the rubric, a time that is no xs:dateTime), ours is
 * the one kept: it says what to do (io/schema_once.h). -1; L->oom set when
 * the mark cannot be recorded. */
#define sw_load_fail_attr(L, line, attr, ...) \
    sw_attr_fail((L)->marks, &(L)->oom, (L)->errs, (L)->path, (line), (attr), __VA_ARGS__)
/* Reports the unknown level, interview or question `id` (attr "level",
 * "interview" or "question", a scorecard's) as sw_load_fail_attr does,
 * naming the ones to pick from: the rubric's levels or interviews, the
 * questions of the scorecard's interview: "unknown level 'vp' (rubric 'mini'
 * has: mid, senior)", "unknown question 'zz' (interview 'tech' has: t1,
 * t2)". -1. */
int sw_load_fail_unknown(struct sw_load *L, int line, const char *attr, const char *id);
/* Reports a second rating of the thing at `slot` (of n_slots), named id. */
void sw_load_check_repeat(struct sw_load *L, size_t slot, size_t n_slots, const char *id,
                          int line);

#endif
