#include "scorecard.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "document.h"
#include "timestamp.h"
#include "vec.h"
#include "xml.h"

struct loader {
    const struct sw_rubric *r;
    struct sw_scorecard *s;
    const char *path;
    struct sw_errors *errs;
    int oom;
    /* The line of the first rating of each question, then of each competency
     * (0: none yet), made on the first rating: repeats are found in linear time. */
    int *first_line;
};

static const char *copy(struct loader *L, const char *v)
{
    char *c = sw_arena_strdup(&L->s->arena, v ? v : "");
    if (!c)
        L->oom = 1;
    return c ? c : "";
}

static const char *text_of(struct loader *L, xmlNodePtr n)
{
    char *t = sw_xml_text(n, &L->s->arena);
    if (!t)
        L->oom = 1;
    return t ? t : "";
}

static void check_value(struct loader *L, struct sw_rating *rt, const char *raw)
{
    const struct sw_scale *sc = &L->r->scale;
    double v = rt->value;
    if (v < sc->min || v > sc->max)
        sw_fail(L->errs, L->path, rt->line, "value '%s' is off the scale %g to %g", raw,
                sc->min, sc->max);
    else if (!sw_scale_contains(sc, v))
        sw_fail(L->errs, L->path, rt->line, "value '%s' is off the scale's step %g", raw,
                sc->step);
}

/* Reports a second rating of the same question or competency. */
static void check_repeat(struct loader *L, const struct sw_rating *rt, const char *id)
{
    size_t nq = L->r->n_questions;
    if (!L->first_line && !(L->first_line = calloc(nq + L->r->n_competencies + 1, sizeof(int)))) {
        L->oom = 1;
        return;
    }
    int *first = &L->first_line[rt->question >= 0 ? (size_t)rt->question
                                                   : nq + (size_t)rt->competency];
    if (*first)
        sw_fail(L->errs, L->path, rt->line, "'%s' is rated twice (first on line %d)", id,
                *first);
    else
        *first = rt->line;
}

/* Resolves and checks rating rt (its line set) from its attributes question,
 * competency and value (NULL when absent). */
static void check_rating(struct loader *L, struct sw_rating *rt, const char *qid,
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
            sw_fail(L->errs, L->path, rt->line, "unknown question '%s' in rubric '%s'", qid,
                    r->id);
        else if ((size_t)rt->question < iv->first ||
                 (size_t)rt->question >= iv->first + iv->count)
            sw_fail(L->errs, L->path, rt->line,
                    "question '%s' belongs to interview '%s', not '%s'", qid,
                    r->interviews[r->questions[rt->question].interview].id, iv->id);
    } else {
        rt->competency = sw_rubric_competency(r, cid);
        if (rt->competency < 0)
            sw_fail(L->errs, L->path, rt->line, "unknown competency '%s' in rubric '%s'", cid,
                    r->id);
    }
    if (raw)
        check_value(L, rt, raw);
    if (rt->question >= 0 || rt->competency >= 0)
        check_repeat(L, rt, qid ? qid : cid);
}

static void load_rating(struct loader *L, xmlNodePtr n)
{
    struct sw_rating *rt = &L->s->ratings[L->s->n_ratings++];
    rt->line = sw_xml_line(n);
    rt->evidence = "";
    for (xmlNodePtr c = sw_xml_element(n->children); c; c = sw_xml_element(c->next))
        if (sw_xml_is(c, "evidence"))
            rt->evidence = text_of(L, c);
    check_rating(L, rt, sw_xml_attr(n, "question"), sw_xml_attr(n, "competency"),
                 sw_xml_attr(n, "value"));
}

/* The scorecard element's attributes (NULL when absent). */
struct header {
    const char *rubric, *candidate, *interviewer, *status, *submitted, *level, *interview;
    const char *created;
};

/* The scorecard's attributes; returns -1 when the interview is unknown, since
 * the ratings cannot be checked without it. */
static int check_header(struct loader *L, const struct header *h)
{
    const struct sw_rubric *r = L->r;
    struct sw_scorecard *s = L->s;
    int line = s->line;
    s->rubric = copy(L, h->rubric);
    s->candidate = copy(L, h->candidate);
    s->interviewer = copy(L, h->interviewer);
    s->submitted = strcmp(h->status, "submitted") == 0;
    s->submitted_at = copy(L, h->submitted);
    s->created = copy(L, h->created);
    if (*s->created && !sw_utc_stamp_ok(s->created))
        sw_fail(L->errs, L->path, line, "created '%s' is not a UTC time: write it as "
                "YYYY-MM-DDTHH:MM:SSZ", s->created);
    if (strcmp(s->rubric, r->id) != 0)
        return sw_fail(L->errs, L->path, line,
                       "scorecard is for rubric '%s', but the rubric in use is '%s' "
                       "(choose it with --rubric)", s->rubric, r->id);
    const char *level = h->level;
    s->level = level ? sw_rubric_level(r, level) : -1;
    if (level && s->level < 0)
        sw_fail(L->errs, L->path, line, "unknown level '%s' in rubric '%s'", level, r->id);
    const char *interview = h->interview;
    long iv = sw_rubric_interview(r, interview);
    if (iv < 0)
        return sw_fail(L->errs, L->path, line, "unknown interview '%s' in rubric '%s'",
                       interview, r->id);
    s->interview = (size_t)iv;
    return 0;
}

static int load_header(struct loader *L, xmlNodePtr root)
{
    const struct header h = {
        sw_xml_attr(root, "rubric"), sw_xml_attr(root, "candidate"),
        sw_xml_attr(root, "interviewer"), sw_xml_attr(root, "status"),
        sw_xml_attr(root, "submitted"), sw_xml_attr(root, "level"),
        sw_xml_attr(root, "interview"), sw_xml_attr(root, "created"),
    };
    return check_header(L, &h);
}

static void build(struct loader *L, xmlNodePtr root)
{
    struct sw_scorecard *s = L->s;
    s->line = sw_xml_line(root);
    s->candidate_name = s->notes = "";
    s->recommendation = SW_REC_NONE;
    if (load_header(L, root) < 0)
        return;
    size_t n = 0;
    for (xmlNodePtr c = sw_xml_element(root->children); c; c = sw_xml_element(c->next))
        n += sw_xml_is(c, "rating");
    s->ratings = sw_arena_calloc(&s->arena, n ? n : 1, sizeof *s->ratings);
    if (!s->ratings) {
        L->oom = 1;
        return;
    }
    for (xmlNodePtr c = sw_xml_element(root->children); c; c = sw_xml_element(c->next)) {
        if (sw_xml_is(c, "rating"))
            load_rating(L, c);
        else if (sw_xml_is(c, "candidate-name"))
            s->candidate_name = text_of(L, c);
        else if (sw_xml_is(c, "notes"))
            s->notes = text_of(L, c);
        else if (sw_xml_is(c, "recommendation"))
            s->recommendation = sw_recommendation_parse(sw_xml_attr(c, "value"));
    }
}

struct sw_scorecard *sw_scorecard_from_doc(const struct sw_rubric *r, xmlDocPtr doc,
                                           const char *path, struct sw_errors *errs)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (sw_doc_root_kind(doc) != SW_DOC_SCORECARD) {
        sw_fail(errs, path, root ? sw_xml_line(root) : 1,
                "not a scorecard: expected a <scorecard> element in namespace '%s'",
                SW_NS_SCORECARD);
        return NULL;
    }
    if (sw_xml_validate(doc, "scorecard.xsd", path, errs) < 0)
        return NULL;
    struct sw_scorecard *s = calloc(1, sizeof *s);
    if (!s) {
        sw_fail_oom(errs, path);
        return NULL;
    }
    sw_arena_init(&s->arena);
    struct loader L = { r, s, path, errs, 0, NULL };
    size_t before = errs->count + errs->lost;
    s->path = copy(&L, path);
    build(&L, root);
    free(L.first_line);
    if (L.oom)
        sw_fail_oom(errs, path);
    if (errs->count + errs->lost > before) {
        sw_scorecard_free(s);
        return NULL;
    }
    return s;
}

struct sw_scorecard *sw_scorecard_parse(const struct sw_rubric *r, const char *data,
                                        size_t len, const char *path, struct sw_errors *errs)
{
    struct sw_scorecard *fast = sw_scorecard_stream(r, data, len, path);
    if (fast)
        return fast;
    xmlDocPtr doc = sw_xml_parse(data, len, path, errs);
    if (!doc)
        return NULL;
    struct sw_scorecard *s = sw_scorecard_from_doc(r, doc, path, errs);
    xmlFreeDoc(doc);
    return s;
}

struct sw_scorecard *sw_scorecard_load(const struct sw_rubric *r, const char *path,
                                       struct sw_errors *errs)
{
    size_t len;
    char *data = sw_xml_slurp(path, &len, errs);
    if (!data)
        return NULL;
    struct sw_scorecard *s = sw_scorecard_parse(r, data, len, path, errs);
    free(data);
    return s;
}

void sw_scorecard_free(struct sw_scorecard *s)
{
    if (!s)
        return;
    sw_arena_release(&s->arena);
    free(s);
}

/* --- the fast way in: a streaming parse (xml.h) -----------------------------
 * The same checks as above on SAX events, for a scorecard that is most likely
 * valid. Anything unusual or wrong makes it give up, reporting nothing: the
 * caller then reads the file the slow way, which reports the problems. */

enum { ATTR_MAX = 8 };

struct stream {
    struct sw_xml_stream xs;       /* first: the SAX callbacks' user data */
    struct loader L;
    struct sw_errors errs;         /* any entry: give up */
    int depth;
    int in_rating;                 /* inside a <rating> */
    enum { NO_TEXT, NAME_TEXT, NOTES_TEXT, EVIDENCE_TEXT } capture;   /* text being read */
    struct sw_buf text;
    struct sw_buf attr[ATTR_MAX];  /* attribute values, NUL-terminated */
    size_t cap;                    /* of L.s->ratings, malloc'd until the end */
};

static void give_up(struct stream *S)
{
    sw_xml_stream_reject(&S->xs);
}

/* The value of attribute `name` (no namespace) copied into slot k, or NULL
 * when absent. */
static const char *sax_attr(struct stream *S, int k, const char *name, int n,
                            const xmlChar **attrs)
{
    for (int i = 0; i < n; i++) {
        const xmlChar **a = attrs + 5 * i;
        if (strcmp((const char *)a[0], name) != 0)
            continue;
        sw_buf_reset(&S->attr[k]);
        if (sw_buf_add(&S->attr[k], a[3], (size_t)(a[4] - a[3])) < 0) {
            S->L.oom = 1;
            return NULL;
        }
        return sw_buf_str(&S->attr[k]);
    }
    return NULL;
}

/* Attributes the tree would show differently: namespaced ones, and values
 * with references (kept as "&#38;" in SAX's attribute values). */
static int plain_attributes(int n, const xmlChar **attrs)
{
    for (int i = 0; i < n; i++) {
        const xmlChar **a = attrs + 5 * i;
        if (a[2] || memchr(a[3], '&', (size_t)(a[4] - a[3])))
            return 0;
    }
    return 1;
}

static void sax_header(struct stream *S, int n, const xmlChar **attrs)
{
    struct sw_scorecard *s = S->L.s;
    s->line = sw_xml_stream_line(&S->xs);
    s->candidate_name = s->notes = "";
    s->recommendation = SW_REC_NONE;
    const struct header h = {
        sax_attr(S, 0, "rubric", n, attrs), sax_attr(S, 1, "candidate", n, attrs),
        sax_attr(S, 2, "interviewer", n, attrs), sax_attr(S, 3, "status", n, attrs),
        sax_attr(S, 4, "submitted", n, attrs), sax_attr(S, 5, "level", n, attrs),
        sax_attr(S, 6, "interview", n, attrs), sax_attr(S, 7, "created", n, attrs),
    };
    if (!h.rubric || !h.candidate || !h.interviewer || !h.status || !h.interview ||
        check_header(&S->L, &h) < 0)
        give_up(S);
}

static void sax_rating(struct stream *S, int n, const xmlChar **attrs)
{
    struct sw_scorecard *s = S->L.s;
    if (SW_VEC_GROW(s->ratings, S->cap, s->n_ratings + 1, 32) < 0) {
        S->L.oom = 1;
        give_up(S);
        return;
    }
    struct sw_rating *rt = &s->ratings[s->n_ratings++];
    rt->line = sw_xml_stream_line(&S->xs);
    rt->evidence = "";
    check_rating(&S->L, rt, sax_attr(S, 0, "question", n, attrs),
                 sax_attr(S, 1, "competency", n, attrs), sax_attr(S, 2, "value", n, attrs));
    S->in_rating = 1;
}

static void sax_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                      const xmlChar *uri, int n_ns, const xmlChar **ns, int n_attrs,
                      int n_defaulted, const xmlChar **attrs)
{
    (void)prefix;
    (void)n_ns;
    (void)ns;
    struct stream *S = ctx;
    const char *name = (const char *)localname;
    int depth = S->depth++;
    if (!uri || strcmp((const char *)uri, SW_NS_SCORECARD) != 0 || n_defaulted ||
        S->capture || !plain_attributes(n_attrs, attrs)) {
        give_up(S);
        return;
    }
    if (depth == 0 && strcmp(name, "scorecard") == 0) {
        sax_header(S, n_attrs, attrs);
    } else if (depth == 1 && strcmp(name, "rating") == 0) {
        sax_rating(S, n_attrs, attrs);
    } else if (depth == 1 && strcmp(name, "candidate-name") == 0) {
        S->capture = NAME_TEXT;
    } else if (depth == 1 && strcmp(name, "notes") == 0) {
        S->capture = NOTES_TEXT;
    } else if (depth == 1 && strcmp(name, "recommendation") == 0) {
        const char *value = sax_attr(S, 0, "value", n_attrs, attrs);
        if (!value)
            give_up(S);
        else
            S->L.s->recommendation = sw_recommendation_parse(value);
    } else if (depth == 2 && S->in_rating && strcmp(name, "evidence") == 0) {
        S->capture = EVIDENCE_TEXT;
    } else {
        give_up(S);
    }
    if (S->errs.count || S->errs.lost || S->L.oom)
        give_up(S);
}

static void sax_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                    const xmlChar *uri)
{
    (void)localname;
    (void)prefix;
    (void)uri;
    struct stream *S = ctx;
    int depth = --S->depth;
    if (S->capture) {
        char *text = sw_arena_strdup(&S->L.s->arena, sw_buf_str(&S->text));
        if (!text || S->text.failed) {
            S->L.oom = 1;
            give_up(S);
            return;
        }
        struct sw_scorecard *s = S->L.s;
        if (S->capture == NAME_TEXT)
            s->candidate_name = text;
        else if (S->capture == NOTES_TEXT)
            s->notes = text;
        else
            s->ratings[s->n_ratings - 1].evidence = text;
        S->capture = NO_TEXT;
        sw_buf_reset(&S->text);
    } else if (depth == 1) {
        S->in_rating = 0;
    }
}

/* The tree (XML_PARSE_NOBLANKS) drops white space that starts a text when a
 * '<' other than the end tag's, or a CR, comes next: give up there. */
static int tree_might_drop(const struct stream *S, const xmlChar *ch, int len)
{
    if (S->text.len)
        return 0;
    for (int i = 0; i < len; i++)
        if (ch[i] != ' ' && ch[i] != '\t' && ch[i] != '\n' && ch[i] != '\r')
            return 0;
    const xmlParserCtxtPtr p = S->xs.parser;
    const xmlChar *next = p && p->input ? p->input->cur : NULL;
    return !next || !((next[0] == '<' && next[1] == '/') || next[0] == '&');
}

static void sax_text(void *ctx, const xmlChar *ch, int len)
{
    struct stream *S = ctx;
    if (!S->capture)
        return;
    if (tree_might_drop(S, ch, len))
        give_up(S);
    else
        sw_buf_add(&S->text, ch, (size_t)len);
}

/* Inside a text the tree may drop white space next to these: give up there. */
static void sax_cdata(void *ctx, const xmlChar *value, int len)
{
    (void)value;
    (void)len;
    struct stream *S = ctx;
    if (S->capture)
        give_up(S);
}

static void sax_comment(void *ctx, const xmlChar *value)
{
    sax_cdata(ctx, value, 0);
}

static void sax_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
    (void)target;
    sax_cdata(ctx, data, 0);
}

struct sw_scorecard *sw_scorecard_stream(const struct sw_rubric *r, const char *data, size_t len,
                                         const char *path)
{
    struct sw_scorecard *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    sw_arena_init(&s->arena);
    struct stream S;
    memset(&S, 0, sizeof S);
    S.L = (struct loader){ r, s, path, &S.errs, 0, NULL };
    sw_errors_init(&S.errs);
    sw_buf_init(&S.text);
    for (int k = 0; k < ATTR_MAX; k++)
        sw_buf_init(&S.attr[k]);
    s->path = copy(&S.L, path);
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElementNs = sax_start;
    sax.endElementNs = sax_end;
    sax.characters = sax_text;
    sax.cdataBlock = sax_cdata;
    sax.comment = sax_comment;
    sax.processingInstruction = sax_pi;
    int ok = sw_xml_stream_parse(data, len, SW_XML_SCORECARD_XSD, &sax, &S.xs) &&
             !S.errs.count && !S.errs.lost && !S.L.oom && s->candidate;
    struct sw_rating *ratings = s->ratings;
    s->ratings = NULL;
    if (ok && (s->ratings = sw_arena_calloc(&s->arena, s->n_ratings ? s->n_ratings : 1,
                                            sizeof *s->ratings)) != NULL) {
        if (s->n_ratings)
            memcpy(s->ratings, ratings, s->n_ratings * sizeof *s->ratings);
    } else {
        sw_scorecard_free(s);
        s = NULL;
    }
    free(ratings);
    free(S.L.first_line);
    sw_errors_release(&S.errs);
    sw_buf_release(&S.text);
    for (int k = 0; k < ATTR_MAX; k++)
        sw_buf_release(&S.attr[k]);
    return s;
}
