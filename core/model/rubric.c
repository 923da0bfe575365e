/* rubric.c - the rubric (rubric.h): names, lookups, reading and freeing;
 * the model is built in rubric_build.c. */
#include "rubric.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "document.h"
#include "model/rubric_int.h"
#include "io/xml.h"

static const char *const rec_names[SW_REC_COUNT] = {
    "strong-no-hire", "no-hire", "hire", "strong-hire",
};

const char *sw_recommendation_name(enum sw_recommendation rec)
{
    return rec >= 0 && rec < SW_REC_COUNT ? rec_names[rec] : "";
}

enum sw_recommendation sw_recommendation_parse(const char *name)
{
    for (int i = 0; i < SW_REC_COUNT; i++)
        if (name && strcmp(name, rec_names[i]) == 0)
            return (enum sw_recommendation)i;
    return SW_REC_NONE;
}

int sw_scale_contains(const struct sw_scale *s, double v)
{
    if (!isfinite(v) || v < s->min - 1e-12 || v > s->max + 1e-12)
        return 0;
    double steps = (v - s->min) / s->step;
    return fabs(steps - round(steps)) <= 1e-9;
}

const char *sw_scale_anchor_label(const struct sw_scale *s, double v)
{
    for (size_t i = 0; i < s->n_anchors; i++)
        if (fabs(s->anchors[i].value - v) <= 1e-9)
            return s->anchors[i].label;
    return NULL;
}

/* --- lookups ------------------------------------------------------------- */

/* A NULL id (an attribute missing from a schema-invalid rubric, still
 * checked for meaning) finds nothing. */
#define FIND(array, count, id)                                  \
    do {                                                        \
        if (!(id))                                              \
            return -1;                                          \
        for (size_t i_ = 0; i_ < (count); i_++)                 \
            if (strcmp((array)[i_].id, (id)) == 0)              \
                return (long)i_;                                \
        return -1;                                              \
    } while (0)

long sw_rubric_competency(const struct sw_rubric *r, const char *id)
{
    FIND(r->competencies, r->n_competencies, id);
}

long sw_rubric_pillar(const struct sw_rubric *r, const char *id)
{
    FIND(r->pillars, r->n_pillars, id);
}

long sw_rubric_level(const struct sw_rubric *r, const char *id)
{
    FIND(r->levels, r->n_levels, id);
}

long sw_rubric_interview(const struct sw_rubric *r, const char *id)
{
    FIND(r->interviews, r->n_interviews, id);
}

int sw_question_by_id(const void *a, const void *b)
{
    return strcmp((*(const struct sw_question *const *)a)->id,
                  (*(const struct sw_question *const *)b)->id);
}

long sw_rubric_question(const struct sw_rubric *r, const char *id)
{
    if (!r->questions_by_id || !id)
        FIND(r->questions, r->n_questions, id);
    struct sw_question key = { .id = id };
    const struct sw_question *k = &key;
    const struct sw_question *const *hit = bsearch(&k, r->questions_by_id, r->n_questions,
                                                   sizeof *hit, sw_question_by_id);
    return hit ? (long)(*hit - r->questions) : -1;
}

/* --- reading ------------------------------------------------------------- */

struct sw_rubric *sw_rubric_from_doc(xmlDocPtr doc, const char *path, struct sw_errors *errs)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (sw_doc_root_kind(doc) != SW_DOC_RUBRIC) {
        sw_fail(errs, path, root ? sw_xml_line(root) : 1,
                "not a rubric: expected a <rubric> element in namespace '%s'", SW_NS_RUBRIC);
        return NULL;
    }
    /* A schema error does not stop the checks of meaning: every problem of
     * the file in one run (docs/design.md "Rubric"); the
     * builder reads a missing attribute as empty and a malformed number as
     * whatever strtod makes of it, and the rubric is dropped below. */
    size_t schema_from = errs->count;
    int invalid = sw_xml_validate(doc, "rubric.xsd", path, errs) < 0;
    size_t schema_to = errs->count;
    struct sw_rubric *r = calloc(1, sizeof *r);
    if (!r) {
        sw_fail_oom(errs, path);
        return NULL;
    }
    sw_arena_init(&r->arena);
    size_t before = errs->count + errs->lost;
    r->path = sw_arena_strdup(&r->arena, path);
    struct sw_attr_marks marks = SW_ATTR_MARKS_INIT;
    int oom = sw_rubric_build(r, root, path, errs, &marks) < 0;
    sw_attr_marks_drop(&marks, errs, schema_from, schema_to);
    if (oom || !r->path)
        sw_fail_oom(errs, path);
    if (invalid || errs->count + errs->lost > before) {
        sw_rubric_free(r);
        return NULL;
    }
    return r;
}

struct sw_rubric *sw_rubric_parse(const char *data, size_t len, const char *path,
                                  struct sw_errors *errs)
{
    xmlDocPtr doc = sw_xml_parse(data, len, path, errs);
    if (!doc)
        return NULL;
    struct sw_rubric *r = sw_rubric_from_doc(doc, path, errs);
    xmlFreeDoc(doc);
    return r;
}

struct sw_rubric *sw_rubric_load(const char *path, struct sw_errors *errs)
{
    size_t len;
    char *data = sw_xml_slurp(path, &len, errs);
    if (!data)
        return NULL;
    struct sw_rubric *r = sw_rubric_parse(data, len, path, errs);
    free(data);
    return r;
}

void sw_rubric_free(struct sw_rubric *r)
{
    if (!r)
        return;
    sw_arena_release(&r->arena);
    free(r);
}
