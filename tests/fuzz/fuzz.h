/*
 * fuzz.h - what the libFuzzer harnesses share: the rubrics scorecards are read
 * against, loaded once from the source tree (FUZZ_SRCDIR, set by the Makefile).
 *
 * A scorecard names its rubric in rubric="..."; fuzz_rubric_for() picks the
 * loaded rubric with that id (the first mention in the bytes wins) so every
 * fixture can seed the corpus, whatever rubric it was written for.
 */
#ifndef SW_FUZZ_H
#define SW_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rubric.h"
#include "io/xml.h"

#ifndef FUZZ_SRCDIR
#define FUZZ_SRCDIR "."
#endif

static const char *const fuzz_rubric_files[] = {
    "rubrics/tpm.xml",                 /* the default */
    "tests/fixtures/rubrics/mini.xml",
    "tests/fixtures/published/rubric.xml",
    "tests/fixtures/rubrics/eng.xml",
};
#define FUZZ_N_RUBRICS (sizeof fuzz_rubric_files / sizeof fuzz_rubric_files[0])

static struct sw_rubric *fuzz_rubrics[FUZZ_N_RUBRICS];

/* Loads every rubric above; a harness cannot run without them. */
static void fuzz_load_rubrics(void)
{
    sw_xml_init();
    for (size_t i = 0; i < FUZZ_N_RUBRICS; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", FUZZ_SRCDIR, fuzz_rubric_files[i]);
        struct sw_errors errs;
        sw_errors_init(&errs);
        fuzz_rubrics[i] = sw_rubric_load(path, &errs);
        if (!fuzz_rubrics[i]) {
            fprintf(stderr, "fuzz: cannot load %s: %s\n", path,
                    errs.count ? errs.items[0].message : "?");
            abort();
        }
        sw_errors_release(&errs);
    }
}

static const void *fuzz_memmem(const void *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    const unsigned char *h = hay;
    for (size_t i = 0; k <= n && i <= n - k; i++)
        if (memcmp(h + i, needle, k) == 0)
            return h + i;
    return NULL;
}

/* The loaded rubric whose id follows the first rubric=" in data; tpm otherwise. */
static const struct sw_rubric *fuzz_rubric_for(const uint8_t *data, size_t size)
{
    const unsigned char *at = fuzz_memmem(data, size, "rubric=\"");
    if (!at)
        return fuzz_rubrics[0];
    at += 8;
    size_t left = size - (size_t)(at - data);
    for (size_t i = 0; i < FUZZ_N_RUBRICS; i++) {
        size_t k = strlen(fuzz_rubrics[i]->id);
        if (k < left && memcmp(at, fuzz_rubrics[i]->id, k) == 0 && at[k] == '"')
            return fuzz_rubrics[i];
    }
    return fuzz_rubrics[0];
}

#endif
