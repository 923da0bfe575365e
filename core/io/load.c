#include "load.h"

#include <stdlib.h>
#include <string.h>

#include "util/fanout.h"
#include "io/xml.h"

/* One file of a batch: what its worker found. */
struct slot {
    struct sw_document doc;
    struct sw_errors errs;
    int failed;
};

/* A batch of files, parsed by sw_fanout's workers. */
struct batch {
    const struct sw_rubric *rubric;
    char *const *paths;
    struct slot *slots;
    unsigned flags;
};

static void parse_one(void *ctx, size_t i)
{
    struct batch *b = ctx;
    struct slot *s = &b->slots[i];
    s->failed = sw_document_load(b->rubric, b->paths[i], b->flags, &s->doc, &s->errs) < 0;
}

int sw_load_files(const struct sw_rubric *r, char *const *paths, size_t n, unsigned flags,
                  unsigned threads, sw_load_fn each, sw_progress_fn progress, void *ctx)
{
    struct slot *slots = calloc(SW_LOAD_BATCH, sizeof *slots);
    if (!slots)
        return -1;
    sw_xml_init();
    for (size_t first = 0; first < n; first += SW_LOAD_BATCH) {
        size_t count = n - first;
        if (count > SW_LOAD_BATCH)
            count = SW_LOAD_BATCH;
        for (size_t i = 0; i < count; i++) {
            memset(&slots[i], 0, sizeof slots[i]);
            sw_errors_init(&slots[i].errs);
        }
        struct batch batch = { r, paths + first, slots, flags };
        sw_fanout(count, threads, parse_one, &batch);
        for (size_t i = 0; i < count; i++) {
            struct slot *s = &slots[i];
            each(ctx, paths[first + i], &s->doc, s->failed, &s->errs);
            sw_document_release(&s->doc);
            sw_errors_release(&s->errs);
        }
        if (progress)
            progress(ctx, first + count, n);
    }
    free(slots);
    return 0;
}
