/* render.c - pages through the templates of templates/web/; see web.h. */
#include <stdio.h>
#include <string.h>

#include "render/template.h"
#include "timestamp.h"
#include "web.h"

static int set_layout(struct web_ctx *c, struct sw_tpl_scope *s, const char *title)
{
    int signed_in = c->me.role != SW_ROLE_NONE && !c->srv->single;
    return sw_tpl_set(s, "title", title) | sw_tpl_set(s, "csrf", c->csrf) |
           sw_tpl_set(s, "signed_in", signed_in ? "yes" : "") |
           sw_tpl_set(s, "me_name", c->me.name) |
           sw_tpl_set(s, "single", c->srv->single ? "yes" : "") |
           sw_tpl_set(s, "mail_link", signed_in && c->me.role == SW_ROLE_RECRUITER ? "yes" : "");
}

int web_render(struct web_ctx *c, int status, const char *title, const char *tpl,
               struct sw_tpl_scope *s, struct sw_arena *arena)
{
    struct sw_arena own = SW_ARENA_INIT;
    if (!arena)
        arena = &own;
    if (!s)
        s = sw_tpl_scope_new(arena);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_buf body = SW_BUF_INIT;
    int rc = s && set_layout(c, s, title) == 0 ? 0 : -1;
    if (rc == 0)
        rc = sw_tpl_render(tpl, s, SW_TPL_XML, &body, &errs);
    if (rc == 0)
        rc = sw_tpl_set(s, "body", sw_buf_str(&body));
    sw_buf_reset(&c->reply.body);
    if (rc == 0)
        rc = sw_tpl_render("layout.html", s, SW_TPL_XML, &c->reply.body, &errs);
    if (rc == 0) {
        c->reply.status = status;
    } else {
        web_log_errors(&errs, "template");
        sw_buf_reset(&c->reply.body);
        sw_buf_adds(&c->reply.body, "<!DOCTYPE html><title>Error</title><p>Internal error.</p>\n");
        c->reply.status = 500;
    }
    sw_buf_release(&body);
    sw_errors_release(&errs);
    sw_arena_release(&own);
    return rc;
}

int web_message(struct web_ctx *c, int status, const char *title, const char *message)
{
    struct sw_arena arena = SW_ARENA_INIT;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    int rc = s ? sw_tpl_set(s, "message", message) : -1;
    rc |= web_render(c, status, title, "message.html", s, &arena);
    sw_arena_release(&arena);
    return rc;
}

void web_redirect(struct web_ctx *c, const char *location)
{
    c->reply.status = 303;
    snprintf(c->reply.location, sizeof c->reply.location, "%s", location);
    sw_buf_reset(&c->reply.body);
}

int web_allow(struct web_ctx *c, const struct web_access *a)
{
    enum web_verdict v = web_access_check(a);
    if (v == WEB_ALLOW)
        return 0;
    if (v == WEB_SIGN_IN)
        web_redirect(c, "/login");
    else
        web_message(c, 404, "Not found", "There is no such page.");
    return -1;
}

void web_clock(time_t t, char out[8])
{
    struct tm tm;
    if (!localtime_r(&t, &tm) || !strftime(out, 8, "%H:%M", &tm))
        strcpy(out, "--:--");
}

int web_time_fields(struct sw_tpl_scope *s, const char *iso_key, const char *text_key,
                    const char *stamp)
{
    double t = 0;
    char text[64] = "";
    struct tm tm;
    if (stamp && *stamp && sw_utc_parse(stamp, &t) == 0) {
        time_t tt = (time_t)t;
        if (gmtime_r(&tt, &tm))
            strftime(text, sizeof text, "%d %b %Y, %H:%M UTC", &tm);
    }
    return sw_tpl_set(s, iso_key, *text ? stamp : "")
           | sw_tpl_set(s, text_key, *text ? text : stamp ? stamp : "");
}

void web_duration(double hours, char *out, size_t size)
{
    long h = hours > 0 ? (long)hours : 0, d = h / 24;
    h %= 24;
    if (d == 0 && h == 0)
        snprintf(out, size, "under an hour");
    else if (d == 0)
        snprintf(out, size, "%ld hour%s", h, h == 1 ? "" : "s");
    else if (h == 0)
        snprintf(out, size, "%ld day%s", d, d == 1 ? "" : "s");
    else
        snprintf(out, size, "%ld day%s, %ld hour%s", d, d == 1 ? "" : "s", h, h == 1 ? "" : "s");
}

void web_age(time_t t, time_t now, char *out, size_t size)
{
    long s = now > t ? (long)(now - t) : 0;
    if (s < 60)
        snprintf(out, size, "just now");
    else if (s < 3600)
        snprintf(out, size, "%ld min ago", s / 60);
    else if (s < 2 * 86400)
        snprintf(out, size, "%ld h ago", s / 3600);
    else
        snprintf(out, size, "%ld days ago", s / 86400);
}
