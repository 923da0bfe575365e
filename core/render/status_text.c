/* status_text.c - loop status as JSON, CSV and an 80-column table. */
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "render/json.h"
#include "report.h"
#include "status.h"
#include "termtext.h"
#include "timestamp.h"

static const struct sw_card *card_of(const struct sw_status *s, const struct sw_status_card *c)
{
    return &s->aggregate->cards[c->card];
}

static const char *interview_id(const struct sw_status *s, const struct sw_card *card)
{
    return s->aggregate->rubric->interviews[card->interview].id;
}

static int finish(struct sw_buf *out, struct sw_errors *errs)
{
    return out->failed ? sw_fail_oom(errs, NULL) : 0;
}

/* --- JSON ------------------------------------------------------------------ */

static void json_competencies(struct sw_json *j, const struct sw_rubric *r, const size_t *ids,
                              size_t n)
{
    sw_json_begin_array(j);
    for (size_t i = 0; i < n; i++)
        sw_json_string(j, r->competencies[ids[i]].id);
    sw_json_end_array(j);
}

static void json_card(struct sw_json *j, const struct sw_status *s,
                      const struct sw_status_card *c)
{
    const struct sw_card *card = card_of(s, c);
    sw_json_begin_object(j);
    sw_json_put_string(j, "interview", interview_id(s, card));
    sw_json_put_string(j, "interviewer", s->aggregate->interviewers[card->interviewer]);
    sw_json_put_string(j, "status", card->submitted ? "submitted" : "draft");
    sw_json_key(j, "created");
    if (*card->created)
        sw_json_string(j, card->created);
    else
        sw_json_null(j);
    sw_json_put_number(j, "age_hours", c->age_hours);
    sw_json_put_bool(j, "overdue", c->overdue);
    sw_json_end_object(j);
}

static void json_candidate(struct sw_json *j, const struct sw_status *s,
                           const struct sw_status_candidate *sc)
{
    const struct sw_candidate *cand = &s->aggregate->candidates[sc->candidate];
    const struct sw_rubric *r = s->aggregate->rubric;
    sw_json_begin_object(j);
    sw_json_put_string(j, "id", cand->id);
    sw_json_put_string_or_null(j, "name", cand->name);
    sw_json_put_integer(j, "submitted", (long long)sc->submitted);
    sw_json_put_integer(j, "pending", (long long)sc->pending);
    sw_json_key(j, "cards");
    sw_json_begin_array(j);
    for (size_t k = 0; k < sc->n_cards; k++)
        json_card(j, s, &sc->cards[k]);
    sw_json_end_array(j);
    sw_json_key(j, "needs");
    sw_json_begin_object(j);
    sw_json_put_integer(j, "scorecards", (long long)sc->needs_scorecards);
    sw_json_key(j, "awaiting");
    json_competencies(j, r, sc->awaiting, sc->n_awaiting);
    sw_json_key(j, "uncovered");
    json_competencies(j, r, sc->uncovered, sc->n_uncovered);
    sw_json_end_object(j);
    sw_json_end_object(j);
}

static void add_now(struct sw_buf *out, double now)
{
    char stamp[21];
    if (sw_utc_format((time_t)floor(now), stamp) < 0)
        sw_buf_adds(out, "?");
    else
        sw_buf_adds(out, stamp);
}

int sw_status_json(const struct sw_status *s, struct sw_buf *out, struct sw_errors *errs)
{
    struct sw_json j;
    struct sw_buf now = SW_BUF_INIT;
    add_now(&now, s->now);
    sw_json_init(&j, out);
    sw_json_begin_object(&j);
    sw_json_put_string(&j, "now", sw_buf_str(&now));
    sw_json_put_number(&j, "overdue_hours", s->overdue_hours);
    sw_json_key(&j, "candidates");
    sw_json_begin_array(&j);
    for (size_t k = 0; k < s->n_candidates; k++)
        json_candidate(&j, s, &s->candidates[k]);
    sw_json_end_array(&j);
    sw_json_end_object(&j);
    if (now.failed)
        out->failed = 1;
    sw_buf_release(&now);
    return finish(out, errs);
}

/* --- CSV ------------------------------------------------------------------- */

static void csv_list(struct sw_buf *out, const struct sw_rubric *r, const size_t *ids, size_t n,
                     enum sw_csv_mode mode)
{
    struct sw_buf list = SW_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (i)
            sw_buf_addc(&list, ';');
        sw_buf_adds(&list, r->competencies[ids[i]].id);
    }
    sw_csv_text(out, sw_buf_str(&list), mode);
    if (list.failed)
        out->failed = 1;
    sw_buf_release(&list);
}

static void csv_row(struct sw_buf *out, const struct sw_status *s,
                    const struct sw_status_candidate *sc, const struct sw_status_card *c,
                    enum sw_csv_mode mode)
{
    const struct sw_candidate *cand = &s->aggregate->candidates[sc->candidate];
    const struct sw_card *card = card_of(s, c);
    sw_csv_field(out, cand->id, mode);
    sw_csv_text(out, cand->name ? cand->name : "", mode);
    sw_csv_text(out, interview_id(s, card), mode);
    sw_csv_text(out, s->aggregate->interviewers[card->interviewer], mode);
    sw_csv_text(out, card->submitted ? "submitted" : "draft", mode);
    sw_csv_text(out, card->created, mode);
    sw_csv_number(out, c->age_hours);
    sw_csv_text(out, c->overdue ? "true" : "false", mode);
    sw_csv_count(out, sc->needs_scorecards);
    csv_list(out, s->aggregate->rubric, sc->awaiting, sc->n_awaiting, mode);
    csv_list(out, s->aggregate->rubric, sc->uncovered, sc->n_uncovered, mode);
    sw_csv_end_row(out);
}

int sw_status_csv(const struct sw_status *s, enum sw_csv_mode mode, struct sw_buf *out,
                  struct sw_errors *errs)
{
    sw_buf_adds(out, "candidate,name,interview,interviewer,status,created,age_hours,overdue,"
                     "needs_scorecards,awaiting,uncovered\r\n");
    for (size_t k = 0; k < s->n_candidates; k++)
        for (size_t i = 0; i < s->candidates[k].n_cards; i++)
            csv_row(out, s, &s->candidates[k], &s->candidates[k].cards[i], mode);
    return finish(out, errs);
}

/* --- table ----------------------------------------------------------------- */

#define WIDTH 80
#define INTERVIEW_COLUMNS 32
#define INTERVIEWER_COLUMNS 20

static void table_heading(struct sw_buf *out, const struct sw_status *s,
                          const struct sw_status_candidate *sc)
{
    const struct sw_candidate *cand = &s->aggregate->candidates[sc->candidate];
    struct sw_buf line = SW_BUF_INIT;
    if (cand->name)
        sw_buf_addf(&line, "%s (%s)", cand->name, cand->id);
    else
        sw_buf_adds(&line, cand->id);
    sw_text_flow(out, sw_buf_str(&line), 0, 2, WIDTH);
    if (line.failed)
        out->failed = 1;
    /* Rule 6 wants both enough cards and enough competencies rated: say
     * which is missing, never "enough" while coverage is short. */
    const struct sw_rubric *r = s->aggregate->rubric;
    size_t rated = 0;
    for (size_t c = 0; c < r->n_competencies; c++)
        rated += cand->competencies[c].n > 0;
    size_t short_by = rated < r->policy.min_coverage ? r->policy.min_coverage - rated : 0;
    size_t cards = sc->needs_scorecards;
    sw_buf_reset(&line);
    sw_buf_addf(&line, "%zu submitted, %zu pending; ", sc->submitted, sc->pending);
    if (!cards && !short_by)
        sw_buf_adds(&line, "enough cards and coverage for a decision");
    else
        sw_buf_adds(&line, "the decision needs ");
    if (cards)
        sw_buf_addf(&line, "%zu" SW_TEXT_GLUE "more" SW_TEXT_GLUE "scorecard%s", cards,
                    cards == 1 ? "" : "s");
    if (short_by)
        sw_buf_addf(&line, "%s%zu" SW_TEXT_GLUE "more" SW_TEXT_GLUE "competenc%s" SW_TEXT_GLUE
                                     "rated", cards ? " and " : "",
                    short_by, short_by == 1 ? "y" : "ies");
    sw_buf_adds(out, "\n  ");
    sw_text_wrap(out, sw_buf_str(&line), 2, 4, WIDTH);
    if (line.failed)
        out->failed = 1;
    sw_buf_release(&line);
}

static void table_draft(struct sw_buf *out, const struct sw_status *s,
                        const struct sw_status_card *c, int color)
{
    const struct sw_card *card = card_of(s, c);
    const struct sw_interview *iv = &s->aggregate->rubric->interviews[card->interview];
    sw_buf_adds(out, "  owed  ");
    sw_text_cell(out, iv->name, INTERVIEW_COLUMNS);
    sw_buf_addc(out, ' ');
    sw_text_cell(out, s->aggregate->interviewers[card->interviewer], INTERVIEWER_COLUMNS);
    sw_text_number(out, c->age_hours, 1, 7, 0);
    sw_buf_adds(out, " h");
    if (c->overdue)
        sw_buf_adds(out, color ? "  \033[1;31mOVERDUE\033[0m" : "  OVERDUE");
    sw_buf_addc(out, '\n');
}

/* Whether some question of the rubric's loop measures competency c. */
static int loop_measures(const struct sw_rubric *r, size_t c)
{
    for (size_t q = 0; q < r->n_questions; q++)
        for (size_t m = 0; m < r->questions[q].n_measures; m++)
            if (r->questions[q].measures[m].competency == c)
                return 1;
    return 0;
}

/* The competencies of ids that some interview of the rubric's loop measures
 * (asked) or none does (!asked). */
static void table_competencies(struct sw_buf *out, const struct sw_rubric *r, const char *label,
                               const size_t *ids, size_t n, int asked)
{
    struct sw_buf names = SW_BUF_INIT;
    size_t shown = 0;
    for (size_t i = 0; i < n; i++) {
        if (asked >= 0 && loop_measures(r, ids[i]) != asked)
            continue;
        sw_buf_adds(&names, shown++ ? ", " : "");
        sw_buf_adds(&names, r->competencies[ids[i]].name);
    }
    if (!shown) {
        sw_buf_release(&names);
        return;
    }
    sw_buf_addf(out, "  %s ", label);
    sw_text_wrap(out, sw_buf_str(&names), 3 + sw_text_width(label), 4, WIDTH);
    if (names.failed)
        out->failed = 1;
    sw_buf_release(&names);
}

int sw_status_table(const struct sw_status *s, int color, struct sw_buf *out,
                    struct sw_errors *errs)
{
    size_t drafts = 0;
    for (size_t k = 0; k < s->n_candidates; k++)
        drafts += s->candidates[k].pending;
    struct sw_buf line = SW_BUF_INIT;
    sw_buf_addf(&line, "%zu candidate%s, %zu scorecard%s owed, %zu overdue (%g h or more) at ",
                s->n_candidates, s->n_candidates == 1 ? "" : "s", drafts,
                drafts == 1 ? "" : "s", s->overdue, s->overdue_hours);
    add_now(&line, s->now);
    sw_text_wrap(out, sw_buf_str(&line), 0, 0, WIDTH);
    if (line.failed)
        out->failed = 1;
    sw_buf_release(&line);
    const struct sw_rubric *r = s->aggregate->rubric;
    for (size_t k = 0; k < s->n_candidates; k++) {
        const struct sw_status_candidate *sc = &s->candidates[k];
        sw_buf_addc(out, '\n');
        table_heading(out, s, sc);
        for (size_t i = 0; i < sc->n_cards; i++)
            if (!card_of(s, &sc->cards[i])->submitted)
                table_draft(out, s, &sc->cards[i], color);
        table_competencies(out, r, "awaiting:", sc->awaiting, sc->n_awaiting, -1);
        table_competencies(out, r, "no rating yet:", sc->uncovered,
                           sc->n_uncovered, 1);
        table_competencies(out, r, "not covered by the loop:", sc->uncovered, sc->n_uncovered,
                           0);
    }
    return finish(out, errs);
}
