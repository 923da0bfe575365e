/* entry_ask.c - the steps of the entry dialogue (entry_session.h): each
 * item's rating and evidence, the recommendation, the notes and the
 * submission, for `score` and `assess` alike. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "choice.h"
#include "cli.h"
#include "entry.h"
#include "entry_session.h"
#include "prompt.h"

static const char help_text[] =
    "  A rating is a number on the scale (%s),\n"
    "  or an anchor's name. Other answers:\n"
    "    skip   leave this %s unanswered and go on\n"
    "    back   return to the previous %s\n"
    "    quit   stop here; the draft keeps everything entered so far\n"
    "    Enter  keep the current rating (when there is one)\n"
    "  Any word may be cut to a start no other answer here shares, an anchor's\n"
    "  name too: s=skip means 's' is enough for skip.\n";

/* --- the items ----------------------------------------------------------- */

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
    prompt_say("Evidence: %s (end with an empty line%s):\n", ss->face->evidence,
               *sw_form_evidence(&ss->f, i) ? "; an empty first line keeps what is there" : "");
    enum prompt_result r = prompt_lines(&ss->p, &ss->text);
    if (ss->text.len &&
        (sw_form_rate(&ss->f, i, sw_form_value(&ss->f, i), sw_buf_str(&ss->text)) < 0 ||
         session_save(ss) < 0))
        return STEP_FAIL;
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

/* Sets item i to v and saves, then asks for the evidence. */
static enum step rate(struct session *ss, size_t i, double v)
{
    if (sw_form_rate(&ss->f, i, v, NULL) < 0 || session_save(ss) < 0)
        return STEP_FAIL;
    return ask_evidence(ss, i);
}

static enum step ask_value_of(struct session *ss, size_t i, const char **words, size_t n)
{
    for (;;) {
        double now = sw_form_value(&ss->f, i), v;
        struct sw_buf q = SW_BUF_INIT;
        sw_buf_adds(&q, "Rating");
        if (!isnan(now)) {
            sw_buf_adds(&q, " [");
            sw_buf_add_double(&q, now);
            sw_buf_adds(&q, "]");
        }
        const char *typed;
        long w;
        enum step st = ask_word(ss, sw_buf_str(&q), words, n, 0, W_HELP, ", ?", &typed, &w);
        sw_buf_release(&q);
        if (st != STEP_NEXT)
            return st;
        if (!*typed && !isnan(now))
            return ask_evidence(ss, i);
        if (w == W_SKIP) {
            prompt_say("Skipped: %s stays unanswered.\n", sw_form_item_id(&ss->f, i));
            return sw_form_rate(&ss->f, i, NAN, NULL) < 0 || session_save(ss) < 0 ? STEP_FAIL
                                                                                  : STEP_NEXT;
        }
        if (w == W_BACK || w == W_QUIT)
            return w == W_BACK ? STEP_BACK : STEP_QUIT;
        if (w == W_HELP || strcmp(typed, "?") == 0)
            prompt_say(help_text, sw_buf_str(&ss->scale), ss->face->item, ss->face->item);
        else if (w >= W_ANCHORS)
            return rate(ss, i, ss->r->scale.anchors[w - W_ANCHORS].value);
        else if (sw_entry_parse_value(&ss->r->scale, typed, &v) == 0)
            return rate(ss, i, v);
        else
            explain_value(ss, typed);
    }
}

static enum step ask_value(struct session *ss, size_t i)
{
    const struct sw_scale *sc = &ss->r->scale;
    const char **words = malloc((W_ANCHORS + sc->n_anchors) * sizeof *words);
    if (!words) {
        diag_error(EXIT_SYSTEM, NULL, "out of memory");
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

static enum step ask_item(struct session *ss, size_t i)
{
    ss->face->show_item(ss, i);
    if (!isnan(sw_form_value(&ss->f, i)) || *sw_form_evidence(&ss->f, i)) {
        prompt_say("  So far: ");
        session_show_answer(ss, i);
    }
    return ask_value(ss, i);
}

/* --- recommendation, notes, summary, submission --------------------------- */

static enum step ask_recommendation(struct session *ss)
{
    struct sw_scorecard *s = ss->f.s;
    /* The recommendations in enum order, then the other answers. */
    static const char *const words[] = { "strong-no-hire", "no-hire", "hire", "strong-hire",
                                         "skip", "back", "quit" };
    struct sw_buf q = SW_BUF_INIT;
    sw_buf_addf(&q, "\n%sRecommendation%s: ", prompt_bold(&ss->p), prompt_plain(&ss->p));
    for (size_t k = 0; k < SW_REC_COUNT; k++)
        sw_buf_addf(&q, "%s%s", k == 0 ? "" : k + 1 == SW_REC_COUNT ? " or " : ", ", words[k]);
    const char *current = sw_recommendation_name(s->recommendation);
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
            s->recommendation = w == 4 ? SW_REC_NONE : (enum sw_recommendation)w;
            st = session_save(ss) < 0 ? STEP_FAIL : STEP_NEXT;
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
    const char *notes = sw_form_notes(&ss->f);
    prompt_say("\n%s%s%s (end with an empty line%s):\n", prompt_bold(&ss->p), ss->face->notes,
               prompt_plain(&ss->p), *notes ? "; an empty first line keeps what is there" : "");
    if (*notes)
        session_say_wrapped(notes, 2);
    enum prompt_result r = prompt_lines(&ss->p, &ss->text);
    if (ss->text.len && (sw_form_set_notes(&ss->f, sw_buf_str(&ss->text)) < 0 ||
                         session_save(ss) < 0))
        return STEP_FAIL;
    return r == PROMPT_LINE ? STEP_NEXT : read_failed(ss, r);
}

/* Submits by the rule (entry.h "submitting"): a refused submission is said
 * and the session goes on. STEP_NEXT when submitted or refused (*done says
 * which), STEP_FAIL when it could not be saved. */
static enum step submit(struct session *ss, int *done)
{
    struct sw_buf why = SW_BUF_INIT;
    *done = sw_form_submit_check(&ss->f, &why) == 0;
    if (!*done)
        prompt_say("%sNot submitted: %s.%s\n", prompt_red(&ss->p), sw_buf_str(&why),
                   prompt_plain(&ss->p));
    sw_buf_release(&why);
    if (!*done)
        return STEP_NEXT;
    if (sw_form_set_submitted(&ss->f, time(NULL)) < 0 || session_save(ss) < 0)
        return STEP_FAIL;
    prompt_say("Submitted: %s\n", ss->path);
    return STEP_NEXT;
}

static enum step ask_submit(struct session *ss)
{
    static const char *const words[] = { "submit", "draft", "back", "quit" };
    session_show_summary(ss);
    for (;;) {
        const char *typed;
        long w = CHOICE_NONE;
        int done = 0;
        enum step st = ask_word(ss, "Submit it now, or keep it as a draft?", words, 4, 0, 3,
                                "", &typed, &w);
        if (st == STEP_NEXT && w == 0)
            st = submit(ss, &done);
        if (st != STEP_NEXT || done)
            return st;
        if (w == 2)
            return STEP_BACK;
        if (w == 1 || w == 3)
            return STEP_QUIT;
        if (w != 0)   /* a refused submission was said by submit() */
            prompt_say("%sAnswer submit, draft or back.%s\n", prompt_red(&ss->p),
                       prompt_plain(&ss->p));
    }
}

enum step session_ask_step(struct session *ss, size_t k)
{
    switch (sw_form_step_kind(&ss->f, k)) {
    case SW_STEP_ITEM: return ask_item(ss, k);
    case SW_STEP_RECOMMENDATION: return ask_recommendation(ss);
    case SW_STEP_NOTES: return ask_notes(ss);
    default: return ask_submit(ss);
    }
}
