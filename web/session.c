/* session.c - sessions and the sign-in rate limit; see session.h. */
#include "session.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

struct session {
    unsigned char key[crypto_hash_sha256_BYTES];   /* SHA-256 of the cookie value */
    char person[WEB_ID_MAX];
    char csrf[WEB_TOKEN_HEX];
    time_t started, used;
    int live;
};

struct web_sessions {
    pthread_mutex_t lock;
    struct session *items;
    size_t capacity;
};

struct web_sessions *web_sessions_new(size_t capacity)
{
    if (sodium_init() < 0 || capacity == 0)
        return NULL;
    struct web_sessions *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->items = calloc(capacity, sizeof *s->items);
    if (!s->items) {
        free(s);
        return NULL;
    }
    s->capacity = capacity;
    pthread_mutex_init(&s->lock, NULL);
    return s;
}

void web_sessions_free(struct web_sessions *s)
{
    if (!s)
        return;
    sodium_memzero(s->items, s->capacity * sizeof *s->items);
    free(s->items);
    pthread_mutex_destroy(&s->lock);
    free(s);
}

void web_random_hex(char *out, size_t n)
{
    unsigned char bytes[64];
    if (n > sizeof bytes)
        n = sizeof bytes;
    randombytes_buf(bytes, n);
    sodium_bin2hex(out, 2 * n + 1, bytes, n);
    sodium_memzero(bytes, sizeof bytes);
}

void web_sha256_hex(const void *data, size_t len, char out[WEB_TOKEN_HEX])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, data, len);
    sodium_bin2hex(out, WEB_TOKEN_HEX, h, sizeof h);
}

int web_equal_secret(const char *a, const char *b)
{
    size_t n = strlen(a);
    return n == strlen(b) && sodium_memcmp(a, b, n) == 0;
}

static int expired(const struct session *e, time_t now)
{
    return now - e->used >= WEB_SESSION_IDLE || now - e->started >= WEB_SESSION_MAX ||
           now < e->started;
}

/* A free slot, else the one to replace: expired, else anonymous idle longest,
 * else idle longest. */
static struct session *slot(struct web_sessions *s, time_t now)
{
    struct session *best = NULL;
    for (size_t i = 0; i < s->capacity; i++) {
        struct session *e = &s->items[i];
        if (!e->live || expired(e, now))
            return e;
        int anon = !e->person[0], best_anon = best && !best->person[0];
        if (!best || (anon && !best_anon) || (anon == best_anon && e->used < best->used))
            best = e;
    }
    return best;
}

int web_session_start(struct web_sessions *s, const char *person, time_t now,
                      char cookie[WEB_TOKEN_HEX], char csrf[WEB_TOKEN_HEX])
{
    if (strlen(person) >= WEB_ID_MAX)
        return -1;
    web_random_hex(cookie, 32);
    web_random_hex(csrf, 32);
    pthread_mutex_lock(&s->lock);
    struct session *e = slot(s, now);
    if (!e) {
        pthread_mutex_unlock(&s->lock);
        return -1;
    }
    memset(e, 0, sizeof *e);
    crypto_hash_sha256(e->key, (const unsigned char *)cookie, strlen(cookie));
    strcpy(e->person, person);
    strcpy(e->csrf, csrf);
    e->started = e->used = now;
    e->live = 1;
    pthread_mutex_unlock(&s->lock);
    return 0;
}

static struct session *lookup(struct web_sessions *s, const char *cookie)
{
    unsigned char key[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(key, (const unsigned char *)cookie, strlen(cookie));
    for (size_t i = 0; i < s->capacity; i++)
        if (s->items[i].live && memcmp(s->items[i].key, key, sizeof key) == 0)
            return &s->items[i];
    return NULL;
}

int web_session_find(struct web_sessions *s, const char *cookie, time_t now,
                     char person[WEB_ID_MAX], char csrf[WEB_TOKEN_HEX])
{
    int rc = -1;
    pthread_mutex_lock(&s->lock);
    struct session *e = lookup(s, cookie);
    if (e && expired(e, now)) {
        memset(e, 0, sizeof *e);
    } else if (e) {
        e->used = now;
        strcpy(person, e->person);
        strcpy(csrf, e->csrf);
        rc = 0;
    }
    pthread_mutex_unlock(&s->lock);
    return rc;
}

void web_session_end(struct web_sessions *s, const char *cookie)
{
    pthread_mutex_lock(&s->lock);
    struct session *e = lookup(s, cookie);
    if (e)
        memset(e, 0, sizeof *e);
    pthread_mutex_unlock(&s->lock);
}

size_t web_session_count(struct web_sessions *s)
{
    size_t n = 0;
    pthread_mutex_lock(&s->lock);
    for (size_t i = 0; i < s->capacity; i++)
        n += s->items[i].live != 0;
    pthread_mutex_unlock(&s->lock);
    return n;
}

/* --- rate limit ------------------------------------------------------------ */

struct window {
    char addr[64];
    time_t start;
    int count;
};

struct web_ratelimit {
    pthread_mutex_t lock;
    struct window w[WEB_RATE_ADDRESSES];
};

struct web_ratelimit *web_ratelimit_new(void)
{
    struct web_ratelimit *r = calloc(1, sizeof *r);
    if (r)
        pthread_mutex_init(&r->lock, NULL);
    return r;
}

void web_ratelimit_free(struct web_ratelimit *r)
{
    if (!r)
        return;
    pthread_mutex_destroy(&r->lock);
    free(r);
}

int web_ratelimit_allow(struct web_ratelimit *r, const char *addr, time_t now)
{
    pthread_mutex_lock(&r->lock);
    struct window *found = NULL, *oldest = &r->w[0];
    for (size_t i = 0; i < WEB_RATE_ADDRESSES && !found; i++) {
        if (r->w[i].addr[0] && strncmp(r->w[i].addr, addr, sizeof r->w[i].addr - 1) == 0)
            found = &r->w[i];
        else if (!r->w[i].addr[0] ? oldest->addr[0] != 0
                                   : oldest->addr[0] && r->w[i].start < oldest->start)
            oldest = &r->w[i];
    }
    if (found && (now - found->start >= 60 || now < found->start)) {
        found->start = now;
        found->count = 0;
    }
    if (!found) {
        found = oldest;
        snprintf(found->addr, sizeof found->addr, "%s", addr);
        found->start = now;
        found->count = 0;
    }
    int ok = found->count < WEB_SIGNIN_PER_MINUTE;
    found->count += ok;
    pthread_mutex_unlock(&r->lock);
    return ok;
}
