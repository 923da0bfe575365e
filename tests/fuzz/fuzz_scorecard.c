/* fuzz_scorecard.c - libFuzzer harness: the bytes as a scorecard, read against
 * the rubric it names (tpm.xml when none of the loaded ones; see fuzz.h). */
#include <stddef.h>
#include <stdint.h>

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct sw_rubric *r = fuzz_rubric_for(data, size);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_scorecard *s = sw_scorecard_parse(r, (const char *)data, size, "fuzz.xml", &errs);
    if ((s != NULL) != (errs.count == 0 && errs.lost == 0))
        __builtin_trap();
    if (s) {
        /* What the loader promises: resolved indices, values on the scale. */
        if (s->interview >= r->n_interviews || s->level >= (long)r->n_levels)
            __builtin_trap();
        for (size_t i = 0; i < s->n_ratings; i++) {
            const struct sw_rating *rt = &s->ratings[i];
            if ((rt->question < 0) == (rt->competency < 0))
                __builtin_trap();
            if (rt->question >= (long)r->n_questions ||
                rt->competency >= (long)r->n_competencies)
                __builtin_trap();
            if (rt->value == rt->value && !sw_scale_contains(&r->scale, rt->value))
                __builtin_trap();
        }
    }
    sw_scorecard_free(s);
    sw_errors_release(&errs);
    return 0;
}
