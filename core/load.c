#include "load.h"

#include <pthread.h>
#include <stdatomic.h>
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

/* A batch: each worker takes the next file not taken yet, so a worker that
 * the system slows down holds up no other. */
struct batch {
    const struct sw_rubric *rubric;
    char *const *paths;
    struct slot *slots;
    size_t count;
    unsigned flags;
    atomic_size_t next;
};

static void *parse_share(void *arg)
{
    struct batch *b = arg;
    for (size_t i; (i = atomic_fetch_add(&b->next, 1)) < b->count;) {
        struct slot *s = &b->slots[i];
        s->failed = sw_document_load(b->rubric, b->paths[i], b->flags, &s->doc, &s->errs) < 0;
    }
    return NULL;
}

/* Parses one batch with `threads` workers (the caller being one of them; if
 * a thread cannot be started, the others take its files). */
static void parse_batch(struct batch *b, unsigned threads)
{
    pthread_t ids[MAX_THREADS];
    int started[MAX_THREADS] = { 0 };
    for (unsigned t = 1; t < threads; t++)
        started[t] = pthread_create(&ids[t], NULL, parse_share, b) == 0;
    parse_share(b);
    for (unsigned t = 1; t < threads; t++)
        if (started[t])
            pthread_join(ids[t], NULL);
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
        struct batch batch = { r, paths + first, slots, count, flags, 0 };
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
