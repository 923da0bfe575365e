/*
 * session.h - sign-in sessions and the sign-in rate limit
 * (docs/design.md, "The web app").
 *
 * A session is named by a random 256-bit token (64 hex digits) that only the
 * browser holds, in a cookie; the store keeps its SHA-256, so a memory dump
 * or a timing difference in the lookup gives nothing to replay. Each session
 * has its own random CSRF token (64 hex digits) that every POST must carry.
 * A session ends after WEB_SESSION_IDLE seconds without a request, or
 * WEB_SESSION_MAX seconds after it began, or when ended (sign-out). An
 * anonymous session (person "") carries the CSRF token of the sign-in form.
 * Thread-safe: every function takes the store's lock. Times are passed in
 * (seconds since the epoch) so that tests can move the clock.
 */
#ifndef SW_WEB_SESSION_H
#define SW_WEB_SESSION_H

#include <stddef.h>
#include <time.h>

#define WEB_SESSION_IDLE (2 * 3600)
#define WEB_SESSION_MAX (12 * 3600)
#define WEB_TOKEN_HEX 65          /* 64 hex digits and the NUL */
#define WEB_ID_MAX 128            /* bytes of a person id, NUL included */

struct web_sessions;

/* A store holding at most `capacity` sessions (when full, a new one replaces
 * the one idle longest, anonymous ones first). NULL when out of memory or
 * when libsodium cannot start. Free with web_sessions_free (accepts NULL). */
struct web_sessions *web_sessions_new(size_t capacity);
void web_sessions_free(struct web_sessions *s);

/* Starts a session for `person` ("" anonymous) at time now: writes its
 * cookie value and CSRF token. 0, or -1 when person is too long. */
int web_session_start(struct web_sessions *s, const char *person, time_t now,
                      char cookie[WEB_TOKEN_HEX], char csrf[WEB_TOKEN_HEX]);
/* Looks up the session of cookie value `cookie` at time now; when it is
 * alive, marks it used, copies its person and CSRF token and returns 0.
 * Expired sessions are removed. -1 when there is none. */
int web_session_find(struct web_sessions *s, const char *cookie, time_t now,
                     char person[WEB_ID_MAX], char csrf[WEB_TOKEN_HEX]);
/* Ends the session of `cookie` (sign-out). Nothing when there is none. */
void web_session_end(struct web_sessions *s, const char *cookie);
/* How many sessions are held (expired ones included until looked up). */
size_t web_session_count(struct web_sessions *s);

/* Whether two NUL-terminated texts are equal, in time independent of where
 * they differ (their lengths may show). */
int web_equal_secret(const char *a, const char *b);
/* `n` random bytes from the kernel as 2n lowercase hex digits and a NUL. */
void web_random_hex(char *out, size_t n);
/* SHA-256 of len bytes as 64 lowercase hex digits and a NUL. */
void web_sha256_hex(const void *data, size_t len, char out[WEB_TOKEN_HEX]);

/* --- the sign-in rate limit ------------------------------------------------
 * At most WEB_SIGNIN_PER_MINUTE attempts per client address in any window of
 * 60 seconds starting at its first attempt; WEB_RATE_ADDRESSES addresses are
 * remembered (the oldest window is forgotten first). */
#define WEB_SIGNIN_PER_MINUTE 10
#define WEB_RATE_ADDRESSES 1024

struct web_ratelimit;
struct web_ratelimit *web_ratelimit_new(void);
void web_ratelimit_free(struct web_ratelimit *r);
/* Counts one attempt from `addr` at time now: 1 when allowed, 0 when over. */
int web_ratelimit_allow(struct web_ratelimit *r, const char *addr, time_t now);

#endif
