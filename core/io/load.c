/* load.c - many documents parsed on several threads, handed over in path order (load.h). */
#include "load.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "io/xml.h"

/* Handed-over documents one worker may have waiting for it to release them. */
#define GRAVE 64
/* A worker that found the window full sleeps until it has room for this many files. */
#define ROOM 64
/* What claim() returns when the window is full. */
#define FULL ((size_t)-1)

/* One file in the window: what its reader found. */
struct slot {
    struct sw_document doc;
    struct sw_errors errs;
    int failed;
    unsigned reader;        /* 0: the calling thread; t: worker t */
    atomic_int ready;       /* parsed, not yet handed over */
};

/* Documents worker t read and the calling thread handed over, released by
 * worker t itself: glibc's free() of a block from another thread's arena
 * takes that arena's lock, which the reader holds whenever it allocates.
 * One producer (the calling thread), one consumer (the worker). */
struct grave {
    struct sw_document doc[GRAVE];
    struct sw_errors errs[GRAVE];
    atomic_size_t put, taken;
};

/* The files being read. Every thread, the calling one included, claims
 * paths[next] while it lies within SW_LOAD_BATCH of the first not handed
 * over; the calling thread hands them over in order and parses whenever
 * the next one is not ready. A side sleeps only when it cannot go on and
 * is woken only when it sleeps (awaited, sleepers). */
struct pipeline {
    const struct sw_rubric *rubric;
    char *const *paths;
    size_t n;
    unsigned flags;
    struct slot *slots;     /* SW_LOAD_BATCH of them, slot i % SW_LOAD_BATCH */
    struct grave *graves;   /* graves[t - 1] for worker t */
    atomic_size_t next;     /* the next path to claim */
    atomic_size_t handed;   /* paths[0..handed-1] are handed over */
    atomic_size_t awaited;  /* i + 1 while the calling thread sleeps for paths[i]; else 0 */
    atomic_uint sleepers;   /* workers asleep for want of room */
    pthread_mutex_t lock;
    pthread_cond_t parsed;  /* the awaited file is ready */
    pthread_cond_t room;    /* the window has room again */
};

struct worker {
    struct pipeline *p;
    unsigned t;
};

/* The index of the next path, taken; p->n when none is left, FULL when
 * the next lies beyond the window. */
static size_t claim(struct pipeline *p)
{
    size_t j = atomic_load(&p->next);
    for (;;) {
        if (j >= p->n)
            return p->n;
        if (j >= atomic_load(&p->handed) + SW_LOAD_BATCH)
            return FULL;
        if (atomic_compare_exchange_weak(&p->next, &j, j + 1))
            return j;
    }
}

/* Parses paths[i] into its slot on thread t and wakes the calling thread
 * if it sleeps for this very file. The seq_cst store of ready and load of
 * awaited pair with wait_parsed()'s store of awaited and load of ready:
 * one side always sees the other. */
static void parse_into(struct pipeline *p, size_t i, unsigned t)
{
    struct slot *s = &p->slots[i % SW_LOAD_BATCH];
    s->failed = sw_document_load(p->rubric, p->paths[i], p->flags, &s->doc, &s->errs) < 0;
    s->reader = t;
    atomic_store(&s->ready, 1);
    if (atomic_load(&p->awaited) == i + 1) {
        pthread_mutex_lock(&p->lock);
        pthread_cond_signal(&p->parsed);
        pthread_mutex_unlock(&p->lock);
    }
}

static void wait_parsed(struct pipeline *p, size_t i)
{
    struct slot *s = &p->slots[i % SW_LOAD_BATCH];
    pthread_mutex_lock(&p->lock);
    atomic_store(&p->awaited, i + 1);
    while (!atomic_load(&s->ready))
        pthread_cond_wait(&p->parsed, &p->lock);
    atomic_store(&p->awaited, 0);
    pthread_mutex_unlock(&p->lock);
}

/* Whether a worker that found the window full may go on. */
static int has_room(struct pipeline *p)
{
    size_t next = atomic_load(&p->next);
    return next >= p->n || atomic_load(&p->handed) + SW_LOAD_BATCH >= next + ROOM;
}

static void wait_room(struct pipeline *p)
{
    pthread_mutex_lock(&p->lock);
    atomic_fetch_add(&p->sleepers, 1);
    while (!has_room(p))
        pthread_cond_wait(&p->room, &p->lock);
    atomic_fetch_sub(&p->sleepers, 1);
    pthread_mutex_unlock(&p->lock);
}

/* After the window moved: wakes the workers asleep for room, if any and
 * there is room. Pairs with wait_room() as parse_into() with wait_parsed(). */
static void wake_room(struct pipeline *p)
{
    if (atomic_load(&p->sleepers) && has_room(p)) {
        pthread_mutex_lock(&p->lock);
        pthread_cond_broadcast(&p->room);
        pthread_mutex_unlock(&p->lock);
    }
}

/* Releases what the calling thread put in a worker's grave so far: on the
 * worker, or on the calling thread once the worker is joined. */
static void bury(struct grave *g)
{
    size_t taken = atomic_load_explicit(&g->taken, memory_order_relaxed);
    size_t put = atomic_load_explicit(&g->put, memory_order_acquire);
    for (; taken < put; taken++) {
        sw_document_release(&g->doc[taken % GRAVE]);
        sw_errors_release(&g->errs[taken % GRAVE]);
    }
    atomic_store_explicit(&g->taken, taken, memory_order_release);
}

static void *work(void *arg)
{
    struct worker *w = arg;
    struct pipeline *p = w->p;
    for (;;) {
        bury(&p->graves[w->t - 1]);
        size_t j = claim(p);
        if (j == p->n)
            break;
        if (j == FULL)
            wait_room(p);
        else
            parse_into(p, j, w->t);
    }
    return NULL;
}

/* Empties a handed-over slot: its documents go to the grave of the worker
 * that read them, or are released here when this thread read them or that
 * grave is full. */
static void empty_slot(struct pipeline *p, struct slot *s)
{
    struct grave *g = s->reader ? &p->graves[s->reader - 1] : NULL;
    size_t put = g ? atomic_load_explicit(&g->put, memory_order_relaxed) : 0;
    if (g && put - atomic_load_explicit(&g->taken, memory_order_acquire) < GRAVE) {
        g->doc[put % GRAVE] = s->doc;
        g->errs[put % GRAVE] = s->errs;
        atomic_store_explicit(&g->put, put + 1, memory_order_release);
    } else {
        sw_document_release(&s->doc);
        sw_errors_release(&s->errs);
    }
    memset(&s->doc, 0, sizeof s->doc);
    sw_errors_init(&s->errs);
    s->failed = 0;
    atomic_store(&s->ready, 0);
}

/* Hands paths[0..n-1] over in order, parsing here whenever the next is
 * not ready and there is one to claim. */
static void hand_over_all(struct pipeline *p, sw_load_fn each, sw_progress_fn progress,
                          void *ctx)
{
    for (size_t i = 0; i < p->n; i++) {
        struct slot *s = &p->slots[i % SW_LOAD_BATCH];
        while (!atomic_load(&s->ready)) {
            size_t j = claim(p);
            if (j < p->n)
                parse_into(p, j, 0);
            else
                wait_parsed(p, i);
        }
        each(ctx, p->paths[i], &s->doc, s->failed, &s->errs);
        empty_slot(p, s);
        atomic_store(&p->handed, i + 1);
        wake_room(p);
        if (progress && ((i + 1) % SW_LOAD_BATCH == 0 || i + 1 == p->n))
            progress(ctx, i + 1, p->n);
    }
}

int sw_load_files(const struct sw_rubric *r, char *const *paths, size_t n, unsigned flags,
                  unsigned threads, sw_load_fn each, sw_progress_fn progress, void *ctx)
{
    unsigned want = threads > SW_MAX_THREADS ? SW_MAX_THREADS : threads ? threads : 1;
    if (want > n)
        want = n ? (unsigned)n : 1;
    struct pipeline p = { .rubric = r, .paths = paths, .n = n, .flags = flags,
                          .slots = calloc(SW_LOAD_BATCH, sizeof *p.slots),
                          .graves = calloc(want, sizeof *p.graves),
                          .lock = PTHREAD_MUTEX_INITIALIZER,
                          .parsed = PTHREAD_COND_INITIALIZER, .room = PTHREAD_COND_INITIALIZER };
    if (!p.slots || !p.graves) {
        free(p.slots);
        free(p.graves);
        return -1;
    }
    for (size_t i = 0; i < SW_LOAD_BATCH; i++)
        sw_errors_init(&p.slots[i].errs);
    sw_xml_init();
    /* `want` threads in all: want - 1 workers and this one. */
    struct worker workers[SW_MAX_THREADS];
    pthread_t ids[SW_MAX_THREADS];
    unsigned started = 0;
    for (unsigned t = 1; t < want; t++) {
        workers[started] = (struct worker){ &p, started + 1 };
        if (pthread_create(&ids[started], NULL, work, &workers[started]) == 0)
            started++;
    }
    hand_over_all(&p, each, progress, ctx);
    for (unsigned t = 0; t < started; t++) {
        pthread_join(ids[t], NULL);
        bury(&p.graves[t]);
    }
    free(p.graves);
    free(p.slots);
    pthread_cond_destroy(&p.parsed);
    pthread_cond_destroy(&p.room);
    pthread_mutex_destroy(&p.lock);
    return 0;
}
