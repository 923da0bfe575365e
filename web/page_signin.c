/* page_signin.c - /login and /logout: the sign-in link's page, whose button
 * posts the token (a mail scanner following the link signs nobody in), and
 * sign-out. docs/design.md, "The web app". */
#include <stdio.h>
#include <string.h>

#include "render/template.h"
#include "web.h"

static void show(struct web_ctx *c, int status, const char *token, const char *message)
{
    struct sw_arena arena = SW_ARENA_INIT;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    if (s && token && *token)
        sw_tpl_set(s, "token", token);
    if (s && message)
        sw_tpl_set(s, "message", message);
    web_render(c, status, "Sign in", "signin.html", s, &arena);
    sw_arena_release(&arena);
}

/* A valid link always signs in (the people file re-read first, so that a
 * person added a moment ago can); only failures count towards the limit. */
static void sign_in(struct web_ctx *c)
{
    struct web_server *srv = c->srv;
    const char *token = web_param(&c->form, "t");
    char id[WEB_ID_MAX] = "", link[WEB_TOKEN_HEX] = "";
    pthread_mutex_lock(&srv->people_lock);
    web_reload_people(srv);
    const struct sw_people_person *p = token && *token ? web_people_by_token(&srv->people, token)
                                                 : NULL;
    if (p) {
        snprintf(id, sizeof id, "%s", p->id);
        snprintf(link, sizeof link, "%s", p->token_sha256);
    }
    pthread_mutex_unlock(&srv->people_lock);
    if (!*id && !web_ratelimit_allow(srv->rate, c->addr, c->now)) {
        show(c, 429, NULL, "Too many attempts from your address: wait a minute and try again.");
        return;
    }
    if (!*id) {
        web_ratelimit_fail(srv->rate, c->addr, c->now);
        show(c, 403, NULL, "This sign-in link is not valid: it was mistyped, or it was "
                           "replaced or revoked. Ask for a new one.");
        return;
    }
    if (*c->cookie)
        web_session_end(srv->sessions, c->cookie);   /* a new session: no fixation */
    if (web_start_session(c, id, link) == 0)
        web_redirect(c, "/");
}

/* Nothing is stored for this page: its form's proof is a MAC (session.h). */
void web_page_signin(struct web_ctx *c)
{
    if (c->srv->single) {
        web_redirect(c, "/");
        return;
    }
    if (c->post) {
        sign_in(c);
        return;
    }
    show(c, 200, web_param(&c->query, "t"), NULL);
}

void web_page_signout(struct web_ctx *c)
{
    if (!c->post) {
        web_redirect(c, "/");
        return;
    }
    if (*c->cookie)
        web_session_end(c->srv->sessions, c->cookie);
    snprintf(c->reply.set_cookie, sizeof c->reply.set_cookie,
             "sw_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict%s",
             c->srv->secure_cookie ? "; Secure" : "");
    web_redirect(c, c->srv->single ? "/" : "/login");
}
