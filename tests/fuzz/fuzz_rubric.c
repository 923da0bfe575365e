/* fuzz_rubric.c - libFuzzer harness: the bytes as a rubric file. */
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "rubric.h"
#include "xml.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sw_xml_init();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_rubric *r = sw_rubric_parse((const char *)data, size, "fuzz.xml", &errs);
    /* A rubric comes back with no error, or no rubric with at least one. */
    if ((r != NULL) != (errs.count == 0 && errs.lost == 0))
        __builtin_trap();
    if (r) {
        /* Exercise the queries on what was loaded. */
        for (size_t i = 0; i < r->n_competencies; i++)
            if (sw_rubric_competency(r, r->competencies[i].id) != (long)i)
                __builtin_trap();
        for (size_t i = 0; i < r->n_questions; i++)
            (void)sw_rubric_question(r, r->questions[i].id);
        for (size_t i = 0; i < r->scale.n_anchors; i++)
            (void)sw_scale_anchor_label(&r->scale, r->scale.anchors[i].value);
    }
    sw_rubric_free(r);
    sw_errors_release(&errs);
    return 0;
}
