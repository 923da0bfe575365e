/* cmd_score.c - scorewheel score: enter a scorecard one question at a time,
 * saved after every answer, resumable. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "aggregate.h"
#include "choice.h"
#include "cli.h"
#include "document.h"
#include "entry.h"
#include "entry_args.h"
#include "files.h"
#include "prompt.h"
#include "score.h"
#include "termtext.h"

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

/* --- saving -------------------------------------------------------------- */

/* Writes the scorecard atomically. When that cannot be done, the scorecard
 * goes to standard output so that nothing typed is lost. */
int score_save(struct session *ss)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_buf xml = SW_BUF_INIT;
    int rc = sw_entry_xml(ss->r, ss->s, SW_ENTRY_GUIDE, &xml, &errs);
    /* Another session on the same scorecard (a second terminal) must not be
     * overwritten: the file must still hold what this session last saw. */
    if (rc == 0)
        rc = sw_write_if_unchanged(ss->path, xml.data, xml.len,
                                   ss->on_disk ? sw_buf_str(&ss->last) : NULL, ss->last.len,
                                   &errs);
    if (rc == 0) {
        ss->on_disk = 1;
        sw_buf_reset(&ss->last);
        sw_buf_add(&ss->last, xml.data, xml.len);
    } else {
        diag_print(&errs);
        ss->save_failure = diag_exit_code(&errs);
        if (xml.len && ss->on_disk) {
            fputs("scorewheel score: your scorecard could not be saved; here it is:\n", stderr);
            cli_write_stdout(xml.data, xml.len);
        }
    }
    sw_errors_release(&errs);
    sw_buf_release(&xml);
    return rc;
}

/* --- the session --------------------------------------------------------- */

/* Where a resumed draft goes on: after the last question with an answer,
 * then the recommendation, the notes, the submission. */
static size_t resume_step(const struct session *ss)
{
    size_t k = 0;
    for (size_t i = 0; i < ss->n_questions; i++)
        if (!isnan(ss->s->ratings[i].value) || *ss->s->ratings[i].evidence)
            k = i + 1;
    if (k < ss->n_questions)
        return k;
    if (ss->s->recommendation == SW_REC_NONE)
        return k;
    return *ss->s->notes ? k + 2 : k + 1;
}

static const char *level_name_of(const struct sw_rubric *r, long level)
{
    return level >= 0 ? r->levels[level].name : "none";
}

/* On a resumed scorecard, --level and --name replace what the file holds:
 * said after what it holds is shown, and saved before the next question. */
static int apply_options(struct session *ss)
{
    int changed = 0;
    if (ss->new_level != -2 && ss->new_level != ss->s->level) {
        prompt_say("Level: %s (was %s).\n", level_name_of(ss->r, ss->new_level),
                   level_name_of(ss->r, ss->s->level));
        ss->s->level = ss->new_level;
        changed = 1;
    }
    struct sw_buf name = SW_BUF_INIT;
    if (ss->new_name &&
        sw_entry_clean_text(ss->new_name, strlen(ss->new_name), &name) != (size_t)-1 &&
        strcmp(sw_buf_str(&name), ss->s->candidate_name) != 0) {
        prompt_say("Candidate's name: %s (was %s).\n",
                   *sw_buf_str(&name) ? sw_buf_str(&name) : "none",
                   *ss->s->candidate_name ? ss->s->candidate_name : "none");
        changed = 1;
        if (sw_entry_set_text(ss->s, &ss->s->candidate_name, sw_buf_str(&name)) < 0)
            name.failed = 1;
    }
    int failed = name.failed;
    sw_buf_release(&name);
    if (failed) {
        fputs("scorewheel: error: out of memory\n", stderr);
        return EXIT_SYSTEM;
    }
    return changed && score_save(ss) < 0 ? (ss->save_failure ? ss->save_failure : EXIT_INPUT)
                                   : EXIT_OK;
}

static int run_session(struct session *ss, int resuming)
{
    const struct sw_interview *iv = &ss->r->interviews[ss->s->interview];
    prompt_say("%s%s%s: candidate %s, interviewer %s\n", prompt_bold(&ss->p), iv->name,
               prompt_plain(&ss->p), ss->s->candidate, ss->s->interviewer);
    struct sw_buf intro = SW_BUF_INIT;
    sw_buf_addf(&intro, "Scale %s. Saved after every answer in %s; '?' for help.",
                sw_buf_str(&ss->scale), ss->path);
    score_say_wrapped(sw_buf_str(&intro), 0);
    sw_buf_release(&intro);
    if (resuming)
        score_show_resume(ss);
    int rc = resuming ? apply_options(ss) : EXIT_OK;
    if (rc != EXIT_OK)
        return rc;
    size_t k = resuming ? resume_step(ss) : 0;
    for (;;) {
        enum step st = score_ask_step(ss, k);
        if (st == STEP_FAIL)
            return ss->save_failure ? ss->save_failure : EXIT_SYSTEM;
        if (st == STEP_END) {
            fprintf(stderr, "scorewheel score: %s; the draft is saved in %s (run the same "
                    "command again to go on)\n",
                    ss->ended_by_signal ? "interrupted" : "input ended", ss->path);
            return EXIT_INPUT;
        }
        if (st == STEP_QUIT) {
            prompt_say("Kept as a draft: %s (run the same command again to go on)\n", ss->path);
            return EXIT_OK;
        }
        if (st == STEP_BACK && k == 0)
            prompt_say("This is the first question.\n");
        else if (st == STEP_BACK)
            k--;
        else if (k == ss->n_questions + 2)
            return EXIT_OK;
        else
            k++;
    }
}

/* --- opening the scorecard ----------------------------------------------- */

static int differs(const char *path, const char *what, const char *file_id, const char *want)
{
    if (!want || strcmp(file_id, want) == 0)
        return 0;
    fprintf(stderr, "%s: error: this scorecard is for %s '%s', not '%s'\n", path, what,
            file_id, want);
    return 1;
}

/* Loads the existing scorecard at path into ss->s (entry order). */
static int open_existing(struct session *ss, const struct entry_args *a)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    size_t len = 0;
    char *bytes = sw_xml_slurp(ss->path, &len, &errs);
    struct sw_scorecard *loaded = bytes ? sw_scorecard_parse(ss->r, bytes, len, ss->path, &errs)
                                        : NULL;
    if (bytes)
        sw_buf_add(&ss->last, bytes, len);
    free(bytes);
    if (loaded)
        ss->s = sw_entry_from(ss->r, loaded, &errs);
    diag_print(&errs);
    int rc = diag_exit_code(&errs);
    sw_errors_release(&errs);
    if (!loaded || !ss->s) {
        sw_scorecard_free(loaded);
        return rc ? rc : EXIT_SYSTEM;
    }
    if (differs(ss->path, "interview", ss->r->interviews[loaded->interview].id, a->interview) |
        differs(ss->path, "candidate", loaded->candidate, a->candidate) |
        differs(ss->path, "interviewer", loaded->interviewer, a->interviewer))
        rc = EXIT_INPUT;
    else if (loaded->submitted && !a->force) {
        fprintf(stderr, "%s: error: already submitted on %s; use --force to reopen it\n",
                ss->path, loaded->submitted_at);
        rc = EXIT_INPUT;
    }
    sw_scorecard_free(loaded);
    ss->on_disk = 1;
    return rc;
}

/* A new blank draft, saved at once so that the file is ours. */
static int open_new(struct session *ss, const struct entry_args *a)
{
    size_t interview;
    long level;
    int rc = entry_resolve("score", ss->r, a, &interview, &level);
    if (rc != EXIT_OK)
        return rc;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_buf name = SW_BUF_INIT;
    if (a->name)
        sw_entry_clean_text(a->name, strlen(a->name), &name);
    ss->s = name.failed ? NULL : sw_entry_blank(ss->r, interview, a->candidate, a->interviewer,
                                                level, sw_buf_str(&name), &errs);
    sw_buf_release(&name);
    diag_print(&errs);
    sw_errors_release(&errs);
    if (!ss->s)
        return EXIT_SYSTEM;
    time_t now;
    rc = cli_now("score", &now);
    if (rc != EXIT_OK)
        return rc;
    if (sw_entry_set_created(ss->s, now) < 0)
        return EXIT_SYSTEM;
    rc = entry_make_parent(ss->path);
    if (rc == EXIT_OK && score_save(ss) < 0)
        rc = EXIT_INPUT;
    return rc;
}

static int score(const struct sw_rubric *r, const struct entry_args *a, const char *path)
{
    struct session ss = { .r = r, .path = path, .new_name = a->name, .new_level = -2 };
    struct stat st;
    int exists = stat(path, &st) == 0;
    int rc = EXIT_OK;
    if (exists && a->level)
        rc = cli_level_index(r, "score", a->level, &ss.new_level);
    if (rc == EXIT_OK)
        rc = exists ? open_existing(&ss, a) : open_new(&ss, a);
    if (rc == EXIT_OK && ss.s->submitted && (sw_entry_set_submitted(ss.s, (time_t)-1) < 0 ||
                                             score_save(&ss) < 0))
        rc = EXIT_SYSTEM;
    if (rc == EXIT_OK) {
        ss.n_questions = r->interviews[ss.s->interview].count;
        prompt_init(&ss.p);
        sw_entry_describe_scale(&r->scale, &ss.scale);
        rc = run_session(&ss, exists);
    }
    sw_buf_release(&ss.line);
    sw_buf_release(&ss.text);
    sw_buf_release(&ss.last);
    sw_buf_release(&ss.scale);
    sw_scorecard_free(ss.s);
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
    if (path)
        rc = score(r, &a, path);
    else
        rc = EXIT_SYSTEM, fputs("scorewheel: error: out of memory\n", stderr);
    free(path);
    sw_rubric_free(r);
    return rc;
}
