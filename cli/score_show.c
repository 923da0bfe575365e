/* score_show.c - how `scorewheel score` shows questions, answers and the
 * scorecard's wheel. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "entry.h"
#include "score.h"
#include "termtext.h"

void score_say_wrapped(const char *text, size_t indent)
{
    struct sw_buf b = SW_BUF_INIT;
    for (size_t i = 0; i < indent; i++)
        sw_buf_addc(&b, ' ');
    sw_text_wrap(&b, text, indent, indent, 78);
    prompt_say("%s", sw_buf_str(&b));
    sw_buf_release(&b);
}

void score_say_value(double v)
{
    struct sw_buf b = SW_BUF_INIT;
    sw_buf_add_double(&b, v);
    prompt_say("%s", sw_buf_str(&b));
    sw_buf_release(&b);
}

static void show_indicators(struct session *ss, const struct sw_competency *c)
{
    struct sw_buf point = SW_BUF_INIT;
    for (size_t i = 0; i < c->n_indicators; i++) {
        sw_buf_reset(&point);
        sw_entry_describe_point(&ss->r->scale, c->indicators[i].value, &point);
        prompt_say("    %s%s%s\n", prompt_accent(&ss->p), sw_buf_str(&point),
                   prompt_plain(&ss->p));
        score_say_wrapped(c->indicators[i].text, 6);
    }
    sw_buf_release(&point);
}

void score_show_question(struct session *ss, size_t i)
{
    const struct sw_rating *rt = &ss->s->ratings[i];
    const struct sw_question *q = &ss->r->questions[rt->question];
    prompt_say("\n%sQuestion %zu of %zu (%s)%s\n", prompt_bold(&ss->p), i + 1, ss->n_questions,
               q->id, prompt_plain(&ss->p));
    score_say_wrapped(q->text, 2);
    for (size_t m = 0; m < q->n_measures; m++) {
        const struct sw_competency *c = &ss->r->competencies[q->measures[m].competency];
        prompt_say("  %sMeasures %s%s", prompt_bold(&ss->p), c->name, prompt_plain(&ss->p));
        if (q->measures[m].weight != 1) {
            prompt_say(" (weight ");
            score_say_value(q->measures[m].weight);
            prompt_say(")");
        }
        prompt_say("\n");
        show_indicators(ss, c);
    }
}

/* "4, evidence: first line..." for one answered rating. */
void score_show_answer(const struct sw_rating *rt)
{
    if (isnan(rt->value)) {
        prompt_say("unanswered");
    } else {
        prompt_say("rated ");
        score_say_value(rt->value);
    }
    if (*rt->evidence) {
        size_t len = strcspn(rt->evidence, "\n");
        size_t cut = sw_text_fit(rt->evidence, len, 50);
        struct sw_buf b = SW_BUF_INIT;
        sw_text_add(&b, rt->evidence, cut);
        prompt_say("; evidence: %s%s", sw_buf_str(&b), cut < len || rt->evidence[len] ? "..." : "");
        sw_buf_release(&b);
    }
    prompt_say("\n");
}

/* A bar of `width` cells for v on the scale. */
static void add_bar(struct session *ss, struct sw_buf *b, double v, size_t width)
{
    const struct sw_scale *sc = &ss->r->scale;
    size_t full = isnan(v) ? 0 : (size_t)lround((v - sc->min) / (sc->max - sc->min) * width);
    for (size_t k = 0; k < width; k++)
        sw_buf_adds(b, k < full ? (ss->p.utf8 ? "\u2588" : "#") : (ss->p.utf8 ? "\u00b7" : "."));
}

void score_show_summary(struct session *ss)
{
    const struct sw_rubric *r = ss->r;
    double *scores = calloc(2 * r->n_competencies + 1, sizeof *scores);
    if (!scores)
        return;
    sw_scorecard_scores(r, ss->s, scores, scores + r->n_competencies);
    struct sw_buf b = SW_BUF_INIT;
    sw_buf_addf(&b, "\n%sThis scorecard's wheel%s (weighted mean of the ratings per competency)\n",
                prompt_bold(&ss->p), prompt_plain(&ss->p));
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
    size_t unanswered = 0;
    for (size_t i = 0; i < ss->n_questions; i++)
        unanswered += isnan(ss->s->ratings[i].value);
    sw_buf_addf(&b, "  Answered %zu of %zu questions; recommendation: %s\n",
                ss->n_questions - unanswered, ss->n_questions,
                ss->s->recommendation == SW_REC_NONE ? "none"
                : sw_recommendation_name(ss->s->recommendation));
    prompt_say("%s", sw_buf_str(&b));
    sw_buf_release(&b);
    free(scores);
}

void score_show_resume(const struct session *ss)
{
    size_t answered = 0;
    for (size_t i = 0; i < ss->n_questions; i++)
        answered += !isnan(ss->s->ratings[i].value);
    prompt_say("Resuming the draft %s: %zu of %zu questions answered.\n", ss->path, answered,
               ss->n_questions);
    for (size_t i = 0; i < ss->n_questions; i++) {
        const struct sw_rating *rt = &ss->s->ratings[i];
        prompt_say("  %zu. %s: ", i + 1, ss->r->questions[rt->question].id);
        score_show_answer(rt);
    }
    if (ss->s->recommendation != SW_REC_NONE)
        prompt_say("  Recommendation: %s\n", sw_recommendation_name(ss->s->recommendation));
}
