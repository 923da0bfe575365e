#include "assessment.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "document.h"
#include "io/xml.h"

static const char *const relation_names[SW_REL_COUNT] = { "self", "manager", "peer", "report" };

const char *sw_relation_name(enum sw_relation rel)
{
    return rel < SW_REL_COUNT ? relation_names[rel] : "";
}

enum sw_relation sw_relation_parse(const char *name)
{
    for (int i = 0; i < SW_REL_COUNT; i++)
        if (name && strcmp(name, relation_names[i]) == 0)
            return (enum sw_relation)i;
    return SW_REL_COUNT;
}

struct loader {
    const struct sw_rubric *r;
    struct sw_assessment *a;
    const char *path;
    struct sw_errors *errs;
    int oom;
    int *first_line;    /* per competency: line of its first rating, 0 when none yet */
};

static const char *copy(struct loader *L, const char *v)
{
    char *c = sw_arena_strdup(&L->a->arena, v ? v : "");
    if (!c)
        L->oom = 1;
    return c ? c : "";
}

static const char *text_of(struct loader *L, xmlNodePtr n)
{
    char *t = sw_xml_text(n, &L->a->arena);
    if (!t)
        L->oom = 1;
    return t ? t : "";
}

static void check_value(struct loader *L, const struct sw_assessment_rating *rt,
                        const char *raw)
{
    const struct sw_scale *sc = &L->r->scale;
    if (rt->value < sc->min || rt->value > sc->max)
        sw_fail(L->errs, L->path, rt->line, "value '%s' is off the scale %g to %g", raw,
                sc->min, sc->max);
    else if (!sw_scale_contains(sc, rt->value))
        sw_fail(L->errs, L->path, rt->line, "value '%s' is off the scale's step %g", raw,
                sc->step);
}

static void load_rating(struct loader *L, xmlNodePtr n)
{
    const struct sw_rubric *r = L->r;
    struct sw_assessment_rating *rt = &L->a->ratings[L->a->n_ratings++];
    rt->line = sw_xml_line(n);
    rt->evidence = "";
    for (xmlNodePtr c = sw_xml_element(n->children); c; c = sw_xml_element(c->next))
        if (sw_xml_is(c, "evidence"))
            rt->evidence = text_of(L, c);
    const char *cid = sw_xml_attr(n, "competency"), *raw = sw_xml_attr(n, "value");
    rt->value = raw ? strtod(raw, NULL) : NAN;
    if (raw)
        check_value(L, rt, raw);
    long c = sw_rubric_competency(r, cid);
    if (c < 0) {
        sw_fail(L->errs, L->path, rt->line, "unknown competency '%s' in rubric '%s'", cid,
                r->id);
        return;
    }
    rt->competency = (size_t)c;
    if (L->first_line[c])
        sw_fail(L->errs, L->path, rt->line, "'%s' is rated twice (first on line %d)", cid,
                L->first_line[c]);
    else
        L->first_line[c] = rt->line;
}

/* Whether s matches the id pattern [A-Za-z0-9._-]+. */
static int is_id(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '.' || *s == '_' || *s == '-'))
            return 0;
    return 1;
}

/* The header's meaning; -1 when the rubric is another (nothing else can be checked). */
static int load_header(struct loader *L, xmlNodePtr root)
{
    const struct sw_rubric *r = L->r;
    struct sw_assessment *a = L->a;
    int line = a->line;
    a->rubric = copy(L, sw_xml_attr(root, "rubric"));
    a->person = copy(L, sw_xml_attr(root, "person"));
    a->assessor = copy(L, sw_xml_attr(root, "assessor"));
    a->cycle = copy(L, sw_xml_attr(root, "cycle"));
    a->relation = sw_relation_parse(sw_xml_attr(root, "relation"));
    a->submitted = strcmp(sw_xml_attr(root, "status"), "submitted") == 0;
    a->submitted_at = copy(L, sw_xml_attr(root, "submitted"));
    a->created = copy(L, sw_xml_attr(root, "created"));
    if (strcmp(a->rubric, r->id) != 0)
        return sw_fail(L->errs, L->path, line,
                       "assessment is for rubric '%s', but the rubric in use is '%s' "
                       "(choose it with --rubric)", a->rubric, r->id);
    if (!is_id(a->cycle))
        sw_fail(L->errs, L->path, line,
                "cycle '%s' is not an id: use letters, digits, '.', '_' and '-', named to "
                "sort in time (2026-h1, 2026-h2)", a->cycle);
    int self_assessor = strcmp(a->person, a->assessor) == 0;
    if (a->relation == SW_REL_SELF && !self_assessor)
        sw_fail(L->errs, L->path, line,
                "relation 'self' needs assessor = person, but assessor '%s' is not '%s'",
                a->assessor, a->person);
    else if (a->relation != SW_REL_SELF && self_assessor)
        sw_fail(L->errs, L->path, line,
                "assessor '%s' is the person assessed: relation is 'self', not '%s'",
                a->assessor, sw_relation_name(a->relation));
    const char *level = sw_xml_attr(root, "level");
    a->level = level ? sw_rubric_level(r, level) : -1;
    if (level && a->level < 0)
        sw_fail(L->errs, L->path, line, "unknown level '%s' in rubric '%s'", level, r->id);
    return 0;
}

static void build(struct loader *L, xmlNodePtr root)
{
    struct sw_assessment *a = L->a;
    a->line = sw_xml_line(root);
    a->person_name = a->notes = "";
    if (load_header(L, root) < 0)
        return;
    size_t n = 0;
    for (xmlNodePtr c = sw_xml_element(root->children); c; c = sw_xml_element(c->next))
        n += sw_xml_is(c, "rating");
    a->ratings = sw_arena_calloc(&a->arena, n ? n : 1, sizeof *a->ratings);
    L->first_line = calloc(L->r->n_competencies + 1, sizeof *L->first_line);
    if (!a->ratings || !L->first_line) {
        L->oom = 1;
        return;
    }
    for (xmlNodePtr c = sw_xml_element(root->children); c; c = sw_xml_element(c->next)) {
        if (sw_xml_is(c, "rating"))
            load_rating(L, c);
        else if (sw_xml_is(c, "person-name"))
            a->person_name = text_of(L, c);
        else if (sw_xml_is(c, "notes"))
            a->notes = text_of(L, c);
    }
}

struct sw_assessment *sw_assessment_from_doc(const struct sw_rubric *r, xmlDocPtr doc,
                                             const char *path, struct sw_errors *errs)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (sw_doc_root_kind(doc) != SW_DOC_ASSESSMENT) {
        sw_fail(errs, path, root ? sw_xml_line(root) : 1,
                "not an assessment: expected an <assessment> element in namespace '%s'",
                SW_NS_ASSESSMENT);
        return NULL;
    }
    if (sw_xml_validate(doc, "assessment.xsd", path, errs) < 0)
        return NULL;
    struct sw_assessment *a = calloc(1, sizeof *a);
    if (!a) {
        sw_fail_oom(errs, path);
        return NULL;
    }
    sw_arena_init(&a->arena);
    struct loader L = { r, a, path, errs, 0, NULL };
    size_t before = errs->count + errs->lost;
    a->path = copy(&L, path);
    build(&L, root);
    free(L.first_line);
    if (L.oom)
        sw_fail_oom(errs, path);
    if (errs->count + errs->lost > before) {
        sw_assessment_free(a);
        return NULL;
    }
    return a;
}

struct sw_assessment *sw_assessment_parse(const struct sw_rubric *r, const char *data,
                                          size_t len, const char *path,
                                          struct sw_errors *errs)
{
    xmlDocPtr doc = sw_xml_parse(data, len, path, errs);
    if (!doc)
        return NULL;
    struct sw_assessment *a = sw_assessment_from_doc(r, doc, path, errs);
    xmlFreeDoc(doc);
    return a;
}

struct sw_assessment *sw_assessment_load(const struct sw_rubric *r, const char *path,
                                         struct sw_errors *errs)
{
    size_t len;
    char *data = sw_xml_slurp(path, &len, errs);
    if (!data)
        return NULL;
    struct sw_assessment *a = sw_assessment_parse(r, data, len, path, errs);
    free(data);
    return a;
}

void sw_assessment_free(struct sw_assessment *a)
{
    if (!a)
        return;
    sw_arena_release(&a->arena);
    free(a);
}
