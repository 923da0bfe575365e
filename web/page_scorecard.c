/* page_scorecard.c - /r/REQ/s/CAND/INTERVIEW/INTERVIEWER: one scorecard, as
 * a form for its interviewer (read-only once submitted) and as a page for
 * those who may read it. Saves go through the same files, code and
 * write-if-unchanged rule as `scorewheel score` (entry.h, files.h): a save
 * that lost a race answers 409 and shows the typed text back. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "entry.h"
#include "files.h"
#include "render/template.h"
#include "log.h"
#include "web.h"

/* What the page is about: the file, found in the requisition's snapshot. */
struct target {
    struct web_req *req;
    char *path;
    struct web_access access;
};

static int find_target(struct web_ctx *c, struct target *t)
{
    const struct web_path *p = &c->path;
    memset(t, 0, sizeof *t);
    t->access = (struct web_access){ .role = c->me.role, .page = WEB_PAGE_SCORECARD,
                                     .write = c->post };
    t->req = web_index_req(&c->srv->index, p->seg[1]);
    struct sw_req_snapshot *snap = t->req ? web_req_snapshot(t->req) : NULL;
    const struct sw_req_file *f = snap ? web_snap_card(snap, p->seg[3], p->seg[4], p->seg[5])
                                       : NULL;
    if (f) {
        t->path = strdup(f->path);
        t->access.card = !t->path ? WEB_CARD_NONE
                         : f->scorecard->submitted ? WEB_CARD_SUBMITTED : WEB_CARD_DRAFT;
        t->access.own = c->me.role == SW_ROLE_EVERYONE || strcmp(c->me.id, p->seg[5]) == 0;
        t->access.mine = web_snap_mine(snap, p->seg[3], c->me.id);
    }
    sw_req_snapshot_release(snap);
    return web_allow(c, &t->access);
}

/* The file's bytes, and the scorecard they hold in entry order, from the
 * requisition model. NULL (reply set) when unreadable. */
static struct sw_scorecard *load(struct web_ctx *c, const struct target *t, struct sw_buf *bytes)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_scorecard *s = sw_requisition_card(t->req->model, t->path, bytes, &errs);
    if (!s) {
        web_log_errors(&errs, t->path);
        web_message(c, 500, "Cannot read", "This scorecard cannot be read now (it may be "
                    "invalid: run 'scorewheel validate' on it).");
    }
    sw_errors_release(&errs);
    return s;
}

static void show_with(struct web_ctx *c, int status, const struct sw_scorecard *s,
                      const struct sw_buf *bytes, const char *path, const char *message,
                      int readonly, const char *packet)
{
    char version[WEB_TOKEN_HEX], saved[32] = "";
    web_sha256_hex(bytes->data ? bytes->data : "", bytes->len, version);
    struct stat st;
    if (!readonly && path && stat(path, &st) == 0) {
        char hhmm[8];
        web_clock(st.st_mtime, hhmm);
        snprintf(saved, sizeof saved, "Saved at %s", hhmm);
    }
    struct web_form f = { .req = c->path.seg[1], .version = version, .message = message,
                          .saved = saved, .readonly = readonly, .packet = packet };
    struct sw_arena arena = SW_ARENA_INIT;
    struct sw_tpl_scope *top = sw_tpl_scope_new(&arena);
    if (top && web_form_fields(c->srv->index.rubric, s, &f, top) == 0)
        web_render(c, status, c->srv->index.rubric->interviews[s->interview].name,
                   "scorecard.html", top, &arena);
    else
        web_message(c, 500, "Error", "Out of memory.");
    sw_arena_release(&arena);
}

static void show(struct web_ctx *c, int status, const struct sw_scorecard *s,
                 const struct sw_buf *bytes, const char *path, const char *message, int readonly)
{
    show_with(c, status, s, bytes, path, message, readonly, NULL);
}

/* The page after a submit: the card, and the packet when it may be read now. */
static void show_submitted(struct web_ctx *c, const struct target *t,
                           const struct sw_scorecard *s, const struct sw_buf *bytes)
{
    struct web_access a = { .role = c->me.role, .page = WEB_PAGE_PACKET };
    struct sw_req_snapshot *snap = web_req_snapshot(t->req);
    a.mine = snap ? web_snap_mine(snap, c->path.seg[3], c->me.id) : WEB_CARD_NONE;
    sw_req_snapshot_release(snap);
    char packet[600];
    snprintf(packet, sizeof packet, "/r/%s/c/%s", c->path.seg[1], c->path.seg[3]);
    int can = web_access_check(&a) == WEB_ALLOW;
    show_with(c, 200, s, bytes, t->path, can ? "Submitted. The candidate's packet is open to "
              "you now." : "Submitted. The packet opens once all your scorecards for this "
              "candidate are submitted.", 1, can ? packet : NULL);
}

/* Typed text as it may be kept in XML (entry.h: invalid UTF-8 replaced, CR dropped). */
static int set_clean(struct sw_scorecard *s, const char **field, const char *typed)
{
    struct sw_buf b = SW_BUF_INIT;
    int rc = sw_entry_clean_text(typed, strlen(typed), &b) == (size_t)-1 ? -1
             : sw_entry_set_text(s, field, sw_buf_str(&b));
    sw_buf_release(&b);
    return rc;
}

/* Applies the posted fields to s. Returns -1 when out of memory; sets *bad
 * when a rating is not on the scale (that rating is left as it was). */
static int apply_form(const struct web_ctx *c, struct sw_scorecard *s, int *bad)
{
    const struct sw_rubric *r = c->srv->index.rubric;
    char name[32];
    int rc = 0;
    for (size_t i = 0; i < s->n_ratings && rc == 0; i++) {
        if (s->ratings[i].question < 0)
            continue;
        snprintf(name, sizeof name, "v%zu", i);
        const char *v = web_param(&c->form, name);
        double value;
        if (v && !*v)
            s->ratings[i].value = NAN;
        else if (v && sw_entry_parse_value(&r->scale, v, &value) == 0)
            s->ratings[i].value = value;
        else if (v)
            *bad = 1;
        snprintf(name, sizeof name, "e%zu", i);
        const char *e = web_param(&c->form, name);
        if (e)
            rc = set_clean(s, &s->ratings[i].evidence, e);
    }
    const char *rec = web_param(&c->form, "rec"), *notes = web_param(&c->form, "notes");
    if (rec && (*rec == '\0' || sw_recommendation_parse(rec) != SW_REC_NONE))
        s->recommendation = sw_recommendation_parse(rec);
    else if (rec)
        *bad = 1;
    if (notes && rc == 0)
        rc = set_clean(s, &s->notes, notes);
    return rc;
}

/* What a posted field was, for people: "Evidence for question 2", "Notes". */
static int typed_label(const char *name, char *out, size_t size)
{
    char *end;
    if ((name[0] == 'e' || name[0] == 'v') && name[1] >= '0' && name[1] <= '9') {
        unsigned long q = strtoul(name + 1, &end, 10);
        if (*end)
            return -1;
        snprintf(out, size, "%s for question %lu", name[0] == 'e' ? "Evidence" : "Rating",
                 q + 1);
    } else if (strcmp(name, "notes") == 0 || strcmp(name, "rec") == 0) {
        snprintf(out, size, "%s", name[0] == 'n' ? "Notes" : "Recommendation");
    } else {
        return -1;
    }
    return 0;
}

void web_scorecard_refused(struct web_ctx *c, int status)
{
    if (web_param(&c->form, "ajax")) {
        sw_buf_reset(&c->reply.body);
        sw_buf_adds(&c->reply.body, status == 401 ? "{\"error\": \"signed-out\"}\n"
                                                  : "{\"error\": \"expired\"}\n");
        c->reply.status = status;
        c->reply.type = "application/json";
        return;
    }
    struct sw_arena arena = SW_ARENA_INIT;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    int rc = !s ? -1 : sw_tpl_set(s, "heading", status == 401 ? "Signed out: not saved"
                                                               : "Expired: not saved")
        | sw_tpl_set(s, "message", status == 401
                     ? "You are signed out (the session ended), so nothing was saved. What "
                       "you typed is below: sign in again and save it."
                     : "This page is too old to be sent, so nothing was saved. What you typed "
                       "is below: reload the scorecard and save it.")
        | sw_tpl_set(s, "signin", status == 401 ? "yes" : "")
        | sw_tpl_setf(s, "action", "/r/%s/s/%s/%s/%s", c->path.seg[1], c->path.seg[3],
                      c->path.seg[4], c->path.seg[5]);
    char label[64];
    for (size_t i = 0; i < c->form.n && rc == 0; i++) {
        const struct web_param *f = &c->form.items[i];
        if (!*f->value || typed_label(f->name, label, sizeof label) < 0)
            continue;
        struct sw_tpl_scope *t = sw_tpl_add(s, "typed");
        rc = !t ? -1 : sw_tpl_set(t, "label", label) | sw_tpl_set(t, "value", f->value) |
                       sw_tpl_setf(t, "n", "%zu", i);
    }
    if (rc == 0)
        web_render(c, status, "Not saved", "signin_again.html", s, &arena);
    else
        web_message(c, 500, "Error", "Out of memory.");
    sw_arena_release(&arena);
}

static void answer_ajax(struct web_ctx *c, int status, const char *version, const char *message)
{
    char hhmm[8];
    web_clock(c->now, hhmm);
    sw_buf_reset(&c->reply.body);
    if (status == 200)
        sw_buf_addf(&c->reply.body, "{\"version\": \"%s\", \"saved\": \"%s\"}\n", version, hhmm);
    else
        sw_buf_addf(&c->reply.body, "{\"message\": \"%s\"}\n", message);
    c->reply.status = status;
    c->reply.type = "application/json";
}

static const char changed_message[] =
    "Not saved: this scorecard was changed elsewhere since you opened it. What you typed is "
    "below; the other changes are not shown. Save again to replace them with yours, or copy "
    "your text and reload.";
static const char submitted_message[] =
    "Not saved: this scorecard was submitted meanwhile and can no longer be changed here. What "
    "you typed is below: copy what you need.";

/* Writes s over the file that held `old`; 0, 409 or 500. */
static int write_card(struct web_ctx *c, const struct sw_scorecard *s, const char *path,
                      const struct sw_buf *old, struct sw_buf *xml)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    int rc = sw_entry_xml(c->srv->index.rubric, s, SW_ENTRY_GUIDE, xml, &errs);
    if (rc == 0)
        rc = sw_write_if_unchanged(path, xml->data, xml->len, sw_buf_str(old), old->len, &errs);
    int status = rc == 0 ? 0 : sw_errors_worst(&errs) == SW_EINPUT ? 409 : 500;
    if (status == 500)
        web_log_errors(&errs, path);
    sw_errors_release(&errs);
    return status;
}

/* Submit is deliberate: the rule `score` applies (entry.h). 0 when s may
 * be submitted; else -1, and the form is shown again with the reason. */
static int refuse_submit(struct web_ctx *c, const struct sw_scorecard *s,
                         const struct sw_buf *bytes, const char *path)
{
    struct sw_buf why = SW_BUF_INIT;
    if (sw_entry_submit_check(s, &why) == 0) {
        sw_buf_release(&why);
        return 0;
    }
    struct sw_buf msg = SW_BUF_INIT;
    sw_buf_addf(&msg, "Not submitted: %s. What you typed is below (not saved yet).",
                sw_buf_str(&why));
    show(c, 400, s, bytes, path, sw_buf_str(&msg), 0);
    sw_buf_release(&why);
    sw_buf_release(&msg);
    return -1;
}

static void save(struct web_ctx *c, const struct target *t)
{
    const char *path = t->path;
    char target_url[1024];
    snprintf(target_url, sizeof target_url, "/r/%s/s/%s/%s/%s", c->path.seg[1],
             c->path.seg[3], c->path.seg[4], c->path.seg[5]);
    struct sw_buf bytes = SW_BUF_INIT, xml = SW_BUF_INIT;
    struct sw_scorecard *s = load(c, t, &bytes);
    int ajax = web_param(&c->form, "ajax") != NULL, bad = 0;
    const char *version = web_param(&c->form, "version"), *action = web_param(&c->form, "action");
    int submit = !ajax && action && strcmp(action, "submit") == 0;
    char current[WEB_TOKEN_HEX];
    web_sha256_hex(bytes.data ? bytes.data : "", bytes.len, current);
    int was_submitted = s && s->submitted;
    if (!s) {
        /* reply set by load() */
    } else if (apply_form(c, s, &bad) < 0) {
        web_message(c, 500, "Error", "Out of memory.");
    } else if (was_submitted) {
        ajax ? answer_ajax(c, 409, NULL, submitted_message)
             : show(c, 409, s, &bytes, path, submitted_message, 1);
    } else if (!version || !web_equal_secret(version, current)) {
        ajax ? answer_ajax(c, 409, NULL, changed_message)
             : show(c, 409, s, &bytes, path, changed_message, 0);
    } else if (bad) {
        ajax ? answer_ajax(c, 400, NULL, "Not saved: a rating is not on the scale.")
             : show(c, 400, s, &bytes, path, "Not saved: a rating is not on the scale.", 0);
    } else if (submit && refuse_submit(c, s, &bytes, path) < 0) {
        /* reply set */
    } else {
        int status = submit && sw_entry_set_submitted(s, c->now) < 0 ? 500
                     : write_card(c, s, path, &bytes, &xml);
        if (status == 0)
            sw_requisition_forget(t->req->model, path);
        char fresh[WEB_TOKEN_HEX];
        web_sha256_hex(sw_buf_str(&xml), xml.len, fresh);
        if (status == 0 && ajax)
            answer_ajax(c, 200, fresh, NULL);
        else if (status == 0)
            web_redirect(c, submit ? strcat(target_url, "?submitted=1") : target_url);
        else if (ajax)
            answer_ajax(c, status, NULL, status == 409 ? changed_message : "Not saved: the "
                        "server could not write the file.");
        else
            show(c, status, s, &bytes, path, status == 409 ? changed_message : "Not saved: the "
                 "server could not write the file. What you typed is below.", 0);
    }
    sw_scorecard_free(s);
    sw_buf_release(&bytes);
    sw_buf_release(&xml);
}

void web_page_scorecard(struct web_ctx *c)
{
    struct target t;
    if (find_target(c, &t) < 0) {
        free(t.path);
        return;
    }
    if (c->post) {
        save(c, &t);
    } else {
        struct sw_buf bytes = SW_BUF_INIT;
        struct sw_scorecard *s = load(c, &t, &bytes);
        if (s && s->submitted && web_param(&c->query, "submitted"))
            show_submitted(c, &t, s, &bytes);
        else if (s)
            show(c, 200, s, &bytes, t.path, NULL, s->submitted || !t.access.own);
        sw_scorecard_free(s);
        sw_buf_release(&bytes);
    }
    free(t.path);
}
