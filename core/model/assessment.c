/* assessment.c - an assessment read from its XML tree and checked against
 * the rubric (assessment.h). */
#include "assessment.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "document.h"
#include "io/xml.h"
#include "model/entry_load.h"

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

static void load_rating(struct sw_load *L, xmlNodePtr n)
{
    const struct sw_rubric *r = L->r;
    struct sw_assessment_rating *rt = &L->a->ratings[L->a->n_ratings++];
    rt->line = sw_xml_line(n);
    rt->evidence = sw_load_evidence(L, n);
    const char *cid = sw_xml_attr(n, "competency"), *raw = sw_xml_attr(n, "value");
    rt->value = raw ? strtod(raw, NULL) : NAN;
    if (raw)
        sw_load_check_value(L, rt->value, raw, rt->line);
    long c = sw_rubric_competency(r, cid);
    if (!cid)
        return;                 /* the schema said it is missing */
    if (c < 0) {
        sw_load_fail_attr(L, rt->line, "competency", "unknown competency '%s' in rubric '%s'",
                          cid, r->id);
        return;
    }
    rt->competency = (size_t)c;
    sw_load_check_repeat(L, (size_t)c, r->n_competencies, cid, rt->line);
}

/* Whether s matches the id pattern [A-Za-z0-9_][A-Za-z0-9._-]* (docs/design.md
 * "File formats": no id starts with '.' or '-', so every id can name a file
 * and ride in a URL). */
static int is_id(const char *s)
{
    if (!*s || *s == '.' || *s == '-')
        return 0;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '.' || *s == '_' || *s == '-'))
            return 0;
    return 1;
}

/* The relation against person and assessor, when the schema found all three. */
static void check_relation(struct sw_load *L, xmlNodePtr root)
{
    const struct sw_assessment *a = L->a;
    if (a->relation == SW_REL_COUNT || !sw_xml_attr(root, "person") ||
        !sw_xml_attr(root, "assessor"))
        return;
    int self_assessor = strcmp(a->person, a->assessor) == 0;
    if (a->relation == SW_REL_SELF && !self_assessor)
        sw_fail(L->errs, L->path, a->line,
                "relation 'self' needs assessor = person, but assessor '%s' is not '%s'",
                a->assessor, a->person);
    else if (a->relation != SW_REL_SELF && self_assessor)
        sw_fail(L->errs, L->path, a->line,
                "assessor '%s' is the person assessed: relation is 'self', not '%s'",
                a->assessor, sw_relation_name(a->relation));
}

/* The root element and its meaning; -1 when the rubric is another (nothing
 * else can be checked) or out of memory. */
static int header(struct sw_load *L, xmlNodePtr root)
{
    const struct sw_rubric *r = L->r;
    struct sw_assessment *a = L->a;
    int line = a->line = sw_xml_line(root);
    a->path = sw_load_copy(L, L->path);
    a->person_name = a->notes = "";
    a->rubric = sw_load_copy(L, sw_xml_attr(root, "rubric"));
    a->person = sw_load_copy(L, sw_xml_attr(root, "person"));
    a->assessor = sw_load_copy(L, sw_xml_attr(root, "assessor"));
    a->cycle = sw_load_copy(L, sw_xml_attr(root, "cycle"));
    const char *relation = sw_xml_attr(root, "relation"), *status = sw_xml_attr(root, "status");
    a->relation = sw_relation_parse(relation);
    a->submitted = status && strcmp(status, "submitted") == 0;
    a->submitted_at = sw_load_copy(L, sw_xml_attr(root, "submitted"));
    a->created = sw_load_copy(L, sw_xml_attr(root, "created"));
    /* What the schema reported missing or wrong is not reported again. */
    if (!sw_xml_attr(root, "rubric"))
        return -1;
    if (strcmp(a->rubric, r->id) != 0)
        return sw_load_fail_attr(L, line, "rubric",
                                 "assessment is for rubric '%s', but the rubric in use is '%s' "
                                 "(choose it with --rubric)", a->rubric, r->id);
    if (sw_xml_attr(root, "cycle") && !is_id(a->cycle))
        sw_fail(L->errs, L->path, line,
                "cycle '%s' is not an id: use letters, digits, '.', '_' and '-', named to "
                "sort in time (2026-h1, 2026-h2)", a->cycle);
    check_relation(L, root);
    const char *level = sw_xml_attr(root, "level");
    a->level = level ? sw_rubric_level(r, level) : -1;
    if (level && a->level < 0)
        sw_load_fail_unknown(L, line, "level", level);
    a->ratings = sw_load_ratings(L, root, sizeof *a->ratings);
    return a->ratings ? 0 : -1;
}

static void child(struct sw_load *L, xmlNodePtr c)
{
    if (sw_xml_is(c, "rating"))
        load_rating(L, c);
    else if (sw_xml_is(c, "person-name"))
        L->a->person_name = sw_load_text(L, c);
    else if (sw_xml_is(c, "notes"))
        L->a->notes = sw_load_text(L, c);
}


static const struct sw_doc_type assessment_doc = {
    .kind = SW_DOC_ASSESSMENT, .what = "an assessment", .element = "an <assessment>",
    .ns = SW_NS_ASSESSMENT, .xsd = "assessment.xsd", .size = sizeof(struct sw_assessment),
    .arena = offsetof(struct sw_assessment, arena), .header = header, .child = child,
};

/* sw_assessment_from_doc, _parse, _load and _free. */
SW_LOAD_FUNCTIONS(struct sw_assessment, sw_assessment, assessment_doc)
