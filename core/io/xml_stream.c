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

#include "buf.h"
#include "files.h"

/* A buffer kept between documents is let go past this size: one large file
 * does not pin its memory for the life of the thread. */
#define KEEP_BYTES ((size_t)1 << 20)

/* One parser and one validation context per thread and schema, kept between
 * documents: creating them costs about as much as parsing a scorecard. */
struct tools {
    xmlParserCtxtPtr parser;
    xmlSchemaValidCtxtPtr valid[SW_XML_SCHEMAS];
    struct sw_buf text;     /* character data the validator has not seen yet */
    struct sw_buf scratch[SW_XML_SCRATCH];     /* sw_xml_stream_scratch() */
    struct sw_buf file;     /* sw_xml_read_kept() */
};

/* Between the parser and both listeners, the caller's callbacks and the
 * schema validator's (xmlSchemaSAXPlug without a SAX handler of its own
 * gives the validator's callbacks): events go to the caller first, then to
 * the validator, as the plug's own relay does. Character data reaches the
 * validator in one piece per run of text, not in the parser's pieces (split
 * at every reference and every 300 bytes), which the validator would join
 * with one xmlStrncat (a strlen and a realloc) each. */
struct sw_xml_relay {
    const xmlSAXHandler *user;
    xmlSAXHandlerPtr schema;
    void *schema_data;
    struct sw_buf *text;
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
    sw_buf_release(&t->text);
    for (int k = 0; k < SW_XML_SCRATCH; k++)
        sw_buf_release(&t->scratch[k]);
    sw_buf_release(&t->file);
    free(t);
}

static void make_key(void)
{
    pthread_key_create(&tools_key, free_tools);
}

/* This thread's tools, made on first use; NULL when out of memory. */
static struct tools *own_tools(void)
{
    pthread_once(&tools_once, make_key);
    struct tools *t = pthread_getspecific(tools_key);
    if (!t) {
        if (!(t = calloc(1, sizeof *t)))
            return NULL;
        sw_buf_init(&t->text);
        for (int k = 0; k < SW_XML_SCRATCH; k++)
            sw_buf_init(&t->scratch[k]);
        sw_buf_init(&t->file);
        if (pthread_setspecific(tools_key, t) != 0) {
            free(t);
            return NULL;
        }
    }
    return t;
}

/* This thread's tools, with a parser and a validation context for schema
 * `which`; NULL when out of memory. */
static struct tools *thread_tools(int which)
{
    struct tools *t = own_tools();
    if (!t)
        return NULL;
    if (!t->parser && !(t->parser = xmlNewParserCtxt()))
        return NULL;
    if (!t->valid[which] && !(t->valid[which] = xmlSchemaNewValidCtxt(sw_xml_schema(which))))
        return NULL;
    return t;
}

struct sw_buf *sw_xml_stream_scratch(int k)
{
    struct tools *t = k >= 0 && k < SW_XML_SCRATCH ? own_tools() : NULL;
    if (!t)
        return NULL;
    sw_xml_scratch_done(&t->scratch[k]);
    return &t->scratch[k];
}

void sw_xml_scratch_done(struct sw_buf *b)
{
    if (!b)
        return;
    if (b->cap > KEEP_BYTES)
        sw_buf_release(b);
    else
        sw_buf_reset(b);
}

struct sw_buf *sw_xml_read_kept(const char *path)
{
    struct tools *t = own_tools();
    if (!t)
        return NULL;
    sw_xml_scratch_done(&t->file);
    struct sw_errors quiet;     /* the caller reads the file again to report */
    sw_errors_init(&quiet);
    int rc = sw_read_file_into(path, SW_XML_MAX_BYTES, "one document", &t->file, &quiet);
    sw_errors_release(&quiet);
    return rc == 0 ? &t->file : NULL;
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

const char *sw_xml_stream_text(const struct sw_xml_stream *st, size_t *len)
{
    *len = st->relay ? st->relay->text->len : 0;
    return st->relay ? sw_buf_str(st->relay->text) : "";
}

/* Hands the character data gathered so far to the validator. */
static void flush_text(struct sw_xml_stream *st)
{
    struct sw_xml_relay *R = st->relay;
    if (R->text->len) {
        R->schema->characters(R->schema_data, (const xmlChar *)R->text->data,
                              (int)R->text->len);
        sw_buf_reset(R->text);
    }
}

static void relay_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                        const xmlChar *uri, int n_ns, const xmlChar **ns, int n_attrs,
                        int n_defaulted, const xmlChar **attrs)
{
    struct sw_xml_stream *st = ctx;
    struct sw_xml_relay *R = st->relay;
    flush_text(st);
    if (R->user->startElementNs)
        R->user->startElementNs(ctx, localname, prefix, uri, n_ns, ns, n_attrs, n_defaulted,
                                attrs);
    R->schema->startElementNs(R->schema_data, localname, prefix, uri, n_ns, ns, n_attrs,
                              n_defaulted, attrs);
}

static void relay_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                      const xmlChar *uri)
{
    struct sw_xml_stream *st = ctx;
    struct sw_xml_relay *R = st->relay;
    /* the caller's first: it may read the element's text (sw_xml_stream_text) */
    if (R->user->endElementNs)
        R->user->endElementNs(ctx, localname, prefix, uri);
    flush_text(st);
    R->schema->endElementNs(R->schema_data, localname, prefix, uri);
}

static void relay_text(void *ctx, const xmlChar *ch, int len)
{
    struct sw_xml_stream *st = ctx;
    struct sw_xml_relay *R = st->relay;
    if (R->user->characters)
        R->user->characters(ctx, ch, len);
    if (sw_buf_add(R->text, ch, (size_t)len) < 0)
        sw_xml_stream_reject(st);
}

/* CDATA is not text to the validator (no white space in element-only
 * content): it goes on its own. */
static void relay_cdata(void *ctx, const xmlChar *value, int len)
{
    struct sw_xml_stream *st = ctx;
    struct sw_xml_relay *R = st->relay;
    flush_text(st);
    if (R->user->cdataBlock)
        R->user->cdataBlock(ctx, value, len);
    R->schema->cdataBlock(R->schema_data, value, len);
}

static void relay_reference(void *ctx, const xmlChar *name)
{
    struct sw_xml_stream *st = ctx;
    struct sw_xml_relay *R = st->relay;
    flush_text(st);
    if (R->user->reference)
        R->user->reference(ctx, name);
    R->schema->reference(R->schema_data, name);
}

/* The caller's handler with ours in front: DOCTYPE, errors, and the relay. */
static void relay_handler(xmlSAXHandler *sax, const xmlSAXHandler *user)
{
    *sax = *user;
    sax->initialized = XML_SAX2_MAGIC;
    sax->internalSubset = on_doctype;
    sax->externalSubset = NULL;
    sax->serror = on_parser_report;
    sax->startElementNs = relay_start;
    sax->endElementNs = relay_end;
    /* the same function for both, as the plug does: the parser then does
     * not look for ignorable white space */
    sax->characters = relay_text;
    sax->ignorableWhitespace = relay_text;
    sax->cdataBlock = relay_cdata;
    sax->reference = relay_reference;
}

/* Runs the parse of p with the validator v listening; whether accepted. */
static int parse_validated(xmlParserCtxtPtr p, xmlSchemaValidCtxtPtr v, struct tools *t,
                           const xmlSAXHandler *handler, struct sw_xml_stream *st)
{
    xmlSAXHandler sax;
    relay_handler(&sax, handler);
    xmlSchemaSetValidStructuredErrors(v, on_schema_report, st);
    xmlSAXHandlerPtr schema = NULL;
    void *schema_data = NULL;
    xmlSchemaSAXPlugPtr plug = xmlSchemaSAXPlug(v, &schema, &schema_data);
    if (!plug)
        return 0;
    struct sw_xml_relay R = { handler, schema, schema_data, &t->text };
    sw_buf_reset(&t->text);
    st->relay = &R;
    st->parser = p;
    xmlSAXHandlerPtr own = p->sax;
    p->sax = &sax;
    p->userData = st;
    p->_private = st;
    xmlParseDocument(p);
    flush_text(st);
    int accepted = p->wellFormed && !st->rejected && xmlSchemaIsValid(v) == 1;
    xmlSchemaSAXUnplug(plug);
    p->sax = own;
    p->userData = p;
    p->_private = NULL;
    st->parser = NULL;
    st->relay = NULL;
    sw_xml_scratch_done(&t->text);
    return accepted;
}

int sw_xml_stream_parse(const char *data, size_t len, int schema, const xmlSAXHandler *handler,
                        struct sw_xml_stream *st)
{
    st->rejected = 0;
    st->parser = NULL;
    st->relay = NULL;
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
    if (xmlCtxtResetPush(p, data, (int)len, NULL, NULL) != 0)
        return 0;
    xmlCtxtUseOptions(p, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                             XML_PARSE_BIG_LINES);
    int accepted = parse_validated(p, t->valid[schema], t, handler, st);
    if (!accepted) {
        /* a parser stopped halfway is not reused */
        xmlFreeParserCtxt(t->parser);
        t->parser = NULL;
    }
    return accepted;
}
