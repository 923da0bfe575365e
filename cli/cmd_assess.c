/* cmd_assess.c - scorewheel assess: enter an assessment one competency at a
 * time, saved after every answer, resumable: the assessment face of the
 * entry dialogue that `score` has too (entry_session.h). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "assess_args.h"
#include "cli.h"
#include "entry.h"
#include "entry_session.h"

static const struct cli_command assess_command = {
    .name = "assess",
    .synopsis = "--person ID --cycle ID [--assessor ID]\n"
                "[--relation REL] [--level ID] [--name TEXT] [-o FILE]\n"
                "[--force]",
    .about = "Walks you through one assessment of a person for one review cycle: each\n"
             "competency with its description and what it looks like at the scale's\n"
             "anchors; you give a rating and what you have seen, then notes, see the\n"
             "wheel you drew, and submit it or keep it as a draft. The draft is saved\n"
             "after every answer: run the same command again to resume (with -o FILE\n"
             "of an existing assessment the ids may be left out). At the rating\n"
             "prompt: 'skip', 'back', 'quit' (keep the draft) and '?' (help). Any\n"
             "answer may be cut to a start no other answer of the prompt shares: the\n"
             "prompts show the shortest (s=skip). Works on a pipe too: the same prompts;\n"
             "end of input keeps the draft (exit 1).\n",
    .min_operands = 0, .max_operands = 0, .operand_name = NULL,
};

/* --- the assessment face ------------------------------------------------ */

static void title(struct session *ss)
{
    const struct sw_assessment *a = ss->f.a;
    prompt_say("%sAssessment of %s by %s (%s), cycle %s%s\n", prompt_bold(&ss->p), a->person,
               a->assessor, sw_relation_name(a->relation), a->cycle, prompt_plain(&ss->p));
}

/* Competency c: its name, pillar, description and indicators. */
static void show_competency(struct session *ss, size_t c)
{
    const struct sw_rubric *r = ss->r;
    const struct sw_competency *k = &r->competencies[c];
    prompt_say("\n%sCompetency %zu of %zu: %s%s (%s)\n", prompt_bold(&ss->p), c + 1,
               r->n_competencies, k->name, prompt_plain(&ss->p), r->pillars[k->pillar].name);
    if (*k->description)
        session_say_wrapped(k->description, 2);
    session_show_indicators(ss, c);
}

static const struct session_face assess_face = {
    .cmd = "assess", .doc = "assessment", .item = "competency", .items = "competencies",
    .done = "Rated", .evidence = "what you have seen", .notes = "Notes",
    .name = "Person's name", .wheel = "The wheel you drew",
    .title = title, .show_item = show_competency,
};

/* --- opening the assessment ---------------------------------------------- */

static int open_existing(struct session *ss, const struct assess_args *args)
{
    int rc = session_load(ss, SW_FORM_ASSESSMENT);
    if (rc != EXIT_OK)
        return rc;
    const struct sw_assessment *a = ss->f.a;
    if (session_differs(ss, "person", a->person, args->person) |
        session_differs(ss, "assessor", a->assessor, args->assessor) |
        session_differs(ss, "cycle", a->cycle, args->cycle))
        return EXIT_INPUT;
    return session_reopen(ss, args->force);
}

static int open_new(struct session *ss, const struct assess_args *args, enum sw_relation rel)
{
    int rc = assess_blank("assess", ss->r, args, rel, &ss->f);
    return rc == EXIT_OK ? session_start(ss) : rc;
}

static int assess(const struct sw_rubric *r, const struct assess_args *args,
                  enum sw_relation rel, const char *path, int exists)
{
    struct session ss;
    session_init(&ss, &assess_face, r, path);
    ss.new_name = args->name;
    int rc = EXIT_OK;
    if (exists && args->level)
        rc = cli_level_index(r, "assess", args->level, &ss.new_level);
    if (rc == EXIT_OK)
        rc = exists ? open_existing(&ss, args) : open_new(&ss, args, rel);
    if (rc == EXIT_OK)
        rc = session_run(&ss, exists);
    session_release(&ss);
    return rc;
}

int cmd_assess(int argc, char **argv)
{
    struct assess_args a;
    memset(&a, 0, sizeof a);
    const struct cli_option options[] = {
        ASSESS_OPTIONS(&a, "reopen a submitted assessment (it becomes a draft again)"),
    };
    int first;
    int rc = cli_parse(&assess_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;
    if (a.output && strcmp(a.output, "-") == 0)
        return diag_usage("assess", "assess saves as it goes: -o needs a file, not '-'");
    struct stat st;
    int exists = a.output && stat(a.output, &st) == 0;
    enum sw_relation rel = SW_REL_SELF;
    if (!exists && (rc = assess_check("assess", &a, &rel)) != EXIT_OK)
        return rc;
    struct sw_rubric *r = cli_load_rubric(&rc);
    if (!r)
        return rc;
    char *path = a.output ? strdup(a.output)
                          : sw_assessment_default_path(a.cycle, a.person, a.assessor);
    if (path)
        rc = assess(r, &a, rel, path, exists || stat(path, &st) == 0);
    else
        rc = diag_error(EXIT_SYSTEM, NULL, "out of memory");
    free(path);
    sw_rubric_free(r);
    return rc;
}
