#include "load.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "xml.h"

#define MAX_THREADS 16

/* One file of a batch: what its worker found. */
struct slot {
    struct sw_document doc;
    struct sw_errors errs;
    int failed;
};

/* One worker's share of a batch: files start, start + stride, ... */
struct share {
    const struct sw_rubric *rubric;
    char *const *paths;
    struct slot *slots;
    size_t count;
    unsigned flags;
    unsigned stride, start;
};

static void *parse_share(void *arg)
{
    struct share *b = arg;
    for (size_t i = b->start; i < b->count; i += b->stride) {
        struct slot *s = &b->slots[i];
        s->failed = sw_document_load(b->rubric, b->paths[i], b->flags, &s->doc, &s->errs) < 0;
    }
    return NULL;
}

/* Parses one batch with `threads` workers (the caller being one of them). */
static void parse_batch(const struct share *batch, unsigned threads)
{
    struct share work[MAX_THREADS];
    pthread_t ids[MAX_THREADS];
    int started[MAX_THREADS] = { 0 };
    for (unsigned t = 0; t < threads; t++) {
        work[t] = *batch;
        work[t].stride = threads;
        work[t].start = t;
        if (t > 0)
            started[t] = pthread_create(&ids[t], NULL, parse_share, &work[t]) == 0;
    }
    parse_share(&work[0]);
    for (unsigned t = 1; t < threads; t++) {
        if (started[t])
            pthread_join(ids[t], NULL);
        else
            parse_share(&work[t]);    /* no thread to be had: do its share here */
    }
}

int sw_load_files(const struct sw_rubric *r, char *const *paths, size_t n, unsigned flags,
                  unsigned threads, sw_load_fn each, sw_progress_fn progress, void *ctx)
{
    struct slot *slots = calloc(SW_LOAD_BATCH, sizeof *slots);
    if (!slots)
        return -1;
    if (threads < 1)
        threads = 1;
    if (threads > MAX_THREADS)
        threads = MAX_THREADS;
    sw_xml_init();
    for (size_t first = 0; first < n; first += SW_LOAD_BATCH) {
        size_t count = n - first < SW_LOAD_BATCH ? n - first : SW_LOAD_BATCH;
        for (size_t i = 0; i < count; i++) {
            memset(&slots[i], 0, sizeof slots[i]);
            sw_errors_init(&slots[i].errs);
        }
        struct share batch = { r, paths + first, slots, count, flags, 1, 0 };
        parse_batch(&batch, threads < count ? threads : (unsigned)count);
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
