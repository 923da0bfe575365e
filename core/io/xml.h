/*
 * xml.h - hardened XML input (internal to core; not part of the public API).
 *
 * Every document scorewheel reads comes through here:
 *  - files over SW_XML_MAX_BYTES are refused before parsing;
 *  - no network (XML_PARSE_NONET), no DTD loading, no entity substitution, and
 *    any DOCTYPE is refused outright, so neither external entities (XXE) nor
 *    entity expansion (billion laughs) can happen;
 *  - libxml2 never prints: its errors become entries in a struct sw_errors with
 *    the file, the line and a cleaned-up message;
 *  - the schemas are the ones built into the library (resource.h), compiled
 *    once per process and shared read-only.
 */
#ifndef SW_XML_H
#define SW_XML_H

#include <stddef.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "arena.h"
#include "buf.h"
#include "document.h"
#include "error.h"
#include "rubric.h"
#include "scorecard.h"

#define SW_NS_RUBRIC "urn:scorewheel:rubric:1"
#define SW_NS_SCORECARD "urn:scorewheel:scorecard:1"
#define SW_NS_ASSESSMENT "urn:scorewheel:assessment:1"

/* sw_xml_slurp() and SW_XML_MAX_BYTES are public: document.h. */

/* Parses `len` bytes as a hardened XML document; `path` names it in errors. Returns
 * the document (caller frees with xmlFreeDoc) or NULL with every error recorded. */
xmlDocPtr sw_xml_parse(const char *data, size_t len, const char *path, struct sw_errors *errs);

/* Validates doc against the built-in schema `schema` ("rubric.xsd",
 * "scorecard.xsd" or "assessment.xsd"). 0 when valid; -1 with one error per schema violation. */
int sw_xml_validate(xmlDocPtr doc, const char *schema, const char *path,
                    struct sw_errors *errs);

/* The value of attribute `name` of element n (no namespace), owned by the
 * document; NULL when absent. */
const char *sw_xml_attr(xmlNodePtr n, const char *name);
/* The text directly inside element n, text and CDATA sections joined ("" when
 * none), copied into arena a; NULL when out of memory. */
char *sw_xml_text(xmlNodePtr n, struct sw_arena *a);
/* The next element sibling in the node list starting at n (n itself if it is one). */
xmlNodePtr sw_xml_element(xmlNodePtr n);
/* Whether element n is named `name`. */
int sw_xml_is(xmlNodePtr n, const char *name);
/* The element's line in its file (1-based). */
int sw_xml_line(xmlNodePtr n);

/* --- streaming --------------------------------------------------------------
 * The fast way in for documents that are most likely valid: SAX events, the
 * schema checked during the same parse, no tree. It reports nothing: a
 * document it does not accept is read again with sw_xml_parse() and
 * sw_xml_validate(), which say what is wrong (so errors stay as they are). */

/* The built-in schemas, for sw_xml_schema() and sw_xml_stream_parse(). */
enum { SW_XML_RUBRIC_XSD, SW_XML_SCORECARD_XSD, SW_XML_ASSESSMENT_XSD, SW_XML_SCHEMAS };

/* The compiled schema (shared, read-only), or NULL when it is unusable. */
xmlSchemaPtr sw_xml_schema(int which);

/* A streaming parse in progress. The SAX callbacks get a pointer to it as
 * their user data: embed it first in the caller's state. */
struct sw_xml_stream {
    xmlParserCtxtPtr parser;   /* set while sw_xml_stream_parse() runs */
    int rejected;              /* give up: sw_xml_stream_reject() */
    struct sw_xml_relay *relay;    /* private to xml_stream.c */
};

/* Streams `len` bytes through the SAX2 callbacks of `handler` (element,
 * text and CDATA callbacks are the caller's; DOCTYPE and errors are handled
 * here) while validating against schema `schema`, hardened as sw_xml_parse().
 * Returns 1 when the document is accepted: well-formed UTF-8, no DOCTYPE,
 * valid, nothing reported by libxml2 (not even a warning) and not rejected;
 * else 0. Parser and validation contexts are kept per thread between calls. */
int sw_xml_stream_parse(const char *data, size_t len, int schema, const xmlSAXHandler *handler,
                        struct sw_xml_stream *st);
/* The line of the parser's position (in a start-element callback: the
 * element's line, as sw_xml_line() gives it for a tree). */
int sw_xml_stream_line(const struct sw_xml_stream *st);
/* The character data since the last start or end tag, CDATA section or
 * reference, joined (comments and processing instructions do not end it),
 * NUL-terminated, its length in *len: in a characters callback, what came
 * before this piece; in an end-element callback, the text of an element
 * without child elements or CDATA. Valid until the callback returns. */
const char *sw_xml_stream_text(const struct sw_xml_stream *st, size_t *len);
/* Gives up on the document: no more callbacks; sw_xml_stream_parse() returns 0. */
void sw_xml_stream_reject(struct sw_xml_stream *st);
/* Frees the calling thread's kept contexts and scratch buffers (other
 * threads' go when they end). */
void sw_xml_stream_release_thread(void);

/* Scratch buffers for the callbacks of one streaming parse (texts,
 * attribute values, arrays being built), kept per thread between documents
 * like the contexts: no allocation per document once they are large
 * enough. Returns the calling thread's buffer k (0 to SW_XML_SCRATCH - 1),
 * emptied, or NULL when out of memory. It is the caller's until it calls
 * sw_xml_scratch_done() on it, which empties it (and frees it when it grew
 * past 1 MiB, so one large document does not pin its memory); not for
 * another parse on the same thread meanwhile. */
enum { SW_XML_SCRATCH = 3 };
struct sw_buf *sw_xml_stream_scratch(int k);
void sw_xml_scratch_done(struct sw_buf *b);

/* The regular file at `path` read whole, as sw_xml_slurp() reads it, into a
 * buffer the calling thread keeps (its own, not a scratch buffer above): no
 * allocation per file once it is large enough. Returns the buffer (the
 * bytes, NUL after the last), the caller's until sw_xml_scratch_done() on
 * it; NULL, recording nothing, for anything unusual (no such file, not a
 * regular file, over SW_XML_MAX_BYTES, out of memory): sw_xml_slurp() then
 * reads it or says what is wrong. */
struct sw_buf *sw_xml_read_kept(const char *path);

/* --- models from documents -------------------------------------------------
 * Build models from an already parsed, hardened document (document.c,
 * rubric.c, scorecard.c, assessment.c). */
enum sw_doc_kind sw_doc_root_kind(xmlDocPtr doc);
struct sw_rubric *sw_rubric_from_doc(xmlDocPtr doc, const char *path, struct sw_errors *errs);
struct sw_scorecard *sw_scorecard_from_doc(const struct sw_rubric *r, xmlDocPtr doc,
                                           const char *path, struct sw_errors *errs);
struct sw_assessment *sw_assessment_from_doc(const struct sw_rubric *r, xmlDocPtr doc,
                                             const char *path, struct sw_errors *errs);
/* The fast way to a scorecard (the streaming above): the same checks while
 * streaming the document, no tree. Returns the scorecard (caller frees) when
 * the document is a valid scorecard for r, in the very form the tree would
 * give; NULL, reporting nothing, for anything else (invalid, or unusual:
 * another root, a DOCTYPE, a comment, CDATA or a reference inside a text or
 * attribute, an encoding other than UTF-8), and then the caller takes
 * sw_xml_parse() and sw_scorecard_from_doc(), which report the problems. */
struct sw_scorecard *sw_scorecard_stream(const struct sw_rubric *r, const char *data, size_t len,
                                         const char *path);

/* Initialises libxml2 and compiles the schemas; call once before parsing from
 * several threads (it is idempotent and thread-safe). */
void sw_xml_init(void);

/* Frees the compiled schemas and libxml2's global state; call once at exit
 * (optional; keeps leak checkers quiet). */
void sw_xml_cleanup(void);

#endif
