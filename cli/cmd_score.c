/* cmd_score.c - scorewheel score: enter a scorecard one question at a time,
 * saved after every answer, resumable: the scorecard face of the entry
 * dialogue (entry_session.h). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

static const struct session_face score_face = {
    .cmd = "score", .doc = "scorecard", .item = "question", .items = "questions",
    .done = "Answered", .evidence = "what the candidate said and did",
    .notes = "Notes for the hiring committee", .name = "Candidate's name",
    .wheel = "This scorecard's wheel (weighted mean of the ratings per competency)",
    .title = title, .show_item = show_question,
};

/* --- opening the scorecard ----------------------------------------------- */

static int open_existing(struct session *ss, const struct entry_args *a)
{
    int rc = session_load(ss, SW_FORM_SCORECARD);
    if (rc != EXIT_OK)
        return rc;
    const struct sw_scorecard *s = ss->f.s;
    if (session_differs(ss, "interview", ss->r->interviews[s->interview].id, a->interview) |
        session_differs(ss, "candidate", s->candidate, a->candidate) |
        session_differs(ss, "interviewer", s->interviewer, a->interviewer))
        return EXIT_INPUT;
    return session_reopen(ss, a->force);
}

/* A new blank draft, saved at once so that the file is ours. */
static int open_new(struct session *ss, const struct entry_args *a)
{
    int rc = entry_blank("score", ss->r, a, &ss->f);
    return rc == EXIT_OK ? session_start(ss) : rc;
}

static int score(const struct sw_rubric *r, const struct entry_args *a, const char *path)
{
    struct session ss;
    session_init(&ss, &score_face, r, path);
    ss.new_name = a->name;
    struct stat st;
    int exists = stat(path, &st) == 0;
    int rc = EXIT_OK;
    if (exists && a->level)
        rc = cli_level_index(r, "score", a->level, &ss.new_level);
    if (rc == EXIT_OK)
        rc = exists ? open_existing(&ss, a) : open_new(&ss, a);
    if (rc == EXIT_OK)
        rc = session_run(&ss, exists);
    session_release(&ss);
    return rc;
}

int cmd_score(int argc, char **argv)
{
    struct entry_args a;
    int rc = entry_parse_args(&score_command, &score_help, argc, argv, &a);
    if (rc != CLI_GO_ON)
        return rc;
    if (a.output && strcmp(a.output, "-") == 0)
        return diag_usage("score", "score saves as it goes: -o needs a file, not '-'");
    struct stat st;
    int resuming = a.output && stat(a.output, &st) == 0;
    if (!resuming && (rc = entry_check_ids("score", &a)) != EXIT_OK)
        return rc;
    struct sw_rubric *r = cli_load_rubric(&rc);
    if (!r)
        return rc;
    char *path = a.output ? strdup(a.output)
                          : sw_entry_default_path(a.candidate, a.interview, a.interviewer);
    rc = path ? score(r, &a, path) : diag_error(EXIT_SYSTEM, NULL, "out of memory");
    free(path);
    sw_rubric_free(r);
    return rc;
}
