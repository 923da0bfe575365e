/*
 * web.h - the web app behind `scorewheel serve` (docs/design.md, "The web
 * app"): what cli/cmd_serve.c calls, and what the files of web/ share.
 *
 * Layout: server.c runs libmicrohttpd and turns each request into a struct
 * web_ctx (parsed by request.c), checks the session (session.c), the origin
 * and CSRF token of a POST, routes it to one page (web/page_<name>.c) and
 * sends the page's struct web_reply with the headers every response gets.
 * Pages ask access.c who may see what, read the requisitions through core's
 * requisition model (reqs.h; the committee's pages through the skeleton of
 * analysis.h), render templates/web/ through core's template engine
 * (render.c), which escapes every field, and print through log.h.
 */
#ifndef SW_WEB_H
#define SW_WEB_H

#include <pthread.h>
#include <stddef.h>
#include <time.h>

#include "access.h"
#include "buf.h"
#include "error.h"
#include "log.h"
#include "people.h"
#include "reqs.h"
#include "request.h"
#include "rubric.h"
#include "scorecard.h"
#include "session.h"
/* Only the scope type: the pages include core's template.h themselves. */
struct sw_tpl_scope;

/* --- what cmd_serve gives ---------------------------------------------------- */

struct web_config {
    const char *listen;          /* "ADDR:PORT" (IPv6 in brackets); NULL: 127.0.0.1:8080 */
    const char *people_path;     /* NULL: single-person mode (loopback only) */
    const char *tls_cert, *tls_key;   /* both or neither */
    const char *public_url;      /* "https://cards.example.com": the origin browsers use */
    const char *trusted_proxy;   /* the proxy's address: X-Forwarded-For from it counts */
    char **reqs;                 /* requisition folders */
    size_t n_reqs;
    const struct sw_rubric *rubric;
    unsigned timeout;            /* idle timeout and request deadline, seconds (0: 15) */
};

/* Serves until SIGTERM or SIGINT, then stops accepting, lets the requests in
 * flight finish and returns 0. Prints "scorewheel serve: listening on URL"
 * on stderr once listening, then one line per request. -1 with an error when
 * it cannot start (SW_EINPUT: a bad --listen, a non-loopback address without
 * --people, an invalid people file; SW_ESYSTEM: cannot listen, read a file).
 * Call with SIGTERM and SIGINT blocked in every thread (it waits for them
 * with sigwait). */
int web_serve(const struct web_config *cfg, struct sw_errors *errs);

/* Parses "ADDR:PORT" into a socket address; 0, or -1 when it is not a
 * numeric IPv4 or bracketed IPv6 address with a port 0-65535. */
struct sockaddr_storage;
int web_parse_listen(const char *text, struct sockaddr_storage *out, int *loopback);

/* --- what the pages share ---------------------------------------------------- */

struct web_server {
    const struct web_config *cfg;
    int single;                  /* no --people */
    int tls;
    int secure_cookie;           /* TLS, or an https --public-url */
    char origin[512];            /* the origin browsers use; "" when not given */
    struct web_index index;
    struct web_sessions *sessions;
    struct web_ratelimit *rate;
    pthread_mutex_t people_lock;
    struct sw_people people;    /* reloaded when the file changes */
    struct timespec people_mtime;
    long people_ino;
};

/* Cache-Control: no-store (pages with candidate data), no-cache (assets,
 * revalidated by their ETag), private, no-cache (wheel images: candidate
 * data that only this browser keeps, revalidated by their ETag). */
enum { WEB_CACHE_NONE, WEB_CACHE_PUBLIC, WEB_CACHE_PRIVATE };

struct web_reply {
    int status;
    struct sw_buf body;
    const char *type;            /* Content-Type; NULL: text/html; charset=utf-8 */
    const char *static_body;     /* served as it is (assets), instead of body */
    size_t static_len;
    int cacheable;               /* WEB_CACHE_*: Cache-Control */
    char etag[24];               /* "\"HEX\"", "" when none: If-None-Match gets 304 */
    char location[1024];         /* redirect target, "" when none */
    const char *allow;           /* the Allow header (405), NULL when none */
    char set_cookie[256];
};

struct web_me {
    char id[WEB_ID_MAX];         /* "" in single-person mode and when anonymous */
    char name[256];
    enum sw_role role;
};

struct web_ctx {
    struct web_server *srv;
    int post;
    struct web_path path;
    struct web_params query, form;
    struct web_me me;
    char cookie[WEB_TOKEN_HEX];  /* the session's cookie value, "" when none */
    char csrf[WEB_TOKEN_HEX];    /* the CSRF proof our forms carry (session.h) */
    int signed_out;              /* a POST whose session is gone (401) */
    const char *addr;            /* the client's address, as text */
    time_t now;
    struct web_reply reply;
};

/* One request as the server received it (dispatch.c). */
struct web_incoming {
    const char *method;
    const char *uri;             /* the raw request target, query included */
    const char *body;
    size_t body_len;
    int body_too_large;
    const char *cookie, *origin, *fetch_site, *host, *content_type;   /* NULL: absent */
    int http11;                  /* HTTP/1.1: a Host header is required */
    const char *if_none_match;   /* NULL: absent */
    const char *addr;
};

/* Handles one request: parsing, session, POST checks, access, the page.
 * Fills c (release with web_ctx_release) whose reply the server sends. */
void web_dispatch(struct web_server *srv, const struct web_incoming *in, struct web_ctx *c);
void web_ctx_release(struct web_ctx *c);

/* Renders page template `tpl` (templates/web/) with scope s inside the
 * layout, titled `title`, as the reply with `status`. The scope may be NULL
 * (a new one is made). Fields the layout needs are set here. */
int web_render(struct web_ctx *c, int status, const char *title, const char *tpl,
               struct sw_tpl_scope *s, struct sw_arena *arena);
/* A short page saying `message` with `status` (404, 403, 400, 409...). */
int web_message(struct web_ctx *c, int status, const char *title, const char *message);
/* A 303 redirect to `location` (a path of ours). */
void web_redirect(struct web_ctx *c, const char *location);
/* Applies the access rule: 0 when allowed, else the reply is set (404, or a
 * redirect to sign-in) and -1 returned. */
int web_allow(struct web_ctx *c, const struct web_access *a);
/* Starts a session for person, signed in with the link whose token hash is
 * `link`: sets the reply's cookie and c->csrf. 0, or -1 (reply set to 500). */
int web_start_session(struct web_ctx *c, const char *person, const char *link);
/* Reloads the people file when it changed on disk; call with people_lock
 * held. A file that became invalid keeps the old list. */
void web_reload_people(struct web_server *srv);

/* The pages: each fills c->reply. */
void web_page_signin(struct web_ctx *c);
void web_page_signout(struct web_ctx *c);
void web_page_home(struct web_ctx *c);
void web_page_scorecard(struct web_ctx *c);
/* A scorecard POST that cannot be saved because the session is gone (401)
 * or the form's proof is stale (403): the typed text shown back (JSON for
 * autosave), with the way to sign in again. */
void web_scorecard_refused(struct web_ctx *c, int status);
void web_page_kit(struct web_ctx *c);
void web_page_mail(struct web_ctx *c);
void web_page_asset(struct web_ctx *c);
/* /r/REQ/c/CAND/wheel.svg: the candidate's wheel thumbnail (page_thumb.c). */
void web_page_thumb(struct web_ctx *c);

/* Sets the reply's ETag from its content (body, or static_body). */
void web_set_etag(struct web_reply *rep);
/* The committee's and the recruiter's pages (analysis.h). */
void web_page_dashboard(struct web_ctx *c);
void web_page_packet(struct web_ctx *c);
void web_page_compare(struct web_ctx *c);
void web_page_calibrate(struct web_ctx *c);
void web_page_status(struct web_ctx *c);
void web_page_export(struct web_ctx *c);
void web_page_schedule(struct web_ctx *c);

/* Sets a question's fields for templates/web/: text, measures ("Technical
 * Judgment (weight 2), ..."), competencies, each with name and indicators
 * (anchor, text). Also "scale" on `top` when not NULL. 0 or -1. */
int web_question_fields(const struct sw_rubric *r, size_t question, struct sw_tpl_scope *t);
int web_scale_field(const struct sw_rubric *r, struct sw_tpl_scope *top);

/* The scorecard form's fields (templates/web/scorecard.html) for card s of
 * requisition `req`: `readonly` shows it as text; `version` is the SHA-256
 * of the file the form was made from; `message` (may be NULL) is shown on
 * top; `saved` is the "Saved at HH:MM" line (may be ""). */
struct web_form {
    const char *req, *version, *message, *saved;
    const char *packet;          /* after submit: the packet's URL, NULL when hidden */
    int readonly;
};
int web_form_fields(const struct sw_rubric *r, const struct sw_scorecard *s,
                    const struct web_form *f, struct sw_tpl_scope *top);

/* Sets iso_key to the UTC time stamp (for <time datetime>, which the
 * script shows in the browser's local time) and text_key to it as people
 * read it in UTC, "07 Dec 2026, 17:44 UTC" (stamp kept as it is when it is
 * not a time stamp; iso_key then ""). Keys are kept, not copied. 0 or -1. */
int web_time_fields(struct sw_tpl_scope *s, const char *iso_key, const char *text_key,
                    const char *stamp);
/* A duration as people read it: "under an hour", "5 hours", "3 days",
 * "257 days, 6 hours". */
void web_duration(double hours, char *out, size_t size);
/* "HH:MM" of t in local time. */
void web_clock(time_t t, char out[8]);
/* "just now", "3 min ago", "5 h ago", "2 days ago": how long ago t was, seen at now. */
void web_age(time_t t, time_t now, char *out, size_t size);

#endif
