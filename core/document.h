/*
 * document.h - load any scorewheel document: a rubric, a scorecard or an
 * assessment, told apart by the root element and its namespace.
 */
#ifndef SW_DOCUMENT_H
#define SW_DOCUMENT_H

#include "assessment.h"
#include "error.h"
#include "rubric.h"
#include "scorecard.h"

enum sw_doc_kind { SW_DOC_OTHER = 0, SW_DOC_RUBRIC, SW_DOC_SCORECARD, SW_DOC_ASSESSMENT };

struct sw_document {
    enum sw_doc_kind kind;
    struct sw_rubric *rubric;         /* set when kind is SW_DOC_RUBRIC */
    struct sw_scorecard *scorecard;   /* set when kind is SW_DOC_SCORECARD */
    struct sw_assessment *assessment; /* set when kind is SW_DOC_ASSESSMENT */
};

/* Flags for sw_document_load(). */
enum {
    /* A rubric is recognised (kind SW_DOC_RUBRIC) but neither checked nor loaded:
     * aggregating commands skip rubric files found among the scorecards. */
    SW_DOC_SKIP_RUBRICS = 1,
    /* The same for assessments (commands over scorecards) and scorecards
     * (commands over assessments): recognised, neither checked nor loaded. */
    SW_DOC_SKIP_ASSESSMENTS = 2,
    SW_DOC_SKIP_SCORECARDS = 4,
};

/* Reads the file at `path` once (hardened, see xml.h) and loads it as what its
 * root element says: a rubric (checked on its own), a scorecard or an
 * assessment (checked against rubric r). Returns 0 with *out filled (caller releases it), or -1
 * with every problem of the file in errs; out->kind then still tells what the
 * file looked like (SW_DOC_OTHER when it could not be parsed or is neither). */
int sw_document_load(const struct sw_rubric *r, const char *path, unsigned flags,
                     struct sw_document *out, struct sw_errors *errs);
/* Frees what the document holds. Accepts NULL. */
void sw_document_release(struct sw_document *d);

#ifdef SW_INTERNAL_XML
/* Internal to core: build models from an already parsed, hardened document. */
#include <libxml/tree.h>
enum sw_doc_kind sw_doc_root_kind(xmlDocPtr doc);
struct sw_rubric *sw_rubric_from_doc(xmlDocPtr doc, const char *path, struct sw_errors *errs);
struct sw_scorecard *sw_scorecard_from_doc(const struct sw_rubric *r, xmlDocPtr doc,
                                           const char *path, struct sw_errors *errs);
struct sw_assessment *sw_assessment_from_doc(const struct sw_rubric *r, xmlDocPtr doc,
                                             const char *path, struct sw_errors *errs);
/* The fast way to a scorecard (xml.h, "streaming"): the same checks while
 * streaming the document, no tree. Returns the scorecard (caller frees) when
 * the document is a valid scorecard for r, in the very form the tree would
 * give; NULL, reporting nothing, for anything else (invalid, or unusual:
 * another root, a DOCTYPE, a comment, CDATA or a reference inside a text or
 * attribute, an encoding other than UTF-8), and then the caller takes
 * sw_xml_parse() and sw_scorecard_from_doc(), which report the problems. */
struct sw_scorecard *sw_scorecard_stream(const struct sw_rubric *r, const char *data, size_t len,
                                         const char *path);
#endif

#endif
