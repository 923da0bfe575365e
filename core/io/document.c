/* document.c - loading any scorewheel document by its root element (document.h). */
#include "document.h"

#include <stdlib.h>
#include <string.h>

#include "io/xml.h"

enum sw_doc_kind sw_doc_root_kind(xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root || !root->ns || !root->ns->href)
        return SW_DOC_OTHER;
    const char *ns = (const char *)root->ns->href;
    if (sw_xml_is(root, "rubric") && strcmp(ns, SW_NS_RUBRIC) == 0)
        return SW_DOC_RUBRIC;
    if (sw_xml_is(root, "scorecard") && strcmp(ns, SW_NS_SCORECARD) == 0)
        return SW_DOC_SCORECARD;
    if (sw_xml_is(root, "assessment") && strcmp(ns, SW_NS_ASSESSMENT) == 0)
        return SW_DOC_ASSESSMENT;
    return SW_DOC_OTHER;
}

static void report_other(xmlDocPtr doc, const char *path, struct sw_errors *errs)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    const char *ns = root && root->ns && root->ns->href ? (const char *)root->ns->href : "";
    sw_fail(errs, path, root ? sw_xml_line(root) : 1,
            "root element <%s> in namespace '%s' is not a rubric ('%s'), a scorecard "
            "('%s') or an assessment ('%s')", root ? (const char *)root->name : "", ns,
            SW_NS_RUBRIC, SW_NS_SCORECARD, SW_NS_ASSESSMENT);
}

int sw_document_load(const struct sw_rubric *r, const char *path, unsigned flags,
                     struct sw_document *out, struct sw_errors *errs)
{
    memset(out, 0, sizeof *out);
    size_t len;
    /* the thread's kept buffer; anything unusual the one whole-file read */
    struct sw_buf *kept = sw_xml_read_kept(path);
    char *own = NULL;
    const char *data = kept ? kept->data : (own = sw_xml_slurp(path, &len, errs));
    if (!data)
        return -1;
    if (kept)
        len = kept->len;
    out->scorecard = r && !(flags & SW_DOC_SKIP_SCORECARDS)
                         ? sw_scorecard_stream(r, data, len, path) : NULL;
    xmlDocPtr doc = out->scorecard ? NULL : sw_xml_parse(data, len, path, errs);
    sw_xml_scratch_done(kept);
    free(own);
    if (out->scorecard) {
        out->kind = SW_DOC_SCORECARD;
        return 0;
    }
    if (!doc)
        return -1;
    out->kind = sw_doc_root_kind(doc);
    if ((out->kind == SW_DOC_RUBRIC && (flags & SW_DOC_SKIP_RUBRICS)) ||
        (out->kind == SW_DOC_SCORECARD && (flags & SW_DOC_SKIP_SCORECARDS)) ||
        (out->kind == SW_DOC_ASSESSMENT && (flags & SW_DOC_SKIP_ASSESSMENTS))) {
        xmlFreeDoc(doc);
        return 0;
    }
    if (out->kind == SW_DOC_RUBRIC)
        out->rubric = sw_rubric_from_doc(doc, path, errs);
    else if (out->kind == SW_DOC_SCORECARD)
        out->scorecard = sw_scorecard_from_doc(r, doc, path, errs);
    else if (out->kind == SW_DOC_ASSESSMENT)
        out->assessment = sw_assessment_from_doc(r, doc, path, errs);
    else
        report_other(doc, path, errs);
    xmlFreeDoc(doc);
    return out->rubric || out->scorecard || out->assessment ? 0 : -1;
}

void sw_document_release(struct sw_document *d)
{
    if (!d)
        return;
    sw_rubric_free(d->rubric);
    sw_scorecard_free(d->scorecard);
    sw_assessment_free(d->assessment);
    d->rubric = NULL;
    d->scorecard = NULL;
    d->assessment = NULL;
}
