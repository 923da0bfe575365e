/* fuzz_rubric.c - libFuzzer harness: the bytes as a rubric file; a rubric that
 * loads is then written the ways `rubric` and `kit` write it, and the output
 * checked (check.h): valid UTF-8, JSON that parses. */
#include <stddef.h>
#include <stdint.h>

#include "check.h"
#include "error.h"
#include "kit.h"
#include "rubric.h"
#include "rubric_text.h"
#include "io/xml.h"

#define FUZZ_MAX_KITS 4

static void write_rubric(const struct sw_rubric *r)
{
    struct sw_buf out = SW_BUF_INIT;
    struct sw_errors werrs;
    sw_errors_init(&werrs);
    fuzz_assert(sw_rubric_json(r, &out, &werrs) == 0);
    fuzz_assert(fuzz_utf8_ok(out.data, out.len) && fuzz_json_ok(out.data, out.len));
    sw_buf_reset(&out);
    fuzz_assert(sw_rubric_table(r, &out, &werrs) == 0);
    fuzz_assert(werrs.count == 0);
    sw_errors_release(&werrs);
    fuzz_assert(fuzz_utf8_ok(out.data, out.len));
    for (size_t i = 0; i < r->n_interviews && i < FUZZ_MAX_KITS; i++) {
        for (int format = SW_KIT_TEXT; format <= SW_KIT_MARKDOWN; format++) {
            struct sw_errors errs;
            sw_errors_init(&errs);
            sw_buf_reset(&out);
            fuzz_assert(sw_kit(r, i, (enum sw_kit_format)format, &out, &errs) == 0);
            fuzz_assert(errs.count == 0 && fuzz_utf8_ok(out.data, out.len));
            sw_errors_release(&errs);
        }
    }
    sw_buf_release(&out);
}

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
        write_rubric(r);
    }
    sw_rubric_free(r);
    sw_errors_release(&errs);
    return 0;
}
