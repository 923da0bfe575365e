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

#include <libxml/tree.h>

#include "arena.h"
#include "error.h"

#define SW_XML_MAX_BYTES ((size_t)16 << 20)
#define SW_NS_RUBRIC "urn:scorewheel:rubric:1"
#define SW_NS_SCORECARD "urn:scorewheel:scorecard:1"

/* Reads the whole file `path` (regular file, at most SW_XML_MAX_BYTES). Returns a
 * malloc'd NUL-terminated copy (caller frees) and its length in *len; NULL with an
 * error recorded (SW_ESYSTEM when it cannot be read, SW_EINPUT when too large). */
char *sw_xml_slurp(const char *path, size_t *len, struct sw_errors *errs);

/* Parses `len` bytes as a hardened XML document; `path` names it in errors. Returns
 * the document (caller frees with xmlFreeDoc) or NULL with every error recorded. */
xmlDocPtr sw_xml_parse(const char *data, size_t len, const char *path, struct sw_errors *errs);

/* Validates doc against the built-in schema `schema` ("rubric.xsd" or
 * "scorecard.xsd"). 0 when valid; -1 with one error per schema violation. */
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

/* Initialises libxml2 and compiles the schemas; call once before parsing from
 * several threads (it is idempotent and thread-safe). */
void sw_xml_init(void);

/* Frees the compiled schemas and libxml2's global state; call once at exit
 * (optional; keeps leak checkers quiet). */
void sw_xml_cleanup(void);

#endif
