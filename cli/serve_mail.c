/* serve_mail.c - `serve --mail`: the mail pass of `remind`, every minute, in a thread. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "log.h"
#include "mail_pass.h"

struct cli_serve_mail {
    struct cli_mail mail;
    char **reqs;
    int n_reqs;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int stop;
};

/* One pass at the current time; one log line when it did something. */
static void pass(struct cli_serve_mail *s)
{
    struct cli_mail_run run;
    cli_mail_pass(&s->mail, (double)time(NULL), s->reqs, s->n_reqs, &run);
    size_t queued = 0;
    for (size_t i = 0; i < run.plan.n; i++)
        queued += (size_t)run.plan.items[i].queued;
    if (queued || run.tally.sent || run.tally.failed)
        web_log("mail: queued %zu, sent %zu, waiting %zu, failed %zu", queued,
                run.tally.sent, run.tally.waiting, run.tally.failed);
    cli_mail_run_release(&run);
}

static void *loop(void *arg)
{
    struct cli_serve_mail *s = arg;
    pthread_mutex_lock(&s->lock);
    while (!s->stop) {
        pthread_mutex_unlock(&s->lock);
        pass(s);
        pthread_mutex_lock(&s->lock);
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += 60;
        while (!s->stop && pthread_cond_timedwait(&s->wake, &s->lock, &until) == 0)
            ;
    }
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

struct cli_serve_mail *cli_serve_mail_start(const struct cli_mail *m, char **reqs, int n_reqs)
{
    struct cli_serve_mail *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->mail = *m;
    s->reqs = reqs;
    s->n_reqs = n_reqs;
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->wake, NULL);
    if (pthread_create(&s->thread, NULL, loop, s) != 0) {
        pthread_cond_destroy(&s->wake);
        pthread_mutex_destroy(&s->lock);
        free(s);
        return NULL;
    }
    return s;
}

void cli_serve_mail_stop(struct cli_serve_mail *s)
{
    if (!s)
        return;
    pthread_mutex_lock(&s->lock);
    s->stop = 1;
    pthread_cond_signal(&s->wake);
    pthread_mutex_unlock(&s->lock);
    pthread_join(s->thread, NULL);
    pthread_cond_destroy(&s->wake);
    pthread_mutex_destroy(&s->lock);
    free(s);
}
