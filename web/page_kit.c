/* page_kit.c - /kit/INTERVIEW: the interviewer's kit in the browser: every
 * question with what it measures and the indicators at the scale's anchors. */
#include <stdio.h>
#include <string.h>

#include "entry.h"
#include "render/template.h"
#include "web.h"

int web_question_fields(const struct sw_rubric *r, size_t question, struct sw_tpl_scope *t)
{
    const struct sw_question *q = &r->questions[question];
    struct sw_buf measures = SW_BUF_INIT;
    int rc = sw_tpl_set(t, "text", q->text);
    for (size_t m = 0; m < q->n_measures && rc == 0; m++) {
        const struct sw_competency *comp = &r->competencies[q->measures[m].competency];
        sw_buf_adds(&measures, m ? ", " : "");
        sw_buf_adds(&measures, comp->name);
        if (q->measures[m].weight != 1) {
            sw_buf_adds(&measures, " (weight ");
            sw_buf_add_double(&measures, q->measures[m].weight);
            sw_buf_addc(&measures, ')');
        }
        struct sw_tpl_scope *ct = sw_tpl_add(t, "competencies");
        rc = ct ? sw_tpl_set(ct, "name", comp->name) : -1;
        for (size_t i = 0; i < comp->n_indicators && rc == 0; i++) {
            struct sw_tpl_scope *it = sw_tpl_add(ct, "indicators");
            struct sw_buf anchor = SW_BUF_INIT;
            sw_entry_describe_point(&r->scale, comp->indicators[i].value, &anchor);
            rc = !it || anchor.failed ? -1 : sw_tpl_set(it, "anchor", sw_buf_str(&anchor)) |
                                             sw_tpl_set(it, "text", comp->indicators[i].text);
            sw_buf_release(&anchor);
        }
    }
    rc |= measures.failed ? -1 : sw_tpl_set(t, "measures", sw_buf_str(&measures));
    sw_buf_release(&measures);
    return rc;
}

int web_scale_field(const struct sw_rubric *r, struct sw_tpl_scope *top)
{
    struct sw_buf b = SW_BUF_INIT;
    sw_entry_describe_scale(&r->scale, &b);
    int rc = b.failed ? -1 : sw_tpl_set(top, "scale", sw_buf_str(&b));
    sw_buf_release(&b);
    return rc;
}

static int kit_fields(const struct sw_rubric *r, const struct sw_interview *iv,
                      struct sw_tpl_scope *s)
{
    int rc = sw_tpl_set(s, "interview_name", iv->name) | sw_tpl_set(s, "rubric_name", r->name)
           | (iv->minutes ? sw_tpl_setf(s, "minutes", "%d", iv->minutes) : 0)
           | sw_tpl_setf(s, "count", "%zu", iv->count)
           | sw_tpl_set(s, "description", iv->description ? iv->description : "")
           | web_scale_field(r, s);
    for (size_t q = iv->first; q < iv->first + iv->count && rc == 0; q++) {
        struct sw_tpl_scope *t = sw_tpl_add(s, "questions");
        rc = !t ? -1 : sw_tpl_setf(t, "number", "%zu", q - iv->first + 1) |
                       web_question_fields(r, q, t);
    }
    return rc;
}

void web_page_kit(struct web_ctx *c)
{
    const struct sw_rubric *r = c->srv->index.rubric;
    long iv = sw_rubric_interview(r, c->path.seg[1]);
    struct web_access a = { .role = c->me.role, .page = WEB_PAGE_KIT, .write = c->post };
    if (iv >= 0 && c->me.role == SW_ROLE_INTERVIEWER) {
        a.mine = web_index_has_interview(&c->srv->index, c->path.seg[1], c->me.id, 1)
                 ? WEB_CARD_DRAFT : WEB_CARD_NONE;
    }
    if (web_allow(c, &a) < 0)
        return;
    if (iv < 0 || c->post) {
        web_message(c, 404, "Not found", "There is no such page.");
        return;
    }
    struct sw_arena arena = SW_ARENA_INIT;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    if (s && kit_fields(r, &r->interviews[iv], s) == 0)
        web_render(c, 200, r->interviews[iv].name, "kit.html", s, &arena);
    else
        web_message(c, 500, "Error", "Out of memory.");
    sw_arena_release(&arena);
}
