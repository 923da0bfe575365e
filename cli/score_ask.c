/* score_ask.c - the conversation of `scorewheel score`: one step at a time,
 * each question's rating and evidence, the recommendation, the notes and the
 * submission; the session around it is cmd_score.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "choice.h"
#include "entry.h"
#include "prompt.h"
#include "score.h"

static const char help_text[] =
    "  A rating is a number on the scale (%s),\n"
    "  or an anchor's name. Other answers:\n"
    "    skip   leave this question unanswered and go on\n"
    "    back   return to the previous question\n"
    "    quit   stop here; the draft keeps everything entered so far\n"
    "    Enter  keep the current rating (when there is one)\n"
    "  Any word may be cut to a start no other answer here shares, an anchor's\n"
    "  name too: s=skip means 's' is enough for skip.\n";

/* --- the questions ------------------------------------------------------- */

static void trim(struct sw_buf *b)
{
    size_t start = strspn(sw_buf_str(b), " \t");
    size_t end = b->len;
    while (end > start && (b->data[end - 1] == ' ' || b->data[end - 1] == '\t'))
        end--;
    if (b->len) {
        memmove(b->data, b->data + start, end - start);
        b->len = end - start;
        b->data[b->len] = '\0';
    }
}

static enum step read_failed(struct session *ss, enum prompt_result r)
{
    ss->ended_by_signal = r == PROMPT_INTERRUPTED;
    return STEP_END;
}

/* Asks `question` followed by " (", words[first] to words[last - 1] marked
 * (choice.h), `more` and "): "; *typed is the trimmed answer, *word the
 * index of the word it names or CHOICE_NONE (an ambiguous start is
 * explained and asked again). Returns STEP_NEXT, or STEP_END when reading
 * failed. */
static enum step ask_word(struct session *ss, const char *question, const char *const *words,
                          size_t n, size_t first, size_t last, const char *more,
                          const char **typed, long *word)
{
    struct sw_buf ask = SW_BUF_INIT;
    sw_buf_addf(&ask, "%s (", question);
    for (size_t i = first; i < last; i++) {
        sw_buf_adds(&ask, i > first ? ", " : "");
        choice_mark(&ask, words, n, i);
    }
    sw_buf_addf(&ask, "%s): ", more);
    for (;;) {
        enum prompt_result r = prompt_line(&ss->p, sw_buf_str(&ask), &ss->line);
        if (r != PROMPT_LINE) {
            sw_buf_release(&ask);
            return read_failed(ss, r);
        }
        trim(&ss->line);
        *typed = sw_buf_str(&ss->line);
        *word = choice_find(words, n, *typed);
        if (*word != CHOICE_AMBIGUOUS)
            break;
        struct sw_buf why = SW_BUF_INIT;
        choice_explain(&why, words, n, *typed);
        prompt_say("%s%s%s\n", prompt_red(&ss->p), sw_buf_str(&why), prompt_plain(&ss->p));
        sw_buf_release(&why);
    }
    sw_buf_release(&ask);
    return STEP_NEXT;
}

static enum step ask_evidence(struct session *ss, size_t i)
{
    const struct sw_rating *rt = &ss->s->ratings[i];
    prompt_say("Evidence: what the candidate said and did (end with an empty line%s):\n",
               *rt->evidence ? "; an empty first line keeps what is there" : "");
    enum prompt_result r = prompt_lines(&ss->p, &ss->text);
    if (ss->text.len) {
        if (sw_entry_set_rating(ss->s, i, rt->value, sw_buf_str(&ss->text)) < 0 || score_save(ss) < 0)
            return STEP_FAIL;
    }
    return r == PROMPT_LINE ? STEP_NEXT : read_failed(ss, r);
}

static void explain_value(struct session *ss, const char *typed)
{
    const struct sw_scale *sc = &ss->r->scale;
    struct sw_buf b = SW_BUF_INIT;
    if (*typed)
        sw_buf_addf(&b, "'%s' is not a rating: enter", typed);
    else
        sw_buf_adds(&b, "Enter a rating (or skip):");
    sw_buf_adds(&b, " a number from ");
    sw_buf_add_double(&b, sc->min);
    sw_buf_adds(&b, " to ");
    sw_buf_add_double(&b, sc->max);
    sw_buf_adds(&b, " in steps of ");
    sw_buf_add_double(&b, sc->step);
    for (size_t i = 0; i < sc->n_anchors; i++) {
        sw_buf_addf(&b, "%s%s (", i ? ", " : ", or an anchor: ", sc->anchors[i].label);
        sw_buf_add_double(&b, sc->anchors[i].value);
        sw_buf_addc(&b, ')');
    }
    prompt_say("%s%s.%s\n", prompt_red(&ss->p), sw_buf_str(&b), prompt_plain(&ss->p));
    sw_buf_release(&b);
}

/* The rating prompt's words: these four, then the scale's anchors. */
enum { W_SKIP, W_BACK, W_QUIT, W_HELP, W_ANCHORS };

static enum step ask_value_of(struct session *ss, size_t i, const char **words, size_t n)
{
    const struct sw_rating *rt = &ss->s->ratings[i];
    for (;;) {
        struct sw_buf q = SW_BUF_INIT;
        sw_buf_adds(&q, "Rating");
        if (!isnan(rt->value)) {
            sw_buf_adds(&q, " [");
            sw_buf_add_double(&q, rt->value);
            sw_buf_adds(&q, "]");
        }
        const char *typed;
        long w;
        enum step st = ask_word(ss, sw_buf_str(&q), words, n, 0, W_HELP, ", ?", &typed, &w);
        sw_buf_release(&q);
        double v;
        if (st != STEP_NEXT)
            return st;
        if (!*typed && !isnan(rt->value))
            return ask_evidence(ss, i);
        if (w == W_SKIP) {
            prompt_say("Skipped: %s stays unanswered.\n", ss->r->questions[rt->question].id);
            if (sw_entry_set_rating(ss->s, i, NAN, NULL) < 0 || score_save(ss) < 0)
                return STEP_FAIL;
            return STEP_NEXT;
        }
        if (w == W_BACK || w == W_QUIT)
            return w == W_BACK ? STEP_BACK : STEP_QUIT;
        if (w == W_HELP || strcmp(typed, "?") == 0)
            prompt_say(help_text, sw_buf_str(&ss->scale));
        else if (w >= W_ANCHORS || sw_entry_parse_value(&ss->r->scale, typed, &v) == 0)
            return sw_entry_set_rating(ss->s, i, w >= W_ANCHORS
                                       ? ss->r->scale.anchors[w - W_ANCHORS].value : v,
                                       NULL) < 0 || score_save(ss) < 0
                   ? STEP_FAIL : ask_evidence(ss, i);
        else
            explain_value(ss, typed);
    }
}

static enum step ask_value(struct session *ss, size_t i)
{
    const struct sw_scale *sc = &ss->r->scale;
    const char **words = malloc((W_ANCHORS + sc->n_anchors) * sizeof *words);
    if (!words) {
        fputs("scorewheel: error: out of memory\n", stderr);
        return STEP_FAIL;
    }
    static const char *const fixed[] = { "skip", "back", "quit", "help" };
    memcpy(words, fixed, sizeof fixed);
    for (size_t k = 0; k < sc->n_anchors; k++)
        words[W_ANCHORS + k] = sc->anchors[k].label;
    enum step st = ask_value_of(ss, i, words, W_ANCHORS + sc->n_anchors);
    free(words);
    return st;
}

static enum step ask_question(struct session *ss, size_t i)
{
    score_show_question(ss, i);
    const struct sw_rating *rt = &ss->s->ratings[i];
    if (!isnan(rt->value) || *rt->evidence) {
        prompt_say("  So far: ");
        score_show_answer(rt);
    }
    return ask_value(ss, i);
}

/* --- recommendation, notes, summary, submission --------------------------- */

static enum step ask_recommendation(struct session *ss)
{
    /* The recommendations in enum order, then the other answers. */
    static const char *const words[] = { "strong-no-hire", "no-hire", "hire", "strong-hire",
                                         "skip", "back", "quit" };
    struct sw_buf q = SW_BUF_INIT;
    sw_buf_addf(&q, "\n%sRecommendation%s: ", prompt_bold(&ss->p), prompt_plain(&ss->p));
    for (size_t k = 0; k < SW_REC_COUNT; k++)
        sw_buf_addf(&q, "%s%s", k == 0 ? "" : k + 1 == SW_REC_COUNT ? " or " : ", ", words[k]);
    const char *current = sw_recommendation_name(ss->s->recommendation);
    if (*current)
        sw_buf_addf(&q, " [%s]", current);
    enum step st;
    for (;;) {
        const char *typed;
        long w;
        st = ask_word(ss, sw_buf_str(&q), words, 7, SW_REC_COUNT, SW_REC_COUNT + 2, "", &typed,
                      &w);
        if (st != STEP_NEXT || (!*typed && *current))
            break;
        if (w == 5 || w == 6) {
            st = w == 5 ? STEP_BACK : STEP_QUIT;
            break;
        }
        if (w >= 0) {
            ss->s->recommendation = w == 4 ? SW_REC_NONE : (enum sw_recommendation)w;
            st = score_save(ss) < 0 ? STEP_FAIL : STEP_NEXT;
            break;
        }
        prompt_say("%s'%s' is not a recommendation: type one, or a start only it has "
                   "(n for no-hire).%s\n", prompt_red(&ss->p), typed, prompt_plain(&ss->p));
    }
    sw_buf_release(&q);
    return st;
}

static enum step ask_notes(struct session *ss)
{
    prompt_say("\n%sNotes%s for the hiring committee (end with an empty line%s):\n",
               prompt_bold(&ss->p), prompt_plain(&ss->p),
               *ss->s->notes ? "; an empty first line keeps what is there" : "");
    if (*ss->s->notes)
        score_say_wrapped(ss->s->notes, 2);
    enum prompt_result r = prompt_lines(&ss->p, &ss->text);
    if (ss->text.len) {
        if (sw_entry_set_text(ss->s, &ss->s->notes, sw_buf_str(&ss->text)) < 0 || score_save(ss) < 0)
            return STEP_FAIL;
    }
    return r == PROMPT_LINE ? STEP_NEXT : read_failed(ss, r);
}

static enum step ask_submit(struct session *ss)
{
    static const char *const words[] = { "submit", "draft", "back", "quit" };
    score_show_summary(ss);
    for (;;) {
        const char *typed;
        long w;
        enum step st = ask_word(ss, "Submit it now, or keep it as a draft?", words, 4, 0, 3,
                                "", &typed, &w);
        if (st != STEP_NEXT)
            return st;
        if (w == 2)
            return STEP_BACK;
        if (w == 1 || w == 3)
            return STEP_QUIT;
        if (w == 0) {
            if (sw_entry_set_submitted(ss->s, time(NULL)) < 0 || score_save(ss) < 0)
                return STEP_FAIL;
            prompt_say("Submitted: %s\n", ss->path);
            return STEP_NEXT;
        }
        prompt_say("%sAnswer submit, draft or back.%s\n", prompt_red(&ss->p),
                   prompt_plain(&ss->p));
    }
}

enum step score_ask_step(struct session *ss, size_t k)
{
    if (k < ss->n_questions)
        return ask_question(ss, k);
    if (k == ss->n_questions)
        return ask_recommendation(ss);
    if (k == ss->n_questions + 1)
        return ask_notes(ss);
    return ask_submit(ss);
}
