/* page_mail.c - /mail: for recruiters, what the outbox sent to whom and when,
 * and what waits in it or failed (docs/design.md "Mail: sign-in links, reminders, digests"). */
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "mail.h"
#include "render/template.h"
#include "timestamp.h"
#include "web.h"

static int stamp(struct sw_tpl_scope *t, const char *key, double when)
{
    char text[21] = "";
    if (when > 0)
        sw_utc_format((time_t)floor(when), text);
    text[10] = ' ';                             /* "2026-12-07 20:11": to the minute */
    text[when > 0 ? 16 : 0] = 0;
    return sw_tpl_set(t, key, when > 0 ? text : "-");
}

static int section(struct sw_tpl_scope *s, const char *people, enum sw_outbox_state state)
{
    static const char *titles[] = { "Waiting", "Sent", "Failed" };
    static const char *at_labels[] = { "Next try", "Sent", "Given up" };
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_outbox_list l = { 0 };
    int rc = people ? sw_outbox_list(people, state, &l, &errs) : 0;
    sw_errors_release(&errs);
    struct sw_tpl_scope *sec = rc == 0 ? sw_tpl_add(s, "sections") : NULL;
    rc = !sec ? -1 : sw_tpl_set(sec, "title", titles[state]) |
                     sw_tpl_set(sec, "at_label", at_labels[state]) |
                     sw_tpl_setf(sec, "count", "%zu", l.n) |
                     sw_tpl_set(sec, "any", l.n ? "1" : "") |
                     sw_tpl_set(sec, "reasons", state == SW_OUTBOX_SENT ? "" : "1");
    for (size_t i = 0; i < l.n && i < 500 && rc == 0; i++) {
        const struct sw_outbox_entry *e = &l.items[i];
        struct sw_tpl_scope *t = sw_tpl_add(sec, "items");
        rc = !t ? -1 : sw_tpl_set(t, "to", e->to) | sw_tpl_set(t, "kind", e->kind) |
                       sw_tpl_set(t, "subject", e->subject) | stamp(t, "queued", e->queued) |
                       stamp(t, "at", e->at) | sw_tpl_setf(t, "attempts", "%u", e->attempts) |
                       sw_tpl_set(t, "reason", *e->reason ? e->reason : "-");
    }
    sw_outbox_list_release(&l);
    return rc;
}

void web_page_mail(struct web_ctx *c)
{
    struct web_access a = { .role = c->me.role, .page = WEB_PAGE_MAIL, .write = c->post };
    if (web_allow(c, &a) < 0)
        return;
    if (c->post) {
        web_message(c, 404, "Not found", "There is no such page.");
        return;
    }
    const char *people = c->srv->cfg->people_path;
    struct sw_arena arena = SW_ARENA_INIT;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    if (s && section(s, people, SW_OUTBOX_WAITING) == 0 &&
        section(s, people, SW_OUTBOX_FAILED) == 0 && section(s, people, SW_OUTBOX_SENT) == 0)
        web_render(c, 200, "Mail", "mail.html", s, &arena);
    else
        web_message(c, 500, "Error", "Out of memory, or the outbox cannot be read.");
    sw_arena_release(&arena);
}
