/*
 * fuzz_demographics.c - libFuzzer harness for the demographics file and the
 * audit made of it (docs/design.md rule 16). The bytes are one demographics
 * document; it is checked (loaded only without errors, dimensions declared
 * once, values ids of [a-z0-9-], no person twice), then audited against the
 * example requisition (docs/examples/staff-tpm-2026, loaded once): rates in
 * [0, 1], impact ratios only for groups neither excluded nor suppressed, a
 * suppressed group without counts, withheld at least min-cell. Every writer
 * runs; its output must be UTF-8, JSON that parses, CSV per RFC 4180, and
 * name no candidate of the requisition.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "check.h"
#include "files.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct sw_aggregate *example;
static struct sw_severity *example_fit;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_load_rubrics();
    (void)fuzz_rubric_for;     /* the requisition fixes the rubric: tpm */
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_paths paths;
    sw_paths_init(&paths);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/docs/examples/staff-tpm-2026", FUZZ_SRCDIR);
    example = sw_aggregate_new(fuzz_rubrics[0]);
    if (!example || sw_paths_collect(&paths, dir, &errs) < 0 ||
        sw_aggregate_load(example, paths.items, paths.count, &errs) != 0 ||
        sw_aggregate_finish(example, -1, &errs) < 0 ||
        !(example_fit = sw_severity_fit(example, &errs))) {
        fprintf(stderr, "fuzz: cannot aggregate %s\n", dir);
        abort();
    }
    sw_paths_release(&paths);
    sw_errors_release(&errs);
    return 0;
}

static void check_loaded(const struct sw_demographics *d)
{
    fuzz_assert(d->n_dimensions >= 1);
    for (size_t k = 0; k < d->n_dimensions; k++)
        for (size_t j = 0; j < k; j++)
            fuzz_assert(strcmp(d->dimensions[j], d->dimensions[k]) != 0);
    for (size_t p = 0; p < d->n_people; p++)
        for (size_t k = 0; k < d->n_dimensions; k++) {
            const char *v = d->people[p].values[k];
            fuzz_assert(!v || (*v && strspn(v, "abcdefghijklmnopqrstuvwxyz0123456789-") ==
                                             strlen(v)));
        }
}

static void check_grouping(const struct sw_audit *au, const struct sw_audit_dimension *dim)
{
    int any_suppressed = 0, any_shown = 0;
    for (size_t g = 0; g < dim->n_groups; g++) {
        const struct sw_audit_group *gr = &dim->groups[g];
        any_suppressed |= gr->suppressed;
        any_shown |= !gr->suppressed;
        if (gr->suppressed) {
            fuzz_assert(gr->n == SW_AUDIT_NULL && isnan(gr->selection_rate) && !gr->flag);
            fuzz_assert(isnan(gr->fisher_p) && isnan(gr->selection_impact));
            continue;
        }
        fuzz_assert(gr->n >= au->min_cell && gr->selected <= gr->decided);
        fuzz_assert(isnan(gr->selection_rate) ||
                    (gr->selection_rate >= 0 && gr->selection_rate <= 1));
        fuzz_assert(gr->fisher_p >= 0 && gr->fisher_p <= 1);
        fuzz_assert(!gr->excluded || isnan(gr->scoring_impact));
    }
    if (any_suppressed)
        fuzz_assert(dim->unknown == SW_AUDIT_NULL &&
                    (dim->withheld >= au->min_cell || !any_shown));
    else
        fuzz_assert(dim->withheld == SW_AUDIT_NULL && dim->unknown != SW_AUDIT_NULL);
}

/* The input, for check_out: a candidate id it spells (as a dimension or a
 * value) may appear in the output; no other may. */
static const uint8_t *input;
static size_t input_size;

/* The text must hold none of the requisition's candidate ids. */
FUZZ_PLAIN static void check_out(struct sw_buf *b, int rc, int kind)
{
    fuzz_assert(rc == 0 && !b->failed);
    fuzz_assert(fuzz_utf8_ok(b->data, b->len));
    if (kind == 'j')
        fuzz_assert(fuzz_json_ok(b->data, b->len));
    else if (kind == 'c')
        fuzz_assert(fuzz_csv_ok(b->data, b->len));
    for (size_t k = 0; b->len && k < example->n_candidates; k++) {
        const char *id = example->candidates[k].id;
        int named_by_input = fuzz_memmem(input, input_size, id) != NULL;
        fuzz_assert(named_by_input || !strstr(b->data, id));
    }
    sw_buf_reset(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    input = data;
    input_size = size;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_demographics *d = sw_demographics_parse((const char *)data, size, "fuzz.xml",
                                                      &errs);
    fuzz_assert((d != NULL) == (errs.count + errs.lost == 0));
    if (d) {
        check_loaded(d);
        struct sw_audit *au = sw_audit_new(example, d, example_fit, &errs);
        fuzz_assert(au && au->population <= example->n_candidates);
        for (size_t k = 0; k < au->n_dimensions; k++)
            check_grouping(au, &au->dimensions[k]);
        check_grouping(au, &au->intersections);
        struct sw_buf out = SW_BUF_INIT;
        check_out(&out, sw_audit_json(au, example, &out, &errs), 'j');
        check_out(&out, sw_audit_csv(au, example, SW_CSV_SPREADSHEET, &out, &errs), 'c');
        check_out(&out, sw_audit_table(au, example, &out, &errs), 't');
        sw_buf_release(&out);
        sw_audit_free(au);
    }
    sw_demographics_free(d);
    sw_errors_release(&errs);
    return 0;
}
