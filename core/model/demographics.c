/* demographics.c - the demographics file of rule 16 (audit.h): load and check. */
#include "audit.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "document.h"
#include "io/xml.h"
#include "strmap.h"

#define SW_NS_DEMOGRAPHICS "urn:scorewheel:demographics:1"

struct loader {
    struct sw_demographics *d;
    const char *path;
    struct sw_errors *errs;
    struct sw_strmap dims, ids;
    int oom;
};

static const char *copy(struct loader *L, const char *v)
{
    char *c = sw_arena_strdup(&L->d->arena, v ? v : "");
    if (!c)
        L->oom = 1;
    return c ? c : "";
}

/* The declared dimensions: a space-separated list (the schema checks each
 * id); -1 when missing or out of memory. */
static int load_dimensions(struct loader *L, xmlNodePtr root)
{
    struct sw_demographics *d = L->d;
    const char *list = sw_xml_attr(root, "dimensions");
    if (!list)
        return -1;              /* missing: the schema said so */
    size_t len = strlen(list), n = 0;
    char *text = sw_arena_strdup(&d->arena, list);
    d->dimensions = sw_arena_calloc(&d->arena, len / 2 + 1, sizeof *d->dimensions);
    if (!text || !d->dimensions) {
        L->oom = 1;
        return -1;
    }
    for (char *save = NULL, *tok = strtok_r(text, " \t\r\n", &save); tok;
         tok = strtok_r(NULL, " \t\r\n", &save)) {
        if (sw_strmap_get(&L->dims, tok) >= 0) {
            sw_fail(L->errs, L->path, sw_xml_line(root), "dimension '%s' is declared twice",
                    tok);
            continue;
        }
        if (sw_strmap_put(&L->dims, tok, n) < 0) {
            L->oom = 1;
            return -1;
        }
        d->dimensions[n++] = tok;
    }
    d->n_dimensions = n;
    return 0;
}

static void load_group(struct loader *L, struct sw_demo_person *p, xmlNodePtr g)
{
    const char *dim = sw_xml_attr(g, "dimension"), *value = sw_xml_attr(g, "value");
    int line = sw_xml_line(g);
    if (!dim || !value)
        return;                 /* missing: the schema said so */
    long k = sw_strmap_get(&L->dims, dim);
    if (k < 0) {
        sw_fail(L->errs, L->path, line,
                "dimension '%s' is not declared: add it to the dimensions attribute",
                dim);
        return;
    }
    if (p->values[k]) {
        sw_fail(L->errs, L->path, line,
                "candidate '%s' answers dimension '%s' twice ('%s', then '%s')", p->id, dim,
                p->values[k], value);
        return;
    }
    p->values[k] = copy(L, value);
}

static void load_person(struct loader *L, xmlNodePtr n)
{
    struct sw_demographics *d = L->d;
    struct sw_demo_person *p = &d->people[d->n_people];
    if (!sw_xml_attr(n, "id"))
        return;                 /* missing: the schema said so */
    p->id = copy(L, sw_xml_attr(n, "id"));
    p->line = sw_xml_line(n);
    p->values = sw_arena_calloc(&d->arena, d->n_dimensions + 1, sizeof *p->values);
    if (!p->values) {
        L->oom = 1;
        return;
    }
    long first = sw_strmap_get(&L->ids, p->id);
    if (first >= 0) {
        sw_fail(L->errs, L->path, p->line, "candidate '%s' is listed twice (first on line %d)",
                p->id, d->people[first].line);
        return;
    }
    if (sw_strmap_put(&L->ids, p->id, d->n_people) < 0) {
        L->oom = 1;
        return;
    }
    d->n_people++;
    for (xmlNodePtr g = sw_xml_element(n->children); g; g = sw_xml_element(g->next))
        if (sw_xml_is(g, "group"))
            load_group(L, p, g);
}

static void build(struct loader *L, xmlNodePtr root)
{
    struct sw_demographics *d = L->d;
    if (load_dimensions(L, root) < 0)
        return;
    size_t n = 0;
    for (xmlNodePtr c = sw_xml_element(root->children); c; c = sw_xml_element(c->next))
        n += sw_xml_is(c, "candidate");
    d->people = sw_arena_calloc(&d->arena, n + 1, sizeof *d->people);
    if (!d->people) {
        L->oom = 1;
        return;
    }
    for (xmlNodePtr c = sw_xml_element(root->children); c && !L->oom;
         c = sw_xml_element(c->next))
        if (sw_xml_is(c, "candidate"))
            load_person(L, c);
}

static int is_demographics(xmlNodePtr root)
{
    return root && root->ns && root->ns->href &&
           strcmp((const char *)root->ns->href, SW_NS_DEMOGRAPHICS) == 0 &&
           sw_xml_is(root, "demographics");
}

static struct sw_demographics *from_doc(xmlDocPtr doc, const char *path, struct sw_errors *errs)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!is_demographics(root)) {
        sw_fail(errs, path, root ? sw_xml_line(root) : 1,
                "not a demographics file: expected a <demographics> element in namespace '%s'",
                SW_NS_DEMOGRAPHICS);
        return NULL;
    }
    /* A schema error does not stop the checks of meaning: every problem of
     * the file in one run (docs/design.md "File formats"). */
    int invalid = sw_xml_validate(doc, "demographics.xsd", path, errs) < 0;
    struct sw_demographics *d = calloc(1, sizeof *d);
    if (!d) {
        sw_fail_oom(errs, path);
        return NULL;
    }
    sw_arena_init(&d->arena);
    struct loader L = { .d = d, .path = path, .errs = errs };
    sw_strmap_init(&L.dims);
    sw_strmap_init(&L.ids);
    size_t before = errs->count + errs->lost;
    d->path = copy(&L, path);
    build(&L, root);
    sw_strmap_release(&L.dims);
    sw_strmap_release(&L.ids);
    if (L.oom)
        sw_fail_oom(errs, path);
    if (invalid || errs->count + errs->lost > before) {
        sw_demographics_free(d);
        return NULL;
    }
    return d;
}

struct sw_demographics *sw_demographics_parse(const char *data, size_t len, const char *path,
                                              struct sw_errors *errs)
{
    xmlDocPtr doc = sw_xml_parse(data, len, path, errs);
    if (!doc)
        return NULL;
    struct sw_demographics *d = from_doc(doc, path, errs);
    xmlFreeDoc(doc);
    return d;
}

struct sw_demographics *sw_demographics_load(const char *path, struct sw_errors *errs)
{
    size_t len;
    char *data = sw_xml_slurp(path, &len, errs);
    if (!data)
        return NULL;
    struct sw_demographics *d = sw_demographics_parse(data, len, path, errs);
    free(data);
    return d;
}

void sw_demographics_free(struct sw_demographics *d)
{
    if (!d)
        return;
    sw_arena_release(&d->arena);
    free(d);
}
