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

/* The thread's scratch buffers it uses (xml.h). */
enum { ATTRS, RATINGS, FIRST_LINES };

struct stream {
    struct sw_xml_stream xs;       /* first: the SAX callbacks' user data */
    struct sw_load L;
    struct sw_errors errs;         /* any entry: give up */
    int depth;
    int in_rating;                 /* inside a <rating> */
    enum { NO_TEXT, NAME_TEXT, NOTES_TEXT, EVIDENCE_TEXT } capture;   /* text being read */
    struct sw_buf *attrs;          /* attribute values, each NUL-terminated */
    struct sw_buf *ratings;        /* L.s->ratings until the end */
    struct sw_buf *first_lines;    /* L.first_line */
};

static void give_up(struct stream *S)
{
    sw_xml_stream_reject(&S->xs);
}

/* The most attributes an element of a scorecard has: the header's. */
enum { HEADER_ATTRS = 9 };

/* The values of attributes names[0..n_names-1] (n_names <= HEADER_ATTRS,
 * no namespace) into
 * values[], NULL for those absent; copies in S->attrs (SAX gives them
 * without a NUL). -1 when out of memory. */
static int sax_attrs(struct stream *S, const char *const *names, int n_names,
                     const char **values, int n, const xmlChar **attrs)
{
    size_t at[HEADER_ATTRS];
    int found[HEADER_ATTRS] = { 0 };
    sw_buf_reset(S->attrs);
    for (int i = 0; i < n; i++) {
        const xmlChar **a = attrs + 5 * i;
        for (int k = 0; k < n_names; k++) {
            if (found[k] || strcmp((const char *)a[0], names[k]) != 0)
                continue;
            found[k] = 1;
            at[k] = S->attrs->len;
            sw_buf_add(S->attrs, a[3], (size_t)(a[4] - a[3]));
            sw_buf_addc(S->attrs, '\0');
            break;
        }
    }
    if (S->attrs->failed) {
        S->L.oom = 1;
        return -1;
    }
    for (int k = 0; k < n_names; k++)
        values[k] = found[k] ? S->attrs->data + at[k] : NULL;
    return 0;
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
    static const char *const names[HEADER_ATTRS] = { "rubric", "candidate", "interviewer", "status",
                                           "submitted", "level", "interview", "created",
                                           "scheduled" };
    struct sw_scorecard *s = S->L.s;
    s->line = sw_xml_stream_line(&S->xs);
    s->candidate_name = s->notes = "";
    s->recommendation = SW_REC_NONE;
    const char *v[HEADER_ATTRS];
    if (sax_attrs(S, names, HEADER_ATTRS, v, n, attrs) < 0) {
        give_up(S);
        return;
    }
    const struct header h = { v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8] };
    if (!h.rubric || !h.candidate || !h.interviewer || !h.status || !h.interview ||
        sw_scorecard_check_header(&S->L, &h) < 0)
        give_up(S);
}

static void sax_rating(struct stream *S, int n, const xmlChar **attrs)
{
    static const char *const names[3] = { "question", "competency", "value" };
    static const struct sw_rating blank;
    struct sw_scorecard *s = S->L.s;
    const char *v[3];
    if (sax_attrs(S, names, 3, v, n, attrs) < 0 ||
        sw_buf_add(S->ratings, &blank, sizeof blank) < 0) {
        S->L.oom = 1;
        give_up(S);
        return;
    }
    s->ratings = (struct sw_rating *)(void *)S->ratings->data;
    struct sw_rating *rt = &s->ratings[s->n_ratings++];
    rt->line = sw_xml_stream_line(&S->xs);
    rt->evidence = "";
    sw_scorecard_check_rating(&S->L, rt, v[0], v[1], v[2]);
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
        static const char *const names[1] = { "value" };
        const char *value;
        if (sax_attrs(S, names, 1, &value, n_attrs, attrs) < 0 || !value)
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
        size_t len;
        const char *data = sw_xml_stream_text(&S->xs, &len);
        char *text = sw_arena_calloc(&S->L.s->arena, len + 1, 1);
        if (text && len)
            memcpy(text, data, len);
        if (!text) {
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
    } else if (depth == 1) {
        S->in_rating = 0;
    }
}

/* The tree (XML_PARSE_NOBLANKS) drops white space that starts a text when a
 * '<' other than the end tag's, or a CR, comes next: give up there. */
static int tree_might_drop(const struct stream *S, const xmlChar *ch, int len)
{
    size_t before;
    sw_xml_stream_text(&S->xs, &before);
    if (before)
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

/* Makes the scratch ready: S's buffers, and the first line of each rated
 * thing (all 0) as L.first_line, where sw_load_check_repeat() would
 * otherwise allocate it. -1 when out of memory. */
static int use_scratch(struct stream *S, const struct sw_rubric *r)
{
    S->attrs = sw_xml_stream_scratch(ATTRS);
    S->ratings = sw_xml_stream_scratch(RATINGS);
    S->first_lines = sw_xml_stream_scratch(FIRST_LINES);
    size_t slots = r->n_questions + r->n_competencies + 1;
    if (!S->attrs || !S->ratings || !S->first_lines ||
        sw_buf_grow(S->first_lines, slots * sizeof *S->L.first_line) < 0)
        return -1;
    S->L.first_line = (int *)(void *)S->first_lines->data;
    memset(S->L.first_line, 0, slots * sizeof *S->L.first_line);
    return 0;
}

static void done_scratch(struct stream *S)
{
    sw_xml_scratch_done(S->attrs);
    sw_xml_scratch_done(S->ratings);
    sw_xml_scratch_done(S->first_lines);
}

/* The ratings, from the scratch into the arena; 0 or -1. */
static int keep_ratings(struct sw_scorecard *s)
{
    struct sw_rating *ratings = s->ratings;
    s->ratings = sw_arena_calloc(&s->arena, s->n_ratings ? s->n_ratings : 1, sizeof *s->ratings);
    if (!s->ratings)
        return -1;
    if (s->n_ratings)
        memcpy(s->ratings, ratings, s->n_ratings * sizeof *s->ratings);
    return 0;
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
    int ok = use_scratch(&S, r) == 0;
    if (ok) {
        s->path = sw_load_copy(&S.L, path);
        xmlSAXHandler sax;
        memset(&sax, 0, sizeof sax);
        sax.startElementNs = sax_start;
        sax.endElementNs = sax_end;
        sax.characters = sax_text;
        sax.cdataBlock = sax_cdata;
        sax.comment = sax_comment;
        sax.processingInstruction = sax_pi;
        ok = sw_xml_stream_parse(data, len, SW_XML_SCORECARD_XSD, &sax, &S.xs) &&
             !S.errs.count && !S.errs.lost && !S.L.oom && s->candidate && keep_ratings(s) == 0;
    }
    if (!ok) {
        s->ratings = NULL;     /* the scratch's */
        sw_scorecard_free(s);
        s = NULL;
    }
    done_scratch(&S);
    sw_errors_release(&S.errs);
    return s;
}
