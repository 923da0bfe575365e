/*
 * document.h - load any scorewheel document: a rubric, a scorecard or an
 * assessment, told apart by the root element and its namespace.
 */
#ifndef SW_DOCUMENT_H
#define SW_DOCUMENT_H

#include <stddef.h>

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

/* The largest document file read: a larger one is refused before parsing. */
#define SW_XML_MAX_BYTES ((size_t)16 << 20)

/* Reads the whole file `path` as sw_document_load() does before parsing it
 * (a regular file of at most SW_XML_MAX_BYTES). Returns a malloc'd copy with
 * a NUL after the last byte (caller frees) and its length in *len; NULL with
 * an error recorded (SW_ESYSTEM when it cannot be read, SW_EINPUT when too
 * large). For a caller that keeps a document's bytes, for instance to replace
 * the file only while it still holds them (sw_write_if_unchanged, files.h). */
char *sw_xml_slurp(const char *path, size_t *len, struct sw_errors *errs);

/* Frees what reading documents keeps for the life of the process: the
 * compiled built-in schemas, the calling thread's parser contexts (those of
 * other threads are freed as the threads end) and libxml2's global state
 * (xmlCleanupParser(), so a program that uses libxml2 itself calls this after
 * its own last use). Optional, for a quiet leak checker: call it once at
 * exit, after every other thread using the library has ended; no document
 * can be read after it. */
void sw_cleanup(void);

#endif
