/* entry.c - a scorecard's entry form: the blank draft, the editable copy,
 * reading typed values, and its XML (entry.h). */
#include "entry.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/entry_int.h"
#include "timestamp.h"
#include "render/template.h"
#include "util/utf8.h"

/* --- building ------------------------------------------------------------ */

static struct sw_scorecard *new_card(const struct sw_rubric *r, size_t n_ratings)
{
    struct sw_scorecard *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    sw_arena_init(&s->arena);
    s->ratings = sw_arena_calloc(&s->arena, n_ratings ? n_ratings : 1, sizeof *s->ratings);
    s->rubric = sw_arena_strdup(&s->arena, r->id);
    if (!s->ratings || !s->rubric) {
        sw_scorecard_free(s);
        return NULL;
    }
    s->path = s->submitted_at = s->created = s->scheduled = s->candidate_name = s->notes = "";
    s->recommendation = SW_REC_NONE;
    s->level = -1;
    return s;
}

/* One unanswered rating per question of the interview, in rubric order. */
static void add_questions(const struct sw_rubric *r, struct sw_scorecard *s)
{
    const struct sw_interview *iv = &r->interviews[s->interview];
    for (size_t q = iv->first; q < iv->first + iv->count; q++)
        s->ratings[s->n_ratings++] = (struct sw_rating){ (long)q, -1, NAN, "", 0 };
}

struct sw_scorecard *sw_entry_blank(const struct sw_rubric *r, size_t interview,
                                    const char *candidate, const char *interviewer, long level,
                                    const char *name, struct sw_errors *errs)
{
    struct sw_scorecard *s = new_card(r, r->interviews[interview].count);
    if (s) {
        s->interview = interview;
        s->level = level;
        s->candidate = sw_arena_strdup(&s->arena, candidate);
        s->interviewer = sw_arena_strdup(&s->arena, interviewer);
        s->candidate_name = sw_arena_strdup(&s->arena, name ? name : "");
    }
    if (!s || !s->candidate || !s->interviewer || !s->candidate_name) {
        sw_scorecard_free(s);
        sw_fail_oom(errs, NULL);
        return NULL;
    }
    add_questions(r, s);
    return s;
}

int sw_entry_copy(struct sw_arena *a, const char **field, const char *text)
{
    char *copy = sw_arena_strdup(a, text ? text : "");
    if (!copy)
        return -1;
    *field = copy;
    return 0;
}

static int copy_text(struct sw_scorecard *s, const char **field, const char *text)
{
    return sw_entry_copy(&s->arena, field, text);
}

struct sw_scorecard *sw_entry_from(const struct sw_rubric *r, const struct sw_scorecard *from,
                                   struct sw_errors *errs)
{
    size_t direct = 0;
    for (size_t i = 0; i < from->n_ratings; i++)
        direct += from->ratings[i].question < 0;
    struct sw_scorecard *s = new_card(r, r->interviews[from->interview].count + direct);
    if (!s) {
        sw_fail_oom(errs, from->path);
        return NULL;
    }
    s->interview = from->interview;
    s->level = from->level;
    s->submitted = from->submitted;
    s->recommendation = from->recommendation;
    add_questions(r, s);
    int failed = copy_text(s, &s->path, from->path) | copy_text(s, &s->candidate, from->candidate)
               | copy_text(s, &s->interviewer, from->interviewer)
               | copy_text(s, &s->submitted_at, from->submitted_at)
               | copy_text(s, &s->created, from->created)
               | copy_text(s, &s->scheduled, from->scheduled)
               | copy_text(s, &s->candidate_name, from->candidate_name)
               | copy_text(s, &s->notes, from->notes);
    size_t first = r->interviews[s->interview].first;
    for (size_t i = 0; i < from->n_ratings && !failed; i++) {
        const struct sw_rating *rt = &from->ratings[i];
        struct sw_rating *to = rt->question >= 0 ? &s->ratings[(size_t)rt->question - first]
                                                 : &s->ratings[s->n_ratings++];
        *to = *rt;
        failed |= copy_text(s, &to->evidence, rt->evidence);
    }
    if (failed) {
        sw_scorecard_free(s);
        sw_fail_oom(errs, from->path);
        return NULL;
    }
    return s;
}

int sw_entry_id_ok(const char *id)
{
    if (!*id || *id == '.' || *id == '-')
        return 0;
    for (const char *p = id; *p; p++)
        if (!isalnum((unsigned char)*p) && !strchr("._-", *p))
            return 0;
    return 1;
}

char *sw_entry_default_path(const char *candidate, const char *interview,
                            const char *interviewer)
{
    struct sw_buf b = SW_BUF_INIT;
    sw_buf_addf(&b, "%s/%s--%s.xml", candidate, interview, interviewer);
    if (b.failed) {
        sw_buf_release(&b);
        return NULL;
    }
    return sw_buf_detach(&b, NULL);
}

/* --- editing ------------------------------------------------------------- */

int sw_entry_set_rating(struct sw_scorecard *s, size_t i, double value, const char *evidence)
{
    s->ratings[i].value = value;
    return evidence ? copy_text(s, &s->ratings[i].evidence, evidence) : 0;
}

int sw_entry_set_text(struct sw_scorecard *s, const char **field, const char *text)
{
    return copy_text(s, field, text);
}

int sw_entry_stamp_submitted(struct sw_arena *a, int *submitted, const char **at, time_t t)
{
    char stamp[21] = "";
    if (t != (time_t)-1 && sw_utc_format(t, stamp) < 0)
        return -1;
    *submitted = t != (time_t)-1;
    return sw_entry_copy(a, at, stamp);
}

int sw_entry_stamp_created(struct sw_arena *a, const char **created, time_t t)
{
    char stamp[21];
    if (**created)
        return 0;
    return sw_utc_format(t, stamp) < 0 ? -1 : sw_entry_copy(a, created, stamp);
}

int sw_entry_set_submitted(struct sw_scorecard *s, time_t t)
{
    return sw_entry_stamp_submitted(&s->arena, &s->submitted, &s->submitted_at, t);
}

int sw_entry_set_created(struct sw_scorecard *s, time_t t)
{
    return sw_entry_stamp_created(&s->arena, &s->created, t);
}

/* --- reading answers ----------------------------------------------------- */

/* Whether typed text equals label, ignoring case and runs of blanks. */
static int same_label(const char *typed, const char *label)
{
    for (;;) {
        while (*typed == ' ' || *typed == '\t')
            typed++;
        while (*label == ' ')
            label++;
        if (!*typed || !*label)
            return !*typed && !*label;
        const char *t = typed, *l = label;
        while (*t && *t != ' ' && *t != '\t' && *l && *l != ' ' &&
               tolower((unsigned char)*t) == tolower((unsigned char)*l))
            t++, l++;
        int t_end = !*t || *t == ' ' || *t == '\t';
        int l_end = !*l || *l == ' ';
        if (!t_end || !l_end)
            return 0;
        typed = t;
        label = l;
    }
}

int sw_entry_parse_value(const struct sw_scale *sc, const char *text, double *value)
{
    for (size_t i = 0; i < sc->n_anchors; i++)
        if (same_label(text, sc->anchors[i].label)) {
            *value = sc->anchors[i].value;
            return 0;
        }
    while (*text == ' ' || *text == '\t')
        text++;
    char *end;
    double v = strtod(text, &end);
    while (end != text && (*end == ' ' || *end == '\t'))
        end++;
    /* strtod also reads "nan", "inf" and hexadecimal: a rating is decimal digits. */
    for (const char *p = text; p < end; p++)
        if (!isdigit((unsigned char)*p) && !strchr(".+- \t", *p))
            return -1;
    if (end == text || *end || !isfinite(v) || !sw_scale_contains(sc, v))
        return -1;
    *value = v == 0 ? 0 : v;   /* no "-0" in files */
    return 0;
}

int sw_entry_describe_scale(const struct sw_scale *sc, struct sw_buf *out)
{
    sw_buf_add_double(out, sc->min);
    sw_buf_adds(out, " to ");
    sw_buf_add_double(out, sc->max);
    sw_buf_adds(out, " in steps of ");
    sw_buf_add_double(out, sc->step);
    for (size_t i = 0; i < sc->n_anchors; i++) {
        sw_buf_adds(out, i ? ", " : "; anchors: ");
        sw_buf_add_double(out, sc->anchors[i].value);
        sw_buf_addf(out, " %s", sc->anchors[i].label);
    }
    return out->failed ? -1 : 0;
}

int sw_entry_describe_point(const struct sw_scale *sc, double v, struct sw_buf *out)
{
    const char *label = sw_scale_anchor_label(sc, v);
    sw_buf_add_double(out, v);
    if (label)
        sw_buf_addf(out, " %s", label);
    return out->failed ? -1 : 0;
}

/* Length of the well-formed UTF-8 character at p (at most n bytes), 0 when
 * invalid (utf8.h) or when XML 1.0 forbids it: U+FFFE and U+FFFF. */
static size_t utf8_length(const unsigned char *p, size_t n)
{
    uint32_t cp;
    size_t len = sw_utf8_decode((const char *)p, n, &cp);
    return cp == 0xFFFE || cp == 0xFFFF ? 0 : len;
}

size_t sw_entry_clean_text(const char *text, size_t len, struct sw_buf *out)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t changed = 0;
    while (len) {
        size_t n = utf8_length(p, len);
        if (n == 0) {
            sw_buf_adds(out, "\xEF\xBF\xBD");
            n = 1;
            changed++;
        } else if ((p[0] < 0x20 && p[0] != '\t' && p[0] != '\n') || p[0] == 0x7F) {
            changed++;
        } else {
            sw_buf_add(out, p, n);
        }
        p += n;
        len -= n;
    }
    return out->failed ? (size_t)-1 : changed;
}

/* --- output -------------------------------------------------------------- */

/* "Technical Judgment (weight 2), Technical Expertise" */
static int set_measures(const struct sw_rubric *r, const struct sw_question *q,
                        struct sw_tpl_scope *t)
{
    struct sw_buf b = SW_BUF_INIT;
    for (size_t m = 0; m < q->n_measures; m++) {
        sw_buf_adds(&b, m ? ", " : "");
        sw_buf_adds(&b, r->competencies[q->measures[m].competency].name);
        if (q->measures[m].weight != 1) {
            sw_buf_adds(&b, " (weight ");
            sw_buf_add_double(&b, q->measures[m].weight);
            sw_buf_addc(&b, ')');
        }
    }
    int rc = b.failed ? -1 : sw_tpl_set(t, "measures", sw_buf_str(&b));
    sw_buf_release(&b);
    return rc;
}

static int set_anchor(const struct sw_scale *sc, double v, struct sw_tpl_scope *t)
{
    struct sw_buf b = SW_BUF_INIT;
    int rc = sw_entry_describe_point(sc, v, &b) < 0 ? -1 : sw_tpl_set(t, "anchor", b.data);
    sw_buf_release(&b);
    return rc;
}

static int add_guide(const struct sw_rubric *r, const struct sw_question *q,
                     struct sw_tpl_scope *t)
{
    int rc = sw_tpl_set(t, "text", q->text) | set_measures(r, q, t);
    for (size_t m = 0; m < q->n_measures && rc == 0; m++) {
        const struct sw_competency *c = &r->competencies[q->measures[m].competency];
        struct sw_tpl_scope *ct = sw_tpl_add(t, "competencies");
        rc = ct ? sw_tpl_set(ct, "name", c->name) : -1;
        for (size_t i = 0; i < c->n_indicators && rc == 0; i++) {
            struct sw_tpl_scope *it = sw_tpl_add(ct, "indicators");
            rc = it ? set_anchor(&r->scale, c->indicators[i].value, it) |
                      sw_tpl_set(it, "text", c->indicators[i].text) : -1;
        }
    }
    return rc;
}

static int add_rating(const struct sw_rubric *r, const struct sw_rating *rt, int guide,
                      struct sw_tpl_scope *top)
{
    struct sw_tpl_scope *t = sw_tpl_add(top, rt->question >= 0 ? "questions" : "direct");
    if (!t)
        return -1;
    int rc = sw_tpl_set_number(t, "value", rt->value) | sw_tpl_set(t, "evidence", rt->evidence);
    if (rt->question < 0)
        return rc | sw_tpl_set(t, "competency", r->competencies[rt->competency].id);
    const struct sw_question *q = &r->questions[rt->question];
    rc |= sw_tpl_set(t, "question", q->id);
    return guide ? rc | add_guide(r, q, t) : rc;
}

static int set_header(const struct sw_rubric *r, const struct sw_scorecard *s, int guide,
                      struct sw_tpl_scope *t)
{
    const struct sw_interview *iv = &r->interviews[s->interview];
    struct sw_buf scale = SW_BUF_INIT;
    sw_entry_describe_scale(&r->scale, &scale);
    sw_buf_adds(&scale, " (values in between are allowed).");
    int rc = scale.failed ? -1 : sw_tpl_set(t, "scale", sw_buf_str(&scale));
    sw_buf_release(&scale);
    rc |= sw_tpl_set(t, "guide", guide ? "yes" : "")
        | sw_tpl_set(t, "rubric", r->id) | sw_tpl_set(t, "rubric_name", r->name)
        | sw_tpl_set(t, "interview", iv->id) | sw_tpl_set(t, "interview_name", iv->name)
        | (iv->minutes ? sw_tpl_setf(t, "minutes", "%d", iv->minutes)
                       : sw_tpl_set(t, "minutes", ""))
        | sw_tpl_set(t, "recommendations", "strong-no-hire, no-hire, hire, strong-hire")
        | sw_tpl_set(t, "candidate", s->candidate)
        | sw_tpl_set(t, "interviewer", s->interviewer)
        | sw_tpl_set(t, "level", s->level >= 0 ? r->levels[s->level].id : "")
        | sw_tpl_set(t, "status", s->submitted ? "submitted" : "draft")
        | sw_tpl_set(t, "submitted", s->submitted_at)
        | sw_tpl_set(t, "created", s->created)
        | sw_tpl_set(t, "scheduled", s->scheduled)
        | sw_tpl_set(t, "candidate_name", s->candidate_name)
        | sw_tpl_set(t, "recommendation", sw_recommendation_name(s->recommendation))
        | sw_tpl_set(t, "notes", s->notes);
    return rc;
}

int sw_entry_render(const char *tpl,
                    int (*fill)(struct sw_tpl_scope *top, const struct sw_rubric *r,
                                const void *doc, int guide),
                    const struct sw_rubric *r, const void *doc, int guide, const char *path,
                    struct sw_buf *out, struct sw_errors *errs)
{
    struct sw_arena arena = SW_ARENA_INIT;
    struct sw_tpl_scope *top = sw_tpl_scope_new(&arena);
    int rc = top ? fill(top, r, doc, guide) : -1;
    if (rc < 0)
        sw_fail_oom(errs, path);
    else
        rc = sw_tpl_render(tpl, top, SW_TPL_XML, out, errs);
    sw_arena_release(&arena);
    return rc;
}

static int fill_card(struct sw_tpl_scope *top, const struct sw_rubric *r, const void *doc,
                     int guide)
{
    const struct sw_scorecard *s = doc;
    int rc = set_header(r, s, guide, top);
    for (size_t i = 0; i < s->n_ratings && rc == 0; i++)
        rc = add_rating(r, &s->ratings[i], guide, top);
    return rc;
}

int sw_entry_xml(const struct sw_rubric *r, const struct sw_scorecard *s, unsigned flags,
                 struct sw_buf *out, struct sw_errors *errs)
{
    return sw_entry_render("scorecard.xml", fill_card, r, s, (flags & SW_ENTRY_GUIDE) != 0,
                           s->path, out, errs);
}
