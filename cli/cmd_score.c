/* cmd_score.c - scorewheel score: enter a scorecard one question at a time,
 * saved after every answer, resumable: the scorecard face of the entry
 * dialogue (entry_session.h). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "entry.h"
#include "entry_args.h"
#include "entry_session.h"

static const struct cli_command score_command = {
    .name = "score",
    .synopsis = "--interview ID --candidate ID\n"
                "--interviewer ID [--level ID] [--name TEXT]\n"
                "[-o FILE] [--force]",
    .about = "Walks you through one interview's scorecard: each question with the\n"
             "competencies it measures and what they look like at the scale's anchors;\n"
             "you give a rating and the evidence, then the recommendation and notes, see\n"
             "this scorecard's scores, and submit it or keep it as a draft. The draft is\n"
             "saved after every answer: run the same command again to resume. At the\n"
             "rating prompt: 'skip', 'back', 'quit' (keep the draft) and '?' (help). Any\n"
             "answer may be cut to a start no other answer of the prompt shares: the\n"
             "prompts show the shortest (s=skip; 'n' is no-hire, 'strong-n' strong-no-hire).\n"
             "Works on a pipe too: the same prompts; end of input keeps the draft (exit 1).\n",
};

static const struct entry_help score_help = {
    .level = "the level the candidate is considered for (on a\n"
             "scorecard begun earlier: replaces its level)",
    .name = "the candidate's name (likewise)",
    .output = "the scorecard (default:\n"
              "CANDIDATE/INTERVIEW--INTERVIEWER.xml); when it\n"
              "exists, the ids may be left out",
    .force = "reopen a submitted scorecard (it becomes a draft again)",
};

/* --- the scorecard face ------------------------------------------------- */

static void title(struct session *ss)
{
    const struct sw_scorecard *s = ss->f.s;
    prompt_say("%s%s%s: candidate %s, interviewer %s\n", prompt_bold(&ss->p),
               ss->r->interviews[s->interview].name, prompt_plain(&ss->p), s->candidate,
               s->interviewer);
}

/* Question i: its text, what it measures, the indicators at the anchors. */
static void show_question(struct session *ss, size_t i)
{
    const struct sw_question *q = &ss->r->questions[ss->f.s->ratings[i].question];
    prompt_say("\n%sQuestion %zu of %zu (%s)%s\n", prompt_bold(&ss->p), i + 1, ss->f.n_items,
               q->id, prompt_plain(&ss->p));
    session_say_wrapped(q->text, 2);
    for (size_t m = 0; m < q->n_measures; m++) {
        size_t c = q->measures[m].competency;
        prompt_say("  %sMeasures %s%s", prompt_bold(&ss->p), ss->r->competencies[c].name,
                   prompt_plain(&ss->p));
        if (q->measures[m].weight != 1) {
            prompt_say(" (weight ");
            session_say_value(q->measures[m].weight);
            prompt_say(")");
        }
        prompt_say("\n");
        session_show_indicators(ss, c);
    }
}

static void ids(const struct sw_form *f, const char *ids[3])
{
    ids[0] = f->r->interviews[f->s->interview].id;
    ids[1] = f->s->candidate;
    ids[2] = f->s->interviewer;
}

static const struct session_face score_face = {
    .kind = SW_FORM_SCORECARD, .cmd = "score", .doc = "scorecard",
    .item = "question", .items = "questions", .done = "Answered",
    .evidence = "what the candidate said and did",
    .notes = "Notes for the hiring committee", .name = "Candidate's name",
    .wheel = "This scorecard's wheel (weighted mean of the ratings per competency)",
    .id_names = { "interview", "candidate", "interviewer" }, .ids = ids,
    .title = title, .show_item = show_question,
};

static int blank(struct session *ss, const void *args)
{
    return entry_blank("score", ss->r, args, &ss->f);
}

int cmd_score(int argc, char **argv)
{
    struct entry_args a;
    int rc = entry_parse_args(&score_command, &score_help, argc, argv, &a);
    int resuming = 0;
    if (rc != CLI_GO_ON)
        return rc;
    rc = session_check_output(&score_face, a.output, &resuming);
    if (rc == EXIT_OK && !resuming)
        rc = entry_check_ids("score", &a);
    if (rc != EXIT_OK)
        return rc;
    const struct session_open open = {
        .level = a.level, .name = a.name, .want = { a.interview, a.candidate, a.interviewer },
        .force = a.force, .blank = blank, .args = &a,
    };
    return session_main(&score_face, a.output ? strdup(a.output)
                        : sw_entry_default_path(a.candidate, a.interview, a.interviewer), &open);
}
