/* dispatch.c - one request through the rules, to its page; see web.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "entry.h"
#include "web.h"

#define COOKIE_NAME "sw_session"

void web_ctx_release(struct web_ctx *c)
{
    web_path_release(&c->path);
    web_params_release(&c->query);
    web_params_release(&c->form);
    sw_buf_release(&c->reply.body);
}

void web_reload_people(struct web_server *srv)
{
    struct stat st;
    if (stat(srv->cfg->people_path, &st) < 0)
        return;
    if (st.st_mtim.tv_sec == srv->people_mtime.tv_sec &&
        st.st_mtim.tv_nsec == srv->people_mtime.tv_nsec && (long)st.st_ino == srv->people_ino)
        return;
    struct sw_people fresh;
    struct sw_errors errs;
    sw_errors_init(&errs);
    if (sw_people_load(srv->cfg->people_path, 0, &fresh, &errs) == 0) {
        sw_people_release(&srv->people);
        srv->people = fresh;
        srv->people_mtime = st.st_mtim;
        srv->people_ino = (long)st.st_ino;
    } else {
        sw_people_release(&fresh);
        if (errs.count)
            web_log("%s:%d: error: %s (keeping the people read before)",
                    srv->cfg->people_path, errs.items[0].line, errs.items[0].message);
    }
    sw_errors_release(&errs);
}

/* Who is asking: the session's person, as the people file says now. A
 * session made with a link that is no longer the person's (revoked, or
 * revoked and added again) ends here. Nobody signed in: the CSRF proof is
 * the sign-in form's, which needs no state. */
static void identify(struct web_server *srv, const struct web_incoming *in, struct web_ctx *c)
{
    char cookie[WEB_TOKEN_HEX], person[WEB_ID_MAX], link[WEB_TOKEN_HEX];
    c->me.role = SW_ROLE_NONE;
    if (srv->single) {
        c->me.role = SW_ROLE_EVERYONE;
        web_csrf_for(srv->sessions, "single-person", c->csrf);
        return;
    }
    web_signin_proof(srv->sessions, c->now, c->csrf);
    if (web_cookie(in->cookie, COOKIE_NAME, cookie, sizeof cookie) < 0 ||
        web_session_find(srv->sessions, cookie, c->now, person, link) < 0)
        return;
    pthread_mutex_lock(&srv->people_lock);
    web_reload_people(srv);
    const struct sw_people_person *p = sw_people_find(&srv->people, person);
    int alive = p && web_equal_secret(p->token_sha256, link);
    if (alive) {
        snprintf(c->me.id, sizeof c->me.id, "%s", p->id);
        snprintf(c->me.name, sizeof c->me.name, "%s", *p->name ? p->name : p->id);
        c->me.role = p->role;
    }
    pthread_mutex_unlock(&srv->people_lock);
    if (!alive) {   /* the session ends with its link */
        web_session_end(srv->sessions, cookie);
        return;
    }
    strcpy(c->cookie, cookie);
    web_csrf_for(srv->sessions, cookie, c->csrf);
}

int web_start_session(struct web_ctx *c, const char *person, const char *link)
{
    if (web_session_start(c->srv->sessions, person, link, c->now, c->cookie) < 0) {
        web_message(c, 500, "Error", "The session could not be started.");
        return -1;
    }
    web_csrf_for(c->srv->sessions, c->cookie, c->csrf);
    snprintf(c->reply.set_cookie, sizeof c->reply.set_cookie,
             COOKIE_NAME "=%s; Path=/; Max-Age=%d; HttpOnly; SameSite=Strict%s", c->cookie,
             WEB_SESSION_MAX, c->srv->secure_cookie ? "; Secure" : "");
    return 0;
}

static int ids_ok(const struct web_path *p, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (!sw_entry_id_ok(p->seg[i]))
            return 0;
    return 1;
}

/* /r/REQ/PAGE: the requisition's pages other than the dashboard. */
static void req_page(struct web_ctx *c)
{
    static const struct { const char *name; void (*page)(struct web_ctx *); } pages[] = {
        { "compare", web_page_compare }, { "calibrate", web_page_calibrate },
        { "status", web_page_status }, { "export.xlsx", web_page_export },
        { "schedule", web_page_schedule },
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
        if (strcmp(c->path.seg[2], pages[i].name) == 0) {
            pages[i].page(c);
            return;
        }
    web_message(c, 404, "Not found", "There is no such page.");
}

static void route(struct web_ctx *c)
{
    const struct web_path *p = &c->path;
    const char *s0 = p->n ? p->seg[0] : "";
    if (p->n == 0)
        web_page_home(c);
    else if (p->n == 1 && strcmp(s0, "login") == 0)
        web_page_signin(c);
    else if (p->n == 1 && strcmp(s0, "logout") == 0)
        web_page_signout(c);
    else if (p->n == 2 && strcmp(s0, "assets") == 0)
        web_page_asset(c);
    else if (p->n == 1 && strcmp(s0, "mail") == 0)
        web_page_mail(c);
    else if (p->n == 2 && strcmp(s0, "kit") == 0 && ids_ok(p, 1, 2))
        web_page_kit(c);
    else if (p->n == 6 && strcmp(s0, "r") == 0 && strcmp(p->seg[2], "s") == 0 &&
             ids_ok(p, 1, 2) && ids_ok(p, 3, 6))
        web_page_scorecard(c);
    else if (p->n == 2 && strcmp(s0, "r") == 0 && ids_ok(p, 1, 2))
        web_page_dashboard(c);
    else if (p->n == 5 && strcmp(s0, "r") == 0 && strcmp(p->seg[2], "c") == 0 &&
             strcmp(p->seg[4], "wheel.svg") == 0 && ids_ok(p, 1, 2) && ids_ok(p, 3, 4))
        web_page_thumb(c);
    else if (p->n == 4 && strcmp(s0, "r") == 0 && strcmp(p->seg[2], "c") == 0 &&
             ids_ok(p, 1, 2) && ids_ok(p, 3, 4))
        web_page_packet(c);
    else if (p->n == 3 && strcmp(s0, "r") == 0 && ids_ok(p, 1, 2))
        req_page(c);
    else
        web_message(c, 404, "Not found", "There is no such page.");
}

static int is_scorecard(const struct web_path *p)
{
    return p->n == 6 && strcmp(p->seg[0], "r") == 0 && strcmp(p->seg[2], "s") == 0;
}

/* Whether the POST comes from our own pages: the origin browsers use is
 * --public-url's when given, else this server's own (Host). */
static int origin_ok(const struct web_ctx *c, const struct web_incoming *in)
{
    const char *o = c->srv->origin;
    if (!*o)
        return web_origin_ok(in->origin, in->fetch_site, in->host, c->srv->tls);
    int https = strncmp(o, "https://", 8) == 0;
    return web_origin_ok(in->origin, in->fetch_site, o + (https ? 8 : 7), https);
}

/* The proof a POST must carry: the sign-in form's on /login, else the
 * session's. A form whose session is gone is a 401 that shows the typed
 * text back (scorecards) or says to sign in again. 0, or -1 with the reply. */
static int check_proof(struct web_ctx *c)
{
    const char *token = web_param(&c->form, "csrf");
    int signin = c->path.n == 1 && strcmp(c->path.seg[0], "login") == 0;
    if (signin && !c->srv->single)
        return token && web_signin_proof_ok(c->srv->sessions, token, c->now) ? 0
               : (web_message(c, 403, "Refused", "This sign-in page has expired: open your "
                              "link again."), -1);
    int ok = token && web_equal_secret(token, c->csrf);
    if (ok && (c->srv->single || *c->cookie))
        return 0;
    int status = c->srv->single || *c->cookie ? 403 : 401;
    c->signed_out = status == 401;
    if (is_scorecard(&c->path))
        web_scorecard_refused(c, status);
    else if (status == 401)
        web_message(c, 401, "Signed out", "You are signed out, so this was not done: sign in "
                    "again with your link, then send it again.");
    else
        web_message(c, 403, "Refused", "This form has expired: reload the page and send it "
                    "again.");
    return -1;
}

void web_set_etag(struct web_reply *rep)
{
    const unsigned char *p = (const unsigned char *)(rep->static_body ? rep->static_body
                                                                       : sw_buf_str(&rep->body));
    size_t n = rep->static_body ? rep->static_len : rep->body.len;
    unsigned long long h = 14695981039346656037ULL;   /* FNV-1a, 64 bits */
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ULL;
    snprintf(rep->etag, sizeof rep->etag, "\"%016llx\"", h);
}

/* A reply with an ETag the browser already has becomes 304, without body. */
static void not_modified(struct web_ctx *c, const char *if_none_match)
{
    if (c->reply.status != 200 || !*c->reply.etag || !if_none_match ||
        !strstr(if_none_match, c->reply.etag))
        return;
    c->reply.status = 304;
    c->reply.static_body = NULL;
    c->reply.static_len = 0;
    sw_buf_reset(&c->reply.body);
}

/* The checks of a POST before any page sees it: size, type, form, origin,
 * CSRF proof. 0, or -1 with the reply set. */
static int check_post(struct web_ctx *c, const struct web_incoming *in)
{
    if (in->body_too_large)
        return web_message(c, 413, "Too large", "The form is over 1 MiB."), -1;
    if (!web_is_urlencoded(in->content_type))
        return web_message(c, 415, "Unsupported",
                           "Forms are sent as application/x-www-form-urlencoded."), -1;
    if (web_parse_form(in->body ? in->body : "", in->body_len, &c->form) < 0)
        return web_message(c, 400, "Bad request", "The form could not be read."), -1;
    if (!origin_ok(c, in))
        return web_message(c, 403, "Refused", "This form was sent from another site."), -1;
    return check_proof(c);
}

void web_dispatch(struct web_server *srv, const struct web_incoming *in, struct web_ctx *c)
{
    memset(c, 0, sizeof *c);
    c->srv = srv;
    c->addr = in->addr;
    c->now = time(NULL);
    c->reply.status = 500;
    int get = strcmp(in->method, "GET") == 0 || strcmp(in->method, "HEAD") == 0;
    c->post = strcmp(in->method, "POST") == 0;
    size_t len = strlen(in->uri);
    if (!get && !c->post) {
        web_message(c, 405, "Not allowed", "This method is not used here.");
        c->reply.allow = "GET, HEAD, POST";
        return;
    }
    if (in->http11 && !in->host) {
        web_message(c, 400, "Bad request", "HTTP/1.1 needs a Host header.");
        return;
    }
    if (len > WEB_MAX_URI) {
        web_message(c, 414, "Too long", "The address is too long.");
        return;
    }
    if (srv->single && !web_host_is_loopback(in->host)) {
        web_message(c, 421, "Misdirected", "In single-person mode this server answers only "
                    "to addresses of this machine (localhost, 127.0.0.1, [::1]).");
        return;
    }
    if (web_parse_path(in->uri, len, &c->path) < 0 ||
        web_parse_query(in->uri, len, &c->query) < 0) {
        web_message(c, 400, "Bad request", "The address could not be read.");
        return;
    }
    identify(srv, in, c);
    if (c->post && check_post(c, in) < 0)
        return;
    route(c);
    not_modified(c, in->if_none_match);
}
