/* fuzz_scorecard.c - libFuzzer harness: the bytes as a scorecard, read against
 * the rubric it names (tpm.xml when none of the loaded ones; see fuzz.h).
 *
 * Differential check: scorecards are read the fast way (streaming, no tree)
 * and, when that declines, the tree way. Whatever the stream accepts, the
 * tree must accept too and give the same scorecard field for field. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "document.h"
#include "error.h"
#include "fuzz.h"
#include "scorecard.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_load_rubrics();
    return 0;
}

static void check_loaded(const struct sw_rubric *r, const struct sw_scorecard *s)
{
    /* What the loader promises: resolved indices, values on the scale. */
    fuzz_assert(s->interview < r->n_interviews && s->level < (long)r->n_levels);
    for (size_t i = 0; i < s->n_ratings; i++) {
        const struct sw_rating *rt = &s->ratings[i];
        fuzz_assert((rt->question < 0) != (rt->competency < 0));
        fuzz_assert(rt->question < (long)r->n_questions &&
                    rt->competency < (long)r->n_competencies);
        fuzz_assert(isnan(rt->value) || sw_scale_contains(&r->scale, rt->value));
    }
}

static int same_number(double x, double y)
{
    return isnan(x) ? isnan(y) : x == y;
}

static void check_same(const struct sw_scorecard *t, const struct sw_scorecard *s)
{
    fuzz_assert(strcmp(t->path, s->path) == 0 && t->line == s->line);
    fuzz_assert(strcmp(t->rubric, s->rubric) == 0);
    fuzz_assert(strcmp(t->candidate, s->candidate) == 0);
    fuzz_assert(strcmp(t->interviewer, s->interviewer) == 0);
    fuzz_assert(t->interview == s->interview && t->level == s->level);
    fuzz_assert(t->submitted == s->submitted);
    fuzz_assert(strcmp(t->submitted_at, s->submitted_at) == 0);
    fuzz_assert(strcmp(t->candidate_name, s->candidate_name) == 0);
    fuzz_assert(t->recommendation == s->recommendation);
    fuzz_assert(strcmp(t->notes, s->notes) == 0);
    fuzz_assert(t->n_ratings == s->n_ratings);
    for (size_t i = 0; i < t->n_ratings; i++) {
        const struct sw_rating *a = &t->ratings[i], *b = &s->ratings[i];
        fuzz_assert(a->question == b->question && a->competency == b->competency);
        fuzz_assert(same_number(a->value, b->value));
        fuzz_assert(strcmp(a->evidence, b->evidence) == 0 && a->line == b->line);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct sw_rubric *r = fuzz_rubric_for(data, size);
    const char *text = (const char *)data;
    struct sw_errors errs;
    sw_errors_init(&errs);

    /* The public entry: one of the two ways, errors only from the tree. */
    struct sw_scorecard *s = sw_scorecard_parse(r, text, size, "fuzz.xml", &errs);
    fuzz_assert((s != NULL) == (errs.count == 0 && errs.lost == 0));
    if (s)
        check_loaded(r, s);
    sw_scorecard_free(s);
    sw_errors_release(&errs);

    /* Each way on its own. */
    struct sw_scorecard *fast = sw_scorecard_stream(r, text, size, "fuzz.xml");
    sw_errors_init(&errs);
    struct sw_scorecard *tree = NULL;
    xmlDocPtr doc = sw_xml_parse(text, size, "fuzz.xml", &errs);
    if (doc)
        tree = sw_scorecard_from_doc(r, doc, "fuzz.xml", &errs);
    xmlFreeDoc(doc);
    fuzz_assert((tree != NULL) == (errs.count == 0 && errs.lost == 0));
    if (fast) {
        fuzz_assert(tree != NULL);    /* the stream never accepts what the tree refuses */
        check_loaded(r, fast);
        check_same(tree, fast);
    }
    sw_scorecard_free(fast);
    sw_scorecard_free(tree);
    sw_errors_release(&errs);
    return 0;
}
