/* xml_stream.c - the fast way in: SAX events with the schema checked during
 * the parse (xml.h, "streaming"). */
#include "io/xml.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>

/* One parser and one validation context per thread and schema, kept between
 * documents: creating them costs about as much as parsing a scorecard. */
struct tools {
    xmlParserCtxtPtr parser;
    xmlSchemaValidCtxtPtr valid[SW_XML_SCHEMAS];
};

static pthread_key_t tools_key;
static pthread_once_t tools_once = PTHREAD_ONCE_INIT;

static void free_tools(void *p)
{
    struct tools *t = p;
    if (!t)
        return;
    xmlFreeParserCtxt(t->parser);
    for (int i = 0; i < SW_XML_SCHEMAS; i++)
        xmlSchemaFreeValidCtxt(t->valid[i]);
    free(t);
}

static void make_key(void)
{
    pthread_key_create(&tools_key, free_tools);
}

/* This thread's tools, with a parser and a validation context for schema
 * `which`; NULL when out of memory. */
static struct tools *thread_tools(int which)
{
    pthread_once(&tools_once, make_key);
    struct tools *t = pthread_getspecific(tools_key);
    if (!t) {
        if (!(t = calloc(1, sizeof *t)))
            return NULL;
        if (pthread_setspecific(tools_key, t) != 0) {
            free(t);
            return NULL;
        }
    }
    if (!t->parser && !(t->parser = xmlNewParserCtxt()))
        return NULL;
    if (!t->valid[which] && !(t->valid[which] = xmlSchemaNewValidCtxt(sw_xml_schema(which))))
        return NULL;
    return t;
}

void sw_xml_stream_release_thread(void)
{
    pthread_once(&tools_once, make_key);
    free_tools(pthread_getspecific(tools_key));
    pthread_setspecific(tools_key, NULL);
}

/* Anything libxml2 reports, error or warning, from the parser or the schema:
 * the document is not for the fast path. */
static void on_parser_report(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    xmlParserCtxtPtr parser = e->ctxt;
    if (parser && parser->_private)
        ((struct sw_xml_stream *)parser->_private)->rejected = 1;
}

static void on_schema_report(void *ctx, xmlErrorPtr e)
{
    (void)e;
    ((struct sw_xml_stream *)ctx)->rejected = 1;
}

static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
                       const xmlChar *system_id)
{
    (void)name;
    (void)external_id;
    (void)system_id;
    struct sw_xml_stream *st = ctx;
    st->rejected = 1;
    xmlStopParser(st->parser);     /* safe here, before the subset is read */
}

static void ignore_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* Whether the text starts the way the fast path expects: '<' at once (no
 * byte order mark, no UTF-16) and, if it declares an encoding, UTF-8. */
static int plain_utf8(const char *data, size_t len)
{
    if (len < 6 || data[0] != '<')
        return 0;
    if (strncmp(data, "<?xml", 5) != 0)
        return 1;
    const char *end = memchr(data, '>', len < 200 ? len : 200);
    if (!end)
        return 0;
    char decl[200];     /* the declaration, up to its '>' */
    size_t n = (size_t)(end - data);
    memcpy(decl, data, n);
    decl[n] = '\0';
    const char *enc = strstr(decl, "encoding");
    if (!enc)
        return 1;
    enc += 8;
    enc += strspn(enc, " =\"'");
    return strncasecmp(enc, "utf-8", 5) == 0 && (enc[5] == '"' || enc[5] == '\'');
}

int sw_xml_stream_line(const struct sw_xml_stream *st)
{
    int line = st->parser && st->parser->input ? st->parser->input->line : 0;
    return line > 0 ? line : 1;
}

void sw_xml_stream_reject(struct sw_xml_stream *st)
{
    /* Stopping the parser from an element callback is not safe in libxml2
     * 2.9: it only stops calling back, and the parse runs to its end. */
    st->rejected = 1;
    if (st->parser)
        st->parser->disableSAX = 1;
}

int sw_xml_stream_parse(const char *data, size_t len, int schema, const xmlSAXHandler *handler,
                        struct sw_xml_stream *st)
{
    st->rejected = 0;
    st->parser = NULL;
    if (len > SW_XML_MAX_BYTES || !plain_utf8(data, len))
        return 0;
    sw_xml_init();
    if (!sw_xml_schema(schema))
        return 0;
    xmlSetGenericErrorFunc(NULL, ignore_generic);
    struct tools *t = thread_tools(schema);
    if (!t)
        return 0;
    xmlParserCtxtPtr p = t->parser;
    xmlSchemaValidCtxtPtr v = t->valid[schema];
    if (xmlCtxtResetPush(p, data, (int)len, NULL, NULL) != 0)
        return 0;
    xmlCtxtUseOptions(p, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                             XML_PARSE_BIG_LINES);
    xmlSAXHandler sax = *handler;
    sax.initialized = XML_SAX2_MAGIC;
    sax.internalSubset = on_doctype;
    sax.externalSubset = NULL;
    sax.serror = on_parser_report;
    xmlSAXHandlerPtr own = p->sax;
    p->sax = &sax;
    p->userData = st;
    p->_private = st;
    st->parser = p;
    xmlSchemaSetValidStructuredErrors(v, on_schema_report, st);
    int accepted = 0;
    xmlSchemaSAXPlugPtr plug = xmlSchemaSAXPlug(v, &p->sax, &p->userData);
    if (plug) {
        p->sax->serror = on_parser_report;     /* the plug does not pass it on */
        xmlParseDocument(p);
        accepted = p->wellFormed && !st->rejected && xmlSchemaIsValid(v) == 1;
        xmlSchemaSAXUnplug(plug);
    }
    p->sax = own;
    p->userData = p;
    p->_private = NULL;
    st->parser = NULL;
    if (!accepted) {
        /* a parser stopped halfway is not reused */
        xmlFreeParserCtxt(t->parser);
        t->parser = NULL;
    }
    return accepted;
}
