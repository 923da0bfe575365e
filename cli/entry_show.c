/* entry_show.c - how the entry dialogue (entry_session.h) shows indicators,
 * answers, what a draft holds and the form's wheel. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "entry_session.h"
#include "termtext.h"

void session_say_wrapped(const char *text, size_t indent)
{
    struct sw_buf b = SW_BUF_INIT;
    for (size_t i = 0; i < indent; i++)
        sw_buf_addc(&b, ' ');
    sw_text_wrap(&b, text, indent, indent, 78);
    prompt_say("%s", sw_buf_str(&b));
    sw_buf_release(&b);
}

void session_say_value(double v)
{
    struct sw_buf b = SW_BUF_INIT;
    sw_buf_add_double(&b, v);
    prompt_say("%s", sw_buf_str(&b));
    sw_buf_release(&b);
}

void session_show_indicators(struct session *ss, size_t c)
{
    const struct sw_competency *k = &ss->r->competencies[c];
    struct sw_buf point = SW_BUF_INIT;
    for (size_t i = 0; i < k->n_indicators; i++) {
        sw_buf_reset(&point);
        sw_entry_describe_point(&ss->r->scale, k->indicators[i].value, &point);
        prompt_say("    %s%s%s\n", prompt_accent(&ss->p), sw_buf_str(&point),
                   prompt_plain(&ss->p));
        session_say_wrapped(k->indicators[i].text, 6);
    }
    sw_buf_release(&point);
}

void session_show_answer(const struct session *ss, size_t i)
{
    double v = sw_form_value(&ss->f, i);
    const char *evidence = sw_form_evidence(&ss->f, i);
    if (isnan(v)) {
        prompt_say("unanswered");
    } else {
        prompt_say("rated ");
        session_say_value(v);
    }
    if (*evidence) {
        size_t len = strcspn(evidence, "\n");
        size_t cut = sw_text_fit(evidence, len, 50);
        struct sw_buf b = SW_BUF_INIT;
        sw_text_add(&b, evidence, cut);
        prompt_say("; evidence: %s%s", sw_buf_str(&b), cut < len || evidence[len] ? "..." : "");
        sw_buf_release(&b);
    }
    prompt_say("\n");
}

/* A bar of `width` cells for v on the scale. */
static void add_bar(const struct session *ss, struct sw_buf *b, double v, size_t width)
{
    const struct sw_scale *sc = &ss->r->scale;
    size_t full = isnan(v) ? 0 : (size_t)lround((v - sc->min) / (sc->max - sc->min) * width);
    for (size_t k = 0; k < width; k++)
        sw_buf_adds(b, k < full ? (ss->p.utf8 ? "\u2588" : "#") : (ss->p.utf8 ? "\u00b7" : "."));
}

/* "  Answered 3 of 4 questions; recommendation: hire" and the unrated ones. */
static void add_count(const struct session *ss, struct sw_buf *b)
{
    const struct session_face *face = ss->face;
    sw_buf_addf(b, "  %s %zu of %zu %s", face->done, sw_form_answered(&ss->f), ss->f.n_items,
                face->items);
    if (sw_form_has_recommendation(&ss->f)) {
        enum sw_recommendation rec = ss->f.s->recommendation;
        sw_buf_addf(b, "; recommendation: %s",
                    rec == SW_REC_NONE ? "none" : sw_recommendation_name(rec));
    }
    sw_buf_addc(b, '\n');
    struct sw_buf ids = SW_BUF_INIT;
    if (sw_form_unrated(&ss->f, &ids))
        sw_buf_addf(b, "  Unrated: %s\n", sw_buf_str(&ids));
    sw_buf_release(&ids);
}

void session_show_summary(struct session *ss)
{
    const struct sw_rubric *r = ss->r;
    double *scores = calloc(r->n_competencies + 1, sizeof *scores);
    if (!scores)
        return;
    sw_form_scores(&ss->f, scores);
    struct sw_buf b = SW_BUF_INIT;
    sw_buf_addf(&b, "\n%s%s%s\n", prompt_bold(&ss->p), ss->face->wheel, prompt_plain(&ss->p));
    for (size_t p = 0; p < r->n_pillars; p++) {
        sw_buf_addf(&b, "  %s\n", r->pillars[p].name);
        for (size_t c = r->pillars[p].first; c < r->pillars[p].first + r->pillars[p].count; c++) {
            sw_buf_adds(&b, "    ");
            sw_text_cell(&b, r->competencies[c].name, 26);
            sw_text_number(&b, scores[c], 2, 5, 0);
            sw_buf_adds(&b, "  ");
            add_bar(ss, &b, scores[c], 20);
            sw_buf_addc(&b, '\n');
        }
    }
    add_count(ss, &b);
    prompt_say("%s", sw_buf_str(&b));
    sw_buf_release(&b);
    free(scores);
}

void session_show_resume(const struct session *ss)
{
    prompt_say("Resuming the draft %s: %zu of %zu %s answered.\n", ss->path,
               sw_form_answered(&ss->f), ss->f.n_items, ss->face->items);
    for (size_t i = 0; i < ss->f.n_items; i++) {
        prompt_say("  %zu. %s: ", i + 1, sw_form_item_id(&ss->f, i));
        session_show_answer(ss, i);
    }
    if (sw_form_has_recommendation(&ss->f) && ss->f.s->recommendation != SW_REC_NONE)
        prompt_say("  Recommendation: %s\n", sw_recommendation_name(ss->f.s->recommendation));
}
