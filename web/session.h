/*
 * session.h - sign-in sessions, CSRF proofs and the sign-in limit
 * (docs/design.md, "The web app" and "turn 3": sessions survive a restart,
 * a visit creates no server state).
 *
 * A session is named by a random 256-bit token (64 hex digits) that only the
 * browser holds, in a cookie; the store keeps its SHA-256, so neither a
 * memory dump nor the state file gives anything to replay. A session belongs
 * to the sign-in link it was made with: it keeps that link's token hash, and
 * the caller ends it when the person's link is no longer that one (revoked,
 * or revoked and added again). A session ends after WEB_SESSION_IDLE seconds
 * without a request, or WEB_SESSION_MAX seconds after it began, or when
 * ended (sign-out). Only signed-in people have sessions: nothing is stored
 * for an anonymous visit.
 *
 * CSRF proofs are keyed MACs (HMAC-SHA-256) under the store's secret, so
 * they need no storage: a session's proof is the MAC of its cookie value;
 * the sign-in form's proof is the time it was made and the MAC of that time,
 * good for WEB_SIGNIN_FORM_LIFE seconds.
 *
 * With a state file (`FILE.sessions` beside the people file), the secret and
 * the sessions are kept there (mode 0600, written atomically, only hashes):
 * written when a session starts or ends, and at most once a minute for the
 * times of use. Thread-safe: every function takes the store's lock. Times
 * are passed in (seconds since the epoch) so that tests can move the clock.
 */
#ifndef SW_WEB_SESSION_H
#define SW_WEB_SESSION_H

#include <stddef.h>
#include <time.h>

#include "error.h"
#include "people.h"

#define WEB_SESSION_IDLE (2 * 3600)
#define WEB_SESSION_MAX (12 * 3600)
#define WEB_SIGNIN_FORM_LIFE (2 * 3600)
#define WEB_TOKEN_HEX 65          /* 64 hex digits and the NUL */
#define WEB_ID_MAX 128            /* bytes of a person id, NUL included */

struct web_sessions;

/* A store holding at most `capacity` sessions (when full, a new one replaces
 * the one idle longest). `state_path` (may be NULL: memory only, a new
 * secret) is read when it exists (a missing file starts empty; an unreadable
 * or invalid one is an error) and written from then on. NULL with an error
 * in errs when it cannot start. Free with web_sessions_free (accepts NULL). */
struct web_sessions *web_sessions_new(size_t capacity, const char *state_path,
                                      struct sw_errors *errs);
/* Writes the state file when times of use changed since the last write. */
void web_sessions_flush(struct web_sessions *s);
void web_sessions_free(struct web_sessions *s);

/* Starts a session for `person`, signed in with the link whose token hash is
 * `link` (64 hex digits), at time now: writes its cookie value. 0, or -1
 * when person is too long. */
int web_session_start(struct web_sessions *s, const char *person, const char *link, time_t now,
                      char cookie[WEB_TOKEN_HEX]);
/* Looks up the session of cookie value `cookie` at time now; when it is
 * alive, marks it used, copies its person and link hash and returns 0.
 * Expired sessions are removed. -1 when there is none. */
int web_session_find(struct web_sessions *s, const char *cookie, time_t now,
                     char person[WEB_ID_MAX], char link[WEB_TOKEN_HEX]);
/* Ends the session of `cookie` (sign-out). Nothing when there is none. */
void web_session_end(struct web_sessions *s, const char *cookie);
/* How many sessions are held (expired ones included until looked up). */
size_t web_session_count(struct web_sessions *s);

/* The CSRF proof of the session (or the browser) named `cookie`. */
void web_csrf_for(struct web_sessions *s, const char *cookie, char out[WEB_TOKEN_HEX]);
/* The sign-in form's proof made at now: 8 hex digits of the time, then 56 of
 * the MAC. web_signin_proof_ok: 1 when `proof` is one made at most
 * WEB_SIGNIN_FORM_LIFE seconds before now, else 0. */
void web_signin_proof(struct web_sessions *s, time_t now, char out[WEB_TOKEN_HEX]);
int web_signin_proof_ok(struct web_sessions *s, const char *proof, time_t now);

/* Whether two NUL-terminated texts are equal, in time independent of where
 * they differ (their lengths may show). */
int web_equal_secret(const char *a, const char *b);
/* `n` random bytes from the kernel as 2n lowercase hex digits and a NUL.
 * Starts libsodium when it has not started. */
void web_random_hex(char *out, size_t n);
/* SHA-256 of len bytes as 64 lowercase hex digits and a NUL. */
void web_sha256_hex(const void *data, size_t len, char out[WEB_TOKEN_HEX]);

/* --- the sign-in limit -----------------------------------------------------
 * At most WEB_SIGNIN_PER_MINUTE failed attempts per client address in any
 * window of 60 seconds starting at its first failure; WEB_RATE_ADDRESSES
 * addresses are remembered (the oldest window is forgotten first). A valid
 * link is never counted and never refused. */
#define WEB_SIGNIN_PER_MINUTE 10
#define WEB_RATE_ADDRESSES 1024

struct web_ratelimit;
struct web_ratelimit *web_ratelimit_new(void);
void web_ratelimit_free(struct web_ratelimit *r);
/* Whether `addr` may try again at time now (fewer than the limit of
 * failures in its window): 1 or 0. Counts nothing. */
int web_ratelimit_allow(struct web_ratelimit *r, const char *addr, time_t now);
/* Counts one failed attempt from `addr` at time now. */
void web_ratelimit_fail(struct web_ratelimit *r, const char *addr, time_t now);

/* The person whose token hash is SHA-256(token), comparing with every
 * person in constant time; NULL when none. */
const struct sw_people_person *web_people_by_token(const struct sw_people *p, const char *token);
/* Writes len bytes to path atomically with mode 0600 (temporary file,
 * renamed over): for the sessions file beside the people file. 0 or -1. */
int web_write_private(const char *path, const void *data, size_t len, struct sw_errors *errs);

#endif
