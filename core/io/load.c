/* load.c - many documents parsed on worker threads, handed over in path order (load.h). */
#include "load.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "io/xml.h"

/* One file in the window: what its worker found. */
struct slot {
    struct sw_document doc;
    struct sw_errors errs;
    int failed;
    int done;               /* parsed, not yet handed over (under the lock) */
};

/* The files being read: workers take paths[next] while it lies within
 * SW_LOAD_BATCH of the first not handed over, so at most a window of
 * documents is held; the calling thread hands them over in order. */
struct pipeline {
    const struct sw_rubric *rubric;
    char *const *paths;
    size_t n;
    unsigned flags;
    struct slot *slots;     /* SW_LOAD_BATCH of them, slot i % SW_LOAD_BATCH */
    pthread_mutex_t lock;
    pthread_cond_t parsed;  /* a slot became done */
    pthread_cond_t room;    /* the window moved */
    size_t next;            /* the next path to take */
    size_t handed;          /* paths[0..handed-1] are handed over */
};

static void parse_into(struct pipeline *p, size_t i)
{
    struct slot *s = &p->slots[i % SW_LOAD_BATCH];
    s->failed = sw_document_load(p->rubric, p->paths[i], p->flags, &s->doc, &s->errs) < 0;
}

static void *worker(void *arg)
{
    struct pipeline *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->next < p->n && p->next >= p->handed + SW_LOAD_BATCH)
            pthread_cond_wait(&p->room, &p->lock);
        if (p->next >= p->n)
            break;
        size_t i = p->next++;
        pthread_mutex_unlock(&p->lock);
        parse_into(p, i);
        pthread_mutex_lock(&p->lock);
        p->slots[i % SW_LOAD_BATCH].done = 1;
        pthread_cond_broadcast(&p->parsed);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* Waits until paths[i] is parsed; with no worker running, parses it here. */
static struct slot *wait_for(struct pipeline *p, size_t i, unsigned workers)
{
    struct slot *s = &p->slots[i % SW_LOAD_BATCH];
    if (workers == 0) {
        parse_into(p, i);
        return s;
    }
    pthread_mutex_lock(&p->lock);
    while (!s->done)
        pthread_cond_wait(&p->parsed, &p->lock);
    pthread_mutex_unlock(&p->lock);
    return s;
}

/* Empties slot i's place in the window and moves the window on. */
static void hand_over(struct pipeline *p, size_t i, unsigned workers)
{
    struct slot *s = &p->slots[i % SW_LOAD_BATCH];
    sw_document_release(&s->doc);
    sw_errors_release(&s->errs);
    memset(s, 0, sizeof *s);
    sw_errors_init(&s->errs);
    if (workers == 0)
        return;
    pthread_mutex_lock(&p->lock);
    p->handed = i + 1;
    pthread_cond_broadcast(&p->room);
    pthread_mutex_unlock(&p->lock);
}

int sw_load_files(const struct sw_rubric *r, char *const *paths, size_t n, unsigned flags,
                  unsigned threads, sw_load_fn each, sw_progress_fn progress, void *ctx)
{
    struct pipeline p = { r, paths, n, flags, calloc(SW_LOAD_BATCH, sizeof *p.slots),
                          PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                          PTHREAD_COND_INITIALIZER, 0, 0 };
    if (!p.slots)
        return -1;
    for (size_t i = 0; i < SW_LOAD_BATCH; i++)
        sw_errors_init(&p.slots[i].errs);
    sw_xml_init();
    /* With more than one thread, `threads` workers parse while this thread
     * hands the documents over: handing over costs little and overlaps. */
    unsigned want = threads > SW_MAX_THREADS ? SW_MAX_THREADS : threads, workers = 0;
    pthread_t ids[SW_MAX_THREADS];
    if (want > 1)
        for (unsigned t = 0; t < want && t < n; t++)
            if (pthread_create(&ids[workers], NULL, worker, &p) == 0)
                workers++;
    for (size_t i = 0; i < n; i++) {
        struct slot *s = wait_for(&p, i, workers);
        each(ctx, paths[i], &s->doc, s->failed, &s->errs);
        hand_over(&p, i, workers);
        if (progress && ((i + 1) % SW_LOAD_BATCH == 0 || i + 1 == n))
            progress(ctx, i + 1, n);
    }
    for (unsigned t = 0; t < workers; t++)
        pthread_join(ids[t], NULL);
    for (size_t i = 0; i < SW_LOAD_BATCH; i++)
        sw_errors_release(&p.slots[i].errs);
    free(p.slots);
    pthread_cond_destroy(&p.parsed);
    pthread_cond_destroy(&p.room);
    pthread_mutex_destroy(&p.lock);
    return 0;
}
