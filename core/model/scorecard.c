/* scorecard.c - a scorecard read from its XML tree (scorecard.h); the
 * streaming parse is in scorecard_stream.c. */
#include "scorecard.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "document.h"
#include "model/scorecard_int.h"
#include "timestamp.h"
#include "io/xml.h"

/* Reports a second rating of the same question or competency. */
static void check_repeat(struct sw_load *L, const struct sw_rating *rt, const char *id)
{
    size_t nq = L->r->n_questions;
    sw_load_check_repeat(L, rt->question >= 0 ? (size_t)rt->question
                                              : nq + (size_t)rt->competency,
                         nq + L->r->n_competencies, id, rt->line);
}

/* Resolves and checks rating rt (its line set) from its attributes question,
 * competency and value (NULL when absent). */
void sw_scorecard_check_rating(struct sw_load *L, struct sw_rating *rt, const char *qid,
                               const char *cid, const char *raw)
{
    const struct sw_rubric *r = L->r;
    rt->question = rt->competency = -1;
    rt->value = raw ? strtod(raw, NULL) : NAN;
    if ((qid != NULL) == (cid != NULL)) {
        sw_fail(L->errs, L->path, rt->line,
                "a rating names exactly one of question=\"...\" or competency=\"...\"");
        return;
    }
    if (qid) {
        rt->question = sw_rubric_question(r, qid);
        const struct sw_interview *iv = &r->interviews[L->s->interview];
        if (rt->question < 0)
            sw_load_fail_unknown(L, rt->line, "question", qid);
        else if ((size_t)rt->question < iv->first ||
                 (size_t)rt->question >= iv->first + iv->count)
            sw_fail(L->errs, L->path, rt->line,
                    "question '%s' belongs to interview '%s', not '%s'", qid,
                    r->interviews[r->questions[rt->question].interview].id, iv->id);
    } else {
        rt->competency = sw_rubric_competency(r, cid);
        if (rt->competency < 0)
            sw_load_fail_attr(L, rt->line, "competency", "unknown competency '%s' in rubric '%s'",
                              cid, r->id);
    }
    if (raw)
        sw_load_check_value(L, rt->value, raw, rt->line);
    if (rt->question >= 0 || rt->competency >= 0)
        check_repeat(L, rt, qid ? qid : cid);
}

static void load_rating(struct sw_load *L, xmlNodePtr n)
{
    struct sw_rating *rt = &L->s->ratings[L->s->n_ratings++];
    rt->line = sw_xml_line(n);
    rt->evidence = sw_load_evidence(L, n);
    sw_scorecard_check_rating(L, rt, sw_xml_attr(n, "question"),
                              sw_xml_attr(n, "competency"), sw_xml_attr(n, "value"));
}


/* The scorecard's attributes; returns -1 when the interview is unknown, since
 * the ratings cannot be checked without it. */
int sw_scorecard_check_header(struct sw_load *L, const struct header *h)
{
    const struct sw_rubric *r = L->r;
    struct sw_scorecard *s = L->s;
    int line = s->line;
    s->rubric = sw_load_copy(L, h->rubric);
    s->candidate = sw_load_copy(L, h->candidate);
    s->interviewer = sw_load_copy(L, h->interviewer);
    s->submitted = h->status && strcmp(h->status, "submitted") == 0;
    s->submitted_at = sw_load_copy(L, h->submitted);
    s->created = sw_load_copy(L, h->created);
    if (*s->created && !sw_utc_stamp_ok(s->created))
        sw_load_fail_attr(L, line, "created", "created '%s' is not a UTC time: write it as "
                          "YYYY-MM-DDTHH:MM:SSZ", s->created);
    s->scheduled = sw_load_copy(L, h->scheduled);
    if (*s->scheduled && !sw_utc_stamp_ok(s->scheduled))
        sw_load_fail_attr(L, line, "scheduled", "scheduled '%s' is not a UTC time: write it as "
                          "YYYY-MM-DDTHH:MM:SSZ", s->scheduled);
    /* A missing rubric or interview (the schema said so): the ratings
     * cannot be checked without them. */
    if (!h->rubric || !h->interview)
        return -1;
    if (strcmp(s->rubric, r->id) != 0)
        return sw_load_fail_attr(L, line, "rubric",
                                 "scorecard is for rubric '%s', but the rubric in use is '%s' "
                                 "(choose it with --rubric)", s->rubric, r->id);
    const char *level = h->level;
    s->level = level ? sw_rubric_level(r, level) : -1;
    if (level && s->level < 0)
        sw_load_fail_unknown(L, line, "level", level);
    const char *interview = h->interview;
    long iv = sw_rubric_interview(r, interview);
    if (iv < 0)
        return sw_load_fail_unknown(L, line, "interview", interview);
    s->interview = (size_t)iv;
    return 0;
}

/* The root element and its meaning, then room for the ratings. */
static int header(struct sw_load *L, xmlNodePtr root)
{
    struct sw_scorecard *s = L->s;
    s->path = sw_load_copy(L, L->path);
    s->line = sw_xml_line(root);
    s->candidate_name = s->notes = "";
    s->recommendation = SW_REC_NONE;
    const struct header h = {
        sw_xml_attr(root, "rubric"), sw_xml_attr(root, "candidate"),
        sw_xml_attr(root, "interviewer"), sw_xml_attr(root, "status"),
        sw_xml_attr(root, "submitted"), sw_xml_attr(root, "level"),
        sw_xml_attr(root, "interview"), sw_xml_attr(root, "created"),
        sw_xml_attr(root, "scheduled"),
    };
    if (sw_scorecard_check_header(L, &h) < 0)
        return -1;
    s->ratings = sw_load_ratings(L, root, sizeof *s->ratings);
    return s->ratings ? 0 : -1;
}

static void child(struct sw_load *L, xmlNodePtr c)
{
    struct sw_scorecard *s = L->s;
    if (sw_xml_is(c, "rating"))
        load_rating(L, c);
    else if (sw_xml_is(c, "candidate-name"))
        s->candidate_name = sw_load_text(L, c);
    else if (sw_xml_is(c, "notes"))
        s->notes = sw_load_text(L, c);
    else if (sw_xml_is(c, "recommendation"))
        s->recommendation = sw_recommendation_parse(sw_xml_attr(c, "value"));
}

static void *stream(const struct sw_rubric *r, const char *data, size_t len, const char *path)
{
    return sw_scorecard_stream(r, data, len, path);
}

/* sw_load_parse streams first (scorecard_stream.c), the tree when that fails. */
static const struct sw_doc_type scorecard_doc = {
    .kind = SW_DOC_SCORECARD, .what = "a scorecard", .element = "a <scorecard>",
    .ns = SW_NS_SCORECARD, .xsd = "scorecard.xsd", .size = sizeof(struct sw_scorecard),
    .arena = offsetof(struct sw_scorecard, arena), .header = header, .child = child,
    .fast = stream,
};

/* sw_scorecard_from_doc, _parse, _load and _free. */
SW_LOAD_FUNCTIONS(struct sw_scorecard, sw_scorecard, scorecard_doc)
