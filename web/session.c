/* session.c - sessions, CSRF proofs and the sign-in limit; see session.h. */
#include "session.h"

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "files.h"

#define STATE_HEADER "scorewheel-sessions 1"
#define FLUSH_EVERY 60           /* seconds between writes for times of use alone */

struct session {
    char key[WEB_TOKEN_HEX];     /* SHA-256 of the cookie value, hex */
    char link[WEB_TOKEN_HEX];    /* token hash of the link it was made with */
    char person[WEB_ID_MAX];
    time_t started, used;
    int live;
};

struct web_sessions {
    pthread_mutex_t lock;
    struct session *items;
    size_t capacity;
    unsigned char secret[crypto_auth_hmacsha256_KEYBYTES];
    char *path;                  /* the state file, NULL: memory only */
    int dirty;                   /* times of use changed since the last write */
    time_t written;
};

void web_random_hex(char *out, size_t n)
{
    unsigned char bytes[64];
    if (n > sizeof bytes)
        n = sizeof bytes;
    if (sodium_init() < 0)
        abort();   /* no random numbers: nothing may be signed */
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

static void mac_hex(const struct web_sessions *s, const char *what, const char *text,
                    char *out, size_t digits)
{
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, s->secret, sizeof s->secret);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)what, strlen(what) + 1);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)text, strlen(text));
    crypto_auth_hmacsha256_final(&st, mac);
    sodium_bin2hex(out, digits + 1, mac, digits / 2);
}

void web_csrf_for(struct web_sessions *s, const char *cookie, char out[WEB_TOKEN_HEX])
{
    mac_hex(s, "session", cookie, out, 64);
}

void web_signin_proof(struct web_sessions *s, time_t now, char out[WEB_TOKEN_HEX])
{
    snprintf(out, 9, "%08" PRIx32, (uint32_t)now);
    mac_hex(s, "sign-in", out, out + 8, 56);
}

int web_signin_proof_ok(struct web_sessions *s, const char *proof, time_t now)
{
    char stamp[9], mine[WEB_TOKEN_HEX];
    if (strlen(proof) != 64 || strspn(proof, "0123456789abcdef") != 64)
        return 0;
    memcpy(stamp, proof, 8);
    stamp[8] = '\0';
    long long made = strtoll(stamp, NULL, 16);
    if (made > (long long)now || (long long)now - made > WEB_SIGNIN_FORM_LIFE)
        return 0;
    memcpy(mine, stamp, 9);
    mac_hex(s, "sign-in", stamp, mine + 8, 56);
    return web_equal_secret(mine, proof);
}

/* --- the state file --------------------------------------------------------- */

/* Writes the state file (the caller holds the lock). Failures are said on
 * stderr by the server's log only: sessions go on in memory. */
static int save_state(struct web_sessions *s, time_t now)
{
    if (!s->path)
        return 0;
    struct sw_buf b = SW_BUF_INIT;
    char secret[2 * sizeof s->secret + 1];
    sodium_bin2hex(secret, sizeof secret, s->secret, sizeof s->secret);
    sw_buf_addf(&b, STATE_HEADER "\nsecret %s\n", secret);
    sodium_memzero(secret, sizeof secret);
    for (size_t i = 0; i < s->capacity; i++) {
        const struct session *e = &s->items[i];
        if (e->live)
            sw_buf_addf(&b, "%s %s %lld %lld %s\n", e->key, e->link, (long long)e->started,
                        (long long)e->used, e->person);
    }
    struct sw_errors errs;
    sw_errors_init(&errs);
    int rc = b.failed ? -1 : web_write_private(s->path, b.data, b.len, &errs);
    sodium_memzero(b.data, b.len);
    sw_buf_release(&b);
    sw_errors_release(&errs);
    if (rc == 0) {
        s->dirty = 0;
        s->written = now;
    }
    return rc;
}

static int is_hex64(const char *t)
{
    return strlen(t) == 64 && strspn(t, "0123456789abcdef") == 64;
}

/* One session line into e; 0 or -1. */
static int parse_session(const char *line, struct session *e)
{
    char key[80], link[80], person[WEB_ID_MAX];
    long long started, used;
    if (sscanf(line, "%79s %79s %lld %lld %127s", key, link, &started, &used, person) != 5 ||
        !is_hex64(key) || !is_hex64(link))
        return -1;
    memset(e, 0, sizeof *e);
    strcpy(e->key, key);
    strcpy(e->link, link);
    strcpy(e->person, person);
    e->started = (time_t)started;
    e->used = (time_t)used;
    e->live = 1;
    return 0;
}

static int load_state(struct web_sessions *s, struct sw_errors *errs)
{
    FILE *f = fopen(s->path, "r");
    if (!f && errno == ENOENT)
        return 0;
    if (!f)
        return sw_error_add(errs, SW_ESYSTEM, s->path, 0, "cannot read: %s", strerror(errno));
    char line[512], secret[80];
    int lineno = 1, rc = 0;
    size_t n = 0;
    if (!fgets(line, sizeof line, f) || strcmp(line, STATE_HEADER "\n") != 0)
        rc = sw_fail(errs, s->path, 1, "not a sessions file (first line '" STATE_HEADER "')");
    else if (lineno++, !fgets(line, sizeof line, f) || sscanf(line, "secret %79s", secret) != 1 ||
             !is_hex64(secret))
        rc = sw_fail(errs, s->path, 2, "the second line is not 'secret' and 64 hex digits");
    else
        sodium_hex2bin(s->secret, sizeof s->secret, secret, 64, NULL, NULL, NULL);
    while (rc == 0 && fgets(line, sizeof line, f)) {
        lineno++;
        if (n < s->capacity && parse_session(line, &s->items[n]) == 0)
            n++;
        else if (n < s->capacity)
            rc = sw_fail(errs, s->path, lineno, "not a session (KEY LINK STARTED USED PERSON)");
    }
    sodium_memzero(line, sizeof line);
    sodium_memzero(secret, sizeof secret);
    fclose(f);
    return rc;
}

struct web_sessions *web_sessions_new(size_t capacity, const char *state_path,
                                      struct sw_errors *errs)
{
    if (sodium_init() < 0 || capacity == 0) {
        sw_error_add(errs, SW_ESYSTEM, NULL, 0, "cannot start libsodium (no random numbers)");
        return NULL;
    }
    struct web_sessions *s = calloc(1, sizeof *s);
    if (s)
        s->items = calloc(capacity, sizeof *s->items);
    if (s && state_path)
        s->path = strdup(state_path);
    if (!s || !s->items || (state_path && !s->path)) {
        web_sessions_free(s);
        sw_fail_oom(errs, state_path);
        return NULL;
    }
    s->capacity = capacity;
    pthread_mutex_init(&s->lock, NULL);
    randombytes_buf(s->secret, sizeof s->secret);
    if (s->path && load_state(s, errs) < 0) {
        web_sessions_free(s);
        return NULL;
    }
    return s;
}

void web_sessions_flush(struct web_sessions *s)
{
    pthread_mutex_lock(&s->lock);
    if (s->dirty)
        save_state(s, time(NULL));
    pthread_mutex_unlock(&s->lock);
}

void web_sessions_free(struct web_sessions *s)
{
    if (!s)
        return;
    if (s->items) {
        sodium_memzero(s->items, s->capacity * sizeof *s->items);
        pthread_mutex_destroy(&s->lock);
    }
    sodium_memzero(s->secret, sizeof s->secret);
    free(s->items);
    free(s->path);
    free(s);
}

/* --- sessions ----------------------------------------------------------------- */

static int expired(const struct session *e, time_t now)
{
    return now - e->used >= WEB_SESSION_IDLE || now - e->started >= WEB_SESSION_MAX ||
           now < e->started;
}

/* A free slot, else the one to replace: expired, else idle longest. */
static struct session *slot(struct web_sessions *s, time_t now)
{
    struct session *best = NULL;
    for (size_t i = 0; i < s->capacity; i++) {
        struct session *e = &s->items[i];
        if (!e->live || expired(e, now))
            return e;
        if (!best || e->used < best->used)
            best = e;
    }
    return best;
}

int web_session_start(struct web_sessions *s, const char *person, const char *link, time_t now,
                      char cookie[WEB_TOKEN_HEX])
{
    if (strlen(person) >= WEB_ID_MAX || !*person || strchr(person, ' ') || !is_hex64(link))
        return -1;
    web_random_hex(cookie, 32);
    pthread_mutex_lock(&s->lock);
    struct session *e = slot(s, now);
    if (!e) {
        pthread_mutex_unlock(&s->lock);
        return -1;
    }
    memset(e, 0, sizeof *e);
    web_sha256_hex(cookie, strlen(cookie), e->key);
    strcpy(e->person, person);
    strcpy(e->link, link);
    e->started = e->used = now;
    e->live = 1;
    save_state(s, now);
    pthread_mutex_unlock(&s->lock);
    return 0;
}

static struct session *lookup(struct web_sessions *s, const char *cookie)
{
    char key[WEB_TOKEN_HEX];
    web_sha256_hex(cookie, strlen(cookie), key);
    for (size_t i = 0; i < s->capacity; i++)
        if (s->items[i].live && memcmp(s->items[i].key, key, 64) == 0)
            return &s->items[i];
    return NULL;
}

int web_session_find(struct web_sessions *s, const char *cookie, time_t now,
                     char person[WEB_ID_MAX], char link[WEB_TOKEN_HEX])
{
    int rc = -1;
    pthread_mutex_lock(&s->lock);
    struct session *e = lookup(s, cookie);
    if (e && expired(e, now)) {
        memset(e, 0, sizeof *e);
        save_state(s, now);
    } else if (e) {
        s->dirty |= e->used != now;
        e->used = now;
        strcpy(person, e->person);
        strcpy(link, e->link);
        rc = 0;
        if (s->dirty && now - s->written >= FLUSH_EVERY)
            save_state(s, now);
    }
    pthread_mutex_unlock(&s->lock);
    return rc;
}

void web_session_end(struct web_sessions *s, const char *cookie)
{
    pthread_mutex_lock(&s->lock);
    struct session *e = lookup(s, cookie);
    if (e) {
        memset(e, 0, sizeof *e);
        save_state(s, time(NULL));
    }
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

/* --- the sign-in limit --------------------------------------------------------- */

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

/* The window of addr (its count restarted when over a minute old), or with
 * `make` a new one in place of the oldest; NULL when none and not made. */
static struct window *window_of(struct web_ratelimit *r, const char *addr, time_t now, int make)
{
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
    if (!found && make) {
        found = oldest;
        snprintf(found->addr, sizeof found->addr, "%s", addr);
        found->start = now;
        found->count = 0;
    }
    return found;
}

int web_ratelimit_allow(struct web_ratelimit *r, const char *addr, time_t now)
{
    pthread_mutex_lock(&r->lock);
    const struct window *w = window_of(r, addr, now, 0);
    int ok = !w || w->count < WEB_SIGNIN_PER_MINUTE;
    pthread_mutex_unlock(&r->lock);
    return ok;
}

void web_ratelimit_fail(struct web_ratelimit *r, const char *addr, time_t now)
{
    pthread_mutex_lock(&r->lock);
    struct window *w = window_of(r, addr, now, 1);
    w->count++;
    pthread_mutex_unlock(&r->lock);
}

const struct sw_people_person *web_people_by_token(const struct sw_people *p, const char *token)
{
    char hash[WEB_TOKEN_HEX];
    web_sha256_hex(token, strlen(token), hash);
    const struct sw_people_person *found = NULL;
    for (size_t i = 0; i < p->n; i++)
        if (web_equal_secret(hash, p->items[i].token_sha256) && !found)
            found = &p->items[i];
    return found;
}

int web_write_private(const char *path, const void *data, size_t len, struct sw_errors *errs)
{
    struct sw_write_options opt = {.overwrite = 1, .mode = 0600};
    return sw_write_file(path, data, len, &opt, errs);
}
