/* xml.c - hardened XML input: reading files whole, parsing, schema validation (xml.h). */
#include "io/xml.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "buf.h"
#include "files.h"
#include "io/resource.h"

/* --- reading files ------------------------------------------------------ */

char *sw_xml_slurp(const char *path, size_t *len, struct sw_errors *errs)
{
    return sw_read_file(path, SW_XML_MAX_BYTES, "one document", len, errs);
}

/* --- parsing -------------------------------------------------------------- */

struct parse_state {
    const char *path;
    struct sw_errors *errs;
    int refused_doctype;
    int blank;      /* the input is nothing but white space */
    int over_limit; /* a limit of libxml2 was hit: what follows is its echo */
};

/* libxml2's messages end in a newline, name namespaces in braces and start with
 * a capital; ours are one line, lowercase, and leave out the namespace. */
static void add_clean_message(struct parse_state *st, int line, const char *raw)
{
    struct sw_buf b = SW_BUF_INIT;
    for (const char *p = raw; *p; p++) {
        if (*p == '{' && (strncmp(p + 1, "urn:scorewheel:", 15) == 0 ||
                          strncmp(p + 1, "http://", 7) == 0)) {
            const char *end = strchr(p, '}');
            if (end) {
                p = end;
                continue;
            }
        }
        sw_buf_addc(&b, *p == '\n' ? ' ' : *p);
    }
    while (b.len && (b.data[b.len - 1] == ' ' || b.data[b.len - 1] == '.'))
        b.data[--b.len] = '\0';
    if (b.len > 1 && b.data[0] >= 'A' && b.data[0] <= 'Z' && b.data[1] >= 'a' && b.data[1] <= 'z')
        b.data[0] = (char)(b.data[0] - 'A' + 'a');
    sw_fail(st->errs, st->path, line > 0 ? line : 1, "%s", sw_buf_str(&b));
    sw_buf_release(&b);
}

/* libxml2's limits without XML_PARSE_HUGE (never set), in plain words; NULL
 * for other messages. */
static const char *limit_message(const char *raw)
{
    static const struct { const char *libxml, *ours; } limits[] = {
        { "Excessive depth", "elements nested deeper than 257 levels, the limit" },
        { "huge text node", "a text over 10,000,000 bytes, the limit for one text" },
        { "text too long", "a text over 10,000,000 bytes, the limit for one text" },
        { "AttValue length too long", "an attribute value over 10,000,000 bytes, the limit" },
        { "Name too long", "a name over 50,000 characters, the limit" },
        { "too big found", "a comment, CDATA section or processing instruction over "
                           "10,000,000 bytes, the limit" },
        { "Huge input lookup", "a construct over 10,000,000 bytes, the limit" },
    };
    for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++)
        if (strstr(raw, limits[i].libxml))
            return limits[i].ours;
    return NULL;
}

static void on_parse_error(void *ctx, xmlErrorPtr e)
{
    xmlParserCtxtPtr ctxt = ctx;
    struct parse_state *st = ctxt->_private;
    if ((e->code == XML_ERR_USER_STOP && st->refused_doctype) || st->over_limit)
        return;
    const char *limit = limit_message(e->message ? e->message : "");
    if (limit) {
        st->over_limit = 1;
        sw_fail(st->errs, st->path, e->line > 0 ? e->line : 1, "%s", limit);
        xmlStopParser(ctxt);
        return;
    }
    switch (e->code) {
    case XML_ERR_DOCUMENT_EMPTY:
        sw_fail(st->errs, st->path, e->line > 0 ? e->line : 1,
                st->blank ? "file is empty: expected an XML rubric or scorecard"
                          : "not XML: no element where the document should start "
                            "(a binary or other kind of file?)");
        return;
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
        if (strstr(e->message ? e->message : "", "UTF-8")) {
            sw_fail(st->errs, st->path, e->line > 0 ? e->line : 1,
                    "invalid UTF-8 byte sequence: the file must be UTF-8 text");
            return;
        }
        break;
    default:
        break;
    }
    add_clean_message(st, e->line, e->message ? e->message : "malformed XML");
}

/* libxml2 keeps an element's line in 16 bits (XML_PARSE_BIG_LINES gives only
 * text nodes the full one): from line 65,535 on, the full line goes in the
 * element's psvi, unused by the tree, and sw_xml_line() reads it there. */
static void on_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                             const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                             int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    xmlParserCtxtPtr ctxt = ctx;
    int depth = ctxt->nodeNr;
    xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces,
                          nb_attributes, nb_defaulted, attributes);
    if (ctxt->nodeNr > depth && ctxt->node && ctxt->input && ctxt->input->line >= 65535)
        ctxt->node->psvi = (void *)(intptr_t)ctxt->input->line;
}

static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
                       const xmlChar *system_id)
{
    (void)name;
    (void)external_id;
    (void)system_id;
    xmlParserCtxtPtr ctxt = ctx;
    struct parse_state *st = ctxt->_private;
    st->refused_doctype = 1;
    sw_fail(st->errs, st->path, xmlSAX2GetLineNumber(ctxt),
            "a DOCTYPE is not allowed (no DTDs or entities): remove the <!DOCTYPE ...> declaration");
    xmlStopParser(ctxt);
}

static void ignore_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

xmlDocPtr sw_xml_parse(const char *data, size_t len, const char *path, struct sw_errors *errs)
{
    if (len > SW_XML_MAX_BYTES) {
        sw_fail(errs, path, 1, "document is over the 16 MiB limit");
        return NULL;
    }
    /* libxml2 reports some failures (memory, before a parser context exists)
     * on its generic channel, which prints to stderr by default and is set per
     * thread: core never prints. What matters reaches the structured handlers. */
    xmlSetGenericErrorFunc(NULL, ignore_generic);
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        sw_fail_oom(errs, path);
        return NULL;
    }
    struct parse_state st = { path, errs, 0, 1, 0 };
    for (size_t i = 0; i < len && st.blank; i++)
        st.blank = data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r';
    ctxt->_private = &st;
    ctxt->sax->serror = on_parse_error;
    ctxt->sax->internalSubset = on_doctype;
    ctxt->sax->startElementNs = on_start_element;
    ctxt->sax->externalSubset = NULL;
    ctxt->vctxt.error = NULL;
    ctxt->vctxt.warning = NULL;
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                  XML_PARSE_BIG_LINES | XML_PARSE_NOBLANKS;
    size_t before = errs->count + errs->lost;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, path, NULL, options);
    /* No document from a well-formed start: libxml2 ran out of memory
     * before parsing (its input buffer), and said nothing. */
    int failed = !doc || !ctxt->wellFormed || st.refused_doctype ||
                 errs->count + errs->lost > before;
    if (failed && errs->count + errs->lost == before) {
        if (!doc && ctxt->wellFormed && !st.refused_doctype)
            sw_fail_oom(errs, path);
        else
            sw_fail(errs, path, 1, "malformed XML");
    }
    xmlFreeParserCtxt(ctxt);
    if (failed) {
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

/* --- schemas -------------------------------------------------------------- */

static struct {
    const char *name;
    xmlSchemaPtr schema;
} schemas[] = { { "rubric.xsd", NULL }, { "scorecard.xsd", NULL }, { "assessment.xsd", NULL },
                { "demographics.xsd", NULL } };

static pthread_once_t schemas_once = PTHREAD_ONCE_INIT;

static void ignore_message(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void compile_schemas(void)
{
    xmlInitParser();
    for (size_t i = 0; i < sizeof schemas / sizeof schemas[0]; i++) {
        size_t len;
        const char *text = sw_resource(schemas[i].name, &len);
        xmlSchemaParserCtxtPtr pctxt = text ? xmlSchemaNewMemParserCtxt(text, (int)len) : NULL;
        if (!pctxt)
            continue;
        xmlSchemaSetParserErrors(pctxt, ignore_message, ignore_message, NULL);
        schemas[i].schema = xmlSchemaParse(pctxt);
        xmlSchemaFreeParserCtxt(pctxt);
    }
}

void sw_xml_init(void)
{
    pthread_once(&schemas_once, compile_schemas);
}

static void on_schema_error(void *ctx, xmlErrorPtr e)
{
    struct parse_state *st = ctx;
    add_clean_message(st, e->line, e->message ? e->message : "does not match the schema");
}

int sw_xml_validate(xmlDocPtr doc, const char *schema, const char *path,
                    struct sw_errors *errs)
{
    pthread_once(&schemas_once, compile_schemas);
    xmlSchemaPtr compiled = NULL;
    for (size_t i = 0; i < sizeof schemas / sizeof schemas[0]; i++)
        if (strcmp(schemas[i].name, schema) == 0)
            compiled = schemas[i].schema;
    if (!compiled)
        return sw_error_add(errs, SW_ESYSTEM, path, 0,
                            "built-in schema '%s' is unusable", schema);
    xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(compiled);
    if (!vctxt)
        return sw_fail_oom(errs, path);
    struct parse_state st = { path, errs, 0, 0, 0 };
    xmlSchemaSetValidStructuredErrors(vctxt, on_schema_error, &st);
    size_t before = errs->count + errs->lost;
    int rc = xmlSchemaValidateDoc(vctxt, doc);
    xmlSchemaFreeValidCtxt(vctxt);
    if (rc != 0 && errs->count + errs->lost == before)
        sw_fail(errs, path, 1, "does not match the schema %s", schema);
    return rc == 0 ? 0 : -1;
}

xmlSchemaPtr sw_xml_schema(int which)
{
    pthread_once(&schemas_once, compile_schemas);
    return which >= 0 && which < SW_XML_SCHEMAS ? schemas[which].schema : NULL;
}

void sw_xml_cleanup(void)
{
    sw_xml_stream_release_thread();
    for (size_t i = 0; i < sizeof schemas / sizeof schemas[0]; i++) {
        xmlSchemaFree(schemas[i].schema);
        schemas[i].schema = NULL;
    }
    xmlCleanupParser();
}

void sw_cleanup(void)
{
    sw_xml_cleanup();
}

/* --- walking -------------------------------------------------------------- */

const char *sw_xml_attr(xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        if (a->ns == NULL && strcmp((const char *)a->name, name) == 0) {
            if (!a->children)
                return "";
            return a->children->content ? (const char *)a->children->content : "";
        }
    }
    return NULL;
}

static int is_text(xmlNodePtr c)
{
    return (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content;
}

char *sw_xml_text(xmlNodePtr n, struct sw_arena *a)
{
    size_t len = 0;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (is_text(c))
            len += strlen((const char *)c->content);
    char *text = sw_arena_calloc(a, len + 1, 1);
    if (!text)
        return NULL;
    char *end = text;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (is_text(c)) {
            size_t part = strlen((const char *)c->content);
            memcpy(end, c->content, part);
            end += part;
        }
    }
    return text;
}

xmlNodePtr sw_xml_element(xmlNodePtr n)
{
    while (n && n->type != XML_ELEMENT_NODE)
        n = n->next;
    return n;
}

int sw_xml_is(xmlNodePtr n, const char *name)
{
    return n && strcmp((const char *)n->name, name) == 0;
}

int sw_xml_line(xmlNodePtr n)
{
    if (n->type == XML_ELEMENT_NODE && n->line == 65535 && n->psvi)
        return (int)(intptr_t)n->psvi;
    long line = xmlGetLineNo(n);
    return line > 0 ? (int)line : 1;
}
