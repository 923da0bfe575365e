/* deadline.c - the whole-request deadline's watchdog; see deadline.h. */
#include "deadline.h"

#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define TICK_NS (200 * 1000 * 1000L)   /* how often the watchdog looks */

struct slot {
    struct MHD_Connection *con;  /* NULL: free */
    int fd;
    int waiting;                 /* a request is being received */
    int cut;
    struct timespec begun;
};

struct web_deadline {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_t thread;
    int stop;
    unsigned seconds;
    struct slot *slots;
    unsigned n;
};

static double since(const struct timespec *t, const struct timespec *now)
{
    return (double)(now->tv_sec - t->tv_sec) + (double)(now->tv_nsec - t->tv_nsec) / 1e9;
}

static void *watch(void *arg)
{
    struct web_deadline *d = arg;
    pthread_mutex_lock(&d->lock);
    while (!d->stop) {
        struct timespec now, until;
        clock_gettime(CLOCK_MONOTONIC, &now);
        for (unsigned i = 0; i < d->n; i++) {
            struct slot *s = &d->slots[i];
            if (s->con && s->waiting && !s->cut && since(&s->begun, &now) >= d->seconds) {
                shutdown(s->fd, SHUT_RDWR);
                s->cut = 1;
            }
        }
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += TICK_NS;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&d->wake, &d->lock, &until);
    }
    pthread_mutex_unlock(&d->lock);
    return NULL;
}

struct web_deadline *web_deadline_new(unsigned seconds, unsigned slots)
{
    struct web_deadline *d = calloc(1, sizeof *d);
    if (d)
        d->slots = calloc(slots, sizeof *d->slots);
    if (!d || !d->slots) {
        if (d)
            free(d->slots);
        free(d);
        return NULL;
    }
    d->n = slots;
    d->seconds = seconds;
    pthread_mutex_init(&d->lock, NULL);
    pthread_cond_init(&d->wake, NULL);
    if (pthread_create(&d->thread, NULL, watch, d) != 0) {
        pthread_mutex_destroy(&d->lock);
        pthread_cond_destroy(&d->wake);
        free(d->slots);
        free(d);
        return NULL;
    }
    return d;
}

void web_deadline_free(struct web_deadline *d)
{
    if (!d)
        return;
    pthread_mutex_lock(&d->lock);
    d->stop = 1;
    pthread_cond_signal(&d->wake);
    pthread_mutex_unlock(&d->lock);
    pthread_join(d->thread, NULL);
    pthread_mutex_destroy(&d->lock);
    pthread_cond_destroy(&d->wake);
    free(d->slots);
    free(d);
}

void web_deadline_notify(void *cls, struct MHD_Connection *con, void **socket_context,
                         enum MHD_ConnectionNotificationCode toe)
{
    struct web_deadline *d = cls;
    pthread_mutex_lock(&d->lock);
    if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *ci =
            MHD_get_connection_info(con, MHD_CONNECTION_INFO_CONNECTION_FD);
        *socket_context = NULL;
        for (unsigned i = 0; ci && i < d->n; i++)
            if (!d->slots[i].con) {
                struct slot *s = &d->slots[i];
                s->con = con;
                s->fd = ci->connect_fd;
                s->waiting = 1;
                s->cut = 0;
                clock_gettime(CLOCK_MONOTONIC, &s->begun);
                *socket_context = s;
                break;
            }
    } else if (*socket_context) {
        struct slot *s = *socket_context;
        s->con = NULL;
        *socket_context = NULL;
    }
    pthread_mutex_unlock(&d->lock);
}

void web_deadline_received(struct web_deadline *d, struct MHD_Connection *con, int received)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(con, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    if (!d || !ci || !ci->socket_context)
        return;
    pthread_mutex_lock(&d->lock);
    struct slot *s = ci->socket_context;
    if (s->con == con) {
        s->waiting = !received;
        clock_gettime(CLOCK_MONOTONIC, &s->begun);
    }
    pthread_mutex_unlock(&d->lock);
}
