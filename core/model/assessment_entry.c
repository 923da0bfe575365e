/* assessment_entry.c - the editable form of an assessment and its XML
 * (assessment.h, "entering an assessment"). */
#include "assessment.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "model/entry_int.h"
#include "render/template.h"
#include "timestamp.h"

static int copy_text(struct sw_assessment *a, const char **field, const char *text)
{
    return sw_entry_copy(&a->arena, field, text);
}

/* An empty assessment with one unanswered rating per competency. */
static struct sw_assessment *new_form(const struct sw_rubric *r)
{
    struct sw_assessment *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    sw_arena_init(&a->arena);
    a->ratings = sw_arena_calloc(&a->arena, r->n_competencies + 1, sizeof *a->ratings);
    if (!a->ratings || copy_text(a, &a->rubric, r->id) < 0) {
        sw_assessment_free(a);
        return NULL;
    }
    a->path = a->submitted_at = a->created = a->person_name = a->notes = "";
    a->level = -1;
    for (size_t c = 0; c < r->n_competencies; c++)
        a->ratings[c] = (struct sw_assessment_rating){ c, NAN, "", 0 };
    a->n_ratings = r->n_competencies;
    return a;
}

struct sw_assessment *sw_assessment_blank(const struct sw_rubric *r, const char *person,
                                          const char *assessor, enum sw_relation relation,
                                          const char *cycle, long level, const char *name,
                                          struct sw_errors *errs)
{
    struct sw_assessment *a = new_form(r);
    if (!a || (copy_text(a, &a->person, person) | copy_text(a, &a->assessor, assessor) |
               copy_text(a, &a->cycle, cycle) | copy_text(a, &a->person_name, name)) < 0) {
        sw_assessment_free(a);
        sw_fail_oom(errs, NULL);
        return NULL;
    }
    a->relation = relation;
    a->level = level;
    return a;
}

struct sw_assessment *sw_assessment_entry(const struct sw_rubric *r,
                                          const struct sw_assessment *from,
                                          struct sw_errors *errs)
{
    struct sw_assessment *a = new_form(r);
    int failed = !a;
    if (a) {
        a->line = from->line;
        a->relation = from->relation;
        a->level = from->level;
        a->submitted = from->submitted;
        failed = (copy_text(a, &a->path, from->path) | copy_text(a, &a->person, from->person) |
                  copy_text(a, &a->assessor, from->assessor) |
                  copy_text(a, &a->cycle, from->cycle) |
                  copy_text(a, &a->submitted_at, from->submitted_at) |
                  copy_text(a, &a->created, from->created) |
                  copy_text(a, &a->person_name, from->person_name) |
                  copy_text(a, &a->notes, from->notes)) < 0;
    }
    for (size_t i = 0; !failed && i < from->n_ratings; i++) {
        const struct sw_assessment_rating *rt = &from->ratings[i];
        a->ratings[rt->competency] = *rt;
        failed = copy_text(a, &a->ratings[rt->competency].evidence, rt->evidence) < 0;
    }
    if (failed) {
        sw_assessment_free(a);
        sw_fail_oom(errs, from->path);
        return NULL;
    }
    return a;
}

int sw_assessment_set_rating(struct sw_assessment *a, size_t c, double value,
                             const char *evidence)
{
    a->ratings[c].value = value;
    return evidence ? copy_text(a, &a->ratings[c].evidence, evidence) : 0;
}

int sw_assessment_set_text(struct sw_assessment *a, const char **field, const char *text)
{
    return copy_text(a, field, text);
}

int sw_assessment_set_submitted(struct sw_assessment *a, time_t t)
{
    return sw_entry_stamp_submitted(&a->arena, &a->submitted, &a->submitted_at, t);
}

int sw_assessment_set_created(struct sw_assessment *a, time_t t)
{
    return sw_entry_stamp_created(&a->arena, &a->created, t);
}

char *sw_assessment_default_path(const char *cycle, const char *person, const char *assessor)
{
    return sw_entry_default_path(cycle, person, assessor);
}

/* --- output -------------------------------------------------------------- */

static const char *relation_text(enum sw_relation rel)
{
    static const char *const text[] = { "Self-assessment", "Manager's assessment",
                                        "Peer's assessment", "Direct report's assessment" };
    return rel < SW_REL_COUNT ? text[rel] : "Assessment";
}

static int add_guide(const struct sw_rubric *r, size_t c, struct sw_tpl_scope *t)
{
    const struct sw_competency *k = &r->competencies[c];
    int rc = sw_tpl_set(t, "name", k->name) | sw_tpl_set(t, "pillar", r->pillars[k->pillar].name)
           | sw_tpl_set(t, "description", k->description);
    for (size_t i = 0; i < k->n_indicators && rc == 0; i++) {
        struct sw_tpl_scope *it = sw_tpl_add(t, "indicators");
        struct sw_buf point = SW_BUF_INIT;
        rc = it && sw_entry_describe_point(&r->scale, k->indicators[i].value, &point) == 0
             ? sw_tpl_set(it, "anchor", sw_buf_str(&point)) |
               sw_tpl_set(it, "text", k->indicators[i].text)
             : -1;
        sw_buf_release(&point);
    }
    return rc;
}

static int set_header(const struct sw_rubric *r, const struct sw_assessment *a, int guide,
                      struct sw_tpl_scope *t)
{
    struct sw_buf scale = SW_BUF_INIT;
    sw_entry_describe_scale(&r->scale, &scale);
    sw_buf_addc(&scale, '.');
    int rc = scale.failed ? -1 : sw_tpl_set(t, "scale", sw_buf_str(&scale));
    sw_buf_release(&scale);
    return rc | sw_tpl_set(t, "guide", guide ? "yes" : "")
         | sw_tpl_set(t, "rubric", r->id) | sw_tpl_set(t, "rubric_name", r->name)
         | sw_tpl_set(t, "relation_text", relation_text(a->relation))
         | sw_tpl_set(t, "relation", sw_relation_name(a->relation))
         | sw_tpl_set(t, "person", a->person) | sw_tpl_set(t, "assessor", a->assessor)
         | sw_tpl_set(t, "cycle", a->cycle)
         | sw_tpl_set(t, "level", a->level >= 0 ? r->levels[a->level].id : "")
         | sw_tpl_set(t, "status", a->submitted ? "submitted" : "draft")
         | sw_tpl_set(t, "submitted", a->submitted_at) | sw_tpl_set(t, "created", a->created)
         | sw_tpl_set(t, "person_name", a->person_name) | sw_tpl_set(t, "notes", a->notes);
}

static int fill_assessment(struct sw_tpl_scope *top, const struct sw_rubric *r,
                           const void *doc, int guide)
{
    const struct sw_assessment *a = doc;
    int rc = set_header(r, a, guide, top);
    for (size_t i = 0; i < a->n_ratings && rc == 0; i++) {
        const struct sw_assessment_rating *rt = &a->ratings[i];
        struct sw_tpl_scope *t = sw_tpl_add(top, "ratings");
        rc = !t ? -1
                : sw_tpl_set(t, "competency", r->competencies[rt->competency].id) |
                  sw_tpl_set_number(t, "value", rt->value) |
                  sw_tpl_set(t, "evidence", rt->evidence) |
                  (guide ? add_guide(r, rt->competency, t) : 0);
    }
    return rc;
}

int sw_assessment_xml(const struct sw_rubric *r, const struct sw_assessment *a, unsigned flags,
                      struct sw_buf *out, struct sw_errors *errs)
{
    return sw_entry_render("assessment.xml", fill_assessment, r, a,
                           (flags & SW_ASSESSMENT_GUIDE) != 0, a->path, out, errs);
}
