/* cmd_assess.c - scorewheel assess: enter an assessment one competency at a
 * time, saved after every answer, resumable: the assessment face of the
 * entry dialogue that `score` has too (entry_session.h). */
#include <stdlib.h>
#include <string.h>

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

static void ids(const struct sw_form *f, const char *ids[3])
{
    ids[0] = f->a->person;
    ids[1] = f->a->assessor;
    ids[2] = f->a->cycle;
}

static const struct session_face assess_face = {
    .kind = SW_FORM_ASSESSMENT, .cmd = "assess", .doc = "assessment",
    .item = "competency", .items = "competencies", .done = "Rated",
    .evidence = "what you have seen", .notes = "Notes", .name = "Person's name",
    .wheel = "The wheel you drew", .id_names = { "person", "assessor", "cycle" }, .ids = ids,
    .title = title, .show_item = show_competency,
};

/* The options, and the relation they give. */
struct assess_opts {
    struct assess_args a;
    enum sw_relation rel;
};

static int blank(struct session *ss, const void *args)
{
    const struct assess_opts *o = args;
    return assess_blank("assess", ss->r, &o->a, o->rel, &ss->f);
}

int cmd_assess(int argc, char **argv)
{
    struct assess_opts o = { .rel = SW_REL_SELF };
    struct assess_args *a = &o.a;
    const struct cli_option options[] = {
        ASSESS_OPTIONS(a, "reopen a submitted assessment (it becomes a draft again)"),
    };
    int first, exists = 0;
    int rc = cli_parse(&assess_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;
    rc = session_check_output(&assess_face, a->output, &exists);
    if (rc == EXIT_OK && !exists)
        rc = assess_check("assess", a, &o.rel);
    if (rc != EXIT_OK)
        return rc;
    const struct session_open open = {
        .level = a->level, .name = a->name, .want = { a->person, a->assessor, a->cycle },
        .force = a->force, .blank = blank, .args = &o,
    };
    return session_main(&assess_face, a->output ? strdup(a->output)
                        : sw_assessment_default_path(a->cycle, a->person, a->assessor), &open);
}
