/* scorecard_stream.c - sw_scorecard_stream (scorecard.h): the scorecard read
 * from SAX events, with scorecard.c's checks (scorecard_int.h). */
#include "scorecard.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "model/scorecard_int.h"
#include "util/vec.h"
#include "io/xml.h"

/* --- the fast way in: a streaming parse (xml.h) -----------------------------
 * The same checks as above on SAX events, for a scorecard that is most likely
 * valid. Anything unusual or wrong makes it give up, reporting nothing: the
 * caller then reads the file the slow way, which reports the problems. */

enum { ATTR_MAX = 9 };

struct stream {
    struct sw_xml_stream xs;       /* first: the SAX callbacks' user data */
    struct sw_load L;
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
        sax_attr(S, 8, "scheduled", n, attrs),
    };
    if (!h.rubric || !h.candidate || !h.interviewer || !h.status || !h.interview ||
        sw_scorecard_check_header(&S->L, &h) < 0)
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
    sw_scorecard_check_rating(&S->L, rt, sax_attr(S, 0, "question", n, attrs),
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
    S.L = (struct sw_load){ .r = r, .s = s, .arena = &s->arena, .path = path, .errs = &S.errs };
    sw_errors_init(&S.errs);
    sw_buf_init(&S.text);
    for (int k = 0; k < ATTR_MAX; k++)
        sw_buf_init(&S.attr[k]);
    s->path = sw_load_copy(&S.L, path);
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
