/* entry_load.c - the loading skeleton and the rating checks that scorecards
 * and assessments share (entry_load.h). */
#include "model/entry_load.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "io/schema_once.h"
#include "io/xml.h"

/* Rubric r's id `i` of the kind that attribute `attr` names. */
static const char *rubric_id(const struct sw_rubric *r, const char *attr, size_t i)
{
    if (strcmp(attr, "level") == 0)
        return r->levels[i].id;
    if (strcmp(attr, "question") == 0)
        return r->questions[i].id;
    return r->interviews[i].id;
}

int sw_load_fail_unknown(struct sw_load *L, int line, const char *attr, const char *id)
{
    const struct sw_rubric *r = L->r;
    const char *owner = "rubric", *owner_id = r->id;
    size_t first = 0, n = r->n_interviews;
    if (strcmp(attr, "level") == 0) {
        n = r->n_levels;
    } else if (strcmp(attr, "question") == 0) {   /* a scorecard's: its interview's */
        const struct sw_interview *iv = &r->interviews[L->s->interview];
        owner = "interview", owner_id = iv->id, first = iv->first, n = iv->count;
    }
    struct sw_buf known = SW_BUF_INIT;
    for (size_t i = first; i < first + n; i++)
        sw_buf_addf(&known, "%s%s", i > first ? ", " : "", rubric_id(r, attr, i));
    sw_load_fail_attr(L, line, attr, "unknown %s '%s' (%s '%s' has: %s)", attr, id, owner,
                      owner_id, sw_buf_str(&known));
    sw_buf_release(&known);
    return -1;
}

void *sw_load_doc(const struct sw_rubric *r, xmlDocPtr doc, const struct sw_doc_type *t,
                  const char *path, struct sw_errors *errs)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (sw_doc_root_kind(doc) != t->kind) {
        sw_fail(errs, path, root ? sw_xml_line(root) : 1,
                "not %s: expected %s element in namespace '%s'", t->what, t->element, t->ns);
        return NULL;
    }
    /* A schema error does not stop the checks of meaning: every problem of
     * the file in one run (docs/design.md "File formats"). The
     * readers take a missing attribute as NULL and say nothing of it (the
     * schema did); the document is dropped below. */
    size_t schema_from = errs->count;
    int invalid = sw_xml_validate(doc, t->xsd, path, errs) < 0;
    size_t schema_to = errs->count;
    char *obj = calloc(1, t->size);
    if (!obj) {
        sw_fail_oom(errs, path);
        return NULL;
    }
    struct sw_attr_marks marks = SW_ATTR_MARKS_INIT;
    struct sw_load L = { .r = r, .doc = obj, .arena = (struct sw_arena *)(obj + t->arena),
                         .path = path, .errs = errs, .marks = &marks };
    sw_arena_init(L.arena);
    size_t before = errs->count + errs->lost;
    if (t->header(&L, root) == 0)
        for (xmlNodePtr c = sw_xml_element(root->children); c; c = sw_xml_element(c->next))
            t->child(&L, c);
    free(L.first_line);
    sw_attr_marks_drop(&marks, errs, schema_from, schema_to);
    if (L.oom)
        sw_fail_oom(errs, path);
    if (invalid || errs->count + errs->lost > before) {
        sw_arena_release(L.arena);
        free(obj);
        return NULL;
    }
    return obj;
}

void *sw_load_parse(const struct sw_rubric *r, const char *data, size_t len,
                    const struct sw_doc_type *t, const char *path, struct sw_errors *errs)
{
    void *fast = t->fast ? t->fast(r, data, len, path) : NULL;
    if (fast)
        return fast;
    xmlDocPtr doc = sw_xml_parse(data, len, path, errs);
    if (!doc)
        return NULL;
    void *obj = sw_load_doc(r, doc, t, path, errs);
    xmlFreeDoc(doc);
    return obj;
}

void *sw_load_file(const struct sw_rubric *r, const struct sw_doc_type *t, const char *path,
                   struct sw_errors *errs)
{
    size_t len;
    char *data = sw_xml_slurp(path, &len, errs);
    void *obj = data ? sw_load_parse(r, data, len, t, path, errs) : NULL;
    free(data);
    return obj;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int sw_load_is_number(const char *raw)
{
    while (is_blank(*raw))
        raw++;
    raw += *raw == '+' || *raw == '-';
    int digits = 0, dot = 0;
    for (; (*raw >= '0' && *raw <= '9') || (*raw == '.' && !dot); raw++) {
        dot |= *raw == '.';
        digits += *raw != '.';
    }
    while (is_blank(*raw))
        raw++;
    return digits && !*raw;
}

void *sw_load_ratings(struct sw_load *L, xmlNodePtr root, size_t size)
{
    size_t n = 0;
    for (xmlNodePtr c = sw_xml_element(root->children); c; c = sw_xml_element(c->next))
        n += sw_xml_is(c, "rating");
    void *room = sw_arena_calloc(L->arena, n ? n : 1, size);
    if (!room)
        L->oom = 1;
    return room;
}

const char *sw_load_copy(struct sw_load *L, const char *v)
{
    char *c = sw_arena_strdup(L->arena, v ? v : "");
    if (!c)
        L->oom = 1;
    return c ? c : "";
}

const char *sw_load_text(struct sw_load *L, xmlNodePtr n)
{
    char *t = sw_xml_text(n, L->arena);
    if (!t)
        L->oom = 1;
    return t ? t : "";
}

const char *sw_load_evidence(struct sw_load *L, xmlNodePtr rating)
{
    const char *evidence = "";
    for (xmlNodePtr c = sw_xml_element(rating->children); c; c = sw_xml_element(c->next))
        if (sw_xml_is(c, "evidence"))
            evidence = sw_load_text(L, c);
    return evidence;
}

void sw_load_check_value(struct sw_load *L, double v, const char *raw, int line)
{
    const struct sw_scale *sc = &L->r->scale;
    if (!sw_load_is_number(raw))
        return;                 /* not a decimal: the schema said so */
    if (v < sc->min || v > sc->max)
        sw_fail(L->errs, L->path, line, "value '%s' is off the scale %g to %g", raw, sc->min,
                sc->max);
    else if (!sw_scale_contains(sc, v))
        sw_fail(L->errs, L->path, line, "value '%s' is off the scale's step %g", raw, sc->step);
}

void sw_load_check_repeat(struct sw_load *L, size_t slot, size_t n_slots, const char *id,
                          int line)
{
    if (!L->first_line && !(L->first_line = calloc(n_slots + 1, sizeof *L->first_line))) {
        L->oom = 1;
        return;
    }
    int *first = &L->first_line[slot];
    if (*first)
        sw_fail(L->errs, L->path, line, "'%s' is rated twice (first on line %d)", id, *first);
    else
        *first = line;
}
