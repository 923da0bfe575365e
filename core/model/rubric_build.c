/* rubric_build.c - the rubric model (rubric.h) built from a validated tree,
 * with the checks the schema cannot make (rubric_int.h). */
#include "rubric.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "model/rubric_int.h"
#include "strmap.h"
#include "util/vec.h"
#include "io/xml.h"

/* The largest count a policy holds: any bigger number means "more than there
 * can be" just as well, and converts to size_t exactly. */
#define SW_COUNT_MAX 9007199254740992.0   /* 2^53 */

struct loader {
    struct sw_rubric *r;
    const char *path;
    struct sw_errors *errs;
    int oom;
    struct sw_attr_marks *marks;    /* the references reported (ref_fail) */
};

/* A reference to nothing, reported once (io/schema_once.h): an id that
 * breaks the id pattern names nothing either, and this message says which. */
#define ref_fail(L, line, attr, ...) \
    sw_attr_fail((L)->marks, &(L)->oom, (L)->errs, (L)->path, (line), (attr), __VA_ARGS__)

static const char *dup_attr(struct loader *L, xmlNodePtr n, const char *name)
{
    const char *v = sw_xml_attr(n, name);
    char *copy = sw_arena_strdup(&L->r->arena, v ? v : "");
    if (!copy)
        L->oom = 1;
    return copy ? copy : "";
}

/* The schema has checked the syntax (xs:decimal), so strtod cannot fail here. */
static double num_attr(xmlNodePtr n, const char *name, double fallback)
{
    const char *v = sw_xml_attr(n, name);
    return v ? strtod(v, NULL) : fallback;
}

/* A whole-number attribute (xs:nonNegativeInteger or xs:positiveInteger, so
 * as long as libxml2 allows: up to 24 digits), capped at `max` rather than
 * converted out of range. */
static double count_attr(xmlNodePtr n, const char *name, double fallback, double max)
{
    double v = num_attr(n, name, fallback);
    return v < 0 ? 0 : v > max ? max : v;
}

static const char *child_text(struct loader *L, xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr c = sw_xml_element(parent->children); c; c = sw_xml_element(c->next)) {
        if (sw_xml_is(c, name)) {
            char *text = sw_xml_text(c, &L->r->arena);
            if (!text)
                L->oom = 1;
            return text ? text : "";
        }
    }
    return "";
}

static size_t count_children(xmlNodePtr parent, const char *name)
{
    size_t n = 0;
    for (xmlNodePtr c = sw_xml_element(parent->children); c; c = sw_xml_element(c->next))
        n += sw_xml_is(c, name);
    return n;
}

static void *alloc_array(struct loader *L, size_t count, size_t size)
{
    void *p = sw_arena_calloc(&L->r->arena, count ? count : 1, size);
    if (!p)
        L->oom = 1;
    return p;
}

#define EACH_CHILD(c, parent, name)                                               \
    for (xmlNodePtr c = sw_xml_element((parent)->children); c;                     \
         c = sw_xml_element(c->next))                                              \
        if (sw_xml_is(c, name))

static void check_on_scale(struct loader *L, xmlNodePtr n, const char *what, double v)
{
    const struct sw_scale *s = &L->r->scale;
    if (v < s->min || v > s->max)
        sw_fail(L->errs, L->path, sw_xml_line(n), "%s %g is off the scale %g to %g",
                what, v, s->min, s->max);
    else if (!sw_scale_contains(s, v))
        sw_fail(L->errs, L->path, sw_xml_line(n), "%s %g is off the scale's step %g",
                what, v, s->step);
}

static int load_scale(struct loader *L, xmlNodePtr n)
{
    struct sw_scale *s = &L->r->scale;
    s->min = num_attr(n, "min", 0);
    s->max = num_attr(n, "max", 0);
    s->step = num_attr(n, "step", 0);
    int line = sw_xml_line(n);
    if (!(s->max > s->min))
        return sw_fail(L->errs, L->path, line, "scale max %g must be above its min %g",
                       s->max, s->min);
    if (!(s->step > 0))
        return sw_fail(L->errs, L->path, line, "scale step %g must be above 0", s->step);
    double steps = (s->max - s->min) / s->step;
    if (fabs(steps - round(steps)) > 1e-9)
        return sw_fail(L->errs, L->path, line,
                       "scale step %g does not divide the range %g to %g into whole steps",
                       s->step, s->min, s->max);
    s->anchors = alloc_array(L, count_children(n, "anchor"), sizeof *s->anchors);
    if (!s->anchors)
        return -1;
    EACH_CHILD(a, n, "anchor") {
        struct sw_anchor *anchor = &s->anchors[s->n_anchors++];
        anchor->value = num_attr(a, "value", 0);
        anchor->label = dup_attr(L, a, "label");
        check_on_scale(L, a, "anchor", anchor->value);
    }
    return 0;
}

static void load_policy(struct loader *L, xmlNodePtr n)
{
    struct sw_policy *p = &L->r->policy;
    *p = (struct sw_policy){ .min_scorecards = 3, .min_coverage = L->r->n_competencies,
                             .disagreement = 2, .gap = 1, .max_gaps = 1,
                             .veto = SW_REC_STRONG_NO_HIRE, .balanced = 0.25, .overdue = 48,
                             .min_assessors = 2, .self_gap = 1, .min_cell = 5,
                             .remind_after = 1, .remind_every = 24, .remind_max = 10 };
    if (!n)
        return;
    p->min_assessors = (size_t)count_attr(n, "min-assessors", (double)p->min_assessors,
                                           SW_COUNT_MAX);
    p->self_gap = num_attr(n, "self-gap", p->self_gap);
    p->min_cell = (size_t)count_attr(n, "min-cell", (double)p->min_cell, SW_COUNT_MAX);
    p->min_scorecards = (size_t)count_attr(n, "min-scorecards", (double)p->min_scorecards,
                                            SW_COUNT_MAX);
    p->min_coverage = (size_t)count_attr(n, "min-coverage", (double)p->min_coverage,
                                          SW_COUNT_MAX);
    p->disagreement = num_attr(n, "disagreement", p->disagreement);
    p->gap = num_attr(n, "gap", p->gap);
    p->max_gaps = (size_t)count_attr(n, "max-gaps", (double)p->max_gaps, SW_COUNT_MAX);
    p->balanced = num_attr(n, "balanced", p->balanced);
    p->overdue = num_attr(n, "overdue", p->overdue);
    p->remind_after = num_attr(n, "remind-after", p->remind_after);
    p->remind_every = num_attr(n, "remind-every", p->remind_every);
    p->remind_max = (size_t)count_attr(n, "remind-max", (double)p->remind_max, SW_COUNT_MAX);
    const char *veto = sw_xml_attr(n, "veto");
    if (veto)
        p->veto = sw_recommendation_parse(veto);
    int line = sw_xml_line(n);
    if (p->min_coverage > L->r->n_competencies)
        sw_fail(L->errs, L->path, line,
                "policy min-coverage %zu is more than the rubric's %zu competencies",
                p->min_coverage, L->r->n_competencies);
    if (!(p->disagreement > 0))
        sw_fail(L->errs, L->path, line, "policy disagreement %g must be above 0",
                p->disagreement);
    if (p->gap < 0)
        sw_fail(L->errs, L->path, line, "policy gap %g must not be negative", p->gap);
    if (p->balanced < 0)
        sw_fail(L->errs, L->path, line, "policy balanced %g must not be negative", p->balanced);
    if (p->overdue < 0)
        sw_fail(L->errs, L->path, line, "policy overdue %g must not be negative (hours)",
                p->overdue);
    if (!(p->self_gap > 0))
        sw_fail(L->errs, L->path, line, "policy self-gap %g must be above 0", p->self_gap);
    if (p->remind_after < 0)
        sw_fail(L->errs, L->path, line, "policy remind-after %g must not be negative (hours)",
                p->remind_after);
    if (!(p->remind_every > 0))
        sw_fail(L->errs, L->path, line, "policy remind-every %g must be above 0 (hours)",
                p->remind_every);
}

static void load_competency(struct loader *L, xmlNodePtr n, size_t pillar)
{
    struct sw_competency *c = &L->r->competencies[L->r->n_competencies++];
    c->id = dup_attr(L, n, "id");
    c->name = dup_attr(L, n, "name");
    c->description = child_text(L, n, "description");
    c->pillar = pillar;
    c->indicators = alloc_array(L, count_children(n, "indicator"), sizeof *c->indicators);
    if (!c->indicators)
        return;
    EACH_CHILD(i, n, "indicator") {
        struct sw_indicator *ind = &c->indicators[c->n_indicators++];
        ind->value = num_attr(i, "value", 0);
        ind->text = sw_xml_text(i, &L->r->arena);
        if (!ind->text)
            L->oom = 1;
        check_on_scale(L, i, "indicator value", ind->value);
    }
}

static void load_pillar(struct loader *L, xmlNodePtr n)
{
    struct sw_pillar *p = &L->r->pillars[L->r->n_pillars];
    p->id = dup_attr(L, n, "id");
    p->name = dup_attr(L, n, "name");
    const char *half = sw_xml_attr(n, "half");
    p->half = !half ? SW_HALF_NONE
              : strcmp(half, "individual") == 0 ? SW_HALF_INDIVIDUAL : SW_HALF_LEADERSHIP;
    p->first = L->r->n_competencies;
    EACH_CHILD(c, n, "competency")
        load_competency(L, c, L->r->n_pillars);
    p->count = L->r->n_competencies - p->first;
    L->r->n_pillars++;
}

static void load_level(struct loader *L, xmlNodePtr n)
{
    struct sw_rubric *r = L->r;
    struct sw_level *lv = &r->levels[r->n_levels++];
    lv->id = dup_attr(L, n, "id");
    lv->name = dup_attr(L, n, "name");
    lv->hire_bar = num_attr(n, "hire-bar", 0);
    lv->track = sw_xml_attr(n, "track") ? dup_attr(L, n, "track") : NULL;
    if (lv->hire_bar < r->scale.min || lv->hire_bar > r->scale.max)
        sw_fail(L->errs, L->path, sw_xml_line(n),
                "level '%s' hire-bar %g is off the scale %g to %g", lv->id, lv->hire_bar,
                r->scale.min, r->scale.max);
    lv->targets = alloc_array(L, r->n_competencies, sizeof *lv->targets);
    if (!lv->targets)
        return;
    for (size_t c = 0; c < r->n_competencies; c++)
        lv->targets[c] = NAN;
    EACH_CHILD(t, n, "target") {
        const char *cid = sw_xml_attr(t, "competency");
        long c = sw_rubric_competency(r, cid);
        double v = num_attr(t, "value", 0);
        if (c < 0) {
            ref_fail(L, sw_xml_line(t), "competency",
                     "level '%s' has a target for unknown competency '%s'", lv->id, cid);
            continue;
        }
        if (!isnan(lv->targets[c]))
            sw_fail(L->errs, L->path, sw_xml_line(t),
                    "level '%s' has a second target for competency '%s'", lv->id, cid);
        check_on_scale(L, t, "target", v);
        lv->targets[c] = v;
    }
    for (size_t c = 0; c < r->n_competencies; c++)
        if (isnan(lv->targets[c]))
            sw_fail(L->errs, L->path, sw_xml_line(n),
                    "level '%s' has no target for competency '%s': every level needs one "
                    "per competency", lv->id, r->competencies[c].id);
}

static void load_archetype(struct loader *L, xmlNodePtr n)
{
    struct sw_rubric *r = L->r;
    struct sw_archetype *a = &r->archetypes[r->n_archetypes++];
    a->id = dup_attr(L, n, "id");
    a->name = dup_attr(L, n, "name");
    a->description = child_text(L, n, "description");
    a->emphasis = alloc_array(L, r->n_pillars, sizeof *a->emphasis);
    if (!a->emphasis)
        return;
    unsigned char *seen = alloc_array(L, r->n_pillars, 1);
    if (!seen)
        return;
    EACH_CHILD(e, n, "emphasis") {
        const char *pid = sw_xml_attr(e, "pillar");
        long p = sw_rubric_pillar(r, pid);
        if (p < 0) {
            ref_fail(L, sw_xml_line(e), "pillar",
                     "archetype '%s' emphasizes unknown pillar '%s'", a->id, pid);
            continue;
        }
        if (seen[p])
            sw_fail(L->errs, L->path, sw_xml_line(e),
                    "archetype '%s' emphasizes pillar '%s' twice", a->id, pid);
        seen[p] = 1;
        a->emphasis[p] = num_attr(e, "value", 0);
        a->has_emphasis = 1;
    }
}

static void load_question(struct loader *L, xmlNodePtr n, size_t interview)
{
    struct sw_rubric *r = L->r;
    struct sw_question *q = &r->questions[r->n_questions++];
    q->id = dup_attr(L, n, "id");
    q->text = child_text(L, n, "text");
    q->interview = interview;
    q->measures = alloc_array(L, count_children(n, "measures"), sizeof *q->measures);
    if (!q->measures)
        return;
    EACH_CHILD(m, n, "measures") {
        const char *cid = sw_xml_attr(m, "competency");
        long c = sw_rubric_competency(r, cid);
        double w = num_attr(m, "weight", 1);
        int line = sw_xml_line(m);
        if (c < 0) {
            ref_fail(L, line, "competency", "question '%s' measures unknown competency '%s'",
                     q->id, cid);
            continue;
        }
        if (!(w > 0))
            sw_fail(L->errs, L->path, line,
                    "question '%s' weight %g for '%s' must be above 0", q->id, w, cid);
        for (size_t i = 0; i < q->n_measures; i++)
            if (q->measures[i].competency == (size_t)c)
                sw_fail(L->errs, L->path, line,
                        "question '%s' measures competency '%s' twice", q->id, cid);
        q->measures[q->n_measures++] = (struct sw_measure){ (size_t)c, w };
    }
}

static void load_interview(struct loader *L, xmlNodePtr n)
{
    struct sw_rubric *r = L->r;
    struct sw_interview *iv = &r->interviews[r->n_interviews];
    iv->id = dup_attr(L, n, "id");
    iv->name = dup_attr(L, n, "name");
    iv->description = child_text(L, n, "description");
    iv->minutes = (int)count_attr(n, "minutes", 0, INT_MAX);
    iv->first = r->n_questions;
    EACH_CHILD(q, n, "question")
        load_question(L, q, r->n_interviews);
    iv->count = r->n_questions - iv->first;
    r->n_interviews++;
}

struct id_list {
    const char **ids;
    int *lines;
    size_t n, cap;
};

static void id_list_add(struct loader *L, struct id_list *list, xmlNodePtr e)
{
    size_t cap_ids = list->cap, cap_lines = list->cap;
    if (SW_VEC_GROW(list->ids, cap_ids, list->n + 1, 16) < 0 ||
        SW_VEC_GROW(list->lines, cap_lines, list->n + 1, 16) < 0) {
        L->oom = 1;
        return;
    }
    list->cap = cap_ids;
    const char *id = sw_xml_attr(e, "id");
    list->ids[list->n] = id ? id : "";
    list->lines[list->n++] = sw_xml_line(e);
}

/* Reports every element named `name` whose id an earlier one already used. The
 * elements are root's children, or with `parent` its children's children. */
static void check_unique(struct loader *L, xmlNodePtr root, const char *parent,
                         const char *name)
{
    struct id_list list = { NULL, NULL, 0, 0 };
    if (parent) {
        EACH_CHILD(p, root, parent)
            EACH_CHILD(e, p, name)
                id_list_add(L, &list, e);
    } else {
        EACH_CHILD(e, root, name)
            id_list_add(L, &list, e);
    }
    /* A map from each id to its first element: linear in the count (a rubric
     * may hold many thousands of questions). */
    struct sw_strmap first;
    sw_strmap_init(&first);
    for (size_t i = 0; i < list.n && !L->oom; i++) {
        long j = sw_strmap_get(&first, list.ids[i]);
        if (j >= 0)
            sw_fail(L->errs, L->path, list.lines[i],
                    "duplicate %s id '%s' (first used on line %d)", name, list.ids[i],
                    list.lines[j]);
        else if (sw_strmap_put(&first, list.ids[i], i) < 0)
            L->oom = 1;
    }
    sw_strmap_release(&first);
    free(list.ids);
    free(list.lines);
}

static size_t count_grandchildren(xmlNodePtr root, const char *parent, const char *name)
{
    size_t n = 0;
    EACH_CHILD(p, root, parent)
        n += count_children(p, name);
    return n;
}

/* r->questions_by_id, once every question has its id (unique ones: with
 * duplicates the rubric is refused anyway). */
static void index_questions(struct loader *L)
{
    struct sw_rubric *r = L->r;
    if (L->oom || r->n_questions == 0)
        return;
    const struct sw_question **by_id = sw_arena_calloc(&r->arena, r->n_questions,
                                                       sizeof *by_id);
    if (!by_id) {
        L->oom = 1;
        return;
    }
    for (size_t i = 0; i < r->n_questions; i++) {
        if (!r->questions[i].id)
            return;    /* not all loaded: an error was recorded */
        by_id[i] = &r->questions[i];
    }
    qsort(by_id, r->n_questions, sizeof *by_id, sw_question_by_id);
    r->questions_by_id = by_id;
}

static void build(struct loader *L, xmlNodePtr root)
{
    struct sw_rubric *r = L->r;
    r->id = dup_attr(L, root, "id");
    r->version = dup_attr(L, root, "version");
    r->name = dup_attr(L, root, "name");
    r->pillars = alloc_array(L, count_children(root, "pillar"), sizeof *r->pillars);
    r->competencies = alloc_array(L, count_grandchildren(root, "pillar", "competency"),
                                  sizeof *r->competencies);
    r->levels = alloc_array(L, count_children(root, "level"), sizeof *r->levels);
    r->archetypes = alloc_array(L, count_children(root, "archetype"), sizeof *r->archetypes);
    r->interviews = alloc_array(L, count_children(root, "interview"), sizeof *r->interviews);
    r->questions = alloc_array(L, count_grandchildren(root, "interview", "question"),
                               sizeof *r->questions);
    if (L->oom)
        return;
    check_unique(L, root, NULL, "pillar");
    check_unique(L, root, "pillar", "competency");
    check_unique(L, root, NULL, "level");
    check_unique(L, root, NULL, "archetype");
    check_unique(L, root, NULL, "interview");
    check_unique(L, root, "interview", "question");

    xmlNodePtr policy = NULL;
    EACH_CHILD(s, root, "scale")
        load_scale(L, s);
    EACH_CHILD(p, root, "pillar")
        load_pillar(L, p);
    EACH_CHILD(p, root, "policy")
        policy = p;
    load_policy(L, policy);
    EACH_CHILD(lv, root, "level")
        load_level(L, lv);
    EACH_CHILD(a, root, "archetype")
        load_archetype(L, a);
    EACH_CHILD(iv, root, "interview")
        load_interview(L, iv);
    index_questions(L);
}

int sw_rubric_build(struct sw_rubric *r, xmlNodePtr root, const char *path,
                    struct sw_errors *errs, struct sw_attr_marks *marks)
{
    struct loader L = { r, path, errs, 0, marks };
    build(&L, root);
    return L.oom ? -1 : 0;
}
