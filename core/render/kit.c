/* kit.c - the interviewer's kit for one interview, as Markdown or text (kit.h). */
#include "kit.h"

#include <string.h>

#include "entry.h"
#include "render/template.h"

/* Sets `key` to text with every run of white space made one space and the
 * ends trimmed: rubric texts are paragraphs, whatever their line breaks. */
static int set_flat(struct sw_tpl_scope *t, const char *key, const char *text)
{
    struct sw_buf b = SW_BUF_INIT;
    for (const char *p = text; *p; p++) {
        if (!strchr(" \t\r\n", *p))
            sw_buf_addc(&b, *p);
        else if (b.len && b.data[b.len - 1] != ' ')
            sw_buf_addc(&b, ' ');
    }
    if (b.len && b.data[b.len - 1] == ' ')
        b.data[--b.len] = '\0';
    int rc = b.failed ? -1 : sw_tpl_set(t, key, sw_buf_str(&b));
    sw_buf_release(&b);
    return rc;
}

static int add_competency(const struct sw_rubric *r, const struct sw_measure *m,
                          struct sw_tpl_scope *q)
{
    const struct sw_competency *c = &r->competencies[m->competency];
    struct sw_tpl_scope *t = sw_tpl_add(q, "competencies");
    if (!t)
        return -1;
    int rc = set_flat(t, "name", c->name) | set_flat(t, "pillar", r->pillars[c->pillar].name)
           | set_flat(t, "description", c->description ? c->description : "")
           | sw_tpl_set(t, "has_indicators", c->n_indicators ? "yes" : "")
           | sw_tpl_setf(t, "heading", "%s (%s)", c->name, r->pillars[c->pillar].name);
    for (size_t i = 0; i < c->n_indicators && rc == 0; i++) {
        struct sw_tpl_scope *it = sw_tpl_add(t, "indicators");
        if (!it)
            return -1;
        struct sw_buf anchor = SW_BUF_INIT;
        rc = sw_entry_describe_point(&r->scale, c->indicators[i].value, &anchor) < 0
             ? -1 : set_flat(it, "anchor", sw_buf_str(&anchor));
        sw_buf_release(&anchor);
        rc |= set_flat(it, "text", c->indicators[i].text);
    }
    return rc;
}

static int add_question(const struct sw_rubric *r, size_t number, const struct sw_question *q,
                        struct sw_tpl_scope *top)
{
    struct sw_tpl_scope *t = sw_tpl_add(top, "questions");
    if (!t)
        return -1;
    struct sw_buf measures = SW_BUF_INIT;
    for (size_t m = 0; m < q->n_measures; m++) {
        sw_buf_addf(&measures, "%s%s (weight ", m ? ", " : "",
                    r->competencies[q->measures[m].competency].name);
        sw_buf_add_double(&measures, q->measures[m].weight);
        sw_buf_addc(&measures, ')');
    }
    int rc = measures.failed ? -1 : set_flat(t, "measures", sw_buf_str(&measures));
    sw_buf_release(&measures);
    rc |= sw_tpl_setf(t, "number", "%zu", number) | sw_tpl_set(t, "question", q->id)
        | set_flat(t, "text", q->text);
    for (size_t m = 0; m < q->n_measures && rc == 0; m++)
        rc = add_competency(r, &q->measures[m], t);
    return rc;
}

static int set_scale(const struct sw_rubric *r, struct sw_tpl_scope *top)
{
    struct sw_buf b = SW_BUF_INIT;
    sw_entry_describe_scale(&r->scale, &b);
    sw_buf_adds(&b, "; values in between are allowed.");
    int rc = b.failed ? -1 : sw_tpl_set(top, "scale", sw_buf_str(&b));
    sw_buf_reset(&b);
    sw_buf_add_double(&b, r->scale.min);
    sw_buf_addc(&b, '-');
    sw_buf_add_double(&b, r->scale.max);
    sw_buf_adds(&b, ", step ");
    sw_buf_add_double(&b, r->scale.step);
    rc |= b.failed ? -1 : sw_tpl_set(top, "range", sw_buf_str(&b));
    sw_buf_release(&b);
    for (size_t i = 0; i < r->scale.n_anchors && rc == 0; i++) {
        struct sw_tpl_scope *a = sw_tpl_add(top, "anchors");
        rc = a ? sw_tpl_set_number(a, "value", r->scale.anchors[i].value) |
                 set_flat(a, "label", r->scale.anchors[i].label) : -1;
    }
    return rc;
}

int sw_kit(const struct sw_rubric *r, size_t interview, enum sw_kit_format format,
           struct sw_buf *out, struct sw_errors *errs)
{
    const struct sw_interview *iv = &r->interviews[interview];
    struct sw_arena arena = SW_ARENA_INIT;
    struct sw_tpl_scope *top = sw_tpl_scope_new(&arena);
    int rc = top ? 0 : -1;
    if (top)
        rc = set_flat(top, "rubric", r->id) | set_flat(top, "rubric_name", r->name)
           | set_flat(top, "version", r->version) | set_flat(top, "interview", iv->id)
           | sw_tpl_setf(top, "rubric_line", "%s (%s, version %s)", r->name, r->id, r->version)
           | set_flat(top, "interview_name", iv->name)
           | set_flat(top, "description", iv->description ? iv->description : "")
           | (iv->minutes ? sw_tpl_setf(top, "minutes", "%d", iv->minutes)
                          : sw_tpl_set(top, "minutes", ""))
           | sw_tpl_setf(top, "count", "%zu", iv->count) | set_scale(r, top);
    for (size_t q = 0; q < iv->count && rc == 0; q++)
        rc = add_question(r, q + 1, &r->questions[iv->first + q], top);
    if (rc < 0)
        sw_fail_oom(errs, r->path);
    else if (format == SW_KIT_MARKDOWN)
        rc = sw_tpl_render("kit.md", top, SW_TPL_MD, out, errs);
    else
        rc = sw_tpl_render("kit.txt", top, SW_TPL_RAW, out, errs);
    sw_arena_release(&arena);
    return rc;
}
