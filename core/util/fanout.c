/* fanout.c - one job of n items on several threads (fanout.h). */
#include "util/fanout.h"

#include <pthread.h>
#include <stdatomic.h>

struct job {
    size_t n;
    sw_fanout_fn f;
    void *ctx;
    atomic_size_t next;
};

static void *work(void *arg)
{
    struct job *job = arg;
    for (size_t i; (i = atomic_fetch_add(&job->next, 1)) < job->n;)
        job->f(job->ctx, i);
    return NULL;
}

void sw_fanout(size_t n, unsigned threads, sw_fanout_fn f, void *ctx)
{
    if (threads > SW_MAX_THREADS)
        threads = SW_MAX_THREADS;
    if (threads > n)
        threads = (unsigned)n;
    struct job job = { n, f, ctx, 0 };
    pthread_t ids[SW_MAX_THREADS];
    int started[SW_MAX_THREADS] = { 0 };
    for (unsigned t = 1; t < threads; t++)
        started[t] = pthread_create(&ids[t], NULL, work, &job) == 0;
    work(&job);
    for (unsigned t = 1; t < threads; t++)
        if (started[t])
            pthread_join(ids[t], NULL);
}
